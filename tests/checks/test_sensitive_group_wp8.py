"""sensitive-group (wp8): victims of violence, refugees and people seeking asylum."""

from __future__ import annotations

import pytest

from checks.policy import Workplace
from checks.sensitive_group import THRESHOLD, describe, score_group

WORKPLACE = Workplace(name="Planning familial de Grenoble", address="8 rue des Lilas, 38000 Grenoble", city="Grenoble")


@pytest.mark.parametrize(
    ("name", "reported"),
    [
        ("Femmes victimes de violences – entraide Grenoble", True),
        ("Crime Victims Support Network", True),
        ("Direct Provision Residents Support", True),  # people seeking asylum, with a support word
        ("Refugee Women Peer Support", True),
        ("Refugee Week Volunteers", False),  # the theme alone, no support, family or area word
        ("Fashion Victims Vintage Swap", False),
        ("Asylum Brewing Fans", False),  # not "asylum seekers"
    ],
)
def test_victims_and_refugees_groups(name: str, reported: bool) -> None:
    result = score_group(name, WORKPLACE)
    assert (result.score >= THRESHOLD and not result.professional) is reported


def test_a_refugee_support_group_is_described_as_such() -> None:
    assert describe(score_group("Refugee Women Peer Support", WORKPLACE)) == "refugee and asylum support group"
