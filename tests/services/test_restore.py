"""'Not identifying': the author of a draft restores a word the de-identifier replaced; the
group's policy says whether the word joins its allow-list, and everything is audited."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.domain import InvalidInput, NotAuthorised, NotFound
from bot.services import drafts, restore
from storage.models import AuditLog, GroupTerm, OutboxMessage, TermRequest
from tests.services.conftest import BRISBANE_WORKER, FACILITATOR, SYDNEY_WORKER

WORDS = "Went to Sunny Days with the kids, keys collected"


def draft(w, text: str = WORDS, user: str = SYDNEY_WORKER, code: str = "U1R-014"):
    return drafts.draft_update(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=user,
                               case_code=code, text=text)


def choices(w, preview, user: str = SYDNEY_WORKER):
    return restore.choices(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=user,
                           draft_id=preview.draft_id)


def pick(w, preview, word: str, user: str = SYDNEY_WORKER):
    listed = choices(w, preview, user)
    return restore.restore(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                           user_id=user, draft_id=preview.draft_id,
                           index=listed.words.index(word), shown=listed.version)


def decide(w, request_id: int, user: str = FACILITATOR, allow: bool = True):
    return restore.decide(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=user,
                          request_id=request_id, allow=allow)


def rows(w, model):
    with w.ctx.uow() as uow:
        found = list(uow.session.scalars(sa.select(model)).all())
        uow.session.expunge_all()  # read as they are now, after the session closes
        return found


def terms(w) -> set[str]:
    return {t.term for t in rows(w, GroupTerm)}


def audit_text(w) -> str:
    return repr([(a.action, a.detail, a.reason) for a in rows(w, AuditLog)])


@pytest.fixture
def w(world):
    made = world()
    made.at("2026-11-28T10:00+10:00")
    return made


def test_a_restored_word_is_shown_again_and_the_facilitator_is_asked(w):
    shown = draft(w, "Jane Quokkafield went to Sunny Days, call 07 3555 0100")
    assert "Sunny Days" not in shown.text and shown.restorable
    listed = choices(w, shown)
    # The client's case code is not offered; the author's words are (a service's phone, too).
    assert listed.words == ("Sunny Days", "07 3555 0100")
    done = pick(w, shown, "Sunny Days")
    assert done.preview.text == "U1R-014 went to Sunny Days, call [phone]"
    assert choices(w, shown).words == ("07 3555 0100",)
    assert done.outcome == "asked" and len(done.outbox_keys) == 1
    asked = [obj for kind, obj in w.renderer.rendered if kind == "term-request"]
    assert [(q.word, q.case_code, q.author) for q in asked] == [("Sunny Days", "U1R-014",
                                                                SYDNEY_WORKER)]
    assert [m.channel for m in rows(w, OutboxMessage) if m.kind == "term-request"] == [FACILITATOR]
    assert "Sunny Days" not in terms(w)  # not until a facilitator allows it
    # Confirming saves the update as its author last saw it.
    receipt = drafts.confirm(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                             user_id=SYDNEY_WORKER, draft_id=shown.draft_id, source="dm")
    assert receipt.update.text == done.preview.text
    # The request and the audit log never hold the word in the clear.
    (request,) = rows(w, TermRequest)
    assert b"Sunny" not in request.sealed_term and request.status == "pending"
    assert "Sunny" not in audit_text(w)
    assert {"word_restored", "term_requested"} <= {a.action for a in rows(w, AuditLog)}


def test_allow_adds_the_word_once_and_a_second_answer_is_told_it_was_decided(w):
    shown = draft(w)
    pick(w, shown, "Sunny Days")
    (request,) = rows(w, TermRequest)
    with pytest.raises(NotAuthorised, match="facilitators"):
        decide(w, request.id, user=BRISBANE_WORKER)
    first = decide(w, request.id)
    assert first.allowed and not first.already and first.word == "Sunny Days"
    assert "Sunny Days" in terms(w)
    again = decide(w, request.id, allow=False)
    assert again.already and again.allowed and again.by == FACILITATOR
    assert "Sunny Days" in terms(w)
    # From now on the group's updates keep it.
    assert "Sunny Days" in draft(w, "Back at Sunny Days on Friday").text
    assert "Sunny" not in audit_text(w)
    # Each step names the draft, the group, who and what was decided.
    steps = sorted((a for a in rows(w, AuditLog) if a.action.startswith(("word_", "term_"))),
                   key=lambda a: a.id)
    assert [(a.action, a.actor) for a in steps] == [
        ("word_restored", SYDNEY_WORKER), ("term_requested", SYDNEY_WORKER),
        ("term_allowed", FACILITATOR),
    ]
    assert all(f"draft {shown.draft_id}" in a.detail and "Under 1 Roof" in a.detail
               and a.case_code == "U1R-014" for a in steps)


def test_dont_allow_leaves_the_list_as_it_was(w):
    pick(w, draft(w), "Sunny Days")
    (request,) = rows(w, TermRequest)
    answer = decide(w, request.id, allow=False)
    assert not answer.allowed and answer.word is None
    assert "Sunny Days" not in terms(w)
    assert rows(w, TermRequest)[0].status == "declined"
    assert "term_declined" in {a.action for a in rows(w, AuditLog)}
    assert "Sunny Days" not in draft(w, "Back at Sunny Days on Friday").text


def test_at_once_adds_the_word_and_off_keeps_it_to_the_draft(w):
    w.cli.ok("group", "restored-words", "--group", "Under 1 Roof", "at_once")
    done = pick(w, draft(w), "Sunny Days")
    assert done.outcome == "allowed" and done.outbox_keys == ()
    assert "Sunny Days" in terms(w) and rows(w, TermRequest) == []
    assert "Sunny Days" in draft(w, "Back at Sunny Days on Friday").text

    w.cli.ok("group", "restored-words", "--group", "Under 1 Roof", "off")
    text = "Lunch at Wattlebrook Grove with Kalinda"
    shown = draft(w, text)
    word = choices(w, shown).words[0]
    done = pick(w, shown, word)
    assert done.outcome == "draft" and word in done.preview.text
    assert word not in terms(w) and rows(w, TermRequest) == []
    assert word not in draft(w, text).text  # the next draft hides it again


def test_a_word_of_the_register_is_refused_and_nothing_changes(w):
    # "Jayne" is no misspelling the engine takes for Jane, but it is one of her name.
    shown = draft(w, "Met Jayne at the library")
    before = terms(w)
    listed = choices(w, shown)
    assert "Jayne" in listed.words
    with pytest.raises(InvalidInput, match="part of a registered client's details"):
        pick(w, shown, "Jayne")
    assert rows(w, TermRequest) == [] and terms(w) == before
    (kept,) = [d for d in drafts_rows(w) if d.id == shown.draft_id]
    assert kept.text == shown.text and kept.sealed_keep is None
    assert "restore_refused" in {a.action for a in rows(w, AuditLog)}
    assert "Jayne" not in audit_text(w)


def drafts_rows(w):
    from storage.models import Draft

    return rows(w, Draft)


def test_someone_elses_draft_and_an_old_list_are_refused(w):
    shown = draft(w)
    listed = choices(w, shown)
    with pytest.raises(NotFound):
        choices(w, shown, user=BRISBANE_WORKER)
    with pytest.raises(NotFound):
        restore.restore(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                        user_id=BRISBANE_WORKER, draft_id=shown.draft_id, index=0,
                        shown=listed.version)
    with pytest.raises(InvalidInput, match="out of date"):
        restore.restore(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                        user_id=SYDNEY_WORKER, draft_id=shown.draft_id, index=0,
                        shown="0" * 16)
    with pytest.raises(InvalidInput, match="out of date"):
        restore.restore(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                        user_id=SYDNEY_WORKER, draft_id=shown.draft_id, index=7,
                        shown=listed.version)


def test_hiding_a_restored_word_again_hides_it(w):
    shown = draft(w)
    pick(w, shown, "Sunny Days")
    again = drafts.hide_more(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=SYDNEY_WORKER,
                             draft_id=shown.draft_id, words="Sunny Days")
    assert "Sunny Days" not in again.text


def test_the_policy_takes_only_its_three_values(w):
    result = w.cli("group", "restored-words", "--group", "Under 1 Roof", "sometimes")
    err = result.err
    assert result.code == 2 and "Traceback" not in err
    assert "confirm" in err and "at_once" in err and "off" in err
    w.cli.ok("group", "restored-words", "--group", "Under 1 Roof", "at-once")
