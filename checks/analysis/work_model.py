"""The work-related model: how likely a text is about the clinician's work, as a calibrated probability.

A logistic regression over features that mean the same thing in every corpus, never a corpus's own words:
how much work, clinical and workplace vocabulary the owner's words hold (the lexicons' term weights, summed
per family and capped), health details, venting, a client named in context, the workplace tag, the whole-
text contexts that point away from the job (advocacy, a peer community, a customer, a hiring post, somebody
else's job), first-person writing, posting during the policy's work hours, and the kind of record. The
weights are learned from the labelled corpora and from real posts by non-clinicians
(``eval/textlab/train_work_model.py``; L2-regularised, strength chosen by leave-one-corpus-out cross-
validation) and shipped as data (``checks/lexicons/work_model.json``).

work-related-post reports a text from its lexicon score (the decision is tuned against real posts, see
eval/realtext/) and gives the model's probability as the finding's confidence. The model was also tried as
the decision itself; measured, it did not beat the lexicon score at the same rate of false alarms on real
posts, because what is missing is vocabulary, not weights (eval/textlab/README.md).

The vocabulary model (:class:`WordModel`) adds that vocabulary from data: the same features plus the words
and word pairs that occur in at least two labelled corpora (so no corpus's own names or places), learned
over every text of the corpora and real posts. In an account that often posts about its clinical work, a
text it finds more likely than not about the work is reported too, naming the words that counted. It also reads
the text's static embedding (``checks.analysis.embedding``, loaded only by a model that has an embedding part),
so that clinical words no corpus held count by their likeness to those that did.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import pairwise, repeat
from typing import Any

from checks.analysis.normalize import fold
from checks.analysis.ownership import FIRST_PERSON
from checks.text import TextAnalysis, owner_text, words
from scanner.records import AnyRecord, Comment, Place, Thread

FAMILY_CAP = 4.0
"""The most one lexicon family adds (a long essay that repeats "patients" is not ten times as clinical)."""

FEATURES = (
    "work",
    "clinical",
    "workplace",
    "workplace_name",
    "terms",
    "health",
    "venting",
    "place",
    "client_named",
    "client_described",
    "first_person",
    "work_hours",
    "thread",
    "comment",
    "short",
    "damper:advocacy",
    "damper:peer",
    "damper:outsider",
    "damper:customer",
    "damper:hiring",
    "damper:someone_elses_job",
)
"""Every feature the model knows, in a fixed order (the trainer's columns)."""


@dataclass(frozen=True)
class TextSignals:
    """What the text analysis found in the owner's words, as the model reads it."""

    family_weights: Mapping[str, float]  # lexicon family → summed weight of its distinct terms
    distinct_terms: int
    health_terms: int
    venting_terms: int
    place_hit: bool
    dampers: frozenset[str]
    owner_text: str
    client_named: bool = False
    client_described: bool = False
    in_work_hours: bool | None = None
    kind: str = "post"  # post | comment | thread | place
    owner_folded: str = ""  # the fold of owner_text when the analysis already holds it ("": fold it when needed)


def record_kind(record: AnyRecord) -> str:
    """The record's kind as the model reads it: thread, comment, place or post."""
    if isinstance(record, Thread):
        return "thread"
    if isinstance(record, Comment):
        return "comment"
    return "place" if isinstance(record, Place) else "post"


def signals_of(
    a: TextAnalysis,
    kind: str,
    *,
    client_named: bool = False,
    client_described: bool = False,
    in_work_hours: bool | None = None,
) -> TextSignals:
    """What a text analysis found in the owner's words, as the models read it."""
    best = a.best_work_hits(own=True)
    families: dict[str, float] = {}
    for h in best.values():
        family = "workplace" if h.lexicon == "job" else h.lexicon  # the model reads job words as workplace words
        families[family] = families.get(family, 0.0) + h.weight
    return TextSignals(
        family_weights=families,
        distinct_terms=len(best),
        health_terms=len({h.term for h in a.kept(("health",), own=True)}),
        venting_terms=len({h.term for h in a.kept(("venting",), own=True)}),
        place_hit=bool(a.place_hit),
        dampers=frozenset(group for group, _, _ in a.dampers),
        owner_text=owner_text(a),
        client_named=client_named,
        client_described=client_described,
        in_work_hours=in_work_hours,
        kind=kind,
        owner_folded=a.folded if len(a.segments) == 1 else "",  # owner_text is the whole text: its fold is there
    )


def folded_owner_text(s: TextSignals) -> str:
    """The fold of ``s.owner_text`` (the analysis's when it holds it, else folded here)."""
    return s.owner_folded or fold(s.owner_text)


def has_cue(s: TextSignals) -> bool:
    """Whether the text holds anything the report can name as a reason (a term, the workplace, a client): the
    texts the model is trained on and applied to (a text with no cue is never reported)."""
    return bool(s.family_weights or s.health_terms or s.place_hit or s.client_named or s.client_described)


def features(s: TextSignals) -> dict[str, float]:
    """The model's features for one text (absent features are 0)."""
    out: dict[str, float] = {}
    for family in ("work", "clinical", "workplace", "workplace_name"):
        if w := s.family_weights.get(family, 0.0):
            out[family] = min(w, FAMILY_CAP)
    if s.distinct_terms > 1:
        out["terms"] = math.log2(min(s.distinct_terms, 8))
    if s.health_terms:
        out["health"] = float(min(s.health_terms, 3))
    if s.venting_terms:
        out["venting"] = float(min(s.venting_terms, 2))
    for flag, on in (
        ("place", s.place_hit),
        ("client_named", s.client_named),
        ("client_described", s.client_described),
        ("work_hours", s.in_work_hours is True),
        ("thread", s.kind == "thread"),
        ("comment", s.kind == "comment"),
        ("short", len(s.owner_text) < 80),
        ("first_person", bool(FIRST_PERSON.search(_folded_prefix(s, 2000)))),
    ):
        if on:
            out[flag] = 1.0
    for group in s.dampers:
        out[f"damper:{group}"] = 1.0
    return out


def _folded_prefix(s: TextSignals, n: int) -> str:
    """``fold(s.owner_text[:n])`` (an ASCII text folds one character to one, so its fold's prefix is it)."""
    if s.owner_folded and s.owner_text.isascii():
        return s.owner_folded[:n]
    return fold(s.owner_text[:n])


@dataclass(frozen=True)
class WorkModel:
    """Learned weights: ``probability(x) = 1 / (1 + exp(-(bias + Σ weight·x)))``."""

    bias: float
    weights: Mapping[str, float]

    def logit(self, x: Mapping[str, float]) -> float:
        """The model's log-odds for features ``x``."""
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in x.items())

    def probability(self, x: Mapping[str, float]) -> float:
        """The calibrated probability that the text is about the clinician's work."""
        z = self.logit(x)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


@cache
def _shipped() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(
        resources.files("checks.lexicons").joinpath("work_model.json").read_text(encoding="utf-8")
    )
    return raw


@cache
def work_model() -> WorkModel:
    """The shipped model (checks/lexicons/work_model.json)."""
    raw = _shipped()
    return WorkModel(
        bias=float(raw["bias"]),
        weights={k: float(v) for k, v in raw["weights"].items()},
    )


GRAM_CAP = 40
"""A text of up to GRAM_CAP n-grams counts each at full weight; a longer one counts each at GRAM_CAP / (its
n-grams): their mean, not their sum, so a long post does not look like work for holding many everyday words."""


def gram_weight(count: int) -> float:
    """The weight of each of a text's ``count`` n-grams in the vocabulary model."""
    return min(1.0, GRAM_CAP / count) if count else 0.0


ELISION = re.compile(r"(?:l|d|j|m|t|s|n|c|qu|jusqu|lorsqu|puisqu)'(?=\w)")
"""A French elided article or pronoun at the start of a folded word ("l'equipe", "d'intervention", "m'a")."""


def gram_words(folded: str, *, elisions: bool = False) -> list[str]:
    """The words of a folded text that the vocabulary model reads (numbers left out), in order. With ``elisions``
    (the work model's reading) a French elision is a word of its own ("l'" "equipe"), so that "equipe" is the same
    word with or without an article elided before it; the PHI model, trained on whole words, reads without."""
    if not elisions:
        return [t for t in words(folded) if not t.isdigit()]
    out: list[str] = []
    for t in words(folded):
        if t.isdigit():
            continue
        if "'" in t and (m := ELISION.match(t)):
            out += (m.group(), t[m.end() :])
        else:
            out.append(t)
    return out


def ngrams(text: str, *, elisions: bool = False) -> set[str]:
    """The words and adjacent word pairs of a text, folded (numbers left out): what the vocabulary model reads
    (``elisions``: see :func:`gram_words`)."""
    tokens = gram_words(fold(text), elisions=elisions)
    return {*tokens, *(f"{a} {b}" for a, b in pairwise(tokens))}


@dataclass(frozen=True)
class WordModel:
    """The vocabulary model: the features' weights and the n-grams' weights."""

    bias: float
    weights: Mapping[str, float]
    vocabulary: Mapping[str, float]
    embedding: tuple[float, ...] = ()  # weights of the text's unit mean embedding (empty: not read)

    def probability(self, x: Mapping[str, float], present: set[str], text: str = "") -> float:
        """The probability that a text with features ``x``, n-grams ``present`` and owner's words ``text`` (read
        only by a model with an embedding part) is about the work."""
        grams = gram_weight(len(present)) * sum(self.vocabulary.get(g, 0.0) for g in present)
        return self._sigmoid(x, grams + self._embedded(text))

    def probability_of_words(self, x: Mapping[str, float], tokens: list[str], text: str = "") -> float:
        """:meth:`probability` for the n-grams of ``tokens`` (:func:`gram_words`), without joining each word
        pair into a string: the distinct words and distinct pairs are counted apart (a word holds no space, so
        no pair string equals a word) and looked up in two tables."""
        unigrams, pairs = set(tokens), set(pairwise(tokens))
        total = sum(map(self._unigrams.get, unigrams, repeat(0.0))) + sum(map(self._pairs.get, pairs, repeat(0.0)))
        return self._sigmoid(x, gram_weight(len(unigrams) + len(pairs)) * total + self._embedded(text))

    def _embedded(self, text: str) -> float:
        """What the text's embedding adds to the log-odds (0 without an embedding part or without text)."""
        if not self.embedding or not text:
            return 0.0
        from checks.analysis.embedding import unit_dot  # loads the embedding only for a model that reads it

        return unit_dot(text, self._direction)

    @cached_property
    def _direction(self) -> Any:
        """The embedding weights as a vector (numpy is imported only for a model that has them)."""
        import numpy as np

        return np.asarray(self.embedding, dtype=np.float32)

    def _sigmoid(self, x: Mapping[str, float], grams: float) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in x.items())
        z += grams
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    @cached_property
    def _unigrams(self) -> dict[str, float]:
        return {g: w for g, w in self.vocabulary.items() if " " not in g}

    @cached_property
    def _pairs(self) -> dict[tuple[str, str], float]:
        """The word pairs (a key with more than one space is no pair of words and can never be present)."""
        split = ((g.split(" "), w) for g, w in self.vocabulary.items() if " " in g)
        return {(p[0], p[1]): w for p, w in split if len(p) == 2}

    def cues(self, present: set[str], n: int = 4) -> list[tuple[str, float]]:
        """The n-grams that pushed the text most towards work, heaviest first (what the finding names)."""
        share = gram_weight(len(present))
        found = [(g, share * self.vocabulary[g]) for g in present if self.vocabulary.get(g, 0.0) > 0]
        return sorted(found, key=lambda gw: (-gw[1], gw[0]))[:n]


@cache
def word_model() -> WordModel | None:
    """The shipped vocabulary model (the ``words`` part of checks/lexicons/work_model.json), if trained."""
    part = _shipped().get("words")
    if not part:
        return None
    return WordModel(
        bias=float(part["bias"]),
        weights={k: float(v) for k, v in part["weights"].items()},
        vocabulary={k: float(v) for k, v in part["vocabulary"].items()},
        embedding=tuple(float(v) for v in part.get("embedding", ())),
    )


def work_probability(s: TextSignals) -> float:
    """The vocabulary model's probability that the text is about the clinician's work (0 without a model)."""
    model = word_model()
    if model is None:
        return 0.0
    return model.probability_of_words(features(s), gram_words(folded_owner_text(s), elisions=True), s.owner_text)
