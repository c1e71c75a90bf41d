"""Run the text checks straight on a labelled corpus's texts (no rendering into archives, no readers).

For fast iteration on the text detectors and for training the work-related model: each post, comment and
message thread of a corpus becomes a record as the readers would build it, the three text checks run on
it with the corpus's client list and policy, and the predicted categories are compared with the labels.
Locked corpora (eval/locked/) are refused: their texts are never read while tuning.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checks.base import CheckContext, SourceInfo  # noqa: E402
from checks.client_mention import ClientMentionCheck  # noqa: E402
from checks.matching import Matcher  # noqa: E402
from checks.phi_identifier import PhiIdentifierCheck  # noqa: E402
from checks.policy import load_policy  # noqa: E402
from checks.work_related_post import WorkRelatedPostCheck  # noqa: E402
from scanner.clients import load_clients  # noqa: E402
from scanner.records import AnyRecord, Audience, Message, Person, Post, Thread  # noqa: E402

TEXT_CATEGORIES = ("work-related-post", "client-mention", "phi-identifier")
CHECKS = (WorkRelatedPostCheck(), ClientMentionCheck(), PhiIdentifierCheck())


@dataclass
class Item:
    """One corpus text as a record, its labels and what the checks said."""

    corpus: str
    item_id: str
    record: AnyRecord
    text: str
    labels: set[str]
    decoy: str = ""
    found: dict[str, float] = field(default_factory=dict)  # category → confidence


def _time(s: str | None) -> datetime | None:
    return datetime.fromisoformat(s) if s else None


def _audience(raw: str | None) -> Audience:
    try:
        return Audience((raw or "public").lower())
    except ValueError:
        return Audience.UNKNOWN


def load(corpus: Path) -> tuple[list[Item], CheckContext]:
    """The corpus's texts as records and a check context built from its client list and rendered policy."""
    if "locked" in corpus.resolve().parts:
        raise SystemExit(f"{corpus}: a locked corpus is never read while tuning; use eval/score.py")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, str(ROOT.parent / "shared/tools/render_corpus.py"), str(corpus), tmp],
            check=True,
            capture_output=True,
        )
        policy = load_policy(Path(tmp) / "policy.toml")
        clients = load_clients(Path(tmp) / "clients.csv")
    persona = json.loads((corpus / "persona.json").read_text(encoding="utf-8"))
    owner = persona["name"]
    ctx = CheckContext(policy=policy, matcher=Matcher(clients), source=SourceInfo("facebook", account_name=owner))
    items = list(_items(corpus, owner))
    return items, ctx


def _labels(raw: dict) -> set[str]:
    return {lab["category"] for lab in raw.get("labels", [])}


def _items(corpus: Path, owner: str) -> Iterator[Item]:
    name = corpus.name
    for p in json.loads((corpus / "posts.json").read_text(encoding="utf-8")):
        rec = Post(
            platform=p["platform"],
            id=p["id"],
            source=f"{name}#{p['id']}",
            timestamp=_time(p["timestamp"]),
            text=p["text"] or "",
            audience=_audience(p.get("audience")),
            place=p.get("place"),
            subkind=p.get("kind", "post"),
        )
        yield Item(name, p["id"], rec, p["text"] or "", _labels(p), p.get("decoy", ""))
    owner_first = owner.split()[0].strip('"')
    for m in json.loads((corpus / "messages.json").read_text(encoding="utf-8")):
        msgs = tuple(
            Message(
                sender=Person(name=x["sender"]),
                timestamp=_time(x["timestamp"]),
                text=x["text"] or "",
                from_owner=x["sender"] == owner or x["sender"].split()[0] == owner_first,
            )
            for x in m["messages"]
        )
        others = tuple(Person(name=n) for n in m["participants"] if n != owner and n.split()[0] != owner_first)
        rec = Thread(
            platform=m["platform"],
            id=m["id"],
            source=f"{name}#{m['id']}",
            timestamp=msgs[0].timestamp,
            participants=others,
            messages=msgs,
        )
        yield Item(name, m["id"], rec, "\n".join(x.text for x in msgs), _labels(m), m.get("decoy", ""))


def run(items: list[Item], ctx: CheckContext) -> None:
    """Run the text checks on every item, one platform (one source) at a time as a scan does, then the scan's
    closing step (findings that wait for every archive); fill ``found``."""
    by_id = {item.record.id: item for item in items}
    for platform in sorted({item.record.platform for item in items}):
        ctx.memo.clear()
        for item in items:
            if item.record.platform != platform:
                continue
            for check in CHECKS:
                for f in check.run(item.record, ctx):
                    item.found[str(f.category)] = f.confidence
        for check in CHECKS:
            for f in check.finish(ctx):
                by_id[f.record.id].found[str(f.category)] = f.confidence
    for check in CHECKS:
        for f in check.finish_scan(ctx.scan_memo):
            by_id[f.record.id].found[str(f.category)] = f.confidence


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument("--category", default="work-related-post")
    ap.add_argument("--show", choices=("misses", "fp", "both", "none"), default="both")
    args = ap.parse_args()
    for corpus in args.corpora:
        items, ctx = load(corpus)
        run(items, ctx)
        cat = args.category
        tp = sum(1 for i in items if cat in i.labels and cat in i.found)
        fn = [i for i in items if cat in i.labels and cat not in i.found]
        fp = [i for i in items if cat not in i.labels and cat in i.found]
        p = tp / (tp + len(fp)) if tp + len(fp) else 0
        r = tp / (tp + len(fn)) if tp + len(fn) else 0
        print(f"== {corpus.name} {cat}: TP {tp} FN {len(fn)} FP {len(fp)}  P {p:.2f} R {r:.2f}")
        if args.show in ("misses", "both"):
            for i in fn:
                print(f"  MISS {i.item_id} {i.text[:200]!r}")
        if args.show in ("fp", "both"):
            for i in fp:
                print(f"  FP   {i.item_id} {i.text[:200]!r}  decoy={i.decoy[:60]!r}")


if __name__ == "__main__":
    main()
