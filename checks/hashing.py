"""The keyed hash of a hashed client list, made cheap enough to apply to every word n-gram of every text.

A scan against a hashed list (``--key-file``) hashes each candidate form of a name — every one- to
four-word run of every text, every display-name form of every person in a list — and looks the digest up.
:func:`checks.names.keyed_hash` builds a new HMAC object per call (~1.3 µs); :class:`KeyedHasher` computes
the same HMAC-SHA256 (RFC 2104) from the key's inner and outer pads, hashed once (~0.5 µs), and remembers the
digests of the forms it has seen (a text's words repeat across an archive), up to a bounded number.
"""

from __future__ import annotations

import hashlib

_BLOCK = 64  # SHA-256's block size in bytes
_IPAD = bytes(b ^ 0x36 for b in range(256))
_OPAD = bytes(b ^ 0x5C for b in range(256))
MEMO_LIMIT = 200_000
"""Forms whose digest is remembered (~30 MB at most); later ones are hashed each time."""


class KeyedHasher:
    """``keyed_hash(key, text)`` — HMAC-SHA256, hex, truncated to 128 bits — for one key."""

    def __init__(self, key: bytes, memo_limit: int = MEMO_LIMIT) -> None:
        if len(key) > _BLOCK:
            key = hashlib.sha256(key).digest()
        key = key.ljust(_BLOCK, b"\0")
        self._inner = hashlib.sha256(key.translate(_IPAD))
        self._outer = hashlib.sha256(key.translate(_OPAD))
        self._memo: dict[str, str] = {}
        self._limit = memo_limit

    def __call__(self, text: str) -> str:
        """The hex digest (32 characters) of ``text``, remembered."""
        digest = self._memo.get(text)
        if digest is None:
            digest = self.digest(text)
            if len(self._memo) < self._limit:
                self._memo[text] = digest
        return digest

    def digest(self, text: str) -> str:
        """The hex digest of ``text``, not remembered (for callers that remember what they make of it)."""
        inner = self._inner.copy()
        inner.update(text.encode("utf-8"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()[:32]
