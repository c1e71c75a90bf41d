"""Whose health detail or clients a text speaks of (issue 18 item 5): the owner as the subject before someone
else's possessive ("I was drawing up her insulin") tells another person's care; a business's "its clients" are
not the owner's."""

from __future__ import annotations

import pytest

from checks.text import analyze
from checks.work_related_post import tallies_its_day


def health_terms(text: str) -> list[str]:
    """The health terms that count for the text (neither the owner's own nor her family's)."""
    return [h.term for h in analyze(text).health_hits()]


@pytest.mark.parametrize(
    "text",
    [
        "I was drawing up her insulin when the alarm went off",
        "I'm worried about his relapse",
        "I had their methadone ready by eight",
        "My client's anxiety was through the roof",
        "J'ai préparé son insuline ce matin",
    ],
)
def test_someone_elses_health_after_the_first_person_counts(text: str) -> None:
    assert health_terms(text)


@pytest.mark.parametrize(
    "text",
    [
        "I was drawing up my insulin before lunch",
        "I'm worried about my relapse",
        "I was giving her my insulin pen to look at",  # "my" after the possessive: the owner's again
        "my mum's cancer is back",
    ],
)
def test_the_owners_own_health_does_not_count(text: str) -> None:
    assert not health_terms(text)


def test_a_business_and_its_clients_are_not_the_owners_work() -> None:
    assert not [h for h in analyze("The bakery thanked all its clients with a free coffee").hits if h.lexicon == "work"]


def test_our_clients_stay_the_owners_work() -> None:
    assert [h for h in analyze("Our clients were amazing today").hits if h.lexicon == "work"]


def work_terms(text: str) -> list[str]:
    """The work terms that count for the text."""
    return [h.term for h in analyze(text).hits if h.lexicon in ("work", "clinical", "job", "workplace")]


@pytest.mark.parametrize(
    "text",
    [
        "My mate's wife is an NP in the ED and she hasn't had a day off in 3 weeks",
        "clap for carers. proud of my sister-in-law on the wards at Fairfield",
        "my daughter's first day at school today",
        "Je jase avec une amie qui travaille à la DPJ depuis 15 ans",
        "Applaudissements de 20h, ma voisine est infirmière à l'hôpital",
    ],
)
def test_a_relatives_or_friends_job_is_not_the_owners_work(text: str) -> None:
    assert not work_terms(text)


@pytest.mark.parametrize(
    "text",
    [
        "my mum rang while I was with a client",  # the first person between: the owner's own work
        "my husband picked me up after the night shift",
        "Mum and dad came to the session with him",  # a client's parents, not the owner's
        "Our clients were amazing today",
    ],
)
def test_the_owners_work_next_to_a_relative_still_counts(text: str) -> None:
    assert work_terms(text)


@pytest.mark.parametrize(
    "text",
    ["3 ROCs, 1 FGC, 0 lunch", "Demande AI pour une jeune : 4 rapports, 2 mois, 1 refus, 1 recours."],
)
def test_a_tally_of_the_day_has_the_shape(text: str) -> None:
    assert tallies_its_day(analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ran 5 km in 30 min at 7 am, 2 hours before work",  # lengths and times are not counts of things
        "Meeting moved to 8:30 on 12/03, then 2 calls",
        "3 ROCs, 1 FGC, 0 lunch. " + "A long day of many words and much else besides. " * 10,  # not a short update
    ],
)
def test_times_lengths_and_long_texts_are_not_a_tally(text: str) -> None:
    assert not tallies_its_day(analyze(text))
