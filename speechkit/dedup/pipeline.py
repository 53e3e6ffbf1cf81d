"""Near-duplicate detection as map and reduce stages.

* **map** (per unit, embarrassingly parallel): normalize → shingle hashes → MinHash signature
  → LSH band keys, plus a digest of the normalized text. :func:`map_units` runs chunks on all
  cores. Only the band keys leave the map stage (16 x 8 bytes a unit instead of a 512-byte
  signature): verification is exact, so the reduce stage never needs signatures.
* **reduce**: exact groups by digest → LSH band buckets over one representative per exact
  group → candidate pairs → exact Jaccard verification → union-find groups.

The stages exchange plain NumPy arrays (:class:`MapResult`), so another backend (a cluster of
machines, a dataframe engine) can run the same functions on its own partitions.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from speechkit.dedup.exact import code_digests, exact_groups
from speechkit.dedup.lsh import band_keys, candidate_pairs, optimal_params
from speechkit.dedup.minhash import MinHasher
from speechkit.dedup.normalize import normalize, normalize_codes, normalize_many
from speechkit.dedup.shingle import DEFAULT_N, hash_codes, shingles
from speechkit.dedup.unionfind import UnionFind
from speechkit.dedup.verify import jaccard, verify_pairs
from speechkit.errors import ParameterError

__all__ = [
    "KEEP_CHOICES",
    "Cluster",
    "DedupConfig",
    "MapResult",
    "find_duplicates",
    "map_chunk",
    "map_reduce",
    "map_units",
    "reduce_units",
    "verify_components",
]

Keep = Literal["longest", "first"]
KEEP_CHOICES: tuple[Keep, ...] = ("longest", "first")


@dataclass(frozen=True)
class DedupConfig:
    """Settings of near-duplicate detection (all have working defaults).

    Attributes:
        threshold: Minimum exact Jaccard similarity of shingle sets, in (0, 1]. Default 0.8.
        keep: Which member represents a group: ``"longest"`` normalized text (ties: the
            earliest) or ``"first"`` in input order.
        min_chars: Units whose normalized text (the text shingled: no punctuation or spaces)
            is shorter than this many characters are not compared and never grouped (20).
            Salutations (``同志们：``), short headings and sign-offs are alike in every speech
            and are not the repeated content a user looks for; ``0`` compares every non-empty
            unit.
        n: Shingle length in characters (3; see :mod:`speechkit.dedup.shingle`).
        num_perm: MinHash permutations (128).
        seed: Seed of the permutations; same input and seed, same output.
        mask_placeholders: Normalize ``xx``/``X``/``**`` placeholders to one symbol.
        mask_digits: Normalize every number to ``0``.
        false_positive_weight: LSH band choice weight of false candidates (0.05).
        false_negative_weight: LSH band choice weight of missed pairs (0.95).
        max_bucket: Bucket size above which candidates are limited to neighbours (50).
        workers: Processes for the map stage; ``None`` = all available cores.
        chunk_size: Units per map task (10,000: arrays stay in cache).
        parallel_min: Fewer units than this run in-process (starting workers costs more).
    """

    threshold: float = 0.8
    keep: Keep = "longest"
    min_chars: int = 20
    n: int = DEFAULT_N
    num_perm: int = 128
    seed: int = 1
    mask_placeholders: bool = True
    mask_digits: bool = True
    false_positive_weight: float = 0.05
    false_negative_weight: float = 0.95
    max_bucket: int = 50
    workers: int | None = None
    chunk_size: int = 10_000
    parallel_min: int = 40_000

    def __post_init__(self) -> None:
        if isinstance(self.threshold, bool) or not isinstance(self.threshold, int | float):
            raise ParameterError("threshold", self.threshold, "a number in (0, 1], e.g. 0.8")
        if not 0.0 < float(self.threshold) <= 1.0:
            raise ParameterError("threshold", self.threshold, "a number in (0, 1], e.g. 0.8")
        if self.keep not in KEEP_CHOICES:
            raise ParameterError("keep", self.keep, " or ".join(KEEP_CHOICES))
        if (
            isinstance(self.min_chars, bool)
            or not isinstance(self.min_chars, int)
            or self.min_chars < 0
        ):
            raise ParameterError("min_chars", self.min_chars, "an integer >= 0, e.g. 20")
        for name in ("n", "num_perm", "chunk_size", "max_bucket"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < (2 if name == "num_perm" else 1):
                raise ParameterError(name, value, "a positive integer")
        if self.workers is not None and (not isinstance(self.workers, int) or self.workers < 1):
            raise ParameterError("workers", self.workers, "a positive integer or None")

    @property
    def hasher(self) -> MinHasher:
        """The :class:`MinHasher` of this configuration."""
        return MinHasher(num_perm=self.num_perm, seed=self.seed)

    @property
    def bands_rows(self) -> tuple[int, int]:
        """LSH ``(bands, rows)`` chosen from the threshold."""
        return optimal_params(
            float(self.threshold),
            self.num_perm,
            false_positive_weight=self.false_positive_weight,
            false_negative_weight=self.false_negative_weight,
        )

    def normalize(self, text: str) -> str:
        """Normalize one text with this configuration's masks."""
        return normalize(
            text, mask_placeholders=self.mask_placeholders, mask_digits=self.mask_digits
        )


@dataclass
class MapResult:
    """Output of the map stage, row ``i`` for unit ``i``.

    Attributes:
        keys: ``(n, bands)`` uint64 LSH band keys of the MinHash signatures.
        digests: ``(n,)`` uint64 digests of the normalized texts.
        lengths: ``(n,)`` int64 lengths of the normalized texts (units shorter than
            ``min_chars``, or empty, are not compared).
    """

    keys: np.ndarray
    digests: np.ndarray
    lengths: np.ndarray

    @classmethod
    def concat(cls, parts: Sequence[MapResult], bands: int) -> MapResult:
        """Join the results of consecutive chunks."""
        if not parts:
            return cls(
                np.empty((0, bands), np.uint64), np.empty(0, np.uint64), np.empty(0, np.int64)
            )
        return cls(
            np.concatenate([p.keys for p in parts]),
            np.concatenate([p.digests for p in parts]),
            np.concatenate([p.lengths for p in parts]),
        )


def map_chunk(texts: Sequence[str], config: DedupConfig) -> MapResult:
    """Map stage for one chunk of texts: normalize, hash shingles, sign, band."""
    codes, lengths = normalize_codes(
        texts, mask_placeholders=config.mask_placeholders, mask_digits=config.mask_digits
    )
    hashes, offsets = hash_codes(codes, lengths, n=config.n)
    keys = band_keys(config.hasher.signatures(hashes, offsets), *config.bands_rows)
    return MapResult(keys, code_digests(codes, lengths), lengths)


def _available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _parallel(count: int, config: DedupConfig) -> bool:
    return (config.workers or _available_cores()) > 1 and count >= config.parallel_min


def _start_pool(config: DedupConfig) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=config.workers or _available_cores())


def map_units(
    texts: Sequence[str],
    config: DedupConfig,
    *,
    progress: Callable[[int], None] | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> MapResult:
    """Map stage over all texts, in chunks, on ``config.workers`` processes.

    Args:
        texts: Unit texts.
        config: Settings.
        progress: Called with the number of units finished after each chunk.
        pool: Worker processes to use; default: started here when the input is large.
    """
    size = config.chunk_size
    chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
    parts: list[MapResult] = []
    if pool is None and _parallel(len(texts), config):
        with _start_pool(config) as own:
            return map_units(texts, config, progress=progress, pool=own)
    if pool is None:
        for chunk in chunks:
            parts.append(map_chunk(chunk, config))
            if progress:
                progress(len(chunk))
    else:
        results = pool.map(map_chunk, chunks, [config] * len(chunks))
        for chunk, part in zip(chunks, results, strict=True):
            parts.append(part)
            if progress:
                progress(len(chunk))
    return MapResult.concat(parts, config.bands_rows[0])


@dataclass
class Cluster:
    """One group of near-duplicate units.

    Attributes:
        members: Unit indices, the kept representative first, then in input order.
        similarity: Lowest exact Jaccard similarity among the verified pairs that join the group
            (always >= the threshold).
        pairs: Verified ``(i, j, similarity)`` pairs inside the group (exact copies as 1.0).
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


class _ShingleSets:
    """Exact shingle sets of units, built on demand from their normalized text.

    A set of ~200 five-character strings takes ~25 KB, so sets are cached only within one
    candidate component (:meth:`clear`): holding all of them at a million units took 2 GB.
    """

    def __init__(self, texts: Sequence[str] | dict[int, str], config: DedupConfig):
        self._texts = texts
        self._config = config
        self._normalized: dict[int, str] = {}
        self._cache: dict[int, frozenset[str]] = {}

    def prepare(self, units: Sequence[int]) -> None:
        """Normalize the texts of ``units`` in one batch (faster than one by one)."""
        todo = sorted({int(u) for u in units} - self._normalized.keys())
        cfg = self._config
        normalized = normalize_many(
            [self._texts[u] for u in todo],
            mask_placeholders=cfg.mask_placeholders,
            mask_digits=cfg.mask_digits,
        )
        self._normalized.update(zip(todo, normalized, strict=True))

    def get(self, unit: int) -> frozenset[str]:
        found = self._cache.get(unit)
        if found is None:
            text = self._normalized.get(unit)
            if text is None:
                text = self._config.normalize(self._texts[unit])
            found = self._cache[unit] = frozenset(shingles(text, n=self._config.n))
        return found

    def clear(self) -> None:
        self._cache.clear()


def verify_components(
    components: Sequence[list[tuple[int, int]]],
    texts: dict[int, str],
    config: DedupConfig,
) -> list[tuple[int, int, float]]:
    """Reduce task: verify the candidate pairs of some components by exact Jaccard.

    Args:
        components: Candidate pairs of unit indices, one list per connected component.
        texts: The (raw) text of every unit in those pairs.
        config: Settings (normalization, ``n``, threshold).
    """
    sets = _ShingleSets(texts, config)
    sets.prepare(list(texts))
    kept: list[tuple[int, int, float]] = []
    for component in components:
        sets.clear()  # a unit's set is needed only inside its component
        kept.extend(verify_pairs(component, sets.get, threshold=float(config.threshold)))
    return kept


def _verify_by_component(
    pairs: np.ndarray,
    texts: Sequence[str],
    config: DedupConfig,
    pool: ProcessPoolExecutor | None,
    workers: int,
) -> list[tuple[int, int, float]]:
    """Verify candidate pairs grouped by connected component, in parallel when a pool is given."""
    if len(pairs) == 0:
        return []
    units, local = np.unique(pairs, return_inverse=True)
    local = local.reshape(pairs.shape)
    uf = UnionFind(len(units))
    local_pairs: list[list[int]] = local.tolist()  # type: ignore[assignment]
    for a, b in local_pairs:
        uf.union(a, b)
    roots = np.fromiter((uf.find(a) for a in local[:, 0].tolist()), np.int64, len(local))
    order = np.argsort(roots, kind="stable")
    bounds = np.flatnonzero(np.diff(roots[order])) + 1
    components = [[(int(i), int(j)) for i, j in pairs[idx]] for idx in np.split(order, bounds)]
    if pool is None or len(pairs) < 2000:
        kept = verify_components(components, {int(u): texts[int(u)] for u in units}, config)
        return sorted(kept)
    # Several tasks per worker, so one slow batch does not leave a core idle.
    tasks = [components[k :: workers * 4] for k in range(workers * 4)]
    texts_of = [{u: texts[u] for comp in task for pair in comp for u in pair} for task in tasks]
    kept = []
    for part in pool.map(verify_components, tasks, texts_of, [config] * len(tasks)):
        kept.extend(part)
    return sorted(kept)


def reduce_units(
    texts: Sequence[str],
    mapped: MapResult,
    config: DedupConfig,
    *,
    pool: ProcessPoolExecutor | None = None,
) -> list[Cluster]:
    """Reduce stage: exact groups, LSH candidates, exact verification, transitive groups.

    Units whose normalized text is empty or shorter than ``config.min_chars`` take no part.

    Args:
        texts: The unit texts (only candidates are re-normalized, to verify exactly).
        mapped: Output of :func:`map_units` for the same texts.
        config: Settings.
        pool: Worker processes for verification (by connected component of candidates).

    Returns:
        Clusters of two or more units, ordered by their first unit.
    """
    count = len(mapped.lengths)
    valid = np.flatnonzero(mapped.lengths >= max(1, config.min_chars))
    uf = UnionFind(count)
    exact_pairs: list[tuple[int, int, float]] = []
    first = exact_groups(mapped.digests[valid])  # positions into valid
    reps = valid[first == np.arange(len(valid))]
    for pos in np.flatnonzero(first != np.arange(len(valid))):
        i, j = int(valid[first[pos]]), int(valid[pos])
        uf.union(i, j)
        exact_pairs.append((i, j, 1.0))

    workers = config.workers or _available_cores()
    near_pairs: list[tuple[int, int, float]] = []
    if len(reps) > 1:
        local = candidate_pairs(mapped.keys[reps], max_bucket=config.max_bucket, workers=workers)
        near_pairs = _verify_by_component(reps[local], texts, config, pool, workers)
        for i, j, _ in near_pairs:
            uf.union(i, j)

    groups = uf.groups()
    if not groups:
        return []
    root_of = {uf.find(g[0]): k for k, g in enumerate(groups)}
    pairs_of: list[list[tuple[int, int, float]]] = [[] for _ in groups]
    for pair in exact_pairs + near_pairs:
        pairs_of[root_of[uf.find(pair[0])]].append(pair)

    sets = _ShingleSets(texts, config)
    clusters = []
    for group, pairs in zip(groups, pairs_of, strict=True):
        sets.clear()
        if config.keep == "longest":
            rep = max(group, key=lambda i: (int(mapped.lengths[i]), -i))
        else:
            rep = group[0]
        members = [rep, *(i for i in group if i != rep)]
        known = {(min(i, j), max(i, j)): sim for i, j, sim in pairs}
        to_rep = []
        for i in members:
            sim = 1.0 if i == rep else known.get((min(i, rep), max(i, rep)))
            if sim is None:  # joined through another member: compute it
                sim = jaccard(sets.get(rep), sets.get(i))
            to_rep.append(sim)
        pairs.sort()
        clusters.append(
            Cluster(
                members=members,
                similarity=min(p[2] for p in pairs),
                pairs=pairs,
                to_representative=to_rep,
            )
        )
    return clusters


def map_reduce(
    texts: Sequence[str],
    *,
    config: DedupConfig | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[MapResult, list[Cluster]]:
    """Map then reduce, on all cores when the input is large.

    Args:
        texts: One text per unit.
        config: Settings; defaults to ``DedupConfig()``.
        progress: Called with the number of units mapped after each chunk.

    Returns:
        The map stage's :class:`MapResult` (normalized lengths, e.g. to count the units under
        ``min_chars``) and the clusters of :func:`find_duplicates`.
    """
    config = config or DedupConfig()
    if not _parallel(len(texts), config):
        mapped = map_units(texts, config, progress=progress)
        return mapped, reduce_units(texts, mapped, config)
    with _start_pool(config) as pool:
        mapped = map_units(texts, config, progress=progress, pool=pool)
        return mapped, reduce_units(texts, mapped, config, pool=pool)


def find_duplicates(
    texts: Sequence[str],
    *,
    config: DedupConfig | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Cluster]:
    """Groups of near-duplicate texts: map then reduce.

    Args:
        texts: One text per unit (document, speech or paragraph).
        config: Settings; defaults to ``DedupConfig()`` (threshold 0.8, keep longest).
        progress: Called with the number of units mapped after each chunk.

    Returns:
        Clusters of two or more units, representative first. Units whose normalized text is
        shorter than ``config.min_chars`` (default 20) are never in a cluster.

    Examples:
        >>> texts = ["xx市创建全国文明城市动员大会上的讲话，同志们：今天我们召开大会。",
        ...          "南京市创建全国文明城市动员大会上的讲话。同志们，今天我们召开大会！",
        ...          "关于做好学校疫情防控工作的实施方案"]
        >>> [(c.members, round(c.similarity, 2)) for c in find_duplicates(texts)]
        [([1, 0], 0.9)]
        >>> find_duplicates(["同志们：", "同志们："])  # shorter than min_chars (20)
        []
        >>> [c.members for c in find_duplicates(["同志们：", "同志们："],
        ...                                      config=DedupConfig(min_chars=0))]
        [[0, 1]]
    """
    return map_reduce(texts, config=config, progress=progress)[1]
