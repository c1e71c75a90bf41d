"""public-visibility: the account, or what you post on it, can be seen by anyone.

One finding per account, after the whole export was read:

- X: posts are public unless "Protect your posts" is on. The archive records only changes to that
  setting in the last six months, so when it says nothing the finding asks you to check it.
- Instagram: a public (not private) account.
- Mastodon: posts published as public or unlisted, and a profile that is discoverable or indexable.
- LinkedIn: shares visible to the public rather than to your connections.
- Facebook: the export does not say who can see each post, so the finding gives the steps to review
  and limit past posts.

Severity grows with what is on the account: public posts that name your workplace weigh more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from checks.analysis.places import build_terms, names_workplace
from checks.base import Category, Check, CheckContext, Finding, RecordRef, Severity, record_ref
from checks.remediation import remediation_for
from scanner.platforms import platform_label, setting_path
from scanner.records import AnyRecord, Audience, Kind, Post, Profile, Setting

_MEMO = ("public-visibility", "state")
_PRIVACY_SETTINGS = {"protected", "private_account"}
_DISCOVERY_SETTINGS = {"discoverable", "indexable", "searchable", "public_profile", "search_engine_indexing"}


@dataclass
class _State:
    """What the check saw of one source."""

    posts: int = 0
    public_posts: int = 0
    workplace_posts: int = 0
    private: bool | None = None
    privacy_known: bool = False
    discoverable: list[str] = field(default_factory=list)
    anchor: RecordRef | None = None


class PublicVisibilityCheck(Check):
    """The account, or the posts on it, are visible to anyone (one finding per account)."""

    id: ClassVar[str] = "public-visibility"
    category: ClassVar[Category] = Category.PUBLIC_VISIBILITY
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.POST, Kind.PROFILE, Kind.SETTING})
    ordered: ClassVar[bool] = True  # its state in ctx.memo depends on the order of the records

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """Collect what the source says about its audience; findings come from :meth:`finish`."""
        state: _State = ctx.memo.setdefault(_MEMO, _State())
        if isinstance(record, Post) and record.author is None:
            state.posts += 1
            public = record.audience in (Audience.PUBLIC, Audience.UNLISTED) or (
                record.platform == "x" and record.audience is Audience.UNKNOWN
            )
            state.public_posts += int(public)
            terms = build_terms(ctx.policy.workplace)
            if not terms.empty and record.text and names_workplace(record.text, terms):
                state.workplace_posts += 1
        elif isinstance(record, Profile):
            state.anchor = state.anchor or record_ref(record, name=record.name, handle=record.handle)
            if record.private is not None and not state.privacy_known:
                state.private, state.privacy_known = record.private, True
        elif isinstance(record, Setting):
            name = record.name.strip().lower()
            if name in _PRIVACY_SETTINGS and record.enabled is not None:
                state.private, state.privacy_known = record.enabled, True
                state.anchor = record_ref(record, name=record.name)
            elif name in _DISCOVERY_SETTINGS and record.enabled:
                state.discoverable.append(name)
        return ()

    def finish(self, ctx: CheckContext) -> Iterable[Finding]:
        """One finding for the account, when it (or its posts) can be seen by the public."""
        state: _State = ctx.memo.pop(_MEMO, None) or _State()
        platform = ctx.source.platform
        verdict = _verdict(platform, state)
        if verdict is None:
            return
        severity, title, message = verdict
        anchor = state.anchor or RecordRef(
            kind="profile", id="account", name=ctx.source.account_name, handle=ctx.source.account_handle
        )
        yield Finding(
            check=self.id,
            category=self.category,
            severity=severity,
            confidence=0.9 if state.privacy_known or platform in {"mastodon", "linkedin"} else 0.6,
            title=title,
            message=message,
            platform=platform,
            record=anchor,
            remediation=remediation_for(self.category, platform),
        )


def _weigh(state: _State, base: Severity) -> Severity:
    """Public accounts with posts naming the workplace weigh one step more; empty ones one step less."""
    if state.workplace_posts:
        return list(Severity)[max(Severity.HIGH.rank, base.rank - 1)]
    if not state.posts:
        return base.lowered()
    return base


def _counts(state: _State) -> str:
    text = f"{state.posts} post(s) in the export"
    if state.workplace_posts:
        text += f", {state.workplace_posts} naming your workplace"
    return text


def _where(setting: str, platform: str) -> str:
    """Where ``setting`` lives on ``platform``, from the platform table."""
    return setting_path(setting, platform) or "the platform's privacy settings"


Verdict = tuple[Severity, str, str]
"""(severity, title, message) for an account."""


def _x(name: str, state: _State) -> Verdict | None:
    if state.private is True:
        return None
    if state.private is False:
        return (
            _weigh(state, Severity.MEDIUM),
            f"{name} account is public",
            f"Your {name} posts are public ({_counts(state)}). Turn on Protect your posts: "
            f"{_where('account_privacy', 'x')}.",
        )
    return (
        Severity.LOW,
        f"{name} account may be public",
        f"The {name} archive records changes to Protect your posts only for the last six months, and it records "
        f"none, so the account may be public ({_counts(state)}). Check {_where('account_privacy', 'x')}.",
    )


def _instagram(name: str, state: _State) -> Verdict | None:
    if state.private is True:
        return None
    if state.private is False:
        return (
            _weigh(state, Severity.MEDIUM),
            f"{name} account is public",
            f"Your {name} account is public ({_counts(state)}): anyone can see your posts and who you "
            f"follow. Make it private: {_where('account_privacy', 'instagram')}.",
        )
    return (
        Severity.INFO,
        f"{name} account privacy unknown",
        f"The export does not say whether the account is private. Check {_where('account_privacy', 'instagram')}.",
    )


def _mastodon(name: str, state: _State) -> Verdict | None:
    if not state.public_posts and not state.discoverable:
        return None
    parts = []
    if state.public_posts:
        parts.append(f"{state.public_posts} of {state.posts} posts were published as public or unlisted")
    if state.discoverable:
        parts.append("the profile is " + " and ".join(sorted(set(state.discoverable))))
    return (
        _weigh(state, Severity.MEDIUM if state.public_posts else Severity.LOW),
        f"{name} posts are public",
        f"On {name} " + "; ".join(parts) + ". Set the default post visibility to followers-only and turn "
        f"off discovery: {_where('posting_defaults', 'mastodon')}, and {_where('discovery', 'mastodon')}.",
    )


def _linkedin(name: str, state: _State) -> Verdict | None:
    if not state.public_posts:
        return None
    return (
        _weigh(state, Severity.LOW),
        f"{name} shares are public",
        f"{state.public_posts} of your {name} shares are visible to anyone, not just your connections"
        + (f"; {state.workplace_posts} name your workplace." if state.workplace_posts else ".")
        + " Review them: open the post → … → Who can see this post.",
    )


def _facebook(name: str, state: _State) -> Verdict | None:
    return (
        _weigh(state, Severity.LOW) if state.posts else Severity.INFO,
        f"{name} post audiences are not in the export",
        f"{name} exports do not record who can see each post ({_counts(state)}). Check your default "
        f"audience and limit old posts: {_where('past_posts', 'facebook')}.",
    )


def _any(name: str, state: _State) -> Verdict | None:
    if state.private is False or state.public_posts:
        return (Severity.MEDIUM, f"{name} account is public", f"Your {name} account or posts are public.")
    return None


VERDICTS: dict[str, Callable[[str, _State], Verdict | None]] = {
    "x": _x,
    "instagram": _instagram,
    "mastodon": _mastodon,
    "linkedin": _linkedin,
    "facebook": _facebook,
}
"""How each platform's export says what is public; any other platform gets the generic verdict."""


def _verdict(platform: str, state: _State) -> Verdict | None:
    """(severity, title, message) for the account, or ``None`` when nothing is public."""
    return VERDICTS.get(platform, _any)(platform_label(platform), state)
