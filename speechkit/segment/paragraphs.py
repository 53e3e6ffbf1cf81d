"""Split a speech's lines into paragraphs.

Normally one non-empty line is one paragraph. Hard-wrapped text (paragraphs
separated by blank lines, each paragraph broken over several lines) is
detected from the line numbers — lines removed as empty leave gaps — and the
wrapped lines of a block are joined into one paragraph that records its
``line`` and ``last_line``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from speechkit.model import Line, Paragraph
from speechkit.segment import resources as res
from speechkit.segment.headings import Heading, detect_heading
from speechkit.segment.placeholders import find_placeholders
from speechkit.zh import CLAUSE_MARKS

__all__ = ["is_blank_separated", "make_paragraph", "split_paragraphs"]

# A line ending with one of these ends its paragraph even in wrapped text.
_RE_PARAGRAPH_END = re.compile(rf"[{CLAUSE_MARKS}：:…”』」）)]\s*$")


def make_paragraph(
    text: str, line: int, last_line: int | None = None, *, heading: Heading | None = None
) -> Paragraph:
    """Build a :class:`Paragraph` with its heading and placeholders.

    Examples:
        >>> p = make_paragraph("一是加强X同志的领导。要…", 12)
        >>> (p.heading, p.level, p.marker, [x.kind for x in p.placeholders])
        ('一是加强X同志的领导', 2, '一是', ['person'])
    """
    return _build(text, line, last_line, detect_heading(text) if heading is None else heading)


def _build(text: str, line: int, last_line: int | None, heading: Heading | None) -> Paragraph:
    return Paragraph(
        text=text,
        line=line,
        last_line=line if last_line is None else last_line,
        heading=heading.text if heading else None,
        level=heading.level if heading else None,
        marker=heading.marker if heading else None,
        placeholders=find_placeholders(text),
    )


def is_blank_separated(lines: Sequence[Line]) -> bool:
    """True when most neighbouring lines are separated by gaps (blank or removed lines).

    Examples:
        >>> is_blank_separated([Line(1, "a"), Line(3, "b"), Line(5, "c")])
        True
        >>> is_blank_separated([Line(1, "a"), Line(2, "b"), Line(3, "c")])
        False
    """
    if len(lines) < 3:
        return False
    gaps = sum(1 for a, b in itertools.pairwise(lines) if b.number > a.number + 1)
    return gaps * 2 >= len(lines) - 1


def _continues(prev: Line, cur: Line, prev_heading: Heading | None) -> bool:
    # A heading alone on its line ends there; one that runs into text may wrap.
    standalone = prev_heading is not None and len(prev_heading.text) >= len(
        prev.text.rstrip("。：:")
    )
    return (
        cur.number == prev.number + 1
        and not standalone
        and not _RE_PARAGRAPH_END.search(prev.text)
        and detect_heading(cur.text) is None
        and res.RE_SALUTATION.match(cur.text) is None
    )


def split_paragraphs(lines: Sequence[Line], *, join_wrapped: bool | None = None) -> list[Paragraph]:
    """Turn the cleaned lines of one speech into paragraphs.

    Args:
        lines: Cleaned lines in order (noise lines already removed).
        join_wrapped: Join hard-wrapped lines inside blank-line separated blocks.
            ``None`` (default) decides from the text (:func:`is_blank_separated`).

    Returns:
        Paragraphs in order; ``其次/再次/最后`` count as headings only after a ``首先``.

    Examples:
        >>> ps = split_paragraphs([Line(1, "首先，要提高认识。"), Line(2, "最后，要加强领导。")])
        >>> [(p.line, p.marker) for p in ps]
        [(1, '首先，'), (2, '最后，')]
        >>> [p.marker for p in split_paragraphs([Line(1, "最后，我讲一点意见。")])]
        [None]
    """
    if join_wrapped is None:
        join_wrapped = is_blank_separated(lines)
    groups: list[list[Line]] = []
    prev_heading: Heading | None = None
    for line in lines:
        if join_wrapped and groups and _continues(groups[-1][-1], line, prev_heading):
            groups[-1].append(line)
            continue
        groups.append([line])
        prev_heading = detect_heading(line.text)

    paragraphs: list[Paragraph] = []
    sequence_open = False
    for group in groups:
        text = "".join(x.text for x in group)
        heading = detect_heading(text)
        if heading is not None and heading.kind == "sequence":
            if heading.marker[:2] in res.SEQUENCE_OPENERS:
                sequence_open = True
            elif not sequence_open:
                heading = None
        paragraphs.append(_build(text, group[0].number, group[-1].number, heading))
    return paragraphs
