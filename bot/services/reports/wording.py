"""How figures are said, the same in every format."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.services.reports.model import AgencyFigures, ReportFigures
from bot.validation import clean_text


def name(text: str) -> str:
    """An agency's or person's name on one line, without control characters."""
    return " ".join(clean_text(text).split())


def period(r: ReportFigures) -> str:
    return f"{r.first:%a %d %b %Y} to {r.last:%a %d %b %Y} ({r.tz})"


def as_of(r: ReportFigures) -> str:
    """When the figures were taken: the period's end, or now if it has not ended."""
    end = dt.datetime.combine(r.last + dt.timedelta(days=1), dt.time(), ZoneInfo(r.tz))
    if r.as_of >= end:
        return "Figures at the end of the period."
    return f"Figures as of {r.as_of.astimezone(ZoneInfo(r.tz)):%d %b %Y %H:%M} ({r.tz})."


def share(part: int, whole: int) -> str:
    """"2 of 4 (50%)", or "none due" when nothing was due."""
    if not whole:
        return "none due"
    return f"{part} of {whole} ({round(100 * part / whole)}%)"


def days(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:g}"


def day(value: dt.date) -> str:
    return f"{value:%a %d %b %Y}"


def referrals(r: ReportFigures) -> str:
    return (f"{r.referrals_received} received; decided: {r.referrals_accepted} accepted, "
            f"{r.referrals_declined} declined, {r.referrals_more_info} asked for more "
            "information")


def housed(r: ReportFigures) -> str:
    if not r.housed:
        return "nobody housed in the period"
    counted = len(r.days_to_housed)
    if not counted:
        return f"{r.housed} housed; none with a referral on record"
    spread = (f", {r.days_to_housed[0]} to {r.days_to_housed[-1]}"
              if counted > 1 else "")
    return (f"median {days(r.median_days_to_housed)} days{spread} "
            f"({counted} of {r.housed} housed had a referral on record)")


AGENCY_COLUMNS = ("Agency", "Created", "Completed", "On time", "Done before next meeting",
                  "Overdue", "Median days to complete", "Carried over", "Escalated")
NOTES = (
    "Actions count for their owner's agency. On time: completed on or before the due date. "
    "Done before next meeting: of the actions made in the period whose next meeting was held, "
    "those completed before it (cancelled ones left out). Overdue: open at the end of the "
    "period, past the due date. Carried over: each time an open action went on to the next "
    "meeting. Escalated: overdue at two meetings in a row, so the agency's champion was told."
)


def agency_row(a: AgencyFigures) -> tuple[str, ...]:
    return (name(a.agency), str(a.actions_created), str(a.actions_completed),
            str(a.completed_on_time), share(a.done_before_next_meeting, a.due_by_next_meeting),
            str(a.overdue), days(a.median_days_to_complete), str(a.carry_overs),
            str(a.escalations))
