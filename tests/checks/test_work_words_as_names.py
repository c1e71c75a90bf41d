"""Work words that are not the owner's work (issue 18, everyday posts, round 3): a work noun written as a person's
surname, patients the owner counts herself among, software clients, a website's session, and the work of trades
named by what they produce or by the place a post is tagged at. Each rule drops the everyday sense and keeps the
clinician's."""

from __future__ import annotations

import pytest

from checks.analysis.normalize import fold
from checks.analysis.surnames import surname_reason
from checks.text import analyze, has_phrase


def counts(text: str, term: str) -> bool:
    """Whether a kept work, clinical or workplace hit of the text is ``term``."""
    kept = {fold(h.text) for h in analyze(text).hits if h.lexicon in ("work", "clinical", "workplace", "job")}
    return any(has_phrase(k, fold(term)) for k in kept)


@pytest.mark.parametrize(
    ("name", "clinical", "term"),
    [
        ("Senator Jeff Sessions spoke for an hour", "Three sessions back to back, then notes", "sessions"),
        ("AG Sessions Defends the new rule", "Group sessions start again on Monday", "sessions"),
        ("Mr. Sessions, please do your job", "Sessions are full until March", "sessions"),
        ("Sessions is not doing his job!", "Sessions ran long all day", "sessions"),
        ("Judge Patient ruled on the motion this morning", "Patient asked about her discharge date", "patient"),
    ],
)
def test_a_work_noun_written_as_a_surname_is_a_name(name: str, clinical: str, term: str) -> None:
    assert not counts(name, term)
    assert counts(clinical, term)


@pytest.mark.parametrize(
    "text",
    [
        "Session 3 of 5 today, she finally talked",  # a number after it: a session
        "Maria Session 4 notes done",  # a client's first name before a numbered session
        "Two Sessions today and a team meeting",  # no title, no given name before it
        "SESSIONS IS WHAT I DO ALL DAY",  # capitals throughout: not written as a name
    ],
)
def test_a_capitalised_work_noun_alone_is_not_a_name(text: str) -> None:
    start = text.lower().find("session")
    end = start + (8 if text[start : start + 8].lower() == "sessions" else 7)
    assert surname_reason(text, start, end) is None


def test_patients_the_owner_counts_herself_among() -> None:
    assert not counts("Legalise medical marijuana for patients like me", "patients")
    assert not counts("Medical marijuana patients could save money", "patients")
    assert not counts("Met some lovely fellow patients in the waiting area", "patients")
    assert counts("Saw patients like her all week on the unit", "patients")


def test_a_software_client_is_not_a_client() -> None:
    assert not counts("They build a shell command on the server and execute it on the client", "client")
    assert counts("A client said she opened up about the accident today", "client")


def test_a_website_session_is_not_a_session() -> None:
    assert not counts("My session keeps expiring before I can submit the form", "session")
    assert counts("My session ran over before I could write the notes", "session")


@pytest.mark.parametrize(
    ("other_trade", "clinical", "term"),
    [
        (
            "I love my job • I love my clients @ Hart Rate Fitness",
            "I love my job • I love my clients, even on the hard days",
            "my clients",
        ),
        (
            "Caught scrolling while my client processes @ The Beauty Lounge",
            "Caught up on notes while my client filled in the questionnaire",
            "my client",
        ),
        (
            "Congratulations to our client Jaspreet on getting his work visa approved!",
            "Congratulations to our client Jaspreet on six months sober!",
            "client",
        ),
        (
            "Stunning photos by: electroglow of my client, model and singer",
            "Stunning progress from my client this week, first day back at school",
            "my client",
        ),
    ],
)
def test_another_trade_named_by_its_work_or_its_place(other_trade: str, clinical: str, term: str) -> None:
    assert not counts(other_trade, term)
    assert counts(clinical, term)


def test_a_tag_at_a_care_place_is_not_another_trade() -> None:
    assert counts("Love my clients @ Serenity Counseling Center", "my clients")


@pytest.mark.parametrize(
    ("everyday", "clinical", "term"),
    [
        (
            "Available for adoption! SEX: MALE/NEUTERED AGE: 13 weeks INTAKE: 08/28/18",
            "INTAKE at 3 today, then notes",
            "intake",
        ),
        (
            "An Army specialist, she was discharged Friday after 4 years of service",
            "She was discharged Friday after 4 weeks on the unit",
            "discharged",
        ),
        (
            "Records reveal lax supervision at the shelters",
            "Good supervision today about my hardest case",
            "supervision",
        ),
        ("Closed door session begins, more later", "Closed the door on a hard session", "session"),
        ("The guy at the drawing session last night", "The guy in the session last night", "session"),
    ],
)
def test_an_animal_s_intake_a_soldier_s_discharge_a_child_s_supervision(
    everyday: str, clinical: str, term: str
) -> None:
    assert not counts(everyday, term)
    assert counts(clinical, term)


def test_a_client_slot_is_a_clock_hour() -> None:
    assert not counts("Believe women, except for the 65 who support him", "the 65")
    assert counts("The 3 who cancelled last week came back today", "the 3")
    assert counts("The 14:00 just cancelled again", "the 14:00")


def test_fellow_patients_only_right_before_the_word() -> None:
    assert not counts("Chatting with fellow patients in the waiting room", "patients")
    assert counts("How do you deal with it when fellow physicians mismanage patients?", "patients")
