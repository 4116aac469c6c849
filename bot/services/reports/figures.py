"""A group's figures for a period, computed from plain rows (``uow.reports``) with the injected
clock. Periods are whole days on the group's calendar; "now" only matters for a period that has
not ended yet (what is overdue, which next meetings have been held).

How each figure is counted is said where it is computed, and in README's *Reports*.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from bot.domain import (
    EXIT_OUTCOMES,
    ActionStatus,
    AttendanceResponse,
    ExitOutcome,
    InvalidInput,
    MeetingStatus,
    ReferralDecision,
)
from bot.ports import Clock
from bot.recurrence import localize
from bot.services.directory import find_group
from bot.services.reports.model import (
    AgencyFigures,
    Champion,
    MeetingFigures,
    MonthActions,
    ReportFigures,
)
from storage.models import Group
from storage.repositories.reports import ActionRow, MeetingRow, PersonRow
from storage.uow import UnitOfWork

HOUSED = (ExitOutcome.HOUSED_SOCIAL.value, ExitOutcome.HOUSED_PRIVATE.value)
LONGEST = dt.timedelta(days=366 * 5)  # a longer period is more likely a typing slip


def bounds(first: dt.date, last: dt.date, tz: str) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) in UTC of the days ``first`` to ``last`` on the ``tz`` calendar."""
    zone = ZoneInfo(tz)
    start = localize(dt.datetime.combine(first, dt.time()), zone)
    end = localize(dt.datetime.combine(last + dt.timedelta(days=1), dt.time()), zone)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of ``day``'s month."""
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def check_period(first: dt.date, last: dt.date) -> None:
    if first > last:
        raise InvalidInput(
            f"The period starts after it ends ({first:%d %b %Y} to {last:%d %b %Y}): "
            "swap --from and --to."
        )
    if last - first > LONGEST:
        raise InvalidInput("Please ask for five years at most at a time.")


def compute(*, uow: UnitOfWork, clock: Clock, group: str, first: dt.date,
            last: dt.date) -> ReportFigures:
    """The report of the group named ``group`` for ``first`` to ``last`` (both included)."""
    check_period(first, last)
    with uow:
        return build(uow, find_group(uow, group), first, last, clock.now())


def build(uow: UnitOfWork, group: Group, first: dt.date, last: dt.date,
          now: dt.datetime) -> ReportFigures:
    """Inside the caller's unit of work."""
    start, end = bounds(first, last, group.tz)
    facts = _Facts(group=group, zone=ZoneInfo(group.tz), start=start, end=end,
                   as_of=min(now, end), people=uow.reports.people())
    every = uow.reports.meetings(group.id)
    inside = [m for m in every if start <= m.scheduled_at < end]
    held = [m for m in inside if m.status == MeetingStatus.CLOSED.value]
    ids = [m.id for m in held]
    meetings, attendance = _meetings(facts, held, uow.reports.attendance(ids),
                                     uow.reports.update_authors(ids),
                                     uow.reports.items_discussed(ids))
    actions = uow.reports.actions(group.id, before=end, since=start)
    agencies = sorted(
        {facts.people[m.id].agency for m in uow.memberships.members_of(group.id)}
        | set(attendance) | {facts.agency(a.owner_id) for a in actions}
    )
    follow = _actions(facts, actions, every)
    referrals = uow.reports.referrals(group.id, start, end)
    exits = [e for e in uow.reports.exits(group.id, first, last)
             if e.outcome != ExitOutcome.REFERRAL_DECLINED.value]
    housed = [e for e in exits if e.outcome in HOUSED]
    referred = uow.reports.referred_at([e.client_id for e in housed])

    def decided(decision: ReferralDecision) -> int:
        return sum(1 for r in referrals if r.decision == decision.value
                   and r.decided_at is not None and start <= r.decided_at < end)

    return ReportFigures(
        group=group.name, tz=group.tz, first=first, last=last, as_of=facts.as_of,
        meetings=tuple(meetings),
        cancelled=sum(1 for m in inside if m.status == MeetingStatus.CANCELLED.value),
        agencies=tuple(
            _agency(name, attendance.get(name, _Attendance()), follow.get(name, _FollowUp()))
            for name in agencies
        ),
        months=_months(facts, actions, agencies, first, last),
        referrals_received=sum(1 for r in referrals if start <= r.created_at < end),
        referrals_accepted=decided(ReferralDecision.ACCEPTED),
        referrals_declined=decided(ReferralDecision.DECLINED),
        referrals_more_info=decided(ReferralDecision.MORE_INFO),
        exits=tuple(
            (label, n) for outcome, label in EXIT_OUTCOMES.items()
            if (n := sum(1 for e in exits if e.outcome == outcome.value))
        ),
        days_to_housed=tuple(sorted(
            (e.exited_on - facts.day(made[-1])).days
            for e in housed
            if (made := [at for at in referred.get(e.client_id, [])
                         if facts.day(at) <= e.exited_on])
        )),
        housed=len(housed),
        champions=tuple(
            Champion(c.agency, facts.people[c.member_id].name, facts.day(c.completed_at))
            for c in uow.reports.champions_completed(group.id, start, end)
        ),
    )


@dataclass(frozen=True)
class _Facts:
    group: Group
    zone: ZoneInfo
    start: dt.datetime
    end: dt.datetime
    as_of: dt.datetime
    people: dict[int, PersonRow]

    def day(self, at: dt.datetime) -> dt.date:
        return at.astimezone(self.zone).date()

    def agency(self, member_id: int) -> str:
        return self.people[member_id].agency

    def inside(self, at: dt.datetime | None) -> bool:
        return at is not None and self.start <= at < self.end


@dataclass
class _Attendance:
    present: int = 0
    apologies: int = 0
    meetings: int = 0


@dataclass
class _FollowUp:
    created: int = 0
    completed: int = 0
    on_time: int = 0
    before_next: int = 0
    due_by_next: int = 0
    overdue: int = 0
    days: list[int] = field(default_factory=list)
    carried: int = 0
    escalated: int = 0


def _meetings(
    facts: _Facts, held: Sequence[MeetingRow], answers: Iterable[tuple[int, int, str, bool | None]],
    authors: Iterable[tuple[int, int, int]], discussed: dict[int, int],
) -> tuple[list[MeetingFigures], dict[str, _Attendance]]:
    """Each meeting held, and attendance by agency. Present, as in the minutes: marked present
    when the roll was called, else said they would come; apologies: said so and not there."""
    rows: dict[int, list[tuple[int, str, bool | None]]] = {}
    for meeting_id, member_id, response, present in answers:
        rows.setdefault(meeting_id, []).append((member_id, response, present))
    wrote: dict[int, list[tuple[int, int]]] = {}
    for meeting_id, author_id, count in authors:
        wrote.setdefault(meeting_id, []).append((author_id, count))
    out, by_agency = [], {}
    for meeting in held:
        mine = rows.get(meeting.id, [])
        roll = any(present is not None for _, _, present in mine)
        there = {
            who for who, response, present in mine
            if (present if roll else response == AttendanceResponse.ATTENDING.value)
        }
        sorry = {who for who, response, _ in mine
                 if who not in there and response == AttendanceResponse.APOLOGIES.value}
        for who in there:
            by_agency.setdefault(facts.agency(who), _Attendance()).present += 1
        for who in sorry:
            by_agency.setdefault(facts.agency(who), _Attendance()).apologies += 1
        for agency in {facts.agency(who) for who in there}:
            by_agency[agency].meetings += 1
        authors_here = wrote.get(meeting.id, [])
        out.append(MeetingFigures(
            day=facts.day(meeting.scheduled_at), present=len(there), apologies=len(sorry),
            updates=sum(n for _, n in authors_here),
            updates_from_absent=sum(n for a, n in authors_here if a not in there),
            clients_reviewed=discussed.get(meeting.id, 0),
        ))
    return out, by_agency


def _actions(facts: _Facts, actions: Sequence[ActionRow],
             meetings: Sequence[MeetingRow]) -> dict[str, _FollowUp]:
    """The follow-through on actions, by the owner's agency.

    - created, completed: in the period; on time: completed on or before the due date;
      days to complete: from the day it was made to the day it was done.
    - before the next meeting: of the actions made in the period (cancelled ones aside), those
      whose next meeting (the first not called off after it was made) was held by the period's
      end, and of them the ones done before it started.
    - overdue: open at the period's end (or now), due before that day.
    - carry-overs: an action open when a meeting closed went on to the next one; each close
      added one to its count, so its carries are the first that many meetings closed after it
      was made, and those held in the period count.
    - escalations: escalated to the agency's champion in the period.
    """
    going = [m for m in meetings if m.status != MeetingStatus.CANCELLED.value]
    starts = [m.scheduled_at for m in going]  # sorted, as the rows come
    closed = [m for m in meetings if m.status == MeetingStatus.CLOSED.value and m.ended_at]
    today = facts.day(facts.as_of)
    out: dict[str, _FollowUp] = {}
    for a in actions:
        f = out.setdefault(facts.agency(a.owner_id), _FollowUp())
        done = a.status == ActionStatus.DONE.value and a.completed_at is not None
        if facts.inside(a.created_at):
            f.created += 1
            later = bisect.bisect_right(starts, a.created_at)
            following = going[later] if later < len(going) else None
            if (a.status != ActionStatus.CANCELLED.value and following is not None
                    and following.scheduled_at <= facts.as_of):
                f.due_by_next += 1
                if done and a.completed_at is not None and a.completed_at < following.scheduled_at:
                    f.before_next += 1
        if done and a.completed_at is not None and facts.inside(a.completed_at):
            f.completed += 1
            finished = facts.day(a.completed_at)
            f.on_time += finished <= a.due_on
            f.days.append((finished - facts.day(a.created_at)).days)
        still_open = a.status == ActionStatus.OPEN.value or (
            done and a.completed_at is not None and a.completed_at >= facts.as_of)
        if still_open and a.created_at < facts.as_of and a.due_on < today:
            f.overdue += 1
        if a.carried_count:
            carries = [m for m in closed if m.ended_at and m.ended_at >= a.created_at]
            f.carried += sum(1 for m in carries[: a.carried_count]
                             if facts.inside(m.scheduled_at))
        f.escalated += facts.inside(a.escalated_at)
    return out


def _agency(name: str, att: _Attendance, f: _FollowUp) -> AgencyFigures:
    return AgencyFigures(
        agency=name, present=att.present, apologies=att.apologies,
        meetings_attended=att.meetings, actions_created=f.created,
        actions_completed=f.completed, completed_on_time=f.on_time,
        done_before_next_meeting=f.before_next, due_by_next_meeting=f.due_by_next,
        overdue=f.overdue, days_to_complete=tuple(sorted(f.days)), carry_overs=f.carried,
        escalations=f.escalated,
    )


def _months(facts: _Facts, actions: Sequence[ActionRow], agencies: Sequence[str],
            first: dt.date, last: dt.date) -> tuple[MonthActions, ...]:
    """Actions completed (and on time) per month of the period, per agency; zeros included."""
    counts: dict[tuple[dt.date, str], list[int]] = {}
    month = first.replace(day=1)
    while month <= last:
        for agency in agencies:
            counts[(month, agency)] = [0, 0]
        month = month_of(month)[1] + dt.timedelta(days=1)
    for a in actions:
        if a.status != ActionStatus.DONE.value or not facts.inside(a.completed_at):
            continue
        assert a.completed_at is not None
        finished = facts.day(a.completed_at)
        cell = counts[(finished.replace(day=1), facts.agency(a.owner_id))]
        cell[0] += 1
        cell[1] += finished <= a.due_on
    return tuple(MonthActions(m, agency, c[0], c[1]) for (m, agency), c in counts.items())
