"""The ``speechkit dedup`` entry: open a corpus, find near-duplicates, mark them, write.

Files without ``--db`` or ``--write`` are streamed shard by shard
(:mod:`speechkit.dedup.sharded`): nothing is stored and no text is kept in memory. A store,
the bundled corpus, or ``--write`` (which needs the documents) read the corpus into memory.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np

from speechkit.dedup.incremental import dedup_store
from speechkit.dedup.output import DedupReport, check_output_dir, write_deduplicated
from speechkit.dedup.pipeline import Cluster, DedupConfig, check_keep, map_reduce
from speechkit.dedup.units import Unit, build_units, check_level
from speechkit.engine import Executor, make_executor
from speechkit.types import PathLike

__all__ = ["dedup_corpus"]

def dedup_corpus(
    paths: Sequence[PathLike] = (),
    *,
    db: PathLike | None = None,
    level: str = "speech",
    threshold: float = 0.8,
    min_chars: int = 20,
    keep: str = "longest",
    seed: int = 1,
    write: PathLike | None = None,
    force: bool = False,
    text_field: str = "text",
    progress: bool = False,
    warn: Callable[[str], None] | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    tmp: PathLike | None = None,
) -> DedupReport:
    """Find groups of near-duplicate documents, speeches or paragraphs in a corpus.

    Arguments are checked before anything is read or written. In a store (``db``, or the
    default store of the bundled corpus) duplicates are marked in the ``duplicate_of`` column of
    the level's table (earlier marks of that level are replaced), never deleted.

    Args:
        paths: Files and folders; empty: the bundled corpus (or ``db`` alone).
        db: SQLite store to ingest ``paths`` into and read from.
        level: ``document`` (a file or a .jsonl/.csv record), ``speech`` or ``paragraph``.
        threshold: Minimum exact Jaccard similarity of character 3-shingles, in (0, 1].
        min_chars: Units whose normalized text (no punctuation or spaces) is shorter than
            this are not compared: never grouped, never marked, still written by ``write``.
            The default 20 leaves out salutations (``同志们：``) and short headings;
            documents and speeches are nearly always longer.
        keep: Kept member of a group: ``longest`` or ``first``.
        seed: Seed of the MinHash permutations.
        write: Folder to write the deduplicated corpus to (must be new or empty unless ``force``).
        force: Replace a non-empty ``write`` folder.
        text_field: Field holding the text in .jsonl/.csv records.
        progress: Show ingest progress on stderr.
        warn: Receives one-line warnings from reading.
        engine: ``local`` (processes on this machine) or ``dask``
            (:mod:`speechkit.engine`); same result on both for the same input and seed.
        workers: Worker processes (local pool or LocalCluster); ``None``: all cores.
        scheduler: Address of a running Dask scheduler (``--engine dask`` only).
        tmp: Folder for the temporary band-key files of a streamed run.

    Returns:
        The :class:`DedupReport`.

    Raises:
        ParameterError: ``level``, ``threshold``, ``min_chars`` or ``keep`` is invalid.
        OutputError: ``write`` is a non-empty folder (without ``force``) or cannot be written.
        InputError: A path is missing or nothing is readable.

    Examples:
        >>> report = dedup_corpus(level="speech")  # the bundled corpus
        >>> all(len(c.members) >= 2 for c in report.clusters)
        True
    """
    level = check_level(level)
    config = DedupConfig(
        threshold=threshold,
        keep=check_keep(keep),
        seed=seed,
        min_chars=min_chars,
        workers=workers,
    )
    if write is not None:
        check_output_dir(write, force=force)
    if engine != "local" or scheduler is not None:
        executor: Executor | None = make_executor(engine, workers=workers, scheduler=scheduler)
    else:
        make_executor(engine, workers=workers)  # checks the arguments; starts nothing
        executor = None
    try:
        if paths and db is None and write is None:
            return _dedup_stream(paths, level, config, executor, text_field, tmp, warn)
        return _dedup_corpus(
            paths, db, level, config, executor, write, force, text_field, progress, warn
        )
    finally:
        if executor is not None:
            executor.close()


def _local(config: DedupConfig, size: int, small: int) -> Executor:
    """Local processes for large inputs, this process for small ones (workers cost ~0.3 s)."""
    return make_executor("local", workers=config.workers if size >= small else 1)


def _dedup_stream(
    paths: Sequence[PathLike],
    level: str,
    config: DedupConfig,
    executor: Executor | None,
    text_field: str,
    tmp: PathLike | None,
    warn: Callable[[str], None] | None,
) -> DedupReport:
    from speechkit.corpus import _default_warn, _nothing_readable
    from speechkit.dedup.sharded import dedup_shards, input_files, plan_shards

    warn = warn or _default_warn
    files = input_files(paths, warn=warn)
    shards = plan_shards(files, text_field=text_field)
    own = executor is None
    if executor is None:
        size = sum(Path(shard.path).stat().st_size for shard in shards)
        executor = _local(config, size, 8 << 20)
    try:
        result = dedup_shards(shards, config, executor, level=level, tmp=tmp, warn=warn)
    finally:
        if own:
            executor.close()
    if result.count == 0:
        raise _nothing_readable(paths)
    return _report(level, config, result.units, result.clusters, result.lengths, result.count)


def _dedup_corpus(
    paths: Sequence[PathLike],
    db: PathLike | None,
    level: str,
    config: DedupConfig,
    executor: Executor | None,
    write: PathLike | None,
    force: bool,
    text_field: str,
    progress: bool,
    warn: Callable[[str], None] | None,
) -> DedupReport:
    from speechkit.corpus import open_corpus  # the corpus stack is imported only when used

    with open_corpus(paths, db=db, text_field=text_field, progress=progress, warn=warn) as corpus:
        store = corpus.store
        if store is None:  # files read into memory, for --write without --db
            units = build_units(corpus.documents, level)
            texts = [u.text for u in units]
            run = executor or _local(config, len(texts), config.parallel_min)
            try:
                mapped, clusters = map_reduce(texts, config=config, executor=run)
            finally:
                if executor is None:
                    run.close()
            report = _report(level, config, units, clusters, mapped.lengths, len(units))
        else:
            with store.transaction():  # the dedup state and the marks, or neither
                found = dedup_store(store, level, config, executor)
                table = found.table
                # A full unit list only for --write, which needs the documents anyway.
                members: list[Unit] | Mapping[int, Unit] = (
                    build_units(corpus.documents, level) if write is not None else found.units()
                )
                report = _report(
                    level, config, members, found.clusters, table.lengths, len(table)
                )
                report.signed, report.verified = found.signed, found.verified
                report.marked = store.mark_duplicates(
                    level,
                    (
                        (int(table.ids[c.representative]), int(table.ids[m]))
                        for c in found.clusters
                        for m in c.members[1:]
                    ),
                )
        if write is not None:
            assert isinstance(report.units, list) and len(report.units) == report.unit_count
            report.files_written = write_deduplicated(report, corpus.documents, write, force=force)
            report.written = str(write)
    return report


def _report(
    level: str,
    config: DedupConfig,
    units: list[Unit] | Mapping[int, Unit],
    clusters: list[Cluster],
    lengths: np.ndarray,
    count: int,
) -> DedupReport:
    short = int(((lengths > 0) & (lengths < config.min_chars)).sum())
    return DedupReport(
        level, float(config.threshold), config.keep, units, clusters,
        min_chars=config.min_chars, short=short, unit_count=count,
    )  # fmt: skip
