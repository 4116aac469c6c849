"""The register at rest: no plaintext in the database, key rotation, crypto-shredding."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.bootstrap import build
from bot.config import load_settings
from bot.domain import VaultError
from storage.crypto import DecryptionFailed, MasterKey
from storage.keyfile import FileKeySource, write_new_key_file
from storage.models import Client, ClientKey
from storage.vault import Shredded, Vault
from tests.identities import JANE, TOM, plaintext_markers, write_clients_json


def raw_database_bytes(url: str) -> bytes:
    """Everything the database holds, as bytes: the SQLite files, or a full pg_dump."""
    if url.startswith("sqlite"):
        path = Path(url.split(":///", 1)[1])
        files = [path, *path.parent.glob(path.name + "-*")]  # -wal / -journal if present
        return b"".join(f.read_bytes() for f in files if f.is_file())
    libpq = url.replace("postgresql+psycopg://", "postgresql://", 1)
    if shutil.which("pg_dump"):
        return subprocess.run(
            ["pg_dump", "--no-owner", "--inserts", libpq], check=True, capture_output=True
        ).stdout
    engine = sa.create_engine(url)
    chunks: list[bytes] = []
    with engine.connect() as conn:
        for table in sa.inspect(conn).get_table_names():
            for row in conn.execute(sa.text(f'SELECT * FROM "{table}"')):
                chunks.append(repr(tuple(row)).encode())
    engine.dispose()
    return b"\n".join(chunks)


def add_two_clients(cli, setup_group, tmp_path: Path) -> None:
    setup_group()
    options = []
    for key, flag in (
        ("full_name", "--full-name"),
        ("date_of_birth", "--dob"),
        ("address", "--address"),
        ("phone", "--phone"),
        ("email", "--email"),
        ("medicare", "--medicare"),
        ("crn", "--crn"),
        ("notes", "--notes"),
    ):
        options += [flag, JANE[key]]
    for alias in JANE["aliases"]:
        options += ["--alias", alias]
    cli.ok(
        "client",
        "add",
        "--code",
        "U1R-014",
        "--agency",
        "Micah Projects",
        "--key-worker",
        "U0KW00001",
        *options,
    )
    path = write_clients_json(
        tmp_path / "tom.json",
        {**TOM, "code": "U1R-015", "agency": "Micah Projects", "key_worker": "U0KW00001"},
    )
    cli.ok("client", "add", "--from-json", str(path))


def container(cli):
    return build(load_settings(cli.env), clock=cli.clock)


def test_no_identifier_is_stored_in_plaintext(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    cli.ok("client", "show", "U1R-014", "--reveal", "--reason", "checking housing application")

    raw = raw_database_bytes(cli.env["DATABASE_URL"])
    assert b"U1R-014" in raw and b"U1R-015" in raw, "the dump should hold the case codes"
    leaked = [m for m in plaintext_markers(JANE) + plaintext_markers(TOM) if m in raw]
    assert leaked == []


def test_details_come_back_only_through_an_audited_reveal(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    listing = cli.ok("client", "list")
    assert "U1R-014" in listing and "Quokkafield" not in listing
    shown = cli.ok("client", "show", "U1R-014")
    assert "Quokkafield" not in shown

    revealed = cli.ok("client", "show", "U1R-015", "--reveal", "--reason", "tenancy paperwork")
    assert "Thomas Brolgaway" in revealed and "1975-07-12" in revealed
    audit = cli.ok("audit", "--client", "U1R-015")
    assert "reveal" in audit and "tenancy paperwork" in audit and "secretariat@test" in audit
    assert "Brolgaway" not in audit


def test_rotation_keeps_data_readable_with_the_new_key_only(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    old_copy = tmp_path / "old.key"
    old_text = cli.key_file.read_text()

    out = cli.ok("keys", "rotate", "--keep-old-key", str(old_copy))
    assert "2 client data keys re-wrapped" in out
    assert old_copy.read_text() == old_text
    assert cli.key_file.read_text() != old_text
    assert not FileKeySource(cli.key_file).pending_path.exists()

    assert "Thomas Brolgaway" in cli.ok(
        "client", "show", "U1R-015", "--reveal", "--reason", "after key rotation"
    )
    refused = cli(
        "client",
        "show",
        "U1R-015",
        "--reveal",
        "--reason",
        "with the old key",
        env={"CASEBOT_KEY_FILE": str(old_copy)},
    )
    assert refused.code != 0
    assert "not the one this database was encrypted with" in refused.err
    assert refused.err.count("\n") == 1

    # Below the CLI too: the old key cannot unwrap any data key.
    old_key = MasterKey.parse(old_text, source="old key")
    app = container(cli)
    with app.uow() as uow:
        for row in uow.session.scalars(sa.select(ClientKey)):
            with pytest.raises(DecryptionFailed):
                old_key.unwrap(row.wrapped_key, context=f"client:{row.client_id}".encode())
    app.close()


def test_rotation_does_not_reencrypt_the_data(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    app = container(cli)
    with app.uow() as uow:
        before = dict(uow.session.execute(sa.select(Client.case_code, Client.identity_blob)).all())
    cli.ok("keys", "rotate")
    with app.uow() as uow:
        after = dict(uow.session.execute(sa.select(Client.case_code, Client.identity_blob)).all())
    app.close()
    assert before == after


def test_a_running_service_follows_a_rotation_without_restart(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    app = container(cli)  # a long-running process: its vault has the old key cached
    with app.uow() as uow:
        client = uow.clients.by_code("U1R-014")
        assert uow.vault.read_identity(uow.session, client).full_name == JANE["full_name"]
    cli.ok("keys", "rotate")
    with app.uow() as uow:
        client = uow.clients.by_code("U1R-014")
        assert uow.vault.read_identity(uow.session, client).full_name == JANE["full_name"]
    app.close()


def test_interrupted_rotation_is_finished_on_next_start(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    app = container(cli)
    source = FileKeySource(cli.key_file)
    new_key = MasterKey.generate()
    write_new_key_file(source.pending_path, new_key)  # as a rotation writes it: 0600
    with app.uow() as uow:  # the database part of a rotation committed, the rename never happened
        uow.vault.rotate(uow.session, new_key, cli.clock.now())
        uow.commit()
    app.close()
    out = cli.ok("client", "show", "U1R-014", "--reveal", "--reason", "after interrupted rotation")
    assert JANE["full_name"] in out
    assert MasterKey.parse(cli.key_file.read_text(), source="k").key_id == new_key.key_id


def test_purge_makes_details_undecryptable_by_any_key(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    old_copy = tmp_path / "before-purge.key"
    cli.ok("keys", "rotate", "--keep-old-key", str(old_copy))  # an old key exists too
    app = container(cli)
    with app.uow() as uow:
        client = uow.clients.by_code("U1R-014")
        wrapped = uow.session.get(ClientKey, client.id).wrapped_key
        blob = client.identity_blob
    app.close()

    out = cli.ok("client", "purge", "U1R-014", "--reason", "retention period ended", "--yes")
    assert "destroyed" in out

    refused = cli("client", "show", "U1R-014", "--reveal", "--reason", "after the purge")
    assert refused.code != 0 and "purged" in refused.err
    assert "U1R-014" in cli.ok("client", "list") and "purged" in cli.ok("client", "list")

    raw = raw_database_bytes(cli.env["DATABASE_URL"])
    assert wrapped not in raw and blob not in raw
    app = container(cli)
    with app.uow() as uow:
        client = uow.clients.by_code("U1R-014")
        assert uow.session.get(ClientKey, client.id) is None
        assert client.identity_blob is None
        for key in (
            MasterKey.parse(cli.key_file.read_text(), source="current"),
            MasterKey.parse(old_copy.read_text(), source="old"),
        ):
            vault = Vault(_Fixed(key))
            with pytest.raises(Shredded):
                vault.read_identity(uow.session, client)
        # The other client is untouched.
        other = uow.clients.by_code("U1R-015")
        assert uow.vault.read_identity(uow.session, other).full_name == TOM["full_name"]
    app.close()
    audit = cli.ok("audit", "--client", "U1R-014")
    assert "purge" in audit and "retention period ended" in audit


def test_rotating_after_a_purge_makes_older_backups_unreadable(cli, setup_group, tmp_path):
    """A backup taken before a purge still holds the wrapped data key; the documented remedy is a
    rotation (old key destroyed), after which no key that exists can unwrap it."""
    add_two_clients(cli, setup_group, tmp_path)
    app = container(cli)
    with app.uow() as uow:
        client = uow.clients.by_code("U1R-014")
        backup_wrapped = uow.session.get(ClientKey, client.id).wrapped_key
        client_id = client.id
    app.close()
    cli.ok("client", "purge", "U1R-014", "--reason", "retention period ended", "--yes")
    cli.ok("keys", "rotate")
    current = MasterKey.parse(cli.key_file.read_text(), source="current")
    with pytest.raises(DecryptionFailed):
        current.unwrap(backup_wrapped, context=f"client:{client_id}".encode())


class _Fixed:
    def __init__(self, key: MasterKey) -> None:
        self.key = key

    def load(self, expected_id: str | None = None) -> MasterKey:
        return self.key

    def describe(self) -> str:
        return "a test key"


def test_missing_key_is_an_error_not_a_new_key(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    original = cli.key_file.read_bytes()
    cli.key_file.unlink()
    for args in (("client", "list"), ("status",), ("init",)):
        result = cli(*args)
        assert result.code != 0, args
        assert "master key file" in result.err and "missing" in result.err
    assert not cli.key_file.exists(), "init must never create a new key over existing data"
    cli.key_file.write_bytes(original)  # restored from a backup, but readable by anyone
    exposed = cli("client", "list")
    assert exposed.code != 0 and f"chmod 600 {cli.key_file}" in exposed.err
    cli.key_file.chmod(0o600)
    assert "U1R-014" in cli.ok("client", "list")


def test_wrong_key_at_startup_is_a_clear_error(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    other = tmp_path / "other.key"
    write_new_key_file(other, MasterKey.generate())
    for args in (
        ("status",),
        ("init",),
        (
            "client",
            "add",
            "--code",
            "U1R-099",
            "--agency",
            "Micah Projects",
            "--key-worker",
            "U0KW00001",
        ),
    ):
        result = cli(*args, env={"CASEBOT_KEY_FILE": str(other)})
        assert result.code != 0, args
        assert "not the one this database was encrypted with" in result.err
    assert "U1R-099" not in cli.ok("client", "list")


def test_malformed_key_file_names_the_file(cli, setup_group, tmp_path):
    setup_group()
    bad = tmp_path / "bad.key"
    bad.write_text("not a key")
    bad.chmod(0o600)
    result = cli("status", env={"CASEBOT_KEY_FILE": str(bad)})
    assert result.code != 0 and str(bad) in result.err


def test_records_cannot_be_swapped_between_clients(cli, setup_group, tmp_path):
    add_two_clients(cli, setup_group, tmp_path)
    app = container(cli)
    with app.uow() as uow:
        jane, tom = uow.clients.by_code("U1R-014"), uow.clients.by_code("U1R-015")
        jane.identity_blob, tom.identity_blob = tom.identity_blob, jane.identity_blob
        with pytest.raises(VaultError):
            uow.vault.read_identity(uow.session, jane)
    app.close()


def test_a_serving_process_forgets_a_client_purged_elsewhere(world):
    """The purge runs in the secretariat's shell; the bot's own process holds compiled patterns
    of every client's details until its next tick, which drops them."""
    import sqlalchemy as sa

    import bot.deidentify as engine
    from bot.services import privacy

    w = world()
    with w.ctx.uow() as uow:
        privacy.redact(uow, "Jane Quokkafield moved", None)
    assert engine._matcher.cache_info().currsize >= 1
    engine_url = w.cli.env["DATABASE_URL"]
    other = sa.create_engine(engine_url)  # as another process would purge: not this one's cache
    with other.begin() as conn:
        conn.execute(sa.text("UPDATE clients SET purged_at = created_at, identity_blob = NULL "
                             "WHERE case_code = 'U1R-014'"))
    other.dispose()
    w.tick("2026-11-26T10:00+10:00")
    assert engine._matcher.cache_info().currsize == 0
