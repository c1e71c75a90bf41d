"""The keyed hash of hashed client lists: the fast hasher gives exactly the reference HMAC."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.hashing import KeyedHasher
from checks.names import keyed_hash

KEYS = [b"k" * 32, b"short key", b"x" * 64, b"a longer key than one block " * 4, bytes(range(256))]


@pytest.mark.parametrize("key", KEYS)
def test_same_digest_as_the_reference_hmac(key: bytes) -> None:
    hasher = KeyedHasher(key)
    for text in ("jane doe", "", "zoë o’brien", "hope", "jane doe"):  # the repeat comes from the memo
        assert hasher(text) == keyed_hash(key, text)


@given(st.binary(min_size=1, max_size=150), st.text(max_size=40))
def test_any_key_and_text(key: bytes, text: str) -> None:
    try:
        expected = keyed_hash(key, text)
    except UnicodeEncodeError:  # a lone surrogate cannot be hashed either way
        with pytest.raises(UnicodeEncodeError):
            KeyedHasher(key)(text)
        return
    assert KeyedHasher(key)(text) == expected


def test_memo_is_bounded() -> None:
    hasher = KeyedHasher(b"k" * 32, memo_limit=3)
    digests = [hasher(f"name {i}") for i in range(10)]
    assert digests == [keyed_hash(b"k" * 32, f"name {i}") for i in range(10)]
    assert len(hasher._memo) == 3
    assert hasher("name 9") == keyed_hash(b"k" * 32, "name 9")  # not remembered, hashed again


def test_digest_is_not_remembered() -> None:
    key = b"agency key of thirty-two bytes!!"
    hasher = KeyedHasher(key)
    assert hasher.digest("jane doe") == keyed_hash(key, "jane doe") and not hasher._memo
