"""Facebook files the reader once missed (issue 19): 2020–22 followers, generation detection, uploaded
address books, photo / video / album / story captions, security and session files.

Fixtures are small files written here in the real shapes (Meta's ``\\u00XX`` escaping included), zipped on
the fly.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from checks.account_security import AccountSecurityCheck
from scanner.archive import Archive
from scanner.clients import load_clients
from scanner.pipeline import ScanOptions, scan
from scanner.readers.facebook.reader import FacebookReader
from scanner.records import Connection, Place, Post, Relation, Setting, Thread
from tests.readers.test_facebook import OWNER, T0, MakeZip, iso, meta_json, of, read

G2 = {
    "profile_information/profile_information.json": meta_json(
        {"profile_v2": {"name": {"full_name": OWNER}, "username": "jeno.kovacs"}}
    ),
    "friends_and_followers/friends.json": meta_json({"friends_v2": [{"name": "Jane Doe", "timestamp": T0}]}),
    "friends_and_followers/people_who_follow_you.json": meta_json(
        {"followers_v2": [{"name": "Ada Follower", "timestamp": T0 - 10}, {"name": "Béla Kis", "timestamp": T0 - 20}]}
    ),
    "apps_and_websites_off_of_facebook/apps_and_websites.json": meta_json({"installed_apps_v2": []}),
}


def test_2020_22_followers_file_is_read(make_zip: MakeZip) -> None:
    _, _, ctx, records = read([make_zip(G2)])
    followers = {c.person.name: c for c in of(records, Connection) if c.relation is Relation.FOLLOWER}
    assert set(followers) == {"Ada Follower", "Béla Kis"}
    assert followers["Ada Follower"].timestamp == iso(T0 - 10)
    assert ctx.skipped == []


@pytest.mark.parametrize(
    ("files", "generation"),
    [
        # 2020–22 exports also hold apps_and_websites_off_of_facebook/: the friends_and_followers/ folder decides
        (G2, "facebook-2021"),
        (
            {
                "apps_and_websites_off_of_facebook/connected_apps_and_websites.json": "{}",
                "comments_and_reactions/comments.json": "{}",
            },
            "facebook-2021",
        ),
        (
            {
                "apps_and_websites_off_of_facebook/connected_apps_and_websites.json": "{}",
                "connections/friends/your_friends.json": "{}",
            },
            "facebook-2024",
        ),
        (
            {
                "apps_and_websites_off_of_facebook/connected_apps_and_websites.json": "{}",
                "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": "[]",
            },
            "facebook-2024",
        ),
    ],
)
def test_generation_is_decided_by_folders_only_one_generation_has(
    make_zip: MakeZip, files: dict[str, Any], generation: str
) -> None:
    with Archive([make_zip(files)]) as archive:
        detection = FacebookReader().detect(archive)
    assert detection is not None and detection.generation == generation


ADDRESS_BOOK = {
    "address_book_v2": {
        "address_book": [
            {"name": "Jessica Harper", "details": [{"contact_point": "+15550100"}], "created_timestamp": T0},
            {"name": "Zoé Martin", "details": [{"contact_point": "zoe@example.org"}], "created_timestamp": T0},
            {"details": [{"contact_point": "+15550199"}]},  # no name: nothing to match
        ]
    }
}


def test_address_book_gives_contacts_and_a_synced_contacts_setting(make_zip: MakeZip) -> None:
    files = {**G2, "other_personal_information/your_address_books.json": meta_json(ADDRESS_BOOK)}
    _, _, ctx, records = read([make_zip(files)])
    contacts = [c for c in of(records, Connection) if c.relation is Relation.CONTACT]
    assert sorted(c.person.name for c in contacts) == ["Jessica Harper", "Zoé Martin"]
    synced = [s for s in of(records, Setting) if s.name == "synced_contacts"]
    assert len(synced) == 1 and synced[0].enabled and synced[0].value == "2"
    assert ctx.skipped == []


def test_address_book_html_2020_22(make_zip: MakeZip) -> None:
    box = (
        '<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><div class="_3-95 _2pim _a6-h _a6-i">'
        '{name}</div><div class="_3-95 _a6-p"><div><div>{detail}</div></div></div></div>'
    )
    page = (
        '<html><head><title>Your address books</title></head><body><div role="main">'
        + box.format(name="Jessica Harper", detail="+15550100")
        + box.format(name="Tom Lee", detail="t@x.org")
        + "</div></body></html>"
    )
    files = {
        "friends_and_followers/friends.html": "<html><body><div role='main'></div></body></html>",
        "other_personal_information/your_address_books.html": page,
    }
    _, fmt, _, records = read([make_zip(files)])
    assert fmt == "html"
    contacts = {c.person.name for c in of(records, Connection) if c.relation is Relation.CONTACT}
    assert contacts == {"Jessica Harper", "Tom Lee"}


def test_client_in_facebook_address_book_is_reported(make_zip: MakeZip, tmp_path: Path) -> None:
    files = {**G2, "other_personal_information/your_address_books.json": meta_json(ADDRESS_BOOK)}
    clients_csv = tmp_path / "clients.csv"
    clients_csv.write_text("id,name\nC1,Jessica Harper\nC2,Pat Nobody\n", encoding="utf-8")
    result = scan([make_zip(files)], ScanOptions(clients=load_clients(clients_csv), checks=(AccountSecurityCheck,)))
    found = [f for f in result.findings if "contacts you uploaded" in f.title]
    assert [c.id for f in found for c in f.clients] == ["C1"]


PHOTOS = {
    "other_photos_v2": [
        {
            "uri": "photos_and_videos/Uploads/1.jpg",
            "creation_timestamp": T0 + 1,
            "title": "",
            "description": "Team day at Riverside Clinic 😊",
            "tags": [{"name": "Jane Doe"}],
            "place": {"name": "Riverside Clinic", "coordinate": {"latitude": 47.5, "longitude": 19.0}},
        },
        {"uri": "photos_and_videos/Uploads/2.jpg", "creation_timestamp": T0 + 2},  # no caption: no record
    ]
}
VIDEOS = {"videos_v2": [{"uri": "v/1.mp4", "creation_timestamp": T0 + 3, "description": "my first 5k"}]}
STORIES = {"archived_stories_v2": [{"uri": "s/1.jpg", "creation_timestamp": T0 + 4, "title": "long shift today"}]}
ALBUM = {
    "name": "Clinic opening",
    "description": "We opened the new wing",
    "last_modified_timestamp": T0 + 5,
    "photos": [{"uri": "a/1.jpg", "creation_timestamp": T0 + 6, "description": "ribbon cutting with Bob Smith"}],
}


def test_photo_video_album_and_story_captions_are_posts(make_zip: MakeZip) -> None:
    files = {
        **G2,
        "posts/your_uncategorized_photos.json": meta_json(PHOTOS),
        "posts/your_videos.json": meta_json(VIDEOS),
        "stories/archived_stories.json": meta_json(STORIES),
        "posts/album/0.json": meta_json(ALBUM),
    }
    _, _, ctx, records = read([make_zip(files)])
    posts = {p.text: p for p in of(records, Post)}
    photo = posts["Team day at Riverside Clinic 😊"]
    assert (photo.subkind, photo.place, photo.timestamp) == ("caption", "Riverside Clinic", iso(T0 + 1))
    assert [t.name for t in photo.tags] == ["Jane Doe"]
    assert posts["my first 5k"].subkind == "caption"
    assert posts["long shift today"].subkind == "story"
    assert posts["We opened the new wing"].subkind == "album"
    assert posts["ribbon cutting with Bob Smith"].timestamp == iso(T0 + 6)
    assert len(of(records, Post)) == 5
    assert [p.name for p in of(records, Place)] == ["Riverside Clinic"]
    assert ctx.skipped == []


def _html_page(title: str, boxes: list[str]) -> str:
    return f"<html><head><title>{title}</title></head><body><main>{''.join(boxes)}</main></body></html>"


def test_media_captions_in_html_2024(make_zip: MakeZip) -> None:
    def section(text: str, date: str) -> str:
        return f"<section><h2>Jenő Kovács</h2><div>{text}</div><footer>{date}</footer></section>"

    files = {
        "your_facebook_activity/posts/your_photos.html": _html_page(
            "Your photos", [section("Back at the clinic tomorrow", "Nov 14, 2023 10:13:20 pm")]
        ),
        "your_facebook_activity/posts/your_videos.html": _html_page(
            "Your videos", [section("Marathon finish line", "Nov 15, 2023 10:13:20 pm")]
        ),
        "your_facebook_activity/stories/archived_stories.html": _html_page(
            "Archived stories", [section("Coffee before group", "Nov 16, 2023 10:13:20 pm")]
        ),
        "your_facebook_activity/posts/album/1.html": _html_page(
            "Holidays", [section("Lake view", "Nov 17, 2023 10:13:20 pm")]
        ),
    }
    _, fmt, _, records = read([make_zip(files)])
    assert fmt == "html"
    posts = {p.text: p for p in of(records, Post)}
    assert posts["Back at the clinic tomorrow"].subkind == "caption"
    assert posts["Back at the clinic tomorrow"].timestamp == iso(T0)
    assert posts["Coffee before group"].subkind == "story"
    assert {"Marathon finish line", "Lake view"} <= set(posts)


SECURITY = {
    "security_and_login_information/authorized_logins.json": meta_json(
        {
            "recognized_devices_v2": [
                {
                    "name": f"Chrome on Mac {i}",
                    "created_timestamp": T0 + i,
                    "updated_timestamp": T0 + i,
                    "ip_address": "203.0.113.5",
                    "user_agent": "Mozilla/5.0",
                }
                for i in range(6)
            ]
        }
    ),
    "security_and_login_information/logins_and_logouts.json": meta_json(
        {
            "account_accesses_v2": [
                {"action": "Login", "timestamp": T0, "site": "www.facebook.com", "ip_address": "203.0.113.5"},
                {"action": "Log Out", "timestamp": T0 + 60, "site": "www.facebook.com", "ip_address": "203.0.113.5"},
            ]
        }
    ),
    "security_and_login_information/login_protection_data.json": meta_json(
        {
            "login_protection_data_v2": [
                {"name": "Cookie", "session": {"created_timestamp": T0 - 5, "ip_address": "198.51.100.1"}}
            ]
        }
    ),
    "security_and_login_information/mobile_devices.json": meta_json(
        {"devices_v2": [{"type": "IPHONE", "os": "iOS 16", "update_time": T0}]}
    ),
    "security_and_login_information/account_activity.json": meta_json(
        {
            "account_activity_v2": [
                {
                    "action": "Session updated",
                    "timestamp": T0,
                    "ip_address": "203.0.113.5",
                    "city": "Szeged",
                    "country": "HU",
                    "site_name": "Facebook",
                }
            ]
        }
    ),
}


def test_security_files_2020_22(make_zip: MakeZip) -> None:
    _, _, ctx, records = read([make_zip({**G2, **SECURITY})])
    by_name = Counter(s.name for s in of(records, Setting))
    assert by_name["active_session"] == 6
    assert by_name["login"] == 4
    assert by_name["mobile_device"] == 1
    logout = next(s for s in of(records, Setting) if s.value == "Log Out")
    assert logout.enabled is False and logout.timestamp == iso(T0 + 60)
    assert ctx.skipped == []
    assert not [m for m in SECURITY if m not in ctx.read_members]


def test_many_recognized_devices_feed_account_security(make_zip: MakeZip) -> None:
    result = scan([make_zip({**G2, **SECURITY})], ScanOptions(checks=(AccountSecurityCheck,)))
    assert any("6 active Facebook sessions" in f.title for f in result.findings)


def test_security_html_2024(make_zip: MakeZip) -> None:
    def session(device: str, ip: str) -> str:
        return (
            f"<section><h2>{device}</h2><table><tr><td>IP address</td><td>{ip}</td></tr>"
            "<tr><td>Created</td><td>Nov 14, 2023 10:13:20 pm</td></tr></table></section>"
        )

    files = {
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html": _html_page("Posts", []),
        "security_and_login_information/where_you're_logged_in.html": _html_page(
            "Where you're logged in", [session("Firefox on Windows", "203.0.113.9"), session("iPhone", "1.2.3.4")]
        ),
        "security_and_login_information/logins_and_logouts.html": _html_page(
            "Logins and logouts",
            [
                "<section><h2>Login</h2><table><tr><td>IP address</td><td>203.0.113.9</td></tr></table>"
                "<footer>Nov 14, 2023 10:13:20 pm</footer></section>"
            ],
        ),
    }
    _, _, _, records = read([make_zip(files)])
    sessions = {s.value: s for s in of(records, Setting) if s.name == "active_session"}
    assert set(sessions) == {"Firefox on Windows", "iPhone"}
    assert sessions["iPhone"].timestamp == iso(T0) and "1.2.3.4" in (sessions["iPhone"].detail or "")
    login = next(s for s in of(records, Setting) if s.name == "login")
    assert (login.value, login.timestamp, login.enabled) == ("Login", iso(T0), True)


# ----------------------------------------------------------------------------- non-English HTML profiles
def _profile_rows(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows)
    return f"<section><h2>Profile</h2><table>{cells}</table></section>"


@pytest.mark.parametrize(
    ("body", "owner"),
    [
        (_profile_rows([("Nombre", "Lucía Fernández"), ("Nombre de usuario", "lucia.f")]), "Lucía Fernández"),
        (_profile_rows([("Nombre", "Lucía"), ("Apellidos", "Fernández")]), "Lucía Fernández"),
        (_profile_rows([("Prénom", "Élodie"), ("Nom", "Marchand")]), "Élodie Marchand"),
        (_profile_rows([("Vorname", "Jürgen"), ("Nachname", "Weiß")]), "Jürgen Weiß"),
        (_profile_rows([("Nome completo", "João Silva")]), "João Silva"),
        (_profile_rows([("Nome", "Giulia"), ("Cognome", "Rossi")]), "Giulia Rossi"),
        (_profile_rows([("Volledige naam", "Sanne de Vries")]), "Sanne de Vries"),
        (_profile_rows([("Full name", "Jenő Kovács")]), "Jenő Kovács"),
        # a bare table under the main element (no record box), label row above value row
        ("<div><table><tr><th>Nombre</th></tr><tr><td>Lucía Fernández</td></tr></table></div>", "Lucía Fernández"),
    ],
)
def test_html_profile_owner_in_the_export_language(make_zip: MakeZip, body: str, owner: str) -> None:
    thread = (
        "<html><head><title>{other}</title></head><body><div role='main'>"
        "<div class='_3b0d'>Participantes: {other} y {owner}</div>"
        "<div><div>{owner}</div><div>hola</div><div>14 nov 2023 22:13:20</div></div></div></body></html>"
    )
    files = {
        "profile_information/profile_information.html": f"<html><body><main>{body}</main></body></html>",
        "friends_and_followers/friends.html": "<html><body><div role='main'></div></body></html>",
        "messages/inbox/ana_1/message_1.html": thread.format(other="Ana Ruiz", owner=owner),
    }
    _, fmt, ctx, records = read([make_zip(files)])
    assert fmt == "html" and ctx.account.name == owner
    assert not [n for n in ctx.notes if "owner's name was not found" in n]
    (thread,) = [r for r in records if isinstance(r, Thread)]
    assert [p.name for p in thread.participants] == ["Ana Ruiz"]
    assert thread.messages[0].from_owner


# ----------------------------------------------------------------------------- legacy downloads (~2010–2017)
LEGACY_OWNER = "Maria Jones"


def _legacy_page(title: str, body: str) -> str:
    return (
        f'<html><head><title>{LEGACY_OWNER} - {title}</title></head><body><div class="nav"><ul>'
        '<li><a href="../index.htm">Profile</a></li><li><a href="wall.htm">Wall</a></li></ul></div>'
        f'<div class="contents"><h1>{LEGACY_OWNER}</h1>{body}</div>'
        '<div class="footer">Downloaded by Maria Jones on Monday, 6 March 2017 at 10:00 UTC+01</div></body></html>'
    )


LEGACY = {
    "facebook-mariajones/index.htm": _legacy_page(
        "Profile", "<table><tr><th>Name</th><td>Maria Jones</td></tr></table>"
    ),
    "facebook-mariajones/html/friends.htm": _legacy_page(
        "Friends",
        (
            "<h2>Friends</h2><ul><li>Jane Doe</li><li>Tom Lee (Tuesday, 3 June 2014 at 19:20 UTC+01)</li></ul>"
            "<h2>Sent Friend Requests</h2><ul><li>Ann Client</li></ul>"
            "<h2>Received Friend Requests</h2><ul><li>Bob Smith</li></ul>"
            "<h2>Removed Friends</h2><ul><li>Old Friend</li></ul>"
        ),
    ),
    "facebook-mariajones/html/wall.htm": _legacy_page(
        "Wall",
        (
            '<div><div class="meta">Wednesday, November 12, 2008 at 8:53pm UTC+01</div>Maria Jones updated her status.'
            '<div class="comment">long day at the clinic, three intakes</div>'
            '<div class="meta">Thursday, November 13, 2008 at 9:00am UTC+01</div>Jane Doe wrote on Maria Jones\'s wall.'
            '<div class="comment">see you at group tonight</div></div>'
        ),
    ),
    "facebook-mariajones/html/timeline.htm": _legacy_page(
        "Timeline",
        (
            '<div><p><div class="meta">Tuesday, 3 June 2014 at 19:20 UTC+01</div>'
            '<div class="comment">Proud of my patients this week</div></p></div>'
        ),
    ),
    "facebook-mariajones/html/messages.htm": _legacy_page(
        "Messages",
        (
            '<div><div class="thread">Bob Smith, Maria Jones'
            '<div class="message"><div class="message_header"><span class="user">Bob Smith</span>'
            '<span class="meta">Thursday, April 7, 2016 at 2:14pm UTC</span></div></div><p>Are you free Tuesday?</p>'
            '<div class="message"><div class="message_header"><span class="user">Maria Jones</span>'
            '<span class="meta">Thursday, April 7, 2016 at 2:20pm UTC</span></div></div><p>Let us talk in session</p>'
            "</div></div>"
        ),
    ),
}


def test_legacy_html_download_is_read(make_zip: MakeZip) -> None:
    generation, fmt, ctx, records = read([make_zip(LEGACY)])
    assert (generation, fmt) == ("facebook-legacy", "html")
    assert ctx.account.name == LEGACY_OWNER and ctx.skipped == []
    assert len(ctx.read_members) == len(LEGACY)  # every page is read: none listed as not understood
    people = {(c.person.name, c.relation) for c in of(records, Connection)}
    assert people == {
        ("Jane Doe", Relation.FRIEND),
        ("Tom Lee", Relation.FRIEND),
        ("Ann Client", Relation.REQUEST_SENT),
        ("Bob Smith", Relation.REQUEST_RECEIVED),
        ("Old Friend", Relation.REMOVED),
    }
    tom = next(c for c in of(records, Connection) if c.person.name == "Tom Lee")
    assert tom.timestamp == datetime(2014, 6, 3, 18, 20, tzinfo=UTC)  # UTC+01 applied as written
    posts = {p.text: p for p in of(records, Post)}
    assert set(posts) == {
        "long day at the clinic, three intakes",
        "see you at group tonight",
        "Proud of my patients this week",
    }
    assert posts["long day at the clinic, three intakes"].timestamp == datetime(2008, 11, 12, 19, 53, tzinfo=UTC)
    by_other = posts["see you at group tonight"]
    assert by_other.author is not None and by_other.author.name == "Jane Doe"
    (thread,) = [r for r in records if isinstance(r, Thread)]
    assert [p.name for p in thread.participants] == ["Bob Smith"]
    assert [(m.text, m.from_owner) for m in thread.messages] == [
        ("Are you free Tuesday?", False),
        ("Let us talk in session", True),
    ]


def test_legacy_thread_files_of_2016(make_zip: MakeZip) -> None:
    files = {
        "html/friends.htm": LEGACY["facebook-mariajones/html/friends.htm"],
        "messages/12.html": _legacy_page(
            "Conversation",
            (
                '<div class="thread"><h3>Conversation with Ann Client</h3>Participants: Ann Client'
                '<div class="message"><div class="message_header"><span class="user">Ann Client</span>'
                '<span class="meta">Thursday, April 7, 2016 at 2:14pm UTC</span></div></div><p>hello</p></div>'
            ),
        ),
    }
    _, _, ctx, records = read([make_zip(files)])
    (thread,) = [r for r in records if isinstance(r, Thread)]
    assert [p.name for p in thread.participants] == ["Ann Client"]
    assert ctx.skipped == []
