"""Text renderings of a phrase ranking and of keyword-in-context lines: table and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from speechkit.display import display_width, fit
from speechkit.phrases.kwic import KwicLine
from speechkit.phrases.pipeline import Phrase

__all__ = ["format_csv", "format_kwic_csv", "format_table"]


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
