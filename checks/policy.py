"""The audit policy: the workplace, work hours, which checks run, severity overrides and allowances.

Loaded from an optional ``policy.toml``; every field has a default so the tool works without one.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any


class PolicyError(Exception):
    """A policy file that cannot be used. ``str()`` names the file, the line where known, and the problem."""


@dataclass(frozen=True)
class Workplace:
    """Where the clinician works: names and aliases are searched in text, the address in places."""

    name: str | None = None
    aliases: tuple[str, ...] = ()
    address: str | None = None
    city: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return tuple(n for n in (self.name, *self.aliases) if n)


@dataclass(frozen=True)
class WorkHours:
    """Working hours per weekday (``mon``…``sun``) as (start, end) pairs, in ``timezone``."""

    timezone: str = "UTC"
    days: dict[str, tuple[tuple[time, time], ...]] = field(default_factory=dict)
    text: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.days)


@dataclass(frozen=True)
class Policy:
    """Everything the checks may be told by the clinician or the agency."""

    workplace: Workplace = field(default_factory=Workplace)
    work_hours: WorkHours = field(default_factory=WorkHours)
    enabled_checks: frozenset[str] | None = None  # None = all
    disabled_checks: frozenset[str] = frozenset()
    severity_overrides: dict[str, str] = field(default_factory=dict)
    allow_linkedin_client_connections: bool = False
    allow_professional_page: bool = False
    former_clients: str = "report"  # report | lower | ignore
    since: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def check_enabled(self, check_id: str) -> bool:
        """Whether the check with this id should run."""
        if check_id in self.disabled_checks:
            return False
        return self.enabled_checks is None or check_id in self.enabled_checks


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _parse_range(text: str) -> tuple[time, time]:
    start, _, end = text.partition("-")
    return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())


def load_policy(path: str | Path | None) -> Policy:
    """Read a ``policy.toml``; ``None`` gives the defaults."""
    if path is None:
        return Policy()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PolicyError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: cannot be read ({exc})") from None
    return policy_from_dict(data, str(path))


def policy_from_dict(data: dict[str, Any], origin: str = "policy") -> Policy:
    """Build a :class:`Policy` from parsed TOML."""
    try:
        wp = data.get("workplace", {})
        workplace = Workplace(
            name=wp.get("name"),
            aliases=tuple(wp.get("aliases", ())),
            address=wp.get("address"),
            city=wp.get("city"),
        )
        wh = data.get("work_hours", {})
        days = {d: tuple(_parse_range(r) for r in wh.get(d, ())) for d in DAYS if d in wh}
        work_hours = WorkHours(timezone=wh.get("timezone", "UTC"), days=days, text=wh.get("text"))
        checks = data.get("checks", {})
        allow = data.get("allow", {})
        since = data.get("since")
        return Policy(
            workplace=workplace,
            work_hours=work_hours,
            enabled_checks=frozenset(checks["enable"]) if "enable" in checks else None,
            disabled_checks=frozenset(checks.get("disable", ())),
            severity_overrides=dict(data.get("severity", {})),
            allow_linkedin_client_connections=bool(allow.get("linkedin_client_connections", False)),
            allow_professional_page=bool(allow.get("professional_page", False)),
            former_clients=str(data.get("former_clients", "report")),
            since=since if isinstance(since, date) or since is None else date.fromisoformat(str(since)),
            extra=data,
        )
    except (TypeError, ValueError, AttributeError) as exc:
        raise PolicyError(f"{origin}: {exc}") from None
