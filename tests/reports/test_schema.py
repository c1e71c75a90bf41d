"""Every JSON report validates against reports/report.schema.json."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from reports.json import to_dict
from reports.redact import redact
from reports.writer import write_reports
from scanner.result import ScanResult
from tests.reports.conftest import masker_for


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("reports").joinpath("report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("level", ["full", "supervision", "agency"])
def test_every_report_validates(validator: jsonschema.Draft202012Validator, result: ScanResult, level: str,
                                tmp_path: Path) -> None:  # fmt: skip
    [path] = write_reports(result, ["json"], tmp_path, level, masker=masker_for(result))
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["redaction"] == level
    validator.validate(doc)


def test_empty_report_validates(validator: jsonschema.Draft202012Validator) -> None:
    validator.validate(to_dict(ScanResult(findings=(), sources=())))


def test_schema_rejects_what_the_contract_forbids(validator: jsonschema.Draft202012Validator,
                                                  result: ScanResult) -> None:  # fmt: skip
    doc = to_dict(redact(result, "full"))
    for mutate in (
        lambda d: d["findings"][0].update(category="something-else"),
        lambda d: d["findings"][0].update(severity="urgent"),
        lambda d: d["findings"][0]["record"].update(timestamp="yesterday"),
        lambda d: d["findings"][0].update(confidence=1.5),
        lambda d: d.update(schema_version=2),
        lambda d: d.pop("findings"),
    ):
        bad = json.loads(json.dumps(doc))
        mutate(bad)
        assert not validator.is_valid(bad)
    validator.validate(to_dict(replace(result, compare={"new": ["a"], "fixed": [], "remaining": ["b"]})))
