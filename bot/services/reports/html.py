"""The report as one self-contained HTML file: opens offline, prints on A4.

Nothing is fetched: styles are inline, charts are inline SVG (``svg``), there is no script, and
the page's own Content-Security-Policy forbids loading anything should a later edit slip.
Every name is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.services.reports import svg
from bot.services.reports import wording as w
from bot.services.reports.model import ReportFigures

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
       color: #222; margin: 0 auto; max-width: 186mm; padding: 8mm 0; font-size: 10.5pt;
       line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 1px solid #bbb; }
p.period { margin: 0 0 4mm; color: #444; }
section { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 9pt; }
th, td { border: 1px solid #ccc; padding: 1mm 1.4mm; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
th { background: #f0f0f0; }
tr.total td { font-weight: bold; background: #fafafa; }
svg.chart { width: 100%; height: auto; display: block; margin: 2mm 0; }
dl.key { display: grid; grid-template-columns: max-content auto; gap: 1mm 4mm; margin: 0; }
dl.key dt { font-weight: bold; }
dl.key dd { margin: 0; }
th { hyphens: auto; }
p.note, footer { font-size: 8.5pt; color: #555; }
@media print { body { max-width: none; padding: 0; } table { font-size: 8pt; } }
footer { margin-top: 6mm; }
"""


def _table(header: Sequence[str], rows: Sequence[Sequence[str]],
           total: Sequence[str] | None = None) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    if total is not None:
        body += '<tr class="total">' + "".join(f"<td>{escape(c)}</td>" for c in total) + "</tr>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _month(r: ReportFigures) -> tuple[list[str], list[tuple[str, list[int]]]]:
    months = sorted({m.month for m in r.months})
    agencies = [a.agency for a in r.agencies]
    cells = {(m.month, m.agency): m.on_time for m in r.months}
    return ([f"{m:%b %Y}" for m in months],
            [(w.name(a), [cells.get((m, a), 0) for m in months]) for a in agencies])


def render_html(r: ReportFigures) -> str:
    held = r.meetings_held
    total = r.total
    title = f"{w.name(r.group)}: report, {r.first:%d %b %Y} to {r.last:%d %b %Y}"
    categories, series = _month(r)
    called_off = f", {r.cancelled} called off" if r.cancelled else ""
    parts = [
        f"<h1>{escape(w.name(r.group))}</h1>",
        f'<p class="period">Report for {escape(w.period(r))}</p>',
        "<section><h2>At a glance</h2><dl class=\"key\">",
        *(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in (
            ("Meetings held", f"{held}{called_off}"),
            ("Actions", f"{total.actions_created} created, {total.actions_completed} "
                        f"completed, {total.overdue} overdue"),
            ("Done before the next meeting",
             w.share(total.done_before_next_meeting, total.due_by_next_meeting)),
            ("Referrals", w.referrals(r)),
            ("Exits", f"{r.exited}"),
            ("Referral to housed", w.housed(r)),
            ("Champions onboarded", f"{len(r.champions)}"),
        )),
        "</dl></section>",
        "<section><h2>Actions completed on time, per agency per month</h2>",
        svg.grouped_bars("Actions completed on time, per agency per month", categories, series),
        "</section>",
        "<section><h2>Attendance per agency</h2>",
        svg.hbars("Meetings attended per agency",
                  [(w.name(a.agency), a.meetings_attended) for a in r.agencies], most=held),
        _table(("Agency", "Meetings attended", "People present", "Apologies"),
               [(w.name(a.agency), f"{a.meetings_attended} of {held}", str(a.present),
                 str(a.apologies)) for a in r.agencies]),
        "</section>",
        "<section><h2>Actions by the owner's agency</h2>",
        _table(w.AGENCY_COLUMNS, [w.agency_row(a) for a in r.agencies], w.agency_row(total)),
        f'<p class="note">{escape(w.NOTES)}</p>',
        "</section>",
        "<section><h2>Meetings</h2>",
        svg.line("Clients reviewed per meeting",
                 [(f"{m.day:%d %b}", m.clients_reviewed) for m in r.meetings]),
        _table(("Meeting", "Present", "Apologies", "Updates", "Updates from absent workers",
                "Clients reviewed"),
               [(w.day(m.day), str(m.present), str(m.apologies), str(m.updates),
                 str(m.updates_from_absent), str(m.clients_reviewed)) for m in r.meetings]),
        "</section>",
        "<section><h2>Outcomes</h2>",
        svg.hbars("Exits by outcome", list(r.exits)),
        f"<p>Days from referral to housed: {escape(w.housed(r))}.</p>",
        "</section>",
        "<section><h2>Champions onboarded</h2>",
        _table(("Champion", "Agency", "Completed"),
               [(w.name(c.name), w.name(c.agency), f"{c.completed_on:%d %b %Y}")
                for c in r.champions]) if r.champions else "<p>None in this period.</p>",
        "</section>",
        f"<footer>{escape(w.as_of(r))} No client is named or coded in this report. "
        "Made by Casebot.</footer>",
    ]
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        + "\n".join(parts) + "</body></html>\n"
    )
