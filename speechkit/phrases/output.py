"""Renderings of a phrases run (ranking, trends, one series, keyword-in-context lines):
table, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from speechkit.display import display_width, fit
from speechkit.phrases.kwic import KwicLine, format_kwic
from speechkit.phrases.pipeline import Phrase
from speechkit.phrases.run import PhrasesRun
from speechkit.phrases.trends import Series, TrendReport, trend_json

__all__ = [
    "FORMATS",
    "format_csv",
    "format_kwic_csv",
    "format_series_table",
    "format_table",
    "format_trend_csv",
    "format_trend_table",
    "phrases_to_json",
    "render_run",
]

#: Output formats of :func:`render_run`.
FORMATS = ("table", "json", "csv")


def phrases_to_json(phrases: Sequence[Phrase]) -> dict[str, Any]:
    """The JSON contract: ``{"phrases": [{"phrase", "score", "count", "docs", "examples"}]}``."""
    return {"phrases": [p.to_dict() for p in phrases]}


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_run(run: PhrasesRun, fmt: str) -> str:
    """What ``speechkit phrases`` prints on stdout for ``run`` in ``fmt`` (table, json, csv).

    ``--trend`` has no CSV form: it prints its table. Empty results print nothing in the
    table format (the run's notes say why).
    """
    if run.mode == "trend":
        assert run.series is not None and run.dated is not None
        if fmt == "json":
            return _json(trend_json(run.series, run.dated))
        return format_series_table(run.series, run.dated.periods) + "\n"
    if run.mode == "trends":
        assert run.report is not None
        if fmt == "json":
            return _json(run.report.to_json())
        if fmt == "csv":
            return format_trend_csv(run.report)
        return format_trend_table(run.report) + "\n"
    if run.mode == "kwic":
        assert run.kwic is not None
        lines = run.kwic.lines
        if fmt == "json":
            return _json(run.kwic.to_json())
        if fmt == "csv":
            return format_kwic_csv(lines)
        return "\n".join(format_kwic(lines)) + "\n" if lines else ""
    if fmt == "json":
        return _json(phrases_to_json(run.phrases))
    if fmt == "csv":
        return format_csv(run.phrases)
    return format_table(run.phrases) + "\n" if run.phrases else ""


def _first_example(phrase: Phrase) -> str:
    first = phrase.examples[0] if phrase.examples else None
    return f"{first.source}:{first.line}" if first else ""


def format_table(phrases: Sequence[Phrase]) -> str:
    """One aligned row per phrase: rank, phrase, score, count, docs and the first example."""
    width = max([display_width("phrase"), *(display_width(p.phrase) for p in phrases)])
    header = f"{'#':>3}  {fit('phrase', width)}  {'score':>8}  {'count':>5}  {'docs':>4}  example"
    rows = [header]
    for rank, p in enumerate(phrases, start=1):
        pad = " " * (width - display_width(p.phrase))
        rows.append(
            f"{rank:>3}  {p.phrase}{pad}  {p.score:>8.1f}  {p.count:>5}  {p.docs:>4}  "
            f"{_first_example(p)}"
        )
    return "\n".join(rows)


def format_csv(phrases: Sequence[Phrase]) -> str:
    """CSV with a header row: phrase, score, count, docs, example (``source:line``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["phrase", "score", "count", "docs", "example"])
    for p in phrases:
        writer.writerow([p.phrase, f"{p.score:.2f}", p.count, p.docs, _first_example(p)])
    return out.getvalue()


def format_kwic_csv(lines: Sequence[KwicLine]) -> str:
    """CSV of keyword-in-context lines: source, line, left, match, right, record.

    ``record`` (last, so the older columns keep their places) is the .jsonl/.csv record
    index, empty for other files.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["source", "line", "left", "match", "right", "record"])
    writer.writerows(
        [k.source, k.line, k.left, k.match, k.right, "" if k.record is None else k.record]
        for k in lines
    )
    return out.getvalue()


def format_trend_table(report: TrendReport) -> str:
    """The ranking with first/peak/last period, then the emerging and fading phrases."""
    phrases = [p for p, _ in report.phrases]
    width = max([display_width("phrase"), *(display_width(p.phrase) for p in phrases)])
    rows = [
        f"{'#':>3}  {fit('phrase', width)}  {'score':>8}  {'count':>5}  {'docs':>4}  "
        f"{'first':<9}  {'peak':<9}  last"
    ]
    for rank, (p, s) in enumerate(report.phrases, start=1):
        pad = " " * (width - display_width(p.phrase))
        rows.append(
            f"{rank:>3}  {p.phrase}{pad}  {p.score:>8.1f}  {p.count:>5}  {p.docs:>4}  "
            f"{s.first or '-':<9}  {s.peak or '-':<9}  {s.last or '-'}"
        )
    for heading, items, key in (
        ("Emerging (first used in the last periods)", report.emerging, "first"),
        ("Fading (not used in the last periods)", report.fading, "last"),
    ):
        rows.append("")
        rows.append(f"{heading}:" if items else f"{heading}: none")
        for item in items:
            where = f"{key} {item[key]}" + (f", peak {item['peak']}" if "peak" in item else "")
            rows.append(
                f"  {item['phrase']}  ({where}; {item['per_million']:.1f} per million characters)"
            )
    return "\n".join(rows)


def format_trend_csv(report: TrendReport) -> str:
    """CSV: phrase, score, count, docs, first, peak, last, then one count column per period."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["phrase", "score", "count", "docs", "first", "peak", "last", *report.periods])
    for p, s in report.phrases:
        writer.writerow(
            [p.phrase, f"{p.score:.2f}", p.count, p.docs, s.first or "", s.peak or "", s.last or "",
             *(s.series.get(period, 0) for period in report.periods)]
        )  # fmt: skip
    return out.getvalue()


def format_series_table(series: Series, periods: Sequence[str]) -> str:
    """One phrase's series (``--trend``): period, count, per million characters."""
    rows = [f"{'period':<9}  {'count':>5}  {'per_million':>11}"]
    for period in periods:
        rows.append(
            f"{period:<9}  {series.series.get(period, 0):>5}  "
            f"{series.per_million.get(period, 0.0):>11.1f}"
        )
    rows.append(
        f"first {series.first or '-'}, peak {series.peak or '-'}, last {series.last or '-'}; "
        f"{series.count} occurrences in {series.docs} speeches"
    )
    return "\n".join(rows)
