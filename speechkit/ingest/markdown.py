"""Markdown markup -> plain text, one line at a time, so line numbers are kept.

Used only for ``.md`` / ``.markdown`` input. Each source line gives exactly one
output line (markup-only lines such as ``---`` or a table-of-contents entry become
empty, and empty lines are dropped later like any blank line), so provenance
``source:line`` still points at the line the user sees in an editor.

Written with stdlib :mod:`re` rather than a Markdown library on purpose: the
parsers (markdown-it-py, mistune) work on blocks and join a paragraph's lines,
which loses the 1:1 line mapping, and none is a dependency of speechkit. What
speeches in Markdown use is small: headings, emphasis, links, images, lists,
quotes, rules, tables and code fences.

Placeholders such as ``**年`` or ``X同志`` are not emphasis: an emphasis span
needs a closing marker and at least two characters inside (``**年**`` stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from speechkit.model import Line

__all__ = ["markdown_lines", "markdown_to_text"]

_ESCAPABLE = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
_ESC_BASE = 0xE000  # private-use characters hold escaped punctuation meanwhile

_RE_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")
_RE_RULE = re.compile(r"^\s{0,3}(?:([-*_])\s*(?:\1\s*){2,}|=+\s*)$")  # --- *** ___ and setext ===
_RE_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_RE_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
# "## 标题 ##"; Chinese writers often omit the space ("##标题"), allowed before a non-ASCII char
_RE_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|(?=[^\x00-\x7f]))(.*?)(?:\s+#+)?\s*$")
_RE_BULLET = re.compile(r"^\s*[-*+•]\s+(?:\[[ xX]\]\s+)?")
_RE_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_RE_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_RE_ANCHOR_LINK = re.compile(r"\[[^\]]*\]\(#[^)]*\)")
_RE_LINK = re.compile(r"\[([^\]]+)\](?:\(\s*[^)\s]*(?:\s+\"[^\"]*\")?\s*\)|\[[^\]]*\])")
_RE_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_RE_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\](?!:)")
_RE_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|<!--.*?-->")
_RE_CODE = re.compile(r"(`+)(.+?)\1")
# CommonMark flanking, simplified: a marker touching another "*" is not one, and a
# closer after punctuation needs a space, punctuation or the end after it.
_P = "，。、；：！？“”‘’（）《》,.;:!?()\"'"


def _closer(marker: str) -> str:
    return rf"(?:(?<=[^\s*_{_P}]){marker}|(?<=[{_P}]){marker}(?=[\s{_P}]|$))"


_RE_STRONG = re.compile(
    rf"(?<![*_])(?P<m>\*\*|__)(?=[^\s*_])([^*_]{{2,}}?){_closer('(?P=m)')}(?![*_])"
)
_RE_EM_STAR = re.compile(r"(?<!\*)\*(?=[^\s*])([^*]{2,}?)" + _closer(r"\*") + r"(?!\*)")
# "_" emphasis is not intraword (snake_case stays); only ASCII letters count as word here
_RE_EM_UNDER = re.compile(
    rf"(?<![A-Za-z0-9_])_(?=[^\s_])([^_]{{2,}}?){_closer('_')}(?![A-Za-z0-9_])"
)
_RE_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_RE_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def markdown_to_text(line: str) -> str:
    """Plain text of one Markdown line: markup removed, wording kept.

    Headings, quotes and bullets lose their markers; emphasis, links and inline
    code keep their text; images, rules, table rules, link definitions and lines
    made only of in-page links (a table of contents, ``[返回目录](#目录)``) become
    empty. Ordered-list numbers (``1. ``) are kept: in speeches they are heading
    markers.

    Examples:
        >>> markdown_to_text("### 一、把握形势，增强紧迫感")
        '一、把握形势，增强紧迫感'
        >>> markdown_to_text("> 整理：办公室")
        '整理：办公室'
        >>> markdown_to_text("**目录**")
        '目录'
        >>> markdown_to_text("- [在全区推进会上的讲话](#在全区推进会上的讲话)")
        ''
        >>> markdown_to_text("[返回目录](#目录)")
        ''
        >>> markdown_to_text("---"), markdown_to_text("| --- | :---: |")
        ('', '')
        >>> markdown_to_text("*本文仅供学习交流。* 详见[原文](https://example.com/a)。")
        '本文仅供学习交流。 详见原文。'
        >>> markdown_to_text("要做到_三个坚持_，见图![示意图](a.png)")
        '要做到三个坚持，见图'
        >>> markdown_to_text("**年**月，X同志、*副部长出席")  # placeholders, not emphasis
        '**年**月，X同志、*副部长出席'
        >>> markdown_to_text("1. 先进集体名单"), markdown_to_text(r"价格\\*2")
        ('1. 先进集体名单', '价格*2')
        >>> markdown_to_text("| 序号 | 单位 |")
        '序号　单位'
    """
    if _RE_RULE.match(line) or _RE_TABLE_RULE.match(line) or _RE_LINK_DEF.match(line):
        return ""
    text = _RE_ESCAPE.sub(lambda m: chr(_ESC_BASE + _ESCAPABLE.index(m.group(1))), line)
    text = _RE_QUOTE.sub("", text)
    m = _RE_HEADING.match(text)
    if m:
        text = m.group(1)
    text = _RE_BULLET.sub("", text)
    if _RE_ANCHOR_LINK.search(text) and not _RE_ANCHOR_LINK.sub("", text).strip(" ，、|·-"):
        return ""  # navigation only: table of contents entry, "back to top"
    text = _RE_IMAGE.sub("", text)
    text = _RE_LINK.sub(r"\1", text)
    text = _RE_AUTOLINK.sub(r"\1", text)
    text = _RE_FOOTNOTE_REF.sub("", text)
    text = _RE_HTML_TAG.sub("", text)
    text = _RE_CODE.sub(lambda m: m.group(2).strip(), text)
    text = _RE_STRONG.sub(r"\2", text)
    text = _RE_EM_STAR.sub(r"\1", text)
    text = _RE_EM_UNDER.sub(r"\1", text)
    text = _RE_STRIKE.sub(r"\1", text)
    if text.lstrip().startswith("|") and text.rstrip().endswith("|"):
        # a table row: cells separated by a full-width space, like .docx table text
        text = "　".join(c.strip() for c in text.strip().strip("|").split("|") if c.strip())
    return "".join(
        _ESCAPABLE[ord(c) - _ESC_BASE] if _ESC_BASE <= ord(c) < _ESC_BASE + len(_ESCAPABLE) else c
        for c in text
    )


def markdown_lines(lines: Iterable[Line]) -> Iterator[Line]:
    """Apply :func:`markdown_to_text` to numbered lines; code fences are kept verbatim.

    The fence lines themselves become empty; lines inside a fence are not touched.

    Examples:
        >>> src = ["## 讲话", "```", "**原样**", "```", "**加粗**"]
        >>> [x.text for x in markdown_lines(Line(i, t) for i, t in enumerate(src, 1))]
        ['讲话', '', '**原样**', '', '加粗']
    """
    fence: str | None = None
    for line in lines:
        m = _RE_FENCE.match(line.text)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
                yield Line(line.number, "")
            else:
                yield line
        elif m:
            fence = m.group(1)
            yield Line(line.number, "")
        else:
            yield Line(line.number, markdown_to_text(line.text))
