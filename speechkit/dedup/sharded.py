"""Dedup over shards of files, streamed, with the band keys spilled to disk.

Stages (each one :meth:`~speechkit.engine.Executor.map` over shards, so they run the same on
local processes and on Dask):

1. **map** (:func:`map_shard`, one task per shard): read the shard's records or files, clean
   (and segment, at speech and paragraph level), normalize → shingle → MinHash → band keys.
   A task returns its units' band keys, digests, normalized lengths and provenance (record,
   lines, characters): no text. The client writes each shard's band keys to a temporary
   folder as ``.npy`` (band-major) as they arrive.
2. **shuffle**: band by band, the keys of all shards are read back from disk and sorted into
   buckets; each bucket gives its star-and-chain candidates (:mod:`speechkit.dedup.reduce`).
   One band's keys are in memory at a time.
3. **fetch** (:func:`fetch_shard`): the shards are read again and return the normalized text
   (and title) of only the units that are candidates or exact copies.
4. **reduce** (:func:`~speechkit.dedup.pipeline.verify_task`, one task per batch of
   components): verification, groups, similarity to the kept member.

The temporary folder is removed at the end, after an error, and on Ctrl-C. A shard is a
whole file, or a byte range of a large .jsonl file (split at line starts); its records
are numbered within the shard and renumbered by the client.
"""

from __future__ import annotations

import errno
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from speechkit.dedup.normalize import normalize_many
from speechkit.dedup.pipeline import DedupConfig, map_chunk, reduce_stage
from speechkit.dedup.reduce import Cluster
from speechkit.dedup.units import Unit, build_units
from speechkit.engine import Executor
from speechkit.engine.textblock import TextBlock
from speechkit.errors import OutputError
from speechkit.ingest.records import gzip_jsonl_lines
from speechkit.ingest.walk import GZIP_JSONL
from speechkit.model import Document
from speechkit.types import PathLike

__all__ = [
    "GZIP_JSONL",
    "SHARD_BYTES",
    "FileShard",
    "ShardedResult",
    "dedup_shards",
    "fetch_shard",
    "input_files",
    "map_shard",
    "plan_shards",
]


#: Target size of a byte-range shard of a large .jsonl file (~100,000 paragraph records).
SHARD_BYTES = 64 << 20

# Encodings in which byte 0x0A is always a newline (never part of a multi-byte character),
# so a file can be cut at any newline.
_SPLITTABLE = {"utf-8", "utf-8-sig", "ascii", "gb18030", "gbk", "gb2312"}


@dataclass(frozen=True)
class FileShard:
    """One map task's input: a whole file, or lines ``[start, stop)`` bytes of a .jsonl file.

    Attributes:
        path: The file (workers must see it at this path).
        source: Its name as shown to users.
        kind: Reader (:func:`speechkit.ingest.walk.reader_kind`).
        text_field: Field holding the text in .jsonl/.csv records.
        start: First byte (a line start); ``0`` for a whole file.
        stop: End byte (``None``: the end of the file).
        first_line: File line number of the line at ``start``.
        encoding: Encoding of a byte-range shard (detected once for the file).
    """

    path: str
    source: str
    kind: str
    text_field: str = "text"
    start: int = 0
    stop: int | None = None
    first_line: int = 1
    encoding: str | None = None

    def documents(
        self, warn: Callable[[str], None], stats: dict[str, int] | None = None
    ) -> Iterator[Document]:
        """Raw documents of this shard (records numbered from 0 within a byte range).

        Args:
            warn: Receives reading warnings.
            stats: Receives ``records``: the records of a byte range or a .jsonl.gz file
                (with or without text).
        """
        from speechkit.ingest import read_documents

        if self.kind == GZIP_JSONL:
            lines = gzip_jsonl_lines(Path(self.path), source=self.source, warn=warn)
            yield from self._record_documents(lines, warn, stats)
        elif self.stop is None:
            yield from read_documents(
                Path(self.path), self.source, self.kind, text_field=self.text_field, warn=warn
            )
        else:
            yield from self._record_documents(self._lines(), warn, stats)

    def _record_documents(
        self,
        lines: Iterator[tuple[int, str]],
        warn: Callable[[str], None],
        stats: dict[str, int] | None,
    ) -> Iterator[Document]:
        import hashlib

        from speechkit.ingest.read import split_record
        from speechkit.ingest.records import parse_jsonl_lines

        encoding = self.encoding or "utf-8"
        try:
            records = parse_jsonl_lines(
                lines, source=self.source, text_field=self.text_field, warn=warn, stats=stats
            )
            for record, _line, text, _date in records:
                if text.strip():
                    yield Document(
                        source=self.source, record=record, encoding=encoding,
                        raw_lines=split_record(text),
                        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    )  # fmt: skip
        except OSError as exc:
            warn(f"{self.source}: cannot read ({exc.strerror or exc}); rest of the shard skipped")

    def _lines(self) -> Iterator[tuple[int, str]]:
        assert self.stop is not None and self.encoding is not None
        with open(self.path, "rb") as handle:
            handle.seek(self.start)
            number, pos = self.first_line, self.start
            while pos < self.stop:
                raw = handle.readline()
                if not raw:
                    break
                pos += len(raw)
                text = raw.decode(self.encoding, errors="replace").rstrip("\r\n")
                yield number, text
                number += 1


def input_files(
    paths: Sequence[PathLike], *, warn: Callable[[str], None]
) -> list[tuple[Path, str, str]]:
    """The files to stream, as ingestion walks them (:func:`speechkit.ingest.iter_files`).

    ``.jsonl.gz`` files have kind :data:`~speechkit.ingest.walk.GZIP_JSONL` and take their
    place in the walk's order (files of a folder before its subfolders, each sorted by name),
    so compressing shards does not reorder a corpus.

    Args:
        paths: Files and folders, as the user gave them.
        warn: Receives the walk's warnings (unsupported files, not regular files).

    Raises:
        InputError: A path does not exist.
    """
    from speechkit.ingest import iter_files

    return list(iter_files(paths, warn=warn))


def plan_shards(
    files: Sequence[tuple[Path, str, str]],
    *,
    text_field: str = "text",
    shard_bytes: int | None = None,
) -> list[FileShard]:
    """Shards of ``files``: one per file, large UTF-8/GB18030 .jsonl files cut at newlines.

    Args:
        files: ``(path, source, kind)`` items (:func:`speechkit.ingest.iter_files`).
        text_field: Field holding the text in .jsonl/.csv records.
        shard_bytes: Target byte size of a .jsonl shard (default :data:`SHARD_BYTES`).
    """
    from speechkit.ingest.text import sniff_encoding

    shard_bytes = shard_bytes or SHARD_BYTES
    shards: list[FileShard] = []
    for path, source, kind in files:
        size = path.stat().st_size
        if kind != "jsonl" or size <= shard_bytes:  # .jsonl.gz too: read whole
            shards.append(FileShard(str(path), source, kind, text_field))
            continue
        try:
            encoding = sniff_encoding(path).encoding
        except ValueError:  # not text: the reader warns and skips it
            encoding = ""
        if encoding.lower().replace("_", "-") not in _SPLITTABLE:
            shards.append(FileShard(str(path), source, kind, text_field))
            continue
        shards.extend(_byte_ranges(path, source, text_field, encoding, size, shard_bytes))
    return shards


def _byte_ranges(
    path: Path, source: str, text_field: str, encoding: str, size: int, shard_bytes: int
) -> Iterator[FileShard]:
    """Cut at the first newline after each multiple of ``shard_bytes``; count lines on the way."""
    with open(path, "rb") as handle:
        start, line = 0, 1
        while start < size:
            handle.seek(min(start + shard_bytes, size))
            handle.readline()  # to the end of the line
            stop = min(handle.tell(), size)
            handle.seek(start)
            lines, pos = 0, start
            while pos < stop:
                block = handle.read(min(1 << 22, stop - pos))
                lines += block.count(b"\n")
                pos += len(block)
            yield FileShard(str(path), source, "jsonl", text_field, start, stop, line, encoding)
            start, line = stop, line + lines


@dataclass
class ShardMap:
    """What one map task returns (row ``i`` for the shard's unit ``i``).

    Attributes:
        keys: ``(bands, n)`` uint64 band keys (band-major: one band is contiguous on disk).
        digests: ``(n,)`` uint64 digests of the normalized texts.
        lengths: ``(n,)`` normalized lengths.
        meta: ``(n, 4)`` int64: record within the shard (-1: none), first line, last line,
            characters of the unit text.
        records: Records seen in the shard (to number the next shard's records).
        warnings: Warnings raised while reading, for the client to show.
    """

    keys: np.ndarray
    digests: np.ndarray
    lengths: np.ndarray
    meta: np.ndarray
    records: int
    warnings: list[str] = field(default_factory=list)


def _units(
    shard: FileShard,
    level: str,
    warn: Callable[[str], None],
    stats: dict[str, int] | None = None,
    records: set[int] | None = None,
) -> Iterator[Unit]:
    """Units of a shard; with ``records``, only those of these records (others not cleaned)."""
    from speechkit.clean.pipeline import clean_lines
    from speechkit.segment import segment

    for doc in shard.documents(warn, stats):
        if records is not None and doc.record not in records:
            continue
        doc.lines = clean_lines(doc.raw_lines)
        doc.raw_lines = []
        # Documents need no segmentation: their title is then their first line.
        if level != "document":
            doc.speeches = segment(doc.lines, source=doc.source, record=doc.record)
        yield from build_units([doc], level)


def map_shard(shard: FileShard, config: DedupConfig, level: str) -> ShardMap:
    """Map task: the band keys, digests and provenance of one shard's units."""
    warnings: list[str] = []
    texts: list[str] = []
    meta: list[tuple[int, int, int, int]] = []
    stats: dict[str, int] = {}
    for unit in _units(shard, level, warnings.append, stats):
        texts.append(unit.text)
        record = -1 if unit.record is None else unit.record
        meta.append((record, unit.first_line, unit.last_line, len(unit.text)))
    mapped = map_chunk(texts, config)
    return ShardMap(
        np.ascontiguousarray(mapped.keys.T),
        mapped.digests,
        mapped.lengths,
        np.array(meta, dtype=np.int64).reshape(-1, 4),
        stats.get("records", 0),
        warnings,
    )


def fetch_shard(
    item: tuple[FileShard, np.ndarray, np.ndarray | None], config: DedupConfig, level: str
) -> tuple[list[str | None], TextBlock]:
    """Fetch task: titles and normalized texts of the shard's units at the given positions.

    The texts go back as one :class:`~speechkit.engine.textblock.TextBlock`, which the client
    unpickles at a fraction of a list's cost.

    ``item`` is the shard, the units' positions in it and, when each of them is a whole record
    (document level), their record numbers: only those records are then cleaned again.
    """
    shard, wanted, records = item
    titles, texts = [], []
    if records is not None:
        found = {
            unit.record: unit
            for unit in _units(shard, level, lambda _m: None, records=set(records.tolist()))
        }
        chosen = [found[r] for r in records.tolist()]
    else:
        want = set(wanted.tolist())
        chosen = [u for k, u in enumerate(_units(shard, level, lambda _m: None)) if k in want]
    for unit in chosen:  # warned by the map stage already
        titles.append(unit.title)
        texts.append(unit.text)
    normalized = normalize_many(
        texts, mask_placeholders=config.mask_placeholders, mask_digits=config.mask_digits
    )
    return titles, TextBlock(normalized)


class _Spill:
    """A temporary folder of ``.npy`` files, removed on :meth:`close`."""

    def __init__(self, parent: PathLike | None) -> None:
        try:
            self.folder = Path(tempfile.mkdtemp(prefix="speechkit-dedup-", dir=parent))
        except OSError as exc:
            raise OutputError(
                f"{parent or tempfile.gettempdir()}: cannot create a temporary folder for the "
                f"band keys ({exc.strerror}); choose a writable --tmp folder"
            ) from exc
        self.files: list[Path] = []

    def save(self, array: np.ndarray) -> None:
        path = self.folder / f"keys-{len(self.files):06d}.npy"
        try:
            np.save(path, array)
        except OSError as exc:
            full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
            reason = "disk full" if full else (exc.strerror or str(exc))
            raise OutputError(
                f"{self.folder}: cannot write the band keys ({reason}); free space or choose "
                "another folder with --tmp (temporary files removed; nothing else was written)"
            ) from exc
        self.files.append(path)

    def band(self, band: int) -> np.ndarray:
        parts = [np.load(path, mmap_mode="r")[band] for path in self.files]
        return np.concatenate(parts) if parts else np.empty(0, np.uint64)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class ShardedResult:
    """The outcome of :func:`dedup_shards`.

    Attributes:
        count: Units compared or not (all units read).
        lengths: Normalized length of every unit.
        clusters: Groups of near-duplicates (global unit indices), representative first.
        units: The :class:`Unit` of every clustered unit (``text`` is empty; ``chars`` set).
    """

    count: int
    lengths: np.ndarray
    clusters: list[Cluster]
    units: dict[int, Unit]


def dedup_shards(
    shards: Sequence[FileShard],
    config: DedupConfig,
    executor: Executor,
    *,
    level: str = "document",
    tmp: PathLike | None = None,
    warn: Callable[[str], None] | None = None,
) -> ShardedResult:
    """Run the stages of the module docstring over ``shards``.

    Args:
        shards: Input shards, in corpus order (:func:`plan_shards`).
        config: Settings.
        executor: Runs every stage (:mod:`speechkit.engine`).
        level: ``document``, ``speech`` or ``paragraph``.
        tmp: Folder for the temporary band-key files (default: the system's).
        warn: Receives reading warnings (file and line or record).

    Raises:
        OutputError: The temporary files cannot be written (disk full); they are removed.
    """
    spill = _Spill(tmp)
    try:
        return _run(shards, config, executor, level, spill, warn)
    finally:
        spill.close()


def _run(
    shards: Sequence[FileShard],
    config: DedupConfig,
    executor: Executor,
    level: str,
    spill: _Spill,
    warn: Callable[[str], None] | None,
) -> ShardedResult:
    digests, lengths, metas, offsets = [], [], [], [0]
    record_base: list[int] = []
    seen: dict[str, int] = {}
    for shard, part in zip(shards, executor.map(map_shard, shards, config, level), strict=True):
        for message in part.warnings:
            if warn:
                warn(message)
        spill.save(part.keys)
        digests.append(part.digests)
        lengths.append(part.lengths)
        metas.append(part.meta)
        offsets.append(offsets[-1] + len(part.lengths))
        record_base.append(seen.get(shard.path, 0))  # records of earlier shards of the file
        seen[shard.path] = record_base[-1] + part.records
        del part
    all_digests = np.concatenate([np.empty(0, np.uint64), *digests])
    all_lengths = np.concatenate([np.empty(0, np.int64), *lengths])
    meta = np.concatenate([np.empty((0, 4), np.int64), *metas])
    del digests, lengths, metas
    bounds = np.array(offsets)
    fetched: dict[int, tuple[str | None, str]] = {}

    def columns(ids: np.ndarray) -> Iterator[np.ndarray]:
        for band in range(config.bands_rows[0]):
            yield np.ascontiguousarray(spill.band(band)[ids])

    def fetch(ids: np.ndarray) -> dict[int, str]:
        _fetch(ids, shards, bounds, config, level, executor, fetched, meta)
        return {u: fetched[u][1] for u in ids.tolist()}

    clusters = reduce_stage(all_digests, all_lengths, columns, fetch, config, executor)
    members = np.array(sorted({u for c in clusters for u in c.members}), dtype=np.int64)
    missing = np.array([u for u in members.tolist() if u not in fetched], dtype=np.int64)
    if len(missing):  # exact copies outside LSH: only their titles are needed
        _fetch(missing, shards, bounds, config, level, executor, fetched, meta)
    units: dict[int, Unit] = {}
    for u in members.tolist():
        k = int(np.searchsorted(bounds, u, side="right")) - 1
        record, first, last, chars = meta[u].tolist()
        units[u] = Unit(
            shards[k].source, None if record < 0 else record + record_base[k], first, last,
            fetched[u][0], "", -1, chars=chars,
        )  # fmt: skip
    return ShardedResult(len(all_lengths), all_lengths, clusters, units)


def _fetch(
    ids: np.ndarray,
    shards: Sequence[FileShard],
    bounds: np.ndarray,
    config: DedupConfig,
    level: str,
    executor: Executor,
    into: dict[int, tuple[str | None, str]],
    meta: np.ndarray,
) -> None:
    shard_of = np.searchsorted(bounds, ids, side="right") - 1
    items: list[tuple[FileShard, np.ndarray, np.ndarray | None]] = []
    globals_of = []
    for k in np.unique(shard_of).tolist():
        mine = ids[shard_of == k]
        records = meta[mine, 0]
        whole = level == "document" and bool((records >= 0).all())
        items.append((shards[k], mine - bounds[k], records if whole else None))
        globals_of.append(mine.tolist())
    results = executor.map(fetch_shard, items, config, level)
    for mine, (titles, texts) in zip(globals_of, results, strict=True):
        into.update(zip(mine, zip(titles, texts, strict=True), strict=True))

