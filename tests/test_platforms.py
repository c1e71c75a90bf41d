"""The platform table is the one declaration: readers, detection, the client list, the checks, the remediation
library, the writers and the pipeline all agree with it (a platform added to the table is seen by each)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks.base import Category
from checks.public_visibility import VERDICTS
from checks.remediation import remediation_for
from reports.view import PLATFORM_LABELS
from scanner.archive import Archive
from scanner.clients import parse_handles
from scanner.detect import SUPPORTED, describe_unknown
from scanner.pipeline import _export_stem
from scanner.platforms import (
    BY_NAME,
    PLATFORMS,
    PRIVACY_SETTINGS,
    REMEDIATION_PLATFORMS,
    SECURITY_SETTINGS,
    Platform,
    part_prefixes,
    platform_label,
    setting_path,
)
from scanner.readers import ALL_READERS

READABLE = sorted(p.name for p in PLATFORMS if p.readable)


def test_names_are_unique_lowercase_ids() -> None:
    names = [p.name for p in PLATFORMS]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z]+", n) for n in names)
    assert not {a for p in PLATFORMS for a in p.aliases} & set(names)


def test_every_readable_platform_has_exactly_one_reader() -> None:
    assert sorted(r.platform for r in ALL_READERS) == READABLE


@pytest.mark.parametrize("platform", READABLE)
def test_the_not_an_export_message_names_what_is_read(platform: str) -> None:
    assert BY_NAME[platform].reads in SUPPORTED


@pytest.mark.parametrize("platform", [p for p in PLATFORMS if p.export_markers], ids=lambda p: p.name)
def test_an_export_of_an_unread_platform_is_named(platform: Platform, tmp_path: Path) -> None:
    assert not platform.readable
    (tmp_path / platform.export_markers[0]).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / platform.export_markers[0]).write_text("{}", encoding="utf-8")
    with Archive([tmp_path]) as archive:
        assert f"this looks like a {platform.label} export" in describe_unknown(archive)


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda p: p.name)
def test_the_client_list_takes_handles_as_the_table_says(platform: Platform) -> None:
    for key in (platform.name, *platform.aliases):
        handles, problems = parse_handles(f"{key}:@someone_1")
        if platform.handles:
            assert (handles, problems) == ([(platform.name, "someone_1")], [])
        else:
            assert not handles and "unknown platform" in problems[0]
    if platform.account_id_key:
        assert parse_handles(f"{platform.account_id_key}:12345") == ([(platform.account_id_key, "12345")], [])
        assert platform.label in parse_handles(f"{platform.account_id_key}:abc")[1][0]


def test_reports_and_checks_use_one_label() -> None:
    assert {p.name: p.label for p in PLATFORMS} == PLATFORM_LABELS
    assert platform_label("x") == "X (Twitter)"
    assert platform_label("myspace") == "Myspace"


def test_public_visibility_knows_only_table_platforms() -> None:
    assert set(VERDICTS) <= set(READABLE)


@pytest.mark.parametrize("prefix", part_prefixes())
def test_multi_part_exports_are_grouped_by_every_declared_prefix(prefix: str) -> None:
    stem = _export_stem(Path(f"{prefix}-jdoe-20240101-2.zip"))
    assert stem == f"{prefix}-jdoe"
    assert _export_stem(Path(f"notes-{prefix}-2.zip")) == ""


@pytest.mark.parametrize("platform", REMEDIATION_PLATFORMS)
@pytest.mark.parametrize("category", list(Category))
def test_remediation_steps_name_the_declared_settings(category: Category, platform: str) -> None:
    steps = remediation_for(category, platform).steps
    assert not [s for s in steps if re.search(r"\{\w+\}", s)], "a {setting} placeholder the table does not fill"
    cited = {
        Category.ACCOUNT_SECURITY: set(SECURITY_SETTINGS) - {"login_alerts"},
        Category.PUBLIC_VISIBILITY: set(PRIVACY_SETTINGS),
    }.get(category, set())
    declared = [path for name in sorted(cited) if (path := setting_path(name, platform))]
    assert all(path in " ".join(steps) for path in declared), f"{category} steps cite the table's paths"
