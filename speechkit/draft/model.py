"""The draft data model shared by the composer (:mod:`speechkit.draft`) and the
renderers (:mod:`speechkit.render`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from speechkit.types import Role


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
