"""Placeholder kinds judged from the neighbouring characters."""

from __future__ import annotations

import pytest

from speechkit.segment import find_placeholders
from speechkit.segment.placeholders import left_marks

CASES = [
    # text, placeholder, kind
    ("深入推进xx市创建工作", "xx", "place"),
    ("我们召开*县推进会", "*", "place"),
    ("成立XX区创文督察组", "XX", "place"),
    ("*副部长百忙之中莅临指导", "*", "person"),
    ("刚才，X同志传达了会议精神", "X", "person"),
    ("**书记作了重要讲话", "**", "person"),
    ("刚才，xx市长已经作了全面的动员", "xx", "person"),
    ("***总书记指出", "***", "person"),
    ("组织X万余名党员干部", "X", "number"),
    ("建成X个临时停车场", "X", "number"),
    ("开展X类专项治理行动", "X", "number"),
    ("整改率达到X%", "X", "number"),
    ("在第x届全国文明城市评选中", "x", "number"),
    ("实现**年创建目标", "**", "date"),
    ("20xx年，中央文明委命名", "20xx", "date"),
    ("X月召开动员大会", "X", "date"),
    ("“五个**”建设", "**", "other"),
    ("某某同志", "某某", "person"),
    ("○○县委", "○○", "place"),
]


@pytest.mark.parametrize(("text", "token", "kind"), CASES)
def test_placeholder_kind(text: str, token: str, kind: str) -> None:
    found = find_placeholders(text)
    assert found, text
    p = found[0]
    assert (p.text, p.kind) == (token, kind)
    assert text[p.start : p.end] == token


def test_date_pair() -> None:
    assert [(p.text, p.kind) for p in find_placeholders("X月X日以来")] == [
        ("X", "date"),
        ("X", "date"),
    ]


@pytest.mark.parametrize(
    "text",
    ["Excel表格", "3x4矩阵", "Windows XP系统", "访问www.xx.com", "邮箱abc@x.cn", "没有占位符"],
)
def test_no_placeholder(text: str) -> None:
    assert find_placeholders(text) == ()


# The marks no finished speech may keep (left_marks): text, the first mark written by hand.
LEFT = [
    ("深入推进xx市创建工作", "xx"),
    ("在XXX年取得新成效", "XXX"),
    ("由Ｘ市牵头", "Ｘ"),
    ("刚才，X同志作了部署", "X"),
    ("××县要抓好落实", "××"),
    ("某某同志要负总责", "某某"),
    ("某书记对此高度重视", "某"),
    ("请某主席审定方案", "某"),
    ("某镇长要靠前指挥", "某"),
    ("PM2.5*浓度下降", "*"),
    ("实现**年创建目标", "**"),
    ("安排资金【】万元", "【】"),
    ("安排资金【 】万元", "【 】"),
    ("力争____年建成", "____"),
    ("力争＿＿年建成", "＿＿"),
    ("○○县委要带头", "○○"),
]
CLEAN = [
    "某些地方还存在短板",
    "某种程度上说",
    "某个环节出了问题",
    "用Excel表格统计3x4个指标",
    "【打击倒卖活动】要常抓不懈",
    "创建全国文明城市，人人都是参与者。",
    "把_一_字写好",
]


@pytest.mark.parametrize(("text", "mark"), LEFT)
def test_left_marks_finds_each_mark(text: str, mark: str) -> None:
    start, found = left_marks(text)[0]
    assert found == mark
    assert text[start : start + len(mark)] == mark


@pytest.mark.parametrize("text", CLEAN)
def test_left_marks_leaves_ordinary_text(text: str) -> None:
    assert left_marks(text) == []


def test_left_marks_in_order_of_position() -> None:
    text = "要在xx市委领导下，某书记牵头，**年完成。"
    assert [m for _s, m in left_marks(text)] == ["xx", "某", "**"]
