"""Corpora the benchmarks generate, deterministically, from the bundled speeches.

A script run as ``python benchmarks/x.py`` has ``benchmarks/`` on ``sys.path``, so it imports
these as ``from generate import line_corpus``; they need only speechkit installed.

- :func:`line_corpus`: files of bundled lines, shuffled and perturbed, in several encodings
  and formats (ingest speed and memory);
- :func:`speech_corpus`: whole speeches assembled from the bundled paragraphs in their role
  order (structure speed).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from speechkit.corpus import open_corpus
from speechkit.paths import corpus_dir

__all__ = ["bundled_lines", "line_corpus", "speech_corpus"]

#: Places swapped into the line corpus (real names and placeholders alike).
LINE_PLACES = ["东城区", "西湖区", "高新区", "临江县", "青山市", "xx市", "XX区"]
#: Places swapped into the speech corpus.
SPEECH_PLACES = [
    "南京市", "合肥市", "洛阳市", "xx市", "某某区", "苏州市", "黄山市", "襄阳市", "**县",
]  # fmt: skip


def bundled_lines() -> list[str]:
    """The non-empty lines of the bundled corpus's .txt files, file by file."""
    lines: list[str] = []
    for path in sorted(corpus_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines.extend(line for line in text.splitlines() if line)
    return lines


def line_corpus(folder: Path, megabytes: int, *, seed: int) -> tuple[int, int]:
    """Write about ``megabytes`` MB of speech files into ``folder``; return (bytes, files).

    Runs of 40–400 bundled lines with place names and years varied; 5 % .jsonl records,
    15 % GB18030, 5 % UTF-16, the rest UTF-8; 200 files a subfolder.
    """
    rng = random.Random(seed)
    lines = bundled_lines()
    target = megabytes * 1024 * 1024
    written = files = 0
    while written < target:
        n = rng.randint(40, 400)
        start = rng.randrange(len(lines))
        body = [lines[(start + i) % len(lines)] for i in range(n)]
        place = rng.choice(LINE_PLACES)
        body = [
            line.replace("xx市", place).replace("2019", str(rng.randint(2005, 2024)))
            for line in body
        ]
        text = "\n".join(body) + "\n"
        kind = rng.random()
        sub = folder / f"{files // 200:03d}"
        sub.mkdir(exist_ok=True)
        if kind < 0.05:
            path = sub / f"{files:06d}.jsonl"
            records = [text[i : i + 4000] for i in range(0, len(text), 4000)]
            data = "\n".join(json.dumps({"text": r}, ensure_ascii=False) for r in records).encode()
        elif kind < 0.20:
            path = sub / f"{files:06d}.txt"
            data = text.encode("gb18030", errors="replace")
        elif kind < 0.25:
            path = sub / f"{files:06d}.txt"
            data = text.encode("utf-16")
        else:
            path = sub / f"{files:06d}.txt"
            data = text.encode("utf-8")
        path.write_bytes(data)
        written += len(data)
        files += 1
    return written, files


def speech_corpus(folder: Path, megabytes: float, seed: int) -> int:
    """Write speeches of about ``megabytes`` MB into ``folder`` as .txt; return bytes written.

    Each is a bundled speech (of six paragraphs or more) with one paragraph swapped for
    another speech's, placeholders and numbers varied, under a title naming the place.
    """
    rng = random.Random(seed)
    with open_corpus([corpus_dir()], warn=lambda _m: None) as corpus:
        speeches = [s for s in corpus.speeches() if len(s.paragraphs) >= 6]
    target = int(megabytes * 1024 * 1024)
    written = 0
    n = 0
    while written < target:
        base = rng.choice(speeches)
        donor = rng.choice(speeches)
        paras = [p.text for p in base.paragraphs]
        # swap in one donor paragraph to vary the speeches
        k = rng.randrange(1, len(paras) - 1)
        paras[k] = rng.choice(donor.paragraphs).text
        place = rng.choice(SPEECH_PLACES)
        body = "\n\n".join(
            t.replace("xx", place[:2]).replace("X", str(rng.randint(2, 99))) for t in paras
        )
        text = f"在{place}创建全国文明城市推进会上的讲话\n\n{body}\n"
        data = text.encode("utf-8")
        (folder / f"s{n:06d}.txt").write_bytes(data)
        written += len(data)
        n += 1
    return written
