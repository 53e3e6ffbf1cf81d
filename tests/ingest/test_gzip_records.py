"""Gzip-compressed JSON Lines (.jsonl.gz) are read by ingestion, the store and every command."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.corpus import open_corpus

SPEECH = (
    "在全区创建全国文明城市工作会议上的讲话\n同志们：\n要扎实推进创建工作，营造浓厚氛围。\n谢谢大家！"
)


def _write(path: Path, records: list[dict[str, str]]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def test_ingest_reads_jsonl_gz_into_the_store(tmp_path: Path) -> None:
    shard = tmp_path / "shard-00.jsonl.gz"
    county = SPEECH.replace("全区", "全县")
    _write(shard, [{"text": SPEECH, "date": "2021-05-06"}, {"text": county}])
    result = CliRunner().invoke(
        cli, ["ingest", str(shard), "--db", str(tmp_path / "s.db"), "--date-field", "date"]
    )
    assert result.exit_code == 0, result.output
    with open_corpus(db=tmp_path / "s.db") as corpus:
        docs = corpus.documents
    assert [d.record for d in docs] == [0, 1]
    assert docs[0].date == "2021-05-06" and docs[1].date is None
    assert "扎实推进创建工作" in docs[0].text


def test_a_damaged_archive_keeps_its_earlier_records_and_says_where(tmp_path: Path) -> None:
    shard = tmp_path / "cut.jsonl.gz"
    # varied records, so that half of the archive holds many whole lines
    _write(shard, [{"text": SPEECH.replace("浓厚", f"浓厚{i:05d}")} for i in range(3000)])
    data = shard.read_bytes()
    shard.write_bytes(data[: len(data) // 2])  # a copy cut off half way
    result = CliRunner().invoke(cli, ["ingest", str(shard), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert f"{shard}:" in result.output and "damaged gzip data" in result.output
    with open_corpus(db=tmp_path / "s.db") as corpus:
        assert len(corpus.documents) >= 100


def test_other_archives_are_skipped_with_a_hint(tmp_path: Path) -> None:
    (tmp_path / "backup.tar.gz").write_bytes(gzip.compress(b"x"))
    (tmp_path / "ok.txt").write_text(SPEECH, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert "backup.tar.gz: unsupported file type '.gz'" in result.output
    assert "decompress" in result.output
