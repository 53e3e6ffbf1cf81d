"""Shared by the held-out fixture generators: labels from annotated lines.

Each generator lists its lines as ``(kind, text)`` pairs: ``T`` a title, ``S`` the first line of a
speech body, ``P`` a further speech line, ``J`` junk (boilerplate), ``""`` a blank line, ``D`` a
dateline and ``B`` a byline (speech lines of the speech under the title, like ``P``).
"""

from __future__ import annotations

import json
from pathlib import Path


def labels_of(lines: list[tuple[str, str]]) -> tuple[list[dict], list[int]]:
    """Speech starts and boilerplate line numbers (1-based) of annotated lines."""
    starts: list[dict] = []
    boiler: list[int] = []
    current: dict | None = None
    for number, (kind, _text) in enumerate(lines, start=1):
        if kind == "J":
            boiler.append(number)
            current = None
        elif kind == "T":
            current = {"start": number, "title_line": number, "body": None, "end": number}
            starts.append(current)
        elif kind == "S":
            if current is None or current["body"] is not None:
                current = {"start": number, "title_line": None, "body": number, "end": number}
                starts.append(current)
            current["body"] = number
            current["end"] = number
        elif kind in ("P", "D", "B"):
            assert current is not None, number
            current["end"] = number
    return starts, boiler


def write_labels(
    folder: Path, annotated: dict[str, list[tuple[str, str]]], *, comment: str
) -> None:
    """Write ``labels.json`` (speech starts and boilerplate lines of each annotated file)."""
    starts: dict[str, list[dict]] = {}
    boiler: dict[str, list[int]] = {}
    for name, lines in annotated.items():
        starts[name], boiler[name] = labels_of(lines)
    labels = {"_comment": comment, "starts": starts, "boilerplate": boiler}
    (folder / "labels.json").write_text(
        json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
