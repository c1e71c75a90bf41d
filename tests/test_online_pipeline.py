"""online-check findings go through the pipeline like archive findings: the policy's enabled checks, its
severity overrides, de-duplication and the triage verdicts (HTTP answered by `responses`, no network)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import responses
from click.testing import CliRunner

from checks.policy import Policy, load_policy
from scanner.cli import cli
from scanner.clients import load_clients
from scanner.demo import demo_paths
from scanner.online import Target, check_targets, make_session
from scanner.online_records import CHECK_ID, live_source
from scanner.pipeline import ScanOptions, scan_live
from scanner.result import ScanResult
from scanner.triage import TriageFile

BASE = "https://social.example"
LOOKUP = f"{BASE}/api/v1/accounts/lookup?acct=me"


def _mastodon_answers() -> None:
    responses.get(LOOKUP, json={"id": "42", "url": f"{BASE}/@me", "display_name": "Me", "note": "<p>hi</p>"})
    responses.get(
        f"{BASE}/api/v1/accounts/42/statuses?limit=40",
        json=[
            {
                "id": "1",
                "uri": f"{BASE}/users/me/statuses/1",
                "url": f"{BASE}/@me/1",
                "visibility": "public",
                "created_at": "2025-01-02T03:04:05.000Z",
                "content": "<p>Third therapy session with Owen Pritchard today, his panic attacks are worse. Caseload "
                "is brutal and my progress notes are late again.</p>",
            }
        ],
    )


def _live(policy: Policy, triage: TriageFile | None = None, twice: bool = False) -> ScanResult:
    target = Target("mastodon", LOOKUP, "profile", api="mastodon", handle="me@social.example")
    [outcome] = check_targets([target], session=make_session(retries=0), sleep=lambda _: None)
    sources = [live_source(outcome)] * (2 if twice else 1)
    _, clients, _ = demo_paths()
    options = ScanOptions(clients=load_clients(clients), policy=policy, triage=triage)
    return scan_live(ScanResult(findings=(), sources=()), sources, options)


@responses.activate
def test_live_records_and_visibility_go_through_policy_overrides_and_dedup() -> None:
    _mastodon_answers()
    plain = _live(Policy())
    checks = {f.check for f in plain.findings}
    assert {CHECK_ID, "client-mention", "work-related-post"} <= checks
    assert any(c.id == "C001" for f in plain.findings for c in f.clients)

    _mastodon_answers()
    policy = Policy(
        severity_overrides={"client-mention": "info", CHECK_ID: "critical"},
        disabled_checks=frozenset({"work-related-post"}),
    )
    reviewed = _live(policy, twice=True)
    by_check = {f.check: f for f in reviewed.findings}
    assert "work-related-post" not in by_check  # the policy switched it off for live records too
    assert by_check["client-mention"].severity == "info" and by_check[CHECK_ID].severity == "critical"
    keys = [(f.category, f.fingerprint) for f in reviewed.findings]
    assert len(keys) == len(set(keys)) and len(reviewed.findings) < 2 * len(plain.findings) - 2


@responses.activate
def test_visibility_check_can_be_switched_off_and_triaged() -> None:
    _mastodon_answers()
    off = _live(Policy(disabled_checks=frozenset({CHECK_ID})))
    assert CHECK_ID not in {f.check for f in off.findings} and off.findings

    _mastodon_answers()
    first = _live(Policy())
    mention = next(f for f in first.findings if f.check == "client-mention")
    triage = TriageFile()
    triage.set(mention.fingerprint, "accepted", "discussed in supervision")
    _mastodon_answers()
    marked = _live(Policy(), triage)
    assert next(f for f in marked.findings if f.fingerprint == mention.fingerprint).status == "accepted"
    assert len(marked.open_findings) == len(first.open_findings) - 1


@responses.activate
def test_online_check_command_reports_live_findings_with_the_policys_overrides(tmp_path: Path) -> None:
    archive, clients, policy_path = demo_paths()
    policy = tmp_path / "policy.toml"
    policy.write_text(
        policy_path.read_text(encoding="utf-8") + '\n[severity]\n"online-check" = "info"\n', encoding="utf-8"
    )
    load_policy(policy)  # the demo policy plus the override is still valid
    responses.get(re.compile(r"https://x\.com/.*"), body="<html>public</html>")
    out = tmp_path / "report"
    run = CliRunner().invoke(
        cli,
        [
            "online-check",
            str(archive),
            "--clients",
            str(clients),
            "--policy",
            str(policy),
            "--yes",
            "--delay",
            "0",
            "--format",
            "json",
            "--out",
            str(out),
        ],
    )
    assert run.exit_code in (0, 3), run.output
    report = json.loads((out / "boundary-audit-report.json").read_text(encoding="utf-8"))
    live = [f for f in report["findings"] if f["check"] == CHECK_ID]
    assert live and {f["severity"] for f in live} == {"info"}
    assert len(live) == len({f["record"]["url"] for f in live}) == len(responses.calls)
    assert any(f["check"] != CHECK_ID for f in report["findings"])  # the archive's own findings stay


def test_scan_live_keeps_the_archive_findings_first() -> None:
    archive, clients, _ = demo_paths()
    from scanner.pipeline import scan

    options = ScanOptions(clients=load_clients(clients))
    result = scan([archive], options)
    again = scan_live(result, [], options)
    assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in result.findings]
    assert replace(again, generated_at=result.generated_at) == result
