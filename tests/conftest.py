"""Shared fixtures: a database on SQLite and PostgreSQL, a clock, and an in-process CLI runner.

PostgreSQL: ``CASEBOT_TEST_POSTGRES_URL`` names a database to use (CI creates a fresh one);
otherwise the local server at 127.0.0.1:5432 is tried and a throwaway database created. Without a
reachable server the PostgreSQL cases are skipped with the reason, except when
``CASEBOT_REQUIRE_POSTGRES=1`` (CI), where they fail.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from bot.cli import main
from bot.cli.console import Console
from bot.ports import FixedClock
from storage import db
from storage.models import Base

LOCAL_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
# `make test-all` (and CI): every database test on both backends. `make test` runs the
# PostgreSQL variants only where the database matters; elsewhere SQLite is enough.
ALL_BACKENDS = os.environ.get("CASEBOT_TEST_ALL") == "1"
POSTGRES_MATTERS = (
    "tests/services/test_outbox.py",  # SKIP LOCKED leases, two senders at once, idempotency keys
    "tests/services/test_tick_lease.py",  # one tick a minute: workers racing for the lease row
    "tests/services/test_migrations.py",  # the migrations build the models' schema
    "tests/services/test_vault_at_rest.py",  # key rows locked FOR UPDATE, ciphertext at rest
    "tests/services/test_purge_final.py",  # shredding: what a dump or the table files still hold
    "tests/services/test_register_cache.py",  # the register's version row, seen across processes
    "tests/slack/test_delivery.py",  # Slack's retries at once: the event claim (ON CONFLICT)
    "tests/slack/test_outbox_pacing.py",  # batched claims, pacing and leases on the DB clock
    "tests/slack/test_unknown_outcomes.py",  # issue 16: looked for before posting again
    "tests/slack/test_graceful_shutdown.py",  # issue 16: SIGTERM gives back the leased rows
    "tests/slack/test_meeting_cycle.py::test_full_cycle",  # one whole cycle over HTTP
    "tests/cli/test_backup_restore.py",  # pg_dump / pg_restore, and a cycle on the restored copy
    "tests/slack/test_health.py",  # the tick's age on each database's clock, the schema's version
    "tests/faults/",  # real processes against a fake Slack: crashes, skewed clocks, outages
    # issue 17: 500 imported clients, and every text column read back for their details
    "tests/cli/test_import.py::test_identifiers_never_reach_the_database_in_clear",
)


def pytest_configure(config: pytest.Config) -> None:
    """Test files (SQLite databases, keys) in memory where Linux offers it, unless TMPDIR says
    otherwise: on disk every SQLite commit waits for an fsync, a third of those tests' time."""
    shm = Path("/dev/shm")
    if "TMPDIR" not in os.environ and shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        os.environ["TMPDIR"] = str(shm)  # xdist workers inherit it
        tempfile.tempdir = None  # gettempdir() looks again


def _require_postgres() -> bool:
    return os.environ.get("CASEBOT_REQUIRE_POSTGRES") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect PostgreSQL variants of tests where only SQLite is needed (unless everything)."""
    if ALL_BACKENDS:
        return
    ids = {item.nodeid for item in items}
    keep, drop = [], []
    for item in items:
        name, bracket, params = item.nodeid.partition("[")
        # Only a variant with a SQLite twin goes: tests written for PostgreSQL alone always run.
        twin = name + bracket + re.sub(r"\bpostgresql\b", "sqlite", params)
        if (
            item.get_closest_marker("postgres")
            and not item.nodeid.startswith(POSTGRES_MATTERS)
            and twin != item.nodeid
            and twin in ids
        ):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@dataclass
class Postgres:
    """This session's PostgreSQL databases: one kept at the current schema, one left blank."""

    migrated: str
    blank: str
    tables: list[str]  # children before parents, for deleting rows
    sequences: list[str]


def _create_database(server: sa.Engine, name: str) -> None:
    with server.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        # Test databases are thrown away: no need to wait for the disk at every commit.
        conn.execute(sa.text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))


@pytest.fixture(scope="session")
def postgres() -> Postgres:
    """PostgreSQL databases for this session (and xdist worker), made here and dropped after.

    ``CASEBOT_TEST_POSTGRES_URL`` (CI) names a fresh database: used as is in a single process;
    with xdist each worker derives its own databases from that name on the same server.
    Otherwise they are made on the local server.
    """
    given = os.environ.get("CASEBOT_TEST_POSTGRES_URL")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if given:
        base = make_url(given.replace("postgresql://", "postgresql+psycopg://", 1))
        stem = base.database or "casebot_test"
    else:
        base = make_url(LOCAL_SERVER)
        stem = f"casebot_test_{uuid.uuid4().hex[:10]}"
    migrated = f"{stem}_{worker}" if worker else stem
    own = not given or bool(worker)  # made (and dropped) here, rather than handed to us
    names = [f"{migrated}_blank"] + ([migrated] if own else [])
    try:
        server = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        for name in names:
            _create_database(server, name)
            _TO_DROP.append((base, name))
    except Exception as exc:
        reason = f"PostgreSQL not reachable at {base.host}:{base.port} ({type(exc).__name__})"
        if _require_postgres():
            pytest.fail(reason + " and CASEBOT_REQUIRE_POSTGRES=1")
        pytest.skip(reason)
    url = base.set(database=migrated).render_as_string(hide_password=False)
    engine = sa.create_engine(url)
    if not own:  # the database CI made for this run: start from a clean slate
        _drop_schema(url)
    db.upgrade(engine)
    with engine.connect() as conn:
        sequences = conn.scalars(
            sa.text("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")
        ).all()
    engine.dispose()
    server.dispose()
    return Postgres(
        migrated=url,
        blank=base.set(database=f"{migrated}_blank").render_as_string(hide_password=False),
        tables=[t.name for t in reversed(Base.metadata.sorted_tables)],
        sequences=list(sequences),
    )


_TO_DROP: list[tuple[URL, str]] = []  # (a database on the server to connect to, one to drop)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Drop this session's databases: here, as DROP DATABASE waits for a checkpoint (seconds on
    a busy server) that would otherwise be charged to whichever test happened to run last."""
    while _TO_DROP:
        base, name = _TO_DROP.pop()
        server = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        with server.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


@pytest.fixture(scope="session")
def postgres_url(postgres: Postgres) -> str:
    """This session's PostgreSQL database (at the current schema; prefer ``migrated_url``)."""
    return postgres.migrated


def _drop_schema(url: str) -> None:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


def _empty_postgres(pg: Postgres) -> None:
    """Delete every row and restart the ids; migrate again if a test left another schema.

    For a few rows DELETE is several times quicker than TRUNCATE (which makes new files).
    """
    engine = sa.create_engine(pg.migrated)
    try:
        with engine.begin() as conn:
            version = conn.scalar(sa.text("SELECT version_num FROM alembic_version"))
            if version != db.head_revision():
                raise LookupError(version)
            for table in pg.tables:
                conn.execute(sa.text(f'DELETE FROM "{table}"'))
            for sequence in pg.sequences:
                conn.execute(sa.text(f'ALTER SEQUENCE "{sequence}" RESTART'))
    except (LookupError, sa.exc.DBAPIError):
        _drop_schema(pg.migrated)
        db.upgrade(engine)
    finally:
        engine.dispose()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database (no schema) on each backend; tests using it run twice."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'casebot.db'}"
    pg: Postgres = request.getfixturevalue("postgres")
    _drop_schema(pg.blank)
    return pg.blank


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "casebot.db"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    engine.dispose()
    return path


def migrated_database(request: pytest.FixtureRequest, folder: Path, *, spare: bool = False) -> str:
    """A database on ``request.param``'s backend with the current schema and no rows.

    ``spare`` (PostgreSQL): the session's blank database, migrated now, for a fixture wider than
    one test that must not be emptied by the tests it spans.
    """
    if request.param == "sqlite":
        data = folder / "data"
        data.mkdir(mode=0o700)
        target = data / "casebot.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        target.chmod(0o600)
        return f"sqlite:///{target}"
    pg: Postgres = request.getfixturevalue("postgres")
    if spare:
        _drop_schema(pg.blank)
        engine = sa.create_engine(pg.blank)
        db.upgrade(engine)
        engine.dispose()
        return pg.blank
    _empty_postgres(pg)
    return pg.migrated


@pytest.fixture(params=BACKENDS)
def migrated_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database with the current schema and no rows (migrated once per session)."""
    return migrated_database(request, tmp_path)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@dataclass
class Result:
    code: int
    out: str
    err: str


@dataclass
class Cli:
    """Runs ``casebot`` in-process with its own environment, as an operator would in a shell."""

    env: dict[str, str]
    clock: FixedClock
    tmp_path: Path

    def __call__(
        self,
        *args: str,
        stdin: str = "",
        interactive: bool = False,
        answers: list[str] | None = None,
        env: dict[str, str] | None = None,
    ) -> Result:
        out, err = io.StringIO(), io.StringIO()
        pending = list(answers or [])
        console = Console(
            out=out,
            err=err,
            stdin=io.StringIO(stdin),
            environ={**self.env, **(env or {})},
            secret_prompt=lambda _prompt: pending.pop(0) if pending else "",
            interactive=interactive,
        )
        code = main(list(args), console=console, clock=self.clock)
        return Result(code, out.getvalue(), err.getvalue())

    def ok(self, *args: str, **kwargs: object) -> str:
        result = self(*args, **kwargs)  # type: ignore[arg-type]
        assert result.code == 0, result.err
        return result.out

    @property
    def key_file(self) -> Path:
        return self.tmp_path / "keys" / "master.key"


def make_cli(url: str, clock: FixedClock, tmp_path: Path) -> Cli:
    """The CLI on ``url``, with its key and data under ``tmp_path``."""
    env = {
        "HOME": str(tmp_path),
        "CASEBOT_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": url,
        "CASEBOT_KEY_FILE": str(tmp_path / "keys" / "master.key"),
        "CASEBOT_ACTOR": "secretariat@test",
        "CASEBOT_ENV_FILE": "",
    }
    return Cli(env=env, clock=clock, tmp_path=tmp_path)


@pytest.fixture
def cli(migrated_url: str, clock: FixedClock, tmp_path: Path) -> Cli:
    """The CLI on a migrated, empty database (run ``init`` to create the key)."""
    return make_cli(migrated_url, clock, tmp_path)


@pytest.fixture
def blank_cli(database_url: str, clock: FixedClock, tmp_path: Path) -> Cli:
    """The CLI on a database that has never been set up."""
    return make_cli(database_url, clock, tmp_path)


@pytest.fixture
def setup_group(cli: Cli) -> Callable[[], None]:
    """Init, one group, two agencies and two members: the usual starting point."""

    def run() -> None:
        cli.ok("init")
        cli.ok("agency", "add", "Micah Projects")
        cli.ok("agency", "add", "Brisbane Housing Company")
        cli.ok(
            "group", "create", "--name", "Under 1 Roof", "--channel", "C0123ABCD",
            "--rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10",
            "--tz", "Australia/Brisbane", "--first", "2026-12-01T10:00",
        )
        cli.ok("member", "add", "--user", "U0KW00001", "--agency", "Micah Projects",
               "--role", "worker")
        cli.ok("member", "add", "--user", "U0SEC0001", "--agency", "Brisbane Housing Company",
               "--role", "secretariat", "--role", "facilitator")

    return run
