"""Parsing and checking of what people type: IDs, codes, roles, zones and identity fields.

Error messages name the field and the expected form, never the value: a mistyped date of birth
or Medicare number is still a client's identifier and must not be echoed into a log.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.domain import ClientIdentity, ClientStatus, InvalidInput, Role
from bot.ids_au import medicare_valid

CASE_CODE = re.compile(r"[A-Z][A-Z0-9]{0,7}-[0-9]{1,6}")
SLACK_USER = re.compile(r"[UW][A-Z0-9]{6,30}")
SLACK_CHANNEL = re.compile(r"[CG][A-Z0-9]{6,30}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
CRN = re.compile(r"[0-9]{9}[A-Z]")
E = TypeVar("E", bound=StrEnum)

# Characters that change how text is shown, or what a terminal or spreadsheet does with it,
# without being seen: C0 controls (NUL, ESC…) except the newline and tab people type, DEL, C1
# controls, the bidi embeddings, overrides and isolates that reorder text ("Trojan Source":
# U+202A–U+202E, U+2066–U+2069) and the direction marks (U+200E, U+200F, U+061C). Zero-width
# (non-)joiners stay: emoji sequences need U+200D and Persian or Indic spelling U+200C, and
# neither can reorder or hide text (the CSV export still strips them from a cell's start).
_UNSEEN = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
     *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
)


def clean_text(text: str) -> str:
    """Free text as typed, minus control and bidi-override characters; CR and CRLF become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_UNSEEN)


def case_code(text: str) -> str:
    code = text.strip().upper()
    if not CASE_CODE.fullmatch(code):
        raise InvalidInput(
            "a case code is letters/digits, a hyphen and a number, such as U1R-014 "
            "(never a name or initials)"
        )
    return code


def slack_user_id(text: str, *, field: str | None = None) -> str:
    """A member ID (``U…``/``W…``, capitals and digits) as typed, or a pasted mention.

    Lower case is refused rather than raised: ``ushers123`` would otherwise pass as an ID. The
    error quotes what was typed, or names ``field`` instead (values read from a file).
    """
    value = text.strip()
    mention = re.fullmatch(r"<@([A-Z0-9]+)(\|[^>]*)?>", value)
    value = mention.group(1) if mention else value.removeprefix("@")
    if not SLACK_USER.fullmatch(value):
        raise InvalidInput(
            f"{field or _quoted(text)} doesn't look like a Slack member ID (like U0123ABCD). "
            "In Slack: click the person's name → ⋮ → Copy member ID."
        )
    return value


def slack_channel_id(text: str) -> str:
    """A channel ID (``C…`` public, ``G…`` private: capitals and digits), never its name.

    All letters (``GENERAL``) is refused too: it is a channel's name typed in capitals, and
    Slack's IDs carry digits."""
    value = text.strip()
    if not SLACK_CHANNEL.fullmatch(value) or value.isalpha():
        raise InvalidInput(
            f"{_quoted(text)} doesn't look like a Slack channel ID (like C0123ABCD); the "
            "channel's #name won't do. In Slack: open the channel, click its name at the top; "
            "the Channel ID is at the bottom of the About tab (copy it from there)."
        )
    return value


def _quoted(text: str) -> str:
    """What someone typed, fit to repeat back on one line."""
    shown = " ".join(clean_text(text).split())
    return shown if len(shown) <= 40 else shown[:39] + "…"


def role(text: str) -> Role:
    return _one_of(Role, text, what="role")


def client_status(text: str) -> ClientStatus:
    return _one_of(ClientStatus, text, what="status")


def _one_of(choices: type[E], text: str, *, what: str) -> E:
    try:
        return choices(text.strip().lower())
    except ValueError:
        raise InvalidInput(
            f"unknown {what} {text.strip()!r}; choose from {', '.join(c.value for c in choices)}"
        ) from None


# Abbreviations people write for Australian and New Zealand time. Each says nothing certain
# about daylight saving (AEST is Brisbane all year but Sydney only in winter), so they are
# answered with the zones they may mean, never taken as one of them.
ABBREVIATIONS = {
    "AEST": "Australia/Brisbane (Queensland: AEST all year, no daylight saving) or "
    "Australia/Sydney (NSW, ACT; Australia/Melbourne, Australia/Hobart alike: AEST in winter, "
    "AEDT in summer)",
    "AEDT": "Australia/Sydney (NSW, ACT), Australia/Melbourne or Australia/Hobart (AEDT in "
    "summer, AEST in winter)",
    "AET": "Australia/Sydney (NSW, ACT), Australia/Melbourne or Australia/Hobart, or "
    "Australia/Brisbane (Queensland, no daylight saving)",
    "ACST": "Australia/Darwin (NT: ACST all year, no daylight saving) or Australia/Adelaide "
    "(SA: ACST in winter, ACDT in summer)",
    "ACDT": "Australia/Adelaide (SA) or Australia/Broken_Hill (ACDT in summer, ACST in winter)",
    "AWST": "Australia/Perth (WA, no daylight saving)",
    "ACWST": "Australia/Eucla",
    "LHST": "Australia/Lord_Howe",
    "LHDT": "Australia/Lord_Howe",
    "NZST": "Pacific/Auckland (NZST in winter, NZDT in summer)",
    "NZDT": "Pacific/Auckland (NZDT in summer, NZST in winter)",
}


# Zone names kept in the database for old POSIX systems: "EST" there is US Eastern (UTC-5),
# not the Australian east coast a user here most likely means.
LEGACY_ZONES = {"EST", "EST5EDT", "CST6CDT", "MST", "MST7MDT", "PST8PDT", "HST"}


def timezone(text: str) -> str:
    name = text.strip()
    if name.upper() in LEGACY_ZONES:
        raise InvalidInput(
            f"{name!r} is a US time zone (EST is UTC-5, New York in winter), which Casebot "
            f"doesn't take from an abbreviation: did you mean {ABBREVIATIONS['AEST']}? "
            "Give the IANA name (America/New_York if you do mean US Eastern)"
        )
    meant = ABBREVIATIONS.get(name.upper())
    if meant:
        why = " (it can't say which rules for daylight saving apply)" if " or " in meant else ""
        raise InvalidInput(
            f"{name!r} is an abbreviation, not a time zone{why}: did you mean {meant}? "
            "Give the IANA name"
        )
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        close = _close_zones(name)
        hint = f"; did you mean {close}?" if close else " such as Australia/Brisbane"
        raise InvalidInput(f"unknown time zone {name!r}: use an IANA name{hint}") from None
    return name


def _close_zones(name: str) -> str:
    import difflib

    matches = difflib.get_close_matches(name, sorted(available_timezones()), n=1, cutoff=0.6)
    return matches[0] if matches else ""


def iso_date(text: str, *, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{field} must be a date written YYYY-MM-DD") from None


def date_of_birth(text: str, *, today: dt.date) -> dt.date:
    """ISO (1988-04-03) or Australian day-first (3/4/1988); never in the future or before 1900."""
    value = text.strip()
    parsed: dt.date | None = None
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                parsed = dt.date(year, month, day)
            except ValueError:
                parsed = None
    if parsed is None:
        raise InvalidInput(
            "date_of_birth is not a valid date; write it as YYYY-MM-DD or day/month/year"
        )
    if parsed > today or parsed.year < 1900:
        raise InvalidInput("date_of_birth must be a past date after 1900")
    return parsed


def medicare_number(text: str) -> str:
    """10 digits (or 11 with the individual reference number) with a valid check digit."""
    digits = re.sub(r"[\s-]", "", text)
    if not re.fullmatch(r"[2-6][0-9]{9,10}", digits) or not medicare_valid(digits):
        raise InvalidInput(
            "medicare is not a valid Medicare number (10 digits, or 11 with the reference "
            "number, starting 2–6, with a correct check digit)"
        )
    return digits


def crn(text: str) -> str:
    value = re.sub(r"[\s-]", "", text).upper()
    if not CRN.fullmatch(value):
        raise InvalidInput("crn is not a Centrelink CRN (9 digits and a letter, e.g. 123456789A)")
    return value


def phone(text: str) -> str:
    value = text.strip()
    digits = re.sub(r"\D", "", value)
    if not re.fullmatch(r"\+?[\d\s()-]+", value) or not 8 <= len(digits) <= 15:
        raise InvalidInput("phone is not a phone number (8–15 digits, spaces allowed)")
    return value


def email(text: str) -> str:
    value = text.strip()
    if not EMAIL.fullmatch(value):
        raise InvalidInput("email is not an email address")
    return value


def _text(value: Any, *, field: str, limit: int = 500) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{field} must be text")
    value = clean_text(value)
    value = " ".join(value.split()) if field != "notes" else value.strip()
    if len(value) > limit:
        raise InvalidInput(f"{field} is longer than {limit} characters")
    return value or None


def aliases(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items: Iterable[Any] = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        items = list(items)
    out: list[str] = []
    for item in items:
        name = _text(item, field="aliases", limit=120)
        if name and name.lower() not in (a.lower() for a in out):
            out.append(name)
    return tuple(out)


def identity(fields: Mapping[str, Any], *, today: dt.date) -> ClientIdentity:
    """Build a checked identity from loose input (CLI options, prompts or JSON)."""

    def optional(name: str, check: Any) -> Any:
        raw = fields.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if not isinstance(raw, str):
            raise InvalidInput(f"{name} must be text")
        return check(raw)

    return ClientIdentity(
        full_name=_text(fields.get("full_name"), field="full_name", limit=200),
        aliases=aliases(fields.get("aliases")),
        date_of_birth=optional("date_of_birth", lambda v: date_of_birth(v, today=today)),
        address=_text(fields.get("address"), field="address"),
        phone=optional("phone", phone),
        email=optional("email", email),
        medicare=optional("medicare", medicare_number),
        crn=optional("crn", crn),
        notes=_text(fields.get("notes"), field="notes", limit=5000),
    )
