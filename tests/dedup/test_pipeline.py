"""The map/reduce pipeline on synthetic texts: groups, representatives, determinism, parallel."""

from __future__ import annotations

import random

import pytest

from speechkit.dedup.normalize import normalize
from speechkit.dedup.pipeline import DedupConfig, find_duplicates, map_units, reduce_units
from speechkit.dedup.shingle import shingles
from speechkit.dedup.verify import jaccard
from speechkit.errors import ParameterError

CHARS = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def _corpus(seed: int = 0, n: int = 300) -> tuple[list[str], list[int]]:
    """Random paragraphs; every 10th is followed by an edited copy (label = its group)."""
    rng = random.Random(seed)
    texts, labels = [], []
    for i in range(n):
        if i % 10 == 1:
            chars = list(texts[-1])
            for _ in range(2):
                chars[rng.randrange(len(chars))] = rng.choice(CHARS)
            texts.append("，".join(["".join(chars)]) + "。")
            labels.append(labels[-1])
        else:
            texts.append("".join(rng.choices(CHARS, k=rng.randrange(150, 250))))
            labels.append(i)
    return texts, labels


def test_finds_planted_pairs_only() -> None:
    texts, _ = _corpus()
    clusters = find_duplicates(texts)
    found = sorted(tuple(sorted(c.members)) for c in clusters)
    expected = sorted((i - 1, i) for i in range(len(texts)) if i % 10 == 1)
    assert found == expected
    for c in clusters:
        assert c.similarity >= 0.8
        for i, j, sim in c.pairs:
            assert sim == jaccard(shingles(normalize(texts[i])), shingles(normalize(texts[j])))
            assert sim >= 0.8


def test_keep_policy() -> None:
    base = "".join(random.Random(6).choices(CHARS, k=200))
    texts = [base, base + "坚决打赢这场攻坚战", "无关的内容" * 20]
    (longest,) = find_duplicates(texts, config=DedupConfig(keep="longest"))
    (first,) = find_duplicates(texts, config=DedupConfig(keep="first"))
    assert longest.members == [1, 0]
    assert first.members == [0, 1]
    assert longest.to_representative[0] == 1.0


def test_exact_copies_and_transitivity() -> None:
    rng = random.Random(5)
    a = "".join(rng.choices(CHARS, k=200))
    b = a[:180] + "".join(rng.choices(CHARS, k=20))  # ~0.83 with a
    c = b[20:] + "".join(rng.choices(CHARS, k=20))  # 0.82 with b, 0.66 with a
    texts = [a, "（" + a + "）", b, c, "", "。。"]
    (cluster,) = find_duplicates(texts, config=DedupConfig(keep="first"))
    assert cluster.members == [0, 1, 2, 3]  # empty texts never grouped
    assert (0, 1, 1.0) in cluster.pairs
    sims = dict(zip(cluster.members, cluster.to_representative, strict=True))
    assert sims[3] < 0.8  # joined through b: reported honestly, not as >= threshold
    assert cluster.similarity >= 0.8


def test_same_seed_same_output_and_parallel_equals_serial() -> None:
    texts, _ = _corpus(seed=3, n=400)
    serial = DedupConfig(seed=11, workers=1)
    parallel = DedupConfig(seed=11, workers=2, parallel_min=1, chunk_size=50)
    one = find_duplicates(texts, config=serial)
    assert one == find_duplicates(texts, config=serial)
    assert one == find_duplicates(texts, config=parallel)


def test_map_and_reduce_are_separable() -> None:
    texts, _ = _corpus(seed=4, n=120)
    config = DedupConfig()
    halves = [map_units(texts[:60], config), map_units(texts[60:], config)]
    from speechkit.dedup.pipeline import MapResult

    joined = MapResult.concat(halves, config.bands_rows[0])
    assert reduce_units(texts, joined, config) == find_duplicates(texts, config=config)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("threshold", 0),
        ("threshold", 1.5),
        ("threshold", -0.1),
        ("keep", "last"),
        ("n", 0),
        ("min_chars", -1),
        ("min_chars", 2.5),
        ("min_chars", "20"),
        ("min_chars", True),
    ],
)
def test_bad_config(field: str, value: object) -> None:
    with pytest.raises(ParameterError, match=field):
        DedupConfig(**{field: value})  # type: ignore[arg-type]


def test_threshold_one_is_exact_only() -> None:
    texts = ["创建全国文明城市动员大会", "创建全国文明城市动员大会！", "创建全国文明城市动员会"]
    # 11-12 characters: under the default min_chars, so compare everything here.
    (cluster,) = find_duplicates(texts, config=DedupConfig(threshold=1.0, min_chars=0))
    assert sorted(cluster.members) == [0, 1]


def test_bad_min_chars_message() -> None:
    with pytest.raises(ParameterError) as info:
        DedupConfig(min_chars=-1)
    assert str(info.value) == "invalid min_chars -1: expected an integer >= 0, e.g. 20"


SALUTATION = "同志们："  # 3 normalized characters
LONG = "".join(random.Random(8).choices(CHARS, k=60))


@pytest.mark.parametrize(
    ("min_chars", "grouped"),
    [(0, [[0, 1], [2, 3], [4, 5]]), (4, [[2, 3], [4, 5]]), (20, [[2, 3], [4, 5]]),
     (21, [[4, 5]]), (61, [])],
)  # fmt: skip
def test_min_chars_counts_normalized_characters(min_chars: int, grouped: list[list[int]]) -> None:
    twenty = "一二三四五六七八九十，甲乙丙丁戊己庚辛壬癸！"  # 20 characters once normalized
    texts = [SALUTATION, SALUTATION, twenty, "  " + twenty + "。", LONG, LONG + "……"]
    assert len(normalize(twenty)) == 20 and len(normalize(LONG)) == 60
    clusters = find_duplicates(texts, config=DedupConfig(min_chars=min_chars, keep="first"))
    assert [c.members for c in clusters] == grouped


def test_short_units_never_join_a_group() -> None:
    # A short unit whose shingles all occur in a long one (high containment, and exact copies
    # of each other) stays out; the long near-duplicates are still grouped.
    base = "".join(random.Random(9).choices(CHARS, k=200))
    texts = [base, base[:10], base[:10], base[:190] + "创建全国文明城市", base[:15]]
    (cluster,) = find_duplicates(texts, config=DedupConfig(keep="first"))
    assert cluster.members == [0, 3]
    mapped = map_units(texts, DedupConfig())
    assert mapped.lengths.tolist() == [200, 10, 10, 198, 15]  # still mapped, not compared
