"""What the online check saw, as records and findings for the pipeline (no network here).

:func:`live_source` maps one :class:`~scanner.online.Outcome` to a live source: the public profile and posts an
open platform's API returned, as the archive readers map them (same ids), and the ``public-visibility``
finding of the ``online-check`` check when a logged-out visitor could open the address. The pipeline
(:func:`scanner.pipeline.scan_live`) runs the records through the normal checks and applies the policy, the
severity overrides, de-duplication and review to everything, as it does for archives.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from checks.base import Category, Evidence, Finding, RecordRef, Remediation, Severity
from checks.remediation import remediation_for
from scanner.online import PUBLIC, Outcome
from scanner.pipeline import LiveSource
from scanner.readers.bluesky import records as bsky
from scanner.records import AnyRecord, Audience, Post, Profile

CHECK_ID = "online-check"
"""The check id of visibility findings (``checks = [...]`` in policy.toml may leave it out)."""


def live_source(outcome: Outcome) -> LiveSource:
    """The records and the visibility finding of one outcome, for :func:`scanner.pipeline.scan_live`."""
    target = outcome.target
    return LiveSource(
        platform=target.platform,
        label=target.url,
        records=tuple(live_records(outcome)),
        findings=tuple(visibility_findings(outcome)),
        check_id=CHECK_ID,
    )


def live_records(outcome: Outcome) -> Iterator[AnyRecord]:
    """The public profile and posts an open API returned (none for other platforms or other outcomes)."""
    if outcome.status != PUBLIC or outcome.profile is None:
        return iter(())
    if outcome.target.api == "mastodon":
        return _mastodon_records(outcome.profile, outcome.posts, outcome.target.url, outcome.target.handle)
    if outcome.target.api == "bluesky":
        return _bluesky_records(outcome.profile, outcome.posts, outcome.target.url, outcome.target.handle)
    return iter(())


def _mastodon_records(
    profile: dict[str, Any], statuses: list[dict[str, Any]], url: str, handle: str | None
) -> Iterator[AnyRecord]:
    yield Profile(
        platform="mastodon",
        id=str(profile.get("url") or url),
        source=f"live:{url}",
        name=profile.get("display_name"),
        handle=handle,
        bio=_text(profile.get("note", "")),
        private=bool(profile.get("locked")),
        url=profile.get("url"),
    )
    for index, status in enumerate(statuses):
        yield Post(
            platform="mastodon",
            id=str(status.get("uri") or status.get("id")),
            source=f"live:statuses#{index}",
            timestamp=_iso(status.get("created_at")),
            url=status.get("url"),
            text=_text(status.get("content", "")),
            audience=Audience.PUBLIC if status.get("visibility") == "public" else Audience.UNLISTED,
        )


def _bluesky_records(
    profile: dict[str, Any], feed: list[dict[str, Any]], url: str, handle: str | None
) -> Iterator[AnyRecord]:
    """The public profile and recent posts, mapped as the Bluesky CAR reader maps them (same ids)."""
    actor = str(profile.get("handle") or handle)
    yield bsky.profile_record(profile, str(profile.get("did") or ""), f"live:{url}", actor)
    for index, item in enumerate(feed):
        post = item.get("post")
        post = post if isinstance(post, dict) else {}
        record = post.get("record")
        yield bsky.post_record(
            record if isinstance(record, dict) else {}, str(post.get("uri") or ""), f"live:feed#{index}", actor=actor
        )


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup or "")).strip()


def _iso(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def visibility_findings(outcome: Outcome) -> Iterator[Finding]:
    """A ``public-visibility`` finding when a logged-out visitor could open the address ("seen publicly on
    <date>"); nothing for the other outcomes."""
    if outcome.status != PUBLIC:
        return
    target = outcome.target
    seen = f"seen publicly on {outcome.checked_at.date().isoformat()}"
    what = "your profile" if target.what == "profile" else "this flagged post"
    rem = remediation_for(Category.PUBLIC_VISIBILITY, target.platform)
    yield Finding(
        check=CHECK_ID,
        category=Category.PUBLIC_VISIBILITY,
        severity=Severity.HIGH if target.what == "post" else Severity.MEDIUM,
        confidence=0.9,
        title=f"Anyone can open {what} on {target.platform} without logging in",
        message=f"A logged-out visitor could open {target.url} ({seen}).",
        platform=target.platform,
        record=RecordRef(
            kind="profile" if target.what == "profile" else "post",
            id=target.url,
            timestamp=outcome.checked_at,
            handle=target.handle,
            source="online-check",
            url=target.url,
        ),
        evidence=(Evidence(0, 0, seen, outcome.detail),),
        remediation=rem if rem.steps else Remediation(summary="Restrict who can see this account or post."),
    )
