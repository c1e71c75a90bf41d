"""Severity order: the rank every sort of the findings reads."""

from __future__ import annotations

from checks.base import Severity


def test_rank_is_the_declaration_order() -> None:
    assert [s.rank for s in Severity] == [list(Severity).index(s) for s in Severity] == [0, 1, 2, 3, 4]
    assert Severity.CRITICAL.at_least(Severity.HIGH) and not Severity.LOW.at_least(Severity.MEDIUM)
    assert Severity.HIGH.lowered(2) is Severity.LOW and Severity.LOW.lowered(5) is Severity.INFO
