"""sensitive-group: membership of a group whose members may include your clients.

Recovery and 12-step groups (AA, NA, Al-Anon, SMART Recovery, sober communities), mental-health, grief
and family support groups, and parenting or community groups of your clinic's own area are places where
you may meet clients as peers. The area is the policy's workplace city, every town and district of its
address, the area a service is named for ("CLSC Limoilou", "CMP La Bastide"), the towns of former
workplaces and of the profile, and, for a parenting or support group, a place your own posts about
clinical work name ("Garfield Park Moms" when your crisis calls go to Garfield Park); a parenting group named
for any other neighbourhood or town is reported as a question (is it near where you work?), one named for a
state, a region or a child's team is not. A local marketplace
(buy, sell, swap) is not enough on its own. That is not wrong in itself (your own recovery or grief
matters), so the finding gives options rather than a verdict: stay and keep a low profile, leave, or
switch to a group outside your service area; decide ahead of time how you will respond if a client joins
or recognises you; take it to supervision. Professional groups (NASW chapters, clinicians' and workers'
networks) are not reported. Keywords, in English and French, are in ``checks/lexicons/groups.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, ClassVar

from checks.analysis.places import districts, service_areas, street_variants
from checks.analysis.word_lists import word_set
from checks.base import Category, Check, CheckContext, Evidence, Finding, Severity, record_ref
from checks.matching import normalize
from checks.policy import Policy, Workplace
from checks.remediation import remediation_for
from checks.text import WORK_THRESHOLD, analysis_for
from scanner.platforms import platform_label
from scanner.records import AnyRecord, Comment, Group, Kind, Post, Profile

THRESHOLD = 1.0
LOCAL_WEIGHT = 0.5
NAMED_PLACE_WEIGHT = 0.4
"""A parenting group named for a place that is no state or region ("Seminole Heights Moms"): most likely a
neighbourhood near home or work, which the tool cannot place without a gazetteer; reported, worded as a question."""
_THEMES_TEXT = {
    "recovery": "recovery / 12-step",
    "mental_health": "mental-health or family support",
    "condition": "patient and family support",
    "migration": "refugee and asylum support",
    "parenting": "parenting",
    "community": "community",
}
_CLINICAL_THEMES = ("recovery", "mental_health", "condition", "migration")
"""The themes that make a group's members people with a health or life situation a client may share."""


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a normalized phrase, its theme and weight."""

    phrase: str
    theme: str
    weight: float
    prefix: bool = False


@cache
def load_terms() -> tuple[Term, ...]:
    """The group lexicon (``checks/lexicons/groups.txt``)."""
    text = resources.files("checks.lexicons").joinpath("groups.txt").read_text(encoding="utf-8")
    terms: list[Term] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        weight, theme, phrase = line.split("\t", 2)
        prefix = phrase.endswith("*")
        terms.append(Term(normalize(phrase.rstrip("*")), theme.strip(), float(weight), prefix))
    return tuple(terms)


@cache
def _pattern() -> re.Pattern[str]:
    parts = []
    terms = load_terms()
    # Longest phrases first, so "recovery community" wins over "recovery" at the same position.
    for i in sorted(range(len(terms)), key=lambda n: -len(terms[n].phrase)):
        body = re.escape(terms[i].phrase) + (r"\w*" if terms[i].prefix else "")
        parts.append(f"(?P<t{i}>{body})")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


@cache
def area_names(workplace: Workplace) -> tuple[str, ...]:
    """Normalized names of the clinic's area: the city (without the state) and the street of the address."""
    names: list[str] = []
    if workplace.city:
        names.append(normalize(workplace.city.split(",")[0]))
    if workplace.address:
        parts = [p.strip() for p in workplace.address.split(",")]
        if len(parts) > 1 and not workplace.city:
            names.append(normalize(parts[1]))
        street = re.sub(r"^\d+\w?\s+", "", parts[0])
        names.extend(street_variants(normalize(street)))
    names.extend(districts(workplace))  # "14 Redforge Road, Blackpool, Cork": Blackpool
    names.extend(service_areas(workplace))  # "CLSC Limoilou", "CMP La Bastide": the area the service is named for
    return tuple(n for n in dict.fromkeys(names) if len(n) > 2)


@dataclass(frozen=True)
class GroupScore:
    """Why a group name scored: themes with their weights and the matched phrases."""

    score: float
    themes: tuple[str, ...]
    phrases: tuple[str, ...]
    professional: bool


def score_group(
    name: str,
    workplace: Workplace,
    other_places: tuple[str, ...] = (),
    work_places: frozenset[str] = frozenset(),
    home_places: frozenset[str] = frozenset(),
) -> GroupScore:
    """Score a group name against the lexicon and the clinic's area (and ``other_places``: the towns of former
    workplaces and of the profile, already normalized; ``work_places``: the proper names the account's posts
    about clinical work use, which make a parenting or support group that names one of them local;
    ``home_places``: the proper names only the account's other posts use, again and again, which make a parenting
    group named for one of them the owner's own neighbourhood's, not a place to ask about)."""
    text = normalize(name)
    terms = load_terms()
    best: dict[str, float] = {}
    phrases: list[str] = []
    for found in _pattern().finditer(text):
        index = int((found.lastgroup or "t0")[1:])
        term = terms[index]
        best[term.theme] = max(best.get(term.theme, term.weight), term.weight)
        phrases.append(found.group(0))
    local = any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text) for a in (*area_names(workplace), *other_places))
    if not local and work_places and ({"parenting", "mental_health", "recovery", "migration", "support"} & set(best)):
        local = bool(_own_words(text) & work_places)  # "Garfield Park Moms": the area her crisis calls go to
    if "not_recovery" in best:
        best.pop("recovery", None)
    if "hobby" in best or _TEAM.search(text):  # "Moms Who Run", "Parkrun Community", a child's team
        best.pop("parenting", None)
        best.pop("community", None)
    if "listing" in best:  # a noticeboard or marketplace: people post there, they do not meet
        best["community"] = min(best.get("community", 1.0), best["listing"])
    if "alumni" in best and "recovery" in best:  # a treatment programme's alumni are its former clients
        best["recovery"] = 1.0
    professional = "professional" in best or ("alumni" in best and "recovery" not in best)
    own = _own_words(text)
    named_place = not local and "parenting" in best and bool(own) and not _COHORT.search(text)
    if named_place and own & home_places and own - home_places <= {w for p in phrases for w in p.split()}:
        named_place = False  # "Mamans de Salzinnes" when her posts about home and family name Salzinnes
    score = sum(best.get(theme, 0.0) for theme in ("recovery", "mental_health", "condition", "migration", "support"))
    score += LOCAL_WEIGHT if local else NAMED_PLACE_WEIGHT if named_place else 0.0
    score += max(best.get("parenting", 0.0), best.get("community", 0.0))
    themes = [t for t in _THEMES_TEXT if t in best]
    if local:
        themes.append("local")
    elif named_place:
        themes.append("place")
    return GroupScore(round(score, 2), tuple(themes), tuple(phrases), professional)


def describe(result: GroupScore) -> str:
    """``recovery / 12-step group``, ``local parenting group in your clinic's area``, ..."""
    clinical = [_THEMES_TEXT[t] for t in _CLINICAL_THEMES if t in result.themes]
    if clinical:
        kind = " and ".join(clinical) + " group"
        return kind + (" in your clinic's area" if "local" in result.themes else "")
    local = [_THEMES_TEXT[t] for t in ("parenting", "community") if t in result.themes]
    if "place" in result.themes:  # a neighbourhood or town the tool cannot place: perhaps yours
        return f"{local[0] if local else 'local'} group named for a place"
    return (local[0] if local else "local") + " group in your clinic's area"


def _other_places(policy: Policy, seen: _Seen) -> tuple[str, ...]:
    """Where else clients may live: the towns of the policy's former workplaces and the profile's city."""
    places = [a for former in policy.former_workplaces for a in area_names(former)]
    places += seen.towns
    return tuple(dict.fromkeys(p for p in places if len(p) > 2))


_TEAM = re.compile(
    r"\b(?:u\d{1,2}|under \d{1,2}s?|team|fc|rfc|afc|soccer|football|foot|hockey|netball|rugby|"
    r"basketball|baseball|softball|swim|dance|cheer|scouts?|guides|class(?:es)?|kindergarten|preschool|pre k|reunion)\b"
)
"""A child's team, club or class: its parents' group meets for that team, not as the neighbourhood's parents."""
_COHORT = re.compile(r"\b(?:born (?:in )?(?:\w+ )?\d{4}|due (?:in )?\w+ \d{4}|\d{4} babies|babies born|class of \d+)\b")
"""A birth-cohort group ("Mums of Babies Born 2019", "Due in June 2021") is named for a year, not a place."""
_STATE = ("sensitive-group", "seen")
_SCAN_STATE = "sensitive-group: the policy and what every archive's records showed"
_COMMON = word_set("places", "not_areas") | word_set("places", "group_words") | word_set("places", "regions")
_PROPER = re.compile(r"(?<=[^\s.!?…:;])\s+((?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+[\s-]*)+)")


def proper_words(text: str) -> set[str]:
    """The normalized words of the proper names inside a text's sentences (not the word opening a sentence, not
    an acronym), four letters or more: ``call in Garfield Park at 2`` → {``garfield``}."""
    if not text or text[1:] == text[1:].lower():
        return set()
    return {w for m in _PROPER.finditer(text) for w in normalize(m.group(1)).split() if len(w) >= 4} - _COMMON


def _own_words(name: str) -> set[str]:
    """The words of a normalized group name that may be a place: four letters or more, not a group word."""
    return {w for w in name.split() if len(w) >= 4} - _COMMON


def _about_work(record: Post | Comment, ctx: CheckContext) -> bool:
    """True when the text is about clinical work (the shared text analysis; most texts have no hit at all)."""
    analysis = analysis_for(record, ctx)
    return bool(analysis.hits or analysis.place_hit) and analysis.work_score()[0] >= WORK_THRESHOLD


@dataclass
class _Seen:
    """What the check keeps for ``finish``: the profile's towns, the groups, and the proper names of the posts
    about clinical work (order-free, so batches in worker processes add up to the same)."""

    towns: list[str] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    work_places: set[str] = field(default_factory=set)
    other_places: dict[str, int] = field(default_factory=dict)  # proper name -> posts not about work naming it

    def merge(self, other: _Seen) -> None:
        """Add a later batch's state."""
        self.towns += other.towns
        self.groups += other.groups
        self.work_places |= other.work_places
        for word, count in other.other_places.items():
            self.other_places[word] = self.other_places.get(word, 0) + count

    def home_places(self) -> frozenset[str]:
        """The proper names :data:`HOME_POSTS` or more posts not about work use and no post about work does."""
        return frozenset(w for w, n in self.other_places.items() if n >= HOME_POSTS and w not in self.work_places)


HOME_POSTS = 3
"""Posts not about work that must name a place for it to be taken as where the owner lives (one or two are a day
out, or work posts the text analysis did not tell apart)."""


class SensitiveGroupCheck(Check):
    """Membership of a recovery, support, or local parenting/community group where clients may also be."""

    id: ClassVar[str] = "sensitive-group"
    category: ClassVar[Category] = Category.SENSITIVE_GROUP
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.GROUP, Kind.PROFILE, Kind.POST, Kind.COMMENT})

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """Keep the profile's town, the groups and the proper names of posts about clinical work for ``finish``."""
        seen: _Seen = ctx.memo.setdefault(_STATE, _Seen())
        if isinstance(record, Profile) and record.city:
            seen.towns.append(normalize(record.city.split(",")[0]))
        elif isinstance(record, Group) and record.name.strip():
            seen.groups.append(record)
        elif isinstance(record, (Post, Comment)) and record.text:
            if _about_work(record, ctx):
                seen.work_places |= proper_words(record.text)
            elif isinstance(record, Post):
                for word in proper_words(record.text):
                    seen.other_places[word] = seen.other_places.get(word, 0) + 1
        return ()

    def batch_state(self, ctx: CheckContext) -> _Seen | None:
        """This batch's towns, groups and proper names (worker side)."""
        return ctx.memo.pop(_STATE, None)

    def merge_state(self, ctx: CheckContext, state: _Seen) -> None:
        """Fold a batch's state in (main side, batches in record order)."""
        ctx.memo.setdefault(_STATE, _Seen()).merge(state)

    def finish(self, ctx: CheckContext) -> Iterable[Finding]:
        """Nothing yet: the account's towns, groups and clinical posts' place names go to :meth:`finish_scan`
        (the groups are on Facebook, the posts that name the service's neighbourhoods often on X or Instagram)."""
        seen: _Seen = ctx.memo.pop(_STATE, None) or _Seen()
        scan = ctx.scan_memo.setdefault(_SCAN_STATE, (ctx.policy, _Seen()))
        scan[1].merge(seen)
        return ()

    def finish_scan(self, scan_memo: dict[str, Any]) -> Iterable[Finding]:
        """One finding per group membership whose name suggests clients may be members, judged with the towns
        and place names of every archive of the scan."""
        policy, seen = scan_memo.pop(_SCAN_STATE, (None, _Seen()))
        if policy is None:
            return
        places, work_places, home = _other_places(policy, seen), frozenset(seen.work_places), seen.home_places()
        for record in seen.groups:
            yield from self._finding(record, score_group(record.name, policy.workplace, places, work_places, home))

    def _finding(self, record: Group, result: GroupScore) -> Iterable[Finding]:
        if result.professional or result.score < THRESHOLD:
            return
        clinical = set(_CLINICAL_THEMES) & set(result.themes)
        severity = Severity.MEDIUM if clinical else Severity.LOW
        admin = record.role.strip().lower() in {"admin", "administrator", "moderator", "owner"}
        if admin:
            severity = Severity.HIGH if clinical else Severity.MEDIUM
        kind = describe(result)
        platform = platform_label(record.platform)
        who_else = (
            "If that place is near where you work, clients or their families may be members too"
            if "place" in result.themes
            else "Clients, or their families, may be members too"
        )
        message = (
            f"You are {'an admin' if admin else 'a member'} of a {platform} {kind}. {who_else}, "
            "which can make a dual relationship. Options: stay and keep a low profile; "
            "leave, or move to a group outside your service area; decide ahead of time what you will do if a "
            "client joins or recognises you. Worth raising in supervision."
        )
        evidence = tuple(Evidence(0, 0, p, "group-name keyword") for p in dict.fromkeys(result.phrases))
        yield Finding(
            check=self.id,
            category=self.category,
            severity=severity,
            confidence=round(min(0.95, 0.5 + result.score / 4), 2),
            title=f"Member of a {kind}",
            message=message,
            platform=record.platform,
            record=record_ref(record, name=record.name),
            evidence=evidence,
            remediation=remediation_for(self.category, record.platform),
        )
