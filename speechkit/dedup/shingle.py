"""Character n-gram shingles.

Chinese is written without spaces, so shingles are runs of ``n`` characters of the normalized
text. ``n = 3`` by default, chosen by measurement (``python benchmarks/dedup_quality.py
--sweep-n --seeds 10``, threshold 0.8, generated variants of the 21 distinct bundled speeches):

    n           2      3      4      5      6      8
    recall    0.960  0.951  0.944  0.941  0.939  0.926     (precision 1.000 for every n)

Every edit (a filled placeholder, a swapped city name) destroys up to ``n`` shingles, so recall
falls as ``n`` grows; the misses left are variants whose true Jaccard is under 0.8 (a dropped
paragraph that is a quarter of a short speech). Smaller ``n`` raises the similarity of unrelated
texts: the most similar pair of distinct bundled paragraphs has Jaccard 0.35 at n = 2, 0.31 at
n = 3, 0.26 at n = 5 -- safe at 0.8 in every case, but n = 2 (mostly whole words) leaves little
room at lower thresholds. n = 3 is the smallest n that keeps that margin with recall >= 0.95.
Texts shorter than ``n`` give one shingle: the whole text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

__all__ = [
    "DEFAULT_N",
    "code_matrix",
    "hash_codes",
    "hash_shingles",
    "shingle_matrix",
    "shingle_set",
    "shingles",
]

DEFAULT_N = 3

_FNV_PRIME = np.uint32(16777619)
_FNV_OFFSET = np.uint32(2166136261)


def shingles(text: str, *, n: int = DEFAULT_N) -> set[str]:
    """The set of character n-grams of ``text`` (the exact sets that Jaccard is computed on).

    Examples:
        >>> sorted(shingles("创建文明城市", n=5))
        ['创建文明城', '建文明城市']
        >>> shingles("城市", n=5)
        {'城市'}
        >>> shingles("", n=5)
        set()
    """
    if len(text) <= n:
        return {text} if text else set()
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def shingle_set(text: str, *, n: int = DEFAULT_N) -> set[int] | frozenset[str]:
    """The shingles of ``text`` in a form fast to intersect; same sizes as :func:`shingles`.

    For ``n <= 3`` each shingle is packed into one integer, 21 bits per code point (Unicode
    needs 21): an exact encoding, not a hash, so Jaccard values are exactly those of the
    string sets while intersecting is ~2x faster. Longer shingles stay strings.

    Examples:
        >>> len(shingle_set("创建文明城市")) == len(shingles("创建文明城市"))
        True
        >>> shingle_set("城市") == shingle_set("城市"), len(shingle_set(""))
        (True, 0)
    """
    if n > 3:
        return frozenset(shingles(text, n=n))
    if not text:
        return set()
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    if len(codes) < n:  # one shingle: the text padded with zeros (no text holds U+0000)
        codes = np.concatenate([codes, np.zeros(n - len(codes), np.int64)])
    width = len(codes) - n + 1
    packed = codes[:width].copy()
    for k in range(1, n):
        packed <<= 21
        packed |= codes[k : k + width]
    return set(packed.tolist())


def shingle_matrix(texts: Sequence[str], *, n: int = DEFAULT_N) -> csr_matrix:
    """The distinct shingles of many texts as a 0/1 sparse matrix, built without a Python loop.

    Row ``i`` holds one column per distinct shingle of ``texts[i]`` (for ``n <= 3`` the column
    id is the shingle's code points packed in 63 bits, else a dense id of the shingles of this
    batch; sorted within each row), so the number of nonzeros of a row is
    ``len(shingles(texts[i]))`` and the intersection of two rows is that of their shingle sets:
    exact, no hashing. Texts shorter than ``n`` have one shingle (the text), empty texts none,
    as in :func:`shingles`. Verification (:func:`speechkit.dedup.verify.pair_jaccard`) reads it.

    Examples:
        >>> m = shingle_matrix(["创建文明城市", "城市", "", "aaaa"])
        >>> m.getnnz(axis=1).tolist()
        [4, 1, 0, 1]
        >>> rows = shingle_matrix(["创建文明", "文明创建"])
        >>> int(rows[0].multiply(rows[1]).sum())  # 创建 is in both, 建文 and 明创 are not
        0
    """
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    return code_matrix(codes, lengths, n=n)


def code_matrix(codes: np.ndarray, lengths: np.ndarray, *, n: int = DEFAULT_N) -> csr_matrix:
    """:func:`shingle_matrix` of texts given as concatenated code points and their lengths."""
    from scipy.sparse import csr_matrix

    if n < 1:
        raise ValueError(f"invalid n {n!r}: expected an integer >= 1")
    count = len(lengths)
    if n <= 3:
        packed = _packed_rows(codes, lengths, n)
        if packed is not None:
            indices, indptr = packed
            matrix = csr_matrix(
                (np.ones(len(indices), np.int8), indices, indptr), shape=(count, 2**63 - 1)
            )
            matrix.has_canonical_format = True  # sorted and distinct by construction
            return matrix
    codes = codes.astype(np.int64)
    ends = np.cumsum(lengths)
    per_text = np.where(lengths >= n, lengths - n + 1, np.minimum(lengths, 1))
    indptr = np.zeros(count + 1, np.int64)
    np.cumsum(per_text, out=indptr[1:])
    # Start of every shingle: text start + its rank inside the text.
    rank = np.arange(indptr[-1]) - np.repeat(indptr[:-1], per_text)
    starts = np.repeat(ends - lengths, per_text) + rank
    text_end = np.repeat(ends, per_text)
    padded = np.concatenate([codes, np.zeros(n, np.int64)])
    parts = []
    for k in range(n):  # code k of each shingle, 0 past the text's end (a short text's padding)
        at = starts + k
        parts.append(np.where(at < text_end, padded[np.minimum(at, len(codes))], 0))
    if n <= 3:  # 21 bits a code point: one exact int64 per shingle, used as its column
        ids = parts[0]
        for part in parts[1:]:
            ids = (ids << 21) | part
        width = 2**63 - 1  # no code point reaches bit 62: every id fits
    else:  # n code points as one fixed-size byte string per shingle, numbered densely
        values = np.ascontiguousarray(np.stack(parts, axis=1).astype("<u4")).view(f"V{4 * n}")
        distinct, ids = np.unique(values.ravel(), return_inverse=True)
        width = max(len(distinct), 1)
    # scipy keeps int64 column ids as they are: no global sort to number the shingles (that
    # np.unique took 0.6 of 1.4 s on 100,000 paragraphs); sum_duplicates sorts each row.
    matrix = csr_matrix(
        (np.ones(len(ids), np.int8), ids.ravel().astype(np.int64), indptr),
        shape=(count, width),
    )
    matrix.sum_duplicates()  # sorts each row, merges a shingle repeated within a text
    matrix.data[:] = 1
    return matrix


def _packed_rows(
    codes: np.ndarray, lengths: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """Sorted distinct packed shingle ids of each text (``n <= 3``), with one global sort.

    The code points of the batch are numbered densely (1, 2, ... in code point order; 0 pads a
    short text), so a shingle and its row fit one int64 key: a single vectorized ``np.sort`` of
    the keys orders every row at once, and dense order is code point order, so each row comes
    out as scipy's per-row sort would order the 21-bit packed ids. Measured on 60,000
    heavy-duplication paragraphs in batches of 4,000: 0.99 s for the per-row sort path, ~0.3 s
    for this one. ``None`` when the keys would not fit 63 bits (a batch of very many distinct
    code points and texts): the caller sorts row by row then.

    Returns:
        ``(indices, indptr)`` of the CSR rows.
    """
    count = len(lengths)
    lowest = int(codes.min()) if len(codes) else 0
    span = int(codes.max()) - lowest + 1 if len(codes) else 1
    used = np.zeros(span, dtype=bool)
    offset = codes - np.uint32(lowest)
    used[offset] = True
    numbers = np.cumsum(used, dtype=np.int32)  # dense number of each used code point, from 1
    bits = max(int(numbers[-1]).bit_length(), 1)
    row_bits = max(count.bit_length(), 1)
    if n * bits + row_bits > 63:
        return None
    dense = numbers[offset].astype(np.int64)
    total = len(codes)
    padded = np.concatenate([dense, np.zeros(n, np.int64)])
    key = padded[:total].copy()
    for k in range(1, n):
        key <<= bits
        key |= padded[k : k + total]
    # Every position starts a shingle except the last n - 1 of each text, which would run
    # past its end; a text shorter than n keeps one shingle, itself padded with zeros.
    ends = np.cumsum(lengths)
    starts = ends - lengths
    valid = np.ones(total, dtype=bool)
    for k in range(1, n):
        valid[ends[lengths >= k] - k] = False
    short = np.flatnonzero((lengths > 0) & (lengths < n))
    if len(short):
        for t in short.tolist():
            value = 0
            for k in range(n):
                value <<= bits
                if k < lengths[t]:
                    value |= int(dense[starts[t] + k])
            key[starts[t]] = value
        valid[starts[short]] = True
    per_text = np.where(lengths >= n, lengths - n + 1, np.minimum(lengths, 1))
    rows = np.repeat(np.arange(count, dtype=np.int64), per_text)
    key = key[valid] | (rows << (n * bits))
    key.sort()
    if len(key):
        key = key[np.concatenate([[True], key[1:] != key[:-1]])]  # a shingle repeated in a text
    row_of = key >> (n * bits)
    indptr = np.zeros(count + 1, np.int64)
    np.cumsum(np.bincount(row_of, minlength=count), out=indptr[1:])
    # Back from dense numbers to code points, packed 21 bits each as the other path packs them.
    code_of = np.concatenate([[0], np.flatnonzero(used) + lowest]).astype(np.int64)
    low = (1 << bits) - 1
    ids = np.zeros(len(key), np.int64)
    for k in range(n):
        ids <<= 21
        ids |= code_of[(key >> (bits * (n - 1 - k))) & low]
    return ids, indptr


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finalizer, in place: spreads every input bit over all output bits."""
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


def hash_shingles(texts: Sequence[str], *, n: int = DEFAULT_N) -> tuple[np.ndarray, np.ndarray]:
    """Hash the shingles of many texts to uint32, vectorized over the whole batch.

    Each text contributes ``max(len - n + 1, 1)`` hashes (repeated shingles are kept: MinHash
    takes minima, so repeats change nothing). A text shorter than ``n`` is hashed padded,
    so it equals no longer text. Empty texts give one hash too; callers drop them first.

    Args:
        texts: Normalized texts.
        n: Shingle length in characters.

    Returns:
        ``(hashes, offsets)``: the hashes of text ``i`` are ``hashes[offsets[i]:offsets[i + 1]]``;
        ``offsets`` has ``len(texts) + 1`` entries.

    Examples:
        >>> h, off = hash_shingles(["创建文明城市", "城市"], n=5)
        >>> off.tolist()
        [0, 2, 3]
        >>> h2, _ = hash_shingles(["建文明城市"], n=5)
        >>> bool(h[1] == h2[0])
        True
    """
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    return hash_codes(codes, lengths, n=n)


def hash_codes(
    codes: np.ndarray, lengths: np.ndarray, *, n: int = DEFAULT_N
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`hash_shingles` for texts given as concatenated code points and their lengths."""
    if n < 1:
        raise ValueError(f"invalid n {n!r}: expected an integer >= 1")
    count = len(lengths)
    if count == 0:
        return np.empty(0, np.uint32), np.zeros(1, np.int64)
    per_text = np.maximum(lengths - n + 1, 1)
    offsets = np.zeros(count + 1, np.int64)
    np.cumsum(per_text, out=offsets[1:])
    ends = np.cumsum(lengths)
    # FNV-1a over the n code points at every position, then a murmur finalizer.
    padded = np.concatenate([codes.astype(np.uint32, copy=False), np.zeros(n - 1, np.uint32)])
    m = len(codes)
    h = np.full(m, _FNV_OFFSET, dtype=np.uint32)
    for k in range(n):
        h ^= padded[k : k + m]
        h *= _FNV_PRIME
    _fmix32(h)
    # Drop shingles that run past the end of their text: the last min(len, n - 1) starts.
    valid = np.ones(m, dtype=bool)
    for k in range(1, n):
        valid[ends[lengths >= k] - k] = False
    hashes = h[valid]
    short = np.flatnonzero(lengths < n)
    if len(short):  # texts shorter than n: one shingle, the text padded with zeros
        block = np.zeros((len(short), n), dtype=np.uint32)
        for row, t in enumerate(short.tolist()):
            block[row, : lengths[t]] = codes[ends[t] - lengths[t] : ends[t]]
        g = np.full(len(short), _FNV_OFFSET, dtype=np.uint32)
        for k in range(n):
            g ^= block[:, k]
            g *= _FNV_PRIME
        hashes = np.insert(hashes, offsets[short] - np.arange(len(short)), _fmix32(g))
    return hashes, offsets
