"""The Slack devkit: fake Web API, Block Kit limits, signed Slack-shaped requests, transcripts."""

from __future__ import annotations

import json
import queue
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from zoneinfo import ZoneInfo

import pytest
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from devkit import block_limits
from devkit.fake_slack import FakeSlack, dm_channel_id
from devkit.rate_limits import RateLimits
from devkit.slack_requests import SlackSender, signature
from devkit.transcript import render_message, render_view

# Slack's own payloads, copied from its docs and SDK test suites (see fixtures/slack/README.md).
REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "slack"
SECRET = "devkit-test-signing-secret"
ALICE = "U0ALICE01"
SAM = "U0SAM0001"


class Clock:
    """A hand-wound monotonic clock for trigger/response-URL expiry."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def fake(clock: Clock) -> Iterator[FakeSlack]:
    users = {
        ALICE: {"name": "alice", "real_name": "Alice Example"},
        SAM: {"name": "sam", "real_name": "Sam Sydney", "tz": "Australia/Sydney"},
    }
    with FakeSlack(users=users, clock=clock) as server:
        yield server


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    return WebClient(token=fake.bot_token, base_url=fake.base_url)


def section(text: str, **extra: Any) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}, **extra}


def modal(title: str = "New case", **extra: Any) -> dict[str, Any]:
    return {"type": "modal", "title": {"type": "plain_text", "text": title}, "blocks": [], **extra}


def slack_error(call: Any) -> SlackApiError:
    with pytest.raises(SlackApiError) as info:
        call()
    return info.value


# --- signing ----------------------------------------------------------------------------------


def test_signature_reproduces_slacks_documented_vector():
    vector = json.loads((REFERENCE / "signing/slash_command_signed__docs_vector.json").read_text())
    ts = int(vector["headers"]["X-Slack-Request-Timestamp"])
    expected = vector["headers"]["X-Slack-Signature"]
    assert signature(vector["signing_secret"], ts, vector["raw_body"].encode()) == expected


# --- the fake Web API through slack_sdk -------------------------------------------------------


def test_auth_test_names_the_bot(fake, client):
    reply = client.auth_test()
    assert (reply["user_id"], reply["team_id"]) == (fake.bot_user_id, fake.team_id)
    assert reply["bot_id"].startswith("B") and reply["url"].startswith("https://")


def test_wrong_or_missing_token_is_refused(fake):
    assert slack_error(WebClient(token="xoxb-nope", base_url=fake.base_url).auth_test).response[
        "error"
    ] == ("invalid_auth")
    assert slack_error(WebClient(base_url=fake.base_url).auth_test).response["error"] == (
        "not_authed"
    )


def test_post_to_a_user_lands_in_their_dm(fake, client):
    reply = client.chat_postMessage(
        channel=ALICE, text="Hello &lt;team&gt;", blocks=[section("Hi")]
    )
    assert reply["channel"] == dm_channel_id(ALICE) and reply["channel"].startswith("D")
    assert reply["message"]["ts"] == reply["ts"]
    assert fake.messages(ALICE) == fake.messages(reply["channel"])
    assert fake.messages(ALICE)[0]["text"] == "Hello &lt;team&gt;"
    second = client.chat_postMessage(channel=reply["channel"], text="again")
    assert float(second["ts"]) > float(reply["ts"])  # ts increase like Slack's


def test_form_encoded_calls_with_json_string_blocks_are_decoded(fake, client):
    blocks = [section("from a form")]
    data = {"channel": ALICE, "text": "t", "blocks": json.dumps(blocks)}
    assert client.api_call("chat.postMessage", data=data)["ok"]
    (call,) = fake.calls_to("chat.postMessage")
    assert call.args["blocks"] == blocks
    assert call.headers["Content-Type"] == "application/x-www-form-urlencoded"


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
def test_post_needs_content_and_a_known_recipient(client):
    assert slack_error(lambda: client.chat_postMessage(channel=ALICE)).response["error"] == (
        "no_text"
    )
    error = slack_error(lambda: client.chat_postMessage(channel="U0NOBODY1", text="hi"))
    assert error.response["error"] == "channel_not_found"


def test_post_to_a_channel_the_bot_is_not_in_fails(fake, client):
    fake.set_channel_members("C0CASES01", [ALICE], name="cases")
    error = slack_error(lambda: client.chat_postMessage(channel="C0CASES01", text="hi"))
    assert error.response["error"] == "not_in_channel"
    fake.set_channel_members("C0CASES01", [ALICE, fake.bot_user_id])
    assert client.chat_postMessage(channel="C0CASES01", text="hi")["ok"]


def test_update_delete_and_permalink(fake, client):
    posted = client.chat_postMessage(channel=ALICE, text="v1", blocks=[section("one")])
    channel, ts = posted["channel"], posted["ts"]
    client.chat_update(channel=channel, ts=ts, text="v2")
    assert fake.messages(channel)[0]["text"] == "v2"
    assert fake.messages(channel)[0]["blocks"] == [section("one")]  # left out: kept
    link = client.chat_getPermalink(channel=channel, message_ts=ts)["permalink"]
    assert link.endswith(f"/archives/{channel}/p{ts.replace('.', '')}")
    error = slack_error(lambda: client.chat_update(channel=channel, ts="1.000001", text="x"))
    assert error.response["error"] == "message_not_found"
    client.chat_delete(channel=channel, ts=ts)
    assert fake.messages(channel) == []


def test_post_ephemeral_returns_message_ts_and_stays_out_of_history(fake, client):
    reply = client.chat_postEphemeral(channel=ALICE, user=ALICE, text="only you")
    assert reply["message_ts"]
    assert fake.messages(ALICE) == []


def test_users_info_reports_zone_and_current_offset(client):
    user = client.users_info(user=SAM)["user"]
    assert (user["tz"], user["real_name"], user["profile"]["display_name"]) == (
        "Australia/Sydney",
        "Sam Sydney",
        "sam",
    )
    assert user["tz_offset"] in (36000, 39600)  # AEST in July, AEDT in January
    expected = datetime.now(ZoneInfo("Australia/Sydney")).utcoffset()
    assert expected is not None and user["tz_offset"] == int(expected.total_seconds())
    assert user["is_bot"] is False and user["deleted"] is False
    assert slack_error(lambda: client.users_info(user="U0NOBODY1")).response["error"] == (
        "user_not_found"
    )


def test_conversations_open_info_and_members(fake, client):
    opened = client.conversations_open(users=ALICE)
    assert opened["channel"]["id"] == dm_channel_id(ALICE)
    assert client.conversations_open(users=ALICE)["already_open"] is True
    info = client.conversations_info(channel=opened["channel"]["id"])["channel"]
    assert info["is_im"] and info["user"] == ALICE
    fake.set_channel_members("C0CASES01", [ALICE, SAM, fake.bot_user_id], name="cases")
    assert client.conversations_info(channel="C0CASES01")["channel"]["name"] == "cases"
    first = client.conversations_members(channel="C0CASES01", limit=2)
    rest = client.conversations_members(
        channel="C0CASES01", cursor=first["response_metadata"]["next_cursor"]
    )
    assert first["members"] + rest["members"] == [ALICE, SAM, fake.bot_user_id]
    error = slack_error(lambda: client.conversations_info(channel="C0UNKNOWN"))
    assert error.response["error"] == "channel_not_found"


def test_views_open_push_update_publish(fake, client):
    opened = client.views_open(trigger_id=fake.new_trigger_id(), view=modal(external_id="case-1"))
    view_id = opened["view"]["id"]
    assert view_id.startswith("V") and opened["view"]["hash"]
    for n in (2, 3):
        pushed = client.views_push(trigger_id=fake.new_trigger_id(), view=modal(f"Step {n}"))
        assert pushed["view"]["root_view_id"] == view_id
    error = slack_error(lambda: client.views_push(trigger_id=fake.new_trigger_id(), view=modal()))
    assert error.response["error"] == "push_limit_reached"
    updated = client.views_update(external_id="case-1", view=modal("Renamed"))
    assert updated["view"]["id"] == view_id and updated["view"]["hash"] != opened["view"]["hash"]
    assert fake.view(view_id)["title"]["text"] == "Renamed"
    stale = slack_error(
        lambda: client.views_update(view_id=view_id, hash=opened["view"]["hash"], view=modal())
    )
    assert stale.response["error"] == "hash_conflict"
    missing = slack_error(lambda: client.views_update(view_id="V0NOPE", view=modal()))
    assert missing.response["error"] == "not_found"
    home = client.views_publish(user_id=ALICE, view={"type": "home", "blocks": [section("Hi")]})
    assert home["view"]["type"] == "home"


def test_unknown_and_unfaked_methods_are_told_apart(client):
    assert slack_error(lambda: client.api_call("reactions.add")).response["error"] == (
        "not_implemented_in_fake"
    )
    assert slack_error(lambda: client.api_call("chat.sendCarrierPigeon")).response["error"] == (
        "unknown_method"
    )


def test_injected_failure(fake, client):
    fake.fail("chat.postMessage", error="fatal_error", status=500)
    error = slack_error(lambda: client.chat_postMessage(channel=ALICE, text="x"))
    assert (error.response.status_code, error.response["error"]) == (500, "fatal_error")
    assert client.chat_postMessage(channel=ALICE, text="x")["ok"]


def test_faults_that_leave_the_outcome_unknown_still_store_the_message(fake):
    """A 500, a late answer and a dropped connection, each after the post was stored; a late
    store shows the post only after the caller gave up."""
    client = WebClient(token=fake.bot_token, base_url=fake.base_url, timeout=1, retry_handlers=[])
    fake.fail_after_storing("chat.postMessage")
    error = slack_error(lambda: client.chat_postMessage(channel=ALICE, text="one"))
    assert error.response.status_code == 500
    fake.answer_late("chat.postMessage", seconds=2)
    with pytest.raises(TimeoutError):
        client.chat_postMessage(channel=ALICE, text="two")
    fake.drop_after_storing("chat.postMessage")
    with pytest.raises(ConnectionError):
        client.chat_postMessage(channel=ALICE, text="three")
    fake.store_late("chat.postMessage", seconds=1.5)
    with pytest.raises(TimeoutError):
        client.chat_postMessage(channel=ALICE, text="four")
    assert [m["text"] for m in fake.messages(ALICE)] == ["one", "two", "three"]
    fake.wait_for("chat.postMessage", 4)
    assert [m["text"] for m in fake.messages(ALICE)] == ["one", "two", "three", "four"]


def test_history_pages_newest_first_with_metadata_only_when_asked(client):
    marked = {"event_type": "casebot_outbox", "event_payload": {"key": "abc"}}
    for n in range(5):
        client.chat_postMessage(channel=ALICE, text=f"m{n}", metadata=marked)
    channel = dm_channel_id(ALICE)
    first = client.conversations_history(channel=channel, limit=3)
    assert [m["text"] for m in first["messages"]] == ["m4", "m3", "m2"]
    assert first["has_more"] and "metadata" not in first["messages"][0]
    rest = client.conversations_history(channel=channel, limit=3, include_all_metadata=True,
                                        cursor=first["response_metadata"]["next_cursor"])
    assert [m["text"] for m in rest["messages"]] == ["m1", "m0"] and not rest["has_more"]
    assert rest["messages"][0]["metadata"] == marked
    since = client.conversations_history(channel=channel, oldest=first["messages"][1]["ts"])
    assert [m["text"] for m in since["messages"]] == ["m4"]


def test_history_needs_the_scope_of_the_conversation():
    with FakeSlack(open_channels=True, scopes={"chat:write", "im:history"}) as fake:
        client = WebClient(token=fake.bot_token, base_url=fake.base_url)
        client.chat_postMessage(channel="C0PUBLIC1", text="hello")
        error = slack_error(lambda: client.conversations_history(channel="C0PUBLIC1"))
        assert (error.response["error"], error.response["needed"]) == (
            "missing_scope", "channels:history")


def test_metadata_must_be_an_event_type_and_a_payload(client):
    error = slack_error(lambda: client.chat_postMessage(
        channel=ALICE, text="x", metadata={"event_type": "casebot_outbox"}))
    assert error.response["error"] == "invalid_metadata_schema"


# --- rate limits ------------------------------------------------------------------------------


def test_rate_limit_reaches_a_plain_client_as_429(fake, client):
    fake.rate_limit("chat.postMessage", retry_after=7)
    error = slack_error(lambda: client.chat_postMessage(channel=ALICE, text="x"))
    assert error.response.status_code == 429
    assert error.response["error"] == "ratelimited"
    assert error.response.headers["retry-after"] in ("7", ["7"])


def test_a_slow_answer_comes_after_the_call_took_effect(fake, client):
    """``slow``: the message is in Slack (and the call recorded) while its answer is on its way:
    what a sender killed mid-send leaves behind."""
    fake.slow("chat.postMessage", 30)
    answers: queue.Queue[Any] = queue.Queue()

    def send_late() -> None:
        try:
            answers.put(client.chat_postMessage(channel=ALICE, text="late"))
        except Exception as exc:  # the fake stops at the test's end, with this answer unsent
            answers.put(exc)

    threading.Thread(target=send_late, daemon=True).start()
    fake.wait_for("chat.postMessage", 1)
    assert [m["text"] for m in fake.messages(ALICE)] == ["late"]
    assert answers.empty(), "not answered yet"
    fake.slow("chat.postMessage", 0)
    assert client.chat_postMessage(channel=ALICE, text="on time")["ok"], "others go on meanwhile"


def test_rate_limit_retry_handler_waits_and_succeeds(fake):
    fake.rate_limit("chat.postMessage", retry_after=1)
    patient = WebClient(
        token=fake.bot_token,
        base_url=fake.base_url,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)],
    )
    started = time.monotonic()
    assert patient.chat_postMessage(channel=ALICE, text="x")["ok"]
    assert time.monotonic() - started >= 1.0
    assert [c.error for c in fake.calls_to("chat.postMessage")] == ["ratelimited", None]


@pytest.fixture
def tiered(clock: Clock) -> Iterator[FakeSlack]:
    """The fake enforcing Slack's rate limits, on the hand-wound clock."""
    users = {ALICE: {"name": "alice"}, SAM: {"name": "sam"}}
    with FakeSlack(users=users, clock=clock, rate_limits=RateLimits()) as server:
        yield server


def test_by_default_nothing_is_rate_limited(fake, client):
    for n in range(30):
        assert client.chat_postMessage(channel="C0BUSY001", text=f"{n}")["ok"]
    for _ in range(120):
        client.users_info(user=ALICE)
    assert fake.rate_limited() == []


def test_tiers_hold_a_channel_to_a_message_a_second_after_a_short_burst(tiered, clock):
    client = WebClient(token=tiered.bot_token, base_url=tiered.base_url, retry_handlers=[])
    for n in range(3):  # the burst Slack tolerates
        assert client.chat_postMessage(channel="C0BUSY001", text=f"{n}")["ok"]
    error = slack_error(lambda: client.chat_postMessage(channel="C0BUSY001", text="3"))
    assert (error.response.status_code, error.response["error"]) == (429, "ratelimited")
    assert error.response.headers["retry-after"] in ("1", ["1"])
    assert client.chat_postMessage(channel="C0OTHER01", text="elsewhere")["ok"]
    clock.now += 1.0
    assert client.chat_postMessage(channel="C0BUSY001", text="3")["ok"]
    error = slack_error(lambda: client.chat_postMessage(channel="C0BUSY001", text="4"))
    assert error.response.status_code == 429, "a refused call does not count, a second has not"
    assert [c.args["text"] for c in tiered.rate_limited()] == ["3", "4"]


def test_tiers_count_a_dm_by_user_id_and_by_channel_as_one(tiered):
    client = WebClient(token=tiered.bot_token, base_url=tiered.base_url, retry_handlers=[])
    for target in (ALICE, dm_channel_id(ALICE), ALICE):
        assert client.chat_postMessage(channel=target, text="hi")["ok"]
    assert slack_error(lambda: client.chat_postMessage(channel=ALICE, text="hi")).response[
        "error"] == "ratelimited"
    assert client.chat_postMessage(channel=SAM, text="hi")["ok"], "another person's DM is free"


def test_tiers_hold_other_methods_to_their_minute(tiered, clock):
    client = WebClient(token=tiered.bot_token, base_url=tiered.base_url, retry_handlers=[])
    for _ in range(100):  # users.info is Tier 4: 100 a minute
        client.users_info(user=ALICE)
    error = slack_error(lambda: client.users_info(user=ALICE))
    assert error.response.status_code == 429
    tiered.set_channel_members("C0TIER001", [tiered.bot_user_id])
    for _ in range(50):  # conversations.info is Tier 3, counted on its own
        client.conversations_info(channel="C0TIER001")
    error = slack_error(lambda: client.conversations_info(channel="C0TIER001"))
    assert error.response.status_code == 429
    clock.now += 0.6  # 100 a minute: one more call 0.6 s later
    assert client.users_info(user=ALICE)["ok"]


def test_a_workspace_cap_when_given(clock):
    with FakeSlack(clock=clock, rate_limits=RateLimits(workspace_per_minute=5)) as fake:
        client = WebClient(token=fake.bot_token, base_url=fake.base_url, retry_handlers=[])
        for n in range(5):
            assert client.chat_postMessage(channel=f"C0WIDE{n:03d}", text="x")["ok"]
        error = slack_error(lambda: client.chat_postMessage(channel="C0WIDE999", text="x"))
        assert error.response.headers["retry-after"] in ("12", ["12"])


# --- Block Kit limits -------------------------------------------------------------------------


def test_block_count_limit(fake, client):
    assert client.chat_postMessage(channel=ALICE, text="ok", blocks=[section("x")] * 50)["ok"]
    error = slack_error(
        lambda: client.chat_postMessage(channel=ALICE, text="no", blocks=[section("x")] * 51)
    )
    assert error.response["error"] == "invalid_blocks"
    assert any("51 items, limit 50" in reason for reason in error.response["errors"])


@pytest.mark.parametrize(
    ("blocks", "reason"),
    [
        ([section("x" * 3001)], "/blocks/0/text/text: 3001 characters, limit 3000"),
        (
            [
                {
                    "type": "actions",
                    "elements": [
                        {"type": "button", "text": {"type": "plain_text", "text": "b" * 76}}
                    ],
                }
            ],
            "/blocks/0/elements/0/text/text: 76 characters, limit 75",
        ),
        (
            [section("a", block_id="same"), section("b", block_id="same")],
            "/blocks/1/block_id: duplicate block_id 'same'",
        ),
        ([section("")], "/blocks/0/text/text: must be a non-empty string"),
    ],
    ids=["long-section", "long-button-label", "duplicate-block-id", "empty-text"],
)
def test_message_limits_are_enforced(fake, client, blocks, reason):
    error = slack_error(lambda: client.chat_postMessage(channel=ALICE, text="t", blocks=blocks))
    assert error.response["error"] == "invalid_blocks"
    assert reason in error.response["errors"]
    assert block_limits.problems(blocks, surface="message") == [reason]
    assert [c.problems for c in fake.invalid_calls()] == [[reason]]


def test_modal_title_limit(fake, client):
    error = slack_error(
        lambda: client.views_open(trigger_id=fake.new_trigger_id(), view=modal("t" * 25))
    )
    assert error.response["error"] == "invalid_arguments"
    assert error.response["response_metadata"]["messages"] == [
        "[ERROR] /view/title/text: 25 characters, limit 24"
    ]
    assert [c.method for c in fake.invalid_calls()] == ["views.open"]


def test_view_rules_beyond_blocks():
    field = {
        "type": "input",
        "label": {"type": "plain_text", "text": "Name"},
        "element": {"type": "plain_text_input", "action_id": "name", "max_length": 5000},
    }
    assert block_limits.view_problems(modal(blocks=[field])) == [
        "/view/blocks/0/element/max_length: must be 1..3000, got 5000",
        "/view/submit: is required when the modal has input blocks",
    ]
    home = {"type": "home", "blocks": [], "submit": {"type": "plain_text", "text": "Go"}}
    assert block_limits.view_problems(home) == [
        "/view/submit: a Home tab cannot have submit/close buttons"
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in (REFERENCE / "views").glob("*.json")))
def test_slacks_own_sample_views_pass(name):
    sample = json.loads((REFERENCE / "views" / name).read_text())
    view = sample.get("body", sample)
    assert block_limits.view_problems(view) == []


SLACK_WRITTEN = sorted(
    p for p in (REFERENCE / "interactivity").glob("*.json") if "message" in p.read_text()
)


@pytest.mark.parametrize("path", SLACK_WRITTEN, ids=lambda p: p.stem)
def test_blocks_slack_itself_sent_pass(path):
    body = json.loads(path.read_text())["body"]
    if isinstance(body.get("message"), dict) and "blocks" in body["message"]:
        assert block_limits.problems(body["message"]["blocks"], surface="message") == []
    if isinstance(body.get("view"), dict):
        view = {k: v for k, v in body["view"].items() if v is not None}
        assert block_limits.view_problems(view) == []


def test_very_long_text_is_truncated_and_flagged(fake, client):
    client.chat_postMessage(channel=ALICE, text="x" * 40_001)
    assert len(fake.messages(ALICE)[0]["text"]) == 40_000
    (call,) = fake.invalid_calls()
    assert call.ok and "truncates" in call.notes[0]


def test_valid_traffic_leaves_no_invalid_calls(fake, client):
    client.chat_postMessage(channel=ALICE, text="fine", blocks=[section("fine")])
    assert fake.invalid_calls() == []


# --- trigger ids and response URLs ------------------------------------------------------------


def test_trigger_id_is_single_use(fake, client):
    trigger = fake.new_trigger_id()
    client.views_open(trigger_id=trigger, view=modal())
    error = slack_error(lambda: client.views_open(trigger_id=trigger, view=modal()))
    assert error.response["error"] == "exchanged_trigger_id"


def test_trigger_id_expires_after_three_seconds(fake, client, clock):
    trigger = fake.new_trigger_id()
    clock.now += 3.01
    error = slack_error(lambda: client.views_open(trigger_id=trigger, view=modal()))
    assert error.response["error"] == "expired_trigger_id"


def test_unissued_trigger_ids_depend_on_strictness(fake, client):
    error = slack_error(lambda: client.views_open(trigger_id="123.456.abc", view=modal()))
    assert error.response["error"] == "invalid_trigger_id"
    fake.strict_triggers = False
    assert client.views_open(trigger_id="123.456.abc", view=modal())["ok"]


def post_json(url: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_response_url_is_recorded_and_usable_five_times(fake, clock):
    url = fake.response_url()
    for n in range(5):
        assert post_json(url, {"text": f"update {n}"}) == (200, {"ok": True})
    assert post_json(url, {"text": "sixth"})[1]["error"] == "used_url"
    calls = fake.calls_to("response_url")
    assert [c.args["text"] for c in calls[:5]] == [f"update {n}" for n in range(5)]
    fresh = fake.response_url()
    clock.now += 30 * 60 + 1
    assert post_json(fresh, {"text": "late"})[1]["error"] == "expired_url"


def test_response_url_bound_to_a_message_replaces_it(fake, client):
    posted = client.chat_postMessage(channel=ALICE, text="Approve?")
    url = fake.response_url(channel=posted["channel"], message_ts=posted["ts"])
    post_json(url, {"replace_original": True, "text": "Approved"})
    assert [m["text"] for m in fake.messages(ALICE)] == ["Approved"]


def test_wait_for_explains_a_timeout(fake, client):
    client.auth_test()
    with pytest.raises(AssertionError, match=r"(?s)expected 1 chat.postMessage.*auth.test: ok"):
        fake.wait_for("chat.postMessage", timeout=0.05)


# --- SlackSender against a real Bolt app ------------------------------------------------------


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Rig:
    sender: SlackSender
    seen: queue.Queue[tuple[str, Any]]
    fake: FakeSlack

    def next(self, kind: str) -> Any:
        got_kind, value = self.seen.get(timeout=5)
        assert got_kind == kind
        return value


@pytest.fixture
def rig(fake: FakeSlack) -> Iterator[Rig]:
    seen: queue.Queue[tuple[str, Any]] = queue.Queue()
    app = App(signing_secret=SECRET, client=WebClient(token=fake.bot_token, base_url=fake.base_url))

    @app.command("/casebot")
    def on_command(ack, command, client, respond):
        ack()
        seen.put(("command", command["text"]))
        client.views_open(trigger_id=command["trigger_id"], view=modal())
        respond("Opening the form")

    @app.event("app_mention")
    def on_mention(event):
        seen.put(("mention", event["text"]))

    @app.message()
    def on_dm(message, say):
        seen.put(("dm", (message["text"], message["channel"])))
        say("Got it")

    @app.action("approve")
    def on_approve(ack, action, body):
        ack()
        seen.put(("action", (action["action_id"], action["value"], body["container"]["type"])))

    @app.action("pick")
    def on_pick(ack, action):
        ack()
        seen.put(("pick", action["selected_option"]["value"]))

    @app.view("intake")
    def on_intake(ack, view):
        ack()
        seen.put(("view", (view["state"]["values"], view["private_metadata"])))

    @app.shortcut("flag")
    def on_shortcut(ack, shortcut):
        ack()
        seen.put(("shortcut", shortcut["message"]["text"]))

    @app.event("app_home_opened")
    def on_home(event, client):
        client.views_publish(user_id=event["user"], view={"type": "home", "blocks": []})
        seen.put(("home", event["user"]))

    @app.event("member_joined_channel")
    def on_join(event):
        seen.put(("joined", (event["user"], event["channel"])))

    server: WSGIServer = make_server(
        "127.0.0.1", 0, SlackRequestHandler(app), handler_class=QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/slack/events"
    try:
        yield Rig(SlackSender(url, SECRET, bot_user_id=fake.bot_user_id), seen, fake)
    finally:
        server.shutdown()
        server.server_close()


def test_command_reaches_bolt_and_its_trigger_opens_a_modal(rig):
    reply = rig.sender.command(
        "new case",
        user_id=ALICE,
        channel_id="C0CASES01",
        trigger_id=rig.fake.new_trigger_id(),
        response_url=rig.fake.response_url(),
    )
    assert reply.status == 200
    assert rig.next("command") == "new case"
    assert rig.fake.wait_for("views.open")[0].ok
    (responded,) = rig.fake.wait_for("response_url")
    assert responded.ok and responded.args["text"] == "Opening the form"


def test_event_and_dm_reach_bolt(rig):
    mention = {"type": "app_mention", "user": ALICE, "text": "<@UBOT00001> hi", "channel": "C1"}
    assert rig.sender.event(mention | {"ts": "1.2", "event_ts": "1.2"}).status == 200
    assert rig.next("mention") == "<@UBOT00001> hi"
    assert rig.sender.dm("hello bot", user_id=ALICE).status == 200
    assert rig.next("dm") == ("hello bot", dm_channel_id(ALICE))
    (call,) = rig.fake.wait_for("chat.postMessage")
    assert call.response["channel"] == dm_channel_id(ALICE)


def test_block_action_in_a_message_and_in_a_modal(rig):
    message = {
        "ts": "1700000000.000100",
        "text": "Approve?",
        "blocks": [
            {
                "type": "actions",
                "block_id": "decide",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "approve",
                        "value": "case-7",
                        "text": {"type": "plain_text", "text": "Approve"},
                    }
                ],
            }
        ],
    }
    assert rig.sender.block_action("approve", user_id=ALICE, message=message).status == 200
    assert rig.next("action") == ("approve", "case-7", "message")
    rig.sender.block_action("approve", user_id=ALICE, value="v2", view={"id": "V1"})
    assert rig.next("action") == ("approve", "v2", "view")
    rig.sender.block_action("pick", user_id=ALICE, action_type="static_select", value="weekly")
    assert rig.next("pick") == "weekly"


def test_view_submission_reaches_bolt(rig):
    values = {"name": {"name_input": {"type": "plain_text_input", "value": "Jo"}}}
    reply = rig.sender.view_submission("intake", values, user_id=ALICE, private_metadata="m1")
    assert reply.status == 200
    assert rig.next("view") == (values, "m1")


def test_message_shortcut_reaches_bolt(rig):
    message = {"text": "Client missed appointment", "user": SAM, "ts": "1700000000.000200"}
    reply = rig.sender.message_shortcut("flag", user_id=ALICE, channel_id="C1", message=message)
    assert reply.status == 200
    assert rig.next("shortcut") == "Client missed appointment"


def test_home_opened_and_member_joined_reach_bolt(rig):
    rig.sender.home_opened(user_id=ALICE)
    assert rig.next("home") == ALICE
    assert rig.fake.wait_for("views.publish")[0].ok
    rig.sender.member_joined(user_id=SAM, channel_id="C0CASES01")
    assert rig.next("joined") == (SAM, "C0CASES01")


def test_bad_signature_and_stale_timestamp_get_401(rig):
    body = json.dumps({"type": "event_callback", "event": {"type": "app_mention"}}).encode()
    bad = rig.sender.raw(body, content_type="application/json", signature="v0=" + "0" * 64)
    assert bad.status == 401
    stale = rig.sender.raw(
        body, content_type="application/json", timestamp=int(time.time()) - 6 * 60
    )
    assert stale.status == 401
    assert rig.seen.empty()


# --- transcript -------------------------------------------------------------------------------


def test_render_message_reads_like_slack_and_keeps_pings_visible():
    payload = {
        "text": "fallback",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Case review"}},
            section("*Hi* <@U1>, ping &lt;!channel&gt; or <!here> &amp; see <https://x.org|notes>"),
            {
                "type": "actions",
                "elements": [
                    {"type": "button", "text": {"type": "plain_text", "text": "Approve"}},
                    {"type": "button", "text": {"type": "plain_text", "text": "Decline"}},
                ],
            },
            {"type": "divider"},
            {
                "type": "context",
                "elements": [
                    {"type": "mrkdwn", "text": "Due *Tue*"},
                    {"type": "plain_text", "text": "by <@U2>"},
                ],
            },
        ],
    }
    assert render_message(payload, names={"U1": "Alice"}) == "\n".join(
        [
            "== Case review ==",
            "*Hi* @Alice, ping <!channel> or <!here> & see notes (https://x.org)",
            "[Approve] [Decline]",
            "-" * 40,
            "  Due *Tue* | by <@U2>",
        ]
    )
    assert render_message({"text": "plain <@U2>"}) == "plain @U2"


def test_render_view_shows_inputs_and_buttons():
    view = modal(
        "New case",
        submit={"type": "plain_text", "text": "Save"},
        blocks=[
            {
                "type": "input",
                "label": {"type": "plain_text", "text": "Client"},
                "element": {"type": "plain_text_input", "action_id": "c"},
            }
        ],
    )
    assert render_view(view) == "=== New case ===\nClient: ____\n[Cancel] [Save]"
