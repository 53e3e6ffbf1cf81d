"""Reading a draft to review: a speechkit draft or any 讲话稿 a person wrote (.docx, .txt, .md).

The file is read with the ingest readers (encoding detected from the bytes, .docx paragraphs,
Markdown markup off) but not cleaned: a reviewer looks at what is there. The title block (the
title, a dateline such as （2027年4月10日）, the speaker) ends at the salutation; every
non-empty line after it is a paragraph, a ``一、…`` line a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from speechkit.check.review import Paragraph
from speechkit.claims import resources as res
from speechkit.errors import InputError
from speechkit.types import PathLike
from speechkit.zh import FULL_SENTENCE_MARKS, NUMERALS, split_sentences

__all__ = ["DRAFT_SUFFIXES", "DraftText", "parse_draft_lines", "read_draft"]

#: Files ``speechkit check`` reads.
DRAFT_SUFFIXES = (".docx", ".txt", ".text", ".md", ".markdown")

_SALUTATION = re.compile(r"^[\u4e00-\u9fff、，,]{2,24}[：:]$")
_HEADING = re.compile(rf"^[{NUMERALS}]+、[^{FULL_SENTENCE_MARKS}]{{2,40}}[。]?$")
_DATELINE = re.compile(r"^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?$")


@dataclass(slots=True)
class DraftText:
    """A draft as read: title block and paragraphs with the source line of each."""

    source: str
    title: str = ""
    dateline: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def parse_draft_lines(lines: list[tuple[int, str]], *, source: str = "draft") -> DraftText:
    """Split numbered lines into the title block and paragraphs.

    Examples:
        >>> d = parse_draft_lines([(1, "在云溪区推进会上的讲话"), (2, "（2027年4月10日）"),
        ...     (3, "同志们："), (4, "一、提高认识"), (5, "一是加强领导。要抓落实。")])
        >>> d.title, d.dateline, d.lines
        ('在云溪区推进会上的讲话', '（2027年4月10日）', [3, 4, 5])
        >>> [(p.heading, p.lead) for p in d.paragraphs]
        [(False, None), (True, None), (False, '一是加强领导。')]
    """
    text_lines = [(n, t.strip().replace("\u3000", "")) for n, t in lines if t.strip()]
    start = next((i for i, (_n, t) in enumerate(text_lines) if _SALUTATION.match(t)), None)
    draft = DraftText(source=source)
    if start is None:  # no salutation: a first line without a full stop is the title
        first = text_lines[0][1] if text_lines else "。"
        start = 1 if "。" not in first and len(first) <= 60 else 0
    head = [t for _n, t in text_lines[:start]]
    for t in head:
        if _DATELINE.match(t):
            draft.dateline = t
        elif not draft.title:
            draft.title = t
    for number, t in text_lines[start:]:
        heading = _HEADING.match(t) is not None
        lead = None
        if not heading and res.SUBPOINT.match(t):
            first = split_sentences(t)[0]
            if len(first) <= 40 and first != t:
                lead = first
        draft.paragraphs.append(Paragraph(t, heading=heading, lead=lead))
        draft.lines.append(number)
    return draft


def read_draft(path: PathLike) -> DraftText:
    """Read a draft file (.docx, .txt, .md).

    Raises:
        InputError: Missing, unreadable, binary, empty, or not a draft (names the file).
    """
    from speechkit.ingest.read import read_documents

    file = Path(path)
    if not file.exists():
        raise InputError("no such file; check the path", path=file)
    if file.is_dir():
        raise InputError("is a folder; give the draft file (.docx, .txt or .md)", path=file)
    suffix = file.suffix.lower()
    if suffix not in DRAFT_SUFFIXES:
        raise InputError(
            f"cannot review {suffix or 'files without an extension'}; "
            f"give a draft as {', '.join(DRAFT_SUFFIXES)}",
            path=file,
        )
    problems: list[str] = []
    docs = list(
        read_documents(
            file, str(path), "docx" if suffix == ".docx" else "text", warn=problems.append
        )
    )
    if not docs:
        why = problems[0].split(": ", 1)[-1] if problems else "no text"
        raise InputError(f"{why.removesuffix('; skipped')}; nothing to review", path=file)
    draft = parse_draft_lines([(ln.number, ln.text) for ln in docs[0].raw_lines], source=str(path))
    if not any(not p.heading for p in draft.paragraphs):
        raise InputError("has no paragraphs of a speech to review", path=file)
    return draft
