"""TextBlock and BlockTexts: texts sent to workers as one string come back exactly."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from speechkit.dedup.normalize import normalize_codes, normalize_many
from speechkit.dedup.pipeline import DedupConfig, verify_task
from speechkit.dedup.reduce import BlockTexts, VerifyBatch
from speechkit.engine.textblock import SEP, TextBlock

#: Texts a scraped corpus holds: empty ones, the separator itself, characters beyond the BMP,
#: a lone surrogate (from bytes decoded with surrogateescape), mixed scripts and masks.
AWKWARD = [
    "创建全国文明城市动员大会上的讲话",
    "",
    f"前{SEP}后",
    "𠀀𠀁 古籍字",
    "bad \udcff byte",
    "ＸＸ市 2019年，Box xx市 ***年",
    SEP,
    "同志们：",
]


def test_round_trip_exact() -> None:
    block = TextBlock(AWKWARD)
    again = pickle.loads(pickle.dumps(block))
    assert list(block) == AWKWARD
    assert list(again) == AWKWARD
    assert [again[i] for i in range(len(AWKWARD))] == AWKWARD
    assert again[-1] == AWKWARD[-1] and again[2:4] == AWKWARD[2:4]
    assert again.lengths.tolist() == [len(t) for t in AWKWARD]
    with pytest.raises(IndexError):
        again[len(AWKWARD)]


def test_separated_only_without_separator_in_a_text() -> None:
    assert not TextBlock(AWKWARD).separated
    assert TextBlock(["甲", "乙"]).separated
    assert len(TextBlock([])) == 0 and list(pickle.loads(pickle.dumps(TextBlock([])))) == []


def test_normalize_codes_of_a_block_is_that_of_the_list() -> None:
    clean = [t for t in AWKWARD if SEP not in t and "\udcff" not in t]
    for texts in (clean, [t for t in AWKWARD if "\udcff" not in t]):
        codes, lengths = normalize_codes(texts)
        block_codes, block_lengths = normalize_codes(TextBlock(texts))
        assert codes.tolist() == block_codes.tolist()
        assert lengths.tolist() == block_lengths.tolist()


def test_block_texts_mapping() -> None:
    texts = {9: "丙", 2: "甲", 5: "乙"}
    mapping = BlockTexts.of(texts)
    assert mapping.units.tolist() == [2, 5, 9]
    assert dict(mapping) == texts
    with pytest.raises(KeyError):
        mapping[3]


def test_verify_batch_sent_as_block_gives_the_same_groups() -> None:
    base = "创建全国文明城市是一项系统工程需要全市上下共同努力久久为功"
    other = "关于做好学校疫情防控工作的实施方案通知"
    raw = {0: base, 4: base + "。", 7: base.replace("系统", "综合"), 8: other}
    pairs = np.array([[0, 4], [0, 7], [4, 8]])
    config = DedupConfig(threshold=0.7)
    batch = VerifyBatch(pairs, [0, 3], raw, normalized=False)
    sent = pickle.loads(pickle.dumps(batch))
    assert isinstance(sent.texts, BlockTexts)
    direct, through = verify_task(batch, config), verify_task(sent, config)
    assert [g.members for g in direct] == [[0, 4, 7]]
    assert [(g.members, g.edges, g.to_representative) for g in through] == [
        (g.members, g.edges, g.to_representative) for g in direct
    ]
    normalized = dict(zip(raw, normalize_many(list(raw.values())), strict=True))
    done = verify_task(VerifyBatch(pairs, [0, 3], normalized), config)
    assert [g.members for g in done] == [[0, 4, 7]]
