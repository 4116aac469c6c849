"""`casebot tick` tried safely: --dry-run shows what would go out and changes nothing."""

from __future__ import annotations

import logging
import signal

import sqlalchemy as sa

from devkit.fake_slack import FakeSlack
from tests.cli.test_bad_input import assert_refused, snapshot
from tests.identities import JANE, write_clients_json


def _with_client(cli, setup_group, tmp_path):
    setup_group()
    item = {**JANE, "code": "U1R-014", "agency": "Micah Projects", "key_worker": "U0KW00001",
            "consent": {"given_on": "2026-10-01", "agencies": ["Brisbane Housing Company"]}}
    cli.ok("client", "add", "--from-json", str(write_clients_json(tmp_path / "c.json", item)))


def test_dry_run_lists_the_prompts_without_a_token_and_changes_nothing(cli, setup_group, tmp_path):
    _with_client(cli, setup_group, tmp_path)
    before = snapshot(cli.env["DATABASE_URL"])
    # The meeting is Tue 1 Dec 10:00 in Brisbane: prompts go out three days before, on the
    # Saturday, which moves to Friday 27 Nov 09:00 (23:00 UTC on the Thursday).
    out = cli.ok("tick", "--dry-run", "--now", "2026-11-27T09:00+10:00")
    assert snapshot(cli.env["DATABASE_URL"]) == before
    lines = out.splitlines()
    assert any("nothing was sent" in line.lower() for line in lines), out
    prompt = [line for line in lines if "U0KW00001" in line and "prompt" in line]
    assert len(prompt) == 1, out
    assert "Fri 27 Nov 09:00 AEST" in prompt[0] and "26 Nov 23:00 UTC" in prompt[0]
    assert "Under 1 Roof" in prompt[0]  # the preview
    assert any("U0SEC0001" in line and "prompt" in line for line in lines), out
    for value in ("Quokkafield", "0412", "Banksia", "1988"):
        assert value not in out
    # Nothing was marked sent: a second dry run shows the same messages again.
    assert cli.ok("tick", "--dry-run", "--now", "2026-11-27T09:00+10:00") == out


def test_dry_run_shows_what_waits_for_later(cli, setup_group, tmp_path):
    _with_client(cli, setup_group, tmp_path)
    # On Friday at 07:00 in Brisbane nothing is due yet; the agenda and the prompts are ahead.
    out = cli.ok("tick", "--dry-run", "--now", "2026-11-27T07:00+10:00")
    assert "Nothing would be sent at" in out


def test_dry_run_of_the_agenda_goes_to_the_channel(cli, setup_group, tmp_path):
    _with_client(cli, setup_group, tmp_path)
    out = cli.ok("tick", "--dry-run", "--now", "2026-12-01T08:00+10:00")
    agenda = [line for line in out.splitlines() if "C0123ABCD" in line]
    assert agenda and all("agenda" in line for line in agenda), out
    assert "Tue 01 Dec 08:00 AEST" in agenda[0] and "30 Nov 22:00 UTC" in agenda[0]
    assert "Quokkafield" not in out


def test_a_real_tick_without_a_token_suggests_the_dry_run(cli, setup_group):
    setup_group()
    line = assert_refused(cli, ["tick"], "SLACK_BOT_TOKEN", "--dry-run")
    assert "casebot tick --dry-run" in line


def test_now_far_from_the_clock_needs_force(cli, setup_group):
    setup_group()
    # The clock says Wed 25 Nov 2026 09:00 UTC.
    line = assert_refused(
        cli, ["tick", "--now", "2026-12-07T09:00+00:00"],
        "--now is 12 days from now; a real tick at that time would send and close things now. "
        "Use --dry-run to look, or --force.",
    )
    assert line.startswith("casebot: --now is 12 days")
    assert_refused(cli, ["tick", "--now", "2026-11-20T09:00+00:00"], "5 days ago", "--force")
    # A dry run may look as far ahead as it likes.
    cli.ok("tick", "--dry-run", "--now", "2026-12-07T09:00+00:00")


def test_force_lets_a_far_now_through_to_the_token_check(cli, setup_group):
    setup_group()
    result = cli("tick", "--force", "--now", "2026-12-07T09:00+00:00")
    assert result.code != 0 and "SLACK_BOT_TOKEN" in result.err and "12 days" not in result.err


def _slot(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT slot FROM leases WHERE name = 'tick'")).scalar_one()
    finally:
        engine.dispose()


def test_the_servers_minute_tick_is_quiet_and_runs_once_a_minute(cli, setup_group, caplog):
    """`casebot tick --scheduled`, what each `casebot serve --http` starts every minute: it
    prints nothing (its log says what it did), and a second in the same minute does nothing."""
    setup_group()
    caplog.set_level(logging.DEBUG)
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    users = {u: {"name": u.lower(), "tz": "Australia/Brisbane"} for u in ("U0KW00001", "U0SEC0001")}
    with FakeSlack(users=users) as fake:
        env = {"SLACK_BOT_TOKEN": fake.bot_token, "CASEBOT_SLACK_API_URL": fake.base_url}
        for _attempt in range(3):  # a minute may turn between the two: then again
            caplog.clear()
            first = cli("tick", "--scheduled", env=env)
            ran = [r.getMessage() for r in caplog.records]
            slot = _slot(cli.env["DATABASE_URL"])
            caplog.clear()
            second = cli("tick", "--scheduled", env=env)
            skipped = [r.getMessage() for r in caplog.records]
            if _slot(cli.env["DATABASE_URL"]) == slot:
                break
        assert fake.calls_to("users.info")  # the first did tick: it read the members' profiles
    assert (first.code, first.out, first.err) == (0, "", "")
    assert (second.code, second.out, second.err) == (0, "", "")
    assert "this minute's tick runs elsewhere" not in ran
    assert "this minute's tick runs elsewhere" in skipped
    assert {s: signal.getsignal(s) for s in handlers} == handlers  # given back to the caller


def test_a_scheduled_tick_whose_server_is_gone_does_nothing(cli, setup_group, monkeypatch):
    """Started by a worker that died before it began (its parent is not that worker): it ticks
    nothing, and leaves the minute to the next worker or instance."""
    setup_group()
    monkeypatch.setenv("CASEBOT_TICK_PARENT", "1")  # not this test's process's parent
    with FakeSlack(users={}) as fake:
        env = {"SLACK_BOT_TOKEN": fake.bot_token, "CASEBOT_SLACK_API_URL": fake.base_url}
        result = cli("tick", "--scheduled", env=env)
        assert not fake.calls
    assert (result.code, result.out) == (0, "")
    engine = sa.create_engine(cli.env["DATABASE_URL"])
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM leases")).scalar_one() == 0
    finally:
        engine.dispose()
