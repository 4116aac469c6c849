"""Every spelling in which a synthetic client's registered details could leak into Slack: the
names in any case and order ("QUOKKAFIELD, J.", "jane"), dotted initials, the phone and ID
numbers however grouped or said in words ("oh four one two…", "0412 three four…"), the date of
birth in digits with or without separators, the street on its own (also "Kingston Rd"), the
email. Used by the scan every Slack test runs."""

from __future__ import annotations

import datetime as dt
import re

_SAID = [
    "(?:zero|oh|o|nought)", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine",
]


def _spoken(digits: str) -> str:
    """The digits said one by one, with any separators: "oh four one two, three…"."""
    return r"[\s,.\-]{1,3}".join(_SAID[int(d)] for d in digits)


def leak_patterns(identity: dict[str, object]) -> list[tuple[str, re.Pattern[str]]]:
    """(what, pattern) for every form of the registered details of ``identity``."""
    found: list[tuple[str, str]] = []
    names = [str(identity.get("full_name", ""))] + [str(a) for a in identity.get("aliases", [])]
    for name in names:
        parts = re.findall(r"[^\W\d_]+", name)
        found += [("name", re.escape(p)) for p in parts if len(p) >= 3]
        if len(parts) >= 2:
            found.append(("initials", r"\.\s?".join(p[0] for p in parts) + r"\."))
    for key in ("phone", "medicare", "crn"):
        digits = re.sub(r"\D", "", str(identity.get(key, "")))
        if key == "phone" and digits.startswith("61"):
            digits = "0" + digits[2:]
        if len(digits) >= 6:
            found.append((key, r"[\s\-]?".join(digits[1:] if key == "phone" else digits)))
            if key == "phone":
                found.append((key, _spoken(digits)))
                # digits, then words: "0403 nine one seven…"
                found.append((key, digits[:4] + r"[\s,.\-]{1,3}" + _spoken(digits[4:])))
    if email := identity.get("email"):
        found.append(("email", re.escape(str(email))))
    if born := identity.get("date_of_birth"):
        text = str(born)
        day = (
            dt.date.fromisoformat(text) if "-" in text else dt.datetime.strptime(text, "%d/%m/%Y")
        )
        d, m, y = f"{day.day:02d}", f"{day.month:02d}", str(day.year)
        found += [
            ("dob", rf"0?{day.day}[/.\-]0?{day.month}[/.\-](?:{y}|{y[2:]})"),
            ("dob", f"{d}{m}(?:{y}|{y[2:]})"),
            ("dob", f"{y}{m}{d}"),
        ]
    if address := identity.get("address"):
        street = re.search(
            r"\d+[a-z]?\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)*)\s+([A-Z][a-z]+)", str(address)
        )
        if street:
            found.append(("address", re.escape(street[1]) + r"\s+" + street[2][0] + r"\w*"))  # Rd
    return [(what, re.compile(rf"(?<![\w]){p}(?![\w])", re.IGNORECASE)) for what, p in found]


def leaks_in(text: str, identities: dict[str, dict[str, object]]) -> list[str]:
    """ "CODE's KIND" for every registered detail of ``identities`` (by case code) in ``text``."""
    out = []
    for code, identity in identities.items():
        kinds = sorted({what for what, pattern in leak_patterns(identity) if pattern.search(text)})
        out += [f"{code}'s {kind}" for kind in kinds]
    return out
