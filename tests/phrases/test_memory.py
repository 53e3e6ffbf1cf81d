"""What the main process keeps of the corpus while ranking: no joined copy of its text.

Structural tests (what is retained and when texts are made), not RSS thresholds: the figures
are measured by ``benchmarks/phrases.py``.
"""

from __future__ import annotations

import gc
import random
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from speechkit.engine import LocalExecutor
from speechkit.model import Speech
from speechkit.phrases import PhraseConfig, extract_phrases, pipeline, texts
from speechkit.phrases.counting import CountTable, count_shard, shards_of
from speechkit.phrases.pipeline import shard_spec, text_index
from speechkit.phrases.texts import SEPARATOR, DocCounts, SpeechTexts, TextIndex
from speechkit.tokenize.names import CONTEXT_FOLLOWERS, name_contexts


def _strings_held(root: object, *, stop: set[int]) -> list[str]:
    """Every str reachable from ``root`` without passing through an object in ``stop``."""
    found: list[str] = []
    seen: set[int] = set(stop)
    todo = [root]
    while todo:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, str):
            found.append(obj)
            continue
        if isinstance(obj, type):
            continue  # classes and their modules are not what the index holds
        todo.extend(gc.get_referents(obj))
    return found


def test_the_index_holds_no_text_beyond_the_speeches_own(seed_speeches: list[Speech]) -> None:
    index = TextIndex(seed_speeches)
    own = {id(p.text) for s in seed_speeches for p in s.paragraphs}
    longest = max(len(p.text) for s in seed_speeches for p in s.paragraphs)
    held = _strings_held(index, stop={id(s) for s in seed_speeches})
    copies = [t for t in held if id(t) not in own and len(t) > 200]
    assert not copies  # only sources and the like besides the paragraphs themselves
    assert max(len(t) for t in held) <= longest
    assert not hasattr(index, "text")


def test_find_equals_str_find_on_the_joined_text(seed_speeches: list[Speech]) -> None:
    index = TextIndex(seed_speeches)
    joined = SEPARATOR.join(u.text for u in index.paragraphs)  # the oracle, made here only
    for phrase in ["长效机制", "城市", "城城", "。", "不存在的词"]:
        expected = [m.start() for m in re.finditer(re.escape(phrase), joined)]
        assert list(index.find(phrase)) == expected
        assert index.count(phrase) == joined.count(phrase)


def test_name_contexts_are_the_substring_test(seed_speeches: list[Speech]) -> None:
    """``token in contexts[f]`` is ``token + f in text`` for every 2–4 Han character token."""
    paragraphs = [p.text for s in seed_speeches[:40] for p in s.paragraphs]
    joined = "\n".join(paragraphs)
    contexts = name_contexts(paragraphs)
    tokens = {m.group() for m in re.finditer(r"[\u4e00-\u9fff]{2,4}", joined)}
    tokens |= {t[-k:] for t in tokens for k in (2, 3)}
    rng = random.Random(0)
    for token in [*rng.sample(sorted(tokens), 3000), "大连", "山阳"]:
        for follower in CONTEXT_FOLLOWERS:
            assert (token in contexts[follower]) == (token + follower in joined), (token, follower)


def test_shards_gather_the_contexts_of_the_whole_text(seed_speeches: list[Speech]) -> None:
    spec = shard_spec(PhraseConfig(tokenizer="jieba"))
    units = [(d, p.text) for d, s in enumerate(seed_speeches) for p in s.paragraphs]
    table = CountTable(spec.max_tokens, spec.stopwords)
    shards = list(shards_of(units, size=5_000))
    assert len(shards) > 5
    for shard in shards:
        table.add(count_shard(shard, spec))
    whole = name_contexts(text for _, text in units)
    assert table.contexts == whole
    assert sum(len(v) for v in whole.values()) > 100


def test_ranking_gives_the_name_test_contexts_not_text(
    seed_speeches: list[Speech], monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[dict[str, Any]] = []
    real = pipeline.NameTest

    def spy(*args: Any, **kwargs: Any) -> Any:
        made.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "NameTest", spy)
    extract_phrases(seed_speeches, config=PhraseConfig(tokenizer="jieba", top_n=10))
    [kwargs] = made
    assert not kwargs.get("text")
    strings = [t for preceding in kwargs["contexts"].values() for t in preceding]
    assert strings and max(len(t) for t in strings) <= 4


def test_grouping_joins_a_chunk_of_texts_only_when_it_is_mapped(
    seed_speeches: list[Speech], monkeypatch: pytest.MonkeyPatch
) -> None:
    """dedup's ``map_units`` listed every chunk's texts before mapping the first."""
    import speechkit.dedup.pipeline as dedup

    events: list[str] = []
    real_slice = SpeechTexts.__getitem__
    real_map = dedup.map_chunk

    def joined(self: SpeechTexts, index: Any) -> Any:
        if isinstance(index, slice):
            events.append("join")
        return real_slice(self, index)

    def mapped(chunk: Any, config: Any) -> Any:
        events.append("map")
        return real_map(chunk, config)

    monkeypatch.setattr(SpeechTexts, "__getitem__", joined)
    monkeypatch.setattr(dedup, "map_chunk", mapped)
    monkeypatch.setattr(texts, "CHUNK_CHARS", 5_000)
    with LocalExecutor(workers=1) as here:
        texts.distinct_speeches(seed_speeches, executor=here)
    chunks = events.count("map")
    assert chunks > 5
    assert events[: 2 * chunks] == ["join", "map"] * chunks


def test_doc_counts_equal_a_counter() -> None:
    rng = random.Random(5)
    for _ in range(50):
        parts = [sorted(rng.choices(range(40), k=rng.randint(0, 30))) for _ in range(4)]
        merged = DocCounts()
        for part in parts:
            merged = merged.merged(DocCounts.of(part))
        expected = Counter(d for part in parts for d in part)
        assert merged == expected
        assert merged.pairs() == dict(sorted(expected.items()))
        assert list(merged) == sorted(expected)


def test_trend_series_count_every_occurrence(tmp_path: Path) -> None:
    from speechkit.corpus import open_corpus
    from speechkit.dates import parse_period
    from speechkit.phrases.trends import DatedIndex

    from .dated_corpus import PLANTED, write_dated_corpus

    with open_corpus([write_dated_corpus(tmp_path)]) as corpus:
        index = text_index(corpus.speeches())
    dated = DatedIndex(index, parse_period("year"))
    for phrase in [*PLANTED, "发展", "不存在的词"]:
        series = dated.series(phrase)
        per_year: Counter[str] = Counter()
        for unit in index.paragraphs:  # the oracle: str.count paragraph by paragraph
            year = dated.doc_period[unit.doc]
            if year is not None:
                per_year[year] += unit.text.count(phrase)
        assert series.series == {y: n for y, n in sorted(per_year.items()) if n}
        assert series.count == sum(per_year.values())


def test_pickling_a_text_shard_leaves_no_utf8_copy_on_its_texts() -> None:
    import pickle

    from speechkit.engine.textblock import TextShard

    plain, shipped = "".join(["建立长效机制"] * 50), "".join(["齐抓共管"] * 50)
    before = sys.getsizeof(plain), sys.getsizeof(shipped)
    pickle.dumps([(0, plain)])  # what a plain list costs: the UTF-8 form stays on the str
    assert sys.getsizeof(plain) > before[0]
    shard = TextShard([(0, shipped), (1, "a.txt")])
    assert pickle.loads(pickle.dumps(shard)) == [(0, shipped), (1, "a.txt")]
    assert sys.getsizeof(shipped) == before[1]


def test_a_parallel_run_leaves_the_speeches_strings_as_they_were(
    seed_speeches: list[Speech], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Texts sent to the workers (counting, exact counts) gain no UTF-8 copy in this process,
    and the workers fork with this process's objects frozen (their collector leaves them)."""
    speeches = [  # fresh strings: the session's speeches may have been pickled already
        replace(s, paragraphs=[replace(p, text="".join(list(p.text))) for p in s.paragraphs])
        for s in seed_speeches
    ]
    sizes = [sys.getsizeof(p.text) for s in speeches for p in s.paragraphs]
    monkeypatch.setattr(pipeline, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setattr(texts, "CHUNK_CHARS", 20_000)
    config = PhraseConfig(tokenizer="jieba", workers=2, shard_chars=20_000, top_n=10)
    frozen: list[int] = []
    real_map = LocalExecutor.map

    def spy(self: LocalExecutor, fn: Any, shards: Any, *common: Any) -> Any:
        frozen.append(gc.get_freeze_count())
        return real_map(self, fn, shards, *common)

    monkeypatch.setattr(LocalExecutor, "map", spy)
    assert extract_phrases(speeches, config=config)
    assert [sys.getsizeof(p.text) for s in speeches for p in s.paragraphs] == sizes
    # the workers were started with this process's objects frozen, and nothing stays frozen
    assert frozen[0] > 0 and gc.get_freeze_count() == 0
