"""Dump the CLI's output on the bundled corpus and the test fixtures, to check a refactor.

A change that should not alter behaviour (moving code to its one home) is checked by running
this before and after and comparing the two folders::

    python tests/cli_snapshot.py /tmp/before      # on the old commit
    python tests/cli_snapshot.py /tmp/after       # on the new one
    diff -r /tmp/before /tmp/after                # nothing may differ

Each command's stdout, stderr and exit status go to one file named after the command. Written
files (.docx, .csv, .png) are dumped as their text where that is stable (docx paragraphs), as a
size otherwise. The run uses a private cache so that it builds everything from scratch.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Commands to dump, run from the repository root; ``{out}`` is a scratch folder for written files.
COMMANDS: tuple[str, ...] = (
    "ingest corpus --db {out}/store.db",
    "ingest tests/data/segment/heldout tests/data/segment/heldout2 --db {out}/held.db",
    "structure",
    "structure --format json",
    "structure tests/data/segment/heldout tests/data/segment/heldout2 --format json",
    "structure tests/data/structure/own_1.txt tests/data/structure/own_2.txt",
    "dedup",
    "dedup --level speech --format json",
    "dedup --level paragraph --format json",
    "dedup --level paragraph --format csv",
    "dedup --db {out}/store.db --level paragraph --format json",
    "dedup tests/data/segment/heldout --level speech --format json",
    "phrases",
    "phrases --format json --top 100",
    "phrases --format csv --top 100",
    "phrases tests/data/phrases/safety --format json --top 50",
    "phrases --kwic 文明城市",
    "search 志愿服务",
    "draft examples/qinglan_city.yaml -o {out}/qinglan.docx",
    "draft examples/songyang_county.yaml --format json",
    "draft examples/yunxi_district.yaml -o {out}/yunxi.txt",
    "check {out}/qinglan.docx --profile examples/qinglan_city.yaml",
    "check {out}/yunxi.txt --profile examples/yunxi_district.yaml --format json",
    "check {out}/qinglan.docx {out}/yunxi.txt",
)


def _name(command: str) -> str:
    return re.sub(r"[^0-9A-Za-z\u4e00-\u9fff]+", "_", command.replace("{out}", "")).strip("_")[:120]


def _docx_text(path: Path) -> str:
    import docx  # python-docx, a core dependency

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def main(argv: list[str] | None = None) -> int:
    """Write one file per command into the folder given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    dest: Path = args.folder
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sk-snapshot-") as scratch:
        env = dict(os.environ, SPEECHKIT_CACHE=str(Path(scratch) / "cache"))
        out = Path(scratch) / "out"
        out.mkdir()
        for command in COMMANDS:
            line = command.format(out=out)
            proc = subprocess.run(
                [sys.executable, "-m", "speechkit", *shlex.split(line)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            text = (
                f"$ speechkit {command}\nexit {proc.returncode}\n"
                f"--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"
            )
            (dest / f"{_name(command)}.txt").write_text(
                text.replace(str(out), "{out}"), encoding="utf-8"
            )
        for written in sorted(out.iterdir()):
            if written.suffix == ".docx":
                (dest / f"file_{written.name}.txt").write_text(
                    _docx_text(written), encoding="utf-8"
                )
            elif written.suffix in {".txt", ".csv"}:
                (dest / f"file_{written.name}").write_bytes(written.read_bytes())
    print(f"{len(COMMANDS)} commands dumped to {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
