"""A client's age from the client list's notes, and what it rules out.

Clinicians who see children note their age ("5 in 2019", "born 2014", "DOB 02/03/2014"). An account named like a
child client, followed or befriended when that child was under 10 (or before they were born), is someone else's:
a parent, a grandparent, an adult namesake.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from checks.analysis.normalize import fold
from scanner.clients import Client

YOUNGEST_ACCOUNT_HOLDER = 10
"""Facebook, Instagram and X accept no one under 13, but children of 10 to 12 often hold an account all the same
(a child client's follow request at 12 is the child's); under 10, an account named like them is not theirs."""

_AGE_IN_YEAR = re.compile(
    r"^(?:aged?\s+|at\s+)?(\d{1,2})(?:\s*(?:years?[- ]old|yrs?(?: old)?|y/?o|ans))?\s+(?:in|en)\s+((?:19|20)\d\d)\b"
)
"""A notes fact that is the client's age in a year: "5 in 2019", "aged 7 in 2021", "at 9 in 2016", "6 ans en
2022" (not "son 3 in 2020": a fact that starts with someone else is theirs)."""
_BORN = re.compile(r"^(?:born(?: in| on)?|dob:?|d\.o\.b\.?:?|nee? (?:en|le))\s*[^;]{0,20}?\b((?:19|20)\d\d)\b")
"""The client's birth year, alone or in a date: "born 2014", "DOB 02/03/2014", "born 2014-03-02", "born 3 March
2014", "née le 3 mars 2015" (not "son Kuba born 2021": a fact that starts with someone else is theirs). A
date-of-birth column of the client list arrives here as such a fact (scanner/clients.py)."""


@lru_cache(maxsize=4096)
def earliest_birth_year(notes: str) -> int | None:
    """The earliest year the notes allow the client to have been born in (an age in a year leaves two), or
    ``None`` when the notes give no age."""
    years: list[int] = []
    for fact in fold(notes).split(";"):
        fact = fact.strip()
        years += [int(year) - int(age) - 1 for age, year in _AGE_IN_YEAR.findall(fact)]
        years += [int(year) for year in _BORN.findall(fact)]
    return min(years) if years else None


def too_young_for_an_account(client: Client, when: datetime | None) -> bool:
    """Whether the client was surely under YOUNGEST_ACCOUNT_HOLDER at ``when`` (by the notes), so that an
    account at that time named like them is not theirs."""
    if when is None or not client.notes:
        return False
    born = earliest_birth_year(client.notes)
    return born is not None and when.year - born < YOUNGEST_ACCOUNT_HOLDER


__all__ = ["YOUNGEST_ACCOUNT_HOLDER", "earliest_birth_year", "too_young_for_an_account"]
