"""Checking in worker processes: reports byte-identical to one process, progress, the size threshold."""

from __future__ import annotations

import gc
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from checks.base import CheckContext, SourceInfo
from checks.client_mention import ClientMentionCheck
from checks.matching import Matcher
from checks.policy import Policy, load_policy
from checks.work_related_post import WorkRelatedPostCheck
from reports.writer import Format, render
from scanner import batch as batch_module
from scanner import workers
from scanner.clients import ClientList, load_clients
from scanner.demo import demo_paths
from scanner.pipeline import ScanOptions, Step, scan
from tests.conftest import zip_tree

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Owen,Pritchard,,,,,12 Mar 2021\nAnn,Lee,,,,,13 Mar 2021\n"
)


def _inputs(tmp_path: Path) -> list[Path]:
    archive, _, _ = demo_paths()
    linkedin = zip_tree(tmp_path / "Basic_LinkedInDataExport_01-01-2024.zip", {"Connections.csv": CONNECTIONS})
    return [archive, linkedin]


def _options(workers_: int, **kwargs: Any) -> ScanOptions:
    _, clients, policy = demo_paths()
    return ScanOptions(clients=load_clients(clients), policy=load_policy(policy), workers=workers_, **kwargs)


def _reports(inputs: list[Path], options: ScanOptions) -> dict[Format, str]:
    result = scan(inputs, options)
    result = replace(result, generated_at=datetime(2025, 1, 1, tzinfo=UTC), timings={})
    return {fmt: render(result, fmt) for fmt in Format}


@pytest.fixture
def everything_in_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every archive goes to the pool, in batches of three records; counts the batches sent."""
    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(workers, "BATCH_RECORDS", 3)
    sent: list[int] = []
    original = workers.ParallelChecks._send

    def counting(self: workers.ParallelChecks) -> None:
        sent.append(len(self._batch.records))
        original(self)

    monkeypatch.setattr(workers.ParallelChecks, "_send", counting)
    return sent


def test_reports_are_byte_identical_to_one_process(tmp_path: Path, everything_in_workers: list[int]) -> None:
    inputs = _inputs(tmp_path)
    alone = _reports(inputs, _options(1))
    assert not everything_in_workers
    pooled = _reports(inputs, _options(2))
    assert sum(everything_in_workers) > 30  # the records really went through the pool, in many batches
    assert '"check": "client-connection"' in alone[Format.JSON] and "work-related-post" in alone[Format.JSON]
    for fmt in Format:
        assert pooled[fmt] == alone[fmt], fmt
    assert gc.get_freeze_count() == 0  # what was kept from the collector while the pool ran is given back


def test_spawned_workers_give_the_same_reports(
    tmp_path: Path, everything_in_workers: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on macOS and Windows: the workers get the matcher and the policy pickled, not forked."""
    monkeypatch.setattr(workers, "BATCH_RECORDS", 40)
    inputs = _inputs(tmp_path)
    alone = _reports(inputs, _options(1))
    monkeypatch.setattr(workers, "START_METHOD", "spawn")
    assert _reports(inputs, _options(2)) == alone and everything_in_workers


def test_a_failing_check_in_a_worker_is_reported_as_in_one_process(
    tmp_path: Path, everything_in_workers: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = ClientMentionCheck.run

    def flaky(self: ClientMentionCheck, record: Any, ctx: CheckContext) -> Any:
        if record.id.endswith(("1", "7")):
            raise ValueError("boom")
        return original(self, record, ctx)

    monkeypatch.setattr(ClientMentionCheck, "run", flaky)  # before the pool forks: the workers have it too
    inputs = _inputs(tmp_path)
    alone = scan(inputs, _options(1))
    pooled = scan(inputs, _options(2))
    assert alone.errors and pooled.errors == alone.errors
    assert pooled.findings == alone.findings


def test_progress_with_workers_counts_checked_records_and_ends_at_one(
    tmp_path: Path, everything_in_workers: list[int]
) -> None:
    steps: list[Step] = []
    result = scan(_inputs(tmp_path), _options(2, on_step=steps.append))
    first = [s for s in steps if s.archive == 1]
    total = sum(result.sources[0].counts.values())
    assert [s.records for s in first] == sorted(s.records for s in first)
    assert 0 < first[1].records < total and first[-1].records == total and first[-1].done == 1.0
    overall = [s.overall for s in steps]
    assert overall == sorted(overall) and overall[-1] == 1.0


def test_small_archives_and_one_worker_start_no_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    monkeypatch.setattr(workers, "start_pool", lambda n, *a: started.append(n))
    scan(_inputs(tmp_path), _options(2))  # the demo archives are far below the threshold
    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 0)
    scan(_inputs(tmp_path), _options(1))
    assert not started


def test_batch_scans_each_person_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int | None] = []

    def fake_scan(inputs: Any, options: ScanOptions) -> Any:
        seen.append(options.workers)
        raise RuntimeError("stop here")

    monkeypatch.setattr(batch_module, "scan", fake_scan)
    person = tmp_path / "alex"
    person.mkdir()
    (person / "x.zip").write_bytes(b"")
    options = batch_module.BatchOptions(write=lambda *a: None, limits=_options(1).limits)
    outcome = batch_module.scan_person(person, tmp_path / "out", ClientList(), Policy(), options)
    assert seen == [1] and outcome.status == "failed"


def test_work_related_state_merges_in_record_order_up_to_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    from checks import work_related_post as module

    monkeypatch.setattr(module, "_MAX_PENDING", 3)
    check = WorkRelatedPostCheck()
    ctx = CheckContext(policy=Policy(), matcher=Matcher(ClientList()), source=SourceInfo(platform="x"))
    assert check.batch_state(ctx) is None
    batches = [(4, 1, ["a", "b"]), (5, 2, []), (3, 0, ["c", "d"])]
    for state in batches:
        part = CheckContext(policy=ctx.policy, matcher=ctx.matcher, source=ctx.source)
        part.memo.update({module._WRITTEN: state[0], module._CONFIDENT: state[1], module._PENDING: list(state[2])})
        taken = check.batch_state(part)
        assert not part.memo
        check.merge_state(ctx, taken)
    assert ctx.memo[module._WRITTEN] == 12 and ctx.memo[module._CONFIDENT] == 3
    assert ctx.memo[module._PENDING] == ["a", "b", "c"]


def test_a_worker_that_fails_outside_the_checks_ends_the_source_with_an_error(
    tmp_path: Path, everything_in_workers: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: WorkRelatedPostCheck, ctx: CheckContext) -> Any:
        raise MemoryError("no room")

    monkeypatch.setattr(WorkRelatedPostCheck, "batch_state", broken)
    result = scan(_inputs(tmp_path), _options(2))
    assert any("checking stopped early (MemoryError)" in e.message for e in result.errors)
    assert len(result.sources) == 2  # the scan went on and the sources are reported


def test_a_dead_pool_is_reported_for_every_source_it_should_have_checked(
    tmp_path: Path, everything_in_workers: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures.process import BrokenProcessPool

    def dead(*args: Any, **kwargs: Any) -> Any:
        raise BrokenProcessPool("a worker was killed")

    monkeypatch.setattr(workers.ProcessPoolExecutor, "submit", dead)
    result = scan(_inputs(tmp_path), _options(2))
    stopped = [e for e in result.errors if "checking stopped early (BrokenProcessPool)" in e.message]
    assert len(stopped) == 2 and len(result.sources) == 2


def test_each_batch_carries_the_account_as_it_was_when_its_records_were_read() -> None:
    from concurrent.futures import Future

    from scanner.records import Post

    sent: list[tuple[tuple[str | None, str | None], int]] = []

    class Synchronous:
        def submit(self, fn: Any, batch: workers.Batch) -> Future[workers.BatchResult]:
            sent.append((batch.account, len(batch.records)))
            future: Future[workers.BatchResult] = Future()
            future.set_result(workers.BatchResult({}, {}, [], Counter()))
            return future

    ctx = CheckContext(policy=Policy(), matcher=Matcher(ClientList()), source=SourceInfo(platform="x"))
    run = workers.ParallelChecks(Synchronous(), 1, [WorkRelatedPostCheck()], ctx, [], [], lambda _: None)  # type: ignore[arg-type]
    ctx.source.account_name = "Me"  # known before the first record
    run.add(Post(platform="x", id="1", source="s#1", text="a"))
    ctx.source.account_handle = "me"  # learnt after it
    run.add(Post(platform="x", id="2", source="s#2", text="b"))
    run.close()
    assert sent == [(("Me", None), 1), (("Me", "me"), 1)]


def test_the_warm_up_loads_the_static_embedding_before_the_pool_forks() -> None:
    """An everyday post reaches the vocabulary model, whose embedding is then loaded once, not once per worker."""
    from checks import ALL_CHECKS
    from checks.analysis import embedding

    _, clients, policy = demo_paths()
    embedding._model.cache_clear()
    workers.warm_up([cls() for cls in ALL_CHECKS], Matcher(load_clients(clients)), load_policy(policy))
    assert embedding._model.cache_info().currsize == 1
