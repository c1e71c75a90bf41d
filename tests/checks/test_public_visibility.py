"""public-visibility: one account-level finding per source, from settings, profile and post audiences."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.base import CheckContext, Severity, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy, Workplace
from checks.public_visibility import PublicVisibilityCheck
from scanner.clients import ClientList
from scanner.records import AnyRecord, Audience, Post, Profile, Setting

T = datetime(2024, 1, 1, tzinfo=UTC)
POLICY = Policy(workplace=Workplace(name="Lakeside Counseling Services"))


def post(platform: str, audience: Audience = Audience.UNKNOWN, text: str = "hello") -> Post:
    return Post(platform=platform, id=f"p{text}{audience}", source="s", timestamp=T, text=text, audience=audience)


def scan(platform: str, records: list[AnyRecord]) -> list:
    ctx = CheckContext(policy=POLICY, matcher=Matcher(ClientList()), source=SourceInfo(platform, account_handle="me"))
    check = PublicVisibilityCheck()
    for record in records:
        assert list(check.run(record, ctx)) == []
    return list(check.finish(ctx))


@pytest.mark.parametrize(
    ("platform", "records", "severity", "phrase"),
    [
        (
            "x",
            [Setting(platform="x", id="s", source="s", name="protected", enabled=False), post("x")],
            Severity.MEDIUM,
            "Protect your posts",
        ),
        ("x", [Setting(platform="x", id="s", source="s", name="protected", enabled=True), post("x")], None, ""),
        ("x", [post("x")], Severity.LOW, "last six months"),
        (
            "x",
            [
                Setting(platform="x", id="s", source="s", name="protected", enabled=False),
                post("x", text="Long day at Lakeside Counseling Services"),
            ],
            Severity.HIGH,
            "naming your workplace",
        ),
        (
            "instagram",
            [Profile(platform="instagram", id="me", source="s", private=False)],
            Severity.LOW,
            "Account privacy",
        ),
        (
            "instagram",
            [Profile(platform="instagram", id="me", source="s", private=False), post("instagram")],
            Severity.MEDIUM,
            "Account privacy",
        ),
        (
            "instagram",
            [Setting(platform="instagram", id="s", source="s", name="private_account", enabled=True)],
            None,
            "",
        ),
        (
            "mastodon",
            [post("mastodon", Audience.PUBLIC), post("mastodon", Audience.FRIENDS)],
            Severity.MEDIUM,
            "1 of 2 posts",
        ),
        ("mastodon", [post("mastodon", Audience.DIRECT)], None, ""),
        ("linkedin", [post("linkedin", Audience.PUBLIC)], Severity.LOW, "Who can see this post"),
        ("linkedin", [post("linkedin", Audience.FRIENDS)], None, ""),
        ("facebook", [post("facebook")], Severity.LOW, "Limit who can see past posts"),
    ],
)
def test_accounts(platform: str, records: list[AnyRecord], severity: Severity | None, phrase: str) -> None:
    found = scan(platform, records)
    assert [f.severity for f in found] == ([severity] if severity else [])
    if found:
        assert phrase in found[0].message
        assert found[0].category == "public-visibility"


def test_synthetic_record_when_no_profile_or_setting() -> None:
    (finding,) = scan("facebook", [post("facebook")])
    assert (finding.record.kind, finding.record.id, finding.record.handle) == ("profile", "account", "me")
