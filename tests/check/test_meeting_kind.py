"""Wording that belongs to another meeting or stage (reading of 09_city_civ_commend, 2026-12-01).

A 总结表彰大会 for a city that had already won its title said 从今天起，全市创建宣传工作要全面升温
and 引领全市人民尽快投身到创建工作中来, and 表彰/推进 drafts said 要利用有限的时间 (time left
before an inspection no profile gives). Launch wording is a claim about the meeting: true of a
动员会 or 部署会, which starts the work, not of a 推进会 or 总结表彰会. Time running out is a claim
about the campaign's stage: no profile gives it. The sentences here are made up for the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from speechkit.claims.analysis import LAUNCH_WORDING, classify
from speechkit.cli import cli

_STAGE = "a stage of the campaign the profile does not give"


@pytest.mark.parametrize(
    "sentence",
    [
        "从今天起，全市宣传工作要全面升温，营造浓厚的创建氛围。",
        "自即日起，各单位要把创建任务落实到每一个岗位。",
        "今天的大会就是一次动员令，各级各部门要闻令而动。",
        "要吹响创建工作的集结号，凝聚全社会的力量。",
        "要引领广大市民尽快投身到创建工作中来。",
        "全面打响创建国家卫生城市攻坚战。",
        "这次会议正式拉开了我区创建工作的序幕。",
    ],
)
def test_launch_wording_is_a_claim_about_the_meeting(sentence: str) -> None:
    claim = classify(sentence)
    assert claim.label == "specific", claim.spans
    assert LAUNCH_WORDING in {s.why for s in claim.specific}, claim.spans


@pytest.mark.parametrize(
    "sentence",
    [
        "要利用有限的时间，以最快的速度进行全民发动。",
        "国家测评在即，各单位要全力以赴查漏补缺。",
        "离省级考核只剩两个月时间，必须倒排工期。",
        "各单位要积极争取上级支持，确保每分必争、一分不丢。",
        "打好考核提分攻坚战。",
    ],
)
def test_time_running_out_is_a_stage_of_the_campaign(sentence: str) -> None:
    claim = classify(sentence)
    assert _STAGE in {s.why for s in claim.specific}, claim.spans


@pytest.mark.parametrize(
    "sentence",
    [
        "要抓特色培育，打响城市品牌。",
        "创建文明城市是一场声势浩大的群众性创建活动，必须依靠群众。",
        "要充分利用报刊、广播、电视等各类媒体，营造浓厚的创建氛围。",
        "要珍惜时间，把每一项工作做细做实。",
    ],
)
def test_ordinary_instructions_stay_generic(sentence: str) -> None:
    assert classify(sentence).label == "generic", classify(sentence).spans


def _profile(kind: str) -> dict[str, object]:
    return {
        "city": "北塘市",
        "campaign": "全国文明城市",
        "meeting": {"type": kind, "date": "2027-12-01"},
        "speaker": {"title": "市委书记"},
        "achievements": ["首次入选全国文明城市"],
        "length": 3000,
    }


_NAMES = {
    "动员会": "动员大会", "推进会": "推进会", "部署会": "部署会", "总结表彰会": "总结表彰大会",
}  # fmt: skip
_LAUNCH = "从今天起，全市宣传工作要全面升温，营造浓厚的创建氛围。"
_HURRY = "要利用有限的时间，以最快的速度进行全民发动。"


def _draft(kind: str) -> str:
    return (
        f"在北塘市创建全国文明城市{_NAMES[kind]}上的讲话\n（2027年12月1日）\n同志们：\n"
        "一、抓好重点任务\n"
        f"各级各部门要把创建工作摆上重要议事日程。{_LAUNCH}\n"
        "二、加强组织领导\n"
        f"要形成齐抓共管的工作合力。{_HURRY}\n"
    )


def _findings(tmp_path: Path, kind: str, *, with_profile: bool) -> dict[str, str]:
    (tmp_path / "稿.txt").write_text(_draft(kind), "utf-8")
    args = ["check", str(tmp_path / "稿.txt"), "--format", "json"]
    if with_profile:
        profile = yaml.safe_dump(_profile(kind), allow_unicode=True)
        (tmp_path / "p.yaml").write_text(profile, "utf-8")
        args += ["--profile", str(tmp_path / "p.yaml")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.output)
    return {f["sentence"]: f["span"] for f in data["findings"] if f["kind"] == "unsupported_claim"}


@pytest.mark.parametrize("with_profile", [True, False], ids=["profile", "title"])
@pytest.mark.parametrize("kind", ["推进会", "总结表彰会"])
def test_check_flags_launch_wording_at_a_meeting_that_does_not_launch(
    tmp_path: Path, kind: str, with_profile: bool
) -> None:
    found = _findings(tmp_path, kind, with_profile=with_profile)
    assert found.get(_LAUNCH) == "从今天起"
    assert found.get(_HURRY) == "有限的时间"


@pytest.mark.parametrize("with_profile", [True, False], ids=["profile", "title"])
@pytest.mark.parametrize("kind", ["动员会", "部署会"])
def test_check_accepts_launch_wording_at_a_launch(
    tmp_path: Path, kind: str, with_profile: bool
) -> None:
    found = _findings(tmp_path, kind, with_profile=with_profile)
    assert _LAUNCH not in found
    assert found.get(_HURRY) == "有限的时间"  # no meeting type says how much time is left
