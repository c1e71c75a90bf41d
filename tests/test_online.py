"""The opt-in online check: every outcome with `responses`, a local server run, and confirmation first."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import requests
import responses
from click.testing import CliRunner

from checks.base import Category
from scanner import online
from scanner.online import LOGIN_WALL, NOT_FOUND, PUBLIC, UNKNOWN, Target, check_targets, make_session
from scanner.online_records import live_records, live_source
from scanner.result import ScanResult, SourceReport


def _no_sleep(_: float) -> None:
    return None


def _check(url: str, **kwargs):
    session = make_session(retries=kwargs.pop("retries", 0), backoff=0)
    return check_targets([Target("x", url, "profile", handle="me")], session=session, sleep=_no_sleep, **kwargs)[0]


@responses.activate
def test_public_page():
    responses.get("https://x.com/me", body="<html>profile</html>")
    outcome = _check("https://x.com/me")
    assert outcome.status == PUBLIC
    assert responses.calls[0].request.headers["User-Agent"].startswith("boundary-audit/")
    assert "Cookie" not in responses.calls[0].request.headers


@responses.activate
def test_redirect_to_login_is_a_login_wall():
    responses.get(
        "https://www.instagram.com/me/", status=302, headers={"Location": "https://www.instagram.com/accounts/login/"}
    )
    responses.get("https://www.instagram.com/accounts/login/", body="log in")
    outcome = _check("https://www.instagram.com/me/")
    assert outcome.status == LOGIN_WALL


@responses.activate
def test_not_found():
    responses.get("https://x.com/gone", status=404)
    assert _check("https://x.com/gone").status == NOT_FOUND


@responses.activate
def test_rate_limited_with_retry_after_is_unknown_after_retries():
    for _ in range(3):
        responses.get("https://x.com/me", status=429, headers={"Retry-After": "0"})
    outcome = _check("https://x.com/me", retries=2)
    assert outcome.status == UNKNOWN
    assert "rate-limiting" in outcome.detail
    assert len(responses.calls) == 3


@responses.activate
def test_retry_then_success():
    responses.get("https://x.com/me", status=503)
    responses.get("https://x.com/me", body="ok")
    assert _check("https://x.com/me", retries=2).status == PUBLIC


@responses.activate
def test_timeout_is_unknown():
    responses.get("https://x.com/me", body=requests.exceptions.ConnectTimeout("slow"))
    outcome = _check("https://x.com/me")
    assert outcome.status == UNKNOWN
    assert "timed out" in outcome.detail


@responses.activate
def test_malformed_api_json_is_unknown():
    responses.get("https://social.example/api/v1/accounts/lookup?acct=me", body="<html>not json")
    session = make_session(retries=0)
    target = Target(
        "mastodon",
        "https://social.example/api/v1/accounts/lookup?acct=me",
        "profile",
        api="mastodon",
        handle="me@social.example",
    )
    outcome = check_targets([target], session=session, sleep=_no_sleep)[0]
    assert outcome.status == UNKNOWN
    assert "not JSON" in outcome.detail


@responses.activate
def test_mastodon_public_posts_become_live_records():
    base = "https://social.example"
    responses.get(
        f"{base}/api/v1/accounts/lookup?acct=me",
        json={"id": "42", "url": f"{base}/@me", "display_name": "Me", "note": "<p>hi</p>"},
    )
    responses.get(
        f"{base}/api/v1/accounts/42/statuses?limit=40",
        json=[
            {
                "id": "1",
                "uri": f"{base}/users/me/statuses/1",
                "url": f"{base}/@me/1",
                "visibility": "public",
                "created_at": "2025-01-02T03:04:05.000Z",
                "content": "<p>rough day at the clinic</p>",
            }
        ],
    )
    target = Target(
        "mastodon", f"{base}/api/v1/accounts/lookup?acct=me", "profile", api="mastodon", handle="me@social.example"
    )
    outcome = check_targets([target], session=make_session(retries=0), sleep=_no_sleep)[0]
    posts = [r for r in live_records(outcome) if r.kind == "post"]
    assert outcome.status == PUBLIC
    assert "1 public post(s) read" in outcome.detail
    assert posts[0].text == "rough day at the clinic"
    assert posts[0].timestamp.isoformat() == "2025-01-02T03:04:05+00:00"


def test_targets_come_from_own_accounts_and_never_from_clients():
    result = ScanResult(
        findings=(),
        sources=(
            SourceReport(path="a.zip", platform="x", generation="x-v2", format="js", account_handle="counsellor_me"),
            SourceReport(
                path="b.zip",
                platform="instagram",
                generation="instagram-2025",
                format="json",
                account_handle="me.makes",
            ),
            SourceReport(
                path="c", platform="mastodon", generation="mastodon", format="json", account_handle="me@social.example"
            ),
        ),
    )
    urls = [t.url for t in online.targets_from(result)]
    assert urls == [
        "https://x.com/counsellor_me",
        "https://www.instagram.com/me.makes/",
        "https://social.example/api/v1/accounts/lookup?acct=me",
    ]


def test_public_outcome_becomes_public_visibility_finding():
    outcome = online.Outcome(Target("x", "https://x.com/me", "profile", handle="me"), PUBLIC, "open")
    [finding] = live_source(outcome).findings
    assert finding.category == Category.PUBLIC_VISIBILITY
    assert "seen publicly on" in finding.evidence[0].text


_PAGES = {
    "/public": (200, {}, b"<html>hello</html>"),
    "/walled": (302, {"Location": "/login?next=/walled"}, b""),
    "/login": (200, {}, b"sign in"),
    "/missing": (404, {}, b""),
    "/blocked": (403, {}, b""),
}


class _Canned(BaseHTTPRequestHandler):
    def do_GET(self):
        status, headers, body = _PAGES.get(self.path.split("?")[0], (404, {}, b""))
        if self.path.startswith("/login"):
            status, headers, body = _PAGES["/login"]
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        return None


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_against_a_local_server():
    server = HTTPServer(("127.0.0.1", 0), _Canned)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        targets = [Target("x", f"{base}{p}", "profile") for p in ("/public", "/walled", "/missing", "/blocked")]
        outcomes = check_targets(targets, session=make_session(retries=0), sleep=_no_sleep, timeout=5)
        assert [o.status for o in outcomes] == [PUBLIC, LOGIN_WALL, NOT_FOUND, UNKNOWN]
    finally:
        server.shutdown()


def test_nothing_is_requested_without_confirmation(monkeypatch, tmp_path):
    from scanner import cli as cli_module

    result = ScanResult(
        findings=(),
        sources=(SourceReport(path="a.zip", platform="x", generation="x-v2", format="js", account_handle="me"),),
    )
    monkeypatch.setattr(cli_module, "_run_scan", lambda *a, **k: result)
    called = []
    monkeypatch.setattr(online, "check_targets", lambda *a, **k: called.append(1) or [])
    out = CliRunner().invoke(cli_module.cli, ["online-check", str(tmp_path), "--out", str(tmp_path / "o")], input="n\n")
    assert "https://x.com/me" in out.output
    assert "Nothing was requested." in out.output
    assert not called


@responses.activate
def test_no_network_stops_after_the_first_failures():
    failure = "Failed to resolve 'x.com' ([Errno -3] Temporary failure in name resolution)"
    for n in range(3):
        responses.get(f"https://x.com/p{n}", body=requests.ConnectionError(failure))
    targets = [Target("x", f"https://x.com/p{n}", "post") for n in range(3)]
    with pytest.raises(online.NetworkUnreachable, match="could not be resolved"):
        check_targets(targets, session=make_session(retries=0, backoff=0), sleep=_no_sleep)
    assert len(responses.calls) == online.OFFLINE_AFTER


@responses.activate
def test_one_unreachable_address_after_an_answer_is_unknown():
    responses.get("https://x.com/me", body="<html>profile</html>")
    responses.get("https://social.example/me", body=requests.ConnectionError("Connection refused"))
    targets = [Target("x", "https://x.com/me", "profile"), Target("mastodon", "https://social.example/me", "profile")]
    outcomes = check_targets(targets, session=make_session(retries=0, backoff=0), sleep=_no_sleep)
    assert [o.status for o in outcomes] == [PUBLIC, UNKNOWN]
    assert "connection was refused" in outcomes[1].detail


def test_online_check_without_network_is_one_line_and_writes_no_report(monkeypatch, tmp_path):
    from scanner import cli as cli_module

    result = ScanResult(
        findings=(),
        sources=(SourceReport(path="a.zip", platform="x", generation="x-v2", format="js", account_handle="me"),),
    )
    monkeypatch.setattr(cli_module, "_run_scan", lambda *a, **k: result)

    def offline(*args, **kwargs):
        raise online.NetworkUnreachable("the name could not be resolved")

    monkeypatch.setattr(online, "check_targets", offline)
    out = CliRunner().invoke(cli_module.cli, ["online-check", str(tmp_path), "--yes", "--out", str(tmp_path / "o")])
    assert out.exit_code == 2
    errors = [line for line in out.output.splitlines() if "error" in line]
    assert len(errors) == 1 and "network could not be reached" in errors[0] and "nothing was checked" in errors[0]
    assert not (tmp_path / "o").exists()


def test_place_pages_are_never_queued_as_the_owners_addresses():
    from datetime import UTC, datetime

    from checks.base import Finding, RecordRef, Severity

    def finding(kind: str, url: str) -> Finding:
        return Finding(
            check="workplace-location",
            category=Category.WORKPLACE_LOCATION,
            severity=Severity.HIGH,
            confidence=0.9,
            title="t",
            message="m",
            platform="facebook",
            record=RecordRef(kind=kind, id=url, timestamp=datetime(2024, 1, 1, tzinfo=UTC), url=url),
        )

    result = ScanResult(
        findings=(
            finding("place", "https://www.facebook.com/riverbend-clinic-98307"),
            finding("post", "https://www.facebook.com/me/posts/1"),
        ),
        sources=(),
    )
    assert [t.url for t in online.targets_from(result)] == ["https://www.facebook.com/me/posts/1"]
