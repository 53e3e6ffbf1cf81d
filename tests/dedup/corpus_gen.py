"""Small generated corpora with planted near-duplicate groups, shared by the dedup tests."""

from __future__ import annotations

import json
import random
from pathlib import Path

CHARS = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def heavy_texts(seed: int = 0, n: int = 600) -> tuple[list[str], list[int]]:
    """``n`` paragraphs: a third are noisy copies (2-4 % of characters changed) of six seeds.

    Returns the texts and a label per text (-1: not planted).
    """
    rng = random.Random(seed)
    texts = ["".join(rng.choices(CHARS, k=rng.randrange(150, 250))) for _ in range(n)]
    labels = [-1] * n
    slots = list(range(n))
    rng.shuffle(slots)
    groups = [slots[k : k + n // 18] for k in range(0, n // 3, n // 18)][:6]
    for g, members in enumerate(groups):
        base = texts[members[0]]
        labels[members[0]] = g
        for m in members[1:]:
            chars = list(base)
            for _ in range(max(1, round(len(chars) * rng.uniform(0.0, 0.04)))):
                chars[rng.randrange(len(chars))] = rng.choice(CHARS)
            texts[m] = "".join(chars) + rng.choice(["", "。", "！"])
            labels[m] = g
    return texts, labels


def write_jsonl(path: Path, texts: list[str], *, bad_lines: dict[int, str] | None = None) -> Path:
    """One ``{"id", "text"}`` record per line; ``bad_lines`` inserts raw lines before record k."""
    with path.open("w", encoding="utf-8") as handle:
        for k, text in enumerate(texts):
            if bad_lines and k in bad_lines:
                handle.write(bad_lines[k] + "\n")
            handle.write(json.dumps({"id": k, "text": text}, ensure_ascii=False) + "\n")
    return path
