"""``casebot client import FILE``: the group's client spreadsheet (CSV or XLSX) into the
register, checked whole first, then all of it or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.bootstrap import Container
from bot.cli.console import Console
from bot.cli.progress import Bar
from bot.services import client_import
from bot.services.import_columns import map_columns
from bot.sheets.reading import read_sheet
from bot.wording import plural

LARGE = 200  # rows: a bar is worth showing from here (on a terminal; --progress: always)


def cmd_import(app: Container, args: argparse.Namespace, console: Console) -> int:
    sheet = read_sheet(Path(args.file), sheet=args.sheet)
    columns = map_columns(sheet.headers, mapped=args.map, ignored=args.ignore,
                          filename=sheet.name)
    if sheet.sheet_note:
        console.print(f"Reading {sheet.sheet_note}.")
    show = args.progress or (len(sheet.rows) >= LARGE and console.err.isatty())
    bar = Bar(console.err) if show else None
    try:
        done = client_import.import_clients(
            uow=app.uow(), clock=app.clock, sheet=sheet, columns=columns,
            defaults=client_import.Defaults(agency=args.agency, key_worker=args.key_worker,
                                            group=args.group, status=args.status),
            actor=console.actor(), dry_run=args.dry_run, progress=bar,
        )
    finally:
        if bar is not None:
            bar.close()
    count = len(done.codes)
    if not done.saved:
        console.print(
            f"Checked {plural(count, 'row')} of {sheet.name}: all can be imported. Nothing was "
            "imported (--dry-run); run the command again without --dry-run to import them."
        )
        return 0
    console.print(
        f"Imported {plural(count, 'client')} from {sheet.name}; their identifiable details are "
        "stored encrypted."
    )
    if done.without_consent:
        some = "has" if done.without_consent == 1 else "have"
        console.print(
            f"{done.without_consent} of them {some} no consent recorded yet: shown in the "
            "channel by case code only until `casebot client consent CODE …` is run."
        )
    console.print(
        f"{sheet.name} still holds their details in the clear: delete it (and empty the "
        "recycle bin) once you have checked the import with `casebot client list`."
    )
    return 0
