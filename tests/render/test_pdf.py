"""``-o x.pdf``: LibreOffice headless, closest installed faces, no line-end punctuation lost.

The conversion tests need LibreOffice and poppler; they skip without them outside CI and
fail in CI (``.ci/run`` installs both). Font choice and the no-LibreOffice error run anywhere.
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.errors import OutputError
from speechkit.render import pdf as pdf_module
from speechkit.render.docx import build_document
from speechkit.render.pdf import preview_fonts, substitute_fonts, write_pdf

from .drafts import make_draft

ROOT = Path(__file__).resolve().parents[2]
MARKS = "，、。；：！？"
MM = 72 / 25.4
WORD_BOX = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<'
OFFICIAL = ["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体"]


def _need_tools() -> None:
    missing = [t for t in ("pdftotext", "pdffonts") if shutil.which(t) is None]
    if pdf_module.find_soffice() is None:
        missing.append("soffice")
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have {', '.join(missing)} (.ci/run installs them)")
        pytest.skip(f"{', '.join(missing)} not installed")


def test_each_official_face_gets_the_closest_installed_one() -> None:
    installed = {"Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"}
    table = preview_fonts(OFFICIAL, installed)
    assert table == {
        "方正小标宋简体": ("Noto Serif CJK SC", True),  # heavy Song: a bold serif
        "仿宋_GB2312": ("Noto Serif CJK SC", False),
        "楷体_GB2312": ("Noto Serif CJK SC", False),  # no Kai face installed
        "黑体": ("Noto Sans CJK SC", False),
        "宋体": ("Noto Serif CJK SC", False),
    }
    with_kai = preview_fonts(OFFICIAL, installed | {"AR PL UKai CN"})
    assert with_kai["楷体_GB2312"] == ("AR PL UKai CN", False)
    # an installed official face is used as it is; with no candidate LibreOffice decides
    assert preview_fonts(OFFICIAL, {"黑体", "仿宋_GB2312"}) == {}


def test_substitution_renames_every_run_and_bolds_the_title() -> None:
    from docx.oxml.ns import qn

    doc = build_document(make_draft())
    table = preview_fonts(OFFICIAL, {"Noto Serif CJK SC", "Noto Sans CJK SC"})
    assert substitute_fonts(doc, table) > 0
    names = set()
    for part in doc.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is not None:
            names |= {r.get(qn("w:eastAsia")) for r in element.iter(qn("w:rFonts"))}
    assert names - {None} == {"Noto Serif CJK SC", "Noto Sans CJK SC"}
    title = doc.paragraphs[0].runs[0]
    assert title.bold is True
    assert not any(run.bold for p in doc.paragraphs[1:] for run in p.runs)


def test_no_libreoffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    target = tmp_path / "讲话稿.pdf"
    with pytest.raises(OutputError, match=r"writing \.pdf needs LibreOffice \(soffice\)"):
        write_pdf(make_draft(), target)
    result = CliRunner().invoke(cli, ["draft", str(ROOT / "examples/qinglan_city.yaml"),
                                      "-o", str(target)])  # fmt: skip
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {target}: writing .pdf needs LibreOffice (soffice); ")
    assert "apt-get install libreoffice-writer-nogui" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    _need_tools()
    folder = tmp_path_factory.mktemp("pdf")
    draft = make_draft()
    out = write_pdf(draft, folder / "speech.pdf")
    text = draft.title + "".join(p.text for p in draft.paragraphs)
    return out, text


@pytest.mark.slow
def test_pdf_keeps_every_line_end_mark(rendered: tuple[Path, str]) -> None:
    pdf, text = rendered
    assert pdf.read_bytes()[:5] == b"%PDF-"
    shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    want = collections.Counter(c for c in text if c in MARKS)
    got = collections.Counter(c for c in shown if c in MARKS)
    assert got == want
    # ... and no glyph is pushed past the type area's right edge (210 - 26 mm)
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True)
    edges = [float(x2) for _a, y1, x2, _t in re.findall(WORD_BOX, html.stdout) if float(y1) < 740]
    assert max(edges) <= (210 - 26) * MM + 0.5


@pytest.mark.slow
def test_pdf_shows_the_heading_hierarchy_in_distinct_faces(rendered: tuple[Path, str]) -> None:
    pdf, _ = rendered
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    faces = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line}
    # title, body and level-1 headings in three different faces (more with a Kai face)
    assert len(faces) >= 3, faces
    assert any("Bold" in f for f in faces) and any("Sans" in f or "Hei" in f for f in faces)


def test_every_paragraph_style_is_set_not_to_hang_punctuation() -> None:
    import io
    import zipfile

    from speechkit.render.pdf import _no_hanging_punctuation

    content = (
        b'<office:document-content><style:paragraph-properties fo:text-align="justify" '
        b'style:punctuation-wrap="hanging"/><style:paragraph-properties fo:margin-left="0in"/>'
        b"</office:document-content>"
    )
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        z.writestr("styles.xml", b'<s style:punctuation-wrap="hanging"/>')
    with zipfile.ZipFile(io.BytesIO(_no_hanging_punctuation(odt.getvalue()))) as z:
        assert z.namelist()[0] == "mimetype"  # ODF: first and stored
        assert z.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        fixed = z.read("content.xml")
        assert b"hanging" not in fixed and fixed.count(b'punctuation-wrap="simple"') == 2
        assert z.read("styles.xml") == b'<s style:punctuation-wrap="simple"/>'


def test_without_fc_list_no_font_is_substituted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    pdf_module.installed_families.cache_clear()
    try:
        assert pdf_module.installed_families() == frozenset()
    finally:
        pdf_module.installed_families.cache_clear()
