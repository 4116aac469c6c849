"""Actions agreed for clients and their progress notes: open ones with their owners, those
recorded at a meeting, and those a closing meeting carries over."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from bot.domain import ActionStatus
from storage.models import Action, ActionProgress, Client, Meeting, Member
from storage.repositories.base import Repository

# (action, its client's case code, owner's Slack ID, creator's Slack ID if known)
ActionRow = tuple[Action, str, str, str | None]
# (action, case code, owner's Slack ID, client's group id, when its meeting was, if at one)
ExportRow = tuple[Action, str, str, int | None, dt.datetime | None]


class ActionRepository(Repository[Action]):
    model = Action

    def _with_people(self) -> Select[tuple[Action, str, str, str | None]]:
        owner, creator = aliased(Member), aliased(Member)
        return (
            select(Action, Client.case_code, owner.slack_user_id, creator.slack_user_id)
            .join(Client, Client.id == Action.client_id)
            .join(owner, owner.id == Action.owner_id)
            .outerjoin(creator, creator.id == Action.created_by_id)
        )

    def open_of_clients(self, client_ids: Collection[int]) -> list[ActionRow]:
        """Open actions of these clients, oldest due first (one query)."""
        if not client_ids:
            return []
        rows = self.session.execute(
            self._with_people()
            .where(Action.client_id.in_(client_ids), Action.status == ActionStatus.OPEN.value)
            .order_by(Action.due_on, Action.id)
        ).all()
        return [(a, code, owner, creator) for a, code, owner, creator in rows]

    def of_meeting(self, meeting_id: int) -> list[ActionRow]:
        """Actions recorded at the meeting (not removed), in the order they were recorded."""
        rows = self.session.execute(
            self._with_people()
            .where(Action.meeting_id == meeting_id, Action.removed_at.is_(None))
            .order_by(Action.id)
        ).all()
        return [(a, code, owner, creator) for a, code, owner, creator in rows]

    def ids_of_meeting(self, meeting_id: int) -> set[int]:
        """Every action recorded at the meeting, removed ones too."""
        return set(self.session.scalars(select(Action.id).where(Action.meeting_id == meeting_id)))

    def clients_of_meeting(self, meeting_id: int) -> set[int]:
        """Clients an action (not removed) was recorded for at the meeting."""
        return set(
            self.session.scalars(
                select(Action.client_id).where(
                    Action.meeting_id == meeting_id, Action.removed_at.is_(None)
                )
            )
        )

    def open_owner_ids(self, group_id: int) -> set[int]:
        """Members owning an open action (not removed) on one of the group's clients."""
        return set(
            self.session.scalars(
                select(Action.owner_id)
                .join(Client, Client.id == Action.client_id)
                .where(Client.group_id == group_id, Action.status == ActionStatus.OPEN.value,
                       Action.removed_at.is_(None))
                .distinct()
            )
        )

    def open_in_group(self, group_id: int) -> list[tuple[Action, str, Member]]:
        """The group's clients' open actions (not removed), with case code and owner."""
        rows = self.session.execute(
            select(Action, Client.case_code, Member)
            .join(Client, Client.id == Action.client_id)
            .join(Member, Member.id == Action.owner_id)
            .where(Client.group_id == group_id, Action.status == ActionStatus.OPEN.value,
                   Action.removed_at.is_(None))
        ).all()
        return [(action, code, owner) for action, code, owner in rows]

    def clients_with_open(self, group_id: int) -> list[int]:
        """The group's clients that have an open action."""
        return list(
            self.session.scalars(
                select(Action.client_id)
                .join(Client, Client.id == Action.client_id)
                .where(Client.group_id == group_id, Action.status == ActionStatus.OPEN.value)
                .distinct()
            )
        )

    def owners(self, client_ids: Collection[int]) -> Sequence[Member]:
        """Everyone who owns an action of these clients (a row per action)."""
        return self.session.scalars(
            select(Member)
            .join(Action, Action.owner_id == Member.id)
            .where(Action.client_id.in_(client_ids))
        ).all()

    def clients_owned_by(self, member_id: int) -> list[int]:
        """Clients the member has an open action for (a row per action)."""
        return list(
            self.session.scalars(
                select(Action.client_id).where(
                    Action.owner_id == member_id, Action.status == ActionStatus.OPEN.value
                )
            )
        )

    def for_export(self, group_id: int | None) -> list[ExportRow]:
        """Every action (not removed) of the group's clients, or of all, by case code and due
        date (one query)."""
        query = (
            select(Action, Client.case_code, Member.slack_user_id, Client.group_id,
                   Meeting.scheduled_at)
            .join(Client, Client.id == Action.client_id)
            .join(Member, Member.id == Action.owner_id)
            .outerjoin(Meeting, Meeting.id == Action.meeting_id)
            .where(Action.removed_at.is_(None))
            .order_by(Client.case_code, Action.due_on, Action.id)
        )
        if group_id is not None:
            query = query.where(Client.group_id == group_id)
        return [(a, code, owner, group, at) for a, code, owner, group, at in
                self.session.execute(query)]

    def add_progress(self, note: ActionProgress) -> None:
        self.session.add(note)

    def progress_notes(self, action_id: int) -> list[str]:
        """The action's progress notes as stored (de-identified), oldest first."""
        return list(
            self.session.scalars(
                select(ActionProgress.text)
                .where(ActionProgress.action_id == action_id)
                .order_by(ActionProgress.created_at)
            )
        )
