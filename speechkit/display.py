"""Terminal display helpers shared by the table and keyword-in-context outputs.

CJK characters take two terminal columns, so alignment counts columns, not characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["cut", "display_width", "fit", "format_kwic_rows"]


def display_width(text: str) -> int:
    """Terminal columns taken by ``text`` (CJK characters are two wide).

    Examples:
        >>> display_width("讲话ab")
        6
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def cut(text: str, width: int) -> str:
    """Cut ``text`` to at most ``width`` columns, ending with … when cut.

    Examples:
        >>> cut("创建全国文明城市", 9)
        '创建全国…'
        >>> cut("讲话", 9)
        '讲话'
    """
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        w = display_width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


def fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` columns (with …) and pad it to exactly ``width``.

    Examples:
        >>> fit("讲话", 6) + "|"
        '讲话  |'
    """
    text = cut(text, width)
    return text + " " * (width - display_width(text))


def format_kwic_rows(rows: Sequence[tuple[str, str, str, str]]) -> list[str]:
    """Align ``(location, left, match, right)`` rows as ``location  left【match】right``.

    Locations are left-aligned and left contexts right-aligned, so the matches line up.

    Examples:
        >>> rows = [("a.txt:2", "建立健全", "长效机制", "。"), ("b.txt:10", "", "长效机制", "")]
        >>> format_kwic_rows(rows)
        ['a.txt:2   建立健全【长效机制】。', 'b.txt:10          【长效机制】']
    """
    if not rows:
        return []
    where_w = max(len(where) for where, *_ in rows)
    left_w = max(display_width(left) for _, left, _, _ in rows)
    out = []
    for where, left, match, right in rows:
        pad = " " * (left_w - display_width(left))
        out.append(f"{where.ljust(where_w)}  {pad}{left}【{match}】{right}".rstrip())
    return out
