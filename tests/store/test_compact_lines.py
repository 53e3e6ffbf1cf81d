"""`lines` keeps only what paragraphs cannot give back; reading restores every line."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.corpus import open_corpus
from speechkit.model import Document, Line, Paragraph, Speech
from speechkit.store import Store
from speechkit.store.sqlite import SCHEMA_VERSION

SPEECH = """在全市创建全国文明城市工作会议上的讲话
同志们：
今天，我们召开全市创建全国文明城市工作会议。
一、提高政治站位
创建全国文明城市是提升城市品位的重要抓手。
谢谢大家！
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(SPEECH, encoding="utf-8")
    (root / "b.txt").write_text("网站导航\n\n" + SPEECH.replace("全市", "全区"), encoding="utf-8")
    return root


def _count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_lines_not_repeated_and_restored(folder: Path, tmp_path: Path) -> None:
    memory = open_corpus([folder], warn=lambda m: None)
    with open_corpus([folder], db=tmp_path / "c.db", warn=lambda m: None) as stored:
        assert stored.store is not None
        total = sum(len(d.lines) for d in memory.documents)
        assert _count(stored.store, "lines") < total / 2
        assert [d.lines for d in stored.documents] == [d.lines for d in memory.documents]


def test_schema_1_database_with_every_line_reads_the_same(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    memory = open_corpus([folder], warn=lambda m: None)
    open_corpus([folder], db=db, warn=lambda m: None).close()
    store = Store(db)
    with store.transaction():  # rewrite it as schema 1 did: every line stored
        store.conn.execute("DELETE FROM lines")
        for (doc_id,), doc in zip(
            store.conn.execute("SELECT id FROM documents ORDER BY source").fetchall(),
            memory.documents,
            strict=True,
        ):
            store.conn.executemany(
                "INSERT INTO lines(document_id, seq, number, text) VALUES (?, ?, ?, ?)",
                [(doc_id, i, line.number, line.text) for i, line in enumerate(doc.lines)],
            )
        store.conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    store.close()
    with Store(db) as store:
        docs = [doc for _id, doc, _rows in store.documents()]
        assert [d.lines for d in docs] == [d.lines for d in memory.documents]
        with store.transaction():  # writing the new layout marks the database schema 2
            store.add_document(memory.documents[0])
        version = store.conn.execute("SELECT value FROM meta WHERE key='schema_version'")
        assert version.fetchone()[0] == str(SCHEMA_VERSION) == "2"


def test_document_whose_paragraphs_do_not_match_its_lines_keeps_every_line(
    tmp_path: Path,
) -> None:
    doc = Document("x.txt", None, "utf-8", [], lines=[Line(1, "甲"), Line(2, "乙")])
    doc.speeches = [Speech("x.txt", 1, 2, None, [Paragraph("丙", 2, 2)])]
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.add_document(doc)
        assert _count(store, "lines") == 2
        [(_id, back, _rows)] = list(store.documents())
        assert back.lines == doc.lines
