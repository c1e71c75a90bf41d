"""Long texts about medicine in general versus the owner's own work (issue 18, real posts by health workers): in a
long text only work cues in the owner's first-person sentences count; a text that speaks of patients in general
(a headline, an opinion) is not the owner's work either."""

from __future__ import annotations

from datetime import UTC, datetime

from checks.analysis.ownership import (
    LONG_TEXT,
    is_headline,
    owns_its_work,
    speaks_of_patients_in_general,
)
from checks.base import CheckContext, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy
from checks.text import analyze
from checks.work_related_post import WorkRelatedPostCheck
from scanner.clients import ClientList
from scanner.records import Audience, Post

T0 = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)
FILLER = " The debate has gone on for years in journals, in the press and at every conference on the subject."
GENERAL = (
    "Should hospitals publish their waiting times? Patients deserve to know how long the wait is, and the staff "
    "who run the wards deserve the resources to shorten it." + FILLER * 6
)
OWN = (
    "Should hospitals publish their waiting times? Last night I had three patients waiting nine hours in our "
    "corridor, and my charge nurse had nowhere to put them." + FILLER * 6
)


def reported(text: str) -> bool:
    """Whether work-related-post reports ``text`` as a public post of an account that wrote nothing else."""
    check = WorkRelatedPostCheck()
    context = CheckContext(policy=Policy(), matcher=Matcher(ClientList(())), source=SourceInfo(platform="x"))
    record = Post(platform="x", id="1", source="t", timestamp=T0, text=text, audience=Audience.PUBLIC)
    return bool([*check.run(record, context), *check.finish(context)])


def test_fixtures_are_long() -> None:
    assert len(GENERAL) >= LONG_TEXT and len(OWN) >= LONG_TEXT


def test_long_text_about_medicine_in_general_is_not_the_owners_work() -> None:
    assert not owns_its_work(analyze(GENERAL))
    assert not reported(GENERAL)


def test_long_text_with_the_owners_patients_is_reported() -> None:
    assert owns_its_work(analyze(OWN))
    assert reported(OWN)


def test_short_text_needs_no_first_person() -> None:
    """A status post drops its subject ("12 hour shift, 6 patients, no lunch"): only long texts need one."""
    text = "Long day, 6 patients and no lunch. Night shift again tomorrow"
    assert owns_its_work(analyze(text))
    assert reported(text)


def test_a_narrative_owns_the_work_of_the_sentence_before() -> None:
    """A story of a shift: the work cue's sentence is about the patient, the next one about the owner."""
    story = "The patient arrived at 3am, grey and silent. I held her hand until her daughter came." + FILLER * 6
    assert owns_its_work(analyze(story))


def test_we_far_from_the_work_cues_does_not_own_them() -> None:
    """The first person must be in or next to the sentence with the work cue, not anywhere in the text."""
    text = GENERAL + " We should all read the report."
    assert not owns_its_work(analyze(text))


def test_patients_in_general_are_not_the_owners_work() -> None:
    """A headline or an opinion about patients as a population, with nobody of the owner's in it."""
    for text in (
        "Hospitals consider new visiting rules for hospitalized COVID-19 patients",
        "Insulin for Medicare patients capped at $35 a month",
        "Ethics board weighs do-not-resuscitate orders for patients with advanced dementia",
    ):
        assert speaks_of_patients_in_general(analyze(text)), text
        assert not reported(text), text


def test_the_owners_patients_are_counted_owned_or_in_her_day() -> None:
    """The near misses: a count, a possessive, the owner's day or workplace, a reader addressed, and the telegraphic
    status update whose patients open a clause."""
    for text in (
        "3 covid patients tonight and no lunch",
        "my COVID patients are scared",
        "Another night of covid patients, no beds",
        "Hospitalized patients on the unit are asking for their families",
        "Trois patients en attente d'un lit depuis 48h",
        "You would not believe what Medicare patients pay for insulin",
        "Lockdown. All passes suspended. Patients raging, long night ahead",
    ):
        assert not speaks_of_patients_in_general(analyze(text)), text
    assert reported("3 covid patients tonight and no lunch")


def test_a_claim_about_patients_at_large_is_an_opinion() -> None:
    """ "Patients should…", "Patients need to know…" with nobody of the owner's in the text: an opinion; the words of
    a sentence before do not count them, and an ellipsis before the qualifier does not hide it."""
    for text in (
        "Patients should focus on evidence-based medicine, not magic.",
        "Of all things, homeopathy? Patients need to know it is a scam.",
        '"...Medicaid patients\u2019 access to care is not worse than private coverage..."',
    ):
        assert speaks_of_patients_in_general(analyze(text)), text
        assert not reported(text), text


def test_a_claim_about_the_owners_patients_is_still_hers() -> None:
    for text in (
        "my patients should be home by Christmas",
        "Patients need their meds on time tonight and we have no pharmacist",
        "Two patients should be discharged before noon",
    ):
        assert not speaks_of_patients_in_general(analyze(text)), text


def test_a_headline_in_title_case_is_not_the_owners_work() -> None:
    for text in (
        "Regional Hospital Cuts Night Staff as Winter Admissions Rise",
        "[JAMA] Effect of Shorter Shifts on Patient Safety in Teaching Hospitals",
    ):
        assert is_headline(analyze(text)), text
        assert not reported(text), text


def test_title_case_with_the_owners_voice_or_a_status_mark_is_no_headline() -> None:
    """The near misses: the owner's own day or first person, an emoji or "!" of a status update, and sentence case
    with names of places (capitalised in any case)."""
    for text in (
        "Back on Ward Seven Tonight With the Best Night Staff in the Hospital",
        "My First Week on the Children's Unit Is Done",
        "Staff Christmas Party at the Unit 🎄 Best Team Ever",
        "Finally Qualified! Starting on the Acute Ward in March",
        "home visit at 9 in Sulphur Springs then the Crisis Team meeting at Bay Street",
    ):
        assert not is_headline(analyze(text)), text
