"""Which Instagram export files the reader reads, and what each holds.

Paths are matched by their ending (any wrapper folder such as ``instagram-jdoe-2025-01-01-AbCd1234/`` in
front), in JSON and HTML alike; ``'`` in a name also matches ``_``. Files of the same kind moved between
layout generations (``content/`` → ``your_instagram_activity/content/`` → ``…/media/``), so one pattern
covers every generation. Members under a Facebook folder of a combined Accounts Center export are not ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scanner.records import Relation


@dataclass(frozen=True)
class Route:
    """What a file holds: ``kind`` (profile, posts, comments, ...) and a detail (subkind, relation...)."""

    kind: str
    detail: str = ""
    keys: tuple[str, ...] = ()  # the JSON keys wrapping the record list, first match wins
    loose: bool = False  # a generic file name: read inside an Instagram export, never evidence of one


_EXT = r"\.(?:json|html)$"
_FF = r"(?:^|/)followers_and_following/"

_ROUTES: tuple[tuple[str, Route], ...] = (
    (
        r"(?:^|/)(?:account_information|personal_information)/personal_information",
        Route("profile", keys=("profile_user",)),
    ),
    (r"(?:^|/)(?:content|media)/posts(?:_\d+)?", Route("posts", "post", ("ig_posts",))),
    (r"(?:^|/)(?:content|media)/reels", Route("posts", "reel", ("ig_reels_media",))),
    (r"(?:^|/)(?:content|media)/stories", Route("posts", "story", ("ig_stories",))),
    (r"(?:^|/)(?:content|media)/archived_posts", Route("posts", "archived", ("ig_archived_post_media",))),
    (
        r"(?:^|/)comments/(?:post_comments(?:_\d+)?|reels_comments)",
        Route("comments", keys=("comments_media_comments", "comments_reels_comments")),
    ),
    (r"(?:^|/)likes/liked_posts", Route("likes", "post", ("likes_media_likes",))),
    (r"(?:^|/)likes/liked_comments", Route("likes", "comment", ("likes_comment_likes",))),
    (r"(?:^|/)story_interactions/story_likes", Route("likes", "story", ("story_activities_story_likes",))),
    (r"(?:^|/)saved/saved_posts", Route("likes", "saved", ("saved_saved_media",))),
    (_FF + r"followers(?:_\d+)?", Route("relation", Relation.FOLLOWER.value, ("relationships_followers",))),
    (_FF + r"following", Route("relation", Relation.FOLLOWING.value, ("relationships_following",))),
    (_FF + r"close_friends", Route("relation", Relation.CLOSE_FRIEND.value, ("relationships_close_friends",))),
    (
        _FF + r"follow_requests_you(?:'|_)ve_received",
        Route("relation", Relation.REQUEST_RECEIVED.value, ("relationships_follow_requests_received",)),
    ),
    (
        _FF + r"pending_follow_requests",
        Route("relation", Relation.REQUEST_SENT.value, ("relationships_follow_requests_sent",)),
    ),
    (
        _FF + r"recent_follow_requests",
        Route("relation", Relation.REQUEST_SENT.value, ("relationships_permanent_follow_requests",)),
    ),
    (
        _FF + r"blocked_(?:profiles|accounts|users)",
        Route("relation", Relation.BLOCKED.value, ("relationships_blocked_users",)),
    ),
    (
        _FF + r"restricted_(?:profiles|accounts|users)",
        Route("relation", Relation.RESTRICTED.value, ("relationships_restricted_users",)),
    ),
    (_FF + r"hide_story_from", Route("relation", Relation.HIDDEN_STORY.value, ("relationships_hide_stories_from",))),
    (
        _FF + r"recently_unfollowed_(?:profiles|accounts)",
        Route("relation", Relation.REMOVED.value, ("relationships_unfollowed_users",)),
    ),
    (_FF + r"following_hashtags", Route("ignore")),
    (r"(?:^|/)contacts/synced_contacts", Route("contacts", keys=("contacts_contact_info",))),
    (r"(?:^|/)messages/[^/]+/[^/]+/message_\d+", Route("messages")),
    (
        r"(?:^|/)(?:profile|account)_privacy_changes",
        Route("privacy", keys=("account_history_account_privacy_history",)),
    ),
    (r"(?:^|/)profile_changes", Route("profile_changes", keys=("profile_profile_change",))),
    (r"(?:^|/)comments_allowed_from", Route("comment_permission", keys=("settings_allow_comments_from",))),
    (r"(?:^|/)two-factor_authentication", Route("two_factor", keys=("devices_two_factor_authentication",))),
    (r"(?:^|/)login_activity", Route("logins", keys=("account_history_login_history",))),
    (r"(?:^|/)(?:profile|account)_searches", Route("searches", "profile", ("searches_user",))),
    (r"(?:^|/)(?:word_or_phrase|keyword)_searches", Route("searches", "word", ("searches_keyword",))),
    (
        r"(?:^|/)(?:instagram_profile_information|account_information/account_information)",
        Route("insights", keys=("profile_account_insights",)),
    ),
)

# Posts and reels files lifted out of their folder (as tools that re-publish Instagram posts keep them).
_LOOSE: tuple[tuple[str, Route], ...] = (
    (r"(?:^|/)posts(?:_\d+)?\.json$", Route("posts", "post", ("ig_posts",), loose=True)),
    (r"(?:^|/)reels\.json$", Route("posts", "reel", ("ig_reels_media",), loose=True)),
)

ROUTES: tuple[tuple[re.Pattern[str], Route], ...] = (
    *((re.compile(p + _EXT), r) for p, r in _ROUTES),
    *((re.compile(p), r) for p, r in _LOOSE),
)
# The first bytes of a lifted reels / stories file that identify it as Instagram's.
SIGNATURES = {"reels.json": b'"ig_reels_media"', "stories.json": b'"ig_stories"'}


def is_foreign(path: str) -> bool:
    """True for members that belong to a Facebook export inside a combined archive."""
    return any(part.startswith("facebook-") or part == "your_facebook_activity" for part in path.lower().split("/"))


def route_of(path: str) -> Route | None:
    """The route of a member path, or ``None`` when the reader does not read it."""
    lower = path.lower()
    if is_foreign(lower):
        return None
    for pattern, route in ROUTES:
        if pattern.search(lower):
            return route
    return None


def is_html(path: str) -> bool:
    """True for an HTML member."""
    return path.lower().endswith(".html")
