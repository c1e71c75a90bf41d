"""Location tags, places the author visits and other everyday senses found in real everyday posts (issue 18): the
everyday sense is dropped, the clinician's kept."""

from __future__ import annotations

import pytest

from checks.analysis.normalize import fold
from checks.policy import Workplace
from checks.text import analyze, has_phrase, location_tags


def kept(text: str, workplace: Workplace | None = None) -> set[str]:
    """The folded words of the text's kept lexicon hits (all lexicons), after the negative contexts."""
    return {fold(h.text) for h in analyze(text, workplace=workplace).hits}


def counts(text: str, term: str) -> bool:
    """Whether a kept hit of the text is ``term``."""
    return any(has_phrase(k, fold(term)) for k in kept(text))


def test_location_tags_are_found_where_instagram_and_foursquare_put_them() -> None:
    text = "Love this place @ Joe's Diner #brunch"
    (span,) = location_tags(text)
    assert text[span[0] : span[1]].strip() == "@ Joe's Diner"
    assert location_tags("Finally (@ Spine Care Physicians in Los Angeles, CA)")
    assert not location_tags("thanks @jo, at work @ work till 8")  # a handle, and "@ work" in lower case


def test_words_of_a_tagged_place_name_are_not_cues() -> None:
    assert not counts("Bubbles at the doctor's with Pickles @ All Star Physical Therapy", "therapy")
    assert counts("Physical therapy for my 2pm, then notes", "therapy")


def test_the_workplace_named_in_a_tag_still_counts_and_so_does_what_the_text_says_of_it() -> None:
    workplace = Workplace(name="Riverbend Clinic")
    hits = analyze("Last session, love this place @ Riverbend Clinic", workplace=workplace).hits
    assert {h.lexicon for h in hits} >= {"workplace_name", "work", "job"}
    elsewhere = analyze("Last session, love this place @ Balboa Park", workplace=workplace).hits
    assert not elsewhere


@pytest.mark.parametrize(
    ("visited", "workplace"),
    [
        ("Love this place @ Stinkin Crawfish of West Covina", "You carry this place, all of you"),
        ("Missing this place right now, can't wait to go back", "back at it. missed this place"),
        ("Yummy bruschetta and brie, I love this place!", "This place runs on the front desk team"),
    ],
)
def test_a_place_the_author_visits_is_not_the_workplace(visited: str, workplace: str) -> None:
    assert not counts(visited, "this place")
    assert counts(workplace, "this place")


@pytest.mark.parametrize(
    ("everyday", "clinical", "term"),
    [
        ("Any kind of sea therapy is good for me", "Sand tray therapy with a new kiddo today", "therapy"),
        ("Twitter is like therapy for some people", "Family therapy at 4, then notes", "therapy"),
        ("Creating Pareto charts using Excel", "Charts done by 6 for once", "charts"),
        ("Twitter buzz builds for the Occupy movement [CHARTS] http://t.co/x", "Three charts left to sign", "charts"),
        ("They pay to lobby politicians", "Waiting in the lobby for my 3pm", "lobby"),
        ("Hard at work on my tan!", "Me at work at 7am, coffee first", "at work"),
    ],
)
def test_everyday_sense_is_dropped_clinical_sense_kept(everyday: str, clinical: str, term: str) -> None:
    assert not counts(everyday, term)
    assert counts(clinical, term)
