"""Static word embeddings that ship inside a package: wordllama's token embeddings (32,000 tokens, 256
dimensions, 16 MB), read from the package's own folder and loaded once, on first use.

A text's embedding is the mean of its tokens' vectors, so a word the labelled corpora never held lands near
the words they did. Nothing is ever downloaded: the files are opened directly (wordllama's own loader is not
used, because it fetches what it does not find).
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from tokenizers import Tokenizer

DIMENSIONS = 256
MAX_CHARS = 2000
"""Only the first MAX_CHARS characters of a text are read (a mean over more says nothing new)."""
_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
_WEIGHTS = "weights/l2_supercat_256.safetensors"


def package_folder() -> Path | None:
    """The installed wordllama package's folder (found without importing the package), or None."""
    spec = find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def _model() -> tuple[Tokenizer, np.ndarray]:
    """The tokenizer and the token vectors (float16 as shipped, 16 MB; means are taken in float32)."""
    import numpy as np
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = package_folder()
    if folder is None:
        raise RuntimeError("the wordllama package is not installed (pip install wordllama)")
    tokenizer = Tokenizer.from_file(str(folder / _TOKENIZER))
    table = load_file(str(folder / _WEIGHTS))["embedding.weight"]
    return tokenizer, np.asarray(table)


def token_ids(text: str) -> list[int]:
    """The tokenizer's ids for ``text``'s first MAX_CHARS characters, word by word with the words' ids kept.

    The tokenizer turns each space into "▁" and no token holds a "▁" after its first character, so the ids of a
    text are those of its words one after the other; only a run of spaces (a "▁▁" token) spans two, and such a
    text is tokenized whole. Everyday words repeat, so most are looked up, not tokenized (a fifth of the cost).
    """
    tokenizer, _ = _model()
    text = text[:MAX_CHARS]
    if not text:
        return []
    if text.startswith(" ") or "  " in text:
        whole: list[int] = tokenizer.encode(text, add_special_tokens=False).ids
        return whole
    out: list[int] = []
    for word in text.split(" "):
        ids = _word_ids.get(word)
        if ids is None:
            ids = tokenizer.encode(word, add_special_tokens=False).ids if word else [_space_id()]
            if len(_word_ids) < WORD_CACHE:
                _word_ids[word] = ids
        out += ids
    return out


WORD_CACHE = 100_000
"""The most words whose ids are kept (per process)."""
_word_ids: dict[str, list[int]] = {}


@cache
def _space_id() -> int:
    """The id of "▁", a text's trailing space."""
    tokenizer, _ = _model()
    space = tokenizer.token_to_id("▁")
    if space is None:
        raise RuntimeError("the wordllama tokenizer has no '▁' token")
    return space


def mean_embedding(text: str) -> np.ndarray:
    """The mean of the token vectors of ``text``'s first MAX_CHARS characters (zeros without tokens)."""
    import numpy as np

    _, table = _model()
    ids = token_ids(text)
    return table[ids].mean(axis=0, dtype=np.float32) if ids else np.zeros(DIMENSIONS, dtype=np.float32)


def unit_dot(text: str, direction: np.ndarray) -> float:
    """``direction`` times the text's mean embedding scaled to unit length (0 for a text without tokens)."""
    import numpy as np

    v = mean_embedding(text)
    n = float(np.linalg.norm(v))
    return float(v @ direction) / n if n else 0.0
