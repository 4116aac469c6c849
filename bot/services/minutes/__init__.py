"""A meeting's minutes: built from what was recorded, posted in the channel, found again later
for export or re-posting. De-identified like everything else: case codes, Slack member IDs and
the (already redacted) recorded text only."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.domain import (
    EXIT_OUTCOMES,
    ActionView,
    AgencyAttendance,
    AttendanceResponse,
    ExitOutcome,
    Minutes,
    MinutesClient,
    NotFound,
    RecordView,
    ReferralDecision,
)
from bot.ports import Clock, Renderer
from bot.services import meetings
from bot.services.agenda import action_views
from bot.services.directory import find_group
from bot.services.minutes import snapshot
from bot.services.referral_view import decision_text
from bot.validation import SLACK_USER
from storage.models import Group, Meeting
from storage.uow import UnitOfWork


def post(uow: UnitOfWork, group: Group, meeting: Meeting, minutes: Minutes,
         renderer: Renderer, now: dt.datetime, prefix: str) -> list[str]:
    keys = []
    for number, payload in enumerate(renderer.minutes(minutes), start=1):
        key = f"{prefix}:{meeting.id}:{number:02d}"
        uow.outbox.enqueue(key=key, kind="minutes", channel=group.channel_id,
                       payload=payload, now=now)
        keys.append(key)
    return keys


def meeting_actions(uow: UnitOfWork, meeting_id: int, today: dt.date) -> list[ActionView]:
    """Actions recorded at the meeting (not removed), in the order they were recorded."""
    return action_views(uow.actions.of_meeting(meeting_id), today)


def build(uow: UnitOfWork, group: Group, meeting: Meeting) -> Minutes:
    ref = meetings.ref(group, meeting)
    day = ref.local_start.date()
    items = uow.meetings.items_with_codes(meeting.id)
    overrides = uow.overrides.for_meeting(meeting.id)
    visible = uow.consents.shareable(group.id, [i.client_id for i, _ in items], day)
    visible |= set(overrides)
    records: dict[int, list[RecordView]] = {}
    for rec, author, code in uow.records.of_meeting(meeting.id):
        records.setdefault(rec.client_id, []).append(
            RecordView(rec.id, rec.kind, code, rec.text, author)
        )
    actions: dict[str, list[ActionView]] = {}
    for view in meeting_actions(uow, meeting.id, day):
        actions.setdefault(view.case_code, []).append(view)
    clients = []
    for item, code in items:
        shown = item.client_id in visible
        mine = records.get(item.client_id, []) if shown else []
        # an entry recorded for a client shows that it was talked about, whatever the buttons say
        talked = item.state == "discussed" or bool(records.get(item.client_id) or
                                                   actions.get(code))
        clients.append(MinutesClient(
            case_code=code, reached=talked, withheld=not shown,
            decisions=tuple(r for r in mine if r.kind == "decision"),
            actions=tuple(actions.get(code, [])) if shown else (),
            notes=tuple(r for r in mine if r.kind == "note"),
            override=overrides.get(item.client_id),
        ))
    clients = _with_path_decisions(uow, group, meeting, day, clients)
    facilitator = uow.members.get(meeting.facilitator_id) if meeting.facilitator_id else None
    return Minutes(
        meeting=ref, started_at=meeting.started_at, ended_at=meeting.ended_at,
        facilitator=facilitator.slack_user_id if facilitator else None,
        attendance=_attendance(uow, group, meeting, day), clients=tuple(clients),
        attendance_taken=uow.attendance.taken(meeting.id),
    )


def _attendance(uow: UnitOfWork, group: Group, meeting: Meeting,
                day: dt.date) -> tuple[AgencyAttendance, ...]:
    people = uow.memberships.members_of(group.id)
    answers = {
        member_id: (response, present)
        for member_id, response, present in uow.attendance.rows(meeting.id)
    }
    marked = any(present is not None for _, present in answers.values())
    away = uow.leave.away_on([m.id for m in people], day)
    agencies = uow.agencies.names_by_id()
    grouped: dict[str, dict[str, list[str]]] = {}
    for member in people:
        response, present = answers.get(member.id, (None, None))
        if present if marked else response == AttendanceResponse.ATTENDING.value:
            where = "present"
        elif member.id in away:
            where = "on_leave"
        elif response == AttendanceResponse.APOLOGIES.value:
            where = "apologies"
        else:
            where = "absent"
        grouped.setdefault(agencies[member.agency_id], {}).setdefault(where, []).append(
            member.slack_user_id
        )
    return tuple(
        AgencyAttendance(
            name, *(tuple(g.get(k, [])) for k in ("present", "apologies", "on_leave", "absent"))
        )
        for name, g in sorted(grouped.items())
    )


def _find(uow: UnitOfWork, group: str, day: dt.date) -> tuple[Group, Meeting]:
    found = find_group(uow, group)
    zone = meetings.schedule_of(found).zone
    for meeting in uow.meetings.closed(found.id):
        if meeting.scheduled_at.astimezone(zone).date() == day:
            if meeting.started_at is None:
                raise NotFound(
                    f"{found.name}'s meeting on {day:%a %d %b %Y} was not run in Casebot "
                    "(nobody typed /casebot start), so it has no minutes."
                )
            return found, meeting
    raise NotFound(f"{found.name} has no closed meeting on {day:%a %d %b %Y}")


def stored(uow: UnitOfWork, group: Group, meeting: Meeting) -> Minutes:
    """The minutes as they were at the close (rebuilt only if none were kept)."""
    if meeting.minutes:
        return snapshot.loads(meeting.minutes)
    return build(uow, group, meeting)


def minutes_of(*, uow: UnitOfWork, group: str, day: dt.date) -> Minutes:
    with uow:
        found, meeting = _find(uow, group, day)
        return stored(uow, found, meeting)


def repost(*, uow: UnitOfWork, clock: Clock, renderer: Renderer, group: str,
           day: dt.date) -> list[str]:
    now = clock.now()
    with uow:
        found, meeting = _find(uow, group, day)
        kept = stored(uow, found, meeting)
        keys = post(uow, found, meeting, kept, renderer, now,
                    f"minutes-repost-{now:%Y%m%dT%H%M%S}")
        uow.commit()
    return keys


def _with_path_decisions(uow: UnitOfWork, group: Group, meeting: Meeting, day: dt.date,
                         clients: list[MinutesClient]) -> list[MinutesClient]:
    """Issue 13: the meeting's referral decisions and exits, as decisions of their clients (a
    client decided on outside the list, like an exit from the command line, joins it)."""
    extra: dict[int, list[tuple[dt.datetime, str, str]]] = {}
    for referral in uow.referrals.decided_in(meeting.id):
        author = uow.members.get(referral.decided_by_id) if referral.decided_by_id else None
        text = decision_text(ReferralDecision(str(referral.decision)), referral.decision_reason)
        when = referral.decided_at or referral.created_at
        extra.setdefault(referral.client_id, []).append(
            (when, text, author.slack_user_id if author else "")
        )
    for ended in uow.exits.of_meeting(meeting.id):
        if ended.outcome == ExitOutcome.REFERRAL_DECLINED.value:
            continue  # the declined referral says it
        text = f"Exited: {EXIT_OUTCOMES[ExitOutcome(ended.outcome)]} ({ended.exited_on:%d %b %Y})"
        if ended.note:
            text += f" — {ended.note}"
        extra.setdefault(ended.client_id, []).append((ended.recorded_at, text, ended.actor))
    if not extra:
        return clients
    codes = uow.clients.codes(list(extra))
    visible = uow.consents.shareable(group.id, list(extra), day)
    out = list(clients)
    for client_id, entries in extra.items():
        code = codes[client_id]
        shown = client_id in visible
        records = tuple(
            RecordView(0, "decision", code, text,
                       who if SLACK_USER.fullmatch(who) else "secretariat")
            for _, text, who in sorted(entries, key=lambda e: e[0])
        ) if shown else ()
        index = next((n for n, c in enumerate(out) if c.case_code == code), None)
        if index is None:
            out.append(MinutesClient(code, True, not shown, records, (), ()))
        else:
            old = out[index]
            out[index] = dataclasses.replace(old, reached=True,
                                             decisions=records + old.decisions)
    return out
