"""The App Home by role, built directly: within Slack's limits (100 blocks, text lengths) with
paging however long the lists, the right buttons, and help that fits the reader's roles."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

import pytest

from bot.domain import (
    DEFAULT_CHECKLIST,
    ActionStatus,
    ActionView,
    AttendanceResponse,
    ChampionProgress,
    ClientStatus,
    HomeClient,
    HomeView,
    MeetingRef,
    Readiness,
    Role,
)
from devkit.block_limits import view_problems
from handlers import replies, views
from handlers.ids import ActionId

TODAY = dt.date(2026, 11, 28)
MEETING = MeetingRef(7, "Under 1 Roof", "C0U1R0001", dt.datetime(2026, 12, 1, 0, 0, tzinfo=dt.UTC),
                     "Australia/Sydney")
TEXT = "Moved into transitional housing; needs furniture, a fridge and help with the bond. " * 11


def action(n: int) -> ActionView:
    return ActionView(n, f"U1R-{n:03d}", TEXT[:900], "U0KATE001", dt.date(2026, 11, 27),
                      ActionStatus.OPEN, overdue=n % 2 == 0, created_by="U0FAY0001", as_of=TODAY)


def client(n: int) -> HomeClient:
    if n % 3 == 0:
        return HomeClient(f"U1R-{n:03d}", ClientStatus.ACTIVE, since=dt.date(2026, 10, 1))
    return HomeClient(f"U1R-{n:03d}", ClientStatus.REFERRED if n % 5 == 0 else ClientStatus.ACTIVE,
                      latest=TEXT, latest_on=dt.date(2026, 11, 20))


def progress(n: int, *, ticked: int = 3, mentor: str | None = "U0MENT001") -> ChampionProgress:
    return ChampionProgress(
        champion=f"U0CHAMP{n:02d}", agency=f"Agency {n}", group="Under 1 Roof", mentor=mentor,
        items=DEFAULT_CHECKLIST, ticked=frozenset(i.key for i in DEFAULT_CHECKLIST[:ticked]),
        started_on=dt.date(2026, 11, 1), last_progress_on=dt.date(2026, 11, 10),
        champion_id=100 + n,
    )


def worker_home(actions: int, **more: Any) -> HomeView:
    return HomeView("U0KATE001", True, meetings=(MEETING,),
                    clients=tuple(client(n) for n in range(3)),
                    actions=tuple(action(n) for n in range(actions)), today=TODAY,
                    answers={7: AttendanceResponse.ATTENDING}, roles=frozenset({Role.WORKER}),
                    **more)


def buttons(view: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(action_id, value, label) of every button, in order."""
    out = []
    for block in view["blocks"]:
        elements = block.get("elements", []) if block["type"] == "actions" else []
        if block.get("accessory"):
            elements = [block["accessory"]]
        for e in elements:
            if e.get("type") == "button":
                out.append((e["action_id"], e.get("value", ""), e["text"]["text"]))
    return out


def text_of(view: dict[str, Any]) -> str:
    return json.dumps(view["blocks"], ensure_ascii=False)


@pytest.mark.parametrize("count", [0, 3, 150])
def test_a_workers_home_is_within_limits_with_0_3_and_150_open_actions(count):
    view = views.home(worker_home(count))
    assert view_problems(view) == []
    done = [v for a, v, _ in buttons(view) if a == ActionId.HOME_ACTION_DONE]
    progress_buttons = [v for a, v, _ in buttons(view) if a == ActionId.ACTION_PROGRESS]
    assert done == progress_buttons == [str(n) for n in range(min(count, 10))]
    shown = text_of(view)
    assert "you said you'll be there" in shown and "Sydney time" in shown
    assert "U1R-000" in shown and "no update since" in shown
    if count == 0:
        assert "Nothing open" in shown
    more = [v for a, v, _ in buttons(view) if a == ActionId.HOME_PAGE]
    assert more == (["actions:1"] if count == 150 else [])


def test_every_page_of_150_actions_can_be_reached_and_stays_within_limits():
    home = worker_home(150)
    seen: list[str] = []
    page = 0
    for _ in range(20):
        view = views.home(home, {"actions": page})
        assert view_problems(view) == []
        seen += [v for a, v, _ in buttons(view) if a == ActionId.HOME_ACTION_DONE]
        nxt = [v for a, v, label in buttons(view) if a == ActionId.HOME_PAGE
               and label == "Show more"]
        if not nxt:
            break
        page = int(nxt[0].split(":")[1])
    assert seen == [str(n) for n in range(150)]
    last = views.home(home, {"actions": 999})  # past the end: the last page
    assert ("home_page", "actions:0", "Back to the start") in buttons(last)
    assert "149" in [v for a, v, _ in buttons(last) if a == ActionId.HOME_ACTION_DONE]


def test_a_facilitators_home_with_60_clients_is_within_limits():
    codes = tuple(f"U1R-{n:03d}" for n in range(60))
    readiness = tuple(
        Readiness(f"Group {g} with a rather long name for a case coordination group", MEETING,
                  clients=60, updated=41, apologies=3, nothing_new=codes[:19],
                  referrals=codes[:6], overdue=tuple((f"Agency {a}", a + 1) for a in range(12)))
        for g in range(6)
    )
    home = HomeView("U0FAY0001", True, meetings=(MEETING,) * 6,
                    clients=tuple(client(n) for n in range(60)),
                    actions=tuple(action(n) for n in range(60)), today=TODAY,
                    roles=frozenset({Role.FACILITATOR, Role.SECRETARIAT, Role.WORKER}),
                    readiness=readiness)
    view = views.home(home)
    assert view_problems(view) == []
    shown = text_of(view)
    assert "Updates in for 41 of 60 clients" in shown and "3 apologies" in shown
    assert "New referrals: U1R-000" in shown and "Agency 7 8 and 4 more agencies" in shown
    assert "and 4 more" in shown  # nothing new: 19 codes, 15 listed
    assert "…and 2 more groups" in shown
    assert ("home_page", "clients:1", "Show more") in buttons(view)
    assert "How this works" in shown and "meeting move" in shown  # their help
    for page in range(4):
        assert view_problems(views.home(home, {"clients": page})) == []
    assert "U1R-059" in text_of(views.home(home, {"clients": 3}))


def test_a_mentor_with_12_mentees_sees_them_with_nudge_buttons_and_paging():
    mentees = tuple(progress(n, ticked=n % 9) for n in range(12))
    home = HomeView("U0MENT001", True, meetings=(MEETING,), today=TODAY,
                    roles=frozenset({Role.MENTOR}), mentees=mentees)
    view = views.home(home)
    assert view_problems(view) == []
    nudges = [v for a, v, _ in buttons(view) if a == ActionId.MENTEE_NUDGE]
    assert nudges == [str(100 + n) for n in range(10)]
    assert ("home_page", "mentees:1", "Show more") in buttons(view)
    second = views.home(home, {"mentees": 1})
    assert view_problems(second) == []
    assert [v for a, v, _ in buttons(second) if a == ActionId.MENTEE_NUDGE] == ["110", "111"]
    assert "Your mentees* (12)" in text_of(view) and "3 of 8 done" in text_of(view)


def test_a_completed_mentee_gets_no_nudge():
    done = progress(1, ticked=8)
    done = replace(done, completed_on=dt.date(2026, 11, 20))
    view = views.home(HomeView("U0MENT001", True, today=TODAY, roles=frozenset({Role.MENTOR}),
                               mentees=(done,)))
    assert not [b for b in buttons(view) if b[0] == ActionId.MENTEE_NUDGE]
    assert "completed Fri 20 Nov 2026" in text_of(view)


def test_a_champions_checklist_has_a_tick_and_a_help_button_per_open_item():
    home = HomeView("U0CHAMP01", True, today=TODAY, roles=frozenset({Role.CHAMPION}),
                    checklist=(progress(1, ticked=3),))
    view = views.home(home)
    assert view_problems(view) == []
    open_keys = [i.key for i in DEFAULT_CHECKLIST[3:]]
    ticks = [v for a, v, _ in buttons(view) if a == ActionId.ONBOARDING_TICK]
    helps = [v for a, v, _ in buttons(view) if a == ActionId.ONBOARDING_HELP]
    assert ticks == helps == [f"101:{k}" for k in open_keys]
    shown = text_of(view)
    assert "3 of 8 done" in shown and "The purpose of case coordination" in shown  # ticked
    assert "Your onboarding checklist is on my *Home* tab" in shown  # the champion's help


def test_user_text_on_the_home_is_shown_literally():
    nasty = "Call <!channel> & <@U0FORGED1> *now*"
    home = HomeView("U0KATE001", True, today=TODAY, roles=frozenset({Role.WORKER}),
                    clients=(HomeClient("U1R-001", ClientStatus.ACTIVE, latest=nasty,
                                        latest_on=TODAY),))
    shown = text_of(views.home(home))
    assert "<!channel>" not in shown and "&lt;!channel&gt;" in shown


FACILITATOR_ONLY = ("start`", "meeting move", "exit U1R-014", "champion @user")


def test_a_workers_help_lists_no_facilitator_command_and_a_facilitators_does():
    worker = replies.role_help(frozenset({Role.WORKER}))
    facilitator = replies.role_help(frozenset({Role.FACILITATOR}))
    for command in FACILITATOR_ONLY:
        assert command not in worker, command
        assert command in facilitator, command
    for text in (worker, facilitator):
        assert "never puts a client's name" in text and "case code" in text
    assert "update U1R-014" in worker and "update U1R-014" not in facilitator
    mentor = replies.role_help(frozenset({Role.MENTOR}))
    assert "mentees" in mentor and "start`" not in mentor
    assert "not set up" in replies.role_help(frozenset())
    # The secretariat runs meetings but does not exit clients in Slack (docs/SECURITY.md).
    secretariat = replies.role_help(frozenset({Role.SECRETARIAT}))
    assert "meeting move" in secretariat and "exit U1R-014" not in secretariat
    assert "casebot client" in secretariat and "casebot client" not in facilitator


def test_everything_at_once_still_fits_without_losing_how_this_works():
    from bot.domain import LeavePeriod, OnboardingItem

    long_list = tuple(OnboardingItem(f"step{n}", f"Step {n} " + "x" * 80, "help")
                      for n in range(30))
    busy = ChampionProgress("U0ALL0001", "Agency", "Under 1 Roof", "U0MENT001", long_list,
                            frozenset(), dt.date(2026, 11, 1), champion_id=9)
    readiness = Readiness("G", MEETING, 60, 1, 0, tuple(f"U1R-{n:03d}" for n in range(60)))
    home = HomeView("U0ALL0001", True, meetings=(MEETING,) * 8,
                    clients=tuple(client(n) for n in range(60)),
                    actions=tuple(action(n) for n in range(150)),
                    leave=(LeavePeriod(dt.date(2026, 12, 20), dt.date(2027, 1, 5)),),
                    today=TODAY, roles=frozenset(Role), readiness=(readiness,) * 8,
                    checklist=tuple(replace(busy, champion_id=n) for n in range(3)),
                    mentees=tuple(progress(n) for n in range(40)))
    view = views.home(home)
    assert view_problems(view) == []
    assert len(view["blocks"]) < 100, "nothing cut off at Slack's limit"
    assert "How this works" in text_of(view)
