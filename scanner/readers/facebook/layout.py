"""Where things are in a Facebook export: layout-generation detection and file routing.

Paths are matched by their canonical ending (:func:`scanner.readers.meta.tail_matches`): case-folded,
apostrophes and ``_`` interchangeable, extension and ``_N`` part number dropped, aligned on folders. That
one rule covers every generation (2018–20 ``friends/…``, 2020–22 ``friends_and_followers/…``, 2023
``your_activity_across_facebook/…``, 2024+ ``your_facebook_activity/…``), wrapper folders, trees nested
one level deeper, JSON and HTML alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scanner.archive import Archive, Member
from scanner.readers.meta import canonical_name, tail_matches
from scanner.records import Relation

# Which file holds what, by canonical ending. Order matters only for overlapping endings.
ROUTES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("profile", ("profile_information/profile_information",)),
    ("timezone", ("location/timezone",)),
    ("posts", ("posts/your_posts", "posts/your_posts__check_ins__photos_and_videos")),
    ("posts_by_others", ("posts/other_people_s_posts_to_your_timeline", "posts/posts_on_your_timeline")),
    ("posts_elsewhere", ("posts/posts_on_other_pages_and_profiles",)),
    (
        "checkins",
        (
            "posts/check-ins",
            "posts/places_you_have_been_tagged_in",
            "your_places/places_you_ve_created",
            "your_places/check-ins",
        ),
    ),
    ("life_events", ("profile_information/profile_update_history",)),
    ("comments", ("comments/comments", "comments_and_reactions/comments")),
    (
        "reactions",
        (
            "likes_and_reactions/posts_and_comments",
            "comments_and_reactions/posts_and_comments",
            "comments_and_reactions/likes_and_reactions",
            "stories/story_reactions",
        ),
    ),
    ("page_likes", ("likes_and_reactions/pages", "pages/pages_you_ve_liked")),
    ("friends", ("friends/friends", "friends_and_followers/friends", "connections/friends/your_friends")),
    (
        "requests_received",
        (
            "friends/received_friend_requests",
            "friends_and_followers/friend_requests_received",
            "friends_and_followers/received_friend_requests",
        ),
    ),
    (
        "requests_sent",
        (
            "friends/sent_friend_requests",
            "friends_and_followers/friend_requests_sent",
            "friends_and_followers/sent_friend_requests",
        ),
    ),
    ("requests_rejected", ("friends/rejected_friend_requests", "friends_and_followers/rejected_friend_requests")),
    ("removed", ("friends/removed_friends", "friends_and_followers/removed_friends")),
    (
        "following",
        (
            "following_and_followers/following",
            "friends_and_followers/who_you_follow",
            "followers/who_you_ve_followed",
            "followers/who_you_follow",
            "pages/pages_you_follow",
            "pages/pages_and_profiles_you_follow",
        ),
    ),
    (
        "followers",
        (
            "following_and_followers/followers",
            "friends_and_followers/followers",
            "followers/people_who_followed_you",
            "followers/your_followers",
            "followers/followers",
            "friends_and_followers/people_who_follow_you",
        ),
    ),
    ("groups", ("groups/your_group_membership_activity",)),
    ("groups_admin", ("groups/your_groups",)),
    (
        "group_posts",
        ("groups/your_posts_in_groups", "groups/group_posts_and_comments", "groups/your_posts_and_comments_in_groups"),
    ),
    ("group_comments", ("groups/your_comments_in_groups",)),
    ("search", ("search_history/your_search_history", "search/your_search_history")),
    (
        "two_factor",
        (
            "security_and_login_information/two-factor_authentication",
            "security_and_login_information/two_factor_authentication",
        ),
    ),
    ("login_alerts", ("login_alerts_settings", "security_and_login_information/login_alerts")),
    (
        "sessions",
        ("security_and_login_information/where_you_re_logged_in", "security_and_login_information/active_sessions"),
    ),
    (
        "recognized_devices",
        ("security_and_login_information/authorized_logins", "security_and_login_information/recognized_devices"),
    ),
    (
        "logins",
        (
            "security_and_login_information/logins_and_logouts",
            "security_and_login_information/login_protection_data",
            "security_and_login_information/account_activity",
        ),
    ),
    ("mobile_devices", ("security_and_login_information/mobile_devices",)),
    ("address_book", ("other_personal_information/your_address_books", "personal_information/your_address_books")),
    ("photos", ("posts/your_uncategorized_photos", "posts/your_photos", "photos_and_videos/your_photos")),
    ("videos", ("posts/your_videos", "photos_and_videos/your_videos")),
    ("stories", ("stories/archived_stories", "posts/archived_stories")),
    ("privacy", ("preferences/privacy_settings", "privacy_settings/privacy_settings")),
    (
        "apps",
        (
            "apps_and_websites/apps_and_websites",
            "apps_and_websites_off_of_facebook/connected_apps_and_websites",
            "apps_and_websites_off_of_facebook/apps_and_websites",
            "apps_and_websites/connected_apps_and_websites",
        ),
    ),
)

# Connection files → relation.
RELATIONS: dict[str, Relation] = {
    "friends": Relation.FRIEND,
    "requests_received": Relation.REQUEST_RECEIVED,
    "requests_sent": Relation.REQUEST_SENT,
    "requests_rejected": Relation.REQUEST_REJECTED,
    "removed": Relation.REMOVED,
    "following": Relation.FOLLOWING,
    "followers": Relation.FOLLOWER,
}

THREAD_RE = re.compile(
    r"(?:^|/)messages/(?P<folder>inbox|archived_threads|filtered_threads|message_requests|e2ee_cutover)/"
    r"(?P<thread>[^/]+)/message$"
)

# Messenger threads kept in a folder named by the thread's numeric id, without an inbox folder around it
# (``messages/1234567890/message_1.json``, or ``1234567890/message_1.json`` at the top).
NUMERIC_THREAD_RE = re.compile(r"(?:^|/)(?:messages/)?(?P<thread>\d{5,})/message$")


def thread_of(canonical: str) -> tuple[str, str] | None:
    """``(folder, thread folder)`` of a Messenger thread file's canonical path, else ``None``."""
    match = THREAD_RE.search(canonical)
    if match:
        return match.group("folder"), match.group("thread")
    numeric = NUMERIC_THREAD_RE.search(canonical)
    return ("inbox", numeric.group("thread")) if numeric else None


ALBUM_RE = re.compile(r"(?:^|/)(?:posts|photos_and_videos)/album/[^/]+$")

_DATA_EXT = (".json", ".html")


@dataclass(frozen=True)
class Routed:
    """A member and what it holds (a ROUTES key, or ``thread``)."""

    member: Member
    route: str
    thread_key: str = ""  # ``<folder>/<thread folder>`` for message files
    folder: str = ""


def route(member: Member) -> Routed | None:
    """What a member holds, or ``None`` when the reader does not use it."""
    path = member.path
    if not path.lower().endswith(_DATA_EXT):
        return None
    canonical = canonical_name(path)
    thread = thread_of(canonical)
    if thread:
        return Routed(member, "thread", f"{thread[0]}/{thread[1]}", thread[0])
    if ALBUM_RE.search(canonical):
        return Routed(member, "album")
    for name, tails in ROUTES:
        if any(tail_matches(path, tail) for tail in tails):
            return Routed(member, name)
    return None


# --------------------------------------------------------------------------- detection

# Folders only one generation has decide it; 2020–22 exports also have ``apps_and_websites_off_of_facebook/``,
# so that folder alone (_SHARED_G2_G4) is tried only after the 2020–22 and 2018–20 markers.
_G4 = (
    "your_facebook_activity/",
    "connections/friends/",
    "personal_information/profile_information/",
    "logged_information/search/",
    "connections/followers/who_you",
)
_SHARED_G2_G4 = ("apps_and_websites_off_of_facebook/",)
_G3 = ("your_activity_across_facebook/",)
_G2 = ("friends_and_followers/", "comments_and_reactions/", "search/your_search_history", "pages/pages_you")
_G1 = (
    "friends/friends",
    "friends/received_friend_requests",
    "friends/sent_friend_requests",
    "friends/removed_friends",
    "following_and_followers/",
    "likes_and_reactions/",
    "comments/comments",
    "search_history/your_search_history",
    "apps_and_websites/apps_and_websites",
)
_INSTAGRAM = (
    "your_instagram_activity/",
    "personal_information/personal_information/",
    "followers_and_following/",
    "account_information/",
    "instagram_",
    "content/posts",
    "likes/liked_",
    "comments/post_comments",
    "recent_searches/",
    "media/posts",
)


def _has(paths: list[str], markers: tuple[str, ...], exclude: str | None = None) -> str | None:
    for path in paths:
        for marker in markers:
            at = path.find(marker)
            if at == 0 or (at > 0 and path[at - 1] == "/"):
                if exclude and path[:at].endswith(exclude):
                    continue
                return path
    return None


@dataclass(frozen=True)
class Layout:
    """A detected layout: generation name, format, score, and the path that decided it."""

    generation: str
    format: str
    score: float
    evidence: str


def detect_layout(archive: Archive) -> Layout | None:
    """Decide whether ``archive`` is a Facebook export and which generation, from member paths only."""
    paths = [
        canonical_name(m.path) + "." + m.path.rpartition(".")[2].lower()
        for m in archive.members
        if m.path.lower().endswith(_DATA_EXT)
    ]
    if not paths:
        return None
    fmt = _format(archive)
    hit = _has(paths, _G4[:1])  # your_facebook_activity/ decides; the 2023 layout shares the other folders
    if hit:
        return Layout("facebook-2024", fmt, 1.0, hit)
    hit = _has(paths, _G3)
    if hit:
        return Layout("facebook-2023", fmt, 1.0, hit)
    hit = _has(paths, _G4)
    if hit:
        return Layout("facebook-2024", fmt, 1.0, hit)
    instagram = _has(paths, _INSTAGRAM)
    hit = _has(paths, _G2)
    if hit and not instagram:
        return Layout("facebook-2021", fmt, 0.9, hit)
    hit = _has(paths, _G1, exclude="connections/")
    if hit and not instagram:
        return Layout("facebook-2019", fmt, 0.9, hit)
    hit = _has(paths, _SHARED_G2_G4)
    if hit and not instagram:
        return Layout("facebook-2024", fmt, 0.7, hit)
    profile = _has(paths, ("profile_information/profile_information",))
    if profile and not instagram:
        member = next(m for m in archive.members if tail_matches(m.path, "profile_information/profile_information"))
        return Layout(_profile_generation(archive, member), fmt, 0.8, profile)
    posts = _has(paths, ("posts/your_posts",))
    if posts and not instagram:
        return Layout("facebook-2021", fmt, 0.6, posts)
    threads = [p for p in paths if thread_of(p.rpartition(".")[0])]
    if threads and not instagram and not _named_instagram(archive):
        return Layout("facebook-2021", fmt, 0.3, threads[0])
    return None


def _profile_generation(archive: Archive, member: Member) -> str:
    try:
        with archive.open(member) as fh:
            head = fh.read(400)
    except Exception:  # detection must never fail on a bad member; the read reports it
        return "facebook-2021"
    return "facebook-2021" if b"profile_v2" in head or b"<" in head[:20] else "facebook-2019"


def _named_instagram(archive: Archive) -> bool:
    return any(p.name.lower().startswith("instagram") for p in archive.paths)


def _format(archive: Archive) -> str:
    html = json = 0
    for member in archive.members:
        routed = route(member)
        if routed is None or routed.route == "timezone":
            continue
        if member.path.lower().endswith(".html"):
            html += 1
        else:
            json += 1
    return "html" if html > json else "json"
