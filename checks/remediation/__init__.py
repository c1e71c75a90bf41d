"""The remediation library: guidance texts per category and platform, kept as data (TOML files here).

Each ``<category>.toml`` has a ``[default]`` table and optional per-platform tables (``[facebook]``, …)
with ``summary``, ``steps`` (list), ``references`` (list), and optionally ``script`` and
``supervision_questions``. A platform table overrides the fields it sets; steps are platform-specific.

Two optional ``[default]`` keys complete the format:

- ``why``: a short plain-language paragraph on why the category matters (reports print it; see
  :func:`why_it_matters`).
- ``workflow``: steps that apply on every platform and come before the platform's ``steps`` (e.g. the
  friend-request workflow: don't accept, record, raise it in session, then decline).

Platforms: those marked ``remediation`` in :mod:`scanner.platforms` (every file has a table for each).
A step may name a security setting's place as ``{two_factor}`` (any key of ``scanner.platforms.SETTINGS``):
the path comes from the platform table, so each menu path is written once. References cite codes by section
(ACA 2014 H.6 and A.5.e, NASW 1.06 and 1.07, NCSBN social-media guidance, HIPAA 45 CFR 164.514(b)(2));
every text is written in our own words. ``policy_template.md`` holds the social-media policy statement a
clinician can adapt for informed consent (:func:`policy_template`).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from checks.base import Category, Remediation
from scanner.platforms import SETTINGS, setting_path

_SETTING = re.compile(r"\{(" + "|".join(SETTINGS) + r")\}")


@cache
def _table(category: str) -> dict[str, Any]:
    try:
        text = resources.files(__package__).joinpath(f"{category}.toml").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return tomllib.loads(text)


@cache
def remediation_for(category: Category | str, platform: str) -> Remediation:
    """The guidance for a category on a platform (platform fields override the defaults). Made once per
    category and platform and shared by their findings (immutable): a scan makes thousands of findings of a
    few dozen kinds, and the writers and the workers' pickles then meet one object per kind."""
    data = _table(str(category))
    merged: dict[str, Any] = dict(data.get("default", {}))
    merged.update(data.get(platform, {}))
    return Remediation(
        summary=merged.get("summary", "Review this item and decide whether it should stay online."),
        steps=tuple(data.get("default", {}).get("workflow", ()))
        + tuple(_with_paths(step, platform) for step in merged.get("steps", ())),
        references=tuple(merged.get("references", ())),
        script=merged.get("script"),
        supervision_questions=tuple(merged.get("supervision_questions", ())),
    )


def _with_paths(step: str, platform: str) -> str:
    """``step`` with each ``{setting}`` replaced by where that setting lives on ``platform``."""
    return _SETTING.sub(lambda m: setting_path(m.group(1), platform) or m.group(0), step)


def why_it_matters(category: Category | str) -> str:
    """A short plain-language explanation of why the category matters (empty when none is written)."""
    return " ".join(str(_table(str(category)).get("default", {}).get("why", "")).split())


def policy_template() -> str:
    """The social-media policy statement for informed consent, as Markdown for the clinician to adapt."""
    return resources.files(__package__).joinpath("policy_template.md").read_text(encoding="utf-8")
