"""Messages that say what is wrong and how to put it right, and values no longer let through."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_bad_input import assert_refused
from tests.identities import JANE, TOM, write_clients_json

BOM = "\ufeff"
GROUP = ["group", "create", "--name", "Northside", "--channel", "C0NORTH01",
         "--rrule", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"]
CLIENT = ["client", "add", "--code", "U1R-060", "--agency", "Micah Projects"]


@pytest.fixture
def ready(cli, setup_group, tmp_path):
    setup_group()
    item = {**JANE, "code": "U1R-014", "agency": "Micah Projects", "key_worker": "U0KW00001"}
    cli.ok("client", "add", "--from-json", str(write_clients_json(tmp_path / "c.json", item)))
    return cli


# --- a reason that is given but too short -------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["show", "U1R-014", "--reveal"], ["purge", "U1R-014", "--yes"]]
)
def test_a_short_reason_says_what_a_reason_needs(ready, command):
    line = assert_refused(ready, ["client", *command, "--reason", "test"],
                          "at least 5 characters", "a few words saying why")
    assert "say why with --reason" not in line, "a reason was given"
    assert "'test'" not in line, "the reason itself is not echoed"


def test_a_missing_reason_still_asks_for_one(ready):
    assert_refused(ready, ["client", "show", "U1R-014", "--reveal"], "say why with --reason")


# --- time zone abbreviations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "suggested", "not_suggested"),
    [
        ("AEST", ["Australia/Brisbane", "no daylight saving", "Australia/Sydney"], "EST"),
        ("aest", ["Australia/Brisbane", "Australia/Sydney"], "EST"),
        ("AEDT", ["Australia/Sydney", "Australia/Melbourne"], "EST"),
        ("ACST", ["Australia/Darwin", "Australia/Adelaide"], "CST"),
        ("ACDT", ["Australia/Adelaide"], "CST"),
        ("AWST", ["Australia/Perth"], "WST"),
        ("NZST", ["Pacific/Auckland"], "NZ "),
    ],
)
def test_an_australian_abbreviation_suggests_its_zones(ready, typed, suggested, not_suggested):
    line = assert_refused(ready, [*GROUP, "--tz", typed], f"{typed!r} is an abbreviation",
                          *suggested)
    assert f"did you mean {not_suggested}" not in line
    assert "EST?" not in line


@pytest.mark.parametrize("typed", ["EST", "est", "EST5EDT"])
def test_est_is_not_taken_for_the_australian_east_coast(ready, typed):
    # The time zone database has "EST" (US Eastern, UTC-5): a group set to it would be
    # prompted 15 hours out in Brisbane.
    assert_refused(ready, [*GROUP, "--tz", typed], "US time zone", "Australia/Brisbane",
                   "Australia/Sydney", "America/New_York")


# --- JSON written by Windows tools (UTF-8 with a byte-order mark) -------------------------------


def test_client_json_with_a_byte_order_mark(ready, tmp_path):
    path = tmp_path / "bom.json"
    item = {**TOM, "code": "U1R-015", "agency": "Micah Projects", "key_worker": "U0KW00001"}
    path.write_text(BOM + json.dumps([item]), encoding="utf-8")
    assert "U1R-015" in ready.ok("client", "add", "--from-json", str(path))
    assert "U1R-015" in ready.ok("client", "list")


def test_redact_input_with_a_byte_order_mark(ready):
    lines = BOM + json.dumps({"client": "U1R-014", "text": "Jane Quokkafield rang"}) + "\n"
    out = ready.ok("redact", "--jsonl", stdin=lines)
    assert json.loads(out)["text"] == "U1R-014 rang"
    plain = ready("redact", stdin=BOM + "Jane Quokkafield rang\n")
    assert plain.code == 0 and plain.out == "U1R-014 rang\n"


# --- Slack IDs -----------------------------------------------------------------------------------

NOT_A_MEMBER_ID = (
    "ushers123 doesn't look like a Slack member ID (like U0123ABCD). "
    "In Slack: click the person's name → ⋮ → Copy member ID."
)


@pytest.mark.parametrize(
    "args",
    [
        ["member", "add", "--user", "ushers123", "--agency", "Micah Projects", "--role", "worker"],
        ["member", "roles", "--user", "ushers123", "--group", "Under 1 Roof", "--role", "worker"],
        [*CLIENT, "--key-worker", "ushers123"],
    ],
    ids=["member add", "member roles", "client add"],
)
def test_a_user_id_of_the_wrong_shape_is_refused(ready, args):
    line = assert_refused(ready, args, NOT_A_MEMBER_ID)
    assert line.removeprefix("casebot: ").removeprefix("U1R-060: ") == NOT_A_MEMBER_ID


def test_a_user_id_in_json_is_checked_without_echoing_it(ready, tmp_path):
    item = {"code": "U1R-061", "agency": "Micah Projects", "key_worker": "Kate Smith"}
    path = write_clients_json(tmp_path / "kw.json", [item])
    line = assert_refused(
        ready, ["client", "add", "--from-json", str(path)],
        "item 1 (U1R-061): key_worker doesn't look like a Slack member ID",
    )
    assert "Kate" not in line


@pytest.mark.parametrize("channel", ["general1", "c0north01", "#general"])
def test_a_channel_id_of_the_wrong_shape_is_refused(ready, channel):
    args = ["group", "create", "--name", "Northside", "--channel", channel,
            "--rrule", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane"]
    assert_refused(ready, args, "doesn't look like a Slack channel ID (like C0123ABCD)")


def test_mentions_and_real_ids_still_work(ready):
    out = ready.ok("member", "add", "--user", "<@U0NEW0001|newbie>", "--agency",
                   "Micah Projects", "--role", "worker")
    assert "Member U0NEW0001 added" in out


def test_an_env_file_with_a_byte_order_mark(ready, tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(BOM + "SLACK_BOT_TOKEN=xoxb-1-2-abc\n", encoding="utf-8")
    out = ready.ok("status", env={"CASEBOT_ENV_FILE": str(env_file)})
    assert "slack         configured" in out


# --- a case code that spells the client's name ------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "aliases"),
    [
        ("JONES-001", "Sam Jones", []),
        ("SJONES-01", "Sam Jones", []),
        ("HO-102", "Minh Ho", []),
        ("BIGROB-01", "Robert Lorikeetson", ["Big Rob"]),
    ],
)
def test_a_case_code_that_spells_the_clients_name_is_refused(ready, code, name, aliases):
    # The code goes to Slack with every update: the surname would reach the channel each time.
    args = ["client", "add", "--code", code, "--agency", "Micah Projects",
            "--key-worker", "U0KW00001", "--full-name", name]
    for alias in aliases:
        args += ["--alias", alias]
    line = assert_refused(ready, args, "case code contains part of the client's name")
    assert name.split()[-1] not in line and "Big" not in line  # the message names no one


def test_a_case_code_with_nothing_of_the_name_is_taken(ready):
    # "Ur" in a name is not in "U1R" (its letters are U and R, apart).
    ready.ok("client", "add", "--code", "U1R-061", "--agency", "Micah Projects",
             "--key-worker", "U0KW00001", "--full-name", "Uri Rakoto")
