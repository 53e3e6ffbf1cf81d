"""Assembly and numbering: the filled skeleton becomes the draft's paragraphs.

Sections are numbered 一、二、…; sub-points 一是…/第一，… by one style per draft, and a section's
only sub-point has no number (a lone 一是 is a seam).
"""

from __future__ import annotations

from speechkit.draft.skeleton import Item
from speechkit.model import DraftParagraph, SourceRef
from speechkit.profile import Profile
from speechkit.zh import SUBPOINT_NUMBER, cn_number

__all__ = ["NUMBERING", "assemble", "date_cn"]

#: Sub-point numbering styles: 一是… or 第一，…
NUMBERING = ("{n}是", "第{n}，")


def assemble(
    items: list[Item], profile: Profile, numbering: str
) -> tuple[str, list[DraftParagraph]]:
    title = ""
    paragraphs: list[DraftParagraph] = []
    heading: str | None = None
    section_no = 0
    point_no = 0

    def body(it: Item) -> tuple[str, list[SourceRef]]:
        text = it.text
        sources: list[SourceRef] = []
        for piece, _role, _w, _mood in it.fills:
            text += "".join(piece.sentences)
            sources.extend(s for s in piece.sources if s not in sources)
        return text, sources

    for it in items:
        if it.kind == "title":
            title = it.text
        elif it.kind == "salutation":
            paragraphs.append(DraftParagraph(text=it.text, role="opening", kind="salutation"))
        elif it.kind == "h":
            section_no += 1
            point_no = 0
            heading = f"{cn_number(section_no)}、{it.text}"
            paragraphs.append(
                DraftParagraph(text=heading, role=it.role, heading=heading, level=1, kind="heading")
            )
        elif it.kind in ("p", "closing"):
            text, sources = body(it)
            kind = "closing" if it.kind == "closing" else "body"
            role = it.role or "closing"
            paragraphs.append(
                DraftParagraph(
                    text=text,
                    role=role,
                    heading=heading if role != "opening" else None,
                    kind=kind,
                    sources=sources,
                )
            )
        elif it.kind == "point":
            point_no += 1
            lead = numbering.format(n=cn_number(point_no)) + (it.lead or "")
            text, sources = body(it)
            paragraphs.append(
                DraftParagraph(
                    text=lead + text, role=it.role, heading=heading, lead=lead, sources=sources
                )
            )
        elif it.kind == "points":
            for piece in it.pieces:
                point_no += 1
                lead = numbering.format(n=cn_number(point_no)) + (piece.lead or "")
                paragraphs.append(
                    DraftParagraph(
                        text=lead + "".join(piece.sentences),
                        role=it.role,
                        heading=heading,
                        lead=lead,
                        sources=list(piece.sources),
                    )
                )
    return title, _unnumber_lone_points(paragraphs)


def _unnumber_lone_points(paragraphs: list[DraftParagraph]) -> list[DraftParagraph]:
    """A section with a single sub-point gives it no number: a lone 一是 is a seam."""
    sections: list[list[DraftParagraph]] = [[]]
    for p in paragraphs:
        if p.kind == "heading":
            sections.append([])
        elif p.lead:
            sections[-1].append(p)
    for points in sections:
        if len(points) == 1 and (p := points[0]).lead:
            bare = SUBPOINT_NUMBER.sub("", p.lead, count=1)
            p.text = bare + p.text[len(p.lead) :]
            p.lead = bare
    return paragraphs


def date_cn(profile: Profile) -> str | None:
    d = profile.meeting.date
    return f"{d.year}年{d.month}月{d.day}日" if d is not None else None
