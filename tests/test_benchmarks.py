"""The benchmark scripts run with only speechkit installed: no path tricks, no test imports.

Static checks of the source (no benchmark is run here: their figures are printed, never tested).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
#: Scripts still being moved off ``sys.path.insert``/``tests`` imports by their own developers
#: (issue 11, dedup and phrases); delete a name once its script passes.
PENDING: set[str] = set()
SCRIPTS = sorted(p for p in BENCHMARKS.glob("*.py") if p.name not in PENDING)


def _offences(source: str) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "path":
            if isinstance(node.value, ast.Name) and node.value.id == "sys":
                out.append(f"line {node.lineno}: sys.path")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "tests":
            out.append(f"line {node.lineno}: from {node.module} import …")
        elif isinstance(node, ast.Import):
            out += [
                f"line {node.lineno}: import {a.name}"
                for a in node.names
                if a.name.split(".")[0] == "tests"
            ]
        elif isinstance(node, ast.Constant) and node.value == "PYTHONPATH":
            out.append(f"line {node.lineno}: sets PYTHONPATH")
    return out


def test_offences_are_found() -> None:
    bad = 'import sys\nsys.path.insert(0, "..")\nfrom tests.x import y\nenv = {"PYTHONPATH": "."}\n'
    assert len(_offences(bad)) == 3


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_script_needs_only_speechkit(script: Path) -> None:
    assert _offences(script.read_text(encoding="utf-8")) == [], script.name


def test_readme_lists_every_script() -> None:
    readme = (BENCHMARKS / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in BENCHMARKS.glob("*.py") if f"`{p.name}`" not in readme]
    assert missing == []
