from __future__ import annotations

import pytest

from bot.domain import VaultError
from storage.crypto import DecryptionFailed, MasterKey, new_data_key, open_sealed, seal


def test_wrap_unwrap_and_bound_context():
    master, data_key = MasterKey.generate(), new_data_key()
    wrapped = master.wrap(data_key, context=b"client:1")
    assert master.unwrap(wrapped, context=b"client:1") == data_key
    with pytest.raises(DecryptionFailed):
        master.unwrap(wrapped, context=b"client:2")
    with pytest.raises(DecryptionFailed):
        MasterKey.generate().unwrap(wrapped, context=b"client:1")


def test_tampering_is_detected():
    data_key = new_data_key()
    blob = bytearray(seal(data_key, b"secret", context=b"x"))
    blob[-1] ^= 1
    with pytest.raises(DecryptionFailed):
        open_sealed(data_key, bytes(blob), context=b"x")


def test_same_text_seals_differently_each_time():
    data_key = new_data_key()
    assert seal(data_key, b"same", context=b"x") != seal(data_key, b"same", context=b"x")


def test_key_encoding_round_trip_and_repr():
    key = MasterKey.generate()
    again = MasterKey.parse(key.encode() + "\n", source="file")
    assert again.key_id == key.key_id
    assert key.encode() not in repr(key)


@pytest.mark.parametrize("text", ["", "short", "!!!!", "A" * 100])
def test_bad_key_text(text):
    with pytest.raises(VaultError, match="the key file"):
        MasterKey.parse(text, source="the key file /x")
