"""Updates (who may send them, where they go) and the agenda built from them."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from bot.domain import ClientStatus, InvalidInput, NotAuthorised, NotFound
from bot.services import actions, agenda, leave, updates
from storage.models import Client, Update
from tests.services.conftest import BRISBANE_WORKER, FACILITATOR, SYDNEY_WORKER


def submit(w, user: str, code: str, text: str, **kw):
    return updates.submit(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        user_id=user,
        case_code=code,
        text=text,
        source="dm",
        renderer=w.ctx.renderer,
        **kw,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U1R-014: moved into housing", ("U1R-014", "moved into housing")),
        ("u1r-014 - moved", ("U1R-014", "moved")),
        ("  U1R-014 — two\nlines", ("U1R-014", "two\nlines")),
        ("hello there", None),
        ("U1R-014:", None),
        ("Can we talk about U1R-014: tomorrow?", None),
    ],
)
def test_dm_update_shape(text, expected):
    assert updates.parse_dm(text) == expected


def test_update_is_stored_deidentified_and_the_words_sealed(world):
    w = world()
    w.at("2026-11-28T10:00+10:00")
    receipt = submit(w, SYDNEY_WORKER, "U1R-014", "Jane Quokkafield got the keys, 0412 345 678")
    assert receipt.update.text.startswith("U1R-014 got the keys")
    assert "0412" not in receipt.update.text and set(receipt.replaced) == {"name", "phone"}
    assert receipt.meeting.starts_at == dt.datetime(2026, 12, 1, 0, 0, tzinfo=dt.UTC)
    with w.ctx.uow() as uow:
        row = uow.session.scalar(sa.select(Update))
        client = uow.session.get(Client, row.client_id)
        assert b"Quokkafield" not in row.sealed_raw
        words = uow.vault.open_text(uow.session, client, row.sealed_raw, purpose="update")
        assert words == "Jane Quokkafield got the keys, 0412 345 678"


def test_another_groups_clients_are_deidentified_too(world):
    w = world()
    w.cli.ok(
        "group",
        "create",
        "--name",
        "Northside",
        "--channel",
        "C0NORTH01",
        "--rrule",
        "FREQ=WEEKLY;BYDAY=WE;BYHOUR=14",
        "--tz",
        "Australia/Brisbane",
    )
    w.cli.ok(
        "client",
        "add",
        "--code",
        "NTH-001",
        "--agency",
        "Micah Projects",
        "--key-worker",
        SYDNEY_WORKER,
        "--group",
        "Northside",
        "--full-name",
        "Zebediah Wombatson",
    )
    w.at("2026-11-28T10:00+10:00")
    receipt = submit(w, SYDNEY_WORKER, "U1R-014", "shares a flat with Zebediah Wombatson now")
    assert receipt.update.text == "shares a flat with NTH-001 now"


def test_a_cancelled_meetings_update_cannot_be_edited(world):
    from bot.domain import MeetingStatus
    from storage.models import Meeting

    w = world()
    w.at("2026-11-28T10:00+10:00")
    first = submit(w, SYDNEY_WORKER, "U1R-014", "news")
    with w.ctx.uow() as uow:
        uow.session.get(Meeting, first.meeting.id).status = MeetingStatus.CANCELLED.value
        uow.commit()
    with pytest.raises(InvalidInput, match="cancelled"):
        submit(w, SYDNEY_WORKER, "U1R-014", "more", update_id=first.update.id)


def test_workers_update_their_own_or_their_agencys_clients_only(world):
    w = world()
    w.at("2026-11-28T10:00+10:00")
    with pytest.raises(NotAuthorised) as caught:
        submit(w, SYDNEY_WORKER, "U1R-015", "news")
    assert "another agency" in caught.value.message
    # The facilitator works for the lead agency of U1R-015.
    assert submit(w, FACILITATOR, "U1R-015", "news").update.case_code == "U1R-015"
    with pytest.raises(NotFound):
        submit(w, SYDNEY_WORKER, "U1R-999", "news")
    with pytest.raises(NotFound):
        submit(w, "U0STRANGR", "U1R-014", "news")
    with pytest.raises(InvalidInput):
        submit(w, SYDNEY_WORKER, "U1R-014", "   ")


def test_edits_until_the_meeting_starts_then_the_next_meeting(world):
    w = world()
    w.at("2026-12-01T09:59+10:00")
    first = submit(w, SYDNEY_WORKER, "U1R-014", "late news")
    edited = submit(w, SYDNEY_WORKER, "U1R-014", "late news, corrected", update_id=first.update.id)
    assert edited.edited and edited.update.id == first.update.id
    w.at("2026-12-01T10:00+10:00")
    with pytest.raises(InvalidInput, match="started"):
        submit(w, SYDNEY_WORKER, "U1R-014", "again", update_id=first.update.id)
    after = submit(w, SYDNEY_WORKER, "U1R-014", "after the meeting began")
    assert after.meeting.starts_at == dt.datetime(2026, 12, 15, 0, 0, tzinfo=dt.UTC)


def test_agenda_contents(world):
    w = world()
    w.cli.ok(
        "client",
        "add",
        "--code",
        "U1R-020",
        "--agency",
        "Micah Projects",
        "--key-worker",
        SYDNEY_WORKER,
        "--status",
        "referred",
    )
    w.cli.ok(
        "client",
        "add",
        "--code",
        "U1R-021",
        "--agency",
        "Micah Projects",
        "--key-worker",
        SYDNEY_WORKER,
        "--status",
        "exited",
    )
    w.at("2026-11-25T12:00+10:00")
    actions.record(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        renderer=w.ctx.renderer,
        user_id=FACILITATOR,
        case_code="U1R-015",
        owner_id=BRISBANE_WORKER,
        text="book the van by Friday",
    )
    leave.set_leave(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        user_id=SYDNEY_WORKER,
        starts_on=dt.date(2026, 11, 30),
        ends_on=dt.date(2026, 12, 4),
    )
    w.at("2026-11-28T10:00+10:00")
    submit(w, BRISBANE_WORKER, "U1R-015", "signed the lease")
    w.tick("2026-12-01T07:59+10:00")
    assert "agenda" not in w.notifier.kinds()
    w.tick("2026-12-01T08:00+10:00")
    w.tick("2026-12-01T08:30+10:00")
    assert w.notifier.kinds("C0U1R0001") == ["announcement", "agenda"]
    (built,) = [obj for kind, obj in w.renderer.rendered if kind == "agenda"]
    assert [(i.case_code, i.status) for i in built.items] == [
        ("U1R-020", ClientStatus.REFERRED),
        ("U1R-014", ClientStatus.ACTIVE),
        ("U1R-015", ClientStatus.ACTIVE),
    ]
    van = built.items[2].actions[0]
    assert van.text == "book the van" and van.overdue and van.owner == BRISBANE_WORKER
    assert [u.text for u in built.items[2].updates] == ["signed the lease"]
    assert built.on_leave == (SYDNEY_WORKER,) and built.facilitators == (FACILITATOR,)


def test_a_late_tick_still_posts_the_agenda_during_the_meeting_but_not_after(world):
    w = world()
    w.tick("2026-12-01T10:30+10:00")
    assert w.notifier.kinds("C0U1R0001") == ["agenda"]
    w2_sent = len(w.notifier.sent)
    w.tick("2026-12-15T11:31+10:00")  # the next meeting's whole length has passed
    assert "agenda" not in [p["kind"] for _, p, _ in w.notifier.sent[w2_sent:]]


def test_agenda_helper_marks_overdue_against_the_meeting_day(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    actions.record(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        renderer=w.ctx.renderer,
        user_id=FACILITATOR,
        case_code="U1R-015",
        owner_id=BRISBANE_WORKER,
        text="due on the day",
        due_on=dt.date(2026, 12, 1),
        parse_due=False,
    )
    with w.ctx.uow() as uow:
        client_id = uow.clients.by_code("U1R-015").id
        views = agenda.open_actions(uow, [client_id], today=dt.date(2026, 12, 1))
    assert views[client_id][0].overdue is False


def test_late_and_corrected_updates_reach_the_channel_after_the_agenda(world):
    w = world()
    w.at("2026-11-28T10:00+10:00")
    early = submit(w, SYDNEY_WORKER, "U1R-014", "early news")
    assert early.outbox_keys == (), "before the agenda, the agenda itself carries it"
    w.tick("2026-12-01T08:00+10:00")
    w.at("2026-12-01T09:30+10:00")
    late = submit(w, BRISBANE_WORKER, "U1R-015", "keys handed over this morning")
    fixed = submit(w, SYDNEY_WORKER, "U1R-014", "early news, corrected", update_id=early.update.id)
    w.ctx.deliver(late.outbox_keys + fixed.outbox_keys)
    assert w.notifier.kinds("C0U1R0001") == ["agenda", "late-update", "late-update"]
    notes = [obj for kind, obj in w.renderer.rendered if kind == "late-update"]
    assert [(n.update.text, n.edited) for n in notes] == [
        ("keys handed over this morning", False),
        ("early news, corrected", True),
    ]
