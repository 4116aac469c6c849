"""The only code that encrypts or decrypts a client's identifiable details.

Envelope encryption: each client has a random data key; the data key is stored wrapped by the
master key; the identity record is sealed with the data key. Rotation re-wraps data keys only;
purging deletes the wrapped data key, and once the master key that wrapped it is destroyed (a
rotation) no copy of it left anywhere can be unwrapped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.domain import ClientIdentity, VaultError
from storage import register
from storage.crypto import DecryptionFailed, MasterKey, new_data_key, open_sealed, seal
from storage.keyfile import KeySource, MissingMasterKey
from storage.models import Client, ClientKey, Draft, Update, VaultState

T = TypeVar("T")


class WrongMasterKey(VaultError):
    pass


class Shredded(VaultError):
    """The client's data key was destroyed: their details are gone for good."""


def _key_context(client_id: int) -> bytes:
    return f"client:{client_id}".encode()


def _identity_context(client_id: int) -> bytes:
    return f"client:{client_id}:identity".encode()


def _open_identity(client_id: int, code: str, blob: bytes, data_key: bytes) -> ClientIdentity:
    try:
        plaintext = open_sealed(data_key, blob, context=_identity_context(client_id))
    except DecryptionFailed:
        raise VaultError(f"{code}'s record failed its integrity check") from None
    return ClientIdentity.from_dict(json.loads(plaintext))


class Vault:
    """Seals and opens client records. Holds the master key in memory, never in the database."""

    def __init__(self, source: KeySource) -> None:
        self._source = source
        self._key: MasterKey | None = None
        self.register = register.RegisterCache()  # this process's decrypted register

    @property
    def source(self) -> KeySource:
        return self._source

    def _current(self, expected_id: str | None = None) -> MasterKey:
        if self._key is None or (expected_id and self._key.key_id != expected_id):
            self._key = self._source.load(expected_id)
        return self._key

    def key_for(self, key_id: str) -> MasterKey:
        """The master key with fingerprint ``key_id``, re-reading the source once if rotated."""
        key = self._current(key_id)
        if key.key_id != key_id:
            raise WrongMasterKey(
                f"the master key in {self._source.describe()} (key {key.key_id}) is not the one "
                f"this database was encrypted with (key {key_id}); restore the right key from "
                "your backup (after a rotation, the new one) or point CASEBOT_KEY_FILE or "
                "CASEBOT_MASTER_KEY at it. Casebot never makes a new key over existing data"
            )
        return key

    # --- lifecycle ------------------------------------------------------------------------------

    def state(self, session: Session) -> VaultState | None:
        return session.get(VaultState, 1)

    def initialise(self, session: Session, now: dt.datetime) -> str:
        """Record the master key's fingerprint on first use; check it on every later use."""
        state = self.state(session)
        if state is None:
            key = self._current()
            session.add(VaultState(id=1, master_key_id=key.key_id, created_at=now))
            session.flush()
            return key.key_id
        self.key_for(state.master_key_id)
        return state.master_key_id

    def verify(self, session: Session) -> str:
        """Fail clearly unless the configured key opens this database's register."""
        state = self.state(session)
        if state is None:
            raise VaultError("this database has no client register yet; run `casebot init`")
        try:
            return self.key_for(state.master_key_id).key_id
        except MissingMasterKey as exc:
            # The register exists, so this is no new installation: only the key will do.
            raise MissingMasterKey(
                f"{exc.message.partition(';')[0]}, and this database's register is encrypted "
                f"with it (key {state.master_key_id}); restore it from your backup or set "
                "CASEBOT_KEY_FILE to where it is. Casebot never makes a new key over existing data"
            ) from None

    def _locked_state(self, session: Session) -> VaultState:
        # FOR UPDATE makes a concurrent rotation and a new client's key take turns (PostgreSQL);
        # SQLite serialises writers by itself.
        state = session.execute(
            select(VaultState).where(VaultState.id == 1).with_for_update()
        ).scalar_one_or_none()
        if state is None:
            raise VaultError("this database has no client register yet; run `casebot init`")
        return state

    # --- records --------------------------------------------------------------------------------

    def _data_key(self, session: Session, client: Client, *, create: bool) -> bytes:
        row = session.get(ClientKey, client.id)
        if row is None:
            if client.purged_at is not None:
                raise Shredded(f"{client.case_code}'s details were purged and cannot be recovered")
            if not create:
                raise VaultError(f"{client.case_code} has no encryption key")
            state = self._locked_state(session)
            master = self.key_for(state.master_key_id)
            data_key = new_data_key()
            session.add(
                ClientKey(
                    client_id=client.id,
                    wrapped_key=master.wrap(data_key, context=_key_context(client.id)),
                    master_key_id=master.key_id,
                    created_at=client.created_at,
                )
            )
            session.flush()
            return data_key
        master = self.key_for(row.master_key_id)
        return master.unwrap(row.wrapped_key, context=_key_context(client.id))

    def store_identity(self, session: Session, client: Client, identity: ClientIdentity) -> None:
        if client.id is None:
            session.flush()
        data_key = self._data_key(session, client, create=True)
        plaintext = json.dumps(identity.to_dict(), separators=(",", ":")).encode()
        client.identity_blob = seal(data_key, plaintext, context=_identity_context(client.id))
        register.bump(session)

    def read_identity(self, session: Session, client: Client) -> ClientIdentity:
        if client.purged_at is not None:
            raise Shredded(f"{client.case_code}'s details were purged and cannot be recovered")
        if client.identity_blob is None:
            return ClientIdentity()
        data_key = self._data_key(session, client, create=False)
        return _open_identity(client.id, client.case_code, client.identity_blob, data_key)

    def read_register(
        self, session: Session, keep: Callable[[Sequence[tuple[str, ClientIdentity]]], T]
    ) -> T:
        """Every unpurged client's case code and identity, as ``keep`` shapes them (once per
        register version and process; it may not hold the session or anything of it).

        One read of the version; when it changed, one query for the records and their keys.
        A transaction that changed the register reads it afresh and keeps no copy."""
        version = None if register.changed_here(session) else register.current(session)
        if version is not None:
            kept = self.register.get(version)
            if kept is not None:
                return kept  # type: ignore[no-any-return]
        rows = session.execute(
            select(Client.id, Client.case_code, Client.identity_blob, ClientKey.wrapped_key,
                   ClientKey.master_key_id)
            .outerjoin(ClientKey, ClientKey.client_id == Client.id)
            .where(Client.purged_at.is_(None), Client.identity_blob.is_not(None))
            .order_by(Client.id)
        ).all()
        entries = []
        for client_id, code, blob, wrapped, master_key_id in rows:
            if wrapped is None:
                raise VaultError(f"{code} has no encryption key")
            data_key = self.key_for(master_key_id).unwrap(wrapped, context=_key_context(client_id))
            entries.append((code, _open_identity(client_id, code, blob, data_key)))
        shaped = keep(entries)
        if version is not None:
            self.register.put(version, shaped)
        return shaped

    def forget_register(self) -> None:
        """Drop this process's decrypted register (on shutdown)."""
        self.register.clear()

    def seal_text(self, session: Session, client: Client, text: str, *, purpose: str) -> bytes:
        """Encrypt free text about a client (e.g. an update's raw wording) with their data key."""
        data_key = self._data_key(session, client, create=True)
        return seal(data_key, text.encode(), context=f"client:{client.id}:{purpose}".encode())

    def open_text(self, session: Session, client: Client, blob: bytes, *, purpose: str) -> str:
        data_key = self._data_key(session, client, create=False)
        return open_sealed(
            data_key, blob, context=f"client:{client.id}:{purpose}".encode()
        ).decode()

    # --- rotation and shredding ----------------------------------------------------------------

    def rotate(self, session: Session, new_key: MasterKey, now: dt.datetime) -> int:
        """Re-wrap every data key under ``new_key`` in the caller's transaction; data untouched."""
        state = self._locked_state(session)
        old = self.key_for(state.master_key_id)
        rows = session.execute(select(ClientKey).with_for_update()).scalars().all()
        for row in rows:
            if row.master_key_id != old.key_id:
                raise WrongMasterKey(
                    f"a data key is wrapped by key {row.master_key_id}, not the current key "
                    f"{old.key_id}; restore the database or the key before rotating"
                )
            context = _key_context(row.client_id)
            row.wrapped_key = new_key.wrap(
                old.unwrap(row.wrapped_key, context=context), context=context
            )
            row.master_key_id = new_key.key_id
        state.master_key_id = new_key.key_id
        register.bump(session)  # every process reads its keys again
        # Never earlier than a purge already made (clocks differ between hosts): a purge is final
        # when the key that wrapped its data key is gone, i.e. when rotated_at >= purged_at.
        last_purge = session.scalar(select(func.max(Client.purged_at)))
        state.rotated_at = max(now, last_purge) if last_purge else now
        session.flush()
        return len(rows)

    def shred(self, session: Session, client: Client, now: dt.datetime) -> dt.datetime:
        """Destroy the client's data key and every ciphertext made with it; returns ``purged_at``.

        Old copies of the wrapped data key (backups, PostgreSQL's dead rows and WAL) open only
        with the current master key: the purge is final once that key is replaced and destroyed.
        """
        state = self._locked_state(session)  # takes turns with a rotation
        if state.rotated_at is not None and state.rotated_at >= now:
            # After the last rotation, whatever the clocks say: this key still opens old copies.
            now = state.rotated_at + dt.timedelta(microseconds=1)
        key_row = session.get(ClientKey, client.id)
        if key_row is not None:
            session.delete(key_row)
        client.identity_blob = None
        client.purged_at = now
        register.bump(session)  # every process drops the client's details at its next read
        session.execute(update(Update).where(Update.client_id == client.id).values(sealed_raw=None))
        # Unconfirmed drafts hold the author's words sealed with the same data key.
        session.execute(delete(Draft).where(Draft.client_id == client.id))
        session.flush()
        return now

    def unfinished_purges(self, session: Session) -> list[Client]:
        """Purged clients whose data key's master key may still exist (no rotation since)."""
        state = self.state(session)
        query = select(Client).where(Client.purged_at.is_not(None)).order_by(Client.purged_at)
        if state is not None and state.rotated_at is not None:
            query = query.where(Client.purged_at > state.rotated_at)
        return list(session.scalars(query))
