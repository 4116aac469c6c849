"""The database a restore would replace: what it holds, and whether something is using it."""

from __future__ import annotations

from sqlalchemy import Engine, func, inspect, select, table, text
from sqlalchemy.exc import DBAPIError

from storage.backups import BackupRefused
from storage.models import Lease

# Rows every set-up database has (or that say nothing about the work in it): not "data".
BOOKKEEPING = frozenset(
    {"alembic_version", "vault_state", "register_version", "leases", "audit_log"}
)
# Named first when saying what a restore would replace (one, several); the rest are summed up.
NAMED = {
    "groups": ("group", "groups"),
    "agencies": ("agency", "agencies"),
    "members": ("member", "members"),
    "clients": ("client", "clients"),
    "actions": ("action", "actions"),
    "meetings": ("meeting", "meetings"),
    "updates": ("update", "updates"),
}
TICK_LEASE = "tick"  # bot.jobs.TICK_LEASE (storage does not import the jobs)


def contents(engine: Engine) -> dict[str, int]:
    """Rows per table, for the tables that hold any (bookkeeping aside)."""
    found: dict[str, int] = {}
    try:
        with engine.connect() as conn:
            for name in inspect(conn).get_table_names():
                if name in BOOKKEEPING:
                    continue
                count = conn.scalar(select(func.count()).select_from(table(name))) or 0
                if count:
                    found[name] = count
    except DBAPIError as exc:
        where = engine.url.render_as_string(hide_password=True)
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise BackupRefused(
            f"the database at {where} cannot be read ({reason[:120]}); move it away or fix it "
            "before restoring over it. Nothing was changed"
        ) from None
    return found


def describe(found: dict[str, int]) -> str:
    """'2 groups, 3 clients, 5 actions and 40 other rows'."""
    parts = [_count(found[name], *NAMED[name]) for name in NAMED if name in found]
    others = sum(n for name, n in found.items() if name not in NAMED)
    if others:
        parts.append(_count(others, "other row", "other rows"))
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return parts[0] if parts else "nothing"


def _count(count: int, one: str, several: str) -> str:
    return f"{count} {one if count == 1 else several}"


def ticked_recently(engine: Engine) -> bool:
    """Whether the scheduler's tick ran this minute or the one before (on the database's
    clock): ``casebot serve`` or a cron tick is using the database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(Lease.__tablename__):
            return False
        slot = conn.scalar(select(Lease.slot).where(Lease.name == TICK_LEASE))
        if slot is None:
            return False
        if engine.dialect.name == "postgresql":
            now = conn.scalar(text("SELECT floor(extract(epoch FROM clock_timestamp()) / 60)"))
        else:
            now = conn.scalar(text("SELECT CAST(strftime('%s', 'now') AS INTEGER) / 60"))
    return int(slot) >= int(now or 0) - 1


def other_sessions(engine: Engine) -> int:
    """Other client connections to the same PostgreSQL database (0 on SQLite)."""
    if engine.dialect.name != "postgresql":
        return 0
    with engine.connect() as conn:
        return int(
            conn.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                )
            )
            or 0
        )
