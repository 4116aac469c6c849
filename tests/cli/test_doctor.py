"""`casebot doctor`: each check passing and failing, with the one thing to do; and `casebot serve`
refusing to start on the same fatal problems. Slack is the fake Web API over HTTP."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from bot.ports import SLACK_SCOPES
from devkit.fake_slack import FakeSlack
from storage import db
from tests.conftest import make_cli

CHANNEL = "C0123ABCD"  # setup_group's channel
SECRET = "test-signing-secret"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        server.set_channel_members(CHANNEL, ["U0KW00001", server.bot_user_id], name="u1r")
        yield server


@pytest.fixture
def ready(cli, setup_group, fake):
    """An installation with nothing wrong: set up, Slack configured, the scheduler ticking."""
    cli.env.update({"SLACK_BOT_TOKEN": fake.bot_token, "SLACK_SIGNING_SECRET": SECRET,
                    "CASEBOT_SLACK_API_URL": fake.base_url})
    setup_group()
    cli.ok("tick")  # on the clock: claims this minute's tick, as serve's scheduler does
    return cli


def lines_of(out: str) -> dict[str, str]:
    """By the check's name: its mark and what it found ("✗ Casebot is not in …"), and the fix
    on the next line if any ("→ type /invite …")."""
    found: dict[str, str] = {}
    name = ""
    for line in out.splitlines()[1:]:
        if line[:2] in ("✓ ", "✗ ", "! ", "- "):
            name, _, detail = line[2:].partition("  ")
            found[name] = f"{line[0]} {detail.strip()}"
        elif line.strip().startswith("→") and name:
            found[name] += "\n" + line.strip()
    return found


def age_the_tick(cli, minutes: int) -> None:
    """The scheduler stopped ``minutes`` ago: its lease's last period moves back that far."""
    engine = sa.create_engine(cli.env["DATABASE_URL"])
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE leases SET slot = slot - :m WHERE name = 'tick'"),
                     {"m": minutes})
    engine.dispose()


def set_revision(cli, revision: str) -> None:
    engine = sa.create_engine(cli.env["DATABASE_URL"])
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def test_a_healthy_installation_passes_every_check(ready):
    result = ready("doctor")
    assert result.code == 0, result.out
    checks = lines_of(result.out)
    assert set(checks) == {"configuration", "database", "schema", "master key", "slack token",
                           "slack scopes", "channel of Under 1 Roof", "scheduler"}
    assert all(line.startswith("✓ ") for line in checks.values()), result.out
    assert "Casebot is in it" in checks["channel of Under 1 Roof"]
    assert "last tick" in checks["scheduler"]
    assert result.out.rstrip().endswith("All checks passed.")
    assert SECRET not in result.out and ready.env["SLACK_BOT_TOKEN"] not in result.out


def test_a_key_file_open_to_others_is_refused_with_the_chmod_to_run(ready):
    ready.key_file.chmod(0o644)
    result = ready("doctor")
    assert result.code == 1
    key = lines_of(result.out)["master key"]
    assert key.startswith("✗ ") and "permissions 644" in key
    assert f"→ make it yours alone with: chmod 600 {ready.key_file}" in key
    ready.key_file.chmod(0o600)
    assert ready("doctor").code == 0


def test_a_database_behind_this_casebot_says_to_upgrade(ready):
    older = sorted(db.known_revisions() - {db.head_revision()})[-1]
    set_revision(ready, older)
    result = ready("doctor")
    assert result.code == 1
    schema = lines_of(result.out)["schema"]
    assert schema.startswith("✗ ") and older in schema and db.head_revision() in schema
    assert "→ back up the database, then run: casebot db upgrade" in schema
    assert lines_of(result.out)["master key"].startswith("- "), "skipped: the schema is wrong"


def test_a_database_from_a_newer_casebot_is_named_as_such(ready):
    set_revision(ready, "9999_from_the_future")
    schema = lines_of(ready("doctor").out)["schema"]
    assert "a newer Casebot upgraded it" in schema and "→ run that newer Casebot" in schema


def test_an_unreachable_database_says_where_and_what_to_check(clock, tmp_path):
    with socket.socket() as sock:  # a port nobody listens on: refused at once, no waiting
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cli = make_cli(f"postgresql://casebot:s3cret@127.0.0.1:{port}/casebot", clock, tmp_path)
    result = cli("doctor")
    assert result.code == 1
    found = lines_of(result.out)
    assert found["database"].startswith("✗ cannot reach the database at")
    assert f"127.0.0.1:{port}" in found["database"] and "s3cret" not in result.out
    assert "→ check DATABASE_URL" in found["database"]
    assert found["schema"].startswith("- ") and found["scheduler"].startswith("- ")


def test_a_missing_sqlite_database_says_to_run_init_and_is_not_created(clock, tmp_path):
    missing = tmp_path / "data" / "casebot.db"
    cli = make_cli(f"sqlite:///{missing}", clock, tmp_path)
    database = lines_of(cli("doctor").out)["database"]
    assert database.startswith("✗ there is no database at") and "→ run: casebot init" in database
    assert not missing.exists()


def test_an_empty_database_says_to_run_init(blank_cli):
    if blank_cli.env["DATABASE_URL"].startswith("sqlite"):
        blank_cli.tmp_path.joinpath("data").mkdir(exist_ok=True)
        blank_cli.tmp_path.joinpath("data", "casebot.db").touch()
    schema = lines_of(blank_cli("doctor").out)["schema"]
    assert schema.startswith("✗ the database has no Casebot tables yet")
    assert "→ run: casebot init" in schema


def test_a_token_slack_refuses(ready):
    ready.env["SLACK_BOT_TOKEN"] = "xoxb-revoked-token"
    result = ready("doctor")
    assert result.code == 1
    found = lines_of(result.out)
    assert found["slack token"].startswith("✗ Slack refused the bot token (invalid_auth)")
    assert "→ copy the Bot User OAuth Token" in found["slack token"]
    assert found["slack scopes"].startswith("- ") and found["channels"].startswith("- ")
    assert "xoxb-revoked-token" not in result.out


def test_a_missing_scope_is_named_with_how_to_grant_it(ready, fake):
    fake.scopes = sorted(SLACK_SCOPES - {"users:read"})
    result = ready("doctor")
    assert result.code == 1
    scopes = lines_of(result.out)["slack scopes"]
    assert scopes.startswith("✗ the Slack app lacks users:read")
    assert "reinstall the app" in scopes


def test_a_scope_casebot_does_not_use_is_a_warning(ready, fake):
    fake.scopes = sorted(SLACK_SCOPES | {"files:read"})
    result = ready("doctor")
    assert result.code == 0
    assert lines_of(result.out)["slack scopes"].startswith("! the Slack app has scopes Casebot "
                                                           "does not use: files:read")


def test_the_bot_not_in_a_groups_channel(ready, fake):
    fake.set_channel_members(CHANNEL, ["U0KW00001"])
    result = ready("doctor")
    assert result.code == 1
    channel = lines_of(result.out)["channel of Under 1 Roof"]
    assert channel.startswith(f"✗ Casebot is not in {CHANNEL}")
    assert "→ type /invite @Casebot in that channel" in channel


def test_a_channel_slack_does_not_know(ready):
    # Set while Slack was not configured, so nothing checked it then.
    ready.ok("group", "edit", "--group", "Under 1 Roof", "--channel", "C0GONE999",
             env={"SLACK_BOT_TOKEN": ""})
    channel = lines_of(ready("doctor").out)["channel of Under 1 Roof"]
    assert channel.startswith("✗ Slack has no channel C0GONE999")
    assert 'casebot group edit --group "Under 1 Roof" --channel' in channel


def test_no_tick_for_ten_minutes_means_the_scheduler_stopped(ready):
    age_the_tick(ready, 11)
    result = ready("doctor")
    assert result.code == 1
    line = lines_of(result.out)["scheduler"]
    assert line.startswith("✗ no tick for 1") and "minutes" in line
    assert "→ start casebot serve again" in line


def test_a_tick_nine_minutes_ago_is_fine(ready):
    age_the_tick(ready, 9)  # 9 or 10 minutes by the time doctor looks, if a minute turned
    result = ready("doctor")
    assert result.code == 0 and lines_of(result.out)["scheduler"].startswith("✓ last tick ")


def test_no_tick_ever_is_a_warning_only(cli, setup_group, fake):
    cli.env.update({"SLACK_BOT_TOKEN": fake.bot_token, "SLACK_APP_TOKEN": "xapp-test",
                    "CASEBOT_SLACK_API_URL": fake.base_url})
    setup_group()
    result = cli("doctor")
    assert result.code == 0
    assert lines_of(result.out)["scheduler"].startswith("! no tick has run yet")


def test_without_a_token_the_slack_checks_are_skipped_with_the_reason(cli, setup_group):
    setup_group()
    result = cli("doctor")
    assert result.code == 1
    found = lines_of(result.out)
    assert found["configuration"].startswith("✗ SLACK_BOT_TOKEN is not set")
    for check in ("slack token", "slack scopes", "channels"):
        assert found[check].startswith("- ") and "skipped: no SLACK_BOT_TOKEN" in found[check]


def test_slack_out_of_reach_is_said_at_once(ready):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    ready.env["CASEBOT_SLACK_API_URL"] = f"http://127.0.0.1:{port}/api/"
    result = ready("doctor")
    assert result.code == 1
    token = lines_of(result.out)["slack token"]
    assert token.startswith("✗ Slack did not answer") and "internet connection" in token


def test_a_bad_setting_is_the_first_finding_not_a_crash(cli):
    result = cli("doctor", env={"DATABASE_URL": "mysql://casebot@db/casebot"})
    assert result.code == 1 and result.err == ""
    found = lines_of(result.out)
    assert found["configuration"].startswith("✗ DATABASE_URL must start with")
    assert found["other checks"].startswith("- ")


def test_json_for_machines(ready, fake):
    fake.set_channel_members(CHANNEL, ["U0KW00001"])
    result = ready("doctor", "--json")
    assert result.code == 1
    report = json.loads(result.out)
    assert report["ok"] is False
    by_check = {c["check"]: c for c in report["checks"]}
    assert by_check["database"]["status"] == "ok" and by_check["database"]["fix"] is None
    assert by_check["channel of Under 1 Roof"] == {
        "check": "channel of Under 1 Roof", "status": "fail",
        "detail": f"Casebot is not in {CHANNEL}", "fix": "type /invite @Casebot in that channel",
    }


# --- `casebot serve` runs the same checks at start -----------------------------------------------


def test_serve_refuses_to_start_with_a_key_file_open_to_others(ready):
    ready.key_file.chmod(0o640)
    result = ready("serve", "--http")
    assert result.code != 0 and result.out == ""
    assert result.err.count("\n") == 1 and f"chmod 600 {ready.key_file}" in result.err


def test_serve_refuses_to_start_with_a_token_slack_refuses(ready):
    result = ready("serve", "--http", env={"SLACK_BOT_TOKEN": "xoxb-revoked-token"})
    assert result.code != 0 and result.out == ""
    assert "Slack refused the bot token (invalid_auth); copy the Bot User OAuth Token" in result.err


def test_serve_refuses_to_start_on_a_database_behind(ready):
    set_revision(ready, sorted(db.known_revisions() - {db.head_revision()})[-1])
    result = ready("serve", "--http")
    assert result.code != 0 and "casebot db upgrade" in result.err
