"""Boilerplate lines: patterns as data, user pattern files, context rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.clean import (
    BoilerplateMatcher,
    CleanConfig,
    classify_lines,
    clean_lines,
    load_patterns,
)
from speechkit.errors import InputError
from speechkit.model import Line

BOILERPLATE = [
    "以下是小编为大家收集的几篇演讲稿范文，希望能为你提供一些思路和参考。",
    "下面是本站精心整理的讲话稿，欢迎阅读借鉴！",
    "演讲稿是领导人在特定场合使用的手稿。以下是为大家整理的关于，欢迎品鉴！",
    "预览阅读已结束，若您需要全文或代笔。",
    "如若转载，请注明出处：https://www.example.com/1.html",
    "转载请注明出处",
    "来源：网络整理免责声明：本文仅限学习分享，如产生版权问题，请联系我们及时删除。",
    "content_2();。",
    "相关范文推荐",
    "时间：2023-12-28 13:35:42 作者：某某笔神",
    "发布日期：2024-05-06 浏览次数：1532",
    "举报倒卖会员资料的人，举报成功免费赠送一年会员材料！",
    "会员群： 免费QQ群：",
    "现在订阅立享前3年的所有权益和资料",
    "实名认证",
    "微信客服",
    "回到顶部",
    "上一篇：全县秋冬季森林防火工作会议讲话稿",
    "在某某会议上的讲话.docx",
    "市长讲话稿（通用13篇）",
    "全市防汛工作会议讲话稿【精选3篇】",
    "当前位置：首页 / 讲话致辞",
    "范文大全网 www.example.com",
    "点击下载完整版>>",
    "扫码关注公众号，获取更多公文素材",
    "。",
    "•",
    "【范文2】",
    "第三篇",
    "范文四：",
    "标签：讲话稿 动员会",
    "Tags: 讲话稿",
    "更多相关文章：某某工作总结、某某活动方案",
    # attribution lines standing alone (after normalization: full-width brackets/colons)
    "（责任编辑：李文）",
    "（来源：xx区融媒体中心）",
    "【来源：某某日报】",
    "来源：某某资料网　2023-05-06　字号：大 中 小",
    "编辑：张三　审核：李四",
    "审核：王五",
    "作者：某某",
    "整理：区委办公室综合科 · 更新于 2023-11-02",
    "编者按：下面两篇讲话分别来自两次会议，供读者参考。",
    "目录",
    "目  录",
    "本文仅供内部学习交流，转载请联系作者。",
]

SPEECH = [
    "同志们：",
    "谢谢大家！",
    "一、提高政治站位，准确把握形势",
    "在全市创建全国文明城市动员大会上的讲话",
    "刚才，xx市长已经作了全面的动员，希望大家按照部署和要求，切切实实承担起责任。",
    "希望大家抓好贯彻落实。下面，我讲几点意见。",
    "这里印发了几份材料，请大家认真学习。",
    "要加强网络安全，防范来自网络的各类风险。",
    "各单位要严格落实疫情防控措施，确保师生安全。",
    "不忘初心。",
    "第一，提高站位，压实责任。",
    "关键词是落实，关键在于行动。",
    # attribution words inside sentences are wording, not attribution lines
    "资金来源：以县级财政为主，积极争取上级支持。",
    "来源于群众的意见，我们要认真研究。",
    "编辑部的同志们要把好导向关。",
    "作者协会要发挥桥梁纽带作用。",
    "目录清单要动态调整。",
    "各部门要审核把关，确保数据真实准确。",
]


@pytest.fixture(scope="module")
def matcher() -> BoilerplateMatcher:
    return BoilerplateMatcher.default()


@pytest.mark.parametrize("text", BOILERPLATE)
def test_boilerplate_lines_match(matcher: BoilerplateMatcher, text: str) -> None:
    assert matcher.is_boilerplate(text)


@pytest.mark.parametrize("text", SPEECH)
def test_speech_lines_do_not_match(matcher: BoilerplateMatcher, text: str) -> None:
    assert not matcher.is_boilerplate(text)


def test_long_lines_are_never_dropped_by_pattern(matcher: BoilerplateMatcher) -> None:
    long_line = "小编" + "创建全国文明城市是一项系统工程。" * 30
    assert not matcher.is_boilerplate(long_line)


def test_context_drops_site_name_inside_ad_block(matcher: BoilerplateMatcher) -> None:
    texts = [
        "仅供学习禁止外传",
        "某某文库",
        "自建平台、实时分享",
        "现在订阅立享会员权益",
        "",
        "在全区大会上的讲话",
        "刚才，X同志传达了会议精神。",
    ]
    assert classify_lines(texts, matcher) == [True, True, True, True, False, False, False]
    assert classify_lines(texts, matcher, context=False)[1:3] == [False, False]


def test_context_needs_boilerplate_on_both_sides(matcher: BoilerplateMatcher) -> None:
    texts = ["今天召开会议。", "抓好落实", "如若转载，请注明出处"]
    assert classify_lines(texts, matcher) == [False, False, True]


def test_context_never_drops_structure(matcher: BoilerplateMatcher) -> None:
    texts = ["免责声明", "在全县大会上的讲话", "微信客服"]
    assert classify_lines(texts, matcher) == [True, False, True]


def test_user_pattern_file_extends_bundled(tmp_path: Path) -> None:
    extra = tmp_path / "mine.txt"
    extra.write_text("# my site\n^本材料由.*内部交流$\n\n", encoding="utf-8")
    lines = [
        Line(1, "本材料由某某办公室内部交流"),
        Line(2, "同志们："),
        Line(3, "以下是小编整理的。"),
    ]
    assert [x.number for x in clean_lines(lines)] == [1, 2]
    config = CleanConfig(boilerplate_files=(extra,))
    assert [x.number for x in clean_lines(lines, config=config)] == [2]
    assert "^本材料由.*内部交流$" in load_patterns([extra])


def test_invalid_user_pattern_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("# ok\n好的\n(未闭合\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.txt:3: invalid regular expression '\(未闭合'"):
        load_patterns([bad])


def test_missing_user_pattern_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="boilerplate pattern file not found"):
        load_patterns([tmp_path / "nope.txt"])
