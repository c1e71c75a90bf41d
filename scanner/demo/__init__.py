"""The bundled demo: a small synthetic X archive of a fictional counsellor, a client list and a policy.

Everything here is made up (people, handles, numeric ids, phone numbers); it exists so that
``boundary-audit`` can be tried without a real export.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def demo_paths() -> tuple[Path, Path, Path]:
    """``(X archive folder, clients.csv, policy.toml)`` of the bundled demo."""
    return _HERE / "x-archive", _HERE / "clients.csv", _HERE / "policy.toml"
