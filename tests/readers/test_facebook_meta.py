"""Shared Meta helpers (scanner/readers/meta.py) and Facebook title parsing, table-driven."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from scanner.readers.facebook.records import Owner, author_from_title, group_from_title, target_from_title
from scanner.readers.meta import (
    canonical_name,
    fix_mojibake,
    parse_bool,
    parse_display_date,
    parse_html_page,
    records_of,
    tail_matches,
    zone_from_text,
)

OWNER = Owner(name="Tess Dombrowski")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("T\u00c5\u0091ke Hal", "Tőke Hal"),
        ("D\u00c3\u00a9r D\u00c3\u00a9nes", "Dér Dénes"),
        ("\u00f0\u009f\u0098\u0082", "😂"),
        ("Tőke Hal", "Tőke Hal"),  # already correct: left alone
        ("plain ascii", "plain ascii"),
        ("caf\u00e9", "café"),  # a lone latin-1 char that is not a UTF-8 sequence stays
    ],
)
def test_fix_mojibake(raw: str, expected: str) -> None:
    assert fix_mojibake(raw) == expected


@pytest.mark.parametrize(
    ("data", "keys", "count"),
    [
        ([{"a": 1}, {"a": 2}, "junk"], (), 2),
        ({"friends_v2": [{"name": "A"}]}, ("friends_v2", "friends"), 1),
        ({"friends": [{"name": "A"}, {"name": "B"}]}, ("friends_v2", "friends"), 2),
        ({"timestamp": 1, "label_values": []}, ("checkins_v2",), 1),  # bare object = one record
        ({"something_new_v3": [{"name": "A"}]}, ("friends_v2",), 1),  # unknown wrapper key, one list
        ({"friends_v2": {"name": "A", "timestamp": 1}}, ("friends_v2",), 1),
        ("text", (), 0),
        (None, (), 0),
    ],
)
def test_records_of_unwraps_every_shape(data: Any, keys: tuple[str, ...], count: int) -> None:
    assert len(records_of(data, *keys)) == count


@pytest.mark.parametrize(
    ("path", "tail", "matches"),
    [
        ("connections/followers/who_you've_followed.json", "followers/who_you_ve_followed", True),
        ("connections/followers/who_you_ve_followed.html", "followers/who_you've_followed", True),
        (
            "wrap/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_3.json",
            "posts/your_posts__check_ins__photos_and_videos",
            True,
        ),
        ("posts/your_posts.json", "posts/your_posts", True),
        ("my_posts/your_posts.json", "posts/your_posts", False),  # folder-aligned
        ("friends/friends.json", "friends/your_friends", False),
    ],
)
def test_tail_matches(path: str, tail: str, matches: bool) -> None:
    assert tail_matches(path, tail) is matches


def test_canonical_name() -> None:
    assert canonical_name("Security/Where_You’re_Logged_In.JSON") == "security/where_you_re_logged_in"
    assert canonical_name("messages/inbox/a_1/message_12.html") == "messages/inbox/a_1/message"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov 08, 2005 4:19:54 am", datetime(2005, 11, 8, 4, 19, 54, tzinfo=UTC)),
        ("Jun 04, 2025 6:46:10 pm", datetime(2025, 6, 4, 18, 46, 10, tzinfo=UTC)),
        ("Jun 4, 2025, 6:46 PM", datetime(2025, 6, 4, 18, 46, tzinfo=UTC)),
        ("4 juni 2025 18:46", datetime(2025, 6, 4, 18, 46, tzinfo=UTC)),
        ("26. Okt. 2025, 14:00", datetime(2025, 10, 26, 14, 0, tzinfo=UTC)),
        ("mercredi 4 juin 2025 à 18:46", datetime(2025, 6, 4, 18, 46, tzinfo=UTC)),
        ("4 giugno 2025 alle 18:46", datetime(2025, 6, 4, 18, 46, tzinfo=UTC)),
        ("not a date", None),
        ("", None),
    ],
)
def test_parse_display_date(text: str, expected: datetime | None) -> None:
    assert parse_display_date(text) == expected


def test_parse_display_date_in_account_zone() -> None:
    zone = ZoneInfo("Europe/Budapest")
    assert parse_display_date("Jan 10, 2024 9:00:00 am", zone) == datetime(2024, 1, 10, 8, 0, tzinfo=UTC)
    assert zone_from_text('{"timezone_v2": "Europe/Budapest"}') == zone
    assert zone_from_text("no zone here") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("On", True),
        ("Off", False),
        ("True", True),
        ("Aan", True),
        ("Uit", False),
        (True, True),
        ("maybe", None),
        (3, None),
    ],
)
def test_parse_bool(value: Any, expected: bool | None) -> None:
    assert parse_bool(value) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Tess Dombrowski commented on Jane Doe's post.", "Jane Doe"),
        ("Tess Dombrowski replied to Hope M. Alvarado's comment.", "Hope M. Alvarado"),
        ("Tess Dombrowski likes Grace Hollis's photo.", "Grace Hollis"),
        ("Tess Dombrowski liked James' video.", "James"),
        ("Tess Dombrowski reacted ❤️ to Ray Castellano's post.", "Ray Castellano"),
        ("Tess Dombrowski reacted to Summer Mercer-Hill's post.", "Summer Mercer-Hill"),
        ("Tess Dombrowski commented on her own post.", "Tess Dombrowski"),
        ("Tess Dombrowski commented on your post.", "Tess Dombrowski"),
        ("Tess Dombrowski commented on a post.", None),
        ("A Davide piace il commento di Luca.", "Luca"),
        ("Davide ha risposto al commento di Emanuele.", "Emanuele"),
        ('Mario ha aggiunto "Love" alla storia di Giusy.', "Giusy"),
        ("", None),
    ],
)
def test_target_from_title(title: str, expected: str | None) -> None:
    target = target_from_title(title, OWNER)
    assert (target.name if target else None) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Faith Ndiaye tagged Tess Dombrowski at Riverbend Clinic.", "Faith Ndiaye"),
        ("Mai Nguyen tagged Tess Dombrowski in a photo at Bánh Mì Mai.", "Mai Nguyen"),
        ("Tess Dombrowski tagged Mark in a post.", None),
        ("Tess Dombrowski updated their status.", None),
        ("Jane Doe wrote on your timeline.", "Jane Doe"),
    ],
)
def test_author_from_title(title: str, expected: str | None) -> None:
    author = author_from_title(title, OWNER)
    assert (author.name if author else None) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("You became a member of A Group.", "A Group"),
        ("Tess Dombrowski joined the group Grief Support – Cedar Bend Area.", "Grief Support – Cedar Bend Area"),
        ("Tess Dombrowski joined the group Moms Inc..", "Moms Inc."),
        ("Sei diventato membro del gruppo Amici del Pane.", "Amici del Pane"),
        ("Sourdough Nerds", "Sourdough Nerds"),
    ],
)
def test_group_from_title(title: str, expected: str) -> None:
    assert group_from_title(title) == expected


def test_html_page_split_by_structure_legacy_and_new() -> None:
    legacy = (
        '<html><body><div role="main">'
        '<div class="pam"><div class="a">Jane Doe</div><div class="b"><div>hello<br>there</div></div>'
        '<div class="c">Jun 04, 2019 6:46:10 pm</div></div>'
        '<div class="pam"><div class="a">Bob</div><div class="b">hi</div>'
        '<div class="c">Jun 05, 2019 6:46:10 pm</div></div></div></body></html>'
    )
    page = parse_html_page(legacy)
    assert [(r.title, r.text, r.date) for r in page.records] == [
        ("Jane Doe", "hello\nthere", "Jun 04, 2019 6:46:10 pm"),
        ("Bob", "hi", "Jun 05, 2019 6:46:10 pm"),
    ]
    nested = (
        "<html><head><title>T</title></head><body><main><section><h2>Outer</h2>"
        "<section><h2>Inner</h2><div>x &amp; y</div><table><tr><td>Place</td><td>Café</td></tr></table>"
        "<footer><div>Jun 04, 2025 6:46:10 pm</div></footer></section></section></main></body></html>"
    )
    page = parse_html_page(nested)
    assert page.title == "T"
    (record,) = page.records
    assert (record.title, record.text, record.row("place")) == ("Inner", "x & y", "Café")
