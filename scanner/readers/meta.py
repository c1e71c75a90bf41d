"""Helpers shared by the Meta readers (Facebook, Instagram)."""

from __future__ import annotations

from typing import Any


def fix_mojibake(text: str) -> str:
    """Repair Meta's JSON encoding, where every UTF-8 byte was written as its own ``\\u00XX`` escape.

    ``"T\\u00c5\\u0091ke"`` arrives as ``'TÅ\\x91ke'`` and becomes ``'Tőke'``. Strings that are already
    correct (any character above U+00FF, or bytes that are not valid UTF-8) are returned unchanged.
    """
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def fix_tree(value: Any) -> Any:
    """Apply :func:`fix_mojibake` to every string (keys too) in a parsed JSON value."""
    if isinstance(value, str):
        return fix_mojibake(value)
    if isinstance(value, list):
        return [fix_tree(v) for v in value]
    if isinstance(value, dict):
        return {fix_mojibake(k): fix_tree(v) for k, v in value.items()}
    return value
