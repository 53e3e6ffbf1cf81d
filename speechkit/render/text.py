"""Render a :class:`~speechkit.model.Draft` as plain text or Markdown."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from speechkit.atomic import atomic_open
from speechkit.errors import ParameterError
from speechkit.render.docx import format_date
from speechkit.types import PathLike

if TYPE_CHECKING:
    from speechkit.model import Draft, DraftParagraph

__all__ = ["TEXT_SUFFIXES", "to_markdown", "to_text", "write_text_output"]

#: Output extensions :func:`write_text_output` understands, and the renderer for each.
TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}

_INDENT = "\u3000\u3000"  # 空两字: two full-width spaces
_LINE_CHARS = 28  # characters on a GB/T 9704 line; used to centre the title in plain text
_TRAILING_PUNCT = "。，、；：！？"
# Characters that start Markdown syntax in the middle of a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|])")
# ... or at the start of a line (heading, quote, list, thematic break, numbered list).
_MD_LINE_START = re.compile(r"^(#|>|[-+=]|\d+[.)])")


def _clean(text: str) -> str:
    return re.sub(r"\s*\n\s*", "", text).strip(" \t\u3000")


def _bylines(draft: Draft) -> list[str]:
    lines = []
    if draft.date:
        lines.append(f"（{format_date(draft.date)}）")
    if draft.speaker:
        lines.append(_clean(draft.speaker))
    return lines


def _width(line: str) -> float:
    """Width in full-width characters (half-width digits and letters count ½)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in line)


def _centre(line: str) -> str:
    pad = int((_LINE_CHARS - _width(line)) // 2)
    return "\u3000" * pad + line if pad > 0 else line


def to_text(draft: Draft) -> str:
    """Plain text: title centred on a 28-character line, paragraphs indented two characters.

    Args:
        draft: The draft to render.

    Returns:
        The text, ending with a newline.

    Examples:
        >>> from speechkit.model import Draft, DraftParagraph as P
        >>> d = Draft("在全市动员大会上的讲话", [
        ...     P("同志们：", kind="salutation"),
        ...     P("一、提高认识", level=1, kind="heading"),
        ...     P("一是加强领导。各级要负总责。", lead="一是加强领导。")], date="2027-04-10")
        >>> print(to_text(d).replace("\u3000", "·"))  # · = full-width space
        ········在全市动员大会上的讲话
        ·········（2027年4月10日）
        <BLANKLINE>
        同志们：
        ··一、提高认识
        ··一是加强领导。各级要负总责。
        <BLANKLINE>
    """
    lines = [_centre(_clean(draft.title))]
    lines += [_centre(line) for line in _bylines(draft)]
    lines.append("")
    for par in draft.paragraphs:
        text = _clean(par.text)
        if not text:
            continue
        lines.append(text if par.kind == "salutation" else _INDENT + text)
    return "\n".join(lines) + "\n"


def _md_escape(text: str) -> str:
    """Escape Markdown syntax so text from the corpus renders literally.

    Examples:
        >>> _md_escape("*副部长在**年讲话")
        '\\\\*副部长在\\\\*\\\\*年讲话'
        >>> _md_escape("1. 第一")
        '1\\\\. 第一'
    """
    text = _MD_INLINE.sub(r"\\\1", text)
    match = _MD_LINE_START.match(text)
    if match:
        head = match.group(0)
        text = head[:-1] + "\\" + head[-1] + text[len(head) :]
    return text


def _md_bold_lead(lead: str) -> str:
    """``**lead**`` with its closing punctuation moved outside the asterisks.

    CommonMark does not close ``**`` that follows punctuation and precedes a letter
    (``**一是加强领导。**各级`` stays literal), so the 。 goes after the closing ``**``.

    Examples:
        >>> _md_bold_lead("一是加强组织领导。")
        '**一是加强组织领导**。'
        >>> _md_bold_lead("第一，")
        '**第一**，'
    """
    core = lead.rstrip(_TRAILING_PUNCT)
    tail = lead[len(core) :]
    if not core:
        return _md_escape(lead)
    return f"**{_md_escape(core)}**{tail}"


def _md_paragraph(par: DraftParagraph) -> str:
    text = _clean(par.text)
    if par.level == 1:
        return f"## {_md_escape(text)}"
    lead = _clean(par.lead) if par.lead else ""
    if lead and text.startswith(lead):
        rest = text[len(lead) :]
        return _md_bold_lead(lead) + (_md_escape(rest) if rest else "")
    return _md_escape(text)


def to_markdown(draft: Draft) -> str:
    """Markdown: ``#`` title, ``##`` level-1 headings, sub-point leads in bold.

    Args:
        draft: The draft to render.

    Returns:
        The Markdown text, paragraphs separated by blank lines, ending with a newline.

    Examples:
        >>> from speechkit.model import Draft, DraftParagraph as P
        >>> d = Draft("在全市动员大会上的讲话", [
        ...     P("同志们：", kind="salutation"),
        ...     P("一、提高认识", level=1, kind="heading"),
        ...     P("一是加强领导。各级要负总责。", lead="一是加强领导。")],
        ...     date="2027-04-10", speaker="市委书记")
        >>> print(to_markdown(d))
        # 在全市动员大会上的讲话
        <BLANKLINE>
        （2027年4月10日）
        <BLANKLINE>
        市委书记
        <BLANKLINE>
        同志们：
        <BLANKLINE>
        ## 一、提高认识
        <BLANKLINE>
        **一是加强领导**。各级要负总责。
        <BLANKLINE>
    """
    blocks = [f"# {_md_escape(_clean(draft.title))}"]
    blocks += [_md_escape(line) for line in _bylines(draft)]
    blocks += [_md_paragraph(par) for par in draft.paragraphs if _clean(par.text)]
    return "\n\n".join(blocks) + "\n"


def write_text_output(draft: Draft, path: PathLike) -> Path:
    """Write ``draft`` as Markdown (``.md``) or plain text (``.txt``), atomically, UTF-8.

    Args:
        draft: The draft to render.
        path: Target file; its extension chooses the format.

    Returns:
        The path written.

    Raises:
        ParameterError: If the extension is not one of :data:`TEXT_SUFFIXES`.
        OutputError: If the file cannot be written.

    Examples:
        >>> import tempfile, pathlib
        >>> from speechkit.model import Draft, DraftParagraph
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "讲话稿.md"
        >>> d = Draft("讲话", [DraftParagraph("同志们：", kind="salutation")])
        >>> _ = write_text_output(d, out)
        >>> out.read_text(encoding="utf-8")
        '# 讲话\\n\\n同志们：\\n'
    """
    target = Path(path)
    kind = TEXT_SUFFIXES.get(target.suffix.lower())
    if kind is None:
        raise ParameterError(
            "output extension", target.suffix or target.name, ", ".join(TEXT_SUFFIXES)
        )
    content = to_markdown(draft) if kind == "markdown" else to_text(draft)
    with atomic_open(target, "w", encoding="utf-8") as fh:
        fh.write(content)
    return target
