"""``casebot doctor``: one line per check, and for each problem the one thing to do."""

from __future__ import annotations

import argparse
import json

from bot.cli.console import Console
from bot.config import ConfigError, load_settings
from bot.doctor import Finding, Status, failed, halves, run

MARKS = {Status.OK: "✓", Status.FAIL: "✗", Status.WARN: "!", Status.SKIP: "-"}


def cmd_doctor(_app: object, args: argparse.Namespace, console: Console) -> int:
    """Runs before the settings are read (a NO_SETUP command), so that a bad setting is one of
    its findings rather than the end of it."""
    from bot.bootstrap import build, slack_probe

    try:
        settings = load_settings(console.environ)
    except ConfigError as exc:
        findings = [Finding("configuration", Status.FAIL, *halves(exc.message))]
        findings.append(Finding("other checks", Status.SKIP, "the settings must be read first"))
    else:
        app = build(settings)
        try:
            findings = run(app, slack_probe(app))
        finally:
            app.close()
    if args.json:
        console.print(json.dumps(
            {"ok": not failed(findings),
             "checks": [{"check": f.check, "status": f.status.value, "detail": f.detail,
                         "fix": f.fix} for f in findings]},
            ensure_ascii=False, indent=2,
        ))
    else:
        console.print(*_lines(findings))
    return 1 if failed(findings) else 0


def _lines(findings: list[Finding]) -> list[str]:
    width = max(len(f.check) for f in findings)
    lines = ["Casebot doctor"]
    for f in findings:
        detail = f"skipped: {f.detail}" if f.status is Status.SKIP else f.detail
        lines.append(f"{MARKS[f.status]} {f.check.ljust(width)}  {detail}")
        if f.fix and f.status in (Status.FAIL, Status.WARN):
            lines.append(f"  {' ' * width}  → {f.fix}")
    problems = len(failed(findings))
    warnings = sum(f.status is Status.WARN for f in findings)
    if problems == 1:
        lines.append("1 problem to fix (✗).")
    elif problems:
        lines.append(f"{problems} problems to fix (✗): start at the top, as a fix there may clear "
                     "some below.")
    elif warnings:
        lines.append(f"Nothing to fix; {warnings} warning(s) (!) worth a look.")
    else:
        lines.append("All checks passed.")
    return lines
