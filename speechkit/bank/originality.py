"""Originality: how much of a draft's wording comes from any single corpus speech.

The share for a speech is the fraction of the draft's character 13-grams (over CJK characters
and digits, punctuation ignored so re-punctuated copies still count) that occur in that
speech. Drafts must keep every share ≤ :data:`MAX_SHARE`.

The corpus side is an index of 8-byte hashes (blake2b) of every speech's 13-grams, sorted in a
numpy array with the speech id beside it: 16 bytes per gram, looked up with ``searchsorted``,
so checking a draft costs milliseconds whatever the corpus size.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["MAX_SHARE", "GramIndex", "N", "gram_keys", "shares"]

#: Gram length in characters.
N = 13
#: Largest share of a draft's 13-grams allowed from one corpus speech.
MAX_SHARE = 0.35

_KEEP = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]+")


def _normalise(text: str) -> str:
    return "".join(_KEEP.findall(text))


def gram_keys(text: str, *, n: int = N) -> list[int]:
    """Distinct 64-bit hashes of the character ``n``-grams of ``text`` (punctuation ignored).

    Examples:
        >>> len(gram_keys("创建全国文明城市，人人都参与！", n=13))
        1
        >>> gram_keys("太短", n=13)
        []
    """
    chars = _normalise(text)
    keys = {
        int.from_bytes(hashlib.blake2b(chars[i : i + n].encode(), digest_size=8).digest(), "little")
        for i in range(len(chars) - n + 1)
    }
    return sorted(keys)


@dataclass(slots=True)
class GramIndex:
    """Sorted 13-gram hashes of the corpus speeches with the speech each comes from."""

    keys: Any  # numpy uint64, sorted
    speech: Any  # numpy int32, aligned with keys
    n_speeches: int

    @classmethod
    def build(
        cls, texts: Sequence[str], *, n: int = N, groups: Sequence[int] | None = None
    ) -> GramIndex:
        """Index the 13-grams of each speech text.

        Args:
            texts: Speech texts.
            n: Gram length.
            groups: The source id of each text (default: its position). Near-duplicate
                speeches given one id count as one source: a gram in either is that source's.
        """
        import numpy as np

        key_parts = []
        id_parts = []
        for i, text in enumerate(texts):
            keys = np.asarray(gram_keys(text, n=n), dtype=np.uint64)
            key_parts.append(keys)
            id_parts.append(np.full(len(keys), groups[i] if groups else i, dtype=np.int32))
        keys = np.concatenate(key_parts) if key_parts else np.zeros(0, dtype=np.uint64)
        ids = np.concatenate(id_parts) if id_parts else np.zeros(0, dtype=np.int32)
        order = np.argsort(keys, kind="stable")
        return cls(keys=keys[order], speech=ids[order], n_speeches=len(texts))

    def counts(self, text: str, *, n: int = N) -> tuple[int, dict[int, int]]:
        """Number of distinct grams in ``text`` and, per speech id, how many of them it contains."""
        import numpy as np

        query = np.asarray(gram_keys(text, n=n), dtype=np.uint64)
        if not len(query) or not len(self.keys):
            return len(query), {}
        lo = np.searchsorted(self.keys, query, side="left")
        hi = np.searchsorted(self.keys, query, side="right")
        found: dict[int, int] = {}
        for a, b in zip(lo.tolist(), hi.tolist(), strict=True):
            for sid in set(self.speech[a:b].tolist()):
                found[sid] = found.get(sid, 0) + 1
        return len(query), found


def shares(index: GramIndex, text: str) -> dict[int, float]:
    """Share of the draft's 13-grams found in each corpus speech (id -> share), largest first.

    Examples:
        >>> idx = GramIndex.build(["创建全国文明城市是一项系统工程需要全社会共同参与",
        ...                        "别的内容完全不同的一篇讲话稿子在这里"])
        >>> shares(idx, "创建全国文明城市是一项系统工程，我们要努力")
        {0: 0.375}
    """
    total, found = index.counts(text)
    if not total:
        return {}
    pairs = sorted(((sid, c / total) for sid, c in found.items()), key=lambda p: (-p[1], p[0]))
    return {sid: round(share, 4) for sid, share in pairs}
