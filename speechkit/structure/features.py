"""Per-paragraph features: heading level, section, lead sentence, position, cue scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from speechkit.model import Paragraph, Speech
from speechkit.structure.lexicon import Lexicon
from speechkit.structure.resources import CLOSING_START, LEAD_MAX_CHARS
from speechkit.zh import first_clause

__all__ = ["SpeechFeatures", "heading_level", "lead_text", "speech_features"]


def heading_level(paragraph: Paragraph) -> int | None:
    """The heading level segmentation recorded (``None`` for body text).

    Segmentation reads the numbering marker (:mod:`speechkit.segment.headings`, which also
    decides that a 其次， with no 首先 before it is no heading); its decision is used as it
    stands, not read again from the text.

    Examples:
        >>> heading_level(Paragraph("一、提高政治站位", 1, 1, heading="一、提高政治站位", level=1))
        1
        >>> heading_level(Paragraph("今天召开会议。", 1, 1)) is None
        True
    """
    return paragraph.level


def lead_text(paragraph: Paragraph) -> str:
    """The heading, else the first sentence or clause (at most ``LEAD_MAX_CHARS`` characters).

    Examples:
        >>> lead_text(Paragraph("一是强化组织领导。成立领导小组。", 1, 1))
        '一是强化组织领导。'
    """
    if paragraph.heading:
        return paragraph.heading[:LEAD_MAX_CHARS]
    return first_clause(paragraph.text)[:LEAD_MAX_CHARS]


@dataclass(frozen=True, slots=True)
class SpeechFeatures:
    """Features of the paragraphs of one speech (arrays have one row per paragraph).

    Attributes:
        levels: Heading level (0 for body text).
        section: Index of the level-1 section a paragraph belongs to (-1 before the first
            heading and from a closing start such as ``同志们，…`` near the end on).
        section_start: True for the paragraph that opens a level-1 section.
        relpos: Relative position 0..1 in the speech.
        lead_cues: Cue scores of the lead (heading or first sentence), shape (n, 6).
        body_cues: Cue scores of the whole text, shape (n, 6).
        section_cues: Cue scores of the section's heading, shape (n, 6) (zeros outside sections).
        chars: Paragraph length in characters.
        closing_start: True for a paragraph near the end that opens with ``同志们，``/``总之，``.
    """

    levels: np.ndarray
    section: np.ndarray
    section_start: np.ndarray
    relpos: np.ndarray
    lead_cues: np.ndarray
    body_cues: np.ndarray
    section_cues: np.ndarray
    chars: np.ndarray
    closing_start: np.ndarray


def speech_features(speech: Speech, lexicon: Lexicon, *, closing_last: int = 2) -> SpeechFeatures:
    """Compute :class:`SpeechFeatures` for one speech.

    Args:
        speech: The speech.
        lexicon: Role cue lexicon.
        closing_last: A closing start (``同志们，``, ``总之，``) within the last
            ``closing_last`` paragraphs ends the last section.
    """
    paras: Sequence[Paragraph] = speech.paragraphs
    n = len(paras)
    levels = np.array([heading_level(p) or 0 for p in paras], dtype=int)
    section = np.full(n, -1, dtype=int)
    section_start = levels == 1
    current = -1
    for i in range(n):
        if section_start[i]:
            current += 1
        section[i] = current
    closing_start = np.zeros(n, dtype=bool)
    for i in range(max(1, n - closing_last), n):
        if CLOSING_START.match(paras[i].text) and not section_start[i]:
            section[i:] = -1
            closing_start[i] = True
            break
    relpos = np.arange(n) / max(n - 1, 1)
    lead = np.array([lexicon.score(lead_text(p)) for p in paras]).reshape(n, -1)
    body = np.array([lexicon.score(p.text) for p in paras]).reshape(n, -1)
    sec = np.zeros_like(lead)
    heads = {int(section[i]): lead[i] for i in range(n) if section_start[i]}
    for i in range(n):
        if section[i] >= 0:
            sec[i] = heads[int(section[i])]
    chars = np.array([len(p.text) for p in paras], dtype=int)
    return SpeechFeatures(
        levels, section, section_start, relpos, lead, body, sec, chars, closing_start
    )
