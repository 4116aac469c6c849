"""The secretariat's day-one flow on the command line, as a newcomer would type it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.identities import JANE, TOM, write_clients_json


def test_init_creates_a_private_key_and_is_safe_to_rerun(blank_cli):
    cli = blank_cli
    first = cli.ok("init")
    assert "New master key" in first and "Back it up" in first
    mode = stat.S_IMODE(cli.key_file.stat().st_mode)
    assert mode == 0o600
    key = cli.key_file.read_bytes()
    second = cli.ok("init")
    assert "opens the register" in second
    assert cli.key_file.read_bytes() == key


def test_init_makes_the_sqlite_data_private(blank_cli, tmp_path):
    cli = blank_cli
    if not cli.env["DATABASE_URL"].startswith("sqlite"):
        return
    cli.ok("init")
    data = tmp_path / "data"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "casebot.db").stat().st_mode) == 0o600


def test_status_summarises_the_setup(cli, setup_group):
    setup_group()
    out = cli.ok("status")
    assert "members       2" in out
    assert (
        "Under 1 Roof in C0123ABCD: next meeting Tue 01 Dec 2026 10:00 (Australia/Brisbane)" in out
    )
    assert "not configured" in out


def test_group_list_and_default_first_meeting(cli, setup_group):
    setup_group()
    cli.ok(
        "group",
        "create",
        "--name",
        "Northside",
        "--channel",
        "C0NORTH01",
        "--rrule",
        "FREQ=MONTHLY;BYDAY=1WE;BYHOUR=14;BYMINUTE=30",
        "--tz",
        "Australia/Sydney",
    )
    listing = cli.ok("group", "list")
    # Today is Wed 25 Nov 2026 (20:00 in Sydney): the first Wednesday of December is the 2nd.
    assert "Northside" in listing and "Wed 02 Dec 2026 14:30 (Australia/Sydney)" in listing


def test_members_join_the_only_group_by_default(cli, setup_group):
    setup_group()
    listing = cli.ok("member", "list")
    assert "U0SEC0001  Brisbane Housing Company  Under 1 Roof: facilitator, secretariat" in listing
    cli.ok("group", "create", "--name", "Northside", "--channel", "C0NORTH01",
           "--rrule", "FREQ=WEEKLY;BYDAY=WE;BYHOUR=14", "--tz", "Australia/Brisbane")
    # Two groups now: a role needs a group, so the command asks which.
    result = cli("member", "add", "--user", "U0NEW0001", "--agency", "Micah Projects",
                 "--role", "champion")
    assert result.code != 0
    assert "say which group they join with --group NAME" in result.err
    assert "'Northside', 'Under 1 Roof'" in result.err
    assert "U0NEW0001" not in cli.ok("member", "list")
    out = cli.ok("member", "add", "--user", "U0NEW0002", "--agency", "Micah Projects",
                 "--role", "mentor", "--group", "northside", "--group", "Under 1 Roof")
    assert "in Northside, Under 1 Roof as mentor" in out


def test_roles_belong_to_each_group(cli, setup_group):
    """A facilitator in one group is only a worker in another, and each can change alone."""
    setup_group()
    cli.ok("group", "create", "--name", "Northside", "--channel", "C0NORTH01",
           "--rrule", "FREQ=WEEKLY;BYDAY=WE;BYHOUR=14", "--tz", "Australia/Brisbane")
    cli.ok("member", "add", "--user", "U0DUAL001", "--agency", "Micah Projects",
           "--role", "facilitator", "--group", "Northside")
    out = cli.ok("member", "add", "--user", "U0DUAL001", "--role", "worker",
                 "--group", "Under 1 Roof")
    assert "U0DUAL001 joined Under 1 Roof as worker" in out
    assert "Now: Northside: facilitator; Under 1 Roof: worker." in out
    rows = [" ".join(line.split()) for line in cli.ok("member", "list").splitlines()]
    assert "U0DUAL001 Micah Projects Northside: facilitator; Under 1 Roof: worker" in rows

    again = cli("member", "add", "--user", "U0DUAL001", "--role", "facilitator",
                "--group", "Under 1 Roof")
    assert again.code != 0 and "already in Under 1 Roof (worker)" in again.err
    assert "casebot member roles --user U0DUAL001" in again.err
    other_agency = cli("member", "add", "--user", "U0DUAL001", "--agency",
                       "Brisbane Housing Company", "--role", "worker", "--group",
                       "Northside")
    assert other_agency.code != 0 and "already a member with Micah Projects" in other_agency.err

    out = cli.ok("member", "roles", "--user", "U0DUAL001", "--group", "Under 1 Roof",
                 "--role", "worker", "--role", "champion")
    assert "Northside: facilitator; Under 1 Roof: champion, worker" in out
    assert "member_roles_changed" in cli.ok("audit")
    missing = cli("member", "roles", "--user", "U0KW00001", "--group", "Northside",
                  "--role", "worker")
    assert missing.code != 0 and "U0KW00001 is not in Northside" in missing.err
    new = cli("member", "add", "--user", "U0NEW0009", "--role", "worker")
    assert new.code != 0 and "give their agency with --agency" in new.err


def test_client_add_by_hidden_prompts(cli, setup_group):
    setup_group()
    answers = [
        JANE["full_name"],
        "Janey Q, Jq Wattlebird",
        "3/4/1988",
        JANE["address"],
        JANE["phone"],
        JANE["email"],
        JANE["medicare"],
        JANE["crn"],
        "",
    ]
    out = cli.ok(
        "client",
        "add",
        "--code",
        "U1R-014",
        "--agency",
        "Micah Projects",
        "--key-worker",
        "U0KW00001",
        interactive=True,
        answers=answers,
    )
    assert "typing is hidden" in out and "Added U1R-014" in out
    assert "Quokkafield" not in out
    revealed = cli.ok("client", "show", "U1R-014", "--reveal", "--reason", "check the prompts")
    assert "Janey Q, Jq Wattlebird" in revealed and "1988-04-03" in revealed
    assert "2123456701" in revealed


def test_client_add_without_a_terminal_does_not_prompt(cli, setup_group):
    setup_group()
    out = cli.ok(
        "client",
        "add",
        "--code",
        "U1R-016",
        "--agency",
        "Micah Projects",
        "--key-worker",
        "U0KW00001",
    )
    assert "only the case code is registered" in out


def test_client_add_from_json_list_with_consent_and_defaults(cli, setup_group, tmp_path):
    setup_group()
    path = write_clients_json(
        tmp_path / "clients.json",
        [
            {
                **JANE,
                "code": "U1R-014",
                "status": "referred",
                "consent": {
                    "given_on": "2026-10-01",
                    "method": "written",
                    "agencies": ["Brisbane Housing Company"],
                    "expires_on": "2027-10-01",
                },
            },
            {**TOM, "code": "U1R-015", "agency": "Brisbane Housing Company"},
        ],
    )
    out = cli.ok(
        "client",
        "add",
        "--from-json",
        str(path),
        "--agency",
        "Micah Projects",
        "--key-worker",
        "U0KW00001",
    )
    assert out.splitlines() == [
        "Added 2 clients: U1R-014, U1R-015.",
        "1 of them has no consent recorded yet: shown in the channel by case code only until "
        "`casebot client consent CODE …` is run.",
    ]
    listing = cli.ok("client", "list")
    assert "U1R-014  referred  Under 1 Roof  Micah Projects" in listing
    assert "written 2026-10-01 (expires 2027-10-01)" in listing
    assert "U1R-015  active    Under 1 Roof  Brisbane Housing Company" in listing
    shown = cli.ok("client", "show", "U1R-014")
    assert "shared with   Micah Projects, Brisbane Housing Company" in shown
    assert "referred" in cli.ok("client", "list", "--status", "referred")
    assert "U1R-015" not in cli.ok("client", "list", "--status", "referred")


def test_expired_consent_is_flagged(cli, setup_group):
    setup_group()
    cli.ok(
        "client",
        "add",
        "--code",
        "U1R-017",
        "--agency",
        "Micah Projects",
        "--key-worker",
        "U0KW00001",
        "--consent-date",
        "2025-01-01",
        "--consent-expires",
        "2026-01-01",
    )
    assert "written 2025-01-01 (expired 2026-01-01)" in cli.ok("client", "list")


def test_purge_asks_for_the_case_code_when_interactive(cli, setup_group):
    setup_group()
    cli.ok(
        "client",
        "add",
        "--code",
        "U1R-018",
        "--agency",
        "Micah Projects",
        "--key-worker",
        "U0KW00001",
        "--full-name",
        "Ruby Lorikeetson",
    )
    wrong = cli(
        "client",
        "purge",
        "U1R-018",
        "--reason",
        "retention ended",
        interactive=True,
        stdin="U1R-019\n",
    )
    assert wrong.code != 0 and "nothing was purged" in wrong.err
    assert "Ruby" in cli.ok("client", "show", "U1R-018", "--reveal", "--reason", "still here?")
    cli.ok(
        "client",
        "purge",
        "U1R-018",
        "--reason",
        "retention ended",
        interactive=True,
        stdin="u1r-018\n",
    )
    again = cli("client", "purge", "U1R-018", "--reason", "retention ended", "--yes")
    assert again.code != 0 and "already purged" in again.err


def test_every_change_is_audited(cli, setup_group):
    setup_group()
    cli.ok(
        "client",
        "add",
        "--code",
        "U1R-019",
        "--agency",
        "Micah Projects",
        "--key-worker",
        "U0KW00001",
        "--full-name",
        "Ruby Lorikeetson",
    )
    audit = cli.ok("audit")
    for action in (
        "vault_created",
        "agency_added",
        "group_created",
        "member_added",
        "client_added",
    ):
        assert action in audit
    assert "fields: full_name" in audit and "Lorikeetson" not in audit


def test_the_installed_command_runs(cli, setup_group):
    """The console script, as a shell runs it: help, exit codes, one-line errors."""
    setup_group()
    exe = Path(sys.executable).with_name("casebot")
    env = {**os.environ, **cli.env}
    shown = subprocess.run([exe, "--help"], capture_output=True, text=True, env=env)
    assert shown.returncode == 0 and "client" in shown.stdout and "group" in shown.stdout
    bad = subprocess.run(
        [
            exe,
            "member",
            "add",
            "--user",
            "U0NEW0003",
            "--agency",
            "Micah Projects",
            "--role",
            "chief",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert bad.returncode != 0
    assert bad.stderr.count("\n") == 1 and "unknown role 'chief'" in bad.stderr
    missing = subprocess.run(
        [exe, "group", "create", "--name", "x"], capture_output=True, text=True, env=env
    )
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert "required" in missing.stderr
