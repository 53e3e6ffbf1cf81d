"""CLI: `speechkit check` — findings, the JSON contract, exit statuses 0/1/2 and Error: messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
# A draft written by a person from 范文: every kind of problem the issue lists, in one speech.
PASTED = """在青岚市创建全国文明城市动员大会上的讲话
（2027年4月10日）
同志们：
今天，市委、市政府召开青岚市创建全国文明城市动员大会。下面我讲两点意见。
一、提高认识
这“八个不”只要有一个“不”做不到，就会前功尽弃。今年是创文工作第三年，关键看行动。
要学习濮阳的经验，深入开展“七五”普法宣传。要强化网格管理。一是要把责任落实到人。
二、狠抓落实
要坚持“双创”并重，全县上下拧成一股绳。xx同志要亲自抓。要坚持以人民为中心，把群众满意作为检验创建成效的根本标准。要坚持以人民为中心，把群众满意作为检验创建成效的根本标准。
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("profile", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_drafts_of_the_examples_are_clean(runner: CliRunner, tmp_path: Path, profile: Path) -> None:
    out = tmp_path / "讲话稿.docx"
    assert runner.invoke(cli, ["draft", str(profile), "-o", str(out)]).exit_code == 0
    result = runner.invoke(cli, ["check", str(out), "--profile", str(profile), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["clean"] is True and data["findings"] == []
    assert data["source"] == str(out)
    assert data["copied"] and all(c["share"] <= 0.35 for c in data["copied"])
    assert {"source", "first_line", "last_line", "share"} <= set(data["copied"][0])


def test_a_pasted_draft_lists_every_kind(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "范文改稿.txt"
    path.write_text(PASTED, encoding="gbk")
    result = runner.invoke(cli, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["clean"] is False
    kinds = {f["kind"] for f in data["findings"]}
    assert kinds >= {
        "unsupported_claim", "foreign_name", "placeholder", "outdated", "dangling",
        "wrong_campaign", "wrong_level", "repeated",
    }  # fmt: skip
    third = next(f for f in data["findings"] if "第三年" in f["sentence"])
    assert third["kind"] == "unsupported_claim" and third["paragraph"] == 4 and third["line"] == 6
    assert third["span"] in third["sentence"]
    lone = [f for f in data["findings"] if f["kind"] == "dangling" and f["span"] == "一是"]
    assert lone and lone[0]["sentence"] == "一是要把责任落实到人。"
    # 下面我讲两点意见 with two sections is fine.
    assert not any("两点意见" in f["sentence"] for f in data["findings"])


def test_table_marks_the_span(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "稿.md"
    path.write_text(PASTED, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert "【今年】是创文工作第三年" in result.output
    assert f"{path}: " in result.output.splitlines()[0]


def test_profile_errors_are_the_drafts(runner: CliRunner, tmp_path: Path) -> None:
    draft = tmp_path / "稿.txt"
    draft.write_text(PASTED, encoding="utf-8")
    bad = tmp_path / "p.yaml"
    bad.write_text("city: 青岚市\nmeeting: {type: 动员会}\nspeaker: {title: 市长}\n", "utf-8")
    checked = runner.invoke(cli, ["check", str(draft), "--profile", str(bad)])
    drafted = runner.invoke(cli, ["draft", str(bad)])
    assert checked.exit_code == 2
    assert checked.output == drafted.output and checked.output.startswith("Error: ")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.docx", "no such file; check the path"),
        (lambda d: _write(d / "empty.docx", b""), "empty file; nothing to review"),
        (lambda d: _write(d / "x.txt", bytes(range(256)) * 40), "nothing to review"),
        (lambda d: _write(d / "x.pdf", b"%PDF-1.4"), "cannot review .pdf"),
        (lambda d: d, "is a folder"),
    ],
    ids=["missing", "empty-docx", "binary", "pdf", "folder"],
)
def test_bad_drafts_exit_2(runner: CliRunner, tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"Error: {path}: ") and message in result.output
    assert "Traceback" not in result.output


def test_db_that_is_not_a_store_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    draft = _write(tmp_path / "稿.txt", PASTED.encode())
    db = _write(tmp_path / "x.db", b"not sqlite at all" * 100)
    result = runner.invoke(cli, ["check", str(draft), "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: ") and str(db) in result.output


def test_corpus_and_db_together_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    draft = _write(tmp_path / "稿.txt", PASTED.encode())
    result = runner.invoke(
        cli, ["check", str(draft), "--corpus", str(ROOT / "corpus"), "--db", str(tmp_path / "y.db")]
    )
    assert result.exit_code == 2
    assert "one of --corpus or --db" in result.output


def test_copies_in_the_corpus_count_as_one_source(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "范文"
    corpus.mkdir()
    speech = (ROOT / "corpus" / "004_7a0bd85d9640f8d8.txt").read_text(encoding="utf-8")
    (corpus / "a.txt").write_text(speech, encoding="utf-8")
    (corpus / "b.txt").write_text(speech.replace("。", "！", 3), encoding="utf-8")
    draft = _write(tmp_path / "稿.txt", speech[:3000].encode())
    result = runner.invoke(cli, ["check", str(draft), "--corpus", str(corpus), "--format", "json"])
    copied = json.loads(result.output)["copied"]
    assert copied[0]["copies"] == 2
    assert len({c["source"] for c in copied if c["share"] > 0.5}) == 1


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
