"""client-engagement: a like, reaction, comment, tag or search involving a client's content or profile.

Liking or commenting on a client's post shows the relationship to everyone who can see the post, and
a post by a client that tags you links the two profiles publicly. Reported here: your likes, reactions
and comments on content owned by a matched client, your replies to a client's post (X, Mastodon, Bluesky: a
reply sits under their post as a comment does), posts that tag a client, posts written by a client that tag
you, and searches you made for a client's profile. Clients you name in your own text are reported by
client-mention (a reply that names the client is both).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from checks.analysis.people import (
    NAMESAKE_LEFT_OUT,
    client_match,
    confidence,
    family_namesake,
    match_person,
    possible_note,
    public_namesake,
    shown_as,
    status_severity,
    who,
)
from checks.base import Category, Check, CheckContext, Finding, Severity, record_ref
from checks.matching import PersonMatch
from checks.remediation import remediation_for
from scanner.platforms import platform_label
from scanner.records import AnyRecord, Comment, Connection, Kind, Person, Post, Reaction, Relation, Search

# "… liked Jane Doe's post." / "… reacted to Jane Doe's photo." — for readers that keep only the title.
_TITLE_OWNER = re.compile(
    r"\b(?:liked|likes|reacted(?:\s+\S+)?\s+to|commented\s+on|replied\s+to)\s+(?:a\s+post\s+by\s+)?"
    r"(?P<who>.+?)(?:'s|’s)?\s*(?:post|photo|video|reel|comment|status|story|link|album)?\.?$",
    re.IGNORECASE,
)


def owner_from_title(title: str) -> Person | None:
    """The content owner named in a Meta-style title (``… liked Jane Doe's photo.``), if any."""
    match = _TITLE_OWNER.search(title.strip())
    if not match:
        return None
    who_text = match.group("who").strip().rstrip(".")
    if not who_text or who_text.casefold() in {"a post", "a photo", "a comment", "your post"}:
        return None
    if who_text.startswith("@"):
        return Person(handle=who_text[1:])
    return Person(name=who_text)


_PAGE_TITLE = re.compile(r"(?:'s|’s)\s+page\.?$", re.IGNORECASE)
"""A like of a Facebook Page ("… liked Félix Leclerc's page."), not of a post on a person's profile: for a client
whose notes say a public figure shares their name, the public figure's page even when the client is your friend."""
_REPLY = "You replied to a {platform} post by {client}."
_FRIENDS = ("client-engagement", "namesake-friends")
_NAMESAKE_LIKES = ("client-engagement", "namesake-likes")
_FRIENDSHIPS = frozenset({Relation.FRIEND, Relation.CLOSE_FRIEND, Relation.CONNECTION})


class ClientEngagementCheck(Check):
    """Likes, reactions, comments and tags on a client's content; posts by clients tagging you; searches."""

    id: ClassVar[str] = "client-engagement"
    category: ClassVar[Category] = Category.CLIENT_ENGAGEMENT
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.REACTION, Kind.COMMENT, Kind.POST, Kind.SEARCH, Kind.CONNECTION})

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """One finding per record that involves at least one matched client.

        A like of, comment on or reply to a post by a client whose notes say they share a public figure's name,
        and a search for that name, wait for :meth:`finish`: the post is the client's if the client is also your
        friend or connection there, and most likely the public figure's otherwise (connections are read here for
        that only).
        """
        if isinstance(record, Connection):
            self._note_friend(record, ctx)
            return
        hit = self._involved(record, ctx)
        if hit is None:
            return
        person, matches, what = hit
        base = Severity.MEDIUM if isinstance(record, Search) else Severity.HIGH
        severity = status_severity(base, matches, ctx.policy)
        if severity is None:
            return
        platform = platform_label(record.platform)
        first = matches[0]
        someone = who(first) if len(matches) == 1 else f"{len(matches)} clients"
        message = f"{what.format(platform=platform, client=someone)} " + possible_note(matches)
        if isinstance(record, Search):
            message += (
                "Looking up a client's profile outside of treatment can cross a boundary; clear your search "
                "history and, if it mattered clinically, talk it over in supervision."
            )
        else:
            message += (
                "Others who see the post may infer the therapeutic relationship. Remove the like, comment or "
                "tag where you can, and talk about your social-media policy with the client."
            )
        name, handle = shown_as(person)
        text = getattr(record, "text", "") if isinstance(record, (Comment, Post)) else ""
        finding = Finding(
            check=self.id,
            category=self.category,
            severity=severity,
            confidence=confidence(matches),
            title=f"{platform} {record.kind.value} involving a client",
            message=message,
            platform=record.platform,
            record=record_ref(record, name=name, handle=handle, text=text),
            clients=tuple(client_match(m) for m in matches),
            remediation=remediation_for(self.category, record.platform),
        )
        if public_namesake(first) and isinstance(record, Reaction) and _PAGE_TITLE.search(record.title):
            ctx.tallies[NAMESAKE_LEFT_OUT, finding.platform] += 1  # "liked Félix Leclerc's page": a page, no profile
            return
        if public_namesake(first) and (isinstance(record, Reaction | Comment | Search) or what == _REPLY):
            ctx.memo.setdefault(_NAMESAKE_LIKES, []).append((first.client.id, finding))
        else:
            yield finding

    def finish(self, ctx: CheckContext) -> Iterable[Finding]:
        """Likes, comments, replies and searches of a namesake client's name, where the client is your friend or
        connection on the platform; the others are counted for the report's notes as the public figure's."""
        friends: set[str] = ctx.memo.pop(_FRIENDS, set())
        for client_id, finding in ctx.memo.pop(_NAMESAKE_LIKES, []):
            if client_id in friends:
                yield finding
            else:
                ctx.tallies[NAMESAKE_LEFT_OUT, finding.platform] += 1

    def batch_state(self, ctx: CheckContext) -> tuple[set[str], list[tuple[str, Finding]]] | None:
        """The friends and waiting likes of one batch of records, taken out of ``ctx.memo``."""
        if _FRIENDS not in ctx.memo and _NAMESAKE_LIKES not in ctx.memo:
            return None
        return ctx.memo.pop(_FRIENDS, set()), ctx.memo.pop(_NAMESAKE_LIKES, [])

    def merge_state(self, ctx: CheckContext, state: tuple[set[str], list[tuple[str, Finding]]]) -> None:
        """Add a batch's friends and waiting likes."""
        friends, likes = state
        ctx.memo.setdefault(_FRIENDS, set()).update(friends)
        ctx.memo.setdefault(_NAMESAKE_LIKES, []).extend(likes)

    @staticmethod
    def _note_friend(record: Connection, ctx: CheckContext) -> None:
        """Remember a client who shares a public figure's name and is your friend or connection here."""
        if record.relation not in _FRIENDSHIPS:
            return
        found = match_person(ctx, record.person, record.platform)
        if found is not None and public_namesake(found) and not family_namesake(found):
            ctx.memo.setdefault(_FRIENDS, set()).add(found.client.id)

    def _involved(self, record: AnyRecord, ctx: CheckContext) -> tuple[Person, list[PersonMatch], str] | None:
        """(the person shown, the client matches, a message template) or ``None``."""

        if isinstance(record, Reaction | Comment):
            owner = record.target_owner
            if owner is None and isinstance(record, Reaction) and record.title:
                owner = owner_from_title(record.title)
            if owner is None or owner.is_empty:
                return None
            found = match_person(ctx, owner, record.platform, record.timestamp)
            verb = "reacted to" if isinstance(record, Reaction) else "commented on"
            template = f"You {verb} a {{platform}} post by {{client}}."
            return (owner, [found], template) if found else None
        if isinstance(record, Search):
            person = record.person or (Person(name=record.query.strip()) if record.query.strip() else None)
            found = match_person(ctx, person, record.platform) if person else None
            return (person, [found], "You searched {platform} for {client}.") if person and found else None
        if isinstance(record, Post):
            return self._post(record, ctx)
        return None

    def _post(self, post: Post, ctx: CheckContext) -> tuple[Person, list[PersonMatch], str] | None:
        people: list[tuple[Person, str]] = []
        if post.author is not None and not post.author.is_empty:
            people.append((post.author, "A {platform} post by {client} tags you."))
        for person in post.tags:
            people.append((person, "A {platform} post tags {client}."))
        if post.author is not None:
            # Text written by someone else: their mentions and replies involve the client as well.
            people += [(p, "A {platform} post by someone else mentions {client}.") for p in post.mentions]
        elif post.in_reply_to is not None and not post.in_reply_to.is_empty:
            # your reply sits under the client's post, seen by everyone who reads it (as a comment does)
            people.append((post.in_reply_to, _REPLY))
        first: tuple[Person, str] | None = None
        matches: list[PersonMatch] = []
        for person, template in people:
            found = match_person(ctx, person, post.platform, post.timestamp)
            if found is None or any(m.client.id == found.client.id for m in matches):
                continue
            matches.append(found)
            first = first or (person, template)
        if first is None:
            return None
        return first[0], matches, first[1]
