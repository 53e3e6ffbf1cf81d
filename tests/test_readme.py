"""Every console example in README.md runs and prints what the README shows.

The runner is ``tests/readme_examples.py``; when an output changes on purpose, regenerate
the README with ``python tests/readme_examples.py --update`` and review the diff.
"""

from __future__ import annotations

import importlib.util
import os
import shutil

import pytest
from readme_examples import README, parse, problems, run

pytestmark = pytest.mark.skipif(
    os.name == "nt" or shutil.which("sh") is None, reason="the README's examples are sh commands"
)


def test_readme_console_examples_match_real_runs() -> None:
    if importlib.util.find_spec("matplotlib") is None:  # the README draws --plot charts
        if os.environ.get("CI"):
            pytest.fail("CI must have matplotlib (the test extra) to run the README's --plot")
        pytest.skip("needs matplotlib for the README's --plot examples: pip install '.[test]'")
    blocks = parse(README.read_text(encoding="utf-8").splitlines())
    examples = [e for b in blocks for e in b.examples]
    assert len(examples) >= 20, "the README lost its examples"
    found = [p for example in run(blocks) for p in problems(example)]
    assert not found, (
        "\n\n".join(found)
        + "\n\nIf the change is intended: python tests/readme_examples.py --update"
    )


def test_parser_reads_commands_outputs_and_markers() -> None:
    lines = [
        "<!-- readme: regenerated -->",
        "```console",
        "$ speechkit draft a.yaml | head -2",
        "标题",
        "",
        "$ speechkit draft bad.yaml",
        "Error: bad.yaml:1: x",
        "```",
        "```console",
        "$ speechkit search 长效机制  ",
        "a.txt:1  【长效机制】   ",
        "```",
    ]
    first, second = parse(lines)
    assert [(e.command, e.expected, e.regenerated, e.fails) for e in first.examples] == [
        ("speechkit draft a.yaml | head -2", ["标题", ""], True, False),
        ("speechkit draft bad.yaml", ["Error: bad.yaml:1: x"], True, True),
    ]
    (search,) = second.examples
    assert search.expected == ["a.txt:1  【长效机制】"] and not search.regenerated
    search.actual, search.status = ["a.txt:1  【长效机制】"], 0
    assert problems(search) == []
    search.actual = ["a.txt:2  【长效机制】"]
    (problem,) = problems(search)
    assert "README.md:10" in problem and "+a.txt:2" in problem
