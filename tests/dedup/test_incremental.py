"""Incremental dedup in a store: only new units are signed; the result is that of a full run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from corpus_gen import heavy_texts, write_jsonl

from speechkit.corpus import ingest_paths
from speechkit.dedup import dedup_corpus, to_json
from speechkit.dedup.output import DedupReport


def _marks(db: Path, table: str) -> list[tuple[int, int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            f"SELECT id, duplicate_of FROM {table} WHERE duplicate_of IS NOT NULL ORDER BY id"
        ).fetchall()


def _full(paths: list[Path], db: Path, level: str) -> DedupReport:
    ingest_paths(paths, db, warn=lambda _m: None)
    return dedup_corpus(db=db, level=level, warn=lambda _m: None)


@pytest.mark.parametrize("level", ["document", "paragraph"])
def test_new_documents_signed_alone_and_result_of_a_full_run(tmp_path: Path, level: str) -> None:
    texts, _ = heavy_texts(seed=11, n=600)
    old = write_jsonl(tmp_path / "a.jsonl", texts[:540])
    db = tmp_path / "store.db"
    first = _full([old], db, level)
    assert first.signed == first.unit_count and first.clusters
    again = dedup_corpus(db=db, level=level)
    assert again.signed == 0 and to_json(again) == to_json(first)

    new = write_jsonl(tmp_path / "b.jsonl", texts[540:])  # 60 more, copies of old groups among them
    ingest_paths([new], db, warn=lambda _m: None)
    update = dedup_corpus(db=db, level=level)
    assert update.signed == update.unit_count - first.unit_count == 60

    fresh = _full([old, new], tmp_path / "fresh.db", level)
    assert to_json(update) == to_json(fresh)
    table = {"document": "documents", "paragraph": "paragraphs"}[level]
    assert len(_marks(db, table)) == len(_marks(tmp_path / "fresh.db", table)) == update.duplicates
    assert update.duplicates > first.duplicates


def test_changed_file_is_signed_again(tmp_path: Path) -> None:
    texts, _ = heavy_texts(seed=12, n=300)
    path = write_jsonl(tmp_path / "a.jsonl", texts)
    db = tmp_path / "store.db"
    _full([path], db, "document")
    texts[5], texts[6] = texts[6], texts[5] + "，补充一句新的内容"
    write_jsonl(path, texts)
    ingest_paths([path], db, warn=lambda _m: None)  # the file's rows are replaced
    update = dedup_corpus(db=db, level="document")
    # SQLite gave the new rows the old ids; the text checksums catch the two changed ones.
    assert update.signed == 2
    fresh = _full([path], tmp_path / "fresh.db", "document")
    assert to_json(update) == to_json(fresh)
    with sqlite3.connect(db) as conn:
        (count,) = conn.execute("SELECT count(*) FROM dedup_signatures").fetchone()
    assert count == 300
