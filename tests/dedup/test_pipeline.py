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
    [("threshold", 0), ("threshold", 1.5), ("threshold", -0.1), ("keep", "last"), ("n", 0)],
)
def test_bad_config(field: str, value: object) -> None:
    with pytest.raises(ParameterError, match=field):
        DedupConfig(**{field: value})  # type: ignore[arg-type]


def test_threshold_one_is_exact_only() -> None:
    texts = ["创建全国文明城市动员大会", "创建全国文明城市动员大会！", "创建全国文明城市动员会"]
    (cluster,) = find_duplicates(texts, config=DedupConfig(threshold=1.0))
    assert sorted(cluster.members) == [0, 1]
