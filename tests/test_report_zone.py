"""The report's time zone: the policy's, else the archive's own, else UTC (issue 20)."""

from __future__ import annotations

from checks.policy import policy_from_dict
from scanner.pipeline import report_zone
from scanner.readers.x.timezones import iana_zone
from scanner.result import SourceReport

X = SourceReport(path="x.zip", platform="x", generation="x-v2", format="js", timezone="America/New_York")
PLAIN = SourceReport(path="fb.zip", platform="facebook", generation="g4", format="json")


def test_the_policy_zone_wins() -> None:
    notices: list[str] = []
    policy = policy_from_dict({"work_hours": {"timezone": "Europe/Paris"}})
    assert report_zone(policy, [X], notices) == "Europe/Paris" and not notices


def test_without_a_policy_zone_the_archive_zone_is_used_and_said() -> None:
    notices: list[str] = []
    assert report_zone(policy_from_dict({}), [PLAIN, X], notices) == "America/New_York"
    assert len(notices) == 1 and "X (Twitter)" in notices[0] and "policy.toml" in notices[0]


def test_no_zone_anywhere_is_utc() -> None:
    notices: list[str] = []
    assert report_zone(policy_from_dict({}), [PLAIN], notices) == "UTC" and not notices


def test_rails_names_map_to_iana_and_unknown_names_are_dropped() -> None:
    assert iana_zone("Eastern Time (US & Canada)") == "America/New_York"
    assert iana_zone("Europe/Dublin") == "Europe/Dublin"
    assert iana_zone("Middle of Nowhere") is None and iana_zone(None) is None
