"""Render a draft as PDF through LibreOffice headless: a preview of the GB/T 9704 .docx.

The .docx (:mod:`speechkit.render.docx`) names the official fonts, which are not free and
are rarely installed outside Chinese Windows. LibreOffice would then set title, headings
and body in one fallback face, and the preview would lose its hierarchy. So for the PDF
each official face is replaced by the closest installed one (:data:`FACE_CHOICES`:
小标宋 → a bold serif, 仿宋 → a serif, 楷体 → a Kai face or a serif, 黑体 → a sans), found
with fontconfig's ``fc-list``; an official face that is installed is kept.

LibreOffice (7.4 checked) ignores ``w:overflowPunct`` when it imports a .docx: it hangs a
line-final ，、。 into the margin and, in a justified paragraph, does not paint it — the
default draft lost 14 marks that way (``benchmarks/pdf_punctuation.py``). The conversion
therefore goes .docx → .odt, switches every paragraph to ``style:punctuation-wrap="simple"``
(no hanging: LibreOffice moves a character down with the mark, as Word does with
``overflowPunct`` off), then .odt → .pdf.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from speechkit.atomic import atomic_write_bytes
from speechkit.errors import OutputError
from speechkit.types import PathLike

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from speechkit.model import Draft
    from speechkit.render.docx import DocxLayout

__all__ = [
    "FACE_CHOICES",
    "find_soffice",
    "installed_families",
    "preview_fonts",
    "require_soffice",
    "substitute_fonts",
    "write_pdf",
]

_SERIFS = ("Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "思源宋体",
           "AR PL UMing CN", "Noto Serif CJK")  # fmt: skip
_SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "思源黑体",
         "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback")  # fmt: skip

#: For each official face: installed families to use instead, best first, and whether the
#: replacement is set bold (小标宋 is a heavy Song; a regular serif would look like body text).
FACE_CHOICES: dict[str, tuple[tuple[str, bool], ...]] = {
    "方正小标宋简体": (
        *((f, False) for f in ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S",
                               "华文中宋", "STZhongsong")),
        *((f, True) for f in _SERIFS),
    ),
    "仿宋_GB2312": tuple(
        (f, False) for f in ("仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "华文仿宋",
                             "STFangsong", *_SERIFS)
    ),
    "楷体_GB2312": tuple(
        (f, False) for f in ("楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "华文楷体", "STKaiti",
                             "AR PL UKai CN", "AR PL KaitiM GB", "LXGW WenKai", *_SERIFS)
    ),
    "黑体": tuple((f, False) for f in ("黑体", "SimHei", "华文黑体", "STHeiti", *_SANS)),
    "宋体": tuple((f, False) for f in ("宋体", "SimSun", "NSimSun", *_SERIFS)),
}  # fmt: skip
# The short names people write in a DocxLayout choose the same way.
FACE_CHOICES["仿宋"] = FACE_CHOICES["仿宋_GB2312"]
FACE_CHOICES["楷体"] = FACE_CHOICES["楷体_GB2312"]
FACE_CHOICES["小标宋"] = FACE_CHOICES["方正小标宋简体"]

#: Seconds one LibreOffice conversion may take.
TIMEOUT = 180

_INSTALL_HINT = (
    "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; Windows and "
    "macOS: libreoffice.org) and make sure soffice is on PATH, or write .docx and export the "
    "PDF from Word or WPS"
)


def find_soffice() -> str | None:
    """The LibreOffice executable (``soffice`` or ``libreoffice`` on PATH), else ``None``."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice(target: PathLike) -> str:
    """:func:`find_soffice`, or an :class:`OutputError` naming ``target`` and the fix."""
    soffice = find_soffice()
    if soffice is None:
        raise OutputError(f"{target}: writing .pdf needs LibreOffice (soffice); {_INSTALL_HINT}")
    return soffice


@functools.cache
def installed_families() -> frozenset[str]:
    """Font families fontconfig knows (every localized name), empty without ``fc-list``."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:  # Windows: LibreOffice uses the system fonts and its own fallbacks
        return frozenset()
    try:
        result = subprocess.run(
            [fc_list, ":", "family"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):  # a broken fontconfig: LibreOffice's fallbacks
        return frozenset()
    names = {name.strip() for line in result.stdout.splitlines() for name in line.split(",")}
    return frozenset(name for name in names if name)


def preview_fonts(
    fonts: Collection[str], installed: Collection[str]
) -> dict[str, tuple[str, bool]]:
    """The installed family (and bold flag) to show each of ``fonts`` with.

    A font that is installed, or that :data:`FACE_CHOICES` does not know, or for which no
    choice is installed, is left out (LibreOffice's own fallback applies).

    Examples:
        >>> installed = {"Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN"}
        >>> fonts = ["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体"]
        >>> preview_fonts(fonts, installed)["方正小标宋简体"]
        ('Noto Serif CJK SC', True)
        >>> preview_fonts(fonts, installed)["楷体_GB2312"]
        ('AR PL UKai CN', False)
        >>> preview_fonts(["黑体"], {"黑体", "Noto Sans CJK SC"})
        {}
    """
    table: dict[str, tuple[str, bool]] = {}
    for font in fonts:
        if font in installed:
            continue
        for family, bold in FACE_CHOICES.get(font, ()):
            if family in installed:
                table[font] = (family, bold)
                break
    return table


def substitute_fonts(doc: DocxDocument, table: Mapping[str, tuple[str, bool]]) -> int:
    """Rename the fonts of every run, style and footer of ``doc`` by ``table``, in place.

    Runs whose font becomes bold get ``w:b``. Returns the number of font slots renamed.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    slots = [qn(f"w:{name}") for name in ("ascii", "hAnsi", "cs", "eastAsia")]
    renamed = 0
    for part in doc.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is None:
            continue
        for rfonts in element.iter(qn("w:rFonts")):
            bold = False
            for slot in slots:
                family, bold_slot = table.get(rfonts.get(slot, ""), ("", False))
                if family:
                    rfonts.set(slot, family)
                    renamed += 1
                    bold = bold or (slot == slots[-1] and bold_slot)
            rpr = rfonts.getparent()
            if bold and rpr.find(qn("w:b")) is None:
                rfonts.addnext(OxmlElement("w:b"))  # w:b follows w:rFonts in CT_RPr
    return renamed


_WRAP = re.compile(rb'style:punctuation-wrap="[a-z]*"')
_PARAGRAPH_PROPERTIES = re.compile(rb"<style:paragraph-properties(?![^>]*punctuation-wrap)")


def _no_hanging_punctuation(odt: bytes) -> bytes:
    """The .odt with every paragraph style set to ``punctuation-wrap="simple"``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(odt)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in ("content.xml", "styles.xml"):
                data = _WRAP.sub(b'style:punctuation-wrap="simple"', data)
                data = _PARAGRAPH_PROPERTIES.sub(
                    b'<style:paragraph-properties style:punctuation-wrap="simple"', data
                )
            # mimetype must stay first and stored (ODF); the rest keeps its compression.
            dst.writestr(info, data, compress_type=info.compress_type)
    return out.getvalue()


def _convert(soffice: str, source: Path, fmt: str, workdir: Path) -> Path:
    """Run one LibreOffice headless conversion of ``source`` to ``fmt`` inside ``workdir``."""
    # A private profile: no clash with a LibreOffice the user has open, or a parallel run.
    profile = (workdir / "profile").as_uri()
    env = dict(os.environ, HOME=str(workdir / "home"))
    try:
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
             "--outdir", str(workdir / "out"), str(source)],
            capture_output=True, text=True, timeout=TIMEOUT, env=env, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise OutputError(
            f"LibreOffice took more than {TIMEOUT} s to convert to {fmt}; close other "
            "LibreOffice windows and try again"
        ) from None
    target = workdir / "out" / f"{source.stem}.{fmt}"
    if result.returncode != 0 or not target.is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise OutputError(
            f"LibreOffice could not convert the draft to {fmt}"
            f" ({detail[-1] if detail else f'exit code {result.returncode}'}); "
            "check that soffice runs, or write .docx instead"
        )
    return target


def write_pdf(
    draft: Draft,
    path: PathLike,
    *,
    config: DocxLayout | None = None,
    soffice: str | None = None,
    fonts: Collection[str] | None = None,
) -> Path:
    """Write ``draft`` as a PDF preview of its GB/T 9704 .docx, atomically.

    Args:
        draft: The draft to render.
        path: Target ``.pdf``; replaced only when the whole file has been written.
        config: Layout of the .docx; GB/T 9704 defaults when None.
        soffice: LibreOffice executable; default :func:`find_soffice`.
        fonts: Installed font families; default :func:`installed_families`.

    Returns:
        The path written.

    Raises:
        OutputError: LibreOffice is not installed or fails, or the file cannot be written.
    """
    from speechkit.render.docx import DocxLayout, build_document, docx_bytes

    target = Path(path)
    soffice = soffice or require_soffice(target)
    layout = config or DocxLayout()
    doc = build_document(draft, config=layout)
    official = {layout.title_font, layout.body_font, layout.heading_font, layout.lead_font,
                layout.byline_font, layout.page_number_font}  # fmt: skip
    substitute_fonts(doc, preview_fonts(official, installed_families() if fonts is None else fonts))
    with tempfile.TemporaryDirectory(prefix="speechkit-pdf-") as tmp:
        workdir = Path(tmp)
        docx_path = workdir / "draft.docx"
        docx_path.write_bytes(docx_bytes(doc))
        odt_path = _convert(soffice, docx_path, "odt", workdir)
        fixed = workdir / "draft-simple.odt"
        fixed.write_bytes(_no_hanging_punctuation(odt_path.read_bytes()))
        pdf_path = _convert(soffice, fixed, "pdf", workdir)
        data = pdf_path.read_bytes()
    return atomic_write_bytes(target, data)
