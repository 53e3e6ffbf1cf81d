"""Shared by the held-out fixture generators: labels from annotated lines.

Each generator lists its lines as ``(kind, text)`` pairs: ``T`` a title, ``S`` the first line of a
speech body, ``P`` a further speech line, ``J`` junk (boilerplate), ``""`` a blank line.
"""

from __future__ import annotations


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
        elif kind == "P":
            assert current is not None, number
            current["end"] = number
    return starts, boiler
