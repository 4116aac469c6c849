"""The clients' own registered identifiers: names, aliases and their misspellings, and the
numbers, date of birth and address on their register record.

Rules for names (the package docstring lists the trade-offs):

* A registered name, alias, any run of their parts, or first + last skipping middle names is
  replaced wherever it is written, in any case, with possessives, hyphens and apostrophes
  (O'Brien, OBrien, O Brien, Smith-Jones, "Ms Jones"). Lowercase, a run of two or more weak
  parts is a name too ("jack potter"), unless it reads as a phrase: a function word then a verb
  ("may hope to attend", "will bill them").
* A *weak* part -- shorter than 3 letters, or also an English word, a month, a place, a
  medication, a relation word ("Hope", "May", "Bill", "Logan", "Jo", "Nan") -- is replaced only
  where it is used as a name: capitalised and next to another part of that client's name, after
  a title ("Ms May"), before a possessive ("May's"); or, from 3 letters and not a pronoun,
  standing alone mid-sentence ("spoke with Hope today") unless it reads as a date ("in May",
  "May 2026") or a place ("moved to Logan", "17 Smith St, Logan") or is one of a run of
  capitalised words ("the Grace Period Policy"), or opening a sentence with a verb, "and", a
  bracket, a colon or "DOB" after it ("Hope said...", "May: rent paid"). So "there is hope",
  "she may attend", "the phone bill" and "Hope to engage Tuesday" survive; "Hope is doing well"
  does not. "He" (a client surnamed He) is replaced only as "Ms He" or "Li He".
* A capitalised word with the client's first letter within edit distance 1 of a name part of
  5-8 letters (2 from 9 letters) is a misspelling, unless it is an English word, a place, a
  medication, or itself a name of the lexicon (someone else's: the third-party detector makes
  it [name]).
* Words of a multi-word place ("Kelvin Grove") or of a capitalised run that names a place or a
  program ("Musgrave Park", "Bond Loan") are no client's name there.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import NamedTuple

from bot.deidentify import land, lexicon
from bot.deidentify.initials import Initials, code_hit
from bot.deidentify.lexicon import word_set
from bot.deidentify.model import KnownClient
from bot.deidentify.patterns import STREET_TYPE_FORMS, UNIT, VEHICLE_WORDS
from bot.deidentify.text import (
    EMOJI,
    HAS_DIGIT,
    LETTERS,
    PLACEHOLDERS,
    THE_BEFORE,
    Hit,
    fold,
    hit,
    name_follows,
    sentence_start,
)
from bot.domain import ClientIdentity

# Given names and surnames that are everyday words but too rare for the word list.
_COMMON_NAMES = word_set(
    """max sonny earl duke baron destiny harmony patience charity trust chance victory major rusty
dusty sandy misty stormy sunny honey pearl rowan sage summer autumn"""
)
_JOINER = re.compile(r"\s+|\s*[-‐‑–]\s*|['’‘`´]\s?")  # what may sit between parts of one name
_TITLE_GAP = re.compile(r"\.?\s+")
_SLACK_MARKS = "*_~"  # bold, italics, strike-through around a word
_POSSESSIVE = re.compile(r"['’‘`]s(?![^\W\d_])")
_INITIAL_BEFORE = re.compile(r"(?<![^\W\d_])([A-Z])\.\s+\Z")
# "d baker": a lowercase letter alone before the name, not one of SMS's words ("w", "n", "u").
_LOWER_INITIAL_BEFORE = re.compile(r"(?<![^\W\d_])(?<!['’`.\-])([b-hjlmo-tvz])\s+\Z")  # not "'s"
_SURNAME_COMMA = re.compile(r",\s?")
_OBJECTS = frozenset({"him", "her", "them", "me", "us", "it", "you", "u"})
# After a word-name in lowercase, a worker it names the kind of: "key worker", "grant officer".
_ROLE_HEADS = word_set("worker workers officer officers lender agent staff manager coordinator")
_KINDS_OF_WORKER = word_set(
    "key case support youth outreach housing bond intake shelter duty night day relief peer"
    " family lead"
)  # not "hope worker": that may be Hope's
SIGNS_ON_AFTER = re.compile(  # "victoria here. …", "Wiki here 🙃 can u"
    rf"\s*(?:[.,!:;—–-]|\Z|lol\b|haha\b|(?:thx|thanks|ty|xx+)\b|{EMOJI})"
)
# A writer's new details after "its <name>": "its ocean my new number", "its rain pls call".
_NEW_DETAILS_AFTER = re.compile(
    r"\s+(?i:(?:my\s+)?new\s+(?:number|no|num|phone|mob|mobile|email|address)|my\s+(?:number"
    r"|phone|mob|mobile|email)|pls|plz|please)\b"
)
# After "<word> here" opening a text, what tells of the place, not who writes: "Summer here
# is brutal", "storm here was bad" (but "goody here pls dont share", "hope here re the bond").
_DESCRIBED_AFTER_HERE = re.compile(
    r"\s+(?i:is|was|has|have|are|were|gets|got\s+so|feels|felt|seems|looks|can\s+be|will\s+be"
    r"|lasts|starts|ends|never|always|too|so|very|really|last|overnight|all|tonight|yesterday"
    r"|this\s+(?:morning|arvo|afternoon|week|year|summer|winter))\b"
)
# What weather does, after "storm here" opening a text ("storm here knocked power out"); not
# when the writer is in it ("storm here hit my head", "rain here blew my chance").
_WEATHERS_DEED_AFTER_HERE = re.compile(
    r"\s+(?i:knocked|cut|flooded|blew|hit|damaged|brought|caused|dumped|tore)\b"
    r"(?![^.!?\n]{0,30}\b(?i:my|me|i|ur|u|your|mums?|by|the\s+kids|forms?|payslips)\b)"
)
WEATHER = word_set("storm rain wind hail cyclone snow frost heat sun summer winter flood fog")
# A scanned word with a zero or a one among its letters ("HRYTSENK0", "W1ktoria").
_OCR_WORD = re.compile(
    r"(?<![\w\-/])(?=[A-Za-z]*[01])(?=[01]*[A-Za-z][01]*[A-Za-z])[A-Za-z01]{4,}(?![\w\-/])"
)
_CAPS_NAME_AFTER = re.compile(r",[ \t]*[A-Z]\b|[ \t]+[A-Z](?:\.|\b(?![\w'’]))")  # "… R."
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_GIVEN_AFTER_COMMA = re.compile(r",[ \t]*([A-Z][a-z'’\-]+)\b")
_AN_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.?[ \t]+\Z")
_WORD_BEFORE = re.compile(r"([^\W\d_]+),?[ \t]+\Z")
_AS_LETTERS = str.maketrans("01", "oi")
_AS_LETTERS_L = str.maketrans("01", "ol")
_INITIAL_AFTER = re.compile(  # "STONE G.", "Phoenix L-M"
    r",?\s([A-Za-z])(?:\.|-(?P<second>[A-Z])\b|(?=\s|\Z))"
)
# A table's first cell, a surname and its initial before the next cell: "Tooth J,denture"
# (an empty "second" group, as _INITIAL_AFTER's matches have one).
_INITIAL_ENDING_A_CELL = re.compile(r" ([A-Za-z])(?P<second>)(?=[,;|\t])")
_DIGIT_RUN = re.compile(r"\d(?:[\s./\-()]{0,3}\d)*", re.ASCII)
_STREET = re.compile(
    r"(?<!\w)(?P<num>\d+[a-z]?(?:\s*-\s*\d+[a-z]?)?)\s+"
    r"(?P<name>[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,3}?)\s+"
    rf"(?P<type>{'|'.join(sorted(STREET_TYPE_FORMS, key=len, reverse=True))})\b\.?",
    re.IGNORECASE,
)
# "Brunswick Street Mall", "the Ipswich Road camp": a place, not where someone lives; but not
# "bus" alone: "the Lytton Road bus goes past" names the client's street.
_LANDMARK_AFTER = re.compile(
    rf"\s+(?:{'|'.join(sorted(lexicon.LANDMARKS))}|bus\s+(?:stop|shelter|interchange))\b",
    re.IGNORECASE,
)
# After a suburb, what makes it a place's name ("punchbowl public school", "WOOLLOONGABBA POLICE
# STATION", "Woolloongabba PCYC"), in any case.
_A_PLACE_AFTER_SUBURB = re.compile(
    r"[ \t]+(?:[\w'’]+[ \t]+){0,2}(?:"
    + "|".join(sorted(lexicon.LANDMARKS | {"school", "club", "pcyc", "police", "college",
                                              "centre", "center", "hotel", "pub", "rsl", "tafe",
                                              "clinic", "office", "court", "library", "pool"}))
    + r"|bus\s+(?:stop|shelter|interchange))\b",
    re.IGNORECASE,
)
_PLACE_AFTER = word_set("central city station qld nt area hospital library plaza mall via")
# A local government's style before its town: "the Shire of Denmark", "City of Gawler".
_COUNCILS = word_set("shire city town municipality borough district region")
# What a town has, after its name: "Dover jetty", "Denmark outreach day", "Denmark Men's Shed".
_TOWNS_THINGS = word_set("outreach jetty shire men mens showgrounds foreshore visitor")


class Word(NamedTuple):
    start: int
    end: int
    key: str  # casefolded
    caps: bool  # starts with a capital
    title: bool  # Title Case (not ALL CAPS)
    opens: bool  # first word of a sentence

    # Read as one of the third-party detector's words (names.py), an ordinary lowercase word,
    # which is most words of a note, has nothing to say: these save making a new one for it.
    cap = upper = capital = blocked = anchor = False
    given = surname = word = place = dated = brand = never = lexical = unknown = False


@dataclass(frozen=True)
class _Name:
    codes: frozenset[str]
    weak: bool  # every word short or a common word: needs the context rule


# A word broken at a line's end by a hyphen, as text pasted from a PDF keeps it: "Kova-\nlenko".
_LINE_END_HYPHEN = re.compile(r"[-‐‑­][ \t]*\r?\n[ \t]*")


def words(text: str, registered: AbstractSet[str] = frozenset()) -> list[Word]:
    """The text's words; one broken at a line's end is joined again if it makes a registered
    name word (``registered``) or a listed name ("Kova-\nlenko")."""
    out: list[Word] = []
    append = out.append
    prev_end = 0
    found = LETTERS.finditer(text)
    if "\n" in text and _LINE_END_HYPHEN.search(text):
        found = _mended(text, found, registered)
    for m in found:
        w = m.group()
        start, end = m.span()
        if w[0].isupper():
            title = len(w) == 1 or not w.isupper()
            # Between two words of one sentence there is mostly a single space: no regex then.
            opens = text[prev_end:start] != " " and sentence_start(text, prev_end, start)
            append(_new(Word, (start, end, w.casefold(), True, title, opens)))
        else:  # where a lowercase word opens a sentence is found when needed: see opens()
            append(_new(Word, (start, end, w.casefold(), False, False, False)))
        prev_end = end
    return out


class _Mended(NamedTuple):
    """Two pieces of a word read as one: the text's span, and its letters."""

    start: int
    end: int
    letters: str

    def group(self) -> str:
        return self.letters

    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _mended(
    text: str, found: Iterator[re.Match[str]], registered: AbstractSet[str]
) -> Iterator[re.Match[str] | _Mended]:
    """The words, with one broken by a hyphen at a line's end joined again when it goes on in
    lowercase and makes a name ("Kova-" "lenko"); "Smith-" "Jones" stays two words, each a
    name, and "Centrelink-" "they will call" a word and a dash."""
    pending: re.Match[str] | None = None
    for m in found:
        if pending is not None:
            gap = _LINE_END_HYPHEN.fullmatch(text, pending.end(), m.start())
            key = (pending.group() + m.group()).casefold()
            if gap and m.group()[0].islower() and (
                key in registered or key in lexicon.surnames() or key in lexicon.given_names()
            ):
                yield _Mended(pending.start(), m.end(), pending.group() + m.group())
                pending = None
                continue
            yield pending
        pending = m
    if pending is not None:
        yield pending


_new = tuple.__new__  # a named tuple without its Python-level constructor: many are made


def opens(text: str, tokens: list[Word], i: int) -> bool:
    """Does word ``i`` open a sentence? (SMS notes open them in lowercase: "frank?? no show".)"""
    t = tokens[i]
    if t.caps:
        return t.opens
    prev_end = tokens[i - 1].end if i else 0
    return text[prev_end : t.start] != " " and sentence_start(text, prev_end, t.start)


def place_spans(
    text: str, tokens: list[Word], keys: AbstractSet[str] | None = None
) -> list[tuple[int, int]]:
    """Where places of two or more words are -- listed ones ("Kelvin Grove", "Daisy Hill") and
    capitalised runs ending in a word like Park, Mall, Loan, Centre ("Musgrave Park", "Queen
    Street Mall", "Bond Loan"; "Access Community Services English class": up to the strong
    head word) -- whose words are nobody's name there. A run ending in a word that
    is also a surname ("Park", "Hall") is a place only if it does not open with a given name:
    "Jane Park" is a person."""
    listed = keys is None or not lexicon.place_firsts().isdisjoint(keys)
    spans = _listed_places(text, tokens) if listed else []
    given, words_ = lexicon.given_names(), lexicon.english_words()
    run_start = 0
    for i, t in enumerate(tokens):
        if not t.caps:
            run_start = i + 1
            continue
        if i > run_start and text[tokens[i - 1].end : t.start] != " ":
            run_start = i
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if not t.title and nxt and nxt.caps and (
            (t.key.endswith(("ed", "ing")) and t.key in words_)
            or (t.key in lexicon.NAME_FOLLOWERS and t.key not in _JOINS_A_PLACE)
        ):
            run_start = i + 1  # in capitals, a verb ends what came before: "SHAZ FINISHED UNIT
            continue  # 4", "SHAZ DID UNIT 4"
        if i == run_start:
            continue
        if t.key in DENOMINATIONS and nxt and not nxt.caps and nxt.key in _FAITHS_PLACES and (
            text[t.end : nxt.start] == " "
        ) and not any(  # "Mrs Mary Smith Catholic school teacher", "mum Mary Smith …"
            w.key in lexicon.RELATIONS or w.key in lexicon.TITLES
            for w in tokens[max(0, run_start - 1) : i]
        ) and not _someone_before_a_faith(tokens, run_start, i):
            # "Santa Maria Catholic school", "Mary MacKillop Catholic college"
            spans.append((tokens[_joined_run_start(text, tokens, run_start)].start, nxt.end))
            continue
        if nxt and nxt.caps and text[t.end : nxt.start] == " " and not (
            t.key in lexicon.PLACE_HEADS and all(w.title for w in tokens[run_start : i + 1])
        ):
            continue  # not the last word of a run, nor a head word inside one (in capitals,
            # "ROWAN NOT AT SHELTER LAST NIGHT" is no place)
        before = tokens[i - 1]
        knight = tokens[run_start].key == "sir" and i - run_start >= 3
        if (tokens[run_start].key in lexicon.TITLES and not knight) or (
            run_start > 0 and tokens[run_start - 1].key in lexicon.TITLES
        ):  # but "Sir David Longland Correctional Centre" is named for one
            continue  # "Dr Amal Health", "dr Tomas Group": a person with a title
        if t.key in lexicon.OWNED_HEADS and before.key != "real" and (
            _someones(tokens[run_start:i], given)
        ):
            continue  # "the Ravenscroft Estate", "Told Brax Kuchel Agents": a person's
        if t.key in lexicon.PLACE_HEADS or (
            t.key in lexicon.FIRM_HEADS and before.key not in lexicon.TITLES
            and not (before.key in given and text[t.end : t.end + 1] == ":")
        ) or (  # "Nolan Gallery", "Lindsay Transport"; but "Jayden Transport: booked"
            t.key in lexicon.WEAK_PLACE_HEADS
            and before.key not in given  # "Jane Park" is a person
            and before.key not in lexicon.TITLES  # "Ms Hall" too
            and not (before.opens and before.key in words_)  # "Phoned Hill": Hill is the name
        ):
            spans.append((tokens[_joined_run_start(text, tokens, run_start)].start, t.end))
    return spans


_JOINS_A_PLACE = frozenset({"and", "or"})  # "TORRES AND CAPE HOSPITAL"
DENOMINATIONS = word_set(
    "catholic anglican uniting baptist lutheran orthodox christian islamic jewish adventist"
    " presbyterian pentecostal"
)
_FAITHS_PLACES = word_set("school college church parish primary kindy kindergarten mosque")
# Patrons that schools and parishes are named for, a given name and a surname.
_PATRONS = frozenset(
    tuple(p.split()) for p in (
        "mary mackillop", "catherine mcauley", "edmund rice", "thomas more", "francis xavier",
        "john paul", "nano nagle", "don bosco", "john bosco", "oscar romero", "mary magdalene",
        "padre pio", "mother teresa", "john henry", "dominic savio", "marcellin champagnat",
    )
)


def _someone_before_a_faith(tokens: list[Word], start: int, faith: int) -> bool:
    """A given name and a surname before "Catholic school" are a person ("Spoke to John Smith
    Catholic school principal"), unless a saint's or a patron's ("St John Bosco", "Mary
    MacKillop Catholic college")."""
    run = tokens[start:faith][-2:]
    before = faith - 3
    if len(run) != 2 or run[0].key in _SAINTS or (
        before >= 0 and tokens[before].key in _BEFORE_A_PATRON
    ):
        return False
    first, last = run[0].key, run[1].key
    return (first, last) not in _PATRONS and first in lexicon.given_names() and (
        last in lexicon.surnames()
    )


_BEFORE_A_PATRON = word_set("st saint the our ss sts")
_SAINTS = word_set("santa san santo sao são saint sainte")
_NEXT_IN_CAPITALS = re.compile(r"[ \t]+([A-Z][A-Z'’]+)\b")
# After "WILL" or "MAY" in capitals, what a modal takes: "MANAGER WILL NOW FOLLOW UP",
# "PARTICIPANT MAY ALSO NEED" (not "WILL RANG").
_A_MODALS_NEXT = re.compile(
    r"[ \t]+(?:BE|NEED|HAVE|GET|GO|COME|FOLLOW|CALL"
    r"|RING|CONTACT|PROVIDE|ATTEND|CONTINUE|HELP|SUPPORT|LOOK|CHECK|SEND|MAKE|TAKE|DO|APPLY"
    r"|ARRANGE|REQUIRE|RECEIVE|KEEP|STAY|REMAIN|TRY)\b"
    # an adverb, then a verb as a modal takes it: "WILL NOW FOLLOW UP", "MAY ALSO NEED"; not
    # "MAY ALSO CAME", "WILL NOW LIVING", "WILL ALSO WANTS" (a person, then their deed)
    r"|[ \t]+(?:ALSO|NOW|NOT|STILL|THEN|JUST|ONLY|PROBABLY|LIKELY|SOON)"
    r"(?:[ \t]+(?!(?!(?:NEED|FEED|PROCEED|SUCCEED|EXCEED|SHRED|BLEED|SPEED|BREED)\b)[A-Z]*ED\b"
    r"|(?!(?:RING|BRING|SING|STING|SWING|BRING|SPRING)\b)[A-Z]*ING\b"
    r"|(?:CAME|SAID|WENT|HAS|HAD|WAS|IS|WERE|ARE|GOT|RANG|SAW|TOLD|LEFT|TOOK|GAVE|FOUND|MET|KEPT"
    r"|SENT|BROUGHT|TO)\b|(?!(?:DISCUSS|ASSESS|ACCESS|ADDRESS|PROCESS|PASS|CROSS|PRESS"
    r"|DRESS|MISS|BLESS|FOCUS|BUS|CHASE)\b)[A-Z]*[^S\W]S\b)[A-Z]+\b|[ \t]*[.,;:]|\Z)"
)
# What is done to a document or a bill, not to a person: "SENT BILL TO CENTRELINK".
_THINGS_VERBS = word_set(
    "sent updated signed paid posted emailed printed scanned lodged forwarded faxed filed drafted"
    " received mailed attached uploaded submitted returned cancelled renewed changed read"
    # what only a document or a bill is: "REVISED WILL FROM THE SOLICITOR", "DISPUTED BILL"
    " revised amended disputed itemised itemized estimated unexpected combined discounted"
    " inflated corrected overdue unpaid witnessed executed contested probated"
)
# Words in -ed that a document or a bill is, whatever follows: no one is "DISPUTED".
_THINGS_ADJECTIVES = word_set(
    "updated revised amended disputed itemised itemized estimated unexpected combined discounted"
    " inflated corrected unpaid witnessed executed contested probated forwarded"
)
_TO_SOMEWHERE = re.compile(r"[ \t]+(?:TO|INTO|HOME|BACK|FROM|OUT)\b")
# After a thing's word in -ed, what is done to a document or a bill: "UPDATED WILL WAS SIGNED",
# "SENT BILL WAS PAID" (but "ESCORTED WILL WAS CALM": a person).
_A_THINGS_DEED = re.compile(
    r"[ \t]+(?:WAS|IS|WERE|ARE|HAS[ \t]+BEEN)[ \t]+(?:SIGNED|PAID|WITNESSED|LODGED|SENT|RECEIVED"
    r"|APPROVED|REJECTED|DECLINED|ISSUED|DUE|OVERDUE|CANCELLED|READ|FILED|UPDATED|CHANGED"
    r"|DRAFTED|PROCESSED|RENEWED|EXECUTED|PROBATED|CONTESTED|VALID|INVALID|SUBMITTED|POSTED"
    r"|PRINTED|SCANNED|REDUCED|WAIVED|REFUNDED|TOO|ALREADY|NOT)\b"
)


_DETERMINER = word_set("a an the this that her his my our their your its")
_A_THINGS_WORDS = _DETERMINER | word_set(
    "no these those we i you they he she it any some every each"
)


def _a_things_word_before(prev: Word) -> bool:
    """Before a word in capitals, a determiner, a pronoun or another noun ("POWER BILL", "PHONE
    BILL"): the word is a thing's, not a person's. Not a verb ("DROVE HOPE WAS TIRED", "PICKED
    UP HOPE"), nor a person's role ("CLEANER ROSE WAS LATE")."""
    return prev.key in _A_THINGS_WORDS or (
        not _a_verb_or_a_role(prev.key)
        and prev.key in lexicon.english_words()
        and prev.key not in lexicon.given_names()
        and prev.key not in lexicon.surnames()
        and prev.key not in lexicon.CONTACT_CUES
        and prev.key not in lexicon.FUNCTION_WORDS
        and prev.key not in lexicon.RELATIONS
        and prev.key not in lexicon.TITLES
    )


_PEOPLES_ROLES = word_set(
    """client clients tenant tenants resident residents nurse driver cleaner worker workers
    carer support officer manager boss teacher student patient participant member volunteer
    doctor gp counsellor lawyer solicitor advocate caseworker coordinator landlord agent
    neighbour neighbor housemate flatmate youth kid lady man woman bloke fella girl boy guy
    mentor coach tutor interpreter chaplain pastor warden guard"""
)
# After a verb, the word that ends it: "PICKED UP HOPE", "DROPPED OFF WILL".
_VERBS_PARTICLES = word_set("up off in out back over down around")
_PAST_VERBS = word_set(
    "drove gave found saw met took got rang brought told kept put ran left heard fed sat"
    # what a worker did with someone: "HELPED DALE PASSED", "COLLECTED WILL IS STAYING" (but
    # "UPDATED WILL WAS SIGNED", "SENT BILL WAS PAID": a thing)
    " helped collected dropped picked called visited supported phoned texted emailed"
    " transported accompanied referred assisted contacted advised reminded informed asked"
    " booked checked interviewed assessed welcomed greeted warned encouraged housed fetched"
)


def _a_verb_or_a_role(key: str) -> bool:
    """A verb in the past ("DROVE", "HELPED"), a verb's particle ("PICKED UP") or a person's
    role ("TENANT", "NURSE"): what a name follows, where a thing's word would not."""
    return key in _PEOPLES_ROLES or key in _VERBS_PARTICLES or key in _PAST_VERBS or (
        key in _PHRASE_OPENERS  # "HAPPY HOLLY IS BACK"; "HAPPY NEW YEAR" has no deed after
    )  # a word in -ed before "WAS" tells of a thing: "UPDATED WILL WAS SIGNED"


_TURNS_AN_AGE = re.compile(r"[ \t]+turn(?:s|ed|ing)[ \t]+\d")
# "a Welcome to Country", "Welcome to Country by Aunty …"; not "took Welcome to Country Music".
_A_SET_PHRASES_END = re.compile(
    r"[ \t]+to[ \t]+Country(?=[ \t]*(?:[.,;:!?()\n\-–—]|$)"
    r"|[ \t]+(?:ceremony|by|from|was|is|at|and|with"
    r"|opened|to[ \t]+open|performed|given|then|for|first|n|&|4|in|on|today|yesterday"
    r"|this|next|last)(?![\w&]))"
)
_A_SET_PHRASE_BEFORE = re.compile(
    r"(?i)(?:\b(?:a|the|with|did|gave|give|giving|performed|perform|for|and|n|naidoc|formal)|[:&])"
    r"[ \t]+\Z"
)
_HOUSEHOLDS = word_set("family families household mob clan kids siblings")
_PHRASE_OPENERS = word_set("buon feliz maligayang manigong simbang noche merry happy")


def _a_things_phrase(text: str, tokens: Sequence[Word], i: int) -> bool:
    """A lowercase word-name inside a thing's phrase: joined by a hyphen to an everyday word
    ("round-robin", "robin-red"), after a determiner and another word ("a paper garland", "the
    christmas robin"), or after a greeting's first word ("buon natale", "merry christmas")."""
    t = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is None or (nxt is not None and nxt.key in lexicon.SPOKE):
        return False  # "the bond chase said he will": a subject
    gap = text[prev.end : t.start]
    if gap == "-" and not prev.caps and prev.key in lexicon.english_words() and (
        prev.key not in lexicon.given_names() and prev.key not in lexicon.surnames()
    ):
        return True
    if gap == " " and prev.key in _PHRASE_OPENERS:
        return nxt is None or nxt.key not in lexicon.NAME_FOLLOWERS  # not "happy holly is back"
    return gap == " " and i > 1 and tokens[i - 2].key in _DETERMINER and not prev.caps and (
        prev.key not in _PEOPLES_ROLES  # "the client hope missed", "the nurse pearl came"
        and prev.key in lexicon.english_words() and prev.key not in lexicon.given_names()
        and prev.key not in lexicon.FUNCTION_WORDS and prev.key not in lexicon.RELATIONS
        and prev.key not in lexicon.TITLES
        and text[tokens[i - 2].end : prev.start] == " "
    )


def _a_deed_in_capitals(text: str, end: int) -> bool:
    """In capitals, a person's verb after the word: "PASSED", "IS", "RANG" (not "AND")."""
    m = _NEXT_IN_CAPITALS.match(text, end)
    if m is None:
        return False
    word = m[1].casefold().replace("’", "'")
    return (word in lexicon.NAME_FOLLOWERS and word not in _JOINS_A_PLACE) or (
        len(word) > 4 and word.endswith("ed") and word in lexicon.english_words()
    )


def _someones(run: Sequence[Word], given: AbstractSet[str]) -> bool:
    """Is a word of ``run`` a given name or a surname that is no listed place?"""
    return any(
        w.key in given or (w.key in lexicon.surnames() and not lexicon.listed_place([w.key]))
        for w in run
    )


# Before a street's name: "the George Street office", "on Victoria Road" (not "into", "with").
STREET_BEFORE = word_set(
    "the on at in near along off from via up down past onto across opposite behind cnr corner"
)
# Street types that are no one's surname: "George Street", "Victoria Road" are streets ("St",
# "Dr", "Lane", "Court" may be a saint, a doctor or a person).
STREET_HEADS = word_set(
    "street road rd avenue ave highway hwy parade pde terrace tce crescent cres boulevard blvd"
)


_QUOTES = frozenset("\"'“”‘’")
_GREETINGS = word_set(
    "hi hey hello hiya dear yo morning salam salaam bula talofa malo ora namaste ciao hoi gday"
)
# Said after the name of someone greeted: "salam saki jan", "hi rain bro".
_ENDEARMENTS = word_set("jan joon jaan ji bro sis mate love darl")
# The end of a field's value: "FRAME   Given name", "Frame, Nuala", "Frame\n" (not "Ward 4",
# "Major issue with rent").
_FIELD_ENDS = re.compile(
    r"[ \t]*(?:\Z|\n|[ \t]{2,}|\t|[,;|(&/]|\.(?:\s|\Z))"
    r"|[ \t]+(?:MRN|URN|UR|DOB|D\.O\.B|x\d|\d+ ?(?:yo|y/o|yrs|y)\b"
    r"|(?i:given|first|other|middle|preferred)\b)"
)
# A form's field for a person's name, its value next: "Surname: FRAME", "Given name(s):\tIris".
_NAME_FIELD = re.compile(
    r"(?i:\b(?:sur|family |last |given |first |preferred |full |client |patient |resident )?"
    r"names?(?:\(s\))?|\bpatient|\bclient|\bresident|\btenant|\bapplicant|\brespondent"
    r"|\bknown as|\baka)[ \t]*[:=|][ \t]*(?:[A-Za-z'’\-]+,?[ \t]+)?\Z"
)
# Who wrote a line of a chat or a text log, its time next ("Trace 6:30pm: yeah", "Hula 8/4
# 6:40pm: Mālō"), or who sent an email, the address next ("Sari <sari.k91@gmail.com>").
_SENDER_AFTER = re.compile(
    r"[ \t]+(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+)?\d{1,2}[:.]\d{2}[ \t]?(?i:[ap]\.?m\.?)?[ \t]*:"
    r"|[ \t]*<[^\s<>@]+@[^\s<>]+>"
)
# Where a line's sender is written: its start, a bullet, or a mail's "From:".
_A_LINES_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[-•*][ \t]*|(?i:from|sender)[ \t]*:[ \t]*)?\Z")
# Between the names of one person in a list of what they are called: "Barnaby = barns = Barney".
_EQUALS = re.compile(r"\s*[=≈]\s*|\s+(?:aka|a\.k\.a\.?)\s+", re.IGNORECASE)

# Rooms, wards and beds with their number: "Ward 4K", "Rm 4", "Bed 11" are no one; but "Spoke
# with Ward 3 times", "Rang Ward 4 days ago", "Saw Ward 2x" are someone.
_NUMBERED = word_set("ward rm room bed court psalm psalms hymn verse chapter")  # "Psalm 91"
_COUNT_AFTER = (
    r"\s*(?:times?|x\b|days?|weeks?|wks?|months?|years?|yrs?|hours?|hrs?|mins?|minutes?|am\b"
    r"|pm\b|a\.m|p\.m|o'?clock|kids?|children|nights?|calls?|texts?|visits?|yo\b|y/o|y\.o"
    r"|people|more|others?|of\b|or\b|to\b|and\b|-)"
)
_NOT_A_MEASURE = (
    r"(?![ \t]*(?i:kms?|kgs?|k|m|km/h|hrs?|hours?|mins?|l|litres?|metres?|cm|mm|x)\b|[ \t]*%)"
)
# "Ward 4K", "Ward B2", "Ward 4.1" (not "Ward 12.50": money; nor "Ward 3.5 km"), "Bed 11"
_ROOM_NUMBER = re.compile(
    rf" (?:\d{{1,3}}[A-WYZa-wyz]|[A-Z]\d{{1,2}}|\d{{1,2}}\.\d(?!\d){_NOT_A_MEASURE}"
    rf"|(?P<bare>\d{{1,3}})(?!{_COUNT_AFTER}))"
    r"(?![\w/\-:]|\.\d)"
)


def numbered_place(text: str, t: Word) -> bool:
    """ "Ward 4K", "Rm 4, …", "Bed 11 is …" (a capitalised word after a bare number); "in Court
    2", "(Court 3)" (not "drove Court 2 the station")."""
    if t.key not in _NUMBERED:
        return False
    m = _ROOM_NUMBER.match(text, t.end)  # a ward needs a ward's letter: "Gave Ward 2 vouchers"
    if m is None or (m["bare"] and t.key == "ward" and not _WARD_BEFORE.search(
        text, max(0, t.start - 8), t.start
    ) and not (  # a list's or a table's item: "Calvary Mater, Ward 5, palliative"
        _AN_ITEM_BEFORE.search(text, max(0, t.start - 3), t.start)
        and _AN_ITEM_ENDS.match(text, m.end())
        and not _AN_AGE_AFTER.match(text, m.end())  # "Kids: Harper 5, Ward 3, Isla 2": ages
        and not _AN_AGE_BEFORE.search(text, max(0, t.start - 30), t.start)
    )):
        return False
    if t.key in _SCRIPTURE:  # "Psalm 91", "read psalm 23"; not "Saw Psalm 14 Feb", "Gave Psalm
        # 20 dollars", "MET VERSE 4 TIMES": a client called Psalm or Verse
        return not (
            _NOT_SCRIPTURE_AFTER.match(text, m.end())
            or _NOT_SCRIPTURE_BEFORE.search(text, max(0, t.start - 12), t.start)
        )
    if t.key != "court":
        return True
    before = _COURT_BEFORE.search(text, max(0, t.start - 12), t.start)
    return before is not None or _ROOM_ENDS.match(text, m.end()) is not None


_SCRIPTURE = word_set("psalm psalms hymn verse chapter")
_NOT_SCRIPTURE_AFTER = re.compile(
    rf"(?i:{_COUNT_AFTER}|\s*(?:{'|'.join(sorted(lexicon.MONTHS, key=len, reverse=True))}"
    r"|dollars?|bucks|cents?)\b)"
)
_NOT_SCRIPTURE_BEFORE = re.compile(
    r"(?i:\b(?:saw|met|gave|give|rang|called|told|visited|asked|paid|drove|took|with|and|for"
    r"|see|meet|call|ring|text|texted|tell|ask|pay|drive|take|helped|help)\s+)\Z"
)
_WARD_BEFORE = re.compile(r"(?i:\b(?:on|in|to|from|at|into)\s+|\(\s*)\Z")  # "on Ward 4"
_AN_ITEM_BEFORE = re.compile(r"(?:[,|;]\s*|^)\Z", re.MULTILINE)
_AN_ITEM_ENDS = re.compile(r"[ \t]*(?:[,|;)]|\n|\Z)")
_AN_AGE_AFTER = re.compile(r"[ \t]*[,;|\n]\s*[A-Z][a-z]+[ \t]+\d{1,2}\b")
_AN_AGE_BEFORE = re.compile(r"[A-Z][a-z]+[ \t]+\d{1,2}[ \t]*[,;|\n]\s*\Z")
_COURT_BEFORE = re.compile(r"(?i:\b(?:in|at|to|from|before|into)\s+|\(\s*)\Z")
_ROOM_ENDS = re.compile(r"\s*(?:[)\]]|\n|\Z)")


# A new clause after these: a word-name then a verb is its subject ("so river stayed home").
_CLAUSE_OPENERS = word_set("so but because cos coz when while if then until once though although")
# Subject cues that a word may be the subject of too ("but hope is fading", "so will can wait").
_NOT_DONE_BY = lexicon.MODALS | lexicon.RELATIONS | word_set(
    "is was were has had not new back home still safe fine good well k kk ok okay at w with n &"
    " number num no then and or also now already been seems seemed appears appeared remains"
    " remained continues lost found"
)


def _names_a_street(text: str, tokens: list[Word], i: int) -> bool:
    """A given name or a place, alone before a street type: "at the George Street office", but
    not "George Fifita Street" nor "Saw George Street" (the name may be the word before's)."""
    t = tokens[i]
    if i + 1 >= len(tokens) or not t.title or not (
        t.key in lexicon.given_names() or t.key in lexicon.place_words()
    ):
        return False  # "Fifita Street": a rare name is the person's, whatever follows
    nxt = tokens[i + 1]
    if not (nxt.title and nxt.key in STREET_HEADS and text[t.end : nxt.start] == " "):
        return False
    if name_follows(text, nxt.end) or i == 0 or t.opens:
        return False  # "George Street rang", "Bilal Street Smart graduate": someone
    return tokens[i - 1].key in STREET_BEFORE  # "at the George Street office", "on Kent Road"


def _joined_run_start(text: str, tokens: list[Word], start: int) -> int:
    """Back over "X and"/"X of" before a run that ends in a head word: "Wyndham Community and
    Education Centre", "Survivors of Torture and Trauma Service" are one name each."""
    while True:
        of_the = start >= 3 and [t.key for t in tokens[start - 2 : start]] == ["of", "the"]
        link = 2 if of_the else 1
        if not (
            start >= link + 1
            and tokens[start - link].key in _RUN_LINKS
            and not any(t.caps for t in tokens[start - link : start])
            and tokens[start - link - 1].caps
            and all(
                text[tokens[k].end : tokens[k + 1].start] == " "
                for k in range(start - link - 1, start)
            )
        ):
            break
        k = start - link - 1  # "Star of the Sea Cathedral"
        while (
            k > 0
            and tokens[k - 1].caps
            and text[tokens[k - 1].end : tokens[k].start] == " "
            and not tokens[k].opens
        ):
            k -= 1
        if not all(
            _plain(tokens[m].key) or (of_the and _a_word_not_a_surname(tokens[m].key))
            for m in range(k, start - link)
        ):
            break  # "Rang Jane Smith and Education Centre staff": Jane Smith is someone
        start = k
    return start


def _a_towns_phrase(text: str, tokens: list[Word], i: int) -> bool:
    """A town's name where only a town stands: "the Shire of Denmark", "Dover jetty", "Denmark
    Men's Shed", "Dover outreach day"."""
    t = tokens[i]
    if not t.caps or not (t.key in lexicon.place_words() or t.key in lexicon.places_also_names()):
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (i > 1 and tokens[i - 1].key == "of" and tokens[i - 2].key in _COUNCILS
            and tokens[i - 2].caps and joined(text, tokens, i - 2, 3)) or (
        nxt is not None and nxt.key in _TOWNS_THINGS and text[t.end : nxt.start] == " "
    ) or _on_a_route(text, tokens, i)


def _on_a_route(text: str, tokens: list[Word], i: int) -> bool:
    """A stop of a road or a bus route: "closed between Denmark and Walpole for roadworks",
    "buses to Evatt and Belconnen", "Huonville – Geeveston – Dover – Southport"."""
    keys = [tokens[k].key for k in range(max(0, i - 9), i)]
    if _POSSESSIVE.match(text, tokens[i].end):
        return False  # "the bus to Evatt's place": hers
    first = keys[-1:] == ["between"]
    if first or (keys[-3:-2] == ["between"] and keys[-1:] == ["and"]):
        other = (tokens[i + 2] if i + 2 < len(tokens) and tokens[i + 1].key == "and" else None
                 ) if first else tokens[i - 2]
        if other is None or not other.caps or not _a_place_word(other.key):
            return False  # "open between Dover and her dad now", "… Dover and Mum"
        lo = max(0, i - 9)
        return any(
            tokens[k].key in _ROUTE_WORDS and not _SENTENCE_END.search(text, tokens[k].end,
                                                                         tokens[i].start)
            for k in range(lo, i)
        )  # not "Roadworks! Between Grafton and her sister …"
    if keys[-1:] == ["to"] and keys[-2:-1] and keys[-2] in _ROUTE_WORDS:
        return keys[-2] in _ROADS or (i + 2 < len(tokens) and tokens[i + 1].key in ("and", "or")
                                      and tokens[i + 2].caps
                                      and _a_place_word(tokens[i + 2].key))
        # "the road to Elliott", "buses to Evatt and Belconnen"; not "Explained the bus to
        # Evatt", "gave the bus fare to Dover"
    dash_before = _ROUTE_DASH.fullmatch(text, tokens[i - 1].end, tokens[i].start) if i else None
    dash_after = i + 1 < len(tokens) and _ROUTE_DASH.fullmatch(
        text, tokens[i].end, tokens[i + 1].start
    )
    return bool(dash_before and dash_after and tokens[i - 1].caps and tokens[i + 1].caps and (
        tokens[i - 1].key in lexicon.place_words() or tokens[i + 1].key in lexicon.place_words()
    ))


def _a_place_word(key: str) -> bool:
    return key in lexicon.place_words() or lexicon.listed_place([key])


_ROUTE_WORDS = word_set(
    "road highway hwy closed open reopened roadworks detour bus buses train trains coach ferry"
    " flight flights drive driving"
)
_ROADS = word_set("road highway hwy")
_ROUTE_DASH = re.compile(r" [–—-] ")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _a_word_not_a_surname(key: str) -> bool:
    """ "Star" (of the Sea): a given name, but a word, and no one's surname."""
    return key in lexicon.english_words() and key not in lexicon.surnames()


def _plain(key: str) -> bool:
    """A word no person is called: an English word or a place or a listed non-name, and no
    given name or title."""
    if key in lexicon.place_words() or key in lexicon.not_names():
        return True
    if key in lexicon.given_names() or key in lexicon.surnames() or key in lexicon.TITLES:
        return False  # "Smith", "Baker": a word, and as likely someone
    return key in lexicon.english_words() or key in lexicon.places_also_names()  # "Wyndham"


_RUN_LINKS = frozenset({"and", "of", "for"})


def _listed_places(text: str, tokens: list[Word]) -> list[tuple[int, int]]:
    """Listed places and services of two or more words, written as one name: its words
    capitalised (but "of", "de"…) and side by side ("Mercy Health"; not "Mercy, Health Care
    Card" nor "called mercy health": there Mercy may be someone)."""
    phrases = lexicon.place_phrases()
    spans: list[tuple[int, int]] = []
    keys: list[str] = []
    for i, t in enumerate(tokens):
        candidates = phrases.get(t.key)
        if candidates and (t.caps or t.key in _LINK_WORDS):  # "the Alfred"
            keys = keys or [w.key for w in tokens]
            for phrase in candidates:
                n = len(phrase)
                if tuple(keys[i : i + n]) == phrase and all(
                    (w.caps or w.key in _LOWER_IN_PHRASE  # and "Galiwin'ku": one word
                     or text[tokens[k - 1].end : w.start] in ("'", "’"))
                    and (_PHRASE_GAP.fullmatch(text, tokens[k - 1].end, w.start) or (
                        text[tokens[k - 1].end : w.start] == ", " and "and" in phrase[k - i :]
                    ))  # "Births, Deaths and Marriages": a list that is one name
                    for k, w in enumerate(tokens[i + 1 : i + n], i + 1)
                ) and not (_a_surname_like_a_place(text, tokens, i, phrase) and not (
                    _A_PLACES_MODIFIER.match(text, tokens[i + n - 1].end)
                )) and not (
                    _SOMEONES_WORD_BEFORE.search(text, max(0, t.start - 16), t.start)
                    and t.key in lexicon.given_names() and phrase not in lexicon.service_phrases()
                ):
                    spans.append((t.start, tokens[i + n - 1].end))
                    break
    return spans


# Before a place's words, who would be named there instead: "Ms Tom Price called", "Her friend
# Frances Bay rang", "Dear Corindi".
_SOMEONES_WORD_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Uncle|Aunty|Auntie|Dear)\.?|\b(?i:uncle|aunty|auntie|friend"
    r"|mate|brother|sister|cousin|partner|son|daughter|mum|dad|nan|pop|boyfriend|girlfriend"
    r"|husband|wife))[ \t]+\Z"
)


# How places abroad open that surnames open too: "San Pedro", "La Paz", "Abu Kamal", "Koh Kong".
_SURNAMES_OPENERS = frozenset(
    {"san", "santa", "santo", "sao", "la", "las", "los", "el", "al", "abu", "ben", "bin", "koh",
     "ban", "de", "da", "del", "le", "ali", "long", "sam", "bien", "tham", "ah"}
)


def _a_surname_like_a_place(
    text: str, tokens: list[Word], i: int, phrase: tuple[str, ...]
) -> bool:
    """A place's name abroad written as a person's surname: after a given name ("Ernesto San
    Pedro"), a title ("Mrs La Paz", "Dr Koh Kong") or a relation ("her uncle Abu Kamal")."""
    if phrase[0] not in _SURNAMES_OPENERS or i == 0:
        return False
    prev = tokens[i - 1]
    if text[prev.end : tokens[i].start] not in (" ", ": "):
        return False
    return (
        (prev.caps and prev.key in lexicon.given_names() and not lexicon.listed_place([prev.key]))
        or prev.key in lexicon.TITLES or prev.key in lexicon.RELATIONS or prev.key in _PERSONS_WORDS
    )


# After a place, what it says something of: "Da Nang dialect", "San Diego trip", "Los
# Angeles-based", "El Salvador family" (not "San Pedro said", "La Paz's phone").
_A_PLACES_MODIFIER = re.compile(
    r"(?:-based\b|[ \t]+(?:dialect|accent|job|jobs|trip|trips|company|firm|family|families"
    r"|exchange|office|branch|campus|flight|visit|holiday|pasta|food|restaurant|embassy"
    r"|consulate|airport|community|people|born|based|area|region|province|camp|visa|contract"
    r"|house|school|university|church|mosque|temple|market|relatives|cousins)\b)"
)


_PERSONS_WORDS = frozenset(
    {"neighbour", "neighbor", "landlord", "landlady", "witness", "interpreter", "elder", "sponsor",
     "employer", "partner", "caseworker", "counsellor", "teacher", "tita", "tito", "lola", "lolo"}
)
_LINK_WORDS = frozenset(
    {"of", "the", "and", "de", "la", "du", "for", "on", "van", "der", "den", "s"}
)
# Lowercase in a listed phrase after a capitalised word: "Upfield line", "Women's Housing".
_LOWER_IN_PHRASE = _LINK_WORDS | frozenset(
    {"line", "river", "creek", "station", "road", "street", "park", "beach", "lake", "st", "rd",
     "to"}
)
_PHRASE_GAP = re.compile(r" |[\-'’/]| ?& ?")  # not " - ", ", ", ". "


# Latin letters against a letter of another script, with no space between: "母亲Tong".
_NEXT_WORD_GLUED = re.compile(r"[ \t]+([A-Za-z]+)")
# Kin and address words typed before a name glued to them (Chinese, Thai): mother, father,
# daughter, son, sister, brother, Mr, Mrs, friend, "for", "is", "called"; คุณ, พี่, น้อง, แม่.
_GLUED_PERSON_BEFORE = re.compile(
    r"(?:母亲|母親|妈妈|媽媽|妈|媽|爸爸|爸|父亲|父親|女儿|女兒|儿子|兒子|姐姐|姐|哥哥|哥|妹妹|妹|弟弟|弟"
    r"|先生|太太|朋友|老公|老婆|丈夫|妻子|叫|是|给|給|和|跟|她|他|คุณ|พี่|น้อง|แม่|พ่อ|ลูก|สําหรับ|สำหรับ"
    r"|见了|見了|见|見|找|告诉|告訴|问|問|帮|幫|陪|让|讓|请|請)\Z"
)
# After a name glued to it, what a person is or does: an honorific or a subject's particle (씨,
# さん, が), a verb or a time word (来, 说, 打电话, 今天, ได้, บอก): "昨天Hope来了", "Hope씨가",
# "Hopeさんが来ました" (not "昨天storm很大", "去Summer营").
_GLUED_PERSON_AFTER = re.compile(
    r"(?:씨|님|가\b|이\b|는|은|를|을|에게|한테|さん|様|ちゃん|くん|君|が|は|に|と|先生|小姐|女士|来|來"
    r"|说|說|打电话|打電話|去|没|沒|今天|明天|昨天|已经|已經|要|想|会|會|的|ได้|บอก|มา|ไป|ว่า|โทรมา)"
)
_USED = re.compile(r"(?:用|使用|ใช้)\Z")  # "ใช้Siriโทร": a thing used, not a person
_GLUED_LATIN = re.compile(
    r"(?<=[^\W\d_A-Za-z\u00c0-\u024f])[A-Za-z\u00c0-\u024f]+(?![A-Za-z\u00c0-\u024f])"
    r"|(?<![A-Za-z\u00c0-\u024f])[A-Za-z\u00c0-\u024f]+(?=[^\W\d_A-Za-z\u00c0-\u024f])"
)


# A word-name said beside the word itself, as a joke on it: "Brake by name", "Speed and speed:",
# "Cruise on a cruise", "Hitch with a hitch".
_PUN_LINK = r"(?:and|on|with|or|vs\.?|versus|has|had|got|blew|hit|fixed)"
_PUN_ARTICLE = r"[ \t]+(?:(?:an?|the|his|her|its|another)[ \t]+)?"
_PUN_AFTER = re.compile(
    rf"[ \t]+(?:by[ \t]+(?P<by>name)\b|(?:{_PUN_LINK}|[a-z]+s)"  # "Turbo kills turbos"
    rf"{_PUN_ARTICLE}(?P<word>[^\W\d_]+)\b)"
)
# The joke ends its clause, after one more word at most: "Dash and dash cam," (not "Speed and
# speed cameras are the main worry").
_PUN_END = re.compile(r"(?:[ \t]+[a-z]+)?[ \t]*(?:[,.;:!?\"'’”)\]—–-]|\Z|\n)")
_A_COMPOUNDS_LINK = re.compile(r"[ \t]+(?:and|or|vs\.?|versus|with|on)\b")
_PUN_BEFORE = re.compile(rf"\b(?P<name>[^\W\d_]+)[ \t]+{_PUN_LINK}{_PUN_ARTICLE}\Z")


_NOT_TWO_LETTER_NAMES = word_set("ok hi oh no so mg kg ml mm cm km hr pm am tv oz ps vs pa ma ta")


def _a_two_letter_name(text: str, t: Word) -> bool:
    """A two-letter name written as one ("Cy", not "CY" or "cy") that no word, title, street
    type, state or unit is spelt as, and no abbreviation's full stop follows."""
    return (
        len(t.key) == 2 and t.title and text[t.end : t.end + 1] != "."
        and t.key not in lexicon.english_words() and t.key not in lexicon.GRAMMAR
        and t.key not in lexicon.TITLES and t.key not in STREET_TYPE_FORMS
        and t.key not in lexicon.STATES and t.key not in _NOT_TWO_LETTER_NAMES
        and t.key not in lexicon.given_names()  # "Jo said hi": a Jo, maybe not this one
        and not text[max(0, t.start - 2) : t.start].strip(" ").endswith(tuple("0123456789"))
    )


_AN_INITIAL_AFTER = re.compile(r"[ \t]+([A-Z])\.(?=[ \t,;)]|\Z|\n)")


# Saying someone belongs to a family by its name: "I'm a Cope", "she's a Rush".
_ONE_OF_THE_FAMILY = re.compile(
    r"(?i:\b(?:i['’]m|i\s+am|he['’]s|she['’]s|he\s+is|she\s+is|you['’]re|we['’]re|they['’]re))"
    r"\s+an?\s+\Z"
)


# Before a car's model, what makes it the car: its make; or someone's or an article, where the
# sentence is about a car ("drives a Kluger"; not "the Magna family", "visited the Barina home").
_CAR_MAKERS = lexicon.CAR_MAKES | lexicon.CARAVAN_MAKES
_CAR_ARTICLES = word_set("the a an his her their my your our its")
_CAR_AFTER = word_set(
    "wagon ute van sedan hatch hatchback charger tyres tyre rego engine tractor mower caravan"
    " camper trailer dealer dealership"
)
_CAR_VERBS = word_set(
    "drive drives drove driving driven park parks parked buy buys bought sell sells sold stole"
    " stolen crashed towed washed fixed repaired serviced registered repossessed reversed"
    " broke broken overheated stalled died"  # "Their Kluger broke down at Gatton"
)


def _the_car_here(text: str, tokens: list[Word], i: int) -> bool:
    """A client called Kluger, Astra or Tesla, where the word is the car: "drives a Kluger",
    "His Kluger and ute", "toyota kluger", "a Magna wagon", "the Tesla charger"."""
    before = tokens[i - 1] if i > 0 and text[tokens[i - 1].end : tokens[i].start] == " " else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before is not None and before.key in _CAR_MAKERS:
        return True
    if after is not None and after.key in _CAR_AFTER and text[tokens[i].end : after.start] == " ":
        return True
    near = [*tokens[max(0, i - 4) : max(0, i - 1)], *tokens[i + 1 : i + 4]]
    return before is not None and before.key in _CAR_ARTICLES and any(
        w.key in _CAR_VERBS or w.key in VEHICLE_WORDS for w in near
    )


# What "you're a …" praises someone as, whoever is called so: "He's a Saint", "You're a Star".
_PRAISED_AS = word_set(
    "saint star legend hero gem champ champion angel treasure sweetheart darling doll trooper"
    " rock natural winner godsend blessing diamond genius christian"
)


def _one_of_the_family(text: str, tokens: list[Word], i: int) -> bool:
    """ "I'm a Cope", "she's a Rush": the family by its name; not praise ("You're a Saint") nor a
    name of two words ("a Star Wars fan", "a Saint Kilda supporter")."""
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        _ONE_OF_THE_FAMILY.search(text, max(0, t.start - 16), t.start) is not None
        and t.key not in _PRAISED_AS
        and not (nxt is not None and nxt.caps and text[t.end : nxt.start] == " ")
    )


def weak(word: str) -> bool:
    """Too short or too common to be replaced without evidence that it is used as a name."""
    return (
        len(word) < 3
        or word in lexicon.english_words()
        or word in _COMMON_NAMES
        or word in lexicon.place_words()
        or word in lexicon.MONTHS
        or word in lexicon.WEEKDAYS
        or word in lexicon.medications()
        or (word in lexicon.never_listed() and (  # a client called Kluger, Camry or Kamira (a
            word not in lexicon.vehicles() or word in lexicon.english_words()  # service): the
        ))  # register wins
        or word in lexicon.RELATIONS
        or word in lexicon.TITLES
        or word in lexicon.GRAMMAR
        or word in lexicon.MODALS
    )


_OBJECT_PRONOUNS = frozenset({"me", "her", "him", "them"})
# After "call me …": what makes the word a word, not the name one is called by ("call him
# friday about rent", "call me lucky but …", "call her monday at 2").
_ALIAS_NOT_AFTER = re.compile(
    r"[ \t]+(?:(?:but|that|though|about|re|morning|arvo|afternoon|night|tonight|tomorrow"
    r"|before|after|to)\b|at[ \t]+\d)",  # (a day's alias: ``_CLAUSE_ENDS``; not "calls him
    # tiger and he loves it", "they call her sparrow in the camp")
    re.IGNORECASE,
)
# A day's or a month's alias is the client only where the clause ends with it: "call me friday"
# (not "call him friday evening").
_CLAUSE_ENDS = re.compile(
    r"[ \t]*(?:[.,!?;:)\"'’”]|\n|\Z|[ \t]+(?i:pls|please|mostly|now|round|around|here|too|lol"
    r"|because|cos|coz|cause)\b)"  # "they call her friday because she was born on one"
)
_QUOTES = frozenset("\"'‘“")
_CALLS = frozenset({"knows", "know", "knew", "calls", "call", "called", "calling"})
_GOES = frozenset({"goes", "go", "going", "went"})


class Matcher:
    """Everything precompiled for one set of clients in play."""

    def __init__(self, clients: tuple[KnownClient, ...]) -> None:
        names: dict[tuple[str, ...], set[str]] = {}
        called: set[str] = set()  # first names and one-word aliases: what a client is called
        self.dobs: set[tuple[int, int, int]] = set()
        self.digit_ids: list[tuple[str, str]] = []
        self.addresses: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        self.streets: dict[str, list[re.Pattern[str]]] = {}  # first word -> the street alone
        self.street_keys: frozenset[str] = frozenset()
        self.units: set[tuple[str, str]] = set()  # (unit, street number) of an address
        self.park_units = False  # a unit registered as a park's or a camp's ("Cabin 6, …")
        self.house_numbers: set[str] = set()  # the street number: "outside number 27"
        # A remote community's dwelling, registered without a street: "House 6, Hidden Valley
        # Town Camp", "Lot 412, Yuendumu": its word and number, wherever the note says them.
        self.dwellings: dict[tuple[str, str], set[str]] = {}  # -> its address's words, numbers
        # A post box or rural mail number ("PO Box 55", "RMB 412"): its number, wherever a box
        # or mail number is said with it; a farm's or station's name ("Wattle Downs, 1180
        # Bruxner Highway"), wherever said.
        self.boxes: set[str] = set()
        # postcode -> patterns: the locality line of a registered address, with its state and
        # postcode ("Harris Park NSW 2150" at the top of a resume, "FOOTSCRAY 3011" on a form);
        # the suburb alone is a place
        self.localities: dict[str, list[re.Pattern[str]]] = {}
        properties: list[str] = []
        for client in clients:
            ident, code = client.identity, client.case_code
            if not isinstance(ident, ClientIdentity) or not isinstance(code, str):
                raise TypeError("not a KnownClient")
            for name in (ident.full_name or "", *ident.aliases):
                typed = fold(name)  # as a note may type it: "Maria" for María
                plain = name_keys(typed) if typed != name.casefold() else set()
                for key in name_keys(name) | plain:
                    if key in names or not _folds_to_a_word(key, name):
                        names.setdefault(key, set()).add(code)
                first = name.split()[:1] if name is ident.full_name else name.split()
                if len(first) == 1:
                    called.add("".join(LETTERS.findall(first[0].casefold())))
                    called.add("".join(LETTERS.findall(fold(first[0]))))
            if ident.date_of_birth:
                d = ident.date_of_birth
                self.dobs |= {(d.day, d.month, d.year), (d.day, d.month, d.year % 100)}
            self.digit_ids += digit_ids(ident)
            if ident.address and (rule := address_rule(ident.address)):
                anchor, number, pattern = rule
                self.addresses.setdefault(anchor, []).append((number, pattern))
            located = street_part(ident.address or "")
            street = street_rule(located) if located else None
            if street is None and located and property_name(ident.address or ""):
                street = street_rule(located, numbered=False)
            line = _LOCALITY.search(ident.address) if ident.address else None
            if street:
                self.streets.setdefault(street[0], []).append(_with_suburb(street[1], line))
            if located and (unit := unit_number(located)):
                self.units.add(unit)
                word = re.match(r"\s*([^\W\d_]+)\.?\s*\d", ident.address or "")
                self.park_units |= word is not None and word[1].casefold() in _PARK_UNITS
            if located and (house := _HOUSE_IN_ADDRESS.match(located)):
                self.house_numbers.add(house[1].casefold())
            if line:
                words = LETTERS.findall(line["suburb"])
                self.localities.setdefault(line["postcode"], []).append(re.compile(
                    r"(?i:post\s*code|suburb|locality)[^\n:]{0,24}:[ \t]*\"?(?P<at>"
                    + r"[\s,]+".join(map(re.escape, words))
                    + rf"[ \t]*[,/]?[ \t]*\"?[ \t]*[,;]?[ \t]*\"?{line['postcode']}(?!\d)"
                    + rf"|{line['postcode']}[ \t]*[,/]?[ \t]*"
                    + r"[\s,]+".join(map(re.escape, words)) + ")",  # "Suburb/postcode: Coburg 3058"
                    re.IGNORECASE,
                ))
                self.localities.setdefault(line["postcode"], []).append(re.compile(
                    r"(?<![\w'’])" + r"[\s,]+".join(map(re.escape, words))
                    + rf"(?:,?\s+{line['state']}\s*,?\s*|(?-i:(?<=[A-Z]))\s+)"  # the state,
                    # left out on a form, in capitals: "Suburb/postcode: FOOTSCRAY 3011"
                    + rf"{line['postcode']}(?!\d)",
                    re.IGNORECASE,
                ))
            if ident.address:
                self.boxes |= {_box_number(m[0]) for m in land.POSTAL.finditer(ident.address)}
                self.boxes |= {m[1].casefold() for m in _BARE_BOX.finditer(ident.address)}
                if farm := property_name(ident.address):
                    properties.append(farm)
            if ident.address and (home := _A_DWELLING.search(ident.address)) and (
                not _STREET.search(ident.address) or home[1].casefold() == "lot"
                or _a_room_first(ident.address, home)
            ):  # "House 6, Hidden Valley", "Hidden Valley Town Camp, House No. 6", a farm's
                # "Lot 7 Amiens Road" (said "the cottage at Lot 7"), a rooming house's "Room 9,
                # 27 Warburton Street" (said "still at Room 9")
                self.dwellings.setdefault(
                    (_DWELLING_WORDS[home[1].casefold()], home[2].casefold()), set()
                ).update(w.casefold() for w in re.findall(r"[^\W_]+", ident.address))
        self.names = {k: _Name(frozenset(v), all(map(weak, k))) for k, v in names.items()}
        self.codes = frozenset(c.case_code for c in clients)
        self.birthdays = frozenset((d, m) for d, m, _y in self.dobs)
        self.birthdays_of: dict[str, frozenset[tuple[int, int]]] = {
            c.case_code: frozenset({(c.identity.date_of_birth.day, c.identity.date_of_birth.month)})
            for c in clients
            if c.identity.date_of_birth
        }
        self.street_keys = frozenset(self.streets)
        self.called = frozenset(called)
        self.address_keys = frozenset(self.addresses) | {
            form for form, word in _DWELLING_WORDS.items()  # "hse 6" for "House 6"
            if any(w == word for w, _n in self.dwellings)
        }
        if self.boxes:
            self.address_keys |= land.BOX_CUES | {"rms"}
        # (first word, pattern): the farm's name, and its own word alone where no one else would
        # write it ("the crossing at keelbottom")
        self.properties: list[tuple[str, re.Pattern[str]]] = []
        for farm in properties:
            words = LETTERS.findall(farm.casefold())
            self.properties.append((words[0], _property_rule(farm)))
            if len(words) > 1 and _distinctive(words[0]):
                self.properties.append((words[0], re.compile(
                    rf"(?<![\w'’]){re.escape(words[0])}(?![\w'’])", re.IGNORECASE
                )))
        self.initials = Initials(
            (c.case_code, name)
            for c in clients
            for name in (c.identity.full_name or "", *c.identity.aliases)
        )
        self.parts = frozenset(w for key in self.names for w in key if len(w) >= 3)
        self.surnames = frozenset(  # "iluka narkle": a given name before one is someone's
            fold(words[-1]) for c in clients
            if len(words := (c.identity.full_name or "").split()) > 1
        )
        self.with_s = frozenset(k[0] + "s" for k in self.names if len(k) == 1 and len(k[0]) >= 3)
        self.firsts = {k[0] for k in self.names}
        self.openings: dict[str, set[str]] = {}  # code -> the first letters of its words
        for key, entry in self.names.items():
            for code in entry.codes:
                self.openings.setdefault(code, set()).update(w[0] for w in key if w)
        # Each word of a registered name or alias, and whose it is: a kept phrase made only of
        # one client's words ("Ford Ranger" for Rangi Ford, "Ranger") is that client.
        word_codes: dict[str, set[str]] = {}
        for key, entry in self.names.items():
            for w in key:
                word_codes.setdefault(w, set()).update(entry.codes)
        self.word_codes = {w: frozenset(c) for w, c in word_codes.items()}
        self.pairs: dict[str, list[tuple[str, frozenset[str]]]] = {}  # first -> (last, codes)
        self.lasts: dict[str, list[tuple[str, frozenset[str]]]] = {}  # last -> (first, codes)
        for key, entry in self.names.items():
            if len(key) == 2:
                self.pairs.setdefault(key[0], []).append((key[1], entry.codes))
                self.lasts.setdefault(key[1], []).append((key[0], entry.codes))
        self.longest = max(map(len, self.names), default=0)
        # The first and last of every three words of a name: where a misheard middle can be.
        self.gapped = frozenset((k[0], k[2]) for k in self.names if len(k) == 3)
        self.min_digits = min((len(v) for v, _ in self.digit_ids), default=0)
        self.digit_index: dict[int, dict[str, str]] = {}  # length -> digits -> kind
        for value, kind in self.digit_ids:
            self.digit_index.setdefault(len(value), {})[value] = kind
        # Symmetric-delete index: a misspelling and its name share a deletion variant.
        self.typo_index: dict[str, set[str]] = {}
        # Near a month or medication is another month or medication, not a typo.
        no_typos = lexicon.MONTHS | lexicon.medications()
        for key in self.names:
            if len(key) == 1 and len(key[0]) >= 4 and key[0] not in no_typos:
                for variant in deletes(key[0], 2 if len(key[0]) >= 9 else 1):
                    self.typo_index.setdefault(variant, set()).add(key[0])
        self.typo_cache: dict[tuple[str, bool], frozenset[str]] = {}

    # --- names ---------------------------------------------------------------------------------

    def names_in(
        self,
        text: str,
        tokens: list[Word],
        protected: list[tuple[int, int]],
        present: AbstractSet[str] | None = None,
        *,
        strict: bool = False,
        places: Sequence[tuple[int, int]] = (),
        first_pass: bool = True,
    ) -> list[Hit]:
        """The registered names and aliases in the text. A name of two or more words is found
        inside a place made of words ("Barnaby Hall" is the client, whatever "Hall" heads);
        one word is not ("Logan Central"). Scanned names and misheard middles are looked for
        on the ``first_pass`` only: a replacement makes neither."""
        free = whole = [True] * len(tokens)  # whole: outside kept phrases; free: and places
        if protected or places:
            mask = bytearray(len(text))
            for s, e in protected:
                mask[s:e] = b"\x01" * (e - s)
            free = whole = [1 not in mask[t.start : t.end] for t in tokens]
            if places:
                for s, e in places:
                    mask[s:e] = b"\x01" * (e - s)
                # "Anne's Kitchen", "Billy's Place": a place named for someone opens with a
                # client's name as their own "Anne's kitchen" does; the register wins.
                opening = {s for s, _e in places}
                free = [
                    1 not in mask[t.start : t.end]
                    or (t.start in opening and whose(text, t.start, t.end))
                    for t in tokens
                ]
        owner: list[frozenset[str] | None] = [None] * len(tokens)  # whose name each word is in
        pending: list[int] = []  # short/common name words waiting for context
        passed: set[int] = set()  # a name's word that is something else here ("a Kluger")
        keys = [t.key for t in tokens]
        # Typed with accents the register lacks ("José" for a registered Jose): the plain letters.
        bare = keys if text.isascii() else [k if k.isascii() else fold(k) for k in keys]
        n, firsts, longest = len(tokens), self.firsts, self.longest
        i = 0
        while i < n:  # the longest registered name first at each word
            step = 1
            if keys[i] in firsts or (bare is not keys and bare[i] in firsts):
                for size in range(min(longest, n - i), 0, -1):
                    entry = self.names.get(tuple(keys[i : i + size]))
                    if entry is None and bare is not keys:
                        entry = self.names.get(tuple(bare[i : i + size]))
                    if (
                        entry is None
                        or not all((whole if size > 1 else free)[i : i + size])
                        or not joined(text, tokens, i, size)
                    ):
                        continue
                    if size == 1 and (
                        _names_a_street(text, tokens, i) or numbered_place(text, tokens[i])
                        or _a_towns_phrase(text, tokens, i)
                        or (i > 0 and keys[i - 1] in ("a", "an") and (
                            text[tokens[i - 1].end : tokens[i].start] == " "
                        ) and not _one_of_the_family(text, tokens, i))
                        or (keys[i] in lexicon.vehicles() and _the_car_here(text, tokens, i))
                    ):
                        passed.add(i)
                        continue  # "the George Street office", "Ward 4K", "a JP" (no one)
                    if not entry.weak or (size > 1 and self._written_as_name(tokens[i : i + size])):
                        owner[i : i + size] = [entry.codes] * size
                        step = size
                        break
                    if size == 1:
                        pending.append(i)
            elif keys[i] in self.with_s and free[i]:
                owner[i] = self._possessive_unmarked(tokens, i)  # "longs neighbour"
            i += step
        for i in range(n - 1):  # "Poppy Kid" for Poppy Kidd: the first name, the last misspelt
            if keys[i] in self.pairs and owner[i + 1] is None and free[i] and free[i + 1] and (
                (tokens[i].caps
                 and (tokens[i + 1].caps or keys[i + 1] not in lexicon.english_words()))
                or (owner[i] is not None and not tokens[i].caps and not tokens[i + 1].caps)
            ) and joined(text, tokens, i, 2):  # ("Saul levi" for Saul Levy: dictation writes the
                # surname in lowercase; "ernest heel" for Ernest Heal, after the given name)
                other = keys[i + 1]
                for last, codes in self.pairs[keys[i]]:
                    if len(other) >= 3 and _one_slip(other, last) and (
                        tokens[i + 1].caps or other not in lexicon.english_words()
                        or _consonants(other) == _consonants(last)
                        or other.rstrip("s") == last.rstrip("s")
                    ):  # "ernest heel" for Heal, "harley gate" for Gates; not "sam jokes a lot"
                        owner[i] = owner[i + 1] = codes
                        if i in pending:
                            pending.remove(i)
                        break
        self._misheard_firsts(text, tokens, owner, free, pending)
        # Most words are English words, which are no misspelling of a name: only the rest are read.
        if present is None:
            present = set(keys)
        unknown = present - lexicon.english_words() if self.typo_index else ()
        for i in [i for i, k in enumerate(keys) if k in unknown] if unknown else ():
            token = tokens[i]
            if (
                owner[i] is None
                and len(token.key) > 3
                # not ALL CAPS: "JOSN" is an acronym; but "MACAPAGEL, R" is a list's name
                and (token.title or not token.caps or (
                    len(token.key) >= 7 and (
                        _CAPS_NAME_AFTER.match(text, token.end) is not None
                        or _NAME_FIELD.search(text, max(0, token.start - 30), token.start)
                        or _AN_INITIAL_BEFORE.search(text, max(0, token.start - 4), token.start)
                    )
                ) or (len(token.key) >= 5 and self._a_given_name_after(text, token.end)))
                and free[i]
                and i not in pending
                and i not in passed
            ):
                owner[i] = self._misspelt(token.key, lowercase=not token.caps)
        while pending:  # until no more context is found; chains like "May Hope Quokkafeild"
            found = {
                i: c for i in pending if (c := self._in_context(text, tokens, owner, i, strict))
            }
            for i, codes in found.items():
                owner[i] = codes
                pending.remove(i)
            if not found:
                break
        if len(self.lasts) and any(owner):  # "crystal patch": the surname known only now
            self._misheard_firsts(text, tokens, owner, free, pending)
        for i in range(1, n - 1):  # "muntadar al kafaji": the particle between two parts
            if owner[i] is None and keys[i] in lexicon.PARTICLES and owner[i - 1] and (
                owner[i + 1] and owner[i - 1] & owner[i + 1] and joined(text, tokens, i - 1, 3)
            ):
                owner[i] = owner[i - 1] & owner[i + 1]
        if not first_pass:
            return name_runs(text, tokens, owner)
        if self.gapped and owner.count(None) <= len(owner) - 2:
            self._misheard_middles(text, tokens, owner, free)
        others = self._others_with_an_initial(text, tokens, owner) if "." in text else []
        return others + name_runs(text, tokens, owner) + self._scanned(text, protected) + (
            self._glued(text) if not text.isascii() else []
        )

    def _misheard_firsts(
        self, text: str, tokens: list[Word], owner: list[frozenset[str] | None],
        free: list[bool], pending: list[int],
    ) -> None:
        """ "tiara tangimetua" for Tiare: the first name misspelt, even as a word, before the
        client's surname."""
        keys = [t.key for t in tokens]
        for i in range(len(tokens) - 1):
            near = owner[i + 1]
            if near and owner[i] is None and free[i] and keys[i + 1] in self.lasts and (
                tokens[i].caps == tokens[i + 1].caps and joined(text, tokens, i, 2)
            ):
                word = keys[i]
                for first, codes in self.lasts[keys[i + 1]]:
                    if codes & near and len(word) >= 4 and (
                        _one_slip(word, first)
                        or (not tokens[i].caps and _vowel_misheard(word, first))
                    ):
                        owner[i] = codes & near
                        if i in pending:
                            pending.remove(i)
                        break

    def _others_with_an_initial(
        self, text: str, tokens: list[Word], owner: list[frozenset[str] | None]
    ) -> list[Hit]:
        """A client's given name alone, then an initial none of that client's names opens with:
        someone else of the same name ("The nurse, Heidi M., asked"), as [name] with the
        initial. ``owner`` is cleared there."""
        hits = []
        for i, codes in enumerate(owner):
            if codes is None or (i > 0 and owner[i - 1] == codes) or (
                i + 1 < len(owner) and owner[i + 1] == codes
            ):
                continue
            m = _AN_INITIAL_AFTER.match(text, tokens[i].end)
            if m is None or tokens[i].key not in self.firsts:
                continue
            letter = m[1].casefold()
            if any(letter in self.openings.get(code, ()) for code in codes):
                continue  # "Heidi D." is Heidi Dose
            owner[i] = None
            hits.append(Hit(tokens[i].start, m.end(1), "person", PLACEHOLDERS["name"]))
        return hits

    def _glued(self, text: str) -> list[Hit]:
        """A registered name in Latin letters written against another script with no space, as
        Chinese and Thai are typed: "她母亲Tong", "สําหรับSiri:" (the word reads as one)."""
        hits = []
        for m in _GLUED_LATIN.finditer(text):
            key = fold(m[0])
            entry = self.names.get((key,))
            if entry is None or len(m[0]) < 3:
                continue
            if entry.weak and (not (
                _GLUED_PERSON_BEFORE.search(text, max(0, m.start() - 3), m.start())
                or (text[m.end() : m.end() + 1] in (":", "：", ",", "，") and not m[0].islower())
                or _GLUED_PERSON_AFTER.match(text, m.end())
            ) or _USED.search(text, max(0, m.start() - 2), m.start())):
                continue  # "昨天storm很大", "去Summer营", "ใช้Siriโทร": the word; but
                # "สําหรับSiri:", "她女儿Hope" are a person
            nxt = _NEXT_WORD_GLUED.match(text, m.end())
            if nxt is not None and (
                lexicon.listed_place((key, nxt[1].casefold()))
                or nxt[1].casefold() in lexicon.PLACE_HEADS
            ):
                continue  # "她住在Summer Hill", "去HOPE ISLAND": a place
            hits.append(code_hit(m.start(), m.end(), entry.codes))
        return hits

    def _scanned(self, text: str, protected: list[tuple[int, int]]) -> list[Hit]:
        """A registered name with a zero or a one for a letter, as a scanner reads it:
        "HRYTSENK0", "W1ktoria", "SAT0"."""
        hits = []
        for m in _OCR_WORD.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in protected):
                continue
            for letters in {m[0].translate(_AS_LETTERS), m[0].translate(_AS_LETTERS_L)}:
                key = fold(letters)
                entry = self.names.get((key,))
                if entry is not None and entry.weak and not self._beside_its_name(
                    text, m.start(), m.end(), entry.codes
                ):
                    continue  # "C0URT", "G0LF C0URSE": a word-name scanned is the word;
                    # but "P0RTER WILBUR" is Wilbur Porter's licence
                codes_ = entry.codes if entry is not None else self._misspelt(key)
                if codes_:
                    hits.append(code_hit(m.start(), m.end(), codes_))
                    break
        return hits

    def _beside_its_name(self, text: str, start: int, end: int, codes: frozenset[str]) -> bool:
        """Is the word at ``start``:``end`` next to another part of the same client's name?"""
        after = _WORD_AFTER.match(text, end)
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        for m in (after, before):
            entry = self.names.get((fold(m[1]),)) if m else None
            if entry is not None and not entry.codes.isdisjoint(codes):
                return True
        return False

    def _misheard_middles(
        self,
        text: str,
        tokens: list[Word],
        owner: list[frozenset[str] | None],
        free: list[bool],
    ) -> None:
        """A word between two parts of one client's name, as dictation mishears the part between
        them: "maria hose quispe" for María José Quispe (two letters off at most)."""
        owned = [i for i, codes in enumerate(owner) if codes]
        for i in (a for a, b in itertools.pairwise(owned) if b == a + 2):
            codes = owner[i]
            if owner[i + 1] is not None or owner[i + 2] != codes or not free[i + 1]:
                continue
            mid, a, b = tokens[i + 1].key, tokens[i].key, tokens[i + 2].key
            if (a, b) not in self.gapped:
                continue
            between = (tokens[i].end, tokens[i + 1].start, tokens[i + 1].end, tokens[i + 2].start)
            if len(mid) < 3 or text[between[0] : between[1]] != " " or (
                text[between[2] : between[3]] != " "
            ):
                continue
            if any(
                (a, part, b) in self.names and edit_distance(mid, part) <= 2
                for part in self.parts
                if abs(len(part) - len(mid)) <= 2
            ):
                owner[i + 1] = codes

    def _possessive_unmarked(self, tokens: list[Word], i: int) -> frozenset[str] | None:
        """A name with an "s" and no apostrophe, as SMS writes a possessive: "hassans place";
        a name that is also a word only before a relation or a home ("longs neighbour")."""
        entry = self.names.get((tokens[i].key[:-1],))
        if entry is None:
            return None
        nxt = tokens[i + 1].key if i + 1 < len(tokens) else ""
        if nxt in lexicon.RELATIONS or nxt in lexicon.HOMES or not (
            entry.weak or weak(tokens[i].key)  # "Coles" is a shop, whoever is called Cole
        ):
            return entry.codes
        return None

    @staticmethod
    def _written_as_name(run: list[Word]) -> bool:
        """Two or more weak name words side by side: a name when capitalised ("May Hope"), or
        lowercase unless it reads as a phrase: a function word then a verb ("may hope", "will
        bill"; but "jack potter", "may martin" are names)."""
        if all(t.caps for t in run):
            return True
        if any(t.caps for t in run):
            return False  # "his son Dang Minh Khoa": a word, then someone capitalised
        if run[0].key not in lexicon.FUNCTION_WORDS:
            return True
        second, words = run[1].key, lexicon.english_words()
        return not (second + "ed" in words or second + "d" in words or second.endswith("ed"))

    def _in_context(
        self,
        text: str,
        tokens: list[Word],
        owner: list[frozenset[str] | None],
        i: int,
        strict: bool = False,
    ) -> frozenset[str]:
        """The codes a weak name word stands for here, if it is used as a name."""
        t = tokens[i]
        entry = self.names.get((t.key,)) or self.names[(fold(t.key),)]
        codes = entry.codes
        if t.key.endswith("n") and text[t.end : t.end + 2] in ("'t", "’t"):
            return frozenset()  # "Don't pay a fee": a verb and its "not"
        possessive = t.key not in lexicon.GRAMMAR and _POSSESSIVE.match(text, t.end)  # not "He's"
        if possessive or (
            i > 0
            and (tokens[i - 1].key in lexicon.TITLES or (
                tokens[i - 1].key in _CHURCH_TITLES and tokens[i - 1].title and t.title
            ))
            and _TITLE_GAP.fullmatch(text, tokens[i - 1].end, t.start)
        ):
            return codes  # "Ms Hope", "Sister Psalm has been our choir director"
        pun = _PUN_AFTER.match(text, t.end) if t.title or not t.caps else None
        if pun and (pun["by"] or (
            t.title and pun["word"].casefold() in (t.key, t.key + "s")
            and (_PUN_END.match(text, pun.end()) or not _A_COMPOUNDS_LINK.match(pun[0]))
            # not "Speed and speed cameras are the worry"; but "Krio speaks Krio and English"
        )):
            return codes  # "Brake by name, brake by nature", "heal by name", "Speed and speed:"
        if t.title and _one_of_the_family(text, tokens, i):
            return codes  # "I'm a Cope, I've been coping for seventy years"
        before = _PUN_BEFORE.search(text, max(0, t.start - 30), t.start) if not t.title else None
        if before and before["name"].casefold() == t.key and before["name"].istitle():
            return frozenset()  # the word of the joke: "Speed and speed", "Dash and dash cam"
        for j in (i - 1, i + 1):
            near = owner[j] if 0 <= j < len(owner) else None
            if not (near and codes & near):
                continue
            if _EQUALS.fullmatch(text, tokens[min(i, j)].end, tokens[max(i, j)].start):
                return codes & near  # "Barnaby = barns = Barney"
            if j == i + 1 and t.caps and text[t.end : tokens[j].start] == " (" and (
                text[tokens[j].end : tokens[j].end + 1] == ")"
            ):
                return codes & near  # "• Vy (Vee): Money3 agreed": a name, its alias in brackets
            if t.caps and text[tokens[min(i, j)].end : tokens[max(i, j)].start] in (" / ", "/"):
                return codes & near  # "- Turbo / Bibin: union meeting went OK"
            if (
                (t.caps or not tokens[j].caps)  # "Hartigan hope" is not one name
                and tokens[j].key != t.key  # "rose rose early": the second is the verb
                and (
                    joined(text, tokens, min(i, j), 2)
                    # "VU, Thao": a surname in capitals, a comma, then the given name
                    or (j == i + 1 and t.caps and not t.title
                        and _SURNAME_COMMA.fullmatch(text, t.end, tokens[j].start))
                )
            ):
                return codes & near
        if len(t.key) == 2 and (
            # capitalised, "Jo said" is [name] (names.py); but "Em says", a word, only here
            (_speaks(text, tokens, i) and (
                not t.caps or (t.opens and t.key in lexicon.english_words())
            )) or _signs(text, t)
            or (_says_who(tokens, i) and SIGNS_ON_AFTER.match(text, t.end) is not None)
        ) and (
            t.key not in lexicon.GRAMMAR
            and (t.key not in lexicon.english_words() or (i == 0 or opens(text, tokens, i)))
        ):
            # A two-letter alias in lowercase saying or wanting something ("jo rang", "ro
            # wants"), which no other rule reads as a name; capitalised, "Jo said" is [name].
            return codes
        if not t.caps and _a_things_phrase(text, tokens, i):
            return frozenset()  # "the round-robin email", "a paper garland", "buon natale"
        if not t.caps and len(t.key) >= 3 and t.key not in lexicon.GRAMMAR:
            # Lowercase, mostly the word: the cheap cues first, the date and place checks only to
            # overrule a name ("in may" is no one).
            if self._used_as_name(text, tokens, owner, i, strict) or self._subject_of_sms(
                text, tokens, i
            ):
                return frozenset() if self._not_a_name_here(text, tokens, i) else codes
            return codes if self._initial_beside(text, t, codes) else frozenset()
        if self._initial_beside(text, t, codes):
            return codes  # "S. Marsden" (also a suburb), "STONE G."
        if (
            t.caps and i + 1 < len(tokens) and tokens[i + 1].key in _HOUSEHOLDS
            and text[t.end : tokens[i + 1].start] == " " and t.key not in lexicon.english_words()
            and not lexicon.listed_place([t.key])  # "Katherine family want her home": the town's
        ):
            return codes  # "Navidad family moved", "BOŽIĆ FAMILY": a feast's word, their name
        if t.key in self.called and _a_two_letter_name(text, t):
            return codes  # "Cy is from Wurrumiyanga", "Cy was quiet": no word is spelt so (but
            # "Bu", the honorific of the alias "Bu Marni", is no name alone)
        if len(t.key) < 3 or t.key in lexicon.GRAMMAR:
            return frozenset()  # "Jo", "He": only beside the name, a title or a possessive
        if (t.caps and not t.title and _a_deed_in_capitals(text, t.end) and not (
            t.key in lexicon.MODALS and _A_MODALS_NEXT.match(text, t.end)
        ) and not (
            i > 0 and (tokens[i - 1].key in lexicon.MONTH_CONTEXT or (
                text[tokens[i - 1].end : t.start] == " " and _a_things_word_before(tokens[i - 1])
                and not (tokens[i - 1].key.endswith("ed") and not _A_THINGS_DEED.match(text, t.end)
                         and tokens[i - 1].key not in _THINGS_ADJECTIVES)
            ))
        )) or (
            t.caps and not t.title and i > 0 and tokens[i - 1].key.endswith("ed")
            and tokens[i - 1].key not in _THINGS_VERBS and tokens[i - 1].caps
            and _TO_SOMEWHERE.match(text, t.end)  # "ESCORTED WILL TO COURT"; not "SENT BILL TO"
        ):  # "DALE PASSED THE TEST", "AUGUST IS ON IT": in capitals every word is in a run;
            # not "THE BILL WAS PAID", "HER WILL IS", "NO HOPE WAS", "POWER BILL IS", "WE WILL"
            return codes
        if self._not_a_name_here(text, tokens, i) or (t.title and _A_SET_PHRASES_END.match(
            text, t.end
        ) and (t.opens or _A_SET_PHRASE_BEFORE.search(text, max(0, t.start - 12), t.start))):
            return frozenset()  # "a Welcome to Country"
        if t.caps and not t.opens:  # capitalised mid-sentence: "spoke with Hope", "says BANI"
            return codes
        if t.title and (name_follows(text, t.end) or _TURNS_AN_AGE.match(text, t.end)) and (
            _not_a_dish(text, tokens, i)
        ):
            return codes  # "Hope said", "May and her son", "Miracle turns 18 on …"
        if self._subject_of_sms(text, tokens, i):
            return codes  # "Brook on Redbank Plains Rd still"
        return codes if self._used_as_name(text, tokens, owner, i, strict) else frozenset()

    def _subject_of_sms(self, text: str, tokens: list[Word], i: int) -> bool:
        """The first word of a sentence, where a note puts its subject, when it is what the
        client is called (a first name or an alias, not a surname) and where they are comes
        next: "max on seroquel", "stormy in a mood", "Brook on Redbank Plains Rd still"
        ("sharp in the bin" and "short on time" stay words), or their next appointment: "Devo
        court 19 September", "hope appt tmrw"."""
        t = tokens[i]
        return (
            i + 1 < len(tokens)
            and t.key in self.called
            and (t.title or not t.caps)  # not in capitals: "ROWAN NOT AT SHELTER" is no SMS
            and (i == 0 or opens(text, tokens, i))
            and (tokens[i + 1].key in lexicon.WHERE_NEXT or tokens[i + 1].key in lexicon.EVENT_NEXT)
            and text[t.end : tokens[i + 1].start] == " "
            and not (t.key in _PHRASAL_VERBS and tokens[i + 1].key in _PARTICLES)
        )  # "chase up the bond" is a task

    def _initial_beside(self, text: str, t: Word, codes: frozenset[str]) -> bool:
        """An initial of the client's just before or after: "S. Marsden", "STONE G.", "nona c"."""
        initial = _INITIAL_BEFORE.search(text, max(0, t.start - 4), t.start) or (
            _LOWER_INITIAL_BEFORE.search(text, max(0, t.start - 3), t.start)
        )
        after = _INITIAL_AFTER.match(text, t.end) or (
            _INITIAL_ENDING_A_CELL.match(text, t.end)
            if text[t.start - 1 : t.start] in ("", "\n", ",", "|", "\t")
            or text[max(0, t.start - 2) : t.start] == ": " else None
        )
        if after and after[1] in "aiAIwnurkx" and not after["second"] and after[0][-1] != ".":
            # "hope i think", "long w his mum": SMS words (but "Court A-C", "Ruby A.")
            after = None
        letters = self.initials.letters_of(codes)
        if after and after["second"] and after["second"].casefold() not in letters:
            after = None  # "Phoenix A-Z directory", "Court E-L no show"
        return bool(initial or after) and any(
            m[1].casefold() in letters for m in (initial, after) if m
        )

    @staticmethod
    def _used_as_name(
        text: str,
        tokens: list[Word],
        owner: list[frozenset[str] | None],
        i: int,
        strict: bool = False,
    ) -> bool:
        """A registered name that is also a word, written lowercase, in capitals, or opening a
        sentence, is the person when a cue says so: a contact word before it ("spoke with hope",
        "aka joy"), a subject's word after it ("hope rang", "billy ok", "will will be at 11",
        "autumn ph ..."), another client's name beside it ("grace n hope"), or nothing else in
        its sentence ("hope", "frank??"). A determiner, pronoun or verb before it ("no joy",
        "i hope", "waited long") or "to" after it ("hope to see her") make it the word.
        Lowercase with no cue at all, it is the word: the author's preview shows what survived."""
        t = tokens[i]
        n = len(tokens)
        prev = tokens[i - 1] if i > 0 and not opens(text, tokens, i) else None
        if prev is not None and "," in text[prev.end : t.start]:
            prev = None  # a new clause: "not much chance of that, chance said"
        nxt = tokens[i + 1] if i + 1 < n and not opens(text, tokens, i + 1) else None
        after = text[t.end : nxt.start] if nxt else text[t.end : t.end + 3]
        if after and after[0] in _SLACK_MARKS and text[t.start - 1 : t.start] == after[0]:
            after = after[1:]  # Slack's "*TOLL* has keys", "• *Wake* — closed": the word alone
        if nxt is not None and nxt.key in _ROLE_HEADS and (
            not t.caps or (t.opens and text[nxt.end : nxt.end + 1] == ":")  # "Key worker: …"
        ) and after == " " and t.key in _KINDS_OF_WORKER:
            return False  # "spoke to key worker", "grant officer rang": a kind of worker
        if t.caps and _NAME_FIELD.search(text, max(0, t.start - 30), t.start) and (
            _FIELD_ENDS.match(text, t.end)
        ):
            return True  # a form's field: "Surname: FRAME   Given name: Nuala"
        if i == 0 and t.key not in _CLAUSE_VERBS and (addressed := _ADDRESSED.match(
            text, t.end
        )) and not (t.key in _OPENING_VERBS and addressed[0] in (" ur", " u")) and not (
            addressed[0].startswith(" the") and (
                t.key in lexicon.WEEKDAYS or t.key in lexicon.MONTHS or (
                    t.key in _TASK_VERBS and not _SPOKEN_TO.search(text, t.end, t.end + 80)
                )
            )
        ):  # not "Monday the office is closed", "Chase the forms housing needs by Friday"
            return True  # a text to the client: "chook pls bring ur letter", "runner ur mate"
        if prev is not None and _says_who(tokens, i) and (
            SIGNS_ON_AFTER.match(text, t.end) or _NEW_DETAILS_AFTER.match(text, t.end)
        ):
            return True  # "hey dylan its haze. agent came round", "this is hope,", "bro its
            # ocean my new email"
        if i == 0 and _sender_follows(tokens):
            return True  # "paddy its jessamy from …": a text's first word is whom it is to
        if prev is not None:
            if prev.key == "me" and i > 1 and tokens[i - 2].key in ("its", "s", "is"):
                return True  # "hey wren its me charity my new number"
            signs = SIGNS_ON_AFTER.match(text, t.end) is not None or (
                nxt is not None and (nxt.key in ("its", "it", "this", "im")
                                     or nxt.key in _ENDEARMENTS)
            )
            if prev.key in _GREETINGS and text[prev.end : t.start] == " " and signs:
                return True  # "hi rain its zainab": the client written to; not "hey gift card"
            if i > 1 and (prev.key, tokens[i - 2].key) == ("mean", "i") and signs:
                return True  # "VN-5002 here lol i mean gift."
            if i > 1 and (prev.key, tokens[i - 2].key) == ("as", "known"):
                return True  # "also known as gift"
            if ((i > 2 and prev.key == "as" and tokens[i - 2].key in _OBJECT_PRONOUNS and (
                tokens[i - 3].key in _CALLS
            )) or (i > 1 and ((prev.key in _OBJECT_PRONOUNS and tokens[i - 2].key in _CALLS) or (
                prev.key == "by" and tokens[i - 2].key in _GOES
            )))) and (text[t.start - 1 : t.start] in _QUOTES or (
                _CLAUSE_ENDS.match(text, t.end) if (
                    t.key in lexicon.WEEKDAYS or t.key in lexicon.MONTHS
                ) else not _ALIAS_NOT_AFTER.match(text, t.end)
            )):
                return True  # "everyone knows me as lark", "call me lark", "goes by lark"; not
                # "call him friday about rent", "call me lucky but …": the word ends the clause
            if prev.key == "to":
                if nxt is not None and nxt.key in _OBJECTS:
                    return False  # a verb: "tried to rob him", "want to bill them"
                return i > 1 and tokens[i - 2].key in lexicon.CONTACT_CUES  # "spoke to hope"
            if prev.key in lexicon.CONTACT_CUES:
                return True
            if prev.key == "from" and i > 1 and tokens[i - 2].key in lexicon.MESSAGES:
                return True  # "voicemail from penny", "a text from hope"
            if (
                prev.key in lexicon.REPORTED
                and nxt is not None
                and nxt.key in lexicon.VERBS_AFTER_REPORTED
                and text[t.end : nxt.start] == " "
            ):
                return True  # "he says marsh is fine", "says holly needs detox"; "said grace"
            if (
                prev.key in _CLAUSE_OPENERS
                and nxt is not None
                and nxt.key in lexicon.SUBJECT_CUES
                and nxt.key not in _NOT_DONE_BY
                and text[t.end : nxt.start] == " "
            ):
                return True  # "flooded so river stayed home", "but storm rang back"
            if prev.key in lexicon.WORD_CUES:
                return False
            if (
                prev.key in lexicon.NAME_JOINERS
                and i > 1
                and owner[i - 2]
                and owner[i - 2] != owner[i]
            ):
                return True  # "grace n hope"
            if prev.key in lexicon.NAME_JOINERS and i > 1 and tokens[i - 2].key in ("me", "i"):
                return True  # "me n sydney went", "i and hope"
        if text[t.start - 1 : t.start] == "(" and after[:1] == ")":
            return True  # "(JJ)", "(joy)"
        if prev is None and _A_LINES_OPENING.search(
            text, max(0, t.start - 16), t.start
        ) and _SENDER_AFTER.match(text, t.end):
            return True  # a line's sender: "Trace 6:30pm: yeah", "Sari <sari.k@gmail.com>"
        if t.caps and t.start and text[t.start - 1] in _QUOTES and after[:1] in _QUOTES:
            return True  # '"Sultana" was written by the UN', 'calls him "Tank"'

        if nxt is None:
            return prev is None  # the whole sentence: "hope", "frank?? no show"
        if after.startswith("-"):
            return False  # "short-term", "sunny-side"
        if after.strip(" "):  # "Guy — the guy", "BILL (W.", "| Thu | rang twice |"
            return prev is None and after.strip(" ")[0] in ",—–-:(|\t"
        if nxt.key == "to":  # "hope to see her", "kind to him"; but "Dale to attend"
            return prev is None and t.key not in lexicon.TO_VERBS
        if nxt.key in ("that", "thats", "so", "you", "u", "she", "he", "they", "it", "all"):
            return False  # "hope thats ok", "joy all round"
        if nxt.key == t.key:
            return True  # "rose rose early", "will will be at 11"
        if nxt.key in lexicon.NAME_JOINERS and i + 2 < n and owner[i + 2]:
            return True  # "will n guy will share"
        if nxt.key in lexicon.NAME_JOINERS:  # "rice and curry"; "chase n his gf", "sydney n i"
            after_it = tokens[i + 2].key if i + 2 < n else ""
            if after_it == "the" and i + 3 < n:  # "WINTER and the baby are well"
                after_it = tokens[i + 3].key
            return after_it in ("his", "her", "their", "i", "me") or after_it in lexicon.RELATIONS
        if nxt.key == "here" and (SIGNS_ON_AFTER.match(text, nxt.end) or (
            i == 0 and not _DESCRIBED_AFTER_HERE.match(text, nxt.end)  # not "Summer here is
            # brutal"
            and not (t.key in WEATHER and _WEATHERS_DEED_AFTER_HERE.match(text, nxt.end))
        )) and (
            prev is None or prev.key in _GREETINGS or (i > 1 and tokens[i - 2].key in _GREETINGS)
        ):
            return True  # an SMS signing on: "victoria here. homes rang", "hi byron golf here.",
            # or opening the text: "goody here pls dont share my tiktok"
        if nxt.key in lexicon.SUBJECT_CUES or (
            t.key not in lexicon.MODALS and name_follows(text, t.end)
        ):
            return prev is None or not prev.key.endswith("ed")  # "waited long at" is the word
        return strict  # no cue either way: the word by default, the name when strict

    def _not_a_name_here(self, text: str, tokens: list[Word], i: int) -> bool:
        """A date ("in May", "May 2026"), a place ("moved to Logan"), or a run of capitalised
        words that are not names ("the Grace Period Policy")."""
        t = tokens[i]
        if numbered_place(text, t):
            return True  # "in Ward 4K"
        prev = tokens[i - 1].key if i > 0 and not t.opens else ""  # not from another sentence
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if prev == "from" and i > 1 and tokens[i - 2].key in lexicon.MESSAGES:
            prev = ""  # "a text from May": from a person
        if t.key in lexicon.WEEKDAYS and _roster_days(text, tokens, i) >= 3:
            # A roster's days: "| Mon | Wed | Thu |", "Mon-Wed-Thu"; not "Thu, Sun and …", nor
            # two days, where the register wins ("Thu - Mon 10am Centrelink", "Mon - Thu").
            return True
        if (t.key in lexicon.MONTHS or t.key in lexicon.WEEKDAYS) and (
            prev in lexicon.MONTH_CONTEXT
            or (t.key in lexicon.WEEKDAYS and t.key.endswith("day") and prev in ("a", "an"))
            # "for a Sunday arvo"; but "Helped Sunday shift her things", "Each Sunday rang"
            or re.search(r"\d(?:st|nd|rd|th)?\s*\Z", text[max(0, t.start - 6) : t.start])
            or re.match(r"[\s,]*'?\d", text[t.end : t.end + 4])
        ):
            return True
        if (
            t.key in lexicon.place_words()
            and (
                prev in lexicon.PLACE_CONTEXT
                or (prev in STREET_TYPE_FORMS and not tokens[i - 1].opens)  # "17 Smith St,
                # Logan"; but "Ring Logan on …" is a call
                or text[max(0, t.start - 12) : t.start].rstrip(", .").endswith("[address]")
                or (prev == "to" and i > 1 and tokens[i - 2].key in lexicon.MOVEMENT)
                or (nxt is not None and nxt.key in _PLACE_AFTER)
            )
        ):
            return True
        for j in (i - 1, i + 1):
            if (
                0 <= j < len(tokens)
                and text[tokens[min(i, j)].end : tokens[max(i, j)].start] == " "
            ):
                other = tokens[j]
                if (
                    other.caps
                    and len(other.key) > 1  # an initial: "Melody D" is a name
                    and other.key not in self.parts
                    and other.key not in _GREETINGS  # "> Hi Memory, RILC have confirmed"
                    and (
                        other.key in lexicon.english_words()
                        or (other.title and other.key in lexicon.not_names())  # "Trinity Anglican"
                    )
                    and not (j == i - 1 and other.opens)  # capitalised for the sentence
                ):
                    return True
        return False

    def _a_given_name_after(self, text: str, end: int) -> bool:
        """ "GAWLFR, Ada": a registered name's word after the comma of a list's surname."""
        m = _GIVEN_AFTER_COMMA.match(text, end)
        return m is not None and fold(m[1]) in self.parts

    def _misspelt(self, word: str, *, lowercase: bool = False) -> frozenset[str] | None:
        key = (word, lowercase)
        codes = self.typo_cache.get(key)  # .get: another thread may clear the cache meanwhile
        if codes is None:
            codes = self._typo_of(word, lowercase)
            if len(self.typo_cache) > 50_000:  # bounded: words seen are not worth keeping forever
                self.typo_cache.clear()
            self.typo_cache[key] = codes
        return codes or None

    def _typo_of(self, word: str, lowercase: bool) -> frozenset[str]:
        """Capitalised, a lexicon name near a client's is someone else's (the third-party
        detector's); lowercase ("nancey ok"), where that detector does not look, it is the
        client's. A 4-letter name takes only a swap or one letter more ("makr", "amaal")."""
        if len(word) < 4 or weak(word) or not self.typo_index:
            return frozenset()
        if not lowercase and (word in lexicon.given_names() or word in lexicon.surnames()):
            return frozenset()
        found: set[str] = set()
        for variant in deletes(word, 2 if len(word) >= 7 else 1):
            for target in self.typo_index.get(variant, ()):
                limit = 2 if len(target) >= 9 else 1
                if (
                    target[0] == word[0]
                    and edit_distance(word, target) <= limit
                    and (len(target) > 4 or len(word) > 4 or sorted(word) == sorted(target))
                ):
                    found |= self.names[(target,)].codes
        return frozenset(found)

    # --- numbers, dates, addresses -------------------------------------------------------------

    def numbers_in(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        if not self.digit_index:
            return hits
        for run in _DIGIT_RUN.finditer(text):
            at = [run.start() + k for k, ch in enumerate(run.group()) if ch.isdigit()]
            if len(at) >= self.min_digits:
                hits += self._registered_digits(text, at)
        return hits

    def _registered_digits(self, text: str, at: list[int]) -> list[Hit]:
        """Registered numbers among the digits at positions ``at``, however they were grouped."""
        digits = "".join(text[p] for p in at)
        hits: list[Hit] = []
        for size, values in self.digit_index.items():
            for k in range(len(digits) - size + 1):
                kind = values.get(digits[k : k + size])
                if kind is None:
                    continue
                first = k
                if kind == "phone":  # take the trunk "0" or country "61" along
                    first -= digits.endswith("0", 0, first)
                    first -= 2 * digits.endswith("61", 0, first)
                start, end = at[first], at[k + size - 1] + 1
                if start > 0 and (
                    text[start - 1] == "+"
                    or (text[start - 1] == "(" and ")" in text[start : start + 4])
                ):
                    start -= 1  # "+61 ...", "(07) ...", but not the "(" of "(0412 345 678)"
                end += kind == "crn" and end < len(text) and text[end].isalpha()
                if kind == "medicare" and (irn := _IRN_AFTER.match(text, end)):
                    end = irn.end()  # "2953 71234 1 / 2": the card's issue number goes too
                hits.append(Hit(start, end, kind, PLACEHOLDERS[kind]))
        return hits

    def addresses_in(
        self, text: str, tokens: list[Word], keys: AbstractSet[str] | None = None
    ) -> Iterator[Hit]:
        addresses = self.addresses
        if not HAS_DIGIT(text):
            return
        if self.localities:  # looked up by the note's four-digit runs, not client by client
            for code in {m[0] for m in _FOUR_DIGITS.finditer(text)} & self.localities.keys():
                for pattern in self.localities[code]:
                    for m in pattern.finditer(text):
                        start = m.start("at") if "at" in pattern.groupindex and m["at"] else (
                            m.start()
                        )
                        yield hit(start, m.end(), "address")  # after a form's label, if any
        if keys is not None and self.address_keys.isdisjoint(keys):
            return
        if self.dwellings:
            for m in _A_DWELLING.finditer(text):
                words = self.dwellings.get((_DWELLING_WORDS[m[1].casefold()], m[2].casefold()))
                if words is None or _NO_ONES_ROOM.search(text, max(0, m.start() - 16), m.start()):
                    continue
                end = m.end()
                counted = _COUNTED_AFTER_DWELLING.match(text, end)
                if counted is not None:
                    if not _all_in(words, counted[0]):
                        continue
                    level = _LEVEL_NUMBER.match(text, counted.end())  # "unit 4 level 2"
                    if level and level[1] not in words:
                        if not (_A_COURSE_AFTER.match(text, level.end()) or _A_COURSE_BEFORE.search(
                            text, max(0, m.start() - 16), m.start()
                        )):
                            yield hit(m.start(), level.end(), "address")  # a neighbour's
                        continue  # "passed Unit 4 level 1 of the Cert II": a course's unit
                    end = level.end() if level else counted.end()
                org = _AN_ORGANISATIONS_ROOM.match(text, m.end())
                if org is None or _all_in(words, org["where"]):
                    while (more := _PLACE_WORDS_AFTER.match(text, end)) and _all_in(words, more[0]):
                        end = more.end()  # "Site 14, Renmark Riverfront Caravan Park": hers
                    yield hit(m.start(), end, "address")
        if self.boxes:
            for start, box_end, end in land.postal(text):
                if _box_number(text[start:box_end]) in self.boxes:
                    yield hit(start, end, "address")
            for m in _BARE_BOX.finditer(text):  # "box 455", the client's
                if m[1].casefold() in self.boxes:
                    yield hit(m.start(), m.end(), "address")
        for token in [t for t in tokens if t.key in addresses]:
            before = text[max(0, token.start - 40) : token.start]
            for number, pattern in addresses[token.key]:
                if number in before:  # the street number is written before the street name
                    for m in pattern.finditer(text, max(0, token.start - 40), token.end + 600):
                        yield hit(m.start(), m.end(), "address")

    def properties_in(self, text: str, keys: AbstractSet[str]) -> Iterator[Hit]:
        """A registered farm's or station's name, wherever the note says it ("back to Wattle
        Downs after the flood"), digits or none."""
        for first, pattern in self.properties:
            if first in keys:
                for m in pattern.finditer(text):
                    yield hit(m.start(), m.end(), "address")

    def units_in(self, text: str, *, home_said: bool = False) -> Iterator[Hit]:
        """The unit and street number of a registered address without the street: "her unit
        U8/560 is to be handed back". Bare ("8/560") only where it cannot be a date. The unit
        alone where a home is said, or anywhere in a note that gives the client's street
        (``home_said``: "[address], unit 7", "unit 9 on Rawson Street")."""
        if not self.units:
            return
        for m in _UNIT_NUMBER.finditer(text):
            unit, number = m["unit"].casefold(), m["number"].casefold()
            if (unit, number) not in self.units:
                continue
            if not m["word"] and unit.isdigit() and number.isdigit() and (
                int(unit) <= 31 and int(number) <= 12
            ) and not _UNIT_SAID.search(text, max(0, m.start() - 20), m.start()) and not (
                _LEFT_OR_AT.search(text, max(0, m.start() - 24), m.start())
                and not _A_SECOND_DATE.match(text, m.end())
                and not _RATES_AFTER.match(text, m.end())
            ):
                continue  # "3/12" is as likely a date; but "her unit is 2/9", "out of 12/9" not
            yield hit(m.start(), m.end(), "address")
        alone = {unit for unit, _number in self.units}
        for m in (_ANY_UNIT if home_said else _UNIT_ALONE).finditer(text):
            word = re.match(r"[^\W\d_]+", m["home"])
            parks = word is not None and word[0].casefold() in _PARK_UNITS
            if m["unit"].casefold() in alone and (self.park_units or not parks):
                yield hit(m.start("home"), m.end(), "address")  # "back to unit 12", the
                # register's "12/44 …", "his unit 6" for a park's cabin 6; not "working at site
                # 4" for a client in Unit 4

    def house_numbers_in(self, text: str) -> Iterator[Hit]:
        """The street number of a registered address said as a house's: "her boxes were on the
        footpath outside number 27", "back at no. 19"; not "the number 27 bus"."""
        for m in _NUMBER_SAID.finditer(text):
            if m["number"].casefold() not in self.house_numbers:
                continue
            cue = _A_HOUSE_CUE.search(text, max(0, m.start() - 24), m.start())
            if cue and not (
                _ON_A_LIST_AFTER.match(text, m.end()) and _A_PLACE_IN_LINE.search(cue[0])
            ):
                yield hit(m.start(), m.end(), "address")  # "Visited number 27: no answer",
                continue  # "Visited number 27 on my list"; not "At number 27 on the waitlist"
            word = _LIST_NOUN_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if word is not None and (
                word[1].casefold() in _LIST_NOUNS or _a_lists_capital(text, word)
            ) and (word[1].casefold() not in lexicon.FUNCTION_WORDS) and not _a_deed(
                word[1].casefold()
            ):
                continue  # "Action #27", "Session number 27", "hymn no. 27": a list's item; but
                # "her husband bought number 27", "complained about number 27"
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
            if not line.strip(" \t•*-") and _A_DASH_AFTER.match(text, m.end()):
                continue  # "No. 9 - review the safety plan": a list's item
            if not _NOT_A_HOUSE_AFTER.match(text, m.end()) and not _NOT_A_HOUSE_BEFORE.search(
                text, max(0, m.start() - 16), m.start()
            ):
                yield hit(m.start(), m.end(), "address")

    def streets_in(
        self,
        text: str,
        tokens: list[Word],
        places: list[tuple[int, int]],
        keys: AbstractSet[str] | None = None,
    ) -> Iterator[Hit]:
        """The street of a registered address on its own: "still at boundary st", "moving off
        Logan Road" (the client lives at 22 Logan Road). Register wins over street-named places."""
        streets = self.streets
        if not streets or self.street_keys.isdisjoint(keys or [t.key for t in tokens]):
            return
        for token in [t for t in tokens if t.key in streets]:
            for pattern in streets[token.key]:
                m = pattern.match(text, token.start)
                if m is None:
                    continue
                suburb = m.groupdict().get("suburb") is not None
                street_end = m.start("suburb") if suburb else m.end()
                if (
                    not _LANDMARK_AFTER.match(text, street_end)
                    # inside a longer place ("Brunswick Street Mall"); a highway listed as
                    # a place is still the client's road ("off the Great Northern Highway")
                    and not any(s <= m.start() and m.end() <= e and (s, e) != m.span()
                                and text[s:e].casefold() != "the " + m[0].casefold()
                                for s, e in places)
                ):
                    the = THE_BEFORE.search(text, max(0, m.start() - 4), m.start())
                    start = the.start() if the else m.start()  # "The Horsley Drive"
                    end = m.end()
                    if suburb and (_A_PLACE_AFTER_SUBURB.match(text, end) or (
                        (after := _WORD_AFTER.match(text, end))
                        and (after[1].casefold() in STREET_TYPE_FORMS or after[1].istitle())
                    )):  # "Rossmore Ave, Punchbowl Road" (another street), "Logan Rd,
                        end = street_end  # Woolloongabba busway", "… Punchbowl Public School"
                    yield hit(start, end, "address")  # not "Emma Miller Place"


# A home's words before its number: a flat's, a park's site or van, a camp's cabin or donga.
_HOMES = "unit|flat|apartment|apt|villa|cabin|donga|site|van|caravan"
_UNIT_WORD = rf"(?:u|{_HOMES})"
# A park's or a camp's words for a home (not a block's: unit, flat, apartment, villa).
_PARK_UNITS = frozenset({"site", "van", "caravan", "cabin", "donga"})
_UNIT_NUMBER = re.compile(
    rf"(?<![\w/.])(?P<word>{_UNIT_WORD}\s*)?(?P<unit>\d+[a-z]?)\s*/\s*"
    r"(?P<number>\d+[a-z]?)(?![\w/])",
    re.IGNORECASE,
)
_IRN_AFTER = re.compile(r"[ \t]*[/\-][ \t]*[1-9](?![\d/])")
# A unit's number alone, where someone's home is said: "back to unit 12", "her flat 3B"; not
# "Unit 3 needs a new door" in a refuge's or a block's handover, where units are the rooms.
_UNIT_ALONE = re.compile(
    r"(?:\b(?i:her|his|their|my|your|'s|back\s+to|home\s+to|tenancy|tenant\s+of|lease\s+on"
    r"|(?:mum|mom|dad|nan|nana|nanna|aunty|auntie|aunties|sis|bro|mate)(?:['’]?s)?)"
    rf"\s+(?=(?i:{_HOMES})\s*\d+[a-zA-Z]?(?![\w/])(?!\s+(?i:assessment|homework"
    r"|exam|quiz|maths|math|module|workbook|assignment|of)\b))"  # not "unit 3 notes mould"
    rf"|\b(?i:at|to|from|in)\s+(?=(?i:{_HOMES}))|[\"'“‘(]\s*)"
    rf"(?P<home>(?i:{_HOMES})\s*(?:no\.?\s*|number\s+|#\s*)?"
    r"(?P<unit>\d+[a-zA-Z]?))(?![\w/]|\.\d)(?!\s+of\b)"
)
_ANY_UNIT = re.compile(
    rf"(?P<home>\b(?i:{_HOMES}|townhouse)\s*(?:no\.?\s*|number\s+|#\s*)?"
    r"(?P<unit>\d+[a-zA-Z]?))(?![\w/]|\.\d)(?!\s+of\b)"
)
# Where a home is left or lived in, "12/9" is no date: "out of 12/9", "her rent at 6/10".
_LEFT_OR_AT = re.compile(
    r"(?i)(?:\bout\s+of|\bmove\s+into|\bmoved\s+into|\bmoving\s+into"
    r"|\brent\s+at"
    r"|\blives\s+at|\bliving\s+at|\bstaying\s+at|\bvacate|\bvacating|\bvacated"
    r"|(?<!on\s)\bleave|\bleaving|\bleft|(?<!backdated\s)\bback\s+to)\s+\Z"
)  # not "on leave 12/9", "backdated back to 12/9", "Rent at 6/10 rates" (the register wins
# where a date could be: "left 12/9 after the fight")
# A second date after the pair: a range or a return, so the pair is a date too.
_A_SECOND_DATE = re.compile(
    r"\s*(?:to|till|until|-|–|and|,\s*returned)\s*(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])\b"
    r"(?![/.]\d|\s+(?:is\b|was\b|[A-Za-z][\w'’\-]*\s+(?i:st|street|rd|road|ave|avenue|dr|drive"
    r"|cres|ct|court|pl|place|ln|lane|way|tce|terrace|pde|parade|hwy|highway|cl|close)\b))"
)  # "12/9 to 20/9", "12/9 - 19/9 Jo covering"; not "12/9 to 7/21", "to 3/44 Logan Rd", "and 8/10
# is next"
_RATES_AFTER = re.compile(r"\s+(?:rates?|prices?|levels?|prices)\b", re.IGNORECASE)
_HOUSE_IN_ADDRESS = re.compile(
    r"\s*(?:(?:unit|u|flat|apt|apartment|villa)\.?\s*)?(?:\d+[a-z]?\s*/\s*)?(\d+[a-z]?)\s+[A-Za-z]",
    re.IGNORECASE,
)
_NUMBER_SAID = re.compile(
    r"(?i)(?:\b(?:number|no\.)|(?<![\w&])#)\s*(?P<number>\d{1,4}[a-z]?)(?![\w/]|[.,]\d)"
)
# Where a house is gone to, stood at or said to be: the number after these is the home's, whatever
# follows it ("Visited number 27: no answer", "Her house is number 27").
_A_HOUSE_CUE = re.compile(
    r"(?i)\b(?:at|outside|into|from|near|opposite|behind|past|visited|attended|knocked(?:\s+on)?"
    r"|(?:door|front)\s+of|lives|living|stays|staying|moved|house|home|(?:house|home|address|place)\s+"
    r"(?:is|was)|hv|home\s+visit)[ \t]*[-–:]?[ \t]*\Z"
)
_A_DASH_AFTER = re.compile(r"[ \t]+[-–—][ \t]")
_LIST_NOUN_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+\Z")
_LIST_NOUNS = word_set(
    "action item session visit attempt hymn clause exhibit recommendation priority form chapter"
    " page step task goal question point issue agenda meeting round week day seat ticket"
)
_DEEDS_BEFORE_A_HOUSE = word_set(
    "bought sold rented leased left took kept got found broke burgled raided painted cleaned"
    " fixed owns own owned rents buys sells share shares shared"
)


_OPENS = re.compile(r"(?:^|[.!?:;|(\n•*\-–—])[ \t]*\Z")


def _a_lists_capital(text: str, word: re.Match[str]) -> bool:
    """A capitalised noun naming what is numbered ("Hymn no. 27", "Exhibit #27"): not a verb
    opening a sentence ("Try number 27 first"), a street's type ("Logan Rd number 27"), nor a
    word in capitals, where case says nothing ("ASKED ABOUT NUMBER 27")."""
    w = word[1]
    return w[0].isupper() and not w.isupper() and w.casefold() not in STREET_TYPE_FORMS and (
        not _OPENS.search(text, max(0, word.start() - 3), word.start())
    )


def _a_deed(word: str) -> bool:
    """A verb done to a house: "bought number 27", "cleaned out number 9"."""
    return word in _DEEDS_BEFORE_A_HOUSE or (len(word) > 4 and word.endswith("ed"))
_NOT_A_HOUSE_BEFORE = re.compile(
    r"(?i)\b(?:ticket|case|file|item|room|bed|platform|gate|page|question|ref|reference|invoice"
    r"|receipt|order|seat|bay|locker|client|account|policy|phone|mobile|batch|lot|bus|route|tram"
    r"|train|flight|jersey|pump|dock|lane|aisle|step|point|rule|level|goal|goals|day|week|wore"
    r"|wears|ranked|ranked\s+at|is|was|she's|he's|its|it's|item|exit|draw|task|step|section"
    r"|dial|press|option)\s+\Z"
)  # "Goal #9", "Day number 27", "wore number 19", "She's number 27"
_NOT_A_HOUSE_AFTER = re.compile(
    r"(?i)[ \t]*[:)][ \t]|\s+(?:bus|route|tram|train"
    r"|on\s+(?:the|my|her|his|their|our|your)\s+(?:\w+\s+)?(?:list|waitlist|wait\s+list|ladder|form|register|checklist|sheet|page)|in\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:queue|line|form|checklist|guide|list|booklet|handbook))\b"
)  # "number 27 on the list", "Go to number 27 on the form", "number 27 in the checklist"
_A_PLACE_IN_LINE = re.compile(  # "At number 27", "Up from number 41" (in a queue)
    r"(?i)\b(?:at|is|was|from|to)[ \t]*[-–:]?[ \t]*\Z"
)
_ON_A_LIST_AFTER = re.compile(  # "At number 27 on the waitlist"
    r"(?i)\s+(?:on|in)\s+(?:the|my|her|his|their|our|your)\s+(?:\w+\s+)?"
    r"(?:list|waitlist|wait\s+list|queue|ladder|register)\b"
)
_UNIT_SAID = re.compile(
    r"(?i)\b(?:unit|flat|apartment|apt|townhouse|villa)(?:\s+(?:is|was|no\.?|number|#))?\s*:?\s*\Z"
)
_UNIT_IN_ADDRESS = re.compile(
    rf"\s*(?:{_UNIT_WORD}\.?\s*)?(\d+[a-z]?)\s*(?:/|,\s*)(\d+[a-z]?)\s", re.IGNORECASE
)


def _box_number(box: str) -> str:
    """ "PO Box 55" -> "55", "RMB K12" -> "k12": a box's number, whatever it is called."""
    return re.sub(r"\s+", "", re.split(r"(?<=[A-Za-z.#\s])(?=[A-Za-z]?\d)", box)[-1]).casefold()


_BARE_BOX = re.compile(
    r"(?<![\w/])(?i:box|bag|rms|rmb|rsd|rmn|cmb|pmb)\s*#?\s*([A-Z]?\d{1,6}[A-Z]?)(?![\w/])"
)
# A registered address's first part, a farm's or a station's name: no digit in it, then a
# street or a town ("Wattle Downs, 1180 Bruxner Highway, Tabulam NSW 2469"; "Wattle Downs 1180
# Bruxner Highway").
_FIRST_PART = re.compile(
    r"\s*[\"'‘“]?(?P<name>[^\W\d_][^,\d\"'’”]*?)[\"'’”]?(?:\s*,\s*(?=\S)|\s+(?=\d))"
)
# A farm's generic word, which a note may leave off: "Wattle Downs Station" is "Wattle Downs".
_FARM_WORDS = frozenset({"station", "farm", "homestead", "property", "orchard", "vineyard"})
_CARE_OF = re.compile(r"(?i)\s*(?:c/[-o]|care\s+of|attn|unit|flat|level|shop|suite|block)\b")
_MAIL_PREFIX = re.compile(
    r"\s*(?:RMB|R\.M\.B\.|RSD|R\.S\.D\.|CMB|Roadside\s+Mail\s+(?:Box|Bag))\.?\s*(?=\d)",
    re.IGNORECASE,
)


def property_name(address: str) -> str | None:
    """The farm's or station's name a registered address opens with, if any: not a street, a
    care-of, a unit, a listed place or service, or a word of the language alone."""
    m = _FIRST_PART.match(address)
    if not m or _CARE_OF.match(address) or land.POSTAL.match(address.strip()):
        return None  # "PO Box 55, Kyogle", "Locked Bag 7": a box, no farm
    words = LETTERS.findall(m["name"].casefold())
    if not words or len(words) > 4 or sum(map(len, words)) < 4:
        return None  # (a street's form is a farm's name too: "Glenrock Park", "Windy Hill")
    listed = any(p == tuple(words) for p in lexicon.place_phrases().get(words[0], ()))
    if listed or (len(words) == 1 and words[0] in lexicon.place_words() | lexicon.english_words()):
        return None
    rest = address[m.end() :]
    if not (HAS_DIGIT(rest) or _STATE_IN.search(rest)):
        return None  # "Tabulam, NSW"? a town and its state, not a farm
    return m["name"].strip()


_STATE_IN = re.compile(r"\b(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)\b", re.IGNORECASE)


def _property_rule(farm: str) -> re.Pattern[str]:
    """A farm's name as a note may write it, in any case ("wattle downs"): two words or more, or
    one that is no word of the language, say no one else's place."""
    words = LETTERS.findall(farm)
    body = r"[\s\-]+".join(map(re.escape, words))
    if len(words) > 2 and words[-1].casefold() in _FARM_WORDS:
        head = re.escape(words[-1])
        body = r"[\s\-]+".join(map(re.escape, words[:-1])) + rf"(?:[\s\-]+{head})?"
    return re.compile(rf"(?<![\w'’]){body}(?![\w'’])", re.IGNORECASE)


def _distinctive(word: str) -> bool:
    """A word no one would write but for that farm: no word of the language, name or place."""
    return len(word) >= 5 and not (
        word in lexicon.english_words() or word in lexicon.given_names()
        or word in lexicon.surnames() or word in lexicon.place_words()
        or word in lexicon.place_firsts() or word in lexicon.not_names()
    )


def street_part(address: str) -> str:
    """The address from its street number on: a farm's name and a rural mail word before it
    left off ("Wattle Downs, RMB 412 Bonalbo Road" -> "412 Bonalbo Road")."""
    if property_name(address):
        address = address[_FIRST_PART.match(address).end() :]  # type: ignore[union-attr]
    return _MAIL_PREFIX.sub("", address, count=1)


def unit_number(address: str) -> tuple[str, str] | None:
    """(unit, street number) of an address that has both ("U8/560 …", "Unit 4, 88 …")."""
    m = _UNIT_IN_ADDRESS.match(address)
    return (m[1].casefold(), m[2].casefold()) if m else None


def street_rule(address: str, *, numbered: bool = True) -> tuple[str, re.Pattern[str]] | None:
    """The street name and type of a registered address, as a pattern for it standing alone in
    any case and with any form of its type ("Logan Road", "logan rd"), not where it names a
    place ("Brunswick Street Mall", "Roma Street station"). ``numbered=False``: a street with
    no number, after a farm's name ("Pindan Springs Station, Great Northern Highway, …")."""
    street = re.match(
        rf"\s*(?i:{UNIT})\d+[a-z]?(?:\s*-\s*\d+[a-z]?)?\s+([^,]+)" if numbered else r"\s*([^,\d]+)",
        address, re.IGNORECASE,
    )
    if not street:
        return None
    words = LETTERS.findall(street[1].casefold())
    if len(words) > 2 and words[0] == "the":  # "The Horsley Drive" is also "horsley drive"
        words = words[1:]
    suffix = ""
    if len(words) > 2 and words[-1] in _SUFFIXES and words[-2] in STREET_TYPE_FORMS:
        # "Commercial Street West": the side is part of it ("… East" is another street)
        suffix = rf"\s+(?:{_SUFFIXES[words[-1]]})"
        words = words[:-1]
    if len(words) < 2 or words[-1] not in STREET_TYPE_FORMS:
        return None
    kind = STREET_TYPE_FORMS[words[-1]]
    name = r"[\s\-]+".join(map(re.escape, words[:-1]))
    # No full stop after it: "Miller Place." ends a sentence.
    return words[0], re.compile(rf"{name}\s+(?:{kind}){suffix}\b", re.IGNORECASE)


def _with_suburb(street: re.Pattern[str], line: re.Match[str] | None) -> re.Pattern[str]:
    """The street alone, and the registered suburb after it (its address's locality ``line``)
    if the note writes it there: "Rossmore Avenue, Punchbowl" is her address (the suburb
    elsewhere is only a place)."""
    if line is None:
        return street
    suburb = r"[\s,]+".join(map(re.escape, LETTERS.findall(line["suburb"])))
    return re.compile(
        rf"{street.pattern}(?P<suburb>,?[ \t]+{suburb}(?:,?[ \t]+{line['state']})?"
        rf"(?:[ \t]+{line['postcode']})?(?![\w'’]))?",
        re.IGNORECASE,
    )


_SUFFIXES = {
    form: forms
    for forms in ("north|nth|n", "south|sth|s", "east|e", "west|w", "extension|ext", "upper",
                  "lower", "central")
    for form in forms.split("|")
}


_SIGNATURE = re.compile(r"(?:^|\n)[ \t]*(?:[-–—~]+|cheers,?|thanks,?|ta,?)?[ \t]*\Z", re.IGNORECASE)


# Verbs of a worker's to-do list before their particle: "chase up the bond", "follow up".
_PHRASAL_VERBS = word_set("chase follow pick check ring top sign sort drop fill hand call catch "
                          "book print bring")
_PARTICLES = word_set("up off")


def introduction(tokens: Sequence[Word], i: int, *, abroad: bool = False) -> int:
    """How many words just before word ``i`` say who someone is: "its", "im" (1); "it's",
    "this is", "i'm" (2); else 0. ``abroad``: also as other languages say it, for a registered
    name ("si Dory", "mi Starry"), not for any word ("mi casa")."""
    keys = [tokens[k].key for k in range(max(0, i - 2), i)]
    if keys[-1:] in (["its"], ["im"]) or (abroad and keys[-1:] and keys[-1] in _SAYS_WHO_ABROAD):
        return 1
    if keys in (["it", "s"], ["this", "is"], ["i", "m"]):
        return 2
    return 2 if abroad and keys in (["c", "est"], ["je", "suis"], ["ako", "si"]) else 0


# "It's" as other languages say it before a name: Tagalog "si Dory", Kriol "dijan Starry" and
# "mi Starry", Spanish "soy", Swahili "ni".
_SAYS_WHO_ABROAD = frozenset({"si", "dijan", "mi", "soy", "ni"})


# Said after "its" without being anyone's name, though listed as given names.
_NOT_SENDERS = frozenset({"ok", "ty", "nan", "ta"})


def _sender_follows(tokens: list[Word]) -> bool:
    """Does the text's second or third word introduce its sender by a given name that is no
    English word ("paddy its jessamy", "cyclone it's oonagh", "bounty durita here"; not "hope
    its ok")?"""
    for size in (1, 2):
        k = 1 + size
        if k < len(tokens) and introduction(tokens, k) == size:
            return _a_senders_name(tokens[k].key)
    # "bounty durita here": whom it is to, then the sender's name and "here"
    return len(tokens) > 2 and tokens[2].key == "here" and _a_senders_name(tokens[1].key)


def _a_senders_name(who: str) -> bool:
    """A given name that is no English word, or a name no list has ("its borbála")."""
    return (
        who not in lexicon.english_words() and who not in _NOT_SENDERS
        and (who in lexicon.given_names() or (
            len(who) >= 3 and who.isalpha() and who not in lexicon.never_names()
            and who not in lexicon.place_words() and re.search("[aeiouy]", who) is not None
        ))
    )


def _says_who(tokens: list[Word], i: int) -> bool:
    """Someone saying who they are just before word ``i``, opening what they say, not after a
    function word ("with its paw")."""
    size = introduction(tokens, i, abroad=True)
    before = i - size - 1
    return size > 0 and (before < 0 or tokens[before].key not in lexicon.FUNCTION_WORDS)


def _signs(text: str, t: Word) -> bool:
    """Is ``t`` a signature: alone on the note's last line, after a dash or a "cheers"
    ("…ring me\n- Ky")?"""
    return (
        not text[t.end :].strip(" \t.!\r\n")
        and _SIGNATURE.search(text, max(0, t.start - 12), t.start) is not None
    )


def _speaks(text: str, tokens: list[Word], i: int) -> bool:
    """Is word ``i`` followed by a verb of someone speaking, calling or wanting ("jo rang")?"""
    return (
        i + 1 < len(tokens)
        and tokens[i + 1].key in lexicon.SPOKE
        and text[tokens[i].end : tokens[i + 1].start] == " "
    )


def _not_a_dish(text: str, tokens: list[Word], i: int) -> bool:
    """ "Rice and dahl" is food; "May and her son", "Hope and Kirra" are people: after "and",
    a pronoun, a determiner, a relation or a capitalised word."""
    if i + 2 >= len(tokens) or tokens[i + 1].key not in lexicon.NAME_JOINERS:
        return True
    after = tokens[i + 2]
    return (
        after.caps
        or after.key in lexicon.FUNCTION_WORDS
        or after.key in lexicon.RELATIONS
        or text[tokens[i + 1].end : after.start].strip() != ""
    )


def _folds_to_a_word(key: tuple[str, ...], name: str) -> bool:
    """A part of a name that only without its accents is a word ("Mỹ" as "my", "Sơn" as
    "son"): typed plain, the word is meant, not the client."""
    word = key[0]
    return (
        len(key) == 1
        and word not in {w.casefold() for w in LETTERS.findall(name)}
        and (word in lexicon.FUNCTION_WORDS or (
            word in lexicon.english_words()
            and word not in lexicon.given_names()
            and word not in lexicon.surnames()
        ))
    )


def name_keys(name: str) -> set[tuple[str, ...]]:
    """Word sequences that stand for ``name``: all of it, any run of its parts, first + last."""
    raw = [part for part in name.split() if LETTERS.search(part)]
    parts = [tuple(LETTERS.findall(part.casefold())) for part in raw]
    keys = {sum(parts[i:j], ()) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}
    if len(parts) > 2:
        keys.add(parts[0] + parts[-1])  # skipping middle names
    for words_, written in zip(parts, raw, strict=True):
        if len(words_) > 1:  # O'Brien typed as OBrien; Smith-Jones as "Ms Jones"
            keys.add(("".join(words_),))
            pieces = (tuple(LETTERS.findall(p.casefold())) for p in re.split("[-‐‑–]", written))
            keys |= {p for p in pieces if len("".join(p)) >= 3}
    return keys


def joined(text: str, tokens: list[Word], i: int, size: int) -> bool:
    """Are words i..i+size-1 written as one name (spaces, line breaks, hyphens, apostrophes)?"""
    return all(
        _JOINER.fullmatch(text, tokens[k].end, tokens[k + 1].start) for k in range(i, i + size - 1)
    )


def name_runs(text: str, tokens: list[Word], owner: list[frozenset[str] | None]) -> list[Hit]:
    """One replacement per run of words of one client's name: "Jane  Quokkafield" -> one code."""
    hits: list[Hit] = []
    i = 0
    while i < len(tokens):
        codes, j = owner[i], i
        if codes is None:
            i += 1
            continue
        while j + 1 < len(tokens) and owner[j + 1] == codes and joined(text, tokens, j, 2):
            j += 1
        start, end = tokens[i].start, tokens[j].end
        # Glued to digits ("Jane2") a code would read as another code ("U1R-0142"): say [name].
        glued = text[start - 1 : start].isalnum() or text[end : end + 1].isalnum()
        code = next(iter(codes)) if len(codes) == 1 and not glued else PLACEHOLDERS["name"]
        hits.append(Hit(start, end, "name", code))
        i = j + 1
    return hits


def _one_slip(word: str, name: str) -> bool:
    """One letter wrong, missing or extra, and the first right: "Kid" for Kidd, "tiara" for
    Tiare."""
    return (
        word != name
        and word[0] == name[0]
        and abs(len(word) - len(name)) <= 1
        and edit_distance(word, name) == 1
    )


def _consonants(word: str) -> str:
    return "".join(ch for ch in word if ch not in "aeiouy")


def _vowel_misheard(word: str, name: str) -> bool:
    """Only the opening sound heard wrong, as dictation does: "amber" for Ember, "allen" for
    Ellen, "jenesis" for Genesis, "kristal" for Crystal (in lowercase, beside the client's
    surname only: "Amber Kleinschmidt" may be her sister)."""
    return (
        len(word) == len(name)
        and word[0] != name[0]
        and (
            (word[0] in "aeiou" and name[0] in "aeiou")
            or {word[0], name[0]} in _SOUNDS_ALIKE
        )
        and word[1:] == name[1:]
    )


# Kin words a congregation or a club calls its members by, capitalised as titles.
_CHURCH_TITLES = frozenset({"sister", "brother", "bro", "sis", "aunty", "auntie", "uncle", "mama",
                            "papa", "elder", "deacon", "pastor", "coach"})
# After a name opening a text, what says the text is to them ("runner ur mate found it"; "haze
# its ok" is the weather, and "haze its jessamy" a sender, read elsewhere).
_ADDRESSED = re.compile(
    r" (?:pls|plz|please|ur)\b"
    r"| (?:u|yu|you)(?= (?:at|there|ok|okay|orait|home|free|around|up|awake|coming|still|right"
    r"|alright|back)\b)"
    r"| the(?: [A-Za-z']+){1,4} (?:can|will|wants?|needs?|has|have|said|says|rang|called|is|are)\b"
)  # "buck u at home today?", "bomber yu orait?", "tiger the salvos can pay two more nights"
# Verbs a task opens with ("Chase the forms", "Skip the queue"): before "the …", the client only
# where the text speaks to someone ("chase the salvos can pay you").
_TASK_VERBS = word_set(
    "chase skip check mark bear book call ring ask tell send bring take get follow use try help"
    " pick drop fill sign print post scan file pay ship sort pack grab buy"
)
_SPOKEN_TO = re.compile(r"(?i)\b(?:you|u|ur|your|yu)\b")
# Verbs that take a clause, which open texts too: "hope its ok", "trust ur well".
_CLAUSE_VERBS = frozenset({"hope", "trust", "wish", "guess", "bet", "pray", "think", "reckon"})
# Names that open a sentence as a verb or a modal before "ur"/"please": "will ur dad be there",
# "mark ur calendar", "sue please" is Sue, but "mark please the boxes" is a verb.
_OPENING_VERBS = frozenset({"will", "may", "can", "mark", "pat", "rob", "grant", "chase", "drew"})
_SOUNDS_ALIKE = ({"j", "g"}, {"k", "c"}, {"s", "c"})


def deletes(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` of its letters."""
    out = {word}
    for _ in range(depth):
        out |= {w[:i] + w[i + 1 :] for w in out for i in range(len(w))}
    return out


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment: adjacent swaps count as one)."""
    before: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], before[j - 2] + 1)
        before, prev = prev, cur
    return prev[-1]


def _digits(value: str | None) -> str:
    return re.sub(r"\D", "", value or "")


def digit_ids(ident: ClientIdentity) -> list[tuple[str, str]]:
    """Registered numbers as bare digits; a phone as its national number (no 0, no +61)."""
    out: list[tuple[str, str]] = []
    if phone := _digits(ident.phone):
        if len(phone) == 11 and phone.startswith("61"):
            phone = phone[2:]
        elif len(phone) == 10 and phone.startswith("0"):
            phone = phone[1:]
        out.append((phone, "phone"))
        if len(phone) == 9 and phone[0] in "2378":  # a landline, also written without area code
            out.append((phone[1:], "phone"))
    out += [(_digits(ident.medicare)[:10], "medicare"), (_digits(ident.crn), "crn")]
    if born := ident.date_of_birth:
        # Written without separators, anywhere ("her DOB on the form is 07031994"): only this
        # client's own date matches, so no cue is needed. Six digits (DDMMYY) would match too
        # much of other numbers; the dated forms with separators are the date patterns' job.
        out += [(born.strftime("%d%m%Y"), "dob"), (born.strftime("%Y%m%d"), "dob")]
    return [(v, kind) for v, kind in out if len(v) >= 6]  # shorter would match too much


# Between two days of a roster or a range: a table's or a tab's separator, a dash.
def _roster_days(text: str, tokens: list[Word], i: int) -> int:
    """How many different weekdays stand side by side with word ``i``, across a table's "|", a
    tab or a dash (word ``i`` counted)."""
    seen = {tokens[i].key[:2]}
    for step in (-1, 1):
        k = i
        while 0 <= k + step < len(tokens):
            a, b = sorted((k, k + step))
            day = tokens[k + step]
            if day.key not in lexicon.WEEKDAYS or day.key[:2] in seen or not (
                _DAYS_APART.fullmatch(text, tokens[a].end, tokens[b].start)
            ):
                break
            seen.add(day.key[:2])
            k += step
    return len(seen)


_DAYS_APART = re.compile(r"[ ]*(?:\|[ ]*|\t[ \t]*|[\-–—][ ]*)")
# Possessives that open a holiday's or an institution's name, not a person's: "King's
# Birthday", "Mother's Day", "St Vincent's".
_NOT_WHOSE = frozenset(
    {"king", "queen", "prince", "princess", "lord", "lady", "st", "saint", "mother", "father",
     "captain", "duke", "bishop", "pope", "valentine"}
)
_APOSTROPHE_S = re.compile(r"['’][sS]")


def whose(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a person's name with "'s" after it, opening a place or a service
    ("Anne's Kitchen", "BILLY'S PLACE"), not a holiday written as one ("King's Birthday";
    but "King's birthday" and "KING'S BIRTHDAY" may be a client's)?"""
    if _APOSTROPHE_S.match(text, end) is None:
        return False
    word = text[start:end]
    return word.casefold() not in _NOT_WHOSE or not (
        word.istitle() and _TITLED_AFTER.match(text, end) is not None
    )


_TITLED_AFTER = re.compile(r"['’]s[ \t]+[A-Z][a-z]")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_LOCALITY = re.compile(
    r"(?:^|,)\s*(?P<suburb>[A-Za-z'’\- ]+?)\s*,?\s+(?P<state>QLD|NSW|VIC|SA|WA|TAS|NT|ACT)\s*,?\s*"
    r"(?P<postcode>\d{4})\s*\Z",
    re.IGNORECASE,
)
# A dwelling by its word and number: a remote community's house or lot, and a rooming house's
# room, a caravan park's cabin, site or van, a block's unit when the address opens with it.
_ROOM_WORDS = {
    "room": "room", "rm": "room", "bed": "bed", "cabin": "cabin", "site": "site", "van": "van",
    "caravan": "van", "villa": "villa", "unit": "unit", "flat": "flat",
    "apartment": "apartment", "apt": "apartment",
    "pen": "berth", "berth": "berth", "mooring": "berth",  # a boat lived on: "Pen C14"
}
_DWELLING_WORDS = {"house": "house", "hse": "house", "lot": "lot", **_ROOM_WORDS}
_DWELLING = (
    rf"(?<![\w/])(?<!\ba )(house|hse|lot|{'|'.join(_ROOM_WORDS)})\.?"
    r"(?:\s*[\-#:]\s*|\s+(?:number|no\.?)\s*|\s*)"  # "Room: 7" on a form
    r"((?:(?<=pen )|(?<=berth )|(?<=mooring ))[a-z]\d+[a-z]?|\d+[a-z]?)(?![\w/])"  # "Pen C14"
)
# A dwelling by its word and number, read the same in the register ("Unit 4 Level 2, 88 George
# St", "Lot 7 Course Rd") and in a note, where what follows it is then weighed against the address.
_A_DWELLING = re.compile(_DWELLING, re.IGNORECASE)


def _all_in(words: AbstractSet[str], said: str) -> bool:
    """Is every word ``said`` one of a registered address's ``words``?"""
    return all(w.casefold() in words for w in LETTERS.findall(said))


_LEVEL_NUMBER = re.compile(r"[ \t]*(\d+)\b")  # "unit 4 level 2"
_A_COURSE_AFTER = re.compile(
    r"(?i:[ \t]+(?:of|in|for)\b|[ \t]+(?:cert|certificate|course|module|maths|english|done"
    r"|passed|finished|completed|today|yesterday|tomorrow|tonight|assessment|assignment|exam"
    r"|test|quiz|lessons?|class(?:es)?|homework|results?|swimming|reading|units?)\b)"
)
_A_COURSE_BEFORE = re.compile(
    r"(?i:\b(?:finished|did|done|completed|passed|failed|studying|doing|started|sat|submitted"
    r"|teaching|taught)[ \t]+)\Z"
)
# The capitalised words after it, which may be its address's place ("Site 14, Renmark Riverfront
# Caravan Park").
_PLACE_WORDS_AFTER = re.compile(r",?[ \t]+[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*")
# In a note, not a count or a measure: "Room 3 weeks", "lot 7 of" (unless the address says so:
# "unit 4 level 2" for "Unit 4 Level 2, 88 George St").
_COUNTED_AFTER_DWELLING = re.compile(
    r"(?![ \t]{2}|\t)[ \t]*(?:weeks?|wks?|days?|months?|years?|yrs?|nights?|hours?"
    r"|hrs?|times?|minutes?|mins?|kms?\b|am\b|pm\b|%|assessments?|quiz|exams?|tests?"
    # "Unit 4 of the course"; not "Room 3 of a rooming house", "Room 7 of a motel"
    r"|of\b(?![ \t]+(?:a|an|the|her|his|their)[ \t]+(?:[\w'’\-]+[ \t]+){0,2}(?:rooming|boarding"
    r"|house|motel|hotel|hostel|caravan|lodge|backpackers|share|refuge|shelter)\b)"
    r"|modules?|course|outcomes?|levels?)",
    re.IGNORECASE,
)
# A room of an organisation: "Room 9 at the Hub", "in Room 9 at the hospital" -- unless the
# organisation is in the client's registered address ("Room 9, The Hub Youth Refuge, …").
_AN_ORGANISATIONS_ROOM = re.compile(
    r"[ \t]+(?:at|in|of)[ \t]+(?:the[ \t]+)?(?P<where>(?:[\w'’\-]+[ \t]+){0,2}(?:hub|hospital"
    r"|centre|center|clinic|court|office|library|school|tafe|station|church|hall|mission|service"
    r"|services|council|campus|university|uni|college))\b",  # a motel room is a home
    re.IGNORECASE,
)
_NO_ONES_ROOM = re.compile(  # a meeting's room, a court's: "Interview Room 2", "Court room 3"
    r"(?i)\b(?:meeting|interview|court|consult(?:ing|ation)?|training|hearing|conference"
    r"|waiting|treatment|board|function|group)\s*\Z"
    r"|\bward[ \t]+\w{1,4},?[ \t]*\Z"  # a hospital's bed: "Ward 3, Bed 7"
)


def _a_room_first(address: str, home: re.Match[str]) -> bool:
    """The address opens with its room, cabin, site or unit ("Room 9, 27 Warburton Street"; not
    "9/27 …", whose unit ``unit_number`` reads, nor a "Unit Road")."""
    return home[1].casefold() in _ROOM_WORDS and not address[: home.start()].strip() and (
        "/" not in address[home.start() : home.end() + 2]
    )


def address_rule(address: str) -> tuple[str, str, re.Pattern[str]] | None:
    """A pattern for the address, the word that anchors the search for it, and the digits that
    must come before that word (its street number)."""
    flat = " ".join(address.split())
    alts = [r"[\s,]+".join(map(re.escape, re.findall(r"[^\s,]+", flat)))]
    street = _STREET.search(flat)
    if street:
        num = r"\s*".join(map(re.escape, street["num"].replace(" ", "")))
        name = r"\s+".join(map(re.escape, street["name"].split()))
        tail = ""  # then optionally the suburb, state, postcode, as far as they are written
        for word in reversed(re.findall(r"[^\W_]+", flat[street.end() :])):
            if word.casefold() in lexicon.STATES:  # often left out: "Campbelltown 2560"
                tail = rf"(?:[\s,]+{re.escape(word)})?{tail}"
            else:
                tail = rf"(?:[\s,]+{re.escape(word)}{tail})?"
        kind = STREET_TYPE_FORMS[street["type"].casefold()]
        # The type may be left out with the number there: "sent to 15 Le Hunte", "16 Chandler
        # today"; written as registered where the name is also a word ("2 main concerns" is no
        # 2 Main Street).
        words_ = street["name"].casefold().split()
        bare = name if not any(w in lexicon.english_words() for w in words_) else rf"(?-i:{name})"
        alts.insert(0, rf"{UNIT}{num}\s+(?:{name}\s+(?:{kind})\b\.?|{bare}){tail}")
        anchor = LETTERS.findall(street["name"].casefold())[0]
        number = re.sub(r"\D.*", "", street["num"])
    else:
        anchor = max(LETTERS.findall(flat.casefold()), key=len, default="")
        number = ""
    if len(anchor) < 2:
        return None
    return anchor, number, re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", re.IGNORECASE)
