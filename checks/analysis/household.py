"""The household rule: a client's first name that the owner writes about their own life is someone in it.

A text that finds a client by a first name alone ("Autumn's first day of kindergarten", "Summer's got swimming
after") is about a daughter, a husband or a friend of that name when the owner writes the name in many texts with
no work or health word at all. Each check that reports on first names alone (client-mention, work-related-post)
counts the same votes over the scan's every archive and sets such findings aside at the end of the scan.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from checks.analysis.mentions import Mentions

HOUSEHOLD_TEXTS = 5
"""Texts with no work or health word that must use a first name (and at least twice as many as the texts where
a work or health word next to it made it a client's: the vocabulary model's reading of a whole text is no vote,
"washing on, Euan asleep on the couch by 9") before the name counts as someone in the owner's life. On the
tuning corpora: 13 wrong first-name findings at 5 and none right; at 4, 17 wrong and 3 right."""


@dataclass
class FirstNameVotes:
    """How often each client first name (folded) was written in a text about the owner's own life, and in a text
    where it was taken for a client."""

    personal: Counter[str] = field(default_factory=Counter)
    as_client: Counter[str] = field(default_factory=Counter)

    def see(self, mentions: Mentions) -> frozenset[str] | None:
        """Count one text's votes; return the first names its client findings rest on alone (``None`` when a full
        name, handle or description also identifies a client, or no client was found)."""
        self.personal.update(mentions.personal_first_names)
        names = mentions.first_names_alone()
        if names:
            self.as_client.update(names - mentions.by_words_only)
        return names

    def add(self, other: FirstNameVotes) -> None:
        """Add another archive's or batch's votes."""
        self.personal.update(other.personal)
        self.as_client.update(other.as_client)

    def household(self) -> set[str]:
        """The first names of people in the owner's life (see HOUSEHOLD_TEXTS)."""
        return {n for n, count in self.personal.items() if count >= max(HOUSEHOLD_TEXTS, 2 * self.as_client[n])}


T = TypeVar("T")


@dataclass
class Household(Generic[T]):
    """What a check keeps for the household rule, per batch, archive or scan: the first-name votes and the findings
    (``T``) waiting on the names they rest on."""

    votes: FirstNameVotes = field(default_factory=FirstNameVotes)
    waiting: list[tuple[frozenset[str], T]] = field(default_factory=list)
    public: set[str] = field(default_factory=set)
    """Clients (ids) whose name an account the owner follows bears, taken for a public figure's page."""
    namesakes: list[tuple[frozenset[str], T]] = field(default_factory=list)
    """Findings on full names alone, waiting with their client ids on :attr:`public`."""

    def add(self, other: Household[T]) -> None:
        """Add another batch's or archive's votes and waiting findings (in record order)."""
        self.votes.add(other.votes)
        self.waiting.extend(other.waiting)
        self.public |= other.public
        self.namesakes.extend(other.namesakes)

    def split(self) -> tuple[list[T], list[T]]:
        """The waiting findings whose names are not all of the household (the clients'), and those whose names
        are (the owner's own life); a finding on full names alone goes with the second when every client it names
        shares the name of a public figure the owner follows ("Tom Jones in Cardiff Bay tonight", the singer's
        page followed)."""
        home = self.votes.household()
        kept = [t for names, t in self.waiting if not names <= home]
        aside = [t for names, t in self.waiting if names <= home]
        kept += [t for ids, t in self.namesakes if not ids <= self.public]
        aside += [t for ids, t in self.namesakes if ids <= self.public]
        return kept, aside


__all__ = ["HOUSEHOLD_TEXTS", "FirstNameVotes", "Household"]
