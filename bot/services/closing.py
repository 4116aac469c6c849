"""Closing a meeting: the minutes in the channel, one DM per owner with their new actions, and
the follow-through on open actions: carried over (×N), and escalated to the owner's agency
champion once an action has been overdue at two meetings in a row."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from bot.domain import (
    ActionView,
    AttendanceResponse,
    AutoTick,
    Escalation,
    MeetingStatus,
    Minutes,
    OwnerActions,
    Presenter,
    Role,
)
from bot.ports import Clock, Renderer
from bot.services import meetings, minutes, onboarding
from bot.services.agenda import action_view
from bot.services.minutes import snapshot
from bot.services.running import check_runner, group_for_channel, running_meeting, shown_in
from bot.timestamps import utc_and_local
from storage.models import Group, Meeting
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
ESCALATE_AFTER = 2  # meetings in a row at which an action was overdue


@dataclass(frozen=True)
class Closed:
    minutes: Minutes
    outbox_keys: tuple[str, ...]
    presenter: tuple[str, str] | None  # where the meeting's screen is, to show it closed

    @property
    def final_screen(self) -> Presenter:
        counts = self.minutes.counts()
        return Presenter(self.minutes.meeting, 0, counts["clients"], counts["discussed"], 0, 0,
                         None, None, (), (), (), ended=True)


FORGOTTEN_AFTER = dt.timedelta(hours=3)  # past the meeting's planned end, nobody pressed End
HELD_LOOKBACK = dt.timedelta(days=14)


def end(*, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str,
        channel_id: str) -> Closed:
    now = clock.now()
    with uow:
        group = group_for_channel(uow, channel_id)
        check_runner(uow, user_id, group)
        meeting = running_meeting(uow, group, now=now)
        closed = _close(uow, group, meeting, renderer, now, actor=user_id)
        uow.commit()
    return closed


def close_forgotten(*, uow: UnitOfWork, clock: Clock, renderer: Renderer) -> list[Closed]:
    """Close meetings left running hours past their end, so the minutes still go out and the
    next meeting starts fresh."""
    now = clock.now()
    done = []
    with uow:
        for meeting, group in uow.meetings.all_live():
            began = max(meeting.scheduled_at, meeting.started_at or meeting.scheduled_at)
            if began + dt.timedelta(minutes=group.meeting_minutes) + FORGOTTEN_AFTER <= now:
                done.append(_close(uow, group, meeting, renderer, now, actor="casebot (auto)"))
        _held_without_casebot(uow, renderer, now)
        uow.commit()
    return done


def _held_without_casebot(uow: UnitOfWork, renderer: Renderer, now: dt.datetime) -> None:
    """A meeting nobody ran in Casebot still happened: its open actions carry over and count
    towards escalation (no minutes: nothing was recorded). Only recent ones, so an upgrade or a
    long outage does not escalate old actions all at once."""
    for meeting in uow.meetings.unstarted_between(now - HELD_LOOKBACK, now - FORGOTTEN_AFTER):
        group = uow.groups.get(meeting.group_id)
        assert group is not None
        if (
            meeting.scheduled_at + dt.timedelta(minutes=group.meeting_minutes) + FORGOTTEN_AFTER
            > now
        ):
            continue
        meeting.status = MeetingStatus.CLOSED.value
        meeting.ended_at = now
        uow.flush()
        _follow_through(uow, group, meeting, now, renderer)  # sent with the outbox


def _close(uow: UnitOfWork, group: Group, meeting: Meeting, renderer: Renderer,
           now: dt.datetime, *, actor: str) -> Closed:
    meeting.status = MeetingStatus.CLOSED.value
    meeting.ended_at = now
    on_screen = (
        uow.meetings.item(meeting.id, meeting.current_client_id)
        if meeting.current_client_id is not None
        else None
    )
    if on_screen is not None and on_screen.state == "pending":
        on_screen.state = "discussed"  # ended while talking about it
    _mark_talked_about(uow, meeting.id)
    meeting.current_client_id = None
    _attended(uow, group, meeting, now)
    uow.flush()
    keys = _follow_through(uow, group, meeting, now, renderer)
    made = minutes.build(uow, group, meeting)
    meeting.minutes = snapshot.dumps(made)
    keys += minutes.post(uow, group, meeting, made, renderer, now, "minutes")
    keys += _owner_dms(uow, group, meeting, renderer, now)
    where = shown_in(meeting)
    detail = f"{group.name}: {utc_and_local(meeting.scheduled_at, group.tz)}"
    uow.audit.add(at=now, actor=actor, action="meeting_closed", detail=detail)
    return Closed(made, tuple(keys), where)


def _attended(uow: UnitOfWork, group: Group, meeting: Meeting, now: dt.datetime) -> None:
    """Champions who came (marked present, or said they would and no roll was called) have
    attended a meeting, for their onboarding."""
    for member_id, response, present in uow.attendance.rows(meeting.id):
        came = present if present is not None else response == AttendanceResponse.ATTENDING
        if came:
            onboarding.auto_tick(uow, member_id=member_id, group_id=group.id,
                                 kind=AutoTick.ATTEND, now=now)


def _mark_talked_about(uow: UnitOfWork, meeting_id: int) -> None:
    """A client something was recorded for was discussed, whichever buttons were pressed, so it
    is not carried to the front of the next agenda."""
    talked = uow.records.clients_of_meeting(meeting_id) | uow.actions.clients_of_meeting(
        meeting_id
    )
    for item in uow.meetings.items(meeting_id):
        if item.client_id in talked:
            item.state = "discussed"


def _owner_dms(uow: UnitOfWork, group: Group, meeting: Meeting, renderer: Renderer,
               now: dt.datetime) -> list[str]:
    today = meetings.ref(group, meeting).local_start.date()
    views = minutes.meeting_actions(uow, meeting.id, today)
    by_owner: dict[str, list[ActionView]] = {}
    for view in views:
        by_owner.setdefault(view.owner, []).append(view)
    keys = []
    for owner, actions in sorted(by_owner.items()):
        key = f"minutes-dm:{meeting.id}:{owner}"
        summary = OwnerActions(owner, meetings.ref(group, meeting), tuple(actions))
        uow.outbox.enqueue(key=key, kind="meeting-actions", channel=owner,
                       payload=renderer.meeting_actions(summary), now=now)
        keys.append(key)
    return keys


def _follow_through(uow: UnitOfWork, group: Group, meeting: Meeting, now: dt.datetime,
                    renderer: Renderer) -> list[str]:
    """Carry open actions over (×N) and escalate the ones overdue at two meetings in a row."""
    ref = meetings.ref(group, meeting)
    day = ref.local_start.date()
    rows = uow.actions.open_in_group(group.id)
    champions = _champions(uow, group.id)
    consents = uow.consents.covered(list({a.client_id for a, _, _ in rows}), day)
    keys = []
    for action, code, owner in rows:
        if action.last_reviewed_meeting_id == meeting.id:
            continue  # a second close of the same meeting changes nothing
        action.last_reviewed_meeting_id = meeting.id
        action.carried_count += 1  # still open: it goes on to the next meeting
        action.overdue_streak = action.overdue_streak + 1 if action.due_on < day else 0
        if action.overdue_streak < ESCALATE_AFTER or action.escalated_at is not None:
            continue
        client = uow.clients.get(action.client_id)
        assert client is not None
        allowed = consents.get(client.id, set()) | {client.lead_agency_id}
        view = action_view(action, code, owner.slack_user_id, None, day)
        note_for = [c for c in champions.get(owner.agency_id, []) if c != owner.slack_user_id]
        for champion in note_for:
            key = f"escalate:{action.id}:{meeting.id}:{champion}"
            note = Escalation(champion=champion, action=view, meeting=ref,
                              withheld=owner.agency_id not in allowed)
            uow.outbox.enqueue(key=key, kind="escalation", channel=champion,
                           payload=renderer.escalation(note), now=now)
            keys.append(key)
        if note_for:  # with no champion to tell, try again at the next meeting
            action.escalated_at = now
        else:
            log.warning("an overdue action could not be escalated: its agency has no champion")
    return keys


def _champions(uow: UnitOfWork, group_id: int) -> dict[int, list[str]]:
    """Each agency's champions in this group (a champion in another group is not asked)."""
    out: dict[int, list[str]] = {}
    for member in uow.memberships.members_with_role(group_id, Role.CHAMPION):
        out.setdefault(member.agency_id, []).append(member.slack_user_id)
    return out
