"""Segmentation: split cleaned lines into speeches, speeches into paragraphs.

:func:`segment` is the entry point used by ingestion; the parts are
:mod:`~speechkit.segment.speeches` (speech boundaries and titles),
:mod:`~speechkit.segment.paragraphs`, :mod:`~speechkit.segment.headings` and
:mod:`~speechkit.segment.placeholders`.
"""

from __future__ import annotations

from collections.abc import Sequence

from speechkit.dates import dateline_date, title_date
from speechkit.errors import ParameterError
from speechkit.model import Line, Speech
from speechkit.segment.headings import Heading, detect_heading
from speechkit.segment.paragraphs import make_paragraph, split_paragraphs
from speechkit.segment.placeholders import find_placeholders, placeholder_kind
from speechkit.segment.speeches import (
    SpeechSpan,
    find_speeches,
    is_dateline,
    is_salutation,
    is_title,
    line_kind,
    parse_byline,
)

__all__ = [
    "Heading",
    "SpeechSpan",
    "detect_heading",
    "find_placeholders",
    "find_speeches",
    "is_salutation",
    "is_title",
    "line_kind",
    "make_paragraph",
    "parse_byline",
    "placeholder_kind",
    "segment",
    "split_paragraphs",
]


def segment(
    lines: Sequence[Line],
    *,
    source: str,
    record: int | None = None,
    min_chars: int = 50,
) -> list[Speech]:
    """Split one document's cleaned lines into speeches with paragraphs.

    Args:
        lines: Lines that survived :func:`speechkit.clean.clean_lines`, with their
            original 1-based numbers.
        source: The document's source path, copied to each speech.
        record: Record index for .jsonl/.csv documents.
        min_chars: See :func:`speechkit.segment.speeches.find_speeches`.

    Returns:
        Speeches in document order (``id`` left ``None``). ``first_line`` is the
        title line when the speech has a title; noise lines and intro blurbs
        belong to no paragraph.

    Examples:
        >>> doc = [Line(3, "在全区大会上的讲话"), Line(5, "同志们："), Line(7, "一、提高认识。要…"),
        ...        Line(9, "xx市要抓落实。")]
        >>> [s] = segment(doc, source="a.txt")
        >>> (s.title, s.first_line, s.last_line, [p.line for p in s.paragraphs])
        ('在全区大会上的讲话', 3, 9, [5, 7, 9])
        >>> (s.paragraphs[1].heading, s.paragraphs[2].placeholders[0].kind)
        ('一、提高认识', 'place')
    """
    if not isinstance(min_chars, int) or min_chars < 0:
        raise ParameterError("min_chars", min_chars, "an integer >= 0")
    lines = [line for line in lines if line.text.strip()]
    speeches: list[Speech] = []
    for span in find_speeches(lines, min_chars=min_chars):
        date, date_source, speaker = _title_block(span)
        head = (span.subtitle,) if span.subtitle is not None else ()
        speeches.append(
            Speech(
                source=source,
                first_line=span.first_line,
                last_line=span.last_line,
                title=span.title_text,
                paragraphs=split_paragraphs(span.lines),
                record=record,
                date=date,
                date_source=date_source,
                speaker=speaker,
                head_lines=tuple(line.number for line in head + span.meta),
            )
        )
    return speeches


def _title_block(span: SpeechSpan) -> tuple[str | None, str | None, str | None]:
    """``(date, date_source, speaker)`` of a speech from its datelines, bylines and title.

    The first dateline with a real date wins; else the year of the meeting in the title.
    """
    date = speaker = None
    for line in span.meta:
        if is_dateline(line.text):
            date = date or dateline_date(line.text)
        else:
            speaker = speaker or parse_byline(line.text)
    if date is not None:
        return date, "dateline", speaker
    year = title_date(span.title_text) if span.title_text else None
    return year, "title" if year else None, speaker
