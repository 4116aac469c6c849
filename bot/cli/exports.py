"""``casebot export clients|actions|meetings|minutes``: a CSV or XLSX file for the secretariat's
spreadsheet; de-identified unless ``--identifiable`` (secretariat only, audited, file 0600)."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.bootstrap import Container, user_directory
from bot.cli.admin import require_schema
from bot.cli.console import Console
from bot.domain import InvalidInput
from bot.services import exports
from bot.sheets.writing import csv_text, encoded, write_new_file
from bot.wording import plural


def _target(args: argparse.Namespace) -> Path | None:
    """Where the file goes, checked before anything is read or audited."""
    if args.output is None:
        if args.format == "xlsx":
            raise InvalidInput("an XLSX export needs --output FILE.xlsx")
        if args.identifiable:
            raise InvalidInput(
                "an export with clients' details needs --output FILE: it is written readable "
                "by you only, never printed to the screen"
            )
        return None
    target = Path(args.output)
    if target.exists():
        raise InvalidInput(f"{target} already exists; choose another --output name")
    if not (target.parent if str(target.parent) else Path(".")).is_dir():
        raise InvalidInput(f"{target.parent} is not a folder; create it first")
    if target.suffix.lower() != f".{args.format}":
        raise InvalidInput(f"give the --output file the .{args.format} ending (or choose "
                           f"--format {target.suffix.lower().lstrip('.') or 'csv'})")
    return target


def cmd_export(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    target = _target(args)
    request = exports.Request(what=args.what, group=args.group, identifiable=args.identifiable,
                              reason=args.reason, as_user=args.as_user)
    table = exports.export(uow=app.uow(), clock=app.clock, directory=user_directory(app),
                           request=request, actor=console.actor(), fmt=args.format)
    if target is None:
        console.out.write(csv_text(table))
        return 0
    write_new_file(target, encoded(table, args.format, for_file=True),
                   private=args.identifiable)
    rows = plural(len(table.rows), "row")
    if not args.identifiable:
        console.print(f"Saved {rows} of {args.what} to {target} (de-identified).")
        return 0
    console.print(f"Saved {rows} of {args.what} with clients' details to {target} (readable "
                  "by you only). This export is in the audit log.")
    print(
        f"Warning: {target} holds clients' identifiable details in the clear. Keep it on this "
        "computer or an encrypted drive, never email it or post it in Slack, and delete it "
        "when you are done.",
        file=console.err,
    )
    return 0
