"""A wrong or missing master key is noticed when a command starts, not when it is first needed."""

from __future__ import annotations

import pytest

from storage.crypto import MasterKey
from tests.cli.test_bad_input import assert_refused

USES_THE_DATABASE = [
    ["client", "list"],
    ["agency", "add", "Mission Australia"],
    ["agency", "list"],
    ["member", "add", "--user", "U0NEW0001", "--agency", "Micah Projects", "--role", "worker"],
    ["member", "list"],
    ["group", "list"],
    ["allow", "list", "--group", "Under 1 Roof"],
    ["meeting", "list", "--group", "Under 1 Roof"],
    ["audit"],
]


@pytest.mark.parametrize("args", USES_THE_DATABASE, ids=lambda a: " ".join(a[:2]))
def test_a_wrong_key_file_stops_every_command(cli, setup_group, args):
    setup_group()
    cli.key_file.write_text(MasterKey.generate().encode() + "\n")
    line = assert_refused(cli, args, str(cli.key_file), "not the one this database")
    assert "restore" in line


@pytest.mark.parametrize("args", USES_THE_DATABASE[:4], ids=lambda a: " ".join(a[:2]))
def test_a_missing_key_file_stops_every_command(cli, setup_group, args):
    setup_group()
    cli.key_file.unlink()
    line = assert_refused(cli, args, str(cli.key_file), "missing", "restore it from your backup")
    assert "casebot init" not in line, "init is no cure for a database that has its key"
    assert not cli.key_file.exists()


def test_a_wrong_inline_key_names_the_variable(cli, setup_group):
    setup_group()
    inline = {"CASEBOT_MASTER_KEY": MasterKey.generate().encode(), "CASEBOT_KEY_FILE": ""}
    cli.env.update(inline)
    assert_refused(cli, ["agency", "add", "Mission Australia"], "CASEBOT_MASTER_KEY",
                   "not the one this database")


def test_the_right_key_on_a_database_without_clients_works(cli, setup_group):
    setup_group()
    assert "Agency 'Mission Australia' added." in cli.ok("agency", "add", "Mission Australia")
    assert cli.ok("client", "list").startswith("CODE")


def test_status_reports_a_wrong_key_instead_of_stopping(cli, setup_group):
    setup_group()
    cli.key_file.write_text(MasterKey.generate().encode() + "\n")
    result = cli("status")
    assert result.code != 0
    assert "Casebot status" in result.out and "members       2" in result.out
    key_line = next(line for line in result.out.splitlines() if "master key" in line)
    assert "NOT OPENING" in key_line and "not the one this database" in key_line
    assert result.err.startswith("casebot: ") and len(result.err.strip().splitlines()) == 1


def test_init_never_replaces_a_missing_key_of_an_existing_database(cli, setup_group):
    setup_group()
    cli.key_file.unlink()
    line = assert_refused(cli, ["init"], "already holds", str(cli.key_file), "backup")
    assert "run `casebot init`" not in line and "run: casebot init" not in line
    assert not cli.key_file.exists()


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604], ids=oct)
@pytest.mark.parametrize("args", [*USES_THE_DATABASE[:4], ["init"], ["keys", "rotate"]],
                         ids=lambda a: " ".join(a[:2]))
def test_a_key_file_others_can_open_stops_every_command(cli, setup_group, args, mode):
    """Today's key, but readable by the group or anyone: refused everywhere it is loaded, with
    the command that fixes it, and nothing done."""
    setup_group()
    key_before = cli.key_file.read_bytes()
    cli.key_file.chmod(mode)
    line = assert_refused(cli, args, str(cli.key_file), "open to other users",
                          f"chmod 600 {cli.key_file}")
    assert f"permissions {mode:03o}" in line
    assert cli.key_file.read_bytes() == key_before
    cli.key_file.chmod(0o600)
    assert cli("agency", "list").code == 0


def test_a_read_only_key_file_is_fine(cli, setup_group):
    setup_group()
    cli.key_file.chmod(0o400)
    assert "Micah Projects" in cli.ok("agency", "list")


def test_status_reports_a_key_file_others_can_open(cli, setup_group):
    setup_group()
    cli.key_file.chmod(0o644)
    result = cli("status")
    assert result.code != 0 and "chmod 600" in result.err
    assert "NOT OPENING" in next(line for line in result.out.splitlines() if "master key" in line)
