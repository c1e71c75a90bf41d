"""The people matcher: finds clients among people in lists and in free text.

(Interface version; the people-matcher work replaces the internals and keeps this API.)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from scanner.clients import Client, ClientList
from scanner.records import Person


@dataclass(frozen=True)
class PersonMatch:
    """A client matched to a person in a list: how (``handle``, ``x_id``, ``full_name``, ``alias``,
    ``nickname``, ``username``, ``fuzzy``) and a score in 0–1."""

    client: Client
    how: str
    score: float


@dataclass(frozen=True)
class NameHit:
    """A client's name or handle found in text at ``[start, end)`` of the ORIGINAL text.

    ``strong`` hits (full name, handle, multi-word alias) are mentions on their own; weak hits (a first
    name or nickname alone) need work context, and ``word_name`` says the name is also an ordinary word
    (Hope, Will, Grace) so it counts only when capitalised and used as a name.
    """

    client: Client
    start: int
    end: int
    text: str
    how: str
    strong: bool
    word_name: bool = False


def normalize(text: str) -> str:
    """NFKC, accents stripped, case-folded, punctuation to spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    return " ".join(text.split())


class Matcher:
    """Matches people and text against one client list."""

    def __init__(self, clients: ClientList) -> None:
        self.clients = clients
        self._by_name = {normalize(c.name): c for c in clients.clients}

    def match_person(self, person: Person, platform: str) -> PersonMatch | None:
        """The best client match for a person in a list, or ``None``."""
        if person.name and (c := self._by_name.get(normalize(person.name))):
            return PersonMatch(c, "full_name", 1.0)
        return None

    def find_in_text(self, text: str, platform: str | None = None) -> list[NameHit]:
        """Every client name / handle occurrence in ``text`` (one pass)."""
        return []
