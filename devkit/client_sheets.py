"""Synthetic client spreadsheets, as a group's secretariat would keep them (Faker, en_AU).

Invented people: every number passes its format check only. For tests and the import bench.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from faker import Faker

from bot.ids_au import medicare_check_digit

HEADINGS = ("Case code", "Given name", "Surname", "DOB", "Mobile", "Address", "Email", "Medicare",
            "Aliases", "Agency", "Key worker")
BORN_FROM = dt.date(1950, 1, 3)


def clients(count: int, *, seed: int = 17, prefix: str = "U1R", first: int = 1000,
            agency: str = "Micah Projects", key_worker: str = "U0KW00001") -> list[dict[str, Any]]:
    """``count`` rows keyed by heading. Dates of birth are dates (the writers choose how they
    look); every name-and-birthday pair is different, so no row is a duplicate of another."""
    fake = Faker("en_AU")
    fake.seed_instance(seed)
    rows = []
    for n in range(count):
        given, surname = fake.first_name(), fake.last_name()
        eight = str(fake.random_int(2, 6)) + fake.numerify("#######")
        medicare = f"{eight}{medicare_check_digit(eight)}{fake.random_int(1, 9)}"
        rows.append({
            "Case code": f"{prefix}-{first + n}",
            "Given name": given,
            "Surname": surname,
            "DOB": BORN_FROM + dt.timedelta(days=53 * n % 20_000),  # all different
            "Mobile": fake.numerify("04## ### ###"),
            "Address": fake.address().replace("\n", ", "),
            "Email": f"{given}.{surname}.{n}@example.org".lower().replace(" ", ""),
            "Medicare": f"{medicare[:4]} {medicare[4:9]} {medicare[9]}",
            "Aliases": fake.first_name() if n % 5 == 0 else "",
            "Agency": agency,
            "Key worker": key_worker,
        })
    return rows


def _shown_date(born: dt.date, n: int) -> str:
    """Dates as people type them: day first with slashes, ISO, or with the month's name."""
    return (f"{born.day}/{born.month}/{born.year}", born.isoformat(),
            f"{born.day} {born:%b %Y}")[n % 3]


def write_csv(path: Path, rows: Sequence[dict[str, Any]], *, bom: bool = True) -> Path:
    """As Excel's "CSV UTF-8" saves it: a byte-order mark, then the rows."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADINGS)
    for n, row in enumerate(rows):
        cells = dict(row)
        if isinstance(cells["DOB"], dt.date):
            cells["DOB"] = _shown_date(cells["DOB"], n)
        writer.writerow([cells[h] for h in HEADINGS])
    path.write_text(out.getvalue(), encoding="utf-8-sig" if bom else "utf-8")
    return path


def write_xlsx(path: Path, rows: Sequence[dict[str, Any]]) -> Path:
    """As a workbook: dates of birth in date cells, and every third mobile typed into a number
    cell (so Excel dropped its leading zero)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Clients"
    sheet.append(list(HEADINGS))
    for n, row in enumerate(rows):
        cells = dict(row)
        mobile = str(cells["Mobile"])
        if n % 3 == 0 and mobile.replace(" ", "").isdigit():
            cells["Mobile"] = int(mobile.replace(" ", ""))
        sheet.append([cells[h] for h in HEADINGS])
    book.save(path)
    return path


def identifiers(rows: Sequence[dict[str, Any]]) -> list[str]:
    """What must never be found in the clear in the database: names, phones (as typed and as
    digits), emails, addresses, Medicare numbers."""
    out: list[str] = []
    for row in rows:
        mobile, medicare = str(row["Mobile"]), str(row["Medicare"])
        out += [f"{row['Given name']} {row['Surname']}", mobile, mobile.replace(" ", ""),
                str(row["Email"]), str(row["Address"]), medicare.replace(" ", "")]
    return [m for m in out if len(m) >= 8]
