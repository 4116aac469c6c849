"""``casebot export clients|actions|meetings|minutes``: files for the secretariat's spreadsheet.

De-identified unless --identifiable (secretariat only, audited, 0600, with a warning); people by
their Slack names (users.info, asked once and kept); no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.bootstrap import build
from bot.config import load_settings
from bot.domain import (
    ActionStatus,
    ActionView,
    AgencyAttendance,
    Minutes,
    MinutesClient,
    RecordView,
)
from bot.services import meetings
from bot.services.minutes import snapshot
from devkit.fake_slack import FakeSlack
from storage.models import Action, Meeting
from tests.cli.test_bad_input import assert_refused
from tests.identities import JANE, TOM, plaintext_markers, write_clients_json

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
MEETING_AT = dt.datetime(2026, 11, 17, 0, 0, tzinfo=dt.UTC)  # Tue 17 Nov, 10:00 in Brisbane
FORMULAS = ['=HYPERLINK("http://evil.example","open me")', "+61 7 3000 0000 rang back",
            "-2+3 beds", "@SUM(A1:A9)", "\tcall the GP", "\rcall the GP"]
KINDS = ("clients", "actions", "meetings", "minutes")


@pytest.fixture
def ready(cli, setup_group, tmp_path):
    """Two clients with their details, actions (some typed like formulas), a closed meeting."""
    setup_group()
    cli.ok("member", "add", "--user", "U0GONE001", "--agency", "Micah Projects", "--role",
           "worker")
    items = [{**JANE, "code": "U1R-014", "agency": "Micah Projects", "key_worker": "U0KW00001",
              "consent": {"given_on": "2026-10-01", "agencies": ["Brisbane Housing Company"]}},
             {**TOM, "code": "U1R-015", "agency": "Micah Projects", "key_worker": "U0GONE001"}]
    cli.ok("client", "add", "--from-json", str(write_clients_json(tmp_path / "c.json", items)))
    app = build(load_settings(cli.env), clock=cli.clock)
    with app.uow() as uow:
        jane, tom = uow.clients.by_code("U1R-014"), uow.clients.by_code("U1R-015")
        worker, sec = uow.members.by_user("U0KW00001"), uow.members.by_user("U0SEC0001")
        group = uow.groups.by_name("Under 1 Roof")
        meeting = Meeting(group_id=group.id, occurrence_at=MEETING_AT, scheduled_at=MEETING_AT,
                          status="closed", facilitator_id=sec.id, started_at=MEETING_AT,
                          ended_at=MEETING_AT + dt.timedelta(minutes=80), created_at=NOW)
        uow.add(meeting)
        uow.flush()
        for n, text in enumerate(FORMULAS):
            uow.add(Action(client_id=jane.id, owner_id=worker.id, text=text,
                           due_on=dt.date(2026, 12, 4 + n), status="open", carried_count=0,
                           created_at=NOW, meeting_id=meeting.id))
        uow.add(Action(client_id=tom.id, owner_id=uow.members.by_user("U0GONE001").id,
                       text="book the bond loan interview", due_on=dt.date(2026, 12, 10),
                       status="open", carried_count=0, created_at=NOW))
        ref = meetings.ref(group, meeting)
        kept = Minutes(
            meeting=ref, started_at=meeting.started_at, ended_at=meeting.ended_at,
            facilitator="U0SEC0001",
            attendance=(AgencyAttendance("Micah Projects", ("U0KW00001",), (), (), ()),),
            clients=(
                MinutesClient("U1R-014", True, False,
                              (RecordView(1, "decision", "U1R-014", "refer to outreach",
                                          "U0KW00001"),),
                              (ActionView(2, "U1R-014", "-2+3 beds", "U0KW00001",
                                          dt.date(2026, 12, 4), ActionStatus.OPEN, False),),
                              ()),
                MinutesClient("U1R-015", False, False, (), (), ()),
            ),
        )
        meeting.minutes = snapshot.dumps(kept)
        uow.commit()
    app.close()
    return cli


def export(cli, what: str, fmt: str, tmp_path: Path, *extra: str, env=None) -> list[list[str]]:
    """The rows of a saved export, however it was written."""
    target = tmp_path / f"{what}-{len(list(tmp_path.iterdir()))}.{fmt}"
    cli.ok("export", what, "--format", fmt, "--output", str(target), *extra, env=env)
    return read_rows(target)


def read_rows(target: Path) -> list[list[str]]:
    if target.suffix == ".csv":
        text = target.read_bytes().decode("utf-8")
        assert text.startswith("\ufeff")  # Excel then reads it as UTF-8
        return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    book = load_workbook(target)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows():
        assert all(cell.data_type != "f" for cell in row)  # no formula, whatever the text
    return [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]


def markers() -> list[str]:
    return [m.decode() for m in plaintext_markers(JANE) + plaintext_markers(TOM)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_without_identifiable_hold_no_register_identifier(ready, tmp_path, fmt):
    seen = {what: export(ready, what, fmt, tmp_path) for what in KINDS}
    text = "\n".join(",".join(row) for rows in seen.values() for row in rows)
    assert [m for m in markers() if m in text or m.lower() in text.lower()] == []
    assert seen["clients"][0][:5] == ["case_code", "status", "group", "lead_agency", "key_worker"]
    assert seen["clients"][1][:6] == ["U1R-014", "active", "Under 1 Roof", "Micah Projects",
                                      "U0KW00001", "current"]
    assert [r[0] for r in seen["actions"][1:]] == ["U1R-014"] * 6 + ["U1R-015"]
    meeting = dict(zip(seen["meetings"][0], seen["meetings"][1], strict=True))
    assert meeting["date"] == "2026-11-17" and meeting["time"] == "10:00"
    assert meeting["status"] == "closed" and meeting["discussed"] == "1"
    assert meeting["not_reached"] == "1"
    assert seen["minutes"][1][:5] == ["Under 1 Roof", "2026-11-17", "U1R-014", "decision",
                                      "refer to outreach"]
    # …and --identifiable does add them: the check above could have failed.
    full = export(ready, "clients", fmt, tmp_path, "--identifiable", "--as", "U0SEC0001",
                  "--reason", "annual audit of the register")
    assert JANE["full_name"] in "\n".join(",".join(row) for row in full)


def test_a_csv_without_output_is_printed_plain(ready):
    out = ready.ok("export", "actions")
    assert out.startswith("case_code,group,action,owner,due")  # no byte-order mark on screen


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cells_a_spreadsheet_would_run_start_with_an_apostrophe(ready, tmp_path, fmt):
    rows = export(ready, "actions", fmt, tmp_path)
    texts = [row[2] for row in rows[1:] if row[0] == "U1R-014"]
    assert len(texts) == len(FORMULAS)
    for text, typed in zip(texts, FORMULAS, strict=True):
        assert text.startswith("'"), repr(text)
        assert text.lstrip("'\n\t ") == typed.lstrip("\t\r")
    plain = [row[2] for row in rows[1:] if row[0] == "U1R-015"]
    assert plain == ["book the bond loan interview"]


def test_people_are_shown_by_their_slack_names_asked_once(ready, tmp_path):
    users = {"U0KW00001": {"name": "kate", "real_name": "Kate Worker"},
             "U0SEC0001": {"name": "", "real_name": "=Sam Secretary"}}
    without = export(ready, "actions", "csv", tmp_path)  # no token: no network, the IDs
    assert {row[3] for row in without[1:]} == {"U0KW00001", "U0GONE001"}
    with FakeSlack(users=users) as fake:
        env = {"SLACK_BOT_TOKEN": fake.bot_token, "CASEBOT_SLACK_API_URL": fake.base_url}
        actions = export(ready, "actions", "csv", tmp_path, env=env)
        # Display name, else real name (a formula-like one made safe), else the member ID.
        assert {row[3] for row in actions[1:]} == {"kate", "U0GONE001"}
        minutes = export(ready, "minutes", "csv", tmp_path, env=env)
        assert minutes[1][5] == "kate"
        shown = export(ready, "meetings", "csv", tmp_path, env=env)
        assert shown[1][6] == "'=Sam Secretary"
        asked = [c.args["user"] for c in fake.calls if c.method == "users.info"]
        assert sorted(asked) == ["U0GONE001", "U0KW00001", "U0SEC0001"]  # once each
        export(ready, "clients", "csv", tmp_path, env=env)
        assert len([c for c in fake.calls if c.method == "users.info"]) == 3  # kept
        md = ready.ok("minutes", "--group", "Under 1 Roof", "--date", "2026-11-17", env=env)
        assert "- refer to outreach (kate)" in md and "present: kate" in md
        assert "Facilitator: \\=Sam Secretary" in md and "U0KW00001" not in md


def test_identifiable_export_is_audited_private_and_warned_about(ready, tmp_path):
    target = tmp_path / "register.xlsx"
    result = ready("export", "clients", "--format", "xlsx", "--output", str(target),
                   "--identifiable", "--as", "U0SEC0001", "--reason",
                   "annual audit of the register")
    assert result.code == 0, result.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Warning:" in result.err and "in the clear" in result.err
    assert "readable by you only" in result.out
    rows = read_rows(target)
    details = dict(zip(rows[0], rows[1], strict=True))
    assert details["full_name"] == JANE["full_name"] and details["date_of_birth"] == "1988-04-03"
    assert details["aliases"] == ", ".join(JANE["aliases"])
    audit = ready.ok("audit", "--limit", "1")
    assert "U0SEC0001" in audit and "export_identifiable" in audit
    assert "annual audit of the register" in audit and "clients: 2 rows as xlsx" in audit
    names = export(ready, "actions", "csv", tmp_path, "--identifiable", "--as", "U0SEC0001",
                   "--reason", "follow-up of open actions")
    assert names[0][:2] == ["case_code", "client_name"]
    assert names[1][:2] == ["U1R-014", JANE["full_name"]]
    plain = tmp_path / "plain.csv"
    ready.ok("export", "clients", "--output", str(plain))
    assert stat.S_IMODE(plain.stat().st_mode) & 0o044  # de-identified: as the umask says


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--as", "U0KW00001", "--reason", "annual audit of the register"],
         ["U0KW00001 is not in the secretariat of Under 1 Roof", "only the secretariat"]),
        (["--as", "U0NOBODY1", "--reason", "annual audit of the register"],
         ["U0NOBODY1 is not a Casebot member"]),
        (["--reason", "annual audit of the register"], ["--identifiable needs --as U…"]),
        (["--as", "U0SEC0001"], ["say why with --reason"]),
        (["--as", "U0SEC0001", "--reason", "Quokkafield asked"], ["quotes a client's registered"]),
    ],
)
def test_identifiable_is_refused_to_anyone_else_and_without_a_reason(ready, tmp_path, args,
                                                                     words):
    target = tmp_path / "out.csv"
    line = assert_refused(ready, ["export", "clients", "--output", str(target),
                                  "--identifiable", *args], *words)
    assert not target.exists() and not list(tmp_path.glob(".casebot-*"))
    assert "Quokkafield" not in line


def test_bad_export_requests(ready, tmp_path):
    existing = tmp_path / "there.csv"
    existing.write_text("keep me")
    assert_refused(ready, ["export", "clients", "--output", str(existing)], "already exists")
    assert existing.read_text() == "keep me"
    assert_refused(ready, ["export", "clients", "--format", "xlsx"], "needs --output")
    assert_refused(ready, ["export", "clients", "--identifiable", "--as", "U0SEC0001",
                           "--reason", "annual audit"], "needs --output FILE")
    assert_refused(ready, ["export", "meetings", "--output", str(tmp_path / "m.csv"),
                           "--identifiable", "--as", "U0SEC0001", "--reason", "annual audit"],
                   "meetings hold no client's details")
    assert_refused(ready, ["export", "clients", "--output", str(tmp_path / "c.xlsx")],
                   "the .csv ending")
    assert_refused(ready, ["export", "clients", "--reason", "just because"],
                   "--reason and --as go with --identifiable")
    assert_refused(ready, ["export", "clients", "--group", "Nowhere"], "unknown group")
    assert_refused(ready, ["export", "people"], "invalid choice")
