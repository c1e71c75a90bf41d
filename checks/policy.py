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
class FormerWorkplace(Workplace):
    """A place the clinician used to work: posts and check-ins there still tell who her clients were."""

    left: date | None = None  # when she left (the report says "until")


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
    former_workplaces: tuple[FormerWorkplace, ...] = ()
    work_hours: WorkHours = field(default_factory=WorkHours)
    enabled_checks: frozenset[str] | None = None  # None = all
    disabled_checks: frozenset[str] = frozenset()
    severity_overrides: dict[str, str] = field(default_factory=dict)
    allow_linkedin_client_connections: bool = False
    allow_professional_page: bool = False
    former_clients: str = "report"  # report | lower | ignore
    since: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def timezone_given(self) -> bool:
        """Whether the policy names a time zone (otherwise the archive's own zone, or UTC, is used)."""
        return "timezone" in (self.extra.get("work_hours") or {})

    def check_enabled(self, check_id: str) -> bool:
        """Whether the check with this id should run."""
        if check_id in self.disabled_checks:
            return False
        return self.enabled_checks is None or check_id in self.enabled_checks


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _parse_range(text: str) -> tuple[time, time]:
    start, _, end = text.partition("-")
    return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())


KNOWN_KEYS: dict[str, set[str] | None] = {
    "workplace": {"name", "aliases", "address", "city"},
    "former_workplaces": {"name", "aliases", "address", "city", "left"},
    "work_hours": {"timezone", "text", *DAYS},
    "checks": {"enable", "disable"},
    "severity": None,  # check id or category → severity
    "allow": {"linkedin_client_connections", "professional_page"},
    "former_clients": None,
    "since": None,
    "region": None,  # two-letter country code for phone numbers in text (default "US")
}
SEVERITIES = ("critical", "high", "medium", "low", "info")

TEMPLATE = """\
# boundary-audit policy. Every setting is optional; delete what you do not need.
# Values here never leave your computer. To use a line that starts with "# name =", remove the "# ".

# Former clients: "report" (default), "lower" (one severity level lower) or "ignore".
# former_clients = "report"

# Only look at records from this date on (YYYY-MM-DD, no quotes).
# since = 2020-01-01

# Country for phone numbers written without an international prefix (two letters; default "US").
# region = "US"

# Places you used to work: posts and check-ins that name them still tell people where you worked and who
# your clients may have been. One {...} per place, separated by commas; "left" (when you left) is optional.
# former_workplaces = [{ name = "Lakeside Residential Centre", aliases = ["Lakeside"], left = 2019-06-30 }]

# (The settings above must stay above the first [section] line: TOML puts every line under the
# [section] heading before it.)

[workplace]
# The names people use for where you work; they are looked for in your posts and check-ins.
name = "Example Community Counselling Centre"
aliases = ["ECCC", "the Main St clinic"]
address = "100 Main Street, Springfield"
city = "Springfield"

[work_hours]
# Messages with clients outside these hours are pointed out. Times are HH:MM-HH:MM, several ranges allowed.
timezone = "America/Chicago"
mon = ["09:00-17:00"]
tue = ["09:00-17:00"]
wed = ["09:00-17:00"]
thu = ["09:00-17:00"]
fri = ["09:00-17:00"]

[allow]
# Your agency allows LinkedIn connections with clients (they are then shown as information only).
linkedin_client_connections = false
# You keep a professional page, separate from your personal profile.
professional_page = false

[checks]
# Run only some checks (ids from `boundary-audit list-checks`), or switch some off.
# enable = ["client-connection", "client-friend-request"]
disable = []

[severity]
# Raise or lower a check or a whole category: critical, high, medium, low or info.
# "sensitive-group" = "low"
"""


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith((f"{key} ", f"{key}=", f"[{key}]", f'"{key}"')):
            return number
    return None


def validate_policy(data: dict[str, Any], text: str, origin: str) -> None:
    """Reject unknown sections, keys and values, naming the line."""

    def fail(key: str, problem: str) -> None:
        line = _line_of(text, key)
        where = f"{origin} line {line}" if line else origin
        raise PolicyError(f"{where}: {problem}")

    for section, value in data.items():
        if section not in KNOWN_KEYS:
            fail(section, f"unknown setting {section!r}; known: {', '.join(KNOWN_KEYS)}")
        allowed = KNOWN_KEYS[section]
        if allowed is None:
            continue
        tables = value if section == "former_workplaces" and isinstance(value, list) else [value]
        for table in tables:
            if not isinstance(table, dict):
                fail(
                    section,
                    f"[{section}] must be a table"
                    if section != "former_workplaces"
                    else 'former_workplaces must be a list of {...}: [{ name = "...", left = 2019-06-30 }]',
                )
            for key in table:
                if key not in allowed:
                    fail(key, f"unknown key {key!r} in [{section}]; known: {', '.join(sorted(allowed))}")
    for former in data.get("former_workplaces", ()) if isinstance(data.get("former_workplaces"), list) else ():
        if not former.get("name"):
            fail("former_workplaces", "each [[former_workplaces]] block needs a name")
        if (left := former.get("left")) is not None and not isinstance(left, date):
            fail("left", f"left = {left!r}: write the date as YYYY-MM-DD, without quotes")
    for day in DAYS:
        for item in data.get("work_hours", {}).get(day, ()):
            try:
                start, end = _parse_range(str(item))
            except ValueError:
                fail(day, f"{day} = {item!r} is not a HH:MM-HH:MM range")
            if end == start:  # an end before the start is a night shift running past midnight
                fail(day, f"{day} = {item!r} is empty (it ends when it starts)")
    zone = data.get("work_hours", {}).get("timezone")
    if zone is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError):
            fail("timezone", f'unknown time zone {zone!r} (use a name like "America/Chicago" or "Europe/Paris")')
    for key, value in data.get("severity", {}).items():
        if str(value) not in SEVERITIES:
            fail(key, f"severity {value!r} for {key!r} must be one of {', '.join(SEVERITIES)}")
    if str(data.get("former_clients", "report")) not in ("report", "lower", "ignore"):
        fail("former_clients", 'former_clients must be "report", "lower" or "ignore"')


def load_policy(path: str | Path | None) -> Policy:
    """Read and validate a ``policy.toml``; ``None`` gives the defaults."""
    if path is None:
        return Policy()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise PolicyError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(
            f"{path}: not valid TOML: {exc}; write settings as name = value, with text in "
            'quotes (name = "My clinic"), lists in brackets (["09:00-17:00"]) and dates as '
            "YYYY-MM-DD"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: cannot be read ({exc})") from None
    validate_policy(data, text, str(path))
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
        former = tuple(
            FormerWorkplace(
                name=f.get("name"),
                aliases=tuple(f.get("aliases", ())),
                address=f.get("address"),
                city=f.get("city"),
                left=f.get("left"),
            )
            for f in data.get("former_workplaces", ())
        )
        wh = data.get("work_hours", {})
        days = {d: tuple(_parse_range(r) for r in wh.get(d, ())) for d in DAYS if d in wh}
        work_hours = WorkHours(timezone=wh.get("timezone", "UTC"), days=days, text=wh.get("text"))
        checks = data.get("checks", {})
        allow = data.get("allow", {})
        since = data.get("since")
        return Policy(
            workplace=workplace,
            former_workplaces=former,
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
