"""The SQLite store: idempotent re-ingest, replacement of changed files, errors, search."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from speechkit.corpus import ingest_paths, open_corpus
from speechkit.errors import InputError, StoreError
from speechkit.store import Store, fts_trigram_available

SPEECH = """在全市创建全国文明城市工作会议上的讲话
同志们：
今天，我们召开全市创建全国文明城市工作会议，主要任务是动员全市上下迅速行动起来。
一、提高政治站位，充分认识创建工作的重要意义
创建全国文明城市是提升城市品位的重要抓手。
谢谢大家！
"""


def snapshot(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        rows = []
        for table in ("files", "documents", "lines", "speeches", "paragraphs", "artifacts"):
            rows.append((table, conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()))
        return rows
    finally:
        conn.close()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "范文"
    root.mkdir()
    (root / "a.txt").write_text(SPEECH, encoding="utf-8")
    (root / "b.txt").write_bytes(SPEECH.replace("全市", "全区").encode("gbk"))
    return root


def test_schema_tables(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        tables = {
            row[0]
            for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        assert {"documents", "speeches", "paragraphs", "artifacts"} <= tables
        assert ("paragraphs_fts" in tables) == fts_trigram_available() == store.fts
        columns = [row[1] for row in store.conn.execute("PRAGMA table_info(paragraphs)")]
        assert columns == [
            "id", "speech_id", "seq", "line", "last_line", "text", "heading", "level",
            "marker", "role", "placeholders_json", "duplicate_of",
        ]  # fmt: skip


def test_reingesting_unchanged_files_changes_nothing(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    first = ingest_paths([folder], db, warn=lambda m: None)
    assert (first.files, first.unchanged, first.documents) == (2, 0, 2)
    before = snapshot(db)
    second = ingest_paths([folder], db, warn=lambda m: None)
    assert (second.files, second.unchanged, second.documents) == (0, 2, 0)
    assert snapshot(db) == before


def test_changed_file_replaces_its_rows(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    ingest_paths([folder], db, warn=lambda m: None)
    (folder / "a.txt").write_text(SPEECH.replace("文明城市", "卫生城市"), encoding="utf-8")
    report = ingest_paths([folder], db, warn=lambda m: None)
    assert (report.files, report.unchanged) == (1, 1)
    with Store(db) as store:
        assert store.counts()["documents"] == 2
        texts = [t for (t,) in store.conn.execute(
            "SELECT p.text FROM paragraphs p JOIN speeches s ON s.id = p.speech_id "
            "JOIN documents d ON d.id = s.document_id WHERE d.source LIKE '%a.txt'")]  # fmt: skip
        assert texts and not any("文明城市" in t for t in texts)
        assert any("卫生城市" in t for t in texts)
        if store.fts:  # the index matches the table (rank=1: check against the content)
            store.conn.execute(
                "INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('integrity-check', 1)"
            )
            triggers = {
                name
                for (name,) in store.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='trigger'"
                )
            }
            assert {"paragraphs_ai", "paragraphs_ad", "paragraphs_au"} <= triggers
        # the FTS index follows: old text no longer found in a.txt
        sources = {hit.source for hit in store.search("文明城市")}
        assert sources == {f"{folder.as_posix()}/b.txt"}


def test_search_kwic_with_source_and_line(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    ingest_paths([folder / "a.txt"], db, warn=lambda m: None)
    with Store(db) as store:
        hits = store.search("重要意义", width=4)
        assert len(hits) == 1
        hit = hits[0]
        assert hit.location == f"{folder / 'a.txt'}:4"
        assert (hit.left, hit.keyword, hit.right) == ("建工作的", "重要意义", "")
        # two-character terms (below the trigram size) are found too
        assert [h.line for h in store.search("同志")] == [2]
        # several terms must all occur
        assert [h.line for h in store.search("创建 抓手")] == [5]
        assert store.search("不存在的词语") == []


def test_corrupt_db_is_a_store_error_and_left_untouched(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"this is not an sqlite database" * 100)
    before = db.read_bytes()
    with pytest.raises(StoreError) as info:
        ingest_paths([folder], db, warn=lambda m: None)
    assert str(info.value) == (
        f"{db}: not a valid SQLite database (file is not a database); "
        f"choose another --db or remove {db}"
    )
    assert db.read_bytes() == before


def test_database_of_another_program_is_refused(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        Store(db)


def test_db_in_missing_folder_or_a_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        Store(tmp_path / "nope" / "c.db")
    assert str(info.value) == (
        f"{tmp_path / 'nope' / 'c.db'}: folder {tmp_path / 'nope'} does not exist; "
        "create it or choose another --db"
    )
    with pytest.raises(StoreError, match="is a folder, not a database file"):
        Store(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_is_a_store_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="cannot"):
            Store(locked / "c.db")
    finally:
        locked.chmod(0o700)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_db_on_a_read_only_file_system_is_a_store_error() -> None:
    db = Path("/proc/speechkit-test.db")  # /proc refuses new files, even to root
    with pytest.raises(StoreError) as info:
        Store(db)
    assert str(info.value) == (
        f"{db}: cannot create the database (unable to open database file); choose a writable --db"
    )
    assert not db.exists()


def test_read_only_database_is_a_store_error_on_write(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    ingest_paths([folder / "a.txt"], db, warn=lambda m: None)
    before = snapshot(db)
    uri_store = Store(db)
    uri_store.conn.close()
    uri_store.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
    with pytest.raises(StoreError, match="cannot write the database"), uri_store.transaction():
        uri_store.conn.execute("DELETE FROM documents")
    uri_store.close()
    assert snapshot(db) == before


def test_failed_run_leaves_no_new_database(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("\n\n", encoding="utf-8")
    db = tmp_path / "new.db"
    with pytest.raises(InputError, match="nothing readable"):
        ingest_paths([empty], db, warn=lambda m: None)
    assert not db.exists()
    assert not Path(f"{db}-journal").exists()


def test_failed_run_keeps_existing_database_intact(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    ingest_paths([folder / "a.txt"], db, warn=lambda m: None)
    before = snapshot(db)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError):
        ingest_paths([empty], db, warn=lambda m: None)
    assert snapshot(db) == before


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.set_artifact("model", {"a": 1})
            raise RuntimeError("boom")
        assert store.get_artifact("model") is None
        with store.transaction():
            store.set_artifact("model", {"a": 1})
            with pytest.raises(RuntimeError), store.transaction():  # nested: a savepoint
                store.set_artifact("model", {"a": 2})
                raise RuntimeError("boom")
        assert store.get_artifact("model") == {"a": 1}


def test_store_round_trip_matches_in_memory(folder: Path, tmp_path: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "c.txt").write_text(SPEECH.replace("全市", "全县"), encoding="utf-8")
    (folder / "z.txt").write_text(SPEECH.replace("全市", "全镇"), encoding="utf-8")
    memory = open_corpus([folder], warn=lambda m: None)
    with open_corpus([folder], db=tmp_path / "c.db", warn=lambda m: None) as stored:
        assert [
            (s.id, s.source, s.first_line, s.last_line, s.title, s.record, s.paragraphs)
            for s in stored.speeches()
        ] == [
            (s.id, s.source, s.first_line, s.last_line, s.title, s.record, s.paragraphs)
            for s in memory.speeches()
        ]
        assert [d.lines for d in stored.documents] == [d.lines for d in memory.documents]
        assert stored.speech_row_id(1) is not None
