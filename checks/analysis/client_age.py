"""A client's age from the client list's notes, and what it rules out.

Clinicians who see children note their age ("5 in 2019", "born 2014", "DOB 02/03/2014"). Facebook, Instagram
and X accept no one under 13, so an account named like a child client, followed or befriended when that child was
under 13 (or before they were born), is someone else's: a parent, a grandparent, an adult namesake.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from checks.analysis.normalize import fold
from scanner.clients import Client

MINIMUM_ACCOUNT_AGE = 13
"""The youngest age at which Facebook, Instagram and X let anyone hold an account (LinkedIn: 16)."""

_AGE_IN_YEAR = re.compile(
    r"(?:^|\b(?:aged?|at)\s+)(\d{1,2})(?:\s*(?:years?[- ]old|yrs?(?: old)?|y/?o|ans))?\s+(?:in|en)\s+((?:19|20)\d\d)\b"
)
"""A notes fact that is an age in a year: "5 in 2019", "aged 7 in 2021", "at 9 in 2016", "6 ans en 2022"."""
_BORN = re.compile(r"\b(?:born(?: in)?|nee? en|nee? le|dob:?)\s*(?:\d{1,2}[/.-]\d{1,2}[/.-])?((?:19|20)\d\d)\b")
"""A birth year, alone or at the end of a date: "born 2014", "DOB 02/03/2014", "née en 2015"."""
_ISO_BORN = re.compile(r"\b(?:born|dob:?|nee? le)\s*((?:19|20)\d\d)-\d\d-\d\d\b")
"""A birth date written year first: "DOB 2014-03-02"."""


@lru_cache(maxsize=4096)
def earliest_birth_year(notes: str) -> int | None:
    """The earliest year the notes allow the client to have been born in (an age in a year leaves two), or
    ``None`` when the notes give no age."""
    years: list[int] = []
    for fact in fold(notes).split(";"):
        fact = fact.strip()
        years += [int(year) - int(age) - 1 for age, year in _AGE_IN_YEAR.findall(fact)]
        years += [int(year) for year in (*_BORN.findall(fact), *_ISO_BORN.findall(fact))]
    return min(years) if years else None


def too_young_for_an_account(client: Client, when: datetime | None) -> bool:
    """Whether the client was surely under MINIMUM_ACCOUNT_AGE at ``when`` (by the notes), so that an account
    at that time named like them is not theirs."""
    if when is None or not client.notes:
        return False
    born = earliest_birth_year(client.notes)
    return born is not None and when.year - born < MINIMUM_ACCOUNT_AGE


__all__ = ["MINIMUM_ACCOUNT_AGE", "earliest_birth_year", "too_young_for_an_account"]
