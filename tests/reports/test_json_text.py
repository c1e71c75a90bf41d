"""``dumps_indented`` writes the text ``json.dumps(indent=2, ensure_ascii=False)`` writes, on any JSON value."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.base import Remediation
from reports.json import render_json, to_dict
from reports.json_text import dumps_indented
from scanner.result import ScanResult

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_KEYS = st.text() | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(), inner, max_size=4)
        | st.dictionaries(_KEYS, inner, max_size=3)
    ),
    max_leaves=25,
)


@settings(max_examples=400)
@given(_VALUES)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert dumps_indented(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_hostile_strings_and_special_numbers() -> None:
    value = {
        "text": '</script>\u2028\u0000"\\ é 😀 \ud800',
        "numbers": [float("nan"), float("inf"), -float("inf"), -0.0, 1e300, 2**70],
        "nested": {"empty": {}, "list": [], "one": [{}]},
        "enum-like": True,
    }
    assert dumps_indented(value) == json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("value", [{"when": object()}, [{1, 2}]])
def test_values_it_does_not_know_fail_as_in_json(value: Any) -> None:
    with pytest.raises(TypeError):
        json.dumps(value, indent=2, ensure_ascii=False)
    with pytest.raises(TypeError):
        dumps_indented(value)


def test_report_with_shared_and_unhashable_remediations_matches_dumps(result: ScanResult) -> None:
    """Remediations written once and reused, or (built with lists) written each time: the same text."""
    shared = Remediation("Do it", ("one", "two"), ("ref",), "say this", ("why?",))
    unhashable = Remediation("Other", ["a", "b"], [], None, [])  # type: ignore[arg-type]
    findings = tuple(
        dataclasses.replace(f, remediation=(shared, unhashable, f.remediation)[i % 3])
        for i, f in enumerate(result.findings)
    )
    view = dataclasses.replace(result, findings=findings)
    assert render_json(view) == json.dumps(to_dict(view), indent=2, ensure_ascii=False) + "\n"
