"""Date provenance: --date-field for records, datelines and titles, file names; the store
and ``structure --format json`` carry ``date``/``date_source``/``speaker``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.corpus import open_corpus
from speechkit.dates import Period, parse_date, period_of, periods_between
from speechkit.errors import InputError
from speechkit.store import Store

SPEECH = "同志们：\n今天召开全市创建全国文明城市动员大会，动员全市上下打好创城攻坚战。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-07-01", "2016-07-01"),
        ("2016.7.1", "2016-07-01"),
        ("2016/07", "2016-07"),
        ("2016", "2016"),
        ("2016年7月1日", "2016-07-01"),
        ("二〇一六年七月一日", "2016-07-01"),
        ("2016年十二月三十一日", "2016-12-31"),
        ("2016-07-01T08:00:00+08:00", "2016-07-01"),
        ("2016-13-01", None),
        ("2015-02-29", None),
        ("1850", None),
        ("七月一日", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_periods_cover_every_year_between() -> None:
    period = Period("years", 10)
    assert [period_of(d, period) for d in ("1979", "1988-02", "1990-01-01")] == [
        "1970-1979", "1980-1989", "1990-1999",
    ]  # fmt: skip
    assert periods_between("1970-1979", "1990-1999", period) == [
        "1970-1979", "1980-1989", "1990-1999",
    ]  # fmt: skip


def _records(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "speeches.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    return path


def test_date_field_dates_records_and_missing_ones_are_undated(tmp_path: Path) -> None:
    path = _records(
        tmp_path,
        [
            {"date": "2016-03-05", "text": SPEECH},
            {"text": SPEECH + "一"},  # no date field: undated
            {"date": "", "text": SPEECH + "二"},  # empty: undated
            {"date": 2019, "text": "（2018年5月6日）\n" + SPEECH + "三"},  # the field wins
        ],
    )
    corpus = open_corpus([path], date_field="date")
    got = [(s.record, s.date, s.date_source) for s in corpus.speeches()]
    assert got == [
        (0, "2016-03-05", "field"), (1, None, None), (2, None, None), (3, "2019", "field"),
    ]  # fmt: skip


def test_unparseable_date_names_file_and_record(tmp_path: Path) -> None:
    path = _records(
        tmp_path, [{"date": "2016-01-02", "text": SPEECH}, {"date": "上周", "text": SPEECH}]
    )
    with pytest.raises(InputError, match=r"speeches.jsonl:2: record 1: date '上周' is not a date"):
        open_corpus([path], date_field="date")


def test_csv_date_column(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(f'date,text\n2020年5月,"{SPEECH}"\n,"{SPEECH}二"\n', encoding="utf-8")
    speeches = open_corpus([path], date_field="date").speeches()
    assert [(s.date, s.date_source) for s in speeches] == [("2020-05", "field"), (None, None)]


def test_file_name_year_fills_a_gap_only(tmp_path: Path) -> None:
    (tmp_path / "2017年讲话.txt").write_text("在全县大会上的讲话\n" + SPEECH, encoding="utf-8")
    (tmp_path / "2017_b.txt").write_text(
        "在全县大会上的讲话\n（2016年9月1日）\n" + SPEECH, encoding="utf-8"
    )
    speeches = open_corpus([tmp_path]).speeches()
    assert sorted((s.source.rsplit("/", 1)[-1], s.date, s.date_source) for s in speeches) == [
        ("2017_b.txt", "2016-09-01", "dateline"),
        ("2017年讲话.txt", "2017", "filename"),
    ]


def test_store_keeps_date_and_speaker(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("在全市大会上的讲话\n（2023年5月6日）\n市委书记  张建国\n" + SPEECH, "utf-8")
    db = tmp_path / "s.db"
    with open_corpus([src], db=db) as corpus:
        [speech] = corpus.speeches()
    assert (speech.date, speech.date_source, speech.speaker) == (
        "2023-05-06", "dateline", "市委书记 张建国",
    )  # fmt: skip
    assert speech.paragraphs[0].text == "同志们："


def test_older_store_gains_the_columns(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    Store(db).close()
    conn = sqlite3.connect(db)  # a database written before the columns existed
    for table, column in [("speeches", "speaker"), ("speeches", "date"), ("documents", "date")]:
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.commit()
    conn.close()
    src = tmp_path / "a.txt"
    src.write_text("在全市大会上的讲话\n县长 李明华\n" + SPEECH, "utf-8")
    with open_corpus([src], db=db) as corpus:
        assert [s.speaker for s in corpus.speeches()] == ["县长 李明华"]


def test_structure_json_has_date_and_speaker(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("在全市大会上的讲话\n（2023年5月6日）\n市委书记  张建国\n" + SPEECH, "utf-8")
    result = CliRunner().invoke(cli, ["structure", str(src), "--format", "json"])
    assert result.exit_code == 0, result.output
    [speech] = json.loads(result.output)["speeches"]
    assert (speech["date"], speech["date_source"], speech["speaker"]) == (
        "2023-05-06", "dateline", "市委书记 张建国",
    )  # fmt: skip
    assert speech["paragraphs"][0]["text"] == "同志们："


def test_ingest_date_field_error_exits_without_traceback(tmp_path: Path) -> None:
    path = _records(tmp_path, [{"when": "someday", "text": SPEECH}])
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "--date-field", "when"])
    assert result.exit_code == 1
    assert "record 0: when 'someday' is not a date" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not db.exists()  # a failing run leaves no half-written store


def test_ingest_summary_counts_records_without_the_date_field(tmp_path: Path) -> None:
    path = _records(
        tmp_path,
        [{"date": "2016-03-05", "text": SPEECH}, {"text": SPEECH + "一"}, {"text": SPEECH + "二"}],
    )
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "--date-field", "date"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("; 2 of 3 records without date (undated)")
