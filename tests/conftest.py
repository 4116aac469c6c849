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
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.cli import main
from bot.cli.console import Console
from bot.ports import FixedClock
from storage import db

LOCAL_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def _require_postgres() -> bool:
    return os.environ.get("CASEBOT_REQUIRE_POSTGRES") == "1"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL database for this test session (fresh, dropped afterwards if we made it)."""
    given = os.environ.get("CASEBOT_TEST_POSTGRES_URL")
    if given:
        yield given.replace("postgresql://", "postgresql+psycopg://", 1)
        return
    name = f"casebot_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = sa.create_engine(LOCAL_SERVER, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        reason = f"PostgreSQL not reachable at 127.0.0.1:5432 ({type(exc).__name__})"
        if _require_postgres():
            pytest.fail(reason + " and CASEBOT_REQUIRE_POSTGRES=1")
        pytest.skip(reason)
    yield LOCAL_SERVER.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _reset_postgres(url: str) -> None:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database (no schema) on each backend; tests using it run twice."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'casebot.db'}"
    url = request.getfixturevalue("postgres_url")
    _reset_postgres(url)
    return url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "casebot.db"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(params=BACKENDS)
def migrated_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database with the current schema and no rows (cheaper than migrating every test)."""
    if request.param == "sqlite":
        data = tmp_path / "data"
        data.mkdir(mode=0o700)
        target = data / "casebot.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        target.chmod(0o600)
        return f"sqlite:///{target}"
    url = request.getfixturevalue("postgres_url")
    engine = sa.create_engine(url)
    if db.is_initialised(engine) and db.current_revision(engine) == db.head_revision():
        with engine.begin() as conn:
            tables = [t for t in sa.inspect(conn).get_table_names() if t != "alembic_version"]
            conn.execute(sa.text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    else:
        _reset_postgres(url)
        db.upgrade(engine)
    engine.dispose()
    return url


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


def _cli(url: str, clock: FixedClock, tmp_path: Path) -> Cli:
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
    return _cli(migrated_url, clock, tmp_path)


@pytest.fixture
def blank_cli(database_url: str, clock: FixedClock, tmp_path: Path) -> Cli:
    """The CLI on a database that has never been set up."""
    return _cli(database_url, clock, tmp_path)


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
