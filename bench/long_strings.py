"""Benchmark: one huge field must cost time and memory linear in its length, within a budget (issue 23).

```
python bench/long_strings.py                 # 1, 10 and 100 MB fields; ~3 min
python bench/long_strings.py --sizes 1 10    # quicker
```

Two parts:

1. **text stages** -- every check that reads text (work-related post, client mention, PHI, workplace) on one post
   of dense clinical text with client names, at 12,500 to 100,000 characters (the per-text limit,
   ``scanner.bounds.MAX_TEXT``). Linear means the microseconds per character stay flat as the text doubles.
2. **whole scans** -- an archive holding one field of 1, 10 or 100 MB, each scanned with every check and the JSON
   and HTML reports written, in a child process so that its peak memory is its own: an Instagram story title and
   a Facebook message (texts with clinical words and a client's name), a Facebook group name and an X
   ``user_mentions[].screen_name`` (names and handles). Each must stay within ``--budget-s`` CPU seconds and
   ``--budget-mb`` of peak memory; the exit status is 1 when one does not.

No timing assertions live in the unit tests; this is where these limits are measured.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MB = 1_000_000
CLIENTS = (
    "id,name,aliases,status,handles,notes\nC001,Hope Alvarado,,current,x:@hope_alv,\n"
    "C002,William Brennan,Will,current,,\n"
)
WORDS = [
    "session",
    "client",
    "therapy",
    "patient",
    "shift",
    "caseload",
    "progress",
    "note",
    "group",
    "today",
    "Hope",
    "Alvarado",
    "felt",
    "better",
    "after",
    "her",
    "intake",
    "with",
    "William",
    "Brennan",
    "at",
    "the",
    "clinic",
]


def clinical_text(n: int) -> str:
    """``n`` characters of clinical words and client names, without sentence ends (the worst case)."""
    unit = " ".join(WORDS[i % len(WORDS)] for i in range(0, 4 * len(WORDS), 3)) + " "
    return (unit * (n // len(unit) + 1))[:n]


def handle(n: int) -> str:
    """An ``n``-character handle made of a client's handle repeated."""
    return ("hope_alv" * (n // 8 + 1))[:n]


def archive(kind: str, size: int, folder: Path) -> Path:
    """A small archive in the real layout holding one field of ``size`` characters."""
    files: dict[str, str]
    if kind == "instagram-story-title":
        story = {"uri": "media/stories/1.mp4", "creation_timestamp": 1_700_000_000, "title": clinical_text(size)}
        files = {
            "your_instagram_activity/media/stories.json": json.dumps({"ig_stories": [story]}),
            "connections/followers_and_following/following.json": json.dumps({"relationships_following": []}),
        }
    elif kind == "facebook-message":
        thread = {
            "participants": [{"name": "Hope Alvarado"}, {"name": "Me"}],
            "title": "Hope Alvarado",
            "messages": [{"sender_name": "Me", "timestamp_ms": 1_700_000_000_000, "content": clinical_text(size)}],
        }
        files = {
            "your_facebook_activity/messages/inbox/hope_1/message_1.json": json.dumps(thread),
            "connections/friends/your_friends.json": json.dumps({"friends_v2": []}),
        }
    elif kind == "facebook-group-name":
        group = {"timestamp": 1_700_000_000, "data": [{"name": clinical_text(size)}], "title": "joined"}
        files = {
            "your_facebook_activity/groups/your_group_membership_activity.json": json.dumps(
                {"groups_joined_v2": [group]}
            ),
            "connections/friends/your_friends.json": json.dumps({"friends_v2": []}),
        }
    else:  # x-mention-screen-name
        mention = {"screen_name": handle(size), "id_str": "5", "name": "H"}
        tweet = {
            "tweet": {
                "id_str": "1",
                "full_text": "thanks for today",
                "created_at": "Sat Aug 12 16:10:37 +0000 2023",
                "entities": {"user_mentions": [mention]},
            }
        }
        files = {
            "data/manifest.js": 'window.__THAR_CONFIG = {"userInfo": {"accountId": "1", "userName": "me"}}',
            "data/tweets.js": "window.YTD.tweets.part0 = " + json.dumps([tweet]),
        }
    path = folder / f"{kind}-{size // MB}mb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return path


def scan_one(path: Path, clients: Path, out: Path) -> dict[str, Any]:
    """Scan one archive with every check and write the JSON and HTML reports (run in the child)."""
    from reports.writer import write_reports
    from scanner.clients import load_clients
    from scanner.pipeline import ScanOptions, scan

    client_list = load_clients(clients)
    t0 = time.process_time()
    result = scan([path], ScanOptions(clients=client_list))
    write_reports(result, ["json", "html"], out)
    return {
        "cpu_s": round(time.process_time() - t0, 2),
        "peak_mb": peak_mb(),
        "records": sum(sum(s.counts.values()) for s in result.sources),
        "findings": len(result.findings),
        "errors": [e.message for e in result.errors],
        "notes": [n for s in result.sources for n in s.notes if "cut to" in n],
    }


def peak_mb() -> int:
    """This process's peak resident memory in MB: ``VmHWM`` (``ru_maxrss`` keeps the parent's peak across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def text_stages() -> list[tuple[int, float]]:
    """(characters, seconds) of every text check on one post, up to the per-text limit."""
    from checks import ALL_CHECKS
    from checks.base import CheckContext, SourceInfo
    from checks.matching import Matcher
    from checks.policy import Policy
    from scanner.bounds import MAX_TEXT
    from scanner.clients import load_clients
    from scanner.records import Post

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clients.csv"
        path.write_text(CLIENTS)
        matcher = Matcher(load_clients(path))
    out = []
    for n in (1_000, MAX_TEXT // 8, MAX_TEXT // 4, MAX_TEXT // 2, MAX_TEXT):  # the first loads lexicons: not shown
        post = Post(platform="instagram", id=str(n), source="bench#0", text=clinical_text(n))
        ctx = CheckContext(policy=Policy(), matcher=matcher, source=SourceInfo(platform="instagram", generation="b"))
        checks = [c() for c in ALL_CHECKS if post.kind in c.kinds]
        t0 = time.process_time()
        for check in checks:
            list(check.run(post, ctx))
        out.append((n, time.process_time() - t0))
    return out[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100], help="field sizes in MB")
    parser.add_argument("--budget-s", type=float, default=60.0, help="CPU seconds one scan may take")
    parser.add_argument("--budget-mb", type=float, default=2048.0, help="peak memory one scan may take (MB)")
    parser.add_argument("--child", nargs=3, metavar=("ARCHIVE", "CLIENTS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(scan_one(*(Path(a) for a in args.child))))
        return 0

    print("text stages: every text check on one post (dense clinical words and client names)")
    stages = text_stages()
    for n, seconds in stages:
        print(f"  {n:>9,} chars  {seconds:6.2f} s  {seconds / n * 1e6:6.1f} us/char")
    per_char = [s / n for n, s in stages]
    flat = per_char[-1] <= 2.0 * per_char[0]
    print(
        f"  -> cost per character, longest / shortest: {per_char[-1] / per_char[0]:.2f} "
        f"[{'linear' if flat else 'NOT linear'}]"
    )

    failed = not flat
    kinds = ("instagram-story-title", "facebook-message", "facebook-group-name", "x-mention-screen-name")
    print(f"\nwhole scans (budget {args.budget_s:g} CPU s, {args.budget_mb:g} MB peak)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clients = folder / "clients.csv"
        clients.write_text(CLIENTS)
        for kind in kinds:
            for size in args.sizes:
                path = archive(kind, size * MB, folder)
                wall = time.perf_counter()
                child = subprocess.run(
                    [sys.executable, __file__, "--child", str(path), str(clients), str(folder / "out")],
                    capture_output=True,
                    text=True,
                    timeout=max(args.budget_s * 5, 300),
                    check=False,
                )
                path.unlink()
                if child.returncode != 0:
                    print(f"  {kind:24} {size:>4} MB  FAILED: {child.stderr.strip().splitlines()[-1:]}")
                    failed = True
                    continue
                got = json.loads(child.stdout)
                within = got["cpu_s"] <= args.budget_s and got["peak_mb"] <= args.budget_mb and not got["errors"]
                failed |= not within
                print(
                    f"  {kind:24} {size:>4} MB  {got['cpu_s']:7.2f} CPU s  {got['peak_mb']:6,} MB peak  "
                    f"{time.perf_counter() - wall:6.1f} s wall  records {got['records']}  "
                    f"cut notes {len(got['notes'])}  [{'within budget' if within else 'OVER BUDGET'}]",
                    flush=True,
                )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
