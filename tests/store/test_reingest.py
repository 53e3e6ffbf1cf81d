"""Re-ingesting a folder: deleted files leave the store; one file named two ways is one set."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.corpus import ingest_paths, open_corpus

SPEECH = """在全区{topic}工作会议上的讲话
同志们：
今天，我们召开全区{topic}工作会议，部署{topic}长效机制建设。
谢谢大家！
"""
TOPICS = ["创建文明城市", "垃圾分类", "背街小巷整治", "志愿服务"]


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    root = Path("范文")
    (root / "sub").mkdir(parents=True)
    for i, topic in enumerate(TOPICS):
        where = root / "sub" if i == 3 else root
        (where / f"{i}.txt").write_text(SPEECH.format(topic=topic), encoding="utf-8")
    return root


def _sources(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        files = [row[0] for row in conn.execute("SELECT source FROM files ORDER BY source")]
        docs = [row[0] for row in conn.execute("SELECT source FROM documents ORDER BY source")]
    assert files == docs
    return files


def test_deleted_files_are_removed_and_said_so(folder: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(folder), "--db", "s.db"])
    assert first.exit_code == 0, first.output
    (folder / "1.txt").unlink()
    (folder / "sub" / "3.txt").unlink()
    again = runner.invoke(cli, ["ingest", str(folder), "--db", "s.db"])
    assert again.exit_code == 0, again.output
    assert again.output == (
        "0 files read (2 unchanged, 0 skipped): 0 documents, 0 speeches, 0 paragraphs "
        "into s.db; 2 files removed\n"
    )
    assert _sources(Path("s.db")) == ["范文/0.txt", "范文/2.txt"]
    # search and anything reading the store no longer see them
    found = runner.invoke(cli, ["search", "长效机制", "--db", "s.db"])
    assert "垃圾分类" not in found.output and "志愿服务" not in found.output
    assert "创建文明城市" in found.output
    with open_corpus(db="s.db") as corpus:
        assert [s.source for s in corpus.speeches()] == ["范文/0.txt", "范文/2.txt"]


def test_files_outside_the_folder_are_kept(folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(SPEECH.format(topic="交通秩序"), encoding="utf-8")
    ingest_paths([folder, other], "s.db")
    (folder / "0.txt").unlink()
    report = ingest_paths([folder / "sub"], "s.db")  # a subfolder: only its files count
    assert report.removed == 0
    report = ingest_paths([folder], "s.db")
    assert report.removed == 1
    assert str(other) in _sources(Path("s.db"))


def test_relative_and_absolute_paths_are_one_set_of_rows(folder: Path) -> None:
    first = ingest_paths([folder], "s.db")
    assert first.files == 4
    absolute = ingest_paths([folder.resolve()], "s.db")
    assert (absolute.files, absolute.unchanged, absolute.removed) == (0, 4, 0)
    assert _sources(Path("s.db")) == sorted(str(p.resolve()) for p in folder.rglob("*.txt"))
    back = ingest_paths([folder], "s.db")  # relative again: rows are named as given last
    assert back.unchanged == 4
    assert _sources(Path("s.db")) == ["范文/0.txt", "范文/1.txt", "范文/2.txt", "范文/sub/3.txt"]
    with open_corpus(db="s.db") as corpus:
        assert len(corpus.speeches()) == 4


def test_store_made_before_the_path_column(folder: Path) -> None:
    ingest_paths([folder], "s.db")
    with sqlite3.connect("s.db") as conn:  # what an older speechkit wrote
        conn.execute("DROP INDEX files_path")
        conn.execute("ALTER TABLE files DROP COLUMN path")
    (folder / "2.txt").unlink()
    report = ingest_paths([folder.resolve()], "s.db")
    assert (report.unchanged, report.removed) == (3, 1)
    assert _sources(Path("s.db")) == sorted(str(p.resolve()) for p in folder.rglob("*.txt"))
