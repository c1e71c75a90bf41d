"""The house rules of DESIGN.md §1, enforced: which module may import which (read from the source with ast)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from checks import ALL_CHECKS

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(source: str) -> set[str]:
    """Every module an ``import`` or ``from … import`` names, anywhere in the file (lazy imports included).

    ``from checks import text`` yields both ``checks`` and ``checks.text``: the name may be a module.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def module_path(module: str) -> Path:
    """The source file of a project module (``checks.client_mention`` → ``checks/client_mention.py``)."""
    return ROOT.joinpath(*module.split(".")).with_suffix(".py")


CHECK_MODULES = frozenset(inspect.getmodule(check).__name__ for check in ALL_CHECKS)  # type: ignore[union-attr]


def test_the_import_reader_sees_lazy_and_from_imports() -> None:
    source = "import os\nfrom checks import text\ndef f():\n    from checks.client_connection import x\n"
    assert {"os", "checks", "checks.text", "checks.client_connection"} <= imported_modules(source)


def test_every_registered_check_lives_in_its_own_module() -> None:
    assert len(CHECK_MODULES) == len(ALL_CHECKS)
    assert all(module_path(m).is_file() for m in CHECK_MODULES)


def test_checks_are_leaves() -> None:
    """A check imports base and analysis modules, never another check: shared behaviour lives in checks/analysis/."""
    offenders = {
        module: sorted(imported_modules(module_path(module).read_text(encoding="utf-8")) & (CHECK_MODULES - {module}))
        for module in sorted(CHECK_MODULES)
    }
    assert not {m: peers for m, peers in offenders.items() if peers}, "move the shared code to checks/analysis/"


CORE = ("scanner.result", "scanner.output", "scanner.platforms", "scanner.redaction")
"""The small core every package may import: result types, atomic output, the platform table, redaction levels."""

ORCHESTRATION = ("scanner.pipeline", "scanner.triage", "scanner.batch")


def _project_imports(module: str) -> set[str]:
    return {m for m in imported_modules(module_path(module).read_text(encoding="utf-8")) if m.split(".")[0] in
            ("scanner", "checks", "reports")}  # fmt: skip


def test_the_core_imports_no_writer_and_no_reader() -> None:
    for module in CORE:
        assert not {m for m in _project_imports(module) if m.startswith(("reports", "scanner.readers"))}, module


def test_the_scanner_does_not_import_the_writers_for_its_own_types() -> None:
    for module in ORCHESTRATION:
        assert not {m for m in _project_imports(module) if m.startswith("reports")}, module


def test_checks_import_no_writer() -> None:
    for path in sorted((ROOT / "checks").rglob("*.py")):
        assert not any(m.startswith("reports") for m in imported_modules(path.read_text(encoding="utf-8"))), path
