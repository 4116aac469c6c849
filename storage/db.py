"""Engine creation and Alembic migrations, the same way on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from storage.dbapi import CONNECT_TIMEOUT as CONNECT_TIMEOUT
from storage.revisions import MIGRATIONS_DIR as MIGRATIONS_DIR
from storage.revisions import VERSION_TABLE as VERSION_TABLE
from storage.revisions import head_revision as head_revision
from storage.revisions import known_revisions as known_revisions


def make_engine(url: str | URL) -> Engine:
    """An engine with foreign keys enforced on SQLite and a busy timeout for concurrent writers."""
    parsed = make_url(url)
    # Statement parameters hold case notes (de-identified, but still): keep them out of SQL logs
    # and out of error messages, which may reach a log.
    kwargs: dict[str, Any] = {"future": True, "hide_parameters": True}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": 15}
    else:
        kwargs["pool_pre_ping"] = True
        if "connect_timeout" not in parsed.query:
            # libpq waits for TCP's own timeout (minutes) on a host that does not answer: a
            # health probe or `casebot doctor` would hang instead of saying what is wrong.
            kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT}
    engine = create_engine(parsed, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted pages are zeroed so shredded ciphertext and keys do not linger in the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def sqlite_path(engine: Engine) -> Path | None:
    """The database file of a SQLite engine (None for PostgreSQL or in-memory)."""
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database).expanduser()


def unreachable(exc: BaseException) -> bool:
    """``exc`` says the database could not be reached or dropped the connection (a restart, a
    failover, refused connections): the same statement may work a moment later."""
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

    return isinstance(exc, OperationalError | InterfaceError) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated
    )


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def rolled_back(url: str | URL) -> Iterator[sessionmaker[Session]]:
    """Sessions whose every commit is undone at the end: a dry run on the real database.

    All of them share one connection inside one transaction; a session's commit only releases a
    savepoint, and the transaction is rolled back when the block ends, whatever happened in it.
    """
    engine = make_engine(url)
    if engine.url.get_backend_name() == "sqlite":
        # pysqlite begins transactions lazily, so a SAVEPOINT would open (and its RELEASE
        # commit) a transaction of its own: take over and begin explicitly.
        event.listen(engine, "connect", _sqlite_manual_transactions)
        event.listen(engine, "begin", _sqlite_begin)
    try:
        with engine.connect() as conn:
            outer = conn.begin()
            try:
                yield sessionmaker(
                    bind=conn, expire_on_commit=False, join_transaction_mode="create_savepoint"
                )
            finally:
                outer.rollback()
    finally:
        engine.dispose()


def _sqlite_manual_transactions(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


# Alembic is imported when needed: it doubles the start-up time of every command otherwise.


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


# Every command checks the schema before it runs; these two read it without importing Alembic
# (about a third of `casebot tick`'s start-up), with the same answers (tests/unit/test_startup.py).


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None before the first migration (Alembic's answer)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        versions = list(conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())
    if len(versions) > 1:
        raise RuntimeError(f"the database is at several revisions: {', '.join(versions)}")
    return versions[0] if versions else None


def is_initialised(engine: Engine) -> bool:
    return current_revision(engine) is not None
