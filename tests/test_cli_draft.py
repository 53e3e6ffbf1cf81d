"""CLI: draft and init-profile — outputs, exit codes and the exact Error: messages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.draft.example import EXAMPLE_PROFILE

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qinglan_city.yaml"
GOOD = """city: 云溪区
campaign: 全国文明城区
meeting:
  type: 推进会
speaker:
  title: 区委书记
priorities: [背街小巷整治]
length: 2000
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _profile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_draft_prints_text_and_json(runner: CliRunner) -> None:
    text = runner.invoke(cli, ["draft", str(EXAMPLE)])
    assert text.exit_code == 0, text.output
    assert "在青岚市创建全国文明城市动员大会上的讲话" in text.output
    assert "下面我讲三点意见。" in text.output
    js = runner.invoke(cli, ["draft", str(EXAMPLE), "--format", "json", "--seed", "3"])
    assert js.exit_code == 0
    data = json.loads(js.output)
    assert data["title"] == "在青岚市创建全国文明城市动员大会上的讲话"
    assert data["stats"]["seed"] == 3 and data["stats"]["max_share_one_source"] <= 0.35


@pytest.mark.parametrize("name", ["讲话稿.docx", "讲话稿.md", "讲话稿.txt", "讲话稿.json"])
def test_draft_writes_by_extension(runner: CliRunner, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    result = runner.invoke(cli, ["draft", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and out.stat().st_size > 1000
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left
    if name.endswith(".docx"):
        import docx

        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert "一、" in text and "青岚市" in text


def test_same_seed_same_output(runner: CliRunner) -> None:
    a = runner.invoke(cli, ["draft", str(EXAMPLE), "--seed", "5"]).output
    b = runner.invoke(cli, ["draft", str(EXAMPLE), "--seed", "5"]).output
    c = runner.invoke(cli, ["draft", str(EXAMPLE), "--seed", "6"]).output
    assert a == b and a != c


BAD_PROFILES = [
    (
        "missing",
        None,
        "Error: {dir}/none.yaml: profile not found; check the path or run "
        "'speechkit init-profile {dir}/none.yaml' / 找不到配置文件",
    ),
    (
        "invalid YAML",
        "city: 青岚市\n  campaign: [\n",
        "Error: {dir}/p.yaml:2: invalid YAML: mapping values"
        " are not allowed here; check indentation and "
        "'key: value' syntax / 第2行 YAML 格式错误",
    ),
    (
        "wrong type",
        GOOD + "sections: three\n",
        "Error: {dir}/p.yaml:9: sections: must be a whole number (got 'three')"
        " / 第9行 sections 应为整数",
    ),
    (
        "sections",
        GOOD + "sections: 6\n",
        "Error: {dir}/p.yaml:9: sections: must be between 3 and 5 (got 6)"
        " / 第9行 sections 应为 3–5",
    ),
    (
        "meeting type",
        GOOD.replace("推进会", "誓师会"),
        "Error: {dir}/p.yaml:4: meeting.type: unknown meeting type '誓师会'; valid types: "
        "动员会 | 推进会 | 部署会 | 总结表彰会"
        " / 第4行 meeting.type 会议类型无效，应为 动员会 | 推进会 | 部署会 | 总结表彰会 之一",
    ),
    (
        "length",
        GOOD.replace("length: 2000", "length: 999"),
        "Error: {dir}/p.yaml:8: length: must be at least 1000 characters (got 999)"
        " / 第8行 length 应不少于 1000 字",
    ),
    (
        "unknown key",
        GOOD + "sectoins: 4\n",
        "Error: {dir}/p.yaml:9: sectoins: unknown key; did you mean 'sections'?"
        " / 第9行 sectoins 未知的键，是否应为 sections？",
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "message"), BAD_PROFILES, ids=[c for c, _, _ in BAD_PROFILES]
)
def test_bad_input_is_one_clear_line(runner: CliRunner, tmp_path: Path, case: str, text: str | None,
                                     message: str) -> None:  # fmt: skip
    path = _profile(tmp_path, text) if text is not None else tmp_path / "none.yaml"
    out = tmp_path / "out.docx"
    result = runner.invoke(cli, ["draft", str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.strip() == message.format(dir=tmp_path)
    assert "Traceback" not in result.output
    assert not out.exists()


def test_unwritable_output(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "讲话稿.docx"
    result = runner.invoke(cli, ["draft", str(EXAMPLE), "-o", str(missing)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {missing}: folder {missing.parent} does"
        " not exist; create it or choose another path"
    )
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # running as root: permissions are not enforced
            pytest.skip("permissions not enforced for this user")
        target = locked / "讲话稿.docx"
        result = runner.invoke(cli, ["draft", str(EXAMPLE), "-o", str(target)])
        assert result.exit_code == 1
        assert (
            result.output.strip()
            == f"Error: {target}: folder {locked} is not writable; choose a writable path"
        )
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_unknown_output_extension(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["draft", str(EXAMPLE), "-o", str(tmp_path / "x.odt")])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: invalid output extension '.odt': expected"
        " .docx | .pdf | .md | .markdown | .txt | .text | .json"
    )


def test_missing_templates_and_corpus(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["draft", str(EXAMPLE), "--templates", str(tmp_path / "tpl")])
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"Error: {tmp_path / 'tpl'}: templates folder not found; check --templates"
    )
    result = runner.invoke(cli, ["draft", str(EXAMPLE), "--corpus", str(tmp_path / "范文")])
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"Error: {tmp_path / '范文'}: no such file or folder; check the --corpus path"
    )


def test_init_profile_writes_and_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "青岚市.yaml"
    first = runner.invoke(cli, ["init-profile", str(target)])
    assert first.exit_code == 0
    assert target.read_text(encoding="utf-8") == EXAMPLE_PROFILE
    target.write_text("mine", encoding="utf-8")
    again = runner.invoke(cli, ["init-profile", str(target)])
    assert again.exit_code == 1
    assert (
        again.output.strip()
        == f"Error: {target}: already exists; use --force to overwrite it or choose another name"
    )
    assert target.read_text(encoding="utf-8") == "mine"
    forced = runner.invoke(cli, ["init-profile", str(target), "--force"])
    assert forced.exit_code == 0 and target.read_text(encoding="utf-8") == EXAMPLE_PROFILE
    drafted = runner.invoke(cli, ["draft", str(target), "--format", "json"])
    assert drafted.exit_code == 0, drafted.output


def test_draft_from_a_small_corpus_warns_about_length(runner: CliRunner) -> None:
    heldout = ROOT / "tests" / "data" / "segment" / "heldout"
    result = runner.invoke(
        cli, ["draft", str(EXAMPLE), "--corpus", str(heldout), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)["stats"]
    assert stats["length_ok"] is False
    assert (
        f"Warning: the corpus gave only {stats['chars']} of the 4000 characters asked for"
        in result.stderr
    )
    assert "add more 范文 with --corpus or lower length" in result.stderr


def test_a_corpus_of_another_campaign_is_named_in_a_warning(runner: CliRunner) -> None:
    # eight 安全生产 speeches (the phrases tests' second genre) name no 文明/卫生 campaign
    safety = ROOT / "tests" / "data" / "phrases" / "safety"
    result = runner.invoke(cli, ["draft", str(EXAMPLE), "--corpus", str(safety)])
    assert result.exit_code == 0, result.output
    assert "Warning: no speech of the corpus is about 全国文明城市" in result.stderr
    assert "add speeches about 全国文明城市 with --corpus" in result.stderr
    bundled = runner.invoke(cli, ["draft", str(EXAMPLE)])
    assert bundled.exit_code == 0 and "no speech of the corpus" not in bundled.stderr


def test_corpus_and_db_are_alternatives(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "y.db"
    result = runner.invoke(
        cli, ["draft", str(EXAMPLE), "--corpus", str(ROOT / "corpus"), "--db", str(db)]
    )
    assert result.exit_code == 1
    assert result.output == (
        "Error: --corpus and --db are alternatives: draft from files (--corpus PATH) or from a "
        "store (--db FILE); to use files kept in a store, run 'speechkit ingest PATH --db FILE' "
        "first, then draft with --db FILE\n"
    )
    assert not db.exists()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("2027-04-10", "2027-02-30"),
            "Error: {p}:7: meeting.date: '2027-02-30' is not a real date (day is out of range "
            "for month); write an existing date as YYYY-MM-DD, e.g. 2027-04-10 / 第7行 "
            "meeting.date 日期不存在，应为 YYYY-MM-DD",
        ),
        (
            ("city: 青岚市", 'city: "青岚\\0市"'),
            "Error: {p}:2: city: contains the control character U+0000; remove it (often pasted "
            "from another program or written as an escape like \\x00) / 第2行 city 含有控制字符 "
            "U+0000，请删除",
        ),
        (
            ("  - 交通秩序综合治理", '  - "交通秩序\\x1b综合治理"'),
            "Error: {p}:{line}: priorities.{i}: contains the control character U+001B; remove it "
            "(often pasted from another program or written as an escape like \\x00) / "
            "第{line}行 priorities.{i} 含有控制字符 U+001B，请删除",
        ),
    ],
    ids=["impossible-date", "nul-in-city", "escape-in-list"],
)
def test_profile_values_that_used_to_give_tracebacks(
    runner: CliRunner, tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert edit[0] in text
    path = _profile(tmp_path, text.replace(edit[0], edit[1], 1))
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if edit[1] in t)
    result = runner.invoke(cli, ["draft", str(path)])
    assert result.exit_code == 1
    items = text.split("priorities:")[1].splitlines()[1:]
    i = next((n for n, t in enumerate(items) if edit[0] == t), 0)
    assert result.output == message.format(p=path, line=line, i=i) + "\n"


def test_very_long_city_name_keeps_text_and_cuts_only_properties(
    runner: CliRunner, tmp_path: Path
) -> None:
    import docx

    city = "青" * 300 + "市"
    path = _profile(tmp_path, GOOD.replace("city: 云溪区", f"city: {city}").replace("区委", "市委")
                    .replace("全国文明城区", "全国文明城市") + "level: 市\n")  # fmt: skip
    out = tmp_path / "long.docx"
    result = runner.invoke(cli, ["draft", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    assert city in document.paragraphs[0].text  # the title text is whole
    title = document.core_properties.title
    assert len(title) == 255 and title.endswith("…") and title[:-1] in document.paragraphs[0].text
