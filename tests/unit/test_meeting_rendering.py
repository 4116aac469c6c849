"""The meeting's screen, the minutes and the after-meeting DMs stay within Block Kit limits for
1, 20 and 60 clients, and what people typed is shown literally."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain import (
    AgencyAttendance,
    AgendaItem,
    ClientStatus,
    Escalation,
    Minutes,
    MinutesClient,
    OwnerActions,
    Presenter,
    PresenterItem,
    ReassignRequest,
    RecordView,
    UpdateView,
)
from bot.services.minutes import snapshot as minutes_snapshot
from devkit.block_limits import problems, view_problems
from devkit.transcript import render_message
from handlers import messages, replies, views
from tests.unit.test_rendering import LONG, MEETING, NASTY, action

PEOPLE = tuple(f"U0PERSON{n:02d}" for n in range(40))


def valid(payload: dict) -> None:
    assert payload["text"], "a notification text is always given"
    assert problems(payload["blocks"], surface="message") == []


def records(code: str, count: int, text: str = LONG[:900]) -> tuple[RecordView, ...]:
    return tuple(RecordView(k, "decision" if k % 2 else "note", code, text, "U0KATE001")
                 for k in range(count))


def screen(*, updates: int = 2, actions: int = 4, entries: int = 4, text: str = LONG[:2500],
           left: int | None = 3, total: int = 20) -> Presenter:
    item = AgendaItem(
        "U1R-001", ClientStatus.ACTIVE, "U0KATE001", "Micah Projects",
        tuple(UpdateView(k, "U1R-001", text, "U0KATE001", MEETING.starts_at)
              for k in range(updates)),
        tuple(action(k, text=text[:900]) for k in range(actions)),
    )
    current = PresenterItem(
        item,
        records("U1R-001", entries, text[:900]),
        tuple(action(100 + k, text=text[:900]) for k in range(entries)),
    )
    return Presenter(MEETING, 12, total, 11, 35, 4, left, current, PEOPLE, PEOPLE[:5], PEOPLE[:30])


@pytest.mark.parametrize("size", [(0, 0, 0), (2, 4, 4), (60, 40, 50)])
def test_the_screen_fits_however_much_a_client_has(size):
    updates, actions, entries = size
    payload = messages.presenter(screen(updates=updates, actions=actions, entries=entries))
    valid(payload)
    shown = render_message(payload)
    assert "Client 12 of 20 · 11 discussed · 35 minutes left" in shown
    assert "[Next ▶]" in shown and "[Add decision]" in shown


def test_the_screen_says_when_time_is_short_or_over():
    assert "⏳ 2 minutes left for U1R-001" in render_message(messages.presenter(screen(left=2)))
    assert "3 min over the 4-minute time box" in render_message(messages.presenter(screen(left=-3)))


def test_after_the_last_client_and_when_closed():
    last = Presenter(MEETING, 0, 20, 20, 5, 4, None, None, (), (), ())
    shown = render_message(messages.presenter(last))
    assert "All 20 clients discussed" in shown and "[End meeting]" in shown
    assert "Go to skipped" not in shown
    gaps = Presenter(
        MEETING, 0, 20, 18, 5, 4, None, None, (), (), (), skipped=("U1R-003", "U1R-009")
    )
    shown = render_message(messages.presenter(gaps))
    assert "18 discussed · 2 skipped" in shown and "Skipped: U1R-003, U1R-009" in shown
    assert "[Go to skipped]" in shown
    closed = Presenter(MEETING, 0, 20, 19, 0, 0, None, None, (), (), (), ended=True)
    assert "meeting closed" in render_message(messages.presenter(closed))


def minutes_for(count: int, entries: int = 3, text: str = LONG[:900]) -> Minutes:
    clients = tuple(
        MinutesClient(f"U1R-{n:03d}", reached=n % 5 != 4, withheld=n % 11 == 10,
                      decisions=records(f"U1R-{n:03d}", entries, text)[1::2],
                      actions=tuple(action(n * 10 + k, text=text) for k in range(entries)),
                      notes=records(f"U1R-{n:03d}", entries, text)[0::2])
        for n in range(count)
    )
    attendance = (AgencyAttendance("Micah & Co", PEOPLE[:20], PEOPLE[20:25], (), PEOPLE[25:]),)
    return Minutes(MEETING, MEETING.starts_at, MEETING.starts_at + dt.timedelta(minutes=85),
                   "U0FAY0001", attendance, clients, attendance_taken=True)


@pytest.mark.parametrize("count", [1, 20, 60])
def test_minutes_within_limits_in_as_many_parts_as_needed(count):
    parts = messages.minutes(minutes_for(count))
    for part in parts:
        valid(part)
    everything = "\n".join(render_message(p) for p in parts)
    assert everything.count("— @U0KATE001, due") == sum(
        3 for n in range(count) if n % 5 != 4 and n % 11 != 10
    )
    if count == 60:
        assert len(parts) > 1 and "(part 1 of" in parts[0]["text"]
    assert "absent" in everything


def test_owner_dm_escalation_and_receipts_within_limits():
    many = OwnerActions("U0KATE001", MEETING, tuple(action(k, text=LONG[:900]) for k in range(40)))
    valid(messages.meeting_actions(many))
    valid(messages.escalation(Escalation("U0CHAMP01", action(1, text=LONG[:900]), MEETING)))
    valid(replies.recorded(RecordView(1, "decision", "U1R-001", LONG[:1000], "U0KATE001")))
    valid(replies.reassign_prompt(ReassignRequest("U0FAY0001", "U0KATE001", action(1))))
    for view in (views.record_modal(kind="decision", case_code=None, channel_id="C1",
                                    initial_text=LONG[:1000]),
                 views.record_modal(kind="note", case_code="U1R-001", channel_id="C1",
                                    initial_text="x", record_id=3),
                 views.present_modal("C1", list(PEOPLE))):
        assert view_problems(view) == []


def test_typed_text_is_literal_on_the_screen_in_the_minutes_and_dms():
    rendered = [
        messages.presenter(screen(text=NASTY)),
        *messages.minutes(minutes_for(2, text=NASTY)),
        messages.meeting_actions(OwnerActions("U0KATE001", MEETING, (action(1, text=NASTY),))),
        messages.escalation(Escalation("U0CHAMP01", action(1, text=NASTY), MEETING)),
        replies.recorded(RecordView(1, "note", "U1R-001", NASTY, "U0KATE001")),
        replies.reassign_prompt(ReassignRequest("U0FAY0001", "U0KATE001", action(1, text=NASTY))),
    ]
    for payload in rendered:
        text = str(payload["blocks"])
        for raw in ("<!channel>", "<@U0FORGED1>", "<https://evil"):
            assert raw not in text
        assert "&lt;!channel&gt;" in text and "&amp;" in text


def test_a_facilitator_outside_the_consent_sees_the_case_code_only():
    prompt = replies.reassign_prompt(
        ReassignRequest("U0FAY0001", "U0KATE001", action(1, text="bond for flat"), withheld=True)
    )
    shown = render_message(prompt)
    assert "U1R-001" in shown and "bond for flat" not in shown and "withheld" in shown


def test_the_kept_minutes_read_back_exactly():
    for minutes in (minutes_for(1), minutes_for(20, text=NASTY)):
        assert minutes_snapshot.loads(minutes_snapshot.dumps(minutes)) == minutes
