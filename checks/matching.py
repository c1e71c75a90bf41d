"""The people matcher: finds clients among people in lists and in free text (DESIGN.md section 7).

One :class:`Matcher` is built per scan from the client list and shared by every check:

* :meth:`Matcher.match_person` — is this friend / follower / requester / thread partner a client?
  X account id, handle (on its platform), full-name variants (nickname + surname, alias, maiden or
  married name, ``Last, First``, middle names optional), a username that spells the name; a first or
  last name alone never matches. Fuzzy matches need an identical surname and score below 0.9, so the
  default ``min_score`` (0.9) leaves them out.
* :meth:`Matcher.find_in_text` — every client name and handle in a text, in one pass (Aho–Corasick over
  the normalized text; cost does not grow with the client list). Full names and handles are *strong*;
  a first name or nickname alone is *weak* (the text checks confirm it with work context); names that
  are ordinary words count only when capitalised and read as a name.

A hashed client list (agencies) works the same way: candidate forms of names, handles and the text's
word n-grams are hashed with the agency key and looked up.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from checks.analysis.normalize import NormText, fold, normalize
from checks.analysis.word_lists import word_map, word_set
from checks.hashing import MEMO_LIMIT, KeyedHasher
from checks.names import (
    NICKNAME_ALONE,
    PARTICLES,
    SCORES,
    TITLES,
    USERNAME_KINDS,
    Variant,
    client_variants,
    display_forms,
    display_words,
    is_word,
    name_words,
    normalize_handle,
    parse_name,
    username_forms,
    word_names,
)
from checks.textsearch import PatternIndex
from scanner.clients import Client, ClientList
from scanner.gc_pause import gc_paused
from scanner.platforms import ALIASES
from scanner.records import Person

__all__ = ["Matcher", "NameHit", "PersonMatch", "TermHit", "TextScan", "normalize"]

_NAME_KINDS = frozenset({"full_name", "first_last", "alias", "nickname", "initial"})
_BY_NAME = _NAME_KINDS | {"reversed"}  # person matches made by the display name
_USERNAME_SCORES = {"full_name": 0.95, "first_last": 0.95, "alias": 0.95, "nickname": 0.93, "initial": 0.90}
USERNAME_OF_LISTED_NAME = _USERNAME_SCORES["full_name"]
"""A username match scoring this or more spells a name as the client list writes it (not a nickname of it)."""
_KIN = word_set("text", "kin")
_CAPS_OK = word_set("text", "caps_ok")
_NAME_NEXT = word_set("text", "name_next")
_FUNCTION_WORDS = word_set("text", "function_words")
_MIN_DEFAULT = 0.9
_TOKEN = re.compile(r"[^ ]+")  # a token of a normalized text (NormText.tokens)
_Offer = Callable[[Client, str, float], None]
PERSON_MEMO = 20_000
"""People whose match :meth:`Matcher.match_person` remembers."""


@dataclass(frozen=True)
class PersonMatch:
    """A client matched to a person in a list: how (``x_id``, ``handle``, ``full_name``, ``first_last``,
    ``alias``, ``nickname``, ``initial``, ``username``, ``fuzzy``) and a score in 0–1."""

    client: Client
    how: str
    score: float


@dataclass(frozen=True)
class NameHit:
    """A client's name or handle found in text at ``[start, end)`` of the ORIGINAL text.

    ``strong`` hits (full name, handle, multi-word alias, nickname + surname) are mentions on their own;
    weak hits (``first_name``, ``first_initial`` such as "Hope A.", ``title_surname`` such as
    "Mr. Dearborn", ``surname``) need work context, and ``word_name`` says the name is also an ordinary
    word (Hope, Will, Grace). When several clients share the name, ``candidates`` lists them all and
    ``client`` is the first.
    """

    client: Client
    start: int
    end: int
    text: str
    how: str
    strong: bool
    word_name: bool = False
    score: float = 0.0
    candidates: tuple[Client, ...] = ()


@dataclass(frozen=True)
class TermHit:
    """A lexicon term found by :meth:`Matcher.scan` at ``[start, end)`` of the original text."""

    tag: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TextScan:
    """Name hits and lexicon-term hits of one text, from one pass."""

    names: list[NameHit]
    terms: list[TermHit]
    words_at_start: list[NameHit] = field(default_factory=list)
    """Capitalised first names that are also words, left out only because they open a sentence and no person's verb
    follows ("Joy was a bit brighter", "Faith you legend"): a name only if something else says so."""


_STRONG_HOWS = frozenset({"handle_text", "full_name", "first_last", "reversed", "alias", "nickname"})
_WEAK_HOWS = frozenset({"first_name", "first_initial", "title_surname", "surname"})
_TEXT_HOWS = _STRONG_HOWS | _WEAK_HOWS | {NICKNAME_ALONE}  # the kinds a text can mention


class _Entry(NamedTuple):
    """Clients sharing one variant of one kind (a named tuple: tens of thousands are built per client list)."""

    how: str
    platform: str
    word_name: bool
    clients: tuple[Client, ...]

    @property
    def strong(self) -> bool:
        return self.how in _STRONG_HOWS

    @property
    def weak(self) -> bool:
        return self.how in _WEAK_HOWS


def _plain_index(
    clients: Iterable[Client], keys_of: Callable[[Client], Sequence[tuple[str, str, str, str]]]
) -> dict[str, tuple[_Entry, ...]]:
    """Every key of a plain list and its entries, built in one pass: per key, one entry per (kind, platform,
    word name) in the order first met, holding its clients in list order, each once — what
    :meth:`Matcher._entries` builds per key from the grouped variants."""
    kinds_of: dict[str, dict[tuple[str, str, bool], list[Client]]] = {}
    for client in clients:
        for how, platform, flags, key in keys_of(client):
            kinds = kinds_of.get(key)
            if kinds is None:
                kinds = kinds_of[key] = {}
            kind = (how, platform, "w" in flags)
            bucket = kinds.get(kind)
            if bucket is None:
                kinds[kind] = [client]
            elif bucket[-1] is not client:  # a client's repeats arrive together
                bucket.append(client)
    make = _Entry._make
    return {
        key: tuple([make((h, p, w, tuple(cs))) for (h, p, w), cs in kinds.items()]) for key, kinds in kinds_of.items()
    }


def _platform(p: str | None) -> str:
    p = (p or "").lower()
    return ALIASES.get(p, p)


def _other_account(client: Client, person: Person, platform: str) -> bool:
    """Whether the client list names the client's own account on ``platform`` and the person's account is another
    one ("Sarah Miller" followed as @sarahmillerphoto while the client is @smiller_88): the same name, someone else."""
    if platform == "x" and person.account_id:
        ids = [h for p, h in client.handles if p == "x_id"]
        if ids and person.account_id.strip() not in ids:
            return True
    if not person.handle:
        return False  # a profile link alone may hold a numeric id, not the username
    own = normalize_handle(person.handle)
    listed = [normalize_handle(h) for p, h in client.handles if _platform(p) == platform]
    return bool(listed) and own not in listed


def _middles_differ(name: str, client: Client) -> bool:
    """Whether a display name's middle names or initials all differ from the client's listed ones ("Jessica M.
    Harding" for client Jessica L. Harding): someone else with the same first name and surname. A hashed list's
    names are unknown: nothing differs."""
    parsed = parse_name(client.name) if client.name else None
    words = display_words(name)
    if parsed is None or not parsed.middles or len(words) < 3:
        return False
    listed = [m[0] for m in parsed.middles]
    return not any(_same_middle(a, b) for a in words[1:-1] for b in listed)


def _longer_listed_name(client: Client, display: str) -> bool:
    """Whether a display name (up to a comma: "Anne Dubois, infirmière" is a name and a trade) holds every
    word of one of the client's listed names of two or more words and more capitalised words besides. The display-name
    forms read a dropped middle name, a credential or an ordinary word after a name; a name they did not match is a
    longer name, someone else's ("Daniel Lee Wei Ming" for Daniel Lee Kah Heng, listed also as Daniel Lee),
    whatever their username spells."""
    shown = display.split(",")[0].split()
    folded = ["".join(p for w in name_words(word) for p in w) for word in shown]
    if len(folded) < 3:
        return False
    for name in (client.name, *client.aliases):
        listed = {"".join(w) for w in name_words(name)}
        if len(listed) < 2 or not listed <= set(folded):
            continue
        extra = [word for word, f in zip(shown, folded, strict=True) if f and f not in listed]
        if extra and all(word[:1].isupper() and not word.isupper() for word in extra):
            return True
    return False


def _middle_added(name: str, client: Client) -> bool:
    """Whether a display name has a middle name (a word, not an initial) that none of the client's listed names has
    ("Nur Aisyah Amin" for client Nur Amin, "Mari Jo Young" for Mari Young): a given name of someone else's. An added
    initial ("Hope M. Alvarado") stays the client's: people add one to their own name. A hashed list's names are
    unknown: nothing is added."""
    words = display_words(name)
    if len(words) < 3 or not client.name:
        return False
    listed = {w for n in (client.name, *client.aliases) for parts in name_words(n) for w in (*parts, "".join(parts))}
    return any(len(w) > 1 and not any(_same_middle(w, x) for x in listed) for w in words[1:-1])


def _same_middle(a: str, b: str) -> bool:
    """Two middle names agree when equal or when one is the other's initial."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


class Matcher:
    """Matches people and text against one client list (plain or hashed). Build once per scan.

    ``terms`` (optional) maps normalized lexicon terms to a tag; :meth:`scan` then reports them from the
    same pass as the names (plain lists only search terms and names in one automaton).
    """

    def __init__(self, clients: ClientList, terms: Mapping[str, str] | None = None) -> None:
        with gc_paused():  # hundreds of thousands of variants, entries and automaton words, no cycles
            self._build(clients, terms)

    def _build(self, clients: ClientList, terms: Mapping[str, str] | None) -> None:
        self.clients = clients
        self._key = clients.key if clients.hashed else None
        self._hash = KeyedHasher(self._key) if self._key else None
        self._surnames: dict[str, list[tuple[Client, frozenset[str]]]] = defaultdict(list)
        self._surnames_of: dict[str, set[str]] = defaultdict(set)  # client id → surname variants
        # key → its variants and their clients, alternating, in list order (a hashed list: entries built on use)
        self._groups: dict[str, list[Any]] = {}
        self._index: dict[str, tuple[_Entry, ...]] = {}  # the entries of the keys looked up so far
        self._people: dict[tuple[Person, str, float], PersonMatch | None] = {}  # match_person's answers
        self._grams: dict[str, str] = {}  # a text's run of words → its index key, or "" (hashed lists)
        self._max_ngram = 4
        text_patterns: list[tuple[str, tuple[object, ...]]] = []
        if self._key:
            self._group_variants()
        else:
            self._index = _plain_index(clients.clients, self._client_keys)
            for key, entries in self._index.items():
                in_text = tuple(e for e in entries if e.how in _TEXT_HOWS)
                if in_text:
                    text_patterns.append((key, in_text))
        term_tags: dict[str, list[str]] = defaultdict(list)
        for term, tag in (terms or {}).items():
            norm = normalize(term)
            if norm:
                term_tags[norm].append(tag)
        merged: dict[str, tuple[object, ...]] = dict(text_patterns)
        for norm, tags in term_tags.items():
            merged[norm] = merged.get(norm, ()) + tuple(tags)
        self._automaton: PatternIndex[tuple[object, ...]] = PatternIndex(list(merged.items()))

    # ------------------------------------------------------------------ building

    def _client_keys(self, client: Client) -> Sequence[tuple[str, str, str, str]]:
        """The client's variants as ``(kind, platform, flags, key)``, as a hashed list holds them."""
        if client.hashed:
            return client.hashed
        variants = client_variants(client)
        if not self.clients.hashed:
            self._note_surnames(client, variants)
        return [(v.how, v.platform, "w" if v.word_name else "", v.text) for v in variants]

    def _note_surnames(self, client: Client, variants: list[Variant]) -> None:
        givens = frozenset(v.text for v in variants if v.how == "first_name")
        for v in variants:
            if v.how == "surname":
                self._surnames[v.text].append((client, givens))
                self._surnames_of[client.id].add(v.text.replace(" ", ""))

    def _group_variants(self) -> None:
        """Each key's variants and their clients, alternating, in list order (a hashed list's entries are made
        from them on first lookup: a scan meets few of its keys)."""
        groups = self._groups
        for client in self.clients.clients:
            for variant in self._client_keys(client):
                found = groups.get(variant[3])
                if found is None:
                    groups[variant[3]] = [variant, client]
                else:
                    found += (variant, client)

    def _key_of(self, text: str) -> str:
        return self._hash(text) if self._hash else text

    def _entries(self, key: str) -> tuple[_Entry, ...]:
        """The entries of one key, built on first use (a hashed list holds hundreds of thousands of keys, few
        of which a scan meets)."""
        entries = self._index.get(key)
        if entries is None:
            found = self._groups.get(key)
            if found is None:
                return ()
            kinds: dict[tuple[str, str, bool], list[Client]] = {}
            for variant, client in zip(found[::2], found[1::2], strict=True):
                bucket = kinds.setdefault((variant[0], variant[1], "w" in variant[2]), [])
                if not bucket or bucket[-1] is not client:  # a client's repeats arrive together
                    bucket.append(client)
            entries = self._index[key] = tuple(_Entry(h, p, w, tuple(cs)) for (h, p, w), cs in kinds.items())
        return entries

    def _lookup(self, text: str) -> tuple[_Entry, ...]:
        return self._entries(self._key_of(text))

    def variants(self, client: Client) -> list[Variant]:
        """The variants a plaintext client is matched by (for ``clients check``)."""
        return client_variants(client)

    # ------------------------------------------------------------------ people in lists

    def match_person(self, person: Person, platform: str, *, min_score: float = _MIN_DEFAULT) -> PersonMatch | None:
        """The best client match for a person in a list, or ``None``.

        ``min_score`` (default 0.9) leaves out fuzzy matches; lower it to see possible matches. The answer
        depends on nothing else, and the same people (friends, followers) recur across an archive's reactions,
        comments and tags: it is remembered for up to ``PERSON_MEMO`` people.
        """
        key = (person, platform, min_score)
        if key in self._people:
            return self._people[key]
        found = self._match_person(person, platform, min_score)
        if len(self._people) < PERSON_MEMO:
            self._people[key] = found
        return found

    def _match_person(self, person: Person, platform: str, min_score: float) -> PersonMatch | None:
        platform = _platform(platform)
        best: dict[str, PersonMatch] = {}

        def offer(client: Client, how: str, score: float) -> None:
            score = round(min(score, 1.0), 3)
            if score >= min_score and (client.id not in best or best[client.id].score < score):
                best[client.id] = PersonMatch(client, how, score)

        if person.account_id and platform == "x":
            for e in self._lookup(person.account_id.strip()):
                if e.how == "x_id":
                    for c in e.clients:
                        offer(c, "x_id", 1.0)
        handles = self._handle_candidates(person)
        for h in handles:
            for e in self._lookup(h):
                if e.how == "handle" and _platform(e.platform) in (platform, ""):
                    for c in e.clients:
                        offer(c, "handle", 1.0)
        said_other = False  # the display name names someone else: the username cannot make them the client
        if person.name:
            for form, shown in display_forms(person.name).items():
                for e in self._lookup(form):
                    if e.how not in _NAME_KINDS:
                        continue
                    if shown.reversed:  # "Nguyen Mai" for Mai Nguyen: possible, confirm
                        self._offer_entry(e, min(SCORES[e.how], SCORES["reversed"]), offer, "reversed")
                    elif len(form.rsplit(" ", 1)[-1]) == 1:  # "Dana R." for a client listed so: possible, confirm
                        self._offer_entry(e, min(SCORES[e.how], SCORES["initial"]), offer, "initial")
                    else:
                        self._offer_entry(e, SCORES[e.how] - shown.penalty, offer)
            named = [i for i, m in best.items() if m.how in _BY_NAME]
            if named and (generation := _generation(person.name)):
                for client_id in named:
                    client = best[client_id].client
                    if generation != _generation(" ".join((client.name, *client.aliases))):
                        del best[client_id]  # "Brantley Cobb Sr." is the father of client Brantley Cobb (Jr.)
                        said_other = True
            for client_id in [i for i, m in best.items() if m.how in _BY_NAME]:
                if _other_account(best[client_id].client, person, platform):
                    del best[client_id]  # the client's own account on this platform is another: a namesake
                elif best[client_id].how in ("full_name", "first_last") and _middles_differ(
                    person.name, best[client_id].client
                ):
                    del best[client_id]  # "Jessica M. Harding" is not client Jessica L. Harding
                    said_other = True
                elif best[client_id].how in _NAME_KINDS and _middle_added(person.name, best[client_id].client):
                    del best[client_id]  # "Nur Aisyah Amin" is not client Nur Amin
                    said_other = True
        if not best and handles and not said_other:
            self._match_username(person, handles[0], offer)
        if not best and min_score < _MIN_DEFAULT and person.name and not self._key:
            self._match_fuzzy(person.name, offer)
        if not best:
            return None
        ranked = sorted(best.values(), key=lambda m: -m.score)
        top = ranked[0]
        if top.how in ("initial", "username") and len(ranked) > 1 and ranked[1].score == top.score:
            return None  # "J. Smith" fits several clients: not an identification
        return top

    @staticmethod
    def _offer_entry(e: _Entry, score: float, offer: _Offer, how: str = "") -> None:
        if e.how == "initial" and len(e.clients) > 1:
            return
        for c in e.clients:
            offer(c, how or e.how, score)

    @staticmethod
    def _handle_candidates(person: Person) -> list[str]:
        out: list[str] = []
        for raw in (person.handle, person.url):
            if raw:
                h = normalize_handle(raw)
                for cand in (h, h.split("@")[0]):
                    if cand and cand not in out:
                        out.append(cand)
        return out

    def _match_username(self, person: Person, handle: str, offer: _Offer) -> None:
        found: list[tuple[_Entry, float]] = []
        for form, penalty in username_forms(handle).items():
            for e in self._lookup(form):
                if e.how in USERNAME_KINDS:
                    found.append((e, _USERNAME_SCORES[e.how] - penalty))
        words = [w for w in (name_words(person.name or "")) if w]
        for e, score in found:
            for c in e.clients:
                if len(words) >= 2 and not self._name_agrees(c, words):
                    continue  # the display name says someone else
                if _longer_listed_name(c, person.name or ""):
                    continue  # "Daniel Lee Wei Ming" (daniel-lee-wm) is not client Daniel Lee Kah Heng
                if e.how == "initial" and len(e.clients) > 1:
                    continue
                offer(c, "username", score)

    def _name_agrees(self, client: Client, words: list[list[str]]) -> bool:
        """Some word of a display name is the client's first name, nickname or surname (or an initial),
        and a hyphenated last name is not a longer surname built on the client's ("Faure-Dumas" ≠ "Faure")."""
        last = words[-1]
        if len(last) > 1:
            own = self._surnames_of.get(client.id, set())
            builds_on_client = any(client in [c for c, _ in self._surnames.get(part, [])] for part in last)
            if "".join(last) not in own and builds_on_client:
                return False
        for w in words:
            joined = "".join(w)
            if len(joined) == 1:
                continue
            for e in self._lookup(joined):
                if e.how in ("first_name", "surname") and client in e.clients:
                    return True
        return all(len("".join(w)) == 1 for w in words[1:])

    def _match_fuzzy(self, name: str, offer: _Offer) -> None:
        words = ["".join(w) for w in name_words(name)]
        if len(words) < 2:
            return
        given, surname = words[0], words[-1]
        candidates = self._surnames.get(surname, [])
        scored = []
        for client, givens in candidates:
            ratio = max((fuzz.ratio(given, g) for g in givens), default=0.0)
            scored.append((ratio, client))
        scored.sort(key=lambda t: -t[0])
        if not scored or scored[0][0] < 80 or len(given) < 4:
            return
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 5:
            return  # two clients with this surname fit about as well
        offer(scored[0][1], "fuzzy", 0.75 + (scored[0][0] - 80) / 100 * 0.7)  # at most 0.89

    # ------------------------------------------------------------------ free text

    def find_in_text(self, text: str, platform: str | None = None) -> list[NameHit]:
        """Every client name / handle occurrence in ``text`` (one pass), ordered by position."""
        return self.scan(text, platform).names

    def scan(self, text: str, platform: str | None = None) -> TextScan:
        """Name hits and (when the matcher was given ``terms``) lexicon-term hits of ``text``."""
        if not text:
            return TextScan([], [])
        norm = NormText.of(text)
        raw, terms = self._raw_hits(norm)
        raw = [r for r in raw if r[2].how != NICKNAME_ALONE]  # only a redacted report hides these
        plat = _platform(platform) if platform else ""
        hits = [h for h in (self._hit(norm, s, e, entry, plat) for s, e, entry in raw) if h is not None]
        hits = _drop_covered(hits)
        kept: list[NameHit] = []
        at_start: list[NameHit] = []
        for h in hits:
            if h.strong or _weak_ok(text, h):
                kept.append(h)
            elif _word_at_start(text, h) and _weak_ok(text, h, True):
                at_start.append(h)
        kept.sort(key=lambda h: (h.start, -h.end))
        terms.sort(key=lambda t: t.start)
        return TextScan(kept, terms, at_start)

    def _raw_hits(self, norm: NormText) -> tuple[list[tuple[int, int, _Entry]], list[TermHit]]:
        """Every name-variant occurrence (normalized span and entry) and every lexicon term, in one pass."""
        raw: list[tuple[int, int, _Entry]] = []
        terms: list[TermHit] = []
        for m in self._automaton.search(norm):
            for value in m.value:
                if isinstance(value, _Entry):
                    raw.append((m.start, m.end, value))
                else:
                    s, e = norm.span(m.start, m.end)
                    terms.append(TermHit(str(value), s, e, norm.original[s:e]))
        if self._key:
            raw.extend(self._hashed_ngrams(norm))
        return raw, terms

    def hits_to_hide(self, text: str) -> list[NameHit]:
        """Every place in ``text`` where a client's name, nickname or handle could be read: what a redacted
        report must mask (DESIGN.md section 8).

        Looser than :meth:`scan`, which decides what is a *mention*: every variant of every client counts,
        strong or weak, on any platform, next to kinship words or not; only a name that is also an ordinary
        word (Hope, Will) and a surname alone are left when written in lower case ("I hope", "a young man").
        """
        if not text:
            return []
        norm = NormText.of(text)
        raw, _ = self._raw_hits(norm)
        hits: list[NameHit] = []
        for start, end, entry in raw:
            s, e = norm.span(start, end)
            written = text[s:e]
            lower_ok = not (entry.word_name or entry.how in ("surname", "title_surname", NICKNAME_ALONE))
            if (entry.weak or entry.how == NICKNAME_ALONE) and not lower_ok and not _capitalised(written):
                continue
            hits.append(
                NameHit(
                    entry.clients[0],
                    s,
                    e,
                    written,
                    entry.how,
                    entry.strong,
                    entry.word_name,
                    SCORES.get(entry.how, 0.5),
                    entry.clients,
                )
            )
        hits.extend(self._run_together(norm))
        return _drop_covered(hits)

    def _run_together(self, norm: NormText) -> list[NameHit]:
        """Names written as one word (``janedoe`` in a file name, ``#MariaLopez``), as usernames spell them."""
        hits: list[NameHit] = []
        for start, end in norm.tokens():
            token = norm.text[start:end]
            if end - start < 5 or not token.isalpha():
                continue
            for form in username_forms(token):
                entries = [e for e in self._lookup(form) if e.how in USERNAME_KINDS and e.how != "initial"]
                if entries:
                    s, e = norm.span(start, end)
                    clients = tuple(dict.fromkeys(c for entry in entries for c in entry.clients))
                    hits.append(
                        NameHit(
                            clients[0],
                            s,
                            e,
                            norm.original[s:e],
                            entries[0].how,
                            True,
                            score=SCORES[entries[0].how],
                            candidates=clients,
                        )
                    )
                    break
        return hits

    def _hashed_ngrams(self, norm: NormText) -> list[tuple[int, int, _Entry]]:
        """Every run of one to ``_max_ngram`` words of the text whose keyed hash is a client's variant, ordered
        by span (a hashed list cannot be searched with an automaton). What a run's hash found is remembered for
        up to ``MEMO_LIMIT`` runs: words and common phrases recur from text to text."""
        text, known = norm.text, self._grams
        spans = [m.span() for m in _TOKEN.finditer(text)]
        starts, ends = [s for s, _ in spans], [e for _, e in spans]
        cut = text.__getitem__
        out: list[tuple[int, int, _Entry]] = []
        for n in range(min(self._max_ngram, len(starts))):
            grams = list(map(cut, map(slice, starts, ends[n:])))  # every run of n + 1 words
            keys = list(map(known.get, grams))
            if keys.count("") == len(keys):  # "": not a variant (most runs, once an archive's words are known)
                continue
            for i, key in enumerate(keys):
                if key == "":
                    continue
                if key is None:
                    key = self._gram_key(grams[i])
                if key:
                    s, e = starts[i], ends[i + n]
                    out.extend((s, e, entry) for entry in self._entries(key) if entry.how in _TEXT_HOWS)
        out.sort(key=lambda hit: hit[:2])  # stable: a span's entries keep their order
        return out

    def _gram_key(self, gram: str) -> str:
        """The index key of a run of words of a text when it is a variant of a hashed list, else ``""``."""
        assert self._hash is not None
        digest = self._hash.digest(gram)
        key = digest if digest in self._groups else ""
        if len(self._grams) < MEMO_LIMIT:
            self._grams[gram] = key
        return key

    def _hit(self, norm: NormText, start: int, end: int, entry: _Entry, platform: str) -> NameHit | None:
        s, e = norm.span(start, end)
        how = entry.how
        if how in _NAME_KINDS and (_hyphen_joined(norm.original, s, e) or _particle_goes_on(norm.original, s, e)):
            return None  # "Laetitia Caron-Vandenbussche", "Fionn Mac Cumhaill": a longer name, someone else's
        if how == "handle_text":
            at = s > 0 and norm.original[s - 1] == "@"
            written = norm.original[s:e]
            if platform and _platform(entry.platform) not in (platform, "") and not (at and _distinctive(written)):
                return None  # a handle of another platform counts written as one there ("@kaceyleigh_x" on X)
            if not at and (any(c.isspace() for c in written) or len(written) < 6 or written.lower() in word_names()):
                return None  # a bare handle counts only as one distinctive token ("hope_alv", not "Hope A")
            how = "handle"
        elif how == "first_initial" and _POSSESSIVE_END.search(norm.original, s, e):
            return None  # "Bevan's tomatoes" (Bevan Stroud): a possessive, not the surname's initial
        elif how == "first_name":
            upgraded = self._upgrade(norm, start, end, entry)
            if upgraded:
                return upgraded
        elif how in _NAME_KINDS and (after := _generation_after(norm.original, e)):
            # (a hashed list's names are unknown: its clients are kept)
            clients = tuple(
                c for c in entry.clients if not c.name or after == _generation(" ".join((c.name, *c.aliases)))
            )
            if not clients:
                return None  # "Ross Laidlaw Sr. fixed the boiler": the father of client Ross Laidlaw
            entry = entry._replace(clients=clients)
        return NameHit(
            client=entry.clients[0],
            start=s,
            end=e,
            text=norm.original[s:e],
            how=how,
            strong=entry.strong,
            word_name=entry.word_name,
            score=SCORES.get(entry.how, 0.5),
            candidates=entry.clients,
        )

    def _upgrade(self, norm: NormText, start: int, end: int, entry: _Entry) -> NameHit | None:
        """ "Will T. Brennan": a first name, a middle initial, then the rest of a full-name variant."""
        rest = norm.text[end + 1 : end + 60].split(" ")
        if len(rest) < 2 or len(rest[0]) != 1:
            return None
        first = norm.text[start:end]
        for n in (1, 2):
            tail = " ".join(rest[1 : 1 + n])
            for e in self._lookup(f"{first} {tail}"):
                if e.strong and set(e.clients) & set(entry.clients):
                    stop = end + 1 + len(rest[0]) + 1 + len(tail)
                    s, x = norm.span(start, stop)
                    return NameHit(
                        e.clients[0], s, x, norm.original[s:x], e.how, True, False, SCORES[e.how] - 0.01, e.clients
                    )
        return None


_NAME_HYPHENS = "-\u2010\u2011"


def _hyphen_joined(text: str, start: int, end: int) -> bool:
    """Whether a full name in text is glued by a hyphen to a further word ("Caron-Vandenbussche" after client Laetitia
    Caron, "Anne-" before client Marie Dupont): part of a longer name, as a double-barrelled one is in a friend list."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] in _NAME_HYPHENS and after[1].isalpha()) or (
        len(before) == 2 and before[1] in _NAME_HYPHENS and before[0].isalpha()
    )


_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-ZÀ-Þ][^\W\d_]")


def _particle_goes_on(text: str, start: int, end: int) -> bool:
    """Whether a name in text ends with a surname particle and a capitalised word follows it ("Fionn Mac Cumhaill"
    for the alias "Fionn Mac", "Jean de La Fontaine" for "Jean de"): the particle opens a longer surname."""
    words = text[start:end].split()
    return len(words) > 1 and fold(words[-1]) in PARTICLES and _CAPITALISED_NEXT.match(text, end) is not None


def _distinctive(handle: str) -> bool:
    """A handle long enough to be unlikely someone else's on another platform."""
    return len(handle) >= 8


_POSSESSIVE_END = re.compile(r"['’][sS]$")


def _drop_covered(hits: list[NameHit]) -> list[NameHit]:
    """Drop hits inside a longer hit (``Grace`` inside ``Grace Hollis``) and exact duplicates."""
    seen: set[tuple[int, int, str]] = set()
    out: list[NameHit] = []
    # Kept hits start at or before ``h``: one covers it when it ends after it, or ends with it but starts
    # earlier. The furthest end and the earliest start ending there say so in one step (not one per kept hit).
    far, first = -1, 0
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start), -h.score)):
        key = (h.start, h.end, h.client.id)
        if key in seen:
            continue
        if far > h.end or (far == h.end and first < h.start):
            continue
        seen.add(key)
        out.append(h)
        if h.end > far:
            far, first = h.end, h.start
        elif h.end == far:
            first = min(first, h.start)
    return out


_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _prev_word(text: str, start: int) -> tuple[str, str]:
    """The word before ``start`` and what separates them."""
    before = text[max(0, start - 40) : start]
    m = re.search(r"([^\W_]+)([^\w]*)$", before)
    return (m.group(1), m.group(2)) if m else ("", before)


def _next_word(text: str, end: int) -> tuple[str, str]:
    """The word after ``end`` (possessive ``'s`` skipped) and what separates them."""
    after = text[end : end + 40]
    m = re.match(r"((?:['’]s)?[^\w]*)([^\W_]+)", after)
    return (m.group(2), m.group(1)) if m else ("", after)


def _at_sentence_start(text: str, start: int) -> bool:
    """Nothing but punctuation, quotes or emoji between ``start`` and the text start or a sentence end; an emoji
    ends a sentence too, as posts write them ("Communion ce matin à Gilly 🕊️ Grâce à Dieu il n'a pas plu")."""
    i = start - 1
    while i >= 0 and not text[i].isalnum() and text[i] not in ".!?…\n":
        if unicodedata.category(text[i]) == "So":
            return True
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] in ".!?…":
        prev, _ = _prev_word(text, i)
        return fold(prev) not in TITLES and fold(prev) not in ("st", "mt")
    return False


_GENERATIONS = word_map("names", "generations")


def _generation(name: str) -> str | None:
    """The generational suffix a name carries (``Sr.``, ``Snr``, ``Jr.``, ``père``, ``III``), normalized."""
    words = [w.strip(".,") for w in fold(name).split()]
    return next((_GENERATIONS[w] for w in reversed(words[1:]) if w in _GENERATIONS), None)


_NEXT_WORD = re.compile(r",?\s+([^\W\d_]+)\b")


def other_generation_named(text: str, client: Client) -> bool:
    """Whether the text writes one of the client's full names followed by a generation the client's listed names do
    not carry ("Dale Ross Snr's 70th" for client Dale Ross): that father or son, whom the client's first name later
    in the same text means too ("Honk if you love Dale"). A hashed list's names are unknown: never."""
    own = _generation(" ".join((client.name, *client.aliases)))
    for name in (client.name, *client.aliases):
        parts = name.split()
        if len(parts) < 2:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(p) for p in parts) + r"(?!\w)"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            after = _generation_after(text, m.end())
            if after is not None and after != own:
                return True
    return False


def _generation_after(text: str, end: int) -> str | None:
    """The generational suffix written just after a name in text ("Ross Laidlaw Sr.", "Closset père")."""
    m = _NEXT_WORD.match(text, end)
    return _GENERATIONS.get(fold(m.group(1))) if m else None


_STATE = re.compile(r"\s+(?:is|was)\s+(?:\d{1,3}|back|home|out|in|still|doing|sober|clean|pregnant)\b", re.I)


def _is_state(text: str, end: int) -> bool:
    """ "Dot is 71", "Tank is back", "Jade was sober": a person's age or state, not an ordinary word's."""
    return _STATE.match(text, end) is not None


_CAPITAL_WORD = re.compile(r"(?<![\w'’@#])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]")
_LEADING_HANDLES = re.compile(r"^(?:\s*[@.][\w.]+)+\s*$")


def lowercase_name_use(text: str, start: int, end: int) -> bool:
    """Whether a name that is also a word, written in lower case ("grace went back to choir", "@sam joy's weight down
    again"), is used as a name: the writer writes no capitalised word at all (so writes names in lower case too), and
    the word opens a sentence (or follows the @handles a reply opens with) with what follows a person after it: a
    verb of the name list ("went", "laughed", "didn't"), a possessive, or an age or state ("is 6 months pregnant")."""
    if _CAPITAL_WORD.search(text):
        return False
    if not (_at_sentence_start(text, start) or _LEADING_HANDLES.match(text[:start])):
        return False
    nxt, sep = _next_word(text, end)
    return (
        sep.startswith(("'s", "’s"))
        or fold(nxt) in _NAME_NEXT
        or (len(nxt) > 4 and nxt.endswith("ed"))
        or _is_state(text, end)
    )


def _capitalised(s: str) -> bool:
    return unicodedata.normalize("NFKC", s[:1]).isupper()


def _acronym_like(word: str) -> bool:
    """A short word in capitals, or with a digit or a capital inside ("GP", "IEP", "HbA1c"): no shop's name."""
    return len(word) <= 6 and (word.isupper() or any(c.isdigit() or c.isupper() for c in word[1:]))


def _after_a_name(prev: str, prev_sep: str) -> bool:
    """The word just before is capitalised and is not a title or a function word: part of the same name."""
    return (
        bool(prev)
        and _capitalised(prev)
        and not prev_sep.strip()
        and fold(prev) not in TITLES
        and fold(prev) not in _FUNCTION_WORDS
    )


def _word_at_start(text: str, h: NameHit) -> bool:
    """A capitalised first name that is also a word, opening a sentence ("Joy was a bit brighter")."""
    return (
        not h.strong
        and h.how == "first_name"
        and h.word_name
        and _capitalised(h.text)
        and _at_sentence_start(text, h.start)
    )


def _person_follows(text: str, end: int) -> bool:
    """Whether what follows a name that is also a word, opening a sentence, is what follows a person: a comma or a
    possessive, a verb of the name list ("said", "came"), a past tense, an age or a state ("Will said", "Hope's mum",
    "Brown is 71")."""
    nxt, sep = _next_word(text, end)
    word = fold(nxt)
    return (
        sep.startswith((",", "'", "’"))
        or word in _NAME_NEXT
        or (len(word) > 4 and word.endswith("ed"))
        or _is_state(text, end)
    )


def _weak_ok(text: str, h: NameHit, word_at_start: bool = False) -> bool:
    """Whether a weak hit (first name, nickname, surname alone) reads as a name here (``word_at_start``: a name that
    is also a word may open a sentence with any word after it)."""
    prev, prev_sep = _prev_word(text, h.start)
    capitalised = _capitalised(h.text)
    shouting = len(h.text) > 2 and h.text.isupper()
    ends_sentence = prev_sep.strip() == "." and fold(prev) in _FUNCTION_WORDS  # "… with her. Sophie you're a legend"
    if prev and fold(prev) in _KIN and prev_sep.strip() in ("", ".", "-") and not ends_sentence:
        return False  # "my nephew Marcus", "cousin Liz", "St. Paddy's", "mother-in-law Peggy"
    if h.how in ("surname", "title_surname"):
        if not capitalised or shouting:
            return False
        opens = _at_sentence_start(text, h.start) or text[: h.start].rstrip().endswith(":")
        if h.how == "surname" and opens and is_word(fold(h.text)):
            return _person_follows(text, h.end)  # "White nationalism is cancer", "agenda: White genocide": the word
        # "Jake Pruitt": someone else with the client's surname ("The Fairweather siblings" is fine)
        return not (h.how == "surname" and _after_a_name(prev, prev_sep))
    if (
        h.how == "first_name"
        and _after_a_name(prev, prev_sep)
        and not _at_sentence_start(text, h.start - len(prev_sep) - len(prev))
    ):
        return False  # "Labor Day", "JP Morgan Chase": the end of another name
    if h.how == "first_initial":
        # "Hope A." needs both capitals; the initial itself makes the name reading likely
        return _capitalised(h.text[-1:]) and (not h.word_name or (capitalised and not shouting))
    if h.word_name:
        if shouting or not (capitalised or lowercase_name_use(text, h.start, h.end)):
            return False
        if _at_sentence_start(text, h.start) and not word_at_start and not _person_follows(text, h.end):
            return False  # "Will you…", "Hope for Cedar Bend 5K"
    nxt, sep = _next_word(text, h.end)
    if sep.startswith(("'s", "’s")) and _acronym_like(nxt):
        return True  # "Ossie's GP", "Nóra's GAD-7", "Ro's IEP", "Mo's HbA1c": a person's, not a shop's name
    # "Grace Lutheran", "Sam's Club", "Hope Pruitt": someone or something else
    return not (nxt and not sep.strip(" '’s") and _capitalised(nxt) and fold(nxt) not in _CAPS_OK)
