"""People who look like a client in a list but are someone else, kind by kind (issue 18: relationship findings
that hold on namesakes the corpora never showed).

Each kind says what a careful clinician would want: the client's own account found, a possible match reported as
"possible, confirm", and a relative, a namesake with a longer name or another given name left out. The end-to-end
test reads the same people from a Facebook export in its real shape.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checks.base import CheckContext, SourceInfo
from checks.client_connection import ClientConnectionCheck
from checks.client_engagement import ClientEngagementCheck
from checks.client_friend_request import ClientFriendRequestCheck
from checks.client_message import ClientMessageCheck
from checks.matching import Matcher
from checks.names import display_forms, respelled
from checks.policy import Policy
from scanner.clients import Client, ClientList
from scanner.pipeline import ScanOptions, scan
from scanner.records import Connection, Person, Reaction, Relation
from tests.checks.records import T0, facebook_thread
from tests.readers.test_facebook import GEN_PATHS, OWNER, PROFILE, meta_json, thread_json

CLIENTS = ClientList(
    (
        Client("C1", "Robert Pruitt"),
        Client("C2", "Mari Mae"),
        Client("C3", "Jessica L. Harding"),
        Client("C4", "Morgan Lee"),
        Client("C5", "Nguyen Thi Mai"),
        Client("C6", "Hazel Buckley"),
        Client("C7", "Patricia Walsh", aliases=("Trish",)),
        Client("C8", "Margaret Oddy"),
        Client("C9", "Dana R."),
        Client("C10", "Sophie Lindqvist"),
        Client("C11", "Justin Okafor"),
        Client("C12", "Kerry-Ann Wilson", aliases=("Kerry Ann Wilson", "Kerry-Ann")),
    )
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(CLIENTS)


@pytest.mark.parametrize(
    ("name", "expected", "how"),
    [
        # the client, as friend lists show people
        ("Robert Pruitt", "C1", "full_name"),
        ("Rob Pruitt", "C1", "nickname"),  # the name shortened: possible, confirm
        ("Robbie Pruitt", None, None),  # the dataset has no "Robbie" for Robert: not guessed
        ("Jessica Harding", "C3", "first_last"),  # the middle initial left out
        ("Jessica L Harding", "C3", "full_name"),
        ("Jessica Lynn Harding", "C3", "first_last"),  # the initial written out
        ("Hazel Buckley Florist 🌸", "C6", "full_name"),  # her shop: a trade word after the name
        ("Nguyen Mai", "C5", "first_last"),
        ("Mai Nguyen", "C5", "reversed"),  # family name last: possible, confirm
        ("Trish Walsh", "C7", "nickname"),  # a nickname the client list gives
        ("Dana R", "C9", "initial"),  # listed by first name and initial: who else is "Dana R."? possible, confirm
        ("Dana Reyes", None, None),
        # someone else
        ("Bill Pruitt", None, None),  # Bill is William's: the dataset's link to Robert is no reason
        ("Bob Pruitt", None, None),  # not Robert shortened, and not listed: a father or brother as often
        ("Peggy Oddy", None, None),
        ("Robert Pruitt Hale", None, None),  # a longer full name
        ("Mari Mae Young", None, None),  # Mari, middle name Mae, surname Young
        ("Jessica M. Harding", None, None),  # another middle initial
        ("Jessica Marie Harding", None, None),
        ("Lee Morgan", None, None),  # a given name first: Lee Morgan, not Morgan Lee reversed
        ("Robert Pruitt Sr.", None, None),
        ("Sophia Lindqvist", None, None),  # one letter apart: another name, as people spell their own one way
        ("Justina Okafor", None, None),
        ("Sophie Lindqvist", "C10", "full_name"),
        ("Kerry Wilson", None, None),  # part of the double given name written without its hyphen in an alias
        ("Kerry Ann Wilson", "C12", "full_name"),
    ],
)
def test_people_who_look_like_a_client(matcher: Matcher, name: str, expected: str | None, how: str | None) -> None:
    found = matcher.match_person(Person(name=name), "facebook")
    assert (found.client.id if found else None) == expected
    if how:
        assert found is not None and found.how == how


@pytest.mark.parametrize(
    ("handle", "expected"),
    [
        ("ngaire.terangi", "C13"),  # the surname's two words run together, as usernames write them
        ("ngaireterangi", "C13"),
        ("hemi.terangi", None),  # another given name
        ("ngaire.tewhata", None),  # another surname
    ],
)
def test_a_username_may_run_a_surname_of_two_words_together(handle: str, expected: str | None) -> None:
    matcher = Matcher(ClientList((Client("C13", "Ngaire Te Rangi"),)))
    found = matcher.match_person(Person(handle=handle), "instagram")
    assert (found.client.id if found else None) == expected


def test_a_longer_name_is_no_reading_of_the_full_name_but_a_trade_word_or_credential_is() -> None:
    assert "mari mae" not in display_forms("Mari Mae Young")
    assert "robert pruitt" not in display_forms("Robert Pruitt Hale")
    assert "hazel buckley" in display_forms("Hazel Buckley Florist")
    assert "nasreen akhtar" in display_forms("Nasreen Akhtar MRPharmS")
    assert display_forms("Mai Nguyen")["nguyen mai"].reversed
    assert "morgan lee" not in display_forms("Lee Morgan")


def _context() -> CheckContext:
    return CheckContext(policy=Policy(), matcher=Matcher(CLIENTS), source=SourceInfo("facebook", account_name=OWNER))


def test_a_possible_match_says_so_in_every_relationship_finding() -> None:
    ctx = _context()
    request = Connection(
        platform="facebook",
        id="r1",
        source="received_friend_requests.json#0",
        timestamp=T0,
        person=Person(name="Rob Pruitt"),
        relation=Relation.REQUEST_RECEIVED,
    )
    like = Reaction(
        platform="facebook", id="l1", source="likes.json#0", timestamp=T0, target_owner=Person("Mai Nguyen")
    )
    thread = facebook_thread("Rob Pruitt")
    follower = Connection(
        platform="instagram",
        id="f1",
        source="followers_1.json#0",
        timestamp=T0,
        person=Person(handle="rpruitt"),  # a username that spells an initial and the surname
        relation=Relation.FOLLOWER,
    )
    found = [
        *ClientConnectionCheck().run(follower, ctx),
        *ClientFriendRequestCheck().run(request, ctx),
        *ClientEngagementCheck().run(like, ctx),
        *ClientMessageCheck().run(thread, ctx),
    ]
    assert [f.category for f in found] == [
        "client-connection",
        "client-friend-request",
        "client-engagement",
        "client-message",
    ]
    for finding in found:
        assert finding.confidence <= 0.6 and "possible match" in finding.message
    sure = next(iter(ClientMessageCheck().run(facebook_thread("Robert Pruitt"), ctx)))
    assert sure.confidence == 1.0 and "possible" not in sure.message


def _export() -> dict[str, str]:
    """A 2024 Facebook export: friends, pending requests and two threads, in Meta's JSON."""
    paths = GEN_PATHS["facebook-2024"]
    friends = ["Robert Pruitt", "Bill Pruitt", "Mari Mae Young", "Jessica M. Harding", "Lee Morgan", "Mai Nguyen"]
    files: dict[str, Any] = {
        paths["friends"][0]: {paths["friends"][1]: [{"name": n, "timestamp": 1_600_000_000} for n in friends]},
        paths["received"][0]: {
            paths["received"][1]: [{"name": n, "timestamp": 1_600_000_100} for n in ("Bob Pruitt", "Hazel Buckley")]
        },
        paths["profile"][0]: {paths["profile"][1]: PROFILE},
    }
    threads = {"billpruitt_1": "Bill Pruitt", "jessicaharding_2": "Jessica Harding"}
    for folder, partner in threads.items():
        messages = [(partner, 1_600_000_200, "hey!"), (OWNER, 1_600_000_260, "hi")]
        files[f"{paths['inbox'][0]}/{folder}/message_1.json"] = thread_json(folder, [partner, OWNER], messages)
    return {path: meta_json(content) for path, content in files.items()}


def test_a_facebook_export_reports_the_clients_and_leaves_the_namesakes(make_zip: Any, tmp_path: Path) -> None:
    archive = make_zip(_export(), name="facebook-jenokovacs-2024-01-01-abcd1234.zip")
    result = scan([archive], ScanOptions(clients=CLIENTS, workers=1))
    by_category: dict[str, list[tuple[str | None, str, float]]] = {}
    for f in result.findings:
        if f.category.startswith("client-"):
            by_category.setdefault(f.category, []).append((f.record.name, f.clients[0].id, f.confidence))
    assert sorted(by_category["client-connection"]) == [("Mai Nguyen", "C5", 0.6), ("Robert Pruitt", "C1", 1.0)]
    assert by_category["client-friend-request"] == [("Hazel Buckley", "C6", 1.0)]
    assert by_category["client-message"] == [("Jessica Harding", "C3", 0.98)]


@pytest.mark.parametrize(
    ("nickname", "given", "other_spelling"),
    [
        ("sophia", "sophie", True),
        ("anna", "anne", True),
        ("justina", "justin", True),
        ("bryan", "brian", True),
        ("steve", "steven", False),  # a shortening
        ("rosie", "rose", False),  # a pet form
        ("dennie", "dennis", False),
        ("tom", "thomas", False),
    ],
)
def test_another_spelling_is_not_a_nickname(nickname: str, given: str, other_spelling: bool) -> None:
    assert respelled(nickname, given) is other_spelling
