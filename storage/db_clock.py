"""The database's clock, for the times every process must agree on: outbox leases, pacing and
retry holds. A process's own clock may be minutes out; the database's is one clock for all."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Interval, func, literal, type_coerce
from sqlalchemy.sql.elements import ColumnElement

from storage.types import UTCDateTime


def db_now(dialect: str, offset: dt.timedelta = dt.timedelta(0)) -> ColumnElement[dt.datetime]:
    """The database's time now (plus ``offset``), as a SQL expression of a UTC datetime."""
    if dialect == "postgresql":
        # statement_timestamp(): one value for the whole statement (clock_timestamp() moves while
        # it runs) that moves on with each statement (now() is the transaction's start).
        at = func.statement_timestamp()
        if offset:
            at = at + literal(offset, Interval())
        return type_coerce(at, UTCDateTime())
    # SQLite keeps UTCDateTime as text, 'YYYY-MM-DD HH:MM:SS.ffffff'; strftime's %f gives
    # milliseconds, padded here to that form so that comparing the text compares the times.
    # 'now' is one value for the whole statement.
    shift = f"{offset.total_seconds():+.3f} seconds"
    text = func.strftime("%Y-%m-%d %H:%M:%f", "now", shift).concat("000")
    return type_coerce(text, UTCDateTime())
