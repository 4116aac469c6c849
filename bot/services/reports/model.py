"""A group's report as plain values: what ``figures.compute`` returns and every format renders.

No client identifier is ever part of it, not even a case code: counts, agencies' names, people's
display names (champions) and dates only.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class MeetingFigures:
    """One meeting held in the period."""

    day: dt.date  # on the group's calendar
    present: int  # people there
    apologies: int  # people who sent apologies and did not come
    updates: int  # updates sent for the meeting
    updates_from_absent: int  # of those, by people who were not there
    clients_reviewed: int  # clients discussed


@dataclass(frozen=True)
class AgencyFigures:
    """Attendance and the follow-through on actions, for one agency (an action is its owner's
    agency's)."""

    agency: str
    present: int  # attendances: its people present, added up over the meetings held
    apologies: int
    meetings_attended: int  # meetings at which at least one of its people was there
    actions_created: int
    actions_completed: int  # completed in the period, whenever created
    completed_on_time: int  # of those, on or before the due date
    done_before_next_meeting: int  # of the actions created in the period ...
    due_by_next_meeting: int  # ... whose next meeting has been held (cancelled ones aside)
    overdue: int  # open at the end of the period (or now), past their due date
    days_to_complete: tuple[int, ...]  # each action completed in the period, sorted
    carry_overs: int  # times one of its open actions went on to the next meeting
    escalations: int  # overdue at two meetings in a row: the champion was told

    @property
    def median_days_to_complete(self) -> float | None:
        return statistics.median(self.days_to_complete) if self.days_to_complete else None

    @property
    def share_before_next_meeting(self) -> float | None:
        if not self.due_by_next_meeting:
            return None
        return self.done_before_next_meeting / self.due_by_next_meeting


@dataclass(frozen=True)
class MonthActions:
    """Actions completed in one month, by agency (for the chart)."""

    month: dt.date  # its first day
    agency: str
    completed: int
    on_time: int


@dataclass(frozen=True)
class Champion:
    agency: str
    name: str  # display name
    completed_on: dt.date


@dataclass(frozen=True)
class ReportFigures:
    group: str
    tz: str
    first: dt.date  # the period, both days included, on the group's calendar
    last: dt.date
    as_of: dt.datetime  # the end of the period, or now if that is sooner (overdue, next meeting)
    meetings: tuple[MeetingFigures, ...]
    cancelled: int  # meetings in the period called off
    agencies: tuple[AgencyFigures, ...]
    months: tuple[MonthActions, ...]
    referrals_received: int
    referrals_accepted: int
    referrals_declined: int
    referrals_more_info: int
    exits: tuple[tuple[str, int], ...]  # (outcome's label, how many), the list's order
    days_to_housed: tuple[int, ...]  # for each client housed, with a referral on record; sorted
    housed: int  # clients housed (social or private), referral on record or not
    champions: tuple[Champion, ...]

    @property
    def meetings_held(self) -> int:
        return len(self.meetings)

    @property
    def total(self) -> AgencyFigures:
        """Every agency's figures added up (the median over all the actions)."""
        a = self.agencies

        def add(name: str) -> int:
            return sum(getattr(x, name) for x in a)

        days = tuple(sorted(d for x in a for d in x.days_to_complete))
        return AgencyFigures(
            "All agencies", add("present"), add("apologies"),
            sum(1 for m in self.meetings if m.present), add("actions_created"),
            add("actions_completed"), add("completed_on_time"), add("done_before_next_meeting"),
            add("due_by_next_meeting"), add("overdue"), days, add("carry_overs"),
            add("escalations"),
        )

    @property
    def exited(self) -> int:
        return sum(n for _, n in self.exits)

    @property
    def median_days_to_housed(self) -> float | None:
        return statistics.median(self.days_to_housed) if self.days_to_housed else None


@dataclass(frozen=True)
class Headline:
    """The few figures Slack shows (``/casebot report`` and the monthly summary)."""

    figures: ReportFigures
    to: str = ""  # the channel or person it is for
    monthly: bool = False  # the monthly summary in the channel (else the reply to a command)
    group_id: int = 0  # for the button that asks for the full report
