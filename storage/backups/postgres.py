"""PostgreSQL: backups with ``pg_dump -Fc``, restores from ``pg_restore``'s script in one
transaction (with the migrations and the key check), so a failure changes nothing.

The password never reaches a command line: the tools get it in ``PGPASSWORD``.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TypeVar

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from storage import db
from storage.backups import (
    BackupInfo,
    BackupRefused,
    new_private_file,
    publish,
    removing_on_failure,
    temporary_beside,
)
from storage.backups.script import copy_blocks, run_script
from storage.models import Base

T = TypeVar("T")


def _install(major: int | None) -> str:
    if major:
        return (f"install PostgreSQL {major}'s client tools or newer (Debian/Ubuntu: apt install "
                f"postgresql-client-{major}; macOS: brew install libpq), on PATH")
    return ("install PostgreSQL's client tools (Debian/Ubuntu: apt install postgresql-client; "
            "macOS: brew install libpq), on PATH")


class Tools:
    """Where ``pg_dump`` and ``pg_restore`` are, and the environment they run in."""

    def __init__(self, url: URL, environ: Mapping[str, str]) -> None:
        self._path = environ.get("PATH") or os.environ.get("PATH", "")
        self.conninfo, secret = libpq(url)
        self.env = {**os.environ, "PATH": self._path, **secret}

    def find(self, name: str, *, server: int | None = None) -> str:
        found = shutil.which(name, path=self._path)
        if found is None:
            raise BackupRefused(f"{name} is not installed or not on PATH: {_install(server)}")
        return found

    def major(self, exe: str) -> int:
        try:
            out = subprocess.run(
                [exe, "--version"], capture_output=True, text=True, env=self.env, check=False
            ).stdout
        except OSError as exc:
            raise BackupRefused(f"{exe} could not be run ({exc.strerror})") from None
        found = re.search(r"\(PostgreSQL\)\s+(\d+)", out)
        if found is None:
            raise BackupRefused(f"{exe} --version did not name its version: {_install(None)}")
        return int(found.group(1))


def libpq(url: URL) -> tuple[str, dict[str, str]]:
    """``url`` as a libpq connection string without the password, and the password as
    ``PGPASSWORD`` (empty when the URL has none: libpq then asks ~/.pgpass)."""
    parts: dict[str, Any] = {
        "host": url.host, "port": url.port, "dbname": url.database, "user": url.username,
    }
    for key, value in url.query.items():
        parts[key] = value[-1] if isinstance(value, tuple) else value
    conninfo = " ".join(
        f"{key}={_quoted(str(value))}" for key, value in parts.items() if value not in (None, "")
    )
    return conninfo, ({"PGPASSWORD": url.password} if url.password else {})


def _quoted(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def server_major(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(text("SHOW server_version_num")) or 0) // 10000


def _first_line(handle: IO[bytes]) -> str:
    handle.seek(0)
    lines = handle.read().decode("utf-8", "replace").strip().splitlines()
    # "pg_dump: error: …" says the most; the tool's name prefix does not.
    errors = [line for line in lines if ": error: " in line] or lines
    return (errors[0] if errors else "no message")[:300]


# --- backup -------------------------------------------------------------------------------------


def backup(engine: Engine, dest: Path, tools: Tools) -> BackupInfo:
    """``pg_dump -Fc`` of the database into ``dest`` (0600), checked by reading it back."""
    server = server_major(engine)
    exe = tools.find("pg_dump", server=server)
    mine = tools.major(exe)
    if mine < server:
        raise BackupRefused(
            f"pg_dump {mine} cannot back up this PostgreSQL {server} server: {_install(server)}"
        )
    temporary = temporary_beside(dest, "writing")
    new_private_file(temporary)

    def work() -> BackupInfo:
        with temporary.open("wb") as out, tempfile.TemporaryFile() as err:
            done = subprocess.run(
                [exe, "--format=custom", "--encoding=UTF8", "--no-password",
                 "--dbname", tools.conninfo],
                stdout=out, stderr=err, env=tools.env, check=False,
            )
            if done.returncode != 0:
                raise BackupRefused(f"pg_dump failed: {_first_line(err)}")
        info = read_info(temporary, tools)
        publish(temporary, dest)
        return info

    return removing_on_failure(temporary, work)


# --- reading a backup ---------------------------------------------------------------------------


def read_info(path: Path, tools: Tools) -> BackupInfo:
    """The schema revision and key fingerprint in a dump, read with ``pg_restore``."""
    exe = tools.find("pg_restore")
    with _script(tools, exe, path, "--data-only", "--table=alembic_version",
                 "--table=vault_state") as lines:
        found = copy_blocks(lines, {"alembic_version": "version_num",
                                    "vault_state": "master_key_id"})
    return BackupInfo("postgresql", found.get("alembic_version"), found.get("vault_state"))


class _script:
    """``pg_restore … -f -`` running: its script's lines, and its failure as a clear error."""

    def __init__(self, tools: Tools, exe: str, path: Path, *options: str) -> None:
        self._tools, self._exe, self._path = tools, exe, path
        self._args = [exe, *options, "--file=-", str(path)]

    def __enter__(self) -> Iterator[str]:
        self._err = tempfile.TemporaryFile()
        self._proc = subprocess.Popen(
            self._args, stdout=subprocess.PIPE, stderr=self._err, env=self._tools.env
        )
        assert self._proc.stdout is not None
        # The dump was made in UTF-8 (pg_dump --encoding); COPY rows end with "\n" only.
        return iter(io.TextIOWrapper(self._proc.stdout, encoding="utf-8", newline="\n"))

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        try:
            if exc_type is not None:
                self._proc.kill()
            code = self._proc.wait()
            if exc_type is None and code != 0:
                raise self._failure()
        finally:
            assert self._proc.stdout is not None
            self._proc.stdout.close()
            self._err.close()

    def _failure(self) -> BackupRefused:
        line = _first_line(self._err)
        if "unsupported version" in line:
            mine = self._tools.major(self._exe)
            return BackupRefused(
                f"{self._path} was made by a newer pg_dump than this pg_restore ({mine}): "
                f"{_install(mine + 1)}. Nothing was changed"
            )
        if "valid archive" in line or "end of file" in line:
            return BackupRefused(
                f"{self._path} is damaged or incomplete (pg_restore: {line}); use another "
                "backup. Nothing was changed"
            )
        return BackupRefused(f"pg_restore failed: {line}. Nothing was changed")


# --- restore ------------------------------------------------------------------------------------


def restore(path: Path, engine: Engine, tools: Tools, finish: Callable[[Session], T]) -> T:
    """Replace the database's Casebot tables with the backup's, migrate them to this code's
    schema and run ``finish``, all in one transaction: committed only if every step worked."""
    exe = tools.find("pg_restore")
    with engine.connect() as conn, conn.begin():
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        _drop_casebot_tables(conn)
        with _script(tools, exe, path, "--clean", "--if-exists", "--no-owner",
                     "--no-privileges") as lines:
            _guarded(lambda: run_script(lines, cursor))
        cursor.execute("RESET ALL")  # the script set an empty search_path for itself
        migrate_within(conn)
        with Session(bind=conn, join_transaction_mode="create_savepoint") as session:
            result = finish(session)
            session.commit()
    return result


def _drop_casebot_tables(conn: Connection) -> None:
    """The tables of any Casebot schema, so a newer schema's tables do not outlive an older
    backup (the script's --clean drops only the tables the backup has)."""
    ours = {*Base.metadata.tables, db.VERSION_TABLE}
    present = sorted(ours & set(inspect(conn).get_table_names()))
    if present:
        quote = conn.dialect.identifier_preparer.quote
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {', '.join(map(quote, present))} CASCADE")


def _guarded(work: Callable[[], None]) -> None:
    """A statement the server refuses stops the restore with PostgreSQL's first line."""
    import psycopg

    try:
        work()
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BackupRefused(
            f"the restore stopped (PostgreSQL: {reason[:200]}); nothing was changed"
        ) from None


def migrate_within(conn: Connection) -> None:
    """Bring the restored tables to this code's schema inside the caller's transaction."""
    from alembic.runtime.environment import EnvironmentContext
    from alembic.script import ScriptDirectory

    config = db.alembic_config(conn.engine)
    script = ScriptDirectory.from_config(config)

    def upgrade(revision: Any, _context: Any) -> Any:
        return script._upgrade_revs("head", revision)

    with EnvironmentContext(config, script, fn=upgrade, destination_rev="head") as env:
        env.configure(connection=conn, target_metadata=Base.metadata)
        with env.begin_transaction():  # the caller's transaction: nothing of its own
            env.run_migrations()
