"""The ``speechkit structure`` report: speeches with their paragraphs, as JSON or a table.

The JSON shape is a contract that later features extend by adding fields only::

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

from collections.abc import Sequence
from typing import Any

from speechkit.display import display_width, fit
from speechkit.model import Paragraph, Speech
from speechkit.types import PathLike

__all__ = ["display_width", "format_table", "paragraph_dict", "speech_dict", "structure_report"]


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


def structure_report(
    corpus: Any,
    *,
    roles: bool = False,
    seed: int = 0,
    role_cues: Sequence[PathLike] = (),
) -> dict[str, Any]:
    """The structure report of a corpus (anything with ``speeches() -> list[Speech]``).

    Args:
        corpus: The corpus.
        roles: Also learn the structure (:func:`speechkit.structure.learn`, saved in the
            corpus store): fill each paragraph's ``role``, add ``on_topic`` and
            ``topic_score`` per speech and the corpus ``outline``.
        seed: Seed of the role clustering.
        role_cues: User role-cue files added to the bundled lexicon.

    Returns:
        ``{"speeches": [...]}`` as described in the module docstring (plus ``"outline"``).

    Examples:
        >>> from speechkit.corpus import Corpus
        >>> from speechkit.model import Document, Paragraph, Speech
        >>> speech = Speech("a.txt", 1, 2, "讲话", [Paragraph("同志们：", 1, 1)])
        >>> doc = Document("a.txt", None, "utf-8", [], speeches=[speech])
        >>> report = structure_report(Corpus([doc]))
        >>> report["speeches"][0]["id"], report["speeches"][0]["paragraphs"][0]["role"]
        (1, None)
    """
    if not roles:
        return {"speeches": [speech_dict(s) for s in corpus.speeches()]}
    from speechkit.structure.learn import learn
    from speechkit.structure.lexicon import load_lexicon

    model = learn(corpus, seed=seed, lexicon=load_lexicon(role_cues))
    speeches = []
    for speech, info in zip(corpus.speeches(), model.speeches, strict=True):
        entry = speech_dict(speech)
        entry["on_topic"] = info["on_topic"]
        entry["topic_score"] = info["topic_score"]
        speeches.append(entry)
    return {"speeches": speeches, "outline": model.outline}


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
