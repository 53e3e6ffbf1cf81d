"""The sharded counting stage against the whole-stream reference (candidates + scoring)."""

from __future__ import annotations

import numpy as np
import pytest

from speechkit.model import Speech
from speechkit.phrases.candidates import build_stream, count_ngrams, parallel_phrases
from speechkit.phrases.counting import CountTable, ShardSpec, count_shard, count_task, shards_of
from speechkit.phrases.resources import load_stopwords
from speechkit.phrases.scoring import Features, ngram_features
from speechkit.phrases.shards import ShardRef, SpeechShards
from speechkit.phrases.texts import TextIndex
from speechkit.tokenize import make_tokenizer


def _by_phrase(feats: list[Features], vocab: list[str]) -> dict[tuple[str, ...], tuple]:
    """Features keyed by their words (ids differ between the two implementations)."""
    out = {}
    for f in feats:
        for row in range(len(f.count)):
            words = tuple(vocab[t] for t in f.tokens[row])
            out[words] = (
                int(f.count[row]),
                int(f.docs[row]),
                round(float(f.left_entropy[row]), 9),
                round(float(f.right_entropy[row]), 9),
                round(float(f.cohesion[row]), 9),
            )
    return out


@pytest.mark.parametrize("shard_chars", [200, 5_000, 10**9])
def test_sharded_counts_equal_one_pass(seed_speeches: list[Speech], shard_chars: int) -> None:
    index = TextIndex(seed_speeches[:12])
    units = [(u.doc, u.text) for u in index.paragraphs]
    stopwords = load_stopwords()
    spec = ShardSpec("jieba", (), stopwords, 3)
    table = CountTable(3, stopwords)
    shards = list(shards_of(units, size=shard_chars))
    for shard in shards:
        table.add(count_shard(shard, spec))
    got = table.features(min_count=2, min_docs=2)
    got_vocab = table.stream_info().vocab

    cut = make_tokenizer("jieba").cut
    stream = build_stream(((d, cut(t)) for d, t in units), stopwords=stopwords)
    want = ngram_features(stream, count_ngrams(stream, 3), min_count=2, min_docs=2)

    assert len(shards) > 1 or shard_chars == 10**9
    assert _by_phrase(got, got_vocab) == _by_phrase(want, stream.vocab)
    # same rows in the same order (the ranking breaks ties of equal strings by it)
    for g, w in zip(got, want, strict=True):
        assert [[got_vocab[t] for t in r] for r in g.tokens] == [
            [stream.vocab[t] for t in r] for r in w.tokens
        ]
    counts, docs = parallel_phrases(units, cut=cut, function_words=stopwords)
    assert table.parallels[0] == counts
    assert table.parallels[1] == {phrase: len(ids) for phrase, ids in docs.items()}


def test_shards_hold_whole_speeches() -> None:
    units = [(0, "甲" * 5), (0, "乙"), (1, "丙" * 5), (1, "丁"), (2, "戊")]
    shards = list(shards_of(units, size=3))
    assert [[d for d, _ in s] for s in shards] == [[0, 0], [1, 1], [2]]
    assert sum(len(s) for s in shards) == len(units)


def test_memory_is_by_distinct_ngrams_not_text() -> None:
    """The same speech added a hundred times: the merged table does not grow."""
    text = "建立健全长效机制，巩固创建成果，推进背街小巷整治。"
    spec = ShardSpec("jieba", (), frozenset(), 3)
    table = CountTable(3, frozenset())
    sizes = []
    for doc in range(100):
        table.add(count_shard([(doc, text)], spec))
        table.stream_info()  # forces the merge
        sizes.append(sum(len(level.rows) for level in table._levels))
    assert sizes[10] == sizes[-1]
    unigrams = table._levels[0]
    assert int(unigrams.counts[np.argmax(unigrams.counts)]) == 100


def test_duplicate_grouping_in_chunks_keeps_the_same_speeches(
    raw_seed_speeches: list[Speech], monkeypatch: pytest.MonkeyPatch
) -> None:
    from speechkit.engine import LocalExecutor
    from speechkit.phrases import texts

    whole = texts.distinct_speeches(raw_seed_speeches)
    assert len(whole) < len(raw_seed_speeches)  # the raw seeds hold repeats
    monkeypatch.setattr(texts, "CHUNK_CHARS", 5_000)  # many small map tasks
    with LocalExecutor(workers=1) as executor:
        chunked = texts.distinct_speeches(raw_seed_speeches, executor=executor)
    assert [s.source for s in chunked] == [s.source for s in whole]
    assert [s.first_line for s in chunked] == [s.first_line for s in whole]


def test_exact_counts_on_workers_equal_one_pass(
    seed_speeches: list[Speech], monkeypatch: pytest.MonkeyPatch
) -> None:
    from speechkit.engine import LocalExecutor

    index = TextIndex(SpeechShards.in_memory(seed_speeches, size=20_000))  # several shards
    phrases = ["文明城市", "长效机制", "城市", "创建全国文明城市", "不存在的词", ""]
    assert index.shards.n_shards > 2
    with LocalExecutor(workers=2) as executor:
        sharded = index.find_all(phrases, executor=executor)
    assert sharded == [list(index.find(p)) for p in phrases]
    assert len(sharded[0]) > 100


def _slow_count(task: tuple[ShardRef, dict[int, int]], spec: ShardSpec) -> object:
    """count_task, slowly: the grouping ends while most shards are still to be sent."""
    import time

    time.sleep(0.05)
    return count_task(task, spec)


def _failing_count(task: tuple[ShardRef, dict[int, int]], spec: ShardSpec) -> object:
    from speechkit.errors import InputError

    raise InputError("planted failure", path="x.txt")


@pytest.mark.parametrize("slow", ["grouping", "counting"])
def test_counting_while_grouping_equals_counting_the_distinct_speeches(
    raw_seed_speeches: list[Speech], monkeypatch: pytest.MonkeyPatch, slow: str
) -> None:
    import time

    from speechkit.engine import LocalExecutor
    from speechkit.phrases import pipeline
    from speechkit.phrases.pipeline import PhraseConfig, count_distinct, shard_spec

    # small shards: many of them hold a repeat
    config = PhraseConfig(tokenizer="jieba", shard_chars=5_000)
    spec = shard_spec(config)
    shards = SpeechShards.in_memory(raw_seed_speeches, size=config.shard_chars)
    everyone = np.arange(len(shards))
    with LocalExecutor(workers=1) as one:
        distinct, table = count_distinct(shards, everyone, spec, config, executor=one)
    group = pipeline.distinct_members
    if slow == "grouping":  # every shard is sent before the groups are known: counted again
        monkeypatch.setattr(
            pipeline, "distinct_members", lambda *a, **k: (time.sleep(1.5), group(*a, **k))[1]
        )
    else:  # the groups are known early: most shards leave the repeats out when sent
        monkeypatch.setattr(pipeline, "count_task", _slow_count)
    with LocalExecutor(workers=2) as two:
        overlapped, table2 = count_distinct(shards, everyone, spec, config, executor=two)
    assert len(distinct) < len(raw_seed_speeches)  # the raw seeds hold repeats
    assert overlapped.tolist() == distinct.tolist()
    # the same words in the same order, so the same ids and the same features
    assert list(table2.vocab) == list(table.vocab) and table2.n_tokens == table.n_tokens
    assert _by_phrase(table2.features(min_count=2, min_docs=2), list(table2.vocab)) == _by_phrase(
        table.features(min_count=2, min_docs=2), list(table.vocab)
    )
    for mine, theirs in ((table2.parallels, table.parallels), (table2.slogans, table.slogans)):
        assert list(mine[0].items()) == list(theirs[0].items()) and mine[1] == theirs[1]


def test_a_failing_shard_reaches_the_caller_and_the_thread_ends(
    seed_speeches: list[Speech], monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from speechkit.engine import LocalExecutor
    from speechkit.errors import InputError
    from speechkit.phrases import pipeline
    from speechkit.phrases.pipeline import PhraseConfig, count_distinct, shard_spec

    config = PhraseConfig(tokenizer="jieba", shard_chars=5_000)
    monkeypatch.setattr(pipeline, "count_task", _failing_count)
    shards = SpeechShards.in_memory(seed_speeches, size=config.shard_chars)
    everyone = np.arange(len(shards))
    with LocalExecutor(workers=2) as two, pytest.raises(InputError, match="planted failure"):
        count_distinct(shards, everyone, shard_spec(config), config, executor=two)
    assert not [t for t in threading.enumerate() if t.name == "phrases-count"]


@pytest.mark.parametrize("workers", [1, 2])
def test_shard_occurrences_give_the_examples_of_all_offsets(
    seed_speeches: list[Speech], monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    import random
    from collections import Counter
    from dataclasses import replace

    from speechkit.engine import LocalExecutor
    from speechkit.phrases.pipeline import find_examples

    # few files holding many speeches each, in runs and interleaved (a file seen in an
    # earlier shard comes back): the examples' three passes (files, speeches, any) all matter
    rng = random.Random(3)
    sources = ["a.jsonl", "b.jsonl", "a.jsonl", "c.txt", "b.jsonl"]
    speeches = [
        replace(s, source=sources[min(i * len(sources) // len(seed_speeches), 4)])
        for i, s in enumerate(rng.sample(seed_speeches, len(seed_speeches)))
    ]
    index = TextIndex(SpeechShards.in_memory(speeches, size=3_000))  # many shards
    phrases = ["文明城市", "长效机制", "城市", "创建全国文明城市", "背街小巷", "不存在的词", "城城"]
    with LocalExecutor(workers=workers) as executor:
        for limit in (1, 2, 3, 5):
            found = index.occurrences(phrases, limit=limit, executor=executor)
            for phrase, occ in zip(phrases, found, strict=True):
                offsets = list(index.find(phrase))
                assert occ.count == len(offsets)
                assert occ.per_doc == Counter(index.docs_of(offsets))
                assert len(occ.candidates) <= 5 * limit
                assert find_examples(
                    index, phrase, occ.candidates, limit=limit, width=10
                ) == find_examples(index, phrase, offsets, limit=limit, width=10)
    assert len(list(index.find("城市"))) > 100
