"""``pg_restore``'s SQL script (``-f -``) run through one psycopg cursor, so that it joins the
caller's transaction: what psql would do with it, for the statements a Casebot dump holds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from storage.backups import BackupRefused

COPY = re.compile(r"^COPY (?P<target>.+) FROM stdin;$")
COPY_COLUMNS = re.compile(
    r'^COPY (?:"?[\w$]+"?\.)?"?(?P<table>[\w$]+)"? \((?P<columns>[^)]*)\) FROM stdin;$'
)
# psql's guard around a dump's script (new in PostgreSQL 17.6, 16.10, 15.14…): nothing to run.
GUARDS = ("\\restrict", "\\unrestrict")
# Each of the script's entries starts with such a comment: a safe place to send what came before.
ENTRY = ("-- Name: ", "-- Data for Name: ")
END_OF_ROWS = "\\."
ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


def run_script(lines: Iterator[str], cursor: Any) -> None:
    """Execute the script: statements an entry at a time, each table's rows through COPY."""
    pending: list[str] = []
    for line in lines:
        if line.startswith("\\"):
            _meta_command(line)
            continue
        if line.startswith(ENTRY):
            _execute(cursor, pending)
        copy = COPY.match(line.rstrip("\n"))
        if copy:
            _execute(cursor, pending)
            with cursor.copy(f"COPY {copy['target']} FROM STDIN") as rows:
                for row in _rows(lines):
                    rows.write(row)
            continue
        pending.append(line)
    _execute(cursor, pending)


def copy_blocks(lines: Iterator[str], wanted: dict[str, str]) -> dict[str, str | None]:
    """For each ``table: column`` wanted, that column in the table's first row (tables without
    rows are left out)."""
    found: dict[str, str | None] = {}
    for line in lines:
        head = COPY_COLUMNS.match(line.rstrip("\n"))
        if head is None:
            continue
        rows = list(_rows(lines))
        table = head["table"]
        if table not in wanted or not rows:
            continue
        columns = [c.strip().strip('"') for c in head["columns"].split(",")]
        if wanted[table] in columns:
            fields = rows[0].rstrip("\n").split("\t")
            found[table] = _value(fields[columns.index(wanted[table])])
    return found


def _rows(lines: Iterator[str]) -> Iterator[str]:
    for line in lines:
        if line.rstrip("\n") == END_OF_ROWS:
            return
        yield line
    raise BackupRefused(
        "the backup ends in the middle of a table's rows: it is incomplete; use another backup. "
        "Nothing was changed"
    )


def _execute(cursor: Any, pending: list[str]) -> None:
    sql = "".join(pending)
    pending.clear()
    if any(line.strip() and not line.lstrip().startswith("--") for line in sql.splitlines()):
        cursor.execute(sql)  # no parameters: several statements may go at once


def _meta_command(line: str) -> None:
    word = line.split(None, 1)[0]
    if word not in GUARDS:
        raise BackupRefused(
            f"the backup's script asks for psql's {word}, which Casebot does not run; restore it "
            "with a pg_restore of the same version as the pg_dump that made it. Nothing was changed"
        )


def _value(field: str) -> str | None:
    """A field of COPY's text format: \\N is NULL; backslash escapes decoded."""
    if field == "\\N":
        return None
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m[1], m[1]), field)
