"""``casebot serve --http`` under gunicorn, attacked at the door: a 200 MB body is refused unread
with the worker's memory still small, and a DEBUG server log of signed and unsigned requests
holds no identifier."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from devkit.fake_slack import dm_channel_id
from devkit.slack_requests import FORM, SlackSender, signature
from tests.slack.conftest import CHANNEL, KATE, SECRET
from tests.slack.test_logs import TYPED, leaks

MIB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def peak_rss_mib(pid: int) -> float:
    """The process's high-water resident memory (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


@pytest.fixture
def served(group_setup, cli, fake, tmp_path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    group_setup()
    port = free_port()
    env = {**os.environ, **cli.env, "CASEBOT_LOG_LEVEL": "DEBUG"}
    exe = Path(sys.executable).with_name("casebot")
    server = subprocess.Popen(
        [exe, "serve", "--http", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz") as reply:
                assert reply.status == 200
                break
        except OSError:
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
    try:
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_200_mb_body_is_refused_unread_and_the_worker_stays_small(served):
    base, server = served
    (worker,) = children(server.pid)
    port = int(base.rsplit(":", 1)[1])
    status = ""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM.encode()
                     + b"\r\nContent-Length: " + str(200 * MIB).encode() + b"\r\n\r\n")
        sent = 0
        try:
            chunk = b"x" * MIB
            while sent < 200 * MIB:  # keep sending, as the attacker did, until the server stops
                sock.sendall(chunk)
                sent += len(chunk)
        except OSError:
            pass
        try:
            status = sock.recv(4096).decode("latin-1").split("\r\n", 1)[0]
        except OSError:
            status = "closed"
    assert status in ("HTTP/1.1 413 Request Entity Too Large", "closed")
    assert sent < 200 * MIB, "the server read the whole body"
    # A chunked body without a length is cut off one byte past the limit.
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM.encode()
                     + b"\r\nTransfer-Encoding: chunked\r\n\r\n")
        try:
            for _ in range(3):
                sock.sendall(hex(MIB)[2:].encode() + b"\r\n" + b"y" * MIB + b"\r\n")
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass
        reply = sock.recv(4096).decode("latin-1")
    assert reply.startswith("HTTP/1.1 413")
    assert peak_rss_mib(worker) < 150
    sender = SlackSender(base + "/slack/events", SECRET)
    assert sender.command("help", user_id=KATE, channel_id=CHANNEL).status == 200


def test_the_server_log_at_debug_holds_no_identifier(served, fake):
    base, server = served
    sender = SlackSender(base + "/slack/events", SECRET)
    now = int(time.time())
    body = ("command=%2Fcasebot&user_id=U0KATE001&channel_id=C0U1R0001&text="
            + TYPED.replace(" ", "+")).encode()
    for ts, sig in ((str(now - 360), signature(SECRET, now - 360, body)),
                    ("soon", "v0=" + "3" * 64), (str(now), "v0=" + "4" * 64)):
        headers = {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig}
        assert sender.raw(body, content_type=FORM, extra_headers=headers).status == 401
    sender.dm(f"U1R-014: {TYPED}", user_id=KATE)
    deadline = time.monotonic() + 15
    while not any("Confirm" in json.dumps(m) for m in fake.messages(dm_channel_id(KATE))):
        assert time.monotonic() < deadline, "no reply to the DM"
        time.sleep(0.1)
    sender.command(f"action U1R-014 <@{KATE}|kate> ring {TYPED} by Friday", user_id=KATE,
                   channel_id=CHANNEL)
    time.sleep(1)
    server.terminate()
    output = server.communicate(timeout=20)[0]
    assert "refused a request: invalid request" in output
    assert " DEBUG " in output  # the log really was at DEBUG
    assert leaks(output) == []


def test_a_connection_that_never_finishes_its_headers_is_cut_off(served):
    """A slowloris holds a thread per connection: gunicorn alone waits for headers forever."""
    base, _server = served
    port = int(base.rsplit(":", 1)[1])
    head = b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        cut = False
        for n in range(len(head)):  # one byte every half second: 25 s if never cut
            try:
                sock.sendall(head[n : n + 1])
                time.sleep(0.5)
            except OSError:
                cut = True
                break
        if not cut:
            try:
                cut = sock.recv(1) == b""  # closed by the server
            except TimeoutError:
                cut = False  # still waiting for the rest of the headers
            except OSError:
                cut = True
    assert cut, "the server waited for the headers as long as they took"
