"""Folder walking: recursive, sorted, deterministic; unsupported files warned about."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.errors import InputError
from speechkit.ingest import iter_files


def make_tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "a").mkdir()
    (root / ".git").mkdir()
    for rel in ["z.txt", "a/2.md", "a/10.html", "b/x.docx", "b/y.jsonl", "c.csv", "noext"]:
        (root / rel).write_text("x", encoding="utf-8")
    (root / ".git" / "config.txt").write_text("x", encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\x00")
    (root / "~$讲话.docx").write_bytes(b"\x00")
    (root / "scan.pdf").write_bytes(b"%PDF")
    (root / "old.doc").write_bytes(b"\xd0\xcf")


def test_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    make_tree(tmp_path)
    warnings: list[str] = []
    items = list(iter_files([tmp_path], warn=warnings.append))
    rel = [Path(p).relative_to(tmp_path).as_posix() for p, _, _ in items]
    assert rel == ["c.csv", "noext", "z.txt", "a/10.html", "a/2.md", "b/x.docx", "b/y.jsonl"]
    assert [kind for _, _, kind in items] == [
        "csv",
        "text",
        "text",
        "html",
        "text",
        "docx",
        "jsonl",
    ]
    assert warnings == [
        f"{tmp_path.as_posix()}/old.doc: unsupported file type '.doc'; skipped (save it as .docx)",
        f"{tmp_path.as_posix()}/scan.pdf: unsupported file type '.pdf'; skipped "
        "(convert it to .txt)",
    ]


def test_sources_keep_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    sources = [s for _, s, _ in iter_files(["a", "z.txt"], warn=lambda m: None)]
    assert sources == ["a/10.html", "a/2.md", "z.txt"]


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    items = list(iter_files([tmp_path / "z.txt", tmp_path], warn=lambda m: None))
    assert [p.name for p, _, _ in items].count("z.txt") == 1


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        list(iter_files([tmp_path, tmp_path / "missing"], warn=lambda m: None))
    assert str(info.value) == f"{tmp_path / 'missing'}: no such file or folder; check the path"
