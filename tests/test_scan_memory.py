"""One person's archives are judged together: a check's ``finish_scan`` runs once after every source."""

from __future__ import annotations

from pathlib import Path

from scanner.pipeline import ScanOptions, scan
from tests.conftest import zip_tree
from tests.privacy.test_redaction_e2e import x_archive
from tests.readers.test_x import OWNER, OWNER_ID, classic_csv, classic_tweet, grailbird

CLINICAL = [f"Back-to-back intakes and {n} progress notes before my supervision meeting" for n in range(2, 8)]
EVERYDAY = [f"Sunday walk number {n} by the river with the dog" for n in range(10)]
BORDERLINE = "Long day at work, I'm so tired"


def classic_archive(path: Path, texts: list[str]) -> Path:
    """A 2014-layout X archive (Grailbird) whose tweets are ``texts``: another source than a 2023 one."""
    tweets = [classic_tweet(540000000000000000 + i, t, "2014-12-01 10:00:00 +0000") for i, t in enumerate(texts)]
    rows = [{"tweet_id": t["id_str"], "timestamp": t["created_at"], "text": t["text"]} for t in tweets]
    files = {
        "tweets.csv": classic_csv(rows),
        "index.html": "<title>Your Twitter archive</title>",
        "data/js/tweet_index.js": "var tweet_index = []",
        "data/js/user_details.js": f'var user_details = {{"screen_name" : "{OWNER}", "id" : "{OWNER_ID}"}}',
        "data/js/tweets/2014_12.js": grailbird(tweets),
    }
    return zip_tree(path, files)


def _work_texts(paths: list[Path]) -> list[str]:
    result = scan(paths, ScanOptions())
    return [f.record.excerpt for f in result.findings if f.category == "work-related-post"]


def test_two_archives_that_together_often_post_about_work(tmp_path: Path) -> None:
    """Neither archive has enough clinical posts on its own (three each); scanned together they do, and the
    borderline post of the second is reported. Scanned alone, it is not."""
    first = classic_archive(tmp_path / "old.zip", [*CLINICAL[:3], *EVERYDAY])
    second = x_archive(tmp_path / "new.zip", [*CLINICAL[3:], BORDERLINE, *EVERYDAY])
    together = _work_texts([first, second])
    assert BORDERLINE in together and len(together) == len(CLINICAL) + 1
    assert BORDERLINE not in _work_texts([second])
