"""Nothing an author writes is accepted unseen: updates and actions from a DM or a form become
drafts, shown de-identified with the replaced places marked. The author confirms, edits, or
names more words to hide (which join the client's encrypted aliases for next time).

A draft's own words are sealed with the client's data key and expire after a day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bot.deidentify import Redaction
from bot.domain import DraftView, InvalidInput, MeetingRef, NotFound, UpdateReceipt
from bot.ports import Clock, Renderer
from bot.services import actions, meetings, privacy, roster, updates
from bot.services.directory import find_asker
from bot.validation import clean_text
from storage.models import Client, Draft, Member
from storage.uow import UnitOfWork

LIFETIME = dt.timedelta(hours=24)
MAX_WORDS = 10
PURPOSE = "draft"
KEEP = "draft-keep"


def _show(
    draft: Draft, redaction: Redaction, code: str, meeting: MeetingRef | None, owner: str | None,
    today: dt.date | None = None,
) -> DraftView:
    return DraftView(
        draft_id=draft.id, kind=draft.kind, case_code=code, text=draft.text,
        replaced=privacy.replaced_kinds(redaction), spans=tuple(redaction.spans),
        meeting=meeting, owner=owner, due_on=draft.due_on, editing=draft.update_id is not None,
        today=today, restorable=privacy.restorable(redaction.text, redaction.spans),
    )


def _new(
    uow: UnitOfWork,
    now: dt.datetime,
    *,
    kind: str,
    author: Member,
    client: Client,
    raw: str,
    redaction: Redaction,
    replaces: int | None,
    **fields: object,
) -> Draft:
    if replaces is not None:
        uow.drafts.delete_own(replaces, author.id)
    draft = Draft(
        kind=kind, author_id=author.id, client_id=client.id, text=redaction.text,
        sealed_raw=uow.secrets.seal_text(client, raw, purpose=PURPOSE),
        created_at=now, expires_at=now + LIFETIME, **fields,
    )
    uow.drafts.add(draft)
    uow.flush()
    return draft


def draft_update(
    *, uow: UnitOfWork, clock: Clock, user_id: str, case_code: str, text: str,
    update_id: int | None = None, replaces: int | None = None,
) -> DraftView:
    """Check and de-identify an update, and keep it as a draft for its author to confirm."""
    now = clock.now()
    with uow:
        preview = stage_update(uow, now, user_id=user_id, case_code=case_code, text=text,
                               update_id=update_id, replaces=replaces)
        uow.commit()
    return preview


def stage_update(
    uow: UnitOfWork, now: dt.datetime, *, user_id: str, case_code: str, text: str,
    update_id: int | None = None, replaces: int | None = None,
) -> DraftView:
    """:func:`draft_update` inside the caller's unit of work (which commits it). Every check
    comes before the draft is written, so a refusal writes nothing."""
    if replaces is not None and update_id is None:
        # Editing a draft that was itself an edit: keep editing the same update.
        earlier = uow.drafts.get(replaces)
        update_id = earlier.update_id if earlier is not None else None
    checked = updates.plan(uow, now, user_id=user_id, case_code=case_code, text=text,
                           update_id=update_id)
    redaction = privacy.redact(uow, checked.text, checked.group.id)
    draft = _new(uow, now, kind="update", author=checked.member, client=checked.client,
                 raw=checked.text, redaction=redaction, replaces=replaces,
                 update_id=update_id)
    return _show(draft, redaction, checked.client.case_code,
                 meetings.ref(checked.group, checked.meeting), None)


def preview_key(draft_id: int, created_at: dt.datetime) -> str:
    """The outbox key of the DM that shows a draft: its buttons edit that message only.

    With the draft's creation time: SQLite hands a deleted draft's id to the next one."""
    return f"draft:{draft_id}:{created_at.astimezone(dt.UTC):%Y%m%dT%H%M%S%f}"


def shown_at(*, uow: UnitOfWork, clock: Clock, user_id: str, draft_id: int) -> str:
    """The outbox key of the DM showing one of the caller's drafts (checks it is theirs)."""
    with uow:
        draft = _own_draft(uow, user_id, draft_id, clock.now())
        return preview_key(draft.id, draft.created_at)


def draft_action(
    *, uow: UnitOfWork, clock: Clock, user_id: str, case_code: str, owner_id: str, text: str,
    due_on: dt.date | None, replaces: int | None = None,
) -> DraftView:
    """Check and de-identify an action, and keep it as a draft for its author to confirm."""
    now = clock.now()
    with uow:
        checked = actions.plan(uow, now, user_id=user_id, case_code=case_code,
                               owner_id=owner_id, text=text, due_on=due_on,
                               parse_due=False)
        redaction = privacy.redact(uow, checked.text, checked.group.id)
        draft = _new(uow, now, kind="action", author=checked.recorder, client=checked.client,
                     raw=checked.text, redaction=redaction, replaces=replaces,
                     owner_id=checked.owner.id, due_on=checked.due_on)
        meeting = meetings.ref(checked.group, checked.upcoming) if checked.upcoming else None
        preview = _show(draft, redaction, checked.client.case_code, meeting,
                        checked.owner.slack_user_id, checked.today)
        uow.commit()
    return preview


def kept_words(uow: UnitOfWork, client: Client, draft: Draft) -> list[str]:
    """The words the author marked "not identifying" in this draft."""
    if draft.sealed_keep is None:
        return []
    return [w for w in uow.secrets.open_text(client, draft.sealed_keep, purpose=KEEP).split("\n")
            if w]


def keep_word(uow: UnitOfWork, client: Client, draft: Draft, words: list[str]) -> None:
    draft.sealed_keep = (
        uow.secrets.seal_text(client, "\n".join(words), purpose=KEEP) if words else None
    )


def reshow(uow: UnitOfWork, now: dt.datetime, draft: Draft, client: Client,
           redaction: Redaction) -> DraftView:
    """The draft's preview after its text was de-identified again (``redaction``)."""
    draft.text = redaction.text
    uow.flush()
    owner = uow.members.get(draft.owner_id) if draft.owner_id else None
    group = uow.groups.get(client.group_id) if client.group_id else None
    today = roster.local_today(now, group.tz) if group else None
    return _show(draft, redaction, client.case_code, None,
                 owner.slack_user_id if owner else None, today)


def own_draft(uow: UnitOfWork, user_id: str, draft_id: int, now: dt.datetime) -> Draft:
    """One of the caller's drafts, still open (a kind refusal otherwise)."""
    return _own_draft(uow, user_id, draft_id, now)


def _own_draft(uow: UnitOfWork, user_id: str, draft_id: int, now: dt.datetime) -> Draft:
    member = find_asker(uow, user_id)
    draft = uow.drafts.get(draft_id)
    if draft is None or draft.author_id != member.id or draft.expires_at <= now:
        raise NotFound(
            "That draft has expired or was replaced. Please send the update or action again."
        )
    return draft


def parse_words(text: str) -> list[str]:
    """ "Bronny, 17 Banksia" → ["Bronny", "17 Banksia"] (commas or new lines between)."""
    words = [" ".join(w.split()) for w in re.split(r"[,\n]", clean_text(text or ""))]
    words = [w for w in words if w]
    if not words:
        raise InvalidInput("Type the words to hide, separated by commas.")
    if len(words) > MAX_WORDS or any(len(w) < 2 or len(w) > 60 for w in words):
        raise InvalidInput(f"Give up to {MAX_WORDS} words or phrases of 2 to 60 characters.")
    return words


def hide_more(*, uow: UnitOfWork, clock: Clock, user_id: str, draft_id: int,
              words: str) -> DraftView:
    """Add words to the client's (encrypted) aliases and de-identify the draft again."""
    extra = parse_words(words)
    now = clock.now()
    with uow:
        draft = _own_draft(uow, user_id, draft_id, now)
        client = uow.clients.get(draft.client_id)
        assert client is not None and draft.sealed_raw is not None
        identity = uow.secrets.read_identity(client)
        known = {a.lower() for a in identity.aliases}
        added = tuple(w for w in extra if w.lower() not in known)
        if added:
            grown = replace(identity, aliases=identity.aliases + added)
            uow.secrets.store_identity(client, grown)
            uow.audit.add(
                at=now,
                actor=user_id,
                action="aliases_added",
                client=client,
                detail=f"{len(added)} word(s) marked identifying in a preview",
            )
        raw = uow.secrets.open_text(client, draft.sealed_raw, purpose=PURPOSE)
        # A word restored earlier and now named to hide is hidden: the later wish wins.
        hidden = {w.lower() for w in extra}
        keep = [w for w in kept_words(uow, client, draft) if w.lower() not in hidden]
        keep_word(uow, client, draft, keep)
        redaction = privacy.redact(uow, raw, client.group_id, keep=keep)
        preview = reshow(uow, now, draft, client, redaction)
        uow.commit()
    return preview


def confirm(
    *, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str, draft_id: int,
    source: str,
) -> UpdateReceipt | actions.Recorded:
    """Accept a draft: the update or action is saved (checked again) and the draft deleted."""
    now = clock.now()
    with uow:
        draft = _own_draft(uow, user_id, draft_id, now)
        client = uow.clients.get(draft.client_id)
        assert client is not None and draft.sealed_raw is not None
        raw = uow.secrets.open_text(client, draft.sealed_raw, purpose=PURPOSE)
        keep = kept_words(uow, client, draft)
        result: UpdateReceipt | actions.Recorded
        if draft.kind == "update":
            checked = updates.plan(uow, now, user_id=user_id, case_code=client.case_code,
                                   text=raw, update_id=draft.update_id)
            result = updates.store(uow, renderer, checked, source=source, now=now, keep=keep)
        else:
            owner = uow.members.get(draft.owner_id)
            assert owner is not None
            planned = actions.plan(uow, now, user_id=user_id, case_code=client.case_code,
                                   owner_id=owner.slack_user_id, text=raw, due_on=draft.due_on,
                                   parse_due=False)
            result = actions.store(uow, renderer, planned, now, keep=keep)
        uow.drafts.delete(draft)
        uow.commit()
    return result


def draft_for_editing(*, uow: UnitOfWork, clock: Clock, user_id: str, draft_id: int) -> DraftView:
    """The draft as shown (de-identified), to prefill the form when its author edits it."""
    now = clock.now()
    with uow:
        draft = _own_draft(uow, user_id, draft_id, now)
        client = uow.clients.get(draft.client_id)
        assert client is not None
        owner = uow.members.get(draft.owner_id) if draft.owner_id else None
        return DraftView(draft.id, draft.kind, client.case_code, draft.text, (), (), None,
                       owner.slack_user_id if owner else None, draft.due_on,
                       draft.update_id is not None)


def forget_expired(*, uow: UnitOfWork, clock: Clock) -> int:
    with uow:
        gone = uow.drafts.delete_expired(clock.now())
        uow.commit()
        return gone
