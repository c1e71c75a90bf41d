"""Name normalization and the name variants of a client (DESIGN.md section 7).

Both sides of every comparison go through the same functions here: the client list when the matcher is
built, and display names, usernames and free text when they are checked. A *variant* is a normalized
string (lower-case ASCII-folded tokens separated by single spaces) with what it means: a full name, a
nickname with the surname, a handle, a first name alone... Hashed client lists hold keyed hashes of the
same strings, so the matcher works the same way on either.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from nicknames import NickNamer
from rapidfuzz.distance import Levenshtein

from checks.analysis.normalize import fold, is_word_char, normalize, strip_name_credentials
from checks.analysis.word_lists import word_list, word_set
from checks.language import SUPPORTED, is_common_word
from scanner.clients import Client

_APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014"


# ------------------------------------------------------------------------------------------ name parsing

TITLES = word_set("names", "titles")
SUFFIXES = word_set("names", "suffixes")
PARTICLES = word_set("names", "particles")
SURNAME_TITLES = word_list("names", "surname_titles")


def _word_parts(word: str) -> list[str]:
    """A folded word split at hyphens / apostrophes / internal capitals into its alphanumeric parts."""
    raw = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", word)  # AnneMarie, McDonald, DeAngelo
    folded = fold(raw)
    return ["".join(c for c in p if is_word_char(c)) for p in re.split(r"[^\w]|_", folded) if p] or []


def spacing_alternatives(parts: list[str]) -> list[str]:
    """Every way of writing a multi-part word with or without spaces between the parts (≤ 8)."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return parts
    if len(parts) > 4:
        return [" ".join(parts), "".join(parts)]
    out = []
    for seps in itertools.product(("", " "), repeat=len(parts) - 1):
        out.append(parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True)))
    return out


def _strip_name_noise(name: str) -> tuple[str, list[str]]:
    """Drop emoji/credentials/titles; return the cleaned name and any quoted or bracketed nicknames."""
    quoted = re.findall(r"[\"“”(\[]([^\"“”()\[\]]{1,30})[\"“”)\]]", name)
    name = re.sub(r"[\"“”(\[][^\"“”()\[\]]{0,30}[\"“”)\]]", " ", name)
    segments = strip_name_credentials(name, SUFFIXES).split(",")  # "Grace Whitman, LISW"
    if len(segments) == 2 and normalize(segments[0]) and normalize(segments[1]):
        name = f"{segments[1]} {segments[0]}"  # "Last, First"
    else:
        name = " ".join(segments)
    return name, quoted


def name_words(name: str) -> list[list[str]]:
    """A display name as words, each a list of its parts; titles, credentials and emoji dropped.

    Apostrophes join (``O'Neil`` → ``oneil``); hyphens separate parts of one word (``anne``, ``marie``).
    """
    words: list[list[str]] = []
    for raw in name.split():
        raw = "".join(c for c in raw if c not in _APOSTROPHES)
        if not raw:
            continue
        parts = [part for piece in re.split(f"[{_HYPHENS}]", raw) for part in _word_parts(piece) if part]
        if parts:
            words.append(parts)
    while words and len(words[0]) == 1 and words[0][0] in TITLES and len(words) > 1:
        words.pop(0)
    while words and len(words[-1]) == 1 and words[-1][0] in SUFFIXES and len(words) > 2:
        words.pop()
    return words


def display_words(name: str) -> list[str]:
    """A display name's words as compared, each hyphenated word joined ("annemarie"): titles, credentials, emoji
    and quoted nicknames dropped, ``Last, First`` put in order."""
    cleaned, _ = _strip_name_noise(name)
    return ["".join(w) for w in name_words(cleaned)]


@dataclass(frozen=True)
class ParsedName:
    """A name as given name, middle names and surname, each a list of spacing alternatives."""

    given: tuple[str, ...]
    middles: tuple[tuple[str, ...], ...]
    surname: tuple[str, ...]

    @property
    def given_key(self) -> str:
        return self.given[-1] if self.given else ""

    @property
    def surname_key(self) -> str:
        return self.surname[-1] if self.surname else ""


def parse_name(name: str) -> ParsedName | None:
    """Split a client-list name into given / middle / surname (surname particles stay with the surname)."""
    cleaned, _ = _strip_name_noise(name)
    words = []
    for raw in cleaned.split():
        raw_parts = [p for x in re.split(f"[{_HYPHENS}{_APOSTROPHES}]", raw) for p in _word_parts(x)]
        if raw_parts:
            words.append(raw_parts)
    while words and len(words[0]) == 1 and words[0][0] in TITLES and len(words) > 1:
        words.pop(0)
    while words and len(words[-1]) == 1 and words[-1][0] in SUFFIXES and len(words) > 2:
        words.pop()
    if not words:
        return None
    if len(words) == 1:
        return ParsedName(tuple(spacing_alternatives(words[0])), (), ())
    surname = words[-1]
    rest = words[:-1]
    while len(rest) > 1 and len(rest[-1]) == 1 and rest[-1][0] in PARTICLES:
        surname = rest.pop() + surname
    given = rest[0]
    middles = tuple(tuple(spacing_alternatives(w)) for w in rest[1:])
    return ParsedName(tuple(spacing_alternatives(given)), middles, tuple(spacing_alternatives(surname)))


# ------------------------------------------------------------------------------------------ nicknames


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


@cache
def nicknames_for(given: str) -> frozenset[str]:
    """Nicknames of a given name from the ``nicknames`` dataset, both directions (Robert ↔ Bob).

    A "nickname" that is a given name of its own (Peter for Patrick, Lisa for Elizabeth) is left out.
    """
    nn = _nicknamer()
    out: set[str] = set()
    for nick in nn.nicknames_of(given):
        own = nn.nicknames_of(nick)
        if own and given not in own:
            continue
        out.add(nick)
    canon = nn.canonicals_of(given)
    if 0 < len(canon) <= 2:
        out.update(canon)
    out.discard(given)
    return frozenset(n for n in out if len(n) >= 2 and n.isalpha())


def respelled(nickname: str, given: str) -> bool:
    """Whether a name the dataset links to a given name is another spelling of it, one letter apart ("Sophia"
    for Sophie, "Anna" for Anne, "Justina" for Justin, "Sara" for Sarah): a person writes their own name one way,
    so it is someone else's name, unlike a shortening ("Steve", "Tash") or a pet form ("Rosie", "Dennie")."""
    if nickname in given or Levenshtein.distance(nickname, given) != 1:
        return False
    stem = nickname[:-2] if nickname.endswith("ie") else nickname[:-1] if nickname.endswith(("y", "i")) else ""
    return not (stem and given.startswith(stem))


def resembles(nickname: str, given: str) -> bool:
    """Whether a nickname from the dataset visibly comes from the given name: the same initial, or one inside
    the other ("Tom", "Patty", "Liz" for Elizabeth). Only those are taken with the surname for the client; any
    other one the dataset links to the name ("Bill" for Robert, "Ian" for John, "Ellen" for Helen) is as often a
    relative's own name, and counts only when the client list gives it as an alias."""
    return (nickname[:1] == given[:1] or nickname in given or given in nickname) and not respelled(nickname, given)


def is_known_given_name(token: str) -> bool:
    """True when the nicknames dataset knows the token as a given name or a nickname."""
    nn = _nicknamer()
    return bool(nn.nicknames_of(token) or nn.canonicals_of(token))


@cache
def word_names() -> frozenset[str]:
    """Names that are also ordinary English words (checks/lexicons/word_names.txt)."""
    text = resources.files("checks.lexicons").joinpath("word_names.txt").read_text(encoding="utf-8")
    return frozenset(
        normalize(line) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


# ------------------------------------------------------------------------------------------ variants

# Person-matching base scores per kind of variant.
SCORES = {
    "x_id": 1.0,
    "handle": 1.0,
    "handle_text": 1.0,
    "full_name": 1.0,
    "first_last": 0.98,
    "reversed": 0.9,
    "alias": 0.97,
    "nickname": 0.95,
    "initial": 0.90,
    "first_initial": 0.8,
    "title_surname": 0.6,
    "first_name": 0.5,
    "surname": 0.4,
    "nickname_alone": 0.3,
}
NICKNAME_ALONE = "nickname_alone"
"""Any nickname of a client's given name, alone ("Bob" for Robert Lee): not a mention, but a redacted
report hides it."""
PERSON_KINDS = frozenset({"x_id", "handle", "full_name", "first_last", "alias", "nickname", "initial"})
STRONG_TEXT_KINDS = frozenset({"handle_text", "full_name", "first_last", "reversed", "alias", "nickname"})
WEAK_TEXT_KINDS = frozenset({"first_name", "first_initial", "title_surname", "surname"})
# kinds whose compact two-token forms a username may spell
USERNAME_KINDS = frozenset({"full_name", "first_last", "alias", "nickname", "initial"})


@dataclass(frozen=True)
class Variant:
    """One normalized form of a client's name or handle and what it means.

    ``text`` is the normalized string; ``how`` its kind (see ``SCORES``); ``platform`` is set for
    handles; ``word_name`` marks a single name that is also an English word.
    """

    text: str
    how: str
    platform: str = ""
    word_name: bool = False

    @property
    def score(self) -> float:
        return SCORES.get(self.how, 0.5)

    @property
    def for_person(self) -> bool:
        return self.how in PERSON_KINDS

    @property
    def text_role(self) -> str:
        """``strong`` / ``weak`` / '' — how a text occurrence of this variant counts."""
        if self.how in STRONG_TEXT_KINDS:
            return "strong"
        if self.how in WEAK_TEXT_KINDS:
            return "weak"
        return ""

    @property
    def flags(self) -> str:
        return "w" if self.word_name else ""


def normalize_handle(handle: str) -> str:
    """A handle as compared: URL reduced to its last path segment, ``@`` stripped, case-folded."""
    h = handle.strip()
    if "/" in h:
        segs = [s for s in h.split("?")[0].split("#")[0].split("/") if s and s not in ("_u", "in", "www")]
        h = segs[-1] if segs else h
    return fold(h.lstrip("@")).strip()


def handle_text(handle: str) -> str:
    """The normalized text form of a handle, as it appears in normalized text (``hope_alv`` → ``hope alv``)."""
    return normalize(normalize_handle(handle).split("@")[0])


def _combos(*alts: Iterable[str]) -> Iterator[str]:
    for combo in itertools.product(*alts):
        yield " ".join(c for c in combo if c)


_LONGEST_NICKNAME = 7  # a longer single-word alias that is no known given name is a surname ("Fitzpatrick")


@lru_cache(maxsize=1 << 16)
def is_word(token: str) -> bool:
    """Whether a folded name (a given name or a surname) is also an ordinary word of English or French ("hope",
    "will", "white", "jour"); remembered per token: a long client list repeats its given names."""
    joined = token.replace(" ", "")
    return joined in word_names() or token in word_names() or any(is_common_word(joined, lang) for lang in SUPPORTED)


def _letters(name: ParsedName) -> str:
    """A parsed name's letters, without spaces or hyphens: the same for "Kerry-Ann Wilson" and "Kerry Ann Wilson"."""
    return "".join(part[0].replace(" ", "") for part in (name.given, *name.middles, name.surname) if part)


def _same_person_nickname(nickname: str, main: ParsedName | None) -> bool:
    """Whether a name the dataset links to an alias's given name may still be the client's: with no full name
    listed, or when it is the listed given name or one of its own nicknames. "Malcolm", the dataset's full form of
    the alias "Mal", is another man's name when the client list says the client is Malachy."""
    if main is None:
        return True
    givens = {g.replace(" ", "") for g in main.given}
    return nickname in givens or any(nickname in nicknames_for(g) for g in givens)


def client_variants(client: Client) -> list[Variant]:
    """Every variant of one client: names, aliases, nicknames, handles, X ids (deduplicated)."""
    found: dict[tuple[str, str, str], Variant] = {}

    def add(text: str, how: str, platform: str = "") -> None:
        text = " ".join(text.split())
        key = (text, how, platform)
        if not text or key in found:  # the first of the same variant is kept
            return
        single = text if how != "first_initial" else re.sub(r"(?: \w)+$", "", text)  # "harper n s": "harper"
        word = how in ("first_name", "first_initial", NICKNAME_ALONE) and is_word(single)
        found[key] = Variant(text, how, platform, word_name=word)

    forms: list[tuple[ParsedName, str]] = []
    main = parse_name(client.name)
    if main:
        forms.append((main, "full_name"))
    single_aliases: list[str] = []
    for alias in client.aliases:
        parsed = parse_name(alias)
        if parsed is None:
            continue
        if parsed.surname:
            forms.append((parsed, "alias"))
        else:
            single_aliases.extend(parsed.given)
    surnames = {s for form, _ in forms for s in form.surname}
    givens_main = set(main.given) if main else set()
    # a single-token alias is a nickname unless it looks like a surname (long, not a known given name)
    # a single-word alias is a nickname when short or a known given name, a surname (maiden or married) when it
    # is no known given name; a short unknown one ("Mossie", "Whitlow") may be either, and is read as both
    alias_nicks = [a for a in single_aliases if " " in a or len(a) <= _LONGEST_NICKNAME or is_known_given_name(a)]
    alias_surnames = [a for a in single_aliases if " " not in a and len(a) >= 4 and not is_known_given_name(a)]

    for form, how in forms:
        real_surname = any(len(s.replace(" ", "")) > 1 for s in form.surname)
        middles = form.middles
        for text in _combos(form.given, *middles, form.surname):
            add(text, how)
        if middles:  # "ngaire.terangi" for Ngaire Te Rangi: the words after the given name run together
            rest = "".join(m[0].replace(" ", "") for m in middles) + form.surname[0].replace(" ", "")
            for g in form.given:
                add(f"{g} {rest}", how)
        if middles and not (how == "alias" and main and _letters(form) == _letters(main)):
            # (an alias that only writes the name without its hyphens, "Kerry Ann Wilson" for Kerry-Ann Wilson,
            # has no middle name to leave out: "Kerry Wilson" is someone else)
            for text in _combos(form.given, form.surname):
                add(text, "first_last" if how == "full_name" else how)
        if not real_surname:
            continue
        given_forms = set(form.given)
        nicks = set(alias_nicks)
        for g in form.given:
            linked = {n for n in nicknames_for(g.replace(" ", "")) if resembles(n, g.replace(" ", ""))}
            nicks |= linked if how != "alias" else {n for n in linked if _same_person_nickname(n, main)}
        nicks -= given_forms
        for text in _combos(sorted(nicks), form.surname):
            add(text, "nickname")
        for text in _combos(form.surname, form.given):
            add(text, "reversed")  # "Alvarado, Hope" in text
        for g in sorted(given_forms | nicks):
            for s in form.surname:
                add(f"{g} {s[0]}", "first_initial")
                if " " in s:  # "Harper N-S" for Harper Nguyen-Smith: the initial of each part of the surname
                    add(f"{g} {' '.join(part[0] for part in s.split())}", "first_initial")
        for s in form.surname:
            add(f"{form.given_key[0]} {s}", "initial")
            add(s, "surname")
            for t in SURNAME_TITLES:
                add(f"{t} {s}", "title_surname")
        for extra in alias_surnames:
            for text in _combos(sorted(given_forms | nicks), [extra]):
                add(text, "alias")
    # first names and nicknames alone (weak in text); package nicknames only when they resemble the name
    for g in sorted(givens_main):
        add(g, "first_name")
        for nick in nicknames_for(g.replace(" ", "")):
            if (nick[:2] == g[:2] or nick in g.replace(" ", "")) and not respelled(nick, g.replace(" ", "")):
                add(nick, "first_name")
    for a in alias_nicks:
        add(a, "first_name")
    for g in sorted(givens_main):
        for nick in sorted(nicknames_for(g.replace(" ", ""))):
            if (nick, "first_name", "") not in found:
                add(nick, NICKNAME_ALONE)
    if not surnames and main:
        for g in main.given:
            add(g, "first_name")

    for platform, handle in client.handles:
        h = normalize_handle(handle)
        if not h:
            continue
        if platform == "x_id":
            add(h, "x_id", "x")
        else:
            add(h, "handle", platform)
            add(handle_text(h), "handle_text", platform)
    return list(found.values())


def keyed_hash(key: bytes, text: str) -> str:
    """HMAC-SHA256 of a normalized variant, hex, truncated to 128 bits (hashed client lists)."""
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


# ------------------------------------------------------------------------------------------ person side


class DisplayForm(NamedTuple):
    """One candidate reading of a display name: its penalty (0 = as shown) and whether it reads the words in
    reverse order ("Nguyen Mai" for Mai Nguyen), which only a name that is no common given name may do."""

    penalty: float
    reversed: bool = False


def _unit_forms(
    units: list[str], out: dict[str, DisplayForm], base: float, max_trailing: int = 2, *, reverse: bool = False
) -> None:
    """Given/surname splits of a display name's units, with penalties for dropped and trailing words.

    A trailing word is left out only when the word before it is no given name: "Mari Mae Young" is Mari Mae
    Young, whose middle name is Mae, not a client listed as "Mari Mae"."""
    n = len(units)
    if n < 2:
        return
    _keep(out, " ".join(units), base, reverse)
    for i in range(1, min(2, n - 1) + 1):
        given = " ".join(units[:i])
        for j in range(i, n):
            dropped = units[i:j]
            if len(dropped) > 2:
                break
            drop_pen = sum(0.01 if len(u) == 1 else 0.03 for u in dropped)
            for k in range(j + 1, min(j + 2, n) + 1):
                trailing = n - k
                if trailing > max_trailing or (trailing and is_known_given_name(units[k - 1].replace(" ", ""))):
                    continue
                _keep(out, f"{given} {' '.join(units[j:k])}", base + drop_pen + 0.05 * trailing, reverse)


def _keep(out: dict[str, DisplayForm], text: str, penalty: float, reverse: bool = False) -> None:
    old = out.get(text, _NO_FORM)
    if penalty < old.penalty or (penalty == old.penalty and old.reversed and not reverse):
        out[text] = DisplayForm(penalty, reverse)


_NO_FORM = DisplayForm(9.0)


def _keep_least(out: dict[str, float], text: str, penalty: float) -> None:
    if penalty < out.get(text, 9.0):
        out[text] = penalty


def _plain_tail(cleaned: str) -> int:
    """How many of a display name's last words (at most 2) are not part of the name: ordinary words ("Hazel
    Buckley Florist") or credentials written in capitals ("Nasreen Akhtar MRPharmS"). Any other word after a
    full name makes a longer name of someone else ("Robert Pruitt Hale"), never the client's full name."""
    count = 0
    for raw in reversed(cleaned.split()):
        parts = name_words(raw)
        if not parts:
            continue  # an emoji or a separator
        word = "".join(parts[0])
        capitals = sum(c.isupper() for c in raw)
        if not (capitals >= 3 and not cleaned.isupper()) and not any(is_common_word(word, lang) for lang in SUPPORTED):
            break
        count += 1
        if count == 2:
            break
    return count


def display_forms(name: str) -> dict[str, DisplayForm]:
    """Candidate normalized forms of a display name → how they read it (penalty 0 = as shown).

    Covers ``Last, First``, quoted nicknames (``Katherine "Katie" Moreau``), dropped middle names and
    initials, hyphenated and apostrophe spellings, trailing words that are no name ("Florist", "MRPharmS"),
    and the reversed order when neither end is a common given name ("Nguyen Mai", not "Lee Morgan").
    """
    out: dict[str, DisplayForm] = {}
    cleaned, quoted = _strip_name_noise(name)
    words = name_words(cleaned)
    if len(words) > 7:
        return out
    tail = _plain_tail(cleaned)
    variants = [words]
    for q in quoted:
        qparts = [part for piece in q.split() for part in _word_parts(piece) if part]
        if len(qparts) == 1 and len(words) >= 2:
            variants.append([[qparts[0]], *words[1:]])
    for ws in variants:
        _unit_forms([" ".join(w) for w in ws], out, 0.0, tail)
        _unit_forms(["".join(w) for w in ws], out, 0.0, tail)
        # Hyphen parts as separate words, but a part is never dropped from the end: "Faure-Dumas" is not "Faure".
        _unit_forms([p for w in ws for p in w], out, 0.0, max_trailing=0)
        if len(ws) in (2, 3) and not any(is_known_given_name("".join(w)) for w in (ws[0], ws[-1])):
            _unit_forms(["".join(w) for w in reversed(ws)], out, 0.05, tail, reverse=True)
    return out


def username_forms(handle: str) -> dict[str, float]:
    """Candidate ``given surname`` forms a username may spell (``jane.doe87``, ``janedoe_``, ``jdoe``,
    ``doe.jane``) → penalty. Only letters count; digits and separators split the segments."""
    out: dict[str, float] = {}
    local = normalize_handle(handle).split("@")[0]
    segs = [s for s in re.split(r"[^a-z]+", fold(local)) if s][:6]
    for i, a in enumerate(segs):
        for j in range(i + 1, len(segs)):
            b = segs[j]
            _keep_least(out, f"{a} {b}", 0.0 if j == i + 1 else 0.02)
            _keep_least(out, f"{b} {a}", 0.02)
        if len(a) >= 4:
            for k in range(1, len(a) - 1):
                _keep_least(out, f"{a[:k]} {a[k:]}", 0.0)
                _keep_least(out, f"{a[k:]} {a[:k]}", 0.02)
    return out


def hashed_list_text(clients: Iterable[Client], key: bytes) -> str:
    """A hashed client list (``clients hash``): a versioned header, then ``id,status,variants`` with each
    variant as ``kind:platform:flags:hmac``. No name, alias, handle or note is written."""
    from scanner.clients import HASHED_MAGIC, HASHED_VERSION, key_fingerprint

    lines = [
        f"{HASHED_MAGIC} version={HASHED_VERSION} hash=hmac-sha256-128 key={key_fingerprint(key)}",
        "id,status,variants",
    ]
    for client in clients:
        entries = sorted({f"{v.how}:{v.platform}:{v.flags}:{keyed_hash(key, v.text)}" for v in client_variants(client)})
        lines.append(f"{client.id},{client.status},{';'.join(entries)}")
    return "\n".join(lines) + "\n"
