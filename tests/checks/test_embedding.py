"""The static embedding the vocabulary model reads: loaded from the package folder (the tests run with the
network off), close for texts about the same thing, and read only by a model that has an embedding part."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.analysis import embedding
from checks.analysis.work_model import WordModel, word_model

CLINICAL = "Two admissions on the acute psychiatric unit tonight and the consultant wants a medication review."
CLINICAL_TOO = "Long shift on the ward: discharged a patient, then the psychiatrist changed his antipsychotic dose."
EVERYDAY = "Pizza and cold beer with friends at the beach, then fireworks over the harbour."


def _unit(text: str) -> np.ndarray:
    v = embedding.mean_embedding(text)
    return v / np.linalg.norm(v)


def test_the_embedding_loads_from_the_package_folder_without_the_network() -> None:
    folder = embedding.package_folder()
    assert folder is not None
    assert (folder / "weights" / "l2_supercat_256.safetensors").is_file()
    embedding._model.cache_clear()  # load again here, sockets disabled (pytest-socket)
    v = embedding.mean_embedding(CLINICAL)
    assert v.shape == (embedding.DIMENSIONS,) and np.linalg.norm(v) > 0


def test_texts_about_the_same_thing_are_closer_than_unrelated_ones() -> None:
    assert float(_unit(CLINICAL) @ _unit(CLINICAL_TOO)) > float(_unit(CLINICAL) @ _unit(EVERYDAY)) + 0.1


def test_a_text_without_tokens_adds_nothing() -> None:
    assert not embedding.mean_embedding("").any()
    assert embedding.unit_dot("", np.ones(embedding.DIMENSIONS, dtype=np.float32)) == 0.0


def test_the_embedding_part_moves_the_probability_along_its_direction() -> None:
    direction = tuple(float(x) for x in 3.0 * _unit("patients, nurses and doctors on the hospital ward"))
    model = WordModel(bias=-1.0, weights={}, vocabulary={}, embedding=direction)
    plain = WordModel(bias=-1.0, weights={}, vocabulary={})
    assert model.probability_of_words({}, [], CLINICAL) > plain.probability_of_words({}, [], CLINICAL)
    assert model.probability_of_words({}, [], CLINICAL) > model.probability_of_words({}, [], EVERYDAY)
    assert model.probability({}, set(), CLINICAL) == pytest.approx(model.probability_of_words({}, [], CLINICAL))
    assert model.probability_of_words({}, [], "") == plain.probability_of_words({}, [], CLINICAL)


def test_a_model_without_an_embedding_part_never_loads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, direction: np.ndarray) -> float:
        raise AssertionError("the embedding was read")

    monkeypatch.setattr(embedding, "unit_dot", refuse)
    plain = WordModel(bias=0.0, weights={}, vocabulary={"ward": 1.0})
    assert plain.probability_of_words({}, ["ward"], CLINICAL) == pytest.approx(1 / (1 + np.exp(-1.0)))


def test_the_shipped_model_reads_clinical_words_it_never_learned_as_work() -> None:
    """With no n-gram and no feature, the embedding alone puts a clinical text above an everyday one."""
    model = word_model()
    assert model is not None and len(model.embedding) == embedding.DIMENSIONS
    clinical = model.probability_of_words({}, [], CLINICAL)
    assert clinical > 2 * model.probability_of_words({}, [], EVERYDAY)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab éüç'.!\n\t🍷", "the", " patient", "  ", "ward"]), max_size=30).map("".join))
def test_word_by_word_ids_are_the_tokenizers_ids_of_the_whole_text(text: str) -> None:
    """Words' ids are kept and reused: the text's ids stay exactly those the tokenizer gives the whole text."""
    tokenizer, _ = embedding._model()
    assert embedding.token_ids(text) == tokenizer.encode(text, add_special_tokens=False).ids
