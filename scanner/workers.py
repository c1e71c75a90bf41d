"""Checking one large archive on every core, with reports byte-identical to a one-process run.

The main process reads the archive (readers keep state across its files), runs the checks that keep state
across records (``Check.ordered``) on every record in order, and sends the records in batches to a pool of
worker processes that run the other checks. Batches come back in the order they were sent and their findings
and errors are merged record by record in the order of the checks, exactly as one process produces them; the
state the workers' checks keep for ``finish`` (``Check.batch_state``) is folded back in that order too, and
``finish`` runs in the main process. At most a few batches are in flight, so memory does not grow with the
archive. Small archives are checked in the main process: a pool costs start-up.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import sys
import uuid
from collections import Counter, deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from checks.base import Check, CheckContext, Finding, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy
from scanner.records import AnyRecord, Kind, Post
from scanner.result import ErrorEntry

log = logging.getLogger(__name__)

PARALLEL_MIN_BYTES = 24 * 1024 * 1024
"""Data files (by unpacked size, media left out) below which an archive is checked in the main process."""
BATCH_RECORDS = 1000
"""Records sent to a worker at a time."""
IN_FLIGHT_PER_WORKER = 2
"""Batches waiting or being checked per worker: bounds the memory of records in transit."""
START_METHOD = "fork" if sys.platform == "linux" else "spawn"
"""Linux forks (the workers share the loaded client list and lexicons); macOS and Windows spawn and unpickle them."""

Indexed = list[tuple[int, list[Finding]]]  # (position of the check in the scan's checks, its findings)
IndexedErrors = list[tuple[int, ErrorEntry]]


def pool_size(requested: int | None) -> int:
    """Worker processes for a scan: ``requested``, or one per core of the machine."""
    return max(1, requested if requested is not None else (os.cpu_count() or 1))


def start_pool(workers: int, matcher: Matcher, policy: Policy) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes holding the scan's matcher and policy (inherited where processes fork,
    so the client list is not built again)."""
    context = multiprocessing.get_context(START_METHOD)
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(matcher, policy)
    )


_WARM_UP_TEXT = (
    "Back-to-back therapy sessions at the clinic today; my client called 555-201-3344 at 9am. "
    "Riverside staff meeting after."
)
_WARM_UP_EVERYDAY = "Coffee by the river, then a nap."
"""A text with no work cue: the vocabulary model reads it, so its static embedding is loaded before the fork too."""


def warm_up(checks: Sequence[Check], matcher: Matcher, policy: Policy) -> None:
    """Run the checks once on two made-up posts, findings thrown away, so that what they load on first use
    (lexicons, the language model, automata, the embedding) is loaded before the pool forks, not once per worker."""
    ctx = CheckContext(policy=policy, matcher=matcher, source=SourceInfo(platform="x"))
    for i, text in enumerate((_WARM_UP_TEXT, _WARM_UP_EVERYDAY)):
        record = Post(platform="x", id=f"warm-up-{i}", source="warm-up", text=text)
        for check in checks:
            if Kind.POST in check.kinds and (check.platforms is None or "x" in check.platforms):
                with contextlib.suppress(Exception):
                    list(check.run(record, ctx))


def check_error(check: Check, exc: BaseException, where: str = "") -> ErrorEntry:
    """The error entry of a check that failed (no record content in it; the traceback goes to the debug log)."""
    log.debug("check %s failed", check.id, exc_info=exc)
    place = f"check {check.id}" + (f" on {where}" if where else "")
    return ErrorEntry(place, f"failed ({type(exc).__name__})")


def run_indexed(
    checks: Sequence[tuple[int, Check]], record: AnyRecord, ctx: CheckContext
) -> tuple[Indexed, IndexedErrors]:
    """Each check's findings for one record, with the check's position; a failing check costs its own."""
    found: Indexed = []
    errors: IndexedErrors = []
    for index, check in checks:
        try:
            out = list(check.run(record, ctx))  # all of a check's findings for the record, or none
        except Exception as exc:
            errors.append((index, check_error(check, exc, record.source)))
            continue
        if out:
            found.append((index, out))
    return found, errors


@dataclass
class Batch:
    """Records of one source for a worker, with what the checks may know of the source when they were read."""

    source: str  # a token naming the source (a worker keeps the checks' caches for the current one)
    platform: str
    generation: str
    checks: tuple[tuple[int, type[Check]], ...]  # the checks to run, with their position in the scan's checks
    account: tuple[str | None, str | None]
    records: list[AnyRecord] = field(default_factory=list)
    seeds: dict[int, dict[str, Any]] = field(default_factory=dict)  # position → values the main process cached


@dataclass
class BatchResult:
    """What the workers' checks made of a batch: by position in the batch, and the state kept for ``finish``."""

    found: dict[int, Indexed]
    errors: dict[int, IndexedErrors]
    states: list[tuple[int, Any]]
    tallies: Counter[tuple[str, str]]


_worker: dict[str, Any] = {}


def _init_worker(matcher: Matcher, policy: Policy) -> None:
    _worker.clear()
    _worker.update(matcher=matcher, policy=policy, source=None)


def check_batch(batch: Batch) -> BatchResult:
    """Worker side: run the batch's checks on its records (the checks' caches kept while the source is the same)."""
    if _worker.get("source") != batch.source:
        info = SourceInfo(platform=batch.platform, generation=batch.generation)
        ctx = CheckContext(policy=_worker["policy"], matcher=_worker["matcher"], source=info)
        checks = [(i, cls()) for i, cls in batch.checks]
        by_kind: dict[Kind, list[tuple[int, Check]]] = {}
        for index, check in checks:
            for kind in check.kinds:
                by_kind.setdefault(kind, []).append((index, check))
        _worker.update(source=batch.source, ctx=ctx, checks=checks, by_kind=by_kind)
    ctx = _worker["ctx"]
    ctx.source.account_name, ctx.source.account_handle = batch.account
    result = BatchResult({}, {}, [], Counter())
    for position, record in enumerate(batch.records):
        if position in batch.seeds:
            ctx.seed(record, batch.seeds[position])
        found, errors = run_indexed(_worker["by_kind"].get(record.kind, ()), record, ctx)
        if found:
            result.found[position] = found
        if errors:
            result.errors[position] = errors
    result.states = [(i, state) for i, check in _worker["checks"] if (state := check.batch_state(ctx)) is not None]
    result.tallies, ctx.tallies = ctx.tallies, Counter()
    return result


@dataclass
class _Sent:
    future: Future[BatchResult]
    records: int
    main: dict[int, tuple[Indexed, IndexedErrors]]  # what the ordered checks found, by position in the batch


class ParallelChecks:
    """The checks of one source, split between this process (ordered checks, in record order) and a pool."""

    def __init__(
        self,
        pool: Executor,
        workers: int,
        checks: Sequence[Check],
        ctx: CheckContext,
        found: list[Finding],
        errors: list[ErrorEntry],
        on_checked: Callable[[int], None],
    ) -> None:
        self._pool, self._ctx, self._checks = pool, ctx, checks
        self._found, self._errors, self._on_checked = found, errors, on_checked
        self._limit = max(1, workers * IN_FLIGHT_PER_WORKER)
        self._token = uuid.uuid4().hex
        self._ordered: dict[Kind, list[tuple[int, Check]]] = {}
        self._remote: tuple[tuple[int, type[Check]], ...] = tuple(
            (i, type(c)) for i, c in enumerate(checks) if not c.ordered
        )
        for index, check in enumerate(checks):
            if check.ordered:
                for kind in check.kinds:
                    self._ordered.setdefault(kind, []).append((index, check))
        self._sent: deque[_Sent] = deque()
        self._batch = self._new_batch()
        self._main: dict[int, tuple[Indexed, IndexedErrors]] = {}
        self.checked = 0
        self.broken: str | None = None

    def _new_batch(self) -> Batch:
        source = self._ctx.source
        return Batch(
            self._token, source.platform, source.generation, self._remote, (source.account_name, source.account_handle)
        )

    def add(self, record: AnyRecord) -> None:
        """Run the ordered checks on ``record`` now and queue it for the others."""
        if self.broken:
            return
        account = (self._ctx.source.account_name, self._ctx.source.account_handle)
        if self._batch.account != account:
            self._send()  # the checks of a batch all see the source as it was when its records were read
            self._batch.account = account  # the next batch, or this one while it is still empty
        position = len(self._batch.records)
        found, errors = run_indexed(self._ordered.get(record.kind, ()), record, self._ctx)
        if found or errors:
            self._main[position] = (found, errors)
        if seeds := self._ctx.record_values(record):
            self._batch.seeds[position] = seeds  # e.g. a text analysis: computed once per record, counted once
        self._batch.records.append(record)
        if len(self._batch.records) >= BATCH_RECORDS:
            self._send()

    def _send(self) -> None:
        if not self._batch.records or self.broken:
            return
        try:
            future = self._pool.submit(check_batch, self._batch)
        except Exception as exc:  # the pool broke on an earlier source
            self._stop(exc)
            return
        self._sent.append(_Sent(future, len(self._batch.records), self._main))
        self._batch, self._main = self._new_batch(), {}
        while len(self._sent) >= self._limit and not self.broken:
            self._merge(self._sent.popleft())

    def close(self) -> None:
        """Send the last batch, merge every batch in order and fold the workers' state back for ``finish``."""
        self._send()
        while self._sent:
            sent = self._sent.popleft()
            if self.broken:
                sent.future.cancel()
            else:
                self._merge(sent)

    def _stop(self, exc: Exception) -> None:
        log.debug("worker failure", exc_info=exc)
        self.broken = f"checking stopped early ({type(exc).__name__}); the report covers what was checked"

    def _merge(self, sent: _Sent) -> None:
        try:
            result = sent.future.result()
        except Exception as exc:  # a worker died (killed, out of memory) or failed: report it, do not hang
            self._stop(exc)
            return
        for position in sorted(set(sent.main) | set(result.found) | set(result.errors)):
            here, here_errors = sent.main.get(position, ([], []))
            found = sorted(here + result.found.get(position, []), key=lambda item: item[0])
            errors = sorted(here_errors + result.errors.get(position, []), key=lambda item: item[0])
            for _, findings in found:
                self._found.extend(findings)
            self._errors.extend(entry for _, entry in errors)
        for index, state in result.states:
            self._checks[index].merge_state(self._ctx, state)
        self._ctx.tallies.update(result.tallies)
        self.checked += sent.records
        self._on_checked(self.checked)


class LazyPool:
    """The scan's pool, started when the first large archive needs it and shut down with the scan."""

    def __init__(self, workers: int, matcher: Matcher, policy: Policy) -> None:
        self.workers = workers
        self._matcher, self._policy = matcher, policy
        self._pool: ProcessPoolExecutor | None = None
        self._frozen = False  # the heap was frozen out of the cyclic GC for the pool (given back on exit)

    def for_archive(self, data_bytes: int, checks: Sequence[Check]) -> ProcessPoolExecutor | None:
        """The pool for an archive of ``data_bytes`` (media left out), or ``None`` to check it in this process:
        one worker asked for, a small archive, or no check that can run in a worker."""
        if self.workers < 2 or data_bytes < PARALLEL_MIN_BYTES or all(c.ordered for c in checks):
            return None
        if self._pool is None:
            warm_up(checks, self._matcher, self._policy)
            # Everything loaded so far (client list, matcher, lexicons, models) lives as long as the scan: out of
            # the cyclic collector's reach, its full collections do not walk it here, and the forked workers' do
            # not write to (and so copy) the pages it shares with them.
            gc.freeze()
            self._frozen = True
            self._pool = start_pool(self.workers, self._matcher, self._policy)
        return self._pool

    def __enter__(self) -> LazyPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
