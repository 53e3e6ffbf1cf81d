"""The store's methods for other stages: roles, document hashes, passages, WAL.

Each is checked against what is independently known: the bytes of the files, the lines of the
source text, the rows read back with plain :mod:`sqlite3`.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from speechkit.bank.build import corpus_key
from speechkit.corpus import ingest_paths, open_corpus
from speechkit.errors import StoreError
from speechkit.store import SpeechRoles, Store

SPEECH = """在全市创建全国文明城市工作会议上的讲话
同志们：
今天，我们召开全市创建全国文明城市工作会议，主要任务是动员全市上下迅速行动起来。
一、提高政治站位，充分认识创建工作的重要意义
创建全国文明城市是提升城市品位的重要抓手。
二、突出工作重点，全力攻坚克难
要坚持问题导向，集中力量解决群众反映强烈的突出问题。
谢谢大家！
"""


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    folder = tmp_path / "范文"
    folder.mkdir()
    (folder / "a.txt").write_text(SPEECH, encoding="utf-8")
    (folder / "b.txt").write_bytes(SPEECH.replace("全市", "全区").encode("gbk"))
    path = tmp_path / "c.db"
    ingest_paths([folder], db=path)
    return path


def test_set_roles_is_read_back(db: Path) -> None:
    with open_corpus(db=db) as corpus:
        speeches = corpus.speeches()
        rows = [corpus.speech_row_id(s.id or 0) for s in speeches]
        wanted = [
            SpeechRoles(row or 0, i == 0, 0.5 + i, ["tasks"] * len(s.paragraphs))
            for i, (row, s) in enumerate(zip(rows, speeches, strict=True))
        ]
        assert corpus.store is not None
        corpus.store.set_roles(wanted)
    with sqlite3.connect(db) as conn:
        topic = conn.execute("SELECT id, on_topic, topic_score FROM speeches ORDER BY id")
        assert [(r, int(w.on_topic), w.topic_score) for r, w in zip(rows, wanted, strict=True)] == (
            topic.fetchall()
        )
    with open_corpus(db=db) as again:
        assert {p.role for s in again.speeches() for p in s.paragraphs} == {"tasks"}


def test_set_roles_on_a_read_only_store_writes_nothing(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT role FROM paragraphs ORDER BY id").fetchall()
    store = Store(db, create=False)
    store.conn.close()  # a read-only connection: even root cannot write through it
    store.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
    with pytest.raises(StoreError, match="cannot write the database") as info:
        store.set_roles([SpeechRoles(1, True, 1.0, ["closing", "closing"])])
    store.close()
    assert str(db) in str(info.value)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT role FROM paragraphs ORDER BY id").fetchall() == before


def test_document_hashes_are_the_files_sha256(db: Path) -> None:
    folder = db.parent / "范文"
    with Store(db, create=False) as store:
        hashes = store.document_hashes()
    assert [sha for _, sha in hashes] == [
        hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in ("a.txt", "b.txt")
    ]
    assert [Path(source).name for source, _ in hashes] == ["a.txt", "b.txt"]


def test_corpus_key_of_a_foreign_database_names_the_file(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="another program") as info:
        corpus_key(db=other)
    assert str(other) in str(info.value)


def test_paragraph_at_and_its_neighbours(db: Path) -> None:
    with Store(db, create=False) as store:
        source = store.document_hashes()[0][0]
        line = SPEECH.splitlines().index("创建全国文明城市是提升城市品位的重要抓手。") + 1
        found = store.paragraph_at(source, line)
        assert found is not None and found.line == line and found.title is not None
        rows = store.speech_paragraphs(found.speech_id, found.seq - 1, found.seq + 1)
        assert [text for _, _, _, text in rows] == SPEECH.splitlines()[line - 2 : line + 1]
        assert [seq for seq, _, _, _ in rows] == [found.seq - 1, found.seq, found.seq + 1]
        # A line that is no paragraph (the title) gives the nearest one; no such source, None.
        nearest = store.paragraph_at(source, 1)
        assert nearest is not None and nearest.line == 2
        assert store.paragraph_at("no/such.txt", 3) is None


def test_enable_wal_is_kept_in_the_file(db: Path) -> None:
    with Store(db, create=False) as store:
        store.enable_wal()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
