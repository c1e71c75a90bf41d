"""Credentials and post-nominals written after a display name (``Jessica Harper, HCA``).

Professional networks show names such as ``Minh Nguyen, MD FRCPC`` or ``Jane Doe, LCSW-C``: the part after
the comma is not part of the name, and keeping it splits one person into two (one conversation into two
threads) and hides the person from a name match. Readers strip it where they build a display name.
"""

from __future__ import annotations

import re

# Mixed-case degrees and suffixes that the all-capitals rule does not cover.
_MIXED = {
    "phd",
    "psyd",
    "edd",
    "msc",
    "bsc",
    "med",
    "mba",
    "msw",
    "mphil",
    "dphil",
    "jr",
    "sr",
    "esq",
    "ii",
    "iii",
    "iv",
    "dnp",
    "pharmd",
    "mres",
    "ma",
    "ba",
    "bs",
    "ms",
    "mn",
    "bn",
    "hons",
    "cert",
    "dip",
    "dipl",
    "reg",
    "ret",
    "emer",
}
_WORD = re.compile(r"^[A-Za-z0-9.()&®©™+\-']{1,14}$")


def is_postnominal(part: str) -> bool:
    """True when ``part`` (a comma-separated piece after a name) reads as credentials: every word is in
    capitals (``MD``, ``FRCPC``, ``LCSW-C``, ``R.N.``), a known degree (``PhD``, ``MSc``) or a registered mark."""
    words = [w for w in re.split(r"[\s/]+", part.strip()) if w]
    if not words or len(words) > 6:
        return False
    return all(_credential_word(word) for word in words)


def _credential_word(word: str) -> bool:
    if not _WORD.match(word):
        return False
    letters = re.sub(r"[^A-Za-z]", "", word)
    if not letters:
        return False
    if "®" in word or letters.casefold() in _MIXED:
        return True
    return letters.isupper() and len(letters) >= 2


def strip_postnominals(name: str) -> str:
    """``name`` without trailing comma-separated credentials.

    What is left must still hold two words, so ``Doe, JANE`` (last name first, in capitals) is kept whole.
    """
    parts = name.split(",")
    keep = len(parts)
    while keep > 1 and is_postnominal(parts[keep - 1]):
        keep -= 1
    if keep == len(parts) or len(",".join(parts[:keep]).split()) < 2:
        return name.strip()
    return ",".join(parts[:keep]).strip()
