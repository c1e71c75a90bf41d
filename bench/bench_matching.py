"""Micro-benchmark: name search cost per text with 100 vs 10,000 clients (plain script, not a test).

    python bench/bench_matching.py [--texts 100000]

Prints the time to search N synthetic texts with the Aho–Corasick matcher for a small and a large
client list, and their ratio (target ≤ 1.2×: the cost must not grow with the list), next to a
Presidio-style deny-list regex (one alternation of every name) as the baseline.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checks.matching import Matcher
from scanner.clients import Client, ClientList


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words("""James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret Mark
Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian
Dorothy George Melissa Timothy Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia
Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin Emma
Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Frank Rachel
Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather Tyler Diane Aaron Ruth Jose Julie""")
LAST = _words("""Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis
Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera
Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart
Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim
Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo
Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler""")
WORDS = _words("""today session group work clinic coffee morning evening the a and with for after before my our
really great long week tired happy proud client shift office lunch dinner walk run drive call text met saw
family kids dog garden rain sun weekend meeting notes chart paperwork team supervisor training quilt""")


def make_clients(n: int, rng: random.Random) -> ClientList:
    """``n`` synthetic clients with distinct full names (plus a suffix token beyond the name pool)."""
    clients = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if i >= len(FIRST) * len(LAST) // 4:
            last = f"{last}{chr(97 + i % 26)}{chr(97 + (i // 26) % 26)}son"
        clients.append(Client(id=f"B{i:05d}", name=f"{first} {last}", handles=(("instagram", f"user{i}_x"),)))
    return ClientList(tuple(clients))


def make_texts(n: int, names: list[str], rng: random.Random) -> list[str]:
    """Synthetic posts: 12–40 words, a full name (from ``names``) in about a third of them."""
    texts = []
    for _ in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(12, 40))]
        if rng.random() < 0.33:
            words.insert(rng.randrange(len(words)), rng.choice(names))
        texts.append(" ".join(words).capitalize() + ".")
    return texts


def deny_list_regex(clients: ClientList) -> re.Pattern[str]:
    """A Presidio-style deny list: one case-insensitive alternation of every name, on word boundaries."""
    names = sorted({c.name for c in clients.clients}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def timed(fn: Callable[[str], list[Any]], texts: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    hits = 0
    for t in texts:
        hits += len(fn(t))
    return time.perf_counter() - start, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=100_000)
    args = parser.parse_args()
    big = make_clients(10_000, random.Random(7))
    small = ClientList(big.clients[:100])
    # the texts name clients of the small list (a subset of the big one): same hits for both lists,
    # so any difference in time comes from the size of the list alone
    texts = make_texts(args.texts, [c.name for c in small.clients], random.Random(11))
    results = {}
    for clients in (small, big):
        n = len(clients)
        t0 = time.perf_counter()
        matcher = Matcher(clients)
        build = time.perf_counter() - t0
        secs, hits = min(timed(matcher.find_in_text, texts) for _ in range(2))
        regex = deny_list_regex(clients)
        sample = texts[: min(len(texts), 5_000)]  # the regex is too slow to run on every text
        rsecs, _ = timed(regex.findall, sample)
        per_text = secs / len(texts) * 1e6
        rper_text = rsecs / len(sample) * 1e6
        results[n] = (per_text, rper_text)
        print(
            f"{n:>6} clients: build {build:5.2f}s | matcher {secs:6.2f}s for {len(texts)} texts"
            f" ({per_text:6.1f} µs/text, {hits} hits) | deny-list regex {rper_text:8.1f} µs/text"
            f" (on {len(sample)} texts)"
        )
    ratio = results[10_000][0] / results[100][0]
    rratio = results[10_000][1] / results[100][1]
    print(f"ratio 10,000 / 100 clients: matcher {ratio:.2f}x (target <= 1.2x); deny-list regex {rratio:.2f}x")


if __name__ == "__main__":
    main()
