"""Drafts: the author sees the de-identified text first, then confirms, edits or hides more."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from bot.domain import NotFound
from bot.services import drafts
from storage.models import Action, AuditLog, Draft, Update
from tests.services.conftest import BRISBANE_WORKER, FACILITATOR, SYDNEY_WORKER


def draft(w, text: str, user: str = SYDNEY_WORKER, code: str = "U1R-014", **kw):
    return drafts.draft_update(
        uow=w.ctx.uow(), clock=w.ctx.clock, user_id=user, case_code=code, text=text, **kw
    )


def confirm(w, preview, user: str = SYDNEY_WORKER):
    return drafts.confirm(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        renderer=w.ctx.renderer,
        user_id=user,
        draft_id=preview.draft_id,
        source="dm",
    )


def count(w, model) -> int:
    with w.ctx.uow() as uow:
        return uow.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_nothing_is_saved_until_the_author_confirms(world):
    w = world()
    w.at("2026-11-28T10:00+10:00")
    shown = draft(w, "Jane Quokkafield got the keys, call 0412 345 678")
    assert shown.text == "U1R-014 got the keys, call [phone]"
    assert {shown.text[s:e] for s, e, _ in shown.spans} == {"U1R-014", "[phone]"}
    assert set(shown.replaced) == {"name", "phone"}
    assert count(w, Update) == 0 and count(w, Draft) == 1
    receipt = confirm(w, shown)
    assert receipt.update.text == shown.text
    assert count(w, Update) == 1 and count(w, Draft) == 0
    with pytest.raises(NotFound, match="expired or was replaced"):
        confirm(w, shown)


def test_only_the_author_confirms_and_drafts_expire(world):
    w = world()
    w.at("2026-11-28T10:00+10:00")
    shown = draft(w, "keys collected", user=BRISBANE_WORKER, code="U1R-015")
    with pytest.raises(NotFound):
        confirm(w, shown, user=FACILITATOR)
    w.ctx.clock.advance(drafts.LIFETIME)
    with pytest.raises(NotFound):
        confirm(w, shown, user=BRISBANE_WORKER)
    w.tick()
    assert count(w, Draft) == 0


def test_hiding_more_words_joins_the_clients_aliases(world):
    w = world()
    w.at("2026-11-28T10:00+10:00")
    shown = draft(w, "Moved in at the Wattle flats, near the creek")
    assert "Wattle flats" in shown.text
    again = drafts.hide_more(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        user_id=SYDNEY_WORKER,
        draft_id=shown.draft_id,
        words="Wattle flats",
    )
    assert "Wattle" not in again.text and "U1R-014" in again.text
    assert any(again.text[s:e] == "U1R-014" for s, e, _ in again.spans)
    with w.ctx.uow() as uow:
        client = uow.clients.by_code("U1R-014")
        aliases = uow.vault.read_identity(uow.session, client).aliases
        entry = uow.session.scalar(sa.select(AuditLog).where(AuditLog.action == "aliases_added"))
        assert aliases[-1] == "Wattle flats"
        assert "Wattle" not in (entry.detail or "") and entry.case_code == "U1R-014"
    later = draft(w, "Back at the Wattle flats today")
    assert "Wattle" not in later.text, "hidden from now on"


def test_editing_a_draft_replaces_it_and_keeps_editing_the_same_update(world):
    w = world()
    w.at("2026-11-28T10:00+10:00")
    first = confirm(w, draft(w, "first version"))
    shown = draft(w, "second version", update_id=first.update.id)
    again = draft(w, "third version", replaces=shown.draft_id)
    assert count(w, Draft) == 1
    receipt = confirm(w, again)
    assert receipt.edited and receipt.update.id == first.update.id
    assert count(w, Update) == 1


def test_action_drafts(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    shown = drafts.draft_action(
        uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FACILITATOR, case_code="U1R-014",
        owner_id=SYDNEY_WORKER, text="ask Jane Quokkafield about the bond",
        due_on=dt.date(2026, 12, 4),
    )
    assert shown.text == "ask U1R-014 about the bond" and shown.owner == SYDNEY_WORKER
    assert count(w, Action) == 0
    recorded = confirm(w, shown, user=FACILITATOR)
    assert recorded.result.action.due_on == dt.date(2026, 12, 4)
    assert count(w, Action) == 1
