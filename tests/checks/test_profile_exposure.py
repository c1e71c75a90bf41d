"""profile-exposure: workplace, credentials and work contact details on profiles."""

from __future__ import annotations

import pytest

from checks.base import CheckContext, Severity, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy, Workplace
from checks.profile_exposure import ProfileExposureCheck
from scanner.clients import ClientList
from scanner.records import Profile, WorkEntry

POLICY = Policy(workplace=Workplace(name="Lakeside Counseling Services", aliases=("LCS",)))


def run(profile: Profile) -> list:
    ctx = CheckContext(policy=POLICY, matcher=Matcher(ClientList()), source=SourceInfo(profile.platform))
    return list(ProfileExposureCheck().run(profile, ctx))


def prof(platform: str = "facebook", **kw: object) -> Profile:
    return Profile(platform=platform, id="me", source="profile.json", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("profile", "severity"),
    [
        (prof(work=(WorkEntry(employer="Lakeside Counseling Services", title="Therapist"),)), Severity.MEDIUM),
        (prof("instagram", bio="LCSW | mom of 2 | quilts"), Severity.LOW),
        (prof("x", bio="Therapist at LCS. Opinions my own."), Severity.MEDIUM),
        (prof(emails=("tess@lakesidecounseling.org",)), Severity.MEDIUM),
        (prof(emails=("tess.d@gmail.com",)), None),
        (prof("instagram", bio="DO NOT DM me about MLM"), None),
        (prof("x", bio="runner, baker, dog person"), None),
        (
            prof(
                "linkedin",
                name="Tess D, LCSW",
                handle="tess-d-lcsw",
                work=(WorkEntry(employer="Lakeside Counseling Services"),),
            ),
            Severity.INFO,
        ),
    ],
)
def test_profiles(profile: Profile, severity: Severity | None) -> None:
    assert [f.severity for f in run(profile)] == ([severity] if severity else [])


def test_evidence_names_what_is_shown() -> None:
    (finding,) = run(prof(work=(WorkEntry(employer="Lakeside Counseling Services", title="Therapist"),)))
    assert {e.reason for e in finding.evidence} == {"employer on the profile", "job title on the profile"}


@pytest.mark.parametrize(("page", "allowed", "severity"), [
    (True, True, Severity.INFO), (True, False, Severity.MEDIUM), (False, True, Severity.MEDIUM),
])  # fmt: skip
def test_a_professional_page_is_known_by_the_records_flag(page: bool, allowed: bool, severity: Severity) -> None:
    work = (WorkEntry(employer="Lakeside Counseling Services", title="Therapist"),)
    # the archive path says "page" either way: the reader's flag decides, not the path
    profile = Profile(platform="facebook", id="me", source="pages/your_page/profile.json", work=work, page=page)
    ctx = CheckContext(
        policy=Policy(workplace=POLICY.workplace, allow_professional_page=allowed),
        matcher=Matcher(ClientList()),
        source=SourceInfo("facebook"),
    )
    assert [f.severity for f in ProfileExposureCheck().run(profile, ctx)] == [severity]
