"""People's names that are not in the register (family, neighbours, landlords, other workers).

A name lexicon plus context, chosen by measurement (BENCHMARKS.md, "De-identification"): spaCy's
small English NER model, alone or inside Presidio, found fewer of these names on the corpus, took
suburbs and agencies for people, and ran at a small fraction of the speed. Here the lexicon (US
Census given names and surnames) finds the names it lists anywhere, and context finds the ones it
does not. A capitalised word is a person's name when

1. it follows a title ("Mr Nguyen", "Aunty Jo", "Dr Patel") or a relation word ("her sister
   Bronwyn", "neighbour Dave Smith", "son named Liam", "sister bronwyn"), or comes before a
   possessive ("Tavita's place");
2. it is a lexicon given name or surname that is no English word, place or month ("Bronwyn",
   "Nguyen"), wherever it stands;
3. with another name word it forms a pair ("Grace Brown", "Upasna Patel", "Tavita Faleolo",
   "Mitesh Mane (dob ...)");
4. it is a given name that is also a word or a month ("Grace", "Will", "June"), or a word no list
   knows ("Kiprono"), or any word with a verb after it ("said Peace has"), standing alone among
   lowercase words -- at the start of a sentence only with a verb after it ("Hope said"), never
   in a run of capitalised words (a program: "the Rental Grant"), after "in", "at", "near" or
   "moved to" (a place), or as a date ("in May", "Jun 2026").

Never a name: listed places, medications, weekdays, titles and relation words themselves, and a
short list of brands and programs (Coles, JobSeeker) -- though one of those after a given name is
taken as its surname ("Dave Coles"). Words next to a found name that look like name words join it
("Dave S.", "Bronwyn Smith-Jones", "Tao Gong").

Trade-offs: an unlisted suburb or brand written mid-sentence among lowercase words can be taken for
a name (over-redaction, the safe side); a name that is an English word at the start of a sentence
with no verb after it ("Grace and the kids" is caught, "Grace: rent paid" too, but not "Grace
rent paid") is missed, as is a lowercase name outside a relation ("spoke to bronwyn").
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from bot.deidentify import lexicon
from bot.deidentify.known_clients import (
    SIGNS_ON_AFTER,
    STREET_BEFORE,
    STREET_HEADS,
    Word,
    introduction,
    numbered_place,
)
from bot.deidentify.lexicon import word_set
from bot.deidentify.patterns import ANY_CASE_TYPE_FORMS, STREET_TYPE_FORMS, VEHICLE_WORDS
from bot.deidentify.text import (
    EMOJI,
    HAS_DIGIT,
    THE_BEFORE,
    Hit,
    fold,
    hit,
    name_follows,
    sentence_start,
)

_APOS = frozenset("'’‘`")
_POSSESSIVE = re.compile(r"['’‘`][sS](?![^\W\d_])")
_CLAN = re.compile(r"(?<![^\W\d_])[oOdD]['’]\Z")  # "o'" of "o'brien", "d'" of "d'souza"
# Between two words of one name (a double-barrelled name may break after its hyphen at a line's
# end); a dash with a space on each side joins only names ("Zanele - Mokoena"), not "Hamid -
# Housing offer", a name, then a subject (``_joins``).
_JOIN = re.compile(r" ?[-‐‑–](?: ?|[ \t]*\r?\n[ \t]*)| |&nbsp;")
_SPACED_DASH = re.compile(r" [-‐‑–] ")
_INITIAL = re.compile(  # not "I" or "A", which are words; after a comma only with its dot
    r" [B-HJ-Z](?![^\W\d_])|,\s?[A-Z]\.(?![^\W\d_])"
)
# "K. Akuien Bior", "M.J. Quispe", "P. & M. Ravenscroft", "B & T Kuchel" (owners on a ledger)
_INITIAL_BEFORE = re.compile(
    r"(?<![\w.])(?:(?:[A-Z]\.?[ \t]?&[ \t]?)?(?:[A-Z]\.[ \t]?){1,3}"
    r"|[A-Z]\.?[ \t]?&[ \t]?[A-Z][ \t])\Z"
)
_CAPS_INITIAL_BEFORE = re.compile(r"(?<![\w.'’])[B-HJ-Z] \Z")  # "M ARANEDA", "D OGUNLESI-FITCH"
_CAPS_INITIAL = re.compile(r" [A-Z]\.(?![^\W\d_])")
_MORE_INITIALS = re.compile(r"(?:\.\s?[A-Z](?![^\W\d_]))+\.?")
_LINK = re.compile(r"[\s,:(\-–]*['’‘ʻ]?")  # between a relation word and the name ("mum 'ana")
_TITLE_GAP = re.compile(r"\.?\s+")
# "RentConnect", "JobSeeker", "MyService"; not "McDonald"
_CAMEL = re.compile(r"[A-Z][a-z]{2,}[A-Z]|My[A-Z]")
_AFTER_NUMBER = re.compile(r"\d[a-zA-Z]?\s+(?:[A-Z][\w'’\-]*\s+){1,3}\Z")
_DATE_AFTER = re.compile(r"[\s,]*'?\d")
_NOT = re.compile(r"['’]t\b")
_AND_A_LANGUAGE = re.compile(
    r"[ \t]*(?:/|and\b|or\b|,(?=[^,\n]*\b(?:and|or)\b))[ \t]*[^\W\d_][\w']*"
    r"-(?:speaking|speakers?|language)\b"
)  # "Dari and Hazaragi-speaking", "Karen, Chin or Burmese-speaking"; not "Karen, Swahili-speaking"
_A_LANGUAGE = re.compile(r"\b[^\W\d_][\w']+(?=-(?:speaking|speakers?|language)\b)")
_TIME_BEFORE = re.compile(r"\d\s?(?:[ap]\.?m\.?|hrs?)\s*\Z", re.IGNORECASE)  # "10am Tue"
_DATE_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s*\Z")
_NUMBERED_BEFORE = re.compile(r"(?:\d(?:st|nd|rd|th)|\b[Nn]o\.? ?\d+) \Z")
_DEED_AFTER_DAY = re.compile(  # a person's deed after a day's name: "THU RANG BACK", "Thu said"
    r" (?:[A-Z][A-Za-z]+ )?"  # "3PM SUN LI CALLED"
    r"(?i:rang|called|phoned|texted|said|asked|told|emailed|dropped)\b(?! (?i:the|that|it)\b)"
)
_POSTCODE_AFTER = re.compile(r",?\s+\d{4}\b")
_STRICT_TITLES = frozenset({"dr", "doctor", "prof"})  # "Dr Appointment" is no name
_DETERMINERS = word_set(
    "the a an this that these those his her their our my your its no any some every"
)
_PLACE_FOLLOWERS = word_set(
    """central city station qld nsw area hospital library plaza mall shopping council region
shire heights north south east west cib police court courthouse magistrates watchhouse pcyc
via outreach"""
)
# Followers that make a town only after an article or a preposition ("a Stanley boat", "at Eden
# wharf", "the Kwinana refinery"); not "Collected Kingsley airport 10am", "took Eden boat fishing".
_SITE_FOLLOWERS = word_set(
    """harbour harbor wharf jetty marina port airport airstrip foreshore pier farm farms boat boats
refinery smelter mine mines depot"""
)
_SITE_BEFORE = word_set("the a an at to from in on near off past of by")


def _starts_a_sentence(text: str, at: int) -> bool:
    """At the text's start or after a sentence's or a line's end mark; not after a line break
    inside a sentence ("Collected\nKingsley airport")."""
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:;)-•*\"“‘'("
# An abbreviation with a capital inside, no name's shape: "RoS" (Resolution of Status), "MoU".
_CAMEL_ABBREVIATION = re.compile(r"[A-Z][a-z][A-Z]")
_DATE_WORDS = lexicon.MONTHS | word_set("mon tue tues wed thu thur thurs fri sat sun")
# Months hardly anyone is called, though the census lists them ("through November and
# December", "the servo for September"); April, May, June, August and "Jan" can be people.
_NAMELESS_MONTHS = word_set(
    "january february march july september sept october november december feb apr aug sep oct"
    " nov"
)
# Weekdays as abbreviated that no one is called ("Thu", "Sun", "Tue" and "Mon" are names).
_NAMELESS_DAYS = word_set("tues thur thurs wed weds fri sat")
# The head of a job's title, never a name alone: "Sous Chef", "LF Operator", "Storeperson".
_TRADES = word_set(
    """chef operator foreman steward packer labourer cleaner barista attendant technician
    electrician plumber apprentice storeperson storeworker sawyer rigger scaffolder concreter
    tiler driller picker sorter chippy sparky pizzaiolo waiter waitress kitchenhand dishwasher"""
)
_NAMELESS = _NAMELESS_MONTHS | _NAMELESS_DAYS
_ENTITIES = word_set("nbsp amp lt gt quot apos hellip ndash mdash rsquo lsquo rdquo ldquo commat")
# A hospital's abbreviations in capitals, no one's name ("ED SW handover"; but "Ed rang").
_WARD_ABBREVIATIONS = word_set("ed er sw icu gp ot pt hdu ccu")
# A form's label for a number: "Emp No: 9912084", "Client ID: 81 442 0917".
# Before a colon, a form's field and not a person: "No:", "Password:", "Username:".
_NUMBER_WORDS = word_set("no number num id ref password passcode passphrase username login pin")
_LABEL_END = re.compile(r"\.?[ \t]*[:#]")
_NUMBERS_LABEL = re.compile(r" (?:[Nn]o|NO|[Nn]umber|NUMBER|ID|Id|[Rr]ef|REF)\.?[ \t]*[:#]")
_NEVER = lexicon.TITLES | lexicon.RELATIONS | (lexicon.WEEKDAYS - _DATE_WORDS)
_NEED_FLAGS = lexicon.TITLES | lexicon.RELATIONS  # lowercase words whose flags matter
# SMS words in no list, never names: "w tmrw", "saw appt", "with gf".
_SMS_WORDS = word_set(
    """tmrw tmr tomoz arvo appt appts txt txted thx pls plz ppl govt dept meds scripts rego reg bub
    bubs gf bf hubby hubs wifey bestie besties bff missus mum's brekkie servo bottlo centrelink
    vinnies salvos ozcare tafe
    dunno gonna wanna kinda sorta tho thru nite tonite lol omg idk btw asap ok okay yep nah
    yeah ya hes shes theyre dont cant wont didnt doesnt isnt wasnt havent hasnt ive youre
    abt bout coz cos rn tbh imo ty np
    txtd msgd lvm cld phnd emld spk chk fwd bcc mtg aod msg rang rng
    bono"""  # "pro bono"
)
# Before a lowercase word no dictionary knows, these make it a person ("says priya"); not
# contact cues for the register's word-names, where "said grace" is the word.
_SAID = word_set("said says")
# Lowercase words in no list that still follow "with" in notes: not names.
# What a sentence's subject did, after an unknown word opening it: "jace took my keys".
_DEEDS = word_set(
    "took gave went got said says rang cried left came called texted told stayed slept wants"
    " needs lost found moved hit kicked yelled broke stole"
    " did smiled smiles crawled walked laughed hates loves sleeps"  # a baby's: "nardia did her"
)
_AND = word_set("and n &")
_ME = word_set("me i")
_NOT_AFTER_ME = word_set("a an the")  # "… and i a" is no pair
_COMMON_LOWER = word_set(
    "whanau fam crew mob mates cuz bro sis kids rellies family aunties max min"
    # Kriol and Yumplatok pronouns: "youpla took her money", "olabat came back"
    " youpla yupla mipla melabat olabat dempla dembala wi yumi im thempla"
    # where someone is, run together: "the manager is onsite today"
    " onsite offsite onshift offshift"
    # babies, Australians, a uni and towns' short forms: "premmie born at 30 weeks", "uni did"
    " bubba bubbas premmie premmies preemie preemies prem aussie aussies kiwi bris uni"
)


class _Tok(NamedTuple):
    start: int
    end: int
    key: str  # casefolded, apostrophes dropped: "o'brien" -> "obrien"
    cap: bool  # Title Case: "Bronwyn", "O'Brien"
    upper: bool  # ALL CAPS, 2+ letters
    capital: bool  # either
    opens: bool  # first word of a sentence
    blocked: bool  # inside a kept phrase, a placeholder, a place, or another hit
    anchor: bool  # inside a registered client's name found already
    # What the word lists say (computed for capitalised words, titles and relation words only)
    given: bool
    surname: bool
    word: bool  # a common English word
    place: bool
    dated: bool  # a month or a short weekday: a name only outside a date
    brand: bool  # listed as never a name alone (Coles, JobSeeker, Murri)
    never: bool  # medication, weekday, title, relation word, a single letter
    lexical: bool  # a given name or surname of the lexicon
    unknown: bool  # in no list at all


def find(
    text: str,
    words: list[Word],
    blocked: Sequence[tuple[int, int]],
    anchors: Sequence[tuple[int, int]] = (),
    keys: AbstractSet[str] | None = None,
    kept: AbstractSet[str] = frozenset(),
    surnames: AbstractSet[str] = frozenset(),
) -> list[Hit]:
    """Hits (type "person") for the names of people in ``text`` outside ``blocked`` spans, given
    the text's ``words`` (``register.words``). ``kept``: the words of the keep-list's phrases
    (a worker's surname after an initial, "F. Hatherall", is the worker). ``surnames``: the
    registered clients' surnames, folded.

    ``anchors`` are registered clients' names found already: a name word found here next to one
    makes the whole run another person ("her sister Bronwyn Quokkafield", "Gerald Sellers" when
    only a client Gerald is registered), so the client's code is not pinned on them.
    """
    languages = [m.span() for m in _A_LANGUAGE.finditer(text)]  # "a Dari-speaking counsellor"
    toks = _tokens(text, words, [*blocked, *languages], anchors)
    if any(t.brand for t in toks):
        toks = _cars_only_beside_cars(text, toks)
        toks = _peoples_beside_a_name(text, toks)
    name = [False] * len(toks)
    pets = _pets(text, keys)
    for i, t in enumerate(toks):
        if t.blocked or not (
            t.capital or t.key in _NEED_FLAGS or t.key in _IN_LAWS or t.key in _PROFESSIONS
            or t.key in lexicon.KIN_ABROAD or t.key in _WORK_RELATIONS
        ):
            continue  # most words: lowercase, and neither a title nor a relation word
        if t.capital and numbered_place(text, t):  # type: ignore[arg-type]
            continue  # "Ward 4B", "Rm 4"
        if t.key in lexicon.TITLES and not _street_type(text, t):
            _mark_after(text, toks, name, i, title=True)
        elif (t.key in lexicon.RELATIONS and (not t.capital or t.opens)) or (
            (t.key in lexicon.KIN_ABROAD or t.key in _WORK_RELATIONS) and not t.capital
        ) or (  # "his akka priya", "my boss is dawson" (not "Amma Boateng"); not "Heather
            t.key in _IN_LAWS and not t.capital  # Foster"; "bil wakil", but "Fil" is someone
        ) or (t.key in _PROFESSIONS and (  # "pharmacist joanne", "OT MARK", "Physio KING";
            not t.capital or t.opens or t.upper or (i + 1 < len(toks) and toks[i + 1].upper)
        )):  # not "Heather Nurse"
            _mark_after(text, toks, name, i, title=False)
        if (  # what makes it a name, then (fewer words) what makes it something else
            t.capital
            and not (t.never or t.brand or name[i])
            and (
                _possessive(text, t) or _strong(t) or _pair(text, toks, i) or _alone(text, toks, i)
                or _contacted(text, toks, i) or _syllable_name(text, t) or _on_a_team_sheet(text, t)
            )
            and t.key not in _NAMELESS
            and not _CAMEL_ABBREVIATION.fullmatch(text, t.start, t.end)  # "RoS", "MoU"
            and not (t.key in _TRADES and not t.lexical)  # "Storeperson", "LF Operator"
            and not (t.upper and t.key in _WARD_ABBREVIATIONS and not (
                i + 1 < len(toks) and toks[i + 1].upper and toks[i + 1].surname
                and text[t.end : toks[i + 1].start] == " "))  # "ED SW"; "ED MAGUIRE" is Ed
            and not _in_a_title(text, toks, i)
            and not (t.key in _THEIR and i + 1 < len(toks) and toks[i + 1].key in (
                lexicon.KIN_ABROAD) and text[t.end : toks[i + 1].start] == " ")
            and not (_NUMBERS_LABEL.match(text, t.end) and not t.lexical and (
                t.word or len(t.key) <= 4))  # "Emp No: 9912084"; "Client King Number:" is King
            and not (t.key in _NUMBER_WORDS and _LABEL_END.match(text, t.end))
            and not _a_saint_or_a_day(text, toks, i)
            and not _the_run_then_head(text, toks, i)
            and not _names_a_place(text, toks, i)
            and not _a_language(text, toks, i)
            and not _a_make(text, toks, i)
            and not _a_kin_category(text, toks, i)
            and t.start not in pets
            and not _an_organisation(text, toks, i)
            and not _in_a_list_of_things(text, t)
        ):
            name[i] = True
    for i, t in enumerate(toks):  # "Logan rang", "her partner Moonie", "SYDNEY, Jo"
        if t.place and t.capital and not (t.blocked or name[i]) and _a_persons_slot(
            text, toks, i
        ):
            name[i] = True
    if keys is None or "the" in keys:
        _families(text, toks, name)
    if "'" in text or "’" in text:
        _lower_possessives(text, toks, name)
    if keys is None or not lexicon.RELATIONS.isdisjoint(keys) or "at" in keys or (
        not _BELONGINGS.isdisjoint(keys)
    ):
        _unmarked_possessives(text, toks, name)
    _lower_names(text, toks, name, keys)
    if ":" in text and "\n" in text:
        _chat_speakers(text, toks, name, kept)
    _given_before(text, toks, name)
    if anchors:
        _after_clients(text, toks, name)
        if surnames:
            _lower_before_clients(text, toks, name, anchors, surnames)
    if keys is None or not _PATRONYMIC.isdisjoint(keys):
        for k in range(1, len(toks) - 1):
            if _lower_patronymic(text, toks, k):
                name[k - 1] = name[k] = name[k + 1] = True  # "hamza bin rashid"
    _written_as_names(text, toks, name)
    if _INITIAL_THEN_WORD(text):
        _after_an_initial(text, toks, name, kept)
    if _SELF_NAMED_GATE(text):
        _self_named(text, toks, name)
    if _CAPS_WITH_AN_INITIAL.search(text):
        _listed_in_capitals(text, toks, name)
    payees = _payees(text, blocked) if not _PAYEE_KEYS.isdisjoint(
        keys if keys is not None else [t.key for t in toks]
    ) else []
    if "," in text:
        payees += _listed_surname_first(text, toks)
    if not any(name):
        return payees
    _extend(text, toks, name)
    _bracketed(text, toks, name)
    _same_names(text, toks, name)
    _extend(text, toks, name)
    if not lexicon.PARTICLES.isdisjoint(keys if keys is not None else [t.key for t in toks]):
        _particles(text, toks, name)
    for k in range(len(toks) - 1):  # "Sen Const Dragovic": a rank before a title is no name
        if name[k] and toks[k].key in lexicon.RANKS and toks[k + 1].key in lexicon.TITLES and (
            text[toks[k].end : toks[k + 1].start] in (" ", ". ")
        ):
            name[k] = False
    return _runs(text, toks, name) + payees


# A court's or a tribunal's list: "11:00  2026/00455108  Guardianship — DANKWORTH, Yaw",
# "(Guardianship — EVARISTUS, G):", "10 MAG-00433519/26(6)  JUPP, Ardal   Mention",
# "Presiding Member: Kinsella, J".
_COMMA_GAP = re.compile(r",[ \t]*")
_ANOTHER_ON_THE_LINE = re.compile(r"[A-Z][a-z'’\-]+, [A-Z]\.,?[ \t]+\Z")
_A_LISTS_DASH_BEFORE = re.compile(r"[ \t][—–][ \t]+\Z")
_A_LISTS_CLOSE_AFTER = re.compile(r"\.?[ \t]*[):;]")


def _listed_surname_first(text: str, toks: list[_Tok]) -> list[Hit]:
    """A surname, a comma and a capitalised word or an initial, where a list or a label puts a
    name: a surname in capitals no list knows (a doubled last letter if one vowel: "JUPP",
    not "RILC"), or a known surname before an initial."""
    hits = []
    for i in range(len(toks) - 1):
        t, nxt = toks[i], toks[i + 1]
        if t.blocked or nxt.blocked or len(t.key) < 4 or not _COMMA_GAP.fullmatch(
            text, t.end, nxt.start
        ) or not text[nxt.start].isupper() or (nxt.upper and len(nxt.key) > 1):
            continue
        initial = len(nxt.key) == 1
        if t.upper:
            if not (t.unknown and (len(_VOWEL.findall(t.key)) >= 2 or t.key[-1] == t.key[-2])):
                continue
            if not initial and (nxt.key in lexicon.MONTHS or nxt.key in lexicon.WEEKDAYS or (
                nxt.word and not nxt.lexical and not _COURT_V.search(text, 0, t.start)
            )):
                continue  # "| TAFE, Certificate III |"
        elif not (initial and t.cap and not t.place and (
            (t.surname and not t.word) or (t.unknown and _VOWEL.search(t.key))
            or ((t.surname or t.word) and _ANOTHER_ON_THE_LINE.search(
                text, text.rfind("\n", 0, t.start) + 1, t.start))
        )):
            continue  # "Kinsella, J", "Cusumano, E."; a word that is a surname among others
            # ("Staff present: Leadbeater, M., Pilling, D.")
        end = nxt.end + (text[nxt.end : nxt.end + 1] == "." and initial)
        if initial and (more := _MORE_INITIALS.match(text, nxt.end)) and more.end() > end:
            end = more.end()  # "Coad, L. M."
        listed = _LABEL_BEFORE.search(text, max(0, t.start - 40), t.start) or (
            _A_LISTS_DASH_BEFORE.search(text, max(0, t.start - 4), t.start)
        ) or _ANOTHER_ON_THE_LINE.search(text, max(0, t.start - 40), t.start)
        if listed and (_LIST_AFTER.match(text, end) or _LABEL_AFTER.match(text, end) or (
            _A_LISTS_CLOSE_AFTER.match(text, end)
        )):
            hits.append(hit(t.start, end, "person"))
    return hits


# A bank statement's line, in capitals: who paid or was paid ("TRANSFER FROM NGUYEN T HOA",
# "OSKO PAYMENT TO K BANKS REF RENT"), up to a reference, an amount or the line's end.
_PAYMENT_KEYS = word_set("transfer tfr payment pymt osko payid deposit credit dd direct")
_PAYEE_KEYS = _PAYMENT_KEYS | {"paid"}
_PAYEE = re.compile(
    r"\b(?:(?i:transfer|tfr|payment|pymt|osko|payid|deposit|credit)[ \t]+(?i:from|to)"
    r"|(?i:paid[ \t]+to)[ \t]*:"  # a stock agent's account sale: "Paid to: BULLOCK A G — …"
    r"|DD|OSKO(?![ \t]+(?:PAYMENT|TRANSFER|PYMT|TFR)\b)"
    r"|DIRECT[ \t]+(?:DEBIT|CREDIT)(?:[ \t]+\d+)?)[ \t]+"
    r"(?P<who>[A-Z][A-Z'’\-]*\.?"
    r"(?:[ \t](?!REF\b|FOR\b|PAYID\b|BSB\b|ACCT?\b)[A-Z][A-Z'’\-]*\.?){0,3})"
    r"(?=[ \t]+(?:REF\b|FOR\b|PAYID\b|(?i:acc|acct|a/c|bsb)\b|[+\-]?\$|[+\-]?\d|\[ID\])"
    r"|[ \t]*$|[ \t]{2,}|[ \t]+[—–][ \t]"
    r"|\t|[ \t]*[,;])",
    re.MULTILINE,
)
_NOT_PAYEES = word_set(
    """pty ltd limited inc co energy telstra optus vodafone council housing rentals realty real
    estate agent agency insurance bank super superannuation group services service centrelink
    medicare ato ndis water gas electricity power origin agl alinta synergy aurora red simply
    department dept trust trustee rent bond account savings loan card visa mastercard amex
    refund salary wages payroll own self internal"""
)


_CHAT_LABEL = re.compile(r"^[ \t]*([a-z][a-z'’]{2,20}):[ \t]", re.MULTILINE)


def _chat_speakers(
    text: str, toks: list[_Tok], name: list[bool], kept: AbstractSet[str] = frozenset()
) -> None:
    """A text thread typed out a line a message, "who: what", by two or more people: the
    speakers' names, in lowercase as phones write them ("rosetta: hi loveday sorry to bother")."""
    labels = list(_CHAT_LABEL.finditer(text))
    if len(labels) < 2 or len({m[1] for m in labels}) < 2:
        return
    starts = {m.start(1) for m in labels}
    speakers = [k for k, t in enumerate(toks) if t.start in starts]
    if not any(
        toks[k].blocked or toks[k].key in kept or toks[k].key in lexicon.given_names()
        for k in speakers
    ):
        return  # one of them a worker, a client or a given name: "loveday: thanks"
    heads = {k for k in speakers if (
        lexicon.listed_place([toks[k].key]) or toks[k].key in lexicon.english_words()
        or toks[k].key in lexicon.MONTHS
    ) and bool(_A_SCHEDULES_VALUE.match(text, toks[k].end) or _A_LEDGERS_VALUE.match(
        text, toks[k].end
    ))}
    # A schedule of towns or a ledger, where a head no one is called by says so ("logan:
    # fortnightly\nipswich: weekly", "bill: $230 owing\nrent: paid", "art: tues\nmusic: thurs"):
    # its heads are no one, but a name among them still is ("kylie: $20\ntash: $30").
    if not any(toks[k].key not in lexicon.given_names() or toks[k].key in lexicon.MONTHS
               for k in heads):
        heads = set()
    for k in speakers:
        t = toks[k]
        if k not in heads and not (t.blocked or name[k] or t.key in kept) and not (
            (t.key in lexicon.english_words() and t.key not in lexicon.given_names())
            or t.key in lexicon.never_names()
            or t.key in lexicon.FUNCTION_WORDS or t.key in _SMS_WORDS
        ):
            name[k] = True  # "rosetta:", and "maria:" too


def _in_no_list(key: str) -> bool:
    return not (
        key in lexicon.english_words() or key in lexicon.place_words()
        or key in lexicon.never_names() or key in lexicon.FUNCTION_WORDS
    )


def _payees(text: str, blocked: Sequence[tuple[int, int]]) -> list[Hit]:
    """Who a statement's transfer came from or went to: a person, unless a business's words
    or a listed service are in it ("TRANSFER TO ORIGIN ENERGY")."""
    hits = []
    for m in _PAYEE.finditer(text):
        start, end = m.span("who")
        keys = [w.casefold().strip(".'’-") for w in m["who"].split()]
        if any(k in _NOT_PAYEES or k in lexicon.not_names() for k in keys):
            continue
        initial = any(len(k) == 1 for k in keys)
        named = [k for k in keys if len(k) > 1]
        if not named or not all(
            k in lexicon.given_names() or k in lexicon.surnames()
            or (initial and _in_no_list(k))  # "M WAKELIN": an initial, then a surname no list has
            or (_in_no_list(k) and (any(  # "YAO YIFAN", "KAIWEN YAO"
                n in lexicon.surnames() and n not in lexicon.english_words() for n in named
            ) or (len(named) == 1 and len(_VOWEL.findall(k)) >= 2 and not _two_words(k))))
            # "TO KAIWEN [ID]"; not "BETEASY"
            for k in named
        ):
            continue  # "HUNGRY JACKS", "PARKING FINE"
        if not initial and all(k in lexicon.english_words() for k in named):
            continue  # "GOAL SAVER", "BILLS", "BRIGHT"; but "K BANKS" is someone
        if any(s < end and start < e for s, e in blocked):
            continue  # a kept service or a case code
        hits.append(hit(start, end, "person"))
    return hits


def _two_words(key: str) -> bool:
    """Two English words run together: a brand's name ("beteasy", "ubereats")."""
    words = lexicon.english_words()
    return any(key[:k] in words and key[k:] in words for k in range(2, len(key) - 1))


# Where a name is given: "bubs name is iluka", "were calling her jirra", "baby named manea".
_DUBBED = re.compile(
    r"(?i)\b(?:(?:his|her|their|my|our|bubs|bub|baby)(?:['’]?s)?[ \t]+name[ \t]+is"
    r"|(?:baby|bub|bubs|son|daughter|girl|boy|him|her)[ \t]+named"
    r"|(?:call|calling|called|naming|name|named)[ \t]+(?:her|him|them|the[ \t]+baby|bub|bubs))"
    r"[ \t]+\Z"
)


# A lowercase month's day or year after it: "june 2026", "april 6th", "may 3, at the office";
# not a count, an age or a time after a name ("june 3 times", "april 4 yo", "may 3:30").
_A_DAY_OR_YEAR_AFTER = re.compile(
    r"[ \t,]*(?:\d{4}\b|\d{1,2}(?:st|nd|rd|th)?\b(?![ \t]*(?:[:.]\d|x\b|times?|hrs?|hours?"
    r"|mins?|minutes?|days?|weeks?|wks?|months?|mths?|yrs?|years?|yo\b|y/o|kids?|people|of\b)))",
    re.IGNORECASE,
)


def _lower_names(
    text: str, toks: list[_Tok], name: list[bool], keys: AbstractSet[str] | None
) -> None:
    """A lowercase word that is a name and no English word, or in no list at all, is a person
    where a cue says so: a contact word before it ("saw noeleen", "w jono"), a subject's word
    after it ("tevita rang", "debbie says"), or a name beside it ("jono and mick")."""
    present = keys if keys is not None else {t.key for t in toks}
    candidates = present - lexicon.english_words() - lexicon.place_words() - lexicon.never_names()
    candidates = {k for k in candidates if len(k) > 2} - _SMS_WORDS
    # A town's name given to a baby is the baby's: "bubs name is iluka".
    towns = (present & lexicon.place_words()) - lexicon.english_words() - lexicon.never_names()
    if not candidates and not towns:
        return
    given, surnames = lexicon.given_names(), lexicon.surnames()
    for i, t in enumerate(toks):
        if t.capital or name[i] or t.blocked or len(t.key) < 3 or (
            t.key not in candidates and not (
                t.key in towns and _DUBBED.search(text, max(0, t.start - 30), t.start)
            )
        ):
            continue
        after_it = text[t.end : t.end + 2]
        if t.key in _SMS_WORDS or _glued(text, t.start, t.end) or (
            after_it[:1] in ("/", "@", ":") or (after_it[:1] == "." and after_it[1:].isalnum())
        ):
            continue  # "www.qld.gov.au": part of a link
        if t.key.endswith("s") and t.key[:-1] in lexicon.english_words():
            continue  # a plural: "young mums w prams"
        if t.key in lexicon.MONTHS and (
            _DATE_BEFORE.search(text, max(0, t.start - 6), t.start)
            or _A_DAY_OR_YEAR_AFTER.match(text, t.end)
        ):
            continue  # "picking starts 6 april at the orchard", "june 2026"; not "rang june 3
            # times"
        if t.key.endswith(_ROLE_ENDINGS) or _DOSE_AFTER.match(text, t.end):
            continue  # "the geriatrician says", "says donepezil 5 mg": a role, a medicine
        if _compound(t.key):
            continue  # "with payslips", "the lockbox": two words, no one's name
        if t.key in lexicon.places_also_names() and i > 0 and (
            toks[i - 1].key in lexicon.PLACE_CONTEXT
        ):
            continue  # "the new room in granville"
        prev = toks[i - 1] if i > 0 and not _opens(text, toks, i) else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if prev is not None and prev.key == "the" and _a_role_here(text, toks, i):
            continue  # "the convenor wants": a role; but "the tuilau family"
        before = prev is not None and not prev.blocked and (
            prev.key in lexicon.CONTACT_CUES
            or prev.key in _PERSON_MARKERS
            or (_introduces(text, toks, i) and not HAS_DIGIT(text[prev.end : t.start]))
            or (prev.key in _SAID and (
                nxt is None or nxt.key in lexicon.FUNCTION_WORDS
                or bool(text[t.end : nxt.start].strip())
            ))  # "says priya from", "said gary, the landlord"; not "said max rent"
            or (prev.key == "to" and i > 1 and toks[i - 2].key in lexicon.CONTACT_CUES)
            or (prev.key in ("is", "was") and i > 1 and toks[i - 2].key in _PEOPLE_BEFORE_IS
                and text[toks[i - 2].end : prev.start] == " " and (
                    t.key in given or (nxt is not None and nxt.key in candidates
                                       and text[t.end : nxt.start] == " ")))
            or (prev.key in _APPOSITIVE_HEADS and text[prev.end : t.start] == ", "
                and t.key in given and nxt is not None and text[t.end : nxt.start] == " "
                and (nxt.key in surnames or nxt.key in candidates)
                and text[nxt.end : nxt.end + 1] == ",")  # "one of the blokes, norbert dunbar,"
        )  # "saw noeleen", "spoke to bronwyn", "says priya", "the bloke is dwight lugg"; not
        # "the guy is sus", "the lady is chuffed"
        if before and prev is not None and prev.key in _SHORTHAND_AFTER and (
            (t.key not in given and t.key not in surnames
             and (not _VOWEL.search(t.key) or t.key in _SHORTHAND))
            or (t.upper and len(t.key) <= 4)
        ):
            before = False  # "inspector rtb came", "the officer ofc", "officer KPIS": shorthand;
            # but "a bloke called jax", "officer jax" are someone
        if t.key in lexicon.FOREIGN_FUNCTION_WORDS and not before and (
            (nxt is not None and (nxt.key in lexicon.RELATIONS or nxt.key in lexicon.KIN_ABROAD))
            or (prev is not None and prev.key in lexicon.KIN_ABROAD)
        ):
            continue  # Tagalog's "ang anak ko": an article before a kin word (not "mei ang rang")
        if t.key in lexicon.KIN_ABROAD and t.key not in given and t.key not in surnames:
            continue  # "came with dada": in lowercase, a kin word (but "mari said" may be Mari)
        after = (
            nxt is not None
            and text[t.end : nxt.start].strip(" ") in ("", ",")
            and nxt.key in lexicon.SUBJECT_CUES
            and nxt.key not in lexicon.NAME_JOINERS
        )
        lexical = t.key in given or t.key in surnames
        beside = (prev is not None and prev.key in lexicon.NAME_JOINERS and i > 1 and (
            name[i - 2] or (toks[i - 2].key in lexicon.RELATIONS and lexical)
            or (toks[i - 2].key == "me" and prev.key in _AND  # "me and nardia got a flat";
                and _VOWEL.search(t.key) is not None)  # not "me and dhs talked"
        )) or (  # "nardia and me", "jess n i"
            nxt is not None and nxt.key in _AND and i + 2 < len(toks) and _VOWEL.search(t.key)
            and toks[i + 2].key in _ME and text[nxt.end : toks[i + 2].start] == " "
            and (i + 3 == len(toks) or toks[i + 3].key not in _NOT_AFTER_ME)
        )  # (but "mum and bubba")
        pair = t.key in given and (
            _given_pair(text, toks, i, candidates) or _phoned_pair(text, toks, i, candidates)
        )  # "kyle n bailey r", "rep is madison crowley 0412 …"
        spoke = after and nxt is not None and nxt.key in lexicon.SPOKE  # "marivic rang"
        signs = before and _introduces(text, toks, i) and (
            SIGNS_ON_AFTER.match(text, t.end) is not None
        )
        here = nxt is not None and nxt.key == "here" and _HERE_SIGNS.match(text, nxt.end)
        last = i > 0 and i == len(toks) - 1 and bool(
            _SIGN_OFF.fullmatch(text, toks[i - 1].end, t.start)
            and _SIGN_OFF_END.fullmatch(text, t.end)
        )
        signing = t.key in given and (  # "maureen here,", ". nettie", "carl from … says"
            here or last or _FROM_SOMEWHERE_SAYS.match(text, t.end) is not None
        )
        dubbed = _DUBBED.search(text, max(0, t.start - 30), t.start) is not None
        greeted = lexical and prev is not None and prev.key in _GREETED and nxt is not None and (
            nxt.key in _SENDER_SAYS and text[prev.end : t.start] == " "
        )  # "hi renae its isolde from Samaritans": the one written to
        born = nxt is not None and (nxt.key == "born" or (
            nxt.key in ("was", "is") and i + 2 < len(toks) and toks[i + 2].key == "born"
        )) and _JOIN.fullmatch(text, t.end, nxt.start) is not None and (  # "jirra was born"
            t.key not in _COMMON_LOWER)  # not "premmie born at 30 weeks"
        if signing or greeted or dubbed or born or (
            lexical and (before or after or beside or pair)
        ) or (
            before and after
        ) or (
            spoke or signs
        ) or (
            (before or beside) and not lexical and t.key not in _COMMON_LOWER
        ) or (  # "[Tevita] and mereseini tuilau"
            prev is None and nxt is not None and nxt.key in _DEEDS and _VOWEL.search(t.key)
            and text[t.end : nxt.start] == " " and t.key not in _COMMON_LOWER
            and not t.key.endswith("s")  # a shop's name: "kennards gave me unit 2081"
        ):  # "jace took my keys", "perla cried in the car"
            name[i] = True
            nxt_i = i + 1
            if (
                nxt is not None
                and not nxt.capital
                and not nxt.blocked  # "im rait tavish": a member's name after an unknown word
                and (nxt.key in surnames or nxt.key in candidates)
                and nxt.key not in lexicon.english_words()
                and _JOIN.fullmatch(text, t.end, nxt.start)
            ):
                name[nxt_i] = True  # "mick obrien", "gary pike", "mereseini tuilau"


_GREETED = word_set("hi hey hello hiya dear morning gday")
# Someone from somewhere who said something: "carl from the police association says …".
_FROM_SOMEWHERE_SAYS = re.compile(
    r" from(?: [\w'’&\-]+){1,4},? (?:says|said|rang|rung|called|texted|emailed|wants|asked|told"
    r"|confirmed|replied)\b"
)
_SENDER_SAYS = word_set("its im this")
# Someone signing on or off an SMS: "hey clodagh, maureen here, wilburs sister", "thank you
# bala. nettie" (the last word, alone after a sentence's end).
_HERE_SIGNS = re.compile(r"[ \t]*(?:[,.!\n]|\Z)")
_SIGN_OFF = re.compile(r"[.!?][ \t]*\n?[ \t]*|[ \t]*\n[ \t]*(?:-[ \t]*)?")
_SIGN_OFF_END = re.compile(r"[ \t.!]*(?:x+)?[ \t]*\Z")
# Words that open no one's name ("The Kaur and Singh names"); "An", "Her", "My", "Do", "So" may
# (Vietnamese, Hmong, Korean given names).
_NO_ONES_FIRST_WORD = word_set(
    "the a this that these those his their our its your every some any"
    " hi hey hello hiya dear thanks thx cheers morning"  # "Hi Kwame,\nThanks": a greeting
)
# A nickname in quotes between a given name and a surname: 'Ignatius "Dozer" Mulally'.
_QUOTE_OPEN = re.compile(r" [\"“'‘]")
# A surname in capitals and an initial, as court lists and corrections write them: "ILIĆ D".
_AN_INITIAL_AFTER = re.compile(
    r" [A-Z]\.?(?=[\t\n,;)]|\s*\Z|\s{2}|\s+[a-z]|\s+[-–—])|, [A-Z]\.(?=[\t\n,;)]|\s*\Z|\s*\()"
)
_SURNAME_ENDINGS = (
    "ic", "ich", "vic", "wicz", "ov", "ova", "ev", "eva", "ski", "ska", "sky", "enko", "uk", "yk",
    "son", "sen", "ez", "es", "ian", "yan", "poulos", "akis", "idis", "escu", "berg", "stein",
)


def _a_surnames_look(t: _Tok) -> bool:
    """A word in capitals before an initial that reads as a surname ("MARKOVIC I.", "ILIĆ D"),
    not a subject or an acronym ("SOSE B", "NAPLAN B")."""
    key = fold(t.key)
    return t.surname or not t.key.isascii() or (
        key.endswith(_SURNAME_ENDINGS) and len(_VOWEL.findall(key)) >= 2
    )
# A surname and its initial as a table's cell or a list's item: "| NAWALOWALO J. |", "Smith J.,
# Nguyen T. and …" (the initial dotted, then the cell's or the item's end).
_LISTED_INITIAL = re.compile(
    r"(?<=[^\W\d_])[^\W\d_] [A-Z]\.(?=[ \t]*(?:\||\t|\n|,|;|\(|\)|\Z|(?:and|&|or) [A-Z])"
    r"|[ \t]{2,})"  # a roster's columns: "Lemusu T.       Verran P."
)
_NOT_A_LISTED_SURNAME = lexicon.STATES | word_set(
    "vitamin hep hepatitis plan type schedule appendix part section zone block ward stage level"
    " annex form item option grade building bldg blk tower wing bay gate annexure attachment"
    " exhibit tranche stream cohort carpark covid round phase group team unit room bed floor term"
    " week hall wards door doors dock platform entrance exit lift pod cell court courtroom desk"
    " counter window"
)
_SINGLE_QUOTED = re.compile(r" ['‘][A-Z][a-z]+['’] ").search  # "Brayden 'Bear' Tuilagi"
_IN_CAPITALS = re.compile(r"[^\W\d_a-z]{4},? [A-Z]\b")  # "ILIĆ D", "TAPUELUELU, S."
# A chat's speaker, an emoji before the colon: "Gurvinder 😡: come home".
_SPEAKER_EMOJI = re.compile(rf"[ \t]*{EMOJI}+[ \t]*:")


# A dotted initial standing where a person is named: at a line's or a field's start, after a
# comma, "&", a bracket or a title ("Senior Member: D. Fotheringay", "Cribb & Foote, G. Gosling",
# "Mrs P. Dimalanta"; not "Plan B. Toll roads", "vitamin D. Gosling's …" mid-sentence).
_AN_INITIAL = re.compile(
    r"(?P<field>^|(?<=[\n:;,(\"“])|(?<= [&/])) ?[A-Z]\. ?\Z|(?<=[A-Za-z]) [A-Z]\. ?\Z",
    re.MULTILINE,
)  # ("Q&A. Young people", "N/A. Young person": no initial)
# A lettered list's labels: "A. Young people's refuge / B. Long term lease", "Options (A. Bond
# loan, B. Cash, C. Rent Choice)" (A and B both).
_LETTER_LABELS = re.compile(r"(?:^|[\n/|;(,]|\s{2})[ \t]*([A-H])[.)][ \t]", re.MULTILINE)
# An SMS's "K." (OK), a form's "Q." and "A.": "K. Hope she's ok", "Q. Will they pay?"
_NOT_INITIALS = frozenset("KQA")
_INITIAL_THEN_WORD = re.compile(r"(?<![^\W\d_])[A-Z]\. ?[A-Z]").search
_PERSONS_LABEL = (
    r"(?i:\b(?:name|manager|worker|caseworker|officer|director|contact|teacher|applicant|member"
    r"|cc|to|from|by|attn|signed|author|doctor|dr|gp|nurse|counsell?or|coordinator|carer|principal"
    r"|respondent|landlord|agent|referrer|staff|client|tenant|owner|parent|guardian|mother"
    r"|father|present|apologies|attendees|witness|interpreter|solicitor|lawyer|magistrate"
    r"|judge|registrar|psychologist|psychiatrist|ot|social\s+worker|casework|sw))s?[ \t]*[:(]"
)
_A_PERSONS_LABEL = re.compile(
    rf"{_PERSONS_LABEL}[ \t]*\Z|(?<![A-Za-z])&[ \t]*\Z"
    r"|\b[A-Z]{2,},[ \t]*\Z"  # "NOTE, A. Smith to call"
)
# A list of people after such a label: "Present: Jo Smith, B. Long" (not "Level 3, B. West").
_A_PEOPLES_LIST = re.compile(rf"{_PERSONS_LABEL}[^\n]*,[ \t]*\Z")
_INITIAL_PAIRS = re.compile(r"(?<![^\W\d_])[A-Z]\. ?[A-Z][A-Za-z'’\-]{2,}")
# Relation words that also say what kind of thing follows: "foster care", "parent handout".
_KINDS_OF_CARE = word_set("foster parent parents carer carers kinship")
_CARE_THINGS = word_set(
    "care carer carers placement placements family families home homes agency payment payments"
    " allowance handout handouts information guide guides group groups meeting meetings portal"
    " consent form forms interview interviews leaflet leaflets pack packs session sessions"
    " training support network networks review reviews plan plans assessment"
)
_BEFORE_AN_INITIAL = word_set(
    "re and by cc for to from with attn per holder holders witness witnessed respondent"
    " respondents applicant applicants defendant accused aggrieved complainant plaintiff claimant"
    " perpetrator offender"
)


def _a_roster(text: str) -> bool:
    """Three or more initials before surnames that are no English word ("R. Rutledge, E.
    Pennington, S. Meagher"): a sheet of people, where "A. Hickey" is a person too."""
    surnames = {
        key for m in _INITIAL_PAIRS.finditer(text)
        if (key := m[0][2:].strip().casefold()) not in lexicon.english_words()
        and key not in lexicon.place_words() and len(_VOWEL.findall(key)) >= 1
    }
    return len(surnames) >= 3


def _after_an_initial(
    text: str, toks: list[_Tok], name: list[bool], kept: AbstractSet[str]
) -> None:
    """A surname, or a word no list knows, after a dotted initial where a person is named."""
    labels = {m[1] for m in _LETTER_LABELS.finditer(text)}
    if not {"A", "B"} <= labels:
        labels = set()
    # A team sheet's or a roster's lines of initials and surnames: "C: T. Duggan, A. Hickey"
    roster = not labels and _a_roster(text)
    for k, t in enumerate(toks):
        if name[k] or not (t.cap or (roster and t.upper and len(t.key) >= 3) or (
            t.upper and len(t.key) >= 4 and not t.word and (t.surname or (
                t.unknown and len(_VOWEL.findall(t.key)) >= 2))  # "holder M. YAZDANI"
        )) or (
            t.blocked or t.place or t.brand or t.never
        ) or not (
            t.lexical or (t.unknown and len(t.key) >= 3)
        ) or (t.word and not t.surname) or t.key in kept:
            continue
        before = _AN_INITIAL.search(text, max(0, t.start - 6), t.start)
        if before is None or t.key in _NOT_A_LISTED_SURNAME:  # "Moved to C. Ward"
            continue
        letter = before[0].strip()[0]
        if letter in labels or (  # "K. Hope she's ok" opening the text or a line
            letter in _NOT_INITIALS and t.word and text[before.start() - 1 : before.start()]
            in ("", "\n")
        ):
            continue
        if before["field"] is not None and t.word and not roster and not (
            _A_PERSONS_LABEL.search(text, max(0, before.start() - 24), before.start())
            or _A_PEOPLES_LIST.search(text, text.rfind("\n", 0, before.start()) + 1,
                                      before.start())
        ):
            continue  # "Plan: A. Stone fruit", "Level 3, B. Block": an option, a building's part
            # (but "Caseworker: J. Brown", "cc: G. Long": a word that is a surname, of a person)
        if before["field"] is None:  # after a word: a title's or a link's ("Mrs P. Dimalanta")
            prev = toks[k - 2] if k >= 2 else None
            if prev is None or not (
                prev.key in lexicon.TITLES or prev.key in _BEFORE_AN_INITIAL
                or prev.key in lexicon.RELATIONS  # "daughter G. Attard"
            ):
                continue
        name[k] = True


def _written_as_names(text: str, toks: list[_Tok], name: list[bool]) -> None:
    """Names known by how they are written, not by the word lists."""
    quoted = '"' in text or "“" in text or _SINGLE_QUOTED(text) is not None
    speaker = _SPEAKER_EMOJI.search(text) is not None
    listed = _LISTED_INITIAL.search(text) is not None
    surname_first = _SURNAME_COMMA_GIVEN.search(text) is not None
    if not (quoted or speaker or listed or surname_first or "Ah " in text
            or _IN_CAPITALS.search(text)):
        return  # most notes: none of these shapes
    for k in range(len(toks) - 1) if surname_first else ():
        if toks[k].upper and not toks[k].blocked and _a_rolls_surname_first(text, toks, k):
            name[k] = name[k + 1] = True  # "| NAKACHI, Tamu |", "Police v THWAITES, Maverick"
    candidates = [
        k for k, t in enumerate(toks)
        if t.capital and (t.upper or t.key == "ah" or quoted or speaker or listed) and not name[k]
    ]
    if not candidates:
        return
    for k in range(1, len(toks) - 1) if quoted else ():  # 'Brayden "Bear" Tuilagi': the nickname
        if name[k - 1] and name[k + 1] and not name[k] and toks[k].capital and (
            _QUOTE_OPEN.fullmatch(text, toks[k - 1].end, toks[k].start)
            and text[toks[k].end : toks[k].end + 1] in "\"”'’"
        ):
            name[k] = True
    for k in candidates:
        t = toks[k]
        if name[k] or t.blocked or t.never or t.brand:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and k + 2 < len(toks) and name[k + 1] and name[k + 2] and (
            _QUOTE_OPEN.fullmatch(text, t.end, nxt.start) and not t.word and not t.place
        ):
            name[k] = True  # 'Ignatius "Dozer" Mulally'
        elif t.upper and len(t.key) >= 4 and not (t.word or t.place) and (
            (initial := _AN_INITIAL_AFTER.match(text, t.end)) is not None and (
                _a_surnames_look(t) or (  # "SURNAME, I.": a roll's or a list's way with anyone
                    initial[0][0] == "," and t.unknown and len(_VOWEL.findall(fold(t.key))) >= 3
                )
            )
        ):
            name[k] = True  # "ILIĆ D", "MARKOVIC I.", "TAPUELUELU, S. (adult)"
        elif listed and len(t.key) >= 3 and not t.place and (t.surname or not t.word) and (
            _LISTED_INITIAL.match(text, t.end - 1) and t.key not in _NOT_A_LISTED_SURNAME
            and (t.surname or _a_surnames_look(t) or (t.unknown and _VOWEL.search(t.key) and (
                not t.upper or len(_VOWEL.findall(fold(t.key))) >= 3)))  # not "NAPLAN B.",
            # nor an abbreviation ("| Bldg B. |")
        ):
            name[k] = True  # a crew sheet's or a roll's "NAWALOWALO J.", "| Smith J. |"
        elif t.cap and (k == 0 or "\n" in text[toks[k - 1].end : t.start]) and (
            _SPEAKER_EMOJI.match(text, t.end) and not (t.word or t.place)
            and t.key not in _SMS_WORDS and len(t.key) >= 3
        ):
            name[k] = True  # "Gurvinder 😡: come home"
        elif t.key == "ah" and t.cap and nxt is not None and nxt.cap and not (
            nxt.place or nxt.never or nxt.brand
        ) and text[t.end : nxt.start] == " " and (
            not nxt.word or nxt.given or _acts_after(text, toks, k + 1)
        ):  # "Ah Fook", "Ah Mat rang" (not "Ah Yes", "Ah Police came")
            name[k] = name[k + 1] = True  # "Ah Fook", "Ah Mat"


_COURT_V = re.compile(r"\b(?:Police|R|DPP|State|Crown|The Queen|The King)[ \t]+v\.?[ \t]+\Z")
_SURNAME_COMMA_GIVEN = re.compile(r"[^\W\d_a-z]{3,}, [A-Z][a-z]")


def _a_rolls_surname_first(text: str, toks: list[_Tok], k: int) -> bool:
    """ "SURNAME, Given" on a roll's, a results sheet's or a court list's line, the given name
    no word of the calendar, a place or a brand ("| NAKACHI, Tamu |", "Police v THWAITES,
    Maverick"): not "NOTE, Please" nor "WOODRIDGE, Tuesday"."""
    t, nxt = toks[k], toks[k + 1]
    if not (t.upper and len(t.key) >= 3 and text[t.end : nxt.start] == ", " and nxt.cap):
        return False
    if nxt.place or nxt.dated or nxt.never or nxt.brand or nxt.blocked or (
        nxt.word and not nxt.given and not _COURT_V.search(text, 0, t.start)
    ):
        return False  # but "Police v THWAITES, Maverick": a word there is a given name
    label = _label(text, t.start, nxt.end)
    if label == 0:
        return False
    if len(t.key) >= 4:
        return _a_surname_in_capitals(t.key, toks, k, label)
    return not (t.word or t.place or t.never) and bool(_VOWEL.search(t.key))  # "NG, Tam"


def _phoned_pair(text: str, toks: list[_Tok], i: int, candidates: AbstractSet[str]) -> bool:
    """A given name and a surname, both no English word nor place, then a phone number:
    "insurer rep is madison crowley 0412 555 111"."""
    if i + 1 >= len(toks) or text[toks[i].end : toks[i + 1].start] != " ":
        return False
    nxt = toks[i + 1]
    if nxt.capital or nxt.blocked or nxt.key not in candidates or (
        nxt.key not in lexicon.surnames()
    ):
        return False
    after = text[nxt.end : toks[i + 2].start if i + 2 < len(toks) else len(text)]
    return bool(re.match(r"[ \t]*(?:[,:(\-–][ \t]*)?(?:on[ \t]+)?(?:\+61|0)\d", after))


def _given_before(text: str, toks: list[_Tok], name: list[bool]) -> None:
    """A lowercase given name that is no word, just before a lowercase name found: "missus
    lynette crowley rang", "carer piers scanlan" (the surname found by its verb)."""
    given = lexicon.given_names()
    for i in range(len(toks) - 1, 0, -1):
        t, p = toks[i], toks[i - 1]
        if not name[i] or t.capital or name[i - 1] or p.capital or p.blocked or len(p.key) < 3:
            continue
        if text[p.end : t.start] != " " or p.key not in given or p.key in _SMS_WORDS or (
            p.key in lexicon.english_words() or p.key in lexicon.place_words()
            or p.key in lexicon.never_names() or p.key in lexicon.FUNCTION_WORDS
            or p.key in lexicon.FOREIGN_FUNCTION_WORDS or p.key in _NEED_FLAGS
            or p.key in lexicon.KIN_ABROAD or p.key in _WORK_RELATIONS or p.key in _IN_LAWS
            or p.key in _PROFESSIONS
        ):
            continue  # "mon ami saliou": the kin word that found the name
        name[i - 1] = True


def _given_pair(text: str, toks: list[_Tok], i: int, candidates: AbstractSet[str]) -> bool:
    """Two given names, no words, joined by "and", "n" or "&", both in lowercase."""
    if i + 1 < len(toks) and text[toks[i].end : toks[i + 1].start] in (" & ", " + "):
        other = toks[i + 1]
    elif i + 2 < len(toks) and toks[i + 1].key in lexicon.NAME_JOINERS and (
        text[toks[i].end : toks[i + 2].start].count(" ") == 2
    ):
        other = toks[i + 2]
    else:
        return False
    return (
        not other.capital
        and other.key in candidates
        and other.key in lexicon.given_names()
        and _COMMON_LOWER.isdisjoint((toks[i].key, other.key))
    )


_ROLE_ENDINGS = ("ician", "ologist", "iatrist", "apist", "ometrist", "ographer", "macist", "ntist")
_DOSE_AFTER = re.compile(r"\s*\d+(?:\.\d+)?\s?(?:mg|mcg|µg|ug|ml|mls|g|iu|units?)\b", re.IGNORECASE)


def _compound(key: str) -> bool:
    """Two English words run together, neither a given name: "payslips", "lockbox" (not
    "rosemary": "mary" is a name; not "brooklyn")."""
    words, given = lexicon.english_words(), lexicon.given_names()
    if len(key) < 7 or key in given or key in lexicon.surnames():
        return False  # "sophie" is not "sop" and "hie", "stephen" not "step" and "hen"
    for k in range(3, len(key) - 2):
        first, second = key[:k], key[k:]
        if second not in words and not (second.endswith("s") and second[:-1] in words):
            continue
        if first in words and first not in given and second.rstrip("s") not in given:
            return True
    return False


def _introduces(text: str, toks: list[_Tok], i: int) -> bool:
    """Someone saying who they are before word ``i``: "it's rhiannon", "its rhiannon", "this is
    rhiannon", "im rhiannon", "i'm rhiannon" (this module drops the "s" of "it's": read it here)."""
    if i > 0 and toks[i - 1].key == "it" and _ITS.fullmatch(text, toks[i - 1].end, toks[i].start):
        return True
    return introduction(toks, i) > 0


_ITS = re.compile(r"['’‘`]s\s+")


def _opens(text: str, toks: list[_Tok], i: int) -> bool:
    """Does word ``i`` open a sentence (lowercase words too)?"""
    prev_end = toks[i - 1].end if i else 0
    return text[prev_end : toks[i].start] != " " and sentence_start(text, prev_end, toks[i].start)


def _lower_possessives(text: str, toks: list[_Tok], name: list[bool]) -> None:
    """ "jaylene's bf", "anjali's husband": a lowercase word no list knows, with a possessive
    and a relation word after it, is a person's name."""
    for i in range(len(toks) - 1):
        t = toks[i]
        if (
            not t.capital
            and not name[i]
            and len(t.key) > 2
            and (toks[i + 1].key in lexicon.RELATIONS or (
                (toks[i + 1].key in _OWN_DETAILS or (
                    toks[i + 1].key == "new" and i + 2 < len(toks)
                    and toks[i + 2].key in _OWN_DETAILS
                ))  # "braxtyn's new address"; not "sfv's phone number", "tica's number"
                and (t.given or t.surname or len(_VOWEL.findall(t.key)) >= 2
                     or _A_SHORT_NAME.fullmatch(t.key) is not None)  # "shaz's new address"
            ))
            and _POSSESSIVE.match(text, t.end)
            and _lower_name(text, toks, i)
            and t.key not in lexicon.english_words()
        ) or (
            not t.capital and not name[i] and len(t.key) > 2 and i > 0
            and toks[i - 1].key in _STAYED_AT and _POSSESSIVE.match(text, t.end)
            and _a_home_after(toks, i + 1) and t.key not in lexicon.english_words()
            and t.key not in lexicon.place_words() and not t.key.endswith("s")
            and (t.given or t.surname or len(_VOWEL.findall(t.key)) >= 2
                 or _A_SHORT_NAME.fullmatch(t.key) is not None)
            and not _kin(t.key)
        ):  # "at wacka's spare room", "staying at shaz's place"; not "at nonna's place"
            name[i] = True


def _kin(key: str) -> bool:
    """A kin word or a word for someone close, in English or a community language ("nonna",
    "cuz", "kuia", "tita", "bestie"): whose place it is, but no one's name."""
    return key in lexicon.RELATIONS or key in lexicon.KIN_ABROAD or key in _COMMON_LOWER or (
        key in lexicon.never_names() or key in _KIN_WORDS
    )


_KIN_WORDS = word_set(
    "nonna nonno nan nana nanna nanny gran granny grandma grandpa pop oma opa koro kuia"
    " yiayia yaya pappou tita abuela abuelo lolo tupuna tupu cuz cuzzy cuzzie cousin"
    " aunty auntie uncle bro sis sista brah mumma mumsy stepmum stepdad bestie bff vinnies"
    " kuya ate appa amma achan paati thatha dadi"  # not given names: Poppy, Tito, Lola, Vinnie,
    # Ama, Nani ("staying at vinnie's place")
)
_STAYED_AT = word_set("at to from")
_ROOMS_KIND = word_set("spare new old granny back front")
_LIVED_IN = word_set("place house flat unit room couch caravan shed garage van")


def _a_home_after(toks: list[_Tok], j: int) -> bool:
    if j < len(toks) and toks[j].key in _ROOMS_KIND and j + 1 < len(toks):
        j += 1
    return toks[j].key in _LIVED_IN and not toks[j].capital


# A nickname of one syllable, said as a name is ("shaz", "baz", "jax", "tash"); not an
# abbreviation ("sfv", "nrma").
_A_SHORT_NAME = re.compile(r"(?:[bcdfghjklmnpqrstvwxz]|[bcdfgkpstw][hlr]|s[hkmnpqtw])[aeiou]"
                           r"[bcdfghjklmnpqrstvwxz]{1,3}")
# A person's details after a lowercase possessive: "braxtyn's new address", "dermid's number".
_OWN_DETAILS = word_set("address number phone mobile mob email rego car dob birthday licence")
# What a person's unmarked possessive comes before: "aikos house", "kaylees number".
_BELONGINGS = word_set("house place flat unit room number phone mob mobile car party")


def _unmarked_possessives(text: str, toks: list[_Tok], name: list[bool]) -> None:
    """ "chamindas mother": a lowercase word no list knows, ending in "s" with no apostrophe,
    before a relation word, is a name (SMS drops the apostrophe); so is a given name's before
    "house" or "number", or after "at" ("im at ximenas again")."""
    words, places = lexicon.english_words(), lexicon.place_words()
    for i in [k for k, t in enumerate(toks[:-1]) if t.key[-1] == "s" and not t.capital]:
        t = toks[i]
        stem = t.key[:-1]
        if (
            not t.capital
            and not name[i]
            and not t.blocked
            and len(t.key) > 4
            and t.key.endswith("s")
            and (toks[i + 1].key in lexicon.RELATIONS or (
                toks[i + 1].key in _BELONGINGS and stem in lexicon.given_names()
            ) or (i > 0 and toks[i - 1].key == "at" and stem in lexicon.given_names()))
            and not (i > 0 and toks[i - 1].key in ("st", "saint"))  # "at st lukes house"
            and text[t.end : toks[i + 1].start] == " "
            and t.key not in words and stem not in words
            and stem not in places and t.key not in lexicon.never_names()
            and stem not in lexicon.never_names()
        ):
            name[i] = True


def _particles(text: str, toks: list[_Tok], name: list[bool]) -> None:
    """A particle between two parts of a name, or before one, is part of it: "Omar bin Saleh",
    "Saskia de Vries", "Kamal al-Amin", "Ah Kuoi"."""
    for k in range(len(toks) - 2, -1, -1):  # from the right: "Rodel de la Cruz"
        t = toks[k]
        if t.key not in lexicon.PARTICLES or t.blocked:
            continue
        nxt = toks[k + 1]
        joined = _JOIN.fullmatch(text, t.end, nxt.start)
        after = name[k + 1] and joined
        before = k > 0 and _JOIN.fullmatch(text, toks[k - 1].end, t.start)
        if (
            not t.capital and joined and before and name[k - 1] and not name[k + 1]
            and not nxt.capital and not nxt.blocked and len(nxt.key) > 2
            and nxt.key not in lexicon.english_words() and nxt.key not in lexicon.place_words()
            and nxt.key not in lexicon.never_names()
        ):
            name[k] = name[k + 1] = True  # "rawinia te kani", "[Omar] bin saleh"
            continue
        if name[k]:
            continue
        chained = (  # "Hendrik van den Heuvel": a particle before this one, a name before both
            before and toks[k - 1].key in lexicon.PARTICLES and k > 1
            and (name[k - 2] or toks[k - 2].capital)
            and _JOIN.fullmatch(text, toks[k - 2].end, toks[k - 1].start)
        )
        hyphened = text[t.end : nxt.start] in ("-", "‐", "‑")  # "al-Obaidi"
        if (
            not name[k + 1] and not t.capital and joined and nxt.capital and not nxt.blocked
            and not nxt.never and before and (
                (name[k - 1] and toks[k - 1].capital)
                or (chained and name[k - 2] and toks[k - 2].capital)
            )
        ):  # "Dirk van der Linden": a surname after the particles, though a town is called so
            name[k] = name[k + 1] = True
            if chained:
                name[k - 1] = True
            continue
        if (
            not name[k + 1] and t.capital and joined and before and name[k - 1]
            and nxt.capital and not nxt.blocked and not (nxt.place or nxt.never)
        ):
            name[k] = name[k + 1] = True  # "Leroy Ah Kit": a capitalised word after it
            continue
        if after and (t.capital or hyphened or chained or (
            before and (name[k - 1] or toks[k - 1].capital)
        )):
            name[k] = True
            first = toks[k - 1] if before else None
            if (
                first is not None
                and not name[k - 1]
                and first.capital
                and not first.blocked
                and (first.lexical or first.unknown)
                and not (first.word or first.place or first.brand or first.never)
            ):
                name[k - 1] = True  # "Marieke de Jong", "Rodel dela Cruz"

def _contacted(text: str, toks: list[_Tok], i: int) -> bool:
    """ "Rang Smith about the bond", "met Baker at the office", "Saw Tjandamurra": a name (even
    one that is also a word) or a word no list knows, right after a word of contact."""
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (
        i > 0
        and (t.lexical or (t.unknown and not t.upper))  # not "with MPES": an acronym
        and not (t.place or t.dated)  # "next meeting August 12", "meeting Mon 15 July"
        and toks[i - 1].key in lexicon.CONTACT_CUES
        and not toks[i - 1].blocked
        and text[toks[i - 1].end : t.start] == " "
        and not (nxt is not None and nxt.capital and not nxt.blocked
                 and text[t.end : nxt.start] == " ")  # "rang Housing Connect"
        and not (t.upper and t.key in _CONTACT_COMPOUNDS)  # "PHONE LIST", "CALL LOG"
    )


# Nouns a word of contact makes a compound with, written in capitals in headings.
_CONTACT_COMPOUNDS = word_set(
    "list lists log logs book books number numbers details card cards line lines back record"
    " records sheet sheets centre center tree"
)


def _an_organisation(text: str, toks: list[_Tok], i: int) -> bool:
    """Not a person: after "St"/"Saint" ("St Augustine's", "St Thomas the Apostle"), before a
    state's letters ("Carers NT", "RSL NT"), or an acronym with no vowel ("RSL", "DCJ")."""
    t = toks[i]
    if t.upper and len(t.key) >= 3 and not _VOWEL.search(t.key):
        return True  # "RSL", "DCJ"
    if t.upper and t.key in lexicon.STATES and i > 0 and _org_word(toks[i - 1]):
        return True  # the "NT" of "Carers NT"
    if t.key in ("st", "saint") and _a_saints(text, toks, i):
        return True  # the "St" of "St Augustine's"
    if i > 0 and toks[i - 1].key in ("st", "saint") and _a_saints(text, toks, i - 1):
        return True
    return (
        i + 1 < len(toks)
        and _org_word(t)  # "Carers NT", "RSL NT"; not "Saw Tjandamurra NT"
        and toks[i + 1].upper
        and toks[i + 1].key in lexicon.STATES
        and text[t.end : toks[i + 1].start] == " "
    )


def _org_word(t: _Tok) -> bool:
    """A word an organisation's name is made of, no person's: an English word or its plural,
    a listed brand or an acronym -- never a given name or surname."""
    if t.lexical or not t.capital:
        return False
    words, kin = lexicon.english_words(), lexicon.RELATIONS
    stem = t.key[:-1] if t.key.endswith("s") else ""
    return t.word or t.brand or stem in words or stem in kin or (
        t.upper and len(t.key) >= 3 and not _VOWEL.search(t.key)
    )


def _a_saints(text: str, toks: list[_Tok], k: int) -> bool:
    """Is the "St" at ``k`` a saint's ("at St Augustine's") rather than a street's ("on
    Banksia St Kylie said")? A saint's comes before a capitalised word, not after one."""
    st = toks[k]
    return (
        st.capital
        and k + 1 < len(toks)
        and toks[k + 1].capital
        and _ST_GAP.fullmatch(text, st.end, toks[k + 1].start) is not None
        and not (k > 0 and toks[k - 1].capital and text[toks[k - 1].end : st.start] == " ")
    )


_VOWEL = re.compile(r"[aeiouy]|[^\x00-\x7f]")  # "ÖZTÜRK" has vowels; an acronym is plain ASCII
_ST_GAP = re.compile(r"\.? ")


# An animal's name, said as one: "a dog called Ranger", "the cat is named Friday", or after an
# owner's word, "her kelpie Nugget." (not "walking the dog Kylie.", where Kylie may be spoken
# to). A pet's name says no one's identity.
_PET = re.compile(
    r"\b(?i:dogs?|cats?|pupp(?:y|ies)|pups?|kittens?|kelpies?|horses?|pets?|budgies?|staffy"
    r"|heelers?)[ \t]+(?:is[ \t]+|was[ \t]+)?(?:called|named)[ \t]+([A-Z][a-z]+)\b"
    r"|(?:\b(?i:her|his|my|our|their)|\b[A-Za-z]+'s|\[name\]'s|\b[A-Z][A-Z0-9]*-\d+'s)"
    r"[ \t]+(?:dog|cat|pup|puppy|kelpie|staffy|heeler"
    r"|kitten|horse|budgie)[ \t]+([A-Z][a-z]+)(?=[ \t]*(?:[.,;:)(]|\Z))"
)
PET_KEYS = word_set("dog dogs cat cats puppy puppies pup pups kitten kittens kelpie kelpies horse"
                    " horses pet pets budgie budgies staffy heeler heelers")


def _pets(text: str, keys: AbstractSet[str] | None) -> frozenset[int]:
    """Where a pet is named: "a dog called Ranger", "her kelpie Nugget." (not "the dog Kevin took",
    nor the name's other mentions: "Kevin rang" may be a person)."""
    if keys is not None and PET_KEYS.isdisjoint(keys):
        return frozenset()
    return frozenset(m.start(m.lastindex or 1) for m in _PET.finditer(text))


# Skin (subsection) names of the Central and Western Desert and Arrernte, and the words said
# in place of the name of someone who has passed: kinship categories and a custom, not a
# person, unless part of a name ("Bailey Jungarrayi Hosking", "Kumanjayi Walker") or used as
# one ("Nangala rang").
_SKIN_NAMES = word_set(
    "napaljarri japaljarri napangardi japangardi nangala jangala nampijinpa jampijinpa"
    " nungarrayi jungarrayi napanangka japanangka nakamarra jakamarra napurrurla jupurrurla"
    " tjapaltjarri napaltjarri tjungurrayi nungurrayi tjakamarra tjupurrula napurrula"
    " tjampitjinpa nampitjinpa tjapanangka tjangala tjapangati napangati kemarre kngwarreye"
    " peltharre penangke pengarte angale perrurle ampetyane pwerle petyarre mbitjana"
)
_NAME_SUBSTITUTES = word_set("kumanjayi kwementyaye kunmanara kumantjayi")
_SKIN_SAID = re.compile(r"[ \t]*(?:skin\b|[.,;!?)]|and\b|\Z)")


def _a_kin_category(text: str, toks: list[_Tok], i: int) -> bool:
    """ "She is Nangala skin, he is Jungarrayi.", "the family uses Kumanjayi": a skin name
    before "skin" or said of someone ("is Jungarrayi."), a name's substitute standing alone."""
    t = toks[i]
    if t.key not in _SKIN_NAMES and t.key not in _NAME_SUBSTITUTES:
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.cap and text[t.end : nxt.start] == " ":
        return False  # "Kumanjayi Walker", "Jungarrayi Hosking"
    if i > 0 and toks[i - 1].cap and not toks[i - 1].opens and (
        text[toks[i - 1].end : t.start] == " "
    ):
        return False  # "Bailey Jungarrayi"
    if t.key in _NAME_SUBSTITUTES:
        return True
    said = i > 0 and toks[i - 1].key in ("is", "was", "are", "were", "im")
    return (nxt is not None and nxt.key == "skin") or (said and _SKIN_SAID.match(text, t.end))


def _a_language(text: str, toks: list[_Tok], i: int) -> bool:
    """ "Karen interpreter", "Dari speaker", "the Karen community lunch", "Congolese, Karen and
    Bhutanese families": a language or people (also a name) before what speaks it or gathers
    them, or in a list of peoples ("Sarah community nurse" is a person)."""
    if toks[i].key == "karen" and i > 0 and toks[i - 1].key in ("gaw", "sgaw", "pwo"):
        return True  # "S'gaw Karen", "Pwo Karen": the Karen languages
    if toks[i].key in _PEOPLES_ALSO_NAMES and i > 0 and toks[i - 1].key in _SPEAKS_BEFORE and (
        text[toks[i - 1].end : toks[i].start] == " " and not _POSSESSIVE.match(text, toks[i].end)
    ):
        return True  # "speaks Karen", "interpreter in Dari"
    if _in_a_list_of_peoples(text, toks, i):
        return True
    if toks[i].key in _PEOPLES_ALSO_NAMES and _AND_A_LANGUAGE.match(text, toks[i].end):
        return True  # "a Dari and Hazaragi-speaking worker"
    if i + 1 >= len(toks):
        return False
    if text[toks[i].end : toks[i + 1].start] != " ":
        return False
    nxt = toks[i + 1].key
    if nxt in _SPEAKS_IT or nxt == "communities":
        return True
    if nxt in _PEOPLES_GATHER and toks[i].key in _PEOPLES_ALSO_NAMES and not toks[i].opens:
        return True  # "runs Thai groups" (but "the Chin family" is a family called Chin)
    after = toks[i + 2].key if i + 2 < len(toks) else ""
    if nxt == "new" and after == "year" and toks[i].key in _PEOPLES_ALSO_NAMES:
        return True  # "Karen New Year"
    if nxt in _PEOPLES_PLACES and toks[i].key in _PEOPLES_ALSO_NAMES and i > 0 and (
        toks[i - 1].key in ("the", "a", "an")
    ):
        return True  # "the Karen church", "a Karen pastor" (but "Karen Pastor came")
    return nxt == "community" and toks[i].key in _PEOPLES_ALSO_NAMES and (
        after in _GATHERINGS or i + 2 == len(toks)
    )


# Car makes that are people's names too, and what a make is said before: "Kia dealers", "a
# Honda scooter", "Toyota and Kia dealers" (but "Kia rang", "Ford and Jack came").
_MAKES_ALSO_NAMES = lexicon.MAKES_ALSO_NAMES
_CAR_POOL = re.compile(r"[ \t-]?pool", re.IGNORECASE)  # "Kia and Mack car pooled": people
_A_MAKES_THINGS = word_set(
    "dealer dealers dealership dealerships scooter scooters car cars ute utes van vans truck"
    " trucks sedan hatch hatchback wagon suv motorbike motorbikes bike bikes parts"
)


def _a_make(text: str, toks: list[_Tok], i: int) -> bool:
    """A car's make, not a person: before what it makes or sells, alone or in a list of makes."""
    if toks[i].key not in _MAKES_ALSO_NAMES:
        return False
    j = i
    while (k := _list_item(text, toks, j, 1)) is not None:
        if not toks[k].capital or not (
            toks[k].key in _MAKES_ALSO_NAMES or toks[k].key in lexicon.not_names()
        ):
            return False
        j = k
    nxt = j + 1
    first = i
    while (k := _list_item(text, toks, first, -1)) is not None:
        first = k
    if first > 0 and (toks[first - 1].key in lexicon.RELATIONS or (
        toks[first - 1].key in lexicon.TITLES
    )):
        return False  # "Her daughters Kia and Mercedes car pool": people
    return nxt < len(toks) and toks[nxt].key in _A_MAKES_THINGS and (
        text[toks[j].end : toks[nxt].start] == " "
    ) and not (toks[nxt].key == "car" and _CAR_POOL.match(text, toks[nxt].end))


_LIST_GAP_ONLY = re.compile(r"\s*[,&/+]\s*")
_AND_GAP = re.compile(r",?\s+")
_GROUP_NOUNS = word_set(
    "families family people communities community women men elders kids youth groups clients"
    " interpreters interpreter speakers speaker"
)


def _list_item(text: str, toks: list[_Tok], j: int, step: int) -> int | None:
    """The next item of a list from ``j`` (``step`` 1 or -1): after ", ", "&" or "and"/"or"."""
    k = j + step
    if not 0 <= k < len(toks):
        return None
    a, b = sorted((j, k))
    if _LIST_GAP_ONLY.fullmatch(text, toks[a].end, toks[b].start):
        return k
    m = k + step
    if toks[k].key in ("and", "or") and 0 <= m < len(toks):
        a, b = sorted((j, m))
        if _AND_GAP.fullmatch(text, toks[a].end, toks[a + 1].start) and _AND_GAP.fullmatch(
            text, toks[b - 1].end, toks[b].start
        ):
            return m
    return None


# Peoples and languages that are also given names or surnames: "Karen" (of Burma), "Chin", "Mon".
_PEOPLES_ALSO_NAMES = word_set("karen chin mon shan kachin lao han hui yao dari thai")
_SPEAKS_BEFORE = word_set("speaks speaking")
_PEOPLES_GATHER = word_set("groups speakers")
_PEOPLES_PLACES = word_set("church churches pastor choir congregation association temple mosque")


def _in_a_list_of_peoples(text: str, toks: list[_Tok], i: int) -> bool:
    """In a list of peoples before what they are: "Congolese, Karen and Bhutanese families"."""
    t = toks[i]
    if t.key not in _PEOPLES_ALSO_NAMES or not (
        text[t.end : t.end + 1] in (",", "&", "/")
        or text[t.start - 2 : t.start - 1] in (",", "&", "/")
        or (i + 1 < len(toks) and toks[i + 1].key in ("and", "or"))
        or (i > 0 and toks[i - 1].key in ("and", "or"))
    ):
        return False  # most words: in no list
    peoples, first, last = 0, i, i
    for step in (-1, 1):
        j = i
        while (k := _list_item(text, toks, j, step)) is not None:
            if not (toks[k].capital and toks[k].key in lexicon.not_names()):
                return False
            peoples, j = peoples + 1, k
        first, last = (j, last) if step == -1 else (first, j)
    if peoples and first > 0 and (  # "interpreters Swahili, Dari", "in Pashto and Dari"
        toks[first - 1].key in _GROUP_NOUNS or toks[first - 1].key in _SPEAKS_IT
        or toks[first - 1].key == "in"
    ):
        return True
    if peoples >= 2:
        return True  # "Languages among learners: Krio, Dari, Swahili"
    nxt = last + 1
    return bool(peoples) and nxt < len(toks) and toks[nxt].key in _GROUP_NOUNS and (
        text[toks[last].end : toks[nxt].start] == " "
    )


_GATHERINGS = word_set(
    """lunch dinner bbq picnic event events meeting meetings gathering day festival centre center
    hall church leaders elders members group groups association organisation organization radio
    liaison network"""
)
_SIGNS_ON = re.compile(r" here(?:[.,!:;—–-]|\s*\Z)", re.IGNORECASE)
_SPEAKS_IT = frozenset(
    {"interpreter", "interpreters", "interpreting", "speaker", "speakers", "speaking", "language",
     "translator", "translation", "translated", "tis"}
)


def _lower_patronymic(text: str, toks: list[_Tok], k: int) -> bool:
    """ "hamza bin rashid": "bin" (or "binti", "ibn") between two lowercase words that are no
    English words, places or services."""
    if toks[k].key not in _PATRONYMIC or not 0 < k < len(toks) - 1:
        return False
    first, last = toks[k - 1], toks[k + 1]
    return all(
        not w.capital and not w.blocked and len(w.key) > 2
        and w.key not in lexicon.english_words() and w.key not in lexicon.place_words()
        and w.key not in lexicon.never_names()
        for w in (first, last)
    ) and bool(
        _JOIN.fullmatch(text, first.end, toks[k].start)
        and _JOIN.fullmatch(text, toks[k].end, last.start)
    )


_PATRONYMIC = frozenset({"bin", "binti", "bint", "ibn"})
_SYLLABLE = re.compile(r"-([a-z]{2,4})(?![\w\-])")
_PREFIXES = word_set(
    "co ex re pre non de mid self anti sub semi post multi inter bi tri un e x t wi hi lo tik"
)


def _syllable_name(text: str, t: _Tok) -> bool:
    """ "Ha-eun's", "Da-eun", "Seo-yeon": a short capitalised syllable, a hyphen and a
    lowercase one, neither a word nor a prefix ("Co-op", "Ex-partner", "Re-do" are words)."""
    if len(t.key) > 4 or not t.cap or t.key in _PREFIXES or (
        len(t.key) > 3 and t.key in lexicon.english_words()
    ):
        return False
    if t.key in lexicon.WEEKDAYS or t.key in lexicon.MONTHS:
        return False  # "Mon-fri"
    m = _SYLLABLE.match(text, t.end)
    return m is not None and not any(
        m[1] in words for words in (lexicon.english_words(), _PREFIXES, lexicon.WEEKDAYS,
                                    lexicon.MONTHS)
    )
_NOT_AFTER = re.compile(r"['’`]t\b", re.IGNORECASE)
_SYLLABLE_AFTER = re.compile(r"-[a-z]{1,4}(?![\w\-])")
_PARK_AFTER = re.compile(r" (?:Park|PARK)\b(?! (?:[A-Z][a-z]*|[A-Z]+)\b)")


def _tokens(
    text: str,
    words: list[Word],
    blocked: Sequence[tuple[int, int]],
    anchors: Sequence[tuple[int, int]],
) -> list[_Tok]:
    """The text's words as name candidates: "O'Brien" one word, the "s" of "Jane's" none."""
    mask = bytearray(len(text))  # 2: a registered client's name, 1: blocked (wins)
    for s, e in anchors:
        mask[s:e] = b"\x02" * (e - s)
    for s, e in blocked:
        mask[s:e] = b"\x01" * (e - s)
    toks: list[_Tok] = []
    skip = -1
    last = len(words) - 1
    for k, w in enumerate(words):
        if k <= skip:
            continue
        start, end, key = w.start, w.end, w.key
        if key == "s" and k and text[start - 1] in _APOS and words[k - 1].end == start - 1:
            continue  # the possessive of the word before
        if text[start - 1 : start] == "&" and text[end : end + 1] == ";" and key in _ENTITIES:
            continue  # an HTML entity between words: "Ahmed&nbsp;Khan" (not "Dawson&Marlene;")
        if text[end : end + 1] in _APOS and key[-1] == "n" and _NOT_AFTER.match(text, end):
            continue  # "Don't", "doesn't", "wasn't": a verb and its "not"
        j = k
        while (  # O'Brien, D'Souza, Ng'ang'a: one word
            w.caps
            and j < last
            and text[words[j].end] in _APOS
            and words[j + 1].start == words[j].end + 1
            and words[j + 1].key != "s"
            and (len(w.key) == 1 or j > k or not words[j + 1].caps or words[j + 1].title)
            and not (j == k and key == "i" and words[j + 1].key in _AFTER_I)  # "I'm", "I'll"
            and not (j == k and key in _CONTRACTED and words[j + 1].key in _AFTER_I | {"re"})
        ):  # "We've", "They'd", "You're": a pronoun and its verb, no "Weve"
            j += 1
            end, key, skip = words[j].end, key + words[j].key, j
        if w.caps:
            blocked_here = mask.find(1, start, end) >= 0 or _glued(text, start, end) or (
                not text[start:end].isascii() and _a_word_glued_to_script(text[start:end])
            )
            anchor = not blocked_here and mask.find(2, start, end) >= 0 and (
                not _OTHER_SCRIPT(text, start, end) or mask.count(2, start, end) == end - start
            )  # "Rose去了Rose Bay" is one word to the tokenizer, only its "Rose" the client's
            title, flags = w.title, _flags(key)
            if (key in _SERVICE_ACRONYMS or key in _ROMAN) and text[start:end].isupper() and (
                key in _ROMAN or _lower_on_its_line(text, start)
                or not (_A_TITLE_IN_CAPS.search(text, max(0, start - 6), start)
                        or _SPOKE_IN_CAPS.match(text, end))  # "MRS HAAG RANG", "OMARA RANG"
            ):
                flags = _ACRONYM  # "AMES starts 5 May" (but "Tom Ames" is a man); "CERT III"
            if title and text[end - 1] == "s" and text[start + 1 : start + 2].isupper() and (
                _PLURAL_CAPS.fullmatch(text, start, end)  # "BBQs", "GPs", "NGUYENs"
            ):
                title, flags = False, _flags(key[:-1])
                if not flags[7]:  # not the plural of a listed name: an acronym's
                    flags = _ACRONYM
            head = (start, end, key, title, not title, True, w.opens, blocked_here or anchor)
            toks.append(_new(_Tok, (*head, anchor, *flags)))
        elif key in _NEED_FLAGS or mask.find(1, start, end) >= 0:  # a title, a relation word
            flags = _flags(key) if key in _NEED_FLAGS else _LOWERCASE
            head = (start, end, key, False, False, False, False, mask.find(1, start, end) >= 0)
            toks.append(_new(_Tok, (*head, False, *flags)))
        else:  # an ordinary lowercase word: the Word itself reads as one (all flags False)
            toks.append(w)  # type: ignore[arg-type]
    return toks


_A_TITLE_IN_CAPS = re.compile(r"\b(?:MR|MRS|MS|MISS|DR|MX|MASTER)\.?[ \t]+\Z")
_SPOKE_IN_CAPS = re.compile(
    r"[ \t]+(?:RANG|RINGS|SAID|SAYS|CALLED|TEXTED|EMAILED|PHONED|CRIED|YELLED|LEFT|CAME)\b"
)


def _lower_on_its_line(text: str, at: int) -> bool:
    """Some lowercase letter on the line: capitals there stand out (an acronym), not a note typed
    all in capitals."""
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    return any(ch.islower() for ch in line)


_AFTER_I = frozenset({"m", "d", "ve", "ll"})
_CONTRACTED = word_set(
    "we they you he she it who that there here what where how could should would"
)
_CAPITAL = r"(?![a-z])[^\W\d_]"  # a letter in capitals, any alphabet's ("Ć")
_SURNAME_COMMA_BEFORE = re.compile(
    rf"(?<![\w'’\-])({_CAPITAL}(?:{_CAPITAL}|['’\-]){{2,}}),[ \t]*\Z"
)
# Where a patient label or a list puts "SURNAME, Given": a line's start, a label's colon, a
# list's number, a column's gap, "for" or "Re:" before; and after the name a column's gap, the
# line's end or a bracket (a list), or the patient's sex, age or record (a label).
_LABEL_BEFORE = re.compile(
    r"(?:(?:^|\n)[ \t•*\-–|]*(?:\d{1,3}[.)][ \t]*)?(?:[A-Za-z][\w ./]{0,24}:[ \t]*)?"
    r"|[ \t]{2,}|\t|\b(?:for|of|Re:?|RE:?)[ \t]+|[ \t]*[|;·][ \t]*|\bv\.?[ \t]+"
    r"|(?:[ \t]{2,}|\t)[A-Za-z][\w ./]{0,24}:[ \t]*)\Z"  # a label after a column's gap
)  # and a table's cell ("| SMITH, Jo |") or a court list's "Police v SMITH, Jo"
_LIST_AFTER = re.compile(r"[ \t]*(?:$|\n)|[ \t]{2,}|\t|[ \t]*[(|]|[ \t]+[-–—][ \t]", re.MULTILINE)
_LABEL_AFTER = re.compile(
    r"[ \t(]+(?:[MF]\b|\d{1,3}[ \t]?(?:y|yo|yrs|[MF])\b|D\.?O\.?B|URN|MRN|UR\b|Ward\b|Bed\b)"
)


def _label(text: str, start: int, end: int) -> int:
    """ "SURNAME, Given" (``start`` to ``end``) on a label (2), a list's line (1) or neither (0)."""
    if not _LABEL_BEFORE.search(text, max(0, start - 40), start):
        return 0
    if _LABEL_AFTER.match(text, end):
        return 2
    return 1 if _LIST_AFTER.match(text, end) else 0
# Words in capitals before ", Name" that greet or answer, though the census lists them as surnames.
_NOT_LABEL_SURNAMES = word_set(
    "hey dear cheers well morning evening done new welcome good right thanks sorry yes okay great"
    " given client urgent note update attention"
)
_new = tuple.__new__  # a named tuple without its Python-level constructor: many are made
_PLURAL_CAPS = re.compile(r"[A-Z]{2,}s")
_ACRONYM = (False,) * 6 + (True, False, False)  # never a name
# Services' acronyms that are also surnames (AMES, HAAG, GRAMS, COTA, OMARA): in capitals, the
# service; written as a name, a person.
_SERVICE_ACRONYMS = word_set("ames haag grams opals cota omara hass")  # and a subject, HASS
# The article, alone or after a preposition: "المستشفى", "بالمستشفى" (at the hospital), "للبيت".
_ARABIC_ARTICLE = ("ال", "بال", "وال", "فال", "كال", "لل")
_ROMAN = word_set("ii iii iv vii viii ix xii")  # not "VI", "XI": Vi, Xi are names too


# A team sheet's or a vote count's "7 ZERAI", "#3 ROKOBERA": a player's number, then the surname.
_JERSEY_BEFORE = re.compile(r"(?:^|[\s·|,;:(])#?\d{1,2}[ \t]+\Z", re.MULTILINE)
_JERSEYS = re.compile(r"(?:^|[\s·|,;:(])#?\d{1,2}[ \t]+[A-Z]{3,}\b", re.MULTILINE)


def _on_a_team_sheet(text: str, t: _Tok) -> bool:
    """A word no list knows, in capitals after a player's number, where the text has more than
    one such pair."""
    return (
        t.upper and t.unknown and len(t.key) >= 4
        and _JERSEY_BEFORE.search(text, max(0, t.start - 6), t.start) is not None
        and len(_JERSEYS.findall(text)) >= 2
        and (_TEAM_CUE.search(text) is not None or "#" in text)  # not a hamper's "2 WEETBIX"
    )


_TEAM_CUE = re.compile(
    r"(?i)\b(?:team|squad|jersey|jumper|round|rnd|v|vs|players?|line-?up|sheet|bench|reserves"
    r"|beds|bed[ \-]?list|roster|lockers"  # a shelter's list: "Beds: 3 TUIVASA 4 KOROI"
    r"|coach|captain|(?:grand|semi)[ \-]?final|fixture|match|game|premiership|club)\b"
)


_OTHER_SCRIPT = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]").search  # not Vietnamese's
_LATIN_THEN_SCRIPT = re.compile(r"([A-Za-z]{2,})[^\W\d_\u0000-\u024f\u1e00-\u1eff]")


def _a_word_glued_to_script(word: str) -> bool:
    """A word in Latin letters with Chinese, Thai or Korean typed on after it, the Latin part an
    everyday word or a place's head: "Island玩" (of "去Hope Island玩"), "Park见"."""
    m = _LATIN_THEN_SCRIPT.match(word)
    if m is None:
        return False
    key = m[1].casefold()
    return key in lexicon.PLACE_HEADS or (
        key in lexicon.english_words() and key not in lexicon.given_names()
    )


def _glued(text: str, start: int, end: int) -> bool:
    """Letters glued to digits ("U0OMAR001", a Slack ID; "abc123") are no one's name."""
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


@functools.cache
def _lists() -> tuple[frozenset[str], ...]:
    return (
        lexicon.given_names(),
        lexicon.surnames(),
        lexicon.english_words(),
        lexicon.place_words(),
        lexicon.not_names(),
        lexicon.medications(),
    )


_FLAGS: dict[str, tuple[bool, ...]] = {}
_LOWERCASE = (False,) * 9  # the flags of a lowercase word: nothing to look up


def _flags(key: str) -> tuple[bool, ...]:
    """(given, surname, word, place, dated, brand, never, lexical, unknown) for a word."""
    flags = _FLAGS.get(key)
    if flags is None:
        given, surnames, words, places, brands, medications = _lists()
        name_word = key not in lexicon.GRAMMAR  # the census lists "Her" as a surname
        # The lists hold plain letters: "José" is a given name, "Māori" a people, but "Sơn" is
        # no English word ("son"), whatever its letters without their accents spell.
        bare = key if key.isascii() else fold(key)
        is_given, is_surname = name_word and bare in given, name_word and bare in surnames
        is_word, is_place, is_dated = key in words, bare in places, key in _DATE_WORDS
        flags = (
            is_given,
            is_surname,
            is_word,
            is_place,
            is_dated,
            bare in brands,
            key in _NEVER or bare in medications or len(key) < 2,
            is_given or is_surname,
            not (is_given or is_surname or is_word or is_place or is_dated),
        )
        if len(_FLAGS) > 50_000:  # bounded: a long-running process sees many words
            _FLAGS.clear()
        _FLAGS[key] = flags
    return flags


def _cars_only_beside_cars(text: str, toks: list[_Tok]) -> list[_Tok]:
    """A car's model is never a name in a note about vehicles; elsewhere it is a word no list
    knows, as a person's name may be ("Spoke to Astra from the school", "Astra (neighbour)").
    A make is a company wherever it stands ("works for Toyota"), and in capitals a model is."""
    cars = lexicon.vehicles()
    if sum(1 for t in toks if t.key in VEHICLE_WORDS or t.key in cars) > 1:
        return toks
    out = list(toks)
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i > 0 and not t.opens else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.brand and t.key in cars and t.key not in _MAKES and not t.word and (
            t.cap or (t.upper and prev is not None and prev.key in _SOMEONE_AFTER)
        ) and (
            (prev is None and (  # "Astra rang", "Astra (neighbour)"; not "Hilux needs a service"
                (nxt is not None and nxt.key in lexicon.SPOKE) or text[t.end : t.end + 2] == " ("))
            or (prev is not None and prev.capital and prev.lexical and not prev.word
                and prev.key not in _DETERMINERS)  # "Jo Astra"
            or (prev is not None and prev.key in _SOMEONE_AFTER)
        ) and not (nxt is not None and nxt.key in _A_MAKES_THINGS):
            # not "the stolen Hilux", "lives in a Jayco", "The Nissan dealer"
            out[i] = t._replace(brand=False, unknown=not (t.given or t.surname or t.place))
    return out


# Peoples and signs that are people's names too: "Dutch and Italian migrants", "a Virgo"; but
# "Jack Cornish", "MS WELSH RANG", "her son Danish", "Danish Khan".
_NAMED_LIKE_PEOPLES = word_set(
    "dutch slovak czech danish welsh cornish basque catalan virgo mormon hindu sunni shia muslim"
)


def _peoples_beside_a_name(text: str, toks: list[_Tok]) -> list[_Tok]:
    """Such a word is no brand beside a given name, a title or a relation word, or before a
    capitalised surname: there it is someone's name."""
    out = list(toks)
    for i, t in enumerate(toks):
        if not (t.brand and t.capital and t.key in _NAMED_LIKE_PEOPLES):
            continue
        prev = toks[i - 1] if i > 0 and text[toks[i - 1].end : t.start] == " " else None
        nxt = toks[i + 1] if i + 1 < len(toks) and text[t.end : toks[i + 1].start] == " " else None
        a_thing_after = nxt is not None and not nxt.capital and not (
            nxt.key in lexicon.SUBJECT_CUES or nxt.key.endswith(("ing", "ed"))
        )  # "Danish translations"; but "Maria Catalan speaking"
        whose = i > 1 and toks[i - 2].key in _WHOSE
        if (prev is not None and not a_thing_after and (
            (prev.capital and prev.given and not prev.brand)
            or prev.key in lexicon.TITLES
            or (prev.key in lexicon.RELATIONS and whose)
        )) or (nxt is not None and nxt.capital and (nxt.surname or nxt.unknown) and not (
            (nxt.word and not nxt.surname) or nxt.brand or nxt.place
        )):  # "Danish Khan"; not "Mum Dutch, dad Vietnamese", "Her dad Cornish pasty shop",
            # "Priya Danish translations"
            out[i] = t._replace(brand=False, lexical=True, surname=True)
    return out


# Makers of cars, caravans, trucks and tractors: companies, never someone ("Rang Toyota"); but
# Tesla may be a client's first name, and Kia or Ford anyone's (``_a_make``).
_MAKES = (lexicon.CAR_MAKES | lexicon.CARAVAN_MAKES) - lexicon.MAKES_ALSO_NAMES - {"tesla"}
# Lowercase words a person's name follows (a car's name follows "a", "the", "his", "stolen").
_SOMEONE_AFTER = lexicon.CONTACT_CUES | lexicon.RELATIONS | word_set(
    "to with and or from for by told asked called rang saw met visited thanked emailed texted"
)


def _after_clients(text: str, toks: list[_Tok], name: list[bool]) -> None:
    """A registered client's name with a name word after it that is not theirs ("Gerald
    Sellers", "Tao Gong" where only a Tao is registered) is someone else's name: all of it."""
    for i in range(len(toks) - 1):
        t, nxt = toks[i], toks[i + 1]
        if t.anchor and not nxt.anchor and not name[i + 1] and _joins(text, toks, i, i + 1):
            name[i + 1] = True
            _mark_run(text, toks, name, i, -1)
        elif nxt.anchor and not t.anchor and not name[i] and _joins(text, toks, i + 1, i):
            name[i] = True  # "Comfort Abiola" where only an Abiola is registered
            _mark_run(text, toks, name, i + 1, 1)


# A verb or a word shortened as texts shorten them: "msgd", "phnd", "emld" (no vowel, or only
# its first letter's).
_ABBREVIATED_VERB = re.compile(r"[^aeiouy]+d|[aeiou][^aeiouy]{2,}")


def _lower_before_clients(
    text: str,
    toks: list[_Tok],
    name: list[bool],
    anchors: Sequence[tuple[int, int]],
    surnames: AbstractSet[str],
) -> None:
    """In lowercase, a word no dictionary knows just before a registered client's surname
    alone is the given name of someone who carries it, or the client's own misspelt: "bubs name
    is iluka ❤️ iluka narkle", "the baby as jiyun eom", "sinyi shangguang rang"."""
    starts = {s: e for s, e in anchors if fold(text[s:e]) in surnames
              and fold(text[s:e]) not in lexicon.english_words()}  # not "his footy gear"
    for i in range(len(toks) - 1):
        t, nxt = toks[i], toks[i + 1]
        end = starts.get(nxt.start)
        if (
            end is not None and not name[i] and not t.capital and not t.blocked
            and len(t.key) >= 3 and t.key.isalpha() and text[t.end : nxt.start] == " "
            and text[nxt.start : end].islower()
            and t.key not in lexicon.english_words() and t.key not in lexicon.never_names()
            and t.key not in lexicon.place_words()
            and t.key not in lexicon.FUNCTION_WORDS and t.key not in lexicon.RELATIONS
            and t.key not in lexicon.KIN_ABROAD and t.key not in lexicon.TITLES
            and t.key not in _SMS_WORDS and t.key not in _COMMON_LOWER
            and not (t.key.endswith("s") and t.key[:-1] in lexicon.english_words())
            and not (i and toks[i - 1].key in _GREETED)  # "hi byron golf here": to, then from
            and _VOWEL.search(t.key) and (
                not _ABBREVIATED_VERB.fullmatch(t.key) or t.key in lexicon.given_names())
        ):  # not "txtd narkle re rent", "cld baru back"
            name[i] = True


def _mark_run(text: str, toks: list[_Tok], name: list[bool], k: int, step: int) -> None:
    """Mark the registered name's words from ``k`` on, in the direction ``step``."""
    while 0 <= k < len(toks) and toks[k].anchor:
        name[k] = True
        a, b = (k - 1, k) if step < 0 else (k, k + 1)
        if not (a >= 0 and b < len(toks)) or not _JOIN.fullmatch(text, toks[a].end, toks[b].start):
            break
        k += step


def _a_brand_then_a_surname(text: str, toks: list[_Tok], j: int) -> bool:
    """A one-word service's or brand's name, no word of the language, with a surname after it
    ("her cousin Ngala Yunupingu", "her mum Tok Smith")."""
    t = toks[j]
    if not t.cap or t.word or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    return nxt.cap and (nxt.surname or nxt.unknown) and not (
        nxt.brand or nxt.place or nxt.never or nxt.dated or nxt.key in _A_BRANDS_THINGS
    ) and text[t.end : nxt.start] == " "


_FAMILY = word_set(
    "mum mother dad father sister brother sis bro cousin cuz aunty auntie aunt uncle nan nanna gran"
    " grandma grandmother grandfather pop son daughter niece nephew wife husband partner boyfriend"
    " girlfriend bf gf friend mate"
)
# What follows a service's or brand's name as its thing: "Medicare Card", "Centrelink Debt".
_A_BRANDS_THINGS = word_set(
    "card cards plan plans appointment appointments payment payments letter letters number account"
    " office worker workers team app form forms statement debt review claim line lines bill bills"
    " case file note notes check visit group program service services centre center hub house"
    " hall bus car store shop branch"
)


def _a_things_name_for_someone(t: _Tok) -> bool:
    """A car model's or a one-word service's name that is someone's after a title or a relation
    word ("her friend Astra", "Mr Kluger", "her daughter Kamira"); not a shop's or an app's
    ("told her mum Afterpay was overdue")."""
    return (
        t.capital and (t.key in lexicon.vehicles() or t.key in lexicon.employers())
        and t.key not in _MAKES
        and t.key not in lexicon.english_words() and t.key not in lexicon.WEEKDAYS
        and t.key not in lexicon.MONTHS and t.key not in _NEVER_AFTER_KIN
    )


# Words of the never-a-name list that follow kin words as what the person is: "her Karen
# husband" (no), "his wife Hazara"? The peoples and languages stay what they are.
_NEVER_AFTER_KIN = word_set(
    "aboriginal torres islander afghan hazara dari farsi arabic tongan samoan maori fijian"
    " sudanese somali karen vietnamese chinese korean filipino nepali punjabi hindi urdu greek"
    " italian english australian muslim christian catholic anglican sikh hindu buddhist"
)


def _excluded(t: _Tok) -> bool:
    """Never a name -- except a relation word that is also a surname, capitalised mid-name:
    "Colin Foster", "Mr Foster"."""
    return t.never and not (
        t.cap and t.surname and (t.key in lexicon.RELATIONS or t.key in _OFFICE_TITLES)
    )


def _namelike(t: _Tok) -> bool:
    """Could this word be part of a name next to another name word?"""
    return (
        (t.anchor or not t.blocked)
        and not (t.never or t.brand)
        and (t.lexical or not (t.word or t.place or t.dated))
    )


def _strong(t: _Tok) -> bool:
    """A lexicon name that is nothing else: a name wherever it stands."""
    return (
        (t.cap or (t.upper and len(t.key) >= 4))
        and t.lexical
        and not (t.word or t.place or t.dated)
    )


def _possessive(text: str, t: _Tok) -> bool:
    return (
        t.capital
        and _POSSESSIVE.match(text, t.end) is not None
        and (t.lexical or not (t.word or t.place or t.dated))
        and t.key not in _COLLECTIVES
    ) and not _places_part(text, t)


# Nouns for many people, whose possessive is no one's: "People's names", "Women's refuge".
_COLLECTIVES = word_set(
    "people women men children kids families tenants clients workers residents veterans carers"
    " parents elders youth everyone someone nobody council government today tomorrow"
)


def _places_part(text: str, t: _Tok) -> bool:
    """ "Melbourne's west", "Sydney's inner suburbs": a listed place's part, not a person's
    ("Hamilton's sister", "Logan's mum" are someone's)."""
    return t.key in lexicon.place_words() and _REGION_AFTER.match(text, t.end) is not None


_REGION_AFTER = re.compile(
    r"['’]s\s+(?:inner\s+|outer\s+|far\s+)?(?:west|east|north|south|cbd|suburbs?|outskirts|"
    r"centre|center|city|northern|southern|eastern|western)\b",
    re.IGNORECASE,
)


def _pair(text: str, toks: list[_Tok], i: int) -> bool:
    """Two capitalised words side by side that make a name: "Grace Brown", "Upasna Patel",
    "Tavita Faleolo", and an unknown word before any word: "Mitesh Mane (dob ...)"."""
    for a, b in ((i - 1, i), (i, i + 1)):
        if a < 0 or b >= len(toks):
            continue
        first, second = toks[a], toks[b]
        if (
            first.cap and second.cap and first.word and not first.place and second.unknown
            and not (first.blocked or second.blocked or first.never or first.brand)
            and not first.opens and a > 0 and text[first.end : second.start] == " "
            and not second.dated and not toks[a - 1].capital
            and (toks[a - 1].key in lexicon.CONTACT_CUES or toks[a - 1].key in _PERSON_ROLES)
            and text[toks[a - 1].end : first.start] == " "
        ):
            return True  # "Housing officer Clemency Bramall", "spoke with Clemency Bramall"
        if (
            first.cap and second.cap and second.brand and first.given
            and not (first.place or first.brand or first.blocked or first.never)
            and not (first.opens and first.key in _ASKING and not second.surname)
            and text[first.end : second.start] == " " and second.key in lexicon.employers()
            and name_follows(text, second.end)
        ):
            return True  # "Kylie Fortescue rang", "Wade Serco owes her $200", "Mark McGrath
            # rang" (a surname too); not "Will Serco still pay her?", "Chase Visy's payroll"
        if not (
            first.capital
            and second.capital
            and _JOIN.fullmatch(text, first.end, second.start)
            and _namelike(first)
            and (second.anchor or not second.blocked)
            and not (second.brand or (second.never and not (  # "Kylie Judge" is a woman
                second.cap and second.surname and second.key in _OFFICE_TITLES
            )))
            and (second.lexical or not (second.place or second.key in STREET_TYPE_FORMS)
                 or _a_given_then_a_town(text, toks, a))
            and not (first.dated and _date_context(text, toks, a))
            and not (second.dated and _date_context(text, toks, b))
        ):
            continue
        if first.word and second.place and not second.given and _place_context(text, toks, a):
            continue  # "at Royal Brisbane"; but "Jack Hamilton rang" is someone
        if second.key in _TRADES and not first.given:
            continue  # a job: "Sous Chef", "Formwork Carpenter"; but "George Foreman" is a man
        if first.upper and first.unknown and len(first.key) >= 3 and second.cap and not (
            second.upper or second.lexical
        ) and second.word:
            continue  # an acronym before a word: "Western NSW LHD Drug and Alcohol"
        if first.upper and first.unknown and (
            (second.place and (len(first.key) >= 3 or first.key in lexicon.SERVICE_INITIALISMS
                               or not second.surname))
            or (second.upper and second.key in lexicon.STATES)
        ):
            continue  # an acronym and its branch: "RSPCA WA", "RSPCA Darwin runs it" (but two
            # capitals are initials: "TJ Bowen rang")
        if first.place and first.capital and not first.upper and second.upper and (
            second.unknown and len(second.key) >= 2 and not name_follows(text, second.end)
        ) and not (b + 1 < len(toks) and toks[b + 1].capital
                   and text[second.end : toks[b + 1].start] == " "):
            continue  # a place and an acronym: "Darwin AOD network", "Logan DV service"
        if second.key == "new" and a + 2 < len(toks) and toks[a + 2].key == "year" and (
            first.key in _PEOPLES_ALSO_NAMES
        ):
            continue  # "Karen New Year"
        if a > 0 and toks[a - 1].key == "in" and first.unknown and second.unknown and (
            _POSSESSIVE.match(text, second.end) is None
        ):
            continue  # "born in Cần Thơ": a town in no list, not "in Thao Vu's car"
        if first.given and (second.lexical or second.unknown or second.place):
            if not (first.word and second.word and not second.surname):
                return True
        elif (first.unknown and (second.unknown or (second.lexical and not second.word))) or (
            first.unknown
            and (
                name_follows(text, second.end) or not (first.opens or _place_context(text, toks, a))
            )
        ):
            return True
    return False


_A_SPEAKERS_START = re.compile(r"(?:^|\n)[ \t]*(?:\[[^\]\n]{4,30}\][ \t]*|[\d/.]{6,10},? [\d:]{4,5}"
                               r"(?: ?[ap]m)? - )\Z", re.IGNORECASE)


def _a_given_then_a_town(text: str, toks: list[_Tok], a: int) -> bool:
    """A given name that is nothing else, then a town's name as its surname: "Kylie Ashbury
    rang", "Kylie Zillmere: ok" (not "Anzac Day at Zillmere", nor "Kylie Zillmere station")."""
    first, second = toks[a], toks[a + 1]
    if first.cap and first.unknown and second.cap and second.place and (
        text[first.end : second.start] == " " and text[second.end : second.end + 1] == ":"
        and _A_SPEAKERS_START.search(text, max(0, first.start - 40), first.start)
    ):
        return True  # a chat export's speaker: "[20/04/2026, 8:05 pm] Mardi Ashbury: ok"
    return (
        first.capital and first.given and not (first.place or first.dated or first.brand)
        and first.key not in lexicon.FUNCTION_WORDS and not (first.opens and (
            first.key in _ASKING or (first.word and not name_follows(text, second.end))))
        and not (a > 0 and toks[a - 1].key in ("st", "saint"))  # "St Nicholas Thebarton"
        and second.capital and second.place and first.upper == second.upper
        and not (a + 2 < len(toks) and toks[a + 2].key in _PLACE_FOLLOWERS | _SITE_FOLLOWERS)
        and text[first.end : second.start] == " "
    )


def _alone(text: str, toks: list[_Tok], i: int) -> bool:
    """A word standing alone as a name: a given name that is also a word or a month, a word no
    list knows, or any word with a verb after it ("said Peace has been", "said Om has")."""
    t = toks[i]
    if not t.cap or t.place or (t.dated and _date_context(text, toks, i)):
        return False
    if len(t.key) < 3 or _CAMEL.match(text, t.start, t.end):  # "RentConnect" is a program
        return len(t.key) == 2 and t.key not in lexicon.GRAMMAR and _verb_context(text, toks, i)
    if not _isolated(text, toks, i) or _place_context(text, toks, i):
        return False
    if t.key in _COLLECTIVES and _POSSESSIVE.match(text, t.end):
        return False  # "Men's Behaviour Change Program", "Women's Legal Service"
    if i > 0 and toks[i - 1].key == "the" and not t.lexical and _a_role_here(text, toks, i):
        return False  # "Fixed with the Convenor": a role; but "the Tuilau family", "unit"
    if t.word and not t.given and _like_words(text, toks, i):
        return False  # "Torture and Trauma"; a given name ("Grace and newborn") stays a name
    if t.word and _among_words(text, toks, i):
        return False  # "King, Queen, Rook, Bishop, Knight and Pawn"
    if t.opens:
        return (t.unknown or t.given) and (
            name_follows(text, t.end) or _SIGNS_ON.match(text, t.end) is not None
            or (t.unknown and _deed_after(text, toks, i))  # "Massimo took card again"
        ) and not (t.word and _a_forms_label(text, t))  # "Shanaya here, u can stay"
    if t.key in _NAMELESS_MONTHS or t.key in _NAMELESS_DAYS:
        return False  # a month, with no title or relation word before it; "for Tues:"
    if (t.key in lexicon.PLACE_HEADS or t.key in lexicon.WEAK_PLACE_HEADS or t.key == "wing") and (
        _NUMBERED_BEFORE.search(text, max(0, t.start - 9), t.start)
    ):
        return False  # "4th Regiment", "No. 92 Wing": a unit
    if t.unknown or (t.given and (t.word or t.dated)):
        return True
    # An English word beside "and" is a name only beside one: "said Peace and Kylie came",
    # but "Survivors of Torture and Trauma (QPASTT)".
    for other in (i + 2, i - 2):
        if 0 <= other < len(toks) and toks[(i + other) // 2].key in lexicon.NAME_JOINERS:
            o = toks[other]
            if not (o.capital and (o.unknown or o.given)):
                return False
    return _verb_context(text, toks, i)


def _a_surname_in_capitals(word: str, toks: list[_Tok], i: int, label: int) -> bool:
    """Before "X, Given": a surname, not an acronym, a place or a word ("FYI, Tom", "RILC,
    Sarah", "IPSWICH, Anna"), nor a registered client's name (theirs keeps its code). A surname
    that is also a word ("SMITH", "BROWN") only on a label or a list's line ("Patient: SMITH,
    John  M  82y", "1. BLACK, Tom"), not "CHEERS, Tom" or "BOND, Sarah paid"; one that is also
    a place ("PARKINSON") only with a label's sex, age or record after it (``label``: 0 none, 1
    a list's line, 2 a patient's label)."""
    key = fold(word)
    if len(key) < 4 or key in lexicon.never_names():
        return False
    if key in lexicon.place_words() and label < 2:
        return False
    if key in lexicon.english_words():
        return label > 0 and key in lexicon.surnames() and key not in _NOT_LABEL_SURNAMES
    if len(_VOWEL.findall(key)) < 2:  # "RILC", "NSW"
        return False
    before = toks[i - 1] if i > 0 else None
    return before is None or not (before.anchor or before.blocked)


def _deed_after(text: str, toks: list[_Tok], i: int) -> bool:
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and nxt.key in lexicon.DEEDS and text[toks[i].end : nxt.start] == " "


def _a_role_here(text: str, toks: list[_Tok], i: int) -> bool:
    """After "the", a word that ends its clause or does something ("with the Convenor.", "the
    convenor wants") names a role; before a noun ("the Tuilau family", "the Akuien unit") it is
    someone's name."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or text[toks[i].end : nxt.start].strip(" ") not in ("",):
        return True
    return nxt.key in lexicon.NAME_FOLLOWERS or nxt.key in lexicon.SUBJECT_CUES
# After "and", words for people: "Grace and kids came" is a person with her kids.
_PEOPLE_NOUNS = word_set(
    """kids kid children child family baby bub bubs partner husband wife boyfriend girlfriend
    friends friend mates mate dog dogs staff workers worker team everyone others"""
)


_LIST_SEPARATOR = re.compile(r",[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+")


def _among_words(text: str, toks: list[_Tok], i: int) -> bool:
    """A capitalised word in a list of four or more single capitalised words, three of the
    others words that are no given name, one of them no surname either: "King, Queen, Rook,
    Bishop, Knight and Pawn" (not "Present: Smith, Baker, Cook and Taylor")."""
    run = [i]
    for step in (-1, 1):
        j = i
        while len(run) < 12:
            k = j + step
            if 0 <= k < len(toks) and toks[k].key in ("and", "or"):
                k += step  # the joiner is a word too
            if not (0 <= k < len(toks) and toks[k].capital):
                break
            a, b = (toks[k], toks[j]) if step < 0 else (toks[j], toks[k])
            if not _LIST_SEPARATOR.fullmatch(text, a.end, b.start):
                break
            j = k
            run.append(j)
    words = [toks[j] for j in run if j != i and toks[j].word and not toks[j].given]
    return len(run) >= 4 and len(words) >= 3 and any(not w.surname for w in words)


def _in_a_list_of_things(text: str, t: _Tok) -> bool:
    """A word no list knows, or an English word, as an item of a list whose other items (two or
    more) are things, capitalised English words and no one's given name: "Bring: Steel-cap
    Boots, Safety Glasses, Multimeter, Calculator", "English · Maths · Science · HASS"."""
    if not (t.unknown or (t.word and not t.given)) or t.upper:
        return False
    start = text.rfind("\n", 0, t.start) + 1
    end = text.find("\n", t.end)
    line = text[start : end if end >= 0 else len(text)]
    if not _ITEM_SEPARATOR.search(line):
        return False
    line = _LINES_LABEL.sub("", _BRACKETED.sub(" ", line))
    items = [item for item in _ITEM_SEPARATOR.split(line) if item.strip()]
    mine = [item for item in items if re.search(rf"(?<![\w'’\-]){re.escape(text[t.start:t.end])}"
                                                rf"(?![\w'’\-])", item)]
    if len(mine) != 1 or (len(re.findall(r"[^\W\d_]+", mine[0])) > 1 and not _a_things_item(
        mine[0]
    )):
        return False  # "Public Trustee; Mirjana Kovačić": an item of two words is someone
    things = sum(1 for item in items if item not in mine and _a_things_item(item))
    return len(items) >= 3 and things >= 2


_ITEM_SEPARATOR = re.compile(r"[ \t]*(?:[,;·•|+]|\band\b|\bor\b|&)[ \t]*")
_BRACKETED = re.compile(r"\([^()\n]{0,40}\)")
_LINES_LABEL = re.compile(r"^[ \t•*\-–]*(?:[A-Z][\w ]{0,24}:[ \t]+)?")


def _a_things_item(item: str) -> bool:
    """An item of a list that is a thing's name: "Safety Glasses", "Science", "Steel-cap Boots"."""
    parts = re.findall(r"[^\W\d_]+", item)
    if not parts or len(parts) > 5 or not parts[0][:1].isupper():
        return False
    keys = [p.casefold() for p in parts]
    if not all(k in lexicon.english_words() or k in lexicon.FUNCTION_WORDS for k in keys):
        return False
    given, surnames = lexicon.given_names(), lexicon.surnames()
    if len(keys) == 1:
        return keys[0] not in given and keys[0] not in surnames  # "Science"; not "Cook"
    return keys[0] not in given  # "Steel-cap Boots"; not "Rose Brown"


def _like_words(text: str, toks: list[_Tok], i: int) -> bool:
    """ "Frank and open questions", "Mercy and fairness were the theme": an English word joined
    by "and" to a lowercase English word of its kind, not to a person or people."""
    if i + 2 >= len(toks) or toks[i + 1].key not in ("and", "or", "&"):
        return False
    other = toks[i + 2]
    if other.capital or not _JOIN_AND.fullmatch(text, toks[i].end, other.start):
        return False
    key = other.key
    return (
        key in lexicon.english_words()
        and key not in lexicon.given_names()
        and key not in lexicon.FUNCTION_WORDS
        and key not in lexicon.RELATIONS
        and key not in _PEOPLE_NOUNS
        and key not in _DETERMINERS
    )


_JOIN_AND = re.compile(r"\s+(?:and|or)\s+|\s*&\s*", re.IGNORECASE)


def _verb_context(text: str, toks: list[_Tok], i: int) -> bool:
    """ "said Peace has been": a lowercase word before (not "the"), a verb of the list after."""
    before = toks[i - 1] if i > 0 else None
    return (
        before is not None
        and not (before.blocked or before.capital)
        and before.key not in _DETERMINERS
        and not (_A_FIELDS_SEPARATOR.search(text, before.end, toks[i].start)
                 and text[toks[i].end : toks[i].end + 1] == ":")
        and name_follows(text, toks[i].end, strict=True)
    )


# Between a calendar's or a form's fields, before a label: "… office — Organiser: Brynhildur".
_A_FIELDS_SEPARATOR = re.compile(r"[—–|·•]")


def _isolated(text: str, toks: list[_Tok], i: int) -> bool:
    """Not one of a run of capitalised words that are not names ("the Rental Grant")."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks):
            other = toks[j]
            joined = text[min(other.end, toks[i].end) : max(other.start, toks[i].start)] == " "
            if (
                joined
                and other.capital
                and len(other.key) > 1
                and not other.lexical
                and not (j == i - 1 and other.opens)  # capitalised for the sentence: no title
            ):
                return False
    return True


def _from_someone(toks: list[_Tok], i: int) -> bool:
    """ "a text from May", "call from Logan": after "from", a message comes from a person."""
    return i > 1 and toks[i - 1].key == "from" and toks[i - 2].key in lexicon.MESSAGES


def _a_surname_after(text: str, toks: list[_Tok], i: int) -> bool:
    """A surname just after the word, which no list has as a word or a place: "Thu Nguyen"."""
    if i + 1 >= len(toks) or text[toks[i].end : toks[i + 1].start] != " ":
        return False
    nxt = toks[i + 1]
    return nxt.capital and nxt.key in lexicon.surnames() and not (
        nxt.key in lexicon.english_words() or lexicon.listed_place([nxt.key])
        or nxt.key in lexicon.WEEKDAYS or nxt.key in lexicon.MONTHS
    )


def _date_context(text: str, toks: list[_Tok], i: int) -> bool:
    """A month or weekday here: "in May", "3 June", "May 2026", "since Jun", "Wed 3/12"."""
    t = toks[i]
    if _from_someone(toks, i) and not _DATE_AFTER.match(text, t.end):
        return False
    return (
        (i > 0 and toks[i - 1].key in lexicon.MONTH_CONTEXT)
        or (t.key in lexicon.WEEKDAYS and i > 0 and toks[i - 1].key in _BEFORE_A_DAY
            and _DAY_ENDS.match(text, t.end) is not None)  # not "Appt Thu Nguyen re housing"
        or (t.key in lexicon.WEEKDAYS and _a_days_cell(text, t))
        or (t.key in lexicon.WEEKDAYS and _TIME_BEFORE.search(text, max(0, t.start - 9), t.start)
            and not _DEED_AFTER_DAY.match(text, t.end)  # "10am Tue"; not "10AM THU RANG BACK"
            and not _a_surname_after(text, toks, i))  # nor "10am Thu Nguyen came in"
        or (t.key in lexicon.MONTHS and i > 0 and toks[i - 1].key in _MONTH_EVENTS
            and _MONTH_ENDS.match(text, t.end) is not None)  # "Next intake August, Alanvale"
        or (t.key in lexicon.WEEKDAYS and i > 1 and toks[i - 1].key == "to"
            and toks[i - 2].key in _PAID_TO and _DAY_ENDS.match(text, t.end) is not None)
        or ((t.key in lexicon.MONTHS or t.key in lexicon.WEEKDAYS) and i > 0
            and toks[i - 1].key in _DOCUMENTS
            and text[toks[i - 1].end : t.start] in {", ", "' , ", "', "}
            and _A_HEADINGS_END.match(text, t.end) is not None
            and not _A_GREETINGS_START.search(text, 0, t.start)
            and not _ADDRESSED.search(text, 0, t.start))  # "Team note, August."; not "Got your
        # update, June."
        or (t.key in lexicon.MONTHS and 0 < i < len(toks) - 1
            and toks[i - 1].key in _DETERMINERS and (toks[i + 1].key in _MONTH_NOUNS or (
                i + 2 < len(toks) and not toks[i + 1].capital
                and text[toks[i + 1].end : toks[i + 2].start] == " " and (
                    toks[i + 2].key in _MONTH_NOUNS
                    or (toks[i + 1].key == "king" and toks[i + 2].key in ("tide", "tides"))
                )
            ))
            and text[t.end : toks[i + 1].start] == " ")  # "the June date", "her April hearing",
        # "the May locks audit"
        or (t.key in lexicon.MONTHS and not t.upper and _HOLIDAYS_AFTER.match(text, t.end))
        or (t.key in lexicon.WEEKDAYS and (
            _DAY_RANGE_AFTER.match(text, t.end) is not None  # "(Mon–Fri)", "Mon/Wed/Fri"
            or (text[t.start - 1 : t.start] == "(" and text[t.end : t.end + 1] == ")")  # "(Tue)"
        ))
        or (t.key in lexicon.MONTHS and "\n" in text and t.end <= text.index("\n")
            and _A_HEADINGS_MONTH.match(text, t.end) is not None
            and text[max(0, t.start - 2) : t.start] == ", "
            and not _A_GREETINGS_START.search(text, 0, t.start))  # "(team stock), April\n",
        # "restock list (Belconnen office, May)\n": a heading's month
        or (t.key in lexicon.MONTHS and i > 1 and toks[i - 1].key in _ROUGHLY
            and toks[i - 2].key in _UNTIL_OR_FROM)  # "carry on to about May", "from around June"
        or (t.key in lexicon.MONTHS and i > 1 and toks[i - 1].key == "to"
            and toks[i - 2].key in _PUT_OFF and _MONTH_ENDS.match(text, t.end) is not None)
        # "Keep open to August.", "adjourned to June;"
        or (t.key in lexicon.MONTHS and t.key not in _WOMENS_MONTHS and i > 1
            and toks[i - 1].key == "for"
            and any(toks[k].key in _SCHEDULED for k in range(max(0, i - 4), i - 1))
            and _MONTH_ENDS.match(text, t.end) is not None)  # "review set for August;"
        or _DATE_BEFORE.search(text[max(0, t.start - 6) : t.start]) is not None
        or _DATE_AFTER.match(text, t.end) is not None
        or _beside_a_day(text, toks, i)
    )


# Before a weekday, its appointment: "Centrelink appt Tue.", "Bloods Tue: Na 131"; the day at
# its clause's end or before a time.
_APPOINTMENTS = word_set(
    "appt appts appointment appointments review hearing session mention bloods obs clinic hv"
)
# Before a weekday at its clause's end, what happens on it: "closed Mon.", "home Sun."
_BEFORE_A_DAY = _APPOINTMENTS | word_set(
    "closed open opens home discharge discharged due back next from til till until by er"
    " workers worker shift shifts roster rostered visit visits intake outreach court"
)
# A weekday that is a table's cell or a list's item: "| Thu |", "• Tue — Ishbel (desk)".
_CELL_BEFORE = re.compile(r"(?:^|[|\t])[ \t]*(?:[•*\-–][ \t]*)?\Z", re.MULTILINE)
_CELL_WINDOW = 8  # a cell's or an item's start is within a few characters of its word
_CELL_AFTER = re.compile(r"\.?[ \t]*(?:$|[|\t]|[:–—\-][ \t])", re.MULTILINE)


# Months that are women's names too: "Interpreter booked for June" may be for her.
_WOMENS_MONTHS = word_set("april may june")
# Before "for" and a month, what is put in a month: "set for August", "book that for June."
_SCHEDULED = word_set(
    "set book booked booking books schedule scheduled planned plan listed due pencilled penciled"
    " slated moved organised organized arranged deferred postponed rescheduled"
)
_ROUGHLY = word_set("about around approx approximately roughly mid early late")
_UNTIL_OR_FROM = word_set("to from until till til by at in since through")
_PUT_OFF = word_set(
    "open opened extended deferred adjourned postponed moved pushed delayed put back brought"
)


def _a_days_cell(text: str, t: _Tok) -> bool:
    """The word alone in its table cell, or first in a list's line before a dash or colon."""
    before = _CELL_BEFORE.search(text, max(0, t.start - _CELL_WINDOW), t.start)
    after = _CELL_AFTER.match(text, t.end)
    if before is None or after is None:
        return False
    kin = _KIN_NEXT.match(text, after.end())
    if kin and (kin[1].casefold() in lexicon.RELATIONS or kin[1].casefold() in _KIN
                or kin[1] in lexicon.NAME_FOLLOWERS):
        return False  # "| Thu | daughter |", "- Sun: rang twice": a person
    if "|" in before[0] or "\t" in before[0] or "\t" in after[0] or "|" in after[0]:
        return True  # a table's cell
    if any(ch in before[0] for ch in "•*-–"):
        return True  # a list's item; not "Thu: hi", "Thu - Lao"
    return ":" in after[0] and _a_week_of_lines(text)  # "Mon: English\nTue: Maths\nWed: Art"


def _a_week_of_lines(text: str) -> bool:
    """Three or more lines opening with different weekdays and a colon: a timetable's days, not
    a chat's speakers."""
    days = {m[1].casefold()[:2] for m in _DAY_LINE.finditer(text)}
    return len(days) >= 3 or (len(days) == 2 and not days <= {"tu", "th"})  # "Mon:", "Tue:"


_DAY_LINE = re.compile(
    r"^[ \t]*(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rs|rsday|urday|\.)?[ \t]*:",
    re.MULTILINE | re.IGNORECASE,
)


_KIN_NEXT = re.compile(r"[ \t|:–—\-]*([^\W\d_]+)")


# Before a month at its clause's end, what happens in it: "work rights restored May."
_MONTH_EVENTS = _APPOINTMENTS | word_set(
    "intake intakes restored start starts started starting ends finishes expires expiry renewal"
    " term opens open opening closes closing begins commences commencing"
    " semester course exams holidays camp trip cohort lodged granted approved count"
    " operation surgery procedure transplant"
)
# After a month and its article, what the month dates: "the August intake", "a May start".
_DAY_RANGE_AFTER = re.compile(
    r"[ \t]?[–\-/][ \t]?(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b"
)
_A_HEADINGS_MONTH = re.compile(r"(?:[ \t]+\d{4})?\)?[ \t]*\n")
_HOLIDAYS_AFTER = re.compile(r"[ \t]+(?i:school[ \t]+holidays|long[ \t]+weekend)\b")
_MONTH_NOUNS = _MONTH_EVENTS | word_set(
    "date dates round deadline quarter holidays exams payment payments rent bill bills census"
    " newsletter newsletters audit"
    " sitting sittings list mention cycle break school block placement meeting"
    # the weather a month is remembered by: "the August storm", "the June king tide"
    " storm storms flood floods fire fires bushfire bushfires cyclone rain rains tide tides"
    " heatwave frost frosts snow swell gale gales floodwaters"
)
# Before a month at a heading's end, what it heads: "Geraldton transport note, August."
_DOCUMENTS = word_set(
    "note notes update updates report reports alert alerts minutes newsletter bulletin schedule"
    " roster summary notice notices office offices group groups meeting meetings count run"
    " program programme calendar timetable dates handover handovers"
)
# A stay or a payment runs "to" a day: "motel paid to Tue.", "booked to Thu"; not "spoke to Sun".
_PAID_TO = word_set("paid booked extended funded covered approved")
# Not a heading but thanks to someone: "Thanks for the update, August."
_A_GREETINGS_START = re.compile(
    r"(?i)(?:^|[.!?\n])[ \t]*(?:hi|hey|hello|dear|thanks|thank|thx|ta|cheers|sorry|great"
    r"|good|welcome|congrats)\b[^.!?\n]*\Z"
)
# Said to someone, not a heading: "Got your update, June.", "Please check the schedule, May."
_ADDRESSED = re.compile(
    r"(?i)(?:^|[.!?\n])[ \t]*[^.!?\n]*(?<!-)\b(?:you|your|please|pls|got|loved|love|liked"
    r"|enjoyed|read|received|saw|sent)\b(?!-)[^.!?\n]*\Z"
)
_A_HEADINGS_END = re.compile(r"[ \t]*(?:[.:]|\n|\Z|[—–-][ \t])")
_MONTH_ENDS = re.compile(r"[ \t]*(?:[.;:,)]|\Z|\n|[—–-][ \t])")
_DAY_ENDS = re.compile(
    r"[ \t]*(?:[.;:)]|\Z|\n)|[ \t]+(?:\d|at\b|am\b|pm\b|morning|arvo|afternoon|next\b|this\b)"
)
_DAY_JOIN = re.compile(r"\s*[,&/\-–]?\s*")
_DAY_WORD_JOINS = frozenset({"and", "or", "to", "n", "til", "till", "until"})


def _beside_a_day(text: str, toks: list[_Tok], i: int) -> bool:
    """Next to another weekday or month, alone or joined: "Tues and Fri", "Sat or Sun",
    "Mon-Wed", "June, July"."""
    days = lexicon.WEEKDAYS | lexicon.MONTHS
    key = toks[i].key
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(toks) and toks[j].key in _DAY_WORD_JOINS:
            j += step  # "Tues and Fri"
        if not 0 <= j < len(toks) or toks[j].key not in days or toks[j].key == key:
            continue
        a, b = sorted((i, j))
        if all(_DAY_JOIN.fullmatch(text, toks[k].end, toks[k + 1].start) for k in range(a, b)):
            return True
    return False


_ROADS = word_set("road highway hwy rd")
_WAYS = _ROADS | word_set(
    "route coach ferry greyhound xpt train trains bus buses flight flights barge plane tram"
)
_ROAD_STATES = word_set("open opened reopened closed cut shut")
_BEARINGS = word_set(
    "north south east west northeast northwest southeast southwest outside km kms kilometres"
)


def _place_context(text: str, toks: list[_Tok], i: int) -> bool:
    """After "in", "at", "near", "moved to" or a street ("17 Smith St, Logan"); or before
    "Central", "QLD", a postcode."""
    if i > 0 and not toks[i].opens and not _from_someone(toks, i):
        prev = toks[i - 1].key
        if (
            prev in lexicon.PLACE_CONTEXT
            or prev in STREET_TYPE_FORMS
            or (prev == "to" and any(  # "moved to", "driving her to", "from Ayr to Tully"
                (toks[k].key in lexicon.MOVEMENT and toks[k].key != "outreach")
                or toks[k].key == "from" for k in range(max(0, i - 6), i - 1)
            ))
            or (prev == "to" and i > 1 and toks[i - 2].key == "outreach"
                and not _A_PERSON_AFTER.match(text, toks[i].end))  # "outreach to Ingham"; not
            # "outreach to Stanley on the riverbank, he's unwell"
            # "took the highway to Childers", "the coach to Preston" (only here: a client
            # called so is theirs, not a town; not "the coach spoke to Gordon")
            or (prev == "to" and i > 1 and toks[i - 2].key in _WAYS)
            or _a_route(toks, i)
            or (prev == "of" and i > 1 and toks[i - 2].key in _BEARINGS)  # "north of Clare"
            or (prev == "to" and i > 1 and toks[i - 2].key in _ROAD_STATES and any(
                toks[k].key in _ROADS for k in range(max(0, i - 6), i - 2)
            ))  # "The Princes Highway is open to Genoa" (not "the route to Logan")
            or (prev == "to" and i > 1 and toks[i - 2].key == "across")  # "came across to"
            or _between_on_a_road(toks, i)
            or (prev == "of" and i > 1 and toks[i - 2].key == "out" and any(
                toks[k].key in _BOATS_AND_WORK for k in range(max(0, i - 7), i - 2)
            ))  # "works on a trawler out of Eden" (not "got out of Gordon's way")
            or (prev in _DEPARTS and any(
                toks[k].key in _WAYS for k in range(max(0, i - 5), i - 1)
            ) and _AT_A_TIME.match(text, toks[i].end) is not None)  # "route 1 leaves Childers
        ):  # at 6:50am"
            return True
    nxt = toks[i + 1].key if i + 1 < len(toks) else ""
    if nxt in _SERVICES_TO_A_TOWN and i > 0 and toks[i - 1].key == "the":
        return True  # "The Northam bus leaves at 7:30"
    if nxt in _SITE_FOLLOWERS and (
        _starts_a_sentence(text, toks[i].start) or (i > 0 and toks[i - 1].key in _SITE_BEFORE)
        or (i + 1 < len(toks) and text[toks[i + 1].end : toks[i + 1].end + 1] == ":")
    ):
        return True  # "a Stanley boat", "at Eden wharf", "Stanley harbour:"
    return nxt in _PLACE_FOLLOWERS or _POSTCODE_AFTER.match(text, toks[i].end) is not None


_SERVICES_TO_A_TOWN = word_set("bus train coach ferry line service run flight")
_BOATS_AND_WORK = _WAYS | word_set(
    "boat boats trawler trawlers vessel ship charter charters fishing fishes fished crays crayed"
    " prawning based operates operating works worked working sails sailed"
)
_DEPARTS = word_set("leaves leave leaving departs depart departing")
_AT_A_TIME = re.compile(r"[ \t]+at[ \t]+\d{1,2}(?:[:.]\d\d)?[ \t]*(?:[ap]\.?m\b|\b)", re.I)


def _names_a_place(text: str, toks: list[_Tok], i: int) -> bool:
    """ "Roma Street station", "George Street registry", "Logan CIB": the word names a street
    or a place with what follows it, not a person."""
    for a in (i - 1, i):  # the word, or the street type or place word after one
        if a < 0 or a + 1 >= len(toks) or text[toks[a].end : toks[a + 1].start] != " ":
            continue
        first, second = toks[a], toks[a + 1]
        if not first.capital:
            continue
        if (second.cap and second.key in ANY_CASE_TYPE_FORMS and not (
            a == i and _a_person_by_what_follows(text, toks, a, a + 1)
        )) or (first.place and (second.key in _PLACE_FOLLOWERS or (
            second.key in _SITE_FOLLOWERS and (_starts_a_sentence(text, first.start) or (
                a > 0 and toks[a - 1].key in _SITE_BEFORE))
        ))):
            return True
    if _before_a_highway(text, toks, i):
        return True
    if i > 0 and toks[i - 1].key in lexicon.PLACE_CONTEXT and i + 2 < len(toks) and (
        toks[i + 1].cap and toks[i + 2].cap
    ) and (
        toks[i + 2].key in STREET_TYPE_FORMS and toks[i + 1].key not in STREET_TYPE_FORMS
        and toks[i + 2].key not in ("dr", "st") and not _POSSESSIVE.match(text, toks[i + 2].end)
        and text[toks[i].end : toks[i + 1].start] == " "
        and text[toks[i + 1].end : toks[i + 2].start] == " "
        and not _a_person_by_what_follows(text, toks, i + 1, i + 2)
    ):
        return True  # "stops at Robin Warren Drive": a street named for someone
    if _street_run(text, toks, i) or _a_feature(text, toks, i) or _in_a_features_name(
        text, toks, i
    ) or _after_a_place_word(text, toks, i) or _a_birthplace(text, toks, i) or (
        _the_named_building(text, toks, i)
    ):
        return True
    if toks[i].key in _FEATURES | {"river"} and i > 0 and _a_feature(text, toks, i - 1):
        return True  # "River" in "the Jordan River" is no one either
    if i > 0 and toks[i - 1].key == "atm" and toks[i - 1].upper and toks[i].upper and (
        text[toks[i - 1].end : toks[i].start] == " "
    ):
        return True  # a statement's "ATM PRESTON WDL": where the cash machine is
    if i > 1 and toks[i - 1].key == "of" and toks[i - 2].cap and (
        toks[i - 2].key in _OF_A_PLACE and text[toks[i - 2].end : toks[i].start] == " of "
        and lexicon.listed_place([toks[i].key])
    ):
        return True  # "the Free Wesleyan Church of Tonga", "the Rotary Club of Rockingham"
    # A town that is also a name ("Kirwan", "Childers"), where a place is said: "in Kirwan",
    # "Ayr and Tully", "Northern Hospital Epping", "the Maitland office", "the town of Exford".
    # A place abroad that no name list knows ("Zagreb", "Kalymnos") is the place unless a person
    # is said.
    return toks[i].key in lexicon.places_also_names() and (_a_places_label(text, toks, i) or (
        not _someone_here(text, toks, i)
        and (_place_context(text, toks, i) or _among_places(text, toks, i) or (
            toks[i].unknown and not name_follows(text, toks[i].end) and not _beside_a_capital(
                text, toks, i)))
    ))


# An organisation named for the place it is of.
_OF_A_PLACE = word_set(
    "church club council shire city university bank kingdom republic consulate embassy diocese"
    " parish archdiocese synod government chamber"
)


def _beside_a_capital(text: str, toks: list[_Tok], i: int) -> bool:
    """Another capitalised word right before or after, as a name's other half would be."""
    return any(
        0 <= j < len(toks) and toks[j].capital and not toks[j].blocked
        and text[min(toks[i].end, toks[j].end) : max(toks[i].start, toks[j].start)] == " "
        for j in (i - 1, i + 1)
    )


# What a person does and a town does not: "SES Gordon rang", "QBE Casey sent the letter".
_DONE_BY_SOMEONE = lexicon.SPOKE | word_set(
    "called told sent came dropped towed brought signed emailed visited drove"
)
_IS_THE_ROLE = re.compile(
    r" (?:is|was) (?:the|our|her|his|their) (?:assessor|adjuster|worker|caseworker|manager"
    r"|officer|coordinator|volunteer|contact|landlord|agent|owner|driver|counsellor)\b"
)
# "rang from Elizabeth:" says where someone was, not who sent it.
_CALLED_FROM = lexicon.SPOKE | word_set("phoned called calling ringing texting moved moving")
_FROM_SOMEONE_END = re.compile(r"[ \t]*(?:[:,]|\Z|\n)")


_IN_AS_A_VERBS_PART = word_set(
    "moving moved move logged log checked check signed sign dropped drop popped pop came come"
    " coming walked walk settling settled"
)


def _someone_here(text: str, toks: list[_Tok], i: int) -> bool:
    """A town that is also a name is the person when it owns something ("at Nathan's place",
    not "Sydney's west"), does what people do ("SES Gordon rang"), or sends a message ("from
    Howard: rent paid")."""
    t = toks[i]
    if _POSSESSIVE.match(text, t.end) and not _REGION_AFTER.match(text, t.end):
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.key in _DONE_BY_SOMEONE and text[t.end : nxt.start] == " " and not (
        i > 1 and toks[i - 1].key == "in" and text[toks[i - 1].end : t.start] == " "
        and toks[i - 2].key not in _IN_AS_A_VERBS_PART  # "Moving in Gordon rang"
    ):  # "SES Gordon rang"; not "the new unit in Mowbray signed"
        return True
    if _IS_THE_ROLE.match(text, t.end):
        return True  # "Allianz Stanley is the assessor"
    if i > 1 and toks[i - 1].key == "from" and toks[i - 2].key in _MESSAGES and (
        nxt is not None and nxt.key in ("at", "re") and text[t.end : nxt.start] == " "
    ):
        return True  # "Referral from Rivera at the hospital", "CALL FROM CHAVES RE THE CAR"
    return (  # "from Howard:", not "phoned from Elizabeth:" (where she was)
        i > 0 and toks[i - 1].key == "from" and _FROM_SOMEONE_END.match(text, t.end) is not None
        and not (i > 1 and toks[i - 2].key in _CALLED_FROM)
    )



_MESSAGES = word_set(
    "referral referrals info information feedback update updates letter message email emails"
    " advice report call calls note text texts phone word news"
)


def _in_a_title(text: str, toks: list[_Tok], i: int) -> bool:
    """ "Resolution of Status", "Registry of Births": a capitalised word after "of" in a thing's
    name, when it is an English word and no given name."""
    t = toks[i]
    return (
        t.word and not t.given and i > 1 and toks[i - 1].key == "of" and toks[i - 2].cap
        and not toks[i - 2].opens and toks[i - 2].key not in lexicon.RELATIONS
        and text[toks[i - 2].end : toks[i - 1].start] == " "
        and text[toks[i - 1].end : t.start] == " "
    )


def _a_person_by_what_follows(text: str, toks: list[_Tok], a: int, b: int) -> bool:
    """ "Tom Lane rang", "Yeo-jin Park 10:14 AM", "Minji Park:": a given name and a street type
    that are someone, by a verb or a chat's time or colon after them, no place or number before."""
    first = toks[a]
    if toks[b].key not in _SURNAME_TYPES:
        return False  # "Grace Street: tents", "Mary Road is closed": streets
    if not (first.given or first.unknown) or first.place or _place_context(text, toks, a):
        return False
    if a > 0 and toks[a - 1].capital and text[toks[a - 1].end : first.start] == " ":
        return False  # "at Little Malop Street and": the street's name is longer
    if _NUMBER_BEFORE.search(text, max(0, first.start - 8), first.start):
        return False
    if a > 0 and (toks[a - 1].key in _STREET_BEFORE or toks[a - 1].key in lexicon.MOVEMENT):
        return False
    end = toks[b].end
    verb = _VERB_AFTER.match(text, end)
    return (verb is not None and verb[1] in lexicon.NAME_FOLLOWERS
            and verb[1] not in lexicon.NAME_JOINERS) or (
        _SENDER_AFTER.match(text, end) is not None
    )


_VERB_AFTER = re.compile(r" ([a-z]+)\b")
# Street types that are also common surnames: "Tom Lane", "Minji Park", "Sarah Hill".
_SURNAME_TYPES = word_set("lane park hill green grove wood woods field brook heath glen gate dale")


# After a chat's sender: a colon, then what they said (not a count or a time: "Charlotte Street:
# 7pm", "William Street: 2 sleepers" are an outreach route's stops).
_SENDER_AFTER = re.compile(r"[ \t]*:[ \t]*(?=[^\W\d_])")


# Street types that are also something else before a capitalised word: "St Vincent", "Dr Patel".
_AMBIGUOUS_TYPES = frozenset({"st", "dr", "str", "ct", "pl", "cl", "cr", "av", "gr", "sq"})


def _street_run(text: str, toks: list[_Tok], i: int) -> bool:
    """The word opens or is inside a run of capitalised words that ends in a street type:
    "Logan River Road", "Old Cleveland Road", "Browns Plains Rd" (each word of it, not only the
    last before the type)."""
    a = i
    while (
        a > 0 and i - a < 3 and toks[a - 1].cap and text[toks[a - 1].end : toks[a].start] == " "
        and toks[a - 1].key not in _STREET_BEFORE and toks[a - 1].key not in lexicon.MOVEMENT
    ):
        a -= 1  # the run's first word ("Walked" before it is how it is said)
    prev = toks[a - 1].key if a > 0 else ""
    if not (prev in _STREET_BEFORE or prev in lexicon.MOVEMENT or _NUMBER_BEFORE.search(
        text, max(0, toks[a].start - 8), toks[a].start
    )):
        return False  # "Kylie Brown Court Monday" is someone's hearing
    if any(toks[k].given and not toks[k].place for k in range(a, i + 1)):
        return False  # "on to Mary Anne Lane": a person
    k = _run_until(text, toks, i, ANY_CASE_TYPE_FORMS)
    return k is not None and toks[k].key not in _AMBIGUOUS_TYPES and k > i + 1  # the next
    # word alone is checked above


def _run_until(text: str, toks: list[_Tok], i: int, heads: AbstractSet[str]) -> int | None:
    """The index of the first word in ``heads`` among the (up to three) capitalised words run on
    after word ``i``, one space apart; None if the run ends first."""
    j = i
    while j + 1 < len(toks) and j - i < 3 and text[toks[j].end : toks[j + 1].start] == " ":
        nxt = toks[j + 1]
        if not nxt.cap:
            return None
        if nxt.key in heads:
            return j + 1
        j += 1
    return None


# Road types no one is called, after a person's name only as a road's: "Graham Farmer Freeway".
_HIGHWAYS = word_set("freeway highway motorway tollway parkway bypass expressway hwy fwy")


def _before_a_highway(text: str, toks: list[_Tok], i: int) -> bool:
    """In a run of up to three capitalised words before a highway's type (not "Kylie Smith
    Highway Patrol officer": the police)."""
    head = _run_until(text, toks, i, _HIGHWAYS)
    return head is not None and not (
        head + 1 < len(toks) and toks[head + 1].key == "patrol"
    )


_STREET_BEFORE = word_set("on along down up off via cnr corner onto into")
_NUMBER_BEFORE = re.compile(r"\d[a-zA-Z]?,?\s+\Z")


# Natural places after a name that is also a word or a name: "at Musgrave Park", "Kedron
# Brook". The first set are names too ("Jenny Park"): a place only where a place is said.
_FEATURES_ALSO_NAMES = word_set("park lake hill hills brook bay beach island point forest river")
_FEATURES = word_set(
    """reserve oval gardens creek lagoon falls showgrounds showground foreshore jetty pier
    wetlands bushland dam weir cemetery racecourse speedway velodrome golf
    underpass overpass lookout bikeway parkland parklands esplanade boardwalk"""  # not "marina"
)


def _a_feature(text: str, toks: list[_Tok], i: int) -> bool:
    """ "Musgrave Park" after "at", "Cabbage Tree Creek": a park, creek or reserve, not a person."""
    if i + 1 >= len(toks) or text[toks[i].end : toks[i + 1].start] != " " or not toks[i + 1].cap:
        return False
    key = toks[i + 1].key
    if key in _FEATURES:
        return True
    if key == "river" and THE_BEFORE.search(text, max(0, toks[i].start - 4), toks[i].start):
        return True  # "the Jordan River": a person has no article ("Jordan River came in")
    return key in _FEATURES_ALSO_NAMES and _place_context(text, toks, i)


# Where someone was born, up to the word: "born in Kakuma refugee camp, Kenya", "Born: Jaghori,
# Ghazni" (capitalised words, commas and a place's nouns between).
_BORN_BEFORE = re.compile(
    r"(?:(?<![\w\-])[Bb]orn(?P<in>[ \t]+(?:in|at|near)|[ \t]*:)?|\bnaci[óo][ \t]+en"
    r"|\bnacid[oa][ \t]+en|\bnée?[ \t]+à)[ \t:]+"
    r"(?:(?:[A-Z][\w'’\-]*|refugee|camp|village|city|town|province|district|region|the|of)"
    r"(?:[ \t]+|,[ \t]*)){0,5}\Z"
)


def _a_birthplace(text: str, toks: list[_Tok], i: int) -> bool:
    """A word no list knows, or a place that is also a name, where someone was born; a surname
    only after "born in" or "Born:" ("Born Tshabalala" is a maiden name); never with a verb
    after it ("Born in Lagos, Okonkwo arrived")."""
    t = toks[i]
    also = t.key in lexicon.places_also_names()
    if not (t.unknown or t.place or also or t.surname) or (t.given and not t.place and not also):
        return False  # "born in Kabul, Mohammed came later"
    born = _BORN_BEFORE.search(text, max(0, t.start - 60), t.start)
    said_in = born is not None and (born["in"] or not born[0].lower().startswith("born"))
    if born is None or (not said_in and not (t.place or also)):
        return False  # "Born Tshabalala, now Ndlovu": a maiden name; "born Bukavu" too
    if also or t.place:
        pass
    elif "," in born[0]:
        return False  # past a comma only a listed place: "Born in Kakuma, Nyakim's mum says"
    elif (i + 1 < len(toks) and toks[i + 1].capital
          and text[t.end : toks[i + 1].start] == " ") or (
        i > 0 and toks[i - 1].capital and text[toks[i - 1].end : t.start] == " "
    ):
        return False  # "Born in Mosul, Iraq, Shirin Haddad": a full name, not a town
    verb = _VERB_AFTER.match(text, t.end)
    return not (verb is not None and (verb[1] in lexicon.NAME_FOLLOWERS or verb[1] in (
        "is", "was", "arrived", "came")))


_BUILDINGS = word_set("hall theatre theater centre center club library arms tavern chapel")


def _the_named_building(text: str, toks: list[_Tok], i: int) -> bool:
    """ "The Albert Hall", "the Rosemary Dobson Centre": "the", one or two capitalised words,
    then a building's capitalised word."""
    a = i
    while a > 0 and i - a < 2 and toks[a - 1].cap and toks[a - 1].key != "the" and (
        text[toks[a - 1].end : toks[a].start] == " "
    ):
        a -= 1
    if a == 0 or toks[a - 1].key != "the" or text[toks[a - 1].end : toks[a].start] != " ":
        return False
    b = i
    while b + 1 < len(toks) and b - a < 2 and toks[b + 1].cap and (
        text[toks[b].end : toks[b + 1].start] == " "
    ):
        b += 1
    if not ((b > i or a < i) and toks[b].key in _BUILDINGS):
        return False
    nxt = toks[b + 1] if b + 1 < len(toks) else None
    if b == i and a == i - 1 and toks[a].given and not toks[a].place and a > 1 and (
        toks[a - 2].key in lexicon.CONTACT_CUES
        or (toks[a - 2].key == "to" and a > 2 and toks[a - 3].key in lexicon.CONTACT_CUES)
    ):
        return False  # "Contacted the Jenny Hall", "Spoke to the Kim Hall": a person
    return not (  # "the Kim Hall family", "the Jenny Hall situation": a person's
        (nxt is not None and not nxt.capital and nxt.key not in _AFTER_A_BUILDING
         and text[toks[b].end : nxt.start] == " ")
        or text[toks[b].end : toks[b].end + 2] == " ("
    )


# After a building's name, what is said of the building ("the Albert Hall in Launceston").
_AFTER_A_BUILDING = word_set(
    "in on at of for near to from is was has had will opens opened closed closes and or"
)


# Words a place's name begins with: "Mt Isa", "Lake Tinaroo", "Port Hedland", "Cape York".
_PLACE_FIRSTS = word_set("mount mt lake port cape point")


def _after_a_place_word(text: str, toks: list[_Tok], i: int) -> bool:
    """The word after "Mt", "Lake", "Port" or "Cape" (and that word itself), capitalised both,
    when that word is no one's name or the pair is a listed place ("Mt Isa"), and no verb
    follows ("Lake Kowalczyk rang" is a man)."""
    for a in (i - 1, i):
        if not (0 <= a < len(toks) - 1 and toks[a].cap and toks[a + 1].cap):
            continue
        first, second = toks[a], toks[a + 1]
        gap = text[first.end : second.start]
        if first.key not in _PLACE_FIRSTS or gap not in (" ", ". ") or (
            gap == ". " and first.key != "mt"
        ):
            continue  # "Mt. Isa"; but "near the Port. Arthur says …" ends a sentence
        if a > 0 and toks[a - 1].cap and text[toks[a - 1].end : first.start] == " ":
            continue
        key = "mount" if first.key == "mt" else first.key
        listed = (key, second.key) in lexicon.place_phrases().get(key, ())
        if not listed and _POSSESSIVE.match(text, second.end):
            continue  # "Met at Lake Okafor's flat": a person's
        if not listed and second.given and not second.place:
            continue  # "Mt Kwame": a name after the word
        if not listed and (second.surname or second.unknown) and not second.place and not (
            a > 0 and toks[a - 1].key in lexicon.PLACE_CONTEXT
            and not (second.surname and toks[a - 1].key in ("from", "by"))
        ):
            continue  # "Lake Kowalczyk rang", "Lake Marika", "Point Nguyen", "Referral from
            # Lake Kowalczyk"; but "at Lake Tinaroo", "at Lake Eyre"
        return True
    return False


def _in_a_features_name(text: str, toks: list[_Tok], i: int) -> bool:
    """ "Jack Evans Boat Harbour", "Gregory Terrace Parklands": a run of capitalised words that
    ends in a harbour's or a parkland's word is the place's name, every word of it (where a place
    is said, when it starts with a given name: not "Met Deshawn Okoro Marina side"). "Comfort Inn
    Bel Eyre", "Perth City Motel": a place to stay, named; the words after its head only if no
    one's name ("Booked Comfort Inn Kwame Mensah")."""
    a = i
    while a > 0 and i - a < 4 and toks[a - 1].cap and (
        text[toks[a - 1].end : toks[a].start] == " "
    ) and not (toks[a - 1].opens and toks[a - 1].word and not toks[a - 1].lexical):
        a -= 1  # not the sentence's capitalised verb: "Met David Lodge", "Called Priya …"
    b = i
    while b + 1 < len(toks) and b - i < 3 and toks[b + 1].cap and (
        text[toks[b].end : toks[b + 1].start] == " "
    ):
        b += 1
    if b > i + 1 and toks[b].key in _FEATURES and (
        a > 0 and (toks[a - 1].key == "the" or _place_context(text, toks, a))
    ) and not any(toks[k].given for k in range(a, b)):
        return True  # not "Referral from Mary Anne Weir"
    heads = [k for k in range(a + 1, b + 1) if toks[k].key in _LODGINGS]
    if not heads or name_follows(text, toks[b].end, strict=True):
        return False
    before = toks[a : heads[0]]
    if any(t.key in lexicon.TITLES for t in before) or (
        a > 0 and toks[a - 1].key in lexicon.TITLES
    ):
        return False  # "Mr Peter Lodge": a person
    if all(t.given or t.surname or t.unknown for t in before) and (
        len(before) >= 2 or toks[heads[0]].key in _LODGINGS_ALSO_NAMES or (before[0].given
        and not before[0].word)
    ):
        return False  # "David Lodge", "Emeka Ndlovu Inn manager": a person, then a word
    return i <= heads[-1] or not any(toks[k].given for k in range(heads[-1] + 1, b + 1))


_LODGINGS = word_set("inn motel hotel hostel backpackers suites apartments tavern lodge")
_LODGINGS_ALSO_NAMES = word_set("lodge")


_LIST_GAP = re.compile(r"\s*[/&,]\s*|\s+[-–]\s+")


def _among_places(text: str, toks: list[_Tok], i: int) -> bool:
    """Beside another place or a place's head word: after "Ayr and", "Orange and then",
    "Hospital", "town of"; before "office", "pharmacy", "hub" or a listed service."""
    keys = [t.key for t in toks[max(0, i - 3) : i]]
    if keys[-2:] in (["town", "of"], ["suburb", "of"], ["city", "of"], ["shire", "of"]):
        return True
    for gap in (1, 2):  # "Ayr and Tully", "Orange and then Young"
        j = i - gap - 1
        if j >= 0 and _a_place_here(text, toks, j) and all(
            t.key in ("and", "or", "then", "n") for t in toks[j + 1 : i]
        ):
            return True
    j = i + 2  # "Hume and Maribyrnong coordination"
    if j < len(toks) and toks[i + 1].key in ("and", "or") and toks[j].place and (
        toks[j].capital and not toks[j].given
    ):
        return True
    people = _PEOPLES_LIST_START.match(text, text.rfind("\n", 0, toks[i].start) + 1) is not None
    for j in (i - 1, i + 1):  # "Fairfield/Liverpool", "Ayr, Tully", "at Rosebud, McCrae"
        if not people and 0 <= j < len(toks) and toks[j].capital and _a_place_here(text, toks, j):
            a, b = sorted((i, j))
            if _LIST_GAP.fullmatch(text, toks[a].end, toks[b].start):
                return True
    if not people and _in_a_list_of_places(text, toks, i):
        return True
    if _hyphened_to_a_place(text, toks, i):
        return True
    if _listed_with_brackets(text, toks, i):
        return True
    code = _AIRPORT_CODE.match(text, toks[i].end)
    if code is not None and _letters_in_order(code[1].casefold(), toks[i].key) and (
        _A_FLIGHTS_LINE.search(_line_around(text, toks[i].start, code.end()))
    ):
        return True  # "Gove (GOV) 10:40", "Elcho (ELC) - Darwin": an airport's code from its
        # town's letters, where a flight is said (not "Beverley (BEV) is the night worker")
    prev = toks[i - 1] if i > 0 else None
    if (
        prev is not None
        and (prev.blocked or prev.brand or prev.key in lexicon.not_names())
        and not prev.given
        and text[prev.end : toks[i].start] == " "
    ):
        return True  # a service's branch: "cohealth Collingwood", "Ray White Kirwan"
    if (
        prev is not None and prev.blocked and i > 1 and toks[i - 2].blocked
        and text[toks[i - 2].end : prev.start] == " "
        and text[prev.end : toks[i].start] == " (" and text[toks[i].end : toks[i].end + 1] == ")"
        and toks[i].key in lexicon.places_also_names()
    ):
        return True  # a service of two words or more, its branch in brackets: "Assisi Aged Care
        # (Rosanna)", "Women's Safety Services SA (Elizabeth)"; but "Centrelink (Beverley)" is
        # someone there
    if prev is not None and prev.key == "the" and not prev.capital and not (
        i + 1 < len(toks) and (toks[i + 1].key in _KIN or toks[i + 1].key in lexicon.RELATIONS)
    ):
        return True  # "the Tamar floods": a person has no article; but "the Watson family"
    if prev is not None and prev.capital and prev.key in _HEADS and not toks[i].opens:
        return True  # "Northern Hospital Epping", "Wesley Mission Mayfield"
    if i + 1 < len(toks) and text[toks[i].end : toks[i + 1].start] == " ":
        nxt = toks[i + 1].key
        return nxt in _HEADS or (nxt in lexicon.place_firsts() and toks[i + 1].capital)
    return False


def _in_a_list_of_places(text: str, toks: list[_Tok], i: int) -> bool:
    """In a comma list whose next or last item is a listed place of two or three words
    ("Tumby Bay, Coffin Bay, Cummins"), or reached past other towns that are also names
    ("Currie, Grassy, Naracoopa"); not a list of people ("Kids: Eden, Stanley, Tumby Bay
    school", "Phoned Stanley, Kingsley, Byron Bay office")."""
    for step in (-1, 1):
        k = i
        for _ in range(3):
            nxt = k + step
            if not (0 <= nxt < len(toks)) or not toks[nxt].capital:
                break
            a, b = sorted((k, nxt))
            if text[toks[a].end : toks[b].start].strip() not in (",", ";"):
                break
            if (toks[nxt].place and not toks[nxt].given) or _a_listed_run(toks, text, nxt, step):
                return True
            if toks[nxt].key not in lexicon.places_also_names():
                break
            k = nxt
    return False


def _a_listed_run(toks: list[_Tok], text: str, j: int, step: int) -> bool:
    """Is the list item at ``j`` (its first word going forward, its last going back) a listed
    place of two or three words?"""
    for n in (2, 3):
        run = toks[j : j + n] if step > 0 else toks[max(0, j - n + 1) : j + 1]
        if len(run) == n and all(
            text[x.end : y.start] == " " for x, y in itertools.pairwise(run)
        ) and lexicon.listed_place([t.key for t in run]):
            return True
    return False


def _hyphened_to_a_place(text: str, toks: list[_Tok], i: int) -> bool:
    """ "Pilbara-Kimberley", "Childers-Hervey Bay": joined by a hyphen to a listed place of one
    word that is no given name, or of two or three words."""
    for j in (i - 1, i + 1):
        if not (0 <= j < len(toks) and toks[j].capital):
            continue
        a, b = sorted((i, j))
        if text[toks[a].end : toks[b].start] not in ("-", "–"):
            continue
        if (toks[j].place and not toks[j].given) or _a_listed_run(toks, text, j, j - i):
            return True
    return False


_AIRPORT_CODE = re.compile(r"[ \t]*\(([A-Z]{3})\)")
_A_FLIGHTS_LINE = re.compile(
    r"\d{1,2}[:.]\d\d|(?i:\b(?:flights?|flew|fly|flying|departs?|arrives?|airport|airstrip|plane"
    r"|charter|airnorth|qantas|virgin|rex)\b)|→|->|\b[A-Z]{2}\d{2,4}\b|\)[ \t]*[-–][ \t]*[A-Z]"
)  # a flight's number in capitals ("QF1944"), not a word's letters and digits ("ok2go")


def _line_around(text: str, start: int, end: int) -> str:
    """The whole line (or lines) holding text[start:end]."""
    stop = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : stop if stop >= 0 else len(text)]
# A line that lists people: "Kids: …", "Present: …", "Phoned …", "Spoke with …".
_PEOPLES_LIST_START = re.compile(
    r"(?i)[ \t\-•*]*(?:(?:kids|children|present|attendees|attending|visitors|apologies|members"
    r"|family|household)[ \t]*[:\-–—(]"  # a label; not "Family Violence Court at Perth, …"
    r"|(?:phoned|rang|called|spoke\s+(?:with|to)|met(?:\s+with)?|saw|texted)\b)"
)


def _letters_in_order(code: str, word: str) -> bool:
    """ "gov" in "gove", "bne" in "brisbane": the code's letters in the word, in order, the
    first letter first."""
    if not word.startswith(code[0]):
        return False
    rest = iter(word[1:])
    return all(c in rest for c in code[1:])


# A place's note in brackets between two places of a list: "Elizabeth (Thursday 6pm), Salisbury".
_NOTE_THEN_COMMA = re.compile(r"[ \t]*\(([^()\n]{1,40})\)[ \t]*[,;][ \t]*")
_COMMA_AFTER_NOTE = re.compile(r"\(([^()\n]{1,40})\)[ \t]*[,;][ \t]*\Z")
# A note that says who, not when or where: an age, a role, a relation ("Logan (14)", "Elizabeth
# (peer worker)", "Kirwan (brother)").
_A_PERSONS_NOTE = re.compile(
    r"(?i)[ \t]*(?:\d{1,2}(?:[ \t]*(?:yo|y/?o|yrs?|years?|months?|mths?))?"
    r"|.*\b(?:worker|carer|mum|mother|dad|father|son|daughter|brother|sister|uncle|aunt|aunty"
    r"|auntie|nan|nanna|pop|cousin|friend|partner|wife|husband|grandson|granddaughter|nephew"
    r"|niece|neighbour|client|dob|born|aged?)\b.*|(?:she|he|they)/(?:her|him|them|they).*)[ \t]*"
)


def _listed_with_brackets(text: str, toks: list[_Tok], i: int) -> bool:
    """Beside a place in a list whose items carry a note in brackets: "Elizabeth (Thursday
    6pm), Salisbury (Monday 7pm)"."""
    t = toks[i]
    after = _NOTE_THEN_COMMA.match(text, t.end)
    if after is not None and _A_PERSONS_NOTE.fullmatch(after[1]):
        return False
    if after is not None:
        j = next((k for k in range(i + 1, len(toks)) if toks[k].start >= after.end()), None)
        if j is not None and toks[j].start == after.end() and _a_place_here(text, toks, j):
            return True
    before = _COMMA_AFTER_NOTE.search(text, max(0, t.start - 50), t.start)
    if before is not None and not _A_PERSONS_NOTE.fullmatch(before[1]):
        j = next((k for k in range(i - 1, -1, -1) if toks[k].end <= before.start()), None)
        if j is not None and not text[toks[j].end : before.start()].strip() and (
            _a_place_here(text, toks, j)
        ):
            return True
    return False


# A line's label on a form: "Applicant:", "Other party:", "Address for correspondence:".
_LINE_LABEL = re.compile(r"^[ \t]*([A-Za-z][A-Za-z'’/\-]*(?:[ \t]+[A-Za-z'’/\-]+){0,3})[ \t]*:",
                         re.MULTILINE)


def _a_forms_label(text: str, t: _Tok) -> bool:
    """A word that is also a name, as one of a form's labels ("Grant: representation …" under
    "Applicant:", "DOB:", "Other party:"): the form's other labels are three or more, each
    once, and no one's name; a transcript's speaker says something again and again."""
    if text.rfind("\n", 0, t.start) + 1 != t.start or text[t.end : t.end + 1] != ":":
        return False
    if _AN_ACTION_AFTER.match(text, t.end):
        return False  # minutes' "Grant: will ring the landlord": who will do it
    labels = [m[1].casefold() for m in _LINE_LABEL.finditer(text)]
    others = {k for k in labels if k != t.key}
    return labels.count(t.key) == 1 and len(others) >= 3 and all(
        len(k) > 2 and all(
            w in lexicon.english_words() or w in _FIELD_WORDS
            or (w not in lexicon.given_names() and w not in lexicon.surnames())
            for w in k.split()
        ) for k in others
    )


_AN_ACTION_AFTER = re.compile(
    r":[ \t]*(?i:will|to|rang|called|phoned|has|had|is|was|can|needs?|said|says|asked|agreed"
    r"|wants?|went|came|did|does|spoke|sent|booked|follow(?:ing|s)?|chase|check|ring|call|email)\b"
)
_FIELD_WORDS = word_set("dob d.o.b crn urn mrn abn acn ndis address phone mobile email")


_LABELS = re.compile(r"^[ \t]*([A-Z][\w'’\-]*(?:[ \t][A-Z][\w'’\-]*)?)(?:[ \t]+office)?[ \t]*:",
                     re.MULTILINE)


_A_LEDGERS_VALUE = re.compile(
    r"[ \t]*:[ \t]*(?:\$|(?i:paid|owing|owed|due|overdue|n/a|nil|tbc|pending|booked|cancelled"
    r"|approved|declined)\b)"
)
_A_SCHEDULES_VALUE = re.compile(
    r"(?:[ \t]+office)?[ \t]*:[ \t]*(?:\d|(?i:mon|tue|wed|thu|fri|sat|sun|every|each|fortnight"
    r"|weekly|monthly|daily|first|second|third|fourth|last|alternate|closed|by appointment|none"
    r"|no visits|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b)"
)


def _a_places_label(text: str, toks: list[_Tok], i: int) -> bool:
    """A line's label in a schedule whose other labels are listed places: "Wyndham: Thursdays"
    under "Kununurra office: Mon–Fri" and "Warmun: every second Tuesday"."""
    t = toks[i]
    line = text.rfind("\n", 0, t.start) + 1
    if text[line : t.start].strip() or not _A_SCHEDULES_VALUE.match(text, t.end):
        return False  # not "Chelsea: I can't make it" among "Brisbane: hi all", "Cairns: hi"
    places = sum(
        1 for m in _LABELS.finditer(text)
        if m.start(1) != t.start and lexicon.listed_place(m.group(1).casefold().split(),
                                                          also_names=False)
    )
    return places >= 2


_SAINTS = frozenset({"st", "saint", "ste"})
_SAINT = re.compile(r"(?:St|ST|Saint|Ste)\.?\s+\Z")


def _a_saint_or_a_day(text: str, toks: list[_Tok], i: int) -> bool:
    """ "St Barbara's Day", "St Mary's", "Saint Vincent": a saint (a church, a school, a
    feast), not someone; and a day named by a word that is no given name ("Waitangi Day",
    "Independence Day"; "Jane Day" is someone)."""
    t = toks[i]
    if i > 0 and toks[i - 1].key in _SAINTS and _SAINT.search(
        text, max(0, t.start - 7), t.start
    ) and not _street_type(
        text, toks[i - 1]
    ) and (
        _POSSESSIVE.match(text, t.end)  # "St Barbara's Day", "St Mary's"
        or i < 2
        or not toks[i - 2].capital  # "at St Vincent"; but "Banksia St Kylie said" is a street
    ):
        return True
    j = i  # "Philippine Independence Day", "Waitangi Day": words that are no given names
    while j + 1 < len(toks) and j - i < 3 and text[toks[j].end : toks[j + 1].start] == " ":
        nxt = toks[j + 1]
        if not nxt.cap:
            break
        if nxt.key == "day":
            return toks[j].key in _DAY_NAMES and not any(toks[k].given for k in range(i, j + 1))
        j += 1
    prev = toks[i - 1] if i > 0 else None
    return (
        t.key == "day" and prev is not None and prev.cap and prev.key in _DAY_NAMES
        and text[prev.end : t.start] == " "
    )


# The words before "Day" in the names of days ("Anzac Day", "Waitangi Day"): "Akuien Day" is
# someone.
_DAY_NAMES = word_set(
    """anzac australia independence waitangi harmony sorry labour boxing christmas remembrance
    mother mothers father fathers valentine valentines canada national international world youth
    children childrens mabo reconciliation naidoc election census polling sports open family
    ribbon nose armistice victory year years coronation restoration"""
)


def _the_run_then_head(text: str, toks: list[_Tok], i: int) -> bool:
    """ "at the Hazelwood North depot", "the Yirrkala office": capitalised words between "the"
    and a place's or an organisation's head word are its name, not a person's ("the Smith
    family" is no head word's)."""
    a = i
    while a > 0 and i - a < 3 and toks[a - 1].capital and (
        text[toks[a - 1].end : toks[a].start] == " "
    ):
        a -= 1
    if a == 0 or toks[a - 1].key != "the" or toks[a - 1].capital or i - a > 2 or toks[a].given:
        return False  # "the Jane Smith office" is hers
    b = i
    while (
        b + 1 < len(toks)
        and b - a < 3
        and toks[b + 1].capital
        and text[toks[b].end : toks[b + 1].start] == " "
    ):
        b += 1
    nxt = toks[b + 1] if b + 1 < len(toks) else None
    return (
        nxt is not None
        and not nxt.capital
        and nxt.key in _HEADS
        and nxt.key not in _HOMES
        and b - a < 3
        and text[toks[b].end : nxt.start] == " "
        and any(toks[k].place or toks[k].word for k in range(a, b + 1))  # not "the Okonkwo office"
    )


_HOMES = word_set("unit units club hotel motel house flat room place home pub tavern family")
# What a family named in the plural has: "the Nguyens' house", "the Hockings farm".
_FAMILY_HEADS = _HOMES | word_set("mob kids farm shed block property cottage caravan")
_WITH_FAMILY = word_set("with at from to visited saw and stayed")


_SPOKE_WITH = word_set("spoke talked talking speaking chatted explained met meeting catch")
_MUM_AND_DAD = word_set("mum mother dad father son daughter partner wife husband ex kids sister"
                        " brother nan aunty uncle cousin boyfriend girlfriend")


_A_PERSON_AFTER = re.compile(
    r"[^.\n;]{0,40}?\b(?i:he|she|he's|she's|his|her|him|they're|says|said|wants|is\s+ok)\b"
)


def _between_on_a_road(toks: list[_Tok], i: int) -> bool:
    """Either end of a stretch of road: "the highway is closed between Denmark and Walpole",
    "buses run between Evatt and Belconnen" (not "mediation between Kerry and Joe")."""
    if toks[i - 1].key == "between":
        at = i - 1
    elif i >= 3 and toks[i - 1].key == "and" and toks[i - 3].key == "between":
        at = i - 3
    else:
        return False
    return any((toks[k].key in _WAYS or toks[k].key in _ROAD_STATES or toks[k].key in _ROADWORKS)
               and not any(toks[j].opens for j in range(k + 1, at + 1))
               for k in range(max(0, at - 8), at))  # in the same sentence: not "Bus was late
    # so. Mediation between Stanley and his landlord"


_ROADWORKS = word_set("roadworks detour drive drives driving run runs")


def _a_route(toks: list[_Tok], i: int) -> bool:
    """The end of a route from a town no one is called by: "a dog Brisbane to Cairns came back
    at $640"."""
    if i < 2 or toks[i - 1].key != "to":
        return False
    start = toks[i - 2]
    return start.cap and start.place and not start.given


def _a_persons_slot(text: str, toks: list[_Tok], i: int) -> bool:
    """Where only a person stands, whatever the word lists say of a town's name: before "rang"
    or "said" ("Logan rang", not "Centrelink Logan rang"), after a relation word ("her partner
    Moonie"), spoken to or with ("spoke to Moonie"), owning kin ("Moonie's mum"), or as a
    surname before a comma and a given name ("SYDNEY, Jo")."""
    t = toks[i]
    # A town no one is called by is its office where an office may stand too: "Toowoomba
    # rang", "Townsville, Emily on leave"; but after a relation word it is still a person.
    named = t.lexical or t.key in lexicon.places_also_names()
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is not None and text[prev.end : t.start] in (" ", ". ") and (
        prev.key in lexicon.CIVIL_TITLES or (prev.key == "dear" and prev.cap)
    ) and not (nxt is not None and nxt.capital and (
        text[t.end : nxt.start] == " " or _POSSESSIVE.match(text, t.end) is not None
    )):  # "Uncle Gumlu visited", "Dear Corindi,"; not "Mrs Ipswich Road", "Mrs Macquarie's Chair"
        return True
    if prev is not None and (
        prev.blocked or prev.brand or prev.key in lexicon.PLACE_CONTEXT or prev.key == "of"
        or (prev.capital and text[prev.end : t.start] == " ")
        or (prev.key in ("and", "or") and i > 1 and toks[i - 2].place) or _a_route(toks, i)
    ):  # a service's branch ("ATSILS Zillmere asked"; so "SES Bowen rang" stays too), "in
        return False  # Logan", "Union of Tasmania", "Maffra and Heyfield asked"
    run_on = nxt is not None and nxt.capital and not nxt.anchor and (  # "her daughter Tullah
        text[t.end : nxt.start] == " "  # Kropinyeri": a registered surname runs on to no place
    )
    if prev is not None and not run_on and text[prev.end : t.start] == " " and (
        (prev.key in lexicon.RELATIONS and not prev.capital)
        or (prev.key in ("to", "with") and i > 1 and toks[i - 2].key in _SPOKE_WITH)
    ):
        return True  # "his mate Goulburn rang", "spoke with Lismore"
    if nxt is not None and text[t.end : nxt.start] == " " and nxt.key in _DONE_BY_SOMEONE:
        return named and (prev is None or prev.key != "the")  # not "the Logan office rang"
    if nxt is not None and _POSSESSIVE.match(text, t.end) and nxt.key in _MUM_AND_DAD:
        return True
    ends = nxt is not None and (nxt.end == len(text) or text[nxt.end] in "\r\n")
    return (
        nxt is not None and nxt.cap and nxt.given and not nxt.place
        and text[t.end : nxt.start] == ", "
        and (i == 0 or "\n" in text[toks[i - 1].end : t.start])  # "MOONIE, Jo", "Moonie, Jo"
        and (nxt.end == len(text) or text[nxt.end] in " \t\r\n,;(")
        and (named or t.upper or ends)  # not "Townsville, Emily on leave this week"
    )


_AT_A_SHOP = word_set("at from in to outside near")


def _families(text: str, toks: list[_Tok], name: list[bool]) -> None:
    """A family by its surname in the plural after "the": "the Tregonnings' place", "the
    Nguyens house", "stayed with the Nguyens" (not "the Greens", "the Rocks", "the Walkers'
    Club": a word's plural needs the possessive and a home after it)."""
    for i in range(1, len(toks)):
        t = toks[i]
        if not t.cap or t.blocked or name[i] or t.opens or t.place or toks[i - 1].key != "the":
            continue
        if not t.key.endswith("s") or len(t.key) < 5 or text[toks[i - 1].end : t.start] != " ":
            continue
        stem = t.key[:-1]
        if stem not in lexicon.surnames() and t.key.endswith("es"):
            stem = t.key[:-2]  # "the Joneses"
        listed = stem in lexicon.surnames() and stem not in lexicon.english_words()
        plural_possessive = text[t.end : t.end + 1] in ("'", "’") and not (
            text[t.end + 1 : t.end + 2].isalnum()
        )
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        home_after = nxt is not None and nxt.key in _FAMILY_HEADS and not nxt.capital and (
            text[t.end : nxt.start].strip("'’") == " "
        )
        unknown = (
            stem not in lexicon.english_words() and stem not in lexicon.place_words()
            and t.key not in lexicon.english_words()
        )
        if (t.never or t.brand) and not home_after and i > 1 and toks[i - 2].key in _AT_A_SHOP:
            continue  # "at the Coles till", "from the Bunnings in Port Melbourne": a shop
        if (plural_possessive and home_after and (unknown or stem in lexicon.surnames())) or (
            listed and (home_after or (i > 1 and toks[i - 2].key in _WITH_FAMILY))
        ):
            name[i] = True


def _a_place_here(text: str, toks: list[_Tok], j: int) -> bool:
    """A listed place, or a town that is also a name where a place is said ("drove to Orange
    and then Young")."""
    t = toks[j]
    return t.place or (
        t.capital and t.key in lexicon.places_also_names() and _place_context(text, toks, j)
    )


# Given names that open a question or an instruction: "Will Serco still pay her?", "Chase Visy".
_ASKING = word_set("will may might can could chase mark bill grant sue rob pat nick")
_HEADS = lexicon.PLACE_HEADS | word_set("pharmacy chemist hub branch campus depot police")
_KIN = word_set("family families kids boys girls mob clan household siblings twins")


def _street_type(text: str, t: _Tok) -> bool:
    """ "Dr" or "St" after a number and a street name is a street type ("17 Banksia Dr")."""
    window = text[max(0, t.start - 60) : t.start]
    return t.key in ("dr", "st") and _AFTER_NUMBER.search(window) is not None


# Kin words that also stand before a noun: "baby sleep", "child notification", "kids activities".
_KIN_AS_NOUNS = word_set("baby babies bub bubs child children kid kids infant newborn toddler")
# After a kin word and a word, what a person does: the word is the child's name.
_A_BABY_DOES = re.compile(
    r" (?:is|was|has|had|will|can|loves|hates|turns|turned|started|starts|smiled|cried|slept"
    r"|sleeps|feeds|fed|weighs|weighed) (?!(?:no|not|for|over|available|required|needed"
    r"|due|booked|on|at|in)\b)"
)
_WHOSE = word_set("her his their my our your")
_BABY_THINGS = word_set(
    "wrap sling bump blues steps gear things toys swing walker rash reflux"
    " monitor formula care sleep seat capsule pram bottle bottles clothes stuff bath shower food"
    " health visit visits bag cot bassinet carrier car nappy nappies wipes milk book books room"
    " support payment bonus allowance check checks scan scans shower weight feeding feeds"
    " appointment appointments nurse doctor gp clinic group groups class classes photo photos"
    " blanket toys toy gear things items jumper seat swing gate rash cough cold fever brain teeth"
    " born due father daddy dad mum mother sister brother"
)
# "Tue/Thu", "Mon/Wed/Fri": days, not a name after "worker".
_A_LABELS_COLON = re.compile(r"[ \t]*:")
_DAY_SLASH = re.compile(r"[/–\-](?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b")


def _mark_after(text: str, toks: list[_Tok], name: list[bool], i: int, *, title: bool) -> None:
    """The name after a title or a relation word: "Mr Nguyen", "her sister Bronwyn"."""
    j = i + 1
    if not title and [t.key for t in toks[j : j + 2]] == ["in", "law"]:
        j += 2  # "her sister in law nirmala"
    while not title and j < len(toks) and (
        toks[j].key in lexicon.RELATION_LINKS
        or (toks[j].key in _KIN_POSSESSIVES and toks[i].key in lexicon.KIN_ABROAD)
    ):
        j += 1  # "son named Liam", Tagalog's "anak ko jerico", Swahili's "dada yangu amina"
    glossed = False
    if not title and j < len(toks) and (gloss := _KIN_GLOSS.match(text, toks[j - 1].end)) and (
        _a_gloss(gloss[1])
    ):  # "her kuya (older brother) dimaano", "her brother (older) rang": the kin word told
        while j < len(toks) and toks[j].start < gloss.end():
            j += 1
        if j == len(toks) or toks[j].start != gloss.end():
            return
        if not toks[j].cap and j + 1 < len(toks) and toks[j + 1].key in _A_VERBS_OBJECT and (
            not toks[j].given and toks[j].key in lexicon.english_words()
            and _SAID_OF_SOMEONE.match(text, toks[j].end) is None
        ):
            return  # "her brother (older) chase the bond": a verb, then what it is done to
        glossed = True
    if j >= len(toks):
        return
    if text[toks[j - 1].end : toks[j].start] == "-" and not toks[j].capital:
        return  # "child-friendly visits", "mother-in-law": one word
    gap = None if glossed else (_TITLE_GAP if title else _LINK).fullmatch(
        text, toks[j - 1].end, toks[j].start
    )
    if gap and title and "." in gap[0] and (
        (toks[i].key in _KIN_TITLES
         and not (toks[j].given or (toks[j].cap and _acts_after(text, toks, j))))
        or (toks[i].key in _WORD_TITLES
            and not (toks[j].lexical or (toks[j].cap and _ends_or_acts(text, toks, j))))
    ):
        return  # "the liaison officer. Nothing else" (but "the detective. Logan gave"); "with
        # aunty. Home visits …": a kin word is no abbreviation, its full stop ends a sentence
    if gap and "\n" in gap[0] and (title or (
        _A_LABELS_COLON.match(text, toks[j].end) and toks[j].cap
        and toks[j].key in lexicon.english_words() and toks[j].key not in lexicon.given_names()
    )):
        return  # a title ending a line of a signature: "Registrar\nBrisbane Magistrates Court";
        # a line ending in "the TB nurse", then a form's "Patient: …"
    t = toks[j]
    if (gap is None and not glossed) or t.blocked or t.key in _NO_ONE or (
        _excluded(t) and not _a_things_name_for_someone(t)
    ) or (not t.capital and not t.lexical and t.key in _COMMON_LOWER
          and text[toks[j - 1].end : t.start].strip() != ":"):  # but "partner: kiwi" is someone
        return  # "Partner: Nil", "Spouse: None", "the manager is onsite"
    if _NOT.match(text, t.end):
        return  # "the agent didn't show": a verb
    if not title and ":" in text[toks[j - 1].end : t.start] and t.cap and t.word and not (
        t.lexical or t.place
    ):
        return  # a speaker's label, then what is said: "WORKER: Has he …", "WORKER: Thank you"
    if t.place and not t.lexical and not (
        title and t.cap and j + 1 < len(toks) and toks[j + 1].cap
        and (toks[j + 1].surname or toks[j + 1].unknown) and not toks[j + 1].place
        and text[t.end : toks[j + 1].start] == " "  # "Senior Constable Tullah Vines"
    ) and not (
        title and toks[i].key in _LOWER_CIVIL | {"miss"} and t.cap and not (
            _POSSESSIVE.match(text, t.end) and j + 1 < len(toks) and toks[j + 1].cap
        ) and not (j + 1 < len(toks) and (
            toks[j + 1].key in lexicon.PLACE_HEADS or toks[j + 1].key in STREET_TYPE_FORMS
            or toks[j + 1].place
        ))
    ):
        return  # "her mum Moncrieff" is a place, "Mrs Moncrieff" a woman ("Mrs Macquarie's
        # Chair", "Dr Moncrieff Clinic" are places)
    if t.key in lexicon.RANKS:  # "Detective Senior Constable"
        return
    if t.dated and _DAY_SLASH.match(text, t.end):
        return  # "bicultural worker Tue/Thu"
    if not title and t.upper and toks[i].key in _ROLES and len(t.key) <= 4 and (
        t.key not in lexicon.given_names() and t.key not in lexicon.surnames()
    ):
        return  # "an interpreter (TIS 131 450)", "the physio (QEII)": a service, not a name
    if not title and t.cap and toks[i].key in _ROLES and t.key in _ROLE_NOUNS:
        return  # "Psychologist Appointment Friday", "Nurse Visit Tuesday"
    if title and t.key in _STREET_WORDS and toks[i].key in _OFFICE_TITLES:
        return  # "Judge Street", "Officer Road"; but "Dr Street", "Uncle Park", "Sgt Lane"
    if title and toks[i].key in _OFFICE_TITLES and not (
        (t.lexical and not t.word) or t.unknown or (t.lexical and _ends_or_acts(text, toks, j))
    ):
        return  # "Officer Safety Plan", "Principal Solicitor", "Judge Alone"; "Magistrate Hill
        # adjourned" is a person
    if t.brand and (not title or t.upper) and not (
        not title and toks[i].key not in _ROLES and text[toks[j - 1].end : t.start] == " "
        and _a_things_name_for_someone(t) and _acts_or_joins_kin(text, toks, j)
    ) and not (not title and toks[i].key in _FAMILY and _a_brand_then_a_surname(text, toks, j)):
        # "Miss Torres" is a person, "sister DOB" not; "her friend Astra drove" is someone,
        # and so is "her cousin Ngala Yunupingu"
        return
    if not t.capital:  # "sister bronwyn (smith)", "his cousin tevita", "aunty june"
        plausible = (
            not title
            or toks[i].key in lexicon.RELATIONS
            or (toks[i].key in _STRICT_TITLES and len(t.key) > 2
                and t.key not in lexicon.english_words() and t.key not in _SMS_WORDS)
            or (toks[i].key in _LOWER_CIVIL and t.key not in lexicon.english_words()
                and (t.key in lexicon.surnames() or t.key in lexicon.given_names()
                     or (len(t.key) > 3 and t.key not in _SMS_WORDS and (
                         _number_or_act_after(text, toks, j)
                         or (i > 0 and toks[i - 1].key == "with")
                         or (i > 1 and toks[i - 1].key == "to"
                             and toks[i - 2].key in lexicon.CONTACT_CUES)
                     ))))  # "mrs fujimura 04…", "spoke to mrs fujimura"
            or (toks[i].key in _OFFICE_TITLES and t.key not in lexicon.english_words()
                and t.key in lexicon.given_names())  # "the public trustee, officer dilys ferraby"
        ) and _lower_name(text, toks, j)  # "her psych dr oyelowo"
        if toks[i].key in _ROLES | _IN_LAWS and t.key in lexicon.english_words():
            plausible = False  # "support worker hours", "the agent fees"
        if len(t.key) > 4 and t.key.endswith("s") and t.key in lexicon.english_words() and not (
            t.key in lexicon.given_names() or t.key in lexicon.surnames()
        ) and toks[j - 1].key not in ("is", "was"):
            plausible = False  # "our partner agencies", "partner organisations"
        if t.key in _FORM_WORDS or t.key in _HOW_SOMEONE_IS:
            plausible = False  # "Carer name: …", "mum details", "carer sleep", "her mum alone"
        if not title and "," in text[toks[j - 1].end : t.start] and (
            t.key in lexicon.english_words()
        ) and not (t.key in lexicon.given_names() or t.key in lexicon.surnames()):
            plausible = False  # "reside with grandmother, curfew 7 pm": a list's next item
        if j > i + 1 and toks[j - 1].key in ("is", "was") and t.key in lexicon.english_words() and (
            t.key not in lexicon.given_names()
        ):
            plausible = False  # "her girl was rude", "the roomie is messy": a description
        if toks[i].key in lexicon.PLURAL_RELATIONS and t.key in lexicon.english_words():
            plausible = False  # "sons and daughters welcome"
        if toks[i].key in _KINDS_OF_CARE and (t.key in _CARE_THINGS or t.key in STREET_TYPE_FORMS):
            plausible = False  # "into foster care", "a parent handout": what kind of thing
        if toks[i].key in _KIN_AS_NOUNS and t.key in lexicon.english_words() and not (
            t.key in lexicon.given_names() or t.key in lexicon.surnames()
        ) and not (
            _A_BABY_DOES.match(text, t.end) and t.key not in _BABY_THINGS
            and i > 0 and toks[i - 1].key in _WHOSE
        ):
            plausible = False  # "his baby visit", "bath baby except", "child health nurse"; but
            # "her baby sky is feeding well", "her bub maverick has a cold"
        if toks[i].key in lexicon.RELATIONS and toks[i].cap and toks[i].opens and (
            t.key in lexicon.english_words()
        ) and not (t.key in lexicon.given_names() or t.key in lexicon.surnames()):
            plausible = False  # a status line: "Daughter interstate.", "Wife pregnant", "Mum
            # aware"; but "my mate bluey", "his uncle bully at the cliffs" are people
        if (toks[i].key in lexicon.KIN_ABROAD or toks[i].key in _WORK_RELATIONS) and (
            t.key in lexicon.FOREIGN_FUNCTION_WORDS or t.key in lexicon.english_words()
            or t.key.startswith(_ARABIC_ARTICLE) or lexicon.listed_place((t.key,))
        ):
            plausible = False  # "her boss cut shifts", "sa fille est malade", "anak ko si"
        elif toks[i].key in lexicon.KIN_ABROAD and not (
            t.key in lexicon.given_names() or t.key in lexicon.surnames()
        ) and j + 1 < len(toks) and toks[j + 1].key in _AFTER_A_VERB and (
            text[t.end : toks[j + 1].start] == " "
        ):
            plausible = False  # "mi hermano trabaja en Coles", "ma soeur habite à Lyon"
    elif title and toks[i].key in _STRICT_TITLES:  # "Dr Patel", "Dr Were", not "Dr Appointment"
        plausible = t.lexical or not t.word or t.key in lexicon.FUNCTION_WORDS
    elif not title and t.word and not t.lexical and _program_run(text, toks, j):
        plausible = False  # "Child Safety caseworker, Next Step Plus worker": a program
    else:
        plausible = True  # "Uncle Purity", "Ms Brown", "her sister Grace"
    if not plausible or (t.dated and not title and _DATE_AFTER.match(text, t.end)):
        return
    name[j] = True
    if t.key in lexicon.PARTICLES and j + 1 < len(toks):  # "cousins Ah Kuoi", "co hanh"
        name[j + 1] = _JOIN.fullmatch(text, t.end, toks[j + 1].start) is not None
        j += 1
        t = toks[j]
    if not t.capital and j + 1 < len(toks):
        nxt = toks[j + 1]
        given, surname, word = _flags(nxt.key)[:3]
        abroad_kin = toks[i].key in lexicon.KIN_ABROAD  # "su hermano carlos llamó": no surname
        if (
            not nxt.capital
            and (given or surname or (not word and not abroad_kin))
            and nxt.key not in lexicon.NAME_FOLLOWERS
            and not (nxt.key in _BARE_VERBS and _an_object_after(toks, j + 1))
            and not (abroad_kin and nxt.key in lexicon.FOREIGN_FUNCTION_WORDS)
            and _lower_name(text, toks, j + 1)
            and _JOIN.fullmatch(text, t.end, nxt.start)
        ):
            name[j + 1] = True  # "zhang wei", "gary pike"


# After a kin word, how or where the person is, not who: "leaving her mum alone".
_HOW_SOMEONE_IS = word_set(
    "alone too also only again now then today tonight here there away well sick unwell overseas"
    " interstate together first instead anyway either twice once"
)
_A_VERBS_OBJECT = word_set("the a an his her their my our your up it them him")
# After a kin word's gloss and a name, what is said of the person: "(older) chase the one in
# jail", "(eldest) storm it was him", "(older) chase his car got towed".
_SAID_OF_SOMEONE = re.compile(
    r"[ \t]+(?i:the\s+one\b|it\s+(?:was|is|s)\b|(?:his|her|their)\s+[a-z]+\s+(?:got|was|is|has)\b)"
)
_KIN_GLOSS = re.compile(r"[ \t]*\(([^()\n]{2,30})\)[ \t]*")


def _a_gloss(inside: str) -> bool:
    """Brackets after a kin word that tell about it, not the name: "(older brother)",
    "(mum's side)", "(older)"; not "(Bronwyn)", "(bronwyn)"."""
    words = re.findall(r"[^\W\d_]+", inside)
    return bool(words) and len(words) <= 4 and "[" not in inside and (
        any(w.casefold() in lexicon.RELATIONS for w in words)
        or all(w.islower() and w in lexicon.english_words() and w not in lexicon.given_names()
               for w in words)
    )
# "Su hija", "Mi hermano", "Ma sœur": whose, in Spanish and French, before a relation word.
_THEIR = word_set("su sus mi mis tu tus ma mon sa son ta ton")
# Who a person is at work, before their name: "Housing officer Clemency Bramall".
_PERSON_ROLES = word_set("officer manager worker coordinator caseworker clinician nurse doctor")
# Words before a person's name in lowercase: Tagalog's markers ("si jerome", "kay maricel") and
# English's ("the bloke dermid", "a guy called dermid", "my landlord name nabih").
_SHORTHAND_AFTER = word_set("officer constable sergeant detective inspector coordinator")
_SHORTHAND = word_set("ofc kpis kpi rtb fyi asap tbc tba pls nfa dna eta atm oic ooo wfh")
_PERSON_MARKERS = word_set(
    "si kay bloke fella guy lady named called name officer constable sergeant detective"
    " inspector coordinator"
)
# Who someone is, then their name between commas: "one of the older blokes, norbert dunbar, said".
_APPOSITIVE_HEADS = word_set(
    "bloke blokes fella fellas guy guys lady ladies officer manager supervisor boss mate mates"
    " friend friends neighbour landlord owner farmer grower contractor man woman"
)
# Who someone is, then "is" or "was" before their name: "the shire bloke is dwight lugg".
_PEOPLE_BEFORE_IS = word_set("bloke fella guy lady officer coordinator manager")
def _an_object_after(toks: list[_Tok], k: int) -> bool:
    """A word after the one at ``k`` that is no subject's cue: "tevita start work" (a verb and
    its object), not "jenny love is a witness" (a surname, then the verb)."""
    return k + 1 < len(toks) and toks[k + 1].key not in lexicon.SUBJECT_CUES


# Who someone is at work, in lowercase before their name: "my boss is dawson kelleway" (not
# "Spoke with Boss today", where Boss may be someone's name).
_WORK_RELATIONS = word_set(
    "boss supervisor manager director foreman owner employer recruiter trainer assessor lawyer"
    " teacher tutor lecturer principal mentor coach captain skipper"
)
# A form's words after a relation: "Carer name:", "Parent surname", "mum mobile".
# What a relative, a carer or a guardian has, not who they are: "mum details", "sister mobile",
# "carer sleep", "guardian update sent".
_FORM_WORDS = word_set(
    "name names surname details detail number contact address mobile email sleep update updates"
    " app apps payment payments allowance respite consent visit visits leave meeting meetings"
    " report reports review reviews portal login question questions role roles"
)
# Prepositions that follow a verb, not a name, in the languages of the kin words: "trabaja en",
# "habite à", "nagtatrabaho sa" (a name is followed by its verb: "saliou a trouvé").
_AFTER_A_VERB = word_set("en à de del sa sur au aux con para por dans avec kwa katika")
# "My" after a kin word, in Tagalog and Swahili: "anak ko jerico", "dada yangu amina".
_KIN_POSSESSIVES = word_set("ko yangu wangu")
# Verbs in SMS English that are also surnames: "my moko teremoana start work".
_BARE_VERBS = word_set(
    "start starts come comes stay stays call calls ring rings go goes move moves work works"
    " leave leaves wait waits ask asks bring brings take takes pay pays help helps get gets"
    " live lives sleep sleeps need needs want wants love loves say says send sends drive dice"
)
# Titles of an office, which are also words before a noun: "Officer Safety Plan".
_OFFICE_TITLES = word_set(
    "magistrate judge registrar coroner officer principal sheriff practitioner member"
)
_STREET_WORDS = word_set(
    "street st road rd avenue ave highway hwy parade pde boulevard terrace tce"
)
_KIN_TITLES = word_set("aunty auntie uncle")
_NO_ONE = word_set(
    "nil none declined unknown na tbc tba refused withheld deceased yes no"
    " she he they we it i you"  # "named after his pop. She is calling": a pronoun
)
_WORD_TITLES = word_set(
    "magistrate judge registrar coroner officer principal sheriff practitioner constable "
    "detective sergeant inspector superintendent pastor father doctor aunty auntie uncle member"
)
def _ends_or_acts(text: str, toks: list[_Tok], j: int) -> bool:
    """Nothing after word j in its clause, or a subject's word: "Ah Mat", "Ah Mat rang"."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is None or text[toks[j].end : nxt.start] != " " or nxt.key in lexicon.SUBJECT_CUES


def _acts_or_joins_kin(text: str, toks: list[_Tok], j: int) -> bool:
    """A subject's word right after word j, or "and" and a relation word: "uncle milton
    drove", "uncle milton and aunty june"."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None or text[toks[j].end : nxt.start] != " ":
        return False
    if nxt.key in lexicon.SUBJECT_CUES or nxt.key in lexicon.NAME_FOLLOWERS:
        return True
    return nxt.key in lexicon.NAME_JOINERS and j + 2 < len(toks) and (
        toks[j + 2].key in lexicon.RELATIONS
    )


def _acts_after(text: str, toks: list[_Tok], j: int) -> bool:
    """A verb of speaking or contact right after word j: "Ah Mat rang"."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is not None and text[toks[j].end : nxt.start] == " " and nxt.key in lexicon.SPOKE


def _number_or_act_after(text: str, toks: list[_Tok], j: int) -> bool:
    """A phone number or a subject's word after word j: "mrs fujimura 0412…", "mrs fujimura
    rang" (but "ask mr whippy", "ms pacman")."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    gap = text[toks[j].end : nxt.start if nxt else len(text)]
    return HAS_DIGIT(gap) is not None or (
        nxt is not None and gap == " " and (
            nxt.key in lexicon.SUBJECT_CUES or nxt.key in _DEEDS_OF_A_NEIGHBOUR
        )
    )


# What a neighbour or a carer does, after their name: "mrs venning drives him to appointments".
_DEEDS_OF_A_NEIGHBOUR = word_set("drives drove helps helped minds minded cooks shops checks")


# Civil titles that are no word, before a lowercase name: "my landlord mr gillard".
_LOWER_CIVIL = word_set("mr mrs ms missus missis mister")  # the last three as dictated
# Brother-, sister-, mother- and father-in-law in SMS: relation words only in lowercase.
_IN_LAWS = word_set("bil sil mil fil")
# Roles before a name, which are also words before a noun: "support worker odhran", but
# "support worker hours".
# Professions before a name, as relation words are ("pharmacist joanne", "OT MARK"); not
# relation words themselves, so "Heather Nurse" stays a name of two words.
_PROFESSIONS = word_set(
    """pharmacist physio physiotherapist interpreter psychologist counsellor counselor midwife
    paramedic dietitian podiatrist advocate solicitor collector trustee coordinator nurse rn ot"""
)
# What follows a profession's word as a noun of its work, not as a name: "Nurse Visit Tuesday".
_ROLE_NOUNS = word_set(
    """appointment appointments appt visit visits session sessions review reviews report reports
    letter letters statement statements summary assessment assessments check booking booked plan
    plans notes note fees fee hours shift shifts meeting meetings referral referrals rounds round
    handover team service services support"""
)
_ROLES = word_set("worker lender agent") | _PROFESSIONS


def _program_run(text: str, toks: list[_Tok], j: int) -> bool:
    """Capitalised English words that run on, none a name: "Next Step Plus", "Safe Steps"."""
    k = j
    while (
        k + 1 < len(toks) and toks[k + 1].cap and text[toks[k].end : toks[k + 1].start] == " "
    ):
        k += 1
        if toks[k].lexical or toks[k].unknown:
            return False
    return k > j


def _a_verbs_stem(key: str) -> bool:
    """Is a word in -ing or -ed made from a word or a brand ("ubering", "facetimed"), or long
    enough to be a verb misspelt ("threatning")? Not "yuling", a given name."""
    stem = key[:-3] if key.endswith("ing") else key[:-2]
    if len(stem) >= 7:
        return True
    if len(stem) < 4:
        return False
    words, brands = lexicon.english_words(), lexicon.not_names()
    return any(s in words or s in brands for s in (stem, stem + "e", stem[:-1]) if len(s) > 3)


def _lower_name(text: str, toks: list[_Tok], j: int) -> bool:
    """Could the lowercase word at ``j``, after a relation word, be a name? Not a function
    word, a verb, a place, a time or a word that tells about the person ("her mum today")."""
    t = toks[j]
    key = t.key
    return not (
        len(key) < 2
        or t.blocked
        or key in lexicon.FUNCTION_WORDS
        or key in lexicon.SUBJECT_CUES
        or key in lexicon.NOT_AFTER_RELATION
        or key in lexicon.never_names()
        or (key in lexicon.place_words() and not (
            key in lexicon.given_names() and _acts_or_joins_kin(text, toks, j)
        ))  # "her uncle milton drove her" (not "her mum ipswich")
        or (key.endswith(("ed", "ing")) and key not in lexicon.given_names() and (
            key in lexicon.english_words() or key in _SMS_WORDS or len(key) < 6 or (
                key not in lexicon.surnames() and _a_verbs_stem(key)
                and not (j > 0 and toks[j - 1].key in lexicon.TITLES)
            )
        ))  # "her mum texting", "her bf gaslighting her"; but "mrs venning", a surname no list
        # has, and "her husband yuling", a given name
        or (key in lexicon.MONTHS and _DATE_AFTER.match(text, t.end) is not None)
        or _glued(text, t.start, t.end)
    )


def _extend(text: str, toks: list[_Tok], name: list[bool]) -> None:
    """Name words next to a found name join it: "Dave Smith", "Bronwyn Smith-Jones", "Tao Gong",
    "Dave Coles"; before it only a given name or surname ("Ava Nguyen")."""
    todo = [i for i, found in enumerate(name) if found]
    while todo:
        i = todo.pop()
        for j in (i - 1, i + 1):
            if 0 <= j < len(toks) and not name[j] and _joins(text, toks, i, j):
                name[j] = True
                todo.append(j)


def _bracketed(text: str, toks: list[_Tok], name: list[bool]) -> None:
    """A name and its other name in brackets, either way round: "Radek (Radosław Kmiecik)",
    "Radosław Kmiecik (Radek)" (a given name alone in the brackets; not "(Centrelink)")."""
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if name[i] == name[i + 1] or text[a.end : b.start] != " (":
            continue
        if name[i]:  # the other name in the brackets, alone
            if b.cap and b.given and not (b.blocked or b.never or b.place or b.dated) and (
                text[b.end : b.end + 1] == ")"
            ):  # not "for Bo (Thu)": the day
                name[i + 1] = True
        elif a.cap and (a.unknown or a.given) and not (a.blocked or a.never or a.place):
            name[i] = True  # the name before, its full name in the brackets


def _joins(text: str, toks: list[_Tok], i: int, j: int) -> bool:
    t = toks[j]
    a, b = min(i, j), max(i, j)
    if not (
        t.capital
        and (t.anchor or not t.blocked)
        and not _excluded(t)
        and not (t.brand and t.upper)  # "Bryan DOB 3/4/1988", "Jane TFN ..."
        and not (t.upper and j < i and t.key in _PAYEE_LINKS and j > 0
                 and toks[j - 1].key in _PAYMENT_KEYS)  # "TRANSFER FROM NGUYEN T HOA"
        and (t.lexical or not t.place or _surname_of_a_place(text, toks, i, j))  # "Paul Hamilton"
        and (t.key not in ANY_CASE_TYPE_FORMS  # "Jessica Street" is a street, "Dave Mall" a man
             or (j == i + 1 and _a_person_by_what_follows(text, toks, i, j)))
        and _JOIN.fullmatch(text, toks[a].end, toks[b].start)
        and not (_SPACED_DASH.fullmatch(text, toks[a].end, toks[b].start)
                 and ((t.word and not t.lexical) or t.place or t.brand))
        and not _an_organisation(text, toks, j)
        and not (j > i and t.key in _NAMELESS)  # "UC Fri"; but "Nov Tran rang"
        and not (t.upper and t.key in _WARD_ABBREVIATIONS)
        and not _after_a_place_word(text, toks, j)
        and not _in_a_features_name(text, toks, j)
    ):
        return False
    if j < i:  # before the name: "Ava Nguyen", "service, Peace Okonkwo", "Gang Lin (38)"
        if t.key in lexicon.TITLES or t.key in _NO_ONES_FIRST_WORD:
            return False  # "The Kaur and Singh names", "Judge Richards"; but "An Nguyen"
        if t.brand or (t.dated and _date_context(text, toks, j)):
            return False
        if t.opens and t.key in _IMPERATIVES and t.cap:
            return False  # "Call Elizabeth tomorrow": the surname Call is a request here
        if t.word and not t.lexical and j > 0 and toks[j - 1].key in lexicon.PLACE_CONTEXT:
            return False  # "Caseworker at Communities Bernadette Mahony": where she works
        if t.opens and not t.lexical and t.word and _a_verb(t.key):
            return False  # "Met Anahit (Ani) at school": the sentence's verb, not her name
        return t.lexical or not t.opens or name_follows(text, _run_end(text, toks, i)) or (
            toks[i].upper and not t.upper and len(toks[i].key) > 2 and not t.word
        )  # "RESPONDENT: Avram MANTEL": a given name, then a surname in capitals
    if t.dated and _date_context(text, toks, j):
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    in_a_run = nxt is not None and nxt.capital and text[t.end : nxt.start] == " "
    # After the name: a surname, an unknown word, a brand ("Dave Coles"), or a capitalised word
    # that ends the run ("Tao Gong", but not "Dave Housing Officer").
    return t.lexical or t.unknown or t.brand or not in_a_run


# Past tenses that open a note's sentence before a name ("Saw Anahit (mum)"), beside the verbs
# that follow names and the regular "-ed" forms.
_OPENING_VERBS = word_set(
    "met saw took gave drove sent brought went got spoke heard found left kept made paid rang"
    " told showed taught caught bought thought"
)


def _a_verb(key: str) -> bool:
    return key in _OPENING_VERBS or key in lexicon.NAME_FOLLOWERS or (
        len(key) > 3 and key.endswith("ed")
    )


# Between a statement's transaction and its payee: no part of the name ("TRANSFER TO DANIEL
# O'CONNOR"); elsewhere "TO", "MY", "HE", "SO" may be Vietnamese, Chinese or Korean names.
_PAYEE_LINKS = word_set("from to")
# Verbs that open a request to the reader and are also surnames in the census lists.
_IMPERATIVES = word_set(
    "use call ring text phone email ask tell visit meet see contact book send remind try thank"
    " help let message pick drive take bring invite follow check chase get"
)


def _surname_of_a_place(text: str, toks: list[_Tok], i: int, j: int) -> bool:
    """A place's name right after a given name that is nothing else, with no place said around
    it: "From: Fergus Tregear <…>" (but "Fergus in Tregear", "Fergus, Tregear office")."""
    t, name = toks[j], toks[i]
    if j != i + 1 or not (name.lexical and not name.word and not name.place) or t.key in _HEADS:
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return (nxt is None or not nxt.capital) and not _place_context(text, toks, j) and (
        nxt is None or nxt.key not in _HEADS
    )


def _run_end(text: str, toks: list[_Tok], i: int) -> int:
    """Where the run of capitalised words from ``i`` ends."""
    while (
        i + 1 < len(toks)
        and toks[i + 1].capital
        and _JOIN.fullmatch(text, toks[i].end, toks[i + 1].start)
    ):
        i += 1
    return toks[i].end


def _before_a_street(text: str, toks: list[_Tok], i: int) -> bool:
    """A given name or a place alone before a street type: "the George Street office" (the
    rule known_clients applies to registered names, on this detector's tokens)."""
    t, nxt = toks[i], toks[i + 1] if i + 1 < len(toks) else None
    return (
        nxt is not None
        and t.cap
        and (t.given or t.place)
        and nxt.cap
        and nxt.key in STREET_HEADS
        and text[t.end : nxt.start] == " "
        and i > 0
        and not t.opens
        and toks[i - 1].key in STREET_BEFORE  # "at the George Street office"
        and not name_follows(text, nxt.end)  # "George Street rang": someone
    )


# Someone saying what they are called: "a man who calls himself Rafe Kensington", "the bloke
# said his name was jason", "goes by Tash".
_SELF_NAMED = re.compile(
    r"\b(?i:(?:calls?|called|calling)[ \t]+(?:him|her|them)sel(?:f|ves)|goes[ \t]+by"
    r"|(?:his|her|their|my)[ \t]+name[ \t]+(?:is|was)|(?:his|her|my)[ \t]+name['’]s)[ \t]+\"?"
    r"|(?P<i_am>\bI(?:[ \t]+am|['’]m)[ \t]+)(?=[A-Z])"  # "Hello sir, I am Sere Baru, father of …"
)
_SELF_NAMED_GATE = re.compile(
    r"(?i:sel(?:f|ves)\b|goes by|name(?:['’]s| is| was))|I am|I['’]m"
).search


def _self_named(text: str, toks: list[_Tok], name: list[bool]) -> None:
    starts = {t.start: k for k, t in enumerate(toks)}
    for m in _SELF_NAMED.finditer(text):
        j = starts.get(m.end())
        if j is None or toks[j].blocked:
            continue
        t = toks[j]
        if not t.capital:
            if t.key not in lexicon.english_words() and _lower_name(text, toks, j):
                name[j] = True  # "his name was jason"
            continue
        if t.key in lexicon.FUNCTION_WORDS or t.never or t.brand:
            continue
        if m["i_am"] and not _i_am_named(text, toks, j):
            continue  # "I am Australian", "I'm Sorry", "I am Dr …", "I'm Muslim"
        name[j] = True
        while j + 1 < len(toks) and toks[j + 1].capital and not toks[j + 1].blocked and (
            _JOIN.fullmatch(text, toks[j].end, toks[j + 1].start)
        ):
            j += 1
            name[j] = True


def _i_am_named(text: str, toks: list[_Tok], j: int) -> bool:
    """After "I am", one or two capitalised words that are a name: neither a people's or a
    faith's, nor a place, a title or a month; a word of the dictionary only before a second that
    is a name ("I am Sere Baru")."""
    run = [toks[j]]
    if j + 1 < len(toks) and toks[j + 1].capital and _JOIN.fullmatch(
        text, toks[j].end, toks[j + 1].start
    ):
        run.append(toks[j + 1])
    if any(t.never or t.brand or t.place or t.dated or t.upper or t.blocked
           or t.key in lexicon.TITLES or t.key in _NEVER_AFTER_KIN for t in run):
        return False
    last = run[-1]
    return (last.lexical or last.unknown) and not last.word and (
        len(run) == 2 or not run[0].word
    )


def _same_names(text: str, toks: list[_Tok], name: list[bool]) -> None:
    """A word found as someone's name is their name wherever else it is capitalised in the text:
    "her niece Comfort Abiola ... Comfort may have a spare room"."""
    found = {t.key for t, is_name in zip(toks, name, strict=True) if is_name and len(t.key) > 2}
    for i, t in enumerate(toks):
        if not name[i] and t.capital and t.key in found and not (
            t.blocked or t.never or t.brand or _before_a_street(text, toks, i)
            or (t.dated and _DATE_BEFORE.search(text[max(0, t.start - 6) : t.start]))
            or (t.key in _PEOPLES_ALSO_NAMES and 0 < i < len(toks) - 1  # "the Karen church"
                and toks[i + 1].key in _PEOPLES_PLACES and toks[i - 1].key in ("the", "a", "an"))
        ):
            name[i] = True


_SECOND_SYLLABLE = re.compile(r"-([a-z]{2,6})(?![\w\-])(?![ \t]+[A-Z])")


# A list's or a manifest's entry: a surname in capitals and an initial, or the other way round,
# as the item's whole ("2  PILAKUI A          Adult", "Booking QX3: BULAVOU S", "= D GAPIRRI").
_ITEM_END = r"(?=[ \t]{2,}|\t|[ \t]*$|[ \t]*[()])"
_CAPS_WITH_AN_INITIAL = re.compile(
    rf"(?<![\w'’\-])(?P<s>[A-Z][A-Z'’\-]{{3,}}) (?P<i>[A-Z]){_ITEM_END}"
    rf"|(?:^|(?<=[:=\t])|(?<=[ \t]{{2}}))[ \t]*(?P<i2>[A-Z]) "
    rf"(?P<s2>[A-Z][A-Z'’\-]{{3,}}){_ITEM_END}",
    re.MULTILINE,
)


_A_MANIFEST = re.compile(
    r"(?i)\b(?:passengers?|pax|manifest|booking|holders?|names?|surname|crew|tenants?|residents)\b"
    r"|\S[ \t]{2,}\S|\t"
)  # a list's header, or a table's columns


def _listed_in_capitals(text: str, toks: list[_Tok], name: list[bool]) -> None:
    """Marks a list's "PILAKUI A" and "D GAPIRRI": a surname in capitals that no list holds
    as a word, a place or a service (not "PLAN B", "VITAMIN D", "ROOM A"), with its initial."""
    at = {t.start: k for k, t in enumerate(toks)}
    for m in _CAPS_WITH_AN_INITIAL.finditer(text):
        k = at.get(m.start("s") if m["s"] else m.start("s2"))
        if k is None:
            continue
        t = toks[k]
        if t.blocked or t.word or t.place or t.brand or t.never or t.dated or not (
            (t.lexical and t.surname) or (t.unknown and len(_VOWEL.findall(t.key)) >= 2)
        ):
            continue
        if t.unknown and len(_CAPS_WITH_AN_INITIAL.findall(text)) < 2 and not _A_MANIFEST.search(
            text
        ):
            continue  # one line's "NAPLAN B", "ELICOS A", "QCAA B": a grade, not a manifest
        name[k] = True
        letter = at.get(m.start("i") if m["s"] else m.start("i2"))
        if letter is not None and not toks[letter].blocked:
            name[letter] = True


def _runs(text: str, toks: list[_Tok], name: list[bool]) -> list[Hit]:
    """One hit per run of name words; an initial after it goes too ("Dave S." -> "[name].")."""
    hits: list[Hit] = []
    i = 0
    while i < len(toks):
        if not name[i]:
            i += 1
            continue
        j = i
        while (
            j + 1 < len(toks)
            and name[j + 1]
            and _JOIN.fullmatch(text, toks[j].end, toks[j + 1].start)
        ):
            j += 1
        initial = _INITIAL.match(text, toks[j].end) or (
            _CAPS_INITIAL.match(text, toks[j].end) if toks[j].upper else None
        )  # "MARKOVIC I.": after a surname in capitals, even "I." and "A." are initials
        start = toks[i].start
        if (  # "Mr Nabil Haddad", "Aunty Flora Nona": the title goes too; "Dr", ranks stay
            i > 0
            and toks[i - 1].key in lexicon.CIVIL_TITLES
            and not (i > 1 and toks[i - 2].key in _DETERMINERS)  # "his uncle [name]"
            and _TITLE_GAP.fullmatch(text, toks[i - 1].end, start)
            and "\n" not in text[toks[i - 1].end : start]  # "thanks miss\nJax 😤:"
            and not (toks[i - 1].key in _KIN_TITLES and "." in text[toks[i - 1].end : start])
        ):  # but "with aunty. Marlene rang": the kin word ends its sentence
            start = toks[i - 1].start
        if _CLAN.search(text, max(0, start - 3), start):
            start -= 2  # "o'brien" where the "o'" was read as a word of its own
        elif before := _INITIAL_BEFORE.search(text, max(0, start - 12), start):
            start = before.start()  # "K. Akuien Bior", "R. Osei-Bonsu"
        elif toks[i].upper and (
            before := _CAPS_INITIAL_BEFORE.search(text, max(0, start - 3), start)
        ):
            start = before.start()  # "TO D OGUNLESI-FITCH"
        end = initial.end() if initial else toks[j].end
        if not initial and (syllable := _SECOND_SYLLABLE.match(text, end)) and (
            syllable[1] not in lexicon.english_words()
        ):
            end = syllable.end()  # "Fung Kei-leung", "Tse Yuk-mui": a given name's second part
        if initial and (more := _MORE_INITIALS.match(text, end)):
            end = more.end()  # "Phung T.T.", "Cheung P. Y."
        if (surname := _SURNAME_COMMA_BEFORE.search(text, max(0, start - 30), start)) and (
            _a_surname_in_capitals(surname[1], toks, i, _label(text, surname.start(1), end))
        ):
            start = surname.start(1)  # "NIYONKURU, Claudine": the surname in capitals goes too
        if syllable := _SYLLABLE_AFTER.match(text, end):
            end = syllable.end()  # "Han Seung-min", "Yoon Da-eun"
            if park := _PARK_AFTER.match(text, end):
                end = park.end()  # "Yeo-jin Park": the surname, not a park
        hits.append(hit(start, end, "person"))
        i = j + 1
    return hits
