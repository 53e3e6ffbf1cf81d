"""Atomic output: nothing is left behind on failure, and files get ordinary permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from speechkit.atomic import atomic_open, atomic_path
from speechkit.errors import OutputError


def test_failure_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write("half")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write("new")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_mode_follows_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with atomic_path(tmp_path / "out.txt") as tmp:
            tmp.write_text("ok", encoding="utf-8")
    finally:
        os.umask(old)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == 0o644


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "nope" / "out.txt"
    with pytest.raises(OutputError, match="does not exist"), atomic_path(target):
        pass
