"""SIGTERM to `casebot serve --http` (gunicorn) in the middle of sending 200 DMs: the post under
way finishes and is recorded, nothing more is begun, the rows it had leased are given back, and
it exits 0; the next tick (here `casebot tick`, as a second instance) sends the rest at once.
Every DM is delivered exactly once. Real processes, a fake Slack over HTTP."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import sqlalchemy as sa

from bot.bootstrap import build
from bot.config import load_settings
from devkit.fake_slack import dm_channel_id
from tests.slack.conftest import SECRET
from tests.slack.test_manifest_and_serve import free_port

POST = "chat.postMessage"
DMS = 200
SLOW = 0.2  # seconds the fake takes to answer each post: the queue takes ~10 s at 4 at once


def queue_dms(env: dict[str, str], people: list[str]) -> None:
    """Due now on the system clock, which the serving process reads."""
    container = build(load_settings(env))
    now = dt.datetime.now(dt.UTC)
    with container.uow() as uow:
        for user in people:
            uow.outbox.enqueue(key=f"dm:{user}", kind="test", channel=user,
                               payload={"text": f"dm:{user}"}, now=now)
        uow.commit()
    container.close()


def outbox_rows(env: dict[str, str]) -> list[sa.Row]:
    engine = sa.create_engine(env["DATABASE_URL"])
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text(
                "SELECT idempotency_key, status, claim_token, claimed_until, attempts, "
                "outcome_unknown_at FROM outbox")).all())
    finally:
        engine.dispose()


def shown(fake, people: list[str]) -> Counter[str]:
    """Each DM's copies in its member's conversation."""
    return Counter(m["text"] for user in people for m in fake.messages(dm_channel_id(user)))


def test_sigterm_mid_send_gives_back_the_rest_and_each_dm_goes_once(cli, fake, tmp_path):
    env = {**cli.env, "SLACK_BOT_TOKEN": fake.bot_token, "SLACK_SIGNING_SECRET": SECRET,
           "CASEBOT_SLACK_API_URL": fake.base_url}
    cli.env.update(env)
    cli.ok("init")
    people = [f"U0STOP{n:04d}" for n in range(DMS)]
    for user in people:
        fake.add_user(user, name=user.lower())
    queue_dms(env, people)
    fake.answer_late(POST, seconds=SLOW, times=DMS)
    port = free_port()
    server = subprocess.Popen(
        [Path(sys.executable).with_name("casebot"), "serve", "--http", "--host", "127.0.0.1",
         "--port", str(port)],
        env={**os.environ, **env}, cwd=tmp_path, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while sum(shown(fake, people).values()) < 20:  # well into the queue
            assert server.poll() is None, server.stdout.read()
            assert time.monotonic() < deadline, "the serving process sent nothing"
            time.sleep(0.05)
        server.send_signal(signal.SIGTERM)
        output = server.communicate(timeout=40)[0]
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0, output
    first = shown(fake, people)
    rows = outbox_rows(env)
    sent = {r.idempotency_key for r in rows if r.status == "sent"}
    waiting = [r for r in rows if r.status == "pending"]
    assert set(first) == sent, "every post that reached Slack is recorded, and only those"
    assert 0 < len(waiting) <= DMS - 20, "stopped mid-send"
    assert all(r.claim_token is None and r.claimed_until is None and r.attempts == 0
               for r in waiting), "nothing left leased: the next sender need not wait"
    assert all(r.outcome_unknown_at is None for r in rows), "no post was cut off"
    cli.clock.at = dt.datetime.now(dt.UTC)
    out = cli.ok("tick")
    assert f"sent {len(waiting)} message(s)" in out
    assert shown(fake, people) == Counter(f"dm:{user}" for user in people), "each DM once"
    assert {r.status for r in outbox_rows(env)} == {"sent"}
