"""People matching as the checks use it: the matcher's answer for a person, its report form, and the
former-client severity rule shared by every check that reports a client."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

from checks.analysis.client_age import too_young_for_an_account
from checks.analysis.normalize import fold
from checks.analysis.word_lists import word_list, word_set
from checks.base import CheckContext, ClientMatch, Severity
from checks.matching import USERNAME_OF_LISTED_NAME, PersonMatch
from checks.policy import Policy
from scanner.clients import Client
from scanner.records import Connection, Person, Relation

_USERNAME_LIKE = re.compile(r"^@?[\w.]{2,40}$")


def match_person(
    ctx: CheckContext, person: Person, platform: str, when: datetime | None = None, *, incoming: bool = False
) -> PersonMatch | None:
    """The matcher's answer for ``person``; a "display name" that is really a username is also tried as a handle.

    Some exports (Instagram message threads, for one) put the username where the display name goes. ``when``: the
    time of the tie (a friendship, a follow, a like); an account matched by name when the notes make the client a
    child too young then for an account of their own is someone else's (checks/analysis/client_age.py).
    ``incoming``: the account reached out to you (a follower, a request, a message); a word such as "music" or
    "official" then makes no page about a famous namesake ("harper.liu.music" asking to follow you is a person's).
    """
    found = ctx.matcher.match_person(person, platform)
    name = (person.name or "").strip()
    username_like = _USERNAME_LIKE.match(name) and (
        name.startswith("@") or name.islower() or any(c in name for c in "._0123456789")
    )
    if found is None and not person.handle and username_like:
        found = ctx.matcher.match_person(Person(handle=name.lstrip("@"), account_id=person.account_id), platform)
    if (
        found is not None
        and found.how not in _OWN_ACCOUNT
        and _is_page(name or person.handle or "", found.client, incoming)
    ):
        return None  # "Roy Keane Fans Cork", "leamartin.musique": a page about a famous namesake, not the client
    if found is not None and found.how not in _OWN_ACCOUNT and too_young_for_an_account(found.client, when):
        return None  # "Noah J. Goldberg", friend since 2020, and client Noah Goldberg, "5 in 2019": his namesake
    return found


_PAGE_WORDS = word_set("names", "page_words")
_OWN_PAGE_WORDS = word_set("names", "own_page_words")
_OWN_ACCOUNT = frozenset({"x_id", "handle"})
"""Matches on the client's own listed account: a page word in its display name does not make it a page."""


def _is_page(name: str, client: Client, incoming: bool = False) -> bool:
    """Whether a display name or username has a word that makes it a page about someone (fans, official,
    music...) and that is not one of the client's own names (Stan Nowicki is no "stan" account). For an account
    that reached out to you (``incoming``), only the words of a page *about* someone count (fans, tribute): a
    public figure's own account does not ask to follow you or write to you, a client who plays music may."""
    words = _PAGE_WORDS if incoming else _PAGE_WORDS | _OWN_PAGE_WORDS
    own = {w for n in (client.name, *client.aliases) for w in re.findall(r"[^\W\d_]+", fold(n))}
    return any(w in words and w not in own for w in re.findall(r"[^\W\d_]+", fold(name)))


def public_namesake(match: PersonMatch) -> bool:
    """Whether a one-way tie (an account you follow or that follows you, a post you liked) is most likely a
    public figure's: the client's notes say they share a public figure's name and only that name matched, not
    the client's listed account nor a nickname or spelling the tool inferred."""
    return match.how not in _OWN_ACCOUNT and not _inferred(match) and shares_public_name(match.client)


def _inferred(match: PersonMatch) -> bool:
    """A match the tool inferred (a nickname, initials, a reversed name, a username spelling one of those)
    rather than read in the client list."""
    return match.how in POSSIBLE_KINDS or (match.how == "username" and match.score < USERNAME_OF_LISTED_NAME)


def followed_page(record: Connection, how: str) -> bool:
    """An account you follow on Facebook that only shares a client's name: Facebook lists there the pages and
    public profiles you follow (a comedian, a band, a shop), while a client you know is a friend, reported as
    such. The export gives names only, so a page named like a client is far more often the public figure."""
    return record.platform == "facebook" and record.relation is Relation.FOLLOWING and how in _NAME_ONLY


_NAME_ONLY = frozenset({"full_name", "first_last", "alias", "nickname", "reversed", "initial", "fuzzy"})


def followed_public_figure(ctx: CheckContext, record: Connection) -> str | None:
    """The id of the client whose name an account you follow bears, when the relationship checks take that account
    for someone else's: a Facebook page, a page about a famous namesake ("Zoe Tay", @zoetay_official), a public figure
    the notes name. A post that gives that name with no word of your work is then about the public figure too."""
    if record.relation is not Relation.FOLLOWING:
        return None
    found = ctx.matcher.match_person(record.person, record.platform)
    if found is None or found.how in _OWN_ACCOUNT:
        return None
    kept = match_person(ctx, record.person, record.platform, record.timestamp)
    if kept is None or public_namesake(kept) or followed_page(record, kept.how):
        return found.client.id
    return None


NAMESAKE_LEFT_OUT = "namesake-left-out"
"""``ctx.tallies`` kind counting, per platform, one-way ties left out as a public figure's (:func:`namesakes_note`)."""

_NAMESAKE_NOTES = tuple(fold(phrase) for phrase in word_list("names", "namesake_notes"))
_NOT_THE = re.compile(r"(?:not|pas) (?:the|le|la|l') ?[^\W\d_]+(?: [^\W\d_]+){0,2}")


def shares_public_name(client: Client) -> bool:
    """The client's notes say they share a public figure's name ("same name as the footballer", "not the
    singer", "homonyme du chanteur")."""
    return _notes_name_a_namesake(client.notes)


def public_name_words(client: Client) -> frozenset[str]:
    """The words (folded) of the facts of a client's notes that say whose name the client shares ("same name as the
    Hibs player": hibs, player), but for the namesake phrase itself: what the public figure is known for."""
    return _namesake_fact_words(client.notes)


def family_namesake(match: PersonMatch) -> bool:
    """Whether a tie matched by the name alone (not the client's listed account) is most likely a relative's: the
    client's notes say a relative shares the name (:func:`namesake_in_family`)."""
    return match.how not in _OWN_ACCOUNT and namesake_in_family(match.client)


def namesake_in_family(client: Client) -> bool:
    """The client's notes say a relative shares the client's name, the clinician's or the client's own ("same name
    as her father", "même nom que la grand-mère de la psychologue"): a friend of that name is that relative."""
    return _names_kin(client.notes)


_NAMESAKE_KIN = word_set("names", "namesake_kin")


@lru_cache(maxsize=4096)
def _names_kin(notes: str) -> bool:
    for fact in re.split(r"[;\n]", fold(notes)):
        if any(p in fact for p in _NAMESAKE_NOTES):
            after = fact.split(next(p for p in _NAMESAKE_NOTES if p in fact), 1)[1]
            if any(w in _NAMESAKE_KIN for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", after)):
                return True
    return False


@lru_cache(maxsize=4096)
def _namesake_fact_words(notes: str) -> frozenset[str]:
    facts = [fact.strip(" .") for fact in re.split(r"[;\n]", fold(notes))]
    found: set[str] = set()
    for fact in facts:
        phrases = [p for p in _NAMESAKE_NOTES if p in fact]
        if phrases or _NOT_THE.fullmatch(fact):
            for p in phrases:
                fact = fact.replace(p, " ")
            found |= {w for w in re.findall(r"[^\W\d_]{3,}", fact) if w not in _FACT_STOPWORDS}
    return frozenset(found)


_FACT_STOPWORDS = frozenset({"the", "not", "pas", "les", "des", "and", "same", "name", "who", "with", "from"})


@lru_cache(maxsize=4096)
def _notes_name_a_namesake(notes: str) -> bool:
    facts = [fact.strip(" .") for fact in re.split(r"[;\n]", fold(notes))]
    return any(phrase in fact for fact in facts for phrase in _NAMESAKE_NOTES) or any(
        _NOT_THE.fullmatch(fact) for fact in facts
    )


def namesakes_note(tallies: Counter[tuple[str, str]]) -> str | None:
    """The report's note on follows, likes, comments, replies and searches left out as a public figure's, or
    ``None``."""
    left_out = sum(n for (kind, _), n in tallies.items() if kind == NAMESAKE_LEFT_OUT)
    if not left_out:
        return None
    ties = "account, like or comment was" if left_out == 1 else "accounts, likes or comments were"
    return (
        f"{left_out:,} followed or following {ties} left out: they match a client by name only and are most "
        "likely a public figure's (a page you follow on Facebook, or a client whose notes say they share a public "
        "figure's name) or a relative's (a client whose notes say a relative has the same name). If one is your "
        "client's own account, add its handle to the client list."
    )


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
    """Whether the match is only possible ("Rob Pruitt" for client Robert Pruitt, the username "rpruitt"): confirm
    before acting."""
    return _inferred(match) or match.score < 0.9


def confidence(matches: Iterable[PersonMatch]) -> float:
    """A finding's confidence from its client matches: the best one, where a possible match counts at most
    ``POSSIBLE_CONFIDENCE`` so that the report says "possible, confirm" for a nickname or a reversed name."""
    return round(max(min(m.score, POSSIBLE_CONFIDENCE) if is_possible(m) else m.score for m in matches), 3)


POSSIBLE_NOTE = "This is a possible match only: check that it is your client before you act on it. "
"""The sentence a finding's message carries when all its client matches are possible ones."""


def possible_note(matches: Iterable[PersonMatch]) -> str:
    """``POSSIBLE_NOTE`` when every match is only possible, else ``""``."""
    return POSSIBLE_NOTE if all(is_possible(m) for m in matches) else ""


def how(match: PersonMatch) -> str:
    """A short phrase saying how the person matched (``matched by nickname``)."""
    return "matched by " + match.how.replace("_", " ")


def who(match: PersonMatch) -> str:
    """How a finding message refers to the client: current or former client (no name)."""
    return "a former client" if is_former(match) else "a current client"
