"""Heading kinds and levels, standalone and run-in."""

from __future__ import annotations

import pytest

from speechkit.segment import detect_heading

HEADINGS = [
    # text, marker, level, heading text
    ("一、提高政治站位，准确把握形势", "一、", 1, "一、提高政治站位，准确把握形势"),
    ("十二、其他事项", "十二、", 1, "十二、其他事项"),
    (
        "（一）聚焦基层贯彻党的路线方针政策情况。",
        "（一）",
        2,
        "（一）聚焦基层贯彻党的路线方针政策情况",
    ),
    ("(二)工程隐患仍然存在。全市还有X座水库。", "(二)", 2, "(二)工程隐患仍然存在"),
    (
        "第一，抓经济发展，增强城市实力。创建全国文明城市必须…",
        "第一，",
        2,
        "第一，抓经济发展，增强城市实力",
    ),
    ("第二、文明城市的荣誉固然重要。", "第二、", 2, "第二、文明城市的荣誉固然重要"),
    ("一是坚持思想引领。高举旗帜…", "一是", 2, "一是坚持思想引领"),
    ("三要强化协调配合。创卫工作横向涉及…", "三要", 2, "三要强化协调配合"),
    ("其三，要努力促进人的全面发展。人的全面发展…", "其三，", 2, "其三，要努力促进人的全面发展"),
    ("首先，要集中精力加快发展。发展是硬道理。", "首先，", 2, "首先，要集中精力加快发展"),
    ("1、坚持以人民为中心。此次创城…", "1、", 3, "1、坚持以人民为中心"),
    ("2.抓好隐患排查。各地要…", "2.", 3, "2.抓好隐患排查"),
    ("（1）加强领导；明确分工。", "（1）", 3, "（1）加强领导"),
    ("①完善制度！", "①", 4, "①完善制度"),
    # run-in headings without punctuation before the body text
    (
        "一、深刻把握重要意义，解决“为什么干”的问题***总书记指出，实现中国梦…。",
        "一、",
        1,
        "一、深刻把握重要意义，解决“为什么干”的问题",
    ),
    (
        "二、紧盯指标任务不松劲，解决“干什么”的问题总书记指出，要坚持…。",
        "二、",
        1,
        "二、紧盯指标任务不松劲，解决“干什么”的问题",
    ),
]


@pytest.mark.parametrize(("text", "marker", "level", "heading"), HEADINGS)
def test_heading(text: str, marker: str, level: int, heading: str) -> None:
    h = detect_heading(text)
    assert h is not None
    assert (h.marker, h.level, h.text) == (marker, level, heading)


NOT_HEADINGS = [
    "3.5万人参加了活动。",
    "2020.5.1正式施行。",
    "一些单位工作不到位。",
    "第一次会议于今天召开。",
    "一、",
    "今天，我们召开会议。一是要提高认识。",
    "三年第一、首创首成再次证明，党的领导是最大的优势。",
    "12345热线受理群众诉求。",
]


@pytest.mark.parametrize("text", NOT_HEADINGS)
def test_not_heading(text: str) -> None:
    assert detect_heading(text) is None


def test_long_heading_without_punctuation_is_cut_at_a_clause() -> None:
    text = "一、" + "坚持问题导向" * 5 + "，" + "持续开展环境整治" * 10
    h = detect_heading(text)
    assert h is not None and len(h.text) <= 60 and h.text.startswith("一、坚持问题导向")
