"""The literal prefilter must give exactly the combined regex's answer."""

from __future__ import annotations

import random
import re

import pytest

from speechkit.clean import resources as res
from speechkit.clean.boilerplate import BoilerplateMatcher, load_patterns
from speechkit.clean.prefilter import has_backreference, required_literals

TEXTS = [
    "以下是小编为大家收集的讲话稿，欢迎阅读。",
    "同志们：今天我们召开全市创建文明城市工作推进会。",
    "点击下载全文",
    "小编辑部",  # overlapping literals: 小编 / 编辑
    "首页 > 致辞讲话 > 开幕致辞",
    "第三篇",
    "第三，要加强组织领导。",
    "本文地址：http://www.example.com/a.html",
    "ABC def",
    "",
]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("小编", {"小编"}),
        ("(付费|免费)下载", {"付费下载", "免费下载"}),
        (r"^作者\s*[：:]", {"作者"}),
        (r"\d+", None),
        ("(?i:vip)会员", {"会员"}),
        ("(?i)vip", None),
        ("a?b", {"b"}),
        (r"(a)\1", {"a"}),
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    got = required_literals(pattern)
    assert (None if got is None else set(got)) == expected


def test_backreference_detected() -> None:
    assert has_backreference(r"(a)\1")
    assert not has_backreference("(a)b")


@pytest.mark.parametrize(
    "patterns",
    [
        load_patterns(),
        ("小编", "编辑部", r"\d{4}年", "(?i:copyright)"),  # one pattern without a literal
        (r"(转)\1", "小编"),  # a backreference: no prefilter at all
    ],
)
def test_matcher_agrees_with_combined_regex(patterns: tuple[str, ...]) -> None:
    matcher = BoilerplateMatcher(tuple(patterns))
    combined = re.compile("|".join(f"(?:{p})" for p in patterns))
    rng = random.Random(0)
    pieces = [*TEXTS, "编", "小", "COPYRIGHT", "2020年", "转转", "。", ">", " "]
    texts = TEXTS + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(2000)
    ]
    for text in texts:
        if len(text) > matcher.max_chars or res.RE_HAS_CONTENT.search(text) is None:
            continue  # decided before any pattern runs
        assert matcher.is_boilerplate(text) == (combined.search(text) is not None), text
