"""Pretty-printed JSON text without the standard library's pure-Python encoder.

``json.dumps(value, indent=2, ensure_ascii=False)`` cannot use the C encoder (only compact output can), and
walking a report's tens of thousands of findings through the generator-based Python one costs seconds.
:func:`dumps_indented` writes exactly the same text for the values a report holds (dicts with string keys,
lists, tuples, strings, numbers, booleans and ``None``), joining strings instead of yielding pieces, with the
strings escaped by the same C function; anything else goes to the standard encoder.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C escaper when available
from typing import Any

_STANDARD = json.JSONEncoder(indent=2, ensure_ascii=False)
_INF = float("inf")


def _float(value: float) -> str:
    """A float as the standard encoder writes it (``allow_nan``)."""
    if value != value:
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return float.__repr__(value)


def _text(value: Any, newline: str) -> str:
    """``value`` as JSON text; ``newline`` is a line break followed by the indentation of ``value``'s line."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    inner = newline + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not all(isinstance(k, str) for k in value):
            return _STANDARD.encode(value).replace("\n", newline)
        items = [encode_basestring(k) + ": " + _text(v, inner) for k, v in value.items()]
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join([_text(v, inner) for v in value]) + newline + "]"
    return _STANDARD.encode(value).replace("\n", newline)


def dumps_indented(value: Any) -> str:
    """The same text as ``json.dumps(value, indent=2, ensure_ascii=False)``."""
    return _text(value, "\n")
