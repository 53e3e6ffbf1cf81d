"""Phrases over time: per-period series, when a 提法 appeared, peaked and faded.

Each distinct speech (a repeated speech counts once, as in the ranking) falls in the
period of its ``date`` (:mod:`speechkit.dates`: ``--date-field``, dateline, title year or
file name); a speech without a date, or with only a year when grouping by month, is
*undated* and counts in no period. For a phrase and a period:

- ``series[p]``: occurrences in the period's speeches (non-overlapping, as ``count``);
- ``per_million[p]``: occurrences per million characters of the period's text, so that
  a period with more speeches does not look like a rise;
- ``first`` / ``last``: the first and last period with an occurrence; ``peak``: the
  period with the highest ``per_million`` (the earliest on a tie).

Periods run from the first to the last dated period without gaps (a period with no
speech is listed, with no counts). The *recent window* is the last
``max(1, ceil(len(periods) / 5))`` periods. **Emerging** phrases occur in the recent
window and never before it (there must be dated text before it), ranked by their
``per_million`` over the window; **fading** phrases occur before the window and never in
it, ranked by their peak ``per_million``. Candidates for both are the ranking's phrases
(up to :data:`POOL` of them), not only the ``top_n`` shown.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from speechkit.dates import Period, parse_period, period_of, periods_between
from speechkit.errors import InputError, ParameterError
from speechkit.model import Speech
from speechkit.phrases.counting import SHARD_CHARS
from speechkit.phrases.pipeline import Phrase, PhraseConfig, rank_phrases, text_index
from speechkit.phrases.shards import SpeechShards, opened
from speechkit.phrases.texts import DocCounts, TextIndex

__all__ = [
    "POOL",
    "DatedIndex",
    "Series",
    "TrendReport",
    "check_period",
    "dated_summary",
    "phrase_trend",
    "phrase_trends",
    "trend_json",
]

#: Phrases of the ranking searched for emerging and fading ones.
POOL = 200

#: How to give dates, for the error on a corpus without any.
DATE_HINT = (
    "give dates with --date-field FIELD for .jsonl/.csv records, a dateline such as "
    "（2023年5月6日） under each speech's title, a year in the title (在2020年…会议上) "
    "or in each file name (2019年….txt)"
)


@dataclass(frozen=True, slots=True)
class Series:
    """One phrase's use over the periods (only periods where it occurs are keys).

    Attributes:
        phrase: The phrase.
        series: Occurrences per period.
        per_million: Occurrences per million characters of the period's text (1 decimal).
        first: First period with an occurrence (``None`` if it never occurs in dated text).
        peak: Period with the highest ``per_million``.
        last: Last period with an occurrence.
        count: Occurrences in dated speeches.
        docs: Dated speeches containing it.
    """

    phrase: str
    series: dict[str, int]
    per_million: dict[str, float]
    first: str | None
    peak: str | None
    last: str | None
    count: int
    docs: int

    def to_dict(self) -> dict[str, Any]:
        """``series``, ``per_million``, ``first``, ``peak``, ``last`` (the issue's fields)."""
        return {
            "series": self.series,
            "per_million": self.per_million,
            "first": self.first,
            "peak": self.peak,
            "last": self.last,
        }


class DatedIndex:
    """A :class:`TextIndex` whose speeches are grouped into periods.

    Args:
        index: The distinct speeches' text.
        period: How dates are grouped.

    Raises:
        InputError: If no speech has a date usable for ``period``.
    """

    def __init__(self, index: TextIndex, period: Period) -> None:
        self.index = index
        self.period = period
        self.doc_period: list[str | None] = [
            period_of(speech.date, period) for speech in index.speeches
        ]
        self.undated = sum(p is None for p in self.doc_period)
        dated = sorted({p for p in self.doc_period if p is not None})
        if not dated:
            coarse = period.unit == "month" and any(s.date for s in index.speeches)
            why = (
                "no speech has a date to the month (only years); use --by year"
                if coarse
                else f"no speech has a date; {DATE_HINT}"
            )
            raise InputError(why)
        self.periods = periods_between(dated[0], dated[-1], period)
        self.chars: Counter[str] = Counter()
        for label, chars in zip(self.doc_period, index.doc_chars(), strict=True):
            if label is not None and chars:
                self.chars[label] += chars

    def series(self, phrase: str) -> Series:
        """Occurrences of ``phrase`` per period (exact substring matches)."""
        return self.series_of([phrase])[0]

    def series_of(self, phrases: Sequence[str]) -> list[Series]:
        """:meth:`series` of each phrase, counted in one pass over the paragraphs
        (:meth:`TextIndex.occurrences`: per-speech counts, not every offset)."""
        return [
            self._series(phrase, found.per_doc)
            for phrase, found in zip(phrases, self.index.occurrences(phrases, limit=0), strict=True)
        ]

    def _series(self, phrase: str, per_doc: DocCounts) -> Series:
        counts: Counter[str] = Counter()
        docs = 0
        for doc, hits in per_doc.pairs().items():
            label = self.doc_period[doc]
            if label is not None:
                counts[label] += hits
                docs += 1
        ordered = [p for p in self.periods if counts[p]]
        series = {p: counts[p] for p in ordered}
        rates = {p: round(1e6 * counts[p] / self.chars[p], 1) for p in ordered}
        peak = max(ordered, key=lambda p: (rates[p], -ordered.index(p))) if ordered else None
        return Series(
            phrase,
            series,
            rates,
            ordered[0] if ordered else None,
            peak,
            ordered[-1] if ordered else None,
            sum(series.values()),
            docs,
        )

    def recent(self) -> list[str]:
        """The recent window: the last ``max(1, ceil(len(periods) / 5))`` periods."""
        size = max(1, math.ceil(len(self.periods) / 5))
        return self.periods[-size:]

    def rate(self, series: Series, periods: Sequence[str]) -> float:
        """Occurrences per million characters over several periods together."""
        chars = sum(self.chars[p] for p in periods)
        hits = sum(series.series.get(p, 0) for p in periods)
        return round(1e6 * hits / chars, 1) if chars else 0.0


@dataclass(slots=True)
class TrendReport:
    """The ranking with a series per phrase, and the emerging and fading phrases.

    Attributes:
        by: The period option (``year``, ``month``, ``5years``).
        periods: Every period from the first to the last dated one.
        phrases: The top phrases with their series.
        emerging: ``{"phrase", "first", "per_million", "count"}``, strongest first.
        fading: ``{"phrase", "last", "peak", "per_million", "count"}``, strongest first.
        speeches: Distinct speeches read.
        undated: Distinct speeches without a date for this period unit (in no period).
    """

    by: str
    periods: list[str]
    phrases: list[tuple[Phrase, Series]]
    emerging: list[dict[str, Any]] = field(default_factory=list)
    fading: list[dict[str, Any]] = field(default_factory=list)
    speeches: int = 0
    undated: int = 0

    def to_json(self) -> dict[str, Any]:
        """The issue's shape: periods, phrases (ranking fields + series), emerging, fading;
        added: ``by``, ``speeches``, ``undated``."""
        return {
            "periods": self.periods,
            "phrases": [phrase.to_dict() | series.to_dict() for phrase, series in self.phrases],
            "emerging": self.emerging,
            "fading": self.fading,
            "by": self.by,
            "speeches": self.speeches,
            "undated": self.undated,
        }

    def summary(self) -> str:
        """One line for people: periods and undated speeches.

        Examples:
            >>> TrendReport("year", ["2019", "2020"], [], speeches=9, undated=2).summary()
            '2 periods (2019 to 2020) by year; 7 of 9 speeches dated, 2 undated (in no period)'
        """
        return dated_summary(self.periods, self.by, self.speeches, self.undated)


def dated_summary(periods: Sequence[str], by: str, speeches: int, undated: int) -> str:
    """``12 periods (2014 to 2025) by year; 36 of 38 speeches dated, 2 undated (in no period)``."""
    return (
        f"{len(periods)} period{'s' if len(periods) != 1 else ''} "
        f"({periods[0]} to {periods[-1]}) by {by}; "
        f"{speeches - undated} of {speeches} speeches dated, {undated} undated (in no period)"
    )


def check_period(by: str | Period) -> Period:
    """The :class:`Period` of a ``--by`` value.

    Raises:
        ParameterError: For anything but ``year``, ``month`` or ``Nyears``.

    Examples:
        >>> check_period("10years").label
        '10years'
    """
    if isinstance(by, Period):
        return by
    try:
        return parse_period(by)
    except ValueError as exc:
        raise ParameterError("--by", by, "year, month or Nyears (e.g. 5years)") from exc


def phrase_trends(
    speeches: Iterable[Speech] | SpeechShards,
    *,
    by: str | Period = "year",
    config: PhraseConfig | None = None,
    emerging: int = 10,
) -> TrendReport:
    """Rank the phrases and give each a per-period series; find emerging and fading phrases.

    Args:
        speeches: Speeches with dates (``Speech.date``), read once (as by
            :func:`~speechkit.phrases.pipeline.extract_phrases`), or their shards.
        by: ``"year"``, ``"month"``, ``"Nyears"`` or a :class:`Period`.
        config: Ranking options (:class:`PhraseConfig`).
        emerging: Most emerging (and fading) phrases listed.

    Returns:
        The :class:`TrendReport`; its ``phrases`` are :func:`extract_phrases`'s ranking.

    Raises:
        InputError: No speech text, or no speech with a date.
        ParameterError: A bad ``by``.
    """
    config = config or PhraseConfig()
    period = check_period(by)
    with opened(speeches, size=config.shard_chars) as shards:
        index = text_index(shards)
        dated = DatedIndex(index, period)  # fails on an undated corpus before the ranking
        ranked = rank_phrases(index, config=config, limit=max(config.top_n, POOL))
        rows = list(zip(ranked, dated.series_of([p.phrase for p in ranked]), strict=True))
    recent = dated.recent()
    earlier = [p for p in dated.periods if p not in recent]
    new: list[dict[str, Any]] = []
    old: list[dict[str, Any]] = []
    if earlier and any(dated.chars[p] for p in earlier):
        for _, s in rows:
            if s.first is None or s.last is None:
                continue
            if s.first in recent:
                new.append(
                    {"phrase": s.phrase, "first": s.first,
                     "per_million": dated.rate(s, recent), "count": s.count}
                )  # fmt: skip
            elif s.last not in recent and any(dated.chars[p] for p in recent):
                assert s.peak is not None
                old.append(
                    {"phrase": s.phrase, "last": s.last, "peak": s.peak,
                     "per_million": s.per_million[s.peak], "count": s.count}
                )  # fmt: skip
    new.sort(key=lambda e: (-e["per_million"], -e["count"], e["phrase"]))
    old.sort(key=lambda e: (-e["per_million"], -e["count"], e["phrase"]))
    return TrendReport(
        period.label,
        dated.periods,
        rows[: config.top_n],
        new[:emerging],
        old[:emerging],
        speeches=index.n_docs,
        undated=dated.undated,
    )


def phrase_trend(
    speeches: Iterable[Speech] | SpeechShards, phrase: str, *, by: str | Period = "year"
) -> tuple[Series, DatedIndex]:
    """One phrase's series (``--trend``), whether or not it is in the ranking.

    ``speeches`` are read once, or are the corpus's shards.

    Returns:
        The series (empty when the phrase never occurs) and the dated index (its
        ``periods`` and ``undated``).

    Raises:
        InputError: No speech text, or no speech with a date.
    """
    if not phrase.strip():
        raise ParameterError("trend", phrase, "a non-empty phrase")
    period = check_period(by)
    with opened(speeches, size=SHARD_CHARS) as shards:
        dated = DatedIndex(text_index(shards), period)
        return dated.series(phrase.strip()), dated


def trend_json(series: Series, dated: DatedIndex) -> dict[str, Any]:
    """The ``--trend --format json`` shape: the phrase, its periods and its series."""
    return {
        "phrase": series.phrase,
        "by": dated.period.label,
        "periods": dated.periods,
        **series.to_dict(),
        "count": series.count,
        "docs": series.docs,
        "speeches": dated.index.n_docs,
        "undated": dated.undated,
    }
