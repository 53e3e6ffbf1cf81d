"""Paragraph text of .docx files (python-docx), numbered by paragraph index.

Paragraphs inside tables are included in document order. Line numbers are
1-based paragraph indices counting empty paragraphs too, so they match what a
reader counts in Word.
"""

from __future__ import annotations

from pathlib import Path

from speechkit.model import Line

__all__ = ["read_docx_lines"]


def read_docx_lines(path: Path) -> list[Line]:
    """Lines of a .docx file, one per paragraph (1-based paragraph index).

    Raises:
        ValueError: If the file is not a valid .docx package.
    """
    import docx  # python-docx; imported lazily, it costs ~0.2 s
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zipfile, KeyError and lxml errors alike
        raise ValueError(f"not a valid .docx file ({type(exc).__name__}: {exc})") from exc
    body = document.element.body
    lines: list[Line] = []
    for index, element in enumerate(body.iter(qn("w:p")), start=1):
        text = DocxParagraph(element, document).text
        lines.append(Line(index, text))
    return lines
