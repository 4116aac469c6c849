"""An owner who can't do an action asks for it to be reassigned; a facilitator does it in one
click (the consent must still cover the new owner's agency)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import (
    ActionRecorded,
    ActionStatus,
    ActionView,
    InvalidInput,
    NotAuthorised,
    NotFound,
    ReassignRequest,
    Role,
)
from bot.ports import Clock, Renderer
from bot.services import meetings, roster
from bot.services.agenda import action_view
from bot.services.directory import find_asker
from storage.models import Action, Client, Group
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class Reassigned:
    action: ActionView
    outbox_keys: tuple[str, ...]
    previous_owner: str | None = None
    withheld: bool = False  # for the facilitator who did it: consent doesn't name their agency


def _action(uow: UnitOfWork, action_id: int) -> tuple[Action, Client, Group]:
    action = uow.actions.get(action_id)
    if action is None or action.status != ActionStatus.OPEN.value:
        raise NotFound("That action is no longer open.")
    client = uow.clients.get(action.client_id)
    assert client is not None
    group = uow.groups.get(client.group_id) if client.group_id else None
    if group is None:
        raise InvalidInput("That client is not in a group any more.")
    return action, client, group


@dataclass(frozen=True)
class Asked:
    requests: tuple[ReassignRequest, ...]
    outbox_keys: tuple[str, ...]  # one DM to each facilitator: send these now


def request_reassign(*, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str,
                     action_id: int) -> Asked:
    """The owner asks; every facilitator of the group gets the request, by DM.

    The DMs go through the outbox, so the picker a facilitator uses can be checked against what
    Casebot sent them."""
    now = clock.now()
    with uow:
        member = find_asker(uow, user_id)
        action, client, group = _action(uow, action_id)
        if action.owner_id != member.id:
            raise NotAuthorised("Only the action's owner can ask for it to be reassigned.")
        facilitators = uow.memberships.with_role(group.id, Role.FACILITATOR)
        if not facilitators:
            raise InvalidInput(f"{group.name} has no facilitator to ask; tell your secretariat.")
        today = roster.local_today(now, group.tz)
        view = action_view(action, client.case_code, member.slack_user_id, None, today)
        allowed = uow.consents.covered([client.id], today).get(client.id, set())
        allowed.add(client.lead_agency_id)
        agency_of = {m.slack_user_id: m.agency_id for m in uow.memberships.members_of(group.id)}
        # A facilitator whose agency the client's consent does not name sees the case code only.
        requests = tuple(ReassignRequest(f, user_id, view, withheld=agency_of.get(f) not in allowed)
                         for f in facilitators)
        keys = []
        for request in requests:
            key = f"reassign-ask:{action.id}:{request.facilitator}:{now:%Y%m%dT%H%M%S%f}"
            uow.outbox.enqueue(key=key, kind="reassign-ask", channel=request.facilitator,
                               payload=renderer.reassign_prompt(request), now=now)
            keys.append(key)
        uow.audit.add(at=now, actor=user_id, action="reassign_asked", client=client)
        uow.commit()
    return Asked(requests, tuple(keys))


def reassign(*, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str, action_id: int,
             new_owner: str) -> Reassigned:
    """A facilitator gives the action to someone else in the group (consent permitting)."""
    now = clock.now()
    with uow:
        member = find_asker(uow, user_id)
        action, client, group = _action(uow, action_id)
        if not uow.memberships.runs_meetings(member.id, group.id):
            raise NotAuthorised(f"Only {group.name}'s facilitators can reassign its actions.")
        owner = uow.members.by_user(new_owner)
        if owner is None or not uow.memberships.is_member(owner.id, group.id):
            raise InvalidInput(f"The new owner must be a member of {group.name}.")
        today = roster.local_today(now, group.tz)
        covered = uow.consents.covered([client.id], today).get(client.id, set())
        covered.add(client.lead_agency_id)
        if owner.agency_id not in covered:
            raise NotAuthorised(
                f"{client.case_code}'s consent does not cover that person's agency."
            )
        old = uow.members.get(action.owner_id)
        action.owner_id = owner.id
        action.overdue_streak = 0
        action.escalated_at = None  # a new owner: a new chance, and a new escalation if late
        uow.flush()
        view = action_view(action, client.case_code, owner.slack_user_id, member.slack_user_id,
                           today)
        upcoming = meetings.upcoming(uow, group, now)
        recorded = ActionRecorded(view, meetings.ref(group, upcoming) if upcoming else None,
                                  group.channel_id)
        key = f"reassigned:{action.id}:{now:%Y%m%dT%H%M%S%f}"
        uow.outbox.enqueue(key=key, kind="action", channel=owner.slack_user_id,
                           payload=renderer.action_assignment(recorded), now=now)
        uow.audit.add(
            at=now,
            actor=user_id,
            action="action_reassigned",
            client=client,
            detail=f"{old.slack_user_id if old else '?'} -> {owner.slack_user_id}",
        )
        uow.commit()
    return Reassigned(view, (key,), old.slack_user_id if old else None,
                      withheld=member.agency_id not in covered)
