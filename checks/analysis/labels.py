"""Display labels for platforms, as the checks write them in finding titles and messages."""

from __future__ import annotations

PLATFORM_NAMES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X",
    "linkedin": "LinkedIn",
    "mastodon": "Mastodon",
}


def platform_label(platform: str) -> str:
    """The platform's display name (``x`` → ``X``)."""
    return PLATFORM_NAMES.get(platform, platform.title())
