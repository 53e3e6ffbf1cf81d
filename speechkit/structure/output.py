"""The ``speechkit structure`` output forms: speeches with their paragraphs, as JSON or a table.

The JSON shape (made by :func:`speechkit.structure.run.structure_report`) is a contract that
later features extend by adding fields only::

    {"speeches": [{"id": 1, "source": "corpus/000_….txt", "first_line": 49, "last_line": 73,
                   "title": "…", "paragraphs": [{"line": 51, "role": null, "heading": null,
                                                  "text": "…"}]}]}

Extra fields here: ``record`` (for .jsonl/.csv), ``date`` (ISO, as precise as the
source: ``2023-05-06``, ``2023``; ``null`` when undated), ``date_source`` (``field``,
``dateline``, ``title`` or ``filename``) and ``speaker`` (the byline, ``市委书记 张建国``),
and per paragraph ``last_line``,
``level``, ``marker`` and ``placeholders``; with ``roles=True`` also ``on_topic`` and
``topic_score`` per speech and a corpus-level ``outline``
(:func:`speechkit.structure.outline.build_outline`).
"""

from __future__ import annotations

from typing import Any

from speechkit.display import fit
from speechkit.model import Paragraph, Speech

__all__ = ["format_table", "paragraph_dict", "speech_dict"]


def paragraph_dict(paragraph: Paragraph) -> dict[str, Any]:
    """JSON form of one paragraph (contract fields first)."""
    return {
        "line": paragraph.line,
        "role": paragraph.role,
        "heading": paragraph.heading,
        "text": paragraph.text,
        "last_line": paragraph.last_line,
        "level": paragraph.level,
        "marker": paragraph.marker,
        "placeholders": [
            {"start": p.start, "end": p.end, "text": p.text, "kind": p.kind}
            for p in paragraph.placeholders
        ],
    }


def speech_dict(speech: Speech) -> dict[str, Any]:
    """JSON form of one speech (contract fields first)."""
    return {
        "id": speech.id,
        "source": speech.source,
        "first_line": speech.first_line,
        "last_line": speech.last_line,
        "title": speech.title,
        "paragraphs": [paragraph_dict(p) for p in speech.paragraphs],
        "record": speech.record,
        "date": speech.date,
        "date_source": speech.date_source,
        "speaker": speech.speaker,
    }


def format_table(report: dict[str, Any], *, title_width: int = 40) -> str:
    """Human-readable table: one line per speech (id, title, source:first-last, paragraphs).

    Examples:
        >>> report = {"speeches": [{"id": 1, "title": "在创建工作会上的讲话", "source": "a.txt",
        ...           "record": None, "first_line": 3, "last_line": 9, "paragraphs": [{}, {}]}]}
        >>> print(format_table(report, title_width=12))
        id  title         source:lines  paragraphs
         1  在创建工作…   a.txt:3-9              2
        1 speech, 2 paragraphs
    """
    speeches = report["speeches"]
    rows = []
    for s in speeches:
        rec = f"#{s['record']}" if s.get("record") is not None else ""
        where = f"{s['source']}{rec}:{s['first_line']}-{s['last_line']}"
        rows.append(
            (str(s["id"]), s.get("title") or "(untitled)", where, str(len(s["paragraphs"])))
        )
    id_w = max([2, *(len(r[0]) for r in rows)])
    where_w = max([len("source:lines"), *(len(r[2]) for r in rows)])
    lines = [
        f"{'id':>{id_w}}  {fit('title', title_width)}  {'source:lines':<{where_w}}  paragraphs"
    ]
    for ident, title, where, count in rows:
        lines.append(f"{ident:>{id_w}}  {fit(title, title_width)}  {where:<{where_w}}  {count:>10}")
    total = sum(len(s["paragraphs"]) for s in speeches)
    noun = "speech" if len(speeches) == 1 else "speeches"
    lines.append(f"{len(speeches)} {noun}, {total} paragraphs")
    if "outline" in report:
        from speechkit.structure.outline import format_outline

        lines.append("")
        lines.append(format_outline(report))
    return "\n".join(lines)
