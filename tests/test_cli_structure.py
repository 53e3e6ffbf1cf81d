"""CLI: ``speechkit structure`` with roles, outline, plot — exit codes and exact errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.types import ROLES

OWN = Path(__file__).resolve().parent / "data" / "structure"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_json_has_roles_topic_and_outline(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["structure", str(OWN / "own_1.txt"), str(OWN / "own_2.txt"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    for speech in report["speeches"]:
        assert {"id", "source", "first_line", "last_line", "title", "paragraphs"} <= speech.keys()
        assert isinstance(speech["on_topic"], bool) and isinstance(speech["topic_score"], float)
        assert all(p["role"] in ROLES for p in speech["paragraphs"])
    outline = report["outline"]
    assert {"typical_sequence", "speeches_following", "roles", "clusters"} <= outline.keys()


def test_table_shows_outline_and_pattern(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["structure", str(OWN / "own_1.txt")])
    assert result.exit_code == 0, result.output
    assert "safeguards    三、强化保障措施，确保各项任务落到实处  (4)" in result.output
    assert "Corpus pattern over 1 on-topic speeches of 1" in result.output
    assert "tasks: 1/1 speeches, usually second" in result.output


@pytest.mark.plot
def test_plot_writes_a_png(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "roles.png"
    result = runner.invoke(cli, ["structure", str(OWN / "own_2.txt"), "--plot", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_same_seed_same_json(runner: CliRunner) -> None:
    args = ["structure", str(OWN), "--format", "json", "--seed", "3"]
    first, second = runner.invoke(cli, args), runner.invoke(cli, args)
    # Both must succeed with real output: two identical errors are not "the same result".
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert json.loads(first.stdout)["speeches"]
    assert first.stdout == second.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["--plot", "roles.bmp"],
            "Error: roles.bmp: unsupported image type 'bmp'; use .png, .svg, .pdf or .jpg\n",
            marks=pytest.mark.plot,
        ),
        pytest.param(
            ["--plot", "no/such/dir/r.png"],
            "Error: no/such/dir/r.png: folder no/such/dir does not exist; "
            "create it or choose another path\n",
            marks=pytest.mark.plot,
        ),
        (
            ["--role-cues", "missing.yaml"],
            "Error: missing.yaml: role cue file not found; check the path\n",
        ),
    ],
)
def test_errors(
    runner: CliRunner, args: list[str], message: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["structure", str(OWN / "own_1.txt"), *args])
    assert result.exit_code == 1
    assert result.output == message
