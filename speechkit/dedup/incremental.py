"""Incremental dedup in a store: the map stage signs only units it has not signed before.

A store remembers each unit's band keys, digest and normalized length in
``dedup_signatures``, with a CRC-32 of the unit text they were made from and a fingerprint of
the settings (shingle length, permutations, seed, bands, normalization). A later ``dedup --db``
reuses them for every unit whose row and text are unchanged and signs the rest (new units, or
rows whose text changed); the shuffle and reduce stages then run over all units, so the result
is exactly that of a full run.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from speechkit.dedup.pipeline import DedupConfig, MapResult, map_units
from speechkit.engine import Executor

if TYPE_CHECKING:
    from speechkit.store import Store

__all__ = ["config_key", "signed_units"]

_VERSION = 1  # bump when normalization, shingling or signing changes


def config_key(config: DedupConfig) -> str:
    """Fingerprint of the settings the stored signatures depend on.

    Examples:
        >>> config_key(DedupConfig())
        'v1;n=3;perm=128;seed=1;bands=16x8;ph=1;dg=1'
    """
    bands, rows = config.bands_rows
    return (
        f"v{_VERSION};n={config.n};perm={config.num_perm};seed={config.seed};"
        f"bands={bands}x{rows};ph={int(config.mask_placeholders)};dg={int(config.mask_digits)}"
    )


def _checksum(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def signed_units(
    store: Store,
    level: str,
    unit_ids: Sequence[int | None],
    texts: Sequence[str],
    config: DedupConfig,
    executor: Executor,
) -> tuple[MapResult, int]:
    """The map stage's result for every unit, signing only units without a valid stored one.

    Args:
        store: The :class:`~speechkit.store.Store`.
        level: Dedup level.
        unit_ids: Row id of each unit in the level's table (``None``: not stored, always signed).
        texts: Unit texts.
        config: Settings.
        executor: Runs the map stage for the units to sign.

    Returns:
        The :class:`MapResult` of all units, and the number of units signed in this run.
    """
    key = config_key(config)
    stored = store.dedup_signatures(level, key)
    bands = config.bands_rows[0]
    count = len(texts)
    keys = np.empty((count, bands), dtype=np.uint64)
    digests = np.empty(count, dtype=np.uint64)
    lengths = np.empty(count, dtype=np.int64)
    sums = [_checksum(t) for t in texts]
    todo: list[int] = []
    kept: list[int] = []
    for i, (unit, checksum) in enumerate(zip(unit_ids, sums, strict=True)):
        found = stored.get(unit) if unit is not None else None
        if unit is None or found is None or found[0] != checksum:
            todo.append(i)
            continue
        kept.append(unit)
        _, digest, length, blob = found
        digests[i] = np.int64(digest).view(np.uint64)
        lengths[i] = length
        keys[i] = np.frombuffer(blob, dtype="<u8")
    new = map_units([texts[i] for i in todo], config, executor=executor)
    if todo:
        where = np.array(todo)
        keys[where], digests[where], lengths[where] = new.keys, new.digests, new.lengths
    rows = [
        (row, sums[i], int(digests[i].view(np.int64)), int(lengths[i]),
         keys[i].astype("<u8").tobytes())
        for i in todo
        if (row := unit_ids[i]) is not None
    ]  # fmt: skip
    store.set_dedup_signatures(level, key, rows, keep=kept)
    return MapResult(keys, digests, lengths), len(todo)
