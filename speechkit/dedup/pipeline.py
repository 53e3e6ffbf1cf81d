"""Near-duplicate detection as map and reduce stages over texts in memory.

* **map** (per chunk of units, embarrassingly parallel): normalize → shingle hashes → MinHash
  signature → LSH band keys, plus a digest of the normalized text (:func:`map_chunk`). Only
  the band keys leave the map stage (16 x 8 bytes a unit instead of a 512-byte signature):
  verification is exact, so the reduce stage never needs signatures.
* **shuffle**: band keys are sorted band by band into buckets.
* **reduce** (:func:`reduce_stage`, steps in :mod:`speechkit.dedup.reduce`): exact groups by
  digest → star-and-chain candidates from the band buckets → verification, per connected
  component of candidates, skipping pairs already joined → groups.

Each stage runs through an executor (:mod:`speechkit.engine`): in this process, on local
processes, or on Dask. :mod:`speechkit.dedup.sharded` runs the same stages over shards of
files, with the band keys spilled to disk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from speechkit.dedup.exact import code_digests
from speechkit.dedup.lsh import band_keys, optimal_params
from speechkit.dedup.minhash import MinHasher
from speechkit.dedup.normalize import normalize, normalize_codes
from speechkit.dedup.reduce import (
    BlockTexts,
    Cluster,
    Group,
    VerifyBatch,
    assemble,
    band_candidates,
    band_columns,
    batches,
    exact_representatives,
    verify_batch,
)
from speechkit.dedup.shingle import DEFAULT_N, hash_codes
from speechkit.dedup.verify import pair_components, pair_units
from speechkit.engine import Executor, LocalExecutor, available_cores
from speechkit.engine.textblock import TextBlock
from speechkit.errors import ParameterError

__all__ = [
    "KEEP_CHOICES",
    "Cluster",
    "DedupConfig",
    "MapResult",
    "check_keep",
    "find_duplicates",
    "map_chunk",
    "map_reduce",
    "map_units",
    "reduce_stage",
    "reduce_units",
    "verify_task",
]

Keep = Literal["longest", "first"]
KEEP_CHOICES: tuple[Keep, ...] = ("longest", "first")


def check_keep(keep: str) -> Keep:
    """Return ``keep`` if it is one of :data:`KEEP_CHOICES`.

    Raises:
        ParameterError: Any other value.

    Examples:
        >>> check_keep("first")
        'first'
    """
    for choice in KEEP_CHOICES:
        if keep == choice:
            return choice
    raise ParameterError("keep", keep, " or ".join(KEEP_CHOICES))


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
        for name in ("n", "num_perm", "chunk_size"):
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


def default_executor(count: int, config: DedupConfig) -> LocalExecutor:
    """Local processes for large inputs, this process for small ones (workers cost ~0.3 s)."""
    workers = config.workers or available_cores()
    return LocalExecutor(workers=workers if count >= config.parallel_min else 1)


def map_units(
    texts: Sequence[str],
    config: DedupConfig,
    *,
    executor: Executor | None = None,
    progress: Callable[[int], None] | None = None,
) -> MapResult:
    """Map stage over all texts, in chunks of ``config.chunk_size``.

    Args:
        texts: Unit texts.
        config: Settings.
        executor: Runs the chunks; default: :func:`default_executor`.
        progress: Called with the number of units finished after each chunk.
    """
    if executor is None:
        with default_executor(len(texts), config) as own:
            return map_units(texts, config, executor=own, progress=progress)
    size = config.chunk_size
    # Blocks, not lists: pickling 10,000 texts as a list cost the client 12.7 ms a chunk, a
    # block 7.9 ms (speechkit/engine/textblock.py). A generator: the first chunks are mapped
    # while the client packs the others.
    chunks = (TextBlock(texts[i : i + size]) for i in range(0, len(texts), size))
    parts = []
    for part in executor.map(map_chunk, chunks, config):
        parts.append(part)
        if progress:
            progress(len(part.lengths))
    return MapResult.concat(parts, config.bands_rows[0])


def verify_task(batch: VerifyBatch, config: DedupConfig) -> list[Group]:
    """:func:`~speechkit.dedup.reduce.verify_batch` with this configuration (a stage task).

    Texts sent raw are normalized here, on the worker (normalizing every candidate on the
    client took a tenth of a 1M-document run, with the workers idle).
    """

    def to_codes(block: TextBlock) -> tuple[np.ndarray, np.ndarray]:
        return normalize_codes(
            block, mask_placeholders=config.mask_placeholders, mask_digits=config.mask_digits
        )

    return verify_batch(batch, float(config.threshold), config.n, config.keep, to_codes=to_codes)


def reduce_stage(
    digests: np.ndarray,
    lengths: np.ndarray,
    columns: Callable[[np.ndarray], Iterator[np.ndarray]],
    fetch: Callable[[np.ndarray], dict[int, str]],
    config: DedupConfig,
    executor: Executor,
    *,
    batch_pairs: int = 50_000,
    normalized: bool = True,
) -> list[Cluster]:
    """Shuffle and reduce: exact groups, candidates, verification, clusters.

    Args:
        digests: Digest of every unit's normalized text.
        lengths: Normalized length of every unit.
        columns: ``columns(ids)`` yields, band by band, the band keys of units ``ids``.
        fetch: ``fetch(ids)`` returns the texts of units ``ids``.
        config: Settings.
        executor: Runs the verification tasks.
        batch_pairs: Candidate pairs per verification task (whole components).
        normalized: Whether ``fetch`` returns normalized texts (else the tasks normalize).

    Returns:
        Clusters of two or more units, ordered by their first unit.
    """
    rep_of = exact_representatives(digests, lengths, config.min_chars)
    reps = np.flatnonzero(rep_of == np.arange(len(rep_of)))
    groups: list[Group] = []
    if len(reps) > 1:
        pairs = band_candidates(columns(reps), reps)
        parts = batches(pairs, pair_components(pairs), size=batch_pairs)
        texts = fetch(pair_units(pairs)) if len(pairs) else {}
        # A generator: the first tasks run while the client packs the others. Each batch's
        # texts are a block already (not a dict that pickling would turn into one).
        tasks = (
            VerifyBatch(p, bounds, BlockTexts.select(pair_units(p), texts), normalized)
            for p, bounds in parts
        )
        for found in executor.map(verify_task, tasks, config):
            groups.extend(found)
    return assemble(groups, rep_of)


def reduce_units(
    texts: Sequence[str],
    mapped: MapResult,
    config: DedupConfig,
    *,
    executor: Executor | None = None,
) -> list[Cluster]:
    """Reduce stage for texts in memory (:func:`reduce_stage`).

    Units whose normalized text is empty or shorter than ``config.min_chars`` take no part.

    Args:
        texts: The unit texts (only candidates are normalized again, to verify exactly).
        mapped: Output of :func:`map_units` for the same texts.
        config: Settings.
        executor: Runs verification; default: :func:`default_executor`.

    Returns:
        Clusters of two or more units, ordered by their first unit.
    """
    if executor is None:
        with default_executor(len(texts), config) as own:
            return reduce_units(texts, mapped, config, executor=own)

    def columns(ids: np.ndarray) -> Iterator[np.ndarray]:
        return band_columns(mapped.keys, ids)

    def fetch(ids: np.ndarray) -> dict[int, str]:
        return {u: texts[u] for u in ids.tolist()}  # normalized by the verification tasks

    return reduce_stage(
        mapped.digests, mapped.lengths, columns, fetch, config, executor, normalized=False
    )


def map_reduce(
    texts: Sequence[str],
    *,
    config: DedupConfig | None = None,
    progress: Callable[[int], None] | None = None,
    executor: Executor | None = None,
) -> tuple[MapResult, list[Cluster]]:
    """Map then reduce, on all cores when the input is large.

    Args:
        texts: One text per unit.
        config: Settings; defaults to ``DedupConfig()``.
        progress: Called with the number of units mapped after each chunk.
        executor: Runs the stages; default: :func:`default_executor`.

    Returns:
        The map stage's :class:`MapResult` (normalized lengths, e.g. to count the units under
        ``min_chars``) and the clusters of :func:`find_duplicates`.
    """
    config = config or DedupConfig()
    if executor is None:
        with default_executor(len(texts), config) as own:
            return map_reduce(texts, config=config, progress=progress, executor=own)
    mapped = map_units(texts, config, executor=executor, progress=progress)
    return mapped, reduce_units(texts, mapped, config, executor=executor)


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
