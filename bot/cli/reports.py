"""``casebot report``: a group's figures for a period, as text, HTML, CSV or XLSX."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bot import validation
from bot.bootstrap import Container, check_schema
from bot.cli.console import Console
from bot.domain import InvalidInput
from bot.services.reports import figures
from bot.services.reports.model import ReportFigures


def _render(found: ReportFigures, fmt: str) -> str | bytes:
    if fmt == "html":
        from bot.services.reports.html import render_html

        return render_html(found)
    if fmt == "csv":
        from bot.services.reports.tables import render_csv

        return render_csv(found)
    if fmt == "xlsx":
        from bot.services.reports.tables import render_xlsx

        return render_xlsx(found)
    from bot.services.reports.text import render_text

    return render_text(found)


def _save(target: Path, data: str | bytes) -> None:
    """All of it or nothing: written beside the target, then renamed into place."""
    if target.exists():
        raise InvalidInput(f"{target} already exists; choose another --output name.")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInput(f"There is no folder {folder} to save the report in.")
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".casebot-report-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(raw)
        os.chmod(temp, 0o644)
        os.link(temp, target)  # fails, rather than overwrites, if the name was taken meanwhile
    except FileExistsError:
        raise InvalidInput(f"{target} already exists; choose another --output name.") from None
    finally:
        os.unlink(temp)


def cmd_report(app: Container, args: argparse.Namespace, console: Console) -> int:
    first = validation.iso_date(args.first, field="--from")
    last = validation.iso_date(args.last, field="--to")
    figures.check_period(first, last)
    if args.format == "xlsx" and not args.output:
        raise InvalidInput("An XLSX report is a file: add --output, e.g. --output report.xlsx")
    check_schema(app)
    found = figures.compute(uow=app.uow(), clock=app.clock, group=args.group, first=first,
                            last=last)
    data = _render(found, args.format)
    if args.output:
        target = Path(args.output)
        _save(target, data)
        console.print(f"Saved the report to {target}.")
    else:
        assert isinstance(data, str)
        console.out.write(data)
    return 0
