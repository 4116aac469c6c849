"""Retention (issue 13, item 4): after an exit or a consent withdrawal, the identifiable details
are crypto-shredded and then the case record destroyed, by the daily tick and by
``casebot purge --due``; actions and outcomes stay; every purge is audited without identifiers."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from bot.services import actions, updates
from storage.crypto import DecryptionFailed, MasterKey
from storage.models import Action, Client, ClientExit, ClientKey, Update
from storage.vault import Shredded
from tests.services.conftest import FACILITATOR, SYDNEY_WORKER
from tests.services.test_vault_at_rest import container

NAMES = ("Jane", "Quokkafield", "Thomas", "Brolgaway")


def one(w, model, **where):
    """The row's columns as they are now (a plain dict: the session closes with the uow)."""
    with w.ctx.uow() as uow:
        row = uow.session.scalars(sa.select(model).filter_by(**where)).one_or_none()
        if row is None:
            return None
        return SimpleNamespace(**{c.key: getattr(row, c.key) for c in sa.inspect(model).columns})


def count(w, model, **where) -> int:
    with w.ctx.uow() as uow:
        return len(uow.session.scalars(sa.select(model).filter_by(**where)).all())


def exit_client(w, code: str, on: dt.date) -> None:
    """The exit, as `casebot client exit` records it (another part of issue 13)."""
    with w.ctx.uow() as uow:
        client = uow.clients.by_code(code)
        client.status = "exited"
        uow.exits.add(ClientExit(client_id=client.id, exited_on=on, outcome="housed_social",
                                 actor="test", recorded_at=w.ctx.clock.now()))
        uow.commit()


def read_identity(w, code: str):
    with w.ctx.uow() as uow:
        return uow.secrets.read_identity(uow.clients.by_code(code))


def test_retention_periods_have_kind_bounds(world):
    w = world()
    shown = w.cli.ok("group", "retention", "--group", "Under 1 Roof")
    assert "identifiable details 730 days, the case record 2555 days" in shown
    short = w.cli("group", "retention", "--group", "Under 1 Roof", "--details-days", "5")
    assert short.code != 0 and "between 30 and" in short.err
    order = w.cli("group", "retention", "--group", "Under 1 Roof", "--details-days", "400",
                  "--record-days", "300")
    assert order.code != 0 and "at least 400" in order.err
    assert "730 days" in w.cli.ok("group", "retention", "--group", "Under 1 Roof")
    out = w.cli.ok("group", "retention", "--group", "Under 1 Roof", "--details-days", "30",
                   "--record-days", "60")
    assert "now keeps" in out and "retention_set" in w.cli.ok("audit")


def test_the_tick_shreds_details_then_destroys_the_case_record_each_on_its_own_clock(world):
    w = world()
    w.cli.ok("group", "retention", "--group", "Under 1 Roof", "--details-days", "30",
             "--record-days", "60")
    w.at("2026-11-23T10:00+10:00")
    updates.submit(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=SYDNEY_WORKER,
                   case_code="U1R-014", text="Jane moved to a new flat", source="dm",
                   renderer=w.ctx.renderer)
    actions.record(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                   user_id=FACILITATOR, case_code="U1R-014", owner_id=SYDNEY_WORKER,
                   text="call the housing provider")
    assert read_identity(w, "U1R-014").full_name == "Jane Quokkafield"
    w.at("2026-11-24T10:00+10:00")
    w.cli.ok("client", "consent", "U1R-014", "--withdraw", "--date", "2026-11-24")
    exit_client(w, "U1R-015", dt.date(2026, 11, 20))

    w.tick("2026-12-20T12:00+10:00")  # 30 days after U1R-015's exit: the period runs to its end
    assert one(w, Client, case_code="U1R-015").purged_at is None
    w.tick("2026-12-21T12:00+10:00")
    assert one(w, Client, case_code="U1R-015").purged_at is not None
    assert one(w, Client, case_code="U1R-014").purged_at is None  # withdrawn later: not yet
    w.tick("2026-12-25T12:00+10:00")
    jane = one(w, Client, case_code="U1R-014")
    assert jane.purged_at is not None and jane.identity_blob is None
    assert one(w, ClientKey, client_id=jane.id) is None
    with pytest.raises(Shredded):
        read_identity(w, "U1R-014")
    # the case record is still there (de-identified) until its own period ends
    assert count(w, Update, client_id=jane.id) == 1 and jane.record_purged_at is None

    w.tick("2027-01-24T12:00+10:00")  # 61 days after the withdrawal
    jane = one(w, Client, case_code="U1R-014")
    assert jane.record_purged_at is not None and count(w, Update, client_id=jane.id) == 0
    assert count(w, Action, client_id=jane.id) == 1  # actions stay for reports
    assert one(w, ClientExit, client_id=one(w, Client, case_code="U1R-015").id).outcome == (
        "housed_social"
    )
    w.tick("2027-02-24T12:00+10:00")  # nothing twice
    audit = w.cli.ok("audit", "--limit", "200")
    assert audit.count("retention_purge_details") == 2
    assert audit.count("retention_purge_record") == 2
    assert "after consent withdrawal on 2026-11-24" in audit and "after exit on 2026-11-20" in audit
    assert not any(name in audit for name in NAMES)


def test_purge_due_from_the_command_line_is_final_with_a_key_file(world):
    w = world()
    w.cli.ok("client", "consent", "U1R-014", "--withdraw")
    app = container(w.cli)
    with app.uow() as uow:
        client = uow.clients.by_code("U1R-014")
        client_id = client.id
        wrapped = uow.session.get(ClientKey, client_id).wrapped_key  # as a backup would hold it
    app.close()
    context = f"client:{client_id}".encode()
    old_key = MasterKey.parse(w.cli.key_file.read_text(encoding="ascii"), source="test")
    old_key.unwrap(wrapped, context=context)  # before: the key on disk opens the backup copy

    w.at("2028-11-24T12:00+10:00")  # 730 days after 25 Nov 2026: still within the period
    assert "Nothing is past its retention period" in w.cli.ok("purge", "--due")
    w.at("2028-11-26T12:00+10:00")
    dry = w.cli.ok("purge", "--due", "--dry-run")
    assert "Would destroy" in dry and "U1R-014" in dry
    assert one(w, Client, case_code="U1R-014").purged_at is None
    out = w.cli.ok("purge", "--due")
    assert "Destroyed" in out and "U1R-014" in out and "the purge is final" in out
    assert "U1R-015" not in out
    new_key = MasterKey.parse(w.cli.key_file.read_text(encoding="ascii"), source="test")
    assert new_key.key_id != old_key.key_id
    with pytest.raises(DecryptionFailed):  # after: no key on disk opens the backup copy
        new_key.unwrap(wrapped, context=context)
    with pytest.raises(Shredded):
        read_identity(w, "U1R-014")
    assert read_identity(w, "U1R-015").full_name == "Thomas Brolgaway"
    audit = w.cli.ok("audit", "--client", "U1R-014")
    assert "retention_purge_details" in audit and not any(n in audit for n in NAMES)
    assert "Nothing is past its retention period" in w.cli.ok("purge", "--due")
