"""The fast backend (rjieba) must segment like the jieba reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.tokenize import make_tokenizer

pytest.importorskip("rjieba")


def _lines(files: list[Path]) -> list[str]:
    lines = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        lines.extend(line for line in text.splitlines() if line.strip())
    return lines


def test_rjieba_agrees_with_jieba_on_99_percent_of_seed_lines(seed_files: list[Path]) -> None:
    reference = make_tokenizer("jieba")
    fast = make_tokenizer("rjieba")
    lines = _lines(seed_files)
    assert len(lines) > 300
    agree = sum(reference.cut(line) == fast.cut(line) for line in lines)
    assert agree / len(lines) >= 0.99, f"{agree}/{len(lines)} lines agree"


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_domain_dictionary_keeps_genre_terms_whole(backend: str) -> None:
    tok = make_tokenizer(backend)
    assert tok.cut("对照全国文明城市测评体系，整治背街小巷，建立长效机制") == [
        "对照",
        "全国文明城市",
        "测评体系",
        "，",
        "整治",
        "背街小巷",
        "，",
        "建立",
        "长效机制",
    ]


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_compounds_stay_whole_in_both_backends(backend: str) -> None:
    tok = make_tokenizer(backend)
    assert tok.cut("2018-2020年创城") == ["2018-2020", "年", "创城"]
    assert ("2018-2020", "m") in tok.pos("2018-2020年创城")


def test_auto_prefers_rjieba() -> None:
    assert make_tokenizer("auto").name == "rjieba"
