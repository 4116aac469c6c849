"""Issue 14's acceptance, through signed requests against the fake Slack: a champion is added and
paired with a mentor (both DMed), ticks two items from App Home, attends a meeting (auto-tick),
stalls for 14 days (nudged once that week), completes the checklist (announced once) and is
welcomed in the channel. And who may do what: a worker can't add champions, only the champion
ticks, a mentor nudges only their own mentees."""

from __future__ import annotations

from devkit.fake_slack import dm_channel_id
from devkit.transcript import render_message
from handlers import background
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR, wait_until

MEL = "U0MEL0001"  # mentor, Micah Projects, in Brisbane


def _command(h, text: str, user: str) -> list:
    before = len(h.fake.calls)
    url = h.fake.response_url()
    h.sender.command(text, user_id=user, channel_id=CHANNEL, response_url=url,
                     trigger_id=h.fake.new_trigger_id())
    background.wait_idle()
    return h.fake.calls[before:]


def _said(calls) -> str:
    return "\n".join(render_message(c.args) for c in calls
                     if c.method in ("response_url", "chat.postMessage", "chat.postEphemeral"))


def _dm_texts(h, user: str) -> list[str]:
    return [render_message(m) for m in h.fake.messages(dm_channel_id(user))]


def _ticks(h) -> dict[str, str]:
    return dict(h.query("SELECT key, how FROM onboarding_ticks"))


def _home(h, user: str) -> dict:
    before = len(h.fake.calls_to("views.publish"))
    h.sender.home_opened(user_id=user)
    published = h.settle("views.publish", before + 1)[-1]
    return published.args["view"] | {"id": published.response["view"]["id"]}


def _buttons(view: dict, action_id: str) -> list[str]:
    """The values of the buttons with ``action_id`` on a published view."""
    return [e.get("value", "") for b in view.get("blocks", []) for e in
            (b.get("elements") or ([b["accessory"]] if b.get("accessory") else []))
            if e.get("action_id") == action_id]


def _tick_from_home(h, user: str, champion_id: int, key: str) -> None:
    """Press the Tick button the Home shows for ``key`` (a forged value where there is none:
    someone else's item, or one already ticked)."""
    home = _home(h, user)
    shown = [v for v in _buttons(home, "onboarding_tick") if v.endswith(f":{key}")]
    if user == KATE and key not in _ticks(h):
        assert shown == [f"{champion_id}:{key}"], _buttons(home, "onboarding_tick")
    before = len(h.fake.calls_to("views.publish"))
    h.sender.block_action("onboarding_tick", user_id=user, view=home,
                          value=shown[0] if shown else f"{champion_id}:{key}")
    background.wait_idle()
    if user == KATE:
        h.settle("views.publish", before + 1)  # the Home shows the tick


def test_champion_onboarding_from_pairing_to_welcome(h, cli):
    h.fake.add_user(MEL, name="mel", real_name="Mel Mentor", tz="Australia/Brisbane")
    cli.ok("member", "add", "--user", MEL, "--agency", "Micah Projects", "--role", "mentor")

    # A worker can't add champions: told kindly, nothing saved.
    said = _said(_command(h, f"champion <@{KATE}|kate> Micah Projects", OMAR))
    assert "Only Under 1 Roof's facilitators and secretariat can add champions" in said
    assert h.count("champions") == 0

    # (1) The facilitator adds Kate as Micah Projects' champion; Mel is paired; both are DMed.
    said = _said(_command(h, f"champion <@{KATE}|kate> Micah Projects", FAY))
    assert f"@{KATE} is now the champion for Micah Projects in Under 1 Roof" in said
    assert f"@{MEL} is their mentor" in said
    (champion_id,) = h.query("SELECT id FROM champions")[0]
    wait_until(lambda: h.fake.messages(dm_channel_id(KATE)) and h.fake.messages(
        dm_channel_id(MEL)))
    to_kate = _dm_texts(h, KATE)[-1]
    assert "You're now the champion for Micah Projects in Under 1 Roof" in to_kate.replace("*", "")
    assert f"Your mentor is @{MEL}" in to_kate
    assert "The purpose of case coordination" in to_kate and "[Tick]" in to_kate
    to_mel = _dm_texts(h, MEL)[-1]
    assert f"@{KATE} is now" in to_mel and "you're their mentor" in to_mel

    # (2) Kate ticks two items from her App Home; Mel's press on Kate's item changes nothing.
    _tick_from_home(h, KATE, champion_id, "purpose")
    _tick_from_home(h, KATE, champion_id, "privacy")
    _tick_from_home(h, MEL, champion_id, "cycle")
    assert _ticks(h) == {"purpose": "hand", "privacy": "hand"}
    assert "2/8, last progress" in cli.ok("champion", "list")

    # A mentor nudges only their own mentees: Omar can't; Mel's nudge reaches Kate kindly.
    h.sender.block_action("mentee_nudge", user_id=OMAR, view=_home(h, OMAR),
                          value=str(champion_id))
    background.wait_idle()
    assert not any("checking in" in t for t in _dm_texts(h, KATE))
    h.sender.block_action("mentee_nudge", user_id=MEL, view=_home(h, MEL),
                          value=str(champion_id))
    wait_until(lambda: any("checking in" in t for t in _dm_texts(h, KATE)))
    assert "2 of 8 done" in next(t for t in _dm_texts(h, KATE) if "checking in" in t)

    # (3) Kate says she'll attend, and attends: the meeting's close ticks "Observe a meeting".
    h.tick("2026-11-27T09:00+10:00")
    prompt = h.fake.messages(dm_channel_id(KATE))[-1]
    assert "attend" in repr(prompt)
    h.sender.block_action("attend", user_id=KATE, message=prompt)
    background.wait_idle()
    h.at("2026-12-01T10:00+10:00")
    _command(h, "start", FAY)
    h.at("2026-12-01T11:00+10:00")
    _command(h, "end", FAY)
    assert _ticks(h)["observe"] == "attend"

    # (4) Fourteen days without progress: Kate and Mel are nudged once, not again that week.
    def stalled() -> tuple[int, int]:
        return (sum("two weeks since your last onboarding step" in t
                    for t in _dm_texts(h, KATE)),
                sum("no onboarding progress for two weeks" in t for t in _dm_texts(h, MEL)))

    h.tick("2026-12-15T10:00+10:00")  # 13 days 23 hours
    assert stalled() == (0, 0)
    h.tick("2026-12-15T11:30+10:00")
    assert stalled() == (1, 1)
    for when in ("2026-12-15T15:00+10:00", "2026-12-17T10:00+10:00",
                 "2026-12-21T10:00+10:00"):
        h.tick(when)
    assert stalled() == (1, 1)
    h.tick("2026-12-22T11:30+10:00")  # a week on, still stalled: weekly
    assert stalled() == (2, 2)
    # Mel's weekly digest of her mentees came too, once a week.
    digests = [t for t in _dm_texts(h, MEL) if "Your mentees' onboarding this week" in t]
    assert len(digests) == 2 and f"@{KATE} · Micah Projects · Under 1 Roof: 3/8" in digests[0]

    # (5) Kate ticks the rest from her App Home: completion is announced once, to Mel and to
    # the secretariat (Fay, who as facilitator gets the Welcome button).
    h.at("2026-12-22T14:00+10:00")
    for key in ("refer", "cycle", "present", "brief", "contact"):
        _tick_from_home(h, KATE, champion_id, key)
    assert len(_ticks(h)) == 8
    wait_until(lambda: any("completed their onboarding" in t for t in _dm_texts(h, FAY)))
    h.tick("2026-12-22T14:05+10:00")
    _tick_from_home(h, KATE, champion_id, "contact")  # again: nothing new
    assert sum("completed their onboarding" in t for t in _dm_texts(h, MEL)) == 1
    announced = [m for m in h.fake.messages(dm_channel_id(FAY))
                 if "completed their onboarding" in render_message(m)]
    assert len(announced) == 1 and "[Welcome to the channel]" in render_message(announced[0])
    assert "8/8, completed" in cli.ok("champion", "list")

    # The facilitator welcomes Kate in the channel, once.
    for _ in range(2):
        h.sender.block_action("welcome_champion", user_id=FAY, message=announced[0],
                              channel_id=dm_channel_id(FAY))
        background.wait_idle()
        wait_until(lambda: any("Please welcome" in render_message(m)
                               for m in h.fake.messages(CHANNEL)))
    welcomes = [m for m in h.fake.messages(CHANNEL) if "Please welcome" in render_message(m)]
    assert len(welcomes) == 1
    assert f"@{KATE}, the champion for Micah Projects" in render_message(welcomes[0])
    assert h.fake.invalid_calls() == []
