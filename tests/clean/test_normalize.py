"""Each cleaner on a table of cases: what changes and what must not."""

from __future__ import annotations

import pytest

from speechkit.clean import (
    clean_text,
    normalize_fullwidth_alnum,
    normalize_punctuation,
    normalize_whitespace,
    remove_control_chars,
    remove_replacement_chars,
)

PUNCTUATION = [
    ("同志们:", "同志们："),
    ("今天,我们召开会议;会议很重要!", "今天，我们召开会议；会议很重要！"),
    ("是否落实到位?", "是否落实到位？"),
    ("领导小组(扩大)会议", "领导小组（扩大）会议"),
    ("(一)聚焦问题", "（一）聚焦问题"),
    ("(1)加强领导", "（1）加强领导"),
    ("各区市县(先导区)教育行政部门", "各区市县（先导区）教育行政部门"),
    ("“X+X”模式,效果好", "“X+X”模式，效果好"),
    # left alone: numbers, times, decimals, English, URLs, e-mail
    ("投入3,000万元", "投入3,000万元"),
    ("受理时间为上午8:30至下午17:30", "受理时间为上午8:30至下午17:30"),
    ("增长3.5%", "增长3.5%"),
    ("Hello, world: (v2) ok?", "Hello, world: (v2) ok?"),
    ("请注明出处:https://www.example.com/a,b?x=1", "请注明出处：https://www.example.com/a,b?x=1"),
    ("邮箱:abc@example.com,欢迎来信", "邮箱：abc@example.com，欢迎来信"),
    ("already full-width：，；！？（）", "already full-width：，；！？（）"),
]


@pytest.mark.parametrize(("text", "expected"), PUNCTUATION)
def test_normalize_punctuation(text: str, expected: str) -> None:
    assert normalize_punctuation(text) == expected


@pytest.mark.parametrize(("text", "_"), PUNCTUATION)
def test_normalize_punctuation_is_idempotent(text: str, _: str) -> None:
    once = normalize_punctuation(text)
    assert normalize_punctuation(once) == once


WHITESPACE = [
    ("\u3000\u3000今天召开会议。", "今天召开会议。"),
    ("   今天召开会议。  ", "今天召开会议。"),
    ("召开\u00a0会议", "召开会议"),
    ("3月  26日", "3月 26日"),
    ("仅供学习 禁止外传", "仅供学习禁止外传"),
    ("QQ  group\tnumber", "QQ group number"),
    ("\ufeff同志们：\u200b", "同志们："),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), WHITESPACE)
def test_normalize_whitespace(text: str, expected: str) -> None:
    assert normalize_whitespace(text) == expected


@pytest.mark.parametrize(
    ("func", "text", "expected"),
    [
        (remove_replacement_chars, "相关范文推\ufffd", "相关范文推"),
        (remove_replacement_chars, "无损文本", "无损文本"),
        (remove_control_chars, "会议\x00召开\x07", "会议召开"),
        (remove_control_chars, "a\tb", "a\tb"),
        (normalize_fullwidth_alnum, "２０２０年ＧＤＰ", "2020年GDP"),
        (normalize_fullwidth_alnum, "全角标点：，保留", "全角标点：，保留"),
    ],
)
def test_small_cleaners(func, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert func(text) == expected


def test_clean_text_keeps_wording() -> None:
    text = "\u3000\u3000今天,我们召开*县创建全国文明城市推进会,这既是动员誓师会,也是业务培训会。"
    out = clean_text(text)
    assert out == "今天，我们召开*县创建全国文明城市推进会，这既是动员誓师会，也是业务培训会。"
    strip = str.maketrans("", "", "，,。 \u3000")
    assert out.translate(strip) == text.translate(strip)
