"""Identifiers of land, farms and rural mail, anyone's: post boxes and rural mail numbers ("RMB
412", "PO Box 55, Kyogle NSW 2474"), a home's GPS coordinates, land title references ("Lot 2 DP
1034567", "Vol 1234 Fol 56"), livestock property codes ("PIC QBCD1234"), business numbers ("ABN
51 824 753 556": a sole trader's is a person's) and vehicle identification numbers.

Safe Harbor's geographic subdivisions and "any other unique identifying number", in the forms
rural and disaster-recovery notes write them. Post boxes are replaced as addresses, except one
written straight after a kept service's name ("Legal Aid NSW, PO Box K847"): a service's box is no
one's. Everything else is an ``id``.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from bot.deidentify import lexicon
from bot.deidentify.lexicon import word_set
from bot.deidentify.text import Hit, hit, sentence_start

# A box or rural mail number, then (as far as it is written) the town, state and postcode.
POSTAL = re.compile(
    r"(?<![\w/])(?:P\.?\s?O\.?\s?Box|P/O\s*Box|Post\s?box|P\.O\.B\.?|POB|Post\s+Office\s+Box"
    r"|G\.?P\.?O\.?\s+Box|Locked\s+Bag"
    r"|Private\s+(?:Mail\s+)?Bag|PMB|R\.?M\.?B\.?|RMN|R\.?S\.?D\.?|CMB"
    r"|Roadside\s+Mail\s+(?:Box|Bag|Number)"
    r"|Mail\s+Bag|Rural\s+Mail\s+(?:Box|Bag))"
    # not "RMB 500,000" (but "PO Box 45,2480", a postcode after it in a CSV)
    r"\.?\s*(?:no\.?\s*|number\s+|#\s*)?[A-Z]?\d{1,6}[A-Z]?(?![\w/]|,\d{3}(?!\d))",
    re.IGNORECASE,
)
_TOWN_AFTER = re.compile(
    r",?[ \t]+(?!(?i:attn|attention|c/-|care)\b)"  # "PO Box 174 Attn Shane Reed": no town
    r"(?:[A-Z][A-Za-z'’\-]+[ \t]+){0,2}?[A-Z][A-Za-z'’\-]+"
    r"(?:,?[ \t]+(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)(?:[ \t]+\d{4})?(?![\w])|[ \t]+\d{4}(?![\w])"
    r"|(?=[ \t]*(?:[,.;:)\n]|\Z)))"  # "RMB 5520 Casino", "PO Box 9, Bonalbo."
)
_STATE_AFTER = re.compile(r",?[ \t]+(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)(?:[ \t]+\d{4})?(?![\w])")

# Decimal degrees, a pair: "-28.81, 153.27", "28.8123 S 153.2745 E", "-28.81,153.27".
_DECIMAL_PAIR = re.compile(
    r"(?<![\w.$\-])(?P<lat>-?\d{1,2}\.\d{2,})\s*°?\s*(?P<ns>[NS]\b)?\s*[,/;]?\s*"
    r"(?P<lon>-?\d{1,3}\.\d{2,})\s*°?\s*(?P<ew>[EW]\b)?(?!\w|\.\d)"
)
# Degrees, minutes (and seconds): "28°48'36\"S 153°16'12\"E", "28° 48.6' S, 153° 16.2' E".
_DMS = r"\d{1,3}\s*°\s*\d{1,2}(?:\.\d+)?\s*['′’]\s*(?:\d{1,2}(?:\.\d+)?\s*(?:[\"″”]|''))?\s*"
_DMS_PAIR = re.compile(rf"(?<![\w.])(?:{_DMS}[NS])\s*[,/;]?\s*(?:{_DMS}[EW])(?!\w)")
_GPS_CUE = re.compile(
    r"(?i)\b(?:gps|co-?ordinates?|coords?|lat(?:itude)?|location|pin|map|what3words"
    r"|google\s+maps)\b[^\n]{0,30}\Z"
)
# "lat -12.46 long 130.84", "Lat: -28.81 Lng: 153.27"
_LAT_LONG = re.compile(
    r"(?i:\blat(?:itude)?)[\s:=]*(?P<lat>-?\d{1,2}\.\d{2,})[\s,;]*"
    r"(?i:long(?:itude)?|lng|lon)[\s:=]*(?P<lon>-?\d{1,3}\.\d{2,})(?!\d)"
)

# A land title's plan and lot: "Lot 2 DP 1034567", "Lot 3 on RP812345", "SP 12345",
# "CT 5432/118", "Vol 1234 Fol 56", "Volume 10234 Folio 118".
_TITLE = re.compile(
    r"(?<![\w/])(?:(?i:lot)\s+\d{1,4}[A-Z]?(?:\s*/\s*|\s+(?:(?i:on|in|of)\s+)?))?"
    r"(?:(?:DP|SP|RP|CP|LP|TP|PS|SRP|BUP|GTP|CTP)\s?\d{5,7}[A-Z]?(?![\w/])"
    r"|CT\s?(?!(?:19|20)\d\d/\d\d(?!\d))\d{3,6}/\d{1,4}(?!\w)"  # not "CP 2023", "CT 2024/25"
    r"|(?i:vol(?:ume)?)\.?\s*\d{2,6}\s*,?\s*(?i:fol(?:io)?)\.?\s*\d{1,4}(?!\w))"
)
# A livestock property's PIC: "PIC QBCD1234", "PIC: NA123456", "property identification code
# 3ABCD123" (eight letters and digits, digits among them).
_PIC = re.compile(
    r"(?i:\bPIC\b|property\s+identification\s+code)\s*(?:no\.?\s*|number\s+|#\s*)?[:=\-]?\s*"
    r"(?P<id>(?=[A-Z0-9]{0,7}\d)[A-Z0-9]{8})(?!\w)"
)
# A business number after its cue: ABN 11 digits, ACN and ARBN 9, however grouped.
_BUSINESS = re.compile(
    r"\b(?i:ABN|A\.B\.N\.|ACN|ARBN|australian\s+business\s+number)\s*(?:no\.?\s*|number\s+|#\s*)?"
    r"(?:[^\n\d:]{1,60}:)?"  # "ABN of employer (sole trader …): 51 824 753 556"
    r"[:=\-]?\s*(?:(?i:is|was)\s+)?"
    r"(?P<id>\d{2}[ \t\-]?\d{3}[ \t\-]?\d{3}[ \t\-]?\d{3}|\d{3}[ \t\-]?\d{3}[ \t\-]?\d{3})"
    r"(?![\w\-])"
)
# A vehicle's identification number: 17 letters and digits without I, O or Q; after "VIN" or
# "chassis", or alone where both letters and digits are many.
_VIN = re.compile(r"(?<![\w\-])(?P<id>[A-HJ-NPR-Z0-9]{17})(?![\w\-])")
_VIN_CUE = re.compile(r"(?i)\b(?:vin|chassis|frame)\b[^\n]{0,20}\Z")


def postal(text: str) -> list[tuple[int, int, int]]:
    """Post boxes and rural mail numbers where they stand: (start, the box's end, the end with
    the town after it)."""
    spans = []
    for m in POSTAL.finditer(text):
        end = m.end()
        after = _TOWN_AFTER.match(text, end) or _STATE_AFTER.match(text, end)
        if after is None and (town := _A_TOWN.match(text, end)) and lexicon.listed_place(
            re.findall(r"[^\W\d_]+", town[1].casefold()), also_names=False
        ):
            after = town  # "PO Box 88, Loxton ABN …": a listed town
        spans.append((m.start(), end, after.end() if after else end))
    return spans


_A_TOWN = re.compile(r",?[ \t]+([A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+)?)")


def coordinates(text: str) -> list[Hit]:
    """A place's GPS coordinates: a pair of decimal degrees south or with a hemisphere (or after
    a cue: "GPS 12.46, 130.84"), or degrees and minutes with their hemispheres."""
    hits = [hit(*m.span(), "address") for m in _DMS_PAIR.finditer(text)]
    hits += [hit(*m.span(), "address") for m in _LAT_LONG.finditer(text)
             if abs(float(m["lat"])) <= 90 and abs(float(m["lon"])) <= 180]
    for m in _DECIMAL_PAIR.finditer(text):
        lat, lon = float(m["lat"]), float(m["lon"])
        if abs(lat) > 90 or abs(lon) > 180 or (m["ns"] and m["lat"].startswith("-")):
            continue
        # Australia lies between 9 and 44 degrees south, 112 and 154 east: a pair there is a
        # place ("-28.81, 153.27"); elsewhere it needs its hemispheres or a cue ("GPS").
        here = 9 <= abs(lat) <= 44 and 112 <= abs(lon) <= 154
        cued = _GPS_CUE.search(text, max(0, m.start() - 40), m.start()) is not None
        if m["ns"] or m["ew"] or (here and (lat < 0 or cued)) or (
            cued and min(len(m["lat"].split(".")[1]), len(m["lon"].split(".")[1])) >= 3
        ):
            hits.append(hit(*m.span(), "address"))
    return hits


def references(text: str) -> list[Hit]:
    """Land titles, PICs, ABNs and ACNs as ``id``."""
    hits = [hit(*m.span(), "id") for m in _TITLE.finditer(text)]
    hits += [hit(m.start("id"), m.end("id"), "id") for m in _PIC.finditer(text)]
    hits += [hit(m.start("id"), m.end("id"), "id") for m in _BUSINESS.finditer(text)]
    return hits


# A storm's name is no one's: "Cyclone Yasi", "Tropical Cyclone Jasper", "ex-TC Ellie",
# "Cyclone season" (but a registered client's name is replaced wherever it stands).
_STORM = re.compile(
    r"\b(?P<word>(?:[Ee]x-?\s?)?(?:(?i:severe)\s+)?(?:(?i:tropical)\s+)?"
    r"(?i:cyclone|hurricane|typhoon)|(?:ex-?)?TC)"
    r"\s+(?P<name>[A-Z][a-z]+)\b"
)
_STORM_KEYS = word_set("cyclone hurricane typhoon tc")
# Storms people still name in notes (the Bureau's retired names and a few from abroad): after
# "cyclone" in any case. Any other capitalised name needs "Cyclone", "Hurricane" or "TC" as
# written, and nothing after it that says a person ("TC Sarah approved", "Cyclone Dave Smith").
_STORM_NAMES = word_set(
    """tracy yasi debbie larry jasper alfred kirrily ellie ilsa seroja marcia oswald ita monica
    vance winifred althea justin aivu hamish ului olwyn veronica trevor ingrid george glenda fay
    monty steve sid tessi yvette ernie niran lam lincoln megan mahina orson chris selwyn kerry
    kelvin blake damien esther gabrielle jasmine zelia wanda nora owen grant oma ivor dinah
    katrina harvey maria sandy haiyan pam winston gita harold judy kevin"""
)
_TC_OWNED = word_set("her his their my our your the a an")
_AFTER_A_PERSON = re.compile(
    r"\s+(?:[A-Z][a-z]+\b|(?:rang|said|says|called|texted|turned|came|approved|sent|lost|wants"
    r"|told|asked)\b)"
)


_AKA = re.compile(r"\b(?:aka|a\.k\.a\.?|called|calls\s+(?:him|her)|nicknamed)\s+\Z", re.IGNORECASE)
_DOES = re.compile(r"\s+(?:rang|said|says|called|texted|turned\s+up|wants|needs|told|asked)\b")


def storms(text: str, keys: AbstractSet[str]) -> list[tuple[int, int]]:
    """Where a storm is named ("Cyclone Yasi", "TC Ilsa", "after cyclone Jasper"), to guard
    against the name guesser only; not a person after the word ("the cyclone Mohammed lost
    his roof", "her TC Mandy Brown", "ok tc Sharon")."""
    if _STORM_KEYS.isdisjoint(keys):
        return []
    spans = []
    for m in _STORM.finditer(text):
        word = m["word"]
        if _AKA.search(text, max(0, m.start() - 16), m.start()) or (
            word.endswith("TC") and _owned(text, m.start())
        ):
            continue  # "her ex, aka Cyclone Priya": a nickname; "her TC Mandy": a coordinator
        if m["name"].casefold() in _STORM_NAMES:
            person = _DOES.match(text, m.end()) or _surname_after(text, m.end())
        else:  # "TC Nguyen", "Hurricane Jones", "TC Sarah approved", "the cyclone Mohammed"
            person = not word[:1].isupper() or _AFTER_A_PERSON.match(text, m.end()) or (
                m["name"].casefold() in lexicon.surnames()
            )
        if not person:  # "after the cyclone Jasper rang the SES", "Cyclone Jasper Nguyen"
            spans.append(m.span())
    return spans


# A ship or a naval base is no one: "HMAS Stirling", "HMAS Tobruk", "HMS Victory".
_SHIP = re.compile(r"\b(?:HMAS|HMS|HMNZS|NUSHIP|USS)\s+[A-Z][a-z]+(?:\s+(?:II|III|IV))?\b")
_SHIP_KEYS = word_set("hmas hms hmnzs nuship uss")


# A sports team by its mascot: "Clayton Cobras", "Todd River Redbacks", "Carnegie Kraken".
TEAM_KEYS = word_set(
    "hawks eagles magpies bulls warriors cobras redbacks harriers dingoes lizards knights tigers"
    " lions bears sharks dolphins roosters broncos titans raiders panthers dragons eels kangaroos"
    " swans crows bombers demons giants dockers kingfishers ravens chargers hornets kraken"
    " bulldogs wolves falcons cougars jets strikers rovers wanderers comets spartans vikings"
    " pirates rams stallions mustangs raptors cyclones devils thunder scorpions stingrays jaguars"
    " rebels waratahs brumbies gators"
)
_TEAM = re.compile(r"(?<![\w'’\-])(?:[A-Z][\w'’\-]*[ \t]+){1,3}(?P<mascot>[A-Z][a-z]+)\b")
# Where a mascot that is also a surname ("Hawks", "Eagles") names a team, not a person.
_TEAM_TALK = re.compile(
    r"(?i)\b(?:v|vs|round|rnd|ladder|fixture|fixtures|draw|club|team|teams|league|cup|game|games"
    r"|match|final|finals|premiership|footy|netball|basketball|cricket|soccer|football|rugby"
    r"|season|under-\d+s?|u\d\d)\b"
)


# A group or an event by its last word: "Logan Pasifika Youth Fellowship", "WA Debating League",
# "Hunter Youth Haven", "Logan Eisteddfod".
GROUP_KEYS = word_set(
    "fellowship eisteddfod league haven academy association society collective network alliance"
    " festival carnival choir ensemble orchestra squad crew australia"  # "Gardening Australia"
)


def teams(text: str, keys: AbstractSet[str]) -> list[tuple[int, int]]:
    """Where a sports team is named by its mascot, or a group or an event by its last word, to
    guard against the name guesser only (a registered client's name in it still goes); not after
    a person's given name ("Tama Ruaine Academy"; "Mick Jets rang" without team talk)."""
    if TEAM_KEYS.isdisjoint(keys) and GROUP_KEYS.isdisjoint(keys):
        return []
    talk = None
    spans = []
    for m in _TEAM.finditer(text):
        mascot = m["mascot"].casefold()
        words = [w.casefold() for w in re.findall(r"[^\W\d_]+", m[0])]
        start = m.start()
        if words[0] in lexicon.TITLES:
            continue  # "Ms Crew (teacher) rang": a woman
        if len(words) > 2 and words[0] in lexicon.english_words() and not lexicon.listed_place(
            words[:1]
        ) and sentence_start(text, len(text[:start].rstrip(" \t-–•*")), start):
            words = words[1:]  # "Emailed Tevita Crew": the sentence's verb is no part of it
            start = m.start() + re.search(r"[ \t]+", m[0]).end()  # type: ignore[union-attr]
        if mascot in GROUP_KEYS:
            if not opens_with_a_given_name(words):
                spans.append((start, m.end()))
            continue
        if mascot not in TEAM_KEYS:
            continue
        if mascot in lexicon.surnames() or opens_with_a_given_name(words):
            talk = _TEAM_TALK.search(text) is not None if talk is None else talk
            if not talk:
                continue  # "Jack Hawks rang", "Mick Jets rang": a man; "Olympia Warriors v …"
        spans.append((start, m.end()))
    return spans


def opens_with_a_given_name(words: list[str]) -> bool:
    """A name's words (casefolded) opening with a given name that is no word nor place: "Tama
    Ruaine Academy", "Sarah Australia", "Sam Nguyen Plumbing" (not "Hunter Youth Haven", "Logan
    Eisteddfod", "Dementia Australia", "Alice Springs Beanie Festival")."""
    first = words[0]
    return first in lexicon.given_names() and not (
        lexicon.listed_place([first]) or first in lexicon.english_words()
        or lexicon.listed_place(words[:2])  # "Alice Springs Beanie Festival"
    )


_FIRM_KEYS = word_set("pty ltd limited inc corp llc co")
# A business by its legal ending: "Dry Tropics Growers Pty Ltd", "SUNRAYSIA HARVEST LABOUR PTY
# LTD", "Lockyer Pack Co" (its words are no one's name; a client's still goes).
_FIRM = re.compile(
    r"(?:[A-Z][\w&'’\-]*[ \t]+(?:(?:&|and|of|the)[ \t]+)?){1,5}"
    r"(?P<ending>(?:Pty|PTY)\.?(?:[ \t]+(?:Ltd|LTD|Limited|LIMITED)\.?)?"
    r"|(?:Ltd|LTD|Limited|LIMITED|Inc|INC|Corp|CORP|LLC)\.?"
    r"|Co\b(?![\-.]\w))"  # capitalised: "Tevite limited hours" is no firm
)


_JOINERS = word_set("and of the")  # between a firm's words: "Waisake and Co"
# A verb opening the sentence before a firm's name: "Emailed Hollindale Pty Ltd re the bond".
_A_SENTENCES_VERB = re.compile(
    r"(?i:[a-z]+ed|rang|met|saw|told|sent|paid|asked|called|rung|wrote|spoke|left)[ \t]+"
)
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?\n:;|•*\-–—,\"'“(\[{])[ \t]*\Z")  # or a cell, an item


def firms(text: str, keys: AbstractSet[str]) -> list[tuple[int, int]]:
    """Where a business is named with its legal ending, to guard against the name guesser only;
    not a family's company, which carries a person's name ("Kwok Holdings Pty Ltd")."""
    if _FIRM_KEYS.isdisjoint(keys):
        return []
    spans = []
    for m in _FIRM.finditer(text):
        start = m.start()
        opener = _A_SENTENCES_VERB.match(text, start)
        if opener and _OPENS_SENTENCE.search(text, max(0, start - 3), start):
            start = opener.end()  # "Emailed Hollindale Pty Ltd": the verb is no firm's word
        words = text[start : m.end()]
        own = [w for w in re.findall(r"[^\W\d_]+", words.casefold())
               if w not in lexicon.english_words() and not lexicon.listed_place([w])
               and w not in _FIRM_KEYS]
        if any(w in lexicon.given_names() or w in lexicon.surnames() for w in own):
            continue  # "Kwok Holdings Pty Ltd"
        named = [w for w in re.findall(r"[^\W\d_]+", text[start : m.start("ending")])
                 if w.casefold() not in _FIRM_KEYS and w.casefold() not in _JOINERS]
        if own and (len(own) >= len(named) or any(
            re.search(rf"(?i)\b{re.escape(w)}\b", text[:start] + text[m.end() :]) for w in own
        )):
            continue  # "Hollindale Pty Ltd", "Waisake and Co"; "Kilsby Electrical Pty Ltd" of
            # "Corben Kilsby" (but alone it reads as "Grampians Haulage Pty Ltd" does: a firm)
        spans.append((start, m.end()))
    return spans


def ships(text: str, keys: AbstractSet[str]) -> list[tuple[int, int]]:
    """Where a ship or a base named as one is said, to guard against the name guesser only."""
    return [] if _SHIP_KEYS.isdisjoint(keys) else [m.span() for m in _SHIP.finditer(text)]


def _surname_after(text: str, end: int) -> bool:
    after = re.match(r" ([A-Z][a-z]+)\b", text[end : end + 30])
    return after is not None and (key := after[1].casefold()) in lexicon.surnames() and not (
        lexicon.listed_place([key])
    )


def _owned(text: str, start: int) -> bool:
    """ "her TC", "the TC": a team or tenancy coordinator, not a storm."""
    before = text[max(0, start - 8) : start].split()
    return bool(before) and before[-1].casefold() in _TC_OWNED


def vins(text: str) -> list[Hit]:
    """Vehicle identification numbers: after their cue, or alone where letters and digits are
    both many (no word or code of the notes is 17 such characters)."""
    hits = []
    for m in _VIN.finditer(text):
        code = m["id"]
        letters = sum(ch.isalpha() for ch in code)
        cued = _VIN_CUE.search(text, max(0, m.start() - 30), m.start()) is not None
        if (cued and 3 <= letters <= 14) or (4 <= letters <= 12 and 17 - letters >= 5):
            hits.append(hit(m.start("id"), m.end("id"), "id"))
    return hits


# Words whose presence says a box, or a title, PIC or business number, could be in the note.
BOX_CUES = word_set(
    "po box pob pobox gpo locked private bag pmb rmb rmn rsd cmb mail postbox p o b r m s d"
)
CUES = word_set(
    "dp sp rp cp lp tp ps srp bup gtp ctp ct vol volume pic property abn acn arbn australian"
)


def boxes(
    text: str, services: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The post boxes and rural mail numbers in ``text`` (where ``BOX_CUES`` says one may be):
    (people's, services'). A box written just after a service's name (``services``: "Legal Aid
    NSW, PO Box K847") is the service's: only the box itself is, not what follows it ("… PO Box
    174 Attn Shane Reed")."""
    people, theirs = [], []
    ends = [e for _s, e in services]
    for start, box_end, end in postal(text):
        if any(k <= start and _BETWEEN.fullmatch(text, k, start) for k in ends):
            theirs.append((start, box_end))
        else:
            people.append((start, end))
    return people, theirs


def find(text: str, keys: AbstractSet[str]) -> list[Hit]:
    """Land titles, PICs, business numbers, GPS coordinates and VINs in ``text``."""
    hits: list[Hit] = []
    if not CUES.isdisjoint(keys):
        hits += references(text)
    if "°" in text or ("." in text and _A_DECIMAL(text)):
        hits += coordinates(text)
    if _SEVENTEEN(text):
        hits += vins(text)
    return hits


_BETWEEN = re.compile(r"[ \t,\-–]*(?:(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)[ \t,\-–]*)?")
_A_DECIMAL = re.compile(r"\d\.\d\d").search
_SEVENTEEN = re.compile(r"[A-Z0-9]{17}").search
