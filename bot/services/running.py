"""Running a meeting in its channel: one presenter message, one client at a time, decisions and
notes recorded against the client on screen, and the minutes when it ends.

Only the group's facilitators and secretariat start, step and end a meeting; any member records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.domain import (
    AgendaItem,
    AttendanceResponse,
    AutoTick,
    ClientStatus,
    InvalidInput,
    MeetingStatus,
    NotAuthorised,
    Presenter,
    PresenterItem,
    RecordView,
)
from bot.ports import Clock
from bot.services import agenda, meetings, onboarding
from bot.services.directory import find_asker
from storage.models import Group, Meeting, MeetingItem, Member
from storage.uow import UnitOfWork

START_EARLY = dt.timedelta(minutes=60)  # a facilitator may open the room a little early
STEPS = ("next", "back", "skip", "discussed", "skipped")
Where = tuple[str, str] | None  # (channel, ts) of the presenter message, once posted


def shown_in(meeting: Meeting) -> Where:
    if meeting.presenter_channel and meeting.presenter_ts:
        return meeting.presenter_channel, meeting.presenter_ts
    return None


def group_for_channel(uow: UnitOfWork, channel_id: str) -> Group:
    group = uow.groups.by_channel(channel_id)
    if group is None:
        raise InvalidInput("Use this in your case coordination group's channel.")
    if group.archived_at is not None:
        raise InvalidInput(
            f"{group.name} is archived: it holds no more meetings. Its history is kept; ask "
            "your secretariat if it should meet again."
        )
    return group


def check_runner(uow: UnitOfWork, user_id: str, group: Group) -> Member:
    member = find_asker(uow, user_id)
    if not uow.memberships.runs_meetings(member.id, group.id):
        raise NotAuthorised(
            f"Only {group.name}'s facilitators and secretariat run its meetings. You can still "
            "record actions, decisions and notes."
        )
    return member


def check_runner_here(*, uow: UnitOfWork, user_id: str, channel_id: str) -> None:
    """Refuse early (before a modal opens) anyone who may not run this channel's meeting."""
    with uow:
        check_runner(uow, user_id, group_for_channel(uow, channel_id))


def running_meeting(
    uow: UnitOfWork, group: Group, *, lock: bool = False, now: dt.datetime | None = None
) -> Meeting:
    """The group's running meeting, or a kind error saying there is none."""
    meeting = uow.meetings.live(group.id, lock=lock)
    if meeting is not None:
        return meeting
    ended = uow.meetings.last_ended_at(group.id)
    if ended is not None and now is not None and now - ended < dt.timedelta(hours=12):
        raise InvalidInput(
            "This meeting has ended and its minutes are posted. A facilitator starts the next "
            "one with /casebot start."
        )
    raise InvalidInput("No meeting is running here. A facilitator starts one with /casebot start.")


class StaleScreen(InvalidInput):
    """A button pressed on a screen that had already moved on (a double click, two people)."""


def _meeting_to_start(uow: UnitOfWork, group: Group, now: dt.datetime) -> Meeting:
    meeting = meetings.current_or_upcoming(uow, group, now)
    if meeting is None or meeting.scheduled_at - START_EARLY > now:
        when = ""
        if meeting is not None:
            local = meeting.scheduled_at.astimezone(meetings.schedule_of(group).zone)
            when = f" The next one is {local:%a %d %b at %H:%M}."
        raise InvalidInput(f"There is no meeting to start now (up to an hour early).{when}")
    return meeting


def start(*, uow: UnitOfWork, clock: Clock, user_id: str, channel_id: str) -> Presenter:
    """Open the meeting (or return to it, if it is already running)."""
    now = clock.now()
    with uow:
        group = group_for_channel(uow, channel_id)
        member = check_runner(uow, user_id, group)
        existing = uow.meetings.live(group.id)
        meeting = existing or _meeting_to_start(uow, group, now)
        if existing is None:
            meeting.status = MeetingStatus.RUNNING.value
            meeting.started_at = now
            meeting.facilitator_id = member.id
            ids = agenda.client_order(uow, group, meeting)
            for position, client_id in enumerate(ids, start=1):
                uow.meetings.add_item(meeting.id, client_id, position=position, state="pending")
            if ids:
                meeting.current_client_id = ids[0]
                uow.flush()
                _item(uow, meeting, ids[0]).started_at = now
        uow.flush()
        shown = presenter(uow, group, meeting, now)
        uow.commit()
    return shown


def attach(*, uow: UnitOfWork, meeting_id: int, channel: str, ts: str) -> None:
    """Remember the presenter message so every later step edits it in place."""
    with uow:
        meeting = uow.meetings.get(meeting_id)
        assert meeting is not None
        meeting.presenter_channel, meeting.presenter_ts = channel, ts
        uow.commit()


def ensure_item(uow: UnitOfWork, meeting: Meeting, client_id: int) -> None:
    """A client recorded for but not on the meeting's list (a referral added since it started)
    joins the list, so its entries reach the minutes."""
    if uow.meetings.item(meeting.id, client_id) is not None:
        return
    last = uow.meetings.last_position(meeting.id)
    uow.meetings.add_item(meeting.id, client_id, position=last + 1, state="discussed")
    uow.flush()


def _item(uow: UnitOfWork, meeting: Meeting, client_id: int) -> MeetingItem:
    item = uow.meetings.item(meeting.id, client_id)
    assert item is not None
    return item


def step(
    *, uow: UnitOfWork, clock: Clock, user_id: str, channel_id: str, how: str,
    seen: str | None = None,
) -> tuple[Presenter, Where]:
    """Move through the clients: next (discussed, then on), skip, back, mark discussed, or to the
    first skipped one. ``seen``: the case code on the screen the button was pressed on ("" for
    none); a button on an older screen changes nothing (raises StaleScreen).

    Returns the new presenter and where it is shown (channel, ts)."""
    if how not in STEPS:
        raise InvalidInput(f"unknown step {how!r}")
    now = clock.now()
    with uow:
        group = group_for_channel(uow, channel_id)
        check_runner(uow, user_id, group)
        meeting = running_meeting(uow, group, lock=True, now=now)
        on_screen = (
            uow.clients.get(meeting.current_client_id) if meeting.current_client_id else None
        )
        if seen is not None and seen != (on_screen.case_code if on_screen else ""):
            raise StaleScreen("The meeting had already moved on; the screen shows where it is now.")
        items = uow.meetings.items(meeting.id)
        order = [i.client_id for i in items]
        here = (
            order.index(meeting.current_client_id)
            if meeting.current_client_id in order
            else len(order)
        )
        current = items[here] if here < len(items) else None
        if how in ("next", "discussed") and current is not None:
            current.state = "discussed"
        elif how == "skip" and current is not None and current.state == "pending":
            current.state = "skipped"
        skipped = [n for n, i in enumerate(items) if i.state == "skipped"]
        if how == "back":
            target = max(0, here - 1)
        elif how == "discussed":
            target = here
        elif how == "skipped":
            target = skipped[0] if skipped else here
        else:
            target = here + 1
        if target < len(items):
            meeting.current_client_id = items[target].client_id
            if target != here:
                items[target].started_at = now
        else:
            meeting.current_client_id = None
        uow.flush()
        shown = presenter(uow, group, meeting, now)
        where = shown_in(meeting)
        uow.commit()
    return shown, where


def presenter(uow: UnitOfWork, group: Group, meeting: Meeting, now: dt.datetime) -> Presenter:
    items = uow.meetings.items(meeting.id)
    ref = meetings.ref(group, meeting)
    begin = max(meeting.scheduled_at, meeting.started_at or meeting.scheduled_at)
    end = begin + dt.timedelta(minutes=group.meeting_minutes)
    per_client = group.client_minutes or max(1, group.meeting_minutes // max(1, len(items)))
    codes = uow.clients.codes([i.client_id for i in items])
    current_item = next((i for i in items if i.client_id == meeting.current_client_id), None)
    current = None
    client_left = None
    if current_item is not None:
        current = _presenter_item(uow, group, meeting, current_item.client_id,
                                  codes.get(current_item.client_id, "?"))
        started = current_item.started_at or now
        client_left = per_client - int((now - started).total_seconds() // 60)
    people = {m.id: m for m in uow.memberships.members_of(group.id)}
    answers = sorted(
        uow.attendance.rows(meeting.id),
        key=lambda row: people[row[0]].slack_user_id if row[0] in people else "",
    )
    attending = tuple(people[i].slack_user_id for i, r, _ in answers
                      if r == AttendanceResponse.ATTENDING.value and i in people)
    apologies = tuple(people[i].slack_user_id for i, r, _ in answers
                      if r == AttendanceResponse.APOLOGIES.value and i in people)
    present = tuple(people[i].slack_user_id for i, _, p in answers if p and i in people)
    return Presenter(
        meeting=ref,
        position=(items.index(current_item) + 1) if current_item is not None else 0,
        total=len(items),
        done=sum(1 for i in items if i.state == "discussed"),
        skipped=tuple(codes[i.client_id] for i in items if i.state == "skipped"),
        minutes_left=max(0, int((end - now).total_seconds() // 60)),
        minutes_per_client=per_client,
        client_minutes_left=client_left,
        current=current,
        attending=attending,
        apologies=apologies,
        present=present,
        ended=meeting.status == MeetingStatus.CLOSED.value,
    )


def _presenter_item(
    uow: UnitOfWork, group: Group, meeting: Meeting, client_id: int, code: str
) -> PresenterItem:
    full = agenda.build(uow, group, meeting, only=[client_id])
    if not full.items:  # purged or gone from the group since the meeting started
        gone = AgendaItem(code, ClientStatus.EXITED, "", "", (), (), withheld=True)
        return PresenterItem(item=gone, records=(), new_actions=())
    (item,) = full.items
    records = tuple(
        RecordView(r.id, r.kind, item.case_code, r.text, author)
        for r, author in uow.records.of_client_at(meeting.id, client_id)
    )
    mine = uow.actions.ids_of_meeting(meeting.id)
    new = tuple(a for a in item.actions if a.id in mine)
    item = dataclasses.replace(item, actions=tuple(a for a in item.actions if a.id not in mine))
    return PresenterItem(item=item, records=records if not item.withheld else (),
                         new_actions=new)


def mark_present(*, uow: UnitOfWork, clock: Clock, user_id: str, channel_id: str,
                 present: list[str]) -> tuple[Presenter, Where]:
    """Who is actually in the room (the facilitator ticks them; the rest are not present)."""
    now = clock.now()
    with uow:
        group = group_for_channel(uow, channel_id)
        check_runner(uow, user_id, group)
        meeting = running_meeting(uow, group, now=now)
        people = {m.slack_user_id: m for m in uow.memberships.members_of(group.id)}
        for user, member in people.items():
            row = uow.attendance.get(meeting.id, member.id)
            if row is None and user in present:  # came without answering the prompt
                row = uow.attendance.add(meeting.id, member.id, AttendanceResponse.ATTENDING, now)
            if row is not None:
                row.present = user in present
            if user in present:  # a champion attending a meeting, for their onboarding
                onboarding.auto_tick(uow, member_id=member.id, group_id=group.id,
                                     kind=AutoTick.ATTEND, now=now)
        uow.flush()
        shown = presenter(uow, group, meeting, now)
        where = shown_in(meeting)
        uow.commit()
    return shown, where


def current(*, uow: UnitOfWork, clock: Clock, channel_id: str) -> tuple[Presenter, Where]:
    """The running meeting's presenter as it should look now (after a change elsewhere)."""
    now = clock.now()
    with uow:
        group = group_for_channel(uow, channel_id)
        meeting = running_meeting(uow, group, now=now)
        shown = presenter(uow, group, meeting, now)
        where = shown_in(meeting)
        return shown, where
