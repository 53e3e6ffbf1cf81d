"""Deterministic synthetic corpora for the phrase benchmarks (shared by `phrases*.py`).

A script run as ``python benchmarks/x.py`` has ``benchmarks/`` on ``sys.path``, so the
benchmarks import this module by its name.
"""

from __future__ import annotations

import random

from speechkit.corpus import open_corpus
from speechkit.model import Paragraph, Speech

__all__ = ["build_corpus"]


def build_corpus(megabytes: float, seed: int) -> list[Speech]:
    """Speeches of 30–60 paragraphs of the bundled corpus, shuffled with ``random.Random(seed)``,
    until they hold ``megabytes`` MB of UTF-8 text.

    The paragraphs are the cleaned seed speeches' (longer than 20 characters), so the text is
    the genre's, but it repeats: the distinct n-grams stop growing with the corpus size.
    """
    with open_corpus() as corpus:
        paragraphs = [p.text for s in corpus.speeches() for p in s.paragraphs if len(p.text) > 20]
    rng = random.Random(seed)
    speeches: list[Speech] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        chosen = rng.sample(paragraphs, rng.randint(30, 60))
        paras = [Paragraph(t, i, i) for i, t in enumerate(chosen, start=1)]
        speeches.append(Speech(f"synthetic/{len(speeches):05d}.txt", 1, len(paras), None, paras))
        size += sum(len(t.encode("utf-8")) + 1 for t in chosen)
    return speeches
