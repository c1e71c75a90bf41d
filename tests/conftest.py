"""Shared test helpers: fixture archives written in real formats and zipped on the fly."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
FORMATS = SHARED / "formats"
EVAL_DEV = SHARED / "eval" / "dev"
TOOLS = SHARED / "tools"

FileMap = Mapping[str, str | bytes | object]


def write_tree(root: Path, files: FileMap) -> Path:
    """Write ``{relative path: content}`` under ``root``; dicts and lists are written as JSON."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content), encoding="utf-8")
    return root


def zip_tree(path: Path, files: FileMap) -> Path:
    """Write ``files`` into a new zip at ``path`` (same content rules as :func:`write_tree`)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel, content in files.items():
            if isinstance(content, bytes):
                zf.writestr(rel, content)
            elif isinstance(content, str):
                zf.writestr(rel, content.encode("utf-8"))
            else:
                zf.writestr(rel, json.dumps(content))
    return path


@pytest.fixture
def make_zip(tmp_path: Path) -> Callable[..., Path]:
    """``make_zip(files, name="export.zip")`` → path of a zip holding ``files``."""

    def _make(files: FileMap, name: str = "export.zip") -> Path:
        return zip_tree(tmp_path / name, files)

    return _make


@pytest.fixture
def make_folder(tmp_path: Path) -> Callable[..., Path]:
    """``make_folder(files, name="export")`` → path of a folder holding ``files``."""

    def _make(files: FileMap, name: str = "export") -> Path:
        return write_tree(tmp_path / name, files)

    return _make


def requires_shared(path: Path) -> pytest.MarkDecorator:
    """Skip a test when the shared material beside the project is absent."""
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not available")


def demo_scan_args(out: Path, *extra: str, archive: Path | None = None) -> list[str]:
    """``boundary-audit scan`` arguments for the bundled demo (its client list and policy), JSON into ``out``."""
    from scanner.demo import demo_paths

    demo_archive, clients, policy = demo_paths()
    return [
        "scan",
        str(archive or demo_archive),
        "--clients",
        str(clients),
        "--policy",
        str(policy),
        "--format",
        "json",
        "--out",
        str(out),
        "--quiet",
        *extra,
    ]
