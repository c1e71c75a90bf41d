"""The one orchestrator: sources (archives, or live pages) → records → checks → findings → review →
:class:`ScanResult`.

Every input is opened and identified; inputs that are parts of one export (same platform, generation and
format, or an unrecognizable part named like a recognized one) are read together as one source. Records
stream from the reader to the checks that declared their kind; nothing holds the whole archive in memory.
A file that cannot be read becomes a skipped entry, an input that cannot be opened or a check that fails
becomes an error entry, and the scan goes on. Findings of every source, archive or live (:func:`scan_live`), go
through the same review: the policy's enabled checks, its severity overrides, de-duplication, then the triage
file's verdicts and the comparison with an earlier report.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from checks import ALL_CHECKS
from checks.analysis.people import namesakes_note
from checks.base import Check, CheckContext, Finding, Severity, SourceInfo, sort_findings
from checks.matching import Matcher
from checks.policy import Policy
from checks.text import unchecked_languages_note
from scanner import __version__
from scanner.archive import Archive, ArchiveError, Limits
from scanner.bounds import bound_record, clean_optional, clean_text, cut_note
from scanner.clients import ClientList
from scanner.compare import PreviousReport, compare_scans
from scanner.detect import Detected, UnknownArchiveError, detect
from scanner.duplicates import drop_duplicates
from scanner.platforms import part_prefixes, platform_label
from scanner.readers import ReadContext
from scanner.readers.base import REPEATED, repeated_note
from scanner.records import AnyRecord, Kind
from scanner.result import ErrorEntry, ScanResult, SkippedFile, SourceReport
from scanner.triage import TriageFile
from scanner.workers import LazyPool, ParallelChecks, check_error, pool_size

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str, int], None]
"""Called with (source label, records read so far) every few thousand records and at the end."""


@dataclass(frozen=True)
class Step:
    """Where a scan is: archive ``archive`` of ``archives``, ``records`` read from it, and ``done``, the share
    (0–1) of its data files the readers have reached, by size."""

    archive: int
    archives: int
    label: str
    records: int
    done: float

    @property
    def overall(self) -> float:
        """The share of the whole scan done (0–1), counting every archive alike."""
        return min(1.0, (self.archive - 1 + self.done) / max(self.archives, 1))


@dataclass
class ScanOptions:
    """Everything a scan needs besides its inputs."""

    clients: ClientList = field(default_factory=ClientList)
    policy: Policy = field(default_factory=Policy)
    limits: Limits = field(default_factory=Limits)
    checks: Sequence[type[Check]] = ALL_CHECKS
    progress: ProgressCallback | None = None
    on_step: Callable[[Step], None] | None = None  # a determinate progress report (see Step)
    triage: TriageFile | None = None  # reviewed findings: marked with their verdict, never removed
    workers: int | None = None  # processes checking a large archive; None: one per core; 1: this process only
    previous: PreviousReport | None = None  # an earlier report: the result says what is new, fixed, still open


@dataclass(frozen=True)
class LiveSource:
    """What the online check saw at one address: records to check (an open API's public profile and posts)
    and findings already made of the answer itself (``check_id``'s, subject to the policy like any check's)."""

    platform: str
    label: str
    records: tuple[AnyRecord, ...] = ()
    findings: tuple[Finding, ...] = ()
    check_id: str = ""


@dataclass
class _Group:
    paths: list[Path]
    detected: Detected | None = None


def scan(inputs: Sequence[str | Path], options: ScanOptions | None = None) -> ScanResult:
    """Scan every input and return one result (the one entry point the CLI and batch mode use)."""
    options = options or ScanOptions()
    started = time.perf_counter()
    errors: list[ErrorEntry] = []
    paths, notices = drop_duplicates([Path(p) for p in inputs])
    groups = _group_inputs(paths, options.limits, errors)
    matcher = Matcher(options.clients)
    checks = [cls() for cls in options.checks if options.policy.check_enabled(cls.id)]

    sources: list[SourceReport] = []
    found: list[Finding] = []
    timings: dict[str, float] = {}
    scan_memo: dict[str, Any] = {}  # one person's archives: what the checks judge over all of them
    with LazyPool(pool_size(options.workers), matcher, options.policy) as pool:
        for number, group in enumerate(groups, start=1):
            t0 = time.perf_counter()
            try:
                source, group_found = _scan_group(
                    group, checks, matcher, options, errors, (number, len(groups)), pool, scan_memo=scan_memo
                )
            except ArchiveError as exc:
                errors.append(ErrorEntry(exc.path, exc.reason))
                continue
            sources.append(source)
            timings[source.path] = round(time.perf_counter() - t0, 3)
            found.extend(group_found)
    found.extend(finish_scan(checks, scan_memo, errors))

    timings["total"] = round(time.perf_counter() - started, 3)
    result = ScanResult(
        findings=(),
        sources=tuple(sources),
        errors=tuple(errors),
        generated_at=datetime.now(UTC).replace(microsecond=0),
        tool_version=__version__,
        clients_total=len(options.clients),
        client_checks=len(options.clients) > 0,
        timezone=report_zone(options.policy, sources, notices),
        notices=tuple(notices),
        timings=timings,
    )
    return _review(result, found, options)


def report_zone(policy: Policy, sources: Sequence[SourceReport], notices: list[str]) -> str:
    """The time zone the report shows times in: the policy's, else the first archive's own, else UTC (a notice
    says which archive's zone was taken)."""
    if policy.timezone_given:
        return policy.work_hours.timezone
    for source in sources:
        if source.timezone:
            notices.append(
                f"Times are shown in {source.timezone}, the time zone of your {platform_label(source.platform)} "
                "account; set timezone under [work_hours] in policy.toml to choose another."
            )
            return source.timezone
    return policy.work_hours.timezone


def scan_live(result: ScanResult, live: Sequence[LiveSource], options: ScanOptions | None = None) -> ScanResult:
    """``result`` (an archive scan) with what the online check saw added: each live source's records go
    through the enabled checks, its own findings through the policy, and everything through the same review
    as an archive scan's findings (overrides, de-duplication, triage, comparison)."""
    options = options or ScanOptions()
    checks = [cls() for cls in options.checks if options.policy.check_enabled(cls.id)]
    matcher = Matcher(options.clients) if any(source.records for source in live) else None
    errors: list[ErrorEntry] = []
    found = list(result.findings)
    scan_memo: dict[str, Any] = {}
    for source in live:
        if source.check_id and options.policy.check_enabled(source.check_id):
            found.extend(source.findings)
        if source.records and matcher is not None:
            _, checked = check_records(
                source.records,
                source.platform,
                "live",
                checks,
                matcher,
                options,
                errors,
                source.label,
                scan_memo=scan_memo,
            )
            found.extend(checked)
    found.extend(finish_scan(checks, scan_memo, errors))
    return _review(replace(result, errors=result.errors + tuple(errors)), found, options)


def _review(result: ScanResult, found: Iterable[Finding], options: ScanOptions) -> ScanResult:
    """The one review of every finding: de-duplication (one finding per category and fingerprint, the first
    kept), the policy's severity overrides, sorting, the triage verdicts and the comparison."""
    unique: dict[tuple[str, str], Finding] = {}
    for finding in found:
        unique.setdefault((finding.category, finding.fingerprint), finding)
    final = sort_findings(_apply_overrides(f, options.policy) for f in unique.values())
    if options.triage is not None:
        final = iter(options.triage.apply(final))
    result = replace(result, findings=tuple(final))
    if options.previous is not None:
        result = replace(result, compare=compare_scans(options.previous, result.open_findings, result.sources))
    return result


def _group_inputs(paths: list[Path], limits: Limits, errors: list[ErrorEntry]) -> list[_Group]:
    """Identify each input; merge the parts of one export into one group."""
    recognized: list[_Group] = []
    unknown: list[tuple[Path, str]] = []
    for path in paths:
        try:
            with Archive([path], limits) as archive:
                recognized.append(_Group([path], detect(archive)))
        except ArchiveError as exc:
            errors.append(ErrorEntry(exc.path, exc.reason))
        except UnknownArchiveError as exc:
            unknown.append((path, str(exc)))

    merged: list[_Group] = []
    for group in recognized:
        assert group.detected is not None
        key = _part_key(group.detected)
        twin = next((g for g in merged if g.detected and _part_key(g.detected) == key), None)
        if twin is not None:
            twin.paths.extend(group.paths)
        else:
            merged.append(group)
    for path, message in unknown:
        # A later part of a multi-part export may hold only media: attach it to the export it is named like.
        twin = next((g for g in merged if _export_stem(g.paths[0]) == _export_stem(path)), None)
        if twin is not None and _export_stem(path):
            twin.paths.append(path)
        else:
            errors.append(ErrorEntry(str(path), message.split(": ", 1)[-1]))
    return merged


def _part_key(detected: Detected) -> tuple[str, str, str]:
    d = detected.detection
    return (d.platform, d.generation, d.format)


_STEM = re.compile(rf"^((?:{'|'.join(map(re.escape, part_prefixes()))})-[^-]+)", re.IGNORECASE)


def _export_stem(path: Path) -> str:
    match = _STEM.match(path.name)
    return match.group(1).lower() if match else ""


def _scan_group(
    group: _Group,
    checks: list[Check],
    matcher: Matcher,
    options: ScanOptions,
    errors: list[ErrorEntry],
    position: tuple[int, int] = (1, 1),
    pool: LazyPool | None = None,
    *,
    scan_memo: dict[str, Any],
) -> tuple[SourceReport, list[Finding]]:
    label = " + ".join(str(p) for p in group.paths)
    with Archive(group.paths, options.limits) as archive:
        detected = group.detected or detect(archive)
        detection = detected.detection
        read_ctx = ReadContext()
        tick = _ticker(options, position, label, archive, read_ctx)
        records = detected.reader.read(archive, detection, read_ctx)
        data_bytes = sum(m.size for m in archive.members if not _is_media(m.path))
        workers = pool.for_archive(data_bytes, checks) if pool else None
        counts, found = check_records(
            records,
            detection.platform,
            detection.generation,
            checks,
            matcher,
            options,
            errors,
            label,
            read_ctx,
            tick,
            (workers, pool.workers) if workers and pool else None,
            scan_memo=scan_memo,
        )
        skipped = [SkippedFile(clean_text(s.path), clean_text(s.reason)) for s in read_ctx.skipped]
        skipped += [SkippedFile(clean_text(u.path), u.reason) for u in archive.unsafe]
        notes = list(read_ctx.notes)
        for key_name, value in sorted(read_ctx.stats.items()):
            log.debug("%s: %s=%s", label, key_name, value)
        source = SourceReport(
            path=label,
            platform=detection.platform,
            generation=detection.generation,
            format=detection.format,
            account_name=clean_optional(read_ctx.account.name),
            account_handle=clean_optional(read_ctx.account.handle),
            counts=dict(sorted(counts.items())),
            timezone=read_ctx.account.timezone,
            skipped=tuple(skipped),
            notes=tuple(notes),
            parts=tuple(str(p) for p in group.paths),
            unread=tuple(
                clean_text(m.path)
                for m in archive.members
                if m.path not in read_ctx.read_members and not _is_media(m.path)
            ),
        )
    return source, found


def check_records(
    records: Iterable[AnyRecord],
    platform: str,
    generation: str,
    checks: Sequence[Check],
    matcher: Matcher,
    options: ScanOptions,
    errors: list[ErrorEntry],
    label: str,
    read_ctx: ReadContext | None = None,
    tick: Callable[[int, bool], None] | None = None,
    pool: tuple[Executor, int] | None = None,
    *,
    scan_memo: dict[str, Any],
) -> tuple[Counter[str], list[Finding]]:
    """Stream records of one source through the checks: de-duplicate by (kind, id), count, dispatch by kind,
    then let account-level checks finish (what they keep for the person as a whole goes into ``scan_memo``, for
    :func:`finish_scan` after the scan's last source). Used for archives and for live sources alike. With ``pool`` (an
    executor and its number of workers) the checks that can run apart do so in batches (:mod:`scanner.workers`);
    the findings, errors and notes are the same as in this process alone."""
    read_ctx = read_ctx or ReadContext()
    info = SourceInfo(platform=platform, generation=generation)
    check_ctx = CheckContext(policy=options.policy, matcher=matcher, source=info, scan_memo=scan_memo)
    checks = [c for c in checks if c.platforms is None or platform in c.platforms]
    by_kind = _checks_by_kind(checks, platform)
    counts: Counter[str] = Counter()
    seen: set[tuple[Kind, str, str]] = set()
    found: list[Finding] = []
    since = options.policy.since
    cut = 0
    failure: Exception | None = None

    def report(records: int, final: bool = False) -> None:
        if options.progress:
            options.progress(label, records)
        if tick:
            tick(records, final)

    parallel = ParallelChecks(pool[0], pool[1], checks, check_ctx, found, errors, report) if pool else None
    try:
        for record in records:
            record, n = bound_record(record)
            cut += n
            # A mutual follow is two connection records with the same account id: relation is part of the key.
            key = (record.kind, record.id, str(getattr(record, "relation", "")))
            if key in seen:
                read_ctx.count(REPEATED)
                continue
            seen.add(key)
            counts[record.kind.value] += 1
            if parallel is None and len(seen) % 2000 == 0:
                report(len(seen))  # with workers, progress counts the records checked, as batches come back
            if since and record.timestamp and record.timestamp.date() < since:
                continue
            info.account_name = info.account_name or clean_optional(read_ctx.account.name)
            info.account_handle = info.account_handle or clean_optional(read_ctx.account.handle)
            if parallel is None:
                found.extend(_run_checks(by_kind.get(record.kind, ()), record, check_ctx, errors))
            else:
                parallel.add(record)
    except Exception as exc:  # a reader bug must not lose the rest of the scan
        log.debug("reader failure", exc_info=True)
        failure = exc
    if parallel is not None:
        parallel.close()  # every batch merged before the errors that come after reading
        if parallel.broken:
            errors.append(ErrorEntry(label, parallel.broken))
    if failure is not None:
        reason = f"reading stopped early ({type(failure).__name__}); the report covers what was read"
        errors.append(ErrorEntry(label, reason))
    if cut:
        read_ctx.note(cut_note(cut))
    if read_ctx.stats.get(REPEATED):
        read_ctx.note(repeated_note(read_ctx.stats[REPEATED]))
    info.account_name = clean_optional(info.account_name or read_ctx.account.name)
    info.account_handle = clean_optional(info.account_handle or read_ctx.account.handle)
    for check in checks:
        found.extend(_guard(check, partial(check.finish, check_ctx), errors))
    for note in (unchecked_languages_note(check_ctx.tallies), namesakes_note(check_ctx.tallies)):
        if note:
            read_ctx.notes.append(note)
    report(len(seen), True)
    return counts, found


def finish_scan(checks: Sequence[Check], scan_memo: dict[str, Any], errors: list[ErrorEntry]) -> list[Finding]:
    """What the checks find over all sources of one scan together (after every source finished)."""
    found: list[Finding] = []
    for check in checks:
        found.extend(_guard(check, partial(check.finish_scan, scan_memo), errors))
    return found


def _ticker(
    options: ScanOptions, position: tuple[int, int], label: str, archive: Archive, read_ctx: ReadContext
) -> Callable[[int, bool], None] | None:
    """A callback reporting :class:`Step`s for one archive, or ``None`` when nobody listens."""
    on_step = options.on_step
    if on_step is None:
        return None
    sizes = {m.path: m.size for m in archive.members if not _is_media(m.path)}
    total = sum(sizes.values()) or 1

    def tick(records: int, final: bool) -> None:
        done = 1.0 if final else min(0.99, sum(sizes.get(p, 0) for p in read_ctx.read_members) / total)
        on_step(Step(position[0], position[1], label, records, done))

    tick(0, False)
    return tick


_MEDIA = (
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".heic",
    ".mp4",
    ".mov",
    ".m4a",
    ".mp3",
    ".webm",
    ".svg",
    ".css",
    ".woff",
    ".woff2",
    ".ttf",
    ".ico",
    ".bmp",
    ".tif",
    ".tiff",
    ".aac",
    ".opus",
    ".wav",
    ".avif",
)


def _is_media(path: str) -> bool:
    return path.lower().endswith(_MEDIA)


def _checks_by_kind(checks: Iterable[Check], platform: str) -> dict[Kind, list[Check]]:
    table: dict[Kind, list[Check]] = {}
    for check in checks:
        if check.platforms is not None and platform not in check.platforms:
            continue
        for kind in check.kinds:
            table.setdefault(kind, []).append(check)
    return table


def _run_checks(
    checks: Iterable[Check], record: AnyRecord, ctx: CheckContext, errors: list[ErrorEntry]
) -> list[Finding]:
    out: list[Finding] = []
    for check in checks:
        try:
            out.extend(list(check.run(record, ctx)))  # all of a check's findings for the record, or none
        except Exception as exc:  # a failing check costs its own findings for this record, nothing more
            errors.append(check_error(check, exc, record.source))
    return out


def _guard(
    check: Check,
    call: Callable[[], Iterable[Finding]],
    errors: list[ErrorEntry],
    where: str = "",
) -> list[Finding]:
    """Run a check; a failure becomes an error entry (no record content in it) and the scan goes on."""
    try:
        return list(call())
    except Exception as exc:
        errors.append(check_error(check, exc, where))
        return []


def _apply_overrides(finding: Finding, policy: Policy) -> Finding:
    """Severity overrides from the policy, by check id or category."""
    override = policy.severity_overrides.get(finding.check) or policy.severity_overrides.get(finding.category.value)
    if override:
        try:
            return replace(finding, severity=Severity(override))
        except ValueError:
            return finding
    return finding
