"""Progress: a determinate share of the scan, archive by archive."""

from __future__ import annotations

from pathlib import Path

from scanner.demo import demo_paths
from scanner.pipeline import ScanOptions, Step, scan
from tests.conftest import zip_tree


def test_steps_count_archives_and_end_at_one(tmp_path: Path) -> None:
    archive, _, _ = demo_paths()
    linkedin = zip_tree(
        tmp_path / "Basic_LinkedInDataExport_01-01-2024.zip",
        {
            "Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Ann,Lee,,,,,12 Mar 2021\n"
        },
    )
    steps: list[Step] = []
    scan([archive, linkedin], ScanOptions(on_step=steps.append))
    assert {s.archives for s in steps} == {2}
    assert [s.archive for s in steps] == sorted(s.archive for s in steps)
    overall = [s.overall for s in steps]
    assert overall == sorted(overall) and overall[0] == 0.0 and overall[-1] == 1.0
    assert any(s.archive == 1 and s.done == 1.0 for s in steps)
