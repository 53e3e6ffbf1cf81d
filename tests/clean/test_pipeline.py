"""clean_lines: numbers kept, lines never merged, options honoured."""

from __future__ import annotations

import pytest

from speechkit.clean import CleanConfig, clean_lines
from speechkit.errors import ParameterError
from speechkit.model import Line


def test_keeps_numbers_and_never_merges() -> None:
    lines = [
        Line(1, "电脑桌面"),
        Line(2, "添加某某网到电脑桌面"),
        Line(3, ""),
        Line(4, "同志们:"),
        Line(5, "\u3000\u3000今天,召开会议,"),
        Line(6, "部署工作。"),
        Line(7, "预览阅读已结束"),
    ]
    out = clean_lines(lines)
    assert [(x.number, x.text) for x in out] == [
        (4, "同志们："),
        (5, "今天，召开会议，"),
        (6, "部署工作。"),
    ]


def test_options_turn_steps_off() -> None:
    lines = [Line(1, "小编推荐"), Line(2, "今天,开会。")]
    out = clean_lines(
        lines, config=CleanConfig(remove_boilerplate=False, normalize_punctuation=False)
    )
    assert [x.text for x in out] == ["小编推荐", "今天,开会。"]


def test_bundled_patterns_can_be_disabled() -> None:
    out = clean_lines([Line(1, "小编推荐")], config=CleanConfig(use_bundled_patterns=False))
    assert [x.text for x in out] == ["小编推荐"]


def test_config_is_checked_up_front() -> None:
    with pytest.raises(ParameterError, match="invalid short_line_chars -1"):
        CleanConfig(short_line_chars=-1)
    with pytest.raises(ParameterError, match="boilerplate_files"):
        CleanConfig(boilerplate_files="mine.txt")  # type: ignore[arg-type]


def test_config_is_frozen() -> None:
    with pytest.raises(AttributeError):
        CleanConfig().context = False  # type: ignore[misc]


def test_broken_last_line() -> None:
    data = "同志们：\n今天召开会议。\n相关范文推".encode() + "荐".encode()[:2]
    raw = [Line(i, t) for i, t in enumerate(data.decode("utf-8", errors="replace").split("\n"), 1)]
    assert [x.number for x in clean_lines(raw)] == [1, 2]
