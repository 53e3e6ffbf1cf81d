"""The wheel carries the bundled corpus and templates; the README's commands match CI."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_setup_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```sh\n(.*?)```", text, re.S)
    assert match, "README.md must start with a ```sh block"
    return [line for line in match.group(1).splitlines() if line.strip()]


def test_readme_starts_with_two_setup_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.index("```sh")
    assert "```" not in text[:first_block], "the setup block must be the README's first code block"
    commands = readme_setup_commands()
    assert len(commands) >= 2
    assert "speechkit draft" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_setup_commands()[1] in ci.splitlines()


def test_readme_example_profile_exists() -> None:
    command = readme_setup_commands()[0]
    profiles = re.findall(r"examples/\S+\.ya?ml", command)
    assert profiles and all((ROOT / p).is_file() for p in profiles)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("speechkit-*.whl"))


def test_wheel_contains_corpus_templates_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    corpus = sorted(p.name for p in (ROOT / "corpus").iterdir())
    assert {f"speechkit/corpus/{name}" for name in corpus} <= names
    templates = sorted(p.name for p in (ROOT / "templates").iterdir() if p.is_file())
    assert templates and {f"speechkit/templates/{name}" for name in templates} <= names
    assert "speechkit/py.typed" in names
    data = sorted(p.name for p in (ROOT / "speechkit" / "data").iterdir() if p.is_file())
    assert data and {f"speechkit/data/{name}" for name in data} <= names
