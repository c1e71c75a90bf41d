"""work-related-post: table-driven texts (work vs. other senses), threads, severity and evidence."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.base import CheckContext, Finding, Severity, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy, Workplace
from checks.text import WORK_THRESHOLD
from checks.work_related_post import WorkRelatedPostCheck
from scanner.clients import Client, ClientList
from scanner.records import Audience, Comment, Message, Person, Post, Thread

T0 = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)
CLIENTS = ClientList(
    (
        Client(id="C1", name="Hope Alvarado"),
        Client(id="C2", name="William Brennan", aliases=("Will",)),
        Client(id="C3", name="Grace Hollis"),
    )
)
POLICY = Policy(
    workplace=Workplace(
        name="Riverside Community Health",
        aliases=("RCH", "Riverside"),
        address="200 Elm Street, Springfield",
    )
)


def ctx(platform: str = "facebook") -> CheckContext:
    return CheckContext(policy=POLICY, matcher=Matcher(CLIENTS), source=SourceInfo(platform=platform))


def post(
    text: str, audience: Audience = Audience.PUBLIC, author: Person | None = None, place: str | None = None
) -> Post:
    return Post(
        platform="facebook",
        id=str(abs(hash(text))),
        source="t",
        timestamp=T0,
        text=text,
        audience=audience,
        author=author,
        place=place,
    )


CASES = [
    # clinical work (several professions, French)
    ("14 progress notes today. coffee went cold at 9:15 and I drank it anyway", True),
    ("Crisis day. Three walk-ins before lunch, one ambulance.", True),
    ("Had an irate parent yell at me in the lobby because I won't say what her son talks about in session.", True),
    ("Holidays are rough for a lot of the folks on my caseload.", True),
    ("Had a client tell me today that I was the first person who didn't flinch.", True),
    ("Back at Riverside Community Health three days a week starting Monday", True),
    ("Night shift on the unit again, 6 patients and a charge nurse who is a saint", True),
    ("Three home visits and a CPS report before noon. My caseload is out of control.", True),
    ("Grosse journée : douze séances et deux patients en crise, je suis épuisée", True),
    ("Ma garde aux urgences était interminable, trois patients en attente de lit", True),
    ("the barista drew a heart on my cold brew and I'll make it through 7 sessions on that alone", True),
    # other senses and other people's work
    ("Killer session at the gym this morning. My quads have filed a formal complaint.", False),
    ("Saturday jam session in the garage, Dad on accordion", False),
    ("Iowa legislative session starts today. Writing emails to my state senator", False),
    ("The House is in session and I have tabs open for six bills", False),
    ("be patient with yourselves this holiday season", False),
    ("Our dog is the most patient dog in the world", False),
    ("Started seeing my own therapist again. Therapists need therapists. No shame in it.", False),
    ("My friend Jess launched her freelance design business and her first client is a goat farm!", False),
    ("Dan's landscaping clients keep tipping him in zucchini", False),
    ("My hair appointment moved to Thursday, finally a trim", False),
    ("World Mental Health Day. Sharing this article because stigma kills", False),
    ("Recovery meetup Saturday at the library, coffee and donuts, this is a peer space, not therapy.", False),
    ("Family photo session done!! the kids cooperated for four frames", False),
    ("Recovery walk at Riverside Park this weekend, bring gloves", False),
    ("Reading group tonight: we're discussing Beloved", False),
    ("Session beers on the patio", False),
    ("Picked up an extra shift at the bakery this weekend", False),
    ("Charting until 9pm after a 12-hour shift. Nursing is a calling they said", True),
    ("Happy Father's Day to my dad and my brother Will", False),
]


@pytest.mark.parametrize(("text", "should_flag"), CASES)
def test_texts(text: str, should_flag: bool) -> None:
    findings = list(WorkRelatedPostCheck().run(post(text), ctx()))
    assert bool(findings) is should_flag, [e.reason for f in findings for e in f.evidence]


def test_evidence_names_every_term_and_severity_follows_audience() -> None:
    text = "Caseload of 62 and three intakes tomorrow"
    public = next(iter(WorkRelatedPostCheck().run(post(text), ctx())))
    spans = {e.text.lower() for e in public.evidence}
    assert {"caseload", "intakes"} <= spans
    assert all(text[e.start : e.end] == e.text for e in public.evidence if e.end > e.start)
    assert public.severity is Severity.HIGH
    assert public.record.timestamp == T0
    friends = next(iter(WorkRelatedPostCheck().run(post(text, Audience.FRIENDS), ctx())))
    assert friends.severity is Severity.MEDIUM
    private = next(iter(WorkRelatedPostCheck().run(post(text, Audience.PRIVATE), ctx())))
    assert private.severity is Severity.LOW


def test_post_by_someone_else_is_skipped_unless_at_the_workplace() -> None:
    other = post("staff holiday party", author=Person(name="A Colleague"))
    assert not list(WorkRelatedPostCheck().run(other, ctx()))
    at_work = post("staff holiday party", author=Person(name="A Colleague"), place="Riverside Community Health")
    assert list(WorkRelatedPostCheck().run(at_work, ctx()))


def test_comment_is_read() -> None:
    c = Comment(
        platform="facebook",
        id="c1",
        source="t",
        timestamp=T0,
        text="we lost two clinicians so everybody's caseload went up",
    )
    assert list(WorkRelatedPostCheck().run(c, ctx()))


def _thread(partner: str, texts: list[tuple[str, bool]]) -> Thread:
    msgs = tuple(Message(Person(name="Me" if own else partner), T0, t, own) for t, own in texts)
    return Thread(
        platform="facebook", id="t1", source="t", timestamp=T0, participants=(Person(name=partner),), messages=msgs
    )


def test_thread_with_colleague_counts_but_thread_with_client_does_not() -> None:
    talk = [
        ("did you see the new productivity numbers?", False),
        ("I saw. 32 billable hours a week. I cried in my car.", True),
    ]
    colleague = list(WorkRelatedPostCheck().run(_thread("Pat Colleague", talk), ctx()))
    assert colleague and colleague[0].record.name == "Pat Colleague"
    # the other person's words are theirs: a friend who talks about her own caseload is not the owner's work
    friend = [("my caseload is insane, 3 intakes and a no-show today", False), ("oh no! wine later?", True)]
    assert not list(WorkRelatedPostCheck().run(_thread("Pat Friend", friend), ctx()))
    client = [("can I move my appointment?", False), ("Please call the office to reschedule your session.", True)]
    assert not list(WorkRelatedPostCheck().run(_thread("Hope Alvarado", client), ctx()))


# Vocabulary beyond US outpatient therapy: nursing, hospital wards, NHS (UK) and French psychiatric care.
GENERALISATION_CASES = [
    ("Handover ran late again on the ward, home at 9", True),
    ("Picked up a bank shift on Ward 6 for Sunday", True),
    ("Two of my service users moved flats this week and both invited me to the housewarming", True),
    ("Joined the CMHT as a CPN after my preceptorship", True),
    ("Nuit de garde aux urgences psy, 9 patients en attente d'un lit", True),
    ("Réunion de service de 3h, on manque toujours d'infirmiers", True),
    ("Formation sur la contention et la désescalade avec l'équipe soignante", True),
    ("Deux admissions en soins sans consentement ce matin", True),
    ("Session surf ce matin à Hossegor, je suis tombée 30 fois", False),
    ("Ctrl+Shift+T is the best shortcut ever", False),
    ("Service client de la banque : 40 minutes d'attente", False),
    ("Mode de garde trouvé pour la rentrée, une nounou en or", False),
    ("Mon patient préféré (le chat) dort sur mon clavier", False),
    ("Il faut être patiente avec une pâte à pain", False),
    ("Maman est aux urgences pour sa hanche, elle râle contre les infirmières", False),
    ("Les clients de la boulangerie ont dévalisé les croissants ce matin", False),
    ("Kindergartner eloped 3 times today. FBA done, BIP starts monday", True),  # school psychology
    ("Brought up to the approved centre on a Form 6 last night", True),  # Irish mental health services
    ("First unescorted pass to the library today, conditional discharge next", True),  # forensic
    ("my daughter in 2nd grade loves her teacher", False),
    ("3 calls, 1 petition, 1 ER handoff, 0 bathroom breaks. goodnight world", True),  # a mobile crisis team
    ("first ride-along tonight, the CIT officer speaks softer than anyone I know", True),
    ("on the phones with the airline for two hours, still no refund", False),
    ("The lyrics sound like they were written by a 7th grader", False),  # a real tweet (eval/realtext)
    ("I would be lucky to have a Nokia in 3rd grade", False),
    ("Le genre de consult où tu rentres chez toi léger, on reprend l'exposition", True),
    # words every job has (real everyday tweets, eval/realtext Sentiment140): a job, not yet the clinical one
    ("Didn't get a chance to buy yarn today. Long day at work.", False),
    ("at work and I'm tired even though I went to bed early", False),
    ("Of course the baby is screaming the night before my first day back at work", False),
    ("havent slept yet and i have to be at work in 40 minutes. boo", False),
    ("Long day at work. 3 intakes, 2 no-shows and a supervision I forgot about", True),
    ("for some reason when i tried downloading the tweetdeck client, it wouldn't let me", False),
    ("Bah! Just found out we didn't win a pitch because the client felt the team didn't click", False),
    ("great day for a beach session today!", False),
]


@pytest.mark.parametrize(("text", "should_flag"), GENERALISATION_CASES)
def test_other_professions_and_french(text: str, should_flag: bool) -> None:
    findings = list(WorkRelatedPostCheck().run(post(text), ctx()))
    assert bool(findings) is should_flag, [e.reason for f in findings for e in f.evidence]


def test_confidence_is_the_models_probability_and_orders_texts() -> None:
    """A text full of clinical context is more likely about the work than a customer's complaint that uses
    one work word; the confidence is the shipped model's probability for the text's features."""
    from checks.analysis.work_model import features, work_model
    from checks.work_related_post import work_signals

    clinical = post("Three intakes and a crisis assessment before lunch, then my 2pm client no-showed. Notes till 7.")
    customer = post("@airline your gate agents treat clients like cattle, delayed flight again, refund please")
    c = ctx()
    strong = next(iter(WorkRelatedPostCheck().run(clinical, c)))
    assert strong.confidence == round(min(0.97, work_model().probability(features(work_signals(clinical, c)))), 2)
    weak = list(WorkRelatedPostCheck().run(customer, ctx()))
    assert strong.confidence >= 0.9
    assert not weak or weak[0].confidence < strong.confidence - 0.3


def test_evidence_carries_weights_as_fields() -> None:
    """Every counted span has a positive weight; a context that lowers the score has a negative one."""
    text = "We're hiring! Join our team: two clinicians for our intake service. Apply now."
    findings = list(WorkRelatedPostCheck().run(post(text), ctx()))
    scored = [e for f in findings for e in f.evidence]
    assert all(e.weight is not None for e in scored)
    from checks.text import analysis_for

    _, evidence = analysis_for(post(text), ctx()).work_score()
    assert any(e.weight is not None and e.weight < 0 for e in evidence)  # the hiring damper
    assert all(e.weight > 0 for e in evidence if e.end > e.start and e.weight is not None)


def test_model_file_knows_every_feature() -> None:
    """The shipped weights name only features the code computes (a renamed feature must be retrained)."""
    from checks.analysis.work_model import FEATURES, work_model

    assert set(work_model().weights) <= set(FEATURES)
    assert -10 < work_model().bias < 10


def _account(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    """What is reported when an account writes ``texts`` (run, then finish), with a toy vocabulary model."""
    from checks import work_related_post
    from checks.analysis.work_model import WordModel

    toy = WordModel(bias=-3.0, weights={}, vocabulary={"peer group": 4.0, "kettle": 0.5})
    monkeypatch.setattr(work_related_post, "word_model", lambda: toy)
    check, c = WorkRelatedPostCheck(), ctx()
    found = [f for t in texts for f in check.run(post(t), c)]
    return found + list(check.finish(c))


CLINICAL = [f"Back-to-back intakes and {n} progress notes before my supervision meeting" for n in range(2, 8)]
QUIET = "peer group tonight: someone brought a guitar and the kettle"


def test_vocabulary_model_reports_borderline_texts_only_in_a_clinicians_account(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text with no lexicon cue that the vocabulary model puts at ACCOUNT_VOCABULARY_DECISION or more is
    reported in an account that often posts about clinical work (capped confidence, the words named), and
    never in an account that does not; a text the model finds unlikely is not reported either."""
    found = _account([*CLINICAL, QUIET, "Lovely walk by the lake"], monkeypatch)
    assert len(found) == len(CLINICAL) + 1
    borderline = found[-1]
    assert borderline.record.excerpt.startswith("peer group tonight")
    assert borderline.confidence <= 0.6
    assert [e.text for e in borderline.evidence] == ["peer group", "kettle"]
    assert "'peer group'" in borderline.message
    assert _account(["Holiday snaps from the coast", QUIET], monkeypatch) == []


def test_job_words_add_at_most_the_generic_cap_and_the_evidence_says_so() -> None:
    """Generic job words ("at work", "first day", "the office") together count GENERIC_WORKPLACE_CAP at most, and
    the evidence carries the weights that were counted, so the terms named add up to the score."""
    from checks.text import GENERIC_WORKPLACE_CAP, analysis_for

    record = post("First day back at the office, new job, new colleagues")
    score, evidence = analysis_for(record, ctx()).work_score()
    assert score == pytest.approx(GENERIC_WORKPLACE_CAP)
    assert sum(e.weight or 0 for e in evidence) == pytest.approx(score)
    assert len(evidence) >= 3
    with_case = post("First day back at the office, new job, and two intakes before lunch")
    assert analysis_for(with_case, ctx()).work_score()[0] > WORK_THRESHOLD


def test_job_words_alone_are_borderline_in_a_clinicians_account(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Long day at work, I'm tired" is reported where the account often posts about its clinical work, and not
    in an account that does not."""
    tired = "Long day at work, I'm so tired"
    assert [f.record.excerpt for f in _account([*CLINICAL, tired], monkeypatch)][-1] == tired
    assert _account(["Holiday snaps from the coast", tired], monkeypatch) == []


def test_health_words_alone_are_no_work_cue_in_a_clinicians_account(monkeypatch: pytest.MonkeyPatch) -> None:
    """Health words with no work, clinical or job word ("#anxiety #depression") are about health, the owner's as
    often as anyone's: not reported as a single cue; next to a job word they still are."""
    own = "Migraine and insomnia again #anxiety #depression"
    found = [f.record.excerpt for f in _account([*CLINICAL, own], monkeypatch)]
    assert own not in found and len(found) == len(CLINICAL)
    at_work = "Insomnia again, then a long day at work"
    assert [f.record.excerpt for f in _account([*CLINICAL, at_work], monkeypatch)][-1] == at_work


def _scan(accounts: list[list[str]], monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    """What one scan of several accounts (sources sharing one ``scan_memo``) reports: each source run and
    finished in turn, then the scan finished."""
    from checks import work_related_post
    from checks.analysis.work_model import WordModel

    monkeypatch.setattr(work_related_post, "word_model", lambda: WordModel(bias=-3.0, weights={}, vocabulary={}))
    check, scan_memo, found = WorkRelatedPostCheck(), {}, []
    for texts in accounts:
        c = ctx()
        c.scan_memo = scan_memo
        found += [f for t in texts for f in check.run(post(t), c)]
        found += list(check.finish(c))
    return found + list(check.finish_scan(scan_memo))


def test_borderline_texts_count_when_the_persons_accounts_together_post_about_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two accounts of one person with three clinical posts each: neither qualifies alone, together they do, so
    the borderline text of either is reported (saying why); with a large everyday account instead, not."""
    tired = "Long day at work, I'm so tired"
    everyday = [f"Sunday walk number {n} by the river with the dog" for n in range(10)]
    found = _scan([[*CLINICAL[:3], *everyday], [*CLINICAL[3:], tired, *everyday]], monkeypatch)
    borderline = [f for f in found if f.record.excerpt == tired]
    assert len(found) == len(CLINICAL) + 1 and len(borderline) == 1
    assert "accounts together" in borderline[0].message and borderline[0].confidence <= 0.6
    alone = _scan([[*CLINICAL[3:], tired, *everyday]], monkeypatch)
    assert [f.record.excerpt for f in alone] == CLINICAL[3:]
    diluted = _scan([[*CLINICAL[:3], *everyday * 20], [*CLINICAL[3:], tired]], monkeypatch)
    assert tired not in [f.record.excerpt for f in diluted]  # 6 clinical texts in 200+ are not "often"


GRACE_AT_HOME = [
    "Grace and me baked a lemon cake for the neighbours",
    "Pancakes with Grace before swimming",
    "Grace's birthday party: eleven toddlers and one bouncy castle",
    "Took Grace to see the lights downtown",
    "Grace wants a puppy for Christmas. we are not getting a puppy",
]
GRACE_AT_CLINIC = "Grace's first footy clinic today, she kicked it sideways and celebrated anyway"


def test_a_first_name_of_the_household_does_not_make_a_text_work_related(monkeypatch: pytest.MonkeyPatch) -> None:
    """A client's first name lifts a text with one weak cue to the threshold; when the owner writes that name in
    many everyday posts (here on another platform of the same scan), it is the daughter, and the text is not about
    the work. A text that reaches the threshold without the name stays."""
    assert [f.record.excerpt for f in _scan([[GRACE_AT_CLINIC]], monkeypatch)] == [GRACE_AT_CLINIC]
    assert _scan([GRACE_AT_HOME, [GRACE_AT_CLINIC]], monkeypatch) == []
    assert [f.record.excerpt for f in _scan([GRACE_AT_HOME[:4], [GRACE_AT_CLINIC]], monkeypatch)] == [GRACE_AT_CLINIC]
    at_work = "Grace sat in on my session with a client today, she drew the whole time"
    assert [f.record.excerpt for f in _scan([GRACE_AT_HOME, [at_work]], monkeypatch)] == [at_work]


def test_without_the_household_name_a_text_with_a_weak_cue_is_borderline(monkeypatch: pytest.MonkeyPatch) -> None:
    """In the scan of someone who often posts about clinical work, the text keeps its own weak cue ("clinic") and
    is reported as borderline, without the daughter's name among its cues."""
    found = _scan([GRACE_AT_HOME, [*CLINICAL, GRACE_AT_CLINIC]], monkeypatch)
    (clinic,) = [f for f in found if f.record.excerpt == GRACE_AT_CLINIC]
    assert clinic.confidence <= 0.6 and "borderline" in clinic.message
    assert [e.text for e in clinic.evidence] == ["clinic"]
