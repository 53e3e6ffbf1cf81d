"""Speeches read straight from raw text files, without speechkit's ingest/clean/segment.

The phrase miner must cope with uncleaned web text, so the quality tests run on
this raw view of the seeds too: every non-empty line is a paragraph and a new
speech starts at each salutation line (同志们：, 各位领导 …).
"""

from __future__ import annotations

import re
from pathlib import Path

from speechkit.model import Paragraph, Speech

SALUTATION = re.compile(r"^\s*(各位领导|同志们|尊敬的)")


def raw_speeches(paths: list[Path]) -> list[Speech]:
    speeches: list[Speech] = []
    for path in paths:
        lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
        source = f"corpus/{path.name}"
        current = Speech(source, 1, 1, None)
        for number, line in enumerate(lines, start=1):
            if SALUTATION.match(line) and current.paragraphs:
                speeches.append(current)
                current = Speech(source, number, number, None)
            if line.strip():
                current.paragraphs.append(Paragraph(line.strip(), number, number))
                current.last_line = number
        if current.paragraphs:
            speeches.append(current)
    for i, speech in enumerate(speeches, start=1):
        speech.id = i
    return speeches
