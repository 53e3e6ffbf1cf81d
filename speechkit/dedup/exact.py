"""Exact duplicates: units whose normalized text is identical, found by a hash of that text."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

__all__ = ["exact_groups", "text_digests"]


def text_digests(texts: Sequence[str]) -> np.ndarray:
    """A 64-bit BLAKE2b digest of each (normalized) text, stable across processes and runs.

    Examples:
        >>> d = text_digests(["创建文明城市", "创建文明城市", "创卫"])
        >>> bool(d[0] == d[1]), bool(d[0] == d[2])
        (True, False)
        >>> import numpy as np
        >>> codes = np.frombuffer("创卫创建".encode("utf-32-le"), dtype=np.uint32)
        >>> same = code_digests(codes, np.array([2, 2])) == text_digests(["创卫", "创建"])
        >>> bool(same.all())
        True
    """
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    return code_digests(codes, lengths)


def code_digests(codes: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """:func:`text_digests` of texts given as concatenated code points and their lengths."""
    data = np.ascontiguousarray(codes, dtype="<u4").tobytes()
    out = np.empty(len(lengths), dtype=np.uint64)
    pos = 0
    blake2b = hashlib.blake2b
    for i, length in enumerate(lengths.tolist()):
        end = pos + 4 * length
        out[i] = int.from_bytes(blake2b(data[pos:end], digest_size=8).digest(), "little")
        pos = end
    return out


def exact_groups(digests: np.ndarray) -> np.ndarray:
    """For each unit, the index of the first unit with the same digest.

    Examples:
        >>> import numpy as np
        >>> exact_groups(np.array([5, 7, 5, 9, 7], dtype=np.uint64)).tolist()
        [0, 1, 0, 3, 1]
    """
    _, first, inverse = np.unique(digests, return_index=True, return_inverse=True)
    return first[inverse].astype(np.int64)
