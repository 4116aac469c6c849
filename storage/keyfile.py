"""Where the master key lives: a 0600 file beside the data, or an inline environment value."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import BinaryIO, Protocol

from bot.errors import VaultError
from storage.crypto import MasterKey


class KeySource(Protocol):
    """Gives the current master key; asked again when the database says the key has rotated."""

    def load(self, expected_id: str | None = None) -> MasterKey: ...

    def describe(self) -> str: ...


class MissingMasterKey(VaultError):
    pass


class ExposedKeyFile(VaultError):
    """The key file can be read (or changed) by users other than its owner."""


# Group and others: any of their bits. Reading leaks every client's details; writing lets
# someone swap the key. The owner's own bits are the owner's business (0400 is fine).
SHARED_BITS = stat.S_IRWXG | stat.S_IRWXO


def exposed_mode(path: Path) -> int | None:
    """The file's permission bits when group or others have any, else None (None too when
    there is no file: that is another problem, reported as such)."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None
    return mode if mode & SHARED_BITS else None


def exposed_message(path: Path, mode: int) -> str:
    return (
        f"the master key file {path} is open to other users of this machine (permissions "
        f"{mode:03o}), and it unlocks every client's details; make it yours alone with: "
        f"chmod 600 {path}"
    )


class InlineKeySource:
    def __init__(self, encoded: str, variable: str = "CASEBOT_MASTER_KEY") -> None:
        self._encoded = encoded
        self._variable = variable

    def load(self, expected_id: str | None = None) -> MasterKey:
        return MasterKey.parse(self._encoded, source=self._variable)

    def describe(self) -> str:
        return self._variable


class FileKeySource:
    """Reads the key file on every :meth:`load`, so a running service picks up a rotated key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def pending_path(self) -> Path:
        return self.path.with_name(self.path.name + ".new")

    def exists(self) -> bool:
        return self.path.is_file()

    def load(self, expected_id: str | None = None) -> MasterKey:
        if not self.path.is_file():
            raise MissingMasterKey(
                f"the master key file {self.path} is missing; restore it from your backup or set "
                "CASEBOT_KEY_FILE to where it is (on a new installation run `casebot init`)"
            )
        key = self._read(self.path)
        if expected_id and key.key_id != expected_id and self.pending_path.is_file():
            # A rotation committed to the database but stopped before moving its new key into
            # place: the pending file is the key the data now needs, so finish the move.
            pending = self._read(self.pending_path)
            if pending.key_id == expected_id:
                self.promote_pending(pending.key_id)
                return pending
        return key

    def promote_pending(self, key_id: str) -> bool:
        """Move the pending key (fingerprint ``key_id``) over the key file, then overwrite the old
        key file's bytes. Returns False if they could not be overwritten (the move still happens).

        The old file is opened before the move, so what gets overwritten is the old key even when
        another process finishes the same move meanwhile, and the key file's path always holds a
        whole key for the services reading it. Best effort: SSDs, copy-on-write filesystems and
        copies or backups of the old file may keep its bytes.
        """
        old: BinaryIO | None = None
        destroyed = True
        try:
            old = self.path.open("r+b")
        except FileNotFoundError:
            pass  # no old key to destroy
        except OSError:
            destroyed = False  # read-only: it can still be replaced, not overwritten
        try:
            if old is not None and _key_id_of(old.read()) == key_id:
                return True  # another process finished the move: this file is the new key
            try:
                os.replace(self.pending_path, self.path)
            except FileNotFoundError:
                if _key_id_of(self.path.read_bytes()) != key_id:
                    raise
            if old is not None:
                _overwrite(old)
            return destroyed
        finally:
            if old is not None:
                old.close()

    def _read(self, path: Path) -> MasterKey:
        mode = exposed_mode(path)
        if mode is not None:  # refused, not fixed: someone may already have copied it
            raise ExposedKeyFile(exposed_message(path, mode))
        try:
            text = path.read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError):
            raise VaultError(
                f"the master key file {path} cannot be read; check its owner and permissions"
            ) from None
        return MasterKey.parse(text, source=f"the key file {path}")

    def describe(self) -> str:
        return f"the key file {self.path}"


def write_new_key_file(path: Path, key: MasterKey) -> None:
    """Create ``path`` holding ``key``, readable by its owner only; never overwrite a key."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise VaultError(f"{path} already exists; Casebot never overwrites a key file") from None
    except OSError as exc:
        raise VaultError(f"cannot write the key file {path} ({exc.strerror})") from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.encode() + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _key_id_of(content: bytes) -> str | None:
    try:
        return MasterKey.parse(content.decode("ascii"), source="a key file").key_id
    except (VaultError, UnicodeDecodeError):
        return None


def _overwrite(handle: BinaryIO) -> None:
    """Zero a file's bytes in place and flush them to the disk."""
    size = os.fstat(handle.fileno()).st_size
    handle.seek(0)
    handle.write(bytes(size))
    handle.flush()
    os.fsync(handle.fileno())


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
