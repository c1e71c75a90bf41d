"""sensitive-group: table of group names (generic, not the dev corpus's)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.base import CheckContext, Severity, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy, Workplace
from checks.sensitive_group import SensitiveGroupCheck, load_terms, score_group
from scanner.clients import ClientList
from scanner.records import Group

POLICY = Policy(
    workplace=Workplace(
        name="Lakeside Counseling", city="Millbrook, Ohio", address="200 Elm Street, Millbrook, OH 44000"
    )
)


@pytest.mark.parametrize(
    ("name", "flag"),
    [
        ("Alcoholics Anonymous District 12", True),
        ("AA Millbrook", True),
        ("Narcotics Anonymous - Tri-County", True),
        ("Al-Anon Family Groups of Ohio", True),
        ("SMART Recovery Online", True),
        ("Sober Parents Ohio", True),
        ("Millbrook Peer Recovery Community", True),
        ("Opioid Recovery Support Network", True),
        ("NAMI Ohio Family Support", True),
        ("Grief Support for Widows", True),
        ("Postpartum Depression Support Moms", True),
        ("Millbrook Moms", True),
        ("Buy Nothing Millbrook", True),
        ("Elm Street Neighbors", True),
        ("Alcooliques Anonymes – Région de Québec", True),
        ("Groupe de soutien deuil", True),
        ("Parents de Millbrook", True),
        ("Millbrook Recovery Court Alumni", True),  # a treatment programme's alumni: its former clients
        ("Survivors Sisterhood (DV peer support)", True),
        ("Millbrook Gambling Support Network", True),
        ("Millbrook Breastfeeding Support", True),
        ("ALS Tri-County Families", True),  # a condition with a family, support or area word
        ("Binge Eating Support", True),
        ("Millbrook Arthritis Support", True),
        ("Anciens de l'ASE – Millbrook", True),  # care leavers, in French
        ("Entendeurs de voix Ohio", True),
        # not sensitive
        ("Millbrook High School Alumni", False),
        ("Millbrook Community Noticeboard", False),  # people post there, they do not meet
        ("Millbrook Buy Sell Swap", False),
        ("Millbrook Moms Who Run", False),  # they meet for the hobby
        ("Millbrook Parkrun Community", False),
        ("Millbrook Poker Nights", False),
        ("Diabetes UK", False),  # a condition alone: a charity's page, not a group of patients
        ("Arizona DV Advocates Network", False),  # professionals
        ("Millbrook Rowing Club Parents", False),
        ("Millbrook Soccer Parents", False),  # a child's team
        ("NASW Ohio Chapter", False),
        ("Ohio Behavioral Health Professionals", False),
        ("Therapists in Private Practice", False),
        ("Post-op ACL Recovery Support", False),
        ("Data Recovery Tips", False),
        ("Millbrook Trail Runners", False),
        ("Vintage Furniture Ohio", False),
        ("Weight Loss Support", False),
        ("Quilters Anonymous", False),
        ("Moms of Ohio", False),
    ],
)
def test_group_names(name: str, flag: bool) -> None:
    result = score_group(name, POLICY.workplace)
    assert (result.score >= 1.0 and not result.professional) is flag, result


def run(name: str, role: str = "member") -> list:
    ctx = CheckContext(policy=POLICY, matcher=Matcher(ClientList()), source=SourceInfo("facebook"))
    record = Group(
        platform="facebook",
        id="g",
        source="groups.json#0",
        timestamp=datetime(2020, 1, 1, tzinfo=UTC),
        name=name,
        role=role,
    )
    check = SensitiveGroupCheck()
    return [*check.run(record, ctx), *check.finish(ctx), *check.finish_scan(ctx.scan_memo)]


@pytest.mark.parametrize(
    ("name", "role", "severity"),
    [
        ("Narcotics Anonymous - Tri-County", "member", Severity.MEDIUM),
        ("Narcotics Anonymous - Tri-County", "admin", Severity.HIGH),
        ("Millbrook Moms", "member", Severity.LOW),
        ("Sourdough Nerds", "member", None),
    ],
)
def test_severity_and_record(name: str, role: str, severity: Severity | None) -> None:
    found = run(name, role)
    assert [f.severity for f in found] == ([severity] if severity else [])
    if found:
        assert found[0].record.name == name
        assert "Options" in found[0].message


def test_lexicon_loads_with_every_theme() -> None:
    themes = {t.theme for t in load_terms()}
    assert {"recovery", "mental_health", "support", "parenting", "community", "professional", "not_recovery"} <= themes


def test_parenting_groups_in_the_profiles_town_or_a_former_workplaces_town() -> None:
    """Clients live where you live and where you used to work: a parents' group there is local too, whatever
    the order of the records."""
    from checks.policy import FormerWorkplace
    from scanner.records import Profile

    policy = Policy(
        workplace=Workplace(name="Mercy Ridge", city="Macon, Georgia"),
        former_workplaces=(FormerWorkplace(name="Magnolia Terrace", city="Perry, Georgia"),),
    )

    def groups(*names: str, city: str | None = None) -> set[str]:
        ctx = CheckContext(policy=policy, matcher=Matcher(ClientList()), source=SourceInfo("facebook"))
        check = SensitiveGroupCheck()
        when = datetime(2024, 1, 1, tzinfo=UTC)
        for name in names:
            list(check.run(Group(platform="facebook", id=name, source="g#0", timestamp=when, name=name), ctx))
        if city:
            list(check.run(Profile(platform="facebook", id="me", source="profile.json#0", city=city), ctx))
        found = [*check.finish(ctx), *check.finish_scan(ctx.scan_memo)]
        return {f.record.id for f in found if "clinic's area" in f.title}

    assert groups("Perry Moms & Tots", "Warner Robins Moms") == {"Perry Moms & Tots"}  # the former workplace's town
    assert groups("Warner Robins Moms", city="Warner Robins, GA") == {"Warner Robins Moms"}  # the profile's town


@pytest.mark.parametrize(
    ("name", "title"),
    [
        # a neighbourhood the tool cannot place: reported as a question
        ("Seminole Heights Moms", "Member of a parenting group named for a place"),
        ("Millbrook Moms", "Member of a parenting group in your clinic's area"),
        # a state, a region, a child's team: no neighbourhood
        ("Moms of Ohio", None),
        ("Hurricanes U10 Parents", None),
        ("Papas du foot U8 - RFC Ans", None),
        ("Nia's Kindergarten Class Parents 2025", None),
        ("Mums of Babies Born 2019", None),  # named for a year, not a place
        ("Halloran Whānau", None),  # a family's own group
    ],
)
def test_parenting_groups_named_for_a_place(name: str, title: str | None) -> None:
    assert [f.title for f in run(name)] == ([title] if title else [])


@pytest.mark.parametrize(
    "name", ["Entraide TOC Montréal", "Family Drug Support – Ballarat", "Parents of Anxious Teens – North Cork"]
)
def test_support_groups_named_in_everyday_words(name: str) -> None:
    assert score_group(name, POLICY.workplace).score >= 1.0
