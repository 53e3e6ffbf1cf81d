"""open_corpus: the bundled corpus, in-memory paths, a database, and its errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from speechkit.corpus import bundled_store_path, open_corpus
from speechkit.errors import InputError

SPEECH = "在全区创建工作会议上的讲话\n同志们：\n今天召开会议。\n谢谢大家！\n"


def test_bundled_corpus_has_corpus_sources_and_ids(seed_files: list[Path]) -> None:
    with open_corpus() as corpus:
        assert corpus.store is not None
        speeches = corpus.speeches()
        assert [s.id for s in speeches] == list(range(1, len(speeches) + 1))
        assert sorted({s.source for s in speeches}) == [f"corpus/{p.name}" for p in seed_files]
        assert len(corpus.documents) == len(seed_files)
        assert all(s.first_line >= 1 and s.last_line >= s.first_line for s in speeches)
    assert bundled_store_path().is_file()  # built on first use, reused afterwards
    with open_corpus() as again:
        assert [(s.source, s.first_line) for s in again.speeches()] == [
            (s.source, s.first_line) for s in speeches
        ]


def test_in_memory_keeps_relative_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "a.txt").write_text(SPEECH, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    corpus = open_corpus(["folder"])
    assert corpus.store is None
    assert [d.source for d in corpus.documents] == ["folder/a.txt"]
    assert corpus.speeches()[0].source == "folder/a.txt"
    assert corpus.documents[0].raw_lines[0].text == "在全区创建工作会议上的讲话"


def test_jsonl_provenance_has_record(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(
        '{"text": "同志们：\\n今天开会。"}\n{"text": "同志们：\\n明天开会。"}\n', encoding="utf-8"
    )
    corpus = open_corpus([path])
    assert [(d.record, d.source) for d in corpus.documents] == [(0, str(path)), (1, str(path))]
    assert [s.record for s in corpus.speeches()] == [0, 1]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        open_corpus([tmp_path / "nope"])
    assert str(info.value) == f"{tmp_path / 'nope'}: no such file or folder; check the path"


def test_folder_with_nothing_readable_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "img.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    warnings: list[str] = []
    with pytest.raises(InputError) as info:
        open_corpus([tmp_path], warn=warnings.append)
    assert str(info.value).startswith(f"{tmp_path}: nothing readable")
    assert len(warnings) == 2


def test_db_only_requires_an_existing_db(tmp_path: Path) -> None:
    from speechkit.errors import StoreError

    with pytest.raises(StoreError, match="no such database"):
        open_corpus(db=tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_ingestion_does_not_import_jieba(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SPEECH, encoding="utf-8")
    code = (
        "import sys\n"
        "from speechkit.corpus import open_corpus\n"
        f"open_corpus([{str(tmp_path)!r}], db={str(tmp_path / 'c.db')!r}).speeches()\n"
        "assert 'jieba' not in sys.modules and 'rjieba' not in sys.modules, 'jieba imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent.parent)


def test_progress_bar_goes_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(SPEECH, encoding="utf-8")
    from speechkit.corpus import ingest_paths

    report = ingest_paths([tmp_path], tmp_path / "c.db", progress=True)
    assert report.files == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "ingest" in captured.err
    open_corpus([tmp_path], progress=True)
    assert "ingest" in capsys.readouterr().err
