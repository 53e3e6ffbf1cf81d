"""Run the README's console examples; check their output, or rewrite it from real runs.

Every fenced ``console`` block of README.md is a sequence of ``$ command`` lines, each
followed by the output it prints (stdout and stderr, as a terminal shows them). The commands
run in order, in one scratch folder that holds links to ``corpus/``, ``examples/`` and
``tests/``, with a private cache, through ``sh`` (so ``| head -8`` works) and a ``speechkit``
on PATH that runs this checkout.

A block preceded by the line ``<!-- readme: regenerated -->`` holds output that changes
whenever the corpus model or the templates change (drafts): its commands must still succeed,
or fail, as shown, but their output is not compared. Everything else must match exactly
(trailing spaces aside).

    python tests/readme_examples.py            # check, print the differences
    python tests/readme_examples.py --update   # rewrite README.md's outputs from real runs

``tests/test_readme.py`` runs the check in the test suite.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
REGENERATED = "<!-- readme: regenerated -->"
_FENCE = re.compile(r"^```console\s*$")
#: Seconds one README command may take (a first draft builds the corpus model).
TIMEOUT = 300


@dataclass
class Example:
    """One ``$ command`` and the output shown under it."""

    command: str
    expected: list[str]
    line: int  # 1-based line of the command in README.md
    regenerated: bool
    actual: list[str] = field(default_factory=list)
    status: int = 0

    @property
    def fails(self) -> bool:
        """Whether the README shows this command failing (an ``Error:`` or usage message)."""
        return any(line.startswith(("Error:", "Usage:")) for line in self.expected)


@dataclass
class Block:
    """A console block: its examples and where they are in README.md (0-based lines)."""

    start: int  # line after the opening fence
    end: int  # line of the closing fence
    examples: list[Example]


def parse(lines: list[str]) -> list[Block]:
    """The console blocks of README ``lines``."""
    blocks = []
    i = 0
    while i < len(lines):
        if not _FENCE.match(lines[i]):
            i += 1
            continue
        previous = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        regenerated = previous.strip() == REGENERATED
        start = i + 1
        end = start
        while not lines[end].startswith("```"):
            end += 1
        examples: list[Example] = []
        for j in range(start, end):
            if lines[j].startswith("$ "):
                examples.append(Example(lines[j][2:], [], j + 1, regenerated))
            elif examples:
                examples[-1].expected.append(lines[j].rstrip())
        blocks.append(Block(start, end, examples))
        i = end + 1
    return blocks


def _sandbox(folder: Path) -> dict[str, str]:
    """Prepare ``folder`` to run README commands in; returns their environment."""
    for name in ("corpus", "examples", "tests"):  # tests/: the fixtures some examples read
        (folder / name).symlink_to(ROOT / name, target_is_directory=True)
    bin_dir = folder / ".bin"
    bin_dir.mkdir()
    python = bin_dir / "python"  # `python` in an example is the interpreter speechkit runs in
    python.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} "$@"\n')
    python.chmod(0o755)
    wrapper = bin_dir / "speechkit"
    # prog_name as installed (python -m would show "python -m speechkit" in usage errors)
    run_cli = "from speechkit.cli import cli; cli(prog_name='speechkit')"
    wrapper.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -c "{run_cli}" "$@"\n')
    wrapper.chmod(0o755)
    env = dict(os.environ)
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=str(ROOT),
        # Written in the order they happen, as on a terminal, though both go to one pipe.
        PYTHONUNBUFFERED="1",
        SPEECHKIT_CACHE=str(folder / ".cache"),
        HOME=str(folder / ".home"),
    )
    return env


def run(blocks: list[Block]) -> Iterator[Example]:
    """Run every example in order in one scratch folder, filling ``actual`` and ``status``."""
    with tempfile.TemporaryDirectory(prefix="readme-") as tmp:
        folder = Path(tmp)
        env = _sandbox(folder)
        for block in blocks:
            for example in block.examples:
                result = subprocess.run(
                    ["sh", "-c", example.command],
                    cwd=folder,
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                    timeout=TIMEOUT,
                    check=False,
                )
                example.actual = [line.rstrip() for line in result.stdout.splitlines()]
                example.status = result.returncode
                yield example


def problems(example: Example) -> list[str]:
    """What is wrong with a run ``example`` (empty when it matches the README)."""
    where = f"README.md:{example.line}: $ {example.command}"
    if bool(example.status) != example.fails:
        state = f"failed with exit code {example.status}" if example.status else "succeeded"
        shown = "a failure" if example.fails else "success"
        tail = "\n".join(example.actual[-5:])
        return [f"{where}\n  {state}, but the README shows {shown}:\n{tail}"]
    if example.regenerated or example.actual == example.expected:
        return []
    diff = difflib.unified_diff(
        example.expected, example.actual, "README", "real output", lineterm="", n=1
    )
    return [f"{where}\n" + "\n".join(diff)]


def update(lines: list[str], blocks: list[Block]) -> list[str]:
    """README ``lines`` with every example's output replaced by its real output."""
    out = list(lines)
    for block in reversed(blocks):
        body = []
        for example in block.examples:
            body.append(f"$ {example.command}")
            body.extend(example.actual)
        out[block.start : block.end] = body
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="Rewrite README.md's outputs.")
    args = parser.parse_args(argv)
    lines = README.read_text(encoding="utf-8").splitlines()
    blocks = parse(lines)
    found = []
    for example in run(blocks):
        found.extend(problems(example) if not args.update else [])
    if args.update:
        text = "\n".join(update(lines, blocks)) + "\n"
        tmp = README.with_suffix(".md.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(README)  # atomic: a failed run leaves README.md as it was
        print(
            f"rewrote the outputs of {sum(len(b.examples) for b in blocks)} commands in README.md"
        )
        return 0
    for problem in found:
        print(problem, end="\n\n")
    total = sum(len(b.examples) for b in blocks)
    print(
        f"{total} README commands run, {len(found)} differ"
        if found
        else f"{total} README commands match"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
