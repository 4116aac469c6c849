"""Which field of the register each column of a client spreadsheet holds, by its heading.

Common headings are known in any case ("Given name", "Surname", "DOB", "Mobile"…); others are
named with ``--map "Heading=field"`` or left out with ``--ignore Heading``. A column nobody
named is an error, never guessed: a misread column would put a detail in the wrong place.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain import InvalidInput
from bot.sheets.reading import column_letter

# field -> the headings it is known by (compared after normalising: case, spaces, punctuation)
HEADINGS: dict[str, tuple[str, ...]] = {
    "code": ("case code", "code", "client code", "case id", "case number", "case no"),
    "first_name": ("first name", "given name", "given names", "firstname", "forename",
                   "first names"),
    "last_name": ("last name", "surname", "family name", "lastname"),
    "full_name": ("full name", "name", "client name"),
    "aliases": ("aliases", "alias", "aka", "also known as", "nickname", "nicknames",
                "other names", "preferred name", "known as"),
    "date_of_birth": ("date of birth", "dob", "birth date", "birthdate", "born"),
    "address": ("address", "home address", "street address", "residential address",
                "current address"),
    "phone": ("phone", "mobile", "phone number", "mobile number", "mobile phone", "telephone",
              "tel", "contact number", "mob", "ph"),
    "email": ("email", "e mail", "email address"),
    "medicare": ("medicare", "medicare number", "medicare no", "medicare card"),
    "crn": ("crn", "centrelink crn", "centrelink reference number", "customer reference number",
            "centrelink number"),
    "notes": ("notes", "note", "comments", "comment"),
    "agency": ("agency", "lead agency"),
    "key_worker": ("key worker", "keyworker", "case worker", "worker"),
    "group": ("group",),
    "status": ("status",),
    "consent_date": ("consent date", "consent given", "consent given on", "date of consent"),
    "consent_agencies": ("consent agencies", "consent covers", "shared with"),
    "consent_expires": ("consent expires", "consent expiry", "consent expiry date",
                        "consent expires on"),
    "consent_method": ("consent method",),
}
FIELDS = tuple(HEADINGS)
USAGE = '--map "Heading=field" (e.g. --map "Given name=first_name") or --ignore "Heading"'


def normalise(heading: str) -> str:
    """``" D.O.B. "`` → ``dob``, ``E-mail`` → ``e mail``, ``first_name`` → ``first name``."""
    text = unicodedata.normalize("NFKC", heading).casefold().replace(".", "")
    text = re.sub(r"[\s_\-/:#*()\[\]?]+", " ", text)
    return text.strip()


_KNOWN = {normalise(h): f for f, names in HEADINGS.items() for h in (f, *names)}


def field_named(text: str) -> str:
    """A field as typed after ``=`` in --map (``first_name``, ``First name``, ``DOB``…)."""
    found = _KNOWN.get(normalise(text))
    if found is None:
        raise InvalidInput(
            f"--map: unknown field {text.strip()!r}; the fields are: {', '.join(FIELDS)}"
        )
    return found


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row
    heading: str  # as written in the file
    field: str


def _shown(headers: Sequence[str], index: int) -> str:
    """A heading to quote back: one that looks like data (an email, a number) is not quoted,
    in case row 1 is a client's row rather than headings."""
    heading = headers[index]
    if re.search(r"\d{3}|@", heading):
        return f"column {column_letter(index)} (its heading looks like data, so it is not shown)"
    return repr(heading)


def _listing(headers: Sequence[str]) -> str:
    return ", ".join(_shown(headers, n) for n, h in enumerate(headers) if h.strip())


def _split_map(text: str) -> tuple[str, str]:
    heading, sep, field = text.rpartition("=")
    if not sep or not heading.strip() or not field.strip():
        raise InvalidInput(f"--map takes Heading=field, e.g. {USAGE.split(' or ')[0][6:]}")
    return heading.strip(), field_named(field)


def map_columns(
    headers: Sequence[str], *, mapped: Sequence[str] = (), ignored: Sequence[str] = (),
    filename: str,
) -> list[Column]:
    """The columns to read and the field each holds; InvalidInput listing every heading that
    is not understood, with the fields and how to name them."""
    by_heading = {normalise(h): n for n, h in enumerate(headers) if h.strip()}
    wanted: dict[int, str] = {}
    for text in mapped:
        heading, field = _split_map(text)
        index = by_heading.get(normalise(heading))
        if index is None:
            raise InvalidInput(
                f"--map: {filename} has no column {heading!r}; its columns: {_listing(headers)}"
            )
        wanted[index] = field
    skipped: set[int] = set()
    for heading in ignored:
        index = by_heading.get(normalise(heading))
        if index is None:
            raise InvalidInput(
                f"--ignore: {filename} has no column {heading.strip()!r}; its columns: "
                f"{_listing(headers)}"
            )
        skipped.add(index)
    if not wanted and not any(normalise(h) in _KNOWN for h in headers):
        # Likely no heading row at all: row 1 is a client, whose details must not be echoed.
        raise InvalidInput(
            f"{filename}: row 1 must hold the column headings (Case code, First name, Surname, "
            "Date of birth, …), and none of its cells is a heading Casebot knows. Add a heading "
            f"row, or name the columns with {USAGE}. Nothing was imported."
        )
    columns: list[Column] = []
    unknown: list[str] = []
    for index, heading in enumerate(headers):
        if index in skipped:
            continue
        if not heading.strip():
            unknown.append(f"column {column_letter(index)} has no heading")
            continue
        field = wanted.get(index) or _KNOWN.get(normalise(heading))
        if field is None:
            close = difflib.get_close_matches(normalise(heading), list(_KNOWN), n=1, cutoff=0.75)
            hint = f" (did you mean {_KNOWN[close[0]]}?)" if close else ""
            unknown.append(f"{_shown(headers, index)}{hint}")
            continue
        columns.append(Column(index, heading, field))
    if unknown:
        raise InvalidInput(
            f"{filename}: these columns are not understood: {'; '.join(unknown)}. Name each "
            f"with {USAGE}. The fields are: {', '.join(FIELDS)}. Nothing was imported."
        )
    _check_fields(columns, filename)
    return columns


def _check_fields(columns: Sequence[Column], filename: str) -> None:
    seen: dict[str, Column] = {}
    for column in columns:
        if column.field in seen:
            raise InvalidInput(
                f"{filename}: columns {seen[column.field].heading!r} and {column.heading!r} both "
                f"hold {column.field}; --ignore one of them or --map it to another field"
            )
        seen[column.field] = column
    if "code" not in seen:
        raise InvalidInput(
            f"{filename}: no case code column; add one headed 'Case code' (or name yours with "
            '--map "Heading=code"). Every client needs a case code such as U1R-014'
        )
    if "full_name" in seen and ({"first_name", "last_name"} & set(seen)):
        raise InvalidInput(
            f"{filename}: give the name either as one full name column or as first name and "
            "surname columns, not both (--ignore one)"
        )
