"""Due dates more than about six months from today carry their year wherever they are shown:
receipts, DMs, the agenda, the meeting's screen, the minutes and App Home."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from bot.domain import (
    ActionRecorded,
    Agenda,
    AgendaItem,
    ClientStatus,
    DraftView,
    Escalation,
    HomeView,
    MeetingRef,
    Minutes,
    MinutesClient,
    Nudge,
    OwnerActions,
    Presenter,
    PresenterItem,
    PromptClient,
    ReassignRequest,
    UpdatePrompt,
)
from devkit.transcript import render_message, render_view
from handlers import messages, replies, views
from handlers.text import due_day
from tests.unit.test_rendering import action

TODAY = dt.date(2026, 12, 5)
MEETING = MeetingRef(
    7, "Under 1 Roof", "C0U1R0001", dt.datetime(2026, 12, 5, tzinfo=dt.UTC), "Australia/Brisbane"
)


@pytest.mark.parametrize(
    ("due", "today", "shown"),
    [
        (dt.date(2026, 12, 11), TODAY, "Fri 11 Dec"),
        (dt.date(2027, 6, 3), TODAY, "Thu 3 Jun"),  # six months on: still unmistakable
        (dt.date(2027, 6, 7), TODAY, "Mon 7 Jun 2027"),
        (dt.date(2027, 12, 3), TODAY, "Fri 3 Dec 2027"),
        (dt.date(2027, 1, 3), dt.date(2026, 12, 28), "Sun 3 Jan"),  # over New Year: no year
        (dt.date(2026, 6, 1), TODAY, "Mon 1 Jun 2026"),  # long overdue
        (dt.date(2026, 11, 27), TODAY, "Fri 27 Nov"),
        (dt.date(2026, 12, 11), None, "Fri 11 Dec 2026"),  # today unknown: never guess
    ],
)
def test_the_year_is_shown_when_the_date_is_over_six_months_away(due, today, shown):
    assert due_day(due, today) == shown


FAR, NEAR = dt.date(2027, 12, 3), dt.date(2026, 12, 11)


def rendered_everywhere(due: dt.date) -> dict[str, str]:
    """Every message or view that shows an action's due date, as people see it."""
    a = replace(action(1), due_on=due, overdue=False, as_of=TODAY)
    item = AgendaItem("U1R-001", ClientStatus.ACTIVE, "U0KATE001", "Micah Projects", (), (a,))
    screen = Presenter(MEETING, 1, 3, 0, 90, 30, 30, PresenterItem(item, (), (a,)),
                       (), (), ())
    closed = Minutes(MEETING, None, None, "U0FAY0001", (),
                     (MinutesClient("U1R-001", True, False, (), (a,), ()),))
    recorded = ActionRecorded(a, MEETING, "C0U1R0001")
    return {
        "prompt": render_message(messages.prompt(UpdatePrompt(
            MEETING, "U0KATE001", (PromptClient("U1R-001", ClientStatus.ACTIVE, 0),), None,
            actions=(a,), today=TODAY))),
        "agenda": render_message(messages.agenda(Agenda(MEETING, (), (), (), (), (item,)))[0]),
        "screen": render_message(messages.presenter(screen)),
        "minutes": render_message(messages.minutes(closed)[0]),
        "nudge": render_message(messages.nudge(Nudge("U0KATE001", MEETING, (a,), TODAY))),
        "announcement": render_message(messages.action_announcement(recorded)),
        "owner's DM": render_message(messages.action_assignment(recorded)),
        "new actions DM": render_message(messages.meeting_actions(
            OwnerActions("U0KATE001", MEETING, (a,)))),
        "escalation": render_message(messages.escalation(Escalation("U0CHAMP01", a, MEETING))),
        "receipt": replies.action_recorded(a, "C0U1R0001"),
        "live receipt": render_message(replies.action_receipt(replace(recorded, live=True), None)),
        "reassign": render_message(replies.reassign_prompt(
            ReassignRequest("U0FAY0001", "U0KATE001", a))),
        "preview": replies.preview_lines(DraftView(
            1, "action", "U1R-001", "call", (), (), MEETING, "U0KATE001", due, today=TODAY)),
        "progress form": render_view(views.progress_modal(a)),
        "home": render_view(views.home(HomeView("U0KATE001", True, actions=(a,), today=TODAY))),
    }


def test_a_due_date_a_year_out_shows_its_year_everywhere():
    shown = rendered_everywhere(FAR)
    missing = [where for where, text in shown.items() if "3 Dec 2027" not in text]
    assert missing == []


def test_a_near_due_date_shows_no_year_anywhere():
    shown = rendered_everywhere(NEAR)
    assert [where for where, text in shown.items() if "11 Dec" not in text] == []
    assert [where for where, text in shown.items() if "2026" in text] == []
