"""Reduce stage: exact groups, LSH candidates, verification linear in group size, clusters.

1. **Exact groups**: units with the same digest of their normalized text; only the first of
   each (its *digest representative*) takes part in LSH.
2. **Candidates** (:func:`band_candidates`): per band, the band keys are sorted and each bucket
   of equal keys gives a *star and chain*: every member is paired with the bucket's first
   member and with the member before it. A bucket of ``k`` texts gives at most ``2(k - 1)``
   pairs, never ``k(k - 1)/2``, so a paragraph copied a thousand times costs thousands of
   candidates, not half a million.
3. **Verification** (:func:`verify_batch`), per connected component of the candidate graph,
   candidates in sorted order: a candidate whose two units are already joined is skipped;
   otherwise its exact Jaccard is computed and the pair joins (union-find) if it reaches the
   threshold. The groups are the connected components of these verified edges; each member's
   exact Jaccard to the kept representative is computed once. The groups do not depend on the
   order (a pair is skipped only when it could not change them), so any partition of the
   components over workers gives the same result.
4. **Clusters** (:func:`assemble`): exact copies rejoin their digest representative's group.

Every reported similarity is an exact Jaccard of character shingle sets; every reported pair
reached the threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from speechkit.dedup.lsh import bucket_pairs
from speechkit.dedup.shingle import code_matrix
from speechkit.dedup.verify import forest_jaccard, pair_jaccard, pair_units
from speechkit.engine.textblock import TextBlock

__all__ = [
    "BlockTexts",
    "Cluster",
    "Group",
    "VerifyBatch",
    "assemble",
    "band_candidates",
    "band_columns",
    "batches",
    "exact_representatives",
    "forest_groups",
    "verify_batch",
]


@dataclass
class Cluster:
    """One group of near-duplicate units.

    Attributes:
        members: Unit indices, the kept representative first, then in input order.
        similarity: Lowest exact Jaccard similarity among the verified edges that join the
            group (always >= the threshold).
        pairs: The verified ``(i, j, similarity)`` edges that joined the group (exact copies
            as 1.0): a spanning tree of the group, not every similar pair in it.
        to_representative: Exact Jaccard similarity of each member to the representative (same
            order as ``members``; a member joined through another may be under the threshold).
    """

    members: list[int]
    similarity: float
    pairs: list[tuple[int, int, float]] = field(default_factory=list)
    to_representative: list[float] = field(default_factory=list)

    @property
    def representative(self) -> int:
        """The kept unit."""
        return self.members[0]


@dataclass
class Group:
    """A group found by :func:`verify_batch` among digest representatives.

    Attributes:
        members: Unit indices, sorted.
        representative: The kept member.
        edges: Verified ``(i, j, similarity)`` edges, sorted.
        to_representative: Exact Jaccard of each member (same order as ``members``) to the
            representative.
    """

    members: list[int]
    representative: int
    edges: list[tuple[int, int, float]]
    to_representative: list[float]


class BlockTexts(Mapping[int, str]):
    """Texts of ascending unit ids, held as one :class:`~speechkit.engine.textblock.TextBlock`.

    What a :class:`VerifyBatch` is sent as: a block is cheaper to pickle than a dict of
    strings, and leaves no UTF-8 copy on them (:mod:`speechkit.engine.textblock`).

    Examples:
        >>> texts = BlockTexts(np.array([3, 8]), TextBlock(["甲乙丙", "丁戊"]))
        >>> texts[8], list(texts), 5 in texts
        ('丁戊', [3, 8], False)
    """

    def __init__(self, units: np.ndarray, block: TextBlock) -> None:
        self.units, self.block = units, block

    @classmethod
    def select(cls, units: np.ndarray, texts: Mapping[int, str]) -> BlockTexts:
        """The texts of ``units`` (ascending) from ``texts``."""
        return cls(units, TextBlock([texts[u] for u in units.tolist()]))

    @classmethod
    def of(cls, texts: Mapping[int, str]) -> BlockTexts:
        """``texts`` by ascending unit id."""
        if isinstance(texts, BlockTexts):
            return texts
        units = np.fromiter(texts, dtype=np.int64, count=len(texts))
        order = np.argsort(units, kind="stable")
        values = list(texts.values())
        return cls(units[order], TextBlock([values[i] for i in order.tolist()]))

    def __getitem__(self, unit: int) -> str:
        at = int(np.searchsorted(self.units, unit))
        if at == len(self.units) or self.units[at] != unit:
            raise KeyError(unit)
        return self.block[at]

    def __iter__(self) -> Iterator[int]:
        return iter(self.units.tolist())

    def __len__(self) -> int:
        return len(self.units)


@dataclass
class VerifyBatch:
    """Input of one verification task.

    Attributes:
        pairs: ``(m, 2)`` candidate pairs of several components, component by component.
        bounds: Start of each component in ``pairs``, plus ``m``.
        texts: Text of every unit in ``pairs``: normalized, unless ``normalized`` is false
            (the task then normalizes them, on its worker instead of the client).
        normalized: Whether ``texts`` are normalized already.
    """

    pairs: np.ndarray
    bounds: list[int]
    texts: Mapping[int, str]
    normalized: bool = True

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # The texts travel as one block (BlockTexts): pickling a dict of strings was the
        # client's largest cost in the reduce stage.
        return VerifyBatch, (self.pairs, self.bounds, BlockTexts.of(self.texts), self.normalized)

    def block(self, units: np.ndarray) -> TextBlock:
        """The texts of ``units`` (ascending) as one block: the block received, if it is that."""
        texts = self.texts
        if isinstance(texts, BlockTexts) and np.array_equal(texts.units, units):
            return texts.block
        return BlockTexts.select(units, texts).block


def exact_representatives(digests: np.ndarray, lengths: np.ndarray, min_chars: int) -> np.ndarray:
    """For each unit, the first unit with the same digest, or -1 if it is not compared.

    Units whose normalized text is empty or shorter than ``min_chars`` are not compared.

    Examples:
        >>> import numpy as np
        >>> d = np.array([5, 7, 5, 9, 7], dtype=np.uint64)
        >>> exact_representatives(d, np.array([30, 30, 30, 3, 30]), 20).tolist()
        [0, 1, 0, -1, 1]
    """
    rep_of = np.full(len(digests), -1, dtype=np.int64)
    valid = np.flatnonzero(lengths >= max(1, min_chars))
    if len(valid):
        _, first, inverse = np.unique(digests[valid], return_index=True, return_inverse=True)
        rep_of[valid] = valid[first[inverse]]
    return rep_of


def band_columns(keys: np.ndarray, ids: np.ndarray) -> Iterator[np.ndarray]:
    """Band by band, the keys of units ``ids`` (the ``columns`` of :func:`band_candidates`).

    Examples:
        >>> import numpy as np
        >>> [c.tolist() for c in band_columns(np.array([[1, 2], [3, 4], [5, 6]]), np.array([0, 2]))]
        [[1, 5], [2, 6]]
    """
    for band in range(keys.shape[1]):
        yield np.ascontiguousarray(keys[ids, band])


def band_candidates(
    columns: Iterable[np.ndarray], ids: np.ndarray, *, threads: int = 2
) -> np.ndarray:
    """Candidate pairs of ``ids`` from their band keys, one band column at a time.

    Args:
        columns: For each band, the keys of ``ids`` (same order); at most ``threads`` bands are
            in memory at a time.
        ids: Global unit indices, ascending.
        threads: Bands sorted at once (NumPy sorts without holding the GIL; the workers are
            idle while the client forms the buckets).

    Returns:
        ``(m, 2)`` int64 array of unique global pairs ``(i, j)``, ``i < j``, sorted.

    Examples:
        >>> import numpy as np
        >>> cols = [np.array([1, 2, 1, 3], np.uint64), np.array([7, 7, 8, 9], np.uint64)]
        >>> band_candidates(cols, np.array([10, 11, 12, 13])).tolist()
        [[10, 11], [10, 12]]
    """
    from concurrent.futures import ThreadPoolExecutor

    scale = np.int64(int(ids[-1]) + 1) if len(ids) else np.int64(1)

    def band_codes(column: np.ndarray) -> np.ndarray:
        local = bucket_pairs(column)
        return _sorted_unique(ids[local[:, 0]] * scale + ids[local[:, 1]])

    per_band: list[np.ndarray] = []
    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        pending: list[Future[np.ndarray]] = []
        for column in columns:
            pending.append(pool.submit(band_codes, column))
            if len(pending) >= max(1, threads):
                per_band.append(pending.pop(0).result())
        per_band.extend(f.result() for f in pending)
    # The bands' codes are sorted runs: a stable sort (timsort) merges them (0.27 s instead of
    # 0.38 s for 16 runs of 500,000).
    codes = _sorted_unique(np.concatenate([np.empty(0, np.int64), *per_band]), kind="stable")
    return np.stack([codes // scale, codes % scale], axis=1).astype(np.int64)


def _sorted_unique(
    codes: np.ndarray, kind: Literal["quicksort", "stable"] = "quicksort"
) -> np.ndarray:
    """``np.unique`` by sorting in place (NumPy 2's hash-based unique was 10x slower here)."""
    codes.sort(kind=kind)
    if len(codes) < 2:
        return codes
    return codes[np.concatenate([[True], codes[1:] != codes[:-1]])]


def batches(
    pairs: np.ndarray, parts: Sequence[np.ndarray], *, size: int = 50_000
) -> list[tuple[np.ndarray, list[int]]]:
    """Components packed into batches of about ``size`` candidate pairs (whole components).

    Returns:
        ``(pairs, bounds)`` per batch (see :class:`VerifyBatch`).
    """
    out: list[tuple[np.ndarray, list[int]]] = []
    current: list[np.ndarray] = []
    count = 0
    for rows in parts:
        current.append(rows)
        count += len(rows)
        if count >= size:
            out.append(_pack(pairs, current))
            current, count = [], 0
    if current:
        out.append(_pack(pairs, current))
    return out


def _pack(pairs: np.ndarray, parts: list[np.ndarray]) -> tuple[np.ndarray, list[int]]:
    bounds = [0]
    for rows in parts:
        bounds.append(bounds[-1] + len(rows))
    return pairs[np.concatenate(parts)], bounds


def verify_batch(
    batch: VerifyBatch,
    threshold: float,
    n: int,
    keep: str,
    *,
    to_codes: Callable[[TextBlock], tuple[np.ndarray, np.ndarray]] | None = None,
) -> list[Group]:
    """Verification task: groups of the components in ``batch`` (see the module docstring).

    The candidates are verified on a sparse shingle matrix of the batch's units, in rounds
    that leave out the pairs earlier rounds' passing pairs have joined already
    (:func:`~speechkit.dedup.verify.forest_jaccard`: they are never in the forest); the edges
    kept are those of the sequential rule (candidates in order, a pair skipped when its units
    are already joined): Kruskal's spanning forest of the passing candidates in candidate
    order (:func:`forest_groups`). Vectorized rounds cost less than the Python loop that skips
    one pair at a time (measured: 100,000 heavy-duplication paragraphs, 12.8 s in the loop of
    set intersections, 1.5 s vectorized).

    Args:
        batch: Candidate pairs by component and the normalized texts of their units.
        threshold: Minimum exact Jaccard of a verified edge.
        n: Shingle length.
        keep: ``longest`` (longest normalized text, ties: earliest) or ``first``.
        to_codes: Normalizes a block of raw texts to code points and lengths
            (:func:`~speechkit.dedup.normalize.normalize_codes`); needed when the batch's
            texts are not normalized.

    Returns:
        Groups of two or more units, ordered by their first member.
    """
    if len(batch.pairs) == 0:
        return []
    units = pair_units(batch.pairs)
    block = batch.block(units)
    if batch.normalized:
        codes = np.frombuffer("".join(block).encode("utf-32-le"), dtype=np.uint32)
        lengths = block.lengths
    elif to_codes is None:
        raise ValueError("a batch of texts not normalized needs to_codes")
    else:
        codes, lengths = to_codes(block)
    matrix = code_matrix(codes, lengths, n=n)
    local = np.searchsorted(units, batch.pairs)
    sims = forest_jaccard(matrix, local[:, 0], local[:, 1], batch.bounds, threshold=threshold)
    return forest_groups(
        units, local, sims, lengths, threshold, keep, lambda a, b: pair_jaccard(matrix, a, b)
    )


def forest_groups(
    units: np.ndarray,
    local: np.ndarray,
    sims: np.ndarray,
    lengths: np.ndarray,
    threshold: float,
    keep: str,
    similarity: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> list[Group]:
    """Groups from verified candidates: the rule of :func:`verify_batch`, for any set of them.

    The kept edges are Kruskal's spanning forest of the candidates reaching ``threshold``, in
    candidate order; the groups its connected components; the representative the longest
    member (``keep="longest"``, ties: the earliest) or the earliest.

    Args:
        units: Sorted unit indices of the candidates' units.
        local: ``(m, 2)`` candidate pairs as positions in ``units``, in candidate order.
        sims: Exact similarity of each candidate (``-1.0``: ruled out by size).
        lengths: Normalized length of each of ``units``.
        threshold: Minimum similarity of a kept edge.
        keep: ``longest`` or ``first``.
        similarity: ``similarity(a, b)``: exact Jaccard of positions ``a[k]`` and ``b[k]``
            (each member to its representative).

    Returns:
        Groups of two or more units, ordered by their first member.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components, minimum_spanning_tree

    passing = np.flatnonzero(sims >= threshold)
    if not len(passing):
        return []
    size = len(units)
    ranked = coo_matrix(
        (np.arange(1, len(passing) + 1, dtype=np.float64), tuple(local[passing].T)),
        shape=(size, size),
    )
    tree = minimum_spanning_tree(ranked.tocsr()).tocoo()
    chosen = passing[np.sort(tree.data.astype(np.int64) - 1)]  # rows of the kept edges
    _, labels = connected_components(
        coo_matrix((np.ones(len(chosen)), tuple(local[chosen].T)), shape=(size, size)),
        directed=False,
    )
    grouped = np.flatnonzero(np.bincount(labels, minlength=size)[labels] >= 2)
    # Representative of each label: the first grouped unit in this order.
    primary = -lengths[grouped] if keep == "longest" else np.zeros(len(grouped), np.int64)
    order = grouped[np.lexsort((grouped, primary, labels[grouped]))]
    first = np.concatenate([[True], labels[order][1:] != labels[order][:-1]])
    rep_of_label = np.full(size, -1, np.int64)
    rep_of_label[labels[order[first]]] = order[first]
    reps = rep_of_label[labels[grouped]]
    to_rep = np.ones(len(grouped))
    other = np.flatnonzero(reps != grouped)  # exact, also for members joined via others
    to_rep[other] = similarity(reps[other], grouped[other])
    # Members ascending and edges sorted, label by label, with array operations (the Python
    # loop over members took 0.5 s of a 1M-document store run).
    by_label = np.argsort(labels[grouped], kind="stable")
    cuts = np.flatnonzero(np.diff(labels[grouped][by_label])) + 1
    group_labels = labels[grouped][by_label][np.concatenate([[0], cuts])].tolist()
    members = np.split(units[grouped[by_label]], cuts)
    values = np.split(to_rep[by_label], cuts)
    i, j = units[local[chosen, 0]], units[local[chosen, 1]]
    edge_labels = labels[local[chosen, 0]]
    by_edge = np.lexsort((j, i, edge_labels))
    edge_cuts = np.flatnonzero(np.diff(edge_labels[by_edge])) + 1
    edges = zip(
        np.split(i[by_edge], edge_cuts), np.split(j[by_edge], edge_cuts),
        np.split(sims[chosen][by_edge], edge_cuts), strict=True,
    )  # fmt: skip
    groups = [
        Group(m.tolist(), int(units[rep_of_label[lab]]),
              list(zip(a.tolist(), b.tolist(), e.tolist(), strict=True)), v.tolist())
        for lab, m, v, (a, b, e) in zip(group_labels, members, values, edges, strict=True)
    ]  # fmt: skip
    groups.sort(key=lambda g: g.members[0])
    return groups


def assemble(groups: Iterable[Group], rep_of: np.ndarray) -> list[Cluster]:
    """Clusters from the verified groups and the exact copies of their members.

    Args:
        groups: Groups over digest representatives (:func:`verify_batch`).
        rep_of: Digest representative of every unit, -1 if not compared
            (:func:`exact_representatives`).

    Returns:
        Clusters of two or more units ordered by their first unit; representative first.
    """
    copies_idx = np.flatnonzero((rep_of >= 0) & (rep_of != np.arange(len(rep_of))))
    copies: dict[int, list[int]] = {}
    for c, r in zip(copies_idx.tolist(), rep_of[copies_idx].tolist(), strict=True):
        copies.setdefault(r, []).append(c)
    clusters: list[Cluster] = []
    grouped: set[int] = set()
    for group in groups:
        sim_of = dict(zip(group.members, group.to_representative, strict=True))
        pairs = list(group.edges)
        for u in group.members:
            grouped.add(u)
            for c in copies.get(u, ()):
                sim_of[c] = sim_of[u]
                pairs.append((u, c, 1.0))
        clusters.append(_cluster(group.representative, sim_of, pairs))
    for r, members in copies.items():
        if r not in grouped:
            sims = {r: 1.0, **dict.fromkeys(members, 1.0)}
            clusters.append(_cluster(r, sims, [(r, c, 1.0) for c in members]))
    clusters.sort(key=lambda c: min(c.members))
    return clusters


def _cluster(rep: int, sim_of: dict[int, float], pairs: list[tuple[int, int, float]]) -> Cluster:
    members = [rep, *sorted(u for u in sim_of if u != rep)]
    pairs.sort()
    return Cluster(
        members=members,
        similarity=min(p[2] for p in pairs),
        pairs=pairs,
        to_representative=[1.0 if u == rep else sim_of[u] for u in members],
    )
