"""The corpus read once into shard files: what the main process holds while ranking.

Structural tests (what is retained, what a task carries, what is left on disk), not RSS or
timing thresholds: the figures are measured by ``benchmarks/phrases.py --files``.
"""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from speechkit.engine import LocalExecutor
from speechkit.errors import InputError
from speechkit.model import Paragraph, Speech
from speechkit.phrases import PhraseConfig, extract_phrases, pipeline, run_phrases
from speechkit.phrases.shards import CACHED_SHARDS, SpeechShards
from speechkit.phrases.texts import TextIndex, distinct_members, distinct_speeches

#: Shards of a few speeches each: "at most CACHED_SHARDS shards" is then well below the corpus.
SMALL = 8_000


def _fresh(speeches: list[Speech], mark: str) -> Iterator[Speech]:
    """New speeches made one at a time, their paragraphs new strings ending in ``mark`` (so
    the session's speeches, alive in the fixtures, never hold them)."""
    for speech in speeches:
        paragraphs = [replace(p, text=p.text + mark) for p in speech.paragraphs]
        yield replace(speech, paragraphs=paragraphs)


def _shard_folders(where: Path) -> list[Path]:
    """The shard folders under ``where`` (jieba writes its cache to the temporary folder too)."""
    return [p for p in where.iterdir() if p.name.startswith("speechkit-phrases-")]


def _speeches_held(known: dict[int, int]) -> set[int]:
    """The speeches (values of ``known``: hash of a paragraph text -> speech) one of whose
    paragraph texts some live container of this process holds."""
    found: set[int] = set()
    for obj in gc.get_objects():
        if isinstance(obj, list | tuple | dict):
            items = obj.values() if isinstance(obj, dict) else obj
            for item in items:
                if isinstance(item, str) and len(item) > 30:
                    speech = known.get(hash(item))
                    if speech is not None:
                        found.add(speech)
    return found


def test_while_ranking_this_process_holds_no_paragraph_and_at_most_a_few_shards(
    seed_speeches: list[Speech], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    mark = "（流）"
    known = {
        hash(p.text + mark): number
        for number, s in enumerate(seed_speeches)
        for p in s.paragraphs
        if len(p.text + mark) > 30
    }
    seen: list[tuple[int, set[int], int]] = []
    real = pipeline.diverse_order

    def check(*args: Any, **kwargs: Any) -> Any:
        # the ranking's last stage: the counts, the shortlist's exact counts are done
        paragraphs = sum(isinstance(o, Paragraph) and o.text.endswith(mark)
                         for o in gc.get_objects())  # fmt: skip
        seen.append((paragraphs, _speeches_held(known), len(_shard_folders(tmp_path))))
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "diverse_order", check)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the shards' folder goes here
    config = PhraseConfig(tokenizer="jieba", top_n=10, shard_chars=SMALL)
    ranking = extract_phrases(_fresh(seed_speeches, mark), config=config)
    assert ranking and ranking[0].examples
    [(paragraphs, held, folders)] = seen
    assert paragraphs == 0  # no Paragraph of the corpus is alive
    assert folders == 1  # the shards were in a folder of their own...
    assert not _shard_folders(tmp_path)  # ...removed at the end
    # only the texts of the shards loaded last (the examples' and the exact counts') are held
    shards = SpeechShards.in_memory(seed_speeches, size=SMALL)
    assert shards.n_shards > 2 * CACHED_SHARDS
    assert len({shards.shard_of(s) for s in held}) <= CACHED_SHARDS
    assert len(held) < len(seed_speeches) // 2


def test_the_ranking_reads_an_iterator_of_speeches_once(seed_speeches: list[Speech]) -> None:
    reads = [0]

    def once() -> Iterator[Speech]:
        reads[0] += 1
        yield from seed_speeches

    config = PhraseConfig(tokenizer="jieba", top_n=20, shard_chars=SMALL)
    from_iterator = extract_phrases(once(), config=config)
    assert reads == [1]
    # one shard of all (the list, shards of the default size) gives the same ranking
    whole = extract_phrases(seed_speeches, config=replace(config, shard_chars=10**9))
    assert [p.to_dict() for p in from_iterator] == [p.to_dict() for p in whole]


def test_the_shards_folder_is_removed_when_reading_fails(
    seed_speeches: list[Speech], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken() -> Iterator[Speech]:
        yield from seed_speeches[:5]
        raise InputError("cannot decode it", path="bad.txt")

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(InputError, match=r"bad\.txt"):
        extract_phrases(broken(), config=PhraseConfig(tokenizer="jieba", shard_chars=SMALL))
    assert not _shard_folders(tmp_path)


def test_a_shard_holds_only_metadata_here_and_text_on_disk(
    seed_speeches: list[Speech], tmp_path: Path
) -> None:
    with SpeechShards.written(iter(seed_speeches), size=SMALL, folder=tmp_path) as shards:
        assert all(not s.paragraphs for s in shards.speeches)
        assert [s.source for s in shards.speeches] == [s.source for s in seed_speeches]
        assert shards.n_shards == len(list(next(tmp_path.iterdir()).iterdir())) > 2
        for number, speech in enumerate(seed_speeches):
            assert shards.text(number) == speech.text
        assert shards.lengths.tolist() == [len(s.text) for s in seed_speeches]
    assert not list(tmp_path.iterdir())


def test_tasks_carry_paths_for_local_workers_and_bytes_for_others(
    seed_speeches: list[Speech], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A Dask cluster whose workers do not see this machine's files gets the shards' bytes."""
    sent: list[Any] = []
    real_map = LocalExecutor.map

    def spy(self: LocalExecutor, fn: Any, tasks: Any, *common: Any) -> Any:
        def noted() -> Iterator[Any]:
            for task in tasks:
                sent.append(task)
                yield task

        return real_map(self, fn, noted(), *common)

    monkeypatch.setattr(LocalExecutor, "map", spy)
    phrases = ["文明城市", "长效机制", "不存在的词"]
    with SpeechShards.written(seed_speeches, size=SMALL, folder=tmp_path) as shards:
        index = TextIndex(shards, distinct_members(shards))
        expected = [(o.count, o.per_doc.pairs(), o.candidates)
                    for o in index.occurrences(phrases, limit=3)]  # fmt: skip
        for local_files in (True, False):
            sent.clear()
            with LocalExecutor(workers=2) as executor:
                executor.local_files = local_files
                found = index.occurrences(phrases, limit=3, executor=executor)
            assert [(o.count, o.per_doc.pairs(), o.candidates) for o in found] == expected
            refs = [ref for ref, _ in sent]
            assert len(refs) == shards.n_shards
            if local_files:
                assert all(r.path and r.data is None for r in refs)
            else:
                assert all(r.path is None and r.data for r in refs)


def test_grouping_from_shards_keeps_the_speeches_of_grouping_the_list(
    raw_seed_speeches: list[Speech],
) -> None:
    kept = distinct_speeches(raw_seed_speeches)
    shards = SpeechShards.in_memory(raw_seed_speeches, size=SMALL)
    members = distinct_members(shards)
    assert len(kept) < len(raw_seed_speeches)  # the raw seeds hold repeats
    assert [raw_seed_speeches[m].source for m in members.tolist()] == [s.source for s in kept]
    assert [raw_seed_speeches[m].first_line for m in members.tolist()] == [
        s.first_line for s in kept
    ]
    # a subset (one genre's speeches) is grouped alone
    half = np.arange(0, len(shards), 2)
    expected = distinct_speeches([raw_seed_speeches[h] for h in half.tolist()])
    got = distinct_members(shards, half).tolist()
    assert [(raw_seed_speeches[m].source, raw_seed_speeches[m].first_line) for m in got] == [
        (s.source, s.first_line) for s in expected
    ]


def test_the_command_streams_files_in_the_order_open_corpus_holds_them(tmp_path: Path) -> None:
    from speechkit.corpus import iter_documents, open_corpus

    folder = tmp_path / "范文"
    folder.mkdir()
    (folder / "b.txt").write_text("同志们：\n今天召开全市创建全国文明城市动员大会。\n", "utf-8")
    records = [
        '{"text": "同志们：\\n要建立健全长效机制。"}',
        '{"text": "同志们：\\n要形成齐抓共管。"}',
    ]
    (folder / "a.jsonl").write_text("\n".join(records) + "\n", "utf-8")
    (folder / "c").mkdir()
    (folder / "c" / "d.txt").write_text("同志们：\n巩固创建成果，建立长效机制。\n", "utf-8")
    streamed = [(d.source, d.record, d.text) for d in iter_documents([folder])]
    with open_corpus([folder]) as corpus:
        held = [(d.source, d.record, d.text) for d in corpus.documents]
    assert streamed == held and len(held) == 4
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "blank.txt").write_text("\n", "utf-8")
    with pytest.raises(InputError, match="nothing readable"):
        list(iter_documents([tmp_path / "empty"]))
    run = run_phrases([folder], config=PhraseConfig(tokenizer="jieba", min_docs=1))
    assert "长效机制" in [p.phrase for p in run.phrases]


def test_a_stored_corpus_is_streamed_in_the_order_it_is_loaded(tmp_path: Path) -> None:
    from speechkit.corpus import open_corpus

    from .dated_corpus import write_dated_corpus

    folder = write_dated_corpus(tmp_path / "dated")
    db = tmp_path / "store.db"
    with open_corpus([folder], db=db) as corpus:
        streamed = [(s.source, s.first_line, s.date, s.text) for s in corpus.iter_speeches()]
        assert corpus._documents is None  # streamed, not loaded
        loaded = [(s.source, s.first_line, s.date, s.text) for s in corpus.speeches()]
    assert streamed == loaded and len(loaded) == 38
