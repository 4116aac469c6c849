"""Every Block Kit payload stays within Slack's limits, for 1, 20 and 60 clients, and user text
is shown literally (no pings, no forged mentions)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain import (
    ActionRecorded,
    ActionStatus,
    ActionView,
    Agenda,
    AgendaItem,
    AttendanceResponse,
    ClientStatus,
    DraftView,
    HomeClient,
    HomeView,
    LeavePeriod,
    MeetingRef,
    Minutes,
    MinutesClient,
    Nudge,
    PromptClient,
    RecordView,
    UpdatePrompt,
    UpdateReceipt,
    UpdateView,
)
from devkit.block_limits import problems, view_problems
from handlers import messages, replies, views
from handlers.kit import split_text
from handlers.text import escape

MEETING = MeetingRef(
    7,
    "Under 1 Roof",
    "C0U1R0001",
    dt.datetime(2026, 12, 1, 0, 0, tzinfo=dt.UTC),
    "Australia/Brisbane",
)
NASTY = "Call <!channel> & <@U0FORGED1> re <https://evil.example|link> *now* > soon"
LONG = "Moved into transitional housing; needs furniture, a fridge and help with the bond. " * 60


def action(n: int, *, text: str = "call the housing provider about the bond") -> ActionView:
    return ActionView(
        n,
        f"U1R-{n:03d}",
        text,
        "U0KATE001",
        dt.date(2026, 11, 27),
        ActionStatus.OPEN,
        overdue=n % 2 == 0,
        created_by="U0FAY0001",
        carried=n % 3,
    )


def agenda_for(count: int, *, text: str = LONG) -> Agenda:
    items = tuple(
        AgendaItem(
            case_code=f"U1R-{n:03d}",
            status=ClientStatus.REFERRED if n % 7 == 0 else ClientStatus.ACTIVE,
            key_worker="U0KATE001",
            lead_agency="Micah Projects",
            updates=tuple(
                UpdateView(n * 10 + k, f"U1R-{n:03d}", text, "U0KATE001", MEETING.starts_at)
                for k in range(2)
            ),
            actions=tuple(action(n * 10 + k) for k in range(4)),
        )
        for n in range(count)
    )
    return Agenda(MEETING, ("U0FAY0001",), ("U0OMAR001",), ("U0ANNA001",), ("U0BEN0001",), items)


def assert_valid_message(payload: dict) -> None:
    assert payload["text"], "a notification text is always given"
    assert problems(payload["blocks"], surface="message") == []


@pytest.mark.parametrize("count", [1, 20, 60])
def test_agenda_within_limits(count):
    parts = messages.agenda(agenda_for(count))
    for part in parts:
        assert_valid_message(part)
    shown = "\n".join(str(p["blocks"]) for p in parts)
    for n in range(count):
        assert f"*U1R-{n:03d}*" in shown, "every client is on the agenda"
    if count == 60:
        assert len(parts) > 1
        assert all("part" in p["text"] for p in parts)


@pytest.mark.parametrize("count", [1, 20, 60])
def test_prompt_nudge_and_home_within_limits(count):
    prompt = UpdatePrompt(
        MEETING,
        "U0KATE001",
        tuple(PromptClient(f"U1R-{n:03d}", ClientStatus.ACTIVE, n % 3) for n in range(count)),
        AttendanceResponse.ATTENDING,
    )
    rendered = messages.prompt(prompt)
    assert_valid_message(rendered)
    assert f"U1R-{count - 1:03d}" in str(rendered["blocks"]), "nobody's client is dropped"
    nudge = Nudge(
        "U0KATE001",
        MEETING,
        tuple(action(n, text=LONG[:900]) for n in range(count)),
        dt.date(2026, 11, 28),
    )
    assert_valid_message(messages.nudge(nudge))
    home = HomeView(
        "U0KATE001",
        True,
        (MEETING,),
        tuple(HomeClient(f"U1R-{n:03d}", ClientStatus.ACTIVE, latest=LONG[:900],
                         latest_on=dt.date(2026, 11, 20)) for n in range(count)),
        tuple(action(n, text=LONG[:900]) for n in range(count)),
        (LeavePeriod(dt.date(2026, 12, 20), dt.date(2027, 1, 5)),),
        dt.date(2026, 11, 28),
    )
    assert view_problems(views.home(home)) == []


@pytest.mark.parametrize(("clients", "actions"), [(1, 1), (20, 5), (60, 20), (3, 30)])
def test_prompt_carrying_actions_within_limits(clients, actions):
    prompt = UpdatePrompt(
        MEETING, "U0KATE001",
        tuple(PromptClient(f"U1R-{n:03d}", ClientStatus.ACTIVE, 0) for n in range(clients)),
        None, actions=tuple(action(n, text=LONG[:900]) for n in range(actions)),
        today=dt.date(2026, 11, 27),
    )
    rendered = messages.prompt(prompt)
    assert_valid_message(rendered)
    text = str(rendered["blocks"])
    assert f"U1R-{clients - 1:03d}" in text, "every client is named, if only in a list"
    assert f"*Your open actions* ({actions})" in text
    assert ("more on Casebot's *Home* tab" in text) is (actions > 8)


def test_modals_within_limits():
    for view in (
        views.update_modal(case_code="U1R-014", meeting=MEETING, initial=LONG[:2500], update_id=3),
        views.action_modal(case_code=None, initial_text=LONG[:1000], channel_id="C0U1R0001"),
        views.progress_modal(action(1, text=LONG[:1000])),
    ):
        assert view_problems(view) == []
        assert len(view["title"]["text"]) <= 24


def test_user_text_is_literal_everywhere():
    item = AgendaItem(
        "U1R-001",
        ClientStatus.ACTIVE,
        "U0KATE001",
        "Micah & Co <Projects>",
        (UpdateView(1, "U1R-001", NASTY, "U0KATE001", MEETING.starts_at),),
        (action(1, text=NASTY),),
    )
    rendered = [
        *messages.agenda(Agenda(MEETING, (), (), (), (), (item,))),
        messages.nudge(
            Nudge("U0KATE001", MEETING, (action(1, text=NASTY),), dt.date(2026, 11, 28))
        ),
        messages.action_announcement(ActionRecorded(action(1, text=NASTY), MEETING, "C0U1R0001")),
        messages.action_assignment(ActionRecorded(action(1, text=NASTY), MEETING, "C0U1R0001")),
        replies.update_receipt(
            UpdateReceipt(
                UpdateView(1, "U1R-001", NASTY, "U0KATE001", MEETING.starts_at), MEETING, ()
            ),
            via_dm=True,
        ),
    ]
    for payload in rendered:
        text = str(payload["blocks"])
        for raw in ("<!channel>", "<@U0FORGED1>", "<https://evil"):
            assert raw not in text
        assert "&lt;!channel&gt;" in text and "&lt;@U0FORGED1&gt;" in text and "&amp;" in text
    agenda_text = str(rendered[0]["blocks"])
    assert "Micah &amp; Co &lt;Projects&gt;" in agenda_text


def test_split_text_never_breaks_an_entity_or_exceeds_the_limit():
    text = ("a &amp; b " * 400)[:2999] + "&amp;" + "x" * 10
    pieces = split_text(text, 3000)
    assert all(len(p) <= 3000 for p in pieces)
    assert "".join(p.replace(" ", "") for p in pieces).count("&amp;") == text.count("&amp;")


def test_a_client_with_a_huge_history_still_fits():
    item = AgendaItem(
        "U1R-001", ClientStatus.ACTIVE, "U0KATE001", "Micah Projects",
        tuple(UpdateView(k, "U1R-001", LONG[:2500], "U0KATE001", MEETING.starts_at)
              for k in range(60)),
        tuple(action(k, text=LONG[:900]) for k in range(40)),
    )
    parts = messages.agenda(Agenda(MEETING, (), (), (), (), (item,)))
    assert len(parts) > 2
    for part in parts:
        assert_valid_message(part)


def test_truncation_never_leaves_half_an_entity():
    from handlers.text import truncate

    for limit in range(5, 30):
        cut = truncate("a" * 10 + "&amp;" * 10, limit)
        assert len(cut) <= limit
        assert cut.rstrip("…").endswith(("a", "&amp;"))


def test_withheld_clients_show_their_case_code_only():
    item = AgendaItem(
        "U1R-009", ClientStatus.ACTIVE, "U0KATE001", "Micah Projects", (), (), withheld=True
    )
    (part,) = messages.agenda(Agenda(MEETING, (), (), (), (), (item,)))
    text = str(part["blocks"])
    assert "*U1R-009*" in text and "details withheld" in text and "key worker" not in text
    withheld = messages.action_announcement(
        ActionRecorded(action(9, text="call Ruby's GP"), MEETING, "C0U1R0001", withheld=True)
    )
    assert "Ruby" not in str(withheld["blocks"]) and "details withheld" in str(withheld["blocks"])


# NUL, BEL, ESC, DEL, C1 (NEL, CSI), bidi embedding/override/pop/isolates and direction marks.
HIDDEN = "\x00\x07\x1b\x7f\x85\x9b\u202a\u202b\u202c\u202d\u202e\u2066\u2069\u200e\u200f\u061c"
SNEAKY = f"call{HIDDEN} the GP \U0001f469\u200d\u2695\ufe0f"  # ends with an emoji sequence


def test_escape_drops_control_and_bidi_characters_but_keeps_joiners():
    assert escape(f"a{HIDDEN} <b> & c") == "a &lt;b&gt; &amp; c"
    assert escape("\U0001f469\u200d\u2695\ufe0f") == "\U0001f469\u200d\u2695\ufe0f"


def test_control_and_bidi_characters_never_reach_slack():
    """Rows stored before input was cleaned still render clean, in every kind of message."""
    a = action(1, text=SNEAKY)
    update = UpdateView(1, "U1R-001", SNEAKY, "U0KATE001", MEETING.starts_at)
    decision = RecordView(2, "decision", "U1R-001", SNEAKY, "U0KATE001")
    note = RecordView(3, "note", "U1R-001", SNEAKY, "U0KATE001")
    item = AgendaItem("U1R-001", ClientStatus.ACTIVE, "U0KATE001", "Micah Projects",
                      (update,), (a,))
    client = MinutesClient("U1R-001", True, False, (decision,), (a,), (note,))
    closed = Minutes(MEETING, None, None, "U0FAY0001", (), (client,))
    rendered = [
        *messages.agenda(Agenda(MEETING, (), (), (), (), (item,))),
        *messages.minutes(closed),
        messages.late_update(UpdateReceipt(update, MEETING, ())),
        messages.action_announcement(ActionRecorded(a, MEETING, "C0U1R0001")),
        messages.action_assignment(ActionRecorded(a, MEETING, "C0U1R0001")),
        messages.nudge(Nudge("U0KATE001", MEETING, (a,), dt.date(2026, 11, 28))),
        replies.update_receipt(UpdateReceipt(update, MEETING, ()), via_dm=True),
        replies.preview(DraftView(4, "update", "U1R-001", SNEAKY, (), ((0, 4, "name"),), MEETING)),
        replies.progress_saved(a, SNEAKY),
        replies.recorded(decision),
    ]
    for payload in rendered:
        shown = strings(payload)
        assert [hex(ord(c)) for c in HIDDEN if c in shown] == []
        assert "the GP \U0001f469\u200d\u2695\ufe0f" in shown
    problem = strings(replies.problem("I don't know the case code U1R\x00\u202e-014."))
    assert [hex(ord(c)) for c in HIDDEN if c in problem] == []


def strings(value: object) -> str:
    """Every string in a payload as sent (JSON or repr would show a NUL as an escape)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        value = list(value.values())
    return "".join(strings(v) for v in value) if isinstance(value, list | tuple) else ""
