"""The manifest declares exactly what the code uses; `casebot serve --http` runs under gunicorn."""

from __future__ import annotations

import ast
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from bot.bootstrap import build, slack_runtime
from bot.config import load_settings
from bot.ports import SLACK_SCOPES
from devkit.fake_slack import dm_channel_id
from devkit.recording_app import RecordingApp
from devkit.slack_requests import SlackSender
from tests.slack.conftest import CHANNEL, KATE, SECRET

ROOT = Path(__file__).resolve().parents[2]
# Web API methods → the bot scope each needs (None: no scope). A new call must be added here.
METHOD_SCOPES = {
    "chat_postMessage": "chat:write",
    "chat_update": "chat:write",
    "chat_postEphemeral": "chat:write",
    "users_info": "users:read",
    "conversations_info": "channels:read",  # a group's channel checked (groups:read: private)
    "auth_test": None,  # casebot doctor: the token, and the scopes granted
    "conversations_open": "im:write",  # the DM a full report is uploaded to
    # An outbox post of unknown outcome looked for: in a group's channel, public or private,
    # or a member's DM.
    "conversations_history": {"channels:history", "groups:history", "im:history"},
    "files_upload_v2": "files:write",  # the full report, as an HTML file
    "views_open": None,
    "views_publish": None,
    "views_push": None,
    "views_update": None,
}
EVENT_SCOPES = {
    "message.im": {"im:history"},
    "member_joined_channel": {"channels:read", "groups:read"},
    "app_home_opened": set(),
}


def manifest() -> dict:
    return yaml.safe_load((ROOT / "app_manifest.yml").read_text())


def web_api_methods() -> set[str]:
    """Every `<something>client.<method>(` call in the Slack adapter (not the devkit)."""
    found = set()
    for path in (ROOT / "handlers").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name | ast.Attribute)
                and (
                    getattr(node.func.value, "id", None) == "client"
                    or getattr(node.func.value, "attr", None) == "client"
                )
            ):
                found.add(node.func.attr)
    return found


def test_manifest_matches_what_the_code_registers(cli, slack_env):
    container = build(load_settings(cli.env), clock=cli.clock)
    app = slack_runtime(container).bolt_app(app_class=RecordingApp)
    container.close()
    m = manifest()
    commands = m["features"]["slash_commands"]
    assert {c["command"] for c in commands} == app.registered["command"]
    assert all(c["should_escape"] is True for c in commands)
    assert {s["callback_id"] for s in m["features"]["shortcuts"]} == app.registered["shortcut"]
    events = set(m["settings"]["event_subscriptions"]["bot_events"])
    assert {e.removesuffix(".im") for e in events} == app.registered["event"]
    assert m["settings"]["interactivity"]["is_enabled"] is bool(app.registered["action"])
    assert m["features"]["app_home"]["home_tab_enabled"] is True  # views.publish is used

    methods = web_api_methods()
    assert methods <= set(METHOD_SCOPES), f"add the scope of {methods - set(METHOD_SCOPES)}"
    needed: set[str] = set()
    for name in methods:
        scopes = METHOD_SCOPES[name]
        needed |= {scopes} if isinstance(scopes, str) else scopes or set()
    needed |= {"commands"}  # the slash command and the shortcut
    for event in events:
        needed |= EVENT_SCOPES[event]
    assert set(m["oauth_config"]["scopes"]["bot"]) == needed
    # `casebot doctor` checks what Slack granted against this list.
    assert set(m["oauth_config"]["scopes"]["bot"]) == SLACK_SCOPES


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_runs_under_gunicorn(group_setup, cli, fake, tmp_path):
    group_setup()
    port = free_port()
    env = {**os.environ, **cli.env}
    exe = Path(sys.executable).with_name("casebot")
    server = subprocess.Popen(
        [exe, "serve", "--http", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as reply:
                    assert reply.status == 200
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        sender = SlackSender(f"http://127.0.0.1:{port}/slack/events", SECRET)
        helped = sender.command("help", user_id=KATE, channel_id=CHANNEL)
        assert helped.status == 200 and "/casebot action" in helped.body
        fake.wait_for("users.info", 3, timeout=20)  # the minute's tick (a process of its own) ran
        sender.dm("U1R-014: keys collected", user_id=KATE)
        deadline = time.monotonic() + 10
        while not any(
            "keys collected" in json.dumps(m) for m in fake.messages(dm_channel_id(KATE))
        ):
            assert time.monotonic() < deadline, "no reply to the DM update"
            time.sleep(0.1)
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "Casebot starting in HTTP on 127.0.0.1" in output
    assert "keys collected" not in output, "no message text in the logs"
    assert not (tmp_path / ".gunicorn").exists()


def test_serve_explains_missing_tokens(group_setup, cli):
    group_setup()
    for missing, words in (
        ("SLACK_BOT_TOKEN", "casebot demo"),
        ("SLACK_SIGNING_SECRET", "SLACK_SIGNING_SECRET"),
    ):
        result = cli("serve", "--http", env={missing: ""})
        assert result.code != 0 and words in result.err and result.err.count("\n") == 1


def test_start_without_slack_shows_the_demo_and_the_way_to_go_live(cli):
    result = cli("start")
    assert result.code == 0, result.err
    assert "What reached Slack" in result.out
    assert "SLACK_BOT_TOKEN=xoxb-" in result.out and "app_manifest.yml" in result.out
