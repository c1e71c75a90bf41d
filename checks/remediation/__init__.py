"""The remediation library: guidance texts per category and platform, kept as data (TOML files here).

Each ``<category>.toml`` has a ``[default]`` table and optional per-platform tables (``[facebook]``, …)
with ``summary``, ``steps`` (list), ``references`` (list), and optionally ``script`` and
``supervision_questions``. A platform table overrides the fields it sets; steps are platform-specific.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from checks.base import Category, Remediation


@cache
def _table(category: str) -> dict[str, Any]:
    try:
        text = resources.files(__package__).joinpath(f"{category}.toml").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return tomllib.loads(text)


def remediation_for(category: Category | str, platform: str) -> Remediation:
    """The guidance for a category on a platform (platform fields override the defaults)."""
    data = _table(str(category))
    merged: dict[str, Any] = dict(data.get("default", {}))
    merged.update(data.get(platform, {}))
    return Remediation(
        summary=merged.get("summary", "Review this item and decide whether it should stay online."),
        steps=tuple(merged.get("steps", ())),
        references=tuple(merged.get("references", ())),
        script=merged.get("script"),
        supervision_questions=tuple(merged.get("supervision_questions", ())),
    )
