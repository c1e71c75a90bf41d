"""Word lists for reading names and places, kept as data in ``checks/lexicons/name_words.toml``."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(resources.files("checks.lexicons").joinpath("name_words.toml").read_text(encoding="utf-8"))


def word_set(section: str, key: str) -> frozenset[str]:
    """A list of ``name_words.toml`` as a set (``word_set("names", "titles")``)."""
    return frozenset(_data()[section][key])


def word_list(section: str, key: str) -> tuple[str, ...]:
    """A list of ``name_words.toml`` in file order."""
    return tuple(_data()[section][key])


def word_map(section: str, key: str) -> dict[str, str]:
    """A table of ``name_words.toml`` (``word_map("streets", "trailing")``: street type → abbreviation)."""
    return dict(_data()[section][key])
