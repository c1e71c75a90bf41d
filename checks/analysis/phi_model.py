"""A learned "health detail about this person" signal for phi-identifier: narrative health information.

Much health information a clinician posts about a client holds no health word: "she went home today" (a
discharge), "he spoke a word in session today, after 18 months", "his celebration of life is Saturday", a
treatment started, a crisis told in the person's own words. No word list holds these; the rules of
``health_details`` find only the constructions that carry them (a change against a past state, a crisis
referral). This model reads them from data: a logistic regression over the same parts as the work model's
vocabulary model (:class:`~checks.analysis.work_model.WordModel`: the lexicon features, the words and word pairs
found in at least three labelled corpora, the static embedding of the text), plus whether the client is the
thread partner. It is learned by ``eval/textlab/train_phi_model.py`` from the texts where phi-identifier knows
who the text is about (label: the text is phi-identifier), its strength and decision chosen by leave-one-corpus-
out cross-validation, and shipped as data (``checks/lexicons/phi_model.json``); phi-identifier consults it only
when its rules found no health detail and no identifier. Held out, a text it reports was right about two times in
three (the corpora's labellers disagree on the rest: a last session, a move, a scheduling message), so its
findings carry a lower confidence. A finding it makes names the words that weighed most.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from checks.analysis.mentions import mentions_for
from checks.analysis.work_model import WordModel, features, gram_words, ngrams, record_kind, signals_of
from checks.base import CheckContext, Evidence
from checks.text import TextAnalysis
from scanner.records import AnyRecord

MODEL_FILE = "checks/lexicons/phi_model.json"
REASON = "health information about the client (learned wording: {})"


@cache
def phi_model() -> tuple[WordModel, float] | None:
    """The shipped model and its decision (``checks/lexicons/phi_model.json``), or None when not trained."""
    folder = resources.files("checks.lexicons")
    if not folder.joinpath("phi_model.json").is_file():
        return None
    raw = json.loads(folder.joinpath("phi_model.json").read_text(encoding="utf-8"))
    model = WordModel(
        bias=float(raw["bias"]),
        weights={k: float(v) for k, v in raw["weights"].items()},
        vocabulary={k: float(v) for k, v in raw["vocabulary"].items()},
        embedding=tuple(float(v) for v in raw.get("embedding", ())),
    )
    return model, float(raw["decision"])


def model_features(record: AnyRecord, a: TextAnalysis, ctx: CheckContext, *, partner: bool) -> dict[str, float]:
    """The model's features for a record about an identified client (``partner``: the client is the thread's
    other person): the work model's lexicon and context features, and the partner flag."""
    mentions = mentions_for(record, ctx)
    kind = record_kind(record)
    x = features(signals_of(a, kind, client_named=mentions.named, client_described=mentions.described))
    if partner:
        x["partner"] = 1.0
    return x


def narrative_health(record: AnyRecord, a: TextAnalysis, ctx: CheckContext, *, partner: bool) -> list[Evidence]:
    """Evidence of a client's health information the model finds in ``a``'s text (probability at or above its
    decision), at the n-gram that weighed most and naming the heaviest ones; empty below the decision."""
    shipped = phi_model()
    if shipped is None:
        return []
    model, decision = shipped
    x = model_features(record, a, ctx, partner=partner)
    if model.probability_of_words(x, gram_words(a.folded), a.text) < decision:
        return []
    cues = model.cues(ngrams(a.text))
    where = next((span for g, _ in cues if (span := a.find_phrase(g))), None) or (0, len(a.text))
    named = ", ".join(f'"{g}"' for g, _ in cues) or "the text as a whole"
    return [Evidence(where[0], where[1], a.text[where[0] : where[1]], REASON.format(named))]
