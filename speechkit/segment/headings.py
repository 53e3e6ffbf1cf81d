"""Recognise numbered headings: 一、 / （一） / 第一， / 一是 / 一要 / 首先 / 1. / （1） / ①.

A heading either stands alone on its line (``一、提高政治站位``) or runs into the
paragraph text (``一是测评标准不断提高。今年…`` or, without punctuation,
``一、…的问题***总书记指出，…``). The heading text is the marker plus the words
up to the first 。；！？, up to a run-in cue (a leader being quoted), or the
whole line when it is short.
"""

from __future__ import annotations

from dataclasses import dataclass

from speechkit.segment import resources as res

__all__ = ["Heading", "detect_heading"]


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading found at the start of a paragraph.

    Attributes:
        marker: The numbering marker as written (``一、``, ``（二）``, ``一是``, ``1.``).
        text: The heading text including the marker, without trailing punctuation.
        level: 1 for 一、; 2 for （一）/第一，/一是/一要/其一/首先; 3 for 1./1、/（1）; 4 for ①.
        kind: Marker family (``zh_comma``, ``zh_paren``, ``ordinal``, ``zh_shi``, ``qi``,
            ``sequence``, ``arabic``, ``arabic_paren``, ``circled``).
    """

    marker: str
    text: str
    level: int
    kind: str


def _heading_text(line: str, marker_end: int) -> str:
    end = len(line)
    for i in range(marker_end, len(line)):
        if line[i] in res.HEADING_END:
            end = i
            break
    m = res.RE_RUN_IN.search(line, marker_end + 4, end)
    if m is not None:
        end = m.start()
    text = line[:end]
    if len(text) > res.HEADING_MAX_CHARS:
        # A long sentence with no clear end: keep its first clause.
        comma = min(
            (i for i in (text.find("，", marker_end), text.find(",", marker_end)) if i > 0),
            default=-1,
        )
        text = text[:comma] if 0 < comma <= res.HEADING_MAX_CHARS else text[: res.HEADING_MAX_CHARS]
    return text.rstrip("，,、：:；; ")


def detect_heading(line: str) -> Heading | None:
    """Find a numbered heading at the start of ``line``.

    Args:
        line: One cleaned paragraph.

    Returns:
        The heading, or ``None`` for body text.

    Examples:
        >>> detect_heading("一、提高政治站位，充分认识重要意义")
        Heading(marker='一、', text='一、提高政治站位，充分认识重要意义', level=1, kind='zh_comma')
        >>> detect_heading("一是测评标准不断提高，创建难度明显增加。今年…").text
        '一是测评标准不断提高，创建难度明显增加'
        >>> detect_heading("二、紧盯指标任务不松劲，解决“干什么”的问题总书记指出，要坚持…").text
        '二、紧盯指标任务不松劲，解决“干什么”的问题'
        >>> detect_heading("3.5万人参加") is None
        True
    """
    stripped = line.lstrip()
    for regex, level, kind in res.HEADING_PATTERNS:
        m = regex.match(stripped)
        if m is None:
            continue
        text = _heading_text(stripped, m.end())
        if len(text) <= len(m.group(0)):  # a bare marker is not a heading
            return None
        return Heading(marker=m.group(0), text=text, level=level, kind=kind)
    return None
