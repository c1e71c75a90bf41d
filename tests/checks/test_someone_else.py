"""People who are not the client although a name says so: what the name's neighbours or the text say of them
(issue 18 item 6, helper men5). Each kind with a near miss that stays the client."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.base import CheckContext, Finding, SourceInfo
from checks.client_mention import ClientMentionCheck
from checks.matching import Matcher
from checks.policy import Policy, Workplace
from scanner.clients import Client, ClientList
from scanner.records import AnyRecord, Audience, Comment, Person, Post

T0 = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)
CLIENTS = ClientList(
    (
        Client(id="C1", name="Malachy Trainor", aliases=("Mal Trainor",)),
        Client(id="C2", name="William Pettigrew", aliases=("Will Pettigrew",)),
        Client(id="C3", name="Kelvin Chan Wai Loon", aliases=("Kelvin Chan",)),
        Client(id="C4", name="Siti Hajar binte Osman", aliases=("Siti Hajar",)),
        Client(id="C5", name="Wayne Pitt", notes="dad Wayne Pitt Snr"),
        Client(id="C6", name="Elijah Washington"),
        Client(id="C7", name="Hélène Dubois"),
        Client(id="C9", name="Joseph White", aliases=("Joe",)),
        Client(id="C10", name="Michael Clarke", notes="same name as the cricketer"),
        Client(id="C11", name="Conall McAteer", notes="not the Newry City striker"),
        Client(id="C12", name="Marc Keller"),
    )
)
POLICY = Policy(workplace=Workplace(name="Riverside Community Health"))


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(CLIENTS)


def _id(matcher: Matcher, name: str, handle: str | None = None) -> str | None:
    found = matcher.match_person(Person(name=name, handle=handle), "facebook")
    return found.client.id if found else None


@pytest.mark.parametrize(
    ("name", "handle", "expected"),
    [
        # the dataset's full form of a listed nickname is another man's name when the list gives the given name
        ("Malcolm Trainor", None, None),
        ("Mal Trainor", None, "C1"),
        # a username does not make a son the client when his display name says "III"
        ("William Pettigrew III", "wpettigrew3", None),
        ("William Pettigrew", "wpettigrew3", "C2"),
        # a longer name whose username spells the listed alias; a trade after a comma is no longer name
        ("Kelvin Chan Jun Wei", "kelvin-chan-jw", None),
        ("Kelvin Chan", "kelvin-chan-jw", "C3"),
        ("Kelvin Chan, dietitian", "kelvin.chan", "C3"),
        # another given name inside the listed one; an added initial stays the client's
        ("Siti Nur Hajar", None, None),
        ("Siti Hajar", None, "C4"),
        ("Siti H. Hajar", None, "C4"),
    ],
)
def test_look_alike_in_a_list(matcher: Matcher, name: str, handle: str | None, expected: str | None) -> None:
    assert _id(matcher, name, handle) == expected


def _post(text: str) -> Post:
    return Post(platform="x", id=str(abs(hash(text))), source="t", timestamp=T0, text=text, audience=Audience.PUBLIC)


def _comment(text: str, author: str) -> Comment:
    return Comment(
        platform="facebook",
        id=str(abs(hash(text + author))),
        source="c",
        timestamp=T0,
        text=text,
        target_owner=Person(name=author),
    )


def _clients(*records: AnyRecord) -> set[str]:
    ctx = CheckContext(policy=POLICY, matcher=Matcher(CLIENTS), source=SourceInfo(platform="x"))
    check = ClientMentionCheck()
    findings: list[Finding] = [f for r in records for f in check.run(r, ctx)]
    findings += [*check.finish(ctx), *check.finish_scan(ctx.scan_memo)]
    return {c.id for f in findings for c in f.clients}


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        # a father the text names in full, then by his first name
        (_post("Wayne Pitt Snr's 70th in Rokeby today!! Honk if you love Wayne"), set()),
        (_post("Wayne missed his depot at the clinic again, Rokeby"), {"C5"}),
        # the author of the post one comments on, by title and surname
        (_comment("Happy birthday Mr. Washington!", "Elijah Washington Sr."), set()),
        (_comment("Mr. Washington missed his session at the clinic again", "Sue Parker"), {"C6"}),
        # a couple at their wedding, not a client by title
        (_post("Mr and Mrs Trainor! Best day of my life, thanks to the clinic team for coming"), set()),
        (_post("Mr Trainor missed his depot at the clinic, rang his GP"), {"C1"}),
        # some person of that name ("une Hélène"), not one the writer knows
        (_post("Aurore est en classe avec une Hélène, séance de thérapie ce soir au CMP"), set()),
        (_post("Hélène est venue en séance de thérapie ce soir au CMP, crise d'angoisse"), {"C7"}),
        # an apposition naming someone's relation
        (_post("Marc, le copain de Sab, s'est coupé la main : 6 points aux urgences, séance annulée"), set()),
        (_post("Marc, 15 ans, en séance de thérapie ce matin au CMP, crise d'angoisse"), {"C12"}),
        # the relative of a client named in the apposition stays a possible client
        (_post("Marc, le copain de Hélène, s'est coupé la main : séance de thérapie annulée au CMP"), {"C12"}),
        # a name addressed to the reader of a reply
        (_post("@user What are you doing Joe? put us in the hospital for heart attacks"), set()),
        (_post("@user Joe missed his session today, relapse again"), {"C9"}),
        # a text cut off right after the name: the word may go on
        (_post("@user in need of rehab, relapse, the one in need of Joe…"), set()),
        (_post("@user in need of rehab, relapse, the one in need of Joe …"), {"C9"}),
        # a public figure's trade in the plural; a "not the" fact of three words
        (_post("Michael Clarke's new podcast is great, who knew cricketers could talk"), set()),
        (_post("Conall McAteer signed for Warrenpoint Town!! Devastated"), set()),
        (_post("Conall McAteer missed his depot at the Thursday clinic"), {"C11"}),
    ],
)
def test_someone_else_in_text(record: AnyRecord, expected: set[str]) -> None:
    assert _clients(record) == expected
