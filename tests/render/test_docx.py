"""The .docx read back with python-docx: GB/T 9704-2012 page, fonts, spacing and footers."""

from __future__ import annotations

import math
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from speechkit.errors import OutputError, ParameterError
from speechkit.model import Draft, DraftParagraph
from speechkit.render import DocxLayout, write_docx
from speechkit.render.docx import format_date

from .drafts import TITLE, make_draft

MM = 36000  # EMU per millimetre


@pytest.fixture
def written(tmp_path: Path, draft: Draft) -> tuple[Draft, docx.document.Document]:
    path = write_docx(draft, tmp_path / "讲话稿.docx")
    return draft, docx.Document(str(path))


def body_paragraphs(document):
    """Paragraphs after the title block (title, byline(s), one empty line)."""
    paragraphs = document.paragraphs
    gap = next(i for i, p in enumerate(paragraphs) if not p.text)
    return paragraphs[:gap], paragraphs[gap + 1 :]


def east_asian(run) -> str | None:
    rfonts = run._r.rPr.find(qn("w:rFonts"))
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))


def all_runs(document):
    section = document.sections[0]
    for paragraphs in (
        document.paragraphs,
        section.footer.paragraphs,
        section.even_page_footer.paragraphs,
    ):
        for paragraph in paragraphs:
            yield from paragraph.runs


def test_page_is_a4_with_gbt9704_margins(written):
    _, document = written
    section = document.sections[0]
    assert abs(section.page_width - 210 * MM) < 0.05 * MM
    assert abs(section.page_height - 297 * MM) < 0.05 * MM
    for margin, mm in (
        (section.top_margin, 37),
        (section.bottom_margin, 35),
        (section.left_margin, 28),
        (section.right_margin, 26),
    ):
        assert abs(margin - mm * MM) < 0.05 * MM


def test_grid_holds_22_lines_of_28_characters(written):
    _, document = written
    section = document.sections[0]
    text_height = section.page_height - section.top_margin - section.bottom_margin
    text_width = section.page_width - section.left_margin - section.right_margin
    grid = section._sectPr.find(qn("w:docGrid"))
    pitch = Twips(int(grid.get(qn("w:linePitch"))))
    assert grid.get(qn("w:type")) in {"lines", "linesAndChars"}
    assert 28 * Pt(1) <= pitch <= 29 * Pt(1)
    assert 22 * pitch <= text_height < 23 * pitch
    # character pitch = body size + charSpace/4096 pt: exactly 28 cells across the line
    char_pitch = Pt(16 + int(grid.get(qn("w:charSpace"))) / 4096)
    assert 28 * char_pitch <= text_width < 28 * char_pitch + Pt(0.1)
    # every text paragraph: fixed spacing of one grid line
    for paragraph in document.paragraphs:
        fmt = paragraph.paragraph_format
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
        assert fmt.line_spacing == pitch
        assert fmt.space_before == 0 and fmt.space_after == 0
    # condensed 16 pt characters: 28 fit a line, 29 do not
    body_run = body_paragraphs(document)[1][1].runs[0]
    advance = Pt(16) + Twips(int(body_run._r.rPr.find(qn("w:spacing")).get(qn("w:val"))))
    assert 28 * advance <= text_width < 29 * advance


def test_title_and_byline(written):
    _, document = written
    head, _ = body_paragraphs(document)
    title, date, speaker = head
    assert title.text == TITLE
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert [(east_asian(r), r.font.size) for r in title.runs] == [("方正小标宋简体", Pt(22))]
    assert date.text == "（2027年4月10日）"
    assert speaker.text == "市委书记"
    for line in (date, speaker):
        assert line.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert [(east_asian(r), r.font.size) for r in line.runs] == [("楷体_GB2312", Pt(16))]


def test_body_fonts_indents_and_leads(written):
    draft, document = written
    _, body = body_paragraphs(document)
    assert [p.text for p in body] == [p.text for p in draft.paragraphs]
    two_chars = 2 * Pt(DocxLayout().char_pitch_pt)
    for paragraph, source in zip(body, draft.paragraphs, strict=True):
        fmt = paragraph.paragraph_format
        ind = paragraph._p.pPr.find(qn("w:ind"))
        if source.kind == "salutation":
            assert fmt.first_line_indent == 0 and ind.get(qn("w:firstLineChars")) == "0"
            assert paragraph.alignment == WD_ALIGN_PARAGRAPH.LEFT
        else:
            assert abs(fmt.first_line_indent - two_chars) < Twips(1)
            assert ind.get(qn("w:firstLineChars")) == "200"
            assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        fonts = [(east_asian(r), r.font.size) for r in paragraph.runs]
        if source.level == 1:
            assert fonts == [("黑体", Pt(16))]
        elif source.lead:
            assert fonts == [("楷体_GB2312", Pt(16)), ("仿宋_GB2312", Pt(16))]
            assert paragraph.runs[0].text == source.lead
        else:
            assert fonts == [("仿宋_GB2312", Pt(16))]
    kinds = {p.level or p.kind for p in draft.paragraphs}
    assert {1, "salutation", "body", "closing"} <= kinds


def test_every_run_names_east_asian_and_latin_fonts(written):
    _, document = written
    runs = list(all_runs(document))
    assert len(runs) > 20
    for run in runs:
        rfonts = run._r.rPr.find(qn("w:rFonts"))
        assert rfonts is not None
        for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
            assert rfonts.get(qn(attr)), (attr, run.text)
        # theme fonts would override the named ones in Word
        assert not [a for a in rfonts.attrib if a.endswith("Theme")]
        assert run.font.size is not None
    # the defaults and Normal style name the body font too (text typed later in Word)
    normal = document.styles["Normal"]
    assert normal.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.widow_control is False


def _footer_parts(paragraph):
    runs = paragraph._p.findall(qn("w:r"))
    instr = "".join(t.text for r in runs for t in r.findall(qn("w:instrText")))
    fld = [f.get(qn("w:fldCharType")) for r in runs for f in r.findall(qn("w:fldChar"))]
    return instr, fld


@pytest.mark.parametrize(
    ("which", "align", "side"),
    [
        ("footer", WD_ALIGN_PARAGRAPH.RIGHT, "right_indent"),
        ("even_page_footer", WD_ALIGN_PARAGRAPH.LEFT, "left_indent"),
    ],
)
def test_page_number_footers(written, which, align, side):
    _, document = written
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    footer = getattr(section, which)
    assert not footer.is_linked_to_previous
    (paragraph,) = footer.paragraphs
    instr, fld = _footer_parts(paragraph)
    assert instr.strip() == "PAGE"
    assert fld == ["begin", "separate", "end"]
    assert paragraph.text == "— 1 —"  # cached field result between the dashes
    assert paragraph.alignment == align
    assert getattr(paragraph.paragraph_format, side) == Pt(14)  # 空一字
    assert {(east_asian(r), r.font.size) for r in paragraph.runs} == {("宋体", Pt(14))}


def test_footer_sits_7mm_below_type_area(written):
    _, document = written
    section = document.sections[0]
    # footer bottom 25 mm above the edge; a 14 pt × 1.5 line puts the dash ≈ 7 mm under the text
    assert abs(section.footer_distance - 25 * MM) < 0.05 * MM


def test_no_date_or_speaker_gives_no_byline(tmp_path):
    path = write_docx(make_draft(date=None, speaker=None), tmp_path / "a.docx")
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == TITLE
    assert document.paragraphs[1].text == ""
    assert document.paragraphs[2].text == "同志们："


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2027-04-10", "2027年4月10日"),
        ("2027/4/1", "2027年4月1日"),
        ("2027-02-30", "2027-02-30"),  # not a date: kept as given
        ("2027年4月", "2027年4月"),
    ],
)
def test_format_date(value, expected):
    assert format_date(value) == expected


def test_same_draft_gives_identical_bytes(tmp_path, draft):
    a = write_docx(draft, tmp_path / "a.docx").read_bytes()
    b = write_docx(make_draft(), tmp_path / "b.docx").read_bytes()
    assert a == b
    with zipfile.ZipFile(tmp_path / "a.docx") as z:
        assert z.testzip() is None
        core = z.read("docProps/core.xml").decode()
    assert TITLE in core and "python-docx" not in core


def test_missing_folder_is_an_output_error(tmp_path, draft):
    target = tmp_path / "no" / "such" / "讲话稿.docx"
    with pytest.raises(OutputError, match=r"讲话稿\.docx"):
        write_docx(draft, target)
    assert not target.parent.exists()


def test_unwritable_target_leaves_nothing_behind(tmp_path, draft):
    target = tmp_path / "讲话稿.docx"
    target.mkdir()  # a folder in the way: the rename fails even for root
    with pytest.raises(OutputError, match=r"讲话稿\.docx"):
        write_docx(draft, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["讲话稿.docx"]
    assert target.is_dir()


def test_bad_lead_fails_before_touching_the_target(tmp_path, draft):
    target = tmp_path / "讲话稿.docx"
    target.write_bytes(b"old")
    draft.paragraphs[3].lead = "不是前缀。"
    with pytest.raises(ParameterError, match=r"paragraphs\[3\]\.lead"):
        write_docx(draft, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["讲话稿.docx"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("margin_left_mm", -1.0),
        ("body_size_pt", 0.0),
        ("lines_per_page", 0),
        ("margin_top_mm", 270.0),
        ("body_font", " "),
    ],
)
def test_layout_rejects_bad_values(field, value):
    with pytest.raises(ParameterError, match=field if field != "margin_top_mm" else "margins"):
        DocxLayout(**{field: value})


def test_custom_layout_is_applied(tmp_path, draft):
    layout = DocxLayout(body_font="仿宋", chars_per_line=26, char_grid=True)
    document = docx.Document(str(write_docx(draft, tmp_path / "a.docx", config=layout)))
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    assert int(grid.get(qn("w:charSpace"))) == layout.char_space > 0  # 17.01 pt pitch
    assert layout.condense_twips(16) == 0
    _, body = body_paragraphs(document)
    assert east_asian(body[1].runs[0]) == "仿宋"


def test_inner_line_breaks_are_folded(tmp_path):
    draft = Draft("讲话", [DraftParagraph("第一行\n　　第二行", kind="body")])
    document = docx.Document(str(write_docx(draft, tmp_path / "a.docx")))
    assert document.paragraphs[-1].text == "第一行第二行"


def test_fixture_fills_several_pages(draft):
    # 28 characters a line, 22 lines a page: the fixture must exercise page breaks
    lines = sum(math.ceil((len(p.text) + 2) / 28) for p in draft.paragraphs)
    assert lines > 2 * 22
