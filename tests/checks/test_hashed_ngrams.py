"""The word runs of a text a hashed list is searched with: the C-level slicing gives the per-run reading's hits."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.analysis.normalize import NormText
from checks.matching import _TEXT_HOWS, Matcher, _Entry
from checks.names import hashed_list_text
from scanner.clients import Client, ClientList, load_clients

KEY = b"k" * 32
NAMES = ("Grace Hollis", "Mo El Khattabi", "Jean-Luc Ørsted", "Destiny Ruiz", "Bill O'Neil")


def reference(matcher: Matcher, norm: NormText) -> list[tuple[int, int, _Entry]]:
    """The reading before: each run of words sliced and looked up one at a time."""
    toks = list(norm.tokens())
    out: list[tuple[int, int, _Entry]] = []
    for n in range(min(4, len(toks))):
        for (s, _), (_, e) in zip(toks, toks[n:], strict=False):
            key = matcher._gram_key(norm.text[s:e])
            out.extend((s, e, entry) for entry in matcher._entries(key) if key and entry.how in _TEXT_HOWS)
    out.sort(key=lambda hit: hit[:2])
    return out


def _matcher(tmp: Path) -> Matcher:
    path = tmp / "hashed.csv"
    clients = ClientList(tuple(Client(f"C{i}", name) for i, name in enumerate(NAMES)))
    path.write_text(hashed_list_text(clients.clients, KEY), encoding="utf-8")
    return Matcher(load_clients(path, key=KEY, warn_permissions=False))


words = st.sampled_from([*" ".join(NAMES).split(), "the", "and", "saw", "Grace's", "  ", ",", "é", "🙂", "O'Neil"])
texts = st.lists(st.one_of(words, st.text(max_size=6)), max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(texts, min_size=1, max_size=5))
def test_hashed_runs_agree_with_reference(tmp_path: Path, batch: list[str]) -> None:
    fast, slow = _matcher(tmp_path), _matcher(tmp_path)
    for text in batch * 2:  # the second time through the remembered runs
        norm = NormText.of(text)
        assert fast._hashed_ngrams(norm) == reference(slow, norm)


def test_a_name_in_text_is_found(tmp_path: Path) -> None:
    norm = NormText.of("Saw Grace Hollis today, and Destiny.")
    spans = {norm.text[s:e] for s, e, _ in _matcher(tmp_path)._hashed_ngrams(norm)}
    assert {"grace hollis", "grace", "destiny"} <= spans
