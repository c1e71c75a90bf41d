"""The terminal summary (rich table). (Minimal version.)"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from reports.model import ScanResult


def print_summary(result: ScanResult, console: Console) -> None:
    """Print counts per category and severity."""
    table = Table(title="boundary-audit findings (open)")
    table.add_column("category")
    table.add_column("findings", justify="right")
    for category, n in result.by_category.items():
        table.add_row(category, str(n))
    console.print(table)
