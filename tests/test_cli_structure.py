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


@pytest.mark.parametrize(
    ("cues", "message"),
    [
        (
            "tasks: 5\n",
            "cues.yaml:1: role tasks: must be a list of cues (one '- cue' per line), got 5",
        ),
        (
            "opening: []\ntasks: [5]\n",
            "cues.yaml:2: role tasks: each cue must be a non-empty "
            "string or {cue: ..., weight: ...}, got 5",
        ),
        (
            "tasks:\n  - {cue: 攻坚战, weight: yes}\n",
            "cues.yaml:1: cue '攻坚战' of role tasks: weight must be a number, got True",
        ),
        (
            "tasks: ['']\n",
            "cues.yaml:1: role tasks: each cue must be a non-empty string or "
            "{cue: ..., weight: ...}, got ''",
        ),
        (
            "- 攻坚战\n",
            "cues.yaml: role cue file must map role names to lists of cues (roles: "
            "opening, significance, situation, tasks, safeguards, closing)",
        ),
    ],
    ids=["number", "number-item", "bool-weight", "empty-cue", "list"],
)
def test_bad_role_cue_files(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cues: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("cues.yaml").write_text(cues, encoding="utf-8")
    result = runner.invoke(cli, ["structure", str(OWN / "own_1.txt"), "--role-cues", "cues.yaml"])
    assert result.exit_code == 1
    assert result.output == f"Error: {message}\n"


@pytest.mark.parametrize("command", ["structure", "dedup"])
@pytest.mark.parametrize("seed", ["-1", "4294967296"])
def test_seed_out_of_range_is_a_usage_error(runner: CliRunner, command: str, seed: str) -> None:
    result = runner.invoke(cli, [command, str(OWN / "own_1.txt"), "--seed", seed])
    assert result.exit_code == 2
    assert (
        f"Error: Invalid value for '--seed': {seed} is not in the range 0<=x<=4294967295."
        in result.output
    )


def test_library_rejects_a_negative_seed() -> None:
    from speechkit.errors import ParameterError
    from speechkit.structure.roles import assign_roles

    with pytest.raises(ParameterError, match="invalid seed -1: expected a whole number"):
        assign_roles([], seed=-1)


def test_missing_bundled_data_is_an_error_line(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from speechkit import paths

    monkeypatch.setattr(paths, "PACKAGE_DIR", tmp_path)  # an installation without its data
    result = runner.invoke(cli, ["structure", str(OWN / "own_1.txt")])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: bundled data file 'role_cues.yaml' not found in {tmp_path / 'data'}; "
        "reinstall speechkit\n"
    )


def test_a_real_lookup_bug_is_not_hidden_as_an_error_line(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import speechkit.corpus

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("speech_id")  # a bug, not a user mistake

    monkeypatch.setattr(speechkit.corpus, "open_corpus", broken)
    result = runner.invoke(cli, ["structure", str(OWN / "own_1.txt")])
    assert isinstance(result.exception, KeyError)
    assert not result.output.startswith("Error:")
