"""Render a :class:`~speechkit.model.Draft` as a .docx in the GB/T 9704-2012 layout.

The layout of Chinese official documents (党政机关公文格式, GB/T 9704-2012) as used for
讲话稿: A4 paper, a type area of 156 mm × 225 mm that holds 22 lines of 28 characters,
title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号, level-1 headings in 黑体, level-2 in
楷体_GB2312, page numbers “— 1 —” in 宋体 四号 at the outer edge (odd pages right, even left).

The official fonts are not free software; the file *names* them (that is what Word and WPS
on the users' PCs pick up) and every run carries the East-Asian font explicitly
(``w:rFonts w:eastAsia``) — WPS and Word otherwise fall back to the theme's East-Asian font.
The 22 × 28 page is written as a document grid (``w:docGrid``) whose line pitch
(``linePitch`` 579 twips = 28.95 pt) and character pitch (``charSpace`` −842 → 15.795 pt) are
derived from the margins, with fixed 28.95 pt line spacing, and body characters condensed by
0.25 pt so that 28 of them fill the 156 mm line in Word, WPS and LibreOffice alike.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from speechkit.atomic import atomic_write_bytes
from speechkit.errors import ParameterError
from speechkit.types import PathLike

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

    from speechkit.model import Draft, DraftParagraph

__all__ = ["DocxLayout", "build_document", "docx_bytes", "format_date", "write_docx"]

_TWIPS_PER_MM = 1440 / 25.4
_TWIPS_PER_PT = 20
# w:charSpace is expressed in 1/4096 pt, added to the pitch given by the default font size.
_CHARSPACE_UNIT = 4096


# Schema order of w:pPr children (ECMA-376 CT_PPrBase); Word rejects out-of-order elements.
_PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _mm_to_twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)


@dataclass(frozen=True, slots=True)
class DocxLayout:
    """Page and type settings of the rendered .docx; defaults follow GB/T 9704-2012.

    Attributes:
        page_width_mm: Paper width (A4: 210 mm).
        page_height_mm: Paper height (A4: 297 mm).
        margin_top_mm: 天头 (top margin), 37 mm.
        margin_bottom_mm: Bottom margin, 35 mm.
        margin_left_mm: 订口 (binding-side margin), 28 mm.
        margin_right_mm: Right margin, 26 mm; 210 − 28 − 26 = 156 mm type width.
        lines_per_page: Lines in the 225 mm type height (22); gives the line pitch.
        chars_per_line: Full-width characters on a line (28); gives the character pitch.
        title_font: Title font, 方正小标宋简体.
        title_size_pt: Title size, 二号 = 22 pt.
        body_font: Body font, 仿宋_GB2312.
        body_size_pt: Body, heading and byline size, 三号 = 16 pt.
        heading_font: Level-1 heading font (一、…), 黑体.
        lead_font: Level-2 sub-point lead font (一是…), 楷体_GB2312.
        byline_font: Font of the date/speaker lines under the title, 楷体_GB2312.
        page_number_font: Page-number font, 宋体.
        page_number_size_pt: Page-number size, 四号 = 14 pt.
        latin_font: Font for Latin letters and digits (``w:ascii``/``w:hAnsi``); None uses
            the run's East-Asian font, as GB/T 9704 sets digits in the body font.
        first_line_indent_chars: Paragraph indent in characters (空两字).
        header_distance_mm: Header distance from the top edge (headers stay empty).
        footer_distance_mm: Distance of the footer's bottom from the page's bottom edge.
            GB/T 9704 puts the 一字线 of the page number 7 mm below the type area, i.e.
            35 − 7 = 28 mm above the edge; the dash sits ~3 mm above the bottom of a
            14 pt footer line, hence 25 mm.
        condense_to_grid: Condense the body-size runs by the amount their size exceeds the
            grid's character pitch (16 pt vs 15.795 pt → 0.25 pt). Word and WPS squeeze a
            16 pt character into one 15.8 pt cell anyway, but LibreOffice gives it two cells
            (14 characters a line); condensed, every reader shows 28.
        char_grid: Write the grid as ``linesAndChars`` (Word's 指定行和字符网格) instead of
            ``lines`` (只指定行网格). Both give 22 × 28 in Word and WPS (the condensed 15.75 pt
            characters fit 28 to the 442.25 pt line either way); LibreOffice 7.4 lays a
            ``linesAndChars`` grid out with two cells per character, 14 a line, so the
            portable ``lines`` grid is the default. ``w:charSpace`` is written in both cases,
            so switching the grid on in Word's page setup gives the 28-character pitch.
    """

    page_width_mm: float = 210.0
    page_height_mm: float = 297.0
    margin_top_mm: float = 37.0
    margin_bottom_mm: float = 35.0
    margin_left_mm: float = 28.0
    margin_right_mm: float = 26.0
    lines_per_page: int = 22
    chars_per_line: int = 28
    title_font: str = "方正小标宋简体"
    title_size_pt: float = 22.0
    body_font: str = "仿宋_GB2312"
    body_size_pt: float = 16.0
    heading_font: str = "黑体"
    lead_font: str = "楷体_GB2312"
    byline_font: str = "楷体_GB2312"
    page_number_font: str = "宋体"
    page_number_size_pt: float = 14.0
    latin_font: str | None = None
    first_line_indent_chars: int = 2
    header_distance_mm: float = 15.0
    footer_distance_mm: float = 25.0
    condense_to_grid: bool = True
    char_grid: bool = False

    def __post_init__(self) -> None:
        for name in (
            "page_width_mm",
            "page_height_mm",
            "title_size_pt",
            "body_size_pt",
            "page_number_size_pt",
            "lines_per_page",
            "chars_per_line",
        ):
            value = getattr(self, name)
            if not value > 0:
                raise ParameterError(name, value, "a positive number")
        for name in (
            "margin_top_mm",
            "margin_bottom_mm",
            "margin_left_mm",
            "margin_right_mm",
            "first_line_indent_chars",
            "header_distance_mm",
            "footer_distance_mm",
        ):
            value = getattr(self, name)
            if value < 0:
                raise ParameterError(name, value, "a number >= 0")
        if self.text_width_twips <= 0 or self.text_height_twips <= 0:
            raise ParameterError(
                "margins",
                (
                    self.margin_top_mm,
                    self.margin_bottom_mm,
                    self.margin_left_mm,
                    self.margin_right_mm,
                ),
                "margins that leave room for text on the page",
            )
        for name in (
            "title_font",
            "body_font",
            "heading_font",
            "lead_font",
            "byline_font",
            "page_number_font",
        ):
            if not str(getattr(self, name)).strip():
                raise ParameterError(name, getattr(self, name), "a font name")

    # --- derived geometry (all in the integer units Word stores) -------------------------

    @property
    def page_twips(self) -> tuple[int, int]:
        """Page width and height in twips (A4: 11906 × 16838)."""
        return _mm_to_twips(self.page_width_mm), _mm_to_twips(self.page_height_mm)

    @property
    def margins_twips(self) -> tuple[int, int, int, int]:
        """Top, bottom, left, right margins in twips."""
        return (
            _mm_to_twips(self.margin_top_mm),
            _mm_to_twips(self.margin_bottom_mm),
            _mm_to_twips(self.margin_left_mm),
            _mm_to_twips(self.margin_right_mm),
        )

    @property
    def text_width_twips(self) -> int:
        """Width of the type area in twips (156 mm → 8845)."""
        _, _, left, right = self.margins_twips
        return self.page_twips[0] - left - right

    @property
    def text_height_twips(self) -> int:
        """Height of the type area in twips (225 mm → 12756)."""
        top, bottom, _, _ = self.margins_twips
        return self.page_twips[1] - top - bottom

    @property
    def line_pitch_twips(self) -> int:
        """Line pitch in twips: type height / lines, rounded down so all lines fit.

        Examples:
            >>> DocxLayout().line_pitch_twips  # 12756 / 22 = 579.8 → 579 twips = 28.95 pt
            579
        """
        return self.text_height_twips // self.lines_per_page

    @property
    def char_space(self) -> int:
        """``w:docGrid/@w:charSpace``: character pitch minus body size, in 1/4096 pt.

        Examples:
            >>> DocxLayout().char_space  # 442.25 pt / 28 = 15.7946 pt = 16 pt - 841.3/4096 pt
            -842
        """
        pitch_pt = self.text_width_twips / _TWIPS_PER_PT / self.chars_per_line
        return int((pitch_pt - self.body_size_pt) * _CHARSPACE_UNIT // 1)

    @property
    def char_pitch_pt(self) -> float:
        """Character pitch of the grid in points (15.7944 pt by default)."""
        return self.body_size_pt + self.char_space / _CHARSPACE_UNIT

    def condense_twips(self, size_pt: float) -> int:
        """Character spacing (negative, in twips) that fits ``size_pt`` type into one grid cell.

        Examples:
            >>> DocxLayout().condense_twips(16.0)  # 16 pt - 15.795 pt = 0.205 pt → 5 twips
            -5
            >>> DocxLayout().condense_twips(14.0)
            0
            >>> DocxLayout(condense_to_grid=False).condense_twips(16.0)
            0
        """
        excess = (size_pt - self.char_pitch_pt) * _TWIPS_PER_PT
        if not self.condense_to_grid or excess <= 0 or size_pt >= 2 * self.char_pitch_pt:
            return 0
        return -math.ceil(excess)


def format_date(value: str) -> str:
    """Write an ISO date (``2027-04-10``) the Chinese way; other text is kept as given.

    Examples:
        >>> format_date("2027-04-10")
        '2027年4月10日'
        >>> format_date("2027年4月10日")
        '2027年4月10日'
    """
    match = re.fullmatch(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*", value)
    if match is None:
        return value.strip()
    year, month, day = (int(g) for g in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return value.strip()
    return f"{year}年{month}月{day}日"


# --- low-level XML helpers ----------------------------------------------------------------


def _set_fonts(rpr, font: str, latin: str | None) -> None:  # type: ignore[no-untyped-def]
    """Name ``font`` for East-Asian text and ``latin`` (or ``font``) for the other slots."""
    from docx.oxml.ns import qn

    rfonts = rpr.get_or_add_rFonts()
    for attr in list(rfonts.attrib):
        if attr.endswith("Theme"):  # theme fonts win over named ones: drop them
            del rfonts.attrib[attr]
    other = latin or font
    rfonts.set(qn("w:ascii"), other)
    rfonts.set(qn("w:hAnsi"), other)
    rfonts.set(qn("w:cs"), other)
    rfonts.set(qn("w:eastAsia"), font)


_RPR_AFTER_SPACING = (
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)


def _set_spacing(rpr, twips: int) -> None:  # type: ignore[no-untyped-def]
    """Character spacing (``w:rPr/w:spacing``, 字符间距) in twips; negative condenses."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        rpr.insert_element_before(spacing, *_RPR_AFTER_SPACING)
    spacing.set(qn("w:val"), str(twips))


def _add_run(
    paragraph: Paragraph,
    text: str,
    font: str,
    size_pt: float,
    layout: DocxLayout,
    *,
    grid: bool = True,
):  # type: ignore[no-untyped-def]
    """Add a run with every font slot named, its size (also szCs) and grid condensing."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(size_pt)
    rpr = run._r.get_or_add_rPr()
    _set_fonts(rpr, font, layout.latin_font)
    # szCs too, so complex-script digits do not fall back to the default size
    sz_cs = OxmlElement("w:szCs")
    sz_cs.set(qn("w:val"), str(round(size_pt * 2)))
    rpr.get_or_add_sz().addnext(sz_cs)
    condense = layout.condense_twips(size_pt) if grid else 0
    if condense:
        _set_spacing(rpr, condense)
    return run


def _ppr_child(paragraph: Paragraph, tag: str):  # type: ignore[no-untyped-def]
    """Get or insert ``tag`` in ``w:pPr`` at its schema position."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    existing = ppr.find(qn(tag))
    if existing is not None:
        return existing
    element = OxmlElement(tag)
    successors = _PPR_ORDER[_PPR_ORDER.index(tag) + 1 :]
    ppr.insert_element_before(element, *successors)
    return element


def _format_paragraph(
    paragraph: Paragraph,
    layout: DocxLayout,
    *,
    align: str,
    indent_chars: int = 0,
    snap_to_grid: bool = True,
    line_twips: int | None = None,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt, Twips

    fmt = paragraph.paragraph_format
    fmt.alignment = {
        "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Twips(line_twips or layout.line_pitch_twips)
    # An indent of n characters is n grid cells (Word/WPS read firstLineChars); the twips
    # value is the same width for readers without character units (LibreOffice).
    fmt.first_line_indent = Twips(int(indent_chars * layout.char_pitch_pt * _TWIPS_PER_PT))
    ind = _ppr_child(paragraph, "w:ind")
    ind.set(qn("w:firstLineChars"), str(indent_chars * 100))
    # No punctuation hanging into the margin (允许标点溢出边界 off): the type area is a hard
    # 156 mm; LibreOffice also does not paint a hung 。, which would lose it from the PDF.
    _ppr_child(paragraph, "w:overflowPunct").set(qn("w:val"), "0")
    if not snap_to_grid:
        # Larger type (the 22 pt title) would otherwise take two 15.8 pt grid cells per
        # character in Word/WPS and look letter-spaced.
        _ppr_child(paragraph, "w:snapToGrid").set(qn("w:val"), "0")


# --- document parts ---------------------------------------------------------------------


def _setup_styles(doc: DocxDocument, layout: DocxLayout) -> None:
    """Make the defaults GB/T 9704 body text so any unstyled text still looks right."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt, Twips

    styles_el = doc.styles.element
    rpr_default = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default, layout.body_font, layout.latin_font)
    for tag in ("w:sz", "w:szCs"):
        el = rpr_default.find(qn(tag))
        if el is not None:
            el.set(qn("w:val"), str(round(layout.body_size_pt * 2)))
    lang = rpr_default.find(qn("w:lang"))
    if lang is not None:  # Chinese line-breaking rules (避头尾) and proofing
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
    ppr_default = styles_el.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr_default.find(qn("w:spacing"))
    if spacing is not None:
        ppr_default.remove(spacing)

    normal = doc.styles["Normal"]
    normal.font.size = Pt(layout.body_size_pt)
    _set_fonts(normal.element.get_or_add_rPr(), layout.body_font, layout.latin_font)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Twips(layout.line_pitch_twips)
    # Widow control would push lines to the next page and break the 22-line page.
    pf.widow_control = False
    condense = layout.condense_twips(layout.body_size_pt)
    if condense:  # text typed later in Word/WPS keeps 28 a line in every reader
        _set_spacing(normal.element.get_or_add_rPr(), condense)


def _setup_section(doc: DocxDocument, layout: DocxLayout) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Twips

    section = doc.sections[0]
    width, height = layout.page_twips
    top, bottom, left, right = layout.margins_twips
    section.page_width = Twips(width)
    section.page_height = Twips(height)
    section.top_margin = Twips(top)
    section.bottom_margin = Twips(bottom)
    section.left_margin = Twips(left)
    section.right_margin = Twips(right)
    section.header_distance = Twips(_mm_to_twips(layout.header_distance_mm))
    section.footer_distance = Twips(_mm_to_twips(layout.footer_distance_mm))
    section.gutter = Twips(0)

    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "linesAndChars" if layout.char_grid else "lines")
    grid.set(qn("w:linePitch"), str(layout.line_pitch_twips))
    grid.set(qn("w:charSpace"), str(layout.char_space))

    doc.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer.paragraphs[0], layout, odd=True)
    _page_number_footer(section.even_page_footer.paragraphs[0], layout, odd=False)


def _page_number_footer(paragraph: Paragraph, layout: DocxLayout, *, odd: bool) -> None:
    """“— N —” with N a PAGE field; odd pages right-aligned, even left, one character in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    _format_paragraph(
        paragraph,
        layout,
        align="right" if odd else "left",
        snap_to_grid=False,
        line_twips=round(layout.page_number_size_pt * 1.5 * _TWIPS_PER_PT),
    )
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    _ppr_child(paragraph, "w:ind").set(qn("w:firstLineChars"), "0")
    one_char = Pt(layout.page_number_size_pt)  # GB/T 9704: 空一字 from the outer edge
    if odd:
        fmt.right_indent = one_char
    else:
        fmt.left_indent = one_char

    def run(text: str | None = None):  # type: ignore[no-untyped-def]
        return _add_run(
            paragraph,
            text or "",
            layout.page_number_font,
            layout.page_number_size_pt,
            layout,
            grid=False,
        )

    run("— ")
    # A complex field (begin / instrText / separate / cached result / end) is understood by
    # Word, WPS and LibreOffice alike; the cached "1" is replaced when the page is laid out.
    for kind, text in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("result", "1"),
        ("end", None),
    ):
        r = run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            r._r.append(instr)
        elif kind == "result":
            r.text = text
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r._r.append(fld)
    run(" —")


def _add_text_paragraph(
    doc: DocxDocument, par: DraftParagraph, layout: DocxLayout, index: int
) -> None:
    text = _clean(par.text)
    if par.kind == "salutation":
        p = doc.add_paragraph()
        _format_paragraph(p, layout, align="left", indent_chars=0)
        _add_run(p, text, layout.body_font, layout.body_size_pt, layout)
        return
    p = doc.add_paragraph()
    _format_paragraph(p, layout, align="both", indent_chars=layout.first_line_indent_chars)
    if par.level == 1:
        _add_run(p, text, layout.heading_font, layout.body_size_pt, layout)
        return
    lead = _clean(par.lead) if par.lead else ""
    if lead:
        if not text.startswith(lead):
            raise ParameterError(
                f"paragraphs[{index}].lead", par.lead, f"a prefix of the text {text[:20]!r}…"
            )
        _add_run(p, lead, layout.lead_font, layout.body_size_pt, layout)
        text = text[len(lead) :]
    if text:
        _add_run(p, text, layout.body_font, layout.body_size_pt, layout)


def _clean(text: str) -> str:
    """One paragraph is one line: fold inner line breaks and trim indentation spaces."""
    return re.sub(r"\s*\n\s*", "", text).strip(" \t\u3000")


def build_document(draft: Draft, *, config: DocxLayout | None = None) -> DocxDocument:
    """Build the python-docx document for ``draft`` (what :func:`write_docx` saves).

    Args:
        draft: The draft to render.
        config: Layout; GB/T 9704 defaults when None.

    Returns:
        A ``docx.Document``.

    Raises:
        ParameterError: If a paragraph's ``lead`` is not a prefix of its text.
    """
    import docx
    from docx.oxml.ns import qn

    layout = config or DocxLayout()
    doc = docx.Document()
    body = doc.element.body
    for child in list(body):  # the template's empty paragraph, keep sectPr
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _setup_styles(doc, layout)
    _setup_section(doc, layout)

    title = doc.add_paragraph()
    _format_paragraph(title, layout, align="center", snap_to_grid=False)
    _add_run(
        title, _clean(draft.title), layout.title_font, layout.title_size_pt, layout, grid=False
    )

    bylines = []
    if draft.date:
        bylines.append(f"（{format_date(draft.date)}）")
    if draft.speaker:
        bylines.append(_clean(draft.speaker))
    for line in bylines:
        p = doc.add_paragraph()
        _format_paragraph(p, layout, align="center")
        _add_run(p, line, layout.byline_font, layout.body_size_pt, layout)
    gap = doc.add_paragraph()  # one empty line between the title block and the body
    _format_paragraph(gap, layout, align="both")
    _add_run(gap, "", layout.body_font, layout.body_size_pt, layout)

    for index, par in enumerate(draft.paragraphs):
        if par.text.strip():
            _add_text_paragraph(doc, par, layout, index)

    props = doc.core_properties
    # Word limits core properties to 255 characters (python-docx raises past that): a very
    # long title or speaker is cut in the properties only, never in the text.
    props.title = _property(_clean(draft.title))
    props.author = _property(draft.speaker or "")
    props.comments = ""
    props.last_modified_by = "speechkit"
    props.language = "zh-CN"
    # No creation/modification time: the same draft gives a byte-identical file.
    core = doc.part.package.part_related_by(
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    )
    for tag in ("created", "modified"):
        el = core.element.find(f"{{http://purl.org/dc/terms/}}{tag}")
        if el is not None:
            core.element.remove(el)
    return doc


#: Longest document property Word accepts (python-docx enforces it).
MAX_PROPERTY_CHARS = 255


def _property(value: str) -> str:
    """``value`` cut to :data:`MAX_PROPERTY_CHARS`, ending in … when cut.

    Examples:
        >>> len(_property("市" * 300)), _property("市" * 300)[-1]
        (255, '…')
    """
    if len(value) <= MAX_PROPERTY_CHARS:
        return value
    return value[: MAX_PROPERTY_CHARS - 1] + "…"


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed member timestamps (python-docx stamps the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def docx_bytes(doc: DocxDocument) -> bytes:
    """The saved package of ``doc``, byte-identical for the same document."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return _deterministic_zip(buffer.getvalue())


def write_docx(draft: Draft, path: PathLike, *, config: DocxLayout | None = None) -> Path:
    """Write ``draft`` as a GB/T 9704-2012 .docx, atomically.

    Args:
        draft: The draft to render.
        path: Target file; replaced only when the whole file has been written.
        config: Layout; GB/T 9704 defaults when None.

    Returns:
        The path written.

    Raises:
        OutputError: If the file cannot be written (message names the file).
        ParameterError: If a paragraph's ``lead`` is not a prefix of its text.

    Examples:
        >>> import tempfile, pathlib
        >>> from speechkit.model import Draft, DraftParagraph
        >>> d = Draft("在全市动员大会上的讲话", [DraftParagraph("同志们：", kind="salutation")])
        >>> out = write_docx(d, pathlib.Path(tempfile.mkdtemp()) / "讲话稿.docx")
        >>> out.name, out.stat().st_size > 5000
        ('讲话稿.docx', True)
    """
    target = Path(path)
    data = docx_bytes(build_document(draft, config=config))
    return atomic_write_bytes(target, data)
