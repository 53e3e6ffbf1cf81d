"""The package type-checks under mypy (it ships ``py.typed``) and the tree is ruff clean.

Both gates must run in CI: there a missing tool fails the test instead of skipping it, so a
broken install cannot turn the gates off without anyone noticing. On a developer's machine
without the tools they skip, with the reason in pytest's summary (``-ra``).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def in_ci() -> bool:
    """Whether we run in CI (``CI`` set to anything but empty/0/false, as CI services do)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_tool(module: str) -> None:
    """Skip without ``module`` outside CI; fail without it in CI."""
    if importlib.util.find_spec(module) is not None:
        return
    message = f"{module} is not installed; install the test extra: pip install '.[test]'"
    if in_ci():
        pytest.fail(f"CI must run every quality gate: {message}")
    pytest.skip(message)


def test_mypy_clean(tmp_path: Path) -> None:
    require_tool("mypy")
    result = subprocess.run(
        [
            sys.executable, "-m", "mypy", "speechkit", "cli.py",
            "--cache-dir", str(tmp_path / "mypy"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_clean() -> None:
    require_tool("ruff")
    result = subprocess.run(
        [
            sys.executable, "-m", "ruff", "check", "--no-cache",
            "speechkit", "tests", "benchmarks", "cli.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_tool_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run every quality gate"):
        require_tool("no_such_quality_tool_xyz")
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        require_tool("no_such_quality_tool_xyz")
