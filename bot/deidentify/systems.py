"""Text that spreadsheets, forms and case systems produce. Tables: a header row names its
columns ("Bed,Name,DOB", "surname<TAB>given", "| Client | D.O.B |"), and every row's cell under a
name or a date-of-birth column is one, though nothing beside it says so; a field's label names its
value ('"given_name": "Lily"', "Surname: BANKS", "client_name=grace.hill"). Logins: an audit
line's user ("updated by sarah.nguyen", "j.smith")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence, Set

from bot.deidentify import lexicon
from bot.deidentify.land import opens_with_a_given_name
from bot.deidentify.lexicon import word_set
from bot.deidentify.patterns import DATE, DOB_CUE, NO_HOMES_WORD
from bot.deidentify.text import Hit, hit

# " / ": a sign-in sheet typed as "NAME / PEOPLE / PETS"; "  ": columns typed with spaces
_SEPARATORS = ("\t", "|", ",", " / ", "  ")
# A column of people's names, by its header (not "Owner", "Worker" or "Author": the team's own,
# whom the keep-list knows; nor "Service name", "Program name").
_NAME_HEADER = re.compile(
    r"(?:(?:client|full|first|given|last|family|preferred|middle|contact|carer|parent|guardian"
    r"|resident|tenant|participant|patient|person)[ _]?)?(?:names?|surname|given(?:[ _]names?)?)"
    r"|clients?|tenants?|residents?|participants?|patients?|next[ _]of[ _]kin|nok"
    r"|emergency[ _]contact|first|last|surname|child(?:ren)?|young[ _]person|member|applicant"
    # a store's, a manifest's, a roster's: "Holder", "Escort", "Passenger", "Crew"
    r"|(?:account[ _])?holder|escort|passengers?|pax|crew|deckhand|skipper|occupant|visitor"
    r"|referee|witness|worker"
    r"|athletes?|players?|students?|competitors?",  # a results sheet's, a roll's
    re.IGNORECASE,
)
# A column of someone's numbers: a booking's, a locker's, a file's (not a room's or a bed's).
_ID_HEADER = re.compile(
    r"(?:client[ _]?|booking[ _]?|voucher[ _]?|file[ _]?|application[ _]?|tenancy[ _]?"
    r"|reg(?:istration)?[ _]?|evac(?:uation)?[ _]?|claim[ _]?|policy[ _]?|job[ _]?|title[ _]?"
    # a worker's, a student's, a member's: "Staff no.", "Payroll ID", "Agency no.", "Licence no."
    r"|staff[ _]?|employee[ _]?|emp[ _]?|payroll[ _]?|agency[ _]?|licen[cs]e[ _]?|member[ _]?"
    r"|student[ _]?|badge[ _]?|worker[ _]?|platform[ _]?|account[ _]?|customer[ _]?|picker[ _]?"
    r"|complaint[ _]?|tis[ _]?|interpreter[ _]?|naati[ _]?|case[ _]?|matter[ _]?"
    r"|(?:old|new)[ _]fund[ _/]+member[ _]?|fund[ _/]+member[ _]?)?"
    r"(?:ref|ref\.|reference|id|ids|no|no\.|number|#)|locker|voucher|booking|application|file"
    r"|account|acct|a/c"  # a store's or a club's account: "Account<TAB>Holder<TAB>Balance"
    # a payroll's or a site register's: "Emp", "BSB", "Licence", "White card"
    r"|emp|licen[cs]e|white[ _]card|usi"
    # a platform's or a race's: "username", "gamertag", "Bib"
    r"|user[ _]?name|handle|gamertag|bib"
    r"|asset(?:[ _](?:no\.?|number|#|id|tag))?"  # a loan register's: "Asset no."
    # a farm's, a business's, a vehicle's: "PIC", "ABN", "VIN", "Title", "Claim"
    r"|pic|abn|acn|vin|title|claim|policy"  # (a "Rego" column is ``_PLATE_HEADER``'s)
    r"|pager|provider[ _]?(?:no\.?|number|#)|prescriber[ _]?(?:no\.?|number|#)",
    re.IGNORECASE,
)
# A column of homes: "Address", "Home address", "Property" (a farm's name is its address).
_ADDRESS_HEADER = re.compile(
    r"(?:home[ _]|street[ _]|residential[ _]|current[ _]|usual[ _])?address|property|station"
    r"|farm|residence",
    re.IGNORECASE,
)
# A column of rooms in a camp, a hostel or a share house: the home of the person on its row.
_ROOM_HEADER = re.compile(r"(?:room|cabin|donga)(?:[ _]?(?:no\.?|number|#))?", re.IGNORECASE)
# "C14", "B-118", "214" (a motel's "6" for a night's voucher stays: no home in it)
_BSB = re.compile(r"\d{3}[ \-]?\d{3}")
_HOME_CELL = re.compile(r"[A-Z]{0,3}[ \-]?\d{1,4}[A-Za-z]?")  # a resident's room: "3", "14B"
_ROOM_CELL = re.compile(r"[A-Z]{1,3}[ \-]?\d{1,4}[A-Za-z]?|\d{3,4}[A-Za-z]?")
_A_BIRTH_YEAR = re.compile(r"(?:19|20)\d\d")  # a DOB column's year alone: "1962"
_A_HANDLES_CELL = re.compile(r"@?(?=[\w.\-]*[A-Za-z])[\w.\-]{3,40}")
# An expiry written in a number's column: "exp 2027", "Exp 06/2027".
_EXPIRY_CELL = re.compile(r"(?i)exp(?:iry|ires|\.)?[ \t:]*(?:\d\d?[/\-])?(?:19|20)\d\d")
# A code of capitals and digits mixed, as a USI or a member number is: "4TYD9WMRHC".
_CODE_CELL = re.compile(r"(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{8,12}")  # "KXPTQMWRH7"
_A_YEARS_CODE = re.compile(r"[A-Z]+(?:19|20)\d\d")  # a form's version: "FORMSV2026"
_ID_CELL = re.compile(r"[A-Za-z]{0,4}[ \-/]?\d[\dA-Z \-/]{1,20}")
_YEARS_OR_DATE = re.compile(
    r"(?:19|20)\d\d(?:[ \-/–](?:\d\d|(?:19|20)\d\d))?|\d{1,2}[ /\-][A-Z]{3,9}[ /\-]\d{2,4}",
    re.IGNORECASE,
)
# A cell that reads as a name: one to four words of letters, at least one capitalised.
_NAME_CELL = re.compile(
    r"(?=[^\W\d_]*[A-ZÀ-ÖØ-Þ])[^\W\d_][^\W\d_'’.\-]*"
    r"(?:[ ,'’.\-]{1,2}[^\W\d_][^\W\d_'’.\-]*){0,3}\.?"
)
_ROLES_ALONE = word_set("gp doctor nurse police worker caseworker landlord agent self mum dad")
_STATUS_WORDS = word_set(
    "unknown vacant refused declined withheld male female group single couple pending tbc tba"
    " unnamed anonymous"
)
_NOT_A_NAME = word_set(
    "n/a na tbc tba unknown none nil yes no same withheld declined anon anonymous various self"
    " pending"
)
# A value that sends the reader elsewhere: "Son's name: see file", "Name: as above".
_ELSEWHERE = re.compile(r"(?i)(?:see|refer\s+to|as\s+(?:above|below|per))\b.*")
# A business's last word: "Bay Charters" under "Skipper" is the charter firm.
_BUSINESS_WORDS = word_set(
    "charters tours pty ltd fishing marine seafoods seafood boats cruises ferries transport"
    " logistics services contracting holdings"
)
HEADER_WORDS = word_set(
    "name names surname given first last client tenant resident participant patient nok kin"
    " contact dob d.o.b birth birthday ref reference id locker voucher booking application file"
    " respondent aggrieved perpetrator defendant accused offender applicant child mother father"
    " carer young address property pic abn rego vin title claim policy witness party partner"
    " spouse referrer referred protected person guardian parent"
    " staff employee payroll agency licence license member student badge"
    " deceased executor beneficiary executrix nominee"
    " referee escort skipper deckhand passenger holder"
    " emp bsb picker room cabin donga worker white usi received witnessed inducted signed"
    " bib username user handle gamertag athlete athletes player players students competitor"
    " asset"
)


# A table typed with spaces between its columns ("Asset no.      Item      Issued"): two or more
# spaces part its cells; tried last, and only where the header names a column.
_COLUMNS = "  "
_A_COLUMNS_CELL = re.compile(r"\S+(?: \S+)*")


def _split(line: str, sep: str) -> list[str]:
    """A row's cells, each as written (quotes kept): a separator inside double quotes is the
    cell's own ('"COLÓN IBARRA, Yesenia"'). Joined with ``sep`` they give the line back (but a
    table typed with spaces: its cells alone)."""
    if sep == _COLUMNS:
        return _A_COLUMNS_CELL.findall(line)
    if '"' not in line or len(sep) > 1:
        return line.split(sep)
    cells, start, quoted = [], 0, False
    for k, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            cells.append(line[start:k])
            start = k + 1
    cells.append(line[start:])
    return cells


def columns(text: str) -> Iterator[Hit]:
    """Hits for the cells under a table's name columns ("person"), date-of-birth columns ("dob")
    and reference columns ("id")."""
    for kind, inner, offset in _table_cells(text, _column_kind):
        if (found := _cell(kind, inner, offset)) is not None:
            yield found


def _cell(kind: str, inner: str, offset: int) -> Hit | None:
    """The hit for a cell (a JSON value) under a column (a key) of this kind, if it reads as one."""
    if kind == "dob":
        ok = DATE.fullmatch(inner) is not None or _A_BIRTH_YEAR.fullmatch(inner) is not None
    elif kind == "plate":  # "SUN 41", "0VV 2LB": a plate has fewer digits than a number
        ok = bool(_ID_CELL.fullmatch(inner)) and any(ch.isdigit() for ch in inner) and (
            len(inner.replace(" ", "")) >= 4
        )
        kind = "id"
    elif kind == "id":
        numbered = _ID_CELL.fullmatch(inner) is not None and sum(ch.isdigit() for ch in inner) >= 3
        coded = _CODE_CELL.fullmatch(inner) is not None and not _A_YEARS_CODE.fullmatch(inner) and (
            sum(ch.isdigit() for ch in inner) >= 2 or not any(
                len(w) >= 4 and w in lexicon.english_words()
                for w in re.findall(r"[a-z]+", inner.casefold())
            )  # not "STAGE2REVIEW": words with a digit between
        )
        ok = (numbered or coded) and not any(
            p.fullmatch(inner) for p in (_EXPIRY_CELL, DATE, _YEARS_OR_DATE)
        )
    elif kind == "handle":
        ok, kind = _A_HANDLES_CELL.fullmatch(inner) is not None, "id"
    elif kind == "bsb":
        ok = _BSB.fullmatch(inner) is not None  # "633-108"; not a score's "101-99" under it
        kind = "id"
    elif kind in ("room", "home"):
        ok = (_ROOM_CELL if kind == "room" else _HOME_CELL).fullmatch(inner) is not None
        kind = "address"
    elif kind == "address":
        ok = bool(re.search(r"[^\W\d_]{3}", inner)) and inner.casefold() not in _NOT_A_NAME and (
            inner.casefold() not in _STATUS_WORDS
        ) and not (NO_HOMES_WORD.search(inner) and not re.search(r"\d", inner))
        # (not "Boarding house, Fortitude Valley", "Mum's place, Logan")
    else:
        ok, kind = bool(inner) and _a_name(inner), "person"
    return hit(offset, offset + len(inner), kind) if ok else None


_JSON_OBJECT = re.compile(r"\{[^{}]{1,2000}\}")
_JSON_PAIR = re.compile(r'"(?P<key>[A-Za-z][\w .#]{0,29})"[ \t]*:[ \t]*"(?P<value>[^"\n]{1,60})"')


def keyed(text: str) -> Iterator[Hit]:
    """Hits for a JSON record's values under keys a table's header would name: "emp":
    "IBC-22817" is an "id"; "room": "C14" an "address" where the record names a person."""
    for obj in _JSON_OBJECT.finditer(text):
        pairs = [(_column_kind(m["key"]), m) for m in _JSON_PAIR.finditer(obj[0])]
        someone = any(kind == "person" for kind, _m in pairs)
        for kind, m in pairs:
            if kind == "id" or (kind == "room" and someone):
                value = m["value"].strip()
                at = obj.start() + m.start("value") + m["value"].find(value)
                if (found := _cell(kind, value, at)) is not None:
                    yield found


def _table_cells(text: str, classify: Callable[[str], str]) -> Iterator[tuple[str, str, int]]:
    """Each row's cell under a column that ``classify`` names from its header, as (the column's
    kind, the cell without its quotes, where it starts), until a blank line or a row of another
    shape ends the table."""
    start = 0
    kinds: dict[int, str] = {}
    sep = ""
    width = 0
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if not line.strip():
            kinds = {}
        elif kinds and sep == _COLUMNS:  # a table typed with spaces: each cell where it stands
            spans = [m.span() for m in _A_COLUMNS_CELL.finditer(line)]
            if len(spans) != width:
                kinds = {}
            else:
                for k, (a, b) in enumerate(spans):
                    if (kind := kinds.get(k)) is not None:
                        yield kind, line[a:b].rstrip("\r"), start + a
        elif kinds:
            cells = _split(line, sep)
            p = next((k for k, kind in kinds.items() if kind == "person"), None)
            if len(cells) == width + 1 and sep == "," and p is not None and p + 1 < len(cells) and (
                _SURNAME_CELL.fullmatch(cells[p]) and _GIVEN_CELL.fullmatch(cells[p + 1])
            ):  # "NICHOLSON, Kim,Casino,4 Cook St": the name's comma, not the address's
                cells = [*cells[:p], sep.join(cells[p : p + 2]), *cells[p + 2 :]]
            if len(cells) > width and sep == "," and list(kinds.values()).count("address") == 1:
                # An address with its own commas, unquoted: its column takes the extra cells
                # ("Jelle Blom,Blom Creek Farm, Tinamba,3TNBA022,…").
                a = next(k for k, kind in kinds.items() if kind == "address")
                extra = len(cells) - width
                cells = [*cells[:a], sep.join(cells[a : a + extra + 1]), *cells[a + extra + 1 :]]
            if len(cells) > width and sep == ",":
                cells = _thousands_joined(cells, len(cells) - width)
            if len(cells) != width:
                kinds = {}
            else:
                at = start
                for k, cell in enumerate(cells):
                    if (kind := kinds.get(k)) is not None:
                        inner = cell.strip(" \t\r\"'")  # "\r": Windows line ends
                        yield kind, inner, at + cell.find(inner) if inner else at
                    at += len(cell) + len(sep)
        if not kinds:
            kinds, sep, width = _header(line, classify, lines[n + 1 : n + 3])
        start += len(line) + 1


_THOUSANDS_HEAD = re.compile(r"[ \t]*-?\$?\d{1,3}")
_THOUSANDS_TAIL = re.compile(r"\d{3}(?:\.\d+)?[ \t]*")


def _thousands_joined(cells: list[str], extra: int) -> list[str]:
    """A CSV row with amounts typed unquoted ("31,4,118.40,2026-05-05"): each amount's comma
    is its own, where that accounts for every extra cell and no two amounts share a cell."""
    joins = [
        k for k in range(len(cells) - 1)
        if _THOUSANDS_HEAD.fullmatch(cells[k]) and _THOUSANDS_TAIL.fullmatch(cells[k + 1])
    ]
    if len(joins) != extra or any(b - a < 2 for a, b in itertools.pairwise(joins)):
        return cells
    out: list[str] = []
    k = 0
    while k < len(cells):
        if k in joins:
            out.append(cells[k] + "," + cells[k + 1])
            k += 2
        else:
            out.append(cells[k])
            k += 1
    return out


_SURNAME_CELL = re.compile(r"[ \t]*[A-Z][A-Za-z'’\-]+(?: [A-Z][A-Za-z'’\-]+)?[ \t]*")
_GIVEN_CELL = re.compile(r" [A-Z][a-z][A-Za-z'’\-]*(?: [A-Z][a-z][A-Za-z'’\-]*)?[ \t]*")
_A_VALUE = re.compile(r"\d\d|[A-Z][A-Z0-9]{0,7}-\d")  # numbers, a case code: no header's


_AN_APPOINTMENTS_HEADER = re.compile(  # or a facility's list: "Room | Name | Capacity"
    r"appts?|appointments?|times?|sessions?|meetings?|agenda|start|slots?|topic|purpose"
    r"|capacity|seats|size|equipment|features|course|class|subject|booked[ _]by",
    re.IGNORECASE,
)
_RESIDENTS_HEADER = re.compile(  # whose home the room is: "Room | Tenant | Start"
    r"tenants?|residents?|occupants?|guests?|boarders?|lodgers?|resident[ _]name",
    re.IGNORECASE,
)
_STAFFS_HEADER = re.compile(  # and a school's: "Student | Room | Teacher" (a class's room)
    r"workers?|staff|referee|witness|escort|facilitator|host|presenter|worker[ _]name"
    r"|students?|pupils?|teachers?",
    re.IGNORECASE,
)


def _rooms_kind(kinds: dict[int, str], heads: Sequence[str]) -> dict[int, str]:
    """A room column's kind, by the table's other columns: a home's where a tenant or a resident
    is listed ("3" as much as "C14"), no one's where no one but the staff is, or where the room is
    a meeting's, a class's or an appointment's ("Room | Worker | Time", "Room | Client | Appt")."""
    residents = any(_RESIDENTS_HEADER.fullmatch(h) for h in heads)
    someone = any(
        kind == "person" and not _STAFFS_HEADER.fullmatch(heads[k]) for k, kind in kinds.items()
    )
    if not someone or (not residents and any(_AN_APPOINTMENTS_HEADER.fullmatch(h) for h in heads)):
        return {k: kind for k, kind in kinds.items() if kind != "room"}
    if residents:
        return {k: "home" if kind == "room" else kind for k, kind in kinds.items()}
    return kinds


def _header(
    line: str, classify: Callable[[str], str], below: Sequence[str] = ()
) -> tuple[dict[int, str], str, int]:
    for sep in _SEPARATORS:
        if sep not in line:
            continue
        heads = [c.strip(" \t\r\"'*_|:") for c in _split(line, sep)]
        if len(heads) < 2 or any(len(h) > 30 or h.count(" ") > 3 for h in heads):
            continue  # a sentence with a comma, not a header
        if any(_A_VALUE.search(h) for h in heads):
            continue  # a form's label and its value ("Name<TAB>U1R-014"), not a header
        if sep == _COLUMNS and (len(heads) < 3 or not below or len(_split(below[0], sep)) != len(
            heads
        )):
            continue  # spaces between three columns or more, and a row below of as many
        kinds = {k: kind for k, h in enumerate(heads) if h and (kind := classify(h))}
        if "room" in kinds.values():
            kinds = _rooms_kind(kinds, heads)
        if kinds and sep == " / " and len(heads) < 3 and not line.isupper() and (
            len(kinds) < len(heads) and not _slashed_rows(below, heads, kinds)
        ):
            continue  # prose with a slash: "Property / contents claims", "Client / carer meeting"
        if kinds:
            return kinds, sep, len(heads)
    return {}, "", 0


def _slashed_rows(below: Sequence[str], heads: Sequence[str], kinds: dict[int, str]) -> bool:
    """A sign-in sheet's rows under a header typed with " / ": two rows or more follow with its
    slashes, or one whose first cell is in lowercase ("hope / no show") when its other heads are
    labels of a word or two (not "Client / carer meeting went well"); the cells under a person's
    or an address's head are not in capitals ("Property / contents claims\nQBE / Allianz"), but
    for a name and its initial ("KYLIE S")."""
    rows = [r for r in below if r.count(" / ") == len(heads) - 1]
    if any(len(h.split()) > 2 for k, h in enumerate(heads) if k not in kinds) and len(rows) < 2:
        return False  # a sentence, unless rows follow ("Name / What happened today")
    if any(
        len(cell := r.split(" / ")[k].strip()) >= 2 and cell.isupper()
        and not _CAPS_NAME_CELL.fullmatch(cell)
        for r in rows for k in kinds
    ):
        return False
    return len(rows) >= 2 or (len(rows) == 1 and rows[0] == below[0] and rows[0][:1].islower())


_CAPS_NAME_CELL = re.compile(  # "KYLIE S", "HALL J" (not "QBE", "ROOM B", "POD A")
    r"(?!(?:ROOM|LEVEL|BLOCK|BED|UNIT|FLOOR|SITE|CABIN|POD|ZONE|GATE|TEAM"
    r"|GROUP|STAGE|PLAN|OPTION|TYPE|GRADE|CLASS) )[A-Z][A-Z'’\-]{2,} [A-Z]\.?"
)


TEAM_KEYS = word_set(
    "owner owners worker workers author assigned lead staff by who facilitator manager suburb"
    " town city locality region area location lga where place"
    " club clubs team teams school college employer organisation organization provider agency"
    " service program"
)
_TEAM_HEADER = re.compile(
    r"owner|owners|worker|workers|author|assigned(?:[ _]to)?|lead|staff|by|who|facilitator"
    r"|key[ _]?worker|case[ _]manager",
    re.IGNORECASE,
)


_PLACE_HEADER = re.compile(
    r"(?:nearest[ _]|home[ _])?(?:suburb|town|city)|locality|region|area|location|lga|where|place",
    re.IGNORECASE,
)
_A_PLACE_CELL = re.compile(r"[A-Z][A-Za-z'’\-]+(?: [A-Z][A-Za-z'’\-]+){0,3}")


def kept_cells(text: str, team: Set[str]) -> list[tuple[int, int]]:
    """Cells a table says are no one's: the team's names under "owner" or "worker" ("Abernethy"),
    suburbs under "suburb" or "town" ("Elizabeth", "Kilburn")."""
    spans: list[tuple[int, int]] = []
    for kind, inner, offset in _table_cells(text, _kept_kind):
        words = re.findall(r"[^\W\d_]+", inner.casefold())
        if words and (
            (kind == "team" and all(w in team for w in words))
            or (kind == "place" and _A_PLACE_CELL.fullmatch(inner) and lexicon.listed_place(words))
            or (kind == "club" and len(words) >= 2 and "," not in inner and any(
                w in lexicon.english_words() and w not in lexicon.given_names()
                for w in words[1:]) and not opens_with_a_given_name(words)
                )  # "Norwood Athletics", "Adelaide Harriers"; not "Sam Nguyen Plumbing"
        ):
            spans.append((offset, offset + len(inner)))
    return spans


def _kept_kind(head: str) -> str:
    if _TEAM_HEADER.fullmatch(head):
        return "team"
    if _CLUB_HEADER.fullmatch(head):
        return "club"
    return "place" if _PLACE_HEADER.fullmatch(head) else ""


_CLUB_HEADER = re.compile(
    r"clubs?|teams?|school|college|employer|organi[sz]ation|provider|agency|service|program",
    re.IGNORECASE,
)


# A header's words in brackets say its format or source: "DOB (dd/mm/yyyy)", "Name (as on ID)".
_HEAD_NOTE = re.compile(r"\s*\([^()]*\)\s*|\(s\)")
# A date-of-birth column by any of its names: "Client DOB", "Mother's DOB", "date_of_birth",
# "Age/DOB" (its cells are checked to be dates).
_DOB_HEADER = re.compile(r"(?<![a-z])(?:d\.?o\.?b\.?|birth[ _]?date|date[ _]of[ _]birth)(?![a-z])",
                         re.IGNORECASE)


def _column_kind(head: str) -> str:
    head = _HEAD_NOTE.sub(" ", head).strip() or head
    if DOB_CUE.fullmatch(head) or (len(head) <= 24 and _DOB_HEADER.search(head)):
        return "dob"
    if _NAME_HEADER.fullmatch(head):
        return "person"
    if _ADDRESS_HEADER.fullmatch(head):
        return "address"
    if _PLATE_HEADER.fullmatch(head):
        return "plate"
    if _ROOM_HEADER.fullmatch(head):
        return "room"
    if _BSB_HEADER.fullmatch(head):
        return "bsb"  # "BSB", "BSB No", "Bank BSB"
    if _HANDLE_HEADER.fullmatch(head):
        return "handle"  # "username": "nightcrawler77", "dicegoblin.nightcliff"
    return "id" if _ID_HEADER.fullmatch(head) else ""


_HANDLE_HEADER = re.compile(
    r"user[ _]?names?|handles?|gamertags?|ign|screen[ _]?names?|psn[ _]?id|xbox[ _]?id",
    re.IGNORECASE,
)
_BSB_HEADER = re.compile(r"(?:bank[ _])?bsb(?:[ _](?:no\.?|number|#))?", re.IGNORECASE)
_PLATE_HEADER = re.compile(r"rego|plate|number[ _]plate|registration|reg[ _]?plate", re.I)


# Labels of someone a form or a record is about ("Client:", "Young person<TAB>…").
_PEOPLE = r"client|tenant|resident|participant|patient|child|young[ _]person"
# A name field's label at a line's, a record's or a field's start, then its value: to a quote, a
# separator, a wide gap or the line's end.
_NAME_FIELD = re.compile(
    r"(?:^|(?<=[{,;&?\t|>\"'])|(?<=\s\s)|(?<=\.\s))[ \t]*[\"']?"
    r"(?:(?:(?:client|full|first|given|last|family|preferred|middle|legal|contact|carer|parent"
    r"|guardian|nok|kin)[ _]?|(?:baby|bub|child|son|daughter|mother|father|partner|newborn)"
    r"(?:['’]?s)?[ _])?(?:names?|surname)(?:[ _]of[ _](?:client|carer|contact))?"
    rf"|{_PEOPLE}|applicant|carer|nok"
    r"|next[ _]of[ _]kin|emergency[ _]contact|mother|father|respondent|aggrieved"
    r"|protected[ _]person|perpetrator|defendant|accused|offender|person[ _]of[ _]interest"
    r"|witness|co-?[ _]?tenant|other[ _]party|support[ _]person|ex-?[ _]?partner|partner|spouse"
    r"|referrer|referred[ _]by|deceased|executor|executrix|beneficiary|nominee"
    r"|referee|escort|skipper|deckhand|passenger|account[ _]holder|holder"
    r"|(?:received|witnessed|inducted|signed)[ _]by)"  # a receipt's or a register's: a person
    r"(?:[ \t]*\([^()\n]{1,30}\))?"  # "Name (as on ID):"
    r"[\"']?[ \t]*[:=][ \t]*[\"']?"
    r"(?P<value>[^\"'\n&,;|\t<>=:{}\[\]]{1,60}?)(?=[\"'\n&,;|\t<]|[ \t]{2,}|[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)


_GIVEN_AFTER = re.compile(r",[ \t]*[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+)?")
# A name's label and its value as a row of two cells: "Name<TAB>Thu", "| Surname | Okafor |".
_NAME_ROW = re.compile(
    r"^[ \t]*\|?[ \t]*(?P<label>(?:(?:client|full|first|given|last|family|preferred)[ _]?)?"
    rf"(?:names?|surname)|{_PEOPLE})"
    r"[ \t]*(?:\t|\|)[ \t]*(?P<value>[^\t|\n]{1,60}?)[ \t|\r]*$",
    re.IGNORECASE | re.MULTILINE,
)


def named_as(text: str) -> Iterator[Hit]:
    """Whose name an account or a paper is in: "pay into account 1234 in the name T. Zervos",
    "name S. Mahdi" after an account; "Nazar s/o Akbar" (son, daughter or wife of), both named."""
    for m in _IN_THE_NAME.finditer(text):
        group = "value" if m["value"] else "v2"
        key = m[group].casefold()
        if key in lexicon.english_words() and key not in lexicon.given_names() and not (
            _A_PAPERS_SUBJECT.search(text, max(0, m.start() - 40), m.start())
        ):
            continue  # "acted in the name of Justice"; but "Booking in the name of Rain"
        if _titled(m[group]) or _a_name(m[group]) or _INITIAL_FIRST.fullmatch(m[group]):
            yield hit(*m.span(group), "person")
    if "/o" in text:
        for m in _CHILD_OF.finditer(text):
            if m["rel"].casefold() == "w" and not (_a_name(m["a"]) and _a_name(m["b"])):
                continue  # "w/o" is mostly "without": "Arrived Tuesday w/o Medicare card"
            yield hit(*m.span("a"), "person")
            yield hit(*m.span("b"), "person")


def fields(text: str) -> Iterator[Hit]:
    """Hits ("person") for the values of name fields that read as names; in a row of two cells,
    only a value with a listed name in it ("Name<TAB>Thu"; not a header's "Name<TAB>Keyworker")."""
    for m in _NAME_FIELD.finditer(text):
        value, start = _value(m)
        if value and (_a_name(value) or _titled(value) or (
            _AIRLINE_NAME.fullmatch(value) and not _no_ones_words(value)
        )):  # "LEE/AMY", "SINGLE/ANNA MS"; not "ADULT/CHILD", "YES/NO"
            end = start + len(value)
            given = _GIVEN_AFTER.match(text, end) if value.isupper() else None
            given = given or _INITIALS_AFTER.match(text, end)
            if given:
                end = given.end()  # "Respondent: KEMSLEY, Jethroe", "Young person: WOODS, Zac",
                # "Received by: Cusumano, E."
            elif _A_SIGNERS_LABEL.search(m[0]) and _no_ones_words(value):
                continue  # "NSW/ACT", "Witnessed by: Two Staff", "Received by: Post" (but a name
                # field takes words: "Surname: BANKS", "preferred_name": "Bear")
            yield hit(start, end, "person")
    if "\t" in text or "|" in text:
        given, surnames = lexicon.given_names(), lexicon.surnames()
        for m in _NAME_ROW.finditer(text):
            value, start = _value(m)
            parts = re.findall(r"[^\W\d_]+", value.casefold())
            by_surname = re.search(r"surname|last|family", m["label"], re.IGNORECASE)
            if value and _a_name(value) and not (_kept_kind(value) or _column_kind(value)) and (
                parts[0] in given or (by_surname and parts[-1] in surnames)
            ):
                yield hit(start, start + len(value), "person")


_A_NAMES_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_ONE_NAME = rf"[A-Z]\.?[ \t]?{_A_NAMES_WORD}"  # "T. Zervos"
_NAME_WORDS = rf"{_A_NAMES_WORD}(?:[ \t]+{_A_NAMES_WORD}){{0,2}}"
_IN_THE_NAME = re.compile(
    r"\b(?:in|under)[ \t]+(?:the[ \t]+)?name[ \t]+(?:of[ \t]+)?[\"'“]?"
    rf"(?P<value>{_ONE_NAME}|{_A_NAMES_WORD}(?:[ \t]+[A-Z]\.)?(?:[ \t]+{_A_NAMES_WORD}){{0,2}})"
    r"(?![\w'’])"
    r"|\b(?:to|into|account)[ \t]+(?:[\w\-]*\d[\w\-]*[ \t]+){1,3}name[ \t:]+"
    rf"(?P<v2>{_ONE_NAME}|{_NAME_WORDS})"
)
_INITIAL_FIRST = re.compile(_ONE_NAME)
# What is held in someone's name: a paper, an account, a booking.
_A_PAPERS_SUBJECT = re.compile(
    r"(?i)\b(?:booking|booked|reservation|lease|bill|bills|account|phone|policy|registered"
    r"|registration|rego|car|ticket|tickets|card|licence|license|tenancy|loan|contract|invoice"
    r"|receipt|order|title|certificate|paid|payment)\b[^.\n]*\Z"
)
_CHILD_OF = re.compile(
    rf"(?<![\w\-])(?P<a>{_A_NAMES_WORD})[ \t]+(?P<rel>[sdwSDW])/[oO][ \t]+(?P<b>{_A_NAMES_WORD}"
    rf"(?:[ \t]+(?!(?:[Aa]nd|[Tt]he|[Ii]n|[Aa]t|[Oo]f)\b){_A_NAMES_WORD})?)(?![\w\-])"
)
_VALUE_ENDS = re.compile(r"\s+\(|\s+of\s+(?=\d)")


def _value(m: re.Match[str]) -> tuple[str, int]:
    """A field's value without its spaces, and where it starts."""
    value = _VALUE_ENDS.split(m["value"].strip(), maxsplit=1)[0]  # "Flo Chapel (\"Flo\")",
    # "Grantley Chifley of 4 Smith St": the name, not its nickname or address after it
    if value.endswith(".") and not re.search(r"\b[A-Z]\.\Z", value):
        value = value[:-1].rstrip()  # the sentence's full stop ("Referrer: Jess Kowalski."), not
        # an initial's ("Name: Jess K.")
    return value, m.start("value") + m["value"].find(value)


def _titled(value: str) -> bool:
    """After a person's label, two or three capitalised words are a name even when each is a
    word of the language ("Respondent: Lucky Friday"); not a status ("Not Known")."""
    words, given, surnames = lexicon.english_words(), lexicon.given_names(), lexicon.surnames()
    return _TITLED.fullmatch(value) is not None and not any(
        w in _STATUS_WORDS or w in HEADER_WORDS or w in _NOT_A_NAME or w in ("not", "no")
        or (w in words and w not in given and w not in surnames)  # "Team Leader"
        for w in value.casefold().split()
    )


_INITIALS_AFTER = re.compile(r",[ \t]*[A-Z]\.(?:[ \t]?[A-Z]\.)*(?![^\W\d_])")
_A_SIGNERS_LABEL = re.compile(
    r"(?i)(?:received|witnessed|inducted|signed)[ _]by|passenger|holder|escort"
)


def _no_ones_words(value: str) -> bool:
    """Every word a common word that is no one's name, a state or an acronym no name list has:
    "Two Staff", "CCTV", "SELF/CARER", "NSW/ACT", "ADULT/CHILD"; not "NGO", "STONE", "ANNA".
    Of two words or more, a word that is also a surname may be among them ("Two Staff")."""
    words = re.findall(r"[^\W\d_]+", value)
    if any(len(w) == 1 and w.isupper() for w in words):
        return False  # an initial: "Pinto A.", "Pickles, R."
    given, surnames, english = lexicon.given_names(), lexicon.surnames(), lexicon.english_words()
    several = len(words) > 1
    return bool(words) and all(
        (k := w.casefold()) in lexicon.STATES or (w.isupper() and k in _NO_ONES)
        or k in _HANDED_BY  # "Received by: Post", "Hand (client)", "Counter"
        or (k not in given and k not in surnames and (
            k in english or (w.isupper() and len(w) <= 4)))
        or (several and k in english and k not in given)
        for w in words
    )


# A form's words for no one, on a ticket or beside a slash: "ADULT/CHILD", "YES/NO".
_NO_ONES = word_set(
    "adult adults child children infant inf chd adt yes no na n y m f male female tbc tba nil"
    " none other economy business window aisle single return cash card am pm"
)
# How a paper arrives, a signer's value that is no one: "Received by: Post".
_HANDED_BY = word_set(
    "post mail hand counter courier fax email dropbox portal registry reception desk office"
    " online mygov client rep"
)
# A ticket's or a manifest's name: surname, a slash, given names ("LEE/AMY MS").
_AIRLINE_NAME = re.compile(
    r"[A-Z][A-Z'’\-]+/[A-Z][A-Z'’\-]+(?: [A-Z]+)?(?: (?:MR|MS|MRS|MISS|MSTR))?"
)
_TITLED = re.compile(r"[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){1,2}")


def _a_name(cell: str) -> bool:
    """Letters that read as a name: capitalised ("KOWALCZYK", "Lwazi Dube"), or in lowercase
    beginning with a listed given name ("maria lopez")."""
    key = cell.casefold()
    if key in HEADER_WORDS or key in _NOT_A_NAME or not _NAME_CELL.fullmatch(cell.title()):
        return False
    if key.startswith(("not ", "no ")) or _ELSEWHERE.fullmatch(key):
        return False  # "Not Given", "No name", "see file"
    if key.split()[-1] in _BUSINESS_WORDS:
        return False  # "Bay Charters", "Reef Seafoods Pty Ltd"
    if key in lexicon.TITLES or key in lexicon.RELATIONS or key in _ROLES_ALONE:
        return False  # "Co-tenant: Aunty", "Referrer: GP"
    letters = re.findall(r"[^\W\d_]+", cell)
    if cell[:1].isupper() and any(
        w.islower() and len(w) > 2 and w in lexicon.english_words() and w not in lexicon.PARTICLES
        for w in letters[1:]
    ) and not (  # but "Kylie brown" is someone ("Will call back" no one)
        len(letters) == 2 and letters[0].casefold() in lexicon.given_names()
        and letters[1] in lexicon.surnames()
    ):
        return False  # "Morning tea", "Housing First review": a name's words are capitalised
    words, given, surnames = lexicon.english_words(), lexicon.given_names(), lexicon.surnames()
    parts = re.findall(r"[^\W\d_]+", key)
    if parts and len(parts[0]) > 1 and parts[0] in lexicon.FUNCTION_WORDS and parts[0] not in given:
        return False  # a speaker's sentence after the label: "PARTICIPANT: And if he's …"
    if any(w in _STATUS_WORDS or (
        (w in lexicon.WEEKDAYS or w in lexicon.MONTHS) and w not in lexicon.given_names()
    ) for w in parts):
        return False  # "Unknown male", "Vacant", "Monday" (but "Thu" may be someone)
    if all(
        len(w) == 1 or w in lexicon.STATES or w in lexicon.not_names()
        or (w in words and w not in given and w not in surnames)
        for w in parts
    ) or (any(len(w) > 3 and w in words and w not in given and w not in surnames for w in parts)
          and not _a_word_then_a_surname(cell, parts)):
        return False  # "Housing SA", "Not Given", "Team Leader": words no name has
    return _NAME_CELL.fullmatch(cell) is not None or (
        re.split(r"[ ._\-]", key)[0] in lexicon.given_names()
    )


def _a_word_then_a_surname(cell: str, parts: list[str]) -> bool:
    """ "Sully Thornycroft", "Bliss Kalantzis": a given name that is also a word, before a
    surname no dictionary has (not "Red Cross", "Team Leader")."""
    return (
        len(parts) == 2 and cell.istitle() and len(parts[0]) > 2
        and parts[1] not in lexicon.english_words() and parts[1] not in lexicon.not_names()
        and parts[1] not in lexicon.place_words()
    )


# A login made of a name: "sarah.nguyen", "j.smith", "kate_w" (not a domain, a file or "i.e").
_LOGIN = re.compile(
    r"(?<![\w@./:\-])([a-z]{1,15})[._]([a-z]{1,20}(?:-[a-z]{1,20})?)(?![\w@\-]|\.[a-z])"
)
_LOGIN_CUE = re.compile(
    r"\b(?:by|user(?:name)?|login|logged[ _]in[ _]as|author|owner|assigned[ _]to|from|to|cc)"
    r"[\s:=\"']{1,3}\Z",
    re.IGNORECASE,
)
LOGIN_KEYS = word_set("by user username login logged author owner assigned from to cc")


def logins(text: str, team: Set[str] = frozenset()) -> Iterator[Hit]:
    """Hits ("person") for logins that carry a name, after who did something ("updated by"),
    unless the name is one of the ``team``'s words (its own logins stay)."""
    given, surnames, words = lexicon.given_names(), lexicon.surnames(), lexicon.english_words()
    for m in _LOGIN.finditer(text):
        first, last = m[1], m[2]
        if not _LOGIN_CUE.search(text, max(0, m.start() - 16), m.start()):
            continue
        head = last.split("-")[0]
        if (head in team and (len(first) == 1 or first in team)) or (
            first in team and len(head) == 1
        ):
            continue  # "c.abernethy", "cressida_a": the team's own; not "grace.nguyen"
        named = (len(first) == 1 and len(head) >= 3 and (
            head in surnames or (len(head) >= 4 and head not in words)  # "s.wongpanit"
        )) or (first in given and (head in surnames or head in given or len(head) == 1))
        if named and not (first in words and last in words and len(first) > 1 and len(last) > 1
                          and first not in given):
            yield hit(*m.span(), "person")
