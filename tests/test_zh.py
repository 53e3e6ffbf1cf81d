"""The shared sentence-end variants of speechkit.zh, each as its callers rely on it."""

from __future__ import annotations

import pytest

from speechkit import zh


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("一是抓宣传；二是抓整治。", ["一是抓宣传；二是抓整治。"]),  # ；joins the points
        ("要落实!要长效?好", ["要落实!", "要长效?", "好"]),
        ("他说：“抓落实。”我们要做到。", ["他说：“抓落实。”", "我们要做到。"]),
        ("没有句末标点", ["没有句末标点"]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert zh.split_sentences(text) == sentences


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("一是抓宣传；二是抓整治。", "一是抓宣传；"),
        ("一是抓宣传;二是抓整治。", "一是抓宣传;"),
        ("加强领导！成立专班。", "加强领导！"),
        ("没有标点", "没有标点"),
    ],
)
def test_first_clause_ends_at_a_semicolon_too(text: str, first: str) -> None:
    assert zh.first_clause(text) == first
    assert zh.split_clauses(text)[0] == first


@pytest.mark.parametrize(
    ("line", "prose"),
    [("今天召开会议。", True), ("一是…；", True), ("var a=1;", False), ("首页 | 范文", False)],
)
def test_prose_end_leaves_out_the_half_width_semicolon(line: str, prose: bool) -> None:
    assert (zh.PROSE_END.search(line) is not None) is prose


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("一、提高认识", "提高认识"),
        ("（三）加强领导", "加强领导"),
        ("(三)加强领导", "加强领导"),
        ("第二，要抓落实", "要抓落实"),
        ("三是强化保障", "强化保障"),
        ("2. 完善机制", "完善机制"),
        ("其一，统一思想", "统一思想"),
        ("首先，要提高认识", "要提高认识"),
        ("今天召开会议", "今天召开会议"),
    ],
)
def test_numbering_marker(text: str, bare: str) -> None:
    assert zh.NUMBERING_MARKER.sub("", text, count=1) == bare
