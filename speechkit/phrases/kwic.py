"""Keyword in context: every occurrence of a phrase with ``source:line`` and its surroundings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from speechkit.display import display_width, format_kwic_rows
from speechkit.errors import ParameterError
from speechkit.model import Speech
from speechkit.phrases.texts import TextIndex, distinct_speeches

__all__ = ["KwicLine", "display_width", "format_kwic", "kwic"]


@dataclass(frozen=True, slots=True)
class KwicLine:
    """One occurrence: where, and the text left and right of it (same source line only)."""

    source: str
    line: int
    left: str
    match: str
    right: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "line": self.line,
            "left": self.left,
            "match": self.match,
            "right": self.right,
        }


def kwic(
    speeches: Sequence[Speech], phrase: str, *, width: int = 20, distinct: bool = True
) -> list[KwicLine]:
    """All occurrences of ``phrase`` in corpus order.

    Args:
        speeches: Speeches, e.g. ``open_corpus(paths).speeches()``.
        phrase: Text to look for (exact substring).
        width: Characters of context on each side.
        distinct: Skip repeated speeches (as :func:`~speechkit.phrases.extract_phrases` does).

    Examples:
        >>> from speechkit.model import Paragraph, Speech
        >>> s = Speech("a.txt", 1, 2, None, [Paragraph("要建立健全长效机制。", 2, 2)])
        >>> kwic([s], "长效机制", width=4)
        [KwicLine(source='a.txt', line=2, left='建立健全', match='长效机制', right='。')]
    """
    phrase = phrase.strip()
    if not phrase:
        raise ParameterError("phrase", phrase, "a non-empty text")
    if width < 0:
        raise ParameterError("width", width, "an integer >= 0")
    index = TextIndex(distinct_speeches(speeches) if distinct else list(speeches))
    lines = []
    for offset in index.find(phrase):
        _, source, line = index.locate(offset)
        left, match, right = index.context(offset, len(phrase), width=width)
        lines.append(
            KwicLine(source, line, left.replace("\t", " "), match, right.replace("\t", " "))
        )
    return lines


def format_kwic(lines: Sequence[KwicLine]) -> list[str]:
    """Aligned text lines: ``source:line  left【match】right``, left contexts right-aligned.

    Examples:
        >>> format_kwic([KwicLine("a.txt", 2, "建立健全", "长效机制", "。")])
        ['a.txt:2  建立健全【长效机制】。']
    """
    return format_kwic_rows([(f"{k.source}:{k.line}", k.left, k.match, k.right) for k in lines])
