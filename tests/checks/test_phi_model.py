"""phi-identifier's learned health-detail model: applied only to an identified client's text that the rules found
nothing in, naming the words that counted; the shipped model is trained on tuning corpora only."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from checks.analysis import phi_model
from checks.analysis.work_model import WordModel
from checks.phi_identifier import PhiIdentifierCheck
from tests.checks.test_phi_identifier import ctx, post

# a model that has learned that a move out of care and a funeral are health details ("moved out" one only with
# "today"), and that "bake sale" is not ("went home today" is a rule's now: a hospital episode in lay words)
TOY = WordModel(
    bias=-3.0,
    weights={"partner": 1.0},
    vocabulary={"moved out": 2.0, "out today": 2.5, "funeral": 5.0, "bake sale": -4.0},
)


@pytest.fixture
def toy_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(phi_model, "phi_model", lambda: (TOY, 0.8))


def _findings(text: str) -> list:
    return list(PhiIdentifierCheck().run(post(text), ctx()))


@pytest.mark.usefixtures("toy_model")
def test_a_narrative_health_detail_about_a_named_client_is_phi_and_names_its_words() -> None:
    (f,) = _findings("Hope Alvarado moved out today after four months with us")
    learned = [e for e in f.evidence if "learned wording" in e.reason]
    assert learned and '"out today"' in learned[0].reason and '"moved out"' in learned[0].reason
    assert learned[0].text in {"moved out", "out today"}
    assert f.confidence < 0.95  # a learned detail is less certain than a named condition


@pytest.mark.usefixtures("toy_model")
def test_below_the_decision_or_without_an_identified_client_nothing_is_reported() -> None:
    assert not _findings("Hope Alvarado moved out early from the bake sale")  # below the decision
    assert not _findings("My neighbour moved out today, funeral on Friday")  # nobody identified


@pytest.mark.usefixtures("toy_model")
def test_the_model_is_not_consulted_when_the_rules_found_a_health_detail() -> None:
    (f,) = _findings("Hope Alvarado went home today, off the lithium at last")
    assert not any("learned wording" in e.reason for e in f.evidence)
    assert f.confidence == pytest.approx(0.95 * max(c.score for c in f.clients), abs=0.01)


def test_without_a_model_the_rules_alone_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(phi_model, "phi_model", lambda: None)
    assert not _findings("Hope Alvarado moved out today, funeral for her cat on Friday")


def test_the_shipped_model_is_trained_on_tuning_corpora_with_a_decision() -> None:
    shipped = phi_model.phi_model()
    assert shipped is not None
    model, decision = shipped
    assert 0.5 <= decision < 1.0 and model.vocabulary and len(model.embedding) == 256
    raw = json.loads(resources.files("checks.lexicons").joinpath("phi_model.json").read_text(encoding="utf-8"))
    assert raw["trained_on"] and not any("locked" in name for name in raw["trained_on"])
    assert raw["min_corpora"] >= 2  # no corpus's own names or places
