"""The report as plain text, for a terminal or an e-mail."""

from __future__ import annotations

from collections.abc import Sequence

from bot.services.reports import wording as w
from bot.services.reports.model import ReportFigures

# Shorter than the HTML report's column names, for a terminal.
SHORT_COLUMNS = ("Agency", "Created", "Done", "On time", "Before next meeting", "Overdue",
                 "Median days", "Carried", "Escalated")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        cells = [str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i])
                 for i, c in enumerate(row)]
        return "  " + "  ".join(cells).rstrip()

    return [line(header), *(line(r) for r in rows)]


def render_text(r: ReportFigures) -> str:
    total = r.total
    held = r.meetings_held
    called_off = f" ({r.cancelled} called off)" if r.cancelled else ""
    lines = [f"{w.name(r.group)}: report for {w.period(r)}", "",
             f"Meetings held: {held}{called_off}"]
    if r.meetings:
        lines += _table(
            ("Meeting", "Present", "Apologies", "Updates", "From absent", "Clients reviewed"),
            [(w.day(m.day), str(m.present), str(m.apologies), str(m.updates),
              str(m.updates_from_absent), str(m.clients_reviewed)) for m in r.meetings],
        )
    lines += ["", f"Attendance by agency ({held} meeting{'s' * (held != 1)} held)"]
    lines += _table(
        ("Agency", "Meetings attended", "People present", "Apologies"),
        [(w.name(a.agency), f"{a.meetings_attended} of {held}", str(a.present),
          str(a.apologies)) for a in r.agencies],
    )
    lines += ["", "Actions by the owner's agency"]
    lines += _table(SHORT_COLUMNS, [w.agency_row(a) for a in (*r.agencies, total)])
    lines.append("  (before next meeting: of the actions made in the period whose next meeting "
                 "was held)")
    exits = ", ".join(f"{label} {n}" for label, n in r.exits) or "none"
    champions = "; ".join(f"{w.name(c.name)} ({w.name(c.agency)}, {c.completed_on:%d %b %Y})"
                          for c in r.champions) or "none"
    lines += [
        "",
        f"Referrals: {w.referrals(r)}",
        f"Exits: {r.exited} ({exits})",
        f"Days from referral to housed: {w.housed(r)}",
        f"Champions onboarded: {len(r.champions)} ({champions})",
        "",
        f"{w.as_of(r)} No client is named or coded in this report.",
    ]
    return "\n".join(lines) + "\n"
