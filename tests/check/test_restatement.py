"""``speechkit check`` reports a paragraph that says one thing twice in two 范文's words.

Drafting already leaves such a sentence out (``tests/draft/test_restatement.py``); a
hand-written draft pasted from 范文 gets the same rule from the reviewer, one function for both
(:func:`speechkit.claims.restate.restatement`). The sentences are made up for the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli

_HEAD = "在北塘市创建全国文明城市推进会上的讲话\n（2027年5月1日）\n同志们：\n一、提高思想认识\n"


def _findings(tmp_path: Path, body: str) -> list[dict[str, str]]:
    (tmp_path / "稿.txt").write_text(_HEAD + body + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "稿.txt"), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, str]] = json.loads(result.output)["findings"]
    return findings


@pytest.mark.parametrize(
    ("body", "sentence", "span"),
    [
        (
            "应该说，创建工作是一项民心工程。可以说，创建工作是一场持久战。",
            "可以说，创建工作是一场持久战。",
            "可以说",
        ),
        (
            "全国文明城市是含金量最高的城市品牌。全国文明城市作为综合评价的重要标尺，"
            "也是最具价值的金字招牌。",
            "全国文明城市作为综合评价的重要标尺，也是最具价值的金字招牌。",
            "全国文明城市",
        ),
    ],
)
def test_check_reports_a_restatement(tmp_path: Path, body: str, sentence: str, span: str) -> None:
    found = [f for f in _findings(tmp_path, body) if f["kind"] == "repeated"]
    assert [(f["sentence"], f["span"]) for f in found] == [(sentence, span)], found
    assert "says again" in found[0]["detail"]


@pytest.mark.parametrize(
    "body",
    [
        # one hedge, then an instruction: the point moves on
        "应该说，创建工作是一项民心工程。要把创建工作摆上重要议事日程。可以说，创建永无止境。",
        # two subjects judged, each once
        "全国文明城市是含金量最高的城市品牌。创建工作是一项系统工程。",
        # a judgement followed by what to do
        "全国文明城市是含金量最高的城市品牌。全国文明城市是一块金字招牌，要倍加珍惜。",
    ],
)
def test_check_leaves_a_paragraph_that_moves_on(tmp_path: Path, body: str) -> None:
    assert not [f for f in _findings(tmp_path, body) if f["kind"] == "repeated"]


def test_a_restatement_across_paragraphs_is_not_one(tmp_path: Path) -> None:
    body = "应该说，创建工作是一项民心工程。\n可以说，创建工作是一场持久战。"
    assert not [f for f in _findings(tmp_path, body) if f["kind"] == "repeated"]
