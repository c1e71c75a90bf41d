"""Shared text analysis for the text checks (work-related-post, client-mention, phi-identifier).

One analysis per record, cached through ``ctx.cached`` so the three checks share it: the record's text
is folded once (NFKC, accents stripped, case-folded, with a map back to the original offsets), every
lexicon term is found in one Aho–Corasick pass (plus a few regular expressions kept in the lexicon
files), hits are filtered by their negative contexts (``lexicons/negative_contexts.toml``: "gym
session", "be patient", "my therapist", "Dan's clients" ...), and the kept hits give a work score with
an explanation naming every term that counted.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

import ahocorasick

from checks.analysis.clientele import CLIENTELE, someone_elses_clientele
from checks.analysis.normalize import fold, fold_with_map
from checks.analysis.surnames import surname_reason
from checks.base import CheckContext, Evidence
from checks.language import is_supported, language_name, language_of, lexicon_languages, read_language
from checks.policy import Workplace
from checks.prefilter import any_of, joinable, required_literals, requires_digit
from scanner.records import AnyRecord, Audience, Comment, Place, Post, Profile, Thread

WORK_THRESHOLD = 2.0
"""A text whose work score reaches this is about the clinician's clinical work."""

GENERIC_WORKPLACE_CAP = 1.5
"""The most that generic workplace words ("at work", "the office", "my job", "first day") add up to. They say
that the owner has a job, not that the text is about clinical work: "Long day at work", "I love my job" and
"first day back at work" are what everyone posts, so with nothing else such a text is borderline (reported only
in an account that often posts about its clinical work), and venting counts only next to a work or clinical
term, a workplace name or a workplace tag. Measured on real everyday tweets (Sentiment140, eval/realtext):
work-related findings −1.0 and −1.2 per 1,000 on its two halves; on the labelled corpora work-related recall −1
on dev and unchanged elsewhere (care settings such as "the clinic" stay in workplace_terms.txt and count fully)."""

WORK_POOL = ("work", "clinical", "workplace", "job", "workplace_name")
LEXICON_FILES = {
    "work": ("work_terms.txt",),
    "clinical": ("clinical_terms.txt",),
    "workplace": ("workplace_terms.txt",),
    "job": ("job_terms.txt",),
    "venting": ("venting.txt",),
    "health": ("health_terms.txt", "medications.txt"),
    "health_vocab": ("health_vocab.txt", "health_vocab_fr.txt", "health_care_terms.txt", "care_details.txt"),
}
HEALTH_LEXICONS = ("health", "health_vocab")
"""Health details about a person: the curated lexicons ("health", which also counts as a work cue) and the broad
vocabulary: conditions generated from ICD-10-CM, care, injuries and disability in plain words, details of a
person's care written as narrative (care_details.txt) ("health_vocab", no work cue)."""
REASONS = {
    "work": "work term",
    "clinical": "clinical term",
    "workplace": "workplace term",
    "job": "workplace term",
    "workplace_name": "names the workplace",
    "venting": "venting about work",
    "health": "health information",
    "health_vocab": "health information",
}
_WORD = re.compile(r"[\w'’&@.-]*\w|\w")


# ---------------------------------------------------------------------------------------------- folding
def words(text: str) -> list[str]:
    """Words of a folded text (apostrophes, hyphens, ``&`` and ``@`` kept inside words)."""
    found: list[str] = _WORD.findall(text)  # each ends with a word character: only leading dots to strip
    return [w.lstrip(".") for w in found] if "." in text else found


MARGIN = 200
"""Characters either side of a hit that context rules read: far more than any rule's window of words."""


def words_before(text: str, start: int, end: int, *, folded: bool = True) -> list[str]:
    """The last words of ``text[start:end]`` (tokenized from a margin, not from ``start``; the slice is
    folded first when ``text`` is not)."""
    lo = max(start, end - MARGIN)
    part = text[lo:end] if folded else fold(text[lo:end])
    found = words(part)
    return found[1:] if lo > start else found  # the first may be cut


def words_after(text: str, start: int) -> list[str]:
    """The first words of ``text[start:]`` (tokenized up to a margin)."""
    found = words(text[start : start + MARGIN])
    return found[:-1] if len(text) - start > MARGIN else found  # the last may be cut


@cache
def _phrase_re(phrase: str) -> re.Pattern[str]:
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.compile(left + re.escape(phrase) + right)


def has_phrase(haystack: str, phrase: str) -> bool:
    """Whether folded ``phrase`` occurs in folded ``haystack`` as whole words."""
    return bool(_phrase_re(phrase).search(haystack))


@cache
def _any_phrase_res(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The phrases as one alternation per kind of edge (:func:`_phrase_re`'s word-boundary checks written once
    around the group: a branch that fits but fails the check after it gives way to the next, so the group
    matches where one of its phrases' own patterns does)."""
    by_edges: dict[tuple[bool, bool], list[str]] = {}
    for phrase in phrases:
        by_edges.setdefault((phrase[:1].isalnum(), phrase[-1:].isalnum()), []).append(re.escape(phrase))
    return tuple(
        re.compile((r"(?<!\w)" if left else "") + "(?:" + "|".join(alts) + ")" + (r"(?!\w)" if right else ""))
        for (left, right), alts in by_edges.items()
    )


def has_any_phrase(haystack: str, phrases: Iterable[str]) -> bool:
    """Whether one of the folded ``phrases`` occurs in folded ``haystack`` as whole words: the answer of
    :func:`has_phrase` over each, in one to four searches (a lexicon list holds hundreds: 208 → 3 µs a text)."""
    return any(pattern.search(haystack) for pattern in _any_phrase_res(tuple(phrases)))


def ends_with_phrase(tail: Sequence[str], phrases: Iterable[str], window: int) -> str | None:
    """The first phrase whose words end within the last ``window`` words of ``tail``."""
    n = len(tail)
    lo = max(n - window, 0)
    last = set(tail[lo:n])
    for phrase in phrases:
        pw = _split(phrase)
        if pw and pw[-1] not in last:
            continue  # its last word is not in the window
        for end in range(n, lo, -1):
            if end - len(pw) >= 0 and tuple(tail[end - len(pw) : end]) == pw:
                return phrase
    return None


@cache
def _split(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.split())


def starts_with_phrase(head: Sequence[str], phrases: Iterable[str]) -> str | None:
    """The first phrase whose words start ``head``."""
    for phrase in phrases:
        pw = phrase.split()
        if list(head[: len(pw)]) == pw:
            return phrase
    return None


# --------------------------------------------------------------------------------------------- lexicons
@dataclass(frozen=True)
class Term:
    """One lexicon entry."""

    lexicon: str
    term: str  # folded; for regex entries the pattern
    weight: float
    prefix: bool = False
    kind: str = "plain"  # plain | regex | case (case-sensitive, on the original text)
    lang: str = "en"  # the language the term belongs to ("@lang xx" lines in the lexicon files)


@dataclass(frozen=True)
class Rule:
    """A negative context for some terms (see negative_contexts.toml)."""

    terms: frozenset[str]
    window: int = 2
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    sentence: tuple[str, ...] = ()
    text: tuple[str, ...] = ()
    possessor: bool = False
    trade: bool = False  # drop it when the text names another trade (``Lexicons.trades``), even in the first person
    tagged: bool = False  # drop it when the text is tagged at another place than the workplace ("@ Joe's Diner")


@dataclass(frozen=True)
class Lexicons:
    """Every lexicon, its automaton, the negative rules, dampers and people words.

    The automaton maps each key to ``(key, terms, pattern ids)``: the plain lexicon terms spelled that
    way, and the patterns that can only match a text holding the key (see :mod:`checks.prefilter`). One
    pass over a text finds the terms and says which patterns to try. Pattern ids number ``regexes``
    first, then ``damper_patterns``; ``always`` are tried on every text (no useful literal), ``with_digits``
    on every text that holds a digit (patterns that match only where there is one).
    """

    automaton: Any
    regexes: tuple[tuple[Term, re.Pattern[str]], ...]
    case_regexes: tuple[tuple[Term, re.Pattern[str]], ...]  # tried when the term is in the text as written
    rules: dict[str, tuple[Rule, ...]]
    dampers: dict[str, tuple[float, tuple[str, ...]]]
    people: dict[str, tuple[str, ...]]
    damper_patterns: tuple[tuple[str, float, re.Pattern[str]], ...]  # (group, weight, regex), in file order
    always: frozenset[int]
    with_digits: frozenset[int] = frozenset()
    trades: tuple[str, ...] = ()  # words, phrases and "re:" patterns that name a trade other than the clinician's
    # without and with a digit in the text: the ungated ids one joined search rules out together, and it
    ungated: tuple[tuple[frozenset[int], re.Pattern[str] | None], ...] = ((frozenset(), None), (frozenset(), None))

    def pattern(self, i: int) -> re.Pattern[str]:
        """The compiled pattern of id ``i`` (a lexicon regex or a damper phrase)."""
        return self.regexes[i][1] if i < len(self.regexes) else self.damper_patterns[i - len(self.regexes)][2]


def _read(name: str) -> str:
    return resources.files("checks.lexicons").joinpath(name).read_text(encoding="utf-8")


def parse_lexicon(lexicon: str, text: str) -> list[Term]:
    """Parse ``weight <TAB> term`` lines (``#`` comments; ``*`` suffix; ``re:`` regex; ``=`` case-sensitive;
    ``@lang xx`` sets the language of the terms that follow)."""
    terms = []
    lang = "en"
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@lang"):
            lang = line.split()[1]
            continue
        weight_s, _, raw = line.partition("\t")
        raw = raw.strip()
        weight = float(weight_s)
        if raw.startswith("re:"):
            terms.append(Term(lexicon, raw[3:], weight, kind="regex", lang=lang))
        elif raw.startswith("="):
            terms.append(Term(lexicon, raw[1:], weight, kind="case", lang=lang))
        else:
            prefix = raw.endswith("*")
            terms.append(Term(lexicon, fold(raw.rstrip("*")), weight, prefix=prefix, lang=lang))
    return terms


def _all_terms(skip: frozenset[str] = frozenset()) -> Iterator[Term]:
    """Every term of every lexicon file but ``skip``, in file order."""
    for lexicon, filenames in LEXICON_FILES.items():
        for filename in filenames:
            if filename not in skip:
                yield from parse_lexicon(lexicon, _read(filename))


_MIN_GATE = 3
_DIGIT = re.compile(r"\d")
ANY_LANGUAGE = "any"
"""``@lang any``: terms written the same in every language (questionnaire names, drug names, codes)."""


@cache
def lexicons() -> Lexicons:
    """Load every lexicon file once (data in checks/lexicons/)."""
    entries: dict[str, list[Term]] = {}
    gates: dict[str, list[int]] = {}  # automaton key → ids of the patterns it lets run
    always: set[int] = set()
    with_digits: set[int] = set()

    def gate(pattern_id: int, literals: Iterable[str] | None, pattern: str | None = None) -> None:
        if not literals or min(len(x) for x in literals) < _MIN_GATE:
            # no useful literal (" " or "a" is in every text): every text, or every text with a digit
            (with_digits if pattern and requires_digit(pattern) else always).add(pattern_id)
            return
        for literal in literals:
            gates.setdefault(literal, []).append(pattern_id)

    regexes: list[tuple[Term, re.Pattern[str]]] = []
    case_regexes: list[tuple[Term, re.Pattern[str]]] = []
    for t in _all_terms():
        if t.kind == "regex":
            gate(len(regexes), required_literals(t.term), t.term)
            regexes.append((t, re.compile(t.term)))
        elif t.kind == "case":
            case_regexes.append((t, re.compile(r"(?<!\w)" + re.escape(t.term) + r"(?!\w)")))
        else:
            entries.setdefault(t.term, []).append(t)
    neg = tomllib.loads(_read("negative_contexts.toml"))
    rules: dict[str, list[Rule]] = {}
    for r in neg.get("rule", []):
        rule = Rule(
            terms=frozenset(fold(t) for t in r["terms"]),
            window=int(r.get("window", 2)),
            before=tuple(fold(x) for x in r.get("before", ())),
            after=tuple(fold(x) for x in r.get("after", ())),
            sentence=tuple(fold(x) for x in r.get("sentence", ())),
            text=tuple(fold(x) for x in r.get("text", ())),
            possessor=bool(r.get("possessor", False)),
            trade=bool(r.get("trade", False)),
            tagged=bool(r.get("tagged", False)),
        )
        for key in rule.terms:
            rules.setdefault(key, []).append(rule)
    dampers = {
        name: (float(d["weight"]), tuple(x if x.startswith("re:") else fold(x) for x in d["terms"]))
        for name, d in neg.get("dampers", {}).items()
    }
    people = {k: tuple(v if k == "family_titles" else fold(v) for v in vs) for k, vs in neg.get("people", {}).items()}
    damper_patterns: list[tuple[str, float, re.Pattern[str]]] = []
    for group, (weight, phrases) in dampers.items():
        for x in phrases:
            literals = required_literals(x[3:]) if x.startswith("re:") else [x]
            gate(len(regexes) + len(damper_patterns), literals, x[3:] if x.startswith("re:") else None)
            damper_patterns.append((group, weight, re.compile(x[3:]) if x.startswith("re:") else _phrase_re(x)))
    auto = ahocorasick.Automaton()
    for key in entries.keys() | gates.keys():
        auto.add_word(key, (key, tuple(entries.get(key, ())), tuple(gates.get(key, ()))))
    auto.make_automaton()
    lex = Lexicons(
        automaton=auto,
        regexes=tuple(regexes),
        case_regexes=tuple(case_regexes),
        rules={k: tuple(v) for k, v in rules.items()},
        dampers=dampers,
        people=people,
        damper_patterns=tuple(damper_patterns),
        always=frozenset(always),
        with_digits=frozenset(with_digits),
        trades=tuple(x if x.startswith("re:") else fold(x) for x in neg.get("trades", ())),
    )
    ungated = []
    for ids in (always, always | with_digits):
        covered = sorted(i for i in ids if joinable(lex.pattern(i)))
        ungated.append((frozenset(covered), any_of([lex.pattern(i) for i in covered])))
    return replace(lex, ungated=tuple(ungated))


@cache
def lexicon_words() -> frozenset[str]:
    """Every word of every plain lexicon term (generic vocabulary, never identifying on its own). Medicine
    names are not generic: "on clozapine" in a client's notes still describes that client, and neither are the
    conditions and care details of the broad vocabulary ("cystic fibrosis")."""
    out: set[str] = set()
    for t in _all_terms(skip=frozenset({"medications.txt", *LEXICON_FILES["health_vocab"]})):
        if t.kind == "plain":
            out.update(words(t.term))
    return frozenset(out)


# ------------------------------------------------------------------------------------------------ hits
@dataclass(frozen=True)
class Hit:
    """A lexicon term found in the text, at ``[start, end)`` of the ORIGINAL text."""

    lexicon: str
    term: str
    weight: float
    start: int
    end: int
    text: str
    fstart: int = 0  # folded offsets
    fend: int = 0
    dropped: str | None = None  # why a negative context dropped it
    pattern: bool = False  # found by a regular expression (rules then apply to its last word)
    lang: str = ""  # the language of the lexicon term ('' for the workplace's own names)

    def evidence(self, reason: str | None = None, weight: float | None = None) -> Evidence:
        """This hit as report evidence (``weight``: what it added to a score)."""
        return Evidence(
            self.start, self.end, self.text, reason or f"{REASONS.get(self.lexicon, self.lexicon)}", weight=weight
        )


@dataclass(frozen=True)
class Segment:
    """A part of the analysed text: a post's text, or one message of a thread."""

    start: int
    end: int
    owner: bool = True
    sender: str | None = None


@dataclass
class TextAnalysis:
    """Everything the text checks need to know about one record's text."""

    text: str
    folded: str
    index: list[int]
    segments: tuple[Segment, ...]
    hits: list[Hit] = field(default_factory=list)  # kept
    dropped: list[Hit] = field(default_factory=list)
    dampers: list[tuple[str, float, str]] = field(default_factory=list)  # (group, weight, phrase)
    place_hit: str | None = None  # the record is tagged at the workplace (its place name)
    audience: Audience = Audience.UNKNOWN
    lang: str | None = None  # the owner's language, identified when a language's own term was found (None:
    # not needed, or too short to tell: every lexicon applies)
    in_text: dict[str, bool] = field(default_factory=dict, repr=False)  # whole-text phrase tests, once each
    tags: list[tuple[int, int]] = field(default_factory=list, repr=False)  # location tags of other places than
    # the workplace (see location_tags)
    quoted: list[tuple[int, int]] = field(default_factory=list, repr=False)  # others' words (see others_words)
    partner_langs: dict[int, str | None] = field(default_factory=dict, repr=False)  # other people's messages

    # -- views
    def find_phrase(self, phrase: str) -> tuple[int, int] | None:
        """Where folded ``phrase`` first occurs as whole words, in offsets of the original text."""
        m = _phrase_re(phrase).search(self.folded)
        return (self.index[m.start()], self.index[m.end()]) if m else None

    def kept(self, lexicons: Iterable[str], segment: Segment | None = None, *, own: bool = False) -> list[Hit]:
        """Kept hits of these lexicons (in one segment if given; only in the owner's own words if ``own``)."""
        lex = set(lexicons)
        return [
            h
            for h in self.hits
            if h.lexicon in lex
            and (segment is None or segment.start <= h.start < segment.end)
            and (not own or self.segment_of(h.start).owner)
        ]

    def health_hits(self, segment: Segment | None = None) -> list[Hit]:
        """Health terms of the curated lexicons that are not the clinician's own or her family's."""
        return self.kept(("health",), segment)

    def phi_health_hits(self, segment: Segment | None = None) -> list[Hit]:
        """Health details for phi-identifier: :meth:`health_hits` and the broad vocabulary's terms that do not
        overlap one of them. The broad vocabulary is read by phi-identifier only: it is no work cue and does not
        confirm a client's name."""
        curated = self.health_hits(segment)
        broad = [
            h
            for h in self.kept(("health_vocab",), segment)
            if not any(c.start < h.end and h.start < c.end for c in curated)
        ]
        return sorted(curated + broad, key=lambda h: (h.start, h.end)) if broad else curated

    def segment_of(self, pos: int) -> Segment:
        """The segment holding original offset ``pos`` (a binary search: threads have many segments)."""
        i = bisect.bisect_right(self.segments, pos, key=lambda s: s.start) - 1
        if i >= 0 and self.segments[i].start <= pos < self.segments[i].end:
            return self.segments[i]
        return next((s for s in self.segments if s.start <= pos < s.end), self.segments[-1])

    def best_work_hits(self, segment: Segment | None = None, *, own: bool = False) -> dict[str, Hit]:
        """The heaviest kept hit of each work, clinical and workplace term (a term counts once per text)."""
        best: dict[str, Hit] = {}
        for h in self.kept(WORK_POOL, segment, own=own):
            if h.term not in best or h.weight > best[h.term].weight:
                best[h.term] = h
        return best

    def specific_work_score(self) -> float:
        """The owner's work score from work and clinical terms and workplace names alone: no generic workplace words
        ("at work", "the office"), health details or venting. What says that the job is the clinical one."""
        return sum(h.weight for h in self.best_work_hits(own=True).values() if h.lexicon != "job")

    def work_score(self, segment: Segment | None = None, *, dampers: bool = True) -> tuple[float, list[Evidence]]:
        """The work score (of one segment, or of everything the owner wrote) and the evidence for every term
        that counted. Other people's messages in a thread are their words, not the owner's clinical work.

        ``dampers=False`` leaves out the whole-text dampers (advocacy, peer community): used to confirm a
        client's first name, where the name itself already says the text is about a person.
        """
        own = segment is None
        best = self.best_work_hits(segment, own=own)
        generic = sum(h.weight for h in best.values() if h.lexicon == "job")
        scale = min(1.0, GENERIC_WORKPLACE_CAP / generic) if generic else 1.0
        evidence = []
        for h in best.values():
            weight = h.weight * scale if h.lexicon == "job" else h.weight
            evidence.append(h.evidence(f"{REASONS[h.lexicon]} (+{round(weight, 2):g})", weight))
        score = sum(e.weight or 0.0 for e in evidence)
        specific = score > generic * scale  # a work, clinical or workplace-name term, not only "at work"
        if self.place_hit and segment in (None, self.segments[0]):
            score += 1.5
            specific = True
            evidence.append(Evidence(0, 0, self.place_hit, "tagged at the workplace (+1.5)", weight=1.5))
        health = {h.term: h for h in self.kept(("health",), segment, own=own)}
        add = min(0.5 * len(health), 1.0)
        if not specific:  # health words next to job words only: the owner's day ("can't sleep, at work at 8")
            add = max(0.0, min(add, GENERIC_WORKPLACE_CAP - score))
        if add > 0:
            score += add
            each = add / len(health)
            evidence += [h.evidence(f"health detail (+{each:g})", each) for h in health.values()]
        vent = {h.term: h for h in self.kept(("venting",), segment, own=own)}
        if vent and specific:
            add = min(sum(h.weight for h in vent.values()), 1.0)
            score += add
            evidence += [h.evidence("venting about work", add / len(vent)) for h in vent.values()]
        for group, weight, phrase in self.dampers if dampers else ():
            score -= weight
            evidence.append(Evidence(0, 0, phrase, f"{group} context (-{weight:g})", weight=-weight))
        evidence.sort(key=lambda e: (e.start, e.end))
        return score, evidence


# ------------------------------------------------------------------------------------------- analysis
SENTENCE_WINDOW = 300
"""Characters either side of a hit within which its sentence is looked for: a text without sentence ends must
not make every hit read the whole text."""


def _sentence_bounds(folded: str, pos: int) -> tuple[int, int]:
    lo, hi = max(pos - SENTENCE_WINDOW, 0), min(pos + SENTENCE_WINDOW, len(folded))
    start = max(folded.rfind(c, lo, pos) for c in ".!?\n…")
    ends = [i for i in (folded.find(c, pos, hi) for c in ".!?\n…") if i >= 0]
    return (start + 1 if start >= 0 else lo), (min(ends) if ends else hi)


def sentences_around(a: TextAnalysis, h: Hit) -> str:
    """The folded sentence that holds hit ``h`` with the sentence before and the one after it (each at most
    SENTENCE_WINDOW characters either side of where it is looked for)."""
    f = a.folded
    s0, s1 = _sentence_bounds(f, h.fstart)
    before = _sentence_bounds(f, s0 - 2)[0] if s0 >= 2 else s0
    after = _sentence_bounds(f, s1 + 1)[1] if s1 + 1 < len(f) else s1
    return f[before:after]


_LOCATION_TAG = re.compile(r"(?:(?<=\s)|^)\(?@ (?=[A-Z0-9])[^@#\n…|]*")
"""A location tag that Instagram and Foursquare put in the text they post to X ("Love this place @ Joe's Diner",
"(@ Spine Care Physicians in Los Angeles, CA)"): "@", a space, then a capitalised name up to a hashtag, a handle,
a line end or the cut."""


def location_tags(text: str) -> list[tuple[int, int]]:
    """Where the text carries a location tag (offsets of ``text``); the workplace's own names in a tag are still
    found by the workplace patterns."""
    if "@ " not in text:
        return []
    return [m.span() for m in _LOCATION_TAG.finditer(text)]


_STRAIGHT_QUOTE = r"(?<!\w)['‘\"](?:[^'\"‘’“”\n]|(?<=\w)['’](?=\w)){20,}['’\"](?!\w)"
"""A quote in straight or single quotes; an apostrophe inside a word ("Scotland's") does not end it."""
_TYPESET_QUOTE = r"(?:«[^»]{20,}»|“[^”]{20,}”)"
_QUOTE = rf"(?:{_TYPESET_QUOTE}|{_STRAIGHT_QUOTE})"
_SOURCE_FIRST = r"^[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}\s?:\s*"
"""A source named before its quote at the start of the text ("BBC: ", "Irish Times: ", "Le Monde : ")."""
_DIALOGUE = r"(?!.*\b(?i:me|moi)\s?:)"
"""Not a text that goes on with the owner's own line ("Teacher: '…' Me: …"): a dialogue the owner reports."""
_OTHERS_WORDS = re.compile(rf"{_QUOTE}(?=\s*[—–-]\s*\w)|{_SOURCE_FIRST}{_QUOTE}{_DIALOGUE}|^RT @\w+\s*:.*", re.DOTALL)
"""What others wrote inside the owner's text: a retweet ("RT @paper: …", everything after it) and a quoted headline
with its source, after a dash ("« … » — Le Monde", "'…' - Courier Mail") or before it ("BBC: '…'"), 20 characters
or more. A quote without a source is as often a client's own words ("« je vais mieux », m'a dit…"), which are the
owner's work."""
_ANY_QUOTE = re.compile(rf"{_TYPESET_QUOTE}|{_OTHERS_WORDS.pattern}", re.DOTALL)
"""Someone else's words and every quote in typographic quotes of 20 characters or more, with a source or not (a
title in straight quotes is as often the owner's own: "my talk: 'what 60 situations at <workplace> taught us'")."""


def others_words(text: str, *, any_quote: bool = False) -> list[tuple[int, int]]:
    """Where the text holds someone else's words (:data:`_OTHERS_WORDS`): a shared headline naming a hospital or
    saying "patients" is not the owner's clinical work. ``any_quote``: every quote of 20 characters or more, with
    a source or not (a quote naming a hospital says nothing of where the owner works)."""
    if not any(mark in text for mark in "«“'‘\"") and not text.startswith("RT @"):
        return []
    return [m.span() for m in (_ANY_QUOTE if any_quote else _OTHERS_WORDS).finditer(text)]


def own_words(text: str, *, any_quote: bool = False) -> str:
    """The text with someone else's words (:func:`others_words`) blanked out."""
    for start, end in reversed(others_words(text, any_quote=any_quote)):
        text = text[:start] + " " + text[end:]
    return text


def _within(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the offset ``pos`` falls inside one of ``spans`` (start inclusive, end exclusive)."""
    return any(start <= pos < end for start, end in spans)


def _text_has(a: TextAnalysis, phrase: str) -> bool:
    """:func:`has_phrase` over the whole folded text (a ``re:`` phrase is a regular expression), worked out once per
    phrase (not once per hit)."""
    found = a.in_text.get(phrase)
    if found is None:
        hit = _regex(phrase[3:]).search(a.folded) if phrase.startswith("re:") else has_phrase(a.folded, phrase)
        found = a.in_text[phrase] = bool(hit)
    return found


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_POSSESSIVES = frozenset({"her", "his", "their", "its", "son", "sa", "ses", "leur", "leurs"})
"""Words that give what follows them to someone else ("her insulin", "its clients", "sa séance")."""


def _is_possessor(w: str) -> bool:
    if w in _POSSESSIVES:
        return True
    contractions = lexicons().people.get("contractions", ())
    return w.endswith("'s") and w not in contractions and w not in ("client's", "patient's")


def _drop_reason(a: TextAnalysis, h: Hit, lex: Lexicons) -> str | None:
    """Why a negative context drops this hit, or None to keep it."""
    if h.lexicon != "workplace_name" and _within(h.start, a.tags):
        return "part of a location tag (the name of the place, not a cue)"
    if _within(h.start, a.quoted):
        return "someone else's words (a retweet or a quoted headline)"
    if h.lexicon == "work" and not h.pattern and (reason := surname_reason(a.text, h.start, h.end)):
        return reason
    f = a.folded
    before = words_before(f, 0, h.fstart)
    after = words_after(f, h.fend)
    s0, s1 = _sentence_bounds(f, h.fstart)
    sentence = f[s0:s1]
    matched = words(f[h.fstart : h.fend]) if h.pattern else [h.term]
    rules = [r for w in dict.fromkeys(matched) for r in lex.rules.get(w, ())]
    for rule in rules:
        if rule.before and (p := ends_with_phrase(before, rule.before, rule.window)):
            return f"'{p}' before it"
        if rule.after and (p := starts_with_phrase(after, rule.after)):
            return f"'{p}' after it"
        if rule.sentence and (p := next((x for x in rule.sentence if has_phrase(sentence, x)), None)):
            return f"'{p}' in the sentence"
        first_person = bool(before) and before[-1] in ("my", "our", "mes", "mon", "ma", "nos")
        if rule.text and not first_person and (p := next((x for x in rule.text if _text_has(a, x)), None)):
            return f"'{p}' in the text"
        if rule.trade and (p := next((x for x in lex.trades if _text_has(a, x)), None)):
            return f"'{p.removeprefix('re:')}' in the text: another trade"
        if rule.tagged and a.tags:
            return f"the text is tagged at '{a.text[a.tags[0][0] : a.tags[0][1]].strip(' (@)')}'"
        if rule.possessor and h.lexicon != "health_vocab":  # "Nadia's session 30" is Nadia's care: a detail of it
            tail = words(f[s0 : h.fstart])[-rule.window :]  # an owner in the same sentence, not the one before
            for i, w in enumerate(tail):
                if _is_possessor(w) and not any(x in ("my", "our", "i", "we") for x in tail[i + 1 :]):
                    return f"'{w}' owns it"
    if h.lexicon in _RELATIVES_WORK and (p := _relatives_work(f, s0, h.fstart)):
        return f"'{p}' is the one at work"
    if (
        h.lexicon == "work"
        and CLIENTELE.intersection(matched)
        and (who := someone_elses_clientele(a.text, h.start, h.end, a.index[s0]))
    ):
        return f"'{who}' has the clients: another person's trade"
    if h.lexicon in HEALTH_LEXICONS:
        return _own_health(a, h, lex, before, sentence)
    return None


_RELATIVES_WORK = ("work", "clinical", "job", "workplace")
"""The work lexicons whose terms can be a relative's or a friend's job ("my sister-in-law on the wards")."""
RELATIVES = frozenset(
    {
        *("mom", "mum", "mother", "dad", "father", "husband", "wife", "son", "daughter", "sister", "brother", "sis"),
        *("aunt", "auntie", "uncle", "cousin", "niece", "nephew", "grandma", "grandpa", "nan", "hubby"),
        *("sister-in-law", "brother-in-law", "mother-in-law", "father-in-law", "boyfriend", "girlfriend", "fiance"),
        *("fiancee", "in-laws", "stepmom", "stepdad", "stepson", "stepdaughter", "godson", "goddaughter"),
        *("mere", "pere", "maman", "papa", "mari", "conjoint", "conjointe", "soeur", "frere", "fils", "tante"),
        *("oncle", "cousine", "neveu", "beau-frere", "belle-soeur", "belle-mere", "beau-pere", "beaux-parents"),
        *("chum", "blonde"),
    }
)
"""People of the owner's own life who have jobs of their own: after "my" ("my sister", "ma voisine"), a work term
further on in the sentence, with no first person between, is their work."""
FRIENDS = frozenset(
    {
        *("friend", "friends", "bestie", "bff", "mate", "buddy", "neighbour", "neighbor", "roommate", "flatmate"),
        *("housemate", "ami", "amie", "amis", "copain", "copine", "pote", "voisin", "voisine"),
    }
)
"""Friends and neighbours: after "my", or after "a" ("a friend who works in the ED": not one of the owner's
clients)."""
_RELATIVE_OWNERS = frozenset({"my", "our", "mon", "ma", "mes", "notre", "nos"})
_FRIEND_ARTICLES = frozenset({"a", "an", "un", "une"})
_FIRST_PERSON_WORDS = frozenset(
    {"i", "i'm", "i've", "i'd", "i'll", "im", "ive", "me", "my", "myself", "we", "we're", "we've", "our", "us"}
    | {"je", "j'ai", "j'", "moi", "nous", "mon", "ma", "mes", "nos", "notre", "m'"}
)
RELATIVE_WINDOW = 10
"""Words between a relative and a work term within which the term is the relative's."""


def _relatives_work(folded: str, s0: int, fstart: int) -> str | None:
    """The relative or friend whose job a work term is ("my mate's wife is an NP in the ED", "proud of my
    sister-in-law on the wards", "ma voisine est infirmière"): one of RELATIVES or FRIENDS after "my" (or a friend
    after "a") earlier in the term's sentence, within RELATIVE_WINDOW words, with no first person between them
    ("my mum rang while I was with a client" stays the owner's work). None otherwise."""
    tail = words(folded[s0:fstart])[-(RELATIVE_WINDOW + 2) :]
    for i in range(len(tail) - 1, 0, -1):
        w = tail[i]
        if _first_person(w) and not (w in _RELATIVE_OWNERS and i + 1 < len(tail) and _kin(tail[i + 1])):
            return None
        kin = _kin(w)
        if kin is None:
            continue
        det = tail[i - 1]
        if det in _RELATIVE_OWNERS or (det in _FRIEND_ARTICLES and kin in FRIENDS):
            if _CLOSING_QUOTE.search(folded, folded.rfind(kin, s0, fstart), fstart):
                return None  # «mon père» quoted: someone else's words, not the owner's relative
            return f"{det} {kin}"
    return None


_CLOSING_QUOTE = re.compile('[\u00bb\u201d"]')


def _first_person(w: str) -> bool:
    """Whether ``w`` is the owner speaking of themselves ("I", "me", "m'a", "j'ai")."""
    return w in _FIRST_PERSON_WORDS or w.startswith(("m'", "j'"))


def _kin(w: str) -> str | None:
    """The relative or friend word ``w`` is, with or without a possessive "'s" ("mate's"); None otherwise."""
    base = w[:-2] if w.endswith("'s") else w
    return base if base in RELATIVES or base in FRIENDS else None


def _own_health(a: TextAnalysis, h: Hit, lex: Lexicons, before: list[str], sentence: str) -> str | None:
    """A health term that is the clinician's own or her family's (in text she wrote)."""
    seg = a.segment_of(h.start)
    if not seg.owner:
        return None
    people = lex.people
    s0 = _sentence_bounds(a.folded, h.fstart)[0]
    in_sentence = words(a.folded[s0 : h.fstart])
    quoted = _in_quotation(a.folded[s0 : h.fstart])  # "the girl who cured my OCD": the speaker's words
    opening = words(a.folded[h.fstart : h.fend])[:1]
    place = bool(opening) and opening[0] in _PREPOSITIONS  # "did my bangs on the unit": "my" owns the bangs
    service = words_after(a.folded, h.fend)[:1]
    service_word = bool(service) and service[0] in _SERVICES  # "my PTSD clinic": "my" owns the clinic
    if not (quoted or place or service_word) and (p := _owner_before(in_sentence, people.get("first_person", ()), 2)):
        return f"first person ('{p}')"
    if not quoted and (p := _owner_before(in_sentence, people.get("first_person_subject", ()), 4)):
        return f"first person ('{p}')"
    if not quoted and (p := _subject_before(in_sentence)):
        return f"first person ('{p}')"  # "I finally slept 9 hours", "we ate lunch": the owner's own
    for i, w in enumerate(in_sentence):
        if w in people.get("family", ()) and i > 0 and in_sentence[i - 1] in _OWNERS:
            return f"family ('my {w}')"
        if w.endswith("'s") and w[:-2] in people.get("family", ()) and i > 0 and in_sentence[i - 1] in _OWNERS:
            return f"family ('my {w}')"
    original = a.text[max(seg.start, h.start - SENTENCE_WINDOW) : h.start]
    s_start = max(original.rfind(c) for c in ".!?\n")
    for title in people.get("family_titles", ()):
        if re.search(r"(?<!\w)" + re.escape(title) + r"(?!\w)", original[s_start + 1 :]):
            return f"family ('{title}')"
    return None


def _owner_before(in_sentence: list[str], phrases: Iterable[str], window: int) -> str | None:
    """The first-person phrase (of ``phrases``) ending within the last ``window`` words before a health detail,
    unless someone else owns the detail after it: "I was drawing up her insulin", "I'm worried about his
    relapse", "my client's anxiety" are another person's health, told by the owner (a possessive after the
    first person, no "my" after that)."""
    p = ends_with_phrase(in_sentence, phrases, window)
    if p is None:
        return None
    pw = _split(p)
    n = len(in_sentence)
    end = next(e for e in range(n, max(n - window, 0), -1) if tuple(in_sentence[e - len(pw) : e]) == pw)
    after = in_sentence[end:]
    for i, w in enumerate(after):
        if _owns_health(w) and not any(x in _OWNERS or x in _SUBJECTS for x in after[i + 1 :]):
            return None
    return p


def _owns_health(w: str) -> bool:
    """Whether ``w`` makes the health detail after it someone else's: her, his, their, its, a name's or a
    client's ("Jo's", "my patient's"), French "son", "sa", "ses", "leur"."""
    if w in _POSSESSIVES:
        return True
    return w.endswith("'s") and w not in lexicons().people.get("contractions", ())


_OWNERS = frozenset({"my", "our", "own", "ma", "mon", "mes", "notre", "nos"})
"""Possessives before a family word that make the relative the owner's ("my mum", "ma fille")."""
_SUBJECTS = frozenset({"i", "we"})
_ADVERBS = frozenset({"just", "never", "finally", "barely", "only", "still", "also", "even", "actually"})


def _subject_before(in_sentence: list[str]) -> str | None:
    """The owner as the subject right before a health detail that opens with its verb ("I slept 9 hours",
    "we finally ate lunch"), one adverb allowed between them; None otherwise."""
    tail = in_sentence[-2:]
    if tail and tail[-1] in _SUBJECTS:
        return tail[-1]
    if len(tail) == 2 and tail[0] in _SUBJECTS and (tail[1] in _ADVERBS or tail[1].endswith("ly")):
        return " ".join(tail)
    return None


_PREPOSITIONS = frozenset({"on", "in", "into", "at", "onto", "au", "aux", "dans", "en"})
"""Words a place phrase opens with: a possessive before one ("my bangs on the unit") owns another word."""
_SERVICES = frozenset(
    {"clinic", "clinics", "unit", "ward", "program", "programme", "caseload", "patients", "clients", "patientes"}
)
"""Nouns a health term can qualify as the name of a service or its people ("my PTSD clinic", "my eating disorder
patients"): the possessive is the clinician's work, not her health."""


def _in_quotation(before: str) -> bool:
    """Whether the end of ``before`` (a sentence up to a hit, folded) is inside a quotation: someone else's
    words, whose "my" is not the owner's."""
    if before.count("\u201c") > before.count("\u201d") or before.count("\u00ab") > before.count("\u00bb"):
        return True
    if before.count('"') % 2:
        return True
    opened = len(re.findall(r"(?:^|[\s(])'(?=\w)", before))
    closed = len(re.findall(r"(?<=[\w.!?,])'(?=[\s.,!?;:)]|$)", before))
    return opened > closed


def _find_hits(a: TextAnalysis, lex: Lexicons, opened: set[int]) -> list[Hit]:
    """Lexicon hits of the text from one automaton pass, plus the regexes it opened (``opened`` receives the
    ids of every pattern the pass found a literal of)."""
    f, idx = a.folded, a.index
    found: list[Hit] = []

    def add(t: Term, fs: int, fe: int) -> None:
        s, e = idx[fs], idx[fe - 1] + 1 if fe > fs else idx[fs]
        found.append(
            Hit(t.lexicon, t.term, t.weight, s, e, a.text[s:e], fs, fe, pattern=t.kind == "regex", lang=t.lang)
        )

    for end, (key, terms, pattern_ids) in lex.automaton.iter(f):
        if pattern_ids:
            opened.update(pattern_ids)
            if not terms:
                continue
        fs, fe = end - len(key) + 1, end + 1
        if fs > 0 and f[fs - 1].isalnum():
            continue
        for t in terms:
            e = fe
            if t.prefix:
                while e < len(f) and f[e].isalnum():
                    e += 1
            elif e < len(f) and f[e].isalnum():
                continue
            add(t, fs, e)
    for i in sorted(i for i in opened if i < len(lex.regexes)):  # the others lack every string a match needs
        t, rx = lex.regexes[i]
        for m in rx.finditer(f):
            if m.end() > m.start():
                add(t, m.start(), m.end())
    for t, rx in lex.case_regexes:
        if t.term not in a.text:
            continue
        for m in rx.finditer(a.text):
            fs = idx.index(m.start()) if m.start() in idx else 0
            found.append(
                Hit(t.lexicon, fold(t.term), t.weight, m.start(), m.end(), m.group(), fs, fs + len(t.term), lang=t.lang)
            )
    return found


def _resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Within each pool (work terms / health / venting) keep the heaviest (then longest) of overlapping hits."""
    out: list[Hit] = []
    pools: dict[str, list[Hit]] = {}
    for h in hits:
        pools.setdefault("work" if h.lexicon in WORK_POOL else h.lexicon, []).append(h)
    for pool in pools.values():
        pool.sort(key=lambda h: (-h.weight, -(h.end - h.start), h.start))
        taken: list[Hit] = []
        used = bytearray(max((h.end for h in pool), default=0))  # characters a taken hit covers
        for h in pool:
            if used.find(1, h.start, h.end) < 0:  # overlaps no taken hit (one pass, not one per taken hit)
                used[h.start : h.end] = b"\x01" * (h.end - h.start)
                taken.append(h)
        out += taken
    return sorted(out, key=lambda h: (h.start, h.end))


_FRENCH_ARTICLE_FORMS = {"les ": "(?:les|des|aux) ", "le ": "(?:le|du|au) "}
"""A French name's article as the text contracts it: "Les Glycines" is "aux Glycines", "des Glycines"."""
_CONTRACTED_ARTICLE = re.compile(r"(?:des|aux|du|au) ")


@cache
def _workplace_patterns(wp: Workplace) -> tuple[tuple[re.Pattern[str], str, float, str], ...]:
    """(regex over folded text, label, weight, a string every match contains) for the workplace."""
    pats: list[tuple[re.Pattern[str], str, float, str]] = []
    for name in sorted(wp.names, key=len, reverse=True):
        fname = fold(name).strip()
        if fname.startswith("the "):
            fname = fname[4:]
        article = next((a for a in _FRENCH_ARTICLE_FORMS if fname.startswith(a)), None)
        if article and fname != article:
            rest = fname[len(article) :]
            contracted = re.compile(rf"(?<!\w){_FRENCH_ARTICLE_FORMS[article]}{re.escape(rest)}(?!\w)")
            pats.append((contracted, name, 3.0, rest))
        elif fname:
            pats.append((_phrase_re(fname), name, 3.0, fname))
    if wp.address:
        m = re.match(r"\s*(\d+[a-z]?)\s+([^\s,]+)(?:\s+([^\s,]+))?", fold(wp.address))
        if m:
            number, street, kind = m.group(1), m.group(2), m.group(3) or ""
            pats.append(
                (re.compile(rf"(?<!\w){re.escape(number)}\s+{re.escape(street)}(?!\w)"), "street address", 1.0, street)
            )
            kinds = "ave|avenue|av|st|street|rd|road|blvd|boulevard|dr|drive|rue|bd"
            if kind:
                pats.append(
                    (
                        re.compile(
                            rf"(?<!\w){re.escape(street)}\.?\s+(?:{kinds})\.?\s+(?:office|clinic|site|building|location|campus)(?!\w)"
                        ),
                        "the workplace's street",
                        2.0,
                        street,
                    )
                )
    return tuple(pats)


def _workplace_hits(a: TextAnalysis, wp: Workplace) -> list[Hit]:
    hits = []
    for rx, label, weight, needed in _workplace_patterns(wp):
        if needed not in a.folded:
            continue
        for m in rx.finditer(a.folded):
            s, e = a.index[m.start()], a.index[m.end() - 1] + 1
            article = _CONTRACTED_ARTICLE.match(m.group())
            if (
                article
                and fold(label).startswith(tuple(_FRENCH_ARTICLE_FORMS))
                and not a.text[a.index[m.start() + article.end()]].isupper()
            ):
                continue  # "la taille des glycines": the flower, not the home "Les Glycines"
            if " " not in m.group().strip() and label in wp.names:
                nxt = re.match(r"\s+([A-Z][\w'&-]*)", a.text[e:])
                full_names = [fold(n) for n in wp.names]
                if nxt and not any(n.startswith(fold(m.group() + " " + nxt.group(1))) for n in full_names):
                    continue  # "Riverbend Park": another place that shares a one-word alias
            hits.append(
                Hit("workplace_name", f"workplace:{fold(label)}", weight, s, e, a.text[s:e], m.start(), m.end())
            )
    return hits


def place_is_workplace(place: str | None, wp: Workplace) -> bool:
    """Whether a place name is the workplace (its name or a multi-word alias, or it contains the street)."""
    if not place:
        return False
    fp = fold(place)
    for name in wp.names:
        fname = fold(name).removeprefix("the ")
        if fp == fname or (" " in fname and has_phrase(fp, fname)):
            return True
    return False


def analyze(
    text: str,
    *,
    segments: Sequence[Segment] | None = None,
    workplace: Workplace | None = None,
    place: str | None = None,
    audience: Audience = Audience.UNKNOWN,
) -> TextAnalysis:
    """Analyse one text: lexicon hits (kept and dropped, with reasons), dampers, workplace mentions."""
    lex = lexicons()
    folded, index = fold_with_map(text)
    a = TextAnalysis(
        text=text,
        folded=folded,
        index=index,
        segments=tuple(segments) if segments else (Segment(0, len(text)),),
        audience=audience,
    )
    digit = bool(lex.with_digits) and _DIGIT.search(folded) is not None
    opened = set(lex.always | lex.with_digits if digit else lex.always)
    covered, joined = lex.ungated[digit]
    if joined is not None and not joined.search(folded):
        opened -= covered  # one search for the patterns no literal gates: most texts hold none of them
    found = _find_hits(a, lex, opened)
    languages = lexicon_languages(None)
    if any(h.lang != ANY_LANGUAGE for h in found):  # language identification costs as much as the rest: only
        a.lang, languages = read_language(owner_text(a))  # where a language's own term was found does it matter
    raw = [h for h in found if h.lang in languages or h.lang == ANY_LANGUAGE or _in_partner_language(a, h)]
    if workplace is not None:
        raw += _workplace_hits(a, workplace)
        if place_is_workplace(place, workplace):
            a.place_hit = place
    a.tags = location_tags(text)
    a.quoted = others_words(text)
    if any(h.lexicon == "workplace_name" and _within(h.start, a.tags) for h in raw):
        a.tags = []  # tagged at the workplace: what the text says about "this place" is about the workplace
    for h in _resolve_overlaps(raw):
        reason = _drop_reason(a, h, lex)
        if reason:
            a.dropped.append(replace(h, dropped=reason))
        else:
            a.hits.append(h)
    first_damper = len(lex.regexes)
    for i in sorted(i for i in opened if i >= first_damper):  # the first phrase of each group that is there
        group, weight, rx = lex.damper_patterns[i - first_damper]
        if any(g == group for g, _, _ in a.dampers):
            continue
        if m := rx.search(folded):
            a.dampers.append((group, weight, a.text[index[m.start()] : index[m.end() - 1] + 1]))
    return a


def _in_partner_language(a: TextAnalysis, h: Hit) -> bool:
    """Whether a hit in another person's message of a thread is in that message's own language (a client writing
    French to an owner who answers in English); their language is identified only when such a hit is there."""
    seg = a.segment_of(h.start)
    if seg.owner:
        return False
    if seg.start not in a.partner_langs:
        a.partner_langs[seg.start] = language_of(a.text[seg.start : seg.end])
    lang = a.partner_langs[seg.start]
    return lang is not None and h.lang in lexicon_languages(lang)


def owner_text(a: TextAnalysis) -> str:
    """What the owner wrote (the whole text unless it is a thread with other people's messages)."""
    if len(a.segments) == 1:
        return a.text
    return "\n".join(a.text[s.start : s.end] for s in a.segments if s.owner)


# -------------------------------------------------------------------------------------- record texts
def record_text(record: AnyRecord) -> tuple[str, tuple[Segment, ...], str | None]:
    """The text a record holds, its segments (thread messages) and its place name."""
    if isinstance(record, Post):
        return record.text or "", (Segment(0, len(record.text or "")),), record.place
    if isinstance(record, Comment):
        return record.text or "", (Segment(0, len(record.text or "")),), None
    if isinstance(record, Place):
        return record.text or "", (Segment(0, len(record.text or "")),), record.name
    if isinstance(record, Profile):
        return record.bio or "", (Segment(0, len(record.bio or "")),), None
    if isinstance(record, Thread):
        parts: list[str] = []
        segs: list[Segment] = []
        pos = 0
        for m in record.messages:
            t = m.text or ""
            segs.append(Segment(pos, pos + len(t), m.from_owner, m.sender.label))
            parts.append(t)
            pos += len(t) + 1
        return "\n".join(parts), tuple(segs) or (Segment(0, 0),), None
    return "", (Segment(0, 0),), None


def record_audience(record: AnyRecord) -> Audience:
    """Who can see the record's text."""
    if isinstance(record, Post):
        return record.audience
    if isinstance(record, Thread):
        return Audience.DIRECT
    return Audience.UNKNOWN


def analysis_for(record: AnyRecord, ctx: CheckContext) -> TextAnalysis:
    """The record's text analysis, computed once per record and shared by the text checks."""

    def compute() -> TextAnalysis:
        text, segments, place = record_text(record)
        a = analyze(
            text, segments=segments, workplace=ctx.policy.workplace, place=place, audience=record_audience(record)
        )
        if a.lang is not None and not is_supported(a.lang):
            ctx.tallies[UNCHECKED_LANGUAGE, a.lang] += 1
        return a

    result: TextAnalysis = ctx.cached("text-analysis", record, compute)
    return result


UNCHECKED_LANGUAGE = "unchecked-language"
"""``ctx.tallies`` kind counting, per language, the texts the lexicons do not cover (a source note)."""


def unchecked_languages_note(tallies: Counter[tuple[str, str]]) -> str | None:
    """The report's note on texts in languages the text checks could not read, or ``None``."""
    counts = Counter({lang: n for (kind, lang), n in tallies.items() if kind == UNCHECKED_LANGUAGE})
    if not counts:
        return None
    parts = ", ".join(f"{n:,} in {language_name(lang)}" for lang, n in counts.most_common())
    return (
        f"Texts in languages the work, health and mention vocabularies do not cover were not checked for "
        f"work-related content ({parts}, counting the texts that held a word those vocabularies look for); names, "
        "handles and identifiers in them were still looked for."
    )


def written_by_owner(record: AnyRecord) -> bool:
    """False for a post somebody else wrote (a post that tags the owner)."""
    return not (isinstance(record, Post) and record.author is not None)
