"""Render drafts: GB/T 9704-2012 .docx (:mod:`.docx`), its PDF preview through LibreOffice
(:mod:`.pdf`), plain text and Markdown (:mod:`.text`).

python-docx is imported only when a .docx or .pdf is built.
"""

from speechkit.render.docx import DocxLayout, write_docx
from speechkit.render.pdf import write_pdf
from speechkit.render.text import to_markdown, to_text, write_text_output

__all__ = ["DocxLayout", "to_markdown", "to_text", "write_docx", "write_pdf", "write_text_output"]
