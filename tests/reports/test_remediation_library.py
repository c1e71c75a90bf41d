"""The remediation library: every category, every platform, the friend-request workflow, the policy template."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from checks.base import Category
from checks.remediation import policy_template, remediation_for, why_it_matters
from reports.view import CLIENT_CATEGORIES
from scanner.platforms import REMEDIATION_PLATFORMS

PLATFORMS = REMEDIATION_PLATFORMS
ALLOWED_KEYS = {"summary", "why", "workflow", "steps", "references", "script", "supervision_questions"}


@pytest.mark.parametrize("category", list(Category))
def test_category_file_is_complete(category: Category) -> None:
    text = resources.files("checks.remediation").joinpath(f"{category.value}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert set(data) == {"default", *PLATFORMS}
    for table in data.values():
        assert set(table) <= ALLOWED_KEYS
    assert why_it_matters(category)
    for platform in PLATFORMS:
        rem = remediation_for(category, platform)
        assert rem.summary and rem.references
        assert len(rem.steps) >= 2
        assert data[platform]["steps"], f"{category}/{platform} has no platform steps"
        assert all(s.strip() == s and s.endswith((".", ")", "?")) for s in rem.steps), (category, platform)
        # platform steps name where the setting is
        assert any("→" in s for s in data[platform]["steps"]) or category is Category.SENSITIVE_GROUP


@pytest.mark.parametrize("category", sorted(CLIENT_CATEGORIES - {Category.PHI_IDENTIFIER}))
def test_client_categories_have_supervision_questions(category: str) -> None:
    rem = remediation_for(category, "facebook")
    assert len(rem.supervision_questions) >= 4
    text = " ".join(rem.supervision_questions).lower()
    assert "transference" in text or "countertransference" in text


def test_friend_request_workflow_in_order() -> None:
    rem = remediation_for(Category.CLIENT_FRIEND_REQUEST, "instagram")
    steps = " | ".join(rem.steps).lower()
    order = ["do not accept", "clinical record", "prepare", "next session", "acknowledge", "ways to reach you",
             "record the conversation", "decline the request", "follow requests"]  # fmt: skip
    positions = [steps.find(word) for word in order]
    assert -1 not in positions and positions == sorted(positions), dict(zip(order, positions, strict=True))
    assert rem.script and "[office phone" in rem.script
    questions = " ".join(rem.supervision_questions).lower()
    for topic in ("accepting or declining", "less likely to harm", "decline", "strengthening", "transference",
                  "next session"):  # fmt: skip
        assert topic in questions


def test_references_cite_the_required_sections() -> None:
    cited = " ".join(r for c in Category for r in remediation_for(c, "x").references)
    for ref in ("ACA Code of Ethics (2014), H.6", "A.5.e", "NASW Code of Ethics, 1.06", "NASW Code of Ethics, 1.07",
                "NCSBN", "45 CFR 164.514(b)(2)"):  # fmt: skip
        assert ref in cited


def test_unknown_platform_gets_the_default() -> None:
    rem = remediation_for(Category.CLIENT_CONNECTION, "myspace")
    assert rem.steps[0].startswith("Check that this really is your client")


def test_policy_template() -> None:
    text = policy_template()
    assert text.startswith("# Social media policy")
    for topic in ("friend request", "messages", "emergency", "search", "reviews", "meet by chance", "Client:"):
        assert topic.lower() in text.lower()


def test_guidance_is_made_once_per_kind_and_platform() -> None:
    """The shared guidance is the one built afresh, for every category and platform (and a category given
    as text), and one object per kind: findings share it."""
    for category in Category:
        for platform in (*PLATFORMS, "unknown-platform"):
            fresh = remediation_for.__wrapped__(category, platform)
            assert remediation_for(category, platform) == fresh
            assert remediation_for(str(category), platform) == fresh
            assert remediation_for(category, platform) is remediation_for(category, platform)
