"""Envelope encryption primitives: AES-256-GCM data keys wrapped by a master key.

Every ciphertext is bound (as associated data) to what it belongs to, so a wrapped key or a sealed
record copied onto another client's row fails to decrypt instead of revealing the wrong person.

``cryptography`` is imported by the first encryption or decryption: checking the master key
needs only its fingerprint, so an idle tick never loads it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os

from bot.errors import VaultError

KEY_BYTES = 32
NONCE_BYTES = 12
FORMAT_V1 = b"\x01"


class DecryptionFailed(VaultError):
    """Authentication failed: wrong key, or data tampered with or moved."""


class MasterKey:
    """The key that wraps every client's data key. Kept outside the database."""

    __slots__ = ("_raw", "key_id")

    def __init__(self, raw: bytes) -> None:
        if len(raw) != KEY_BYTES:
            raise VaultError(f"a master key must be {KEY_BYTES} bytes")
        self._raw = raw
        # A fingerprint that names the key without revealing it (HMAC, not a plain hash of it).
        self.key_id = hmac.new(raw, b"casebot/master-key-id/v1", hashlib.sha256).hexdigest()[:16]

    def __repr__(self) -> str:
        return f"MasterKey(key_id={self.key_id!r})"

    @classmethod
    def generate(cls) -> MasterKey:
        return cls(os.urandom(KEY_BYTES))

    @classmethod
    def parse(cls, text: str, *, source: str) -> MasterKey:
        """Read the base64 form written by :meth:`encode`; ``source`` names where it came from."""
        try:
            raw = base64.urlsafe_b64decode(text.strip().encode("ascii"))
        except (binascii.Error, UnicodeEncodeError, ValueError):
            raw = b""
        if len(raw) != KEY_BYTES:
            raise VaultError(
                f"{source} does not hold a Casebot master key (expected {KEY_BYTES} bytes in "
                "base64); restore the right key, or run `casebot init` on a new installation"
            )
        return cls(raw)

    def encode(self) -> str:
        return base64.urlsafe_b64encode(self._raw).decode("ascii")

    def wrap(self, data_key: bytes, *, context: bytes) -> bytes:
        return _seal(self._raw, data_key, b"casebot/dek/v1/" + context)

    def unwrap(self, blob: bytes, *, context: bytes) -> bytes:
        return _open(self._raw, blob, b"casebot/dek/v1/" + context)


def new_data_key() -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def seal(data_key: bytes, plaintext: bytes, *, context: bytes) -> bytes:
    """Encrypt a record with a client's data key."""
    return _seal(data_key, plaintext, b"casebot/record/v1/" + context)


def open_sealed(data_key: bytes, blob: bytes, *, context: bytes) -> bytes:
    return _open(data_key, blob, b"casebot/record/v1/" + context)


def _seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return FORMAT_V1 + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def _open(key: bytes, blob: bytes, aad: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != FORMAT_V1:
        raise DecryptionFailed("an encrypted value is damaged or in an unknown format")
    nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, aad)
    except InvalidTag:
        raise DecryptionFailed(
            "an encrypted value could not be authenticated with this key"
        ) from None
