"""The report for spreadsheets: CSV (one figure a row) and XLSX (a sheet per table).

Text cells never run as formulas: in CSV they get the minutes' guard (a leading apostrophe
before =, +, - or @), in XLSX they are stored as text, whatever they start with.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

from bot.services.reports import wording as w
from bot.services.reports.model import ReportFigures
from bot.sheets.cells import safe_cell

Cell = str | int | float | None
CSV_HEADER = ("section", "agency", "date", "figure", "value")


def _summary(r: ReportFigures) -> list[tuple[str, Cell]]:
    total = r.total
    return [
        ("group", w.name(r.group)),
        ("from", r.first.isoformat()),
        ("to", r.last.isoformat()),
        ("time zone", r.tz),
        ("meetings held", r.meetings_held),
        ("meetings called off", r.cancelled),
        ("actions created", total.actions_created),
        ("actions completed", total.actions_completed),
        ("actions completed on time", total.completed_on_time),
        ("actions done before the next meeting", total.done_before_next_meeting),
        ("actions whose next meeting was held", total.due_by_next_meeting),
        ("actions overdue", total.overdue),
        ("median days to complete", total.median_days_to_complete),
        ("carry-overs", total.carry_overs),
        ("escalations", total.escalations),
        ("referrals received", r.referrals_received),
        ("referrals accepted", r.referrals_accepted),
        ("referrals declined", r.referrals_declined),
        ("referrals asked for more information", r.referrals_more_info),
        ("exits", r.exited),
        ("clients housed", r.housed),
        ("median days from referral to housed", r.median_days_to_housed),
        ("champions onboarded", len(r.champions)),
    ]


MEETING_COLUMNS = ("meeting", "present", "apologies", "updates", "updates from absent workers",
                   "clients reviewed")
AGENCY_COLUMNS = ("agency", "meetings attended", "people present", "apologies",
                  "actions created", "actions completed", "completed on time",
                  "done before next meeting", "next meeting held", "overdue",
                  "median days to complete", "carry-overs", "escalations")


def _meetings(r: ReportFigures) -> list[tuple[Cell, ...]]:
    return [(m.day.isoformat(), m.present, m.apologies, m.updates, m.updates_from_absent,
             m.clients_reviewed) for m in r.meetings]


def _agencies(r: ReportFigures) -> list[tuple[Cell, ...]]:
    return [(w.name(a.agency), a.meetings_attended, a.present, a.apologies, a.actions_created,
             a.actions_completed, a.completed_on_time, a.done_before_next_meeting,
             a.due_by_next_meeting, a.overdue, a.median_days_to_complete, a.carry_overs,
             a.escalations) for a in r.agencies]


def _months(r: ReportFigures) -> list[tuple[Cell, ...]]:
    return [(f"{m.month:%Y-%m}", w.name(m.agency), m.completed, m.on_time) for m in r.months]


def _rows(r: ReportFigures) -> Iterator[tuple[Cell, ...]]:
    """Every figure as (section, agency, date, figure, value)."""
    for figure, value in _summary(r):
        yield ("summary", "", "", figure, value)
    for row in _meetings(r):
        for figure, value in zip(MEETING_COLUMNS[1:], row[1:], strict=True):
            yield ("meeting", "", row[0], figure, value)
    for row in _agencies(r):
        for figure, value in zip(AGENCY_COLUMNS[1:], row[1:], strict=True):
            yield ("agency", row[0], "", figure, value)
    for month, agency, completed, on_time in _months(r):
        yield ("month", agency, month, "actions completed", completed)
        yield ("month", agency, month, "completed on time", on_time)
    for label, n in r.exits:
        yield ("exits", "", "", label, n)
    for c in r.champions:
        yield ("champion onboarded", w.name(c.agency), c.completed_on.isoformat(), "champion",
               w.name(c.name))


def _csv_cell(value: Cell) -> Cell:
    return safe_cell(value) if isinstance(value, str) else ("" if value is None else value)


def render_csv(r: ReportFigures) -> str:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in _rows(r):
        writer.writerow([_csv_cell(c) for c in row])
    return out.getvalue()


def render_xlsx(r: ReportFigures) -> bytes:
    """A workbook: Summary, Meetings, Agencies, Actions by month, Exits, Champions."""
    from openpyxl import Workbook  # loaded for this format only
    from openpyxl.styles import Font

    book = Workbook()
    sheets: list[tuple[str, Sequence[str], Sequence[Sequence[Cell]]]] = [
        ("Summary", ("figure", "value"), _summary(r)),
        ("Meetings", MEETING_COLUMNS, _meetings(r)),
        ("Agencies", AGENCY_COLUMNS, _agencies(r)),
        ("Actions by month", ("month", "agency", "actions completed", "completed on time"),
         _months(r)),
        ("Exits", ("outcome", "clients"), list(r.exits)),
        ("Champions", ("champion", "agency", "completed"),
         [(w.name(c.name), w.name(c.agency), c.completed_on.isoformat()) for c in r.champions]),
    ]
    first = True
    for title, header, rows in sheets:
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = title
        for number, row in enumerate((header, *rows), start=1):
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(row=number, column=column, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, even "=…": openpyxl would write a formula
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 34
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
