"""LinkedIn reader: layouts (2018 / 2020+), encodings, preambles, date formats, column drift, ids."""

from __future__ import annotations

import codecs
import collections
import json
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scanner.archive import Archive
from scanner.postnominals import strip_postnominals
from scanner.readers.base import Detection, ReadContext
from scanner.readers.csvsniff import file_key, read_table
from scanner.readers.linkedin.dates import parse_when
from scanner.readers.linkedin.files import audience, split_names
from scanner.readers.linkedin.reader import LinkedInReader
from scanner.records import AnyRecord, Audience, Connection, Post, Profile, Relation, Thread
from tests.conftest import EVAL_DEV, FORMATS, TOOLS, requires_shared

NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed it, see https://www.linkedin.com/x."\n'
    "\n"
)
OWNER = "Jane Roe, LCSW"


def utf16_tsv(rows: list[list[str]]) -> bytes:
    """A 2018-style UTF-16LE file with a BOM, TAB-separated, every field quoted."""
    text = "\n".join("\t".join(f'"{v}"' for v in row) for row in rows) + "\n"
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def read(path: Path) -> tuple[Detection, list[AnyRecord], ReadContext]:
    archive = Archive([path])
    detection = LinkedInReader().detect(archive)
    assert detection is not None
    ctx = ReadContext()
    return detection, list(LinkedInReader().read(archive, detection, ctx)), ctx


def of(records: list[AnyRecord], cls: type) -> list:
    return [r for r in records if isinstance(r, cls)]


EXPORT_2020 = {
    "Connections.csv": NOTES
    + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    + 'Ann,"Lee, RN",https://www.linkedin.com/in/ann-lee-rn,,"Acme, Inc.",Nurse,09 Oct 2024\n'
    + ",,,,,,\n",
    "Profile.csv": "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    'Jane,"Roe, LCSW",,,,Therapist at Example Clinic,Helping people.,Mental Health Care,,"Springfield, IL",'
    "[janeroe],[PERSONAL:https://jane.example],\n",
    "Positions.csv": "Company Name,Title,Description,Location,Started On,Finished On\n"
    "Example Clinic,Therapist,,Springfield,Jan 2016,\nOld Place,Intern,,,Jun 2014,Aug 2015\n",
    "Email Addresses.csv": "Email Address,Confirmed,Primary,Updated On\njane@example.org,Yes,Yes,\n",
    "PhoneNumbers.csv": "Extension,Number,Type\n,+1 555 0100,Mobile\n",
    "Invitations.csv": "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    f'Bob Stone,"{OWNER}","9/27/25, 8:41 AM",,INCOMING,https://www.linkedin.com/in/bob-stone,'
    "https://www.linkedin.com/in/jane-roe-lcsw\n"
    f'"{OWNER}",Cy Twill,"9/28/25, 9:00 AM",,OUTGOING,https://www.linkedin.com/in/jane-roe-lcsw,\n',
    "messages.csv": "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
    "SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n"
    f'2-abc,,"{OWNER}",https://www.linkedin.com/in/jane-roe-lcsw,Bob Stone,https://www.linkedin.com/in/bob-stone,'
    "2024-03-12 21:00:33 UTC,,Reply text,INBOX,\n"
    f'2-abc,,Bob Stone,https://www.linkedin.com/in/bob-stone,"{OWNER}",https://www.linkedin.com/in/jane-roe-lcsw,'
    "2024-03-12 15:00:10 UTC,,First text,INBOX,\n",
    "Shares.csv": "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
    '2025-09-22 21:06:44,https://www.linkedin.com/feed/update/urn:li:share:1,"Line one\n""quoted""",,,PUBLIC\n'
    "2025-09-23 08:00:00,https://www.linkedin.com/feed/update/urn:li:share:2,Network only,,,MEMBER_NETWORK\n",
    "Comments.csv": 'Date,Link,Message\n2023-06-06 17:20:00,https://www.linkedin.com/feed/update/1,"Nice, well done"\n',
    "Reactions.csv": "Date,Type,Link\n2023-09-27 13:30:00,LIKE,https://www.linkedin.com/feed/update/2\n",
    "Member_Follows.csv": "Date,Status,FullName\n"
    '"9/10/21, 6:55 PM",Active,Some Org\n"9/11/21, 6:55 PM",Inactive,Gone\n',
}

SHARES_2018_HEADER = ["Date", "Share Title", "Share Description", "Share Link", "Share Commentary"]
SHARES_2018_HEADER += ["Shared URL", "Media URL", "Type", "Visibility"]
ACTIVITY = "https://www.linkedin.com/feed/update/urn:li:activity:"

EXPORT_2018 = {
    "Connections.csv": "First Name,Last Name,Email Address,Company,Position,Connected On\n"
    'Ann,"Lee, RN",,"Acme, Inc.",Nurse,"10/9/24, 6:14 PM"\n',
    "Profile.csv": "First Name,Last Name,Maiden Name,Address,Birth Date,Contact Instructions,Headline,Summary,"
    "Industry,Country,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    'Jane,"Roe, LCSW",,,,,Therapist at Example Clinic,,,us,,,,,\n',
    "Invitations.csv": f'From,To,Sent At,Message,Direction\nBob Stone,"{OWNER}","9/27/25, 8:41 AM",,INCOMING\n'
    f'"{OWNER}",Cy Twill,"9/28/25, 9:00 AM",,OUTGOING\n',
    "Messages.csv": "From,To,Date,Subject,Content,Direction,Folder\n"
    f'"{OWNER}",Bob Stone,"3/12/24, 9:00 PM",,Reply text,OUTGOING,INBOX\n'
    f'Bob Stone,"{OWNER}","3/12/24, 3:00 PM",,First text,INCOMING,INBOX\n',
    "Shares.csv": utf16_tsv(
        [
            [*SHARES_2018_HEADER],
            ["2025/09/22 21:06:44 UTC", "", "", f"{ACTIVITY}9", 'Line one\n""quoted""', "", "", "Homepage", "Public"],
            ["2025/09/23 08:00:00 UTC", "", "", f"{ACTIVITY}8", "Network only", "", "", "Homepage", "Connections"],
        ]
    ),
    "Comments.csv": EXPORT_2020["Comments.csv"],
    "Reactions.csv": EXPORT_2020["Reactions.csv"],
}


# ------------------------------------------------------------------------------------------------ dates
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12 Mar 2021", datetime(2021, 3, 12, tzinfo=UTC)),
        ("09 Oct 2024", datetime(2024, 10, 9, tzinfo=UTC)),
        ("1/8/18, 6:14 PM", datetime(2018, 1, 8, 18, 14, tzinfo=UTC)),
        ("10/16/18, 8:36 AM", datetime(2018, 10, 16, 8, 36, tzinfo=UTC)),
        ("9/27/25, 8:41\u202fam", datetime(2025, 9, 27, 8, 41, tzinfo=UTC)),
        ("2021-03-12", datetime(2021, 3, 12, tzinfo=UTC)),
        ("2021-03-12 14:05:33 UTC", datetime(2021, 3, 12, 14, 5, 33, tzinfo=UTC)),
        ("2025-09-22 21:06:44", datetime(2025, 9, 22, 21, 6, 44, tzinfo=UTC)),
        ("2021-03-12T09:05:33-05:00", datetime(2021, 3, 12, 14, 5, 33, tzinfo=UTC)),
        ("2021-03-12T14:05:33.250Z", datetime(2021, 3, 12, 14, 5, 33, tzinfo=UTC)),
        ("2017/06/08 08:15:44 UTC", datetime(2017, 6, 8, 8, 15, 44, tzinfo=UTC)),
        ("Sat Sep 05 08:12:14 UTC 2026", datetime(2026, 9, 5, 8, 12, 14, tzinfo=UTC)),
        ("Feb 17, 1998", datetime(1998, 2, 17, tzinfo=UTC)),
        ("Jun 2018", datetime(2018, 6, 1, tzinfo=UTC)),
        ("2004", datetime(2004, 1, 1, tzinfo=UTC)),
        ("", None),
        ("Active", None),
        ("13/45/20", None),
    ],
)
def test_parse_when(value: str, expected: datetime | None) -> None:
    assert parse_when(value) == expected


# ------------------------------------------------------------------------------------------------ csv
@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Phone Numbers.csv", "phonenumbers"),
        ("PhoneNumbers.csv", "phonenumbers"),
        ("Shares_17529409.csv", "shares"),
        ("Member_Follows.csv", "memberfollows"),
        ("following_accounts (1).csv", "followingaccounts"),
        ("export/Email Addresses.csv", "emailaddresses"),
    ],
)
def test_file_key(name: str, key: str) -> None:
    assert file_key(name) == key


def test_read_table_finds_header_after_preamble_and_drops_empty_rows() -> None:
    table = read_table(EXPORT_2020["Connections.csv"], known=("First Name", "Connected On"))
    assert table.header_line == 3
    assert table.columns[0] == "First Name"
    assert len(table.rows) == 1
    assert table.rows[0].get("company") == "Acme, Inc."
    assert table.rows[0].get("CONNECTED_ON") == "09 Oct 2024"


def test_read_table_sniffs_tabs_and_backslash_quotes() -> None:
    tabbed = read_table('"A"\t"B"\n"x, y"\t"z"\n', known=("A",))
    assert tabbed.delimiter == "\t"
    assert tabbed.rows[0].get("a") == "x, y"
    escaped = read_table('Date,Link,Message\n2023-01-01,l,"He said \\"hi\\", ok"\n', known=("Message",))
    assert escaped.rows[0].get("Message") == 'He said "hi", ok'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("PUBLIC", Audience.PUBLIC),
        ("Public", Audience.PUBLIC),
        ("anyone", Audience.PUBLIC),
        ("MEMBER_NETWORK", Audience.FRIENDS),
        ("CONNECTIONS", Audience.FRIENDS),
        ("Connections", Audience.FRIENDS),
        ("", Audience.UNKNOWN),
        ("GROUP", Audience.UNKNOWN),
    ],
)
def test_visibility(value: str, expected: Audience) -> None:
    assert audience(value) is expected


@pytest.mark.parametrize(
    ("value", "expected", "names"),
    [
        ("Bob Stone", 1, ["Bob Stone"]),
        ("Jane Roe, LCSW", 1, ["Jane Roe, LCSW"]),
        ("Jane Roe, LCSW, Bob Stone", 2, ["Jane Roe, LCSW", "Bob Stone"]),
        ("Ann Lee, PhD, Bob Stone", 0, ["Ann Lee, PhD", "Bob Stone"]),
        ("Odd, Name, Here", 2, ["Odd, Name, Here"]),
    ],
)
def test_split_names(value: str, expected: int, names: list[str]) -> None:
    assert split_names(value, expected) == names


# ------------------------------------------------------------------------------------------------ layouts
def test_2020_export(make_zip: Callable[..., Path]) -> None:
    detection, records, ctx = read(make_zip(EXPORT_2020, "Basic_LinkedInDataExport_10-28-2025.zip"))
    assert (detection.platform, detection.generation, detection.format) == ("linkedin", "linkedin-2020", "csv")
    assert ctx.skipped == []

    conn = next(c for c in of(records, Connection) if c.relation is Relation.CONNECTION)
    assert conn.person.name == "Ann Lee"  # credentials after a comma are not part of the name
    assert conn.person.handle == "ann-lee-rn"
    assert conn.timestamp == datetime(2024, 10, 9, tzinfo=UTC)
    assert conn.source == "Connections.csv#0"

    relations = {c.person.name: c.relation for c in of(records, Connection)}
    assert relations["Bob Stone"] is Relation.REQUEST_RECEIVED
    assert relations["Cy Twill"] is Relation.REQUEST_SENT
    assert relations["Some Org"] is Relation.FOLLOWING
    assert "Gone" not in relations

    (thread,) = of(records, Thread)
    assert [p.name for p in thread.participants] == ["Bob Stone"]
    assert thread.participants[0].handle == "bob-stone"
    assert [m.text for m in thread.messages] == ["First text", "Reply text"]
    assert [m.from_owner for m in thread.messages] == [False, True]
    assert thread.timestamp == datetime(2024, 3, 12, 15, 0, 10, tzinfo=UTC)

    posts = of(records, Post)
    assert [p.audience for p in posts] == [Audience.PUBLIC, Audience.FRIENDS]
    assert posts[0].text == 'Line one\n"quoted"'

    (profile,) = of(records, Profile)
    assert profile.name == OWNER
    assert profile.handle == "jane-roe-lcsw"
    assert profile.bio == "Therapist at Example Clinic\n\nHelping people."
    assert profile.city == "Springfield, IL"
    assert profile.websites == ("https://jane.example", "https://x.com/janeroe")
    assert profile.emails == ("jane@example.org",)
    assert profile.phones == ("+1 555 0100",)
    assert [(w.employer, w.current) for w in profile.work] == [("Example Clinic", True), ("Old Place", False)]
    assert (ctx.account.name, ctx.account.handle) == (OWNER, "jane-roe-lcsw")


def test_2018_export_reads_utf16_tabs_and_matches_2020_ids(make_zip: Callable[..., Path]) -> None:
    detection, old, ctx = read(make_zip(EXPORT_2018, "Complete_LinkedInDataExport_11-04-2018.zip"))
    assert detection.generation == "linkedin-2018"
    assert ctx.skipped == []
    assert any("URL" in note for note in ctx.notes)

    _, new, _ = read(make_zip(EXPORT_2020, "Basic_LinkedInDataExport_10-28-2025.zip"))
    kinds = ("connection", "post", "comment", "reaction", "thread", "profile")
    old_ids = {r.id for r in old if r.kind in kinds and getattr(r, "relation", None) != Relation.FOLLOWING}
    new_ids = {r.id for r in new if r.kind in kinds and getattr(r, "relation", None) != Relation.FOLLOWING}
    assert old_ids == new_ids

    conn = next(c for c in of(old, Connection) if c.relation is Relation.CONNECTION)
    assert conn.timestamp == datetime(2024, 10, 9, 18, 14, tzinfo=UTC)
    assert conn.person.handle is None
    posts = of(old, Post)
    assert [p.audience for p in posts] == [Audience.PUBLIC, Audience.FRIENDS]
    assert posts[0].text == 'Line one\n"quoted"'
    (thread,) = of(old, Thread)
    assert [m.from_owner for m in thread.messages] == [False, True]


def test_invitation_direction_from_owner_when_column_missing(make_zip: Callable[..., Path]) -> None:
    files = {
        "Profile.csv": EXPORT_2018["Profile.csv"],
        "Positions.csv": EXPORT_2020["Positions.csv"],
        "Invitations.csv": f'From,To,Sent At\nBob Stone,"{OWNER}","9/27/25, 8:41 AM"\n'
        f'"{OWNER}",Cy Twill,"9/28/25, 9:00 AM"\nA B,C D,"9/28/25, 9:00 AM"\n',
    }
    _, records, ctx = read(make_zip(files))
    relations = {c.person.name: c.relation for c in of(records, Connection)}
    assert relations == {"Bob Stone": Relation.REQUEST_RECEIVED, "Cy Twill": Relation.REQUEST_SENT}
    assert ctx.stats["linkedin_invitations_direction_unknown"] == 1


def test_owner_inferred_from_messages_without_profile(make_zip: Callable[..., Path]) -> None:
    rows = [
        f'2-a,,Bob Stone,,"{OWNER}",,2024-03-12 15:00:00 UTC,,hi,INBOX,',
        f'2-b,,"{OWNER}",https://www.linkedin.com/in/jane-roe-lcsw,Cy Twill,,2024-04-12 15:00:00 UTC,,yo,INBOX,',
    ]
    files = {
        "Connections.csv": EXPORT_2020["Connections.csv"],
        "messages.csv": EXPORT_2020["messages.csv"].split("\n")[0] + "\n" + "\n".join(rows) + "\n",
    }
    _, records, ctx = read(make_zip(files))
    assert ctx.account.name == "Jane Roe"
    assert ctx.account.handle == "jane-roe-lcsw"
    assert sorted(t.participants[0].name or "" for t in of(records, Thread)) == ["Bob Stone", "Cy Twill"]


# ------------------------------------------------------------------------------------------------ column drift
@pytest.mark.parametrize(
    ("name", "content", "kind", "count", "skip_mentions"),
    [
        # renamed / re-cased / reordered columns are still read
        ("Connections.csv", "connected on,LAST_NAME,first name,url\n12 Mar 2021,Lee,Ann,\n", "connection", 1, None),
        ("Shares.csv", "Visibility,Share Commentary,Date,Extra\nPUBLIC,Hi,2021-03-12,x\n", "post", 1, None),
        ("Comments.csv", "date,message,link,NewColumn\n2021-03-12,Hi,l,\n", "comment", 1, None),
        ("Connections.csv", "First Name,Last Name\nAnn,Lee\n", "connection", 1, None),
        # a column the file needs is gone: the file is skipped, naming the column
        ("Connections.csv", "Given,Family,Connected On\nAnn,Lee,12 Mar 2021\n", "connection", 0, "First Name"),
        ("Shares.csv", "Date,ShareLink,Visibility\n2021-03-12,l,PUBLIC\n", "post", 0, "ShareCommentary"),
        ("Comments.csv", "Date,Link\n2021-03-12,l\n", "comment", 0, "Message"),
        ("Reactions.csv", "Date,Type\n2021-03-12,LIKE\n", "reaction", 0, "Link"),
        ("Invitations.csv", "From,Sent At\nBob,9/27/25\n", "connection", 0, "To"),
    ],
)
def test_column_drift(
    make_zip: Callable[..., Path], name: str, content: str, kind: str, count: int, skip_mentions: str | None
) -> None:
    files = {"Profile.csv": EXPORT_2018["Profile.csv"], "Positions.csv": EXPORT_2020["Positions.csv"], name: content}
    _, records, ctx = read(make_zip(files))
    assert sum(1 for r in records if r.kind == kind) == count
    if skip_mentions is None:
        assert ctx.skipped == []
    else:
        (skipped,) = ctx.skipped
        assert skipped.path.endswith(name)
        assert f"'{skip_mentions}'" in skipped.reason


def test_missing_optional_column_is_noted(make_zip: Callable[..., Path]) -> None:
    files = {"Profile.csv": EXPORT_2018["Profile.csv"], "Shares.csv": "Date,ShareCommentary\n2021-03-12,Hi\n"}
    _, records, ctx = read(make_zip(files))
    (post,) = of(records, Post)
    assert post.audience is Audience.UNKNOWN
    assert any("Visibility" in note for note in ctx.notes)


# ------------------------------------------------------------------------------------------------ detection
@pytest.mark.parametrize(
    ("files", "name", "detected"),
    [
        ({"Connections.csv": "First Name,Last Name\n", "Profile.csv": "First Name\n"}, "export.zip", True),
        ({"Shares.csv": "Date\n"}, "Basic_LinkedInDataExport_01-01-2025.zip", True),
        ({"messages.csv": "a\n", "comments.csv": "b\n"}, "export.zip", False),
        ({"following_accounts.csv": "Account address\n"}, "export.zip", False),
        ({"data/tweets.js": "window.YTD.tweets.part0 = []"}, "export.zip", False),
    ],
)
def test_detect(make_zip: Callable[..., Path], files: dict[str, str], name: str, detected: bool) -> None:
    assert (LinkedInReader().detect(Archive([make_zip(files, name)])) is not None) is detected


# ------------------------------------------------------------------------------------------------ conformance
SAMPLES = FORMATS / "linkedin"


@requires_shared(SAMPLES)
@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.iterdir()) if SAMPLES.exists() else [])
def test_real_samples_read_without_skips(sample: str) -> None:
    detection, records, ctx = read(SAMPLES / sample)
    assert detection.platform == "linkedin"
    assert ctx.skipped == []
    assert records
    assert all(r.timestamp is None or r.timestamp.tzinfo is not None for r in records)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("render")
    script = TOOLS / "render_corpus.py"
    subprocess.run([sys.executable, str(script), str(EVAL_DEV), str(out), "--variants", "all"], check=True)
    return out


def _corpus_counts() -> collections.Counter[str]:
    kinds = {"connection": "connection", "following": "connection", "friend_request_received": "connection"}
    kinds |= {"friend_request_sent": "connection", "post": "post", "comment": "comment"}
    kinds |= {"comment_on_other": "comment", "like": "reaction"}
    counts: collections.Counter[str] = collections.Counter()
    for name in ("connections", "posts", "engagement"):
        for item in json.loads((EVAL_DEV / f"{name}.json").read_text()):
            if item.get("platform") == "linkedin" and item.get("kind") in kinds:
                counts[kinds[item["kind"]]] += 1
    messages = json.loads((EVAL_DEV / "messages.json").read_text())
    counts["thread"] = sum(1 for m in messages if m.get("platform") == "linkedin")
    return counts


@requires_shared(EVAL_DEV)
@requires_shared(TOOLS)
def test_rendered_corpus_counts_ids_and_keys(rendered: Path) -> None:
    zips = sorted((rendered / "archives").glob("*LinkedInDataExport*.zip"))
    assert len(zips) == 2
    results = {z.name: read(z) for z in zips}
    assert {d.generation for d, _, _ in results.values()} == {"linkedin-2018", "linkedin-2020"}
    expected_counts = _corpus_counts()
    id_sets = []
    for detection, records, ctx in results.values():
        assert ctx.skipped == []
        counts = collections.Counter(str(r.kind) for r in records if r.kind != "profile")
        assert counts == expected_counts, detection.generation
        id_sets.append({r.id for r in records})
    assert id_sets[0] == id_sets[1]

    expected = json.loads((rendered / "expected.json").read_text())
    items = [e for s in ("expected", "decoys") for e in expected[s] if e.get("platform") == "linkedin"]
    for name, (_, records, _) in results.items():
        for item in items:
            if name in item["archives"]:
                assert any(_agrees(r, item["key"], name) for r in records), (name, item["item"])


def _agrees(record: AnyRecord, key: dict[str, str], archive: str) -> bool:
    if "timestamp" in key:
        want = datetime.fromisoformat(key["timestamp"].replace("Z", "+00:00"))
        got = record.timestamp
        if got is None or not (got == want or (got.second == 0 and got == want.replace(second=0))):
            return False
    if "date" in key and (record.timestamp is None or record.timestamp.date().isoformat() != key["date"]):
        return False
    if "name" in key:
        if isinstance(record, Connection):
            if record.person.name != strip_postnominals(key["name"]):
                return False
        elif isinstance(record, Thread):
            if strip_postnominals(key["name"]) not in [p.name for p in record.participants]:
                return False
        else:
            return False
    # Member_Follows.csv shows names only; every other 2020+ person carries the URL slug
    handled = "Basic" in archive and isinstance(record, Connection) and record.relation is not Relation.FOLLOWING
    if "handle" in key and handled and isinstance(record, Connection):
        return record.person.handle == key["handle"]
    return True


def test_owner_from_messages_when_profile_name_differs(make_zip: Callable[..., Path]) -> None:
    files = {
        "Profile.csv": "First Name,Last Name,Headline\nJane,Roe,Therapist\n",
        "Connections.csv": EXPORT_2020["Connections.csv"],
        "Messages.csv": EXPORT_2018["Messages.csv"],
    }
    _, records, ctx = read(make_zip(files))
    (thread,) = of(records, Thread)
    assert [p.name for p in thread.participants] == ["Bob Stone"]
    assert ctx.account.name == "Jane Roe"
