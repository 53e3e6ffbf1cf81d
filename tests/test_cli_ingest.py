"""CLI: ingest, search, structure — exit codes and exact Error: messages."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.types import ROLES

SPEECH = """在全区创建工作会议上的讲话
同志们：
今天，我们召开全区创建全国文明城市工作会议。
谢谢大家！
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "范文"
    root.mkdir()
    (root / "a.txt").write_text(SPEECH, encoding="utf-8")
    (root / "b.html").write_text(f"<p>{SPEECH}</p>".replace("\n", "</p><p>"), encoding="utf-8")
    return root


def test_every_command_has_help_text(runner: CliRunner) -> None:
    assert cli.commands
    for name, command in cli.commands.items():
        assert command.help and command.help.strip(), f"{name} has no help text"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.output
        if isinstance(command, click.Command) and not isinstance(command, click.Group):
            assert "Example" in result.output, f"{name} help has no example"


def test_ingest_prints_summary_and_is_idempotent(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    result = runner.invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2 files read (0 unchanged, 0 skipped): 2 documents, ")
    assert result.output.rstrip().endswith(f"into {db}")
    again = runner.invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert again.exit_code == 0
    assert again.output.startswith("0 files read (2 unchanged, 0 skipped): 0 documents, ")


def test_ingest_warns_on_stderr_about_skipped_files(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = runner.invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"Warning: {folder.as_posix()}/scan.pdf: unsupported file type '.pdf'; skipped "
        "(convert it to .txt)",
        f"Warning: {folder.as_posix()}/empty.txt: empty file; skipped",
    ]
    assert result.stdout.startswith("2 files read (0 unchanged, 1 skipped)")


def test_ingest_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = runner.invoke(cli, ["ingest", str(missing), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 1
    assert result.output == f"Error: {missing}: no such file or folder; check the path\n"
    assert not (tmp_path / "c.db").exists()


def test_ingest_folder_with_nothing_readable(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    db = tmp_path / "c.db"
    result = runner.invoke(cli, ["ingest", str(empty), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: {empty}: nothing readable (no non-empty .txt, .md, .docx, .html, .jsonl or "
        ".csv file); check the path"
    )
    assert "Traceback" not in result.output
    assert not db.exists()


def test_ingest_corrupt_db(runner: CliRunner, folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 1000)
    result = runner.invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {db}: not a valid SQLite database (file is not a database); "
        f"choose another --db or remove {db}\n"
    )
    assert db.read_bytes() == b"garbage" * 1000


def test_ingest_without_path_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["ingest"])
    assert result.exit_code == 2
    assert "Error: give at least one PATH (a file or folder) to ingest" in result.output


def test_ingest_default_db_in_current_folder(
    runner: CliRunner, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    result = runner.invoke(cli, ["ingest", str(folder / "a.txt")])
    assert result.exit_code == 0
    assert result.output.rstrip().endswith("into speechkit.db")
    assert (tmp_path / "work" / "speechkit.db").is_file()
    # ingesting the current folder does not read (or warn about) its own database
    (tmp_path / "work" / "b.txt").write_text(SPEECH, encoding="utf-8")
    again = runner.invoke(cli, ["ingest", "."])
    assert again.exit_code == 0
    assert again.stderr == ""
    assert again.stdout.startswith("1 file read (0 unchanged, 0 skipped)")


def test_search_prints_kwic_with_source_line(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    runner.invoke(cli, ["ingest", str(folder / "a.txt"), "--db", str(db)])
    result = runner.invoke(cli, ["search", "文明城市", "--db", str(db), "--width", "6"])
    assert result.exit_code == 0
    assert result.output == f"{folder / 'a.txt'}:3  全区创建全国【文明城市】工作会议。\n"


def test_search_bundled_corpus_by_default(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["search", "文明城市", "--limit", "3"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 3
    assert all(line.startswith("corpus/") and "【文明城市】" in line for line in lines)


def test_search_missing_db(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    result = runner.invoke(cli, ["search", "x", "--db", str(db)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {db}: no such database; create it with: speechkit ingest PATH --db {db}\n"
    )


def test_structure_json_contract(runner: CliRunner, folder: Path) -> None:
    result = runner.invoke(cli, ["structure", str(folder / "a.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    speech = report["speeches"][0]
    assert speech["id"] == 1
    assert speech["source"] == str(folder / "a.txt")
    assert {"first_line", "last_line", "title", "paragraphs"} <= speech.keys()
    paragraph = speech["paragraphs"][0]
    assert {"line", "role", "heading", "text"} <= paragraph.keys()
    assert all(p["role"] is None or p["role"] in ROLES for p in speech["paragraphs"])
    assert any("文明城市" in p["text"] for p in speech["paragraphs"])


def test_structure_bundled_table(runner: CliRunner, seed_files: list[Path]) -> None:
    result = runner.invoke(cli, ["structure"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["id", "title", "source:lines", "paragraphs"]
    assert all(f"corpus/{p.name}:" in result.output for p in seed_files)
    assert lines[1].split()[0] == "1"


def test_structure_with_db_reads_the_store(runner: CliRunner, folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    result = runner.invoke(cli, ["structure", str(folder), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0
    from_db = runner.invoke(cli, ["structure", "--db", str(db), "--format", "json"])
    assert json.loads(from_db.output) == json.loads(result.output)


def test_structure_jsonl_with_text_field(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "speeches.jsonl"
    path.write_text(
        json.dumps({"body": SPEECH}, ensure_ascii=False)
        + "\n"
        + json.dumps({"body": SPEECH.replace("全区", "全县")}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        cli, ["structure", str(path), "--text-field", "body", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    speeches = json.loads(result.stdout)["speeches"]
    assert [(s["source"], s["record"]) for s in speeches] == [(str(path), 0), (str(path), 1)]
    missing = runner.invoke(cli, ["structure", str(path), "--format", "json"])
    assert missing.exit_code == 1
    assert missing.stderr.splitlines()[-1] == (
        f"Error: {path}: nothing readable (no non-empty .txt, .md, .docx, .html, .jsonl or "
        ".csv file); check the path"
    )


def test_search_shows_the_record_index_of_jsonl(runner: CliRunner, tmp_path: Path) -> None:
    records = [
        {"text": "同志们：\n今天开会，部署垃圾分类工作。"},
        {"text": "同志们：\n要建立健全长效机制，形成齐抓共管的工作格局。"},
    ]
    path = tmp_path / "r.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    db = tmp_path / "s.db"
    assert runner.invoke(cli, ["ingest", str(path), "--db", str(db)]).exit_code == 0
    result = runner.invoke(cli, ["search", "长效机制", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.split()[0] == f"{path}#1:2"
