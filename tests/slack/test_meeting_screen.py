"""The meeting's screen is shown through one path (bot/screen.py) from the listeners and the tick:
a screen that is gone is re-posted by a step, and never stops a meeting from closing."""

from __future__ import annotations

from slack_sdk import WebClient

from devkit.transcript import render_message
from tests.slack.conftest import CHANNEL, FAY, wait_until


def _command(h, text: str) -> None:
    h.sender.command(text, user_id=FAY, channel_id=CHANNEL, response_url=h.fake.response_url())


def _start_then_delete_the_screen(h) -> None:
    h.at("2026-12-01T09:58+10:00")
    _command(h, "start")
    screen = wait_until(lambda: h.fake.messages(CHANNEL))[0]
    WebClient(token=h.fake.bot_token, base_url=h.fake.base_url).chat_delete(
        channel=CHANNEL, ts=screen["ts"]
    )


def test_ending_a_meeting_whose_screen_is_gone_still_sends_the_minutes(h, caplog):
    _start_then_delete_the_screen(h)
    _command(h, "end")
    minutes = wait_until(lambda: h.fake.messages(CHANNEL))
    assert "Minutes" in render_message(minutes[0])
    answers = wait_until(lambda: h.fake.calls_to("response_url")[1:])
    assert "clients discussed" in repr(answers[0].args)  # not "sorry, something went wrong"
    assert "could not update a meeting screen: message_not_found" in caplog.text


def test_the_tick_does_not_put_back_a_deleted_screen(h, caplog):
    _start_then_delete_the_screen(h)
    h.tick("2026-12-01T23:30+10:00")  # long after the end: the tick closes the meeting
    assert all("meeting closed" not in render_message(m) for m in h.fake.messages(CHANNEL))
    assert "could not update a meeting screen: message_not_found" in caplog.text
