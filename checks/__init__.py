"""The checks. ``ALL_CHECKS`` is the explicit, greppable registry the pipeline runs."""

from __future__ import annotations

from checks.base import Check

ALL_CHECKS: tuple[type[Check], ...] = (
)

__all__ = ["ALL_CHECKS", "Check"]
