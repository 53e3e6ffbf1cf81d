"""The data model: documents hold speeches, speeches hold paragraphs; a draft holds its own.

Every corpus object keeps its provenance: the source path and 1-based line numbers
(for .docx the paragraph index, for .jsonl/.csv lines inside the record and
the record index in ``record``); a drafted paragraph keeps the corpus lines it came from
(:class:`SourceRef`).

The draft model (:class:`Draft`, :class:`DraftParagraph`, :class:`SourceRef`) lives here, not
in :mod:`speechkit.draft`, because both the composer (:mod:`speechkit.draft`) and the
renderers (:mod:`speechkit.render`) use it: here neither package imports the other for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from speechkit.types import PlaceholderKind, Role


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A redacted name such as ``xx`` in ``xx市`` or ``X`` in ``X同志``.

    ``start``/``end`` are character offsets into the paragraph text.
    """

    start: int
    end: int
    text: str
    kind: PlaceholderKind


@dataclass(slots=True)
class Paragraph:
    """One paragraph of a speech.

    Attributes:
        text: Cleaned paragraph text.
        line: 1-based line (or .docx paragraph index) where it starts in the source.
        last_line: Line where it ends (equal to ``line`` for one-line paragraphs).
        heading: The heading text when the paragraph is or starts with a heading
            (``一、提高政治站位``), else ``None``.
        level: Heading level: 1 for 一、, 2 for （一）/一是/第一，, 3 for 1./（1）;
            ``None`` for body text.
        marker: The numbering marker itself (``一、``, ``（二）``, ``一是``), if any.
        placeholders: Redacted names found in ``text``.
        role: Role in the speech, filled by :mod:`speechkit.structure`.
    """

    text: str
    line: int
    last_line: int
    heading: str | None = None
    level: int | None = None
    marker: str | None = None
    placeholders: tuple[Placeholder, ...] = ()
    role: Role | None = None


@dataclass(slots=True)
class Speech:
    """One speech found in a document.

    Attributes:
        date: ISO date (``2023-05-06``, ``2023-05`` or ``2023``: as precise as the source),
            or ``None`` when none was found (see :mod:`speechkit.dates`).
        date_source: Where ``date`` came from: ``"field"`` (``--date-field``), ``"dateline"``,
            ``"title"`` (``在2020年…会议上``) or ``"filename"``; ``None`` when undated.
        speaker: The byline under the title, office first (``市委书记 张建国``), or ``None``.
        head_lines: Source lines of the title block that are no paragraph (subtitle,
            dateline, byline), so that evaluation counts them as kept.
    """

    source: str
    first_line: int
    last_line: int
    title: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    record: int | None = None
    id: int | None = None
    date: str | None = None
    date_source: str | None = None
    speaker: str | None = None
    head_lines: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        """The speech body, paragraphs joined by newlines."""
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Line:
    """One cleaned source line with its 1-based position."""

    number: int
    text: str


@dataclass(slots=True)
class Document:
    """One input unit: a file, or one record of a .jsonl/.csv file.

    Attributes:
        source: Path as given (relative paths stay relative, for portable output).
        record: 0-based record index for .jsonl/.csv, else ``None``.
        encoding: Detected encoding of the bytes.
        raw_lines: The decoded lines before cleaning (1-based via ``Line.number``).
        lines: Lines that survived cleaning, with their original numbers.
        speeches: Speeches segmented from ``lines``.
        sha256: Hash of the source bytes (files) or record text, for change detection.
        date: The document's date from ``--date-field`` or its file name (ISO, partial), or
            ``None``; a speech without a date of its own takes it.
        date_source: ``"field"`` or ``"filename"``; ``None`` when undated.
    """

    source: str
    record: int | None
    encoding: str
    raw_lines: list[Line]
    lines: list[Line] = field(default_factory=list)
    speeches: list[Speech] = field(default_factory=list)
    sha256: str = ""
    date: str | None = None
    date_source: str | None = None

    @property
    def text(self) -> str:
        """Cleaned text of the whole document."""
        return "\n".join(line.text for line in self.lines)


# ---------------------------------------------------------------------------- drafts


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a drafted sentence or paragraph came from."""

    source: str
    line: int


@dataclass(slots=True)
class DraftParagraph:
    """One paragraph of a draft.

    Attributes:
        text: Full paragraph text, including ``lead`` when there is one.
        role: The role of the section it belongs to.
        heading: Text of the level-1 section heading this paragraph belongs to (``二、…``),
            or its own text when ``level == 1``.
        level: 1 for a level-1 heading line (黑体), None for body text.
        lead: Leading sub-point heading inside the paragraph (``一是加强组织领导。``),
            rendered as a level-2 heading (楷体) run; must be a prefix of ``text``.
        kind: ``"salutation"``, ``"heading"``, ``"body"`` or ``"closing"``.
        sources: Corpus lines the wording was adapted from (empty for template text).
    """

    text: str
    role: Role | None = None
    heading: str | None = None
    level: int | None = None
    lead: str | None = None
    kind: str = "body"
    sources: list[SourceRef] = field(default_factory=list)


@dataclass(slots=True)
class Draft:
    """A complete speech draft."""

    title: str
    paragraphs: list[DraftParagraph]
    speaker: str | None = None
    date: str | None = None
    stats: dict[str, Any] = field(default_factory=dict)
    #: What ``speechkit check`` found in the draft (its JSON findings); empty when clean.
    findings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def body_text(self) -> str:
        """All paragraph text joined by newlines (no title)."""
        return "\n".join(p.text for p in self.paragraphs)
