"""sensitive-group: the clinic's area from the whole address, the services' own area names, and the places the
account's posts about clinical work name."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.analysis.places import districts, service_areas
from checks.base import CheckContext, Finding, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy, Workplace
from checks.sensitive_group import SensitiveGroupCheck, proper_words, score_group
from scanner.clients import ClientList
from scanner.records import AnyRecord, Group, Post

CORK = Workplace(name="Glenmore House", aliases=("North Lee CMHT",), address="14 Redforge Road, Blackpool, Cork")
QUEBEC = Workplace(name="CLSC Limoilou-Maizerets", aliases=("CLSC Limoilou", "CMP La Bastide"), city="Québec")
WHEN = datetime(2020, 3, 4, 12, tzinfo=UTC)


def test_districts_of_the_address() -> None:
    assert districts(CORK) == ("blackpool", "cork")
    belgian = Workplace(address="Rue des Forgerons 37, 6061 Montignies-sur-Sambre")
    assert districts(belgian) == ("montignies sur sambre",)
    assert districts(Workplace(address="212 Fullarton Road, Eastwood SA 5063, Australia")) == ("eastwood",)


def test_service_areas_of_the_names() -> None:
    assert service_areas(QUEBEC) == ("limoilou maizerets", "limoilou", "bastide")
    assert service_areas(CORK) == ("north lee",)
    assert service_areas(Workplace(name="Mercy Ridge Medical Center")) == ()  # no kind of service in it


@pytest.mark.parametrize(
    ("name", "workplace", "flag"),
    [
        ("Blackpool Mums & Tots", CORK, True),  # the district in the address
        ("Mamans de Limoilou", QUEBEC, True),  # the area a service is named for
        ("Parents d'élèves de la Bastide", QUEBEC, True),
        ("Ballincollig Mums & Tots", CORK, True),  # another town: reported as a question (named for a place)
        ("Prestwich Postnatal Peer Support", CORK, True),
        ("Burn-out : groupe de parole Hainaut", CORK, True),
        ("Mid-Island Foster & Kinship Families", CORK, True),
        ("Toronto Harm Reduction Workers Network", CORK, False),  # professionals
        ("Infirmiers en santé mentale - Belgique", CORK, False),
        ("Cork Buy Sell Swap", CORK, False),  # a local marketplace: people sell sofas, they do not meet
        ("Cork Neighbours", CORK, True),  # local community
        ("Cork Neighbours Noticeboard", CORK, False),  # a noticeboard: people post there, they do not meet
    ],
)
def test_group_names(name: str, workplace: Workplace, flag: bool) -> None:
    result = score_group(name, workplace)
    assert (result.score >= 1.0 and not result.professional) is flag, result


def test_proper_words_leave_out_sentence_openers_acronyms_and_group_words() -> None:
    words = proper_words("Crisis call in Garfield Park at 2am. Then NAMI intake. Moms group after")
    assert words == {"garfield"}


def scan(records: list[AnyRecord], workplace: Workplace = CORK) -> set[str]:
    """Group names reported for a whole source as in the clinic's area (not those only named for a place):
    ``run`` on each record, then ``finish`` and ``finish_scan``."""
    check = SensitiveGroupCheck()
    ctx = CheckContext(policy=Policy(workplace=workplace), matcher=Matcher(ClientList()), source=SourceInfo("x"))
    found: list[Finding] = [f for r in records for f in check.run(r, ctx)]
    found += [*check.finish(ctx), *check.finish_scan(ctx.scan_memo)]
    return {f.record.name or "" for f in found if "named for a place" not in f.title}


def group(name: str) -> Group:
    return Group(platform="facebook", id=name, source="groups.json#0", timestamp=WHEN, name=name)


def post(text: str, n: int = 0) -> Post:
    return Post(platform="facebook", id=f"p{n}", source=f"posts.json#{n}", timestamp=WHEN, text=text)


def test_a_parents_group_named_for_a_place_the_work_posts_name() -> None:
    work = post("Two crisis assessments in Garfield Park today, one client admitted, the other safety planned")
    assert scan([group("Garfield Park Moms Network"), work]) == {"Garfield Park Moms Network"}
    assert scan([group("Garfield Park Moms Network")]) == set()  # no post about work names the place
    chat = post("Picnic in Garfield Park with the kids, perfect weather")  # not about clinical work
    assert scan([group("Garfield Park Moms Network"), chat]) == set()
    assert scan([group("Garfield Park Gardeners"), work]) == set()  # a hobby group, wherever it is


def test_the_same_findings_whatever_the_batches() -> None:
    """Batches in worker processes hand their state to the main process; the findings do not change."""
    records: list[AnyRecord] = [
        group("Garfield Park Moms Network"),
        post("Two crisis assessments in Garfield Park today, one client admitted, the other safety planned"),
    ]
    check = SensitiveGroupCheck()
    main = CheckContext(policy=Policy(workplace=CORK), matcher=Matcher(ClientList()), source=SourceInfo("x"))
    for record in records:  # each record in a batch of its own, as a worker would see it
        worker = CheckContext(policy=Policy(workplace=CORK), matcher=Matcher(ClientList()), source=SourceInfo("x"))
        list(check.run(record, worker))
        check.merge_state(main, check.batch_state(worker))
    assert {f.record.name for f in [*check.finish(main), *check.finish_scan(main.scan_memo)]} == scan(records)


def test_a_recovery_cafe_is_a_recovery_group() -> None:
    assert score_group("Northside Recovery Café (AA/NA friends)", CORK).score >= 1.0
    assert score_group("Northside Café Lovers", CORK).score < 1.0


def test_a_group_near_a_place_another_archive_names_in_clinical_posts() -> None:
    """The Facebook group, and the X posts about clinical work that name its neighbourhood: found when both
    archives of the scan are judged together, not from the group's archive alone."""
    check, scan_memo, found = SensitiveGroupCheck(), {}, []
    sources: list[list[AnyRecord]] = [
        [group("Garfield Park Moms Network")],
        [post("Two crisis assessments in Garfield Park today, one client admitted, the other safety planned")],
    ]
    for records in sources:
        ctx = CheckContext(policy=Policy(workplace=CORK), matcher=Matcher(ClientList()), source=SourceInfo("x"))
        ctx.scan_memo = scan_memo
        found += [f for r in records for f in check.run(r, ctx)]
        found += list(check.finish(ctx))
    found += list(check.finish_scan(scan_memo))
    assert [(f.record.name, f.title) for f in found] == [
        ("Garfield Park Moms Network", "Member of a parenting group in your clinic's area")
    ]
    assert scan(sources[0]) == set()
