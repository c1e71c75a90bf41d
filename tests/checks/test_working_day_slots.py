"""The owner's working day by its rota, team, training and slots, in English and French (issue 18, helper work6):
a run of long days this week, "on a late", a holiday or a double worked, the team's leaving do, a training
refresher, the first week in a trade's role, a rotation starting; a client by a slot ("I have a family at 4", "see
you tues 6pm"), a group by its time, the caseload by an age band, cards from the children seen, reports counted,
visits cancelled; in French a person followed or accompanied, the morning round, a family group, new referrals
counted. Each is one weak cue (borderline alone), and the everyday senses of the same words are none. And a lone
cue that the vocabulary model reads as another sense is not reported at all."""

from __future__ import annotations

import pytest

from checks.base import CheckContext, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy
from checks.text import WORK_THRESHOLD, analyze
from checks.work_related_post import LONE_CUE_FLOOR, WorkRelatedPostCheck
from scanner.clients import ClientList
from tests.checks.test_everyday_senses import CLINICAL, LONE_CUE, post


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("back to Wren for me. 4 long days this week. send tea", "4 long days this week"),
        ("Paddy's Day on a late. green hats everywhere", "on a late"),
        ("working Thanksgiving. brought pie for the aides", "working Thanksgiving"),
        ("-30 windchill and I'm working a double", "working a double"),
        ("Leaving do for me tonight. Best team in Fife", "Leaving do"),
        ("PMVA refresher today, bruises tomorrow", "PMVA refresher"),
        ("First week as an RBT in the books!!", "First week as an RBT"),
        ("last night of the rotation, bring on the sleep", "last night of the rotation"),
        ("I have a family at 4 tmrw and their genogram is in the binder", "I have a family at 4"),
        ("no I will not be home at 6. I have a 6.", "I have a 6"),
        ("@sam_runs ok but snack before the run. see you tues 6pm", "see you tues 6pm"),
        ("cafeteria poutine between groups", "between groups"),
        ("the photocopier only ever jams on group day", "group day"),
        ("nobody is ready for what the under-25s I see are taking", "under-25s I see"),
        ("on leave and my couples are in good hands", "my couples"),
        ("valentine's cards from grade 8s on my door", "cards from grade 8s"),
        ("wrote 9 year-end summaries today. my hand", "wrote 9 year-end summaries"),
        ("storm. cancelled every visit we could", "cancelled every visit"),
        ("depot day. 19 jabs", "depot day"),
        ("the system froze mid-note. gone.", "mid-note"),
        ("promoted to senior counsellor. still making the tea", "promoted to senior counsellor"),
        ("Une maman que je suis en PMI m'a écrit", "que je suis en"),
        ("les jeunes que j'accompagne ont peur", "que j'accompagne"),
        ("Tournée du matin dans le brouillard", "Tournée du matin"),
        ("4h du mat, je prépare les piluliers", "piluliers"),
        ("Groupe des familles ce soir jusqu'à 20h", "Groupe des familles"),
        ("Rentrée: 11 nouvelles demandes en une semaine", "11 nouvelles demandes"),
        ("bravo pour le partiel ! on en reparle jeudi 11h", "on en reparle jeudi 11h"),
    ],
)
def test_the_owners_working_day_and_slots_are_one_weak_cue(text: str, cue: str) -> None:
    """One weak cue (1.0 to under the threshold), named in the evidence."""
    score, evidence = analyze(text).work_score()
    assert 1.0 <= score < WORK_THRESHOLD
    assert any(cue.lower() in e.text.lower() for e in evidence)


@pytest.mark.parametrize(
    "text",
    [
        "caught the 6 on a late train home",
        "on an early flight to Lisbon",
        "2 long days in the car to get to Perth",
        "I have a family of 4 and a dog",
        "I have a 6 year old and a 3 year old",
        "see you thursday at the pub",
        "in my youth I skated every day",
        "a card from my nan, she never forgets",
        "wrote 3 songs this weekend",
        "visiting hours at the zoo",
        "la femme que je suis aujourd'hui",
        "c'est ma tournée ! (de bières)",
        "groupe de jeunes à la paroisse",
        "Christmas do at the golf club, Dad won the raffle",
    ],
)
def test_everyday_senses_are_no_slot_cue(text: str) -> None:
    """The same words about a train, a family, a card from a relative or a round of drinks are no single cue."""
    assert analyze(text).work_score()[0] < 1.0


def test_a_lone_cue_read_as_another_sense_is_not_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """In an account that often posts about its clinical work, one term ("clients") that the vocabulary model reads
    under LONE_CUE_FLOOR is not reported even as borderline; just above it, it is borderline and reported."""
    from checks import work_related_post

    def reported_at(p: float) -> list[str]:
        monkeypatch.setattr(
            work_related_post, "vocabulary_probability", lambda record, ctx: 0.9 if record.text in CLINICAL else p
        )
        check = WorkRelatedPostCheck()
        context = CheckContext(policy=Policy(), matcher=Matcher(ClientList(())), source=SourceInfo(platform="x"))
        found = [f for t in (*CLINICAL, LONE_CUE) for f in check.run(post(t), context)]
        return [f.record.excerpt for f in [*found, *check.finish(context)]]

    assert LONE_CUE not in reported_at(LONE_CUE_FLOOR - 0.05)
    assert reported_at(LONE_CUE_FLOOR + 0.05)[-1] == LONE_CUE
