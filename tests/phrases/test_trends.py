"""Phrases over time on a generated corpus whose planted 提法 have known first and last years
(tests/phrases/dated_corpus.py), and the CLI's --by / --trend / --plot contracts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.corpus import open_corpus
from speechkit.model import Speech
from speechkit.phrases.trends import phrase_trend, phrase_trends

from .dated_corpus import PLANTED, YEARS, write_dated_corpus

ALL_YEARS = [str(y) for y in YEARS]


@pytest.fixture(scope="module")
def dated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_dated_corpus(tmp_path_factory.mktemp("dated"))


@pytest.fixture(scope="module")
def dated_speeches(dated_dir: Path) -> list[Speech]:
    return open_corpus([dated_dir]).speeches()


def test_every_dating_route_is_used(dated_speeches: list[Speech]) -> None:
    sources = [s.date_source for s in dated_speeches]
    assert {x: sources.count(x) for x in set(sources)} == {
        "dateline": 12, "title": 12, "filename": 12, None: 2,
    }  # fmt: skip


@pytest.mark.parametrize("phrase", sorted(PLANTED))
def test_planted_first_and_last_years(dated_speeches: list[Speech], phrase: str) -> None:
    first, last = PLANTED[phrase]
    series, dated = phrase_trend(dated_speeches, phrase)
    assert (series.first, series.last) == (str(first), str(last))
    assert dated.periods == ALL_YEARS and dated.undated == 2
    # three speeches a year, each with the planted number of uses (dated_corpus.py)
    assert set(series.series) == {str(y) for y in range(first, last + 1)}


def test_counts_and_peak_of_a_rising_then_steady_phrase(dated_speeches: list[Speech]) -> None:
    series, dated = phrase_trend(dated_speeches, "供给侧结构性改革")
    assert (series.series["2016"], series.series["2017"], series.series["2018"]) == (3, 6, 12)
    assert series.peak == "2018"
    rate = 1e6 * series.series["2018"] / dated.chars["2018"]
    assert series.per_million["2018"] == round(rate, 1)


def test_emerging_and_fading(dated_speeches: list[Speech]) -> None:
    report = phrase_trends(dated_speeches, by="year")
    assert report.periods == ALL_YEARS and report.undated == 2
    # window: the last ceil(12 / 5) = 3 periods
    assert report.emerging[0]["phrase"] == "新质生产力"
    assert report.emerging[0]["first"] == "2024"
    assert all(e["first"] in {"2023", "2024", "2025"} for e in report.emerging)
    emerging = {e["phrase"] for e in report.emerging}
    assert not emerging & {"供给侧结构性改革", "高质量发展", "四个现代化"}
    assert report.fading and all(f["last"] <= "2022" for f in report.fading)
    assert (report.fading[0]["phrase"], report.fading[0]["last"]) == ("四个现代化", "2017")
    assert not {f["phrase"] for f in report.fading} & {"供给侧结构性改革", "新质生产力"}
    first = {p.phrase: s.first for p, s in report.phrases}
    assert first.get("高质量发展", "2018") == "2018"


def test_five_year_periods(dated_speeches: list[Speech]) -> None:
    series, dated = phrase_trend(dated_speeches, "新质生产力", by="5years")
    assert dated.periods == ["2010-2014", "2015-2019", "2020-2024", "2025-2029"]
    assert (series.first, series.last) == ("2020-2024", "2025-2029")


def test_by_month_uses_only_dates_to_the_month(dated_speeches: list[Speech]) -> None:
    _series, dated = phrase_trend(dated_speeches, "新质生产力", by="month")
    assert dated.undated == 26  # only the 12 datelines give a month
    assert dated.periods[0] == "2014-03" and dated.periods[-1] == "2025-03"


# --- CLI --------------------------------------------------------------------------


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_cli_json_shape(runner: CliRunner, dated_dir: Path) -> None:
    result = runner.invoke(
        cli, ["phrases", str(dated_dir), "--by", "year", "--top", "5", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data)[:4] == ["periods", "phrases", "emerging", "fading"]
    assert data["periods"] == ALL_YEARS and data["undated"] == 2
    assert len(data["phrases"]) == 5
    for item in data["phrases"]:
        assert list(item)[:4] == ["phrase", "score", "count", "docs"]
        assert {"series", "per_million", "first", "peak", "last", "examples"} <= item.keys()
        assert set(item["series"]) == set(item["per_million"]) <= set(ALL_YEARS)
    assert set(data["emerging"][0]) >= {"phrase", "first", "per_million"}
    assert set(data["fading"][0]) >= {"phrase", "last", "peak"}
    assert "36 of 38 speeches dated, 2 undated" in result.stderr


def test_cli_trend_table_and_never_occurring_phrase(runner: CliRunner, dated_dir: Path) -> None:
    result = runner.invoke(cli, ["phrases", str(dated_dir), "--trend", "四个现代化"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["period", "count", "per_million"]
    assert lines[1].split()[:2] == ["2014", "6"] and lines[5].split()[:2] == ["2018", "0"]
    missing = runner.invoke(
        cli, ["phrases", str(dated_dir), "--trend", "从未出现的提法", "--format", "json"]
    )
    assert missing.exit_code == 0
    data = json.loads(missing.stdout)
    assert (data["series"], data["first"], data["count"]) == ({}, None, 0)
    assert "'从未出现的提法' never occurs in the dated speeches" in missing.stderr


def test_cli_plot_lines(runner: CliRunner, dated_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "trends.png"
    result = runner.invoke(
        cli, ["phrases", str(dated_dir), "--by", "year", "--top", "5", "--plot", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    one = tmp_path / "one.svg"
    result = runner.invoke(
        cli, ["phrases", str(dated_dir), "--trend", "新质生产力", "--plot", str(one)]
    )
    assert result.exit_code == 0, result.output
    assert "<svg" in one.read_text("utf-8")


def test_trend_chart_font_covers_every_label(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from speechkit.phrases.plot import trend_chart
    from speechkit.render.plot import font_covers

    font = trend_chart(["2023", "2024"], [("新质生产力", [0.0, 95.0])], tmp_path / "t.svg")
    assert font_covers(font, "新质生产力每百万字出现次数")


def test_cli_by_without_dates(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("同志们：\n要建立健全长效机制。\n", encoding="utf-8")
    result = runner.invoke(cli, ["phrases", str(tmp_path), "--by", "year"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no speech has a date; give dates with --date-field")


def test_cli_bad_period_and_conflicting_options(runner: CliRunner) -> None:
    bad = runner.invoke(cli, ["phrases", "--by", "decade"])
    assert bad.exit_code == 1
    assert bad.output == (
        "Error: invalid --by 'decade': expected year, month or Nyears (e.g. 5years)\n"
    )
    both = runner.invoke(cli, ["phrases", "--kwic", "长效机制", "--trend", "长效机制"])
    assert both.exit_code == 2
    assert "Error: --kwic shows occurrences; give it without --trend and --by" in both.output
    with_by = runner.invoke(cli, ["phrases", "--kwic", "长效机制", "--by", "year"])
    assert with_by.exit_code == 2


def test_cli_date_field_missing_from_some_records(runner: CliRunner, tmp_path: Path) -> None:
    rows = [
        {"date": "2019-03-01", "text": "同志们：\n要建立健全长效机制，做到齐抓共管。"},
        {"text": "同志们：\n完善长效机制，形成齐抓共管格局。"},
        {"date": "2020-05-01", "text": "同志们：\n健全长效机制，坚持齐抓共管。"},
    ]
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    result = runner.invoke(
        cli,
        ["phrases", str(path), "--date-field", "date", "--trend", "长效机制", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["series"], data["undated"]) == ({"2019": 1, "2020": 1}, 1)
    assert "2 of 3 speeches dated, 1 undated" in result.stderr


def test_cli_csv_has_a_column_per_period(runner: CliRunner, dated_dir: Path) -> None:
    result = runner.invoke(
        cli, ["phrases", str(dated_dir), "--by", "5years", "--top", "3", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split(",") == [
        "phrase", "score", "count", "docs", "first", "peak", "last",
        "2010-2014", "2015-2019", "2020-2024", "2025-2029",
    ]  # fmt: skip
    for row in rows:
        cells = row.split(",")
        assert sum(int(c) for c in cells[7:]) <= int(cells[2])  # undated speeches count too
