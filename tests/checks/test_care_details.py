"""Details of a client's care written as narrative (checks/lexicons/care_details.txt, issue 18 item 7): each
class (questionnaire scores, treatment counts, care episodes, treatments by how they are given, school plans,
symptoms in lay words) is a health detail next to an identifiable client, never a work cue, and its everyday
senses are not."""

from __future__ import annotations

import pytest

from checks.text import analyze
from scanner.clients import Client, ClientList
from tests.checks.records import phi_health_texts

CLIENTS = ClientList((Client(id="C1", name="Wren Healy"),))


def _phi(text: str) -> list[str]:
    return phi_health_texts(text, CLIENTS)


def _care(text: str) -> list[str]:
    """The care-detail terms the analysis keeps in ``text`` (lexicon health_vocab, this file's entries)."""
    return [h.text for h in analyze(text).phi_health_hits() if h.lexicon == "health_vocab"]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # validated instruments, with or without a score
        ("Wren Healy's PHQ-9 came back at 4 today, down from 19", "PHQ-9"),
        ("Wren Healy did her MoCA: 21 out of 30", "MoCA"),
        ("Wren Healy did the CY-BOCS: 28, same as March", "CY-BOCS"),
        ("Wren Healy's AUDIT score 22, we talked about the weekends", "AUDIT score 22"),
        ("Wren Healy, potassium 2.9 again, back to the medical ward", "potassium 2.9"),
        # the course of a treatment
        ("Wren Healy is on cycle 2 of 6 and still cracking jokes", "cycle 2 of 6"),
        ("eight sessions with Wren Healy and she drove on the motorway", "eight sessions"),
        ("Wren Healy rang the bell this morning!!", "rang the bell"),
        ("Wren Healy made it to week 3 of the ladder", "week 3 of the ladder"),
        ("Wren Healy's first session back since the summer", "first session back"),  # her session: her care
        # care episodes
        ("Wren Healy got her unescorted leave to the shops", "unescorted leave"),
        ("Wren Healy goes into foster care on Friday", "foster care"),
        ("Wren Healy was detained on a 3 overnight", "detained on a 3"),
        ("discharged Wren Healy today after nine weeks", "discharged Wren Healy today"),
        # treatments named by how they are given
        ("Wren Healy's last infusion, the nurses lined the corridor", "last infusion"),
        ("Wren Healy came in for her depot and brought scones", "depot"),
        ("Wren Healy starts radiation on Monday", "starts radiation"),
        ("Wren Healy on tamoxifen now and hates the hot flushes", "tamoxifen"),
        ("Wren Healy's prior authorization finally went through", "prior authorization"),
        # school support plans
        ("Wren Healy's IEP meeting went well, mum cried", "IEP"),
        # symptoms and crises in lay words
        ("Wren Healy says her voice has been quiet since Easter", "voice has been quiet"),
        ("Wren Healy has been purging after every meal again", "purging"),
        ("Wren Healy came to group stoned again", "stoned"),
        ("Wren Healy tried to end her life in March", "tried to end her life"),
        # diagnoses written as acronyms, as written
        ("Wren Healy's ALS has reached her hands now", "ALS"),
        # a death with its day or its services, hospice and end-of-life care
        ("Wren Healy died on Tuesday with her daughters beside her", "died on Tuesday"),
        ("Wren Healy passed last week. 94 and sharp to the end", "passed last week"),
        ("Wren Healy's celebration of life is Saturday at the Legion", "celebration of life"),
        ("Wren Healy is actively dying, the family is with her", "actively dying"),
        ("Wren Healy is declining fast, sleeping most of the day", "is declining"),
        ("Wren Healy's hospital bed arrives Monday", "hospital bed"),
        # guardianship and child protection, mental-health law, an inpatient unit's safety measures
        ("Wren Healy: guardianship hearing at QCAT next week", "guardianship"),
        ("Wren Healy's kids back home, reunification is on track", "reunification"),
        ("Wren Healy was Baker Acted last night", "Baker Acted"),
        ("Wren Healy is at the Consent and Capacity Board tomorrow", "Consent and Capacity Board"),
        ("Wren Healy back on q15 checks after the weekend", "q15"),
        ("Wren Healy, BAC of .31 at triage", "BAC of .3"),
        # French
        ("Wren Healy est en famille d'accueil depuis lundi", "famille d'accueil"),
        ("Wren Healy, injection faite, on a parlé du jardin", "injection faite"),
        # a stay counted in a unit, a specialist, leaving against advice, custody safeguards, due dates, treatments
        ("Wren Healy went home today, 14 weeks in the NNU", "14 weeks in the NNU"),
        ("Wren Healy: the cardiologist said her heart is boring now", "cardiologist"),
        ("Wren Healy left the unit today against advice", "left the unit today against advice"),
        ("Wren Healy's police interview, appropriate adult present", "appropriate adult"),
        ("Wren Healy got her flat. Baby due in 3 weeks", "Baby due in"),
        ("Wren Healy came back to show us her rainbow baby", "rainbow baby"),
        ("Wren Healy is in every three weeks for blood", "in every three weeks for blood"),
        ("Wren Healy's aging out of care plan meeting", "aging out of care"),
        ("Wren Healy taught class over Zoom in between her treatments", "between her treatments"),
        ("Wren Healy was transferred to us from the State", "transferred to us from the State"),
        ("Wren Healy's IDP meeting was a joy", "IDP"),
        ("Wren Healy, keep the phone away from the betting apps this week", "betting apps"),
        ("Wren Healy sang at church, 3 weeks after we met her in crisis", "her in crisis"),
        ("Wren Healy asked to go for a run on pass", "on pass"),
        ("Wren Healy, intox médicamenteuse volontaire, on surveille", "intox médicamenteuse"),
        ("Wren Healy, 14 ans, abus sexuel, a témoigné", "abus sexuel"),
    ],
)
def test_a_care_detail_with_a_client_is_phi(text: str, detail: str) -> None:
    assert detail.lower() in " ".join(_phi(text)).lower()


@pytest.mark.parametrize(
    "text",
    [
        "picked up paint at Home Depot and the bus depot was closed",
        "binge watching the new season, three episodes in",
        "he was honorably discharged from the army in 1972",
        "day pass to the gym was 20 dollars",
        "Gad Elmaleh au Zénith, les ados ont adoré",
        "Cars 2 is the worst of the three films",
        "an infusion of cash for the club this season",
        "radiation exposure on long flights is tiny",
        "flying out of Eau Claire, Wisc. tomorrow",
        "good grief, the traffic",
        "ordered a tea infusion and a scone",
        "we watched the first episode of the new series",
        "showed great restraint at the buffet",
        "Jess passed her driving test on Monday, first go",
        "we passed on Monday's offer and took the Friday one",
        "the foster kittens went to their new homes",
        "a form 1040 and a restraining bolt",
        "the essay is due in 3 weeks and the baby goats are cute",  # nothing born
        "transferred from the airport shuttle to the hotel",
        "the idp camp was in the news",  # as written: displaced people, not a plan
        "our care plan template got updated",  # nobody's plan
        "the NHS in crisis again, and a betting shop on every corner",
    ],
)
def test_everyday_senses_are_not_care_details(text: str) -> None:
    assert _care(text) == []


def test_the_owners_own_treatment_is_not_a_clients() -> None:
    a = analyze("Wren Healy visited while I was at my last infusion")
    assert [h.text for h in a.phi_health_hits()] == []


def test_a_treatment_count_without_a_client_is_no_finding() -> None:
    assert _care("session 4 of the course on Friday, cycle 2 of 6 of the training") != []  # the words are there
    assert _phi("session 4 of the course on Friday, cycle 2 of 6 of the training") == []  # but nobody is named


def test_care_details_are_no_work_cue() -> None:
    with_detail = analyze("Coffee with Sam after her IEP and the radiation appointment")
    assert with_detail.phi_health_hits() != []
    assert with_detail.kept(("health",)) == []  # what the work score and the work model's "health" feature count
