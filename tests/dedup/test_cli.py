"""``speechkit dedup`` through click's CliRunner."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.dedup.normalize import normalize


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_json_contract_on_bundled_corpus(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["dedup", "--level", "speech", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["clusters"]) == 2
    for cluster in data["clusters"]:
        assert 0.8 <= cluster["similarity"] <= 1.0
        for member in cluster["members"]:
            assert {"source", "record", "first_line", "last_line", "title"} <= member.keys()
            assert member["source"].startswith("corpus/")
            assert member["record"] is None
            assert member["first_line"] <= member["last_line"]
        assert cluster["members"][0]["similarity"] == 1.0  # the kept member first


def test_table_and_csv(runner: CliRunner) -> None:
    table = runner.invoke(cli, ["dedup"])
    assert table.exit_code == 0, table.output
    assert "group 1: 3 members" in table.output
    assert "corpus/000_d7c0b4b5b75140e8.txt:" in table.output
    assert table.output.rstrip().endswith(
        "2 groups of near-duplicates, 3 duplicates "
        "(threshold 0.8, keep longest); 3 marked in the store"
    )
    csv_out = runner.invoke(cli, ["dedup", "--format", "csv"])
    rows = csv_out.output.strip().splitlines()
    assert rows[0].startswith("group,group_similarity,kept,source")
    assert len(rows) == 1 + 5


@pytest.mark.parametrize("value", ["0", "1.5", "-0.2"])
def test_bad_threshold(runner: CliRunner, value: str) -> None:
    result = runner.invoke(cli, ["dedup", "--threshold", value])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: invalid threshold {float(value)!r}: expected a number in (0, 1], e.g. 0.8\n"
    )


def test_unknown_level(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["dedup", "--level", "sentence"])
    assert result.exit_code == 2
    assert "Error: Invalid value for '--level': 'sentence' is not one of" in result.output


def test_write_refuses_non_empty_folder(
    runner: CliRunner, tmp_path: Path, corpus_dir: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(cli, ["dedup", str(corpus_dir), "--write", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {out}: folder is not empty; choose a new folder or add --force to replace it\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # nothing else written
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_write_deduplicated_corpus(runner: CliRunner, tmp_path: Path, corpus_dir: Path) -> None:
    before = _hashes(corpus_dir)
    out = tmp_path / "dedup"
    result = runner.invoke(cli, ["dedup", str(corpus_dir), "--write", str(out)])
    assert result.exit_code == 0, result.output
    assert _hashes(corpus_dir) == before  # sources never touched
    files = sorted(out.rglob("*.txt"))
    assert len(files) == 5
    big = next(f for f in files if f.name.startswith("000_")).read_text(encoding="utf-8")
    assert big.count("临近年终，全市创文工作") == 1  # three copies, one kept
    assert [p.name for p in tmp_path.iterdir()] == ["dedup"]  # no temporary folder left
    again = runner.invoke(cli, ["dedup", str(corpus_dir), "--write", str(out), "--force"])
    assert again.exit_code == 0, again.output
    assert len(sorted(out.rglob("*.txt"))) == 5


def test_store_marks_duplicates(runner: CliRunner, tmp_path: Path, corpus_dir: Path) -> None:
    db = tmp_path / "s.db"
    result = runner.invoke(cli, ["dedup", str(corpus_dir), "--db", str(db), "--level", "speech"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    marked = conn.execute("SELECT id, duplicate_of FROM speeches WHERE duplicate_of IS NOT NULL")
    rows = marked.fetchall()
    assert len(rows) == 3
    total = conn.execute("SELECT count(*) FROM speeches").fetchone()[0]
    assert total == 24  # marked, not deleted
    para = runner.invoke(cli, ["dedup", "--db", str(db), "--level", "paragraph"])
    assert para.exit_code == 0, para.output
    marked_texts = [
        t for (t,) in conn.execute("SELECT text FROM paragraphs WHERE duplicate_of IS NOT NULL")
    ]
    # 40 with --min-chars 0; the 18 salutations and the short line under 20 characters are not.
    assert len(marked_texts) == 22
    assert all(len(normalize(t)) >= 20 for t in marked_texts)
    conn.close()


@pytest.mark.parametrize("value", ["-1", "-20"])
def test_bad_min_chars(runner: CliRunner, tmp_path: Path, corpus_dir: Path, value: str) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["dedup", str(corpus_dir), "--level", "paragraph", "--min-chars", value,
              "--write", str(out)],
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.output == f"Error: invalid min_chars {value}: expected an integer >= 0, e.g. 20\n"
    assert not out.exists()  # checked before anything is read or written


def test_min_chars_at_paragraph_level(runner: CliRunner) -> None:
    default = runner.invoke(cli, ["dedup", "--level", "paragraph", "--format", "json"])
    assert default.exit_code == 0, default.output
    data = json.loads(default.output)
    assert data["min_chars"] == 20 and data["level"] == "paragraph"
    titles = [m for c in data["clusters"] for m in c["members"]]
    assert titles and all(m["chars"] >= 20 for m in titles)
    everything = json.loads(
        runner.invoke(
            cli, ["dedup", "--level", "paragraph", "--format", "json", "--min-chars", "0"]
        ).output
    )
    assert everything["min_chars"] == 0
    assert len(everything["clusters"]) == len(data["clusters"]) + 3  # 同志们： and 2 more
    assert data["units"] == everything["units"]  # short units are still units
    table = runner.invoke(cli, ["dedup", "--level", "paragraph"])
    summary = table.output.rstrip().splitlines()[-1]
    assert summary.startswith(
        "360 paragraph units (40 shorter than 20 characters, not compared), "
        "17 groups of near-duplicates, 22 duplicates"
    )


def test_write_keeps_short_paragraphs(runner: CliRunner, tmp_path: Path, corpus_dir: Path) -> None:
    out = tmp_path / "dedup"
    result = runner.invoke(
        cli, ["dedup", str(corpus_dir), "--level", "paragraph", "--write", str(out)]
    )
    assert result.exit_code == 0, result.output

    def salutations(folder: Path) -> int:
        text = "\n".join(
            f.read_text(encoding="utf-8", errors="replace") for f in folder.rglob("*.txt")
        )
        return len(re.findall(r"^\s*同志们[:：]\s*$", text, flags=re.M))

    # Every salutation paragraph is written (not compared, so never a dropped duplicate)...
    assert salutations(out) == salutations(corpus_dir) > 10
    everything = tmp_path / "everything"
    result = runner.invoke(
        cli, ["dedup", str(corpus_dir), "--level", "paragraph", "--min-chars", "0",
              "--write", str(everything)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert salutations(everything) == 1  # compared: one kept for the whole group
    # ... while repeated long paragraphs are written once.
    big = next(out.rglob("000_*.txt")).read_text(encoding="utf-8")
    assert big.count("临近年终，全市创文工作") == 1
