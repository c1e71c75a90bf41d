"""Everyday senses of work words and names (issue 18, real everyday posts): each rule drops the everyday sense and
keeps the clinical one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.analysis.normalize import fold
from checks.base import CheckContext, SourceInfo
from checks.client_mention import ClientMentionCheck
from checks.matching import Matcher
from checks.policy import Policy
from checks.text import WORK_THRESHOLD, analyze, has_phrase
from checks.work_related_post import WorkRelatedPostCheck
from scanner.clients import Client, ClientList
from scanner.records import Audience, Post

T0 = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)


def kept_terms(text: str) -> set[str]:
    """The words of the text that kept lexicon hits cover, after the negative contexts (folded)."""
    return {fold(h.text) for h in analyze(text).hits}


@pytest.mark.parametrize(
    ("everyday", "clinical", "term"),
    [
        (
            "Suppose I should start revision and stop putting this morning's session off",
            "Hard session this morning, she finally talked about the accident",
            "session",
        ),
        (
            "Decide at registration which afternoon sessions you want",
            "Four sessions this afternoon and no lunch",
            "sessions",
        ),
        ("Up way too late working for a client again", "Up way too late, a client called in crisis", "a client"),
        (
            "Worst client I've ever had. Third round of changes on the project",
            "Worst week. A client relapsed and I keep thinking about it",
            "client",
        ),
        ("Chocolate therapy after this week, no regrets", "Play therapy after lunch, then notes", "therapy"),
        (
            "Appointment for Barkley at 3:15, I just need my dog to be OK",
            "Appointment at 3:15 with a new family, then supervision",
            "appointment",
        ),
        ("Busy week: advising appt, two tests and tons of homework", "Gave him some homework on sleep", "homework"),
        ("Ortho appt then lunch with Gran", "Last appt of the day cancelled, catching up on notes", "appt"),
        (
            "Spent the whole day cleaning my room",
            "Someone moved every chair in my room before the family came",
            "my room",
        ),
        # round 7 (everyday5)
        (
            "my dog started crying so I got on the floor to see what was up",
            "debrief, tea, back on the floor",
            "on the floor",
        ),
        ("he throws himself on the floor when he's tired", "short-staffed on the floor again tonight", "on the floor"),
        ("The refugee admissions cap was set at 5,000", "Two admissions before lunch and a discharge", "admissions"),
        (
            "Does everyone support the appointment of Steve as chief of staff?",
            "Appointment at 3:15 with a new family, then supervision",
            "appointment",
        ),
        ("See chart: the stock against the TSX for three years", "Signing my chart before I leave", "chart"),
        (
            "Finals week plus hearing that my grandma is in the ICU",
            "Busy night in the ICU, two new admissions",
            "the icu",
        ),
        (
            "Sitting in the doctors waiting room with a screaming baby",
            "Someone left a drawing in the waiting room for me",
            "waiting room",
        ),
        ("You can look at my notes for the test", "Finally finished my notes for the week", "my notes"),
        ("Getting my practice in with my little cousin", "Three new referrals to my practice this week", "my practice"),
        (
            "They keep trying to group legal and illegal immigration together",
            "Back to group after the holidays, everyone came",
            "group",
        ),
        (
            "Home after training clients today, legs are dead",
            "Home after seeing clients today, head is full",
            "clients",
        ),
        (
            "Bronde colour education: new techniques for our clients",
            "New techniques for our clients with panic",
            "our clients",
        ),
        ("Session 3 of 5 of the dive team tryouts", "Session 3 of 5 with her, the hardest so far", "session"),
        ("crying at the news, his pupils will follow him", "Two pupils came to see me in tears today", "pupils"),
        ("Who authorized a search warrant of his home?", "Six more sessions authorized by the insurer", "authorized"),
        ("AOD with the girls tonight @ Ace of Diamonds", "AOD team meeting then two assessments", "aod"),
        # round 8 (everyday6)
        (
            "Come and try our adults class session tonight, beginners welcome",
            "Hard session tonight, she finally talked about her dad",
            "session",
        ),
        (
            "Is he angling for the Sessions job now? Only a sitting senator would be approved",
            "Two sessions cancelled today, so I caught up on my notes",
            "sessions",
        ),
        (
            "Half of the testing group was very helpful today",
            "The group was so quiet today, everyone tired after the holidays",
            "group was",
        ),
    ],
)
def test_everyday_sense_is_dropped_clinical_sense_kept(everyday: str, clinical: str, term: str) -> None:
    assert not any(has_phrase(kept, term) for kept in kept_terms(everyday))
    assert any(has_phrase(kept, term) for kept in kept_terms(clinical))


def test_my_session_in_a_text_about_politics_is_kept() -> None:
    """The rule for the attorney general reads the whole text, but never the owner's own session."""
    text = "My session ran over because we talked about Trump the whole hour"
    assert any(has_phrase(kept, "session") for kept in kept_terms(text))


def test_a_music_or_drama_group_is_not_a_therapy_group() -> None:
    assert not any(h.lexicon == "work" for h in analyze("fell asleep twice during vocal group today").hits)
    assert any(h.lexicon == "work" for h in analyze("two new faces in group today").hits)


CLIENTS = ClientList((Client(id="C1", name="Grace Hollis"), Client(id="C2", name="John Pryce")))


def mentioned(text: str) -> set[str]:
    """The clients client-mention reports in a public post (also those it keeps for the end of the source)."""
    context = CheckContext(policy=Policy(), matcher=Matcher(CLIENTS), source=SourceInfo(platform="x"))
    record = post(text)
    check = ClientMentionCheck()
    findings = [*check.run(record, context), *check.finish(context), *check.finish_scan(context.scan_memo)]
    return {c.id for f in findings for c in f.clients}


def test_miss_is_a_title_only_with_a_capital() -> None:
    assert mentioned("Miss Grace brought cake for the whole hall today") == {"C1"}
    assert not mentioned("I really miss grace and her jokes. rude people everywhere today")


def test_a_name_after_a_possessive_is_that_owner_s() -> None:
    assert not mentioned("Shoutout to Dan's Grace, best baker on the street, for the session cake")
    assert mentioned("Grace finally opened up in session today, for the first time in six weeks") == {"C1"}


CLINICAL = [f"Back-to-back intakes and {n} progress notes before my supervision meeting" for n in range(2, 8)]
LONE_CUE = "Ask Ruth, she knows all the clients on that side of the river"
BACKED = "Had a client tell me today that I was the first person who didn't flinch"


def reported(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts work-related-post reports when one account writes ``texts`` (run, then finish), with a toy
    vocabulary model that reads only "flinch" as about clinical work, and everything else at 0.3 at least (not as
    another sense: above LONE_CUE_FLOOR)."""
    from checks import work_related_post
    from checks.analysis.work_model import WordModel

    toy = WordModel(bias=-3.0, weights={}, vocabulary={"flinch": 5.0})
    monkeypatch.setattr(work_related_post, "word_model", lambda: toy)
    read = work_related_post.vocabulary_probability
    monkeypatch.setattr(work_related_post, "vocabulary_probability", lambda r, c: max(0.3, read(r, c) or 0.0))
    check = WorkRelatedPostCheck()
    context = CheckContext(policy=Policy(), matcher=Matcher(ClientList(())), source=SourceInfo(platform="x"))
    found = [f for t in texts for f in check.run(post(t), context)]
    return [f.record.excerpt for f in [*found, *check.finish(context)]]


def test_a_lone_cue_the_words_do_not_back_is_borderline(monkeypatch: pytest.MonkeyPatch) -> None:
    """One work term that just reaches the threshold, in a text the vocabulary model reads as everyday, is reported
    only in an account that often posts about its clinical work; the same term with words that back it is
    reported anywhere."""
    assert reported(["Holiday snaps from the coast", LONE_CUE], monkeypatch) == []
    assert reported(["Holiday snaps from the coast", BACKED], monkeypatch) == [BACKED]
    assert reported([*CLINICAL, LONE_CUE], monkeypatch)[-1] == LONE_CUE


def test_my_clients_alone_the_words_do_not_back_is_borderline(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "My clients" (one term of 2.5, the heaviest a single term weighs) that the words do not back is borderline
    too: "We love our clients! Happy Friday", the shop's customers."""
    shop = "We love our clients and want to reward you guys! Happy Friday"
    assert reported(["Holiday snaps from the coast", shop], monkeypatch) == []
    assert reported([*CLINICAL, shop], monkeypatch)[-1] == shop


def test_two_cues_are_never_a_lone_cue(monkeypatch: pytest.MonkeyPatch) -> None:
    two = "Ask Ruth, she knows all the clients on my caseload"
    assert reported(["Holiday snaps from the coast", two], monkeypatch) == [two]


def post(text: str) -> Post:
    """A public X post."""
    return Post(platform="x", id=str(abs(hash(text))), source="t", timestamp=T0, text=text, audience=Audience.PUBLIC)


def test_the_people_i_work_with_are_colleagues_as_often_as_clients() -> None:
    """Every job has "the people I work with" (a job word, capped with "my job"); "the kids / families I work with"
    are a clinician's clients."""
    assert analyze("i love my job, and the people i work with").work_score()[0] < WORK_THRESHOLD
    assert analyze("The kids I work with taught me more than any course").work_score()[0] >= WORK_THRESHOLD


def test_a_lone_cue_the_words_find_less_likely_than_not_is_borderline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lone cue that the vocabulary model reads below 0.5 (less likely than not about clinical work: a trade's
    "our session went great", "my clients" of a shop) is borderline; at 0.5 or more it is reported anywhere."""
    from checks import work_related_post

    def reads_at(p: float) -> list[str]:
        monkeypatch.setattr(work_related_post, "vocabulary_probability", lambda record, ctx: p)
        check = WorkRelatedPostCheck()
        context = CheckContext(policy=Policy(), matcher=Matcher(ClientList(())), source=SourceInfo(platform="x"))
        found = [f for t in ("Holiday snaps from the coast", LONE_CUE) for f in check.run(post(t), context)]
        return [f.record.excerpt for f in [*found, *check.finish(context)]]

    assert reads_at(0.45) == []
    assert reads_at(0.55) == [LONE_CUE]
