"""A whole cycle with every log at DEBUG, failed verifications included, leaves no client
identifier in the logs: not from Bolt, not from slack_sdk, not from SQL, not from Casebot."""

from __future__ import annotations

import json
import logging
import time

import pytest

from devkit.fake_slack import dm_channel_id
from devkit.slack_requests import FORM, signature
from handlers import background
from tests.identities import JANE, TOM, plaintext_markers
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR, SECRET, wait_until

TYPED = (
    "Jane Quokkafield (Janey Q) born 3/4/1988, of Unit 4, 17 Banksia Crescent, on 0412 345 678 "
    "or jane.quokkafield@example.org, Medicare 2123 45670 1, CRN 204837561K"
)


class Capture(logging.Handler):
    """The operator's own handler, at DEBUG, with none of Casebot's filters on it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def debug_logs():
    root = logging.getLogger()
    capture = Capture()
    level = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    sql = logging.getLogger("sqlalchemy.engine")
    sql_level = sql.level
    sql.setLevel(logging.INFO)  # as echo=True would: every statement
    try:
        yield capture
    finally:
        root.removeHandler(capture)
        root.setLevel(level)
        sql.setLevel(sql_level)


def leaks(text: str) -> list[str]:
    markers = [m.decode() for m in plaintext_markers(JANE) + plaintext_markers(TOM)]
    found = [m for m in markers if m.lower() in text.lower()]
    digits = "".join(ch for ch in text if ch.isdigit())
    return found + [n for n in ("0412345678", "2123456701", "204837561") if n in digits]


def test_a_whole_cycle_at_debug_logs_no_identifier(group_setup, slack_app, debug_logs):
    group_setup()
    h = slack_app()
    h.tick("2026-11-27T09:00+10:00")  # prompts, profiles read from Slack

    # Requests that fail verification, each carrying identifiers in its body.
    body = ("command=%2Fcasebot&user_id=U0KATE001&channel_id=C0U1R0001&text="
            + TYPED.replace(" ", "+")).encode()
    now = int(time.time())
    statuses = []
    for headers in (
        {"X-Slack-Request-Timestamp": str(now - 360),  # a server clock 6 minutes off
         "X-Slack-Signature": signature(SECRET, now - 360, body)},
        {"X-Slack-Request-Timestamp": "not-a-number", "X-Slack-Signature": "v0=" + "1" * 64},
        {"X-Slack-Request-Timestamp": str(now), "X-Slack-Signature": "v0=" + "2" * 64},
    ):
        statuses.append(h.sender.raw(body, content_type=FORM, extra_headers=headers).status)
    dm_event = {"type": "message", "channel": dm_channel_id(KATE), "user": KATE,
                "text": f"U1R-014: {TYPED}", "ts": "1700000000.000100", "channel_type": "im"}
    envelope = json.dumps({"type": "event_callback", "event": dm_event, "event_id": "Ev1"}).encode()
    stale = now - 400
    statuses.append(h.sender.raw(envelope, content_type="application/json", extra_headers={
        "X-Slack-Request-Timestamp": str(stale),
        "X-Slack-Signature": signature(SECRET, stale, envelope)}).status)

    # The cycle: a DM update with identifiers, confirmed; an unknown code; an action; the form.
    h.sender.dm(f"U1R-014: {TYPED}", user_id=KATE)
    preview = wait_until(lambda: [m for m in h.fake.messages(dm_channel_id(KATE))
                                  if "Confirm" in json.dumps(m)])[-1]
    h.sender.block_action("draft_confirm", user_id=KATE, message=preview)
    h.sender.dm(f"XYZ-999: {TYPED}", user_id=KATE)
    h.sender.dm(f"U1R-015: {TYPED}", user_id=KATE)  # someone else's client: refused
    h.sender.command(f"action U1R-014 <@{KATE}|kate> ring {TYPED} by Friday", user_id=FAY,
                     channel_id=CHANNEL, response_url=h.fake.response_url())
    h.sender.command("update U1R-015", user_id=OMAR, channel_id=CHANNEL,
                     trigger_id=h.fake.new_trigger_id())
    opened = h.settle("views.open", 1)[-1]
    h.sender.view_submission(
        "update_modal", {"update_text": {"text": {"type": "plain_text_input", "value": TYPED}}},
        user_id=OMAR, view=h.fake.view(opened.response["view"]["id"]),
    )
    h.sender.event({"type": "reaction_added", "user": KATE, "reaction": TYPED,
                    "item": {"type": "message", "channel": CHANNEL, "ts": "1.2"}})  # unhandled
    background.wait_idle()

    # The meeting: agenda, start, a decision with identifiers, end and minutes.
    h.tick("2026-12-01T08:00+10:00")
    h.at("2026-12-01T10:00+10:00")
    h.sender.command("start", user_id=FAY, channel_id=CHANNEL, response_url=h.fake.response_url())
    background.wait_idle()
    h.sender.command(f"decision U1R-014 {TYPED}", user_id=KATE, channel_id=CHANNEL,
                     response_url=h.fake.response_url())
    background.wait_idle()
    h.sender.command("end", user_id=FAY, channel_id=CHANNEL, response_url=h.fake.response_url())
    background.wait_idle()
    wait_until(lambda: [m for m in h.fake.messages(CHANNEL) if "Minutes" in json.dumps(m)])

    logged = "\n".join(debug_logs.lines)
    assert leaks(logged) == []
    assert statuses == [401, 401, 401, 401]
    assert len(debug_logs.lines) > 100, "the capture saw the logs"
    assert "refused a request: invalid request" in logged  # the failures were logged, bare
    assert any(line.startswith("sqlalchemy.engine") for line in debug_logs.lines)
    assert "Ev1" not in logged and "U1R-014: " not in logged  # no request body at all
