"""The outbox: messages written under a unique idempotency key, leased in batches, then marked
sent; and read by their keys (what was already asked, claimed or sent about a meeting)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import ARRAY, Integer, Select, any_, case, cast, func, or_, select, update
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from bot.domain import OutboxStatus
from storage.db_clock import db_now
from storage.models import OutboxMessage
from storage.repositories.base import Repository
from storage.upsert import insert_ignore

Payload = dict[str, Any]  # as bot.ports.Payload (storage may not import it)


class Claimed(NamedTuple):
    """A row leased for sending (sorts oldest first)."""

    id: int
    channel: str
    kind: str
    payload: str
    attempts: int
    key: str = ""
    # Slack may have posted an earlier attempt: look before posting again.
    outcome_unknown_at: dt.datetime | None = None
    first_tried_at: dt.datetime | None = None  # the database's clock
    reposts: int = 0


def _dump(payload: Payload) -> str:
    return json.dumps(payload, separators=(",", ":"))


PACE_SLACK = 60.0  # seconds; see paced_wait


class OutboxRepository(Repository[OutboxMessage]):
    model = OutboxMessage

    def by_key(self, key: str) -> OutboxMessage | None:
        return self.session.scalar(
            select(OutboxMessage).where(OutboxMessage.idempotency_key == key)
        )

    def delete(self, message: OutboxMessage) -> None:
        self.session.delete(message)

    def created_under(self, *prefixes: str) -> dict[str, dt.datetime]:
        """key -> when it was queued, for every key starting with one of ``prefixes``."""
        rows = self.session.execute(
            select(OutboxMessage.idempotency_key, OutboxMessage.created_at).where(
                or_(*(OutboxMessage.idempotency_key.like(f"{p}%") for p in prefixes))
            )
        )
        return {key: at for key, at in rows}

    def keys_under(self, prefix: str) -> set[str]:
        return set(
            self.session.scalars(
                select(OutboxMessage.idempotency_key).where(
                    OutboxMessage.idempotency_key.like(f"{prefix}%")
                )
            )
        )

    def channels_under(self, prefix: str) -> list[str]:
        """The channel of every message whose key starts with ``prefix`` (a row each)."""
        return list(
            self.session.scalars(
                select(OutboxMessage.channel).where(
                    OutboxMessage.idempotency_key.like(f"{prefix}%")
                )
            ).all()
        )

    def keys_and_channels_under(self, prefix: str) -> list[tuple[str, str]]:
        rows = self.session.execute(
            select(OutboxMessage.idempotency_key, OutboxMessage.channel)
            .where(OutboxMessage.idempotency_key.like(f"{prefix}%"))
            .order_by(OutboxMessage.id)
        )
        return [(key, channel) for key, channel in rows]

    def waiting_or_sent_as(self, ts_prefix: str) -> Sequence[OutboxMessage]:
        """Messages still to send, and those sent with a Slack timestamp starting ``ts_prefix``,
        soonest first."""
        return self.session.scalars(
            select(OutboxMessage)
            .where(
                or_(
                    OutboxMessage.status == OutboxStatus.PENDING.value,
                    OutboxMessage.slack_ts.like(f"{ts_prefix}%"),
                )
            )
            .order_by(OutboxMessage.not_before, OutboxMessage.id)
        ).all()

    def enqueue(
        self,
        *,
        key: str,
        kind: str,
        channel: str,
        payload: Payload,
        now: dt.datetime,
        not_before: dt.datetime | None = None,
    ) -> bool:
        """Add a message unless its key is already there; True if this call added it."""
        return self._add_once(key, kind, channel, _dump(payload), now,
                              status=OutboxStatus.PENDING.value, not_before=not_before or now)

    def mark(self, *, key: str, kind: str, channel: str, note: str, now: dt.datetime) -> bool:
        """Record ``key`` as done without sending anything; True if this call recorded it.

        Used to claim a piece of work once across processes (an agenda about to be rendered)
        and to retire a message delivered inside another (a nudge folded into a prompt).
        """
        return self._add_once(key, kind, channel, json.dumps({"note": note}), now,
                              status=OutboxStatus.SENT.value, not_before=now, sent_at=now)

    def _add_once(self, key: str, kind: str, channel: str, payload: str, now: dt.datetime,
                  **columns: Any) -> bool:
        # ON CONFLICT DO NOTHING: the idempotency key is what makes a message happen once.
        return insert_ignore(
            self.session,
            OutboxMessage,
            {"idempotency_key": key, "kind": kind, "channel": channel, "payload": payload,
             "attempts": 0, "created_at": now, **columns},
            ["idempotency_key"],
        )

    def has(self, key: str) -> bool:
        return (
            self.session.scalar(
                select(OutboxMessage.id).where(OutboxMessage.idempotency_key == key)
            )
            is not None
        )

    # --- sending: a few statements per batch, leases and pacing on the database's clock -------

    def _now(self, offset: dt.timedelta = dt.timedelta(0)) -> ColumnElement[dt.datetime]:
        return db_now(self.session.get_bind().dialect.name, offset)

    def _among(self, ids: ColumnElement[int], chosen: Select[tuple[int]]) -> ColumnElement[bool]:
        """``ids`` is one of ``chosen``'s, which is read once per statement, not per row.

        On PostgreSQL as ``= ANY(array)``: an IN subquery or a join was planned as a nested
        loop, quadratic in the rows waiting, whenever the table's statistics were stale (just
        after a thousand prompts were queued); ``= ANY`` of an array found once is looked up in
        the primary key whatever the statistics say.
        """
        if self.session.get_bind().dialect.name == "postgresql":
            found = chosen.subquery()
            # The cast makes it an array value: ANY (SELECT …) would compare row by row.
            array = cast(select(func.array_agg(found.c[0])).scalar_subquery(), ARRAY(Integer))
            return ids == any_(array)
        return ids.in_(chosen)  # SQLite reads an uncorrelated IN subquery once

    def _waiting(
        self, now: dt.datetime, keys: Sequence[str] | None
    ) -> tuple[type[OutboxMessage], Select[tuple[int]]]:
        """(row, its ids): rows due (``now``: the services' clock), free to lease and not held
        back after a failure (the database's clock), each the oldest due row of its channel (a
        channel's messages go one at a time, in the order queued); of ``keys``' channels only,
        if given."""
        row, first = aliased(OutboxMessage), aliased(OutboxMessage)
        heads = (
            select(func.min(first.id))
            .where(first.status == OutboxStatus.PENDING.value, first.not_before <= now)
            .group_by(first.channel)
        )
        db_now_ = self._now()
        waiting = select(row.id).where(
            self._among(row.id, heads),
            row.status == OutboxStatus.PENDING.value,  # again: a locked row is re-read
            or_(row.claimed_until.is_(None), row.claimed_until < db_now_),
            or_(row.retry_at.is_(None), row.retry_at <= db_now_),
        )
        if keys is not None:
            # What is due in those keys' channels: what was queued before them goes first.
            # All of it, not just up to the keys: if another sender holds the head of a channel
            # now, the keys wait for it, and it sends them next, whatever it was asked for.
            mine = aliased(OutboxMessage)
            waiting = waiting.where(
                row.channel.in_(select(mine.channel).where(mine.idempotency_key.in_(keys)))
            )
        return row, waiting

    def _recent_posts(self, gap: float) -> Select[tuple[str, dt.datetime]]:
        """Channels that had a message from us less than ``gap`` seconds ago, and when.

        A member's DMs (addressed by their U…/W… ID) are not spaced, only kept in order: a
        person gets a few at a time at most (a prompt, a reply to what they just did), which
        Slack takes, and a reply held back a second would make Casebot feel slow.
        """
        post = aliased(OutboxMessage)
        return (
            select(post.channel, func.max(post.sent_at).label("last"))
            .where(
                post.sent_at > self._now(-dt.timedelta(seconds=gap)),
                post.status == OutboxStatus.SENT.value,
                post.slack_ts.is_not(None),  # rows marked done without a post do not count
                ~post.channel.startswith("U"),
                ~post.channel.startswith("W"),
            )
            .group_by(post.channel)
        )

    def claim(
        self,
        *,
        now: dt.datetime,
        token: str,
        limit: int,
        lease: dt.timedelta,
        gap: float = 0.0,
        keys: Sequence[str] | None = None,
    ) -> list[Claimed]:
        """Lease up to ``limit`` due rows to ``token``, at most one per channel (or member's DM)
        and none to a channel that had a post less than ``gap`` seconds ago, in one statement;
        oldest first.

        A row whose previous lease ran out unsettled (its sender vanished mid-send) is marked
        ``outcome_unknown_at``: Slack may have posted it.
        """
        row = OutboxMessage
        candidate, chosen = self._waiting(now, keys)
        if gap > 0:
            recent = self._recent_posts(gap).subquery()
            chosen = chosen.where(candidate.channel.not_in(select(recent.c.channel)))
        chosen = chosen.order_by(candidate.id).limit(limit)
        if self.session.get_bind().dialect.name == "postgresql":
            # Rows another sender is claiming right now are skipped, not waited for. The choice
            # is made once, in a materialised CTE: as a plain IN subquery PostgreSQL may run it
            # again for each row, and each run skips the rows the last one locked, so the LIMIT
            # would not hold.
            chosen = chosen.with_for_update(skip_locked=True, of=candidate)
            picked = chosen.cte("picked").prefix_with("MATERIALIZED")
        else:
            picked = chosen.cte("picked")
        db_now_ = self._now()
        claimed = self.session.execute(
            update(row)
            .where(
                self._among(row.id, select(picked.c.id)),
                # Checked again on the row itself: PostgreSQL re-reads a row another sender
                # changed while this statement waited, and this must then leave it.
                row.status == OutboxStatus.PENDING.value,
                or_(row.claimed_until.is_(None), row.claimed_until < db_now_),
            )
            .values(
                claimed_until=self._now(lease),
                claim_token=token,
                attempts=row.attempts + 1,
                outcome_unknown_at=case(
                    (row.claim_token.is_not(None), db_now_), else_=row.outcome_unknown_at
                ),
                first_tried_at=func.coalesce(row.first_tried_at, db_now_),
            )
            .returning(row.id, row.channel, row.kind, row.payload, row.attempts,
                       row.idempotency_key, row.outcome_unknown_at, row.first_tried_at,
                       row.reposts)
            .execution_options(synchronize_session=False)
        ).all()
        return sorted(Claimed(*found) for found in claimed)

    def paced_wait(
        self, *, now: dt.datetime, gap: float, keys: Sequence[str] | None = None
    ) -> float | None:
        """Seconds until the first row that waits only for its channel's pace (``gap`` seconds
        after its last post) may go (0: it may go now); None if none does."""
        if gap <= 0:
            return None
        row, waiting = self._waiting(now, keys)
        # Posts from a little further back than ``gap``: a pace that ran out between the claim
        # that skipped its row and this statement is 0 s to wait, not "nothing waiting".
        recent = self._recent_posts(gap + PACE_SLACK).subquery()
        found = self.session.execute(
            waiting.join(recent, recent.c.channel == row.channel)
            .with_only_columns(func.min(recent.c.last), self._now())
        ).one()
        if found[0] is None:
            return None
        return max(0.0, (found[0] - found[1]).total_seconds() + gap)

    def mark_sent(self, token: str, posted: Mapping[int, tuple[str, str]]) -> set[int]:
        """Mark rows sent where Slack put them (id -> (channel, ts)), in one statement; the ids
        marked (a row whose lease ``token`` lost is left alone)."""
        if not posted:
            return set()
        row = OutboxMessage
        ids = list(posted)
        marked = self.session.execute(
            update(row)
            .where(row.id.in_(ids), row.claim_token == token)
            .values(
                status=OutboxStatus.SENT.value,
                sent_at=self._now(),
                slack_channel=case({i: posted[i][0] for i in ids}, value=row.id),
                slack_ts=case({i: posted[i][1] for i in ids}, value=row.id),
                claimed_until=None,
                retry_at=None,
                last_error=None,
            )
            .returning(row.id)
            .execution_options(synchronize_session=False)
        ).scalars()
        return set(marked)

    def release(self, token: str, ids: Sequence[int], *, hold: float | None = None) -> None:
        """Give back leased rows that were not tried (their attempt is not counted), for
        anyone to take at once or, with ``hold``, that many seconds from now (database clock).
        """
        if not ids:
            return
        row = OutboxMessage
        values: dict[str, Any] = {
            "claimed_until": None, "claim_token": None, "attempts": row.attempts - 1,
        }
        if hold is not None:
            values["retry_at"] = self._now(dt.timedelta(seconds=hold))
        self.session.execute(
            update(row)
            .where(row.id.in_(ids), row.claim_token == token)
            .values(**values)
            .execution_options(synchronize_session=False)
        )

    def count_reposts(self, token: str, ids: Sequence[int]) -> None:
        """Record that these rows were posted again after an unknown outcome."""
        if not ids:
            return
        row = OutboxMessage
        self.session.execute(
            update(row)
            .where(row.id.in_(ids), row.claim_token == token)
            .values(reposts=row.reposts + 1)
            .execution_options(synchronize_session=False)
        )

    def record_failure(
        self,
        row_id: int,
        *,
        token: str,
        error: str,
        retry_in: float | None,
        unknown: bool = False,
    ) -> bool:
        """Settle a failed attempt: hold the row ``retry_in`` seconds (database clock), or give
        up on it (None). ``unknown``: Slack may have posted it. False if ``token`` lost it."""
        row = OutboxMessage
        values: dict[str, Any] = {
            "last_error": error[:500], "claimed_until": None, "claim_token": None,
        }
        if retry_in is None:
            values["status"] = OutboxStatus.FAILED.value
        else:
            values["retry_at"] = self._now(dt.timedelta(seconds=retry_in))
        if unknown:
            values["outcome_unknown_at"] = self._now()
        settled = self.session.execute(
            update(row)
            .where(row.id == row_id, row.claim_token == token)
            .values(**values)
            .returning(row.id)
            .execution_options(synchronize_session=False)
        ).first()
        return settled is not None

    def sent_to(self, *, user_id: str, slack_channel: str, ts: str) -> OutboxMessage | None:
        """The message sent to ``user_id`` that landed at (slack_channel, ts)."""
        return self.session.scalar(
            select(OutboxMessage).where(
                OutboxMessage.slack_channel == slack_channel,
                OutboxMessage.slack_ts == ts,
                OutboxMessage.channel == user_id,
                OutboxMessage.status == OutboxStatus.SENT.value,
            )
        )

    def sent_under(self, *, key: str, user_id: str) -> OutboxMessage | None:
        """The message sent under ``key``, if it went to ``user_id``."""
        return self.session.scalar(
            select(OutboxMessage).where(
                OutboxMessage.idempotency_key == key,
                OutboxMessage.channel == user_id,
                OutboxMessage.status == OutboxStatus.SENT.value,
            )
        )

    def revise(self, key: str, payload: Payload) -> None:
        """Store what a sent message shows now."""
        self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.idempotency_key == key)
            .values(payload=_dump(payload))
        )

    def withdraw_pending(self, *, channel: str, prefixes: Sequence[str], note: str) -> int:
        """Stop messages not yet sent to ``channel`` or under ``prefixes`` (marked failed with
        ``note``, so the record says why); returns how many."""
        matches = [OutboxMessage.channel == channel,
                   *(OutboxMessage.idempotency_key.like(f"{p}%") for p in prefixes)]
        result = self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == OutboxStatus.PENDING.value, or_(*matches))
            .values(status=OutboxStatus.FAILED.value, last_error=note[:500])
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
