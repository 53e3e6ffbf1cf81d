"""A real client: LibreOffice converts the .docx to PDF; poppler reads pages and text back.

Skipped only when ``soffice`` is missing outside CI (in CI, ``.ci/run`` installs it).
The official fonts are not on Linux: ``fonts.conf`` (next to this file, used through
FONTCONFIG_FILE for the conversion only) maps them to Noto Serif/Sans CJK, whose full-width
glyphs are 1 em wide like 仿宋_GB2312, so the 28 × 22 grid can be checked.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from speechkit.render import write_docx

from .drafts import make_draft

pytestmark = pytest.mark.slow

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if SOFFICE is None and not os.environ.get("CI"):
    pytest.skip(
        "LibreOffice (soffice) is not installed; apt-get install libreoffice-writer "
        "fonts-noto-cjk poppler-utils to run the real-client tests",
        allow_module_level=True,
    )

HERE = Path(__file__).parent
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# LibreOffice 7.4 ignores w:overflowPunct and hangs a line-final 。/， into the margin; in a
# justified paragraph it then does not paint it. Word and WPS honour overflowPunct="0".
HUNG = "。，、；：！？”）"
MM = 72 / 25.4
WORD_BOX = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<'


def _run(*args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=180, check=True)
    return result.stdout


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("lo")
    docx_path = write_docx(make_draft(), folder / "speech.docx")
    env = dict(os.environ, HOME=str(folder / "home"), FONTCONFIG_FILE=str(HERE / "fonts.conf"))
    profile = (folder / "profile").as_uri()  # own profile: no lock clash with other runs
    assert SOFFICE is not None, "CI is set but LibreOffice is not installed"
    _run(
        SOFFICE,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(docx_path),
        env=env,
    )
    out = folder / "speech.pdf"
    assert out.exists(), "LibreOffice wrote no PDF"
    return out


def _pages(pdf: Path) -> list[list[str]]:
    """Non-empty text lines of every page (pdftotext -layout keeps one line per line)."""
    text = _run("pdftotext", "-layout", str(pdf), "-")
    return [
        [line for line in page.splitlines() if line.strip()]
        for page in text.split("\f")
        if page.strip()
    ]


def _cells(line: str) -> int:
    """Full-width characters inside the type area (a mark hung into the margin is not a cell)."""
    line = line.rstrip()
    if len(CJK.findall(line)) > 28 and line[-1] in HUNG:
        line = line[:-1]
    return len(CJK.findall(line))


def _footer_boxes(pdf: Path) -> list[tuple[float, float, float, str]]:
    """(xMin, xMax, yMin, text) of the page-number line on each page."""
    html = _run("pdftotext", "-bbox", str(pdf), "-")
    boxes = []
    for page in html.split("<page ")[1:]:
        words = re.findall(WORD_BOX, page)
        foot = [(float(a), float(c), float(b), t) for a, b, c, t in words if float(b) > 740]
        boxes.append(
            (
                min(f[0] for f in foot),
                max(f[1] for f in foot),
                min(f[2] for f in foot),
                "".join(f[3] for f in foot),
            )
        )
    return boxes


def test_page_count_and_size(pdf):
    info = _run("pdfinfo", str(pdf))
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == len(_pages(pdf)) >= 2
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(width - 210 * MM) < 1 and abs(height - 297 * MM) < 1


def test_lines_hold_28_characters_and_pages_22_lines(pdf):
    pages = _pages(pdf)
    body_lines = [line for page in pages for line in page[:-1]]  # last line: page number
    counts = [_cells(line) for line in body_lines]
    assert max(counts) == 28
    full = [c for c in counts if c >= 24]
    # lines that break inside a paragraph are 28 wide, 27 when 避头尾 moves a character on
    assert sum(c == 28 for c in full) >= 0.6 * len(full), counts
    assert all(c in (26, 27, 28) for c in full if c >= 26)
    # every page but the last is full: 22 lines (page 1: title, date, speaker, an empty line
    # pdftotext does not print, and 18 body lines)
    assert len(pages[0]) - 1 == 21
    for page in pages[1:-1]:
        assert len(page) - 1 == 22
    assert len(pages[-1]) - 1 <= 22


def test_text_is_complete_and_in_order(pdf):
    draft = make_draft()
    pages = _pages(pdf)
    text = "".join(line for page in pages for line in page[:-1])
    flat = re.sub(rf"[\s{HUNG}]", "", text)
    expected = draft.title + "（2027年4月10日）市委书记" + "".join(p.text for p in draft.paragraphs)
    assert flat == re.sub(rf"[\s{HUNG}]", "", expected)
    # only line-final punctuation may be missing (see HUNG); never a character of words
    lost = len(re.sub(r"\s", "", expected)) - len(re.sub(r"\s", "", text))
    assert 0 <= lost <= sum(len(p) for p in pages)


def test_page_numbers_outer_edge_7mm_below_type_area(pdf):
    boxes = _footer_boxes(pdf)
    assert len(boxes) >= 2
    type_bottom = (297 - 35) * MM
    for number, (x_min, x_max, y_min, text) in enumerate(boxes, start=1):
        assert re.fullmatch(rf"—\s*{number}\s*—", text), text
        if number % 2:  # odd: right, one character (14 pt) in from the type area
            assert abs(x_max - ((210 - 26) * MM - 14)) < 2
        else:  # even: left, one character in
            assert abs(x_min - (28 * MM + 14)) < 2
        # the line box starts below the type area; its middle (the dash) ~7 mm below it
        assert y_min > type_bottom
        dash_mm = (y_min + 9.1 - type_bottom) / MM  # 9.1 pt = half the 18.2 pt line box
        assert 5 <= dash_mm <= 9, dash_mm
