"""Issue 13 on the command line: `casebot referrals`, `referrals details`, `client exit` and
`client re-refer`, with the kind refusals (stderr, non-zero, nothing written)."""

from __future__ import annotations

import sqlalchemy as sa

from tests.identities import JANE

KW = "U0KW00001"


def _rows(cli, sql: str) -> list:
    engine = sa.create_engine(cli.env["DATABASE_URL"])
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text(sql)).all())
    finally:
        engine.dispose()


def _client(cli, code: str, *extra: str) -> None:
    cli.ok("client", "add", "--code", code, "--agency", "Micah Projects", "--key-worker", KW,
           "--no-prompt", "--consent-date", "2026-11-01", *extra)


def test_exit_and_re_refer(cli, setup_group):
    setup_group()
    _client(cli, "U1R-014", "--full-name", JANE["full_name"], "--dob", JANE["date_of_birth"])

    bad = cli("client", "exit", "U1R-014", "--outcome", "housed", "--date", "2026-11-20")
    assert bad.code != 0 and "choose the outcome from: housed_social" in bad.err
    declined = cli("client", "exit", "U1R-014", "--outcome", "referral_declined",
                   "--date", "2026-11-20")
    assert declined.code != 0 and "outcome" in declined.err
    future = cli("client", "exit", "U1R-014", "--outcome", "housed_social", "--date", "2027-01-01")
    assert future.code != 0 and "in the future" in future.err
    missing = cli("client", "exit", "U1R-099", "--outcome", "other", "--date", "2026-11-20")
    assert missing.code != 0 and "There is no client U1R-099" in missing.err
    assert _rows(cli, "SELECT count(*) FROM client_exits") == [(0,)]

    out = cli.ok("client", "exit", "U1R-014", "--outcome", "housed-private", "--date",
                 "2026-11-20", "--note", "Signed a lease with Jane Quokkafield's brother")
    assert "Housed – private rental" in out and "0 open actions closed" in out
    assert _rows(cli, "SELECT outcome, note FROM client_exits") == [
        ("housed_private", "Signed a lease with U1R-014's brother")]
    assert "exited" in cli.ok("client", "show", "U1R-014")
    assert "exited: Housed – private rental on 2026-11-20" in cli.ok("client", "status", "U1R-014")
    again = cli("client", "exit", "U1R-014", "--outcome", "other", "--date", "2026-11-21")
    assert again.code != 0 and "exited already on 2026-11-20" in again.err

    unconfirmed = cli("client", "re-refer", "U1R-014")
    assert unconfirmed.code != 0 and "--yes" in unconfirmed.err
    no = cli("client", "re-refer", "U1R-014", interactive=True, stdin="n\n")
    assert no.code != 0 and "not confirmed" in no.err
    assert "Is this the same person as U1R-014?" in no.err
    yes = cli("client", "re-refer", "U1R-014", interactive=True, stdin="y\n")
    assert yes.code == 0, yes.err
    assert _rows(cli, "SELECT status FROM clients WHERE case_code = 'U1R-014'") == [
        ("referred",)]
    assert _rows(cli, "SELECT ended_at IS NOT NULL FROM client_exits") == [(1,)]
    listing = cli.ok("referrals")
    assert "U1R-014" in listing and "the group's decision" in listing
    active = cli("client", "re-refer", "U1R-014", "--yes")
    assert active.code != 0 and "has not exited" in active.err
    audit = cli.ok("audit")
    assert "client_exited" in audit and "client_re_referred" in audit
    assert "Quokkafield" not in audit


def test_an_archived_group_takes_no_one_new(cli, setup_group):
    setup_group()
    cli.ok("group", "archive", "--group", "Under 1 Roof", "--yes")
    client = cli("client", "add", "--code", "U1R-050", "--agency", "Micah Projects",
                 "--key-worker", KW, "--group", "Under 1 Roof", "--no-prompt")
    assert client.code != 0 and "archived; it takes no new clients" in client.err
    member = cli("member", "add", "--user", "U0NEW0001", "--agency", "Micah Projects",
                 "--role", "worker", "--group", "Under 1 Roof")
    assert member.code != 0 and "archived; it takes no new members" in member.err
    assert _rows(cli, "SELECT count(*) FROM clients WHERE case_code = 'U1R-050'") == [(0,)]


def test_referrals_listing_and_details(cli, setup_group):
    setup_group()
    assert "No referrals waiting." in cli.ok("referrals")
    unknown = cli("referrals", "--group", "Nope")
    assert unknown.code != 0
    # A former client, and a referred one without details (as `/casebot refer` leaves it).
    _client(cli, "U1R-014", "--full-name", JANE["full_name"], "--dob", JANE["date_of_birth"])
    cli.ok("client", "exit", "U1R-014", "--outcome", "disengaged", "--date", "2026-11-20")
    _client(cli, "U1R-030", "--status", "referred")
    _client(cli, "U1R-031", "--status", "referred")
    # A referral row as the Slack form makes it (the CLI has no form of its own).
    member, agency, group = _rows(cli, "SELECT id, agency_id, 1 FROM members LIMIT 1")[0]
    for code in ("U1R-030", "U1R-031"):
        (client_id,) = _rows(cli, f"SELECT id FROM clients WHERE case_code = '{code}'")[0]
        engine = sa.create_engine(cli.env["DATABASE_URL"])
        with engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO referrals (client_id, group_id, referrer_id, agency_id, criteria, "
                "summary, consent_obtained, created_at) VALUES (:c, :g, :m, :a, "
                "'tenancy_at_risk', 'needs support', TRUE, '2026-11-25 00:00:00')"),
                {"c": client_id, "g": group, "m": member, "a": agency})
        engine.dispose()
    listing = cli.ok("referrals")
    assert "U1R-030" in listing and "details not added yet" in listing
    assert "U1R-014" not in listing

    empty = cli("referrals", "details", "U1R-030", "--no-prompt")
    assert empty.code != 0 and "nothing was stored" in empty.err
    not_referral = cli("referrals", "details", "U1R-099", "--full-name", "Sam Example")
    assert not_referral.code != 0

    # Details of someone new: stored, marked added.
    out = cli.ok("referrals", "details", "U1R-030", "--full-name", "Sam Wattleby",
                 "--dob", "1990-02-03")
    assert "Details stored for U1R-030" in out and "Wattleby" not in out
    assert _rows(cli, "SELECT details_added_at IS NOT NULL FROM referrals "
                      "JOIN clients ON clients.id = referrals.client_id "
                      "WHERE case_code = 'U1R-030'") == [(1,)]
    twice = cli("referrals", "details", "U1R-030", "--full-name", "Sam Wattleby")
    assert twice.code != 0 and "already" in twice.err

    # Details matching the former client: said, and offered as a re-referral instead.
    asked = cli("referrals", "details", "U1R-031", "--full-name", JANE["full_name"],
                "--dob", JANE["date_of_birth"])
    assert asked.code != 0 and "match former client U1R-014" in asked.out
    assert "--re-refer" in asked.err and "Quokkafield" not in asked.out + asked.err
    assert _rows(cli, "SELECT count(*) FROM referrals WHERE details_added_at IS NOT NULL") == [
        (1,)]  # U1R-030's only: nothing stored for U1R-031
    merged = cli.ok("referrals", "details", "U1R-031", "--full-name", JANE["full_name"],
                    "--dob", JANE["date_of_birth"], "--re-refer")
    assert "U1R-014 is re-referred under its own case code" in merged
    assert _rows(cli, "SELECT case_code, status FROM clients WHERE case_code IN "
                      "('U1R-014', 'U1R-031') ORDER BY case_code") == [
        ("U1R-014", "referred"), ("U1R-031", "exited")]
    listing = cli.ok("referrals")
    assert "U1R-014" in listing and "U1R-031" not in listing
