"""Health details of a found client that the lexicons lacked as a class (checks/lexicons/care_details.txt, the phi11
section; issue 18 item 7): child-protection and mental-health-law measures, a care service the person attends,
self-harm marks, abstinence and a stay in treatment counted, eating restored or refused, words counted in speech
development, an emergency-department stay, continence, sleep, medicines in lay words, a body function or device,
a transplant, a birth's weight, the French dependency grade. Next to an identifiable client each is a health detail;
the near misses beside them (an everyday sense of the same words) are not."""

from __future__ import annotations

import pytest

from scanner.clients import Client, ClientList
from tests.checks.records import health_hit_texts, phi_health_texts

CLIENTS = ClientList((Client(id="C1", name="Wren Healy"),))


def _phi(text: str) -> list[str]:
    return phi_health_texts(text, CLIENTS)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Wren Healy: CPS referral made this morning, he knows why", "CPS referral"),
        ("Wren Healy's outpatient order was renewed at court today", "outpatient order"),
        ("Wren Healy, information préoccupante partie ce soir avec l'AS", "information préoccupante"),
        ("Wren Healy: signalement au procureur fait ce matin", "signalement au procureur"),
        ("Wren Healy is on the list for the memory clinic", "memory clinic"),
        ("Wren Healy started with the ACT team this week", "ACT team"),
        ("Wren Healy, les cicatrices sur les bras cachées sous le pull", "cicatrices sur les bras"),
        ("Wren Healy has new scars up his arms", "scars up his arms"),
        ("Wren Healy a arrêté la kéta depuis Noël", "arrêté la kéta"),
        ("Wren Healy, 6 months no gear and back at the gym", "6 months no gear"),
        ("Wren Healy ate a whole sandwich today in clinic", "ate a whole"),
        ("Wren Healy a mangé un yaourt entier cette nuit", "a mangé un yaourt entier"),
        ("Wren Healy came to us with zero words", "with zero words"),
        ("Wren Healy enchaîne les phrases de 4 mots", "phrases de 4 mots"),
        ("Wren Healy has been in the ED 5 days, still waiting for a bed", "in the ED 5 days"),
        ("Wren Healy: no wet bed for three weeks!", "no wet bed"),
        ("Wren Healy ne crie plus la nuit depuis la radio", "ne crie plus la nuit"),
        ("Wren Healy says he's still taking his tablets", "taking his tablets"),
        ("Wren Healy is home with a new valve", "new valve"),
        ("Wren Healy's transplant was today", "transplant"),
        ("Wren Healy had her bubba in town, a 3.1kg girl", "3.1kg girl"),
        ("Wren Healy, GIR 2, a chanté toute la soirée", "GIR 2"),
        ("Wren Healy a décidé de garder le bébé", "garder le bébé"),
    ],
)
def test_a_found_clients_detail_of_these_classes_is_phi(text: str, detail: str) -> None:
    assert detail.lower() in " ".join(_phi(text)).lower()


@pytest.mark.parametrize(
    "text",
    [
        "scored 2-3 in the county final, what a game",
        "back on the ambulance full time from Monday",
        "the pharmacy has the good hand cream back in stock",
        "I ate a whole pizza last night",  # the owner's own
        "I have no words for this sunset",
        "the ACT practice test is on Saturday, bring a pencil",
        "a mangé tout le gâteau, la gourmande",
        "he's been in the ed tech program since March",
    ],
)
def test_the_everyday_senses_are_not_health_details(text: str) -> None:
    assert health_hit_texts(text) == []
