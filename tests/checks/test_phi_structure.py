"""phi-identifier: details carried by a sentence's construction, clients identified by their slot or by the post a
comment answers, and the owner's "my" that belongs to another word."""

from __future__ import annotations

import pytest

from checks.analysis.health_details import milestone_details
from checks.base import CheckContext, Finding, SourceInfo
from checks.matching import Matcher
from checks.phi_identifier import PhiIdentifierCheck, client_slots, find_identifiers
from checks.policy import Policy
from checks.text import analyze
from scanner.clients import Client, ClientList
from scanner.records import Comment, Message, Person, Thread
from tests.checks.records import T0, facebook_thread
from tests.checks.test_phi_identifier import ctx, post


def flagged(text: str) -> bool:
    return bool(list(PhiIdentifierCheck().run(post(text), ctx())))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Cam said hi to the barista on his own today. 6 months ago he couldn't leave the car.", True),
        ("Shabana did the supermarket on her own today. First time in four years.", True),
        ("she told me she hasn't cried in a week", True),
        ("her first words since she came in catatonic", True),
        ("Il y a six mois elle ne sortait plus de sa chambre.", True),
        ("8 mois qu'il ne sortait plus de chez lui", True),
        ("Elle n'a pas vomi depuis trois semaines.", True),
        ("Elle a pas fait d'attaque depuis deux semaines.", True),
        ("last year he wouldn't get in the car", True),
        ("a mechanic now, who two years ago couldn't leave his flat", True),
        ("the lad who couldn't sit in a classroom in March", True),
        ("he ate at the table for the first time in his life", True),
        ("first time since the accident she drove to town", True),
        ("Première fois au cinéma depuis son accident.", True),
        # the owner's own past, a span without a change, a first without a span
        ("A year ago I couldn't run a mile and now look at me", False),
        ("he couldn't come to the party, he was working", False),
        ("six months ago we moved house", False),
        ("first time in Paris and it rained", False),
        ("the friend who couldn't come to the party last year", False),
        ("last year we went to Spain", False),
        ("first time since the move that I cooked", False),
    ],
)
def test_milestones(text: str, found: bool) -> None:
    assert bool(milestone_details(analyze(text))) is found


@pytest.mark.parametrize(
    ("text", "should_flag"),
    [
        ("Hope Alvarado rode the bus on her own today. Eight months ago she couldn't leave the house.", True),
        ("Destiny Ruiz smiled for the first time in weeks", True),
        ("Hope Alvarado got her first apartment last year", False),  # no past state to measure a change against
        ("Hope Alvarado said six months ago we should try the new cafe", False),
    ],
)
def test_milestone_tied_to_a_client(text: str, should_flag: bool) -> None:
    assert flagged(text) is should_flag


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("my tuesday 6pm is a carer who hasn't had a night off in years", "my tuesday 6pm"),
        ("My 10am Thursday depot lady knitted the whole team hats", "My 10am Thursday"),
        ("the Tollefsons are my wednesday 6pm and I love them", "are my wednesday 6pm"),
        ("my 4:00 on tuesdays is a 13 yo in foster care", "my 4:00 on tuesdays"),
        ("my 9am cancelled so I caught up on notes", None),  # a day's schedule, no weekday
        ("my Monday 8am lecture is brutal", None),  # a slot, but not a person
        ("my Thursday 6pm yoga class is full", None),
    ],
)
def test_client_slots(text: str, slot: str | None) -> None:
    assert [e.text for e in client_slots(text)] == ([slot] if slot else [])


def test_a_clients_weekly_slot_identifies_the_person_a_health_detail_is_about() -> None:
    assert flagged("my thursday 7pm fella hit 6 months without a bet today")
    assert not flagged("my 7pm fella hit 6 months without a bet today")  # no weekday, no name
    assert not flagged("Playoffs this week and my Tuesday 6pm is a die-hard Habs fan")  # no health detail


def comment(text: str, on: str) -> Comment:
    return Comment(platform="facebook", id=on, source="t", timestamp=T0, text=text, target_owner=Person(name=on))


def test_a_comment_on_a_clients_post_is_addressed_to_the_client() -> None:
    found = list(PhiIdentifierCheck().run(comment("See you Thursday at 10 at the clinic!", "Grace Hollis"), ctx()))
    assert found and [c.id for c in found[0].clients] == ["C4"]
    assert not list(PhiIdentifierCheck().run(comment("See you Thursday at 10 at the clinic!", "Jo Bloggs"), ctx()))
    assert not list(PhiIdentifierCheck().run(comment("Gorgeous photo!", "Grace Hollis"), ctx()))


@pytest.mark.parametrize(
    ("text", "should_flag"),
    [
        ("Grace Hollis did my hair on the ward this afternoon, best cut in years", True),  # "my" owns the hair
        ("Grace Hollis introduced me to her husband as 'the girl who cured my OCD'", True),  # her words
        ("Grace Hollis waved at me in the shop and my OCD made me count the tins anyway", False),  # my own
        ("Grace Hollis, from my PTSD clinic days, is on my caseload again", True),  # "my" owns the clinic
        ("Grace Hollis waved at me while I was on the postnatal ward myself", False),  # I was there
    ],
)
def test_the_owners_my_belongs_to_the_word_after_it(text: str, should_flag: bool) -> None:
    assert flagged(text) is should_flag


def thread(partner: str, theirs: str, mine: str) -> Thread:
    msgs = (Message(Person(name=partner), T0, theirs, False), Message(Person(name="Me"), T0, mine, True))
    return facebook_thread(partner, *msgs, thread_id=partner)


def test_a_safety_referral_in_reply_to_a_client_says_the_client_disclosed_a_crisis() -> None:
    crisis = thread("Grace Hollis", "sorry for messaging, I'm not ok tonight", "Grace, ring 999 if you're not safe.")
    found = list(PhiIdentifierCheck().run(crisis, ctx()))
    assert found and any("safety referral" in e.reason for e in found[0].evidence)
    french = thread("Grace Hollis", "je vais faire une bêtise", "Grace, appelez le 15 tout de suite.")
    assert list(PhiIdentifierCheck().run(french, ctx()))
    scheduling = thread("Grace Hollis", "can we move thursday?", "Sure, call the office in the morning.")
    assert not list(PhiIdentifierCheck().run(scheduling, ctx()))
    not_a_client = thread("Jo Bloggs", "I'm not ok tonight", "Jo, ring 999 if you're not safe.")
    assert not list(PhiIdentifierCheck().run(not_a_client, ctx()))
    numbers = thread("Grace Hollis", "slides?", "Sure, the figures for 2020: 112 files, 15 appeals.")
    assert not list(PhiIdentifierCheck().run(numbers, ctx()))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("the boys were so cute at her appointment today", "appointment today"),
        ("on en parle à votre consultation de mardi", "consultation de mardi"),
        ("aye Cal, see you at the ward round the morn", "ward round the morn"),
        ("the appointment went fine", None),  # no day
        ("see you at the match on Saturday", None),  # no appointment
    ],
)
def test_the_day_of_an_appointment_is_an_identifier(text: str, day: str | None) -> None:
    found = [e.text for e in find_identifiers(text) if e.reason == "appointment day"]
    assert found == ([day] if day else [])


def test_a_client_counting_an_anniversary_in_their_own_message() -> None:
    sober = thread("Grace Hollis", "3 years today 🖤 couldn't have done it without you", "You did this!")
    assert list(PhiIdentifierCheck().run(sober, ctx()))
    mine = thread("Grace Hollis", "congrats!!", "thanks, 3 years today at the new job")  # the owner's own count
    assert not list(PhiIdentifierCheck().run(mine, ctx()))
    friend = thread("Jo Bloggs", "3 years today 🖤", "So proud of you")  # not a client
    assert not list(PhiIdentifierCheck().run(friend, ctx()))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("her granddaughter brought a cake for her 94th today", "her 94th"),  # the ordinal alone, no "birthday"
        ("Mme Bastin a fêté ses 78 ans aujourd'hui à la maison", "a fêté ses 78 ans aujourd'hui"),
        ("Il a eu 80 ans cette semaine.", "a eu 80 ans cette semaine"),
        ("Son père fête ses 65 ans au garage", None),  # no day: an age, not a date
    ],
)
def test_a_birthday_dated_by_the_post_is_a_date_of_birth(text: str, found: str | None) -> None:
    got = [e.text for e in find_identifiers(text) if e.reason == "date of birth"]
    assert got == ([found] if found else [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("his GA for his teeth is booked for the 19th", "for the 19th"),
        ("good luck tomorrow Rhod, I'll meet you and your mam at the hospital at 8", "tomorrow"),
        ("I had to explain HIPAA for the 4th time", None),  # a count, not a day of the month
    ],
)
def test_days_of_the_month_and_times_later_in_the_sentence(text: str, found: str | None) -> None:
    got = [e.text for e in find_identifiers(text)]
    assert any(g.startswith(found) for g in got) if found else not got, got


def test_a_client_named_by_a_parent_in_a_message_about_their_care() -> None:
    mum = thread(
        "Donna Smith", "Sorry to message. Destiny had another panic attack at practice", "Please ring the team."
    )
    found = list(PhiIdentifierCheck().run(mum, ctx()))
    assert found and [c.id for c in found[0].clients] == ["C2"]
    sister = thread("Jo Bloggs", "my sister Destiny had a panic attack on the plane!", "oh no, hope she's ok")
    assert not list(PhiIdentifierCheck().run(sister, ctx()))  # somebody else who shares the name
    no_detail = thread("Donna Smith", "Destiny loved the art show", "So glad!")
    assert not list(PhiIdentifierCheck().run(no_detail, ctx()))


@pytest.mark.parametrize(
    ("theirs", "should_flag"),
    [
        ("i havent cut in ages i swear", True),  # the client's "I" is the client
        ("I haven't hit my head since I was 14!! I graduate in May", True),
        ("two years since Larkspur and I just ate at a buffet", True),
        ("je n'ai pas bu depuis six mois", True),
        ("first time on a bus in three years!!", True),
        ("haven't seen you in ages! hope you're well", False),  # a greeting, not a change in their illness
        ("it's been a year since we met, crazy", False),
    ],
)
def test_a_change_the_client_tells_in_their_own_message(theirs: str, should_flag: bool) -> None:
    assert bool(list(PhiIdentifierCheck().run(thread("Grace Hollis", theirs, "Thank you for telling me"), ctx()))) is (
        should_flag
    )
    friend = thread("Jo Bloggs", theirs, "Thank you for telling me")  # not a client: nobody's PHI
    assert not list(PhiIdentifierCheck().run(friend, ctx()))


def test_french_a_single_year_is_a_span() -> None:
    assert milestone_details(analyze("Tom, qui ne pouvait pas commander un café il y a un an, a parlé devant 30"))
    anniversary = thread("Grace Hollis", "Bonsoir, ça fait un an aujourd'hui. Je pense à Léon.", "Je pense à vous.")
    assert list(PhiIdentifierCheck().run(anniversary, ctx()))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ciarán Óg was born by section yesterday at 10, 7lb 3oz", "yesterday at 10"),
        ("elle est arrivée hier à 14h aux urgences", "hier à 14h"),
        ("yesterday was a long day", None),
    ],
)
def test_yesterday_with_a_time_is_a_date_element(text: str, found: str | None) -> None:
    times = [e.text for e in find_identifiers(text) if e.reason == "appointment day and time"]
    assert times == ([found] if found else [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Bernie, my lovely Tuesday 10 o'clock, brought me a Tunnock's", "Tuesday 10 o'clock"),
        ("Mercredi atelier cuisine 10h, tu ramènes la recette", "Mercredi atelier cuisine 10h"),
        ("Friday night drinks with the whole team at 8pm", None),  # a night out, too far from its day
        ("Saturday morning 9 patients on the list", None),  # a count, not a time
    ],
)
def test_a_weekday_with_its_hour(text: str, found: str | None) -> None:
    times = [e.text for e in find_identifiers(text) if e.reason == "appointment day and time"]
    assert times == ([found] if found else [])


def test_a_consult_with_its_time_and_a_long_first() -> None:
    assert [e.text for e in find_identifiers("ED consult at 10pm: found by his brother")] == ["consult at 10pm"]
    assert milestone_details(analyze("her first slice of birthday cake in 9 years"))


def test_a_comment_on_a_relatives_post_is_about_the_client_when_it_holds_a_detail() -> None:
    clients = ClientList(
        (Client(id="C9", name="Sefa Leota", notes="monthly depot Thursdays; mum Lupe rings the line"),)
    )

    def run(text: str, on: str) -> list[Finding]:
        kin_ctx = CheckContext(policy=Policy(), matcher=Matcher(clients), source=SourceInfo(platform="facebook"))
        return list(PhiIdentifierCheck().run(comment(text, on), kin_ctx))

    found = run("He's doing so well Lupe. See you both Thursday at 10", "Lupe Leota")
    assert found and [c.id for c in found[0].clients] == ["C9"]
    assert not run("Happy birthday Lupe! 🎉", "Lupe Leota")  # no detail: a wish to the mother
    assert not run("See you both Thursday at 10", "Lupe Tamapua")  # the notes name no such relative
