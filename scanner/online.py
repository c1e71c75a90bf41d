"""The opt-in online check's network client: what a logged-out visitor can see of the clinician's own accounts.

This is the only module that uses the network, and only when the user runs ``online-check`` and
confirms the exact list of addresses. It requests the clinician's *own* public profile addresses and the
permalinks of their own flagged posts, as a logged-out visitor (no cookies, a clear User-Agent, explicit
timeouts, a polite rate, retries with back-off). Nothing from the client list is ever sent.

Every answer is classified without guessing: ``public`` (the page or API answered without a login),
``login-wall`` (redirected to a sign-in page), ``not-found``, or ``unknown`` (blocked, rate-limited,
timed out, or an answer we cannot read). For open platforms (Mastodon, Bluesky) the public profile and recent
posts are fetched as JSON; :mod:`scanner.online_records` maps outcomes to records and findings, and the pipeline
checks them like an archive's (:func:`scanner.pipeline.scan_live`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.cookiejar import DefaultCookiePolicy
from typing import Any
from urllib.parse import quote, urlparse

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from checks.base import Category
from scanner import __version__
from scanner.result import ScanResult

USER_AGENT = f"boundary-audit/{__version__} (privacy self-audit of one's own account; logged-out visitor check)"
LOGIN_MARKERS = ("/login", "/i/flow/login", "/accounts/login", "authwall", "/signin", "/uas/login", "checkpoint")
MAX_POST_URLS = 25

PUBLIC, LOGIN_WALL, NOT_FOUND, UNKNOWN = "public", "login-wall", "not-found", "unknown"
OFFLINE_AFTER = 2  # connection failures, with no answer at all before them, that mean "no network"


class NetworkUnreachable(Exception):
    """No address could be reached at all: the computer seems to be offline (nothing was checked)."""


@dataclass(frozen=True)
class Target:
    """One address to request, and why."""

    platform: str
    url: str
    what: str  # "profile" or "post"
    api: str | None = None  # "mastodon" or "bluesky" for open-API lookups
    handle: str | None = None


@dataclass
class Outcome:
    """What the platform answered for one target."""

    target: Target
    status: str
    detail: str
    checked_at: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    profile: dict[str, Any] | None = None  # open APIs only: the public profile, as JSON
    posts: list[dict[str, Any]] = field(default_factory=list)  # ...and its recent public posts


@dataclass(frozen=True)
class Endpoints:
    """Base addresses (overridable for tests against a local server)."""

    x: str = "https://x.com"
    instagram: str = "https://www.instagram.com"
    linkedin: str = "https://www.linkedin.com"
    bluesky_api: str = "https://public.api.bsky.app"
    mastodon_scheme: str = "https"


def targets_from(result: ScanResult, endpoints: Endpoints = Endpoints()) -> list[Target]:
    """The clinician's own public addresses derived from the scanned archives (never from the client list)."""
    out: list[Target] = []
    for source in result.sources:
        handle = (source.account_handle or "").lstrip("@")
        if not handle:
            continue
        if source.platform == "x":
            out.append(Target("x", f"{endpoints.x}/{quote(handle)}", "profile", handle=handle))
        elif source.platform == "instagram":
            out.append(Target("instagram", f"{endpoints.instagram}/{quote(handle)}/", "profile", handle=handle))
        elif source.platform == "linkedin":
            out.append(Target("linkedin", f"{endpoints.linkedin}/in/{quote(handle)}", "profile", handle=handle))
        elif source.platform == "mastodon" and "@" in handle:
            user, server = handle.split("@", 1)
            base = f"{endpoints.mastodon_scheme}://{server}"
            out.append(
                Target(
                    "mastodon",
                    f"{base}/api/v1/accounts/lookup?acct={quote(user)}",
                    "profile",
                    api="mastodon",
                    handle=handle,
                )
            )
        elif source.platform == "bluesky":
            url = f"{endpoints.bluesky_api}/xrpc/app.bsky.actor.getProfile?actor={quote(handle)}"
            out.append(Target("bluesky", url, "profile", api="bluesky", handle=handle))
    # only the owner's own posts and comments: a check-in's place page (the workplace's page) is not theirs
    posts = [
        f
        for f in result.open_findings
        if f.record.url and f.category in _TEXT_CATEGORIES and f.record.kind in _OWN_KINDS
    ]
    seen: set[str] = set()
    for finding in posts:
        url = str(finding.record.url)
        if url not in seen and urlparse(url).scheme in ("http", "https"):
            seen.add(url)
            out.append(Target(finding.platform, url, "post"))
        if len(seen) >= MAX_POST_URLS:
            break
    return out


_OWN_KINDS = {"post", "comment"}
_TEXT_CATEGORIES = {
    Category.WORK_RELATED_POST,
    Category.CLIENT_MENTION,
    Category.PHI_IDENTIFIER,
    Category.WORKPLACE_LOCATION,
}


def make_session(retries: int = 2, backoff: float = 1.0) -> requests.Session:
    """A logged-out session: no cookies kept, a clear User-Agent, retries with back-off honouring Retry-After."""
    session = requests.Session()
    session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    session.headers.update({"User-Agent": USER_AGENT, "Accept-Language": "en"})
    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=("GET",),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def classify(response: requests.Response) -> tuple[str, str]:
    """(status, detail) for a response, without guessing."""
    final = response.url.lower()
    chain = [r.headers.get("Location", "") for r in response.history] + [final]
    if any(marker in link.lower() for link in chain for marker in LOGIN_MARKERS):
        return LOGIN_WALL, "the platform asked a logged-out visitor to sign in"
    code = response.status_code
    if code in (404, 410):
        return NOT_FOUND, f"the platform answered {code} (not found)"
    if code == 200:
        return PUBLIC, "a logged-out visitor can open this address"
    if code == 429:
        return UNKNOWN, "the platform is rate-limiting requests; try again later"
    return UNKNOWN, f"the platform answered {code}; visibility could not be determined"


def check_targets(
    targets: Iterable[Target],
    session: requests.Session | None = None,
    timeout: float = 10.0,
    delay: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Outcome]:
    """Request every target once, politely, and classify the answers."""
    session = session or make_session()
    logging.getLogger("urllib3").setLevel(logging.ERROR)  # retries are ours to report, in one line
    outcomes = []
    targets = list(targets)
    answered = failed = 0
    for index, target in enumerate(targets):
        if index:
            sleep(delay)
        try:
            response = session.get(target.url, timeout=timeout, allow_redirects=True)
        except requests.Timeout:
            outcomes.append(Outcome(target, UNKNOWN, "the request timed out"))
            continue
        except requests.ConnectionError as exc:
            failed += 1
            if not answered and failed >= min(OFFLINE_AFTER, len(targets)):
                raise NetworkUnreachable(_reason(exc)) from None
            outcomes.append(Outcome(target, UNKNOWN, f"the address could not be reached ({_reason(exc)})"))
            continue
        except requests.RequestException as exc:
            outcomes.append(Outcome(target, UNKNOWN, f"the request failed ({type(exc).__name__})"))
            continue
        answered += 1
        status, detail = classify(response)
        outcome = Outcome(target, status, detail)
        if status == PUBLIC and target.api:
            _read_api(outcome, response, session, timeout)
        outcomes.append(outcome)
    return outcomes


def _reason(exc: BaseException) -> str:
    """A short reason for a connection failure, without the URL or urllib3's retry details."""
    text = str(exc)
    for marker, reason in (
        ("Name or service not known", "the name could not be resolved"),
        ("Temporary failure in name resolution", "the name could not be resolved"),
        ("nodename nor servname", "the name could not be resolved"),
        ("getaddrinfo failed", "the name could not be resolved"),
        ("Network is unreachable", "the network is unreachable"),
        ("Connection refused", "the connection was refused"),
    ):
        if marker in text:
            return reason
    return "no connection"


def _read_api(outcome: Outcome, response: requests.Response, session: requests.Session, timeout: float) -> None:
    """For open platforms: fetch the public profile and recent posts as JSON (mapped to records by
    :mod:`scanner.online_records`, checked by the pipeline)."""
    try:
        profile = response.json()
    except ValueError:
        outcome.status, outcome.detail = UNKNOWN, "the API answered with something that is not JSON"
        return
    if not isinstance(profile, dict):
        outcome.status, outcome.detail = UNKNOWN, "the API answered in an unexpected shape"
        return
    outcome.profile = profile
    target = outcome.target
    try:
        if target.api == "mastodon":
            base = target.url.split("/api/", 1)[0]
            statuses = _get_json(
                session, f"{base}/api/v1/accounts/{quote(str(profile['id']))}/statuses?limit=40", timeout
            )
            outcome.posts = [s for s in statuses if isinstance(s, dict)] if isinstance(statuses, list) else []
        elif target.api == "bluesky":
            base = target.url.split("/xrpc/", 1)[0]
            handle = str(profile.get("handle") or target.handle)
            feed = _get_json(
                session, f"{base}/xrpc/app.bsky.feed.getAuthorFeed?actor={quote(handle)}&limit=50", timeout
            )
            items = feed.get("feed", []) if isinstance(feed, dict) else []
            outcome.posts = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
    except (requests.RequestException, ValueError, KeyError, TypeError):
        outcome.detail += "; its public posts could not be read"
    outcome.detail += f"; {len(outcome.posts)} public post(s) read"


def _get_json(session: requests.Session, url: str, timeout: float) -> Any:
    response = session.get(url, timeout=timeout)
    response.raise_for_status()
    return response.json()
