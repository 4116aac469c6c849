"""Alembic environment: the engine comes from Casebot (``config.attributes``) or DATABASE_URL."""

from __future__ import annotations

from alembic import context

from storage.models import Base
from storage.types import UTCDateTime

config = context.config


def _engine():
    engine = config.attributes.get("engine")
    if engine is not None:
        return engine
    # Running the `alembic` command directly (developers): use Casebot's own settings.
    from bot.config import load_settings
    from storage.db import make_engine

    return make_engine(load_settings().database_url)


def _render_item(type_, obj, autogen_context):
    # Migrations spell out the stored type so they never depend on today's Python classes.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations_online() -> None:
    engine = _engine()
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            render_item=_render_item,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run casebot db upgrade")
run_migrations_online()
