"""Benchmarks: full scans against a ``json.loads`` baseline, client-list scaling, the client-mention pass
against a deny-list regex, and peak memory on the 500k-tweet X archive.

    python bench/generate.py --out /tmp/bench-data
    python bench/run.py --data /tmp/bench-data                  # everything (~10 minutes)
    python bench/run.py --data /tmp/bench-data --only x --no-500k
    python bench/run.py --data /tmp/bench-data --profile /tmp/prof   # pyinstrument HTML per scan (if installed)

Everything runs in this one process except the 500k scan, which runs in a child process so that the peak
resident memory it reports is its own. Times are CPU seconds of the process (``time.process_time``), so other
load on the machine does not skew the ratios; wall-clock seconds of the scans are shown next to them. Ratios are
printed next to the targets; ``--json FILE`` also saves every figure.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

from checks.matching import Matcher  # noqa: E402
from checks.policy import Policy, load_policy  # noqa: E402
from reports.writer import write_reports  # noqa: E402
from scanner.archive import Archive  # noqa: E402
from scanner.clients import ClientList, load_clients  # noqa: E402
from scanner.detect import detect  # noqa: E402
from scanner.pipeline import ScanOptions, scan  # noqa: E402
from scanner.readers import ReadContext  # noqa: E402
from scanner.records import AnyRecord, Comment, Place, Post, Reaction, Thread  # noqa: E402

ARCHIVES = {"x": "x-100k.zip", "facebook": "facebook-100k.zip", "instagram": "instagram-100k.zip"}
TARGET_SCAN_VS_JSON = 3.0
TARGET_MATCH_SPEEDUP = 50.0
TARGET_CLIENT_SCALING = 1.2
TARGET_PEAK_MB = 1024.0
TARGET_HASHED_SCALING = 1.5
E2E_TARGETS = {"x": (4.0, 3.0), "facebook": (10.0, 6.0), "instagram": (10.0, 6.0)}  # (CPU, wall) ÷ json.loads
_YTD = re.compile(rb"^\s*(?:window\.[\w.]+|var\s+\w+|Grailbird\.[\w.]+)\s*=\s*")


@dataclass
class Results:
    """Every figure measured, in seconds / MB / ratios, keyed for ``--json``."""

    figures: dict[str, Any] = field(default_factory=dict)
    verdicts: list[tuple[str, str, bool]] = field(default_factory=list)

    def verdict(self, label: str, text: str, met: bool) -> None:
        """Record a target and whether it is met, and print it."""
        self.verdicts.append((label, text, met))
        print(f"  -> {label}: {text}  [{'met' if met else 'NOT met'}]", flush=True)


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """CPU seconds of this process spent in ``fn()`` (robust to other load on the machine), and its value."""
    gc.collect()
    t0 = time.process_time()
    value = fn()
    return time.process_time() - t0, value


def json_baseline(path: Path) -> tuple[int, int]:
    """Read every JSON / JS member of the zip and ``json.loads`` it (X ``.js``: the ``window.YTD… =`` prefix
    stripped); (members parsed, uncompressed bytes)."""
    count = size = 0
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            name = info.filename.lower()
            if not name.endswith((".json", ".js")):
                continue
            data = zf.read(info)
            if name.endswith(".js"):
                data = _YTD.sub(b"", data, count=1)
            json.loads(data)
            count += 1
            size += len(data)
    return count, size


def iter_records(path: Path) -> Iterator[AnyRecord]:
    """Every record the platform reader yields for one archive (no checks)."""
    with Archive([path]) as archive:
        detected = detect(archive)
        yield from detected.reader.read(archive, detected.detection, ReadContext())


def record_texts(record: AnyRecord) -> Iterator[str]:
    """The free texts of a record that the client-mention pass searches."""
    if isinstance(record, Post | Comment | Place) and record.text:
        yield record.text
    elif isinstance(record, Reaction) and record.target_text:
        yield record.target_text
    elif isinstance(record, Thread):
        yield from (m.text for m in record.messages if m.text)


def run_scan(paths: list[Path], clients: ClientList, policy: Policy, out: Path) -> dict[str, Any]:
    """One full scan with every check, then the JSON and HTML reports; timings and counts."""
    wall = time.perf_counter()
    t_scan, result = _timed(lambda: scan(paths, ScanOptions(clients=clients, policy=policy, workers=1)))
    t_write, _ = _timed(lambda: write_reports(result, ["json", "html"], out))
    records = sum(sum(s.counts.values()) for s in result.sources)
    return {
        "scan_s": round(t_scan, 3),
        "write_s": round(t_write, 3),
        "total_s": round(t_scan + t_write, 3),
        "wall_s": round(time.perf_counter() - wall, 3),
        "records": records,
        "findings": len(result.findings),
        "errors": len(result.errors),
    }


def end_to_end(
    path: Path, clients: Path, policy: Path | None, key_file: Path | None = None, extra: tuple[str, ...] = ()
) -> dict[str, Any]:
    """``boundary-audit scan ARCHIVE --clients … --format json --format html`` as a user runs it, in a child
    process on a pseudo-terminal (so the progress bar and the summary are drawn): CPU seconds of the process
    and of its workers (``wait4``: a process's own and its waited-for children's), wall seconds, the largest
    peak RSS of any of them, and the load average before and after."""
    import pty
    import threading

    with tempfile.TemporaryDirectory(prefix="bench-e2e-") as out:
        cmd = [
            sys.executable,
            "-c",
            "from scanner.cli import main; main()",
            "scan",
            str(path),
            "--clients",
            str(clients),
            "--format",
            "json",
            "--format",
            "html",
            "--out",
            out,
            *extra,
        ]
        if policy:
            cmd += ["--policy", str(policy)]
        if key_file:
            cmd += ["--key-file", str(key_file)]
        master, slave = pty.openpty()
        drained = threading.Thread(target=_drain, args=(master,), daemon=True)
        drained.start()
        load = os.getloadavg()[0]
        wall = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
        os.close(slave)
        peaks: dict[int, float] = {}
        sampler = threading.Thread(target=_sample_peaks, args=(proc.pid, peaks), daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - wall
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.join(timeout=5)
        drained.join(timeout=5)
        os.close(master)
        findings = len(json.loads((Path(out) / "boundary-audit-report.json").read_text())["findings"])
    return {
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "wall_s": round(wall, 2),
        "peak_rss_mb": round(max(peaks.values(), default=0.0), 1),
        "processes": len(peaks),
        "exit": proc.returncode,
        "findings": findings,
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }


def _sample_peaks(pid: int, peaks: dict[int, float]) -> None:
    """Every 50 ms, the peak RSS (``VmHWM``) of the process and of its children, until it ends. (``ru_maxrss``
    would not do: on Linux an exec'd child keeps the high-water mark of the process it was forked from.)"""
    while True:
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return
        for one in (pid, *map(int, children)):
            with contextlib.suppress(OSError, ValueError):
                for line in Path(f"/proc/{one}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks[one] = max(peaks.get(one, 0.0), int(line.split()[1]) / 1024)
        time.sleep(0.05)


def _drain(fd: int) -> None:
    """Read a pseudo-terminal until it closes (what the terminal would show is thrown away)."""
    with contextlib.suppress(OSError):
        while os.read(fd, 65536):
            pass


def bench_end_to_end(platform: str, data: Path, policy: Path | None, res: Results) -> None:
    """The issue's end-to-end figures for one archive: the CLI scan ÷ json.loads (CPU and wall), then
    10,000 and a 100,000-name hashed list against 100 clients."""
    path = data / ARCHIVES[platform]
    print(f"\n== end to end: {platform}: {path.name}", flush=True)
    wall = time.perf_counter()
    t_json, _ = _timed(lambda: json_baseline(path))
    wall_json = time.perf_counter() - wall
    fig: dict[str, Any] = {"json_cpu_s": round(t_json, 3), "json_wall_s": round(wall_json, 3)}
    runs = {
        "100": (data / "clients-100.csv", None),
        "10000": (data / "clients-10000.csv", None),
        "hashed-100000": (data / "hashed-100000.txt", data / "agency.key"),
    }
    for name, (clients, key) in runs.items():
        if not clients.exists():
            print(f"  {clients.name} missing: run bench/generate.py again", flush=True)
            continue
        run = end_to_end(path, clients, policy, key)
        fig[name] = run
        print(
            f"  scan with {name:>13} clients: {run['cpu_s']:.2f} CPU s, {run['wall_s']:.2f} wall s, peak "
            f"{run['peak_rss_mb']:.0f} MB, {run['findings']} findings (load {run['load_before']:.1f} → "
            f"{run['load_after']:.1f})",
            flush=True,
        )
    res.figures[f"e2e_{platform}"] = fig
    base = fig.get("100")
    if not base:
        return
    cpu, wall_ratio = base["cpu_s"] / t_json, base["wall_s"] / wall_json
    target_cpu, target_wall = E2E_TARGETS[platform]
    res.verdict(
        f"{platform} end-to-end CPU ÷ json.loads", f"{cpu:.1f}x (target ≤ {target_cpu:.0f}x)", cpu <= target_cpu
    )
    res.verdict(
        f"{platform} end-to-end wall ÷ json.loads",
        f"{wall_ratio:.1f}x (target ≤ {target_wall:.0f}x)",
        wall_ratio <= target_wall,
    )
    for name, target in (("10000", TARGET_CLIENT_SCALING), ("hashed-100000", TARGET_HASHED_SCALING)):
        if name in fig:
            ratio = fig[name]["cpu_s"] / base["cpu_s"]
            res.verdict(
                f"{platform} end-to-end {name} ÷ 100 clients (CPU)",
                f"{ratio:.2f}x (target ≤ {target}x)",
                ratio <= target,
            )


def bench_pool(platform: str, data: Path, policy: Policy, res: Results) -> None:
    """The checks alone on an archive's records (read beforehand): in this process, then through the worker
    pool (:class:`scanner.workers.ParallelChecks`) with 1 and 2 workers — CPU of this process and of the
    workers, and wall seconds: what the pool costs and what it gains, without reading or writing."""
    from checks import ALL_CHECKS
    from checks.base import CheckContext, SourceInfo
    from scanner import pipeline, workers

    path = data / ARCHIVES[platform]
    records = list(iter_records(path))
    matcher = Matcher(load_clients(data / "clients-100.csv"))
    checks = [cls() for cls in ALL_CHECKS]
    workers.warm_up(checks, matcher, policy)

    def context() -> CheckContext:
        return CheckContext(policy=policy, matcher=matcher, source=SourceInfo(platform=platform))

    def inline() -> None:
        by_kind, ctx = pipeline._checks_by_kind(checks, platform), context()
        errors: list[Any] = []
        for record in records:
            pipeline._run_checks(by_kind.get(record.kind, ()), record, ctx, errors)

    print(f"\n== checks alone, {platform}: {len(records)} records", flush=True)
    wall = time.perf_counter()
    t_inline, _ = _timed(inline)
    fig: dict[str, Any] = {"inline_cpu_s": round(t_inline, 2), "inline_wall_s": round(time.perf_counter() - wall, 2)}
    print(f"  this process: {t_inline:.2f} CPU s", flush=True)
    for n in (1, 2):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, cpu = time.perf_counter(), time.process_time()
        pool = workers.start_pool(n, matcher, policy)
        run = workers.ParallelChecks(pool, n, checks, context(), [], [], lambda _: None)
        for record in records:
            run.add(record)
        run.close()
        pool.shutdown()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        main = time.process_time() - cpu
        kids = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        fig[f"pool_{n}"] = {
            "main_cpu_s": round(main, 2),
            "workers_cpu_s": round(kids, 2),
            "wall_s": round(time.perf_counter() - wall, 2),
        }
        print(
            f"  {n} worker(s): {main:.2f} CPU s here + {kids:.2f} in the workers "
            f"(+{(main + kids) / t_inline - 1:.0%}); wall {fig[f'pool_{n}']['wall_s']:.2f} s "
            f"(load {os.getloadavg()[0]:.1f})",
            flush=True,
        )
    res.figures[f"pool_{platform}"] = fig


def _profiled(enabled: Path | None, name: str, fn: Callable[[], Any]) -> Any:
    if enabled is None:
        return fn()
    from pyinstrument import Profiler  # a developer tool, not a dependency

    profiler = Profiler(interval=0.002)
    profiler.start()
    try:
        return fn()
    finally:
        profiler.stop()
        enabled.mkdir(parents=True, exist_ok=True)
        (enabled / f"{name}.html").write_text(profiler.output_html(), encoding="utf-8")
        (enabled / f"{name}.txt").write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")


def bench_archive(platform: str, data: Path, policy: Policy, res: Results, profile: Path | None) -> list[str]:
    """json.loads baseline vs full scans with 100 and 10,000 clients; returns the archive's texts."""
    path = data / ARCHIVES[platform]
    print(f"\n== {platform}: {path.name}", flush=True)
    t_json, (members, size) = _timed(lambda: json_baseline(path))
    gc.disable()  # the stricter reference: the same loads without the cyclic GC walking the growing trees
    try:
        t_nogc, _ = _timed(lambda: json_baseline(path))
    finally:
        gc.enable()
    print(
        f"  json.loads of {members} members ({size / 1e6:.1f} MB): {t_json:.2f} s ({t_nogc:.2f} s with the GC off)",
        flush=True,
    )
    t_read, texts = _timed(lambda: [t for r in iter_records(path) for t in record_texts(r)])
    print(f"  reader alone (records, no checks): {t_read:.2f} s", flush=True)
    fig: dict[str, Any] = {
        "json_loads_s": round(t_json, 3),
        "json_loads_nogc_s": round(t_nogc, 3),
        "json_mb": round(size / 1e6, 1),
        "read_s": round(t_read, 3),
        "texts": len(texts),
    }
    with tempfile.TemporaryDirectory(prefix="bench-out-") as tmp:
        for n in (100, 10_000):
            clients = load_clients(data / f"clients-{n}.csv")
            run = _profiled(profile, f"scan-{platform}-{n}", lambda c=clients: run_scan([path], c, policy, Path(tmp)))  # type: ignore[misc]
            fig[f"scan_{n}"] = run
            print(
                f"  scan + JSON/HTML with {n:>6} clients: {run['total_s']:.2f} s (scan {run['scan_s']:.2f}, "
                f"write {run['write_s']:.2f}; wall {run['wall_s']:.2f}); {run['records']} records, "
                f"{run['findings']} findings, {run['errors']} errors",
                flush=True,
            )
    ratio = fig["scan_100"]["total_s"] / t_json
    fig["scan_vs_json_nogc"] = round(fig["scan_100"]["total_s"] / t_nogc, 2)
    scaling = fig["scan_10000"]["total_s"] / fig["scan_100"]["total_s"]
    fig["scan_vs_json"] = round(ratio, 2)
    fig["clients_10000_vs_100"] = round(scaling, 2)
    res.figures[platform] = fig
    res.verdict(
        f"{platform} scan ÷ json.loads",
        f"{ratio:.2f}x (target ≤ {TARGET_SCAN_VS_JSON}x; {fig['scan_vs_json_nogc']:.1f}x against GC-off loads)",
        ratio <= TARGET_SCAN_VS_JSON,
    )
    res.verdict(
        f"{platform} 10,000 ÷ 100 clients",
        f"{scaling:.2f}x (target ≤ {TARGET_CLIENT_SCALING}x)",
        scaling <= TARGET_CLIENT_SCALING,
    )
    return texts


def deny_list_regex(clients: ClientList) -> re.Pattern[str]:
    """The baseline: one alternation of every name and alias, as Presidio's deny-list recognizer builds it."""
    names = sorted({n for c in clients.clients for n in (c.name, *c.aliases) if n}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def bench_matching(texts: list[tuple[str, str]], data: Path, sample: int, res: Results) -> None:
    """Matcher.find_in_text over every text vs the deny-list regex (on an evenly spread sample: it is slow)."""
    print(f"\n== client-mention pass, 10,000 clients, {len(texts)} texts", flush=True)
    clients = load_clients(data / "clients-10000.csv")
    t_build, matcher = _timed(lambda: Matcher(clients))
    t_regex_build, pattern = _timed(lambda: deny_list_regex(clients))
    step = max(1, len(texts) // sample)
    picked = texts[::step]

    def ours(items: list[tuple[str, str]]) -> int:
        return sum(len(matcher.find_in_text(text, platform)) for platform, text in items)

    def regex(items: list[tuple[str, str]]) -> int:
        return sum(1 for _, text in items for _m in pattern.finditer(text))

    t_all, hits_all = _timed(lambda: ours(texts))
    t_ours, hits = _timed(lambda: ours(picked))
    t_base, base_hits = _timed(lambda: regex(picked))
    speedup = t_base / t_ours if t_ours else float("inf")
    print(
        f"  Matcher build {t_build:.2f} s; all {len(texts)} texts: {t_all:.2f} s "
        f"({len(texts) / t_all:,.0f} texts/s, {hits_all} hits)",
        flush=True,
    )
    print(
        f"  sample of {len(picked)} texts: ours {t_ours:.3f} s ({hits} hits), deny-list regex {t_base:.2f} s "
        f"({base_hits} hits; regex build {t_regex_build:.2f} s)",
        flush=True,
    )
    res.figures["matching"] = {
        "texts": len(texts),
        "matcher_build_s": round(t_build, 3),
        "all_texts_s": round(t_all, 3),
        "sample": len(picked),
        "sample_ours_s": round(t_ours, 4),
        "sample_regex_s": round(t_base, 3),
        "hits_ours_sample": hits,
        "hits_regex_sample": base_hits,
        "speedup": round(speedup, 1),
    }
    res.verdict(
        "mention pass vs deny-list regex",
        f"{speedup:.0f}x faster (target ≥ {TARGET_MATCH_SPEEDUP:.0f}x)",
        speedup >= TARGET_MATCH_SPEEDUP,
    )


def bench_memory(data: Path, policy_path: Path | None, res: Results, name: str = "x-500k.zip") -> None:
    """The 500k-tweet scan (10,000 clients, JSON + HTML) in a child process: its peak RSS and time."""
    path = data / name
    print(f"\n== peak memory: {name} in a child process", flush=True)
    cmd = [sys.executable, __file__, "--child", str(path), "--data", str(data)]
    if policy_path:
        cmd += ["--policy", str(policy_path)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        res.verdict("500k peak memory", f"child failed (exit {done.returncode})", False)
        return
    child = json.loads(done.stdout.strip().splitlines()[-1])
    res.figures["x500k"] = child
    print(
        f"  scan + JSON/HTML: {child['total_s']:.1f} s; {child['records']} records, {child['findings']} findings; "
        f"peak RSS {child['peak_rss_mb']:.0f} MB (after imports {child['base_rss_mb']:.0f} MB)",
        flush=True,
    )
    res.verdict(
        "500k peak RSS",
        f"{child['peak_rss_mb']:.0f} MB (target ≤ {TARGET_PEAK_MB:.0f} MB)",
        child["peak_rss_mb"] <= TARGET_PEAK_MB,
    )
    e2e = end_to_end(path, data / "clients-10000.csv", policy_path)
    res.figures["x500k_e2e"] = e2e
    print(
        f"  end to end (CLI, workers): {e2e['cpu_s']:.1f} CPU s, {e2e['wall_s']:.1f} wall s, {e2e['findings']} "
        f"findings; peak RSS of any of its {e2e['processes']} processes {e2e['peak_rss_mb']:.0f} MB",
        flush=True,
    )
    res.verdict(
        "500k peak RSS, any process, end to end",
        f"{e2e['peak_rss_mb']:.0f} MB (target ≤ {TARGET_PEAK_MB:.0f} MB)",
        e2e["peak_rss_mb"] <= TARGET_PEAK_MB,
    )


def _rss_mb() -> float:
    """Peak RSS of this process in MB: VmHWM where Linux has it (``ru_maxrss`` of an exec'd child also
    carries the parent's size at fork), else ``ru_maxrss``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def child(path: Path, data: Path, policy_path: Path | None) -> None:
    """Child-process entry: one scan, printed as one JSON line."""
    base = _rss_mb()
    policy = load_policy(policy_path) if policy_path else Policy()
    clients = load_clients(data / "clients-10000.csv")
    with tempfile.TemporaryDirectory(prefix="bench-out-") as tmp:
        run = run_scan([path], clients, policy, Path(tmp))
    run.update(peak_rss_mb=round(_rss_mb(), 1), base_rss_mb=round(base, 1))
    print(json.dumps(run))


def main() -> None:
    """Run the benchmarks and print the figures and the verdicts."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--only", action="append", choices=sorted(ARCHIVES), help="archives to run (repeatable)")
    parser.add_argument("--no-500k", action="store_true", help="skip the 500k-tweet memory run")
    parser.add_argument("--sample", type=int, default=2000, help="texts the deny-list regex is timed on")
    parser.add_argument("--policy", type=Path, help="policy.toml (default: DATA/policy.toml when present)")
    parser.add_argument("--profile", type=Path, help="write pyinstrument profiles of each scan into this folder")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--end-to-end",
        action="store_true",
        help="only the end-to-end CLI figures (scan process and workers ÷ json.loads)",
    )
    parser.add_argument(
        "--pool",
        action="store_true",
        help="only the checks alone, in this process and through 1 and 2 worker processes",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    policy_path = args.policy or (args.data / "policy.toml" if (args.data / "policy.toml").exists() else None)
    if args.child:
        child(args.child, args.data, policy_path)
        return
    policy = load_policy(policy_path) if policy_path else Policy()
    res = Results()
    texts: list[tuple[str, str]] = []
    if args.pool:
        for platform in args.only or list(ARCHIVES):
            bench_pool(platform, args.data, policy, res)
        return
    for platform in args.only or list(ARCHIVES):
        bench_end_to_end(platform, args.data, policy_path, res)
        if not args.end_to_end:
            texts += [(platform, t) for t in bench_archive(platform, args.data, policy, res, args.profile)]
    if texts:
        bench_matching(texts, args.data, args.sample, res)
    if not args.no_500k:
        bench_memory(args.data, policy_path, res)
    print("\n== summary")
    for label, text, met in res.verdicts:
        print(f"  {'✔' if met else '✘'} {label}: {text}")
    if args.json:
        args.json.write_text(json.dumps({"figures": res.figures, "verdicts": res.verdicts}, indent=2) + "\n")


if __name__ == "__main__":
    main()
