"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from storage import db
from storage.models import Base


def engine_for(url: str):
    engine = db.make_engine(url)
    path = db.sqlite_path(engine)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    return engine


def test_migrations_match_models(database_url):
    engine = engine_for(database_url)
    db.upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_upgrade_is_repeatable_and_reaches_head(database_url):
    engine = engine_for(database_url)
    db.upgrade(engine)
    db.upgrade(engine)
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()


def test_every_migration_downgrades_cleanly(database_url):
    from alembic import command

    engine = engine_for(database_url)
    db.upgrade(engine)
    command.downgrade(db.alembic_config(engine), "base")
    assert db.current_revision(engine) is None
    db.upgrade(engine)
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()


def test_roles_move_onto_each_membership(database_url):
    """0006 gives every group a member is in the roles the member had; nothing else reschedule."""
    import sqlalchemy as sa

    engine = engine_for(database_url)
    db.upgrade(engine, "0005")
    now = "2026-11-01 00:00:00+00:00"
    with engine.begin() as conn:
        conn.execute(sa.text(f"INSERT INTO agencies (id, name, name_key, created_at) "
                             f"VALUES (1, 'Micah', 'micah', '{now}')"))
        for gid, name in ((1, "Alpha"), (2, "Bravo")):
            conn.execute(sa.text(
                "INSERT INTO groups (id, name, channel_id, rrule, tz, first_meeting_at, "
                "prompt_lead_days, reminder_lead_days, agenda_lead_minutes, nudge_lead_days, "
                "send_time, day_first, meeting_minutes, created_at) VALUES "
                f"({gid}, '{name}', 'C{gid}', 'FREQ=WEEKLY', 'UTC', '{now}', 3, 1, 120, '3,1', "
                f"'09:00', true, 90, '{now}')"
            ))
        for mid, user in ((1, "U1"), (2, "U2"), (3, "U3")):
            conn.execute(sa.text(f"INSERT INTO members (id, slack_user_id, agency_id, created_at)"
                                 f" VALUES ({mid}, '{user}', 1, '{now}')"))
        roles = [(1, "facilitator"), (1, "worker"), (2, "champion"), (3, "mentor")]
        for mid, role in roles:
            conn.execute(sa.text(f"INSERT INTO member_roles VALUES ({mid}, '{role}')"))
        for gid, mid in ((1, 1), (2, 1), (2, 2)):  # U3 is in no group
            conn.execute(sa.text(f"INSERT INTO group_members VALUES ({gid}, {mid})"))
    db.upgrade(engine)
    with engine.connect() as conn:
        rows = set(conn.execute(sa.text(
            "SELECT g.name, m.slack_user_id, r.role FROM membership_roles r "
            "JOIN groups g ON g.id = r.group_id JOIN members m ON m.id = r.member_id"
        )).all())
        tables = sa.inspect(conn).get_table_names()
    engine.dispose()
    assert rows == {
        ("Alpha", "U1", "facilitator"), ("Alpha", "U1", "worker"),
        ("Bravo", "U1", "facilitator"), ("Bravo", "U1", "worker"),
        ("Bravo", "U2", "champion"),
    }
    assert "member_roles" not in tables


def test_existing_groups_ask_their_facilitators_about_restored_words(database_url):
    """0009 gives every existing group the ``confirm`` policy; its drafts keep no words yet."""
    import sqlalchemy as sa

    engine = engine_for(database_url)
    db.upgrade(engine, "0008")
    now = "2026-11-01 00:00:00+00:00"
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO groups (id, name, channel_id, rrule, tz, first_meeting_at, "
            "prompt_lead_days, reminder_lead_days, agenda_lead_minutes, nudge_lead_days, "
            "send_time, day_first, meeting_minutes, created_at) VALUES "
            f"(1, 'Alpha', 'C1', 'FREQ=WEEKLY', 'UTC', '{now}', 3, 1, 120, '3,1', "
            f"'09:00', true, 90, '{now}')"
        ))
    db.upgrade(engine)
    with engine.connect() as conn:
        policy = conn.execute(sa.text("SELECT restore_policy FROM groups")).scalar_one()
        columns = {c["name"] for c in sa.inspect(conn).get_columns("drafts")}
    engine.dispose()
    assert policy == "confirm" and "sealed_keep" in columns


def test_existing_groups_get_the_built_in_days_once(database_url):
    """0015 adds the built-in terms added since a group was created (public holidays), keeping
    the group's own terms and adding nothing twice."""
    import sqlalchemy as sa

    engine = engine_for(database_url)
    db.upgrade(engine, "0014_outbox_checks")
    now = "2026-11-01 00:00:00+00:00"
    with engine.begin() as conn:
        for gid, channel in ((1, "C1"), (2, "C2")):
            conn.execute(sa.text(
                "INSERT INTO groups (id, name, channel_id, rrule, tz, first_meeting_at, "
                "prompt_lead_days, reminder_lead_days, agenda_lead_minutes, nudge_lead_days, "
                "send_time, day_first, meeting_minutes, created_at, restore_policy) VALUES "
                f"({gid}, 'G{gid}', '{channel}', 'FREQ=WEEKLY', 'UTC', '{now}', 3, 1, 120, '3,1', "
                f"'09:00', true, 90, '{now}', 'confirm')"
            ))
        conn.execute(sa.text("INSERT INTO group_terms (group_id, term) VALUES "
                             "(1, 'Micah Projects'), (2, 'Anzac Day')"))
    db.upgrade(engine)
    with engine.connect() as conn:
        terms = conn.execute(sa.text("SELECT group_id, term FROM group_terms")).all()
    engine.dispose()
    assert (1, "Micah Projects") in terms and (1, "King's Birthday") in terms
    assert sum(1 for t in terms if t == (2, "Anzac Day")) == 1
    assert {g for g, t in terms if t == "Valentine's Day"} == {1, 2}
