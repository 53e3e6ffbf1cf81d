"""CJK charts: the font used has every label character (no boxes), output is atomic."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

from speechkit.errors import OutputError
from speechkit.render import plot
from speechkit.render.plot import bar_chart, find_cjk_font, font_covers

LABELS = ["长效机制", "背街小巷", "全国文明城市测评体系", "新时代文明实践", "齐抓共管", "创建为民"]


def test_chosen_font_has_every_label_glyph(tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    font = bar_chart(LABELS, [6, 5, 4, 3, 2, 1], out, title="关键提法")
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert font_covers(font, "".join(LABELS) + "关键提法")


def test_glyphs_are_not_boxes_in_the_rendered_font(tmp_path: Path) -> None:
    """Render each label with the chosen font and check no glyph is the .notdef box."""
    from matplotlib.ft2font import FT2Font

    ft = FT2Font(str(find_cjk_font("".join(LABELS))))
    for char in "".join(LABELS):
        assert ft.get_char_index(ord(char)) != 0, char


def test_default_latin_font_would_draw_boxes() -> None:
    from matplotlib import font_manager

    assert not font_covers(font_manager.findfont("DejaVu Sans"), "长效机制")


def test_no_font_gives_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plot, "font_covers", lambda path, text: False)
    with pytest.raises(OutputError, match="apt-get install fonts-noto-cjk"):
        plot.find_cjk_font("长效机制")


def test_failed_chart_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plot, "font_covers", lambda path, text: False)
    with pytest.raises(OutputError):
        bar_chart(["长效机制"], [1.0], tmp_path / "x.png")
    assert list(tmp_path.iterdir()) == []
