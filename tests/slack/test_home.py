"""The App Home over signed HTTP: published on app_home_opened and again when what it shows
changes, by role, paged; and /casebot help by role."""

from __future__ import annotations

import json
from typing import Any

from devkit.fake_slack import dm_channel_id
from devkit.transcript import render_message, render_view
from tests.slack.conftest import FAY, KATE, OMAR, wait_until


def homes_of(h, user: str) -> list[dict[str, Any]]:
    return [c.args["view"] for c in h.fake.calls_to("views.publish")
            if c.args.get("user_id") == user]


def open_home(h, user: str) -> str:
    """Open the Home tab; returns it as shown."""
    before = len(homes_of(h, user))
    h.sender.home_opened(user_id=user)
    return render_view(wait_until(lambda: homes_of(h, user)[before:])[-1])


def next_home(h, user: str, before: int) -> str:
    """The user's Home as published after ``before`` earlier ones."""
    return render_view(wait_until(lambda: homes_of(h, user)[before:])[-1])


def button_values(view: dict[str, Any], action_id: str) -> list[str]:
    found = []
    for block in view["blocks"]:
        elements = block.get("elements", []) if block["type"] == "actions" else []
        elements += [block["accessory"]] if block.get("accessory") else []
        found += [e.get("value", "") for e in elements if e.get("action_id") == action_id]
    return found


def test_opening_the_home_publishes_it_for_each_role(h):
    h.tick("2026-11-26T10:00+10:00")  # reads everyone's time zone from Slack
    kate = open_home(h, KATE)
    assert "Under 1 Roof" in kate and "Sydney time" in kate  # her own zone, not Brisbane's
    assert "not answered yet" in kate
    assert "U1R-014" in kate and "no update since" in kate and "U1R-015" not in kate
    assert "How this works" in kate and "update U1R-014" in kate
    assert "Coming agendas" not in kate and "meeting move" not in kate
    fay = open_home(h, FAY)
    assert "Coming agendas" in fay and "Updates in for 0 of 2 clients" in fay
    assert "Nothing new yet: U1R-014, U1R-015" in fay and "meeting move" in fay


def test_the_home_is_published_again_after_an_answer_and_an_update(h):
    h.tick("2026-11-27T09:00+10:00")  # the prompts
    seen = len(homes_of(h, KATE))
    prompt = next(m for m in h.fake.messages(dm_channel_id(KATE)) if "Will you" in m["text"])
    h.sender.block_action("attend", user_id=KATE, message=prompt)
    assert "you said you'll be there" in next_home(h, KATE, seen)

    seen = len(homes_of(h, KATE))
    h.sender.dm("U1R-014: Jane Quokkafield moved into transitional housing, needs a fridge",
                user_id=KATE)
    wait_until(lambda: "[Confirm]" in render_message(h.fake.messages(dm_channel_id(KATE))[-1]))
    h.sender.block_action("draft_confirm", user_id=KATE,
                          message=h.fake.messages(dm_channel_id(KATE))[-1])
    home = next_home(h, KATE, seen)
    assert "moved into transitional housing, needs a fridge" in home
    assert "Quokkafield" not in home  # de-identified, as everywhere in Slack
    assert "Updates in for 1 of 2 clients" in open_home(h, FAY)


def test_done_and_add_progress_from_the_home(h):
    answer = h.sender.command(f"action U1R-014 <@{KATE}|kate> book the removal van by Friday",
                              user_id=FAY, channel_id="C0U1R0001",
                              response_url=h.fake.response_url())
    assert answer.status == 200
    wait_until(lambda: homes_of(h, KATE))  # the new owner's Home is refreshed
    view = homes_of(h, KATE)[-1]
    assert "book the removal van" in render_view(view)
    (action_id,) = button_values(view, "home_action_done")
    assert button_values(view, "action_progress") == [action_id]
    opened = len(h.fake.calls_to("views.open"))
    h.sender.block_action("action_progress", user_id=KATE, value=action_id,
                          view={"type": "home", "id": "V0HOME001"},
                          trigger_id=h.fake.new_trigger_id())
    assert "Add progress" in render_view(h.settle("views.open", opened + 1)[-1].args["view"])
    seen = len(homes_of(h, KATE))
    h.sender.block_action("home_action_done", user_id=KATE, value=action_id,
                          view={"type": "home", "id": "V0HOME001"})
    assert "Nothing open" in next_home(h, KATE, seen)


def test_show_more_pages_a_long_client_list(group_setup, slack_app):
    group_setup(clients=20)  # Kate: U1R-014 and U1R-100…U1R-119
    h = slack_app()
    h.at("2026-11-26T10:00+10:00")
    h.sender.home_opened(user_id=KATE)
    first = wait_until(lambda: homes_of(h, KATE))[-1]
    assert "U1R-119" not in render_view(first)
    assert button_values(first, "home_page") == ["clients:1"]
    h.sender.block_action("home_page", user_id=KATE, value="clients:1",
                          view={"type": "home", "id": "V0HOME001"})
    second = wait_until(lambda: homes_of(h, KATE)[1:])[-1]
    assert "U1R-119" in render_view(second) and "U1R-100" not in render_view(second)
    assert button_values(second, "home_page") == ["clients:0"]


def test_help_by_role(h):
    def help_for(user: str) -> str:
        reply = h.sender.command("help", user_id=user, channel_id="C0U1R0001")
        return json.dumps(reply.json())

    worker, facilitator = help_for(KATE), help_for(FAY)
    for command in ("/casebot start", "meeting move", "exit U1R-014", "champion @user"):
        assert command not in worker, command
        assert command in facilitator, command
    assert "never puts a client's name" in worker and "update U1R-014" in worker
    champion = help_for(OMAR)  # worker and champion
    assert "checklist" in champion and "meeting move" not in champion
    assert "not set up" in help_for("U0STRANGR")
