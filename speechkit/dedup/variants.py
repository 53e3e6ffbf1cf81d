"""A generated set of realistic speech variants, for measuring near-duplicate detection.

Each distinct speech of the bundled corpus is a *family*: the original plus variants made the
way 范文 are re-used — placeholders filled with a city name, one city name swapped for another,
a paragraph dropped, two paragraphs reordered, punctuation changed (half-width, spaces), a title
added, a year changed. Every variant applies two or three of these edits, drawn with a seed.
Different families are the negatives: all speak about the same campaign (创建文明城市), so they
share stock phrases, which makes them hard negatives.

Used by tests/dedup/test_seeds.py and benchmarks/dedup_quality.py (in the package so that a
benchmark needs only an installed speechkit).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from speechkit.model import Speech

__all__ = ["CITIES", "EDITS", "Variant", "distinct_speeches", "make_variants", "pair_scores"]

CITIES = ["南京", "苏州", "洛阳", "绵阳", "赣州", "宜昌", "常德", "遵义"]
_PLACEHOLDER = re.compile(r"[xX]{1,3}|\*{1,3}")
_CITY = re.compile("|".join(CITIES))
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Variant:
    """One text of the set: its family and the edits applied (empty for the original)."""

    family: int
    text: str
    edits: tuple[str, ...]


def _fill_placeholders(paras: list[str], rng: random.Random) -> list[str]:
    city = rng.choice(CITIES)
    return [_PLACEHOLDER.sub(city, p) for p in paras]


def _swap_city(paras: list[str], rng: random.Random) -> list[str]:
    city = rng.choice(CITIES)
    filled = [_PLACEHOLDER.sub(city, p, count=1) for p in paras]  # make sure a name is there
    other = rng.choice([c for c in CITIES if c != city])
    return [_CITY.sub(other, p) for p in filled]


def _drop_paragraph(paras: list[str], rng: random.Random) -> list[str]:
    if len(paras) < 4:
        return paras
    k = rng.randrange(len(paras))
    return paras[:k] + paras[k + 1 :]


def _reorder(paras: list[str], rng: random.Random) -> list[str]:
    if len(paras) < 3:
        return paras
    k = rng.randrange(len(paras) - 1)
    out = list(paras)
    out[k], out[k + 1] = out[k + 1], out[k]
    return out


def _punctuation(paras: list[str], rng: random.Random) -> list[str]:
    table = str.maketrans({"，": ", ", "。": ". ", "：": ":", "；": ";", "、": ","})
    return ["\u3000\u3000" + p.translate(table) for p in paras]


def _title(paras: list[str], rng: random.Random) -> list[str]:
    city = rng.choice(CITIES)
    return [f"在{city}市创建全国文明城市工作推进会上的讲话", *paras]


def _year(paras: list[str], rng: random.Random) -> list[str]:
    year = str(rng.randrange(2005, 2025))
    return [_YEAR.sub(year, p) for p in paras]


EDITS: dict[str, Callable[[list[str], random.Random], list[str]]] = {
    "fill_placeholders": _fill_placeholders,
    "swap_city": _swap_city,
    "drop_paragraph": _drop_paragraph,
    "reorder": _reorder,
    "punctuation": _punctuation,
    "title": _title,
    "year": _year,
}


def make_variants(
    speeches: list[list[str]], *, per_family: int = 3, seed: int = 0
) -> list[Variant]:
    """Originals and ``per_family`` variants of each; same input and seed, same output.

    Args:
        speeches: Paragraph lists of distinct speeches.
        per_family: Variants made of each speech.
        seed: Random seed.
    """
    rng = random.Random(seed)
    out: list[Variant] = []
    names = sorted(EDITS)
    for family, paras in enumerate(speeches):
        out.append(Variant(family, "\n".join(paras), ()))
        for _ in range(per_family):
            edits = tuple(rng.sample(names, rng.choice([2, 3])))
            text = list(paras)
            for name in edits:
                text = EDITS[name](text, rng)
            out.append(Variant(family, "\n".join(text), edits))
    return out


def distinct_speeches(
    corpus_speeches: Sequence[Speech], *, min_chars: int = 300
) -> list[list[str]]:
    """Paragraph lists of the corpus speeches, verbatim repeats and short fragments left out."""
    seen: set[str] = set()
    out = []
    for speech in corpus_speeches:
        paras = [p.text for p in speech.paragraphs if p.text.strip()]
        key = re.sub(r"\W", "", "".join(paras))
        if len(key) < min_chars or key in seen:
            continue
        seen.add(key)
        out.append(paras)
    return out


def pair_scores(variants: list[Variant], groups: list[list[int]]) -> tuple[float, float]:
    """Precision and recall of same-family pairs, from groups of variant indices."""
    found = {(a, b) for g in groups for i, a in enumerate(sorted(g)) for b in sorted(g)[i + 1 :]}
    truth = {
        (a, b)
        for a in range(len(variants))
        for b in range(a + 1, len(variants))
        if variants[a].family == variants[b].family
    }
    correct = len(found & truth)
    precision = correct / len(found) if found else 1.0
    recall = correct / len(truth) if truth else 1.0
    return precision, recall
