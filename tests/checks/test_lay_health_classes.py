"""Lay phrasings of a health detail, each class in English and French (checks/lexicons/care_details.txt, the phi9
section; issue 18 item 7): an overdose or self-harm in lay words, an admission in the active voice, observation
levels and leave, gender-affirming care, a birth, a death, psychosis and dementia in lay words, home-nursing care,
medicines that work, abstinence counted "clean", school refusal, therapy and speech treatments, a body function
lost. Next to an identifiable client each is a health detail; its everyday sense is not one (and the fixes of this
round: "son mémoire" is a thesis, "a sundowner" a drink, "AA man" the motoring association)."""

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
        ("Wren Healy took her nan's pills last night, she's going to make it", "took her nan's pills"),
        ("Wren Healy a avalé une boîte de Doliprane samedi, elle va bien", "avalé une boîte"),
        ("Wren Healy tied a ligature in her room and rang us herself", "ligature"),
        ("Wren Healy a écrit une lettre d'adieu dans son cahier", "lettre d'adieu"),
        ("Wren Healy a tenu deux semaines sans se couper", "sans se couper"),
        ("Wren Healy: admitted him tonight, he asked me to keep his watch", "admitted him tonight"),
        ("Wren Healy de retour à l'urgence, on le garde", "retour à l'urgence"),
        ("Wren Healy is down to eyesight after ten days on arm's length", "arm's length"),
        ("Wren Healy started puberty blockers this month", "puberty blockers"),
        ("Wren Healy a commencé les bloqueurs, il est content", "bloqueurs"),
        ("Wren Healy had her wee girl!! calm section", "calm section"),
        ("Wren Healy went home to be with the Lord this morning", "went home to be with the Lord"),
        ("Wren Healy hears his grandmother talking to him through the TV", "talking to him through the TV"),
        ("Wren Healy thinks the children in the garden are real", "are real"),
        ("Wren Healy ne me reconnaît plus depuis la semaine passée", "reconnaît plus"),
        ("Wren Healy refuse de manger depuis dix jours", "refuse de manger"),
        ("Wren Healy, 38 ans et une SEP, m'a doublée en vélo", "SEP"),
        ("Wren Healy a un ulcère au talon, on passe matin et soir", "ulcère"),
        ("Wren Healy got her second dose at home this morning", "second dose"),
        ("Wren Healy: 1 an clean, je suis fière", "1 an clean"),
        ("Wren Healy, off the cannabis 8 weeks and drawing again", "off the cannabis"),
        ("Wren Healy revient après 3 semaines de refus scolaire", "refus scolaire"),
        ("Wren Healy back in class after months of school refusal", "school refusal"),
        ("Wren Healy had her palate repair follow-up, the air escape is gone", "palate repair"),
        ("Wren Healy is 19 and can't feel his legs", "can't feel his legs"),
        ("Wren Healy had been doing so well on the new dose", "on the new dose"),
        ("Wren Healy: we've moved his jag to 2 o'clock", "his jag"),
        ("Wren Healy's first panic-free school day", "panic-free"),
        ("Wren Healy a eu une semaine sans crise", "semaine sans crise"),
        ("Wren Healy a encore fait dans sa culotte après la visite", "fait dans sa culotte"),
        ("Wren Healy, ton oral s'est bien passé malgré l'anxiété", "malgré l'anxiété"),
        ("Wren Healy was hijacked in March and hasn't driven since", "hasn't driven since"),
    ],
)
def test_a_lay_health_detail_with_a_client_is_phi(text: str, detail: str) -> None:
    assert detail.lower() in " ".join(_phi(text)).lower()


@pytest.mark.parametrize(
    "text",
    [
        "Sophie-Anne a déposé son mémoire à l'Université Laval !",
        "decking finally done, come for a sundowner",
        "AA man came out to the car on the A90 in the rain",
        "Six weeks off for the summer, enjoy every minute",
        "her husband finally admitted he hates the hotdish",
        "one of my mums had her twins back in her care today",
        "happy new year from the CVICU family waiting room",
        "GRADUATED!!! BSc Speech and Language Therapy",
        "1 counsellor who can't feel her arms after the canoe",
        "I'm sure the tickets are real this time",
        "took a load of photos at the beach",
        "les chutes Montmorency en hiver, magnifique",
        "a new dose of reality for the team",
        "a crisis-free budget meeting, for once",
        "on a fait le lit et la culotte est au sale",
        "it's actually a ligature for a and e, pronounced like the o in on",
        "Ulcéré par les larmes de crocodile du ministre",
        "Je co-anime la 12e rencontre des champions du développement durable",
        "he fished 50 years off that harbour wall",
    ],
)
def test_the_everyday_senses_are_not_health_details(text: str) -> None:
    assert health_hit_texts(text) == []
