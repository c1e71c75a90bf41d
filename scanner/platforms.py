"""The platforms boundary-audit knows, declared once, as data.

One :class:`Platform` row per platform: its stable name (as records, reports and the client list's handles
column write it), its display label, how the client list may name it, which exports of it the tool reads,
where its security settings live, and whether the remediation library has steps for it. Detection, the
client list, the checks, the remediation library, the writers and the pipeline all read this table: adding a
platform starts with adding a row here (``tests/test_platforms.py`` checks that every enumeration agrees).

Platforms with ``reads`` empty are ones whose exports the tool recognises only to say it does not read them
(and, for some, whose handles the client list accepts).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

SECURITY_SETTINGS = ("two_factor", "login_alerts", "connected_app", "active_session", "synced_contacts")
"""Security settings (account-security's findings and steps)."""
PRIVACY_SETTINGS = ("account_privacy", "past_posts", "posting_defaults", "discovery")
"""Who-can-see settings (public-visibility's findings and steps)."""
SETTINGS = SECURITY_SETTINGS + PRIVACY_SETTINGS
"""The settings a platform row may say the place of (keys of :attr:`Platform.settings`)."""


@dataclass(frozen=True)
class Platform:
    """One platform: identity, handles, exports read, settings paths, remediation."""

    name: str
    """Stable id in records, reports and the client list (``x``)."""
    label: str
    """How reports and finding texts name it (``X (Twitter)``)."""
    reads: str = ""
    """The exports boundary-audit reads, as the "what it reads" message says it; empty when it reads none."""
    aliases: tuple[str, ...] = ()
    """Other names the client list's handles column accepts for it (``twitter:@jdoe``)."""
    handles: bool = True
    """Whether the client list may give handles on it."""
    account_id_key: str | None = None
    """The handles-column key for a numeric account id (``x_id:123456``), when the platform lists people so."""
    export_markers: tuple[str, ...] = ()
    """Paths that give away an export of a platform the tool does not read (for a helpful message)."""
    part_prefixes: tuple[str, ...] = ()
    """File-name prefixes of the parts of one export (``facebook-jdoe-2024-…-1.zip``, ``…-2.zip``)."""
    settings: Mapping[str, str] = field(default_factory=dict)
    """Where each security setting (:data:`SETTINGS`) lives, as a menu path."""
    remediation: bool = False
    """Whether every remediation file has a table of steps for this platform."""
    professional: bool = False
    """A professional network: work details on its profile are expected (reported for information only)."""

    @property
    def readable(self) -> bool:
        """True when boundary-audit has a reader for the platform's exports."""
        return bool(self.reads)


def _frozen(paths: dict[str, str]) -> Mapping[str, str]:
    unknown = set(paths) - set(SETTINGS)
    if unknown:
        raise ValueError(f"unknown settings {sorted(unknown)}; add them to SETTINGS")
    return MappingProxyType(paths)


PLATFORMS: tuple[Platform, ...] = (
    Platform(
        "x",
        "X (Twitter)",
        reads="X/Twitter archives (all generations)",
        aliases=("twitter",),
        account_id_key="x_id",
        part_prefixes=("twitter",),
        settings=_frozen(
            {
                "two_factor": "Settings and privacy → Security and account access → Security → "
                "Two-factor authentication",
                "login_alerts": "Settings and privacy → Notifications → Preferences → Email notifications → Security",
                "connected_app": "Settings and privacy → Security and account access → Apps and "
                "sessions → Connected apps",
                "active_session": "Settings and privacy → Security and account access → Apps and sessions → Sessions",
                "synced_contacts": "Settings and privacy → Privacy and safety → Discoverability and contacts → Manage "
                "contacts → Remove all contacts",
                "account_privacy": "Settings and privacy → Privacy and safety → Audience and tagging "
                "→ Protect your posts",
            }
        ),
        remediation=True,
    ),
    Platform(
        "facebook",
        "Facebook",
        reads="Facebook and Instagram 'Download your information' exports (JSON or HTML)",
        aliases=("fb",),
        part_prefixes=("facebook", "meta"),
        settings=_frozen(
            {
                "two_factor": "Settings & privacy → Settings → Accounts Center → Password and security → Two-factor "
                "authentication",
                "login_alerts": "Accounts Center → Password and security → Security checks → Login alerts",
                "connected_app": "Settings & privacy → Settings → Apps and websites",
                "active_session": "Accounts Center → Password and security → Where you're logged in",
                "synced_contacts": "Accounts Center → Your information and permissions → Upload contacts",
                "past_posts": "Settings & privacy → Settings → Audience and visibility → Posts → "
                "Limit who can see past "
                "posts",
            }
        ),
        remediation=True,
    ),
    Platform(
        "instagram",
        "Instagram",
        reads="Facebook and Instagram 'Download your information' exports (JSON or HTML)",
        aliases=("ig",),
        part_prefixes=("instagram", "meta"),
        settings=_frozen(
            {
                "two_factor": "Menu (☰) → Accounts Center → Password and security → Two-factor authentication",
                "login_alerts": "Accounts Center → Password and security → Security checks → Login alerts",
                "connected_app": "Settings and activity → Website permissions → Apps and websites",
                "active_session": "Accounts Center → Password and security → Where you're logged in",
                "synced_contacts": "Accounts Center → Your information and permissions → Upload contacts",
                "account_privacy": "Menu (☰) → Settings and activity → Account privacy → Private account",
            }
        ),
        remediation=True,
    ),
    Platform(
        "linkedin",
        "LinkedIn",
        reads="LinkedIn data exports",
        aliases=("li",),
        professional=True,
        settings=_frozen(
            {
                "two_factor": "Me → Settings & Privacy → Sign in & security → Two-step verification",
                "login_alerts": "Me → Settings & Privacy → Sign in & security → Where you're signed in",
                "connected_app": "Me → Settings & Privacy → Data privacy → Other applications → Permitted services",
                "active_session": "Me → Settings & Privacy → Sign in & security → Where you're signed in",
                "synced_contacts": "Me → Settings & Privacy → Data privacy → Sync contacts → Manage "
                "all synced contacts → "
                "Remove all",
            }
        ),
        remediation=True,
    ),
    Platform(
        "mastodon",
        "Mastodon",
        reads="Mastodon account archives",
        settings=_frozen(
            {
                "two_factor": "Preferences → Account → Two-factor Auth",
                "connected_app": "Preferences → Account → Authorized apps",
                "active_session": "Preferences → Account → Sessions",
                "posting_defaults": "Preferences → Other → Posting defaults",
                "discovery": "Preferences → Public profile → Privacy and reach",
            }
        ),
        remediation=True,
    ),
    Platform("bluesky", "Bluesky", reads="Bluesky repository exports (.car)", aliases=("bsky",)),
    Platform("tiktok", "TikTok", export_markers=("user_data.json", "user_data_tiktok.json")),
    Platform("snapchat", "Snapchat", handles=False, export_markers=("json/account.json", "json/snap_history.json")),
    Platform("google", "Google Takeout", handles=False, export_markers=("archive_browser.html",)),
    Platform(
        "threads",
        "Threads",
        handles=False,
        export_markers=("threads_and_replies.json", "your_threads/threads_and_replies.json"),
    ),
)

BY_NAME: Mapping[str, Platform] = MappingProxyType({p.name: p for p in PLATFORMS})

ALIASES: Mapping[str, str] = MappingProxyType({alias: p.name for p in PLATFORMS for alias in p.aliases})
"""Other names of a platform (``twitter`` → ``x``), as the client list may write them."""

HANDLE_PLATFORMS = frozenset(p.name for p in PLATFORMS if p.handles)
"""The platforms the client list's handles column accepts (besides the account-id keys such as ``x_id``)."""

ACCOUNT_ID_KEYS: Mapping[str, str] = MappingProxyType({p.account_id_key: p.name for p in PLATFORMS if p.account_id_key})
"""Handles-column keys for numeric account ids → their platform (``x_id`` → ``x``)."""

PROFESSIONAL_PLATFORMS = frozenset(p.name for p in PLATFORMS if p.professional)
"""Professional networks, where a profile naming the employer and credentials is expected."""

REMEDIATION_PLATFORMS = tuple(p.name for p in PLATFORMS if p.remediation)
"""The platforms every remediation file has a table for."""


def platform_label(name: str) -> str:
    """The display label of a platform (``x`` → ``X (Twitter)``); an unknown name capitalised."""
    found = BY_NAME.get(name)
    return found.label if found else name.capitalize()


def setting_path(setting: str, platform: str) -> str | None:
    """Where ``setting`` (one of :data:`SETTINGS`) lives on ``platform``, or ``None`` when not declared."""
    found = BY_NAME.get(platform)
    return found.settings.get(setting) if found else None


def supported_exports() -> str:
    """The exports boundary-audit reads, in one sentence part (for "this is not an export we read" messages)."""
    reads = list(dict.fromkeys(p.reads for p in PLATFORMS if p.readable))
    return ", ".join(reads[:-1]) + " and " + reads[-1] if len(reads) > 1 else "".join(reads)


def part_prefixes() -> tuple[str, ...]:
    """Every file-name prefix of a multi-part export, longest first."""
    return tuple(sorted({pre for p in PLATFORMS for pre in p.part_prefixes}, key=lambda s: (-len(s), s)))
