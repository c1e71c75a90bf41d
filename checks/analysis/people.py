"""People matching as the checks use it: the matcher's answer for a person, its report form, and the
former-client severity rule shared by every check that reports a client."""

from __future__ import annotations

import re
from collections.abc import Iterable

from checks.analysis.normalize import fold
from checks.analysis.word_lists import word_set
from checks.base import CheckContext, ClientMatch, Severity
from checks.matching import PersonMatch
from checks.policy import Policy
from scanner.records import Person

_USERNAME_LIKE = re.compile(r"^@?[\w.]{2,40}$")


def match_person(ctx: CheckContext, person: Person, platform: str) -> PersonMatch | None:
    """The matcher's answer for ``person``; a "display name" that is really a username is also tried as a handle.

    Some exports (Instagram message threads, for one) put the username where the display name goes.
    """
    found = ctx.matcher.match_person(person, platform)
    name = (person.name or "").strip()
    username_like = _USERNAME_LIKE.match(name) and (
        name.startswith("@") or name.islower() or any(c in name for c in "._0123456789")
    )
    if found is None and not person.handle and username_like:
        found = ctx.matcher.match_person(Person(handle=name.lstrip("@"), account_id=person.account_id), platform)
    if found is not None and found.how not in _OWN_ACCOUNT and _is_page(name):
        return None  # "Roy Keane Fans Cork", "leamartin.musique": a page about a famous namesake, not the client
    return found


_PAGE_WORDS = word_set("names", "page_words")
_OWN_ACCOUNT = frozenset({"x_id", "handle"})
"""Matches on the client's own listed account: a page word in its display name does not make it a page."""


def _is_page(name: str) -> bool:
    """Whether a display name has a word that makes it a page about someone (fans, official, music...)."""
    return any(w in _PAGE_WORDS for w in re.findall(r"[^\W\d_]+", fold(name)))


def client_match(match: PersonMatch) -> ClientMatch:
    """A report-ready :class:`ClientMatch` from the matcher's answer."""
    client = match.client
    return ClientMatch(
        id=client.id,
        match=match.how,
        score=round(match.score, 3),
        status=client.status,
        name=client.name,
        initials=client.initials,
    )


def is_former(match: PersonMatch) -> bool:
    """True when the matched client is a former client."""
    return match.client.status.strip().lower() == "former"


def status_severity(severity: Severity, matches: Iterable[PersonMatch], policy: Policy) -> Severity | None:
    """The severity adjusted for former clients per ``policy.former_clients``; ``None`` = do not report.

    A finding involving at least one current client keeps ``severity``. One involving only former clients
    is lowered one step (``report``, the default), two steps (``lower``), or dropped (``ignore``).
    """
    matches = list(matches)
    if not matches or any(not is_former(m) for m in matches):
        return severity
    mode = policy.former_clients.strip().lower()
    if mode == "ignore":
        return None
    return severity.lowered(2 if mode == "lower" else 1)


def shown_as(person: Person) -> tuple[str | None, str | None]:
    """The (name, handle) of a person as the export shows them, for :func:`record_ref`."""
    handle = person.handle.lstrip("@") if person.handle else None
    name = person.name or handle or (person.account_id if not handle else None)
    return name, handle


POSSIBLE_KINDS = frozenset({"nickname", "reversed", "initial", "first_initial", "title_surname", "fuzzy"})
"""Matches the tool inferred (a nickname from the nickname list, a reversed or abbreviated name, a spelling
close to the client's) rather than read in the client list: in a friend list they may be someone else."""
POSSIBLE_CONFIDENCE = 0.6


def is_possible(match: PersonMatch) -> bool:
    """Whether the match is only possible ("Bill Pruitt" for client Robert Pruitt): confirm before acting."""
    return match.how in POSSIBLE_KINDS or match.score < 0.9


def how(match: PersonMatch) -> str:
    """A short phrase saying how the person matched (``matched by nickname``)."""
    return "matched by " + match.how.replace("_", " ")


def who(match: PersonMatch) -> str:
    """How a finding message refers to the client: current or former client (no name)."""
    return "a former client" if is_former(match) else "a current client"
