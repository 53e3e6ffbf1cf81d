"""Visible text of .html files, one line per block element, numbered by source line.

Uses the standard library's incremental :class:`html.parser.HTMLParser`, fed
chunk by chunk. ``<script>``, ``<style>``, ``<head>`` and other invisible
elements are dropped; block elements (``<p>``, ``<div>``, ``<br>``, ``<li>``, headings,
table cells...) end a line. Each line carries the source line where its text starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from speechkit.ingest.text import _MARK, MAX_LINE_CHARS, iter_chunks
from speechkit.model import Line

__all__ = ["BLOCK_TAGS", "INVISIBLE_TAGS", "read_html_lines", "visible_lines"]

#: Elements whose content is never shown.
INVISIBLE_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "iframe",
        "object",
        "canvas",
        "select",
    }
)
#: Elements that start and end a line of text.
BLOCK_TAGS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "tr", "td", "th", "table", "section", "article", "header", "footer", "nav", "aside",
        "blockquote", "pre", "hr", "form", "figure", "figcaption", "main", "address", "center",
        "title", "body", "html",
    }
)  # fmt: skip

_ASCII_SPACE = re.compile(r"[ \t\r\n\f]+")
# A source line break between two CJK characters is not a space when rendered.
_CJK_BREAK = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])"
                        r"[ \t\r\f]*\n[ \t\r\n\f]*"
                        r"(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])")  # fmt: skip


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.pre = 0
        self.parts: list[str] = []
        self.size = 0
        self.start_line: int | None = None
        self.out: list[Line] = []

    def flush(self) -> None:
        if self.parts:
            raw = "".join(self.parts)
            text = _ASCII_SPACE.sub(" ", _CJK_BREAK.sub("", raw)).strip()
            if text and self.start_line is not None:
                self.out.append(Line(self.start_line, text))
        self.parts = []
        self.size = 0
        self.start_line = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in INVISIBLE_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.flush()
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in INVISIBLE_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.flush()
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        line = self.getpos()[0]
        if self.pre:
            for i, piece in enumerate(data.split("\n")):
                if i:
                    self.flush()
                if piece.strip():
                    if self.start_line is None:
                        self.start_line = line + i
                    self.parts.append(piece)
            return
        if self.start_line is None:
            stripped = data.lstrip()
            if not stripped:
                return
            self.start_line = line + data[: len(data) - len(stripped)].count("\n")
        self.parts.append(data)
        self.size += len(data)
        if self.size > MAX_LINE_CHARS:
            self.flush()  # a page without block elements: keep pieces bounded


def visible_lines(html: str) -> list[Line]:
    """Visible text lines of an HTML string.

    Examples:
        >>> visible_lines("<html><head><title>t</title></head><body>"
        ...               "<script>var a=1;</script><p>同志们：</p>\\n<p>今天\\n开会。</p></body>")
        [Line(number=1, text='同志们：'), Line(number=2, text='今天开会。')]
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.out


def read_html_lines(
    path: Path, encoding: str, *, source: str, warn: Callable[[str], None]
) -> Iterator[Line]:
    """Stream the visible lines of an HTML file; broken bytes replaced and reported."""
    parser = _VisibleText()
    broken_lines: list[int] = []

    def drain() -> Iterator[Line]:
        for line in parser.out:
            if _MARK in line.text:
                broken_lines.append(line.number)
                line = Line(line.number, line.text.replace(_MARK, "\ufffd"))
            yield line
        parser.out.clear()

    for chunk in iter_chunks(path, encoding):
        parser.feed(chunk)
        yield from drain()
    parser.close()
    parser.flush()
    yield from drain()
    for number in broken_lines[:3]:
        warn(f"{source}:{number}: undecodable bytes replaced with U+FFFD (read as {encoding})")
    if len(broken_lines) > 3:
        warn(f"{source}: undecodable bytes on {len(broken_lines) - 3} more lines")
