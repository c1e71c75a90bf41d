"""Health details told by what a person can do, and by the short forms clinicians write (issue 18, item 7):
a body function regained, lost or measured (sleeping, eating, speaking, walking, knowing one's people),
abstinence counted, a hospital episode in lay words, a treatment kept for years, a death told as a farewell,
clinical shorthand and eponyms. Each is a health detail next to an identifiable client, is never a work cue, is
the owner's own when she is the subject, and its everyday senses are not read."""

from __future__ import annotations

import pytest

from checks.phi_identifier import find_identifiers
from checks.text import analyze
from scanner.clients import Client, ClientList
from tests.checks.records import health_hit_texts, phi_health_texts

CLIENTS = ClientList((Client(id="C1", name="Wren Healy"),))


def _phi(text: str) -> str:
    return " ".join(phi_health_texts(text, CLIENTS)).lower()


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # sleeping, eating, speaking, walking, knowing one's people
        ("Wren Healy finally slept 9 hrs straight, the night staff cheered", "slept 9 hrs"),
        ("Wren Healy is sleeping through most nights now", "sleeping through most nights"),
        ("Wren Healy hasn't slept since the weekend", "hasn't slept"),
        ("Wren Healy ate a meal in front of me today without leaving the table", "ate a meal"),
        ("so proud of you for eating lunch with your mates, Wren Healy", "for eating"),
        ("Wren Healy said her first full sentence since the crash", "first full sentence"),
        ("Wren Healy said 'Kandahar' out loud for the first time", "out loud"),
        ("Wren Healy can say her husband's name again", "again"),
        ("Wren Healy is walking without the frame now", "walking without the frame"),
        ("Wren Healy walked the corridor on her new hip", "new hip"),
        ("Wren Healy's son visited and she didn't know him", "she didn't know him"),
        # abstinence counted
        ("Wren Healy: 9 weeks binge-free and a new job", "9 weeks binge-free"),
        ("Wren Healy, 5 months no beer and his liver is happier", "5 months no beer"),
        ("Wren Healy's plan signed off, not a drink since Easter", "not a drink since"),
        # a hospital episode in lay words
        ("Wren Healy came in overnight after a bunch of tablets", "came in overnight"),
        ("Wren Healy went home today after 118 days", "went home today"),
        ("Wren Healy is back in hospital, her mum rang", "in hospital"),
        # the course of a care programme in its own units
        ("Wren Healy did phase 2 of drug court today", "phase 2"),
        ("Wren Healy, 3rd visit, she's talking more", "3rd visit"),
        ("Wren Healy, STEP 8!!! the sea tank", "step 8"),
        # a mood and a memory told plainly, a pregnancy and a birth
        ("Wren Healy's room moved again and her mood dropped like a stone", "her mood dropped"),
        ("Wren Healy is not well at all, thought you'd want to know", "not well at all"),
        ("Wren Healy told me about the war, but he couldn't tell me what he had for lunch", "couldn't tell me what"),
        ("Wren Healy gave birth on Sunday, a girl", "gave birth"),
        ("Wren Healy is on the soft food now and talking to the cat", "on the soft food"),
        ("Wren Healy says the new tablets are better, she feels like herself again", "feels like herself again"),
        # end-of-life orders, leaving against advice, withdrawal, falls, infections, a care package
        ("Wren Healy is a DNR now, the family agreed", "dnr"),
        ("Wren Healy discharged himself against medical advice", "against medical advice"),
        ("Wren Healy, the withdrawals kicked in at 3am", "withdrawals"),
        ("Wren Healy fell out of bed overnight", "fell out of bed"),
        ("Wren Healy's UTI is back and she's confused again", "uti"),
        ("Wren Healy has a pressure sore on her heel", "pressure sore"),
        ("Wren Healy's care package starts Monday", "care package"),
        ("Wren Healy is in a lot of pain today", "in a lot of pain"),
        ("Wren Healy rang because her dad's grave has subsided", "her dad's grave"),
        # a treatment kept for years, its order, an injection's site
        ("Wren Healy's 10th year on the depot, she brought a cake", "year on the depot"),
        ("Wren Healy's CTO lapsed today and she stays on the injection", "cto lapsed"),
        # a death told as a farewell or by the years of a life
        ("Wren Healy. 1931-2019. Rest easy", "1931-2019"),
        ("Wren Healy, fly high little one", "fly high"),
        # shorthand and eponyms
        ("Wren Healy plays piano every day, her hands shake with the Parkinson's", "the parkinson's"),
        ("Wren Healy, on 2L of oxygen and still cracking jokes", "on 2l of oxygen"),
        ("Wren Healy's A1c is 6.9 and she's back at college", "a1c is 6.9"),
        ("Wren Healy, 9, DLD, reading her first chapter book", "dld"),
        # French
        ("Wren Healy dort enfin, six heures d'affilée", "dort enfin"),
        ("Wren Healy a pas joué au casino depuis six mois", "pas joué au casino depuis"),
        ("Wren Healy a été réhospitalisée hier soir", "réhospitalisée"),
        ("Wren Healy est partie ce matin, entourée des siens", "est partie ce matin"),
        ("Wren Healy va mieux, elle veut reprendre le bénévolat", "va mieux"),
        ("Wren Healy : étape 7 sur 10 de la hiérarchie", "étape 7 sur 10"),
    ],
)
def test_a_function_or_episode_with_a_client_is_phi(text: str, detail: str) -> None:
    assert detail in _phi(text)


@pytest.mark.parametrize(
    "text",
    [
        "I finally slept 9 hours after the night shifts",
        "we ate lunch by the river, best sandwich in town",
        "I stopped eating sugar in January",
        "no sleep tonight, the match is on at 3am",
        "the first sentence of the novel is the best",
        "walking the dog without a lead is a bad idea",
        "peg the tent down before the wind comes",
        "new school year: 14 new referrals, 3 stammers, 6 speech sounds",
        "the hospital car park is full again",
        "the 2010-2024 team photo is on the wall",
        "ma fille dort enfin, quelle nuit",
        "phase 2 of the renovation starts Monday",
        "ATM withdrawals are free at the credit union",
        "what a pain in the neck this traffic is",
        "fell in love with the fall colours",
        "I can't remember the name of that film",
        "the weather is not great, the match is better",
    ],
)
def test_everyday_senses_and_the_owners_own_are_not_read(text: str) -> None:
    assert health_hit_texts(text) == []


def test_the_details_are_no_work_cue() -> None:
    a = analyze("Wren Healy slept 9 hrs and ate a meal with her family")
    assert a.phi_health_hits() != []
    assert a.kept(("health",)) == []  # the work score and the work model's "health" feature count these


def test_a_function_detail_without_a_client_is_no_finding() -> None:
    assert health_hit_texts("Kay finally slept 9 hrs straight") != []
    assert _phi("Kay finally slept 9 hrs straight") == ""  # nobody on the client list is named


def test_a_spanish_appointment_tomorrow_at_a_time_is_an_identifier() -> None:
    found = find_identifiers("mañana no puedo ir a la radiación a las 8, me cambiaron el turno")
    assert [e.reason for e in found] == ["appointment day and time"]
    assert find_identifiers("las mañanas son frías en enero") == []
