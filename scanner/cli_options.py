"""Option bundles shared by the commands, each declared once: what the archives are compared with
(``--clients``, ``--policy``, ``--key-file``), the report formats (``--format``) and the safety limits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from reports.writer import Format

F = TypeVar("F", bound=Callable[..., Any])

FORMAT_CHOICES = [f.value for f in Format]
DEFAULT_FORMATS = ("html", "json")


def _compose(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """One decorator applying ``decorators`` in the order written (the first is the first in ``--help``)."""

    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


client_options = _compose(
    click.option(
        "--clients",
        "clients_path",
        type=click.Path(path_type=Path),
        help="Your client list (clients.csv, one name per line, or a hashed list). Used only on this "
        "computer; never sent.",
    ),
    click.option(
        "--policy",
        "policy_path",
        type=click.Path(path_type=Path),
        help="policy.toml: workplace, work hours, allowances (optional).",
    ),
    click.option(
        "--key-file",
        type=click.Path(path_type=Path),
        help="The agency key for a hashed client list (from `boundary-audit clients hash`).",
    ),
)
"""``--clients``, ``--policy`` and ``--key-file``: what the archives are compared with."""

format_option = click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMAT_CHOICES),
    help="Report format; repeat for several. Default: html and json.",
)
"""``--format``, repeatable."""

limit_options = _compose(
    click.option(
        "--max-file-size",
        type=float,
        default=4.0,
        show_default=True,
        help="Skip single files that unpack to more than this many GiB.",
    ),
    click.option(
        "--max-total-size",
        type=float,
        default=40.0,
        show_default=True,
        help="Refuse archives that unpack to more than this many GiB.",
    ),
    click.option(
        "--max-files",
        type=int,
        default=500_000,
        show_default=True,
        help="Refuse archives with more files than this (zip-bomb guard).",
    ),
    click.option(
        "--max-depth",
        type=int,
        default=200,
        show_default=True,
        help="Skip JSON files nested deeper than this (real exports stay far below).",
    ),
)
"""The safety limits shared by scan, inspect and batch."""
