"""The broad health vocabulary generated from ICD-10-CM (checks/lexicons/health_vocab.txt) and its everyday French
counterpart written by hand (health_vocab_fr.txt): conditions beyond the curated lexicons are health details about
a client, but never a work cue, and everyday words are not in it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from checks.text import analyze, parse_lexicon
from scanner.clients import Client, ClientList
from tests.checks.records import phi_health_texts

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = ClientList((Client(id="C1", name="Wren Healy"),))


def _vocab() -> set[str]:
    text = (ROOT / "checks/lexicons/health_vocab.txt").read_text(encoding="utf-8")
    return {t.term for t in parse_lexicon("health_vocab", text)}


def _phi(text: str) -> list[str]:
    return phi_health_texts(text, CLIENTS)


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Wren Healy is 6 and her hodgkin lymphoma is back, please give blood this week", "hodgkin lymphoma"),
        ("Wren Healy has cystic fibrosis and still beat us all at cards", "cystic fibrosis"),
        ("Wren Healy got her cochlear implant switched on today", "cochlear implant"),
        ("Wren Healy, 80, was found on the floor with rhabdomyolysis after a long lie", "rhabdomyolysis"),
        ("Wren Healy finished cycle 3 of chemo and her Hickman line is out", "hickman line"),
        ("Wren Healy came in dope sick with two cracked ribs", "dope sick"),
        ("Wren Healy est en SDRE depuis hier soir, sa mère a appelé", "SDRE"),
        ("Wren Healy a eu sa greffe de moelle, on croise les doigts", "greffe de moelle"),
        # the everyday French names (checks/lexicons/health_vocab_fr.txt)
        ("Wren Healy encore aux urgences pour son asthme, 3e fois depuis Noël", "asthme"),
        ("Wren Healy a fait une hypoglycémie pendant le coucher, resucrage et ça repart", "resucrage"),
        ("Wren Healy est retournée en dialyse trois fois par semaine", "dialyse"),
    ],
)
def test_a_condition_named_with_a_client_is_phi(text: str, condition: str) -> None:
    assert condition.lower() in " ".join(_phi(text)).lower()


@pytest.mark.parametrize(
    "text",
    [
        "the film was shot in Toronto and her bag was lost",
        "we got 5150 views on the radio clip",
        "off to the theatre tonight, then the burns night supper",
        "any odd jobs going?",
        "c'est un crack en maths, confiance aveugle dans ce gamin",
        "le greffe du tribunal ferme à 16h, on repassera lundi",
    ],
)
def test_everyday_senses_are_not_health_details(text: str) -> None:
    assert analyze(text).phi_health_hits() == []


def test_the_owners_own_condition_is_not_a_clients() -> None:
    a = analyze("Wren Healy came to visit while my sciatica was playing up")
    assert [h.text for h in a.health_hits()] == []
    assert any(h.lexicon == "health_vocab" and h.dropped for h in a.dropped)


def test_the_broad_vocabulary_is_no_work_cue() -> None:
    a = analyze("Spina bifida and cystic fibrosis fundraiser at the rugby club tonight")
    assert {h.term for h in a.hits if h.lexicon == "health_vocab"} == {"spina bifida", "cystic fibrosis"}
    assert a.kept(("health",)) == []  # what the work score and the work model's "health" feature count
    assert a.work_score() == analyze("Bake sale and raffle fundraiser at the rugby club tonight").work_score()


def test_everyday_words_are_left_out_and_phrases_kept() -> None:
    vocab = _vocab()
    for word in ("cold", "fall", "back", "burn", "shock", "fever", "coma", "headache", "stroke", "taco", "trance"):
        assert word not in vocab, word
    for phrase in ("sleep apnea", "sleep apnoea", "cystic fibrosis", "kidney transplant", "leukaemia"):
        assert phrase in vocab, phrase


@pytest.mark.skipif(importlib.util.find_spec("simple_icd_10_cm") is None, reason="needs the [test] extra")
def test_the_generated_file_is_what_the_script_writes() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "eval/textlab/build_health_vocab.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
