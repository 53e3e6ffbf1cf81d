"""Split a document (often a compilation of 范文) into individual speeches.

Boundary cues, in the order they are trusted:

* a **title line** (short, no sentence punctuation, ending in 讲话/讲话稿/发言/
  致辞/… or naming ``…会上的讲话``; or any short line directly followed by a
  salutation, except a dateline such as ``（2022年9月10日）``) starts a speech
  and becomes its title;
* a **salutation** ending with a colon (``同志们：``, ``各位领导、同志们：``)
  starts a speech; one ending with ``！`` (``同志们，朋友们！``) starts one only
  after a title, a closing, or at the start of the text — inside a speech it is
  an address to the audience;
* after a **closing** (``谢谢大家！``, or a final ``同志们，…`` paragraph) the
  next line that opens like a speech (``今天…``, ``这次会议…``, ``刚才…``)
  starts a new one; after thanks any following text does;
* lines between a title and its salutation are an editor's intro blurb and
  belong to no speech, except the title block printed under the title: a
  ``——在…上的讲话`` subtitle, a dateline (``（2022年9月10日）``) and a byline
  (``市委书记  张建国``, ``刘建军  副市长``, ``发言人：县委书记　xxx``). They belong to
  the speech under the title, never start one, and are kept as its ``date`` and
  ``speaker`` (:attr:`SpeechSpan.meta`), not as opening paragraphs;
* an **appendix** line standing alone (``附件：``, ``附件1：…名单``, ``附：``)
  ends the speech: it and everything after it (lists, table cells) up to the
  next title or salutation belong to no speech.

A speech without any cue (a single speech starting ``今天，…召开…``) is the
whole text. Off-topic documents are still speeches: topic filtering is done
elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from speechkit.model import Line
from speechkit.segment import resources as res
from speechkit.segment.headings import detect_heading

__all__ = [
    "LineKind",
    "SpeechSpan",
    "find_speeches",
    "is_appendix",
    "is_dateline",
    "is_metadata_line",
    "is_salutation",
    "is_title",
    "line_kind",
    "parse_byline",
    "strip_title_prefix",
]

LineKind = Literal["title", "salutation", "thanks", "closing", "opening", "body"]


@dataclass(frozen=True, slots=True)
class SpeechSpan:
    """One speech found in a document.

    Attributes:
        title: The title line, if any.
        lines: The speech's own lines (salutation and body), without title or blurb.
        meta: The dateline and byline lines printed under the title (or, untitled, before
            the speech's first line), in order.
        subtitle: A ``——在…上的讲话`` line under the main title.
    """

    title: Line | None
    lines: tuple[Line, ...]
    meta: tuple[Line, ...] = ()
    subtitle: Line | None = None

    @property
    def title_text(self) -> str | None:
        """The title without a compilation's numbering prefix, with its subtitle if any."""
        if self.title is None:
            return None
        sub = self.subtitle.text.strip() if self.subtitle is not None else ""
        return strip_title_prefix(self.title.text) + sub

    @property
    def first_line(self) -> int:
        """Title line when there is a title, else the first dateline/byline or speech line."""
        if self.title is not None:
            return self.title.number
        return self.meta[0].number if self.meta else self.lines[0].number

    @property
    def last_line(self) -> int:
        """Last line of the speech."""
        return self.lines[-1].number


def is_title(text: str) -> bool:
    """True for a speech title line such as ``在…动员大会上的讲话``.

    Examples:
        >>> is_title("在全市安全生产工作会议上的讲话（节选）")
        True
        >>> is_title("市委书记在年创建全国文明城市动员会上的讲话集合")
        True
        >>> is_title("他在会上作了讲话。")
        False
        >>> is_title("一、关于工作报告")
        False
        >>> is_title("篇二：县长在安全生产专题会议上的发言")
        True
    """
    text = strip_title_prefix(text)
    if not 6 <= len(text) <= res.TITLE_MAX_CHARS or res.RE_TITLE_FORBIDDEN.search(text):
        return False
    if detect_heading(text) is not None:
        return False
    return bool(res.RE_TITLE_END.search(text) or res.RE_TITLE_MEETING.search(text))


def strip_title_prefix(text: str) -> str:
    """Remove the numbering a compilation puts before a title (``篇一：``, ``【范文2】``).

    Examples:
        >>> strip_title_prefix("篇一：在全市防汛工作会议上的讲话")
        '在全市防汛工作会议上的讲话'
    """
    text = text.strip()
    m = res.RE_TITLE_PREFIX.match(text)
    return text[m.end() :] if m and m.end() < len(text) else text


def is_salutation(text: str) -> bool:
    """True for a line that only addresses the audience (``同志们：``).

    Examples:
        >>> is_salutation("各位领导、同志们：")
        True
        >>> is_salutation("尊敬的各位来宾，女士们、先生们：")
        True
        >>> is_salutation("同志们，今天我们召开会议。")
        False
    """
    return len(text) <= 50 and res.RE_SALUTATION.match(text.strip()) is not None


def is_metadata_line(text: str) -> bool:
    """True for a dateline or speaker line printed between a title and the speech.

    Examples:
        >>> is_metadata_line("（2022年9月10日）"), is_metadata_line("发言人：县委书记　xxx")
        (True, True)
        >>> is_metadata_line("市委书记张建国"), is_metadata_line("今天召开大会。")
        (True, False)
    """
    text = text.strip()
    return res.RE_DATELINE.match(text) is not None or parse_byline(text) is not None


def is_dateline(text: str) -> bool:
    """True for a dateline (``（2022年9月10日）``, ``（20xx年x月x日）``, ``二〇二一年三月十二日``).

    Examples:
        >>> is_dateline("（2024年1月19日，根据录音整理）"), is_dateline("2024年工作要点")
        (True, False)
    """
    return res.RE_DATELINE.match(text.strip()) is not None


def parse_byline(text: str) -> str | None:
    """The speaker of a byline (职务 姓名, 姓名 职务, ``发言人：…``), office first; else ``None``.

    Cleaning removes the spaces between Chinese characters (``市委书记  张建国`` arrives as
    ``市委书记张建国``); the speaker is given back as ``office name``.

    Examples:
        >>> parse_byline("市委书记张建国"), parse_byline("刘建军  副市长")
        ('市委书记 张建国', '副市长 刘建军')
        >>> parse_byline("区委副书记、区长　王某某"), parse_byline("发言人：县委书记 xxx")
        ('区委副书记、区长 王某某', '县委书记 xxx')
        >>> parse_byline("市委书记"), parse_byline("市委、市政府"), parse_byline("今天召开大会。")
        ('市委书记', None, None)
    """
    text = text.strip()
    m = res.RE_BYLINE.match(text)
    if m:
        return " ".join(m.group("who").split())
    if len(text) > res.BYLINE_MAX_CHARS:
        return None
    compact = text.replace("\u3000", " ")
    for pattern in (res.RE_OFFICE_NAME, res.RE_NAME_OFFICE, res.RE_OFFICE_ONLY):
        m = pattern.match(compact)
        if m:
            name = m.groupdict().get("name")
            office = m.group("office").strip()
            return f"{office} {name.strip()}" if name else office
    return None


def _is_subtitle(text: str) -> bool:
    """``——在…上的讲话``: the subtitle of a main title."""
    return res.RE_SUBTITLE.match(text) is not None and is_title(text.lstrip("—－- "))


def is_appendix(text: str) -> bool:
    """True for a line that starts an appendix (``附件：``, ``附件1：…名单``, ``附：``).

    Examples:
        >>> is_appendix("附件："), is_appendix("附件2：先进个人名单"), is_appendix("附：")
        (True, True, True)
        >>> is_appendix("附件要认真组织学习。"), is_appendix("附近的群众")
        (False, False)
    """
    return len(text) <= 50 and res.RE_APPENDIX.match(text.strip()) is not None


def _could_be_title(text: str) -> bool:
    """A short line without sentence punctuation: a title when a salutation follows."""
    text = strip_title_prefix(text)
    return (
        4 <= len(text) <= 40
        and not is_metadata_line(text)
        and res.RE_TITLE_FORBIDDEN.search(text) is None
        and detect_heading(text) is None
        and not is_salutation(text)
    )


def line_kind(text: str, next_text: str | None = None) -> LineKind:
    """Classify one cleaned line for speech splitting.

    Args:
        text: The line.
        next_text: The following cleaned line, if any (a short line followed by a
            salutation is a title).

    Examples:
        >>> line_kind("同志们：")
        'salutation'
        >>> line_kind("谢谢大家！")
        'thanks'
        >>> line_kind("同志们，让我们立即行动起来，为实现目标而努力奋斗！")
        'closing'
        >>> line_kind("今天，我们召开全县动员大会。")
        'opening'
        >>> line_kind("市长动员令", "同志们：")
        'title'
        >>> line_kind("（20xx年x月x日）", "同志们：")  # a dateline under a title
        'body'
        >>> line_kind("市委书记张建国", "同志们：")  # a byline under a title
        'body'
        >>> line_kind("凝心聚力 攻坚克难", "——在全区誓师大会上的讲话")  # a main title
        'title'
    """
    if is_salutation(text):
        return "salutation"
    if is_title(text) or (
        next_text is not None
        and (is_salutation(next_text) or _is_subtitle(next_text))
        and _could_be_title(text)
    ):
        return "title"
    if res.RE_THANKS.match(text):
        return "thanks"
    if res.RE_CLOSING_ADDRESS.match(text) and len(text) > 15:
        return "closing"
    if res.RE_OPENING.match(text):
        return "opening"
    return "body"


def _after_metadata(lines: Sequence[Line]) -> Sequence[Line]:
    """The first line that is not a dateline or speaker line (empty if none)."""
    for i, line in enumerate(lines):
        if not is_metadata_line(line.text):
            return lines[i : i + 1]
    return ()


def _chars(lines: Sequence[Line]) -> int:
    return sum(len(x.text) for x in lines)


def find_speeches(lines: Sequence[Line], *, min_chars: int = 50) -> list[SpeechSpan]:
    """Find the speeches in one document's cleaned lines.

    Args:
        lines: Cleaned lines of one document, in order.
        min_chars: In a document with several speeches, an untitled fragment
            without salutation that is shorter than this (a stray preamble or
            trailer) or that is a single line belongs to no speech.

    Returns:
        The speeches in document order.

    Examples:
        >>> texts = ["在全县大会上的讲话", "以下是整理的讲话稿。", "同志们：", "今天召开大会。",
        ...          "谢谢大家！", "今天的会议很重要。", "要抓好落实。"]
        >>> doc = [Line(i, t) for i, t in enumerate(texts, start=1)]
        >>> [(s.first_line, s.last_line, s.title_text) for s in find_speeches(doc, min_chars=10)]
        [(1, 5, '在全县大会上的讲话'), (6, 7, None)]
        >>> texts = ["同志们：", "今天召开大会。", "附件：", "1. 名单", "县委宣传部"]
        >>> [(s.first_line, s.last_line) for s in find_speeches([Line(i, t) for i, t in
        ...                                                        enumerate(texts, start=1)])]
        [(1, 2)]
    """
    spans: list[SpeechSpan] = []
    title: Line | None = None
    subtitle: Line | None = None
    body: list[Line] = []
    after: Literal["thanks", "closing"] | None = None
    in_appendix = False

    def flush() -> None:
        nonlocal title, subtitle, body, after
        if body:
            spans.append(_with_meta(title, subtitle, body))
        title, subtitle, body, after = None, None, [], None

    for i, line in enumerate(lines):
        if is_appendix(line.text):
            flush()  # an appendix ends the speech; a pending title had no speech
            in_appendix = True
            continue
        next_text = lines[i + 1].text if i + 1 < len(lines) else None
        kind = line_kind(line.text, next_text)
        if in_appendix:
            if kind not in ("title", "salutation"):
                continue  # appendix content: lists, table cells, uploader lines
            in_appendix = False
        if kind == "title":
            if title is not None and not body and subtitle is None and _is_subtitle(line.text):
                subtitle = line  # 凝心聚力…  /  ——在…大会上的讲话
                continue
            if body:
                flush()
            title, subtitle = line, None  # a title with no body yet is replaced by the newer one
            continue
        if kind == "salutation":
            if not body:
                body = [line]
            elif (
                title is not None
                and len(body) - sum(is_metadata_line(x.text) for x in body) <= 2
                and all(detect_heading(x.text) is None for x in body)
            ):
                # lines between a title and its salutation: intro blurb, except the
                # dateline or speaker line printed under the title (part of the speech)
                body = [x for x in body if is_metadata_line(x.text)] + [line]
            elif all(is_metadata_line(x.text) for x in body):
                body.append(line)  # untitled speech opening with its dateline/speaker
            elif line.text.rstrip("。. ").endswith(("：", ":")) or after is not None:
                flush()
                body = [line]
            else:
                body.append(line)  # 同志们，朋友们！ inside a speech
            after = None
            continue
        if body and (after == "thanks" or (after == "closing" and kind == "opening")):
            flush()
        body.append(line)
        after = "thanks" if kind == "thanks" else "closing" if kind == "closing" else None
    flush()

    if len(spans) > 1:
        spans = [
            s
            for s in spans
            if s.title is not None
            or any(is_salutation(x.text) for x in _after_metadata(s.meta + s.lines))
            or (len(s.meta + s.lines) > 1 and _chars(s.meta + s.lines) >= min_chars)
        ]
    return spans


def _with_meta(title: Line | None, subtitle: Line | None, body: Sequence[Line]) -> SpeechSpan:
    """The span, with the datelines and bylines at its start moved to ``meta``.

    Only when speech text remains after them: a lone dateline stays text.
    """
    meta = 0
    while meta < len(body) and is_metadata_line(body[meta].text):
        meta += 1
    if meta == len(body):
        meta = 0
    return SpeechSpan(title, tuple(body[meta:]), tuple(body[:meta]), subtitle)
