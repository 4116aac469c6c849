""""Not identifying": the author of a draft restores a word the de-identifier replaced.

The draft is de-identified again with the word kept, unless the word is, holds or nearly spells
a registered client's detail (then nothing changes). What happens beyond the draft is the
group's ``restore_policy``: ``at_once`` adds the word to the group's allow-list, ``confirm`` asks
the group's facilitators by DM (the first answer counts), ``off`` keeps it to the draft.

Every restore, refusal, request, allow and decline is audited with the draft, group, actor and
decision, never the word: the audit log is read by people who may not see the author's words.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from bot.domain import (
    RESTORE_POLICIES,
    InvalidInput,
    NotAuthorised,
    NotFound,
    RestoreChoices,
    Restored,
    Role,
    TermDecision,
    TermQuestion,
)
from bot.ports import Clock, Renderer
from bot.services import drafts, privacy
from bot.services.directory import find_asker, find_group
from storage.models import Client, Draft, Group, TermRequest
from storage.uow import UnitOfWork

REGISTER_WORD = "That word is part of a registered client's details, so it stays hidden."
STALE = "That list is out of date (the draft changed). Press *Not identifying* again."
TERM = "term-request"
TERM_MAX = 120  # the longest allow-list term; a longer phrase is restored in its draft only


def version(draft: Draft) -> str:
    """Names the draft's current de-identified text (not secret: it is the shown text)."""
    return hashlib.sha256(f"{draft.id}:{draft.text}".encode()).hexdigest()[:16]


def _open(uow: UnitOfWork, user_id: str, draft_id: int,
          now: dt.datetime) -> tuple[Draft, Client, list[str], privacy.DraftWords]:
    """One of the caller's drafts, its client, the words kept so far, and its words."""
    draft = drafts.own_draft(uow, user_id, draft_id, now)
    client = uow.clients.get(draft.client_id)
    assert client is not None and draft.sealed_raw is not None
    raw = uow.secrets.open_text(client, draft.sealed_raw, purpose=drafts.PURPOSE)
    keep = drafts.kept_words(uow, client, draft)
    return draft, client, keep, privacy.DraftWords(uow, raw, client.group_id, keep)


def choices(*, uow: UnitOfWork, clock: Clock, user_id: str, draft_id: int) -> RestoreChoices:
    """The replaced words of one of the caller's drafts that they may restore."""
    with uow:
        draft, client, _, words = _open(uow, user_id, draft_id, clock.now())
        return RestoreChoices(draft.id, client.case_code, words.words, version(draft))


def _audit(uow: UnitOfWork, now: dt.datetime, actor: str, action: str, client: Client | None,
           group: Group, detail: str) -> None:
    uow.audit.add(at=now, actor=actor, action=action, client=client,
                  detail=f"group {group.name}: {detail}")


def restore(
    *, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str, draft_id: int,
    index: int, shown: str,
) -> Restored:
    """Restore the ``index``-th word of the list ``shown`` (a :func:`version`) in the draft."""
    now = clock.now()
    with uow:
        draft, client, keep, words = _open(uow, user_id, draft_id, now)
        if shown != version(draft) or not 0 <= index < len(words.words):
            raise InvalidInput(STALE, field="word")
        word = words.words[index]
        assert client.group_id is not None
        group = uow.groups.get(client.group_id)
        assert group is not None
        if words.register_detail(word):
            _audit(uow, now, user_id, "restore_refused", client, group,
                   f"draft {draft.id}: a word quoting the register stays hidden")
            uow.commit()
            raise InvalidInput(REGISTER_WORD, field="word")
        keep = [*keep, word]
        drafts.keep_word(uow, client, draft, keep)
        preview = drafts.reshow(uow, now, draft, client, words.redact(keep))
        _audit(uow, now, user_id, "word_restored", client, group,
               f"draft {draft.id}: a word restored ({group.restore_policy})")
        outcome, keys = "draft", ()
        if len(word) > TERM_MAX:
            pass  # too long for the group's list: this draft only, whatever the policy
        elif group.restore_policy == "at_once":
            if word not in uow.groups.terms(group.id):
                uow.groups.allow_term(group.id, word)
            _audit(uow, now, user_id, "term_allowed", client, group,
                   f"draft {draft.id}: the word joined the allow-list at once")
            outcome = "allowed"
        elif group.restore_policy == "confirm":
            keys = _ask(uow, now, renderer, group, client, draft, user_id, word)
            outcome = "asked" if keys else "draft"
        uow.commit()
    return Restored(preview, outcome, group.name, keys)


def _ask(uow: UnitOfWork, now: dt.datetime, renderer: Renderer, group: Group, client: Client,
         draft: Draft, user_id: str, word: str) -> tuple[str, ...]:
    """Queue the question to each of the group's facilitators; their DMs' outbox keys."""
    facilitators = uow.memberships.members_with_role(group.id, Role.FACILITATOR)
    if not facilitators:
        return ()
    author = find_asker(uow, user_id)
    request = TermRequest(group_id=group.id, client_id=client.id, author_id=author.id,
                          draft_id=draft.id, status="pending", created_at=now,
                          sealed_term=uow.secrets.seal_text(client, word, purpose=TERM))
    uow.term_requests.add(request)
    uow.flush()
    question = TermQuestion(request.id, group.name, user_id, client.case_code, word)
    keys = []
    for member in facilitators:
        key = f"{TERM}:{request.id}:{member.slack_user_id}"
        uow.outbox.enqueue(key=key, kind=TERM, channel=member.slack_user_id,
                           payload=renderer.term_request(question), now=now)
        keys.append(key)
    _audit(uow, now, user_id, "term_requested", client, group,
           f"draft {draft.id}: request {request.id} sent to {len(keys)} facilitator(s)")
    return tuple(keys)


def decide(*, uow: UnitOfWork, clock: Clock, user_id: str, request_id: int,
           allow: bool) -> TermDecision:
    """A facilitator allows (or declines) a requested word; the first answer counts."""
    now = clock.now()
    with uow:
        member = find_asker(uow, user_id)
        request = uow.term_requests.get(request_id)
        group = uow.groups.get(request.group_id) if request is not None else None
        if request is None or group is None:
            raise NotFound("I can't find that request; nothing was changed.")
        roles = uow.memberships.roles_in(member.id, group.id)
        if Role.FACILITATOR not in roles:
            raise NotAuthorised(f"Only {group.name}'s facilitators can allow words for it.")
        copies = tuple(uow.outbox.keys_and_channels_under(f"{TERM}:{request.id}:"))
        client = uow.clients.get(request.client_id)
        if request.status != "pending":
            decider = uow.members.get(request.decided_by_id) if request.decided_by_id else None
            allowed = request.status == "allowed"
            word = _word(uow, client, request) if allowed else None
            return TermDecision(request.id, group.name, allowed,
                                decider.slack_user_id if decider else None, word,
                                already=True, copies=copies)
        word = _word(uow, client, request)
        if word is None:
            raise NotFound("That client's details were purged, so the request is void.")
        about = f"draft {request.draft_id}, request {request.id}"
        if allow and privacy.register_detail(uow, word):
            _audit(uow, now, user_id, "term_refused", client, group,
                   f"{about}: the word now quotes the register; declined")
            allow = False
        request.status = "allowed" if allow else "declined"
        request.decided_by_id, request.decided_at = member.id, now
        if allow:
            if word not in uow.groups.terms(group.id):
                uow.groups.allow_term(group.id, word)
            _audit(uow, now, user_id, "term_allowed", client, group,
                   f"{about}: allowed for the group")
        else:
            _audit(uow, now, user_id, "term_declined", client, group, f"{about}: not allowed")
        uow.commit()
        return TermDecision(request.id, group.name, allow, user_id, word if allow else None,
                            copies=copies)


def _word(uow: UnitOfWork, client: Client | None, request: TermRequest) -> str | None:
    if client is None or client.purged_at is not None:
        return None
    return uow.secrets.open_text(client, request.sealed_term, purpose=TERM)


def set_policy(*, uow: UnitOfWork, clock: Clock, group: str, policy: str, actor: str) -> str:
    """Set what a restored word does for the group: ``confirm``, ``at_once`` or ``off``."""
    value = policy.strip().lower().replace("-", "_")
    if value not in RESTORE_POLICIES:
        raise InvalidInput(
            f"{policy!r} is not a setting for restored words; use confirm (a facilitator "
            "allows each word), at_once (the word joins the allow-list) or off (that draft only)"
        )
    with uow:
        found = find_group(uow, group)
        before, found.restore_policy = found.restore_policy, value
        uow.audit.add(at=clock.now(), actor=actor, action="group_restore_policy",
                      detail=f"{found.name}: {before} -> {value}")
        uow.commit()
        return found.name
