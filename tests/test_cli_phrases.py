"""`speechkit phrases`: output contracts and bad input (exact Error: text)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_json_contract(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["phrases", "--top", "5", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["phrases"] and len(data["phrases"]) == 5
    for item in data["phrases"]:
        # the fields in order; ``variants`` (word-order variants merged) is an added field
        assert list(item) == ["phrase", "score", "count", "docs", "examples", "variants"]
        assert all(isinstance(v, str) and v != item["phrase"] for v in item["variants"])
        assert isinstance(item["score"], float) and item["count"] >= item["docs"] >= 2
        for example in item["examples"]:
            assert list(example) == ["source", "line", "context"]
            assert example["source"].startswith("corpus/") and example["line"] >= 1
            assert item["phrase"] in example["context"]


def test_table_and_csv(runner: CliRunner) -> None:
    table = runner.invoke(cli, ["phrases", "--top", "3"])
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split()[:5] == ["#", "phrase", "score", "count", "docs"]
    assert len(table.stdout.splitlines()) == 4
    csv_out = runner.invoke(cli, ["phrases", "--top", "3", "--format", "csv"])
    assert csv_out.stdout.splitlines()[0] == "phrase,score,count,docs,example"


def test_kwic_prints_source_line(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["phrases", "--kwic", "长效机制"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) >= 10
    assert all("【长效机制】" in line and ".txt:" in line.split()[0] for line in lines)


def test_paths_and_min_docs(runner: CliRunner, tmp_path: Path) -> None:
    for i, text in enumerate(
        ["同志们：要建立健全长效机制，做到齐抓共管。", "同志们：完善长效机制，形成齐抓共管的格局。"]
    ):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["phrases", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    names = [p["phrase"] for p in json.loads(result.stdout)["phrases"]]
    assert "长效机制" in names and "齐抓共管" in names


@pytest.mark.plot
def test_plot_writes_png(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "phrases.png"
    result = runner.invoke(cli, ["phrases", "--top", "10", "--plot", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p.name for p in tmp_path.iterdir()] == ["phrases.png"]


def test_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = runner.invoke(cli, ["phrases", str(missing)])
    assert result.exit_code == 1
    assert result.output == f"Error: {missing}: no such file or folder; check the path\n"


def test_folder_with_nothing_readable(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(cli, ["phrases", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"Error: {tmp_path}: nothing readable (no non-empty .txt, .md, .docx, .html, .jsonl "
        "or .csv file); check the path"
    )


def test_top_zero(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["phrases", "--top", "0"])
    assert result.exit_code == 2
    assert "Error: Invalid value for '--top': 0 is not in the range x>=1." in result.output


@pytest.mark.plot
def test_unwritable_plot_path_fails_before_work(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "no-such-dir" / "p.png"
    result = runner.invoke(cli, ["phrases", "--plot", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {out}: folder {out.parent} does not exist; create it or choose another path\n"
    )
    assert not out.parent.exists()


@pytest.mark.plot
@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = runner.invoke(cli, ["phrases", "--plot", str(folder / "p.png")])
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: {folder / 'p.png'}: cannot write in {folder}; choose a writable path\n"
    )
    assert list(folder.iterdir()) == []


@pytest.mark.plot
def test_bad_image_type(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "p.txt"
    result = runner.invoke(cli, ["phrases", "--plot", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {out}: unsupported image type 'txt'; use .png, .svg, .pdf or .jpg\n"
    )


def test_kwic_shows_record_index_and_counts_repeats_left_out(
    runner: CliRunner, tmp_path: Path
) -> None:
    import json as json_module

    body = "同志们：\n今天开会，我们要建立健全长效机制，形成齐抓共管的工作格局。\n谢谢大家！"
    other = "同志们：\n要完善长效机制，巩固创建成果，让群众有更多获得感。\n谢谢大家！"
    records = [{"text": body}, {"text": other}, {"text": body}]  # record 2 repeats record 0
    path = tmp_path / "r.jsonl"
    path.write_text(
        "".join(json_module.dumps(r, ensure_ascii=False) + "\n" for r in records),
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["phrases", str(path), "--kwic", "长效机制"])
    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.stdout.splitlines()] == [
        f"{path}#0:2",
        f"{path}#1:2",
    ]
    assert result.stderr == (
        "Note: 1 occurrence in 1 repeated speech left out "
        "(a speech repeated verbatim or nearly so is shown once)\n"
    )
    as_json = json_module.loads(
        runner.invoke(cli, ["phrases", str(path), "--kwic", "长效机制", "--format", "json"]).stdout
    )
    assert [k["record"] for k in as_json["kwic"]] == [0, 1]
    assert as_json["left_out"] == {"occurrences": 1, "speeches": 1}
    as_csv = runner.invoke(cli, ["phrases", str(path), "--kwic", "长效机制", "--format", "csv"])
    assert as_csv.stdout.splitlines()[0] == "source,line,left,match,right,record"
    assert [row.rsplit(",", 1)[1] for row in as_csv.stdout.splitlines()[1:]] == ["0", "1"]
