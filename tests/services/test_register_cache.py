"""Each process reads and decrypts the register once and keeps it while the register's version
stands: a change made by another process is seen at its next use, a purged client's details are
used no more, a key rotation makes it read the register again, and nothing is kept after
shutdown. The CLI (a process of its own) makes the changes; each container here is a serving
process."""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import event

from bot import deidentify
from bot.bootstrap import Container, build
from bot.config import load_settings
from bot.services import drafts, privacy
from tests.services.conftest import BRISBANE_WORKER, SYDNEY_WORKER


@pytest.fixture
def process(world) -> Iterator[tuple[object, Container]]:
    """The usual group, and a serving process of its own on the same database."""
    w = world()
    container = build(load_settings(w.cli.env), clock=w.cli.clock)
    yield w, container
    container.close()


def preview(container: Container, w, text: str, *, code: str = "U1R-014",
            user: str = SYDNEY_WORKER) -> str:
    """The de-identified update its author is shown (a DM's preview)."""
    return drafts.draft_update(uow=container.uow(), clock=w.cli.clock, user_id=user,
                               case_code=code, text=text).text


def register_reads(container: Container) -> list[str]:
    """Statements that read the whole register (records with their keys) in this process."""
    seen: list[str] = []

    def keep(_conn, _cursor, statement, *_rest) -> None:
        if "JOIN client_keys" in statement:
            seen.append(statement)

    event.listen(container.engine, "before_cursor_execute", keep)
    return seen


def test_a_change_made_by_another_process_is_seen_at_its_next_use(process):
    w, here = process
    there = build(load_settings(w.cli.env), clock=w.cli.clock)  # a second serving process
    try:
        for container in (here, there):
            assert "Bluey" in preview(container, w, "Bluey came by the office")
        reads = register_reads(here)
        assert "Bluey" in preview(here, w, "Bluey came by again")
        assert reads == []  # unchanged: the copy in memory, no second reading

        w.cli.ok("client", "edit", "U1R-014", "--add-alias", "Bluey")

        for container in (here, there):
            shown = preview(container, w, "Bluey came by the office")
            assert "Bluey" not in shown and "U1R-014" in shown
        assert len(reads) == 1
    finally:
        there.close()


def test_a_purged_clients_details_are_used_no_more(process):
    w, here = process
    before = preview(here, w, "Met Jane Quokkafield at the office", code="U1R-015",
                     user=BRISBANE_WORKER)
    assert "Quokkafield" not in before and "U1R-014" in before

    w.cli.ok("client", "purge", "U1R-014", "--reason", "asked to be forgotten", "--yes")

    after = preview(here, w, "Met Jane Quokkafield at the office", code="U1R-015",
                    user=BRISBANE_WORKER)
    assert "U1R-014" not in after  # her name no longer leads to her case code
    with here.uow() as uow:
        kept = privacy.known_clients(uow)
    assert [c.case_code for c in kept] == ["U1R-015"]
    assert "Quokkafield" not in repr(kept)


def test_a_key_rotation_makes_every_process_read_the_register_again(process):
    w, here = process
    assert "U1R-014" in preview(here, w, "Jane Quokkafield called")
    reads = register_reads(here)

    w.cli.ok("keys", "rotate")

    shown = preview(here, w, "Jane Quokkafield called")
    assert "Quokkafield" not in shown and "U1R-014" in shown  # read with the new key
    assert len(reads) == 1
    preview(here, w, "Jane Quokkafield called back")
    assert len(reads) == 1


def test_a_change_in_the_same_transaction_is_used_at_once_and_kept_by_nobody(process):
    """A transaction that changes the register reads it afresh; what it read is not kept, as
    it may yet be rolled back."""
    w, here = process
    preview(here, w, "warm")
    with here.uow() as uow:
        client = uow.clients.by_code("U1R-015")
        identity = uow.secrets.read_identity(client)
        uow.secrets.store_identity(client, replace(identity, aliases=("Bluey",)))
        assert "U1R-015" in privacy.redact(uow, "Bluey rang").text
        # left without commit: rolled back
    assert "Bluey" in preview(here, w, "Bluey rang")


def test_readers_on_many_threads_see_one_register(process):
    w, here = process
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(5):
                assert "U1R-014" in preview(here, w, "Jane Quokkafield called")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(6)]
    for t in threads:
        t.start()
    w.cli.ok("client", "edit", "U1R-014", "--add-alias", "Bluey")
    for t in threads:
        t.join()
    assert errors == []
    assert "U1R-014" in preview(here, w, "Bluey called")


def test_the_register_leaves_memory_on_shutdown_and_never_for_disk(process):
    w, here = process
    preview(here, w, "Jane Quokkafield called")
    assert not here.vault.register.empty
    with pytest.raises(TypeError):
        pickle.dumps(here.vault.register)

    here.close()

    assert here.vault.register.empty
    assert deidentify._matcher.cache_info().currsize == 0  # compiled patterns held names too
