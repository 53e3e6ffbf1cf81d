"""Without matplotlib, --plot is a one-line error (runs whether or not matplotlib is installed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("command", [["structure"], ["phrases"]])
def test_plot_without_matplotlib_is_a_clear_error(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from speechkit.cli import cli

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib -> ImportError
    result = CliRunner().invoke(cli, [*command, "--plot", str(tmp_path / "x.png")])
    assert result.exit_code == 1
    expected = "Error: drawing charts needs matplotlib: pip install 'speechkit[plot]'\n"
    assert result.output == expected
    assert not (tmp_path / "x.png").exists()
