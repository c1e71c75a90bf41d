"""The vocabulary model's fast path gives what the reference computation gives (issue 22, round 3 part 4).

The reference is what the trainer uses: ``ngrams`` builds every word and joined word pair, ``probability``
sums their weights. The scan reads the analysis's fold and looks words and pairs up without joining them.
"""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.analysis.normalize import fold
from checks.analysis.work_model import (
    features,
    folded_owner_text,
    gram_words,
    ngrams,
    signals_of,
    word_model,
)
from checks.text import analyze, words

_OLD_WORD = re.compile(r"[\w'’&@.-]*\w|\w")
_MODEL = word_model()
assert _MODEL is not None
_ALL = sorted({w for g in _MODEL.vocabulary for w in g.split(" ")})
_VOCAB = _ALL[:: max(1, len(_ALL) // 400)]  # spread over the alphabet

_pieces = st.one_of(
    st.sampled_from(_VOCAB),
    st.sampled_from(["i", "my", "we", "our", "I'm", ".", "..", " ", "  ", "\n", "'", "-", "&", "@", "3", "12", ". "]),
    st.sampled_from(["é", "É", "ß", "İ", "🙂", "ﬁ"]),
    st.sampled_from(["l'équipe", "m'a", "qu'il", "jusqu'à", "aujourd'hui", "d'", "L'", "c'mon", "don't"]),
    st.text(alphabet="abcXYZ.'’-&@ 09éÅ", max_size=6),
)
_texts = st.lists(_pieces, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .'’-&@\n9é", max_size=40) | _texts)
def test_words_match_the_strip_and_filter_definition(text: str) -> None:
    old = [w.strip(".") for w in _OLD_WORD.findall(text) if w.strip(".")]
    assert words(text) == old


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_fast_probability_matches_the_reference(text: str) -> None:
    assert _MODEL is not None
    signals = signals_of(analyze(text), "post")
    x = features(signals)
    assert folded_owner_text(signals) == fold(text)
    for elisions in (False, True):  # the PHI model's reading, the work model's
        reference = _MODEL.probability(x, ngrams(signals.owner_text, elisions=elisions))
        fast = _MODEL.probability_of_words(x, gram_words(folded_owner_text(signals), elisions=elisions))
        assert math.isclose(fast, reference, rel_tol=1e-12, abs_tol=1e-15)


def test_the_work_model_reads_a_french_elision_as_a_word_of_its_own() -> None:
    """ "l'equipe" is "l'" and "equipe" for the work model ("equipe" then counts with or without the article); words
    that only hold an apostrophe ("aujourd'hui", "don't") stay whole, and the PHI model's reading is unchanged."""
    folded = fold("L'équipe m'a dit qu'aujourd'hui, don't worry")
    assert gram_words(folded, elisions=True) == [
        "l'",
        "equipe",
        "m'",
        "a",
        "dit",
        "qu'",
        "aujourd'hui",
        "don't",
        "worry",
    ]
    assert gram_words(folded) == ["l'equipe", "m'a", "dit", "qu'aujourd'hui", "don't", "worry"]


@settings(max_examples=200, deadline=None)
@given(_texts, st.integers(min_value=0, max_value=60))
def test_features_read_the_same_first_person_prefix(text: str, pad: int) -> None:
    """The first-person feature reads the fold of the first 2,000 characters, from the analysis or not."""
    text = "x" * (2000 - pad) + " " + text  # the 2,000th character falls inside the generated part
    signals = signals_of(analyze(text), "post")
    unfolded = type(signals)(**{**signals.__dict__, "owner_folded": ""})
    assert features(signals) == features(unfolded)
