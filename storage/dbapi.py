"""A plain DB-API connection from Casebot's database URL, without SQLAlchemy.

For the few questions an idle serving process must answer (``/healthz``, ``/readyz``): loading
SQLAlchemy and the models into every idle worker only to run ``SELECT 1`` would cost each of them
the memory the whole application costs. Everything else goes through ``storage.db``'s engine.
"""

from __future__ import annotations

import sqlite3
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

CONNECT_TIMEOUT = 10  # seconds to reach PostgreSQL
SQLITE_BUSY_TIMEOUT = 5.0  # seconds a read waits for a writer's lock


def is_postgresql(url: str) -> bool:
    return url.split("://", 1)[0].split("+", 1)[0] in ("postgresql", "postgres")


def sqlite_file(url: str) -> str | None:
    """The file of a ``sqlite:///…`` URL as SQLAlchemy reads it (``sqlite:////abs``,
    ``sqlite:///relative``); None in memory."""
    rest = url.split("://", 1)[1] if "://" in url else ""
    path = rest[1:] if rest.startswith("/") else rest
    path = path.split("?", 1)[0]
    return None if path in ("", ":memory:") else path


def connect(url: str, *, timeout: float | None = None) -> Any:
    """A new connection (the caller closes it). SQLite's file is opened, never created: a probe
    must not leave an empty database where the real one went missing. ``timeout``: seconds to
    connect and for each statement (else PostgreSQL's connect timeout and SQLite's busy wait)."""
    if is_postgresql(url):
        import psycopg  # only where the database is PostgreSQL

        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        if timeout is None:
            query.setdefault("connect_timeout", str(CONNECT_TIMEOUT))
        else:
            query["connect_timeout"] = str(max(1, round(timeout)))  # libpq counts whole seconds
            query["options"] = f"-c statement_timeout={round(timeout * 1000)}"
        conninfo = urlunsplit(("postgresql", parts.netloc, parts.path,
                               "&".join(f"{k}={quote(v)}" for k, v in query.items()), ""))
        return psycopg.connect(conninfo, autocommit=True)
    path = sqlite_file(url)
    if path is None:
        return sqlite3.connect(":memory:")
    return sqlite3.connect(f"file:{quote(path)}?mode=rw", uri=True,
                           timeout=SQLITE_BUSY_TIMEOUT if timeout is None else timeout,
                           check_same_thread=False)


def epoch_now(url: str) -> str:
    """Whole seconds since 1970 on the database's clock, as SQL (the lease's own clock)."""
    if is_postgresql(url):
        return "CAST(floor(extract(epoch FROM clock_timestamp())) AS BIGINT)"
    return "CAST(strftime('%s', 'now') AS INTEGER)"


def placeholder(url: str) -> str:
    return "%s" if is_postgresql(url) else "?"
