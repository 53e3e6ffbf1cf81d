"""Charts with real Chinese glyphs: find a CJK font, draw with matplotlib (Agg), write atomically.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs and draws boxes
(豆腐块). :func:`find_cjk_font` picks an installed font whose character map
really contains every label character (checked with fontTools, which ships with
matplotlib), preferring well-known CJK families. matplotlib is the ``plot`` extra
and is imported only when a chart is drawn.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from speechkit.atomic import atomic_path
from speechkit.errors import OutputError
from speechkit.types import PathLike

__all__ = [
    "CJK_FAMILIES",
    "FONT_INSTALL_HINT",
    "bar_chart",
    "chart_font",
    "check_chart_path",
    "find_cjk_font",
    "font_covers",
]

#: Preferred font families, best first (sans-serif reads best in charts).
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "Noto Sans CJK JP",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)

FONT_INSTALL_HINT = (
    "install one, e.g. `apt-get install fonts-noto-cjk` or `apt-get install fonts-wqy-microhei` "
    "(Debian/Ubuntu), `dnf install google-noto-sans-cjk-fonts` (Fedora); "
    "Windows and macOS ship Microsoft YaHei / PingFang"
)

#: Characters every chosen font must have, besides the labels themselves.
_SAMPLE = "创建文明城市长效机制"


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as exc:
        raise OutputError("drawing charts needs matplotlib: pip install 'speechkit[plot]'") from exc
    return matplotlib


@functools.cache
def _cmap(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(path, fontNumber=0, lazy=True)  # fontNumber: first face of a .ttc
        cmap = font.getBestCmap() or {}
        font.close()
    except Exception:  # unreadable or unsupported font file: treat as covering nothing
        return frozenset()
    return frozenset(cmap)


def font_covers(path: PathLike, text: str) -> bool:
    """Whether the font file maps every non-space character of ``text`` to a glyph.

    Examples:
        >>> from matplotlib import font_manager
        >>> font_covers(font_manager.findfont("DejaVu Sans"), "长效机制")
        False
    """
    cmap = _cmap(str(path))
    return all(ord(c) in cmap for c in text if not c.isspace())


def find_cjk_font(text: str = "") -> Path:
    """An installed font file that has every character of ``text`` (and common Chinese).

    Preferred families (:data:`CJK_FAMILIES`) come first; otherwise any font
    known to matplotlib whose character map covers the text.

    Raises:
        OutputError: No installed font covers the text (with an install hint).
    """
    _matplotlib()
    from matplotlib import font_manager

    needed = _SAMPLE + text
    fonts = font_manager.fontManager.ttflist
    by_family: dict[str, list[str]] = {}
    for entry in fonts:
        by_family.setdefault(entry.name, []).append(entry.fname)
    for family in CJK_FAMILIES:
        # regular weight first: file names of bold faces say so
        for fname in sorted(by_family.get(family, ()), key=lambda f: ("Bold" in f, f)):
            if font_covers(fname, needed):
                return Path(fname)
    for fname in sorted({entry.fname for entry in fonts}):
        if font_covers(fname, needed):
            return Path(fname)
    missing = "".join(sorted({c for c in needed if not c.isspace()}))[:10]
    raise OutputError(
        f"no installed font has the Chinese characters of the chart ({missing}…); "
        f"{FONT_INSTALL_HINT}"
    )


def check_chart_path(path: PathLike) -> str:
    """Check up front that a chart can be written to ``path``; return the image format.

    Raises:
        OutputError: matplotlib missing, unknown image type, missing folder or folder
            not writable.
    """
    _matplotlib()  # fail before the analysis, not after it
    target = Path(path)
    fmt = target.suffix.lower().lstrip(".") or "png"
    if fmt not in {"png", "svg", "pdf", "jpg", "jpeg"}:
        raise OutputError(f"{target}: unsupported image type {fmt!r}; use .png, .svg, .pdf or .jpg")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(
            f"{target}: folder {folder} does not exist; create it or choose another path"
        )
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise OutputError(f"{target}: cannot write in {folder}; choose a writable path")
    return fmt


def chart_font(text: str, font: PathLike | None = None) -> Path:
    """The font file of a chart whose labels are ``text``: ``font`` if given (checked to cover
    them), else :func:`find_cjk_font`; matplotlib checked first.

    Raises:
        OutputError: matplotlib missing, no font covers ``text``, or ``font`` lacks some of it.
    """
    _matplotlib()
    if font is None:
        return find_cjk_font(text)
    if not font_covers(font, text):
        raise OutputError(f"{font}: font lacks some characters of the chart; {FONT_INSTALL_HINT}")
    return Path(font)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    path: PathLike,
    *,
    title: str | None = None,
    xlabel: str = "score",
    font: PathLike | None = None,
) -> Path:
    """Draw a horizontal bar chart, first label at the top, and write it atomically.

    Args:
        labels: Bar labels (Chinese text).
        values: Bar lengths.
        path: Output image (.png, .svg, .pdf, .jpg).
        title: Chart title.
        xlabel: Label of the value axis.
        font: Font file; found with :func:`find_cjk_font` when ``None``.

    Returns:
        The font file used (its character map covers every label).

    Raises:
        OutputError: No CJK font, matplotlib missing, or the path cannot be written.
    """
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    fmt = check_chart_path(path)
    font_path = chart_font("".join(labels) + (title or "") + xlabel, font)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(fname=str(font_path))
    height = max(2.5, 0.32 * len(labels) + 1.2)
    fig = Figure(figsize=(8, height), dpi=120)
    FigureCanvasAgg(fig)  # Agg canvas attached to this figure only: no global backend
    ax = fig.add_subplot()
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, list(values), color="#b22222")
    ax.set_yticks(positions)
    ax.set_yticklabels(list(labels), fontproperties=prop)
    ax.set_xlabel(xlabel, fontproperties=prop)
    if title:
        ax.set_title(title, fontproperties=prop)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format=fmt)
    return font_path
