"""Reports in Slack: a facilitator's ``/casebot report`` (this month's headline figures so far),
the full HTML report they ask for by button, and each group's monthly summary in its channel.

Only counts, agencies and dates reach Slack: no client is named or coded.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot import public_holidays
from bot.domain import InvalidInput, NotAuthorised
from bot.ports import Clock, Renderer
from bot.recurrence import parse_time_of_day, working_hours_started
from bot.services.directory import find_asker
from bot.services.reports import figures
from bot.services.reports.model import Headline
from storage.models import Group, Member
from storage.uow import UnitOfWork

REFUSED = (
    "Reports are for the group's facilitators and secretariat. The monthly summary in the "
    "group's channel has the main figures for everyone."
)


def _group_for(uow: UnitOfWork, member: Member, channel_id: str | None) -> Group:
    """The channel's group, or (in a DM) the one group the member runs meetings in."""
    group = uow.groups.by_channel(channel_id) if channel_id else None
    if group is not None:
        if not uow.memberships.runs_meetings(member.id, group.id):
            raise NotAuthorised(REFUSED)
        return group
    runs = [g for g in uow.groups.all() if uow.memberships.runs_meetings(member.id, g.id)]
    if not runs:
        raise NotAuthorised(REFUSED)
    if len(runs) > 1:
        raise InvalidInput("You run more than one group: ask for the report in the group's "
                           "channel.")
    return runs[0]


def headline(*, uow: UnitOfWork, clock: Clock, user_id: str,
             channel_id: str | None) -> Headline:
    """This month's figures so far, for a facilitator or the secretariat of the group."""
    now = clock.now()
    with uow:
        member = find_asker(uow, user_id)
        group = _group_for(uow, member, channel_id)
        today = now.astimezone(ZoneInfo(group.tz)).date()
        found = figures.build(uow, group, today.replace(day=1), today, now)
        return Headline(found, to=user_id, group_id=group.id)


def button_value(h: Headline) -> str:
    """What *Send me the full report* carries: the group and the period (checked again)."""
    return f"{h.group_id}:{h.figures.first:%Y%m%d}:{h.figures.last:%Y%m%d}"


@dataclass(frozen=True)
class FullReport:
    filename: str
    title: str
    html: str


def full_report(*, uow: UnitOfWork, clock: Clock, user_id: str, value: str) -> FullReport:
    """The HTML report a button asked for, if the asker still runs that group's meetings."""
    try:
        group_id, first, last = value.split(":")
        start = dt.datetime.strptime(first, "%Y%m%d").date()
        end = dt.datetime.strptime(last, "%Y%m%d").date()
        wanted = int(group_id)
    except ValueError:
        raise InvalidInput("That button is out of date: ask again with /casebot report.") from None
    figures.check_period(start, end)
    with uow:
        member = find_asker(uow, user_id)
        group = uow.groups.get(wanted)
        if group is None or not uow.memberships.runs_meetings(member.id, group.id):
            raise NotAuthorised(REFUSED)
        found = figures.build(uow, group, start, end, clock.now())
    slug = re.sub(r"[^a-z0-9]+", "-", found.group.lower()).strip("-") or "group"
    return FullReport(
        filename=f"{slug}-report-{start.isoformat()}-to-{end.isoformat()}.html",
        title=f"{found.group}: report, {start:%d %b %Y} to {end:%d %b %Y}",
        html=_html(found),
    )


def _html(found: figures.ReportFigures) -> str:
    # Imported here: the tick imports this module every minute and never renders HTML.
    from bot.services.reports.html import render_html

    return render_html(found)


# --- the monthly summary in the channel ---------------------------------------------------------


def first_working_day(year: int, month: int, holidays: str | None) -> dt.date:
    """The month's first weekday that is not a public holiday of the group's calendar."""
    day = dt.date(year, month, 1)
    while day.weekday() >= 5 or public_holidays.name_on(holidays, day):
        day += dt.timedelta(days=1)
    return day


def summary_due(now: dt.datetime, *, tz: str, send_time: dt.time,
                holidays: str | None) -> tuple[dt.date, dt.date] | None:
    """The month whose summary is due at ``now`` (the one before), or None: from the first
    working day of the month, in the group's working hours (a summary held up by an outage
    goes out on a later working day of that month)."""
    if not working_hours_started(now, tz=tz, at=send_time):
        return None
    today = now.astimezone(ZoneInfo(tz)).date()
    if today < first_working_day(today.year, today.month, holidays):
        return None
    return figures.month_of(today.replace(day=1) - dt.timedelta(days=1))


def enqueue_due(*, uow: UnitOfWork, clock: Clock, renderer: Renderer) -> int:
    """Queue each group's summary of last month, once per group and month; a month in which
    the group held no meeting gets none."""
    now = clock.now()
    queued = 0
    with uow:
        for group in uow.groups.active():
            month = summary_due(now, tz=group.tz, send_time=parse_time_of_day(group.send_time),
                                holidays=group.holidays)
            if month is None:
                continue
            first, last = month
            key = f"report-month:{group.id}:{first:%Y-%m}"
            if figures.bounds(first, last, group.tz)[1] <= group.created_at:
                continue  # the group did not exist yet
            if uow.outbox.has(key):
                continue  # sent (or passed over) already: figures are computed once a month
            found = figures.build(uow, group, first, last, now)
            if not found.meetings_held:  # the summary follows the meetings
                uow.outbox.mark(key=key, kind="report", channel=group.channel_id,
                                note="no meeting held", now=now)
                continue
            payload = renderer.report_summary(
                Headline(found, to=group.channel_id, monthly=True, group_id=group.id))
            if uow.outbox.enqueue(key=key, kind="report", channel=group.channel_id,
                                  payload=payload, now=now):
                queued += 1
        uow.commit()
    return queued
