"""Score segmentation and cleaning against hand labels.

Used by ``benchmarks/segment_quality.py`` and the quality tests; users can
score their own labelled folders the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from speechkit.model import Document, Speech

if TYPE_CHECKING:
    from speechkit.clean.pipeline import CleanConfig

__all__ = [
    "BoundaryScore",
    "LineScore",
    "QualityReport",
    "evaluate_documents",
    "evaluate_folder",
    "lines_in_speeches",
    "score_boundaries",
    "score_lines",
]


@dataclass(frozen=True)
class BoundaryScore:
    """Speech-start matching: a predicted start matches an expected one within the tolerance."""

    expected: int
    predicted: int
    matched: int

    @property
    def recall(self) -> float:
        """Share of expected speeches that were found."""
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        """Share of predicted speeches that are real."""
        return self.matched / self.predicted if self.predicted else 1.0

    def __add__(self, other: BoundaryScore) -> BoundaryScore:
        return BoundaryScore(
            self.expected + other.expected,
            self.predicted + other.predicted,
            self.matched + other.matched,
        )


def score_boundaries(
    predicted: Sequence[int], expected: Sequence[int], *, tolerance: int = 2
) -> BoundaryScore:
    """Match predicted speech starts to expected ones one-to-one, in order.

    Args:
        predicted: Predicted start lines.
        expected: Hand-labelled start lines.
        tolerance: Largest allowed distance in lines.

    Examples:
        >>> s = score_boundaries([1, 10, 30], [2, 20, 30], tolerance=2)
        >>> (s.matched, round(s.recall, 2), round(s.precision, 2))
        (2, 0.67, 0.67)
    """
    if tolerance < 0:
        from speechkit.errors import ParameterError

        raise ParameterError("tolerance", tolerance, "an integer >= 0")
    unused = sorted(predicted)
    matched = 0
    for start in sorted(expected):
        best = min(
            (p for p in unused if abs(p - start) <= tolerance),
            key=lambda p: abs(p - start),
            default=None,
        )
        if best is not None:
            unused.remove(best)
            matched += 1
    return BoundaryScore(len(expected), len(predicted), matched)


@dataclass(frozen=True)
class LineScore:
    """How many labelled boilerplate lines were dropped and speech lines kept."""

    boilerplate: int
    boilerplate_removed: int
    speech: int
    speech_kept: int

    @property
    def removed_rate(self) -> float:
        """Share of boilerplate lines removed."""
        return self.boilerplate_removed / self.boilerplate if self.boilerplate else 1.0

    @property
    def kept_rate(self) -> float:
        """Share of speech lines kept."""
        return self.speech_kept / self.speech if self.speech else 1.0

    def __add__(self, other: LineScore) -> LineScore:
        return LineScore(
            self.boilerplate + other.boilerplate,
            self.boilerplate_removed + other.boilerplate_removed,
            self.speech + other.speech,
            self.speech_kept + other.speech_kept,
        )


def score_lines(
    nonempty: Iterable[int], boilerplate: Iterable[int], kept: Iterable[int]
) -> LineScore:
    """Score line-level cleaning.

    Args:
        nonempty: Numbers of all non-empty source lines.
        boilerplate: Numbers of the lines labelled boilerplate (the rest are speech lines).
        kept: Numbers of the lines the pipeline kept.

    Examples:
        >>> s = score_lines([1, 2, 3, 4], [1], kept=[2, 3])
        >>> (s.removed_rate, s.kept_rate)
        (1.0, 0.6666666666666666)
    """
    lines, bp, keep = set(nonempty), set(boilerplate), set(kept)
    speech = lines - bp
    return LineScore(len(bp), len(bp - keep), len(speech), len(speech & keep))


def lines_in_speeches(speeches: Iterable[Speech]) -> set[int]:
    """Source lines that end up in the output: paragraph lines, title lines and the title
    block (subtitle, dateline and byline, kept as ``date`` and ``speaker``).

    A speech's title line is its ``first_line`` when it has a title.
    """
    kept: set[int] = set()
    for speech in speeches:
        if speech.title is not None:
            kept.add(speech.first_line)
        kept.update(speech.head_lines)
        for p in speech.paragraphs:
            kept.update(range(p.line, p.last_line + 1))
    return kept


@dataclass(frozen=True)
class QualityReport:
    """Quality of cleaning + segmentation on a labelled folder of .txt files.

    Attributes:
        boundaries: Speech-start matching (start = title line, else first line).
        titles: Expected titles whose line was attached as the speech title.
        titles_expected: Number of labelled titles.
        cleaning: Line scores after :func:`~speechkit.clean.clean_lines`.
        output: Line scores of the final output (paragraph and title lines).
        per_file: Boundary score per file name.
    """

    boundaries: BoundaryScore
    titles: int
    titles_expected: int
    cleaning: LineScore
    output: LineScore
    per_file: dict[str, BoundaryScore]


def evaluate_folder(
    folder: str | Path,
    starts: dict[str, list[dict[str, Any]]],
    boilerplate: dict[str, list[int]],
    *,
    tolerance: int = 2,
    config: CleanConfig | None = None,
) -> QualityReport:
    """Clean and segment each labelled file of ``folder`` and score it.

    Args:
        folder: Folder holding the labelled UTF-8 text files.
        starts: File name → list of ``{"start": line, "title_line": line | None}``.
        boilerplate: File name → boilerplate line numbers (other non-empty lines are speech).
        tolerance: Allowed distance of a speech start, in lines.
        config: Cleaning options.

    Returns:
        The scores; keys starting with ``_`` in the label files are ignored.
    """
    from speechkit.clean import clean_lines
    from speechkit.model import Line
    from speechkit.segment import segment

    folder = Path(folder)
    bscore = BoundaryScore(0, 0, 0)
    cscore = oscore = LineScore(0, 0, 0, 0)
    titles = titles_expected = 0
    per_file: dict[str, BoundaryScore] = {}
    for name in sorted(k for k in starts if not k.startswith("_")):
        text = (folder / name).read_bytes().decode("utf-8-sig", errors="replace")
        raw = [Line(i, t.rstrip("\r")) for i, t in enumerate(text.split("\n"), start=1)]
        cleaned = clean_lines(raw, config=config)
        speeches = segment(cleaned, source=name)
        labels = starts[name]
        fscore = score_boundaries(
            [s.first_line for s in speeches], [x["start"] for x in labels], tolerance=tolerance
        )
        per_file[name] = fscore
        bscore = bscore + fscore
        found_titles = {s.first_line for s in speeches if s.title is not None}
        for x in labels:
            if x.get("title_line") is not None:
                titles_expected += 1
                titles += x["title_line"] in found_titles
        nonempty = [ln.number for ln in raw if ln.text.strip()]
        bp = boilerplate.get(name, [])
        cscore = cscore + score_lines(nonempty, bp, [ln.number for ln in cleaned])
        oscore = oscore + score_lines(nonempty, bp, lines_in_speeches(speeches))
    return QualityReport(bscore, titles, titles_expected, cscore, oscore, per_file)


def evaluate_documents(
    documents: Iterable[Document],
    starts: dict[str, list[dict[str, Any]]],
    boilerplate: dict[str, list[int]],
    *,
    tolerance: int = 2,
) -> QualityReport:
    """Score documents that went through the real readers, cleaning and segmentation.

    Unlike :func:`evaluate_folder` (UTF-8 text only), this takes documents as
    :func:`speechkit.corpus.open_corpus` gives them for files read in memory
    (``raw_lines`` kept), so .docx, .html and non-UTF-8 files are scored through
    the readers users get. Line numbers are the readers' (.html source line,
    .docx paragraph index).

    Args:
        documents: Prepared documents with ``raw_lines``, ``lines`` and ``speeches``.
        starts: File name → list of ``{"start": line, "title_line": line | None}``.
        boilerplate: File name → boilerplate line numbers (other non-empty lines are speech).
        tolerance: Allowed distance of a speech start, in lines.

    Returns:
        The scores over the labelled documents (matched by file name; others are ignored).
    """
    bscore = BoundaryScore(0, 0, 0)
    cscore = oscore = LineScore(0, 0, 0, 0)
    titles = titles_expected = 0
    per_file: dict[str, BoundaryScore] = {}
    for doc in documents:
        name = Path(doc.source).name
        if name.startswith("_") or name not in starts:
            continue
        labels = starts[name]
        fscore = score_boundaries(
            [s.first_line for s in doc.speeches], [x["start"] for x in labels], tolerance=tolerance
        )
        per_file[name] = fscore
        bscore = bscore + fscore
        found_titles = {s.first_line for s in doc.speeches if s.title is not None}
        for x in labels:
            if x.get("title_line") is not None:
                titles_expected += 1
                titles += x["title_line"] in found_titles
        nonempty = [ln.number for ln in doc.raw_lines if ln.text.strip()]
        bp = boilerplate.get(name, [])
        cscore = cscore + score_lines(nonempty, bp, [ln.number for ln in doc.lines])
        oscore = oscore + score_lines(nonempty, bp, lines_in_speeches(doc.speeches))
    return QualityReport(bscore, titles, titles_expected, cscore, oscore, per_file)
