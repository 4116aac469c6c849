"""Tables written as CSV or XLSX, every cell made safe to open, and files written whole: a new
file appears complete or not at all, and never replaces one that is there."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.domain import InvalidInput
from bot.sheets.cells import safe_cell

FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Table:
    title: str  # the sheet's name in a workbook
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]


def csv_text(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(h) for h in table.headers])
    writer.writerows([safe_cell(c) for c in row] for row in table.rows)
    return out.getvalue()


def xlsx_bytes(table: Table) -> bytes:
    from openpyxl import Workbook  # only here: every other command starts without it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for text in table.headers:
        cell = WriteOnlyCell(sheet, value=safe_cell(text))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        # Every value is text: a string that starts with "=" would otherwise be stored as a
        # formula, and safe_cell has already put an apostrophe before any such start.
        sheet.append([safe_cell(c) for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def encoded(table: Table, fmt: str, *, for_file: bool) -> bytes:
    """The table in ``fmt``; a CSV file starts with a byte-order mark so Excel reads it as
    UTF-8 (accents and names stay right), text for a terminal does not."""
    if fmt == "xlsx":
        return xlsx_bytes(table)
    return csv_text(table).encode("utf-8-sig" if for_file else "utf-8")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_exclusive(path: Path, data: bytes, mode: int) -> None:
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def write_new_file(path: Path, data: bytes, *, private: bool) -> None:
    """Write ``data`` to a new file at ``path``: 0600 when ``private``, else as the umask says.

    It is written beside the target under a temporary name and linked into place at the end, so
    an interrupted export leaves no half-written file, and a file that appeared meanwhile is
    never overwritten."""
    if path.exists():
        raise InvalidInput(f"{path} already exists; choose another --output name")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder; create it first or choose another --output")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".casebot-", suffix=".part")
    except OSError as exc:
        raise InvalidInput(f"cannot write in {folder} ({exc.strerror or 'not allowed'})") from None
    try:
        with os.fdopen(handle, "wb") as out:  # mkstemp makes it 0600
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if not private:
            os.chmod(temporary, 0o666 & ~_umask())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: create it exclusively instead
            _write_exclusive(path, data, 0o600 if private else 0o666)
    except FileExistsError:
        raise InvalidInput(f"{path} already exists; choose another --output name") from None
    except OSError as exc:
        raise InvalidInput(f"cannot write {path} ({exc.strerror or 'not allowed'})") from None
    finally:
        Path(temporary).unlink(missing_ok=True)
