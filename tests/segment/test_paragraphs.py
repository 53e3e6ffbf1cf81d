"""Paragraphs: one per line, hard-wrapped blocks joined, sequence headings."""

from __future__ import annotations

from speechkit.model import Line
from speechkit.segment import split_paragraphs


def test_one_paragraph_per_line() -> None:
    lines = [
        Line(17, "一、充分肯定成绩"),
        Line(18, "自我区启动创建工作以来，"),
        Line(19, "一是坚持思想引领。"),
    ]
    ps = split_paragraphs(lines)
    assert [(p.line, p.last_line, p.level) for p in ps] == [
        (17, 17, 1),
        (18, 18, None),
        (19, 19, 2),
    ]


def test_hard_wrapped_blocks_are_joined() -> None:
    lines = [
        Line(1, "同志们："),
        Line(3, "在全市上下喜迎新春佳节之际，我们召开这次会议，"),
        Line(4, "主要是总结去年工作。"),
        Line(6, "一是经济运行稳中有进。全年增长X%，"),
        Line(7, "固定资产投资完成xx亿元。"),
        Line(9, "二、加强领导"),
        Line(10, "各级各部门要高度重视。"),
    ]
    ps = split_paragraphs(lines)
    assert [(p.line, p.last_line) for p in ps] == [(1, 1), (3, 4), (6, 7), (9, 9), (10, 10)]
    assert ps[1].text == "在全市上下喜迎新春佳节之际，我们召开这次会议，主要是总结去年工作。"
    assert ps[2].marker == "一是"
    assert [x.kind for x in ps[2].placeholders] == ["number", "number"]
    assert ps[2].placeholders[1].start == ps[2].text.index("xx")


def test_consecutive_lines_are_not_joined_in_unwrapped_text() -> None:
    lines = [Line(1, "一、充分肯定成绩"), Line(2, "今年以来，"), Line(3, "我们做了大量工作。")]
    assert len(split_paragraphs(lines)) == 3


def test_sequence_words_need_an_opening_shouxian() -> None:
    ps = split_paragraphs(
        [Line(1, "最后，我再强调一点。"), Line(2, "首先，提高认识。"), Line(3, "其次，加强领导。")]
    )
    assert [p.marker for p in ps] == [None, "首先，", "其次，"]
    formula = split_paragraphs(
        [Line(1, "首先，我代表市委向大家表示感谢。"), Line(2, "最后，祝大家身体健康。")]
    )
    assert [p.marker for p in formula] == [None, None]
