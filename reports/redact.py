"""Redaction levels: what a report may show to whom (DESIGN.md section 8).

``full``
    Everything, for the clinician alone.
``supervision``
    For a clinical supervisor: clients appear as initials and id (the client-list name is dropped), and
    every client name, alias, nickname or handle is masked inside excerpts, titles, messages, evidence,
    notes and record fields. Client-related findings lose the record's handle and URL, and keep only the
    file name of the record's source (Facebook names message folders after the other person).
``agency``
    For an agency or employer: counts per category and severity and remediation status only. Findings
    keep category, severity, platform, status and the remediation summary; no post text, names, handles
    or client data at all. Sources lose account names and local paths.

:func:`redact` returns a new :class:`ScanResult` that every writer (JSON included) renders. Finding ids
(fingerprints) stay those of the full report, so a supervisor and the clinician talk about the same ids.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

import ahocorasick

from checks.base import Evidence, Finding, RecordRef, Remediation
from reports.model import ErrorEntry, ScanResult, SkippedFile, SourceReport
from reports.view import CATEGORY_SINGULAR, client_label, initials_of, is_client_related

LEVELS: Final = ("full", "supervision", "agency")
MASK: Final = "[client]"

_SEP = r"[\s.,_\-'’]*"
_LEFT = r"(?<![^\W_])"  # not preceded by a letter or digit (an underscore counts as a boundary)
_RIGHT = r"(?![^\W_])"
_SPLIT = re.compile(r"[\s.,_\-'’@]+")


@dataclass(frozen=True)
class RedactedFinding(Finding):
    """A redacted copy of a finding that keeps the original's fingerprint as its id."""

    original_fingerprint: str = ""

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the unredacted finding."""
        return self.original_fingerprint or super().fingerprint


def _fold(text: str) -> str:
    """Case-folded, accent-free, with separators removed: the key under which a matched name is looked up."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPLIT.sub("", plain.casefold())


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _loose(text: str) -> str:
    """Case-folded and accent-free: a name's words are in this form of any text the name's regex matches
    case-insensitively ("İpek" folds to "i̇pek"; without the dot it holds "ipek")."""
    folded = text.casefold()
    return folded if folded.isascii() else _strip_accents(folded)


def _pattern(parts: list[str]) -> str:
    return "@?" + _SEP.join(re.escape(t) for t in parts)


@lru_cache(maxsize=4096)
def _compile(patterns: tuple[str, ...], flags: int) -> re.Pattern[str]:
    ordered = sorted(patterns, key=len, reverse=True)  # longest first: "Jane Doe" before "Jane"
    return re.compile(_LEFT + "(?:" + "|".join(ordered) + ")" + _RIGHT, flags)


class _PatternSet:
    """Name patterns, and the few of them a given text can match.

    One alternation of every name costs milliseconds per text with thousands of clients (the deny-list
    approach). A pattern can only match a text that holds every one of its words (case-folded), so one
    Aho–Corasick pass over the text finds its words, and the alternation is built from the patterns whose
    words are all there (cached: the same few names recur). The result is the same as the full alternation's:
    patterns left out could not have matched anywhere in the text.
    """

    def __init__(self, patterns: dict[str, tuple[str, ...]], flags: int) -> None:
        self.flags = flags
        self._by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for pattern, tokens in patterns.items():
            words = frozenset(_loose(t) for t in tokens)
            self._by_word.setdefault(max(words, key=len), []).append((pattern, words))
        self._automaton = ahocorasick.Automaton()
        for word in {w for entries in self._by_word.values() for _, ws in entries for w in ws}:
            self._automaton.add_word(word, word)
        self.empty = not self._by_word
        if not self.empty:
            self._automaton.make_automaton()

    def regex_for(self, text: str) -> re.Pattern[str] | None:
        """The alternation of the patterns that can match ``text`` (``None`` when none can)."""
        if self.empty:
            return None
        present = {word for _, word in self._automaton.iter(_loose(text))}
        candidates = tuple(sorted(
            pattern
            for word in present
            for pattern, words in self._by_word.get(word, ())
            if words <= present
        ))
        return _compile(candidates, self.flags) if candidates else None


class NameMasker:
    """Replaces client names (any case, spacing or separator; ``Last, First`` too) with a mask.

    Matching is on word boundaries: ``Ann`` masks ``ann`` and ``ANN'S`` but not ``annual``. Each part of
    a name of several words (``Darnell`` of ``Darnell Hughes``) is masked too when written as a name
    (capitalised or in capitals), so that a first name or surname alone does not identify the client.
    ``labels`` maps a name to the text that replaces it (e.g. initials and id); others become ``[client]``.
    """

    def __init__(self, names: Iterable[str], labels: dict[str, str] | None = None) -> None:
        patterns: dict[str, tuple[str, ...]] = {}  # regex source → the words it is made of
        parts: dict[str, tuple[str, ...]] = {}
        for name in names:
            for variant in {name, _strip_accents(name)}:
                tokens = [t for t in _SPLIT.split(variant.strip()) if t]
                if not tokens or sum(len(t) for t in tokens) < 2:
                    continue
                patterns[_pattern(tokens)] = tuple(tokens)
                if len(tokens) == 2:
                    patterns[_pattern(tokens[::-1])] = tuple(tokens)
                words = variant.split()
                if len(words) > 1:
                    for word in words + [p for w in words for p in w.split("-")]:
                        if sum(c.isalpha() for c in word) >= 3:
                            for cased in {word, word.title(), word.upper()}:
                                part = [t for t in _SPLIT.split(cased) if t]
                                parts[_pattern(part)] = tuple(part)
        self._names = _PatternSet(patterns, re.IGNORECASE)
        self._parts = _PatternSet({k: v for k, v in parts.items() if k not in patterns}, 0)
        self._labels: dict[str, str] = {}
        for name, label in (labels or {}).items():
            tokens = [t for t in _SPLIT.split(name) if t]
            for order in (tokens, tokens[::-1]):
                if order:
                    self._labels[_fold("".join(order))] = label

    def __call__(self, text: str) -> str:
        """``text`` with every client name replaced."""
        if not text:
            return text
        if names := self._names.regex_for(text):
            text = names.sub(lambda m: self._labels.get(_fold(m.group(0)), MASK), text)
        if parts := self._parts.regex_for(text):
            text = parts.sub(MASK, text)
        return text

    def opt(self, text: str | None) -> str | None:
        """Like calling the masker, for optional fields."""
        return None if text is None else self(text)


def redact(result: ScanResult, level: str, client_names: Iterable[str] = ()) -> ScanResult:
    """A copy of ``result`` fit for ``level`` (``full``, ``supervision`` or ``agency``).

    ``client_names`` should hold every name, alias, nickname and handle of the client list; names of
    clients matched in findings and the record names of client-related findings are added to it.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown redaction level {level!r}; choose one of {', '.join(LEVELS)}")
    if level == "full":
        return replace(result, redaction="full")
    masker = _masker_for(result, client_names)
    if level == "supervision":
        return replace(
            result,
            redaction="supervision",
            findings=tuple(_supervise(f, masker) for f in result.findings),
            sources=tuple(_mask_source(s, masker, keep_account=True) for s in result.sources),
            errors=tuple(ErrorEntry(masker(e.where), masker(e.message)) for e in result.errors),
        )
    return replace(
        result,
        redaction="agency",
        findings=tuple(_agency(f) for f in result.findings),
        sources=tuple(_mask_source(s, masker, keep_account=False) for s in result.sources),
        errors=tuple(ErrorEntry(_basename(masker(e.where)), masker(e.message)) for e in result.errors),
        clients_total=0,
    )


def _masker_for(result: ScanResult, client_names: Iterable[str]) -> NameMasker:
    names: list[str] = [n for n in client_names if n]
    labels: dict[str, str] = {}
    for f in result.findings:
        for c in f.clients:
            if c.name:
                names.append(c.name)
                labels[c.name] = f"[{client_label(c, with_name=False)}]"
        if f.clients and f.record.kind not in ("group", "place"):
            names.extend(n for n in (f.record.name, f.record.handle) if n)
    return NameMasker(names, labels)


def _basename(path: str) -> str:
    head, sep, index = path.partition("#")
    base = re.split(r"[\\/]", head.rstrip("/\\"))[-1]
    return base + sep + index


def _supervise(f: Finding, mask: NameMasker) -> Finding:
    clients = tuple(replace(c, name=None, initials=initials_of(c)) for c in f.clients)
    rec = f.record
    if is_client_related(f):
        who = ", ".join(client_label(c, with_name=False) for c in clients)
        name = who or (MASK if rec.name else None)
        record = replace(
            rec,
            id=mask(rec.id),
            name=name,
            handle=None,
            url=None,
            source=_basename(mask(rec.source)),
            excerpt=mask(rec.excerpt),
        )
    else:
        record = replace(
            rec,
            id=mask(rec.id),
            name=mask.opt(rec.name),
            handle=mask.opt(rec.handle),
            url=mask.opt(rec.url),
            source=mask(rec.source),
            excerpt=mask(rec.excerpt),
        )
    rem = f.remediation
    return RedactedFinding(
        check=f.check,
        category=f.category,
        severity=f.severity,
        confidence=f.confidence,
        title=mask(f.title),
        message=mask(f.message),
        platform=f.platform,
        record=record,
        evidence=tuple(Evidence(e.start, e.end, mask(e.text), mask(e.reason)) for e in f.evidence),
        clients=clients,
        remediation=replace(rem, summary=mask(rem.summary)),
        status=f.status,
        note=mask.opt(f.note),
        original_fingerprint=f.fingerprint,
    )


def _agency(f: Finding) -> Finding:
    return RedactedFinding(
        check=f.check,
        category=f.category,
        severity=f.severity,
        confidence=f.confidence,
        title=CATEGORY_SINGULAR.get(f.category, str(f.category)),
        message="",
        platform=f.platform,
        record=RecordRef(kind=f.record.kind, id=""),
        evidence=(),
        clients=(),
        remediation=Remediation(summary=f.remediation.summary),
        status=f.status,
        note=None,
        original_fingerprint=f.fingerprint,
    )


def _mask_source(s: SourceReport, mask: NameMasker, *, keep_account: bool) -> SourceReport:
    if keep_account:
        return replace(
            s,
            path=mask(s.path),
            skipped=tuple(SkippedFile(mask(k.path), mask(k.reason)) for k in s.skipped),
            notes=tuple(mask(n) for n in s.notes),
            parts=tuple(mask(p) for p in s.parts),
        )
    return replace(
        s,
        path=f"{s.platform} export",
        account_name=None,
        account_handle=None,
        skipped=tuple(SkippedFile(_basename(mask(k.path)), mask(k.reason)) for k in s.skipped),
        notes=tuple(mask(n) for n in s.notes),
        parts=(),
    )


__all__ = ["LEVELS", "MASK", "NameMasker", "RedactedFinding", "redact"]
