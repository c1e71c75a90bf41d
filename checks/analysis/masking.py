"""What a redacted report must hide, found the way the matcher finds clients (DESIGN.md section 8).

:class:`ClientMasker` replaces, in any text of a report:

* every place where the matcher reads a client's name, nickname, initial or handle — every variant it
  generates, in every spelling the normalization treats as equal (accents, ø, stylised letters, case,
  punctuation, ``Last, First``), from plain and hashed client lists alike (:meth:`Matcher.hits_to_hide`);
* what the findings themselves matched: the strings of their client-name evidence, the names and handles
  of the people in client-related findings (a fuzzy or username match is not a list variant), and the
  words that described a client;
* every e-mail address and phone number, and any number written with the digits of a phone number in
  the client list's notes.

A client is replaced by initials and id (``[S.Ø. (C001)]``) when the text can only mean that client, by
``[client]`` otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from checks.analysis.identifiers import EMAIL, digit_runs, find_phones, phones_in_notes
from checks.analysis.normalize import NormText, normalize
from checks.base import CLIENT_DETAIL, CLIENT_NAME, Finding
from checks.matching import Matcher
from checks.textsearch import PatternIndex
from scanner.clients import ClientList

MASK = "[client]"
DETAIL_MASK = "[client detail]"
EMAIL_MASK = "[e-mail]"
PHONE_MASK = "[phone]"
_MIN_STEM = 4


def initials(name: str | None) -> str:
    """A name's initials (``Søren Ødegård`` → ``S.Ø.``); empty for no name."""
    return "".join(p[0].upper() + "." for p in (name or "").split() if p[:1].isalpha())


def client_tag(client_id: str, letters: str) -> str:
    """How a redacted report names a client: ``J.D. (C007)``, or ``client C007`` without initials."""
    return f"{letters} ({client_id})" if letters else f"client {client_id}"


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    label: str


class ClientMasker:
    """Masks clients in text for supervision and agency copies. Build once per report.

    ``clients`` is the scan's client list (plain or hashed; empty when none was given) and ``findings``
    the findings of the report being redacted. Calling the masker on a text returns it masked.
    """

    def __init__(self, clients: ClientList, findings: Iterable[Finding] = (), *, region: str = "US") -> None:
        self._clients = clients
        self._matcher: Matcher | None = None  # built on first use: an agency copy may never need it
        self._region = region
        self._labels = {c.id: f"[{client_tag(c.id, initials(c.name))}]" for c in clients.clients}
        self._note_phones = {d for c in clients.clients for d in phones_in_notes(c.notes)}
        literals: dict[str, str] = {}
        self._detail_stems: set[str] = set()
        for f in findings:
            label = self._label([c.id for c in f.clients])
            for c in f.clients:
                self._labels.setdefault(c.id, f"[{client_tag(c.id, c.initials or initials(c.name))}]")
                for form in _both_orders(c.name):
                    literals.setdefault(form, self._labels[c.id])
            if f.clients and f.record.kind not in ("group", "place"):
                for written in (f.record.name, f.record.handle):
                    for form in _both_orders(written):
                        literals.setdefault(form, label)
            for e in f.evidence:
                if e.tag == CLIENT_NAME:
                    for form in _both_orders(e.text):
                        literals.setdefault(form, label)
                elif e.tag == CLIENT_DETAIL:
                    self._detail_stems.update(w for w in normalize(e.text).split() if len(w) >= _MIN_STEM)
        self._literals: PatternIndex[str] = PatternIndex([(k, v) for k, v in literals.items() if k])

    def _label(self, client_ids: Iterable[str]) -> str:
        ids = list(dict.fromkeys(client_ids))
        return self._labels.get(ids[0], MASK) if len(ids) == 1 else MASK

    def __call__(self, text: str) -> str:
        """``text`` with every client name, handle, describing word, e-mail address and phone number masked."""
        if not text:
            return text
        spans = self._spans(text)
        if not spans:
            return text
        out: list[str] = []
        last = 0
        for span in _merged(spans, text):
            out.append(text[last : span.start])
            out.append(span.label)
            last = span.end
        out.append(text[last:])
        return "".join(out)

    def opt(self, text: str | None) -> str | None:
        """Like calling the masker, for optional fields."""
        return None if text is None else self(text)

    def _spans(self, text: str) -> list[_Span]:
        spans: list[_Span] = []
        if self._clients.clients:
            self._matcher = self._matcher or Matcher(self._clients)
            for hit in self._matcher.hits_to_hide(text):
                spans.append(_Span(hit.start, hit.end, self._label(c.id for c in hit.candidates)))
        if not self._literals.empty or self._detail_stems:
            norm = NormText.of(text)
            for m in self._literals.search(norm):
                s, e = norm.span(m.start, m.end)
                spans.append(_Span(s, e, m.value))
            if self._detail_stems:
                for start, end in norm.tokens():
                    if norm.text[start:end].startswith(tuple(self._detail_stems)):
                        s, e = norm.span(start, end)
                        spans.append(_Span(s, e, DETAIL_MASK))
        spans.extend(_Span(m.start(), m.end(), EMAIL_MASK) for m in EMAIL.finditer(text))
        spans.extend(_Span(p.start, p.end, PHONE_MASK) for p in find_phones(text, self._region))
        if self._note_phones:
            for start, end, digits in digit_runs(text):
                if any(digits.endswith(d) or d.endswith(digits) for d in self._note_phones):
                    spans.append(_Span(start, end, PHONE_MASK))
        return spans


def _both_orders(name: str | None) -> list[str]:
    """A name normalized as written and, for two words, reversed (``Doe, Jane``)."""
    words = normalize(name or "").split()
    if len(words) == 2:
        return [" ".join(words), " ".join(reversed(words))]
    return [" ".join(words)] if words else []


def _merged(spans: list[_Span], text: str) -> list[_Span]:
    """Overlapping spans joined (the label of the one that starts first, the longest at equal starts), and
    neighbours with one label joined across spaces and commas (``Doe, Jane`` is one client, not two)."""
    out: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        last = out[-1] if out else None
        same_client = last and span.label == last.label and _JOINER.fullmatch(text[last.end : span.start])
        if last and (span.start < last.end or same_client):
            out[-1] = _Span(last.start, max(last.end, span.end), last.label)
        else:
            out.append(span)
    return out


_JOINER = re.compile(r"[\s,]*")
