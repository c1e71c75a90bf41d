"""Instagram HTML exports: same paths as JSON with ``.html``, records in ``_a6-g`` boxes (FORMATS-meta.md §6)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pytest

from scanner.archive import Archive
from scanner.readers.base import ReadContext
from scanner.readers.instagram.reader import InstagramReader
from scanner.records import AnyRecord, Comment, Connection, Post, Profile, Reaction, Relation, Search, Thread
from tests.readers.test_instagram_fixtures import (
    COMMENT,
    FOLLOWERS,
    FOLLOWING,
    LIKE,
    MESSAGES,
    MULTI,
    OWNER_HANDLE,
    OWNER_NAME,
    POST,
    RECEIVED,
    SEARCH,
    SENT,
    STORY,
    generation_2025,
)

READER = InstagramReader()
HEAD = (
    '<html><head><meta charset="utf-8"><title>{}</title></head><body class="_5vb_ _2yq _a7o5">'
    '<div class="clearfix _ikh"><div class="_4bl9"><div class="_li"><div class="_a705">'
    '<div class="_a706" role="main">'
)
TAIL = "</div></div></div></div></div></body></html>"


def shown(epoch: int, seconds: bool = True) -> str:
    """A date as the HTML export shows it: ``Jun 04, 2025 6:46:10 pm``."""
    when = datetime.fromtimestamp(epoch, tz=UTC)
    clock = f"{(when.hour - 1) % 12 + 1}:{when:%M}" + (f":{when:%S}" if seconds else "")
    return f"{when:%b %d, %Y} {clock} {'pm' if when.hour >= 12 else 'am'}"


def page(title: str, *boxes: str) -> str:
    return HEAD.format(escape(title)) + "".join(boxes) + TAIL


def box(inner: str, date: str = "") -> str:
    return f'<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">{inner}<div class="_3-94 _a6-o">{date}</div></div>'


def h2(text: str) -> str:
    return f'<h2 class="_3-95 _2ph_ _a6-h _a6-i">{escape(text)}</h2>'


def table(*rows: tuple[str, str]) -> str:
    cells = []
    for label, value in rows:
        if label == "Time":
            cells.append(f'<tr><td class="_2pin _a6_q">Time</td><td class="_2pin _2piu _a6_r">{value}</td></tr>')
        else:
            cells.append(
                f'<tr><td colspan="2" class="_2pin _a6_q">{escape(label)}<div><div>{escape(value)}</div>'
                "</div></td></tr>"
            )
    return f'<div class="_3-95 _a6-p"><table style="table-layout: fixed;">{"".join(cells)}</table></div>'


def follower_box(user: str, when: int) -> str:
    """Followers (2023): the username is the link text, the date a plain div after it."""
    link = f'<a target="_blank" href="https://www.instagram.com/{user}">{user}</a>'
    return box(f'<div class="_3-95 _a6-p"><div><div>{link}</div><div>{shown(when)}</div></div></div>')


def following_box(user: str, when: int) -> str:
    """Following (2025): the username in ``h2``, the link text is the ``_u/`` URL."""
    url = f"https://www.instagram.com/_u/{user}"
    inner = f'{h2(user)}<div class="_3-95 _a6-p"><div><div><a target="_blank" href="{url}">{url}</a></div>'
    return box(inner + f"<div>{shown(when)}</div></div></div>")


def html_export() -> dict[str, str]:
    """The fixture account as a 2025 HTML export."""
    ff = "connections/followers_and_following/"
    act = "your_instagram_activity/"
    text, owner, when = COMMENT
    like_owner, like_when, like_href = LIKE
    return {
        "start_here.html": page("Your information"),
        "personal_information/personal_information/personal_information.html": page(
            "Personal information",
            box(
                table(
                    ("Username", OWNER_HANDLE),
                    ("Name", OWNER_NAME),
                    ("Email", "sam@example.org"),
                    ("Private Account", "True"),
                )
            ),
        ),
        ff + "followers_1.html": page("Followers", *(follower_box(u, w) for u, w in FOLLOWERS)),
        ff + "following.html": page("Following", *(following_box(u, w) for u, w in FOLLOWING)),
        ff + "follow_requests_you've_received.html": page(
            "Received follow requests", *(follower_box(u, w) for u, w in RECEIVED)
        ),
        ff + "pending_follow_requests.html": page("Pending", *(following_box(u, w) for u, w in SENT)),
        act + "media/posts_1.html": page(
            "Posts",
            box(
                h2(POST[0]) + '<div class="_3-95 _a6-p"><div><div><a target="_blank" href="media/posts/1.jpg">'
                '<img src="media/posts/1.jpg" class="_a6_o _3-96"></a></div></div></div>',
                shown(POST[1]),
            ),
            box(
                h2(MULTI[0]) + '<div class="_3-95 _a6-p"><div><img src="media/posts/2.jpg"></div></div>',
                shown(MULTI[1]),
            ),
        ),
        act + "media/stories.html": page("Stories", box(h2(STORY[0]), shown(STORY[1]))),
        act + "comments/post_comments_1.html": page(
            "Comments", box(table(("Comment", text), ("Media Owner", owner), ("Time", shown(when))))
        ),
        act + "likes/liked_posts.html": page(
            "Liked posts",
            box(
                h2(like_owner) + f'<div class="_3-95 _a6-p"><div><div><a target="_blank" href="{like_href}">👍</a>'
                f"</div><div>{shown(like_when)}</div></div></div>"
            ),
        ),
        act + "messages/inbox/janedoe_1234567/message_1.html": page(
            "Jane Doe",
            *(
                box(
                    f'<div class="_3-95 _2pim _a6-h _a6-i">{escape(s)}</div>'
                    f'<div class="_3-95 _a6-p"><div><div></div><div>{escape(c)}</div><div></div></div></div>',
                    shown(w),
                )
                for s, w, c in reversed(MESSAGES)
            ),
        ),
        "logged_information/recent_searches/profile_searches.html": page(
            "Profile searches", box(table(("Search", SEARCH[0]), ("Time", shown(SEARCH[1]))))
        ),
    }


def read(path: Path) -> tuple[list[AnyRecord], ReadContext]:
    archive = Archive([path])
    detection = READER.detect(archive)
    assert detection is not None
    ctx = ReadContext()
    return list(READER.read(archive, detection, ctx)), ctx


def test_html_export_detected_as_html(make_zip: Callable[..., Path]) -> None:
    found = READER.detect(Archive([make_zip(html_export())]))
    assert found is not None and (found.generation, found.format) == ("instagram-2025", "html")


def test_html_records_match_json_records(make_zip: Callable[..., Path]) -> None:
    """The same account read from HTML and from JSON gives the same records and ids."""
    html_records, ctx = read(make_zip(html_export(), name="html.zip"))
    json_records, _ = read(make_zip(generation_2025(), name="json.zip"))
    assert ctx.skipped == []
    assert any("time zone" in note for note in ctx.notes)

    def key(records: list[AnyRecord]) -> set[tuple[str, str]]:
        return {(r.kind.value, r.id) for r in records if r.kind.value != "place"}

    assert key(html_records) == key(json_records)


def test_html_fields(make_zip: Callable[..., Path]) -> None:
    records, _ = read(make_zip(html_export()))
    relations = {(c.relation, c.person.handle) for c in records if isinstance(c, Connection)}
    assert (Relation.FOLLOWING, FOLLOWING[0][0]) in relations  # 2025: username from h2, not the _u/ link
    assert (Relation.FOLLOWER, FOLLOWERS[0][0]) in relations
    [profile] = [r for r in records if isinstance(r, Profile)]
    assert (profile.handle, profile.private, profile.emails) == (OWNER_HANDLE, True, ("sam@example.org",))
    [comment] = [r for r in records if isinstance(r, Comment)]
    assert comment.text == COMMENT[0] and comment.target_owner is not None
    assert comment.target_owner.handle == COMMENT[1]
    [like] = [r for r in records if isinstance(r, Reaction)]
    assert like.target_owner is not None and like.target_owner.handle == LIKE[0] and like.target_url == LIKE[2]
    [search] = [r for r in records if isinstance(r, Search)]
    assert search.person is not None and search.person.handle == SEARCH[0]
    [thread] = [r for r in records if isinstance(r, Thread)]
    assert [p.name for p in thread.participants] == ["Jane Doe"]
    assert [(m.text, m.from_owner) for m in thread.messages] == [(c, s == OWNER_NAME) for s, _, c in MESSAGES]
    posts = {(p.subkind, p.text) for p in records if isinstance(p, Post)}
    assert posts == {("post", POST[0]), ("post", MULTI[0]), ("story", STORY[0])}


def test_html_text_is_not_mojibake_repaired(make_zip: Callable[..., Path]) -> None:
    odd = "Ã© is how mojibake looks"
    files = {"your_instagram_activity/media/stories.html": page("Stories", box(h2(odd), shown(STORY[1])))}
    records, _ = read(make_zip(files))
    assert [p.text for p in records if isinstance(p, Post)] == [odd]


def test_html_minute_precision_dates(make_zip: Callable[..., Path]) -> None:
    """Some pages show minutes only (``Jul 25, 2026 1:28 pm``): the time is kept to the minute."""
    user, when = FOLLOWING[0]
    inner = (
        f'{h2(user)}<div class="_3-95 _a6-p"><div><div><a href="https://www.instagram.com/_u/{user}">'
        f"https://www.instagram.com/_u/{user}</a></div><div>{shown(when, seconds=False)}</div></div></div>"
    )
    files = {"connections/followers_and_following/following.html": page("Following", box(inner))}
    records, _ = read(make_zip(files))
    [following] = [r for r in records if isinstance(r, Connection)]
    assert following.timestamp == datetime.fromtimestamp(when, tz=UTC)


@pytest.mark.parametrize("broken", ["<html><body><p>nothing here</p></body></html>", "\x00\x01garbage"])
def test_html_pages_without_records_give_nothing(broken: str, make_zip: Callable[..., Path]) -> None:
    files = {
        "connections/followers_and_following/followers_1.html": broken,
        "personal_information/personal_information/personal_information.html": broken,
    }
    records, ctx = read(make_zip(files))
    assert records == [] and ctx.skipped == []


@pytest.mark.parametrize("empty", ["", "  \n\t "])
def test_empty_html_pages_are_listed_as_skipped(empty: str, make_zip: Callable[..., Path]) -> None:
    files = {"connections/followers_and_following/followers_1.html": empty}
    records, ctx = read(make_zip(files))
    assert records == []
    assert [(s.path.split(":")[-1], s.reason.split(";")[0]) for s in ctx.skipped] == [
        ("connections/followers_and_following/followers_1.html", "is empty")
    ]
