"""A purge is final: no copy of the purged client's data key, in a backup taken before the purge,
in PostgreSQL's table files after VACUUM or in the SQLite file, opens with any key that exists.

The attacker's view throughout: every file left on the machine (the key directory included) and
a database backup from before the purge. The old master key is only ever held in memory here, as
the "before" half of each check, to show that the same check does find the key while it exists.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.services import drafts
from storage.crypto import DecryptionFailed, MasterKey, open_sealed
from storage.keyfile import FileKeySource, write_new_key_file
from storage.models import Client, ClientKey, Draft, Update
from tests.identities import JANE, TOM
from tests.services.conftest import BRISBANE_WORKER, SYDNEY_WORKER
from tests.services.test_vault_at_rest import add_two_clients, container

POSTGRES_ONLY = [pytest.param("postgresql", marks=pytest.mark.postgres)]
REASON = ("--reason", "retention period ended", "--yes")
WRAPPED_LEN = 1 + 12 + 32 + 16  # format byte, nonce, 32-byte data key, GCM tag


def data_key_context(client_id: int) -> bytes:
    return f"client:{client_id}".encode()


def identity_context(client_id: int) -> bytes:
    return f"client:{client_id}:identity".encode()


def keys_on_disk(root: Path) -> list[MasterKey]:
    """Every master key a file under ``root`` holds (key directory, data directory, anything)."""
    found = []
    for path in root.rglob("*"):
        if path.is_file() and path.stat().st_size < 200:
            try:
                found.append(MasterKey.parse(path.read_text(encoding="ascii"), source=str(path)))
            except Exception:
                continue
    return found


def openers(raw: bytes, keys: list[MasterKey], client_id: int) -> list[str]:
    """The keys that unwrap any run of bytes in ``raw`` as ``client_id``'s data key."""
    found = []
    at = raw.find(b"\x01")
    while at != -1:
        candidate = raw[at : at + WRAPPED_LEN]
        if len(candidate) == WRAPPED_LEN:
            for key in keys:
                try:
                    key.unwrap(candidate, context=data_key_context(client_id))
                except DecryptionFailed:
                    continue
                found.append(key.key_id)
        at = raw.find(b"\x01", at + 1)
    return found


def jane_before_purge(cli) -> tuple[int, bytes, bytes]:
    app = container(cli)
    with app.uow() as uow:
        client = uow.clients.by_code("U1R-014")
        found = client.id, uow.session.get(ClientKey, client.id).wrapped_key, client.identity_blob
    app.close()
    return found


def assert_old_key_file_destroyed(old_file: int, old_key: MasterKey, root: Path) -> None:
    """The old key file's own bytes were overwritten (read through a descriptor opened before
    the purge), and no file anywhere under ``root`` holds the old key."""
    size = os.fstat(old_file).st_size
    assert size > 0 and os.pread(old_file, size, 0) == bytes(size)
    os.close(old_file)
    encoded = old_key.encode().encode()
    assert [p for p in root.rglob("*") if p.is_file() and encoded in p.read_bytes()] == []
    assert old_key.key_id not in [k.key_id for k in keys_on_disk(root)]


# --- PostgreSQL ------------------------------------------------------------------------------


def libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def pg_dump(url: str) -> str:
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not on PATH")
    return subprocess.run(
        ["pg_dump", "--no-owner", "--data-only", "--column-inserts", libpq(url)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def sql_values(text: str) -> list[str]:
    """Split the VALUES list of one pg_dump INSERT (quoted strings may hold commas)."""
    values, current, quoted, i = [], "", False, 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == "'" and text[i + 1 : i + 2] == "'":
                current += "''"
                i += 2
                continue
            quoted = ch != "'"
            current += ch
        elif ch == "'":
            quoted = True
            current += ch
        elif text.startswith(", ", i):
            values.append(current)
            current = ""
            i += 2
            continue
        else:
            current += ch
        i += 1
    return [*values, current]


def dumped_rows(dump: str, table: str) -> list[dict[str, str]]:
    pattern = re.compile(rf"^INSERT INTO public\.{table} \((.*?)\) VALUES \((.*)\);$", re.M)
    return [
        dict(zip(m.group(1).split(", "), sql_values(m.group(2)), strict=True))
        for m in pattern.finditer(dump)
    ]


def bytea(literal: str) -> bytes:
    assert literal.startswith("'\\x") and literal.endswith("'"), literal[:10]
    return bytes.fromhex(literal[3:-1])


def every_bytea(dump: str) -> list[bytes]:
    return [bytes.fromhex(h) for h in re.findall(r"'\\x([0-9a-f]*)'", dump)]


def vacuum_and_checkpoint(url: str) -> None:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text("VACUUM"))
        conn.execute(sa.text("CHECKPOINT"))
    engine.dispose()


def table_files(url: str, tables: tuple[str, ...]) -> bytes:
    """The raw heap (and TOAST) files of ``tables``, straight from the server's data directory."""
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text("CHECKPOINT"))  # dirty pages onto the disk
        data_dir = Path(conn.execute(sa.text("SHOW data_directory")).scalar_one())
        relations = conn.execute(
            sa.text(
                "SELECT pg_relation_filepath(c.oid) FROM pg_class c WHERE c.relname = ANY(:t) "
                "UNION ALL SELECT pg_relation_filepath(c.reltoastrelid) FROM pg_class c "
                "WHERE c.relname = ANY(:t) AND c.reltoastrelid <> 0"
            ),
            {"t": list(tables)},
        ).scalars()
        paths = [data_dir / rel for rel in relations]
    engine.dispose()
    if not all(os.access(p, os.R_OK) for p in paths):
        pytest.skip(f"the server's table files under {data_dir} are not readable here")
    chunks = []
    for path in paths:
        chunks += [f.read_bytes() for f in [path, *path.parent.glob(path.name + ".[0-9]*")]]
    return b"".join(chunks)


@pytest.mark.parametrize("migrated_url", POSTGRES_ONLY, indirect=True)
def test_postgres_a_dump_taken_before_the_purge_opens_with_no_key_that_exists(
    cli, setup_group, tmp_path
):
    add_two_clients(cli, setup_group, tmp_path)
    url = cli.env["DATABASE_URL"]
    old_key = MasterKey.parse(cli.key_file.read_text(), source="old")  # in memory only
    old_file = os.open(cli.key_file, os.O_RDONLY)
    dump = pg_dump(url)  # the attacker's backup

    jane = next(r for r in dumped_rows(dump, "clients") if r["case_code"] == "'U1R-014'")
    jane_id = int(jane["id"])
    wrapped = bytea(
        next(r for r in dumped_rows(dump, "client_keys") if r["client_id"] == str(jane_id))[
            "wrapped_key"
        ]
    )
    blob = bytea(jane["identity_blob"])
    # The check is meaningful: before the purge, the key that exists opens the dumped copy.
    data_key = old_key.unwrap(wrapped, context=data_key_context(jane_id))
    assert JANE["full_name"].encode() in open_sealed(
        data_key, blob, context=identity_context(jane_id)
    )

    out = cli.ok("client", "purge", "U1R-014", *REASON)
    assert out.splitlines()[1] == (
        "Back up the new key file now: your backups of the old key file can no longer open "
        "anything, and database backups taken before this purge can no longer be opened by any "
        "key."
    )
    vacuum_and_checkpoint(url)

    existing = keys_on_disk(tmp_path)
    assert [k.key_id for k in existing] == [
        MasterKey.parse(cli.key_file.read_text(), source="current").key_id
    ]
    for key in existing:
        with pytest.raises(DecryptionFailed):
            key.unwrap(wrapped, context=data_key_context(jane_id))
    # Nor does any other value in the backup pass for Jane's data key.
    assert [
        k.key_id
        for value in every_bytea(dump)
        for k in existing
        if len(value) == WRAPPED_LEN and openers(value, [k], jane_id)
    ] == []
    assert_old_key_file_destroyed(old_file, old_key, tmp_path)
    # Tom is re-wrapped and readable, but his copy in that backup is dead with the old key too.
    tom = next(r for r in dumped_rows(dump, "client_keys") if r["client_id"] != str(jane_id))
    with pytest.raises(DecryptionFailed):
        existing[0].unwrap(
            bytea(tom["wrapped_key"]), context=data_key_context(int(tom["client_id"]))
        )
    assert "Thomas Brolgaway" in cli.ok(
        "client", "show", "U1R-015", "--reveal", "--reason", "after the purge"
    )


@pytest.mark.parametrize("migrated_url", POSTGRES_ONLY, indirect=True)
def test_postgres_the_table_files_after_purge_and_vacuum_hold_no_openable_key(
    cli, setup_group, tmp_path
):
    add_two_clients(cli, setup_group, tmp_path)
    url = cli.env["DATABASE_URL"]
    jane_id, wrapped, blob = jane_before_purge(cli)
    old_key = MasterKey.parse(cli.key_file.read_text(), source="old")  # in memory only
    old_file = os.open(cli.key_file, os.O_RDONLY)
    tables = ("client_keys", "clients")
    # The check is meaningful: before the purge, scanning the files finds Jane's data key.
    before = table_files(url, tables)
    assert wrapped in before and blob in before
    assert openers(before, [old_key], jane_id) == [old_key.key_id]

    cli.ok("client", "purge", "U1R-014", *REASON)
    vacuum_and_checkpoint(url)

    after = table_files(url, tables)
    existing = keys_on_disk(tmp_path)
    assert len(existing) == 1
    # The old wrapped key may well still be there (VACUUM does not zero dead rows, and every row
    # was rewritten by the rotation): what matters is that no key that exists opens it.
    if wrapped in after:
        with pytest.raises(DecryptionFailed):
            existing[0].unwrap(wrapped, context=data_key_context(jane_id))
    assert openers(after, existing, jane_id) == []
    assert_old_key_file_destroyed(old_file, old_key, tmp_path)


# --- SQLite ----------------------------------------------------------------------------------


@pytest.mark.parametrize("migrated_url", ["sqlite"], indirect=True)
def test_sqlite_neither_a_copy_from_before_the_purge_nor_the_file_opens(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    db_file = Path(cli.env["DATABASE_URL"].split(":///", 1)[1])
    jane_id, wrapped, blob = jane_before_purge(cli)
    old_key = MasterKey.parse(cli.key_file.read_text(), source="old")  # in memory only
    old_file = os.open(cli.key_file, os.O_RDONLY)
    backup = b"".join(f.read_bytes() for f in [db_file, *db_file.parent.glob("casebot.db-*")])
    assert openers(backup, [old_key], jane_id) == [old_key.key_id]  # the check is meaningful

    cli.ok("client", "purge", "U1R-014", *REASON)

    now = b"".join(f.read_bytes() for f in [db_file, *db_file.parent.glob("casebot.db-*")])
    assert wrapped not in now and blob not in now  # secure_delete zeroed them
    existing = keys_on_disk(tmp_path)
    assert len(existing) == 1
    assert openers(backup, existing, jane_id) == []
    assert openers(now, existing, jane_id) == []
    assert_old_key_file_destroyed(old_file, old_key, tmp_path)


# --- both databases --------------------------------------------------------------------------


def test_others_stay_readable_and_a_running_service_follows_the_new_key(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    service = container(cli)  # built before the purge: its vault holds the old key
    with service.uow() as uow:
        tom = uow.clients.by_code("U1R-015")
        assert uow.vault.read_identity(uow.session, tom).full_name == TOM["full_name"]
    old_id = MasterKey.parse(cli.key_file.read_text(), source="old").key_id

    out = cli.ok("client", "purge", "U1R-014", *REASON)
    new_id = MasterKey.parse(cli.key_file.read_text(), source="new").key_id
    assert new_id != old_id
    assert out.splitlines()[0] == (
        f"U1R-014 is purged, and it is final: its data key is gone and the old master key "
        f"{old_id} was destroyed (new key {new_id} in {cli.key_file})."
    )
    assert not FileKeySource(cli.key_file).pending_path.exists()

    with service.uow() as uow:
        tom = uow.clients.by_code("U1R-015")
        assert uow.vault.read_identity(uow.session, tom).full_name == TOM["full_name"]
        assert uow.vault.verify(uow.session) == new_id
        rows = uow.session.scalars(sa.select(ClientKey)).all()
        assert [r.master_key_id for r in rows] == [new_id]
    service.close()
    assert "Thomas Brolgaway" in cli.ok(
        "client", "show", "U1R-015", "--reveal", "--reason", "after the purge"
    )
    audit = cli.ok("audit")
    assert "purge" in audit and "retention period ended" in audit
    assert f"{old_id} -> {new_id}; 1 data keys re-wrapped; purge of U1R-014" in audit
    assert "NOT final" not in cli.ok("status")


def test_purge_shreds_drafts_and_sealed_update_wording(world):
    w = world()
    w.at("2026-11-28T10:00+10:00")

    def draft(code: str, text: str, user: str = SYDNEY_WORKER):
        return drafts.draft_update(
            uow=w.ctx.uow(), clock=w.ctx.clock, user_id=user, case_code=code, text=text
        )

    confirmed = draft("U1R-014", "Jane Quokkafield signed the lease")
    drafts.confirm(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                     user_id=SYDNEY_WORKER, draft_id=confirmed.draft_id, source="dm")
    draft("U1R-014", "Jane Quokkafield moved in")  # waiting for its author to confirm
    toms = draft("U1R-015", "Thomas Brolgaway has an interview", BRISBANE_WORKER)

    w.cli.ok("client", "purge", "U1R-014", *REASON)

    with w.ctx.uow() as uow:
        jane = uow.session.scalar(sa.select(Client.id).where(Client.case_code == "U1R-014"))
        assert uow.session.scalars(sa.select(Draft.client_id)).all() != []
        assert jane not in uow.session.scalars(sa.select(Draft.client_id)).all()
        assert uow.session.scalars(sa.select(Update.sealed_raw)).all() == [None]
    # Tom's draft, sealed with a data key the purge re-wrapped, still opens and confirms.
    receipt = drafts.confirm(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                               user_id=BRISBANE_WORKER, draft_id=toms.draft_id,
                               source="dm")
    assert receipt.update.text == "U1R-015 has an interview"


def test_with_an_inline_key_the_purge_says_how_to_make_it_final(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    jane_id, wrapped, _ = jane_before_purge(cli)
    secret = cli.key_file.read_text().strip()
    cli.key_file.unlink()  # the key lives only in a secrets manager
    inline = {"CASEBOT_MASTER_KEY": secret, "CASEBOT_KEY_FILE": ""}

    out = cli.ok("client", "purge", "U1R-014", *REASON, env=inline)
    assert out.splitlines() == [
        "U1R-014's details were deleted, but the purge is NOT final yet: the master key in "
        "CASEBOT_MASTER_KEY still opens copies in database backups made before now.",
        "To finish it: casebot keys rotate --new-key-file PATH, then put PATH's content in "
        "CASEBOT_MASTER_KEY, delete the old value (and its old versions) from your secrets "
        "manager, and restart Casebot. Until then `casebot status` lists it.",
    ]
    # Which is the truth: the key that still exists opens a copy from before the purge.
    MasterKey.parse(secret, source="inline").unwrap(wrapped, context=data_key_context(jane_id))
    status = cli.ok("status", env=inline)
    assert "purges        1 NOT final yet" in status and "U1R-014 (purged 2026-11-25)" in status
    assert "finish with: casebot keys rotate --new-key-file PATH" in status

    new_file = tmp_path / "new.key"
    rotated = cli.ok("keys", "rotate", "--new-key-file", str(new_file), env=inline)
    assert "Purges of U1R-014 are final once the old key is destroyed." in rotated
    assert "delete the old value" in rotated
    inline = {"CASEBOT_MASTER_KEY": new_file.read_text().strip(), "CASEBOT_KEY_FILE": ""}
    assert "purges" not in cli.ok("status", env=inline)
    new_key = MasterKey.parse(inline["CASEBOT_MASTER_KEY"], source="new")
    with pytest.raises(DecryptionFailed):
        new_key.unwrap(wrapped, context=data_key_context(jane_id))
    assert "Thomas Brolgaway" in cli.ok(
        "client", "show", "U1R-015", "--reveal", "--reason", "after the rotation", env=inline
    )


def test_purges_made_before_this_release_show_until_a_rotation(cli, setup_group, tmp_path):
    """A purge that only deleted rows (as before) is listed by status until the key rotates."""
    add_two_clients(cli, setup_group, tmp_path)
    app = container(cli)
    with app.uow() as uow:  # the old purge: shred without rotating
        uow.vault.shred(uow.session, uow.clients.by_code("U1R-015"), cli.clock.now())
        uow.commit()
    app.close()
    status = cli.ok("status")
    assert (
        "purges        1 NOT final yet" in status and "finish with: casebot keys rotate" in status
    )
    rotated = cli.ok("keys", "rotate")
    assert "Purges now final: U1R-015." in rotated
    assert "NOT final" not in cli.ok("status")


def test_a_refused_purge_changes_nothing(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    key_before = cli.key_file.read_text()
    pending = FileKeySource(cli.key_file).pending_path
    pending.write_text(MasterKey.generate().encode())  # a rotation that stopped before its commit

    refused = cli("client", "purge", "U1R-014", *REASON)
    assert refused.code != 0 and refused.out == ""
    assert refused.err.startswith("casebot: ") and refused.err.count("\n") == 1
    assert f"{pending} already exists" in refused.err
    pending.unlink()
    unknown = cli("client", "purge", "U1R-099", *REASON)
    assert unknown.code != 0 and unknown.err.startswith("casebot: no client with case code")

    assert cli.key_file.read_text() == key_before and not pending.exists()
    assert "Jane Quokkafield" in cli.ok(
        "client", "show", "U1R-014", "--reveal", "--reason", "still here?"
    )
    assert "purge" not in cli.ok("audit")


def test_an_interrupted_purge_is_finished_at_next_start_and_the_old_key_overwritten(
    cli, setup_group, tmp_path
):
    add_two_clients(cli, setup_group, tmp_path)
    old_key = MasterKey.parse(cli.key_file.read_text(), source="old")
    old_file = os.open(cli.key_file, os.O_RDONLY)
    source = FileKeySource(cli.key_file)
    new_key = MasterKey.generate()
    write_new_key_file(source.pending_path, new_key)  # as the purge wrote it: 0600
    app = container(cli)
    with app.uow() as uow:  # the purge's transaction committed; the key file was never moved
        uow.vault.shred(uow.session, uow.clients.by_code("U1R-014"), cli.clock.now())
        uow.vault.rotate(uow.session, new_key, cli.clock.now())
        uow.commit()
    app.close()

    assert "NOT final" not in cli.ok("status")
    assert MasterKey.parse(cli.key_file.read_text(), source="k").key_id == new_key.key_id
    assert not source.pending_path.exists()
    assert_old_key_file_destroyed(old_file, old_key, tmp_path)
