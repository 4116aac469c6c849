"""``casebot client import``: the secretariat's spreadsheet (CSV or XLSX) into the register.

Every row is checked first, every problem listed by its row number without the cell's value,
and nothing is written unless all of it can be; then the details are only ever encrypted."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from devkit import client_sheets
from tests.cli.test_bad_input import assert_refused, snapshot
from tests.identities import JANE, write_clients_json

BAD_ROWS = {
    7: "DOB (date_of_birth) is not a real date",
    58: "Mobile (phone) is not a phone number",
    203: "Medicare (medicare) is not a valid Medicare number",
    377: "case code U1R-1008 is also on row 10",
    499: "Case code (code) contains part of the client's name or an alias",
}


def wrong_check_digit(medicare: str) -> str:
    digits = medicare.replace(" ", "")
    return f"{digits[:4]} {digits[4:8]}{(int(digits[8]) + 1) % 10} {digits[9]}"


def spoil(rows: list[dict]) -> list[dict]:
    """The 500 rows with five mistakes a tired person makes (rows as the spreadsheet numbers
    them: the heading is row 1)."""
    bad = [dict(r) for r in rows]
    bad[7 - 2]["DOB"] = "31/02/1980"
    bad[58 - 2]["Mobile"] = "12 34"
    bad[203 - 2]["Medicare"] = wrong_check_digit(bad[203 - 2]["Medicare"])
    bad[377 - 2]["Case code"] = bad[10 - 2]["Case code"]
    bad[499 - 2]["Surname"] = "Quokka"
    bad[499 - 2]["Case code"] = "QUOKKA-499"
    return bad


def write(kind: str, path: Path, rows: list[dict]) -> Path:
    if kind == "csv":
        return client_sheets.write_csv(path.with_suffix(".csv"), rows)
    return client_sheets.write_xlsx(path.with_suffix(".xlsx"), rows)


def count(cli, table: str) -> int:
    engine = sa.create_engine(cli.env["DATABASE_URL"])
    with engine.connect() as conn:
        number = conn.scalar(sa.text(f'SELECT count(*) FROM "{table}"'))
    engine.dispose()
    return int(number or 0)


def text_at_rest(url: str) -> bytes:
    """What the database holds where it could be read: the SQLite files byte for byte, or
    every text column of every PostgreSQL table."""
    if url.startswith("sqlite"):
        path = Path(url.split(":///", 1)[1])
        files = [path, *path.parent.glob(path.name + "-*")]
        return b"".join(f.read_bytes() for f in files if f.is_file())
    engine = sa.create_engine(url)
    chunks = []
    with engine.connect() as conn:
        columns = conn.execute(sa.text(
            "SELECT table_name, column_name FROM information_schema.columns WHERE "
            "table_schema = 'public' AND data_type IN ('text', 'character varying')"
        )).all()
        for table, column in columns:
            for (value,) in conn.execute(sa.text(f'SELECT "{column}" FROM "{table}"')):
                if value:
                    chunks.append(value.encode())
    engine.dispose()
    return b"\n".join(chunks)


@pytest.fixture
def ready(cli, setup_group):
    setup_group()
    return cli


@pytest.fixture(scope="module")
def five_hundred() -> list[dict]:
    return client_sheets.clients(500)


# --- the acceptance: 500 rows, 5 of them wrong ------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_five_bad_rows_change_nothing_and_are_all_listed(ready, tmp_path, five_hundred, kind):
    path = write(kind, tmp_path / "clients", spoil(five_hundred))
    before = snapshot(ready.env["DATABASE_URL"])
    result = ready("client", "import", str(path))
    assert result.code != 0 and result.out == ""
    assert snapshot(ready.env["DATABASE_URL"]) == before
    assert f"{path.name}: nothing was imported; 5 rows of 500 need fixing:" in result.err
    listed = [line.strip() for line in result.err.splitlines() if line.startswith("  row ")]
    assert [int(re.match(r"row (\d+):", line).group(1)) for line in listed] == list(BAD_ROWS)
    for line, (number, reason) in zip(listed, BAD_ROWS.items(), strict=True):
        assert line.startswith(f"row {number}: {reason}"), line
    bad_medicare = wrong_check_digit(five_hundred[203 - 2]["Medicare"])
    for value in ("31/02/1980", "12 34", bad_medicare, bad_medicare.replace(" ", ""),
                  "Quokka", "QUOKKA"):  # the row and column are named, never the cell
        assert value not in result.err
    assert not any(m in result.err for m in client_sheets.identifiers(five_hundred))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_after_the_fix_all_500_are_imported_encrypted(ready, tmp_path, five_hundred, kind):
    ready("client", "import", str(write(kind, tmp_path / "bad", spoil(five_hundred))))
    out = ready.ok("client", "import", str(write(kind, tmp_path / "clients", five_hundred)))
    assert "Imported 500 clients" in out and "delete it" in out
    assert count(ready, "clients") == 500
    listing = ready.ok("client", "list")
    assert "U1R-1000" in listing and "U1R-1499" in listing
    # Row 2 had its mobile typed into a number cell in the workbook: the leading 0 is back.
    shown = ready.ok("client", "show", "U1R-1000", "--reveal", "--reason", "check the import")
    first = five_hundred[0]
    assert f"{first['Given name']} {first['Surname']}" in shown
    assert "1950-01-03" in shown
    assert first["Mobile"].replace(" ", "") in shown.replace(" ", "")
    assert "Micah Projects" in shown and "U0KW00001" in shown
    audit = ready.ok("audit", "--limit", "3")
    assert "clients_imported" in audit and "500 clients from a spreadsheet" in audit


def test_identifiers_never_reach_the_database_in_clear(ready, tmp_path, five_hundred):
    ready.ok("client", "import", str(write("csv", tmp_path / "clients", five_hundred)))
    held = text_at_rest(ready.env["DATABASE_URL"])
    markers = client_sheets.identifiers(five_hundred)
    assert len(markers) > 2000
    found = [m for m in markers if m.encode() in held or m.lower().encode() in held]
    assert found == []
    # …while the register opens them: the check above could have failed.
    assert "Given name" not in ready.ok("client", "list")
    shown = ready.ok("client", "show", "U1R-1499", "--reveal", "--reason", "audit of U1R-1499")
    assert five_hundred[-1]["Email"] in shown


# --- headings ------------------------------------------------------------------------------------


def small(tmp_path: Path, text: str, name: str = "c.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_headings_in_any_case_and_unknown_columns_named_with_map_or_ignore(ready, tmp_path):
    path = small(tmp_path, "CASE CODE,Christian name,SURNAME,d.o.b.,Referral source,Agency,"
                           "KEYWORKER\nU1R-014,Jane,Quokkafield,3/4/1988,walk-in,Micah Projects,"
                           "U0KW00001\n")
    line = assert_refused(ready, ["client", "import", str(path)], "'Christian name'",
                          "'Referral source'", "first_name", '--map "Heading=field"', "--ignore")
    assert "Quokkafield" not in line and "walk-in" not in line
    out = ready.ok("client", "import", str(path), "--map", "Christian name=first_name",
                   "--ignore", "referral source")
    assert "Imported 1 client " in out
    shown = ready.ok("client", "show", "U1R-014", "--reveal", "--reason", "check the import")
    assert "Jane Quokkafield" in shown and "1988-04-03" in shown


def test_bad_map_and_ignore_are_refused_kindly(ready, tmp_path):
    path = small(tmp_path, "Case code,Name\nU1R-014,Jane Quokkafield\n")
    assert_refused(ready, ["client", "import", str(path), "--agency", "Micah Projects",
                           "--key-worker", "U0KW00001", "--map", "Name=nick"],
                   "unknown field 'nick'", "full_name")
    assert_refused(ready, ["client", "import", str(path), "--map", "Given=first_name"],
                   "no column 'Given'", "'Case code', 'Name'")
    assert_refused(ready, ["client", "import", str(path), "--ignore", "Notes"],
                   "no column 'Notes'")
    assert_refused(ready, ["client", "import", str(small(tmp_path, "Surname,DOB\nX,1/1/1990\n",
                                                         "d.csv"))], "no case code column")
    both = small(tmp_path, "Case code,Name,Surname\nU1R-014,Jane Q,Q\n", "e.csv")
    assert_refused(ready, ["client", "import", str(both)], "either as one full name column")


def test_a_file_without_a_heading_row_is_refused_without_echoing_row_one(ready, tmp_path):
    path = small(tmp_path, "U1R-014,Jane,Quokkafield,jane@example.org\n")
    line = assert_refused(ready, ["client", "import", str(path)], "row 1 must hold the column "
                          "headings")
    for value in ("Jane", "Quokkafield", "jane@example.org"):
        assert value not in line


def test_a_column_with_data_but_no_heading_is_refused(ready, tmp_path):
    path = small(tmp_path, "Case code,Name,\nU1R-014,Jane Quokkafield,\n"
                           "U1R-015,Tom B,0412 345 678\nU1R-016,Sam C,,extra\n")
    line = assert_refused(ready, ["client", "import", str(path)],
                          "row 3 has something in column C, which has no heading")
    assert "0412" not in line
    wider = small(tmp_path, "Case code,Name\nU1R-014,Jane Q,,extra\n", "w.csv")
    assert_refused(ready, ["client", "import", str(wider)], "column D, which has no heading")


def test_files_casebot_cannot_read_are_refused(ready, tmp_path):
    assert_refused(ready, ["client", "import", str(tmp_path / "nope.csv")], "does not exist")
    assert_refused(ready, ["client", "import", str(small(tmp_path, "x", "c.xls"))],
                   "old Excel .xls file", ".xlsx")
    assert_refused(ready, ["client", "import", str(small(tmp_path, "x", "c.ods"))],
                   "give a .csv or .xlsx file")
    assert_refused(ready, ["client", "import", str(small(tmp_path, "not a zip", "c.xlsx"))],
                   "cannot be opened as an Excel workbook")
    assert_refused(ready, ["client", "import", str(small(tmp_path, "Case code,Agency\n"))],
                   "no clients below them")


# --- rows -----------------------------------------------------------------------------------------


def test_dates_as_australians_type_them(ready, tmp_path):
    rows = "\n".join(f"U1R-0{n}{n},Person{chr(65 + n)} Ex,{born}" for n, born in enumerate(
        ["16/10/1981", "1981-10-16", "16 Oct 1981", "16-10-1981", "16.10.1981"]))
    path = small(tmp_path, "Case code,Name,Date of birth\n" + rows + "\n")
    ready.ok("client", "import", str(path), "--agency", "Micah Projects", "--key-worker",
             "U0KW00001")
    for n in range(5):
        shown = ready.ok("client", "show", f"U1R-0{n}{n}", "--reveal", "--reason",
                         "check the date")
        assert "1981-10-16" in shown
    two_digits = small(tmp_path, "Case code,DOB\nU1R-099,16/10/81\n", "y.csv")
    result = ready("client", "import", str(two_digits), "--agency", "Micah Projects",
                   "--key-worker", "U0KW00001")
    assert "row 2: DOB (date_of_birth) has a two-digit year; write the year in full" in result.err
    assert "16/10/81" not in result.err


def test_duplicates_of_the_register_and_within_the_file(ready, tmp_path):
    ready.ok("client", "add", "--from-json", str(write_clients_json(tmp_path / "j.json", {
        **JANE, "code": "U1R-014", "agency": "Micah Projects", "key_worker": "U0KW00001"})))
    path = small(tmp_path, "Case code,Full name,DOB\n"
                           "U1R-014,Someone Else,1/1/1990\n"
                           "U1R-020,Jane Quokkafield,3/4/1988\n"
                           "U1R-021,Tom Other,2/2/1970\n"
                           "U1R-022,tom  other,1970-02-02\n")
    result = ready("client", "import", str(path), "--agency", "Micah Projects",
                   "--key-worker", "U0KW00001")
    assert result.code != 0
    assert "row 2: case code U1R-014 is already in the register" in result.err
    assert ("row 3: same name and date of birth as U1R-014, already in the register"
            in result.err)
    assert "row 5: same name and date of birth as row 4 (the same person twice?)" in result.err
    assert "3 rows of 4 need fixing" in result.err
    assert count(ready, "clients") == 1


def test_agencies_workers_groups_and_consent_from_columns(ready, tmp_path):
    engine = sa.create_engine(ready.env["DATABASE_URL"])
    with engine.begin() as conn:  # as Slack's users.info left it
        conn.execute(sa.text("UPDATE members SET display_name = 'kate' WHERE slack_user_id = "
                             "'U0KW00001'"))
    engine.dispose()
    path = small(tmp_path, "Case code,Agency,Key worker,Group,Status,Consent date,"
                           "Consent agencies\n"
                           "U1R-030,micah projects,@kate,under 1 roof,Referred,1/10/2026,"
                           "Brisbane Housing Company\n"
                           "U1R-031,Micah Projekts,Kate Worker,Nowhere,gone,1/12/2099,Nobody\n"
                           ",Micah Projects,U0NOBODY1,,,,\n")
    result = ready("client", "import", str(path))
    err = result.err
    assert ("row 3: Agency (agency): the lead agency is not a Casebot agency; did you mean "
            "'Micah Projects'?") in err
    assert "row 3: Key worker (key_worker) is not a member's Slack ID" in err
    assert "row 3: Group (group) is not a Casebot group" in err
    assert "row 3: Status (status) is not a status; use referred, active, exited" in err
    assert "row 3: Consent date (consent_date) is in the future" in err
    assert "row 3: Consent agencies (consent_agencies): an agency named there" in err
    assert "row 4: Case code (code) is empty" in err
    assert "row 4: Key worker (key_worker): U0NOBODY1 is not a Casebot member yet" in err
    assert "Kate Worker" not in err and "Projekts" not in err and "gone" not in err
    fixed = small(tmp_path, "\n".join(path.read_text().splitlines()[:2]) + "\n", "ok.csv")
    ready.ok("client", "import", str(fixed))
    listing = ready.ok("client", "list")
    assert re.search(r"U1R-030\s+referred\s+Under 1 Roof\s+Micah Projects\s+U0KW00001\s+"
                     r"written 2026-10-01", listing)
    shown = ready.ok("client", "show", "U1R-030")
    assert "Micah Projects, Brisbane Housing Company" in shown


def test_several_groups_need_a_group(ready, tmp_path):
    ready.ok("group", "create", "--name", "Northside", "--channel", "C0NORTH01", "--rrule",
             "FREQ=WEEKLY;BYDAY=WE;BYHOUR=14", "--tz", "Australia/Brisbane")
    path = small(tmp_path, "Case code,Agency,Key worker\nU1R-040,Micah Projects,U0KW00001\n")
    assert_refused(ready, ["client", "import", str(path)], "there are 2 groups",
                   "--group NAME", "Group column")
    ready.ok("client", "import", str(path), "--group", "Northside")
    assert "Northside" in ready.ok("client", "show", "U1R-040")


def test_bad_defaults_are_said_once(ready, tmp_path):
    path = small(tmp_path, "Case code\nU1R-050\nU1R-051\n")
    assert_refused(ready, ["client", "import", str(path), "--agency", "Micha Projects",
                           "--key-worker", "U0KW00001"],
                   "--agency: the lead agency is not a Casebot agency; did you mean "
                   "'Micah Projects'?")


def test_a_windows_csv_and_a_semicolon_csv(ready, tmp_path):
    cp1252 = small(tmp_path, "Case code;Name;Agency;Key worker\nU1R-060;José Núñez;Micah "
                             "Projects;U0KW00001\n", encoding="cp1252")
    ready.ok("client", "import", str(cp1252))
    shown = ready.ok("client", "show", "U1R-060", "--reveal", "--reason", "check the accents")
    assert "José Núñez" in shown


def test_dry_run_checks_and_writes_nothing(ready, tmp_path, five_hundred):
    path = write("csv", tmp_path / "clients", five_hundred[:20])
    before = snapshot(ready.env["DATABASE_URL"])
    out = ready.ok("client", "import", str(path), "--dry-run")
    assert "Checked 20 rows of clients.csv: all can be imported. Nothing was imported" in out
    assert snapshot(ready.env["DATABASE_URL"]) == before


def test_progress_bar_only_when_asked_or_on_a_terminal(ready, tmp_path, five_hundred):
    path = write("csv", tmp_path / "clients", five_hundred[:250])
    quiet = ready("client", "import", str(path), "--dry-run")
    assert quiet.code == 0 and quiet.err == ""
    shown = ready("client", "import", str(path), "--progress")
    assert shown.code == 0
    lines = shown.err.split("\n")
    assert lines[0].startswith("\rChecking  [") and lines[0].endswith("[" + "#" * 30 + "] 250/250")
    assert lines[1].startswith("\rSaving    [") and lines[1].endswith("] 250/250")
    assert count(ready, "clients") == 250


# --- JSON with a byte-order mark, wherever JSON is read ------------------------------------------


def test_json_with_a_byte_order_mark_is_read_everywhere(ready, tmp_path):
    added = tmp_path / "add.json"
    added.write_text(json.dumps({**JANE, "code": "U1R-070", "agency": "Micah Projects",
                                 "key_worker": "U0KW00001"}), encoding="utf-8-sig")
    assert added.read_bytes().startswith(b"\xef\xbb\xbf")
    ready.ok("client", "add", "--from-json", str(added))
    edit = tmp_path / "edit.json"
    edit.write_text(json.dumps({"phone": "0400 111 222"}), encoding="utf-8-sig")
    ready.ok("client", "edit", "U1R-070", "--from-json", str(edit))
    shown = ready.ok("client", "show", "U1R-070", "--reveal", "--reason", "check the edit")
    assert "0400 111 222" in shown
    line = json.dumps({"id": 1, "client": "U1R-070", "text": "Jane Quokkafield rang"})
    out = ready.ok("redact", "--jsonl", stdin="\ufeff" + line + "\n")
    assert json.loads(out)["text"] == "U1R-070 rang"


def test_dates_before_today_only(ready, tmp_path):
    tomorrow = (dt.date(2026, 11, 26)).strftime("%d/%m/%Y")
    path = small(tmp_path, f"Case code,DOB\nU1R-080,{tomorrow}\n")
    result = ready("client", "import", str(path), "--agency", "Micah Projects",
                   "--key-worker", "U0KW00001")
    assert "row 2: DOB (date_of_birth) must be a past date after 1900" in result.err
