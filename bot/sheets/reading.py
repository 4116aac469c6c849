"""A CSV or XLSX file read into its header and rows, numbered as the spreadsheet shows them.

CSV: UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8"), else Windows-1252 (Excel's
plain "CSV" on Windows); comma, semicolon or tab separated. XLSX: the first sheet or a named one;
dates stay dates, formulas give their last computed value.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.domain import InvalidInput

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | None
MAX_BYTES = 50_000_000
# Far beyond any group's list; keeps an import's one query of its case codes under SQLite's
# limit of bound parameters.
MAX_ROWS = 20_000


@dataclass(frozen=True)
class Row:
    number: int  # as the spreadsheet shows it: the header is row 1
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Sheet:
    name: str  # the file's name, for messages
    headers: tuple[str, ...]
    rows: tuple[Row, ...]  # blank rows left out (their numbers are skipped)
    sheet_note: str = ""  # which sheet of a workbook was read, when it had several


def read_sheet(path: Path, *, sheet: str | None = None) -> Sheet:
    """The file's rows; InvalidInput saying kindly why not (never quoting its content)."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InvalidInput(
            f"{path.name} is an old Excel .xls file; open it in Excel and save it as .xlsx "
            "(Excel Workbook) or CSV UTF-8, then import that"
        )
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise InvalidInput(f"{path.name}: give a .csv or .xlsx file")
    if sheet is not None and suffix in (".csv", ".txt"):
        raise InvalidInput("--sheet is for .xlsx workbooks; a CSV file has one sheet")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InvalidInput(f"{path} does not exist") from None
    except OSError as exc:
        raise InvalidInput(f"{path} cannot be read ({exc.strerror or 'unreadable'})") from None
    if size > MAX_BYTES:
        raise InvalidInput(f"{path.name} is over {MAX_BYTES // 1_000_000} MB; split it")
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path, sheet)
    return _csv(path)


def _csv(path: Path) -> Sheet:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise InvalidInput(
                f"{path.name} is not UTF-8 text; in Excel use Save As → CSV UTF-8"
            ) from None
    if "\x00" in text:
        raise InvalidInput(f"{path.name} is not a CSV text file (is it a workbook? use .xlsx)")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if first else ","
    return _sheet(path.name, csv.reader(io.StringIO(text), delimiter=delimiter), "")


def _xlsx(path: Path, wanted: str | None) -> Sheet:
    from openpyxl import load_workbook  # only here: every other command starts without it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise InvalidInput(
            f"{path.name} cannot be opened as an Excel workbook; save it again as .xlsx "
            "(Excel Workbook) or CSV UTF-8"
        ) from None
    try:
        names = book.sheetnames
        if wanted is None:
            chosen = names[0]
        else:
            lowered = {n.casefold(): n for n in names}
            if wanted.strip().casefold() not in lowered:
                raise InvalidInput(
                    f"{path.name} has no sheet {wanted.strip()!r}; its sheets: "
                    + ", ".join(repr(n) for n in names)
                )
            chosen = lowered[wanted.strip().casefold()]
        note = ""
        if len(names) > 1:
            note = f"sheet {chosen!r} of {len(names)} (--sheet NAME for another)"
        worksheet = book[chosen]
        worksheet.reset_dimensions()  # some writers record a wrong size; read what is there
        return _sheet(path.name, worksheet.iter_rows(values_only=True), note)
    finally:
        book.close()


def column_letter(index: int) -> str:
    """A 0-based column's letters as a spreadsheet shows them: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _sheet(name: str, rows: Iterable[Sequence[Cell]], note: str) -> Sheet:
    headers: tuple[str, ...] | None = None
    out: list[Row] = []
    try:
        for number, cells in enumerate(rows, start=1):
            if headers is None:
                headers = tuple("" if c is None else str(c).strip() for c in cells)
                while headers and not headers[-1]:
                    headers = headers[:-1]
                if not headers:
                    raise InvalidInput(
                        f"{name}: row 1 is empty; the first row must hold the column headings "
                        "(Case code, First name, …)"
                    )
                continue
            if all(_blank(c) for c in cells):
                continue
            beyond = [n for n, c in enumerate(cells) if n >= len(headers) and not _blank(c)]
            if beyond:
                raise InvalidInput(
                    f"{name}: row {number} has something in column {column_letter(beyond[0])}, "
                    "which has no heading; give that column a heading in row 1 (or delete it)"
                )
            if len(out) >= MAX_ROWS:
                raise InvalidInput(f"{name} has more than {MAX_ROWS:,} rows; split it")
            out.append(Row(number, tuple(cells)))
    except csv.Error as exc:
        raise InvalidInput(f"{name} is not valid CSV ({exc})") from None
    if headers is None:
        raise InvalidInput(f"{name} is empty")
    return Sheet(name, headers, tuple(out), note)
