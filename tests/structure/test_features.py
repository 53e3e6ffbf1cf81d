"""Paragraph features read what segmentation recorded, not the text again."""

from __future__ import annotations

from speechkit.model import Line
from speechkit.segment.paragraphs import split_paragraphs
from speechkit.structure.features import heading_level, lead_text

LINES = [
    Line(1, "其次，我们也要看到存在的差距。"),  # 其次 with no 首先 before it: no heading
    Line(3, "一、提高认识"),
    Line(5, "一是加强领导；成立专班。要抓落实。"),
    Line(7, "今天召开会议！会议很重要。"),
]


def test_heading_level_is_the_recorded_one() -> None:
    levels = [heading_level(p) for p in split_paragraphs(LINES)]
    # The first paragraph starts with a numbering word, but segmentation decided it is no
    # heading; the features keep that decision (they read 2 from the text before issue 11).
    assert levels == [None, 1, 2, None]


def test_lead_is_the_heading_else_the_first_clause() -> None:
    leads = [lead_text(p) for p in split_paragraphs(LINES)]
    assert leads == [LINES[0].text, "一、提高认识", "一是加强领导", "今天召开会议！"]
