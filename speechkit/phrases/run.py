"""The library entry of ``speechkit phrases``: read the corpus, run one mode, draw the chart.

:func:`run_phrases` does what the command does, without printing: it checks the options that
can fail before the work (the period of ``--by``, the chart path), reads the corpus once into
shard files (:mod:`speechkit.phrases.shards`: file by file, or a batch of stored documents at a
time; this process keeps no speech's text), runs the ranking, the trends (``--by``), one
phrase's series (``--trend``) or the keyword-in-context lines (``--kwic``), draws the chart
when asked, and returns a :class:`PhrasesRun`: the results and the notes for stderr.
:mod:`speechkit.phrases.output` renders it as table, JSON or CSV.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from speechkit.corpus import Warn, iter_documents, open_corpus
from speechkit.model import Speech
from speechkit.phrases.genres import (
    assign_genres,
    genre_summary,
    load_genre_rules,
    read_genre_field,
)
from speechkit.phrases.kwic import KwicReport, kwic_report
from speechkit.phrases.pipeline import Phrase, PhraseConfig, extract_phrases
from speechkit.phrases.shards import SpeechShards
from speechkit.phrases.trends import (
    DatedIndex,
    Series,
    TrendReport,
    check_period,
    dated_summary,
    phrase_trend,
    phrase_trends,
)
from speechkit.store import Store
from speechkit.types import PathLike

__all__ = ["BAR_CHART_TOP", "Mode", "PhrasesRun", "run_phrases"]

Mode = Literal["ranking", "trends", "trend", "kwic"]

#: Phrases drawn in the bar chart of a plain ranking (``--plot`` without ``--by``).
BAR_CHART_TOP = 30


@dataclass
class PhrasesRun:
    """The result of one ``phrases`` run.

    Attributes:
        mode: ``ranking``, ``trends`` (``--by``), ``trend`` (``--trend``) or ``kwic``.
        phrases: The ranking (mode ``ranking``).
        report: The ranking with series, emerging and fading phrases (mode ``trends``).
        series: One phrase's series and the dated corpus it was counted in (mode ``trend``).
        dated: The dated corpus of ``series``.
        kwic: The occurrences of one phrase (mode ``kwic``).
        preface: Lines for stderr shown before the output (the summary of the dated corpus,
            the chart written: they say what the series are made of).
        notes: Lines for stderr shown after the output (empty results, what was left out).
        chart: The chart file written, if any.
    """

    mode: Mode
    phrases: list[Phrase] = field(default_factory=list)
    report: TrendReport | None = None
    series: Series | None = None
    dated: DatedIndex | None = None
    kwic: KwicReport | None = None
    preface: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    chart: Path | None = None


def run_phrases(
    paths: Sequence[PathLike] = (),
    *,
    db: PathLike | None = None,
    text_field: str = "text",
    date_field: str | None = None,
    config: PhraseConfig | None = None,
    kwic: str | None = None,
    by: str | None = None,
    trend: str | None = None,
    plot: PathLike | None = None,
    genre_rules: PathLike | None = None,
    genre_field: str | None = None,
    progress: bool = False,
    warn: Warn | None = None,
) -> PhrasesRun:
    """Run ``speechkit phrases``: one of the ranking, ``--by``, ``--trend`` or ``--kwic``.

    Args:
        paths: Files and folders (empty: the bundled corpus, or ``db`` alone).
        db: SQLite store to ingest into and read from.
        text_field: Field holding the text of .jsonl/.csv records.
        date_field: Field holding the date of .jsonl/.csv records.
        config: Ranking options (:class:`~speechkit.phrases.pipeline.PhraseConfig`).
        kwic: Show the occurrences of this phrase instead of the ranking.
        by: Period of the series (``year``, ``month``, ``Nyears``).
        trend: Show this phrase's series instead of the ranking (period ``by``, default year).
        plot: Also draw a chart here (.png/.svg/.pdf): bars of the ranking, or lines over
            the periods with ``by`` or ``trend``; not with ``kwic``.
        genre_rules: A ``genre<TAB>title keyword`` file (:mod:`speechkit.phrases.genres`)
            for ``config.genre``.
        genre_field: The .jsonl/.csv record field holding each record's genre, for
            ``config.genre`` (records without it: ``genre_rules`` and folders).
        progress: Show a progress bar on stderr while ingesting.
        warn: Receives one-line ingest warnings.

    Returns:
        The :class:`PhrasesRun`.

    Raises:
        ParameterError: A bad period.
        OutputError: The chart path cannot be written (checked before reading the corpus).
        InputError: Missing paths, no speech text, no dated speech for ``by``/``trend``, an
            unknown genre or a bad genre rules file.
    """
    config = config or PhraseConfig()
    if genre_rules is not None:
        config = replace(config, genre_rules=load_genre_rules(Path(genre_rules)))
    if plot is not None and kwic is None:
        from speechkit.render.plot import check_chart_path

        check_chart_path(plot)  # fail before the work, not after
    if by is not None or trend is not None:
        check_period(by or "year")  # a bad --by fails before reading the corpus
    with contextlib.ExitStack() as stack:
        # the corpus is read once, speech by speech, into shard files (a temporary folder
        # removed at the end, also on an error): this process keeps no speech's text
        store: Store | None = None
        if paths and db is None:
            documents = iter_documents(
                paths, text_field=text_field, progress=progress, warn=warn, date_field=date_field
            )
            speeches: Iterator[Speech] = (s for doc in documents for s in doc.speeches)
        else:
            corpus = stack.enter_context(
                open_corpus(
                    paths, db=db, text_field=text_field, progress=progress, warn=warn,
                    date_field=date_field,
                )
            )  # fmt: skip
            speeches, store = corpus.iter_speeches(), corpus.store
        shards = stack.enter_context(SpeechShards.written(speeches, size=config.shard_chars))
        # what the record files were when ingested: --genre-field reads them again
        ingested = (
            {
                source: store.file_sha256(source)
                for source in dict.fromkeys(
                    s.source for s in shards.speeches if s.record is not None
                )
            }
            if genre_field is not None and store is not None
            else None
        )
        return _run(
            shards, config, kwic=kwic, by=by, trend=trend, plot=plot, genre_field=genre_field,
            ingested=ingested,
        )  # fmt: skip


def _run(
    shards: SpeechShards,
    config: PhraseConfig,
    *,
    kwic: str | None,
    by: str | None,
    trend: str | None,
    plot: PathLike | None,
    genre_field: str | None,
    ingested: dict[str, str | None] | None,
) -> PhrasesRun:
    """:func:`run_phrases` once the corpus is in shards."""
    if trend is not None:
        series, dated = phrase_trend(shards, trend, by=by or "year")
        run = PhrasesRun("trend", series=series, dated=dated)
        run.preface.append(
            dated_summary(dated.periods, dated.period.label, dated.index.n_docs, dated.undated)
        )
        if not series.count:
            run.preface.append(
                f"{trend!r} never occurs in the dated speeches; its series is empty."
            )
        if plot is not None:
            from speechkit.phrases.plot import plot_series

            plot_series(series, dated.periods, plot)
            _chart_written(run, plot)
        return run
    if by is not None:
        report = phrase_trends(shards, by=by, config=config)
        run = PhrasesRun("trends", report=report, preface=[report.summary()])
        if plot is not None and report.phrases:
            from speechkit.phrases.plot import plot_report

            plot_report(report, plot)
            _chart_written(run, plot)
        return run
    if kwic is not None:
        found = kwic_report(shards, kwic)
        run = PhrasesRun("kwic", kwic=found)
        if not found.lines:
            run.notes.append(f"No occurrence of {kwic!r}.")
        note = found.note()
        if note is not None:
            run.notes.append(f"Note: {note}")
        return run
    genres = None
    if config.genre is not None:
        values = (
            read_genre_field(shards.speeches, genre_field, ingested=ingested)
            if genre_field is not None
            else None
        )
        genres = assign_genres(
            shards.speeches, config.genre_rules, field=genre_field, field_values=values
        )
    ranking = extract_phrases(shards, config=config, genres=genres)
    run = PhrasesRun("ranking", phrases=ranking)
    if genres is not None:
        run.notes.append(genre_summary(genres))
    if plot is not None and ranking:
        from speechkit.render.plot import bar_chart

        shown = ranking[:BAR_CHART_TOP]
        bar_chart(
            [p.phrase for p in shown],
            [p.score for p in shown],
            plot,
            title=f"关键提法（前 {len(shown)} 个）",
        )
        run.chart = Path(plot)
    if not ranking:
        run.notes.append("No phrase occurs in enough speeches; try --min-docs 1.")
    return run


def _chart_written(run: PhrasesRun, plot: PathLike) -> None:
    run.chart = Path(plot)
    run.preface.append(f"Chart written to {plot}")
