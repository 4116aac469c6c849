"""Moving or cancelling a meeting: the channel is told of every change within the prompt window,
everyone already asked gets a DM, and the reply (Slack or command line) says exactly who."""

from __future__ import annotations

from devkit.transcript import render_message
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR, wait_until

GROUP = ("--group", "Under 1 Roof")


def meeting_command(h, text: str) -> str:
    """``/casebot …`` by the facilitator; returns the reply (only she sees it)."""
    before = len(h.fake.calls_to("response_url"))
    h.sender.command(text, user_id=FAY, channel_id=CHANNEL, response_url=h.fake.response_url())
    return h.settle("response_url", before + 1)[-1].args["text"]


def channel_notices(h) -> list[str]:
    return [render_message(c.args) for c in h.posts(CHANNEL)]


def test_a_move_within_the_prompt_window_is_told_in_the_channel(h):
    h.at("2026-11-27T07:00+10:00")  # Fri: prompts for Tue 1 Dec go out at 09:00; none yet
    reply = meeting_command(h, "meeting move 2026-12-01 2026-12-02T14:00")
    assert reply == (
        "Moved to Wed 2 Dec, 14:00 (Brisbane time). The channel is told; nobody had been asked "
        "about it yet, so prompts will go out for the new date."
    ), reply
    (notice,) = wait_until(lambda: channel_notices(h))
    assert "Under 1 Roof* on *Tue 1 Dec* has moved to *Wed 2 Dec, 14:00" in notice, notice
    assert h.posts(KATE) == h.posts(OMAR) == []


def test_a_far_off_move_that_nobody_was_asked_about_is_not_announced(h):
    reply = meeting_command(h, "meeting move 2026-12-15 2026-12-16T10:00")
    assert reply == (
        "Moved to Wed 16 Dec, 10:00 (Brisbane time). Nobody has been asked about it yet, so no "
        "one else is told; prompts will go out for the new date."
    ), reply
    h.tick("2026-11-26T10:01+10:00")
    assert h.posts() == []
    cancelled = meeting_command(h, "meeting cancel 2026-12-16")
    assert cancelled == (
        "Cancelled. Nobody has been asked about it yet, so no one else is told; nothing will be "
        "sent for it."
    ), cancelled
    h.tick("2026-11-26T10:02+10:00")
    assert h.posts() == []


def test_those_asked_and_the_channel_are_told_and_the_reply_says_so(h):
    h.tick("2026-11-27T09:00+10:00")  # all three are asked about Tue 1 Dec
    asked = len(h.posts())
    reply = meeting_command(h, "meeting cancel 2026-12-01")
    assert reply == "Cancelled. The channel and the 3 people already asked about it are told."
    told = wait_until(lambda: h.posts()[asked:] if len(h.posts()) >= asked + 4 else None)
    assert sorted(c.args["channel"] for c in told) == sorted([KATE, OMAR, FAY, CHANNEL])
    assert "is cancelled" in channel_notices(h)[-1]


def test_a_meeting_started_early_can_not_be_moved(h):
    h.at("2026-12-01T09:30+10:00")
    assert "The meeting is open" in meeting_command(h, "start")
    reply = meeting_command(h, "meeting move 2026-12-01 2026-12-02T14:00")
    assert "already started" in reply, reply


def test_the_command_line_says_who_is_told(h):
    far = h.cli.ok("meeting", "move", *GROUP, "--from", "2026-12-15", "--to", "2026-12-16T10:00")
    assert far.splitlines() == [
        "Moved: Under 1 Roof now meets Wed 16 Dec 2026 10:00 (Australia/Brisbane). Nobody has "
        "been asked about it yet, so no one else is told; prompts will go out for the new date."
    ], far
    # moved into the prompt window (prompts for Fri 27 Nov were due on Tue 24 Nov)
    near = h.cli.ok("meeting", "move", *GROUP, "--from", "2026-12-16", "--to", "2026-11-27T14:00")
    assert near.splitlines() == [
        "Moved: Under 1 Roof now meets Fri 27 Nov 2026 14:00 (Australia/Brisbane). The channel "
        "is told; nobody had been asked about it yet, so prompts will go out for the new date.",
        "The notice goes out with the bot's next tick.",
    ], near
    assert h.posts() == []
    h.tick("2026-11-26T10:01+10:00")
    (notice,) = channel_notices(h)
    assert "has moved to *Fri 27 Nov, 14:00" in notice, notice
