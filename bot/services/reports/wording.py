"""How figures are said, the same in every format."""

from __future__ import annotations

import datetime as dt

from bot.services.reports.model import AgencyFigures, ReportFigures
from bot.validation import clean_text


def name(text: str) -> str:
    """An agency's or person's name on one line, without control characters."""
    return " ".join(clean_text(text).split())


def period(r: ReportFigures) -> str:
    return f"{r.first:%a %d %b %Y} to {r.last:%a %d %b %Y} ({r.tz})"


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


AGENCY_COLUMNS = ("Agency", "Actions created", "Completed", "On time",
                  "Done before next meeting", "Overdue", "Median days to complete",
                  "Carry-overs", "Escalations")


def agency_row(a: AgencyFigures) -> tuple[str, ...]:
    return (name(a.agency), str(a.actions_created), str(a.actions_completed),
            str(a.completed_on_time), share(a.done_before_next_meeting, a.due_by_next_meeting),
            str(a.overdue), days(a.median_days_to_complete), str(a.carry_overs),
            str(a.escalations))
