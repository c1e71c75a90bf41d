"""Everyday senses on real everyday posts (issue 18 items 2 and 6, helper names8): "patients" at large in a text
about politics, a drug's users or a stock's; a surname that is also a word opening a sentence ("White nationalism").
Each rule with a near miss that stays the clinician's work or the client."""

from __future__ import annotations

import pytest

from checks.analysis.mentions import paired_with_someone_else
from checks.matching import Matcher
from checks.text import analyze
from scanner.clients import Client, ClientList


def _cues(text: str) -> set[str]:
    return {e.text.lower() for e in analyze(text).work_score()[1]}


@pytest.mark.parametrize(
    "text",
    [
        "#FidelCastro dear liberals you forgot the camps he put aids patients in",
        "Decision today on patient killing bill #euthanasia",
        "I saw a video on one patient who uses medical marijuana! That must mean it solves everything",
        "$SRPT Why would patients advocate for a drug if it did not work?",
        "There's a gray area when it comes to abortion that #doctors & #patients face",
    ],
)
def test_patients_in_a_text_about_politics_are_no_work_cue(text: str) -> None:
    assert not {"patient", "patients", "#patients"} & _cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "The government cut our funding again and my patients wait six months",
        "Saw three patients before lunch and the waiting room is still full",
    ],
)
def test_own_patients_stay_a_work_cue(text: str) -> None:
    assert {"patients", "my patients"} & _cues(text)


def test_a_skilled_migrant_visa_names_another_trade() -> None:
    assert "client" not in _cues("Congratulations to our client on getting his Skilled Migrant Residence visa")
    assert "a client" in _cues("A client cried in session today")


_MATCHER = Matcher(ClientList((Client(id="C1", name="Joseph White", aliases=("Joe",)),)))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I fully support it. White nationalism is cancer in a multicultural society.", False),
        ("There's an agenda: White genocide is a crime", False),
        # a person's verb, a possessive or a state after it: the surname of a person
        ("White said he'd come back on Tuesday.", True),
        ("Long day. White's mum rang twice", True),
        # inside a sentence the word test does not apply (as before)
        ("Saw Mr. White and then White again at the clinic", True),
    ],
)
def test_a_surname_that_is_a_word_opening_a_sentence(text: str, found: bool) -> None:
    hits = [h for h in _MATCHER.scan(text, "x").names if h.how in ("surname", "title_surname")]
    assert bool(hits) is found


_PEOPLE = Matcher(ClientList((Client(id="C1", name="Nancy Hall"), Client(id="C2", name="Jo Bloggs"))))


@pytest.mark.parametrize(
    ("text", "paired"),
    [
        ("Breakfast before we see our new friends, Karl and Nancy, at the lake", True),
        ("Mariage de Nancy et Kevin, le DJ était nul", True),
        ("Cal and Nancy's barbecue, the best burgers in town", True),
        # beside another client, a kin word, "I" or a title: still the client
        ("Nancy and Jo both came to group today", False),
        ("Nancy and Mom came to the session together", False),
        ("Nancy and I worked on her safety plan", False),
        ("Nancy and Dr Patel agreed on the discharge plan", False),
    ],
)
def test_a_first_name_paired_with_someone_elses(text: str, paired: bool) -> None:
    scan = _PEOPLE.scan(text, "x")
    starts = {h.start for h in (*scan.names, *scan.words_at_start)}
    (nancy,) = [h for h in scan.names if h.text == "Nancy"]
    assert paired_with_someone_else(text, nancy, starts) is paired
