"""Conformance: every real sample under ../shared/formats reads without errors, and every layout generation
rendered from the dev corpus gives the same record counts (skipped when the shared folder is absent)."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from scanner.pipeline import ScanOptions, scan
from tests.conftest import EVAL_DEV, FORMATS, TOOLS, requires_shared

SAMPLES = sorted(p for p in FORMATS.glob("*/*") if p.is_dir()) if FORMATS.exists() else []
# what-if-structures holds JSON dumps describing archive trees, not archives; the readers' own tests use them.
SAMPLES = [p for p in SAMPLES if p.name != "what-if-structures"]


@requires_shared(FORMATS)
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_sample_scans_cleanly(sample: Path):
    result = scan([sample], ScanOptions(checks=()))
    assert not result.errors, result.errors
    [source] = result.sources
    assert source.platform == sample.parent.name
    assert sum(source.counts.values()) > 0
    assert not source.skipped, source.skipped


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("render")
    subprocess.run(
        [sys.executable, str(TOOLS / "render_corpus.py"), str(EVAL_DEV), str(out), "--variants", "all"],
        check=True,
        capture_output=True,
    )
    return out


@requires_shared(TOOLS)
def test_every_rendered_generation_gives_the_same_counts(rendered: Path):
    by_platform: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)
    for archive in sorted((rendered / "archives").glob("*.zip")):
        result = scan([archive], ScanOptions(checks=()))
        assert not result.errors, (archive.name, result.errors)
        [source] = result.sources
        assert not source.skipped, (archive.name, source.skipped)
        key = f"{source.generation}/{source.format}"
        by_platform[source.platform][key] = dict(source.counts)
    assert set(by_platform) == {"x", "facebook", "instagram", "linkedin"}
    for platform, generations in by_platform.items():
        json_like = {g: c for g, c in generations.items() if not g.endswith("/html")}
        assert len(json_like) >= 2, (platform, generations)
        # settings and profiles differ with what each generation holds; the audited records must not
        audited = ("post", "comment", "reaction", "connection", "thread", "group")
        counts = {g: {k: c.get(k, 0) for k in audited} for g, c in json_like.items()}
        assert len({tuple(sorted(c.items())) for c in counts.values()}) == 1, (platform, counts)
