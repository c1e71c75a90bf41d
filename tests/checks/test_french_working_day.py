"""The French working day told without the trade's usual nouns (issue 18, helper fr2): a group the owner runs,
sessions counted or numbered (Québec "rencontres"), an intervention plan, a report to the court, a supervised
visit, the day's first clients, years of practice, the trade's trainings and professional bodies, one of the
owner's caseload, the service's car and party. Each is one weak cue (borderline: reported only in an account that
often posts about its clinical work); the everyday senses of the same words are no cue at all."""

from __future__ import annotations

import pytest

from checks.text import WORK_THRESHOLD, analyze


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Groupe de parole demain soir, huit inscrits", "Groupe de parole"),
        ("groupe de parents jusqu'à 20h ce soir, je rentre tard", "groupe de parents"),
        ("12 rencontres cette semaine, je suis vidée", "12 rencontres"),
        ("Sa sixième rencontre et enfin un sourire", "Sa sixième rencontre"),
        ("Réunion de plan d'intervention à 9h demain", "plan d'intervention"),
        ("Rapport au tribunal à finir pour lundi", "Rapport au tribunal"),
        ("Visite supervisée samedi matin, le papa était à l'heure", "Visite supervisée"),
        ("Bouchons sur le périph, mes deux premiers clients vont attendre", "mes deux premiers clients"),
        ("Quinze ans de pratique aujourd'hui, ça passe vite", "Quinze ans de pratique"),
        ("Formation sur la thérapie d'exposition tout le week-end", "Formation sur la thérapie"),
        ("Un jeune m'a demandé si j'avais des enfants. Non.", "Un jeune m'a"),
        ("Une de mes anciennes élèves a eu son diplôme", "Une de mes anciennes élèves"),
        ("Plan de crise revu avec la famille ce matin", "Plan de crise"),
        ("Télépsy toute la journée, le chat sur le clavier", "Télépsy"),
        ("Cabinet fermé jusqu'au 20 août", "Cabinet fermé"),
        ("Le CHS est plein ce soir", "CHS"),
        ("La voiture de service refuse de démarrer, -15 ce matin", "voiture de service"),
        ("Repas de Noël du service demain midi", "Repas de Noël du service"),
        ("Notre chef de service part à la retraite", "chef de service"),
    ],
)
def test_the_french_working_day_is_one_weak_cue(text: str, cue: str) -> None:
    """One weak cue (1.0 to under the threshold), named in the evidence."""
    score, evidence = analyze(text).work_score()
    assert 1.0 <= score < WORK_THRESHOLD
    assert any(cue.lower() in e.text.lower() for e in evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Réunion du groupe de parents d'élèves jeudi soir à l'école",
        "Notre première rencontre, il y a dix ans déjà",
        "J'ai rencontré deux amis au marché ce matin",
        "Au service de la République depuis 1958",
        "Merci au service client, colis enfin arrivé",
        "Le conseil a voté le plan d'action pour la piste cyclable",
        "Crise de nerfs au supermarché, les soldes c'est la guerre",
        "Boulangerie fermée jusqu'au 20 août, le drame",
        "Webinaire sur la finance verte jeudi",
        "Un ami m'a dit que le film était nul",
    ],
)
def test_everyday_french_senses_are_no_cue(text: str) -> None:
    """The everyday senses of the same words add nothing (a customer context even takes away)."""
    score, _ = analyze(text).work_score()
    assert score <= 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Si on n'avait pas suivi les conseils du voisin, le jardin serait mort",
        "J'ai suivi le match jusqu'au bout, quelle fin",
        "Suivi de commande : colis bloqué à Roissy depuis mardi",
        "Les usagers de la route sont priés de ralentir",
        "Grève : les usagers du métro à pied ce matin",
    ],
)
def test_french_everyday_follow_ups_and_users_are_no_cue(text: str) -> None:
    """The past participle "suivi", a parcel's follow-up and road or transport "usagers" are no work cue."""
    score, _ = analyze(text).work_score()
    assert score <= 0.0


@pytest.mark.parametrize(
    "text",
    ["Suivi de 14h annulé, je rattrape mes notes", "Trois usagers à l'accueil ce matin, dont un très agité"],
)
def test_a_follow_up_session_and_service_users_stay_cues(text: str) -> None:
    """The clinical follow-up and the service's users still count."""
    score, _ = analyze(text).work_score()
    assert score >= 1.0
