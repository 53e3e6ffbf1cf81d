"""Line-end punctuation lost when LibreOffice renders a draft, before and after ``-o x.pdf``.

- before: ``soffice --convert-to pdf`` straight from the draft's .docx (what a user would do);
- after: ``write_pdf`` (``speechkit draft … -o x.pdf``): closest installed faces, and no
  hanging punctuation (:mod:`speechkit.render.pdf`).

For each, the full-width marks ，、。；：！？ of the .docx text are counted in ``pdftotext``'s
output; a mark hung past the margin and not painted is missing there. Also printed: the
rightmost glyph edge of body text against the type area's right edge (184 mm), and the
embedded fonts. ``--png DIR`` writes the pages as PNG (pdftoppm) to look at them.

    python benchmarks/pdf_punctuation.py
    python benchmarks/pdf_punctuation.py --profile examples/yunxi_district.yaml --png /tmp/pages
"""

from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from speechkit.draft.run import draft_from_file
from speechkit.render.docx import write_docx
from speechkit.render.pdf import _convert, find_soffice, write_pdf

ROOT = Path(__file__).resolve().parent.parent

MARKS = "，、。；：！？"
MM = 72 / 25.4
WORD_BOX = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<'


def lost_marks(docx_text: str, pdf: Path) -> dict[str, int]:
    """Per mark: occurrences in the .docx text minus occurrences in the PDF text."""
    shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    want = collections.Counter(c for c in docx_text if c in MARKS)
    got = collections.Counter(c for c in shown if c in MARKS)
    return {mark: want[mark] - got[mark] for mark in MARKS if want[mark] != got[mark]}


def rightmost_mm(pdf: Path) -> float:
    """Rightmost glyph edge above the footer, in mm from the page's left edge."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    edges = [float(x2) for _x1, y1, x2, _t in re.findall(WORD_BOX, html) if float(y1) < 740]
    return max(edges) / MM


def fonts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    return sorted({line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default=str(ROOT / "examples" / "qinglan_city.yaml"))
    parser.add_argument("--png", type=Path, help="Also write every page as PNG to this folder.")
    args = parser.parse_args()
    soffice = find_soffice()
    if soffice is None:
        sys.exit("LibreOffice (soffice) is not installed")
    draft = draft_from_file(args.profile)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docx_path = write_docx(draft, work / "draft.docx")
        import docx

        text = "".join(p.text for p in docx.Document(str(docx_path)).paragraphs)
        before = _convert(soffice, docx_path, "pdf", work)
        after = write_pdf(draft, work / "after.pdf")
        marks = sum(c in MARKS for c in text)
        print(f"profile {args.profile}: {marks} marks ，、。；：！？ in the .docx")
        print("type area right edge: 184.0 mm")
        for name, pdf in (("before (soffice on the .docx)", before), ("after (-o x.pdf)", after)):
            lost = lost_marks(text, pdf)
            detail = ", ".join(f"{n} {m}" for m, n in lost.items()) or "none"
            print(f"{name}: {sum(lost.values())} lost ({detail}); rightmost glyph "
                  f"{rightmost_mm(pdf):.1f} mm; fonts {', '.join(fonts(pdf))}")  # fmt: skip
            if args.png:
                args.png.mkdir(parents=True, exist_ok=True)
                prefix = args.png / ("before" if name.startswith("before") else "after")
                subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(prefix)], check=True)
        if args.png:
            print(f"pages written to {args.png}")


if __name__ == "__main__":
    main()
