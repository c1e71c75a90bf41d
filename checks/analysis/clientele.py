"""Whether a clientele word belongs to a named person's trade rather than to the owner's work.

A clinician writes "clients" and "patients" about her own caseload; her posts also speak of other people's
clienteles: a sister's salon, a friend's gym, a husband's firm ("Gemma's got so many clients", "he's got 20 clients
signed up", "Julien a 12 clients ce samedi", "les patients de Julien"). A client does not have clients of their own,
so a third person (a name or he / she / they, il / elle) who has, had or books clients, with no first person between
them and the word, is someone else with a trade; so is "les patients de <Name>". The owner's own clients keep their
first person ("she has three clients after me" is still the sister's; "my clients" never reaches here).
"""

from __future__ import annotations

import re

from checks.language import is_common_word

CLIENTELE = frozenset(
    {"client", "clients", "cliente", "clientes", "patients", "patientes", "customers", "patientele", "clientele"}
)
"""The words of a clientele (folded): a person who has them practises a trade."""

_FIRST_PERSON = frozenset(
    {"i", "i'm", "i've", "me", "my", "we", "we've", "our", "us", "je", "j'ai", "moi", "mes", "mon", "ma", "nos"}
    | {"notre", "nous", "mine"}
)
_PRONOUNS = frozenset({"he", "she", "they", "il", "elle", "ils", "elles"})
_NAME = r"[A-ZÀ-Ý][a-zà-ÿ]+"
_HAS = (
    r"(?:['’]s got|['’]s|['’]d| has got| has| had| have| got| a| avait| aura| already has| still has| now has"
    r"| a deja| a encore| a déjà| booked| books| took on| takes on| is seeing| sees| saw)"
)
_WHO = rf"(?P<who>{_NAME}|(?i:he|she|they|il|elle|ils|elles))"
_HOLDER = re.compile(rf"(?:^|[\s(,;:!]){_WHO}(?:['’]s)?{_HAS}(?P<mid>(?: \S+){{0,5}}) ?$")
_OF_NAME = re.compile(rf"^ (?:de|d['’]) ?(?P<who>{_NAME})\b(?![-'’])")
_THE = re.compile(r"(?:^|\s)(?:les|des|ses|la|sa) $", re.IGNORECASE)


def _a_person(word: str) -> bool:
    """Whether a capitalised word reads as someone's name or a third-person pronoun, not a common word."""
    w = word.lower()
    if w in _PRONOUNS:
        return True
    return not (is_common_word(w, "en") or is_common_word(w, "fr"))


def someone_elses_clientele(text: str, start: int, end: int, sentence_start: int) -> str | None:
    """The person whose clientele the clientele word at ``text[start:end]`` is ("Gemma's got so many clients",
    "he's got 20 clients", "Julien a 12 clients", "les patients de Julien"), looking only inside its sentence
    (from ``sentence_start``); None when it may be the owner's (a first person between, no such holder)."""
    before = text[sentence_start:start]
    m = _HOLDER.search(before[-120:])
    if m and _a_person(m["who"]) and not any(w.lower().strip(".,!?") in _FIRST_PERSON for w in m["mid"].split()):
        return m["who"]
    after = _OF_NAME.match(text[end : end + 40])
    if after and _THE.search(before[-6:]) and _a_person(after["who"]) and after["who"].lower() not in _PRONOUNS:
        return after["who"]
    return None
