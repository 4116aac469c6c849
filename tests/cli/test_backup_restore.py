"""`casebot backup` and `casebot restore`: a set-up installation survives a backup, a wipe and a
restore, and a meeting cycle then runs on the restored database; every refusal changes nothing.
On SQLite and PostgreSQL (both always: a backup is each backend's own)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.bootstrap import build, renderer
from bot.config import load_settings
from bot.services import actions
from devkit.fake_slack import FakeSlack, dm_channel_id
from devkit.transcript import render_message
from storage import db
from storage.crypto import MasterKey
from storage.keyfile import write_new_key_file
from tests.cli.test_bad_input import snapshot
from tests.identities import JANE, TOM, write_clients_json
from tests.leak_forms import leaks_in
from tests.slack.conftest import AGENCIES, CHANNEL, FAY, KATE, USERS, point_at

ACTION = "ring the housing provider about the lease"
PROMPT_TIME = "2026-11-27T09:00+10:00"  # prompts for Tue 1 Dec 10:00 (Brisbane) go out
AGENDA_TIME = "2026-12-01T08:00+10:00"  # two hours before: the agenda


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack(users=USERS, open_channels=True) as server:
        yield server
    sent = "\n".join(json.dumps(c.args, ensure_ascii=False) for c in server.calls)
    assert leaks_in(sent, {"U1R-014": JANE, "U1R-015": TOM}) == []


@pytest.fixture
def installed(cli, fake, tmp_path):
    """A group, two members, a client with consent and an open action (its DM not sent yet)."""
    point_at(cli, fake)
    cli.ok("init")
    for agency in AGENCIES:
        cli.ok("agency", "add", agency)
    cli.ok("group", "create", "--name", "Under 1 Roof", "--channel", CHANNEL,
           "--rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10",
           "--tz", "Australia/Brisbane", "--first", "2026-12-01T10:00")
    cli.ok("member", "add", "--user", KATE, "--agency", AGENCIES[0], "--role", "worker")
    cli.ok("member", "add", "--user", FAY, "--agency", AGENCIES[1],
           "--role", "facilitator", "--role", "secretariat")
    add_client(cli, tmp_path, JANE, "U1R-014")
    container = build(load_settings(cli.env), clock=cli.clock)
    try:
        actions.record(uow=container.uow(), clock=cli.clock, renderer=renderer(), user_id=FAY,
                       case_code="U1R-014", owner_id=KATE, text=ACTION)
    finally:
        container.close()
    return cli


def add_client(cli, tmp_path, identity, code):
    item = {**identity, "code": code, "agency": AGENCIES[0], "key_worker": KATE,
            "consent": {"given_on": "2026-10-01", "agencies": AGENCIES}}
    cli.ok("client", "add", "--from-json", str(write_clients_json(tmp_path / "c.json", item)))


def backup(cli, tmp_path, *extra) -> tuple[Path, str]:
    folder = tmp_path / "backups"
    before = set(folder.iterdir()) if folder.exists() else set()
    out = cli.ok("backup", "--to", str(folder), *extra)
    (made,) = set(folder.iterdir()) - before
    return made, out


def is_sqlite(cli) -> bool:
    return cli.env["DATABASE_URL"].startswith("sqlite")


def wipe(cli) -> None:
    """The database is lost: the SQLite file gone, or PostgreSQL's tables dropped."""
    url = cli.env["DATABASE_URL"]
    if is_sqlite(cli):
        Path(url.split(":///", 1)[1]).unlink()
        return
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


def state(cli) -> object:
    """What the database holds (for "nothing was changed"): None for a missing SQLite file."""
    url = cli.env["DATABASE_URL"]
    if is_sqlite(cli) and not Path(url.split(":///", 1)[1]).exists():
        return None
    return snapshot(url)


def refused(cli, args, *words, env=None) -> str:
    before = state(cli)
    result = cli(*args, env=env)
    assert result.code != 0 and result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("casebot: "), result.err
    for word in words:
        assert word in lines[0], lines[0]
    assert state(cli) == before
    return lines[0]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_restored_on_an_empty_database_runs_the_next_meeting_cycle(
    installed, fake, tmp_path
):
    cli = installed
    made, out = backup(cli, tmp_path)
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    assert made.suffix == (".sqlite3" if is_sqlite(cli) else ".pgdump")
    assert f"Backup written: {made}" in out
    assert f"schema  {db.head_revision()}" in out
    key_id = MasterKey.parse(cli.key_file.read_text(), source="test").key_id
    assert f"needs master key {key_id}" in out
    assert "The master key is NOT in the backup" in out
    assert f"Keep a copy of the key file {cli.key_file}" in out
    assert "backup_made" in cli.ok("audit")
    assert JANE["full_name"].encode() not in made.read_bytes()  # sealed in the backup too

    wipe(cli)
    assert "casebot init" in cli("client", "list").err  # really gone

    out = cli.ok("restore", str(made))
    assert f"Restored {made}" in out
    assert f"Master key {key_id} opens the register: 1 client's details read back." in out
    # The action's DM to its owner and its note in the channel had not gone out yet.
    assert "2 messages were waiting to be sent" in out
    assert JANE["full_name"] in cli.ok("client", "show", "U1R-014", "--reveal",
                                       "--reason", "checking the restore")
    assert "open actions  1" in cli.ok("client", "status", "U1R-014")
    audit = cli.ok("audit")
    assert "database_restored" in audit and str(made) in audit

    # The next cycle on the restored database: prompts with the open action, then the agenda.
    cli.clock.at = dt.datetime.fromisoformat(PROMPT_TIME)
    cli.ok("tick", "--now", PROMPT_TIME)
    to_kate = [render_message(c.args) for c in fake.calls_to("chat.postMessage")
               if c.args["channel"] in (KATE, dm_channel_id(KATE))]
    assert any("U1R-014" in text and "[I'll be there]" in text for text in to_kate), to_kate
    assert any(ACTION in text for text in to_kate), to_kate
    cli.clock.at = dt.datetime.fromisoformat(AGENDA_TIME)
    cli.ok("tick", "--now", AGENDA_TIME)
    agenda = "\n".join(render_message(c.args) for c in fake.calls_to("chat.postMessage")
                       if c.args["channel"] == CHANNEL)
    assert "U1R-014" in agenda and ACTION in agenda


def test_restore_over_a_database_with_data_needs_force_and_saves_it_first(installed, tmp_path):
    cli = installed
    made, _ = backup(cli, tmp_path)
    add_client(cli, tmp_path, TOM, "U1R-015")  # after the backup: a restore would lose it
    line = refused(cli, ["restore", str(made)], "already holds", "1 group", "2 clients",
                   "1 action", "--force", "Nothing was changed")
    assert "replaces all of it" in line

    out = cli.ok("restore", str(made), "--force")
    assert "U1R-015" not in cli.ok("client", "list")
    saved = Path(out.split("was saved first to ")[1].split()[0].rstrip("."))
    assert "(1 group, 2 agencies, 2 members, 2 clients, 1 action" in out
    assert saved.parent == cli.tmp_path / "data" / "backups" and mode(saved) == 0o600
    # What was replaced comes back from that file.
    cli.ok("restore", str(saved), "--force")
    assert "U1R-015" in cli.ok("client", "list")


def test_a_key_that_does_not_match_the_backup_is_refused(installed, tmp_path):
    cli = installed
    made, out = backup(cli, tmp_path)
    key_id = out.split("needs master key ")[1].split()[0]
    wipe(cli)
    other = MasterKey.generate()
    write_new_key_file(tmp_path / "other.key", other)
    refused(cli, ["restore", str(made)], f"(key {other.key_id}) does not match this backup",
            f"encrypted with key {key_id}", "Nothing was changed",
            env={"CASEBOT_KEY_FILE": str(tmp_path / "other.key")})
    refused(cli, ["restore", str(made)], "there is no master key at", key_id,
            env={"CASEBOT_KEY_FILE": str(tmp_path / "nowhere.key")})
    assert "1 client's details read back" in cli.ok("restore", str(made))


def test_an_older_backup_is_brought_up_to_this_schema(installed, tmp_path):
    cli = installed
    engine = db.make_engine(cli.env["DATABASE_URL"])
    from alembic import command

    command.downgrade(db.alembic_config(engine), "-1")
    older = db.current_revision(engine)
    engine.dispose()
    made, out = backup(cli, tmp_path)  # a backup needs no upgrade first
    assert f"schema  {older}" in out
    cli.ok("db", "upgrade")
    # Over a database at this schema: the newer schema's tables go too, then come back by the
    # migrations (only tables the backup has would otherwise be replaced).
    out = cli.ok("restore", str(made), "--force")
    assert f"(schema {older}, upgraded to {db.head_revision()})" in out
    assert JANE["full_name"] in cli.ok("client", "show", "U1R-014", "--reveal",
                                       "--reason", "checking the restore")


def test_a_backup_from_a_newer_casebot_is_refused(installed, tmp_path):
    cli = installed
    engine = sa.create_engine(cli.env["DATABASE_URL"])
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0099_future'"))
    engine.dispose()
    made, _ = backup(cli, tmp_path)
    wipe(cli)
    refused(cli, ["restore", str(made)], "made by a newer Casebot (schema 0099_future)",
            f"up to {db.head_revision()}", "Upgrade Casebot first")


def test_no_restore_while_the_scheduler_is_ticking(installed, tmp_path):
    cli = installed
    made, _ = backup(cli, tmp_path)
    container = build(load_settings(cli.env), clock=cli.clock)
    try:
        with container.uow() as uow:  # what `casebot serve` does every minute
            assert uow.leases.claim("tick", "test:1")
            uow.commit()
    finally:
        container.close()
    refused(cli, ["restore", str(made), "--force"], "casebot serve", "Stop it")


def test_no_restore_while_another_connection_is_open(installed, tmp_path):
    cli = installed
    if is_sqlite(cli):
        pytest.skip("SQLite has no server to ask who is connected")
    made, _ = backup(cli, tmp_path)
    engine = sa.create_engine(cli.env["DATABASE_URL"])
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
            refused(cli, ["restore", str(made), "--force"], "1 other connection is open")
    finally:
        engine.dispose()


def test_files_that_are_not_backups_are_refused(installed, tmp_path):
    cli = installed
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    refused(cli, ["restore", str(notes)], "is not a Casebot backup")
    refused(cli, ["restore", str(tmp_path / "missing.pgdump")], "there is no file at")
    made, _ = backup(cli, tmp_path)
    broken = tmp_path / f"broken{made.suffix}"
    broken.write_bytes(made.read_bytes()[: made.stat().st_size // 2])
    refused(cli, ["restore", str(broken), "--force"], "Nothing was changed")
    # A backup of the other backend.
    other = tmp_path / "other"
    if is_sqlite(cli):
        other.write_bytes(b"PGDMP" + bytes(100))
        refused(cli, ["restore", str(other)], "is a PostgreSQL backup", "is SQLite")
    else:
        sqlite3.connect(other).execute("CREATE TABLE t (a)").connection.close()
        refused(cli, ["restore", str(other)], "is a SQLite backup", "is PostgreSQL")


def test_the_key_can_be_copied_apart_from_the_backup(installed, tmp_path):
    cli = installed
    folder = tmp_path / "backups"
    refused(cli, ["backup", "--to", str(folder), "--with-key-to", str(folder / "master.key")],
            "outside the backup folder")
    refused(cli, ["backup", "--to", str(folder), "--with-key-to", str(cli.key_file)],
            "already exists")
    assert not folder.exists()  # refused before anything was written
    copy = tmp_path / "usb" / "casebot.key"
    _, out = backup(cli, tmp_path, "--with-key-to", str(copy))
    assert copy.read_text() == cli.key_file.read_text() and mode(copy) == 0o600
    assert f"A copy of the key is at {copy}" in out


def test_a_backup_needs_a_database(blank_cli, tmp_path):
    refused(blank_cli, ["backup", "--to", str(tmp_path / "b")], "no Casebot database",
            "casebot init")
    assert not (tmp_path / "b").exists()


def test_postgresql_client_tools_missing_or_too_old(installed, tmp_path):
    cli = installed
    if is_sqlite(cli):
        pytest.skip("SQLite backups need no other program")
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    refused(cli, ["backup"], "pg_dump is not installed or not on PATH",
            "apt install postgresql-client-", env={"PATH": str(empty)})
    old = tmp_path / "old-bin"
    old.mkdir()
    tool = old / "pg_dump"
    tool.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    tool.chmod(0o755)
    refused(cli, ["backup"], "pg_dump 9 cannot back up this PostgreSQL", "or newer",
            env={"PATH": str(old)})


def test_a_register_the_key_cannot_open_is_refused_and_the_database_kept(installed, tmp_path):
    """The key's fingerprint matches, but a client's wrapped data key does not unwrap: the
    restore stops after replacing the tables in its transaction (or its new file), and the
    database is as it was."""
    cli = installed
    engine = sa.create_engine(cli.env["DATABASE_URL"])

    def wrapped(value: bytes | None = None) -> bytes:
        with engine.begin() as conn:
            if value is not None:
                conn.execute(sa.text("UPDATE client_keys SET wrapped_key = :v"), {"v": value})
            return bytes(conn.scalar(sa.text("SELECT wrapped_key FROM client_keys")))

    try:
        good = wrapped()
        wrapped(good[:-1] + bytes([good[-1] ^ 1]))
        made, _ = backup(cli, tmp_path)
        wrapped(good)
    finally:
        engine.dispose()
    refused(cli, ["restore", str(made), "--force"],
            "the master key does not open this backup's register", "nothing was changed")
    assert JANE["full_name"] in cli.ok("client", "show", "U1R-014", "--reveal",
                                       "--reason", "checking the database was kept")


def test_a_backup_while_another_writer_is_busy_holds_what_was_committed(installed, tmp_path):
    """As while `casebot serve` works: a write under way is not copied, and the backup does not
    wait for it (the writer commits only once the backup file is there)."""
    cli = installed
    folder = tmp_path / "backups"
    engine = sa.create_engine(cli.env["DATABASE_URL"])
    writing, problems = threading.Event(), []

    def writer() -> None:
        try:
            with engine.connect() as conn:
                conn.execute(sa.text("INSERT INTO agencies (name, name_key, created_at) VALUES "
                                     "('Half Written', 'half written', CURRENT_TIMESTAMP)"))
                writing.set()
                for _ in range(3000):  # until the backup file is there (30 s at most)
                    if folder.exists() and any(folder.glob("casebot-*")):
                        break
                    time.sleep(0.01)
                conn.commit()  # then the backup's audit entry, waiting on this write, goes in
        except Exception as exc:  # shown by the test, not lost in the thread
            problems.append(exc)
            writing.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert writing.wait(30)
        made, _ = backup(cli, tmp_path)
    finally:
        thread.join()
        engine.dispose()
    assert problems == []
    assert "Half Written" in cli.ok("agency", "list")
    cli.ok("restore", str(made), "--force")
    listed = cli.ok("agency", "list")
    assert "Half Written" not in listed and AGENCIES[0] in listed
