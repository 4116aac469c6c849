"""``casebot purge --due``: destroy the identifiable details and case records past their group's
retention periods (``casebot group retention``, in admin) after a client's exit or withdrawal."""

from __future__ import annotations

import argparse

from bot.bootstrap import Container
from bot.cli.admin import require_schema
from bot.cli.console import Console, table
from bot.services import retention


def cmd_purge(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    report = retention.purge_due(
        uow=app.uow(), clock=app.clock, actor=console.actor(), dry_run=args.dry_run, rotate=True
    )
    if not report.due:
        console.print("Nothing is past its retention period.")
        return 0
    rows = [
        [d.case_code, d.cause, d.started_on.isoformat(),
         "details" if d.details else "-", "case record" if d.record else "-"]
        for d in report.due
    ]
    head = "Would destroy" if report.dry_run else "Destroyed"
    lines = [f"{head} (retention period ended):",
             *table(rows, ["CODE", "AFTER", "ON", "DETAILS", "RECORD"])]
    if report.dry_run:
        lines.append("Dry run: nothing was changed. Run without --dry-run to purge.")
    elif report.details and report.rotation is None:
        lines.append(
            "The details' data keys are gone, but the purge is NOT final yet: the master key "
            "still opens copies in older database backups. Finish it with: casebot keys rotate "
            "--new-key-file PATH (see casebot status)."
        )
    elif report.rotation is not None:
        lines.append(
            f"The master key was replaced (new key {report.rotation.new_key_id}): the purge is "
            "final. Back up the new key file now."
        )
    console.print(*lines)
    return 0
