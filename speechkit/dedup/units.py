"""Units of deduplication built from a corpus: documents, speeches or paragraphs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from speechkit.errors import ParameterError
from speechkit.model import Document
from speechkit.types import DedupLevel

__all__ = ["LEVELS", "Unit", "build_units", "check_level"]

LEVELS: tuple[DedupLevel, ...] = ("document", "speech", "paragraph")

_TITLE_CHARS = 40


@dataclass(frozen=True, slots=True)
class Unit:
    """One thing that can be a duplicate, with its provenance.

    Attributes:
        source: Source path as shown to users.
        record: Record index in a .jsonl/.csv file, else ``None``.
        first_line: First source line of the unit.
        last_line: Last source line.
        title: Speech title (for documents: the first speech's title, else the first line).
        text: The text compared.
        document: Index of the document in the corpus.
        speech: Index of the speech in its document (``None`` at document level).
        paragraph: Index of the paragraph in its speech (paragraph level only).
        chars: Characters of the text when ``text`` is not kept (streamed runs), else ``None``.
    """

    source: str
    record: int | None
    first_line: int
    last_line: int
    title: str | None
    text: str
    document: int
    speech: int | None = None
    paragraph: int | None = None
    chars: int | None = None

    @property
    def length(self) -> int:
        """Characters of the unit's text."""
        return len(self.text) if self.chars is None else self.chars


def check_level(level: str) -> DedupLevel:
    """Return ``level`` if valid.

    Raises:
        ParameterError: ``level`` is not one of :data:`LEVELS`.

    Examples:
        >>> check_level("speech")
        'speech'
    """
    for known in LEVELS:  # returns the typed constant, no cast needed
        if level == known:
            return known
    raise ParameterError("level", level, " | ".join(LEVELS))


def _document_title(doc: Document) -> str | None:
    for speech in doc.speeches:
        if speech.title:
            return speech.title
    for line in doc.lines:
        if line.text.strip():
            text = line.text.strip()
            return text if len(text) <= _TITLE_CHARS else text[:_TITLE_CHARS] + "…"
    return None


def build_units(documents: Sequence[Document], level: str) -> list[Unit]:
    """The units of ``documents`` at ``level``; units without text are left out.

    Args:
        documents: Cleaned and segmented documents (``Corpus.documents``).
        level: ``document`` (each file or .jsonl/.csv record), ``speech`` or ``paragraph``.

    Examples:
        >>> from speechkit.model import Document, Line, Paragraph, Speech
        >>> doc = Document("a.txt", None, "utf-8", [], lines=[Line(1, "题目"), Line(2, "正文")])
        >>> doc.speeches = [Speech("a.txt", 1, 2, "题目", [Paragraph("正文", 2, 2)])]
        >>> [(u.first_line, u.text) for u in build_units([doc], "paragraph")]
        [(2, '正文')]
    """
    level = check_level(level)
    units: list[Unit] = []
    for d, doc in enumerate(documents):
        if level == "document":
            text = doc.text
            if text.strip() and doc.lines:
                units.append(
                    Unit(
                        doc.source,
                        doc.record,
                        doc.lines[0].number,
                        doc.lines[-1].number,
                        _document_title(doc),
                        text,
                        d,
                    )
                )
            continue
        for s, speech in enumerate(doc.speeches):
            if level == "speech":
                if speech.text.strip():
                    units.append(
                        Unit(
                            speech.source,
                            speech.record,
                            speech.first_line,
                            speech.last_line,
                            speech.title,
                            speech.text,
                            d,
                            s,
                        )
                    )
                continue
            for p, para in enumerate(speech.paragraphs):
                if para.text.strip():
                    units.append(
                        Unit(
                            speech.source,
                            speech.record,
                            para.line,
                            para.last_line,
                            speech.title,
                            para.text,
                            d,
                            s,
                            p,
                        )
                    )
    return units
