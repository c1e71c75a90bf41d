"""workplace-location (wp8): a learned hospital named for its town is not its town's hashtag; a second room named by
its town."""

from __future__ import annotations

from checks.analysis.places import build_terms, names_workplace
from checks.policy import Workplace, policy_from_dict
from tests.checks.test_workplace_location_wp6 import check_in, flagged, post


def test_a_learned_names_core_is_not_matched_from_a_hashtag() -> None:
    learned = build_terms(Workplace(name="Alice Springs Hospital", aliases=("Alice Springs",)), listed=False)
    assert names_workplace("Camel cup day #alicesprings", learned) is None  # the town's own tag
    assert names_workplace("Night shift done #alicespringshospital", learned) == "alice springs hospital"
    listed = build_terms(Workplace(name="Little Wattle Clinic", aliases=("Little Wattle",)))
    assert names_workplace("Open day! #littlewattle", listed) == "little wattle"  # a listed alias: as before


def test_a_town_hashtag_is_not_the_learned_hospital_named_for_it() -> None:
    records = [
        post("6 years at Tarcoola Springs Hospital this summer", 1),
        check_in("Tarcoola Springs Hospital", 2),
        post("Camel races 🐪 #tarcoolasprings", 3),
        post("Ward party 🎄 #tarcoolaspringshospital", 4),
    ]
    assert flagged(records) >= {"pl2", "p4"}
    assert "p3" not in flagged(records)


def test_a_second_room_named_by_its_town_is_learned_from_a_work_post() -> None:
    policy = policy_from_dict(
        {"workplace": {"name": "Harbour Room Psychotherapy", "address": "12 Main Street, Rathmines, Dublin 6"}}
    )
    records = [
        post("New room in Kilcoole 🌊 EMDR and trauma therapy on Tuesdays, DM me to book a session", 1),
        post("Kilcoole clients are a different breed, one came to therapy soaked", 2),
        post("Tuesday in the Kilcoole room done ✅ 4 clients", 3),
        post("Kilcoole seafront is lovely", 4),  # the town alone
    ]
    assert flagged(records, policy) == {"p1", "p2", "p3"}
    holiday = [post("Booked a new room in Kilcoole for our anniversary weekend!", 1), post("Kilcoole clients rock", 2)]
    assert not flagged(holiday, policy)  # a hotel room, not a room of one's own
