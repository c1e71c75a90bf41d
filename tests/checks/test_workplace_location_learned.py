"""workplace-location: workplaces the account's own posts name, streets with a clock time, European addresses."""

from __future__ import annotations

from datetime import datetime

from checks.base import CheckContext, Finding, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy, policy_from_dict
from checks.workplace_location import WorkplaceLocationCheck
from scanner.clients import ClientList
from scanner.records import AnyRecord, Place, Post

POLICY = policy_from_dict(
    {
        "workplace": {
            "name": "Mercy Ridge Medical Center",
            "aliases": ["Mercy Ridge"],
            "address": "1850 Pine Hollow Road, Macon, GA 31217",
        }
    }
)
SUNDAY = "2024-04-21T18:00:00+00:00"


def post(text: str, place: str | None = None, n: int = 0) -> Post:
    when = datetime.fromisoformat(SUNDAY)
    return Post(platform="facebook", id=f"p{n}", source=f"posts.json#{n}", timestamp=when, text=text, place=place)


def check_in(name: str, n: int) -> Place:
    when = datetime.fromisoformat(SUNDAY)
    return Place(platform="facebook", id=f"pl{n}", source=f"places.json#{n}", timestamp=when, name=name)


def scan(records: list[AnyRecord], policy: Policy = POLICY) -> list[Finding]:
    """Every finding of a whole source: ``run`` on each record in order, then ``finish``."""
    check = WorkplaceLocationCheck()
    ctx = CheckContext(policy=policy, matcher=Matcher(ClientList()), source=SourceInfo("facebook"))
    found = [f for record in records for f in check.run(record, ctx)]
    return found + list(check.finish(ctx))


def flagged(records: list[AnyRecord], policy: Policy = POLICY) -> set[str]:
    return {f.record.id for f in scan(records, policy)}


def test_check_ins_at_a_workplace_the_posts_name_are_reported_in_any_order() -> None:
    records: list[AnyRecord] = [
        check_in("Magnolia Terrace Health & Rehabilitation", 1),  # before the post that says she worked there
        post("Last shift at Magnolia Terrace. 3 years of these sweet folks", n=2),
        post("Mr. Hollis asked if my costume was a zombie 😂", "Magnolia Terrace Health & Rehabilitation", n=3),
        check_in("Magnolia Springs State Park", 4),  # another place sharing a word
        post("Sunday brunch with the girls", n=5),
    ]
    assert flagged(records) == {"pl1", "p2", "p3"}
    finding = next(f for f in scan(records) if f.record.id == "pl1")
    assert "by your own posts" in finding.message and "Magnolia Terrace" in finding.evidence[0].reason


def test_a_first_day_and_clinical_text_at_the_place_make_it_a_workplace() -> None:
    records: list[AnyRecord] = [
        post("First day. Ravenscraig here I come 😬", "Ravenscraig Hospital", n=1),
        post("3 admissions, 2 restraints and the medication round ran late", "Ravenscraig Hospital", n=2),
        check_in("Ravenscraig Hospital", 3),
    ]
    assert flagged(records) == {"p1", "p2", "pl3"}


def test_one_weak_cue_or_only_clinical_check_ins_name_no_workplace() -> None:
    assert not flagged([post("first day at Disneyland!!", n=1), check_in("Disneyland", 2)])
    text = "my clients tonight were lovely, 3 sessions back to back"
    salon = [post(text, "Leanne's Hair Lounge", n=i) for i in (1, 2)]
    assert not flagged([*salon, check_in("Leanne's Hair Lounge", 3)])


def test_a_first_day_and_a_check_in_at_a_place_of_care_make_it_a_workplace() -> None:
    records: list[AnyRecord] = [
        post("first day at St. Brendan's. 9 patients, 1 art cart, 0 sinks. we improvised", n=1),
        check_in("St. Brendan's Hospital", 2),  # no text: the name says it is a place of care
        post("sitting outside St. Brendan's in the car eating a granola bar between groups", n=3),
    ]
    assert flagged(records) == {"p1", "pl2", "p3"}
    assert not flagged([post("first day at Disneyland!!", n=1), check_in("Disneyland Hotel", 2)])


def test_a_check_in_at_a_longer_name_holding_the_stated_one() -> None:
    records: list[AnyRecord] = [
        post("Handed in my notice. 6 years at Midland CAMHS. Going private", n=1),
        check_in("Midland Community CAMHS", 2),
        check_in("The Midland Hotel", 3),
    ]
    assert flagged(records) == {"p1", "pl2"}


def test_a_place_of_care_checked_in_on_two_working_days_is_a_workplace() -> None:
    def at(name: str, n: int, when: str) -> Place:
        return Place(platform="facebook", id=f"pl{n}", source="x", timestamp=datetime.fromisoformat(when), name=name)

    monday, tuesday = "2011-11-07T08:05:00+00:00", "2012-12-11T14:30:00+00:00"
    records: list[AnyRecord] = [
        at("Résidence Les Aubépines", 1, monday),
        post("Fancy-fair de la maison de repos, 40 gaufres", "Résidence Les Aubépines", n=2),  # a Sunday
        at("Résidence Les Aubépines", 3, tuesday),
    ]
    assert flagged(records) == {"pl1", "p2", "pl3"}
    # one working day, or only evenings and weekends (visiting someone), is not enough
    assert not flagged([at("Southmead Hospital", 1, monday), at("Southmead Hospital", 2, monday)])
    assert not flagged([at("Southmead Hospital", 1, SUNDAY), at("Southmead Hospital", 2, "2019-03-02T21:00:00+00:00")])
    assert not flagged([at("Leanne's Hair Lounge", 1, monday), at("Leanne's Hair Lounge", 2, tuesday)])


def test_a_learned_name_by_its_opening_words_with_a_cue() -> None:
    records: list[AnyRecord] = [
        post("After 3 wonderful years at Little Steps ABA, I'm joining a new clinic", n=1),
        post("Little Steps holiday party!! Our RBT team did a white elephant", n=2),
        post("Little Steps is a lovely book about toddlers", n=3),  # no cue
    ]
    assert flagged(records) == {"p1", "p2"}


def test_the_current_workplace_names_stay_with_its_own_rules() -> None:
    records: list[AnyRecord] = [
        post("10 years at Mercy Ridge this summer", n=1),
        check_in("Mercy Ridge Baptist Church, Warner Robins", 2),  # shares the name, in another town
    ]
    assert "pl2" not in flagged(records)


def test_the_workplace_street_with_a_clock_time() -> None:
    assert flagged([post("6:45am, Pine Hollow Rd, already bumper to bumper", n=1)]) == {"p1"}
    assert not flagged([post("Pine Hollow Road is closed for the parade", n=1)])


def test_the_workplace_street_with_an_hour_or_a_long_day() -> None:
    assert flagged([post("parked on Pine Hollow Rd. $8 in the meter before 9. this city", n=1)]) == {"p1"}
    assert flagged([post("coffee from the van on Pine Hollow Road before a long day", n=1)]) == {"p1"}
    assert not flagged([post("Pine Hollow Road 5k at 8 years old, my first race", n=1)])
    assert not flagged([post("Pine Hollow Road garage sale, 3 of us went", n=1)])


def test_an_address_with_the_number_after_the_street() -> None:
    policy = policy_from_dict(
        {"workplace": {"name": "CPAS de Charleroi", "address": "Rue des Forgerons 37, 6061 Montignies-sur-Sambre"}}
    )
    assert flagged([post("8h35, parking derrière la rue des Forgerons, 3 degrés.", n=1)], policy) == {"p1"}
    assert not flagged([post("Brocante à Montignies-sur-Sambre ce dimanche", n=1)], policy)


def test_a_place_of_work_with_a_time_in_a_post_about_clinical_work() -> None:
    clinic = post("Thursday clinic until 7 again tonight, three new patients and a safety plan review", n=1)
    assert flagged([clinic]) == {"p1"}
    assert not flagged([post("She rang the ward at 3am again, still a bit manic but taking her meds", n=2)])
    assert not flagged([post("I left the office at 5 and went to the gym", n=3)])
    assert flagged([post("The clinic opens at 7:30 and three patients are already waiting for their refills", n=4)])


def test_a_house_name_is_also_its_one_word_name() -> None:
    policy = policy_from_dict({"workplace": {"name": "Clydeside Perinatal", "aliases": ["Rowanbank House"]}})
    assert flagged([post("Baby massage group at Rowanbank Thursday at 10. Our mums love it", n=1)], policy)
    assert not flagged([post("Rowanbank Park is lovely in the snow at 10am", n=2)], policy)


def test_a_shared_headline_or_retweet_is_not_the_owners_words() -> None:
    assert not flagged([post("RT @macontelegraph : Mercy Ridge Medical Center to cut 40 beds", n=1)])
    assert not flagged([post("« Mercy Ridge Medical Center débordé : +18 % d'entrées » — La Gazette", n=2)])
    assert flagged([post("Mercy Ridge is on generator, night crew hanging in there", n=3)])


def test_a_workplace_one_account_names_is_known_to_the_persons_other_accounts() -> None:
    """A check-in on Instagram at a place the Facebook posts say she worked at: found when the scan's accounts are
    judged together (finish_scan), whichever archive comes first; a place no account names stays unreported."""
    check, scan_memo = WorkplaceLocationCheck(), {}
    found: list[Finding] = []
    sources: list[list[AnyRecord]] = [
        [check_in("Magnolia Terrace Health & Rehabilitation", 1), check_in("Magnolia Springs State Park", 2)],
        [post("Last shift at Magnolia Terrace. 3 years of these sweet folks", n=3)],
    ]
    for records in sources:
        ctx = CheckContext(policy=POLICY, matcher=Matcher(ClientList()), source=SourceInfo("facebook"))
        ctx.scan_memo = scan_memo
        found += [f for record in records for f in check.run(record, ctx)]
        found += list(check.finish(ctx))
    assert {f.record.id for f in found} == {"p3"}  # each account alone
    late = list(check.finish_scan(scan_memo))
    assert [f.record.id for f in late] == ["pl1"]
    assert "Magnolia Terrace" in late[0].evidence[0].reason


def test_a_rare_one_word_alias_names_the_workplace_however_it_is_written() -> None:
    policy = policy_from_dict(
        {"workplace": {"name": "Lammerlaw Secure Care Unit", "aliases": ["Lammerlaw", "Lantern"]}}
    )
    assert flagged([post("Hogmanay on nights again. Happy new year fae Lammerlaw x", n=1)], policy) == {"p1"}
    assert flagged([post("lammerlaw coffee is still awful", n=2)], policy) == {"p2"}
    assert not flagged([post("Lammerlaw Golf Club with dad on Sunday", n=3)], policy)  # another place's name
    assert not flagged([post("Lantern parade in the park with the kids", n=4)], policy)  # a word with other senses


def test_the_workplace_street_by_its_rare_name_with_a_time_or_work() -> None:
    boren = policy_from_dict(
        {"workplace": {"name": "Marrowstone Medical Center", "address": "1420 Boren Avenue, Seattle"}}
    )
    assert flagged([post("snow on Boren again. ukulele in a garbage bag. at work by 7:30", n=1)], boren) == {"p1"}
    assert not flagged([post("snow on Boren again, what a week", n=2)], boren)
    street = policy_from_dict({"workplace": {"name": "Carrick Counselling", "address": "21 Causewayside, Edinburgh"}})
    assert flagged([post("lunch on the wall on causewayside, then back in for my 12:30", n=3)], street) == {"p3"}
    ardcarn = policy_from_dict({"workplace": {"name": "St Finian's", "address": "41 Ardcarn Road, Dublin 12"}})
    assert flagged([post("Ardcarn Road at 7.55 is a car park. late again", n=4)], ardcarn) == {"p4"}
    assert not flagged([post("Ardcarn Road roadworks cost me £7.55 in parking", n=5)], ardcarn)


def test_a_rare_word_alias_counts_where_written_as_a_name_inside_a_sentence() -> None:
    policy = policy_from_dict({"workplace": {"name": "Fireweed Counseling", "aliases": ["Fireweed"]}})
    assert flagged([post("Thank you to every family who trusted Fireweed with their kids", n=1)], policy) == {"p1"}
    assert not flagged([post("Fireweed everywhere on the Herman Gulch trail today", n=2)], policy)  # the plant
    assert not flagged([post("Willow painted me a fireweed flower", n=3)], policy)


def test_a_statement_naming_a_learned_workplace_is_reported_itself() -> None:
    records: list[AnyRecord] = [
        post("Big news... after nearly 6 years on Larkspur I've got a new job!!", n=1),
        post("Last shift on Larkspur. 6 years. Had a proper cry in the car", n=2),
    ]
    assert flagged(records) == {"p1", "p2"}
    river = [post("5 years on Forth and moving on next month", n=3), post("Last shift on Forth today", n=4)]
    assert not flagged(river)  # a common word ("Forth", a river) is no workplace's name on its own


def test_a_learned_one_word_workplace_with_its_ward_or_unit() -> None:
    records: list[AnyRecord] = [
        post("after nearly 6 years on Larkspur I've got a new job", n=1),
        post("Larkspur Ward is not for the faint hearted but the team are amazing", n=2),
        post("Larkspur Park cleanup with the kids", n=3),  # another place's name
    ]
    assert flagged(records) == {"p1", "p2"}
    assert not flagged([post("6 years on Forth, off I go", n=4), post("Forth Ward is throwing a party", n=5)])


def test_the_workplace_street_with_the_work_done_there_or_a_place_near_work() -> None:
    policy = policy_from_dict(
        {"workplace": {"name": "Sonoran Safe Haven", "address": "3150 W Indian School Rd, Phoenix, AZ 85017"}}
    )
    assert flagged([post("iced coffee on Indian School before 8 sessions", n=1)], policy) == {"p1"}
    assert flagged([post("coffee from the cart on Indian School Rd then straight into a review", n=2)], policy)
    assert not flagged([post("Summer Friday on Indian School Rd, farmers market haul", n=3)], policy)
    assert flagged([post("Lunch at Pho Thanh on 35th Ave, two blocks from work 🍜", n=4)], policy) == {"p4"}
    assert not flagged([post("I live two blocks from work and I'm still late", n=5)], policy)


def test_an_account_handle_opening_with_the_workplace_name() -> None:
    assert flagged([post("@mercyridgeMC why is the night shift parking lot lit like a horror movie", n=1)])
    assert not flagged([post("@mercyfulfate best show of the year", n=2)])


def test_a_check_in_on_the_workplace_street_out_of_hours_with_work() -> None:
    assert flagged([post("fuel for an 8-session day ☕", "Pine Hollow Bean Co.", n=1)]) == {"p1"}
    assert not flagged([post("latte and a croissant", "Pine Hollow Bean Co.", n=2)])  # no hours, no work


def test_starting_a_job_at_the_workplace_by_the_words_its_name_opens_with() -> None:
    policy = policy_from_dict({"workplace": {"name": "Kilbride Cancer Center"}})
    assert flagged([post("Excited to start as lead social worker at Kilbride", n=1)], policy) == {"p1"}
    assert not flagged([post("Kilbride is lovely in the spring", n=2)], policy)
