"""The role map of ``speechkit structure --plot``: one row per speech, coloured by paragraph role.

The CJK font and the path check come from :mod:`speechkit.render.plot`, beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from speechkit.atomic import atomic_path
from speechkit.render.plot import check_chart_path, find_cjk_font
from speechkit.types import ROLES, PathLike

__all__ = ["ROLE_COLOURS", "ROLE_LABELS", "check_plot_path", "plot_roles"]

#: Colour of each role (colour-blind-safe Okabe–Ito palette) and its legend label.
ROLE_COLOURS = {
    "opening": "#999999",
    "significance": "#E69F00",
    "situation": "#56B4E9",
    "tasks": "#009E73",
    "safeguards": "#0072B2",
    "closing": "#CC79A7",
}
ROLE_LABELS = {
    "opening": "开场 opening",
    "significance": "意义 significance",
    "situation": "形势 situation",
    "tasks": "任务 tasks",
    "safeguards": "保障 safeguards",
    "closing": "结尾 closing",
}
XLABEL = "讲话进程（按字数） position in the speech"
TITLE = "段落功能 paragraph roles"


def check_plot_path(path: PathLike) -> str:
    """Check up front that the plot can be written; return the image format.

    Raises:
        OutputError: Unknown image type, missing or read-only folder.

    Examples:
        >>> check_plot_path("roles.png")
        'png'
    """
    return check_chart_path(path)


def plot_roles(report: dict[str, Any], path: PathLike, *, title_chars: int = 18) -> Path:
    """Draw the role map of a structure report with roles (``structure_report(..., roles=True)``).

    Each speech is a row; each paragraph a bar segment as wide as its text, coloured by
    role. Off-topic speeches are marked （离题）. Written atomically.

    Args:
        report: The report with roles.
        path: Output image (.png, .svg, .pdf, .jpg).
        title_chars: Characters of the speech title shown in the row label.

    Returns:
        The font file used for the Chinese labels.

    Raises:
        OutputError: Bad path, matplotlib missing, or no installed CJK font.
    """
    fmt = check_plot_path(path)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Patch

    speeches = report["speeches"]
    labels = []
    for s in speeches:
        mark = "" if s.get("on_topic", True) else "（离题）"
        labels.append(f"{s['id']} {(s.get('title') or '')[:title_chars]}{mark}")
    text = "".join(labels) + "".join(ROLE_LABELS.values()) + XLABEL + TITLE
    font = find_cjk_font(text)
    prop = FontProperties(fname=str(font), size=8)
    height = max(3.0, 0.3 * len(speeches) + 1.8)
    fig = Figure(figsize=(11, height), dpi=120)
    FigureCanvasAgg(fig)  # Agg canvas for this figure only: no global backend
    ax = fig.add_subplot()
    for row, s in enumerate(speeches):
        total = sum(len(p["text"]) for p in s["paragraphs"]) or 1
        x = 0.0
        for p in s["paragraphs"]:
            width = len(p["text"]) / total
            colour = ROLE_COLOURS.get(p.get("role") or "", "#ffffff")
            ax.barh(row, width, left=x, height=0.8, color=colour, edgecolor="white", linewidth=0.3)
            x += width
    ax.set_yticks(range(len(speeches)))
    ax.set_yticklabels(labels, fontproperties=prop)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(XLABEL, fontproperties=prop)
    ax.set_title(TITLE, fontproperties=FontProperties(fname=str(font), size=10), pad=32)
    ax.spines[["top", "right"]].set_visible(False)
    handles = [Patch(color=ROLE_COLOURS[r], label=ROLE_LABELS[r]) for r in ROLES]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=6,
              prop=prop, frameon=False)  # fmt: skip
    fig.tight_layout()
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format=fmt)
    return font
