"""An independent leak finder for redacted reports: what of a client list is still readable in a text.

It does not use the masker. It normalizes the report text the way the matcher does and looks for every
variant the matcher generates for each client (names, aliases, nicknames with surnames, reversed names,
handles), single names and surnames written as names (capitalised), nicknames alone when capitalised, and
the e-mail addresses and phone numbers in the list's notes.
"""

from __future__ import annotations

import re

from checks.analysis.normalize import NormText, normalize
from checks.names import client_variants
from scanner.clients import Client

_STRONG = {"full_name", "first_last", "reversed", "alias", "nickname", "handle_text", "handle"}
_AS_NAME = {"first_name", "surname", "nickname_alone"}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.I)


def leaks(text: str, clients: list[Client]) -> list[str]:
    """Every client variant, e-mail or phone number of the list that ``text`` still shows."""
    norm = NormText.of(text)
    padded = norm.text
    found: list[str] = []
    for client in clients:
        for v in client_variants(client):
            if len(v.text.replace(" ", "")) < 3 or f" {v.text} " not in padded:
                continue
            if v.how in _STRONG or (v.how in _AS_NAME and _written_as_name(norm, v.text)):
                found.append(f"{client.id}:{v.how}:{v.text}")
        for email in _EMAIL.findall(client.notes or ""):
            if email.casefold() in text.casefold():
                found.append(f"{client.id}:e-mail")
        for run in re.findall(r"\d[\d\s().-]{5,}\d", client.notes or ""):
            phone = re.sub(r"\D", "", run)
            if len(phone) >= 7 and _as_phone(phone[-7:]).search(text):
                found.append(f"{client.id}:phone")
    return found


def _as_phone(digits: str) -> re.Pattern[str]:
    """The digits written as a phone number is (any spaces, dots, dashes, slashes or brackets between them), not
    the same digits scattered through a document ("x=\"200.0\" … 2023" in a chart is no "(200) 200-2200")."""
    return re.compile(r"(?<!\d)" + r"[\s().\-/]{0,3}".join(digits) + r"(?!\d)")


def _written_as_name(norm: NormText, word: str) -> bool:
    """Some occurrence of ``word`` in the text starts with a capital letter (a name, not an ordinary word)."""
    for m in re.finditer(f" {re.escape(word)} ", norm.text):
        s, _ = norm.span(m.start() + 1, m.end() - 1)
        written = norm.original[s : s + len(word) + 4]
        if written[:1].isupper() and normalize(written).startswith(word):
            return True
    return False
