"""phi-identifier: a client's health details and Safe Harbor identifiers; the clinician's own health is not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.base import CheckContext, Severity, SourceInfo
from checks.matching import Matcher
from checks.phi_identifier import PhiIdentifierCheck, find_identifiers, region_from_workplace
from checks.policy import Policy, Workplace
from scanner.clients import Client, ClientList
from scanner.records import Audience, Message, Person, Post, Thread
from tests.checks.records import facebook_thread

T0 = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)
CLIENTS = ClientList(
    (
        Client(id="C1", name="Hope Alvarado"),
        Client(id="C2", name="Destiny Ruiz"),
        Client(id="C3", name="Margaret Lindgren", aliases=("Peggy",)),
        Client(id="C4", name="Grace Hollis"),
    )
)
POLICY = Policy(workplace=Workplace(name="Riverside Community Health"))


def ctx() -> CheckContext:
    return CheckContext(policy=POLICY, matcher=Matcher(CLIENTS), source=SourceInfo(platform="facebook"))


def post(text: str, audience: Audience = Audience.PUBLIC) -> Post:
    return Post(platform="facebook", id=str(abs(hash(text))), source="t", timestamp=T0, text=text, audience=audience)


def phi_flagged(clients: ClientList, text: str) -> bool:
    """Whether phi-identifier reports a public Facebook post of ``text`` with ``clients`` as the client list."""
    policy = Policy(workplace=Workplace(name="Eastfield Community Health"))
    context = CheckContext(policy=policy, matcher=Matcher(clients), source=SourceInfo(platform="facebook"))
    return bool(list(PhiIdentifierCheck().run(post(text), context)))


CASES = [
    ("Hope Alvarado's postpartum depression is finally lifting, she told me in session", True),
    ("So proud of Destiny Ruiz, 2 years sober today, what a session", True),
    ("Called 319-555-0143 four times today. Destiny, please call the office back about your session", True),
    ("Note for tmrw: new email for Hope A is hope.a.2020@example.com, update chart", True),
    ("@reply Hope A. your appt is still on for 8/29 at 10, see you in session", True),
    ("my Thursday 3pm (Grace, she said I could tag her) brought me a sunflower from her garden", True),
    (
        "Can't stop thinking about the 15-year-old on my caseload with anorexia on the varsity team whose dad coaches",
        True,
    ),
    # not PHI
    ("Hope Alvarado got into culinary school and I told her in session she would", False),
    ("my OCD about my desk is why nobody borrows my stapler", False),
    ("13 years sober today. Keep counting.", False),
    ("Sending prayers for my mother-in-law Peggy, who has COVID", False),
    ("Babcia Grace is in the hospital with pneumonia. Prayers appreciated", False),
    ("Babcia's 91st birthday party is Sunday March 10, 2pm. RSVP to my mom at 319-555-0121", False),
    ("Owen's tooth appointment moved to Thursday 3:30", False),
    ("If you're hurting, please reach out: 1-800-273-8255", False),
    ("telehealth with Grace today and her dog would not leave the camera alone, 10/10 co-therapist", False),
    # medicines are health details in any language, brand or generic, psychiatric or not
    ("Destiny Ruiz dit que la buspirone marche enfin, on continue en séance", True),
    ("Hope Alvarado slept all night on the prazosin, she told me in session", True),
    ("Grace Hollis started Spravato today at the clinic", True),
    ("Hope Alvarado asked me in session to prep the group room", False),  # "prep" the verb, not PrEP
    # details tied to a person by a possessive, and grief
    ("Grace Hollis's scan today: baby's fine", True),
    ("first PHQ under 10 for Hope Alvarado since her husband died", True),
    ("Hope Alvarado brought photos to session, after Grandpa died she kept them all", False),
]


@pytest.mark.parametrize(("text", "should_flag"), CASES)
def test_texts(text: str, should_flag: bool) -> None:
    findings = list(PhiIdentifierCheck().run(post(text), ctx()))
    assert bool(findings) is should_flag, [e.reason for f in findings for e in f.evidence]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("call me at (319) 555-0143", "phone number"),
        ("her intake was March 3", "exact date"),
        ("moved to Wed 12/4 at 3pm", "exact date"),
        ("see you Thursday at 10", "appointment day and time"),
        ("mañana no puedo ir a la cita de las 9", "appointment time"),
        ("rendez-vous lundi à 14h", "appointment day and time"),
        ("MRN 00482913 in the chart", "record number"),
        ("write to jo@example.org", "e-mail address"),
        ("see you Tuesday 9.30, same room", "appointment day and time"),  # UK, Irish and Australian clock times
        ("Jade at 5 on Wednesday, please show up", "appointment day and time"),  # the time before the day
        ("her appointment is at 10.30", "appointment time"),
        ("discharged on the 14th", "exact date"),  # a day of the month is an element of a date
        ("can we move thurs to 4", "appointment day and time"),  # moving an appointment
        ("can we do 4 instead of 3:30 tmrw", "appointment day and time"),
        ("Je la vois cet aprem à 15h", "appointment day and time"),
        ("Rdv avec Kéké aujourd'hui à 16h au CMP", "appointment time"),
    ],
)
def test_identifiers(text: str, reason: str) -> None:
    assert reason in {e.reason for e in find_identifiers(text)}


@pytest.mark.parametrize("text", ["we moved to Leeds in 2019", "moving to 4 days a week", "demain il fait beau"])
def test_moves_and_days_without_an_appointment(text: str) -> None:
    assert find_identifiers(text) == []


def test_identifier_evidence_ends_at_the_time() -> None:
    assert [e.text for e in find_identifiers("see her today at 4 in the office")] == ["today at 4"]


def test_every_identifier_of_a_text_is_found() -> None:
    found = find_identifiers("her intake was March 3; see her today at 4, or write to jo@example.org")
    assert {e.reason for e in found} == {"exact date", "appointment day and time", "e-mail address"}


def test_no_identifier_in_plain_text() -> None:
    assert find_identifiers("see you Tuesday, the score was 28-3 and 24/7 coverage, rated 10/10") == []
    assert find_identifiers("Tuesday 2.5 hours of paperwork, then the 3rd time this week") == []


def test_severity_and_evidence() -> None:
    text = "Hope Alvarado's relapse last week scared me, we talked about it in session"
    f = next(iter(PhiIdentifierCheck().run(post(text), ctx())))
    assert f.severity is Severity.CRITICAL and [c.id for c in f.clients] == ["C1"]
    assert any(e.text == "relapse" for e in f.evidence)
    assert next(iter(PhiIdentifierCheck().run(post(text, Audience.PRIVATE), ctx()))).severity is Severity.MEDIUM


def test_client_thread_health_detail_is_phi_but_scheduling_without_time_is_not() -> None:
    def thread(partner: str, texts: list[tuple[str, bool]]) -> Thread:
        msgs = tuple(Message(Person(name="Me" if own else partner), T0, t, own) for t, own in texts)
        return facebook_thread(partner, *msgs, thread_id=partner)

    health = thread(
        "Grace Hollis", [("i ran out of my zoloft 2 days ago", False), ("Please call your prescriber.", True)]
    )
    found = list(PhiIdentifierCheck().run(health, ctx()))
    assert found and found[0].severity is Severity.HIGH and found[0].record.name == "Grace Hollis"
    plain = thread("Grace Hollis", [("can I move thursday to friday?", False), ("Please call the front desk.", True)])
    assert not list(PhiIdentifierCheck().run(plain, ctx()))
    family = thread("Barb Mom", [("Dr. Singh says my A1C is 6.8!!", False), ("so proud of you", True)])
    assert not list(PhiIdentifierCheck().run(family, ctx()))


@pytest.mark.parametrize(
    ("text", "region", "reason"),
    [
        ("prévenir sa sœur au 06 47 21 88 35", "FR", "phone number"),
        ("call his mum on 07700 900461", "FR", "phone number"),  # a UK mobile in a French user's post
        ("ring 020 7946 0018 tomorrow", "US", "phone number"),  # UK landline with no policy region
        ("rendez-vous déplacé au jeudi 10/10 à 14h30", "FR", "appointment day and time"),
        ("sortie prévue le 23/03", "FR", "exact date"),
        ("seen on 14.02.2024 in clinic", "GB", "exact date"),
    ],
)
def test_international_identifiers(text: str, region: str, reason: str) -> None:
    assert reason in {e.reason for e in find_identifiers(text, region)}


@pytest.mark.parametrize("text", ["open 24/7", "a 15/20 grade", "rated 10/10"])
def test_no_identifier_in_ratings(text: str) -> None:
    assert find_identifiers(text, "FR") == []


@pytest.mark.parametrize(
    ("address", "city", "region"),
    [
        ("18 rue des Tanneurs, 69007 Lyon, France", "Lyon, France", "FR"),
        ("12 Oxford Road, Manchester M13 9PL", "Manchester, England", "GB"),
        ("1420 Grand Avenue, Cedar Bend, IA 52411", "Cedar Bend, Iowa", None),
    ],
)
def test_region_from_workplace(address: str, city: str, region: str | None) -> None:
    assert region_from_workplace(address, city) == region


def test_french_health_detail_with_named_client() -> None:
    text = "Destiny R. est revenue aux urgences cette nuit, troisième TS depuis janvier"
    f = next(iter(PhiIdentifierCheck().run(post(text), ctx())))
    assert [c.id for c in f.clients] == ["C2"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Léon, nonante-deux ans, a fait le tour du service avec le rollator", True),
        ("Miss Opal turned 94 and got every CNA a slice of cake", True),
        ("Happy 100th birthday to Miss Opal!", True),
        ("Miss Opal is 64 and still gardening", False),  # an age under 90 is not an identifier by itself
    ],
)
def test_an_age_over_89_is_an_identifier(text: str, found: bool) -> None:
    from checks.phi_identifier import IDENTIFIER_PATTERNS

    ages = [rx for label, rx in IDENTIFIER_PATTERNS if label == "age over 89"]
    assert bool(ages) and any(rx.search(text) for rx in ages) is found
