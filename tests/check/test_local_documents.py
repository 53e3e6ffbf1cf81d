"""A local plan, programme or regulation named as in force is the profile's to give.

紧密结合我市乡村振兴战略实施方案 says the city has such a plan: a specific claim, like a named
local programme. The sentences here are made up for the test (not quoted from the corpus).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.claims.analysis import LOCAL_DOCUMENT, classify

from .conftest import MADE_UP_PROFILE, check_findings


@pytest.mark.parametrize(
    "sentence",
    [
        "紧密结合我市乡村振兴战略实施方案，扎实开展结对帮扶活动。",
        "要认真落实本区背街小巷整治三年行动计划，确保按期完成。",
        "严格执行全县农村人居环境整治实施细则，加强日常考核。",
        "按照市委、市政府出台的《关于加强城市精细化管理的实施意见》，抓好各项任务落实。",
        "要对照我县“十四五”公共文化服务体系建设规划，补齐设施短板。",
        "全面落实《北塘文明行为促进条例》，加强街道社区监管。",
    ],
)
def test_a_named_local_document_is_a_specific_claim(sentence: str) -> None:
    claim = classify(sentence)
    assert claim.label == "specific", claim.spans
    assert LOCAL_DOCUMENT in {s.why for s in claim.specific}, claim.spans


@pytest.mark.parametrize(
    "sentence",
    [
        "要制定我市创建工作实施方案，明确任务分工和完成时限。",  # an instruction to write one
        "全市各级党委政府必须把创建工作纳入经济社会发展总体规划。",  # 全市 is the subject
        "我市要按照城市规划推进老旧小区改造，做到一张蓝图干到底。",
        "认真落实《广告法》和《公益广告促进和管理暂行办法》，加大刊播力度。",  # national
        "要坚持城市规划的权威性，坚决杜绝违章建设。",
    ],
)
def test_instructions_and_national_documents_stay_generic(sentence: str) -> None:
    assert classify(sentence).label == "generic", classify(sentence).spans


_DRAFT = """在北塘市创建全国文明城市动员大会上的讲话
（2027年3月1日）
同志们：
一、抓好重点任务
要紧密结合我市乡村振兴战略实施方案，扎实开展文明单位结对帮扶活动。要抓好背街小巷环境整治，让群众感受到创建带来的变化。
二、加强组织领导
各级各部门要把创建工作摆上重要议事日程，形成齐抓共管的工作合力。
"""


def test_check_flags_a_local_plan_the_profile_does_not_give(tmp_path: Path) -> None:
    findings = check_findings(tmp_path, MADE_UP_PROFILE, _DRAFT)
    assert [(f["kind"], f["span"]) for f in findings] == [
        ("unsupported_claim", "我市乡村振兴战略实施方案")
    ]
    assert LOCAL_DOCUMENT in findings[0]["detail"]


def test_a_plan_the_profile_gives_may_be_named(tmp_path: Path) -> None:
    priorities = ["背街小巷环境整治", "落实北塘市乡村振兴战略实施方案"]
    given = {**MADE_UP_PROFILE, "priorities": priorities}
    findings = check_findings(tmp_path, given, _DRAFT)
    assert findings == [], findings
