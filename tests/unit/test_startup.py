"""Start-up stays light: what `casebot --help` and an idle `casebot tick` load (issue 15).

Times are measured by bench/startup.py; these tests pin down the imports that made them slow,
in a fresh interpreter each, and that the schema check without Alembic gives Alembic's answers.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from devkit.fake_slack import FakeSlack
from storage import db
from tests.identities import JANE, write_clients_json

ROOT = Path(__file__).resolve().parents[2]


def loaded_after(code: str) -> set[str]:
    """The top-level packages a fresh interpreter has loaded after running ``code``."""
    probe = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    modules = json.loads(done.stdout.splitlines()[-1])
    return {m.split(".")[0] for m in modules} | set(modules)


# Never needed by `casebot --help` or an idle `casebot tick`; each costs start-up time (tens of
# ms) or memory: Slack's SDK and Bolt, the web server and scheduler, the identifier detectors'
# libraries, the database migration tool, PostgreSQL's driver on SQLite, test-only libraries.
NEVER_IDLE = {
    "slack_sdk", "slack_bolt", "gunicorn", "apscheduler", "phonenumbers", "holidays",
    "alembic", "yaml", "faker", "hypothesis", "psycopg", "cryptography",
    "sqlalchemy.dialects.postgresql", "bot.deidentify.names", "bot.deidentify.patterns",
    "bot.deidentify.known_clients", "bot.services.dry_run",
}


def test_help_loads_no_database_slack_or_services():
    loaded = loaded_after(
        "import contextlib, io\n"
        "from bot.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['--help']) == 0"
    )
    # bot.domain too: its ~50 dataclasses cost ~40 ms to build; errors and roles are leaves.
    heavy = {"sqlalchemy", "storage", "handlers", "bot.services", "bot.deidentify", "bot.domain"}
    assert loaded & (heavy | NEVER_IDLE) == set()


# A real tick in a fresh interpreter, on the clock it is given; then what it loaded, and which of
# the de-identification word lists it read.
IDLE_TICK = """
import datetime as dt, json, sys
from bot.cli import main
from bot.ports import FixedClock
code = main(["tick"], clock=FixedClock(dt.datetime.fromisoformat(sys.argv[1])))
lexicon = sys.modules.get("bot.deidentify.lexicon")
lists = ("given_names", "surnames", "english_words", "place_phrases", "medications")
read = [n for n in lists if lexicon and getattr(lexicon, n).cache_info().currsize]
print(json.dumps({"code": code, "modules": sorted(sys.modules), "lists_read": read}))
"""


@pytest.mark.parametrize("migrated_url", ["sqlite"], indirect=True)
def test_an_idle_tick_loads_no_slack_detectors_word_lists_or_cipher(cli, setup_group, tmp_path):
    """`casebot tick` from cron, in a week with nothing due, on a register with a client: it
    queries the database and ends, without Slack's SDK, the detectors, their word lists or
    the cipher (none is needed until something is sent, written or read)."""
    setup_group()
    client = {**JANE, "code": "U1R-014", "agency": "Micah Projects", "key_worker": "U0KW00001",
              "consent": {"given_on": "2026-10-01", "agencies": ["Brisbane Housing Company"]}}
    cli.ok("client", "add", "--from-json", str(write_clients_json(tmp_path / "c.json", client)))
    users = {u: {"name": u.lower(), "tz": "Australia/Brisbane"} for u in ("U0KW00001", "U0SEC0001")}
    with FakeSlack(users=users) as fake:
        env = {**cli.env, "SLACK_BOT_TOKEN": fake.bot_token,
               "CASEBOT_SLACK_API_URL": fake.base_url, "PYTHONPATH": str(ROOT)}
        # The first tick reads the members' zones from Slack (good for a week; --force leaves
        # this minute unclaimed); the next, a minute later, is the idle one cron runs all week.
        assert "queued 0 prompt(s)" in cli.ok("tick", "--force", env=env)
        assert fake.calls_to("users.info")
        slack_calls = len(fake.calls)
        later = (cli.clock.now() + dt.timedelta(minutes=1)).isoformat()
        done = subprocess.run([sys.executable, "-c", IDLE_TICK, later], env=env, cwd=ROOT,
                              capture_output=True, text=True)
        assert len(fake.calls) == slack_calls  # nothing was sent or looked up
    assert done.returncode == 0, done.stderr
    first, *_, last = done.stdout.splitlines()
    assert first.startswith("Tick at ") and "queued 0 prompt(s)" in first  # it ran, not skipped
    probe = json.loads(last)
    loaded = {m.split(".")[0] for m in probe["modules"]} | set(probe["modules"])
    assert probe["code"] == 0 and {"sqlalchemy.orm", "bot.jobs", "storage.models"} <= loaded
    assert loaded & NEVER_IDLE == set()
    assert probe["lists_read"] == []


def test_schema_revisions_read_without_alembic_agree_with_alembic(tmp_path):
    engine = db.make_engine(f"sqlite:///{tmp_path / 'casebot.db'}")
    try:
        assert db.current_revision(engine) is None  # no table yet
        head = ScriptDirectory(str(db.MIGRATIONS_DIR)).get_current_head()
        assert db.head_revision() == head
        db.upgrade(engine, "0010")
        assert db.current_revision(engine) == "0010"
        db.upgrade(engine)
        with engine.connect() as conn:
            assert db.current_revision(engine) == MigrationContext.configure(
                conn
            ).get_current_revision() == head
        assert db.is_initialised(engine)
    finally:
        engine.dispose()


def test_a_database_error_is_still_one_kind_line(cli, tmp_path):
    """SQLAlchemy's errors are looked up only when one reaches the CLI: still caught, still one
    line naming the database, without the statement or its parameters."""
    garbage = tmp_path / "not-a-database.db"
    garbage.write_bytes(b"this is not SQLite" * 100)
    result = cli("tick", "--dry-run", env={"DATABASE_URL": f"sqlite:///{garbage}"})
    assert result.code == 1
    assert result.err.startswith("casebot: database error at ")
    assert "file is not a database" in result.err
    assert len(result.err.strip().splitlines()) == 1
