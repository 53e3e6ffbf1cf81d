"""Line chart of phrases over periods (``phrases --by … --plot``), with real CJK glyphs.

Fonts and output checks come from :mod:`speechkit.render.plot`
(:func:`~speechkit.render.plot.chart_font`: the font chosen covers every label, or the chart
is not drawn); matplotlib is imported lazily.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from speechkit.atomic import atomic_path
from speechkit.phrases.trends import Series, TrendReport
from speechkit.render.plot import chart_font, check_chart_path
from speechkit.types import PathLike

__all__ = ["plot_report", "plot_series", "trend_chart"]

#: Phrases drawn by :func:`plot_report` (more lines are unreadable).
TOP_LINES = 8


def plot_report(report: TrendReport, path: PathLike, *, top: int = TOP_LINES) -> Path:
    """The ``top`` phrases of a ``--by`` ranking as lines of their rate over the periods."""
    shown = report.phrases[:top]
    lines = [(s.phrase, [s.per_million.get(p, 0.0) for p in report.periods]) for _, s in shown]
    return trend_chart(report.periods, lines, path, title=f"关键提法（前 {len(shown)} 个）")


def plot_series(series: Series, periods: Sequence[str], path: PathLike) -> Path:
    """One phrase's rate over the periods (``--trend … --plot``)."""
    values = [series.per_million.get(p, 0.0) for p in periods]
    return trend_chart(periods, [(series.phrase, values)], path, title=f"“{series.phrase}”使用频率")


def trend_chart(
    periods: Sequence[str],
    lines: Sequence[tuple[str, Sequence[float]]],
    path: PathLike,
    *,
    title: str | None = None,
    ylabel: str = "每百万字出现次数",
    font: PathLike | None = None,
) -> Path:
    """Draw one line per phrase over the periods and write the chart atomically.

    Args:
        periods: X axis labels, in order.
        lines: ``(label, values)`` per line, one value per period.
        path: Output image (.png, .svg, .pdf, .jpg).
        title: Chart title.
        ylabel: Label of the value axis.
        font: Font file; found with :func:`~speechkit.render.plot.find_cjk_font` when ``None``.

    Returns:
        The font file used (its character map covers every label).

    Raises:
        OutputError: No CJK font, matplotlib missing, or the path cannot be written.
    """
    if any(len(values) != len(periods) for _, values in lines):
        raise ValueError("every line needs one value per period")
    fmt = check_chart_path(path)
    text = "".join(label for label, _ in lines) + (title or "") + ylabel + "".join(periods)
    font_path = chart_font(text, font)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(fname=str(font_path))
    fig = Figure(figsize=(max(6.0, 0.5 * len(periods) + 3), 4.8), dpi=120)
    FigureCanvasAgg(fig)  # Agg canvas attached to this figure only: no global backend
    ax = fig.add_subplot()
    xs = list(range(len(periods)))
    for label, values in lines:
        ax.plot(xs, list(values), marker="o", markersize=3, linewidth=1.6, label=label)
    ax.set_xticks(xs)
    ax.set_xticklabels(list(periods), rotation=45 if len(periods) > 8 else 0, ha="right")
    ax.set_ylabel(ylabel, fontproperties=prop)
    if title:
        ax.set_title(title, fontproperties=prop)
    legend = FontProperties(fname=str(font_path), size=8)
    ax.legend(prop=legend, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format=fmt)
    return font_path
