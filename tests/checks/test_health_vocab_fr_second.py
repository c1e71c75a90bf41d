"""French condition names of the second pass (checks/lexicons/health_vocab_fr.txt, helper phi10; issue 18 item 7):
a neurological, developmental or geriatric condition, a chronic illness, restraint or a device is a health detail
next to an identifiable client; the everyday senses left out of the list are not one."""

from __future__ import annotations

import pytest

from checks.text import analyze
from scanner.clients import Client, ClientList
from tests.checks.records import phi_health_texts

CLIENTS = ClientList((Client(id="C1", name="Maëlle Guérin"),))


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Maëlle Guérin, 7 ans, hémiparésie gauche mais quelle volonté dans l'escalier", "hémiparésie"),
        ("Maëlle Guérin a fait son bilan ce matin : hypotonie confirmée, on adapte la séance", "hypotonie"),
        ("Maëlle Guérin, les tics ont doublé depuis la rentrée, on en reparle avec sa mère", "les tics ont"),
        ("Maëlle Guérin a encore la contention au fauteuil la nuit, le médecin réévalue lundi", "contention"),
        ("Maëlle Guérin marche avec ses nouvelles orthèses dans le couloir, quelle fierté", "orthèses"),
        ("Maëlle Guérin, le korsakoff lui fait refaire sa valise toutes les nuits", "korsakoff"),
    ],
)
def test_french_condition_is_a_health_detail(text: str, detail: str) -> None:
    assert detail in phi_health_texts(text, CLIENTS)


@pytest.mark.parametrize(
    "text",
    [
        "Maëlle Guérin pense qu'on a fait fausse route sur ce projet, on repart de zéro demain",
        "Maëlle Guérin a des tics de langage quand elle présente, on en rit ensemble à la réunion",
    ],
)
def test_everyday_senses_are_not(text: str) -> None:
    assert [h.text for h in analyze(text).phi_health_hits()] == []
