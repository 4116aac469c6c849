"""Synthetic client identities for tests (invented people; numbers pass format checks only)."""

from __future__ import annotations

import json
from pathlib import Path

JANE = {
    "full_name": "Jane Quokkafield",
    "aliases": ["Janey Q", "Jq Wattlebird"],
    "date_of_birth": "1988-04-03",
    "address": "Unit 4, 17 Banksia Crescent, Zillmere QLD 4034",
    "phone": "0412 345 678",
    "email": "jane.quokkafield@example.org",
    "medicare": "2123 45670 1",
    "crn": "204837561K",
    "notes": "Prefers afternoon calls; sister Bronwyn Quokkafield is an emergency contact.",
}

TOM = {
    "full_name": "Thomas Brolgaway",
    "aliases": ["Tommo"],
    "date_of_birth": "12/07/1975",
    "address": "Lot 9 Mulga Road, Deception Bay QLD 4508",
    "phone": "+61 7 3555 0199",
    "email": "t.brolgaway@example.net",
    "medicare": "3951 62848 2",
    "crn": "318274650B",
}


def plaintext_markers(identity: dict[str, object]) -> list[bytes]:
    """Byte strings that must never appear in a database file or dump."""
    out: list[str] = []
    for key, value in identity.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            text = str(item)
            out.append(text)
            if key in ("phone", "medicare", "crn"):
                out.append("".join(ch for ch in text if ch.isalnum()))
    out.extend(
        ["Quokkafield", "Brolgaway", "Banksia Crescent", "Mulga Road", "1988-04-03", "1975-07-12"]
    )
    markers = {m.encode() for m in out if len(m) >= 5}
    markers |= {m.lower() for m in markers}
    return sorted(markers)


def write_clients_json(path: Path, items: object) -> Path:
    path.write_text(json.dumps(items), encoding="utf-8")
    return path
