"""client-mention: names, handles, first names with work context, descriptions; decoys that must not flag."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.base import CheckContext, Finding, Severity, SourceInfo
from checks.client_mention import ClientMentionCheck
from checks.matching import Matcher
from checks.policy import Policy, Workplace
from scanner.clients import Client, ClientList
from scanner.records import AnyRecord, Audience, Comment, Message, Person, Post, Thread
from tests.checks.records import facebook_thread

T0 = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)
CLIENTS = ClientList(
    (
        Client(id="C1", name="Hope Alvarado", handles=(("instagram", "hopealvarado_"),)),
        Client(id="C2", name="William Brennan", aliases=("Will", "Billy")),
        Client(id="C3", name="Grace Hollis"),
        Client(id="C4", name="Mark Szymanski"),
        Client(id="C5", name="Michael Jordan"),
        Client(
            id="C6", name="Samuel Okafor", aliases=("Sam",), notes="adult; owns a Nigerian restaurant; Friday sessions"
        ),
        Client(id="C7", name="Tamara Dunleavy", aliases=("Tami",), notes="adult; welder at Harlow Steel"),
    )
)
POLICY = Policy(workplace=Workplace(name="Riverside Community Health", aliases=("Riverside",)))


def checked(record: AnyRecord, context: CheckContext) -> list[Finding]:
    """The check's findings on one record, including those it keeps for the end of the source and the scan."""
    check = ClientMentionCheck()
    return [*check.run(record, context), *check.finish(context), *check.finish_scan(context.scan_memo)]


def ctx(platform: str = "facebook") -> CheckContext:
    return CheckContext(policy=POLICY, matcher=Matcher(CLIENTS), source=SourceInfo(platform=platform))


def post(text: str, audience: Audience = Audience.PUBLIC, platform: str = "facebook") -> Post:
    return Post(platform=platform, id=str(abs(hash(text))), source="t", timestamp=T0, text=text, audience=audience)


def thread(*messages: Message, partner: str = "Pat Colleague", thread_id: str = "t") -> Thread:
    return facebook_thread(partner, *messages, thread_id=thread_id)


def clients_in(text: str, platform: str = "facebook") -> set[str]:
    findings = list(checked(post(text, platform=platform), ctx(platform)))
    assert len(findings) <= 1
    return {c.id for f in findings for c in f.clients} | ({"?"} if findings and not findings[0].clients else set())


CASES = [
    ("Hope Alvarado came in today with blue hair and the biggest smile, proud of her progress in session", {"C1"}),
    ("Will finally opened up in group today. Six weeks of silence.", {"C2"}),
    ("My client Grace made this for me before her baby came", {"C3"}),
    ("Mark from my Tuesday men's group just got his 1-year chip", {"C4"}),
    ("Hope A. told me in session she got the job!!", {"C1"}),
    ("Michael Jordan (no, not that one) just finished his anger management program", {"C5"}),
    ("My Friday 2pm owns the only Nigerian restaurant in town and brought jollof rice for the whole staff", {"C6"}),
    ("Shoutout to the only woman welder at Harlow Steel, who is also on my caseload", {"C7"}),
    (
        "Can't stop thinking about the 15-year-old with autism I see on Tuesdays whose dad coaches the wrestling team",
        {"?"},
    ),
    # decoys
    ("Fourth of July at Mark & Rose's. Will lit a sparkler off another sparkler", set()),
    ("Will you please stop growing?? You were 4 like yesterday", set()),
    ("Will someone tell the bullpen the game has 9 innings", set()),
    ("Saying grace with a toddler at the table is a contact sport", set()),
    ("Wigilia at Babcia Grace's. 12 dishes and 0 room for dessert", set()),
    ("I hope whoever designed the left-turn signals is having a bad day", set()),
    ("Dad still thinks Michael Jordan should've stuck with baseball", set()),
    ("Michael Jordan with a hat-trick for the Sunday league lads today", {"C5"}),  # local sport: not the famous one
    ("Michael Jordan finally got his own place, but he still visits", {"C5"}),  # English "but" is no goal
    ("Michael Jordan if you read this: you led the tour today", {"C5"}),  # a word to someone one knows
    ("Michael Jordan quel but ce soir", set()),
    ("Michael Jordan (ours, not the singer) won the album quiz again", {"C5"}),  # the owner says it is not the star
    ("Billy Brennan, croisé ce midi sur le boulevard, en costume", {"C2"}),  # nickname and surname: a full name
    ("Farewell lunch for our clinical director Grace Whitman, 31 years at the agency", set()),
    ("Shoutout to my coworker Grace N. who covered my Thursday groups", set()),
    ("Our new intern Will is 23 and calls the fax machine the printer phone", set()),
    ("Father's Day parade: my nephew Will made a sign, then we had a session of pierogi", set()),
    ("Grace Kelly in Rear Window is my entire personality and my caseload agrees", set()),
    ("Read my group Mark 4:39 today before the session: peace, be still", set()),  # a book of the Bible
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_texts(text: str, expected: set[str]) -> None:
    assert clients_in(text) == expected


def test_handle_on_its_platform() -> None:
    assert clients_in("so proud of @hopealvarado_ today", platform="instagram") == {"C1"}
    # people keep their handle across platforms: a distinctive one written with its "@" counts elsewhere too
    assert clients_in("so proud of @hopealvarado_ today", platform="x") == {"C1"}
    assert clients_in("so proud of hopealvarado_ today", platform="x") == set()


def test_a_short_handle_of_another_platform_is_not_a_mention() -> None:
    clients = ClientList((Client(id="S1", name="Stan Wrigley", handles=(("instagram", "stanw"),)),))
    for platform, expected in (("x", False), ("instagram", True)):
        context = CheckContext(policy=POLICY, matcher=Matcher(clients), source=SourceInfo(platform=platform))
        assert bool(checked(post("@stanw see you at the match", platform=platform), context)) is expected


def test_several_clients_one_finding_and_severity() -> None:
    text = "Hope A. and Grace Hollis both in group today, what a session"
    public = list(checked(post(text), ctx()))
    assert len(public) == 1 and {c.id for c in public[0].clients} == {"C1", "C3"}
    assert public[0].severity is Severity.CRITICAL
    assert any(e.text == "Grace Hollis" for e in public[0].evidence)
    unknown = next(iter(checked(post(text, Audience.UNKNOWN), ctx())))
    assert unknown.severity is Severity.HIGH
    private = next(iter(checked(post(text, Audience.PRIVATE), ctx())))
    assert private.severity is Severity.MEDIUM


def test_post_by_someone_else_is_not_a_mention() -> None:
    tagged = Post(
        platform="facebook",
        id="x",
        source="t",
        timestamp=T0,
        text="Hope Alvarado in group today",
        author=Person(name="Somebody"),
    )
    assert not list(checked(tagged, ctx()))


def test_thread_partner_greeting_is_not_a_mention_but_a_named_third_client_is() -> None:
    msgs = (
        Message(Person(name="Pat Colleague"), T0, "can you cover my 2pm?", False),
        Message(Person(name="Me"), T0, "Pat, yes. Is it Grace Hollis? her safety plan is in the chart", True),
    )
    found = list(checked(thread(*msgs), ctx()))
    assert [c.id for c in found[0].clients] == ["C3"] and found[0].record.name == "Pat Colleague"
    greet = (Message(Person(name="Me"), T0, "Hi Hope! see you at your session Tuesday", True),)
    assert not list(checked(thread(*greet, partner="H. A.", thread_id="t2"), ctx()))


def _thread_clients(*lines: tuple[str, str], owner: str = "Kirsty Mowat") -> set[str]:
    """The clients named in a thread of (writer, text) messages; the owner's own messages are from ``owner``."""
    msgs = tuple(Message(Person(name=who), T0, text, who == owner) for who, text in lines)
    partner = next(who for who, _ in lines if who != owner)
    context = CheckContext(
        policy=POLICY, matcher=Matcher(CLIENTS), source=SourceInfo(platform="facebook", account_name=owner)
    )
    return {c.id for f in checked(thread(*msgs, partner=partner), context) for c in f.clients}


def test_a_name_in_a_reply_takes_the_context_of_the_message_it_answers() -> None:
    """Sam's mum writes about his medication; the owner's reply names Sam with no clinical word of its own."""
    mum = ("Donna Okafor", "Hiya, sorry to message on here. his sertraline has run out and the GP says it's you")
    assert _thread_clients(mum, ("Kirsty Mowat", "No problem. Can you bring Sam Thursday at 3.30 as planned?")) == {
        "C6"
    }
    # a weekday after a first name is no surname ("Sam Thursday")
    assert _thread_clients(("Donna Okafor", "hiya"), ("Kirsty Mowat", "Can you bring Sam Thursday to group?")) == {"C6"}


def test_the_writers_of_a_thread_are_not_clients_of_the_same_first_name() -> None:
    clients = ClientList((Client(id="K1", name="Kirsty Brown"), Client(id="K2", name="Danny Boyle")))
    context = CheckContext(
        policy=POLICY, matcher=Matcher(clients), source=SourceInfo(platform="facebook", account_name="Kirsty Mowat")
    )
    msgs = (
        Message(Person(name="Callum M"), T0, "kirsty its Danny. can u get me the scarf for my ward pass", False),
        Message(Person(name="Kirsty Mowat"), T0, "I can't message you on here. Ask on the ward.", True),
    )
    assert not checked(thread(*msgs, partner="Callum M"), context)  # the owner, and a sender signing
    asked = (Message(Person(name="Callum M"), T0, "this is Danny's gran. his lithium level came back at 1.3", False),)
    assert {c.id for f in checked(thread(*asked, partner="Callum M", thread_id="t2"), context) for c in f.clients} == {
        "K2"
    }


FR_CLIENTS = ClientList(
    (
        Client(id="F1", name="Aurore Vidal"),
        Client(id="F2", name="Mohamed Haddad", aliases=("Momo",)),
        Client(id="F3", name="Claire Dumas", notes="urgences psy; passages fréquents"),
        Client(id="F4", name="Laurence Bidart", notes="eskétamine en hôpital de jour; kinésithérapeute à Arcachon"),
        Client(id="F5", name="Baptiste Lahitte", notes="TDAH de l'adulte; serveur dans un bar des Chartrons"),
        Client(
            id="F6",
            name="Agnieszka Wiśniewska",
            notes="perinatal depression; Polish; works at the bakery on Dumbarton Road",
        ),
        Client(id="F7", name="Hélène Verhaegen", notes="burn-out; arrêt maladie depuis 2022; Couillet"),
    )
)
FR_POLICY = Policy(workplace=Workplace(name="Hôpital Sainte-Aurore", aliases=("CH Sainte-Aurore",)))

FRENCH_CASES = [
    ("Nuit de garde aux urgences du CH Sainte-Aurore, 12 patients en attente", set()),  # a saint, not Aurore
    ("Marie-Claire, ma collègue, a tenu la garde de nuit aux urgences psy", set()),  # hyphenated name
    ("Les urgences psy débordent, passages fréquents toute la nuit", set()),  # clinical notes words only
    ("Momo est revenu nous voir dans le service, il tient son sevrage depuis 6 mois", {"F2"}),
    ("Aurore V. est sortie du service ce matin avec un rendez-vous au CMP", {"F1"}),
    # a description from the notes, through French elision ("d'Arcachon" is Arcachon)
    ("Première séance d'eskétamine pour une patiente d'Arcachon qui a tout essayé", {"F4"}),
    # articles are no facts: "des" and "adulte" in both notes and text describe nobody
    ("Je m'installe en libéral à Bordeaux (psychiatrie adulte, troubles des conduites)", set()),
    # three words of the notes from separate facts describe a client without any work word
    ("the Polish lassie from the bakery on Dumbarton Road brought pączki", {"F6"}),
    # the owner's own burn-out shares only health words with a client's notes
    ("Je pars en arrêt maladie. Burn-out. Pas de honte à avoir", set()),
]


@pytest.mark.parametrize(("text", "expected"), FRENCH_CASES)
def test_french_texts(text: str, expected: set[str]) -> None:
    c = CheckContext(policy=FR_POLICY, matcher=Matcher(FR_CLIENTS), source=SourceInfo(platform="facebook"))
    found = {m.id for f in checked(post(text), c) for m in f.clients}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tami's GP moved her up to 100mg sertraline last month", {"C7"}),  # a possessive before an acronym
        ("Tami's Diner has the best pancakes in town", set()),  # a possessive before a proper name: a place
        ("Mme Hollis est tombée cette nuit, col du fémur", {"C3"}),  # a French title and the surname
        ("M. Szymanski, mon patient de la chambre 12, a refait sa tarte à l'atelier de l'unité", {"C4"}),
        ("Tami's GAD-7 tonight: 6. In September it was 19", {"C7"}),  # a possessive, not a surname
        ("Mrs Hollis held the tablet for twenty minutes to see her grandkids", {"C3"}),  # a title: how carers speak
        ("Miss Grace brought cake for the whole hall today", {"C3"}),
        ("Tami, if you ever see this: you were so brave that night 💜", {"C7"}),  # someone she lost touch with
        ("Tami, see you at the barbecue Saturday!", set()),  # a friend who shares the name
        ("Tamara Dunleavy in the choir's concert tonight, so proud of you!", {"C7"}),  # a local stage, not fame
        ("Tamara Dunleavy first episode, admitted last night", {"C7"}),  # a clinical episode, not a TV one
        ("Tamara Dunleavy is brilliant in the new episode on Netflix", set()),  # a famous namesake
        # the words around a first name, read by the vocabulary model as if the name were the client's
        ("Tami made eye contact for the whole hour today and asked about my weekend", {"C7"}),
        ("Tami finally said the word out loud in our hour together. Eight months of work", {"C7"}),
        ("Tami and I went for brunch", set()),
        # an apposition with a possessive says who the person is to the owner
        ("Tami, my niece, made eye contact for the whole hour today", set()),
        ("Tami (ma fille) a dit le mot à voix haute pour la première fois", set()),
        ("Tami, my client of eight months, made eye contact for the whole hour today", {"C7"}),
    ],
)
def test_possessives_and_french_titles(text: str, expected: set[str]) -> None:
    assert clients_in(text) == expected


def test_first_name_and_initial_with_a_fact_from_the_notes() -> None:
    """ "Tamara D. got a raise at Harlow Steel": the name, the surname initial and a fact of the notes (employer)
    point at one client even without clinical words; the name and initial alone in a chatty post do not."""
    assert clients_in("Tamara D. got a raise at Harlow Steel, so proud of her") == {"C7"}
    assert clients_in("Tamara D. got a raise, so proud of her") == set()


CONTACT_CLIENTS = ClientList(
    (
        Client(id="K1", name="Jade Kowalczyk", notes="court diversion 2019; 0412 558 301"),
        Client(id="K2", name="Priya Dsouza", notes="WRAP plan; priya.dsouza88@example.org"),
    )
)


def contact_mentions(record: Post | Thread) -> set[str]:
    c = CheckContext(policy=POLICY, matcher=Matcher(CONTACT_CLIENTS), source=SourceInfo(platform="facebook"))
    return {m.id for f in checked(record, c) for m in f.clients}


def test_a_phone_number_or_e_mail_from_the_notes_identifies_the_client() -> None:
    """The client list's notes give a client's number or address: written anywhere, it points at that client,
    with or without the country prefix and whatever the spacing, and with no name or clinical word."""
    assert contact_mentions(post("0412 558 301 is her new number if anyone wants to send love")) == {"K1"}
    assert contact_mentions(post("call back on +61 412-558-301 tomorrow")) == {"K1"}
    assert contact_mentions(post("email the plan to Priya.Dsouza88@example.org before Friday")) == {"K2"}
    assert contact_mentions(post("0412 558 302 is the new number for the footy club")) == set()


def test_a_client_giving_their_own_number_in_a_thread_is_not_a_mention() -> None:
    msgs = (
        Message(Person(name="Jade K"), T0, "my new number is 0412 558 301", False),
        Message(Person(name="Me"), T0, "thanks, saved", True),
    )
    assert contact_mentions(thread(*msgs, partner="Jade K")) == set()


def test_a_first_name_in_a_text_the_vocabulary_model_reads_as_clinical_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """A first name with no lexicon cue counts when the vocabulary model finds the post more likely than not
    about the clinician's work; the same name in a post it does not, or in a thread, is no mention."""
    from checks.analysis import work_model

    toy = work_model.WordModel(bias=-3.0, weights={}, vocabulary={"kettle": 4.0})
    monkeypatch.setattr(work_model, "word_model", lambda: toy)
    assert clients_in("Sam put the kettle on for everyone tonight") == {"C6"}
    assert clients_in("Sam put the laptop on for everyone tonight") == set()
    colleague = thread(Message(Person(name="Me"), T0, "Sam put the kettle on for everyone tonight", True))
    c = CheckContext(policy=POLICY, matcher=Matcher(CLIENTS), source=SourceInfo(platform="facebook"))
    assert not list(checked(colleague, c))  # a thread's words do not confirm one message's name


@pytest.mark.parametrize(
    "text",
    [
        "Gym session this morning, legs are done. New quilt pattern finished! Took me three months. "
        "Happy birthday Tami! Day 212.",
        "@tami_916 Best tacos in town are at the place by the station, fight me. 3/1",
        "@Tami_Day yeah...at work, 3 sessions left",  # the work words do not make another account a client
    ],
)
def test_words_never_confirm_a_friend_wished_well_or_another_account(text: str) -> None:
    """A first name wished a happy birthday, or inside someone else's @handle, is not a client's however the
    vocabulary model reads the rest of an everyday post."""
    assert clients_in(text, platform="x") == set()


NAMESAKES = ClientList(
    (
        Client(id="K1", name="Roy Keane", notes="panic disorder; same name as the footballer"),
        Client(id="K2", name="Ross Laidlaw", notes="Tyne Ward; 23 in 2023"),
        Client(id="K3", name="Brantley Cobb Jr.", aliases=("Brant Cobb",)),
        Client(
            id="K4",
            name="Daniel Hartley",
            aliases=("Dan Hartley",),
            notes="roofer; same name as the All Black; father Dan Hartley Snr coaches",
        ),
    )
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The client list says Roy Keane shares a footballer's name: the bare name is the footballer's...
        ("Roy Keane giving out about everyone again, the man never changes", set()),
        ("Roy Keane the footballer was my hero growing up", set()),  # the notes' own words name the namesake
        # A text about sport, music, film or politics: the namesake, whatever the notes say.
        ("ross laidlaw the player was my granddad's hero. 1966 and all that", set()),
        # ...unless it holds an uncommon fact of the client's notes: then it is about the client.
        ("Ross Laidlaw the player of the Tyne Ward pool table, undefeated since March", {"K2"}),
        # ...unless the text is about the work, or says it is not the famous one.
        ("Roy Keane came to group today for the first time since March", {"K1"}),
        ("Roy Keane, no not that one, ran the half marathon and raised 2k for Pieta", {"K1"}),
        # A generational suffix the client does not carry is the client's father.
        ("Ross Laidlaw Sr. fixed the boiler, best plumber in Midlothian", set()),
        ("Ross Laidlaw fixed the boiler, best plumber in Midlothian", {"K2"}),
        ("Shout out to Brantley Cobb Sr. for smoking 3 turkeys for the fundraiser", set()),
        ("Shout out to Brantley Cobb Jr. for smoking 3 turkeys for the fundraiser", {"K3"}),
        # The notes' own mention of the name ("father Dan Hartley Snr") is no description of the client.
        ("ALL BLACKS WIN!!! Dan Hartley you absolute legend", set()),
        ("Dan Hartley retiring. the greatest All Black of all time", set()),
        ("Dan Hartley missed group again, third week running since the relapse", {"K4"}),
    ],
)
def test_namesakes_and_fathers(text: str, expected: set[str]) -> None:
    context = CheckContext(policy=POLICY, matcher=Matcher(NAMESAKES), source=SourceInfo(platform="facebook"))
    findings = list(checked(post(text), context))
    assert {c.id for f in findings for c in f.clients} == expected


def _scan(texts: list[str], batches: int = 1) -> list[str]:
    """The texts with a client-mention finding, as a scan reports them (in one process or in batches)."""
    check, main = ClientMentionCheck(), ctx()
    records = [post(text) for text in texts]
    size = -(-len(records) // batches)
    found = []
    for start in range(0, len(records), size):
        worker = ctx() if batches > 1 else main
        found += [f for r in records[start : start + size] for f in check.run(r, worker)]
        if batches > 1:
            check.merge_state(main, check.batch_state(worker))
    found += [*check.finish(main), *check.finish_scan(main.scan_memo)]
    return sorted(f.record.excerpt for f in found)


HOUSEHOLD = [
    "Grace and me baked a lemon cake for the neighbours",
    "Pancakes with Grace before swimming",
    "Grace's birthday party: eleven toddlers and one bouncy castle",
    "Took Grace to see the lights downtown",
    "Grace wants a puppy for Christmas. we are not getting a puppy",
]
GRACE_AT_WORK = "Grace finally opened up in group today. Six weeks of silence."


def test_a_first_name_the_owner_often_writes_about_their_own_life_is_not_the_client() -> None:
    assert _scan([GRACE_AT_WORK]) == [GRACE_AT_WORK]  # alone: the client
    assert _scan([*HOUSEHOLD, GRACE_AT_WORK]) == []  # the owner's daughter Grace, at the owner's work
    assert _scan([*HOUSEHOLD[:4], GRACE_AT_WORK]) == [GRACE_AT_WORK]  # four personal texts are not enough
    with_health = "Grace finally opened up in group today. Six weeks sober."
    assert _scan([*HOUSEHOLD, with_health]) == [with_health]  # a health detail: the client's
    full_name = "Grace Hollis finally opened up in group today."
    assert _scan([*HOUSEHOLD, full_name]) == [full_name]  # a full name is the client wherever it is
    assert _scan([*HOUSEHOLD, GRACE_AT_WORK], batches=3) == _scan([*HOUSEHOLD, GRACE_AT_WORK])
    again = "Grace came back to group today after a month away."
    assert _scan([GRACE_AT_WORK, *HOUSEHOLD[:2], again], batches=2) == sorted([GRACE_AT_WORK, again])


def test_the_vocabulary_models_reading_is_no_vote_for_a_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the vocabulary model reads the owner's everyday posts as clinical work ("kettle"), the first name it
    confirms there does not outvote the texts that show the name is someone in the owner's life."""
    from checks.analysis import work_model

    toy = work_model.WordModel(bias=-3.0, weights={}, vocabulary={"kettle": 4.0})
    monkeypatch.setattr(work_model, "word_model", lambda: toy)
    by_model = [f"Sam put the kettle on, {n} minutes before dinner" for n in range(6)]
    home = [text.replace("Grace", "Sam") for text in HOUSEHOLD]
    assert _scan(by_model[:4]) == sorted(by_model[:4])  # alone, the model's reading makes him the client
    assert _scan([*home, *by_model]) == []
    at_work = [GRACE_AT_WORK.replace("Grace", "Sam")] * 3
    assert _scan([*home, *at_work]) == at_work  # three texts of work words: 5 is not twice 3


def test_the_household_is_the_same_in_every_archive_of_the_scan() -> None:
    """The daughter named in five everyday posts on one platform makes "Grace" at work on another the daughter
    too, when both archives are scanned together (finish_scan after each source's finish)."""
    check, scan_memo, found = ClientMentionCheck(), {}, []
    for platform, texts in (("x", HOUSEHOLD), ("facebook", [GRACE_AT_WORK])):
        context = ctx(platform)
        context.scan_memo = scan_memo
        found += [f for t in texts for f in check.run(post(t, platform=platform), context)]
        found += list(check.finish(context))
    assert found + list(check.finish_scan(scan_memo)) == []
    assert _scan([GRACE_AT_WORK]) == [GRACE_AT_WORK]


def test_a_name_that_is_also_a_word_with_a_health_detail_in_a_message_is_the_client() -> None:
    """In a message people write about someone ("Faith came home smiling..."); the word itself stays a word."""
    clients = ClientList((Client(id="F1", name="Faith Kowalczyk"),))
    for text, expected in (
        ("Faith came home smiling. First full day without a panic attack.", ["F1"]),
        ("have faith, a first full day without a panic attack is coming", []),
    ):
        message = Message(Person(name="Donna K"), T0, text, False)
        context = CheckContext(policy=POLICY, matcher=Matcher(clients), source=SourceInfo(platform="facebook"))
        assert [c.id for f in checked(thread(message, partner="Donna K"), context) for c in f.clients] == expected


AGE_CLIENTS = ClientList(
    (
        Client(id="A1", name="Patricia Coughlan", notes="Ardfallen Unit 2013; anorexia; from Bandon; 24 in 2013"),
        Client(id="A2", name="Kenji Yamamoto", notes="72; frontotemporal dementia; retired chef from Glenelg"),
        Client(id="A3", name="Lyn Pearce", notes="85; Alzheimer's; daughter Colleen O'Dea"),
        Client(id="A4", name="Hazel Okonkwo", notes="7; selective mutism; dad Emeka Okonkwo"),
        Client(id="A5", name="Sienna Falconer", notes="15; school refusal; mum Kate"),
    )
)


def age_ctx() -> CheckContext:
    return CheckContext(policy=POLICY, matcher=Matcher(AGE_CLIENTS), source=SourceInfo(platform="facebook"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age the notes give is a fact of the description, stated in any of the usual ways
        ("Girl from Bandon, 24, on the unit: weighed in this morning and finished her meal plan", {"A1"}),
        ("my 2pm session: ex-chef, 72, swearing at his wife in the waiting room", {"A2"}),
        # a number that is no age, or an age with nothing else of the notes, describes nobody
        ("Bandon has 24 new houses, session with the planning office at 2", set()),
        ("my 2pm session: a 72 year old who swore at the receptionist", set()),
    ],
)
def test_ages_in_the_notes(text: str, expected: set[str]) -> None:
    assert {m.id for f in checked(post(text), age_ctx()) for m in f.clients} == expected


@pytest.mark.parametrize(
    ("partner", "text", "expected"),
    [
        # a relative the notes name writes about the client: a family tie or the client's name in the thread
        ("Colleen O'Dea", "Sorry to message here. Will Mum's respite be at the same place as last year?", {"A3"}),
        ("Emeka Okonkwo", "She said purple today. It was a big day for Hazel, see you both Thursday", {"A4"}),
        # the same person writing about something else, and a stranger writing about their mum
        ("Colleen O'Dea", "Are you coming to the quiz night on Friday?", set()),
        ("Colleen Byrne", "Sorry to message here. Will Mum's respite be at the same place as last year?", set()),
        # the notes give a relative's first name after the family tie; the writer has it and the client's surname
        ("Kate Falconer", "Sienna went all 5 days!!! thank you", {"A5"}),
        ("Kate Byrne", "Sienna went all 5 days!!! thank you", set()),
    ],
)
def test_a_relative_named_in_the_notes_writes_about_the_client(partner: str, text: str, expected: set[str]) -> None:
    record = facebook_thread(partner, Message(sender=Person(name=partner), timestamp=T0, text=text))
    assert {m.id for f in checked(record, age_ctx()) for m in f.clients} == expected


@pytest.mark.parametrize(
    ("owner", "text", "expected"),
    [
        ("Emeka Okonkwo", "Merry Christmas! Tell Hazel her tree is even better than last year's", {"A4"}),
        ("Emeka Okonkwo", "Merry Christmas to you all!", set()),
    ],
)
def test_a_comment_on_a_relatives_post_that_names_the_client(owner: str, text: str, expected: set[str]) -> None:
    record = Comment(
        platform="facebook", id="c1", source="comments.json#0", timestamp=T0, text=text, target_owner=Person(name=owner)
    )
    assert {m.id for f in checked(record, age_ctx()) for m in f.clients} == expected


LOWER_CLIENTS = ClientList(
    (
        Client(id="L1", name="Sheila Bottomley"),
        Client(id="L2", name="Nadeem Akhtar"),
        Client(id="L3", name="Hope Underwood"),
        Client(id="L4", name="Dawn Pearson"),
        Client(id="L5", name="Maxine Lloyd-Baker", aliases=("Max",)),
        Client(id="L6", name="Sandrine David"),
    )
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a writer who never capitalises: a name and an initial, a title and a surname are still names
        ("sheila b brought me a photo of her son in session today. first time since we started", {"L1"}),
        ("mr akhtar said today the inquest date has come through. session 8 and he hasn't slept", {"L2"}),
        # a name that is an ordinary word stays a word in lower case, even before a letter
        ("hope u brought me a photo of her son in session today", set()),
        ("hope u feel better after session today x", set()),
        # ... unless the initials of its surname follow, as clinicians abbreviate a name
        ("dawn p managed the big shop on her own today. GAD-7 down from 18 to 9", {"L4"}),
        ("max l-b did her first parkrun back today. session 12", {"L5"}),
        ("dawn is the best time for a session of yoga", set()),
        # the m of "i'm" is no French title: "i'm david" is not "M. David"
        ("i'm david and i approve this session", set()),
        ("m david a raté sa séance ce matin, 3e fois", {"L6"}),
        # a writer who capitalises: the matcher's own forms, nothing added
        ("Sheila b brought cake to the office", set()),
    ],
)
def test_names_written_in_lower_case(text: str, expected: set[str]) -> None:
    c = CheckContext(policy=POLICY, matcher=Matcher(LOWER_CLIENTS), source=SourceInfo(platform="x"))
    assert {m.id for f in checked(post(text, platform="x"), c) for m in f.clients} == expected


NOTES_CLIENTS = ClientList(
    (
        Client(id="N1", name="Arthur Mallinson", notes="79; widower since 2016; Armley; Leeds United season ticket"),
        Client(id="N2", name="Oscar Pemberton", aliases=("Ozzie",), notes="autism assessment 2019 aged 6; loves Lego"),
        Client(id="N3", name="Niamh Doyle", notes="Leaving Cert 2022; exam stress; Fermoy"),
        Client(id="N4", name="Tom Baxter", notes="dad; parents separated; after school club"),
        Client(id="N5", name="Kayla Brewer", notes="31; postpartum psychosis 2019; Kingston"),
        Client(id="N6", name="Rhys Lamb", notes="anxiety; Kingston"),
        Client(id="N7", name="Sloane Whitfield", notes="34; attorney downtown; Tuesdays 6pm"),
    )
)


def notes_clients_in(text: str, monkeypatch: pytest.MonkeyPatch, vocabulary: dict[str, float]) -> set[str]:
    """The clients found in a post, with a toy vocabulary model (bias −3; a word of weight 3 gives 0.5, of 6 gives
    0.95) standing in for the shipped one."""
    from checks.analysis import work_model

    toy = work_model.WordModel(bias=-3.0, weights={}, vocabulary=vocabulary)
    monkeypatch.setattr(work_model, "word_model", lambda: toy)
    c = CheckContext(policy=POLICY, matcher=Matcher(NOTES_CLIENTS), source=SourceInfo(platform="x"))
    return {m.id for f in checked(post(text, platform="x"), c) for m in f.clients}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two separate details of the notes, one of them uncommon, about someone: the client, if the words agree
        ("a widower from armley told me he keeps her slippers by the fire", {"N1"}),
        # one name of a thing is one detail; everyday words are nobody's; nobody in particular is written about
        ("Leaving Cert results today, bring tissues", set()),
        ("dad did the school run, parents evening at 7", set()),
        ("armley library has a new widower support leaflet", set()),
    ],
)
def test_a_description_from_the_notes_that_the_vocabulary_model_reads_as_work(
    monkeypatch: pytest.MonkeyPatch, text: str, expected: set[str]
) -> None:
    """A text sharing notes words with one client and no lexicon work cue is a description of that client when the
    vocabulary model reads it as about the work and the words are separate details of one person."""
    words = {w: 6.0 for w in ("told", "results", "run", "leaflet")}
    assert notes_clients_in(text, monkeypatch, words) == expected
    assert notes_clients_in(text, monkeypatch, {}) == set()  # the same text read as everyday: nobody


def test_a_description_in_a_clinical_text_is_still_two_details_of_one_person(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the lexicons' work words and no help from the model, the notes words must still be separate details of
    one person: "Leaving Cert" is one name of a thing, whoever writes it in a text about sessions."""
    clinical = "my whole caseload in back-to-back counselling sessions today"
    assert notes_clients_in(f"a widower from armley told me he keeps her slippers; {clinical}", monkeypatch, {}) == {
        "N1"
    }
    assert notes_clients_in(f"Leaving Cert results tomorrow, {clinical}", monkeypatch, {}) == set()


def test_a_first_name_next_to_a_fact_of_the_client_s_notes_asks_less_of_the_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The words put the post at 0.5: too little for a first name alone (0.65), enough with an uncommon word of
    that client's notes or the age they give."""
    half = {"dressed": 3.0}
    assert notes_clients_in("Ozzie dressed as a Lego minifig today", monkeypatch, half) == {"N2"}
    assert notes_clients_in("Ozzie dressed as a pirate today", monkeypatch, half) == set()
    assert notes_clients_in("Ozzie dressed as a Lego minifig today", monkeypatch, {}) == set()


def test_the_name_itself_is_no_fact_of_the_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notes that warn "no relation to the clinician's daughter Holly" hold the word Holly: the daughter's name in a
    post is not a fact of the client's notes that confirms the name."""
    from checks.analysis import work_model

    toy = work_model.WordModel(bias=-3.0, weights={}, vocabulary={"cried": 3.0})
    monkeypatch.setattr(work_model, "word_model", lambda: toy)
    clients = ClientList((Client(id="Y1", name="Holly Cronin", notes="6th year; watercolours; not my daughter Holly"),))
    c = CheckContext(policy=POLICY, matcher=Matcher(clients), source=SourceInfo(platform="x"))
    assert not checked(post("Holly cried because her cross looks like a spider", platform="x"), c)
    assert {
        m.id for f in checked(post("Holly cried because her watercolours ran out", platform="x"), c) for m in f.clients
    }


def test_an_emoji_ends_a_sentence_before_a_name_that_is_a_word() -> None:
    """ "… à Gilly 🕊️ Grâce à Dieu": after an emoji a capitalised word opens a sentence, so a first name that is
    also a word ("Grâce à", "Hope you") reads as the word there, as after a full stop."""
    clients = ClientList((Client(id="G1", name="Grâce Nsimba", notes="article 60 à la crèche; Gilly"),))
    matcher = Matcher(clients)
    assert not matcher.find_in_text("Communion de ma nièce ce matin à Gilly 🕊️ Grâce à Dieu il n'a pas plu", "x")
    assert matcher.find_in_text("Communion ce matin, Grâce Nsimba chantait", "x")


def test_a_first_name_and_the_initials_of_a_double_barrelled_surname() -> None:
    """ "Harper N-S" is Harper Nguyen-Smith; "Harper N-W" is someone else (the first initial alone is glued to
    another capital, as in a place or a double name)."""
    clients = ClientList((Client(id="H1", name="Harper Nguyen-Smith"),))
    hits = Matcher(clients).find_in_text("Harper N-S came back to school today", "x")
    assert [(h.text, h.how) for h in hits] == [("Harper N-S", "first_initial")]
    c = CheckContext(policy=POLICY, matcher=Matcher(clients), source=SourceInfo(platform="x"))
    text = "{} came back to school today after 3 weeks of school refusal. session 6 next week"
    assert {m.id for f in checked(post(text.format("Harper N-S"), platform="x"), c) for m in f.clients} == {"H1"}
    assert not checked(post(text.format("Harper N-W"), platform="x"), c)


def test_a_french_father_is_somebody_else() -> None:
    clients = ClientList((Client(id="B1", name="Bernard Castaing", notes="ancien tonnelier à Saint-Émilion; veuf"),))
    c = CheckContext(policy=POLICY, matcher=Matcher(clients), source=SourceInfo(platform="facebook"))
    text = "Mon père Bernard a 70 ans aujourd'hui et remonte toujours à vélo la côte de Saint-Émilion"
    assert not checked(post(text), c)


def test_a_rare_word_of_the_vocabularies_in_the_notes_is_a_detail_of_the_client(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "postpartum" is a health word of the lexicons, and rare enough to say something about one client: with the
    town, the notes describe her. "anxiety" says nothing about one person."""
    clinical = "my whole caseload in back-to-back counselling sessions today"
    assert notes_clients_in(f"a new mum from kingston, 6 days postpartum; {clinical}", monkeypatch, {}) == {"N5"}
    assert notes_clients_in(f"a lad from kingston with anxiety; {clinical}", monkeypatch, {}) == set()


def test_a_weekly_slot_of_the_notes_is_the_client_s_hour(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notes that give the client's weekly slot ("Tuesdays 6pm"): the clinician's "my Tuesday 6pm" is that client,
    whatever the hour is written as; another hour, or a class at that hour with nobody in it, is not."""
    clinical = "back-to-back counselling sessions all week"
    assert notes_clients_in(f"my Tuesday 6pm said she slept through; {clinical}", monkeypatch, {}) == {"N7"}
    assert notes_clients_in(f"my tuesday 6:00 pm cried the whole hour; {clinical}", monkeypatch, {}) == {"N7"}
    assert notes_clients_in(f"my Tuesday 5pm said she slept through; {clinical}", monkeypatch, {}) == set()
    assert notes_clients_in(f"Tuesday 6pm spin class was packed; {clinical}", monkeypatch, {}) == set()


@pytest.mark.parametrize(("partner", "expected"), [("Pat Colleague", {"N1"}), ("Arthur Mallinson", set())])
def test_a_client_in_the_thread_is_not_described_by_their_own_news(
    monkeypatch: pytest.MonkeyPatch, partner: str, expected: set[str]
) -> None:
    """Notes details in a thread describe the client to someone else; written with the client, they are the
    client's own news (the thread is a client-message, not a mention)."""
    from checks.analysis import work_model

    monkeypatch.setattr(work_model, "word_model", lambda: work_model.WordModel(bias=-3.0, weights={}, vocabulary={}))
    clinical = "a widower from armley told me he keeps her slippers; my whole caseload in counselling sessions today"
    msgs = (Message(Person(name="Me"), T0, clinical, True),)
    c = CheckContext(policy=POLICY, matcher=Matcher(NOTES_CLIENTS), source=SourceInfo(platform="facebook"))
    found = {m.id for f in checked(thread(*msgs, partner=partner), c) for m in f.clients}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aroha finally opened up in group therapy today, back at the clinic on Monday", {"A1"}),
        ("aroha finally opened up in group therapy today", {"A1"}),  # the writer capitalises nothing
        # the writer capitalises names ("Monday", "Wellington"): a name in lower case is a word of the language
        ("Lots of aroha to everyone in group therapy this week, back at the clinic on Monday in Wellington", set()),
    ],
)
def test_a_first_name_in_lower_case_from_a_writer_who_capitalises_names_is_a_word(
    text: str, expected: set[str]
) -> None:
    c = CheckContext(policy=POLICY, matcher=Matcher(ClientList((Client("A1", "Aroha Ngata"),))), source=SourceInfo("x"))
    assert {m.id for f in checked(post(text, platform="x"), c) for m in f.clients} == expected
