"""Exact Jaccard verification of candidate pairs.

MinHash only proposes candidates; every pair is checked on the true shingle sets, so a reported
similarity is the exact Jaccard value and no pair under the threshold is ever reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

__all__ = ["jaccard", "verify_pairs"]


def jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    """Exact Jaccard similarity ``|a & b| / |a | b|`` (1.0 for two empty sets).

    Examples:
        >>> jaccard({"ab", "bc", "cd"}, {"ab", "bc", "de"})
        0.5
        >>> jaccard(set(), set())
        1.0
    """
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def verify_pairs(
    pairs: Iterable[tuple[int, int]],
    shingle_set: Callable[[int], frozenset[str]],
    *,
    threshold: float,
) -> list[tuple[int, int, float]]:
    """Keep the pairs whose exact Jaccard similarity reaches ``threshold``.

    A pair cannot reach ``threshold`` when the smaller set is under ``threshold`` times the larger
    one (``|a & b| <= |a|`` and ``|a | b| >= |b|``), so such pairs are skipped without
    intersecting.

    Args:
        pairs: Candidate ``(i, j)`` pairs.
        shingle_set: Returns the shingle set of unit ``i`` (callers cache it).
        threshold: Minimum similarity kept.

    Returns:
        ``(i, j, similarity)`` for each kept pair, in input order.

    Examples:
        >>> sets = [frozenset({"a", "b", "c"}), frozenset({"a", "b", "c", "d"}), frozenset({"x"})]
        >>> verify_pairs([(0, 1), (0, 2)], sets.__getitem__, threshold=0.75)
        [(0, 1, 0.75)]
    """
    kept: list[tuple[int, int, float]] = []
    for i, j in pairs:
        a, b = shingle_set(i), shingle_set(j)
        small, large = sorted((len(a), len(b)))
        if large and small < threshold * large:
            continue
        sim = jaccard(a, b)
        if sim >= threshold:
            kept.append((int(i), int(j), sim))
    return kept
