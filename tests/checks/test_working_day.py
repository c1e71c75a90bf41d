"""The owner's own working day told without a job word (issue 18): a run of nights, a 12-hour day, a swapped night
or long day, the team's huddle, coming back from leave, being late for work, a mandatory training day. Each is
one weak cue (a single one is borderline: reported only in an account that often posts about its clinical work),
and the everyday senses of the same words are no cue at all."""

from __future__ import annotations

import pytest

from checks.text import WORK_THRESHOLD, analyze
from tests.checks.test_work_related_post import CLINICAL, _account


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("honeymoon over, back on nights. Cornwall I miss you already", "back on nights"),
        ("Night 3 of 4. The vending machine ate my last pound", "Night 3 of 4"),
        ("sleeping pattern: what sleeping pattern. 4 nights done", "4 nights done"),
        ("worked a 12 then slept till noon", "worked a 12"),
        ("pulled a 12 hr day, here's my reward", "pulled a 12 hr"),
        ("anyone swap my night Thursday? Cannot miss the wedding", "swap my night"),
        ("late for team meeting again, the bypass is roadworks", "team meeting"),
        ("team huddle at 8, bring donuts", "team huddle"),
        ("back from mat leave and 19 evaluations waiting", "back from mat leave"),
        ("back to the desk after leave, the coffee is still awful", "after leave"),
        ("in early for once, the car park is a rink", "in early for"),
        ("mandatory training all day, fire extinguishers and a quiz", "mandatory training"),
        ("work Christmas do at the Crown, the consultant did the Macarena", "work Christmas do"),
        ("summer slump. 3 cancellations today", "3 cancellations"),
        ("CPD portfolio submitted at last", "CPD"),
        ("my wednesday 2pm has the best taste in cardigans", "my wednesday 2pm"),
        ("notes done by 5 for once", "notes done"),
        ("DNA x2 this morning, caught up on the data entry", "DNA x2"),
        ("canicule et clim cassée au cabinet", "au cabinet"),
        # French: interviews and consults counted or between two, a clinical "staff", home visits counted, leave
        ("Sandwich entre deux entretiens", "entre deux entretiens"),
        ("Consult de 8h30 annulée par SMS à 8h04", "Consult de 8h"),
        ("Staff du lundi : trois sorties à organiser", "Staff du lundi"),
        ("Trois visites cet après-midi, une seule porte ouverte", "Trois visites"),
        ("congé paternité fini, on reprend lundi", "congé paternité fini"),
    ],
)
def test_the_owners_working_day_is_one_weak_cue(text: str, cue: str) -> None:
    """One weak cue (1.0 to under the threshold), named in the evidence."""
    score, evidence = analyze(text).work_score()
    assert 1.0 <= score < WORK_THRESHOLD
    assert any(cue.lower() in e.text.lower() for e in evidence)


@pytest.mark.parametrize(
    "text",
    [
        "did a 12 mile hike with the dog",
        "working a 12 week program at the gym",
        "training day saturday, seven weeks until the walk",
        "2 nights to go until Vegas!!",
        "back at the hotel after the concert",
        "late for the party, as always",
        "two long days in the car to get to Perth",
        "trois visites de musée ce week-end",
        "entretien de la voiture samedi",
        "my Saturday 10am yoga class is cancelled",
        "DNA test results came back: 12% Viking",
    ],
)
def test_everyday_senses_are_no_working_day_cue(text: str) -> None:
    """The same words about a hike, a gym plan, a trip or a party do not reach a single cue."""
    assert analyze(text).work_score()[0] < 1.0


def test_a_working_day_cue_is_reported_only_in_a_clinicians_account(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "back on nights" is borderline: reported where the account often posts about its clinical work, not in an
    account that does not."""
    nights = "back on nights tomorrow, pray for me"
    assert [f.record.excerpt for f in _account([*CLINICAL, nights], monkeypatch)][-1] == nights
    assert _account(["Holiday snaps from the coast", nights], monkeypatch) == []


@pytest.mark.parametrize(
    "text",
    [
        "4 long days done. Bath. Bed. #rmnlife",
        "new ring light for the home office #telehealthlife #nplife",
        "35 reports due by October, pray for me #schoolpsych",
        "Nouveau cabinet, nouvelle plante #psychothérapie",
        "Cooking group made damper #mentalhealthOT",
    ],
)
def test_a_trades_own_hashtag_is_a_work_cue_in_any_language(text: str) -> None:
    """A profession's own hashtag says the post is about the job, as the existing "#nurselife" does."""
    assert analyze(text).work_score()[0] >= WORK_THRESHOLD


@pytest.mark.parametrize("text", ["#psych is the best show ever", "so #psyched for the weekend", "#hot #shot #robot"])
def test_hashtags_that_only_look_like_a_trades_are_no_cue(text: str) -> None:
    """A TV show, a mood and words ending in "ot" are not the trades' hashtags."""
    assert analyze(text).work_score()[0] == 0
