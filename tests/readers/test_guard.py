"""Shape errors versus reader bugs (``scanner/readers/guard.py``).

A value of the wrong shape in a file leaves out its entry (or its file) as "unexpected structure"; a bug in
our own reader code must not pass for that: the file is reported as not read because of an internal error,
named, counted, and the traceback goes to the ``--debug`` log.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import pytest
from bs4 import BeautifulSoup

from scanner.archive import Archive
from scanner.detect import detect
from scanner.pipeline import scan
from scanner.readers import ReadContext
from scanner.readers.facebook import json_files as fb_json
from scanner.readers.guard import INTERNAL_ERRORS, ShapeError, is_shape_error
from scanner.readers.instagram import records as instagram_records
from scanner.readers.linkedin import files as linkedin_files
from scanner.readers.x import reader as x_reader
from scanner.records import Kind, Person


def _raised(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except Exception as exc:
        return exc
    raise AssertionError("no exception")


def _takes_nothing() -> None:
    """A function called with an argument it does not take (a bug in the caller)."""


VALUE: Any = None
NUMBER: Any = 1
TEXT: Any = "a"
PERSON: Any = Person(name="Sam Smith")
LIST: Any = [1]
OBJECT: Any = {}
MISSING = "no_such_function"
HTML_TEXT: Any = BeautifulSoup("<p>only text</p>", "html.parser").p.contents[0]

SHAPE = [
    ("null where an object belongs", lambda: VALUE.get("name")),
    ("a string where a number belongs", lambda: TEXT + NUMBER),
    ("a number where a string belongs", lambda: NUMBER.strip()),
    ("a list indexed by a key", lambda: LIST["a"]),
    ("not a number", lambda: int("ten")),
    ("a missing key", lambda: OBJECT["name"]),
    ("an absurd date", lambda: __import__("datetime").datetime.fromtimestamp(1e20)),
    ("len of a number", lambda: len(NUMBER)),
    ("the reader's own check", lambda: (_ for _ in ()).throw(ShapeError("not an entry"))),
    ("text where an HTML element belongs", lambda: HTML_TEXT.find_all("td")),
]
BUGS = [
    ("an attribute our own record lacks", lambda: PERSON.nickname),
    ("a call with an argument the function does not take", lambda: _takes_nothing(1)),  # type: ignore[call-arg]
    ("a keyword the function does not take", lambda: _takes_nothing(source="x")),  # type: ignore[call-arg]
    ("our own object indexed", lambda: PERSON["name"]),
    ("a name that does not exist", lambda: undefined_name),  # type: ignore[name-defined]  # noqa: F821
    ("a module attribute that does not exist", lambda: getattr(json, MISSING)),
    ("calling a value", lambda: VALUE()),
]


@pytest.mark.parametrize(("what", "action"), SHAPE, ids=[w for w, _ in SHAPE])
def test_errors_about_values_of_the_file_are_shape_errors(what: str, action: Callable[[], object]) -> None:
    assert is_shape_error(_raised(action)), what


@pytest.mark.parametrize(("what", "action"), BUGS, ids=[w for w, _ in BUGS])
def test_errors_about_our_own_code_are_bugs(what: str, action: Callable[[], object]) -> None:
    assert not is_shape_error(_raised(action)), what


def _bug(*args: object, **kwargs: object) -> object:
    return _takes_nothing(*args)  # type: ignore[func-returns-value]


def _internal(reason: str) -> bool:
    return (
        reason.startswith("could not be read because of an internal error in boundary-audit (TypeError at scanner/")
        and "please report it" in reason
    )


def _skips(result: Any) -> dict[str, str]:
    return {s.path.split(":", 1)[-1]: s.reason for src in result.sources for s in src.skipped}


TWEETS = "data/tweets.js"
MANIFEST = 'window.__THAR_CONFIG = {"userInfo": {"accountId": "1", "userName": "me"}}'


def _tweets(n: int) -> str:
    items = [
        {
            "tweet": {
                "id_str": str(1700000000000000000 + i),
                "full_text": f"post {i}",
                "created_at": "Sat Aug 12 16:10:37 +0000 2023",
            }
        }
        for i in range(n)
    ]
    return "window.YTD.tweets.part0 = " + json.dumps(items)


def test_a_bug_in_an_entry_builder_is_an_internal_error_not_left_out_entries(
    make_zip: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(x_reader, "tweet_post", _bug)
    follower = 'window.YTD.follower.part0 = [{"follower": {"accountId": "42"}}]'
    path = make_zip({"data/manifest.js": MANIFEST, TWEETS: _tweets(3), "data/follower.js": follower})
    with caplog.at_level(logging.DEBUG, logger="scanner.readers.guard"):
        result = scan([path])
    [source] = result.sources
    assert _internal(_skips(result)[TWEETS]), _skips(result)
    assert "x/reader.py" in _skips(result)[TWEETS]
    assert not any("unexpected structure" in n or "could not be read (" in n for n in source.notes)
    assert source.counts.get(Kind.CONNECTION.value) == 1  # the other files are still read
    assert any(r.exc_info and "reader bug" in r.getMessage() for r in caplog.records)
    ctx = ReadContext()
    with Archive([path]) as archive:
        found = detect(archive)
        list(found.reader.read(archive, found.detection, ctx))
    assert ctx.stats[INTERNAL_ERRORS] == 1


def test_the_same_entry_with_a_value_of_the_wrong_shape_is_left_out_alone(
    make_zip: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = x_reader.tweet_post

    def shaped(raw: dict[str, Any], **kwargs: Any) -> Any:
        if raw["full_text"] == "post 1":
            raw["full_text"] + 1  # a number where the reader expects text
        return real(raw, **kwargs)

    monkeypatch.setattr(x_reader, "tweet_post", shaped)
    result = scan([make_zip({"data/manifest.js": MANIFEST, TWEETS: _tweets(3)})])
    [source] = result.sources
    assert source.counts.get(Kind.POST.value) == 2 and not source.skipped
    assert any(n.startswith("1 entry in ") and "unexpected structure" in n for n in source.notes)


FRIENDS = "connections/friends/your_friends.json"
FOLLOWERS = "connections/followers_and_following/followers_1.json"


@pytest.mark.parametrize(
    ("module", "name", "files", "broken", "kept"),
    [
        (
            fb_json,
            "PARSERS",
            {
                FRIENDS: {"friends_v2": [{"name": "Sam Smith", "timestamp": 1600000000}]},
                "your_facebook_activity/posts/your_posts_1.json": [
                    {"timestamp": 1600000000, "data": [{"post": "hello"}]}
                ],
            },
            "your_facebook_activity/posts/your_posts_1.json",
            Kind.CONNECTION,
        ),
        (
            instagram_records,
            "relations",
            {
                FOLLOWERS: [
                    {
                        "string_list_data": [
                            {"href": "https://www.instagram.com/sam", "value": "sam", "timestamp": 1600000000}
                        ]
                    }
                ],
                "your_instagram_activity/likes/liked_posts.json": {
                    "likes_media_likes": [
                        {
                            "title": "sam",
                            "string_list_data": [{"href": "https://www.instagram.com/p/1", "timestamp": 1600000000}],
                        }
                    ]
                },
            },
            FOLLOWERS,
            Kind.REACTION,
        ),
        (
            linkedin_files,
            "shares",
            {
                "Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                "Sam,Smith,https://www.linkedin.com/in/samsmith,,,,12 Mar 2021\n",
                "Shares.csv": "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
                "2021-03-12 10:00:00,https://www.linkedin.com/feed/1,hello,,,MEMBER_NETWORK\n",
            },
            "Shares.csv",
            Kind.CONNECTION,
        ),
    ],
    ids=["facebook", "instagram", "linkedin"],
)
def test_a_bug_while_reading_a_file_names_the_file_and_the_rest_is_read(
    make_zip: Any,
    monkeypatch: pytest.MonkeyPatch,
    module: Any,
    name: str,
    files: dict[str, Any],
    broken: str,
    kept: Kind,
) -> None:
    if name == "PARSERS":  # Facebook's route table: break the posts parser
        monkeypatch.setitem(module.PARSERS, "posts", _bug)
    else:
        monkeypatch.setattr(module, name, _bug)
    result = scan([make_zip(files)])
    [source] = result.sources
    assert _internal(_skips(result)[broken]), _skips(result)
    assert source.counts.get(kept.value, 0) >= 1
    assert not [e for e in result.errors if "stopped early" in e.message]
