"""Bad input: one kind line on stderr, a non-zero exit, and nothing changed in the database."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.identities import JANE, write_clients_json


def snapshot(url: str) -> dict[str, list[tuple]]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        tables = sorted(sa.inspect(conn).get_table_names())
        data = {
            t: sorted(map(tuple, conn.execute(sa.text(f'SELECT * FROM "{t}"'))), key=repr)
            for t in tables
        }
    engine.dispose()
    return data


def assert_refused(cli, args, *expected_words):
    before = snapshot(cli.env["DATABASE_URL"])
    result = cli(*args)
    assert result.code != 0
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("casebot: ")
    for word in expected_words:
        assert word in lines[0]
    assert snapshot(cli.env["DATABASE_URL"]) == before
    return lines[0]


GROUP = [
    "group",
    "create",
    "--name",
    "Northside",
    "--channel",
    "C0NORTH01",
    "--tz",
    "Australia/Brisbane",
]
JANE_OPTS = ["--full-name", JANE["full_name"], "--dob", JANE["date_of_birth"]]


@pytest.fixture
def ready(cli, setup_group):
    setup_group()
    cli.ok(
        "client",
        "add",
        "--code",
        "U1R-014",
        "--agency",
        "Micah Projects",
        "--key-worker",
        "U0KW00001",
        *JANE_OPTS,
    )
    return cli


def test_unknown_role(ready):
    line = assert_refused(
        ready,
        [
            "member",
            "add",
            "--user",
            "U0NEW0001",
            "--agency",
            "Micah Projects",
            "--role",
            "worker",
            "--role",
            "boss",
        ],
        "unknown role 'boss'",
        "facilitator",
    )
    assert "worker" in line


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=FORTNIGHTLY;BYDAY=TU;BYHOUR=10", ["FREQ=DAILY, WEEKLY"]),
        ("FREQ=WEEKLY;BYDAY=XX;BYHOUR=10", ["invalid RRULE"]),
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=27", ["invalid RRULE"]),
        ("FREQ=WEEKLY;BYDAY=TU", ["no meeting time", "BYHOUR"]),
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;UNTIL=20200101T000000", ["no meetings after today"]),
        ("DTSTART:20261201T100000\nRRULE:FREQ=WEEKLY", ["one RRULE line"]),
        ("FREQ=HOURLY;BYHOUR=10", ["FREQ=DAILY, WEEKLY"]),
    ],
)
def test_invalid_rrule(ready, rule, words):
    assert_refused(ready, [*GROUP, "--rrule", rule], *words)


def test_first_meeting_must_match_the_rule(ready):
    assert_refused(
        ready,
        [*GROUP, "--rrule", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--first", "2026-12-02T10:00"],
        "not a meeting of rule",
        "Tue 2026-12-08T10:00",
    )


def test_unknown_time_zone(ready):
    assert_refused(
        ready,
        [*GROUP, "--rrule", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbaine"],
        "unknown time zone",
        "Australia/Brisbane",
    )


def test_duplicate_case_code(ready):
    assert_refused(
        ready,
        [
            "client",
            "add",
            "--code",
            "u1r-014",
            "--agency",
            "Micah Projects",
            "--key-worker",
            "U0KW00001",
        ],
        "U1R-014 is already in the register",
    )


@pytest.mark.parametrize(
    "dob", ["31/02/1990", "1990-13-01", "next tuesday", "3/4/88", "2099-01-01"]
)
def test_malformed_date_of_birth(ready, dob):
    line = assert_refused(
        ready,
        [
            "client",
            "add",
            "--code",
            "U1R-020",
            "--agency",
            "Micah Projects",
            "--key-worker",
            "U0KW00001",
            "--full-name",
            "Ruby Lorikeetson",
            "--dob",
            dob,
        ],
        "date_of_birth",
    )
    assert dob not in line, "identifier values are never echoed"
    assert "Lorikeetson" not in line


def test_json_batch_with_one_bad_item_adds_none(ready, tmp_path):
    path = write_clients_json(
        tmp_path / "batch.json",
        [
            {
                "code": "U1R-030",
                "agency": "Micah Projects",
                "key_worker": "U0KW00001",
                "full_name": "Alice Gumtree",
            },
            {
                "code": "U1R-031",
                "agency": "Micah Projects",
                "key_worker": "U0KW00001",
                "full_name": "Bob Ironbark",
                "date_of_birth": "1980-02-30",
            },
        ],
    )
    line = assert_refused(
        ready, ["client", "add", "--from-json", str(path)], "item 2 (U1R-031)", "date_of_birth"
    )
    assert "Ironbark" not in line


def test_json_duplicate_within_file(ready, tmp_path):
    item = {"code": "U1R-040", "agency": "Micah Projects", "key_worker": "U0KW00001"}
    path = write_clients_json(tmp_path / "dup.json", [item, item])
    assert_refused(ready, ["client", "add", "--from-json", str(path)], "appears twice")


def test_json_unknown_field_suggests_the_right_one(ready, tmp_path):
    path = write_clients_json(
        tmp_path / "typo.json",
        {
            "code": "U1R-041",
            "agency": "Micah Projects",
            "key_worker": "U0KW00001",
            "dob": "1980-01-01",
        },
    )
    assert_refused(ready, ["client", "add", "--from-json", str(path)], "unknown field 'dob'")


def test_json_not_json(ready, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{ not json")
    assert_refused(ready, ["client", "add", "--from-json", str(path)], "not valid JSON", "line 1")


def test_unknown_agency_suggests_closest(ready):
    assert_refused(
        ready,
        [
            "client",
            "add",
            "--code",
            "U1R-050",
            "--agency",
            "Micah Project",
            "--key-worker",
            "U0KW00001",
        ],
        "unknown agency 'Micah Project'",
        "did you mean 'Micah Projects'",
    )


def test_unknown_key_worker(ready):
    assert_refused(
        ready,
        [
            "client",
            "add",
            "--code",
            "U1R-051",
            "--agency",
            "Micah Projects",
            "--key-worker",
            "U0NOBODY1",
        ],
        "U0NOBODY1 is not a Casebot member",
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            [
                "client",
                "add",
                "--code",
                "Jane S",
                "--agency",
                "Micah Projects",
                "--key-worker",
                "U0KW00001",
            ],
            ["case code"],
        ),
        (
            [
                "client",
                "add",
                "--code",
                "U1R-052",
                "--agency",
                "Micah Projects",
                "--key-worker",
                "U0KW00001",
                "--medicare",
                "2123 45671 1",
            ],
            ["medicare"],
        ),
        (
            [
                "client",
                "add",
                "--code",
                "U1R-053",
                "--agency",
                "Micah Projects",
                "--key-worker",
                "U0KW00001",
                "--status",
                "housed",
            ],
            ["unknown status"],
        ),
        (
            ["member", "add", "--user", "jane", "--agency", "Micah Projects", "--role", "worker"],
            ["Slack member ID"],
        ),
        (
            [
                "group",
                "create",
                "--name",
                "X",
                "--channel",
                "#general",
                "--rrule",
                "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10",
                "--tz",
                "Australia/Brisbane",
            ],
            ["channel ID"],
        ),
        (
            [
                "group",
                "create",
                "--name",
                "Under 1 Roof",
                "--channel",
                "C0OTHER01",
                "--rrule",
                "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10",
                "--tz",
                "Australia/Brisbane",
            ],
            ["already exists"],
        ),
        (["agency", "add", "micah projects"], ["already exists"]),
        (["client", "show", "U1R-014", "--reveal"], ["--reason"]),
        (
            ["client", "show", "U1R-014", "--reveal", "--reason", "call Jane Quokkafield"],
            ["quotes a client's registered details"],
        ),
        (["client", "purge", "U1R-014", "--reason", "retention period"], ["--yes"]),
        (["client", "frobnicate"], ["invalid choice"]),
        (["audit", "--limit", "0"], ["--limit"]),
    ],
)
def test_other_mistakes(ready, args, words):
    assert_refused(ready, args, *words)


def test_commands_before_init_say_how_to_start(blank_cli):
    result = blank_cli("client", "list")
    assert result.code != 0
    assert "run: casebot init" in result.err
