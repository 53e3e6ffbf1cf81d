"""Unit tests of the dedup building blocks: normalize, shingle, minhash, lsh, verify, union-find."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from speechkit.dedup.exact import code_digests, exact_groups, text_digests
from speechkit.dedup.lsh import (
    band_keys,
    bucket_pairs,
    candidate_pairs,
    optimal_params,
    s_curve,
)
from speechkit.dedup.minhash import MinHasher
from speechkit.dedup.normalize import normalize, normalize_codes, normalize_many
from speechkit.dedup.shingle import hash_shingles, shingle_matrix, shingles
from speechkit.dedup.unionfind import UnionFind
from speechkit.dedup.verify import (
    forest_jaccard,
    jaccard,
    pair_components,
    pair_jaccard,
    pair_units,
    verify_pairs,
)

CHARS = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]


def _random_text(rng: random.Random, length: int = 200) -> str:
    return "".join(rng.choices(CHARS, k=length))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＸＸ市创建，文明城市。", "x市创建文明城市"),
        ("xx市 XX市 X市 **市 *市", "x市x市x市x市x市"),
        ("2019年、2020年、3.5亿", "0年0年0亿"),
        ("Ｂｏｘ  box", "boxbox"),
        ("\u3000\u3000同志们：", "同志们"),
        ("xxxx", "xxxx"),  # four x are not a placeholder
        ("max", "max"),
        ("", ""),
    ],
)
def test_normalize_table(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_normalize_many_matches_one_by_one() -> None:
    texts = ["第一，xx市。", "", "2019年", "a\x1fb", "ＸＸ", "🙂好"]
    assert normalize_many(texts) == [normalize(t) for t in texts]
    codes, lengths = normalize_codes(texts)
    assert lengths.tolist() == [len(normalize(t)) for t in texts]
    assert len(codes) == lengths.sum()


def _reference_normalize(text: str, *, placeholders: bool, digits: bool) -> str:
    """The normalization rules of speechkit.dedup.normalize, one regex at a time (the oracle)."""
    import re

    def fold(char: str) -> str:
        code = ord(char)
        if 0xFF10 <= code <= 0xFF5A:
            char = chr(code - 0xFEE0)
        return char.lower() if "A" <= char <= "Z" else char

    text = "".join(fold(ch) for ch in text.replace("\x1f", " "))
    if placeholders:
        text = re.sub(r"(?<![a-z])x{2,3}(?![a-z])", "x", text)
        text = re.sub(r"\*+", "x", text)
    if digits:
        text = re.sub(r"[0-9]+(?:\.[0-9]+)*", "0", text)
    return "".join(ch for ch in text if ch.isalnum() or ord(ch) >= 0x10000)


@pytest.mark.parametrize(("placeholders", "digits"), [(True, True), (False, True), (True, False)])
def test_normalize_matches_reference_rules(placeholders: bool, digits: bool) -> None:
    rng = random.Random(5)
    alphabet = [*"xXx**..0123456789abZ Ｘｘ１２．，。、市年亿\x1f\u00e9"]
    alphabet += ["\U0001f600", "\U00020000"]  # beyond the BMP
    texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 25))) for _ in range(3000)]
    found = normalize_many(texts, mask_placeholders=placeholders, mask_digits=digits)
    for text, got in zip(texts, found, strict=True):
        assert got == _reference_normalize(text, placeholders=placeholders, digits=digits), text


def test_normalize_options() -> None:
    assert normalize("xx市2019年", mask_placeholders=False, mask_digits=False) == "xx市2019年"


def test_shingles_and_hashes_agree() -> None:
    rng = random.Random(1)
    texts = [_random_text(rng, k) for k in (0, 1, 2, 3, 4, 10, 50)]
    for n in (1, 3, 5):
        hashes, offsets = hash_shingles(texts, n=n)
        for i, text in enumerate(texts):
            own = hashes[offsets[i] : offsets[i + 1]]
            alone, _ = hash_shingles([text], n=n)
            assert (own == alone).all()  # no shingle spans two texts of a batch
            assert len(set(own.tolist())) == len(shingles(text, n=n)) or not text


def test_minhash_is_deterministic_and_seeded() -> None:
    rng = random.Random(2)
    hashes, offsets = hash_shingles([_random_text(rng) for _ in range(20)])
    a = MinHasher(num_perm=64, seed=7).signatures(hashes, offsets)
    b = MinHasher(num_perm=64, seed=7).signatures(hashes, offsets)
    c = MinHasher(num_perm=64, seed=8).signatures(hashes, offsets)
    assert (a == b).all()
    assert not (a == c).all()


def test_minhash_estimates_jaccard() -> None:
    """Agreement of signatures estimates Jaccard (mean error small over many pairs)."""
    rng = random.Random(3)
    errors = []
    for _ in range(60):
        base = _random_text(rng, 300)
        cut = rng.randrange(0, 150)
        other = base[cut:] + _random_text(rng, cut)
        hashes, offsets = hash_shingles([base, other])
        sig = MinHasher(num_perm=256, seed=1).signatures(hashes, offsets)
        estimate = float((sig[0] == sig[1]).mean())
        errors.append(estimate - jaccard(shingles(base), shingles(other)))
    assert abs(np.mean(errors)) < 0.02  # unbiased
    assert np.sqrt(np.mean(np.square(errors))) < 0.05  # ~ sqrt(J(1-J)/256)


def test_optimal_params_matches_datasketch_rule() -> None:
    datasketch = pytest.importorskip("datasketch.lsh")
    for threshold in (0.5, 0.8, 0.9):
        ours = optimal_params(threshold, 128, false_positive_weight=0.5, false_negative_weight=0.5)
        assert ours == datasketch._optimal_param(threshold, 128, 0.5, 0.5)


def test_default_bands_favour_recall() -> None:
    bands, rows = optimal_params(0.8, 128)
    assert bands * rows <= 128
    assert s_curve(0.85, bands, rows) > 0.99
    assert s_curve(0.3, bands, rows) < 0.01


def test_candidate_pairs_large_bucket_is_chained() -> None:
    keys = np.zeros((200, 1), dtype=np.uint64)  # one bucket of 200
    pairs = candidate_pairs(keys)
    uf = UnionFind(200)
    for a, b in pairs.tolist():
        assert a < b
        uf.union(a, b)
    assert uf.groups() == [list(range(200))]
    assert len(pairs) < 200 * 6


def _star_and_chain(column: np.ndarray, window: int) -> set[tuple[int, int]]:
    """bucket_pairs' rule spelled out with a dict of buckets (the oracle)."""
    buckets: dict[int, list[int]] = {}
    for row, key in enumerate(column.tolist()):
        buckets.setdefault(key, []).append(row)
    pairs = set()
    for rows in buckets.values():
        for k in range(1, len(rows)):
            pairs.add((rows[0], rows[k]))
            pairs.update((rows[k - d], rows[k]) for d in range(1, min(window, k - 1) + 1))
    return pairs


@pytest.mark.parametrize("window", [1, 2])
def test_bucket_pairs_is_star_and_chain(window: int) -> None:
    rng = np.random.default_rng(7)
    for trial in range(300):
        span = int(rng.integers(1, 40))
        column = rng.integers(0, span, size=int(rng.integers(0, 80))).astype(np.uint64)
        if trial % 2:  # spread the keys over all 64 bits, as band keys are
            column = column * np.uint64(0x9E3779B97F4A7C15) + np.uint64(2**63)
        found = bucket_pairs(column, window=window)
        assert all(a < b for a, b in found.tolist())
        assert set(map(tuple, found.tolist())) == _star_and_chain(column, window)


def test_band_keys_equal_bands_equal_keys() -> None:
    sig = np.array([[1, 2, 3, 4], [1, 2, 9, 9], [5, 6, 3, 4]], dtype=np.uint32)
    keys = band_keys(sig, 2, 2)
    assert keys[0, 0] == keys[1, 0] and keys[0, 1] == keys[2, 1]
    assert keys[0, 1] != keys[1, 1]


def test_verify_never_reports_under_threshold() -> None:
    rng = random.Random(4)
    base = _random_text(rng, 120)
    texts = [base[: 120 - k] + _random_text(rng, k) for k in range(0, 120, 6)]
    sets = [frozenset(shingles(t)) for t in texts]
    pairs = list(itertools.combinations(range(len(texts)), 2))
    for threshold in (0.3, 0.5, 0.8, 1.0):
        kept = verify_pairs(pairs, sets.__getitem__, threshold=threshold)
        assert all(sim >= threshold for _, _, sim in kept)
        expected = {(i, j) for i, j in pairs if jaccard(sets[i], sets[j]) >= threshold}
        assert {(i, j) for i, j, _ in kept} == expected
        for i, j, sim in kept:
            assert sim == jaccard(sets[i], sets[j])


def test_union_find_is_transitive() -> None:
    uf = UnionFind(10)
    for a, b in [(0, 1), (1, 2), (5, 6), (2, 9)]:
        uf.union(a, b)
    groups = uf.groups()
    assert groups == [[0, 1, 2, 9], [5, 6]]
    assert uf.find(0) == uf.find(9)
    assert uf.groups(min_size=1)[-1] == [8]


def test_exact_digests() -> None:
    texts = ["创建文明城市", "创卫", "创建文明城市"]
    digests = text_digests(texts)
    assert exact_groups(digests).tolist() == [0, 1, 0]
    codes, lengths = normalize_codes(texts)
    assert (code_digests(codes, lengths) == digests).all()
    # Stores keep digests between runs: a new value here must bump incremental._VERSION.
    assert int(digests[0]) == 8276505910260929726
    assert code_digests(np.empty(0, np.uint32), np.empty(0, np.int64)).shape == (0,)


def _packed(shingle: str, n: int) -> int:
    value = 0
    for k in range(n):  # 21 bits a code point, zeros past the end of a short text
        value = (value << 21) | (ord(shingle[k]) if k < len(shingle) else 0)
    return value


@pytest.mark.parametrize("n", [1, 2, 3])
def test_shingle_matrix_columns_are_packed_code_points(n: int) -> None:
    rng = random.Random(n)
    alphabet = [*CHARS[:6], "a", "x", "\U0001f600", "\U0010ffff"]
    texts = ["".join(rng.choices(alphabet, k=rng.randrange(0, 9))) for _ in range(400)]
    matrix = shingle_matrix(texts, n=n)
    for i, text in enumerate(texts):
        row = matrix.indices[matrix.indptr[i] : matrix.indptr[i + 1]].tolist()
        assert row == sorted(_packed(s, n) for s in shingles(text, n=n)), text
    assert (matrix.data == 1).all()


def test_shingle_matrix_many_distinct_characters() -> None:
    # 600,000 distinct code points and 8 rows do not fit one 63-bit sort key: rows sorted alone.
    wide = "".join(map(chr, range(0x20000, 0x20000 + 600_000)))
    texts = [wide, "城市城市", "", "城", *(["文明城市"] * 4)]
    matrix = shingle_matrix(texts, n=3)
    assert matrix.getnnz(axis=1).tolist() == [len(shingles(t, n=3)) for t in texts]
    for i in range(1, len(texts)):
        row = matrix.indices[matrix.indptr[i] : matrix.indptr[i + 1]].tolist()
        assert row == sorted(_packed(s, 3) for s in shingles(texts[i], n=3))


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_pair_jaccard_equals_set_jaccard(n: int) -> None:
    rng = random.Random(n)
    small = CHARS[:12]  # few distinct characters: shared and repeated shingles
    # Empty, short, repeated, beyond the BMP.
    texts = ["", "城", "城市", "啊啊啊啊啊啊", "𠀀𠀁城市𠀀𠀁"]
    base = "".join(rng.choices(small, k=60))
    for _ in range(40):
        chars = list(base)
        for _ in range(rng.randrange(0, 12)):
            chars[rng.randrange(len(chars))] = rng.choice(small)
        texts.append("".join(chars[: rng.randrange(1, len(chars) + 1)]))
    matrix = shingle_matrix(texts, n=n)
    assert matrix.getnnz(axis=1).tolist() == [len(shingles(t, n=n)) for t in texts]
    pairs = np.array(list(itertools.combinations(range(len(texts)), 2)))
    got = pair_jaccard(matrix, pairs[:, 0], pairs[:, 1])
    for (i, j), value in zip(pairs.tolist(), got.tolist(), strict=True):
        assert value == jaccard(shingles(texts[i], n=n), shingles(texts[j], n=n)), (i, j)
    # With a threshold, pairs whose sizes rule it out are not intersected; the rest are exact.
    ruled = pair_jaccard(matrix, pairs[:, 0], pairs[:, 1], threshold=0.8)
    sizes = matrix.getnnz(axis=1)
    small_size = np.minimum(sizes[pairs[:, 0]], sizes[pairs[:, 1]])
    large_size = np.maximum(sizes[pairs[:, 0]], sizes[pairs[:, 1]])
    out = (large_size > 0) & (small_size < 0.8 * large_size)
    assert (ruled[out] == -1.0).all() and (got[out] < 0.8).all()
    assert (ruled[~out] == got[~out]).all()


def _kruskal(pairs: list[tuple[int, int]], passes: list[bool], size: int) -> list[int]:
    """Positions of the pairs kept by the one-at-a-time rule: in order, passing, not joined."""
    uf = UnionFind(size)
    kept = []
    for k, ((i, j), ok) in enumerate(zip(pairs, passes, strict=True)):
        if ok and uf.find(i) != uf.find(j):
            uf.union(i, j)
            kept.append(k)
    return kept


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_forest_jaccard_keeps_the_same_forest(seed: int) -> None:
    rng = random.Random(seed)
    texts: list[str] = []
    pairs: list[tuple[int, int]] = []
    bounds = [0]
    for _ in range(6):  # components: variants of one text, candidates among them in order
        base = _random_text(rng, 60)
        first = len(texts)
        for _ in range(rng.randrange(2, 60)):
            chars = list(base)
            for _ in range(rng.randrange(0, 8)):
                chars[rng.randrange(len(chars))] = rng.choice(CHARS[:50])
            texts.append("".join(chars))
        members = range(first, len(texts))
        found = {tuple(sorted(rng.sample(members, 2))) for _ in range(rng.randrange(1, 600))}
        pairs.extend(sorted(found))
        bounds.append(len(pairs))
    a, b = np.array(pairs).T
    matrix = shingle_matrix(texts)
    got = forest_jaccard(matrix, a, b, bounds, threshold=0.8)
    full = pair_jaccard(matrix, a, b)
    verified = got >= 0
    assert (got[verified] == full[verified]).all()
    assert verified.sum() < len(pairs)  # some pairs were skipped
    sets = [shingles(t) for t in texts]
    truth = [jaccard(sets[i], sets[j]) >= 0.8 for i, j in pairs]
    assert _kruskal(pairs, (got >= 0.8).tolist(), len(texts)) == _kruskal(pairs, truth, len(texts))


def test_pair_components_and_units() -> None:
    rng = np.random.default_rng(11)
    for _ in range(200):
        ids = int(rng.integers(2, 50))
        raw = np.sort(rng.integers(0, ids, size=(int(rng.integers(0, 70)), 2)), axis=1)
        pairs = np.array(sorted({(a, b) for a, b in raw.tolist() if a < b}), np.int64)
        pairs = pairs.reshape(-1, 2)
        uf = UnionFind(ids)
        for a, b in pairs.tolist():
            uf.union(a, b)
        # Sorted pairs (as candidates come) and the same pairs in random order.
        for given in (pairs, pairs[rng.permutation(len(pairs))]):
            expected: dict[int, list[int]] = {}  # component root -> its rows, first-row order
            for row, (a, _b) in enumerate(given.tolist()):
                expected.setdefault(uf.find(a), []).append(row)
            assert [c.tolist() for c in pair_components(given)] == list(expected.values())
        assert pair_units(pairs).tolist() == sorted(set(pairs.ravel().tolist()))
