"""Start-up stays light: what `casebot --help` and an idle `casebot tick` load (issue 15).

Times are measured by bench/startup.py; these tests pin down the imports that made them slow,
in a fresh interpreter each, and that the schema check without Alembic gives Alembic's answers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from storage import db

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


def test_help_loads_no_database_slack_or_services():
    loaded = loaded_after(
        "import contextlib, io\n"
        "from bot.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['--help']) == 0"
    )
    heavy = {"sqlalchemy", "slack_bolt", "slack_sdk", "alembic", "cryptography", "yaml",
             "phonenumbers", "holidays", "apscheduler", "storage", "handlers", "bot.services"}
    assert loaded & heavy == set()


def test_the_tick_loads_no_bolt_alembic_or_detectors():
    """What `casebot tick` imports to run (the renderer and the notifier included) leaves out
    what an idle tick never uses: Bolt, Alembic, the identifier detectors, public holidays."""
    loaded = loaded_after(
        "import bot.cli.runtime, bot.bootstrap, handlers.messages, handlers.notifier\n"
        "import bot.deidentify, bot.public_holidays, storage.upsert"
    )
    assert "sqlalchemy" in loaded and "bot.jobs" in loaded  # the probe did load the tick
    unused = {"slack_bolt", "alembic", "phonenumbers", "holidays", "yaml",
              "sqlalchemy.dialects.postgresql", "bot.deidentify.names",
              "bot.deidentify.patterns", "bot.deidentify.known_clients"}
    assert loaded & unused == set()


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
