"""A registered client written by title and initials rather than by name: "Ms Nguyen",
"K. Ah Mat", "WALKER, S.", "Priya R.", "NGUYEN V. L.", "J.S.", "JS", "MVDB", "gk", "Mr T.".

Rules (the register wins; a wrong guess is over-redaction the author can see in the preview):

* A client's name found in the text takes along a civil title before it (Mr, Mrs, Ms, Miss,
  Mx; "Aunty", "Dr" stay, being how the meeting knows the person's standing) and initials
  beside it that are initials of that client's name ("K. Ah Mat", "Walker, S.", "Joy W").
* The initials of a client in play, two to five letters, dotted ("J.S.", "G. L.") or in
  capitals ("JS", "MVDB", "KAM"), are the client, unless in capitals they are a common
  abbreviation (GP, DV, ED, QLD...); in lowercase ("gk") only when no English word or SMS
  abbreviation. Initials are those of every part ("Katherine Ah Mat" is KAM, "Hasan El-Masri"
  HEM, "Maarten van der Berg" MVDB), first and last (KM), and last and first (MK).
* A title with one initial of a client in play ("Mr T.", "Mrs L.") is the client.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set
from typing import Protocol

from bot.deidentify import lexicon
from bot.deidentify.lexicon import word_set
from bot.deidentify.text import PLACEHOLDERS, Hit


class Token(Protocol):
    """A word of the text, as ``known_clients.words`` reads it."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def key(self) -> str: ...

_PARTS = re.compile(r"[^\W\d_]+")
_CLAN_JOINED = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # "o'keeffe" one word
_TITLE_BEFORE = re.compile(r"(?<![^\W\d_])(?i:mr|mrs|ms|miss|mx|mister)\.?\s+\Z")
_FIRST_INITIAL = re.compile(r"(?<![^\W\d_])[A-Z]\.")
_INITIAL_BEFORE = re.compile(r"(?<![^\W\d_.])(?<!['’])([A-Za-z])(?:\.\s*|\s+)\Z")  # "J. ", "M.J. "
# "Smith J.", "Quispe H., M.J.": up to four initials, a comma between two of them.
_INITIALS_AFTER = re.compile(
    r"(?:,\s*|\s+)((?:[A-Z](?:\.\s?|\s|-(?=[A-Z]\b)|(?=[^\w]|\Z))(?:,\s?(?=[A-Z]\.))?){1,4})"
)
# A lowercase initial after a lowercase name: not one of SMS's one-letter words (a, i, n, u, w…).
_LOWER_INITIAL_AFTER = re.compile(r"\s([b-hjlmo-tvz])(?:\.|(?=[^\w]|\Z))")
# A letter that names a block, a wing or a bed, not a person: "Block C. Dhakal".
_A_PLACES_LETTER = re.compile(
    r"(?i:\b(?:block|unit|level|wing|ward|bed|room|bay|gate|pod|zone|site|cabin|lot|stage|plan"
    r"|option|type|grade|class|part|section|row|seat|building|tower|floor|shed|house))\s+\Z"
)
_AN_ARTICLE = re.compile(r"(?<![^\W\d_])(?i:an?) \Z")
_LETTER_DOT = re.compile(r"\b[A-Za-z]\.")  # a quick look: "J." somewhere
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Za-z]\.\s?){1,4}[A-Za-z]\.?(?![^\W\d_])")
# The word alone, not glued to digits, dots, hyphens or apostrophes ("U1R-014", "J.S.", "O'Neil").
_ALONE = re.compile(r"[^\w.'’\-]?[^\W\d_]+[^\w'’\-]?")
_TITLE_INITIAL = re.compile(
    r"(?<![^\W\d_])(?i:mr|mrs|ms|miss|mx|mister)\.?\s+([A-Z])\.?(?![^\W\d_])"
)
_DOTTED_WORDS = word_set("eg ie am pm nb ps etc aka ok")  # written with dots, not initials
_WINDOW = 12  # characters before a name where a title or an initial can be

# Capitals that are abbreviations in case notes, never read as a client's initials.
ABBREVIATIONS = word_set(
    """gp ed er dv dvo avo pa nt qld nsw vic sa wa tas act ok am pm tv id mh aod ndis crn tfn
    dob abn rta cib epoa qcat tis bys ptsd adhd asd hiv hcv sti nfa atm sms uk us nz it hr ceo
    cbd icu gps un rsvp asap fyi aka tbc tba nb ps na eta dhs dsp lgbt lgbtqi idk lol omg bf gf
    dm fb ig qps afp qh rbwh pah qeii qcs dcj csyw acat mhs mp mla cv gst bsb pin sos cpr ecg
    mri ct ivf od oh hq po pc ab ac de ave nw ne se sw ps pcyc rspca ndia nrl afl
    abc sbs tafe uni qut uq atsichs atsils cald nesb ahr tenants bp ok ot sw cm tl dsw sp
    mho cmo ao dob ppe"""
)
_TITLES = word_set("mr mrs ms miss mx mister")
_TWO_LETTER_WORDS = word_set(
    "am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we ye yo"
)
# Lowercase SMS words of two or three letters that are not initials.
SMS_WORDS = word_set(
    """ph pm am ok tx txt bf gf w n u r ur pls plz thx ty tmrw tmr appt mob hr hrs wk wks yr yrs
    dr st rd mt mr ms nt qld nsw vic gp ed dv aod mh crn tfn id atm nfa bc cos coz abt tho
    til wat wot ya yep nah yeh ta hv gd rn lol omg idk btw imo fyi asap eta aka cnr nxt prev
    mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep oct nov dec hwy ave pde tce
    cct esp qut uq"""
)


def name_parts(name: str) -> list[str]:
    """The words of a name, casefolded, hyphenated parts apart: "El-Masri" is el, masri."""
    return [p.casefold() for p in _PARTS.findall(name)]


class Initials:
    """The titles and initials that stand for the clients in play."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """``names``: (case code, full name or alias as registered) pairs."""
        self.letters: dict[str, set[str]] = {}  # code -> initial letters of its name parts
        self.acronyms: dict[str, set[str]] = {}  # "kam" -> codes
        for code, name in names:
            parts = name_parts(name)
            if not parts:
                continue
            self.letters.setdefault(code, set()).update(p[0] for p in parts)
            if len(parts) == 1:
                if name.isupper() and 2 <= len(parts[0]) <= 5:  # an alias such as "JJ"
                    self.acronyms.setdefault(parts[0], set()).add(code)
                continue
            # "Winton O'Keeffe" is WO (and WOK, its parts split at the apostrophe)
            for words in {tuple(parts), tuple(_CLAN_JOINED.findall(name.casefold()))}:
                if len(words) < 2:
                    continue
                for acronym in {
                    "".join(p[0] for p in words),
                    words[0][0] + words[-1][0],
                    words[-1][0] + words[0][0],
                }:
                    if 2 <= len(acronym) <= 5:
                        self.acronyms.setdefault(acronym, set()).add(code)
        self.any_letter = set().union(*self.letters.values()) if self.letters else set()
        self.keys = frozenset(self.acronyms)  # a set, so that "&" walks the note's few words

    def letters_of(self, codes: Iterable[str]) -> set[str]:
        return set().union(*(self.letters.get(c, set()) for c in codes))

    def widen(self, text: str, hits: list[Hit]) -> list[Hit]:
        """The client-name hits with their title and initials taken along."""
        out = []
        for h in hits:
            if h.kind != "name":
                out.append(h)
                continue
            letters = self.letters.get(h.replacement, self.any_letter)
            start, end = h.start, h.end
            m = _INITIALS_AFTER.match(text, end)
            if m and all(ch.casefold() in letters for ch in m[1] if ch.isalpha()):
                end = m.start(1) + len(m[1].rstrip())
            elif (
                text[start:end].islower()
                and (low := _LOWER_INITIAL_AFTER.match(text, end))
                and low[1] in letters
            ):
                end = low.end(1)  # "nona c at kurbingui": her surname's initial
            other = False  # "T. Dhakal" for a client Sita Dhakal: her husband, not her
            for _ in range(3):  # "Mr J. Smith", "M.J. Quispe": initials, then a title
                before = text[max(0, start - _WINDOW) : start]
                if title := _TITLE_BEFORE.search(before):
                    start -= len(before) - title.start()
                    break
                initial = _INITIAL_BEFORE.search(before)
                if not initial or initial[1] in "ai" or (
                    initial[1] in "AI" and "." not in initial[0]
                ):
                    break  # "a Dhakal", "A KORKMAZ FAMILY": an article
                at = start - len(before) + initial.start(1)
                if initial[1].casefold() not in letters:
                    if not (initial[1].isupper() and (
                        "." in initial[0] or text[h.start : h.end].isupper()  # "S KORKMAZ"
                    )) or (
                        _A_PLACES_LETTER.search(text, max(0, at - 12), at)
                    ):
                        break  # "w Dhakal": with her; "Block C. Dhakal": a block's letter
                    other = True
                start = at
            if other:  # the initials only: a title stays, as for anyone else ("Mr [name]")
                first = _FIRST_INITIAL.search(text, start, h.start)
                out.append(Hit(first.start() if first else start, end, "person",
                               PLACEHOLDERS["name"]))
            else:
                out.append(h._replace(start=start, end=end))
        return out

    def find(self, text: str, tokens: Sequence[Token], keys: Set[str]) -> list[Hit]:
        """Initials and "Mr T." forms standing alone for a client in play."""
        if not self.acronyms and not self.letters:
            return []
        hits: list[Hit] = []
        acronyms, words = self.acronyms, lexicon.english_words()
        present = self.keys & keys if keys else ()  # mostly empty: no loop then
        classes: list[Token] = []  # licence classes, unless the note names the client so too
        people: set[str] = set()
        for t in (t for t in tokens if t.key in present) if present else ():
            size = t.end - t.start
            if size > 5:
                continue
            word = text[t.start : t.end]
            upper = (
                word.isupper()
                and t.key not in ABBREVIATIONS
                and (size > 2 or t.key not in _TWO_LETTER_WORDS)  # "AS", "IT"; not "GS"
            )
            lower = word.islower() and size <= 3 and t.key not in SMS_WORDS and t.key not in words
            if t.key in lexicon.DOSE_TIMES and _A_DOSE_BEFORE.search(
                text, max(0, t.start - 16), t.start
            ):
                continue  # "levetiracetam 500 mg BD": twice a day, not Bree Dalton
            if t.key in _UNITS and _a_measure(text, t.start, t.end):
                continue  # "Isoniazid 300 mg", "walked 5 km": a unit after its number, not
                # Mehret Ghebreyesus (but "Bed 4 KM", "Day 2 MG", "1 KM 2 JS": the client)
            if (upper or lower) and _ALONE.fullmatch(text[max(0, t.start - 1) : t.end + 1]) and (
                not _AN_ARTICLE.search(text, max(0, t.start - 4), t.start)
            ):  # "a JP needs to sign": a Justice of the Peace, not Juan Pablo
                if upper and _a_licence_class(text, t):
                    classes.append(t)
                    continue
                people.add(t.key)
                hits.append(code_hit(t.start, t.end, acronyms[t.key]))
        # "Met LF at TAFE. LF class went well": where the note names the client by the letters,
        # the class-shaped mention is the client too.
        hits += [code_hit(t.start, t.end, acronyms[t.key]) for t in classes if t.key in people]
        for m in _TITLE_INITIAL.finditer(text) if not _TITLES.isdisjoint(keys) else ():
            codes = {c for c, letters in self.letters.items() if m[1].casefold() in letters}
            if codes:  # "Mr T.", "Mrs F lives at"
                hits.append(code_hit(m.start(), m.end(), codes))
        if not _LETTER_DOT.search(text):
            return hits  # no "J." in the text: no dotted initials
        for m in _DOTTED.finditer(text):
            letters = "".join(ch for ch in m[0] if ch.isalpha())
            key = letters.casefold()
            if len(letters) >= 2 and (m[0][0].isupper() or (
                # lowercase, a dot after every letter: "w.d." (not "e.g.", "a.m.")
                m[0].count(".") == len(letters) and key not in _DOTTED_WORDS
            )):
                hits += self._hit(m.start(), m.end(), key)
        return hits

    def _hit(self, start: int, end: int, key: str) -> list[Hit]:
        codes = self.acronyms.get(key)
        return [code_hit(start, end, codes)] if codes else []


# Units after a number, which a client's initials may spell: "300 mg", "5 ml", "70 kg".
_UNITS = word_set("mg mcg ml kg km cm mm hr hrs mmol iu")
_A_NUMBER_BEFORE = re.compile(r"(?P<word>[^\W\d_]+)?[ \t]*\d[\d.,]*[ \t]?\Z")
# Said of a dose or a distance, before its number or after its unit.
_MEASURED = word_set(
    "take takes taking took on dose doses give gives gave given increased decreased reduced"
    " walked walk walks ran run drove drive weighs weight lost gained about approx every"
)
_A_DOSES_NEXT = re.compile(
    r"[ \t]*(?:x\b|/|\)|(?i:daily|per|a[ \t]+day|of|bd|tds|qid|mane|nocte|prn|stat|tablets?|tabs?"
    r"|caps?|walk|away|each|twice|once|in[ \t]+the)\b)"
)


def _a_measure(text: str, start: int, end: int) -> bool:
    """A unit after its number, where a dose or a distance is said: a medicine or a dose's
    word before the number ("Isoniazid 300 mg", "on 3 mg"), or its frequency after ("5 mg
    daily", "300 mg x 30", "5 km walk")."""
    m = _A_NUMBER_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = (m["word"] or "").casefold()
    after = {w.casefold() for w in re.findall(r"[^\W\d_]+", text[end : end + 20])}
    return (
        word in lexicon.medications() or word in _MEASURED
        or _A_DOSES_NEXT.match(text, end) is not None
        or not lexicon.medications().isdisjoint(after)  # "3 MG MELATONIN"
    )


# A dose, and perhaps how often already, before a word: "500 mg BD", "1 g QID PRN".
_A_DOSE_BEFORE = re.compile(
    rf"(?i){lexicon.DOSE_AMOUNT}(?:[ \t]+(?:{'|'.join(sorted(lexicon.DOSE_TIMES))}))?[ \t]+\Z"
)
# High-risk work licence classes (forklift, order picker, cranes, dogging, rigging, scaffolding,
# hoists, boilers, elevating work platforms) that a note writes beside their licence or ticket.
_LICENCE_CLASSES = word_set(
    "lf lo dg rb ri ra sb si sa wp hp ho hm bs bt cn ct cv cb cs cp cd cm cu c2 c6 c1 c0 pb tc"
)
# Words of high-risk work. "class", "ticket", "licence" or "driver" alone say so only after the
# forklift's classes, the ones a note names most ("LF tickets", "LO drivers"): "TC class at
# TAFE", "Driver: LF", "CB drivers licence" are people.
_HIGH_RISK = (
    r"(?i:forklifts?|hrwl|cranes?|rigging|dogging|scaffolding|high[- ]risk|ewp|order[- ]pickers?)"
)
_LICENCE_WORD = r"(?i:licen[cs]es?|tickets?|class(?:es)?|courses?|operators?)"
_FORKLIFT = word_set("lf lo")
_FORKLIFT_AFTER = re.compile(r"\s*(?:" + _LICENCE_WORD + r"|(?i:drivers?))\b")
_FORKLIFT_BEFORE = re.compile(
    r"\b" + _LICENCE_WORD + r"\s*(?:no\.?|number)?\s*[:\-–]?\s*\Z"  # "Licence class: LF"
)
# After the class: a high-risk word, perhaps after its licence word ("LF forklift licence"), or
# another class then a licence word ("LF and LO tickets", "LF/LO forklift"); before it, a
# high-risk word ("HRWL class LF", "forklift licence: LF").
_ANOTHER_CLASS = r"\s*(?:and|or|&|/|,)\s*(?:" + "|".join(
    sorted(c.upper() for c in _LICENCE_CLASSES)
) + r")\b"
_LICENCE_AFTER = re.compile(
    r"(?:" + _ANOTHER_CLASS + r")*\s*(?:\(\w+\)\s*)?(?:" + _LICENCE_WORD + r"\s+)?" + _HIGH_RISK
    + r"\b|(?:" + _ANOTHER_CLASS + r")+\s*(?:\(\w+\)\s*)?(?:" + _HIGH_RISK + "|" + _LICENCE_WORD
    + r")\b"
)
_LICENCE_BEFORE = re.compile(
    r"\b" + _HIGH_RISK + r"(?:\s+" + _LICENCE_WORD + r")?\s*(?:no\.?|number)?\s*[:\-–]?\s*\Z"
)
_LICENCE_WINDOW = 32  # characters before the class where its licence words can be


def _a_licence_class(text: str, t: Token) -> bool:
    """ "LF forklift licence", "HRWL class LO", "LF and LO tickets": a licence's class, not
    initials; "TC class at TAFE" is someone."""
    if t.key not in _LICENCE_CLASSES:
        return False
    if t.key in _FORKLIFT and (_FORKLIFT_AFTER.match(text, t.end) or _FORKLIFT_BEFORE.search(
        text, max(0, t.start - _LICENCE_WINDOW), t.start
    )):
        return True
    for found in (
        _LICENCE_AFTER.match(text, t.end),
        _LICENCE_BEFORE.search(text, max(0, t.start - _LICENCE_WINDOW), t.start),
    ):
        if found is not None and _its_work(t.key, found[0]):
            return True
    return False


# The work each class licenses: "TC order picker course" names no tower crane, so TC is
# someone's initials there. "HRWL" and "high risk" go with every class.
_WORK_OF = {
    "lf": ("forklift",), "lo": ("order", "forklift"), "dg": ("dogging",), "wp": ("ewp",),
    **dict.fromkeys(("rb", "ri", "ra"), ("rigging",)),
    **dict.fromkeys(("sb", "si", "sa"), ("scaffolding",)),
    **dict.fromkeys(("cn", "ct", "cv", "cb", "cs", "cp", "cd", "cm", "cu", "c2", "c6", "c1", "c0",
                     "tc"), ("crane",)),
}  # hoists, boilers and booms have no word of their own in the list: "HRWL" or a class says so
# (an order picker is a forklift too: "LO forklift licence")
_WORK_WORD = re.compile(_HIGH_RISK)


def _its_work(key: str, found: str) -> bool:
    """Does the licence context ``found`` name this class's own work, any class's ("HRWL"), or
    another class (no work word at all: "LF and LO tickets")?"""
    works = [w.casefold() for w in _WORK_WORD.findall(found)]
    if not works:
        return True
    own = _WORK_OF.get(key, ())
    return any(
        w in ("hrwl", "high risk", "high-risk") or w.startswith(own) for w in works
    )


def code_hit(start: int, end: int, codes: Set[str]) -> Hit:
    """A client's name found at ``start``:``end``: their code, or [name] if several share it."""
    code = next(iter(codes)) if len(codes) == 1 else PLACEHOLDERS["name"]
    return Hit(start, end, "name", code)
