"""A place's development positioning (建成区域性幸福城市) is the profile's to give.

Each city sets its own positioning in its own plans (区域性中心城市, 全省增长极, 改革创新先导区);
reused in another city's speech it says that city has that goal. Found in a county 部署会 draft
that carried 聚焦建成区域性幸福城市 from a corpus speech. The sentences are made up for the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.claims.analysis import POSITIONING, classify

from .conftest import MADE_UP_PROFILE, check_findings


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("坚持民生优先，聚焦建成区域性宜居城市，加大公共财政投入。", "区域性宜居城市"),
        ("要加快建设省域副中心城市，提升城市综合承载能力。", "省域副中心城市"),
        ("奋力打造全省高质量发展增长极。", "全省高质量发展增长极"),
        ("抓住建设开放合作先行区的机遇，扩大对外开放。", "开放合作先行区"),
    ],
)
def test_a_positioning_is_a_specific_claim(sentence: str, span: str) -> None:
    claim = classify(sentence)
    assert claim.label == "specific", claim.spans
    assert [(s.text, s.why) for s in claim.specific if s.why == POSITIONING] == [
        (span, POSITIONING)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "要把城市建设成为文明之城、幸福之城。",  # an aspiration any place may state
        "要积极争创全国文明城市，让群众共享创建成果。",  # the campaign itself
        "加快建设国家生态文明建设示范区。",  # a national title, i.e. a campaign
        "努力建设人民满意的宜居城市。",
    ],
)
def test_aspirations_and_campaigns_stay_generic(sentence: str) -> None:
    assert classify(sentence).label == "generic", classify(sentence).spans


_DRAFT = """在北塘市创建全国文明城市动员大会上的讲话
（2027年3月1日）
同志们：
一、抓好重点任务
要坚持民生优先，聚焦建成区域性宜居城市，加大公共财政投入。要抓好背街小巷环境整治，让群众感受到创建带来的变化。
二、加强组织领导
各级各部门要把创建工作摆上重要议事日程，形成齐抓共管的工作合力。
"""


def test_check_flags_a_positioning_the_profile_does_not_give(tmp_path: Path) -> None:
    findings = check_findings(tmp_path, MADE_UP_PROFILE, _DRAFT)
    assert [(f["kind"], f["span"]) for f in findings] == [("unsupported_claim", "区域性宜居城市")]
    assert POSITIONING in findings[0]["detail"]


def test_a_positioning_the_profile_gives_may_be_stated(tmp_path: Path) -> None:
    given = {**MADE_UP_PROFILE, "priorities": ["背街小巷环境整治", "建成区域性宜居城市"]}
    assert check_findings(tmp_path, given, _DRAFT) == []
