"""Keeping the register right: client edit and status, member remove and change of agency, group
edit and archive, channel checks, and reasons that quote a registered identifier."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from devkit.fake_slack import FakeSlack
from tests.cli.test_bad_input import assert_refused, snapshot
from tests.identities import JANE, write_clients_json

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def ready(cli, setup_group, tmp_path):
    setup_group()
    item = {**JANE, "code": "U1R-014", "agency": "Micah Projects", "key_worker": "U0KW00001",
            "consent": {"given_on": "2026-10-01",
                        "agencies": ["Brisbane Housing Company"]}}
    cli.ok("client", "add", "--from-json", str(write_clients_json(tmp_path / "c.json", item)))
    return cli


def _sql(cli, statement: str, **params: object) -> list[tuple]:
    engine = sa.create_engine(cli.env["DATABASE_URL"])
    with engine.begin() as conn:
        result = conn.execute(sa.text(statement), params)
        rows = [tuple(r) for r in result] if result.returns_rows else []
    engine.dispose()
    return rows


def _open_action(cli, owner: str = "U0KW00001", text: str = "Book the tenancy interview") -> None:
    """An open action on U1R-014, as a meeting would have recorded it."""
    _sql(
        cli,
        "INSERT INTO actions (client_id, owner_id, text, due_on, status, carried_count, "
        "created_at, overdue_streak) SELECT c.id, m.id, :text, :due, 'open', 0, :now, 0 "
        "FROM clients c, members m WHERE c.case_code = 'U1R-014' AND m.slack_user_id = :owner",
        text=text, due=dt.date(2026, 12, 4), now=NOW.replace(tzinfo=None), owner=owner,
    )


def _audit(cli) -> str:
    return cli.ok("audit", "--limit", "100")


def _identity_free(text: str) -> None:
    for value in ("Quokkafield", "0412", "Banksia", "1988", "Janey", "Wattlebird", "204837561"):
        assert value not in text


# --- client edit --------------------------------------------------------------------------------


def test_edit_changes_details_and_the_audit_names_fields_only(ready):
    out = ready.ok("client", "edit", "U1R-014", "--phone", "0498 765 432", "--add-alias",
                   "Jay Bee", "--remove-alias", "Janey Q", "--clear", "email")
    assert "U1R-014 updated: aliases, phone, email" in out
    assert "0498" not in out and "Jay Bee" not in out
    shown = ready.ok("client", "show", "U1R-014", "--reveal", "--reason",
                     "checking the edit was stored")
    assert "0498 765 432" in shown and "Jay Bee" in shown and "Janey Q" not in shown
    assert "jane.quokkafield@example.org" not in shown
    audit = _audit(ready)
    assert "client_edited" in audit and "fields: aliases, phone, email" in audit
    assert "0498" not in audit and "Jay Bee" not in audit
    _identity_free(audit)


def test_edit_prompts_without_echo_when_nothing_is_given(ready):
    # Prompts in PROMPTS order: name, aliases to add, aliases to remove, date of birth, …
    out = ready.ok("client", "edit", "U1R-014", interactive=True,
                   answers=["Janet Quokkafield", "", "", "", "-", "", ""])
    assert "updated: full_name, address" in out
    assert "Janet" not in out and "Banksia" not in out


def test_edit_from_json(ready, tmp_path):
    path = write_clients_json(tmp_path / "edit.json", {"crn": "123456789A", "notes": None,
                                                       "key_worker": "U0SEC0001"})
    out = ready.ok("client", "edit", "U1R-014", "--from-json", str(path))
    assert "updated: crn, notes, key worker" in out
    assert "U0SEC0001" in ready.ok("client", "status", "U1R-014")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--medicare", "2123 45671 1"], ["not a valid Medicare number"]),
        (["--crn", "12345"], ["not a Centrelink CRN"]),
        (["--dob", "31/02/1988"], ["date_of_birth is not a valid date"]),
        (["--dob", "2030-01-01"], ["past date"]),
        (["--key-worker", "jane"], ["Slack member ID"]),
        (["--key-worker", "U0NOBODY1"], ["not a Casebot member"]),
        (["--agency", "Nowhere Services"], ["unknown agency"]),
        (["--remove-alias", "Nobody"], ["not registered for this client"]),
        (["--clear", "shoe_size"], ["--clear takes one of"]),
        ([], ["nothing to change"]),
    ],
)
def test_edit_refuses_what_add_refuses(ready, args, words):
    line = assert_refused(ready, ["client", "edit", "U1R-014", "--no-prompt", *args], *words)
    _identity_free(line)
    assert "2123" not in line and "31/02" not in line


def test_edit_refuses_a_name_the_case_code_contains(ready, tmp_path):
    item = {"code": "JONES-002", "full_name": "Sam Smith", "agency": "Micah Projects",
            "key_worker": "U0KW00001"}
    ready.ok("client", "add", "--from-json", str(write_clients_json(tmp_path / "b.json", item)))
    for args in (["--full-name", "Sam Jones"], ["--add-alias", "Big Jones"]):
        line = assert_refused(ready, ["client", "edit", "JONES-002", *args],
                              "case code would contain part of the client's name")
        assert "Sam" not in line


def test_status_says_where_the_client_is(ready):
    _open_action(ready)
    out = ready.ok("client", "status", "U1R-014")
    assert "status        active" in out and "group         Under 1 Roof" in out
    assert "key worker    U0KW00001" in out and "open actions  1" in out
    assert "consent       current (written 2026-10-01" in out
    assert "last update   none yet" in out
    _identity_free(out)


# --- reasons ------------------------------------------------------------------------------------


def test_a_purge_reason_with_the_clients_name_and_phone_is_refused(ready):
    line = assert_refused(
        ready, ["client", "purge", "U1R-014", "--yes", "--reason", "Jane Quokkafield 0412 345 678"],
        "quotes a client's registered details", "Nothing was done",
    )
    _identity_free(line)
    assert "Quokkafield" not in _audit(ready)


@pytest.mark.parametrize("reason", ["exited; reached Zillmere", "moved, email "
                                    "jane.quokkafield@example.org", "dob 3/4/1988 check",
                                    "crn 204837561K wrong", "Medicare 2123456701 closed"])
def test_reasons_quoting_any_detail_are_refused(ready, reason):
    assert_refused(ready, ["client", "purge", "U1R-014", "--yes", "--reason", reason],
                   "quotes a client's registered details")


def test_a_reason_naming_another_client_is_refused_too(ready, tmp_path):
    item = {"code": "U1R-020", "full_name": "Thomas Brolgaway", "agency": "Micah Projects",
            "key_worker": "U0KW00001"}
    ready.ok("client", "add", "--from-json", str(write_clients_json(tmp_path / "t.json", item)))
    assert_refused(ready, ["client", "show", "U1R-014", "--reveal", "--reason",
                           "same household as Brolgaway"], "quotes a client's registered details")
    # An ordinary reason, with street-type words, still goes through.
    ready.ok("client", "show", "U1R-014", "--reveal", "--reason", "housing application, street "
             "outreach in QLD")


# --- members ------------------------------------------------------------------------------------


def test_remove_with_open_work_lists_it_and_changes_nothing(ready):
    _open_action(ready)
    before = snapshot(ready.env["DATABASE_URL"])
    result = ready("member", "remove", "--user", "U0KW00001")
    assert result.code != 0
    assert "1 open action and is key worker for 1 client" in result.err
    assert "U1R-014  due 2026-12-04  Book the tenancy interview" in result.err
    assert "--reassign-to" in result.err
    assert snapshot(ready.env["DATABASE_URL"]) == before


def test_remove_with_reassignment(ready):
    _open_action(ready)
    out = ready.ok("member", "remove", "--user", "U0KW00001", "--reassign-to", "U0SEC0001")
    assert "U0KW00001 left Under 1 Roof." in out
    assert "1 open action and 1 client went to U0SEC0001" in out
    assert "U0SEC0001" in ready.ok("client", "status", "U1R-014").split("key worker")[1]
    member = [ln for ln in ready.ok("member", "list").splitlines() if "U0KW00001" in ln]
    assert member[0].split() == ["U0KW00001", "Micah", "Projects", "-"]
    owners = _sql(ready, "SELECT m.slack_user_id FROM actions a JOIN members m ON "
                  "m.id = a.owner_id")
    assert owners == [("U0SEC0001",)]
    queued = _sql(ready, "SELECT channel FROM outbox WHERE kind = 'action'")
    assert queued == [("U0SEC0001",)]  # the new owner is told
    audit = _audit(ready)
    assert "member_removed" in audit and "1 action(s) and 1 client(s) to U0SEC0001" in audit


def test_remove_asks_at_a_terminal(ready):
    _open_action(ready)
    out = ready.ok("member", "remove", "--user", "U0KW00001", interactive=True,
                   stdin="U0SEC0001\n")
    assert "Book the tenancy interview" in out and "went to U0SEC0001" in out


def test_reassigning_to_someone_consent_does_not_cover_is_refused(ready):
    ready.ok("agency", "add", "Mental Health Service")
    ready.ok("member", "add", "--user", "U0MH00001", "--agency", "Mental Health Service",
             "--role", "worker")
    _open_action(ready)
    assert_refused(ready, ["member", "remove", "--user", "U0KW00001", "--reassign-to",
                           "U0MH00001"], "consent of U1R-014 does not cover")


def test_a_key_worker_handover_needs_consent_too(ready):
    """No open action, but U1R-014's key worker leaves: the new key worker's agency must be one
    the client's consent covers (they would see the client's details)."""
    ready.ok("agency", "add", "Mental Health Service")
    ready.ok("member", "add", "--user", "U0MH00001", "--agency", "Mental Health Service",
             "--role", "worker")
    assert_refused(ready, ["member", "remove", "--user", "U0KW00001", "--reassign-to",
                           "U0MH00001"], "consent of U1R-014 does not cover")


def test_change_of_agency_offers_the_actions_consent_does_not_allow(ready):
    ready.ok("agency", "add", "Mental Health Service")
    _open_action(ready)
    before = snapshot(ready.env["DATABASE_URL"])
    result = ready("member", "edit", "--user", "U0KW00001", "--agency", "Mental Health Service")
    assert result.code != 0
    assert "consent doesn't cover Mental Health Service" in result.err
    assert "U1R-014  due 2026-12-04  Book the tenancy interview" in result.err
    assert snapshot(ready.env["DATABASE_URL"]) == before
    out = ready.ok("member", "edit", "--user", "U0KW00001", "--agency", "Mental Health Service",
                   "--reassign-to", "U0SEC0001")
    assert "now with Mental Health Service" in out and "went to U0SEC0001" in out
    assert "member_agency_changed" in _audit(ready)


def test_change_of_agency_without_actions_needs_no_reassignment(ready):
    out = ready.ok("member", "edit", "--user", "U0KW00001", "--agency",
                   "Brisbane Housing Company")
    assert "now with Brisbane Housing Company" in out


# --- groups -------------------------------------------------------------------------------------


def test_group_edit_renames_and_sets_minutes_per_client(ready):
    out = ready.ok("group", "edit", "--group", "Under 1 Roof", "--name", "Under One Roof",
                   "--minutes-per-client", "6")
    assert "Under One Roof: changed name, minutes per client." in out
    assert "Under One Roof" in ready.ok("group", "list")
    assert "group_edited" in _audit(ready)


def test_group_edit_replans_meetings_nobody_was_asked_about(ready):
    ready.ok("meeting", "list", "--group", "Under 1 Roof")  # materialises the next meetings
    out = ready.ok("group", "edit", "--group", "Under 1 Roof", "--rrule",
                   "FREQ=WEEKLY;BYDAY=WE;BYHOUR=14", "--first", "2026-12-02T14:00")
    assert "Next meeting: Wed 02 Dec 2026 14:00 (Australia/Brisbane)" in out
    assert "re-planned" in out and "Kept" not in out
    listing = ready.ok("meeting", "list", "--group", "Under 1 Roof")
    assert "Tue 01 Dec" not in listing and "Wed 09 Dec 2026 14:00" in listing


def test_group_edit_keeps_a_meeting_people_were_asked_about(ready):
    # Friday 27 Nov: the prompts for Tue 1 Dec go out.
    ready.clock.advance(dt.datetime(2026, 11, 26, 23, 0, tzinfo=dt.UTC) - ready.clock.now())
    with FakeSlack(users={"U0KW00001": {"name": "kw"}, "U0SEC0001": {"name": "sec"}}) as fake:
        env = {"SLACK_BOT_TOKEN": fake.bot_token, "CASEBOT_SLACK_API_URL": fake.base_url}
        ready.ok("tick", env=env)
    out = ready.ok("group", "edit", "--group", "Under 1 Roof", "--rrule",
                   "FREQ=WEEKLY;BYDAY=WE;BYHOUR=14", "--first", "2026-12-02T14:00")
    assert "Kept: " in out and "01 Dec" in out and "already asked" in out


def test_group_edit_bad_input(ready):
    assert_refused(ready, ["group", "edit", "--group", "Under 1 Roof", "--minutes-per-client",
                           "0"], "more than 0")
    assert_refused(ready, ["group", "edit", "--group", "Under 1 Roof", "--tz", "AEST"],
                   "abbreviation")
    assert_refused(ready, ["group", "edit", "--group", "Under 1 Roof", "--channel", "general"],
                   "doesn't look like a Slack channel ID", "About")
    assert_refused(ready, ["group", "edit", "--group", "Nowhere", "--name", "X"],
                   "unknown group")
    assert_refused(ready, ["group", "edit", "--group", "Under 1 Roof"], "nothing to change")


@pytest.mark.parametrize("channel", ["general", "#general", "GENERAL", "CGENERAL"])
def test_a_channel_name_is_refused_with_how_to_find_the_id(ready, channel):
    assert_refused(ready, ["group", "create", "--name", "Northside", "--channel", channel,
                           "--rrule", "FREQ=WEEKLY;BYDAY=WE;BYHOUR=14", "--tz",
                           "Australia/Brisbane"], "Slack channel ID", "Channel ID")


def test_channels_are_checked_with_slack_when_a_token_is_set(ready):
    create = ["group", "create", "--name", "Northside", "--rrule",
              "FREQ=WEEKLY;BYDAY=WE;BYHOUR=14", "--tz", "Australia/Brisbane", "--channel"]
    with FakeSlack() as fake:
        fake.set_channel_members("C0NORTH01", [fake.bot_user_id], name="northside")
        fake.set_channel_members("C0OUTSIDE", ["U0KW00001"], name="elsewhere")
        env = {"SLACK_BOT_TOKEN": fake.bot_token, "CASEBOT_SLACK_API_URL": fake.base_url}
        before = snapshot(ready.env["DATABASE_URL"])
        result = ready(*create, "C0NOSUCH1", env=env)
        assert result.code != 0 and "Slack has no channel C0NOSUCH1" in result.err
        assert snapshot(ready.env["DATABASE_URL"]) == before
        out = ready.ok("group", "edit", "--group", "Under 1 Roof", "--channel", "C0OUTSIDE",
                       env=env)
        assert "Casebot is not in C0OUTSIDE yet" in out
        ready.ok(*create, "C0NORTH01", env=env)
        asked = [c.args.get("channel") for c in fake.calls if c.method == "conversations.info"]
        assert asked == ["C0NOSUCH1", "C0OUTSIDE", "C0NORTH01"]


def test_archive_stops_everything_and_keeps_the_history(ready):
    ready.ok("meeting", "list", "--group", "Under 1 Roof")
    assert_refused(ready, ["group", "archive", "--group", "Under 1 Roof"], "--yes")
    out = ready.ok("group", "archive", "--group", "Under 1 Roof", "--yes")
    assert "Under 1 Roof is archived" in out
    listing = ready.ok("group", "list")
    assert "Under 1 Roof (archived)" in listing and "meets no more" in listing
    # Friday 27 Nov, when the prompts would go out, and Tuesday's agenda time: nothing.
    for now in ("2026-11-27T09:00+10:00", "2026-12-01T08:00+10:00", "2026-12-14T09:00+10:00"):
        planned = ready.ok("tick", "--dry-run", "--now", now)
        assert "Nothing would be sent" in planned, planned
    assert "U1R-014" in ready.ok("client", "list")  # the history stays
    assert "group_archived" in _audit(ready)
    assert_refused(ready, ["group", "archive", "--group", "Under 1 Roof", "--yes"],
                   "already archived")
    assert "(archived)" in ready.ok("client", "status", "U1R-014")
