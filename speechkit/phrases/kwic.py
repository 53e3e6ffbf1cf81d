"""Keyword in context: every occurrence of a phrase with ``source:line`` and its surroundings.

Locations are ``source:line``, or ``source#record:line`` for a .jsonl/.csv record (the
record index as ``speechkit search`` shows it). A speech repeated verbatim or nearly so is
shown once, as it counts once in the phrase ranking; :func:`kwic_report` says how many
occurrences in repeats were left out, so that nothing goes missing silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from speechkit.display import display_width, format_kwic_rows
from speechkit.errors import ParameterError
from speechkit.model import Speech
from speechkit.phrases.counting import SHARD_CHARS
from speechkit.phrases.shards import SpeechShards, opened
from speechkit.phrases.texts import TextIndex, distinct_members

__all__ = ["KwicLine", "KwicReport", "display_width", "format_kwic", "kwic", "kwic_report"]


@dataclass(frozen=True, slots=True)
class KwicLine:
    """One occurrence: where, and the text left and right of it (same source line only)."""

    source: str
    line: int
    left: str
    match: str
    right: str
    record: int | None = None

    @property
    def location(self) -> str:
        """``source:line``, or ``source#record:line`` for a .jsonl/.csv record.

        Examples:
            >>> KwicLine("a.jsonl", 3, "", "长效机制", "", record=17).location
            'a.jsonl#17:3'
        """
        rec = f"#{self.record}" if self.record is not None else ""
        return f"{self.source}{rec}:{self.line}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "line": self.line,
            "left": self.left,
            "match": self.match,
            "right": self.right,
            "record": self.record,
        }


@dataclass(frozen=True, slots=True)
class KwicReport:
    """What :func:`kwic_report` found.

    Attributes:
        lines: The occurrences shown (in distinct speeches), in corpus order.
        duplicate_occurrences: Occurrences in repeated speeches, left out.
        duplicate_speeches: Repeated speeches that hold them.
    """

    lines: list[KwicLine]
    duplicate_occurrences: int = 0
    duplicate_speeches: int = 0

    def to_json(self) -> dict[str, Any]:
        """``{"kwic": [line, ...], "left_out": {"occurrences": n, "speeches": m}}``.

        ``kwic`` is the shape ``--kwic --format json`` always had; ``left_out`` counts the
        occurrences in repeated speeches that are not listed.
        """
        return {
            "kwic": [line.to_dict() for line in self.lines],
            "left_out": {
                "occurrences": self.duplicate_occurrences,
                "speeches": self.duplicate_speeches,
            },
        }

    def note(self) -> str | None:
        """One line saying what was left out, or ``None`` when nothing was.

        Examples:
            >>> print(KwicReport([], 2, 1).note())
            2 occurrences in 1 repeated speech left out (a speech repeated verbatim or nearly so is shown once)
        """  # noqa: E501
        if not self.duplicate_occurrences:
            return None
        occ = "occurrence" if self.duplicate_occurrences == 1 else "occurrences"
        sp = "speech" if self.duplicate_speeches == 1 else "speeches"
        return (
            f"{self.duplicate_occurrences} {occ} in {self.duplicate_speeches} repeated {sp} "
            "left out (a speech repeated verbatim or nearly so is shown once)"
        )


def kwic(
    speeches: Iterable[Speech] | SpeechShards,
    phrase: str,
    *,
    width: int = 20,
    distinct: bool = True,
) -> list[KwicLine]:
    """All occurrences of ``phrase`` in corpus order (the lines of :func:`kwic_report`).

    Args:
        speeches: Speeches, e.g. ``open_corpus(paths).speeches()``, read once (their text
            goes to shard files of a temporary folder), or the corpus's shards.
        phrase: Text to look for (exact substring).
        width: Characters of context on each side.
        distinct: Skip repeated speeches (as :func:`~speechkit.phrases.extract_phrases` does).

    Examples:
        >>> from speechkit.model import Paragraph, Speech
        >>> s = Speech("a.txt", 1, 2, None, [Paragraph("要建立健全长效机制。", 2, 2)])
        >>> [(k.location, k.left, k.match, k.right) for k in kwic([s], "长效机制", width=4)]
        [('a.txt:2', '建立健全', '长效机制', '。')]
    """
    return kwic_report(speeches, phrase, width=width, distinct=distinct).lines


def kwic_report(
    speeches: Iterable[Speech] | SpeechShards,
    phrase: str,
    *,
    width: int = 20,
    distinct: bool = True,
) -> KwicReport:
    """All occurrences of ``phrase``, and how many in repeated speeches were left out.

    Args: as :func:`kwic`.

    Raises:
        ParameterError: Empty ``phrase`` or negative ``width``.

    Examples:
        >>> from speechkit.model import Paragraph, Speech
        >>> text = "要建立健全长效机制，形成齐抓共管的工作格局。"
        >>> a = Speech("r.jsonl", 1, 2, None, [Paragraph(text, 2, 2)], record=0)
        >>> b = Speech("r.jsonl", 1, 2, None, [Paragraph(text, 2, 2)], record=1)
        >>> report = kwic_report([a, b], "长效机制")
        >>> [k.location for k in report.lines], report.duplicate_occurrences
        (['r.jsonl#0:2'], 1)
    """
    phrase = phrase.strip()
    if not phrase:
        raise ParameterError("phrase", phrase, "a non-empty text")
    if width < 0:
        raise ParameterError("width", width, "an integer >= 0")
    with opened(speeches, size=SHARD_CHARS) as shards:
        everyone = np.arange(len(shards))
        kept = distinct_members(shards) if distinct else everyone
        index = TextIndex(shards, kept)
        lines = []
        # shard by shard in this process: the lines are the output, the text is not kept
        for offset in index.find(phrase):
            doc, source, line = index.locate(offset)
            left, match, right = index.context(offset, len(phrase), width=width)
            lines.append(
                KwicLine(
                    source, line, left.replace("\t", " "), match, right.replace("\t", " "),
                    index.speeches[doc].record,
                )
            )  # fmt: skip
        if not distinct:
            return KwicReport(lines)
        left_out = TextIndex(shards, np.setdiff1d(everyone, kept))
        [found] = left_out.occurrences([phrase], limit=0)
        return KwicReport(lines, found.count, len(found.per_doc))


def format_kwic(lines: Sequence[KwicLine]) -> list[str]:
    """Aligned text lines: ``source:line  left【match】right``, left contexts right-aligned.

    Examples:
        >>> format_kwic([KwicLine("a.txt", 2, "建立健全", "长效机制", "。")])
        ['a.txt:2  建立健全【长效机制】。']
        >>> format_kwic([KwicLine("a.jsonl", 2, "健全", "长效机制", "。", record=17)])
        ['a.jsonl#17:2  健全【长效机制】。']
    """
    return format_kwic_rows([(k.location, k.left, k.match, k.right) for k in lines])
