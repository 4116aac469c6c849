"""De-identification of free text before it is shown in a Slack channel.

``deidentify`` is pure: text in; redacted text, per-type counts and the output positions of the
replacements out. It replaces

* the registered identifiers of the clients in play (``known_clients.py``, ``initials.py``):
  names, aliases, their misspellings, initials and titles become the client's case code
  (``[name]`` when the words belong to more than one client in play, so nobody is pointed at
  the wrong person); date of birth (in any format),
  address, phone, email, Medicare number and CRN become ``[DOB]``, ``[address]``, ``[phone]``,
  ``[email]``, ``[Medicare]``, ``[CRN]``;
* anyone's identifiers (``patterns.py``): phone numbers (``phonenumbers``), emails, Medicare
  numbers (valid check digit), CRNs, tax file numbers (``[TFN]``: after "TFN", or a valid
  checksum), other ID numbers after their cue (``[ID]``), phones said in words, dates of birth
  given with a cue ("DOB", "born", "(aged 37)", "bday june 30", "DOB 16101981"), street
  addresses with their unit or lot and suburb, URLs that carry a name (``[URL]``) and social
  handles after their platform's name ("WeChat wongsiuling_bne": ``[ID]``);
* other people's names (``names.py``): a name lexicon (US Census given names and surnames) plus
  context (titles, relation words, possessives, pairs of name words), as ``[name]``.

What survives: case codes, the caller's ``keep`` phrases (agencies and services -- seed them with
``COMMON_SERVICES`` -- the group's own terms, and the members' own names), suburbs and cities,
appointment dates and times (a date without a cue that is not a registered date of birth),
dollar amounts, medication names, 13/1300/1800 numbers, plain service URLs.

Deliberate trade-offs (details in each module):

* A name part that is short or also an everyday word, month or place (Hope, May, Bill, Logan,
  Jo) is replaced where it is used as a name -- ``known_clients`` has the rule. Capitalised
  mid-sentence it is the name ("spoke with Hope"); lowercase, in capitals or opening a sentence
  it needs a cue: a contact word before ("spoke with hope", "aka joy"), a subject's word after
  ("hope rang", "billy ok", "will will be at 11"), another client beside it ("grace n hope"),
  reported speech with a verb after ("says marsh is fine"), a first name or alias opening a
  sentence with where they are after it ("max on seroquel"), or nothing else in its sentence
  ("hope"). A determiner, pronoun or verb before ("no joy", "i
  hope", "waited long") or "to" after ("hope to see her") make it the word. Trade-off, measured
  in BENCHMARKS.md: a lowercase word-name with no cue at all survives; the author sees it in
  the preview.
* The register wins over places and streets: a registered street alone ("still at logan rd") is
  the client's address, unless it names a place ("Brunswick Street Mall") or lies in a listed
  place ("Emma Miller Place"). A misspelling is recognised for name parts of 4+ letters (one
  edit; for 4 letters only a swap or a letter more; two edits from 9 letters), first letter
  kept, lowercase too ("nancey ok").
* A match lying wholly inside a ``keep`` phrase is left alone; one reaching beyond it (a
  client's full name around a member's first name) is still replaced. So a client who shares a
  first name with a member is not recognised by that first name alone.
* Third-party names are guessed: an unlisted suburb or brand may be taken for a name (the safe
  side); lowercase, a name is found after a relation word ("his cousin tevita", "aunty june"),
  a contact or speech word ("saw noeleen", "says priya from"), before a verb of speaking
  ("marivic rang") or before "'s" and one ("jaylene's bf"), but missed elsewhere ("dennis
  picking them up").
* Suburbs and street names without a number survive; a registered address is replaced with the
  suburb, state and postcode written after it, anyone else's street address without them.

Checklist: the 18 identifier kinds of HIPAA's Safe Harbor method (45 CFR 164.514(b)(2)), read
with the OAIC's de-identification guidance, in their Australian forms. Covered: (1) names --
registered ones in any case, order, initials, misspelling, with or without their accents,
broken by a hyphen at a line's end (``known_clients``, ``initials``),
anyone's by lexicon and context (``names``); (2) geography below a state -- street addresses
with unit, lot and the suburb after them, a registered street alone; post boxes and rural mail
numbers with their town ("RMB 5520 Casino"; a service's box after its name stays), a home's GPS
coordinates, a registered farm's or station's name wherever said (``land``); a suburb on its
own stays (a meeting needs it; OAIC: context decides); (3) dates that identify -- dates of
birth in any form after a cue, any registered DOB (written without separators too, with no cue), a
registered birthday as day and month near a birth cue, and any whole date before 1990 (no
appointment is dated so; 2000s dates may be a lease's); appointment dates stay; ages stay;
(4) phone numbers,
in digits or words (``spoken``); (5) fax numbers, as phones; (6) emails; (7) tax file numbers
(the SSN's counterpart); (8) Medicare numbers; (9) health-fund and (10) account numbers, (11)
licence, passport and visa numbers -- after their cue, as ``[ID]``; CRNs; (14) URLs that carry
a name or a user's page ("steamcommunity.com/id/…"), social handles after their platform, and
handles joined by dots where accounts are talked of ("tyboi.axel07"); (12) vehicle
registration plates after their cue ("rego EHK 92W", "her car is ABC 2RT"), as ``[ID]``;
(13) device serial numbers and (18) "any other unique identifying number" -- court files,
prisoner numbers (MIN), case, claim and application references -- by shape anywhere (capitals
and digits run together with 5+ digits: "MAG-00481/25", "N2049188") or after a cue ("file",
"ref", "MIN", "serial": "MIN 643219", "file QX 40882"), card and device numbers (16 digits in
fours, 13-19 run together: an Opal card, an IMEI), student, IMEI and CIN numbers after their
cue; land title references ("Lot 2 DP 1034567", "Vol 1234 Fol 56"), livestock PICs, ABNs and
ACNs after their cue (a sole trader's is a person's), VINs, emergency services' job numbers
(``land``); (15) IPv4 addresses, as ``[ID]`` (``patterns.reference_codes``). Not covered, and
why: (16) biometrics and (17) photographs are not text; (18)'s "unique characteristic" (a rare
illness, a job) needs a reader: the author's preview shows every replacement and "Hide more
words" adds the rest.

Registered case codes, placeholders, Slack mentions and URL schemes are never touched inside,
and the engine runs to a fixed point, so a second pass changes nothing. Any internal error raises
``DeidentificationFailed``, whose message holds nothing from the text; nothing is logged. Compiled
patterns (which hold identifiers) live only in this process's memory, cached per set of clients.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections import Counter
from collections.abc import Collection, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING

from bot.deidentify.known_services import COMMON_SERVICES
from bot.deidentify.model import DeidentificationFailed, KnownClient, Redaction
from bot.deidentify.text import (
    CASE_CODE_SHAPE,
    HAS_DIGIT,
    LETTERS,
    Hit,
    Trace,
    apply,
    hit,
    merge,
    normalise,
    protected_spans,
    scanned_digits,
    shift,
    with_the,
    within,
)

if TYPE_CHECKING:
    from bot.deidentify.keep import Keeper
    from bot.deidentify.known_clients import Matcher

# The detectors (``names``, ``patterns``, ``known_clients``, ``keep``, ``spoken``: compiled
# patterns, ``phonenumbers``) are imported by the functions that use them, on the first text:
# the services import this package for its types and ``forget_*``, and a process that never
# de-identifies anything (`casebot tick` with nothing due) starts without them.

__all__ = [
    "COMMON_SERVICES",
    "DeidentificationFailed",
    "KnownClient",
    "Redaction",
    "deidentify",
    "forget_cached_identities",
    "forget_clients_except",
    "normalise",
]

_FAILED = "the text could not be checked for identifying details, so it was not shared"
_MAX_PASSES = 4  # one pass normally suffices; the next only confirms the fixed point


def deidentify(
    text: str,
    clients: Sequence[KnownClient] = (),
    *,
    keep: Collection[str] = (),
    strict: bool = False,
) -> Redaction:
    """Replace identifying details in ``text``; raise ``DeidentificationFailed`` if unsure.
    ``strict``: a registered name that is also a word, with no cue either way, is the name
    (measured in BENCHMARKS.md; the default keeps the word)."""
    with contextlib.suppress(Exception):
        return _deidentify(text, clients, keep, strict)
    # Raised outside the handler so the original error (which may quote the text) is not chained.
    raise DeidentificationFailed(_FAILED)


def _deidentify(
    text: str, clients: Sequence[KnownClient], keep: Collection[str], strict: bool = False
) -> Redaction:
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    text = normalise(text)
    matcher = _matcher_for(clients)
    keeper = _keeper_for(keep)
    counts: Counter[str] = Counter()
    spans: list[tuple[int, int, str]] = []
    trace = Trace(len(text))
    for n in range(_MAX_PASSES):
        # After the first pass only names can appear: a replacement changes a neighbour's
        # context ("Emma [name]"), but puts no digit, "@" or street where there was none, so the
        # pattern detectors would find nothing new (measured: on 3,074 notes, every later-pass
        # hit was a name). The property tests check the fixed point with every detector.
        hits = _find(scanned_digits(text), matcher, keeper, strict, names_only=n > 0)
        redacted, found, placed = apply(text, hits)
        if redacted == text:
            return Redaction(
                text, MappingProxyType(dict(counts)), tuple(sorted(spans)), trace.sources()
            )
        trace.apply(hits)
        spans = shift(spans, hits) + placed
        counts.update(found)
        text = redacted
    raise RuntimeError("no fixed point")


# A booking's passenger, the title after the given name: "BONOVAS/KYRIAKI MRS".
_BOOKED_AS = "MRS|MR|MS|MISS|MSTR|MX"
_BOOKING_TITLE = re.compile(rf"[ \t]?(?:{_BOOKED_AS}|DR)\b")  # a registered client's
# Anyone's name as a booking writes it: "SMITH/JOHN MR", "NGUYEN/THI LAN MRS", "BURTON/K MR".
_PASSENGER = re.compile(
    r"(?<![\w/])(?P<surname>[A-Z][A-Z'’\-]+)/(?P<given>[A-Z][A-Z'’\-]*)(?: [A-Z][A-Z'’\-]+)?"
    rf" (?:{_BOOKED_AS})\b"
)


def _passengers(text: str, found: list[Hit]) -> list[Hit]:
    """Booked passengers' names; where a registered client's is part of one ("MAIRU/NEROLIE
    MRS", his wife), the rest of it is another person."""
    out = []
    for m in _PASSENGER.finditer(text):
        if len(m["surname"]) == len(m["given"]) == 3:
            continue  # "SYD/MEL MR": airports
        if _an_agency(m["surname"]) or (len(m["given"]) > 1 and _an_agency(m["given"])):
            continue  # "CALLED DHS/CENTRELINK MS LEE", "SCHOOL/TAFE MR KHAN": a note in capitals
        if not any(h.start < m.end() and m.start() < h.end for h in found):
            out.append(hit(*m.span(), "person"))
        elif not any(h.start < m.end() and m.start("given") < h.end for h in found):
            out.append(hit(m.start("given"), m.end(), "person"))
    return out


def _an_agency(word: str) -> bool:
    """An acronym of three or more letters with no vowel, a listed service's word or an English
    word that is no one's surname: not a passenger's name."""
    from bot.deidentify import lexicon

    key = word.casefold()
    return (len(key) > 2 and not any(ch in "aeiouy" for ch in key)) or (  # "NG/KIM MS" is Ng
        key in lexicon.SERVICE_INITIALISMS  # "SW/OT MR KHAN"
    ) or (
        key in lexicon.never_names()
    ) or (
        key in lexicon.english_words() and key not in lexicon.surnames()
        and key not in lexicon.given_names()
    )


def _booking_titles(text: str, found: list[Hit]) -> list[Hit]:
    return [
        h._replace(end=m.end())
        if text[h.start - 1 : h.start] == "/" and (m := _BOOKING_TITLE.match(text, h.end))
        else h
        for h in found
    ]


def _find(
    text: str, matcher: Matcher, keeper: Keeper, strict: bool = False, names_only: bool = False
) -> list[Hit]:
    """Every identifier in ``text`` (only names: ``names_only``), overlaps merged, none inside a
    kept phrase."""
    from bot.deidentify import land, medical, names, patterns, scripts, systems
    from bot.deidentify.keep import namesakes_unkept
    from bot.deidentify.known_clients import place_spans, words
    from bot.deidentify.spoken import spoken_digits, spoken_phones

    tokens = words(text, matcher.parts)
    keys = {t.key for t in tokens}  # the words present, for the detectors' quick checks
    kept = namesakes_unkept(text, _not_named(text, keeper.spans(text, tokens, keys), matcher))
    # Cells a table says are no one's ("Abernethy" under "owner", "Kilburn" under "suburb"):
    # shielded from the guesses about other people, never from a registered client's details.
    cells_kept = (
        systems.kept_cells(text, keeper.words)
        if "\n" in text and not systems.TEAM_KEYS.isdisjoint(keys) else []
    )
    # An Act's words are no one's name ("the Young Offenders Act 1997"), but a registered
    # client's name is replaced wherever it stands: these guard only against the name guesser.
    acts = patterns.legislation(text) if "act" in keys else []
    acts += medical.spans(text, tokens, keys)  # "Parkinson's", "Na 131": the same guard
    protected = protected_spans(text)
    places = _not_named(text, place_spans(text, tokens, keys), matcher)
    boxes: list[tuple[int, int]] = []
    if not land.BOX_CUES.isdisjoint(keys):  # the organisations are sought only for a box
        boxes, services_boxes = land.boxes(text, _services(text, kept, places, keeper))
        acts += services_boxes  # "Legal Aid NSW, PO Box K847": no one's, and "PO Box" no name
    acts += land.storms(text, keys) + land.ships(text, keys)  # "Cyclone Yasi", "HMAS Stirling"
    acts += land.firms(text, keys)  # "Dry Tropics Growers Pty Ltd"
    acts += land.teams(text, keys)  # "Clayton Cobras", "Heavitree Hawks"
    named_files: list[Hit] = []
    if "_" in text or ("." in text and patterns.MAYBE_URL(text)):
        named_files, plain_files = patterns.file_names(text, matcher.parts)
        acts += plain_files  # "IMG_2203.jpg": the same guard
    found = matcher.names_in(
        text, tokens, protected, keys, strict=strict, places=places, first_pass=not names_only
    )
    if "/" in text:
        found = _booking_titles(text, found)
    hits = matcher.initials.widen(text, found)
    if "/" in text:
        hits += _passengers(text, found)
    hits += matcher.initials.find(text, tokens, keys)
    if names_only:
        if hits and (kept or protected):
            hits = _allowed(text, hits, kept, protected, _possessives(text, found, kept))
        spans = [(h.start, h.end) for h in hits]
        hits += names.find(text, tokens, kept + protected + places + acts + cells_kept, spans, keys,
                           keeper.words, matcher.surnames)
        return merge(hits)
    refs: list[Hit] = []
    homes = [*matcher.addresses_in(text, tokens, keys),
             *matcher.streets_in(text, tokens, places, keys),
             *matcher.properties_in(text, keys)]
    hits += homes
    if HAS_DIGIT(text) and (not protected or HAS_DIGIT(_outside(text, [
        (s, e) for s, e in protected  # a case code no client has may be a plate ("EZK-41P")
        if text[s:e] in matcher.codes or not CASE_CODE_SHAPE.fullmatch(text, s, e)
    ]))):
        if patterns.LONG_NUMBER(text):  # 6+ digits: a phone or ID number could be here
            numbers = patterns.id_numbers(text, keys) + matcher.numbers_in(text)
            hits += numbers
            phones = patterns.phones(text, [(h.start, h.end) for h in numbers])
            hits += phones + patterns.id_prefixes(text, numbers + phones)
        elif not patterns.ID_CUES.isdisjoint(keys):  # "licence UH7721": letters, then 4 digits
            hits += patterns.cued_ids(text)
        hits += matcher.units_in(text, home_said=bool(homes))
        hits += [*matcher.house_numbers_in(text), *patterns.extensions(text)]
        if "O" in text or "o4" in text:
            hits += patterns.scanned_mobiles(text)
        refs = patterns.reference_codes(text, keys)
        if not patterns.PLATE_CUES.isdisjoint(keys):
            refs += patterns.plates(text)  # "rego EZK-41P" is shaped like a case code
        if not patterns.VEHICLE_WORDS.isdisjoint(keys):
            refs += patterns.bare_plates(text)
        cued = not patterns.BIRTH.isdisjoint(keys)
        named = _named_birthdays(text, found, protected, matcher) if cued else frozenset()
        hits += patterns.dates_of_birth(
            text, matcher.dobs, cued=cued, birthdays=matcher.birthdays, named=named
        )
        hits += patterns.addresses(text)
        hits += [hit(s, e, "address") for s, e in boxes]  # "PO Box 55", "RMB 412 Casino"
        hits += land.find(text, keys)  # titles, PICs, ABNs, GPS coordinates, VINs
    elif not patterns.BIRTH.isdisjoint(keys):  # "born the fifth of December seventy-four"
        named = _named_birthdays(text, found, protected, matcher)
        hits += patterns.dates_of_birth(
            text, matcher.dobs, cued=True, birthdays=matcher.birthdays, named=named
        )
    elif matcher.dobs and patterns.ORDINAL_WORD.search(text):  # no digit and no cue
        hits += patterns.registered_in_words(text, matcher.dobs)  # "twenty eighth of Feb …"
    if not patterns.BOOKING_CUES.isdisjoint(keys):  # "Booking reference: QZT7LM", "padlock
        refs += patterns.bookings(text)  # 5527", "Username: kbrooks" (letters only, so here)
    if spoken_digits(keys):  # "oh four one two, three four five..."
        said = spoken_phones(text, patterns.is_phone)
        hits += said + patterns.id_prefixes(text, said)  # "event number E four two zero, …"
    if not patterns.STREET_KEYS.isdisjoint(keys):
        if not patterns.NUMBER_WORDS.isdisjoint(keys):
            hits += patterns.spoken_addresses(text)  # "twelve Hawker Street"
        if not (patterns.HOME_WORDS.isdisjoint(keys) and patterns.LIVES_KEYS.isdisjoint(keys)):
            hits += patterns.homes_on_streets(text, kept)  # "her flat on Koombana Drive"
    if not patterns.HOUSE_KEYS.isdisjoint(keys) and HAS_DIGIT(text):
        hits += patterns.house_numbers(text)  # "the neighbour at number 29"
    if "@" in text or "&#64;" in text or "&commat;" in text:
        hits += patterns.emails(text)
    if not patterns.SPOKEN_EMAIL_KEYS.isdisjoint(keys):
        hits += patterns.spoken_emails(text)  # "ciaran dot ahearn at gmail dot com"
    if patterns.MAYBE_URL(text):
        hits += patterns.urls(text, matcher.parts)
    if "@" in text or "_" in text or not (
        patterns.PLATFORMS.isdisjoint(keys) and patterns.ACCOUNT_KEYS.isdisjoint(keys)
    ):
        hits += patterns.handles(text)
    if "name" in keys or "/o" in text:
        hits += [h for h in systems.named_as(text)
                 if not any(s < h.end and h.start < e for s, e in [*kept, *places])]
    if not systems.HEADER_WORDS.isdisjoint(keys):
        named = [(h.start, h.end) for h in found]  # a client's cell keeps their case code
        cells = [*systems.columns(text)] if "\n" in text else []
        if '":' in text or '" :' in text:
            cells += systems.keyed(text)  # {"emp": "IBC-22817", "room": "C14", …}
        refs += [h for h in cells if h.kind == "id"]  # "L-108", shaped like a case code
        guarded = bytearray(len(text))  # nor a service's, a place's, …
        for s, e in [*named, *places, *acts, *cells_kept]:
            guarded[s:e] = b"\x01" * (e - s)
        hits += [h for h in [*cells, *systems.fields(text)]
                 if h.kind != "id" and guarded.find(1, h.start, h.end) < 0]
        # A home's cell is an address, though a town is in it ("88 Bridge Street, North
        # Lismore"); a town alone ("Lismore") is none.
        hits += [h for h in cells if h.kind == "address" and guarded.find(0, h.start, h.end) >= 0
                 and guarded.find(1, h.start, h.end) >= 0]
    if ("." in text or "_" in text) and not systems.LOGIN_KEYS.isdisjoint(keys):
        hits += systems.logins(text, keeper.words)  # "updated by sarah.nguyen"
    hits += [h for h in named_files  # "death_cert_olakunle.jpg", unless a login has it whole
             if not any(o.start <= h.start and h.end <= o.end for o in hits)]
    if hits and (kept or protected):
        hits = _allowed(text, hits, kept, protected, _possessives(text, found, kept))
    if refs:
        hits += _references(text, refs, kept, protected, matcher.codes)
    hits = [patterns.with_prefix(text, h, kept) if h.kind == "id" else h for h in hits]
    others = [(h.start, h.end) for h in hits if h.kind != "name"]
    clients = [(h.start, h.end) for h in hits if h.kind == "name"]
    shielded = kept + protected + places + acts + others + cells_kept
    people = names.find(text, tokens, shielded, clients, keys, keeper.words, matcher.surnames)
    hits += people
    if HAS_DIGIT(text) and not patterns.HOME_WORDS.isdisjoint(keys):
        hits += patterns.homes_beside_names(text, people)  # "Elfrida Mayhew in Flat 3"
    if HAS_DIGIT(text) and ("(" in text or " - " in text or " – " in text
                            or patterns.BIRTHS(text) or patterns.CHILDRENS_LABEL(text)):
        # "The kids are [name] (4/2/2018) and [name] (19/9/2021)", "Birthdays: [name] 9/9/2009"
        hits += patterns.dates_beside_names(text, people)
    if scripts.ANY_SCRIPT(text):  # "Luo Yiming 罗一鸣", "김영숙 (mother)", "曾警官"
        hits += scripts.beside(text, merge(hits)) + scripts.titled_han(text)
    return merge(with_the(text, hits))


def _services(
    text: str, kept: list[tuple[int, int]], places: list[tuple[int, int]], keeper: Keeper
) -> list[tuple[int, int]]:
    """Where an organisation is named: a kept phrase that is no member's name, a listed service,
    a place whose last word says it is an organisation ("Katherine Hospital"; not a post office,
    whose boxes are people's)."""
    from bot.deidentify import lexicon

    out = []
    for start, end in [*kept, *places]:
        words = tuple(LETTERS.findall(text[start:end].casefold()))
        if words and (
            ((start, end) in kept and not all(w in keeper.words for w in words))
            or words in lexicon.service_phrases() or words[-1] in _ORGANISATIONS
        ):
            out.append((start, end))
    return out


_ORGANISATIONS = frozenset({
    "hospital", "council", "centre", "center", "services", "service", "clinic",
    "school", "church", "court", "college", "university", "tafe", "society", "association",
    "inc", "ltd", "limited", "trust", "foundation", "mission", "network", "alliance", "shire",
    "commission", "department", "police",
})


def _not_named(
    text: str, spans: list[tuple[int, int]], matcher: Matcher
) -> list[tuple[int, int]]:
    """The kept phrases, places and services but those made only of one registered client's
    name words, in any order: "FORD Ranger" is the client Ranger Ford (or Rangi Ford, "Ranger"),
    not the car. Nor a place ending in a head that follows owners' names ("Estate", "Strata",
    "Realty") with a registered name word before it: "Told Brax Strata", "the Oduya Estate"."""
    if not spans or not matcher.names:
        return spans
    from bot.deidentify.known_clients import DENOMINATIONS
    from bot.deidentify.lexicon import FIRM_HEADS, NAMED_HEADS

    out = []
    codes = matcher.word_codes
    for start, end in spans:
        words = tuple(LETTERS.findall(text[start:end].casefold()))
        if len(words) >= 2 and (
            (words[-1] in NAMED_HEADS and any(w in codes for w in words[:-1]))
            or (words[-1] in FIRM_HEADS and words[-2] in codes)  # not "Logan Art Gallery"
        ):
            continue  # the register wins: "Jayden Transport", "Mia Museum" for a client Jayden
        faith = next((k for k, w in enumerate(words) if w in DENOMINATIONS), 0)
        if any(w in codes for w in words[:faith]):
            continue  # "Spoke to Hopey Catholic school nurse": the client, then the school
        if len(words) < 2 or not all(w in codes for w in words) or not frozenset.intersection(
            *(codes[w] for w in words)
        ):
            out.append((start, end))
    return out


def _named_birthdays(
    text: str, found: list[Hit], protected: list[tuple[int, int]], matcher: Matcher
) -> frozenset[tuple[int, int]]:
    """The birthdays (day, month) of the clients the note names, by name or case code."""
    named = {h.replacement for h in found if h.kind == "name"}
    named |= {text[s:e] for s, e in protected if text[s:e] in matcher.codes}
    named &= matcher.codes
    return frozenset().union(*(matcher.birthdays_of.get(code, ()) for code in named))


def _references(
    text: str,
    refs: list[Hit],
    kept: list[tuple[int, int]],
    protected: list[tuple[int, int]],
    codes: Collection[str],
) -> list[Hit]:
    """Reference numbers not wholly kept, not a registered case code, and reaching into no
    placeholder or Slack ID. A code shaped like a case code ("QH-2209114", "MAG-00481/25") that
    no client has is someone's reference: the protection of case codes is for registered ones."""
    out = []
    for h in refs:
        if text[h.start : h.end] in codes or within(h.start, h.end, kept):
            continue
        if any(
            s < h.end and h.start < e and not CASE_CODE_SHAPE.fullmatch(text, s, e)
            for s, e in protected
        ):
            continue
        out.append(h)
    return out


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """The text without the spans (case codes, placeholders): are there digits of its own?"""
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(text[last:start])
        last = max(last, end)
    out.append(text[last:])
    return "".join(out)


def _possessives(text: str, found: list[Hit], kept: list[tuple[int, int]]) -> frozenset[int]:
    """Where registered names open a kept phrase with "'s" ("Anne's Kitchen", "Billy's Place"):
    the register wins, as a client's "Anne's kitchen" reads the same. A member's kept first name
    alone ("Anne") still shields it."""
    if not kept or not found:
        return frozenset()
    from bot.deidentify.known_clients import whose

    longer = {s: e for s, e in kept}
    return frozenset(
        h.start for h in found
        if h.kind == "name" and longer.get(h.start, 0) > h.end + 2 and whose(text, h.start, h.end)
    )


def _allowed(
    text: str,
    hits: list[Hit],
    kept: list[tuple[int, int]],
    protected: list[tuple[int, int]],
    possessive: frozenset[int] = frozenset(),
) -> list[Hit]:
    """The hits that lie not wholly inside a kept phrase (but a client's name opening one with
    "'s": ``possessive``) and reach into no placeholder or case code (a URL or email may hold a
    protected scheme: only wholly inside one is it dropped)."""
    kept_mask, protected_mask = bytearray(len(text)), bytearray(len(text))
    for s, e in kept:
        kept_mask[s:e] = b"\x01" * (e - s)
    for s, e in protected:
        protected_mask[s:e] = b"\x01" * (e - s)
    out = []
    for h in hits:
        if kept and kept_mask.find(0, h.start, h.end) < 0 and h.start not in possessive:
            continue  # wholly kept
        if h.kind in ("url", "email"):
            if protected and within(h.start, h.end, protected):
                continue
        elif protected_mask.find(1, h.start, h.end) >= 0:
            continue
        out.append(h)
    return out


# Two caches of compiled clients: by the identity of the objects (the same tuple passed again
# costs no hashing of 500 identities), and by value (equal clients from a fresh read).
_BY_IDENTITY: dict[tuple[int, ...], tuple[tuple[KnownClient, ...], Matcher]] = {}
_LAST: list = []  # [the tuple last passed, its matcher]
_CACHED_CODES: set[str] = set()  # every client some cached matcher was built with


def _matcher_for(clients: Sequence[KnownClient]) -> Matcher:
    if type(clients) is tuple and _LAST and _LAST[0] is clients:  # the same (immutable) tuple
        return _LAST[1]
    given = tuple(clients)
    key = tuple(map(id, given))
    cached = _BY_IDENTITY.get(key)
    if cached is not None:  # the objects are held below, so their ids cannot have been reused
        return cached[1]
    matcher = _matcher(given)
    _CACHED_CODES.update(c.case_code for c in given)
    if len(_BY_IDENTITY) >= 8:
        _BY_IDENTITY.clear()
    _BY_IDENTITY[key] = (given, matcher)
    _LAST[:] = [given, matcher] if type(clients) is tuple else []
    return matcher


@functools.lru_cache(maxsize=16)
def _matcher(clients: tuple[KnownClient, ...]) -> Matcher:
    from bot.deidentify.known_clients import Matcher

    return Matcher(clients)


_LAST_KEEP: list = []  # [the tuple last passed, its keeper]


def _keeper_for(keep: Collection[str]) -> Keeper:
    """The compiled keep-list; the same tuple passed again (a stream of notes) costs no
    hashing of its thousand phrases."""
    if type(keep) is tuple and _LAST_KEEP and _LAST_KEEP[0] is keep:
        return _LAST_KEEP[1]
    keeper = _keeper((keep,) if isinstance(keep, str) else tuple(keep))
    _LAST_KEEP[:] = [keep, keeper] if type(keep) is tuple else []
    return keeper


@functools.lru_cache(maxsize=64)
def _keeper(phrases: tuple[str, ...]) -> Keeper:
    if not all(isinstance(p, str) for p in phrases):
        raise TypeError("keep phrases must be str")
    from bot.deidentify.keep import Keeper

    return Keeper(phrases)


def forget_cached_identities() -> None:
    """Drop compiled patterns (which embed identifiers), e.g. after a client is purged."""
    _BY_IDENTITY.clear()
    _LAST.clear()
    _matcher.cache_clear()
    _CACHED_CODES.clear()


def forget_clients_except(codes: Collection[str]) -> bool:
    """Drop every compiled pattern if one was built with a client not in ``codes`` (purged,
    perhaps by another process): a running service forgets a purged client's details too."""
    if set(codes) >= _CACHED_CODES:
        return False
    forget_cached_identities()
    return True
