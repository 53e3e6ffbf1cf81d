"""Incremental dedup in a store: only new units are signed, only new pairs verified, and the
result is that of a full run, with or without a store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from corpus_gen import heavy_texts, write_jsonl

from speechkit.corpus import ingest_paths
from speechkit.dedup import dedup_corpus, format_csv, to_json
from speechkit.dedup.output import DedupReport
from speechkit.store import Store

TABLES = {"document": "documents", "speech": "speeches", "paragraph": "paragraphs"}


def _quiet(_message: str) -> None:
    pass


def _marks(db: Path, level: str) -> list[tuple[int, int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            f"SELECT id, duplicate_of FROM {TABLES[level]} WHERE duplicate_of IS NOT NULL "
            "ORDER BY id"
        ).fetchall()


def _full(paths: list[Path], db: Path, level: str, **options: object) -> DedupReport:
    ingest_paths(paths, db, warn=_quiet)
    return dedup_corpus(db=db, level=level, warn=_quiet, **options)  # type: ignore[arg-type]


def _same(update: DedupReport, paths: list[Path], tmp_path: Path, level: str) -> None:
    """``update`` equals a run on a new store and a streamed run without one."""
    fresh = _full(paths, tmp_path / "fresh.db", level)
    assert fresh.signed == fresh.unit_count  # nothing stored: every unit signed
    assert to_json(update) == to_json(fresh)
    assert format_csv(update) == format_csv(fresh)
    streamed = dedup_corpus(paths, level=level, warn=_quiet)
    assert streamed.marked is None and to_json(streamed) == to_json(fresh)


@pytest.mark.parametrize("level", ["document", "speech", "paragraph"])
def test_new_documents_signed_alone_and_result_of_a_full_run(tmp_path: Path, level: str) -> None:
    texts, _ = heavy_texts(seed=11, n=600)
    # The new file sorts first: every new unit comes before the old ones in corpus order,
    # which moves the first member of many buckets (the hardest case for stored pairs).
    old = write_jsonl(tmp_path / "b.jsonl", texts[:540])
    new = write_jsonl(tmp_path / "a.jsonl", texts[540:])  # 60 more, copies of old groups among them
    db = tmp_path / "store.db"
    first = _full([old], db, level)
    assert first.signed == first.unit_count and first.clusters
    assert first.verified and first.verified > 0
    again = dedup_corpus(db=db, level=level)
    assert again.signed == 0 and again.verified == 0 and to_json(again) == to_json(first)

    ingest_paths([new], db, warn=_quiet)
    update = dedup_corpus(db=db, level=level)
    assert update.signed == update.unit_count - first.unit_count == 60
    assert update.verified is not None and 0 < update.verified < first.verified
    _same(update, [new, old], tmp_path, level)
    assert _marks(db, level) != [] and len(_marks(db, level)) == update.duplicates
    assert update.duplicates > first.duplicates


def test_changed_file_reuses_the_signatures_of_unchanged_texts(tmp_path: Path) -> None:
    texts, _ = heavy_texts(seed=12, n=300)
    path = write_jsonl(tmp_path / "a.jsonl", texts)
    db = tmp_path / "store.db"
    _full([path], db, "document")
    texts[5], texts[6] = texts[6], texts[5] + "，补充一句新的内容"
    write_jsonl(path, texts)
    ingest_paths([path], db, warn=_quiet)  # the file's rows are replaced (with their old ids)
    update = dedup_corpus(db=db, level="document")
    # Record 5 now holds record 6's old text: its signature is reused by text hash. Only the
    # text that did not exist before is signed.
    assert update.signed == 1
    _same(update, [path], tmp_path, "document")


def test_deleted_and_renamed_files(tmp_path: Path) -> None:
    texts, _ = heavy_texts(seed=13, n=450)
    folder = tmp_path / "corpus"
    folder.mkdir()
    paths = [write_jsonl(folder / f"{k}.jsonl", texts[k * 150 : (k + 1) * 150]) for k in range(3)]
    db = tmp_path / "store.db"
    first = _full([folder], db, "paragraph")
    paths[1].unlink()  # re-ingesting the folder removes the file's rows
    moved = paths[2].rename(folder / "0a.jsonl")  # same content, new name: sorts elsewhere
    ingest_paths([folder], db, warn=_quiet)
    update = dedup_corpus(db=db, level="paragraph")
    assert update.unit_count < first.unit_count and update.signed == 0
    _same(update, [paths[0], moved], tmp_path, "paragraph")


def test_other_settings_sign_everything_again(tmp_path: Path) -> None:
    texts, _ = heavy_texts(seed=14, n=300)
    path = write_jsonl(tmp_path / "a.jsonl", texts)
    db = tmp_path / "store.db"
    _full([path], db, "document")
    other = dedup_corpus(db=db, level="document", seed=7, threshold=0.7)
    assert other.signed == other.unit_count
    fresh = _full([path], tmp_path / "fresh.db", "document", seed=7, threshold=0.7)
    assert to_json(other) == to_json(fresh)
    # Only the threshold changes: signatures stay (same bands), similarities are computed again.
    back = dedup_corpus(db=db, level="document", seed=7, threshold=0.7, keep="first")
    assert back.signed == 0 and back.verified == 0
    fresh = dedup_corpus(db=tmp_path / "fresh.db", level="document", seed=7, threshold=0.7,
                         keep="first")  # fmt: skip
    assert to_json(back) == to_json(fresh)


@pytest.mark.parametrize("level", ["document", "speech", "paragraph"])
def test_unit_texts_are_those_of_the_rebuilt_documents(tmp_path: Path, level: str) -> None:
    from speechkit.dedup.units import build_units

    db = tmp_path / "store.db"
    root = Path(__file__).parents[2]
    ingest_paths([root / "corpus", root / "tests/data/segment/heldout"], db, warn=_quiet)
    with Store(db) as store:
        expected: dict[int, str] = {}
        for doc_id, doc, speech_rows in store.documents():
            for unit in build_units([doc], level):
                if level == "document":
                    expected[doc_id] = unit.text
                    continue
                assert unit.speech is not None
                row = speech_rows[unit.speech]
                if level == "paragraph":
                    assert unit.paragraph is not None
                    row = store.paragraph_row_ids(row)[unit.paragraph]
                expected[row] = unit.text
        assert len(expected) >= 9  # 9 documents, more speeches and paragraphs
        found = store.unit_texts(level, expected)
    assert {k: found[k] for k in expected} == expected


def test_a_failed_run_leaves_state_and_marks_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from speechkit.errors import StoreError

    texts, _ = heavy_texts(seed=15, n=300)
    db = tmp_path / "store.db"
    first = _full([write_jsonl(tmp_path / "b.jsonl", texts[:250])], db, "document")
    ingest_paths([write_jsonl(tmp_path / "a.jsonl", texts[250:])], db, warn=_quiet)

    def state() -> list[tuple[object, ...]]:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT kind, seq, length(value) FROM dedup_blocks").fetchall()

    before, marks = state(), _marks(db, "document")

    def disk_full(*_args: object) -> int:
        raise StoreError(f"{db}: database error (database or disk is full)")

    monkeypatch.setattr(Store, "mark_duplicates", disk_full)
    with pytest.raises(StoreError):
        dedup_corpus(db=db, level="document")
    assert state() == before and _marks(db, "document") == marks
    monkeypatch.undo()
    update = dedup_corpus(db=db, level="document")  # the next run still sees the new rows
    assert update.signed == 50 and update.unit_count == first.unit_count + 50


@pytest.mark.parametrize("level", ["document", "paragraph"])
def test_write_from_a_store_equals_write_from_files(tmp_path: Path, level: str) -> None:
    texts, _ = heavy_texts(seed=16, n=200)
    path = write_jsonl(tmp_path / "a.jsonl", texts)
    db = tmp_path / "store.db"
    ingest_paths([path], db, warn=_quiet)
    stored = dedup_corpus(db=db, level=level, write=tmp_path / "from_store")
    files = dedup_corpus([path], level=level, write=tmp_path / "from_files")
    assert to_json(stored) == to_json(files) and stored.files_written == files.files_written

    def written(folder: Path) -> dict[str, str]:
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.*"))}

    assert written(tmp_path / "from_store") == written(tmp_path / "from_files") != {}


def test_a_store_of_the_first_incremental_design_is_read_afresh(tmp_path: Path) -> None:
    texts, _ = heavy_texts(seed=17, n=200)
    path = write_jsonl(tmp_path / "a.jsonl", texts)
    db = tmp_path / "store.db"
    ingest_paths([path], db, warn=_quiet)
    with sqlite3.connect(db) as conn:  # the one-row-per-unit table an earlier speechkit made
        conn.execute(
            "CREATE TABLE dedup_signatures (level TEXT, unit_id INTEGER, config TEXT, "
            "checksum INTEGER, digest INTEGER, length INTEGER, keys BLOB)"
        )
    report = dedup_corpus(db=db, level="document")
    assert report.signed == report.unit_count
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "dedup_signatures" not in tables and "dedup_blocks" in tables
    _same(report, [path], tmp_path, "document")


def test_worker_processes_read_the_texts_themselves(tmp_path: Path) -> None:
    from speechkit.dedup.incremental import dedup_store
    from speechkit.dedup.pipeline import DedupConfig
    from speechkit.engine import LocalExecutor

    texts, _ = heavy_texts(seed=18, n=400)
    db = tmp_path / "store.db"
    _full([write_jsonl(tmp_path / "b.jsonl", texts[:350])], db, "paragraph")
    ingest_paths([write_jsonl(tmp_path / "a.jsonl", texts[350:])], db, warn=_quiet)
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    config = DedupConfig()
    with Store(db) as store, LocalExecutor(workers=2) as pool:
        parallel = dedup_store(store, "paragraph", config, pool)  # texts read by the workers
    with Store(copy) as store, LocalExecutor(workers=1) as here:
        serial = dedup_store(store, "paragraph", config, here)  # texts read and sent
    assert parallel.verified == serial.verified > 0
    assert [(c.members, c.to_representative, c.pairs) for c in parallel.clusters] == [
        (c.members, c.to_representative, c.pairs) for c in serial.clusters
    ]
