"""Dedup in a store, incrementally: sign only new units, verify only new pairs.

The state of one level lives in the store (:meth:`~speechkit.store.Store.save_dedup`) as
opaque blocks written here:

* **units** blocks: for every unit seen, its row id, a hash of its text, what orders it
  (source, record, document, speech, paragraph), its provenance (lines, title, characters)
  and its map-stage result (digest, normalized length, band keys). A run appends a block for
  its new units; the blocks are rewritten as one when units were removed.
* **pairs** blocks: the exact similarity of every candidate pair and every member-to-
  representative pair of the last run, by row ids.

Store triggers log the units deleted or changed since
(:meth:`~speechkit.store.Store.dedup_removed`),
so a run reads no unchanged row. It loads the blocks, drops the removed units, rebuilds and
signs only the rows it has not seen (a new row whose text hash equals a removed unit's, as
after re-ingesting a changed file, reuses that signature), forms the candidates of all units
from the band keys, looks up the stored similarities and computes only the missing ones, on
texts read for just those units. The groups then follow the rule of a full run
(:func:`~speechkit.dedup.reduce.forest_groups`), so the result is exactly a full run's: a store
without state is a full run, and the tests compare both, and the streamed run without a store.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

import numpy as np

from speechkit.dedup.normalize import normalize_codes
from speechkit.dedup.pipeline import DedupConfig, MapResult, default_executor, map_units
from speechkit.dedup.reduce import (
    Cluster,
    assemble,
    band_candidates,
    band_columns,
    batches,
    exact_representatives,
    forest_groups,
)
from speechkit.dedup.shingle import code_matrix
from speechkit.dedup.units import Unit, build_units
from speechkit.dedup.verify import pair_components, pair_jaccard, pair_units
from speechkit.engine import Executor
from speechkit.engine.textblock import TextBlock

if TYPE_CHECKING:
    from speechkit.store import Store

__all__ = [
    "StoreRun", "UnitTable", "UnitTexts", "config_key", "dedup_store", "pack_arrays",
    "unpack_arrays",
]  # fmt: skip

_VERSION = 3  # bump when normalization, shingling, signing, the digest or the block layout changes
_MAX_BLOCKS = 16  # unit blocks appended before they are rewritten as one
#: Pairs per similarity task. Smaller than a full run's batches so the workers start while
#: the client still reads texts (1,000 into 1M heavy documents: 13.4 s at 50,000, ...).
_BATCH_PAIRS = 10_000


def config_key(config: DedupConfig) -> str:
    """Fingerprint of the settings the stored signatures depend on.

    Examples:
        >>> config_key(DedupConfig())
        'v3;n=3;perm=128;seed=1;bands=16x8;ph=1;dg=1'
    """
    bands, rows = config.bands_rows
    return (
        f"v{_VERSION};n={config.n};perm={config.num_perm};seed={config.seed};"
        f"bands={bands}x{rows};ph={int(config.mask_placeholders)};dg={int(config.mask_digits)}"
    )


def _pairs_key(config: DedupConfig) -> str:
    # A pair ruled out by size is stored as -1.0, which depends on the threshold.
    return f"{config_key(config)};t={float(config.threshold)!r}"


def pack_arrays(arrays: dict[str, np.ndarray]) -> bytes:
    """Arrays as one block: a JSON header of names, dtypes and shapes, then the raw data.

    :func:`unpack_arrays` reads it back without copying (``np.load`` of an ``.npz`` copied
    each array: 0.9 s of a 1M-unit table's 1.5 s load).

    Examples:
        >>> block = pack_arrays({"a": np.arange(3), "b": np.ones((2, 2), np.uint8)})
        >>> {k: v.tolist() for k, v in unpack_arrays(block).items()}
        {'a': [0, 1, 2], 'b': [[1, 1], [1, 1]]}
    """
    header, offset, parts = {}, 0, []
    for name, array in arrays.items():
        data = np.ascontiguousarray(array).tobytes()
        header[name] = [array.dtype.str, list(array.shape), offset]
        parts.append(data + b"\0" * (-len(data) % 8))  # 8-byte aligned
        offset += len(parts[-1])
    head = json.dumps(header).encode("utf-8")
    head += b" " * (-len(head) % 8)
    return len(head).to_bytes(8, "little") + head + b"".join(parts)


def unpack_arrays(block: bytes) -> dict[str, np.ndarray]:
    """The arrays of a :func:`pack_arrays` block, as read-only views of it."""
    size = int.from_bytes(block[:8], "little")
    header = json.loads(block[8 : 8 + size].decode("utf-8"))
    base = 8 + size
    out = {}
    for name, (dtype, shape, offset) in header.items():
        count = int(np.prod(shape))
        out[name] = np.frombuffer(
            block, dtype=np.dtype(dtype), count=count, offset=base + offset
        ).reshape(shape)
    return out


def text_hash(text: str) -> int:
    """64-bit hash of a unit text (BLAKE2b), as a signed integer.

    Examples:
        >>> text_hash("同志们") == text_hash("同志们") != text_hash("同志们：")
        True
    """
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little",
                          signed=True)  # fmt: skip


@dataclass
class UnitTable:
    """Columns of a level's units, row ``k`` for unit ``k``.

    Attributes:
        ids: Row id in the level's table.
        hashes: :func:`text_hash` of the unit text.
        source: Index into ``sources``.
        record: Record index, ``-1`` for none.
        document: ``documents.id`` of the unit's document.
        speech_line: First line of the unit's speech (0 at document level).
        speech: ``speeches.id`` of the unit's speech (0 at document level).
        seq: Position of the paragraph in its speech (0 above paragraph level).
        first_line: First source line.
        last_line: Last source line.
        chars: Characters of the unit text.
        title_ref: Index of the unit's title in the title store, ``-1`` for none.
        title_offsets: Title ``t`` is ``titles[title_offsets[t]:title_offsets[t + 1]]``.
        titles: The title store: UTF-8 bytes, concatenated. Reordering or selecting units
            leaves it as it is (only ``title_ref`` moves): it is read for cluster members only.
        digests: Digest of the normalized text (map stage).
        lengths: Normalized length (map stage).
        keys: ``(n, bands)`` LSH band keys (map stage).
        sources: Source paths, sorted.
    """

    ids: np.ndarray
    hashes: np.ndarray
    source: np.ndarray
    record: np.ndarray
    document: np.ndarray
    speech_line: np.ndarray
    speech: np.ndarray
    seq: np.ndarray
    first_line: np.ndarray
    last_line: np.ndarray
    chars: np.ndarray
    title_ref: np.ndarray
    title_offsets: np.ndarray
    titles: np.ndarray
    digests: np.ndarray
    lengths: np.ndarray
    keys: np.ndarray
    sources: list[str]

    _ROWS = (
        "ids", "hashes", "source", "record", "document", "speech_line", "speech", "seq",
        "first_line", "last_line", "chars", "title_ref", "digests", "lengths", "keys",
    )  # fmt: skip

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def empty(cls, bands: int) -> UnitTable:
        """A table of no units."""
        i64 = np.empty(0, np.int64)
        return cls(
            i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, np.zeros(1, np.int64),
            np.empty(0, np.uint8), np.empty(0, np.uint64), i64,
            np.empty((0, bands), np.uint64), [],
        )  # fmt: skip

    @classmethod
    def from_units(
        cls,
        units: Sequence[Unit],
        order: Sequence[tuple[int, int, int, int, int]],
        mapped: MapResult,
    ) -> UnitTable:
        """A table of ``units`` with ``(id, document, speech_line, speech, seq)`` each."""
        sources = sorted({u.source for u in units})
        code = {s: k for k, s in enumerate(sources)}
        encoded = [u.title.encode("utf-8") for u in units if u.title is not None]
        offsets = np.zeros(len(encoded) + 1, np.int64)
        offsets[1:] = np.cumsum([len(t) for t in encoded])
        has_title = np.fromiter((u.title is not None for u in units), bool, len(units))
        title_ref = np.full(len(units), -1, np.int64)
        title_ref[has_title] = np.arange(len(encoded))

        def column(values: object) -> np.ndarray:
            return np.fromiter(values, dtype=np.int64, count=len(units))  # type: ignore[call-overload]

        columns = list(zip(*order, strict=True)) if order else [()] * 5
        return cls(
            ids=column(columns[0]),
            hashes=column(text_hash(u.text) for u in units),
            source=column(code[u.source] for u in units),
            record=column(-1 if u.record is None else u.record for u in units),
            document=column(columns[1]),
            speech_line=column(columns[2]),
            speech=column(columns[3]),
            seq=column(columns[4]),
            first_line=column(u.first_line for u in units),
            last_line=column(u.last_line for u in units),
            chars=column(len(u.text) for u in units),
            title_ref=title_ref,
            title_offsets=offsets,
            titles=np.frombuffer(b"".join(encoded), dtype=np.uint8),
            digests=mapped.digests,
            lengths=mapped.lengths,
            keys=mapped.keys,
            sources=sources,
        )

    def take(self, rows: np.ndarray) -> UnitTable:
        """The units ``rows`` (indices or a boolean mask), in that order."""
        return replace(self, **{name: getattr(self, name)[rows] for name in self._ROWS})

    def _compact_titles(self) -> UnitTable:
        """The same units with a title store of their own titles only, in unit order."""
        refs = self.title_ref
        has = refs >= 0
        if np.array_equal(refs[has], np.arange(len(self.title_offsets) - 1)):
            return self  # already so (a table made by from_units)
        starts, ends = self.title_offsets[refs[has]], self.title_offsets[refs[has] + 1]
        sizes = ends - starts
        offsets = np.zeros(len(sizes) + 1, np.int64)
        offsets[1:] = np.cumsum(sizes)
        gather = np.repeat(starts - offsets[:-1], sizes) + np.arange(offsets[-1])
        title_ref = np.full(len(refs), -1, np.int64)
        title_ref[has] = np.arange(len(sizes))
        return replace(self, title_ref=title_ref, title_offsets=offsets, titles=self.titles[gather])

    @classmethod
    def concat(cls, tables: Sequence[UnitTable], bands: int) -> UnitTable:
        """One table of all ``tables``' units (sources merged)."""
        tables = [t for t in tables if len(t)]
        if not tables:
            return cls.empty(bands)
        if len(tables) == 1:
            return tables[0]
        sources = sorted({s for t in tables for s in t.sources})
        code = {s: k for k, s in enumerate(sources)}
        recoded = [np.array([code[s] for s in t.sources], np.int64)[t.source] for t in tables]
        byte_start = np.cumsum([0] + [int(t.title_offsets[-1]) for t in tables])
        title_start = np.cumsum([0] + [len(t.title_offsets) - 1 for t in tables])
        offsets = np.concatenate(
            [[0]] + [t.title_offsets[1:] + byte_start[k] for k, t in enumerate(tables)]
        ).astype(np.int64)
        joined = {name: np.concatenate([getattr(t, name) for t in tables]) for name in cls._ROWS}
        joined["source"] = np.concatenate(recoded)
        joined["title_ref"] = np.concatenate(
            [np.where(t.title_ref >= 0, t.title_ref + title_start[k], -1)
             for k, t in enumerate(tables)]
        )  # fmt: skip
        return cls(
            **joined,
            title_offsets=offsets,
            titles=np.concatenate([t.titles for t in tables]),
            sources=sources,
        )

    def in_corpus_order(self) -> UnitTable:
        """The units in the order a full run reads them.

        Documents by (source, record, id), as :meth:`Store.documents` yields them; speeches
        by (first line, id); paragraphs by position.
        """
        # ``sources`` is kept sorted, so a source's code is its rank (code-point order is
        # SQLite's byte order of UTF-8).
        order = np.lexsort(
            (self.seq, self.speech, self.speech_line, self.document, self.record, self.source)
        )
        return self.take(order)

    def units(self, rows: np.ndarray) -> list[Unit]:
        """The :class:`Unit` of each of ``rows`` (text not kept: ``chars`` says its size)."""
        refs = self.title_ref[rows]
        at = np.maximum(refs, 0)  # a unit without a title reads an empty slice, then None
        padded = np.append(self.title_offsets, self.title_offsets[-1])
        starts, ends = padded[at].tolist(), padded[at + 1].tolist()
        blob = self.titles.tobytes()
        sources = self.sources
        return [
            Unit(
                sources[source], None if record < 0 else record, first, last,
                blob[start:end].decode("utf-8") if ref >= 0 else None, "", document,
                chars=chars,
            )
            for source, record, first, last, ref, start, end, document, chars in zip(
                self.source[rows].tolist(), self.record[rows].tolist(),
                self.first_line[rows].tolist(), self.last_line[rows].tolist(), refs.tolist(),
                starts, ends, self.document[rows].tolist(), self.chars[rows].tolist(),
                strict=True,
            )
        ]  # fmt: skip

    def to_bytes(self, scanned: int) -> bytes:
        """The table as a block (:func:`pack_arrays`), with the largest row id the run had seen."""
        table = self._compact_titles()
        arrays = {f.name: getattr(table, f.name) for f in fields(table) if f.name != "sources"}
        return pack_arrays(
            {
                **arrays, "scanned": np.array([scanned], np.int64),
                "sources": np.frombuffer(json.dumps(self.sources).encode("utf-8"), np.uint8),
            }
        )  # fmt: skip

    @classmethod
    def from_bytes(cls, value: bytes) -> tuple[UnitTable, int]:
        """A table written by :meth:`to_bytes`, and its ``scanned`` row id."""
        data = unpack_arrays(value)
        arrays = {f.name: data[f.name] for f in fields(cls) if f.name != "sources"}
        sources = json.loads(data["sources"].tobytes().decode("utf-8"))
        return cls(**arrays, sources=sources), int(data["scanned"][0])


@dataclass
class StoreRun:
    """What :func:`dedup_store` found.

    Attributes:
        table: Every unit of the level, in corpus order (cluster members index it).
        clusters: Groups of near-duplicate units, representative first.
        signed: Units signed in this run (the others reused a stored signature).
        verified: Pairs whose similarity was computed in this run.
    """

    table: UnitTable
    clusters: list[Cluster]
    signed: int
    verified: int

    def units(self) -> Mapping[int, Unit]:
        """The :class:`Unit` of every cluster member, built when first asked for."""
        return _Members(self.table, sorted(u for c in self.clusters for u in c.members))


class _Members(Mapping[int, Unit]):
    """Units of a table by position, built a chunk of members at a time on first access.

    A table of the largest groups reads a few chunks; a JSON of every member reads them all,
    at the speed of :meth:`UnitTable.units` (156,000 members of 1M units: 0.8 s, against
    seconds for one at a time).
    """

    _CHUNK = 4096

    def __init__(self, table: UnitTable, members: Sequence[int]) -> None:
        self._table = table
        self._members = np.array(members, np.int64)
        self._built: dict[int, Unit] = {}
        self._chunks: set[int] = set()

    def __getitem__(self, key: int) -> Unit:
        if key not in self._built:
            at = int(np.searchsorted(self._members, key))
            if at == len(self._members) or self._members[at] != key:
                raise KeyError(key)
            chunk = at // self._CHUNK
            if chunk not in self._chunks:
                rows = self._members[chunk * self._CHUNK : (chunk + 1) * self._CHUNK]
                self._built.update(zip(rows.tolist(), self._table.units(rows), strict=True))
                self._chunks.add(chunk)
        return self._built[key]

    def __iter__(self) -> Iterator[int]:
        return iter(self._members.tolist())

    def __len__(self) -> int:
        return len(self._members)


def _fresh_units(
    store: Store, level: str, rows: Sequence[tuple[int, int]]
) -> tuple[list[Unit], list[tuple[int, int, int, int, int]]]:
    """The units of ``rows`` (``(row id, document id)``), rebuilt from their documents."""
    wanted = {row for row, _ in rows}
    units: list[Unit] = []
    order: list[tuple[int, int, int, int, int]] = []
    for doc_id, doc, speech_rows in store.documents(sorted({d for _, d in rows})):
        paragraph_rows: dict[int, list[int]] = {}
        for unit in build_units([doc], level):
            if level == "document":
                row, line, speech, seq = doc_id, 0, 0, 0
            else:
                assert unit.speech is not None  # speech and paragraph units belong to a speech
                speech = speech_rows[unit.speech]
                line = doc.speeches[unit.speech].first_line
                seq = row = 0
                if level == "speech":
                    row = speech
                else:
                    assert unit.paragraph is not None
                    if speech not in paragraph_rows:
                        paragraph_rows[speech] = store.paragraph_row_ids(speech)
                    seq = unit.paragraph
                    row = paragraph_rows[speech][seq]
            if row in wanted:
                units.append(unit)
                order.append((row, doc_id, line, speech, seq))
    return units, order


def _pair_codes(a: np.ndarray, b: np.ndarray, scale: int) -> np.ndarray:
    """One int64 per unordered pair: ``min * scale + max`` (``scale`` above every id)."""
    return np.minimum(a, b) * scale + np.maximum(a, b)


class _PairCache:
    """Stored similarities by row-id pair: ``code = a * scale + b`` with ``a < b``, sorted."""

    def __init__(self, codes: np.ndarray, sims: np.ndarray, scale: int) -> None:
        self.codes, self.sims, self.scale = codes, sims, scale

    @classmethod
    def load(cls, blocks: Sequence[tuple[str, bytes]], key: str, valid: np.ndarray,
             scale: int) -> _PairCache:  # fmt: skip
        """The stored pairs made with settings ``key`` whose two units are both ``valid`` ids."""
        a_parts, b_parts, s_parts = [], [], []
        for config, value in blocks:
            if config != key:
                continue
            data = unpack_arrays(value)
            a_parts.append(data["a"])
            b_parts.append(data["b"])
            s_parts.append(data["sims"])
        if not a_parts:
            return cls(np.empty(0, np.int64), np.empty(0), scale)
        a, b, sims = np.concatenate(a_parts), np.concatenate(b_parts), np.concatenate(s_parts)
        ok = _id_mask(valid, max(scale, int(a.max(initial=0)) + 1, int(b.max(initial=0)) + 1))
        keep = ok[a] & ok[b]
        # Stored as written by to_bytes: a < b, sorted by (a, b), so by code at any scale.
        return cls(a[keep] * scale + b[keep], sims[keep], scale)

    @classmethod
    def of(cls, a: np.ndarray, b: np.ndarray, sims: np.ndarray, scale: int) -> _PairCache:
        """A cache of pairs ``(a[k], b[k])`` (either order); an exact value wins over ``-1``."""
        codes = _pair_codes(a, b, scale)
        order = np.argsort(codes, kind="stable")
        codes, sims = codes[order], sims[order]
        if not len(codes):
            return cls(codes, sims, scale)
        starts = np.flatnonzero(np.concatenate([[True], codes[1:] != codes[:-1]]))
        return cls(codes[starts], np.maximum.reduceat(sims, starts), scale)

    def lookup(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Stored similarity of each pair, ``NaN`` where none is stored."""
        codes = _pair_codes(a, b, self.scale)
        at = np.searchsorted(self.codes, codes)
        at[at == len(self.codes)] = 0
        found = (self.codes[at] == codes) if len(self.codes) else np.zeros(len(codes), bool)
        out = np.full(len(codes), np.nan)
        out[found] = self.sims[at[found]]
        return out

    def to_bytes(self) -> bytes:
        return pack_arrays(
            {"a": self.codes // self.scale, "b": self.codes % self.scale, "sims": self.sims}
        )


@dataclass(frozen=True)
class UnitTexts:
    """The texts a similarity task needs: sent with it, or read by the task from the store.

    Worker processes on this machine read the store file themselves (read-only, in
    parallel), so the client does not read and send every text (1.8 s of client time for the
    102,000 units of 1,000 new documents in 1M); remote workers get the texts.

    Attributes:
        positions: Unit positions (in the run's table) the texts are for.
        ids: Their row ids.
        given: ``{position: text}`` when sent, else ``None``.
        path: The store file, when the task reads it.
        level: The dedup level (the table read).
    """

    positions: np.ndarray
    ids: np.ndarray
    given: dict[int, str] | None = None
    path: str | None = None
    level: str = "document"

    def read(self) -> dict[int, str]:
        """``{position: text}``."""
        if self.given is not None:
            return self.given
        from speechkit.store import Store  # a worker opens its own connection

        assert self.path is not None
        with Store(self.path, create=False) as store:
            found = store.unit_texts(self.level, self.ids.tolist())
        return {p: found[i] for p, i in zip(self.positions.tolist(), self.ids.tolist(),
                                            strict=True)}  # fmt: skip


def similarity_task(
    job: tuple[np.ndarray, list[int], UnitTexts, float], config: DedupConfig
) -> tuple[np.ndarray, np.ndarray, int]:
    """Exact Jaccard of the pairs of ``job``: ``(pairs, bounds, unit texts, threshold)``.

    Texts are normalized here, on the worker. Pairs ruled out by size at the threshold get
    ``-1.0`` (:func:`~speechkit.dedup.verify.pair_jaccard`), as in a full run.

    With a threshold, each component of the batch (``pairs[bounds[c]:bounds[c + 1]]``) also
    gets the exact similarity of every unit to the unit most likely to represent it (the
    longest, else the earliest, as ``config.keep`` picks among a group): the groups formed
    from these candidates will ask for exactly those pairs, and the shingles are at hand now.

    Returns:
        The similarity of each pair; ``(k, 3)`` rows ``(representative, unit, similarity)``
        (positions exact in float64); how many of those were intersected (the others were
        candidates).
    """
    pairs, bounds, unit_texts, threshold = job
    texts = unit_texts.read()
    units = pair_units(pairs)
    # Code points straight from the block, as verify_batch does (no list of normalized strings
    # to join again for the shingle matrix)
    codes, lengths = normalize_codes(
        TextBlock([texts[u] for u in units.tolist()]),
        mask_placeholders=config.mask_placeholders,
        mask_digits=config.mask_digits,
    )
    matrix = code_matrix(codes, lengths, n=config.n)
    local = np.searchsorted(units, pairs)
    sims = pair_jaccard(matrix, local[:, 0], local[:, 1], threshold=threshold)
    if threshold <= 0:
        return sims, np.empty((0, 3)), 0
    reps, members = [], []
    for lo, hi in itertools.pairwise(bounds):
        nodes = np.unique(local[lo:hi])
        primary = -lengths[nodes] if config.keep == "longest" else np.zeros(len(nodes), np.int64)
        rep = nodes[np.lexsort((nodes, primary))[0]]
        others = nodes[nodes != rep]
        reps.append(np.full(len(others), rep))
        members.append(others)
    rep_at, member_at = np.concatenate(reps), np.concatenate(members)
    # Most such pairs are candidates already (a bucket's first member is paired with all):
    # only the others, and candidates ruled out by size (no exact value), are intersected.
    scale = len(units)
    codes = _pair_codes(local[:, 0], local[:, 1], scale)
    order = np.argsort(codes)
    wanted = _pair_codes(rep_at, member_at, scale)
    at = np.minimum(np.searchsorted(codes[order], wanted), max(len(codes) - 1, 0))
    guessed = np.where(codes[order][at] == wanted, sims[order][at], -1.0)
    todo = np.flatnonzero(guessed < 0)
    guessed[todo] = pair_jaccard(matrix, rep_at[todo], member_at[todo])
    return sims, np.stack([units[rep_at], units[member_at], guessed], axis=1), len(todo)


class _Verifier:
    """Similarities of position pairs: stored ones looked up, the others computed."""

    def __init__(
        self,
        store: Store,
        level: str,
        table: UnitTable,
        texts: dict[int, str],
        cache: _PairCache,
        config: DedupConfig,
        executor: Executor,
    ) -> None:
        self.store, self.level, self.table, self.texts = store, level, table, texts
        self.cache, self.config, self.executor = cache, config, executor
        scale = cache.scale
        self.ahead = _PairCache(np.empty(0, np.int64), np.empty(0), scale)  # computed ahead
        self.asked_pairs: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.count = 0

    def _texts(self, positions: np.ndarray) -> UnitTexts:
        ids = self.table.ids[positions]
        if self.executor.local_files and self.executor.workers > 1:
            return UnitTexts(positions, ids, path=str(self.store.path), level=self.level)
        missing = [i for i in ids.tolist() if i not in self.texts]
        if missing:  # read set-wise from the store: only the units of pairs not yet known
            self.texts.update(self.store.unit_texts(self.level, missing))
        given = {p: self.texts[i] for p, i in zip(positions.tolist(), ids.tolist(), strict=True)}
        return UnitTexts(positions, ids, given)

    def similarities(self, a: np.ndarray, b: np.ndarray, threshold: float) -> np.ndarray:
        """Similarity of positions ``a[k]``, ``b[k]``; ``threshold`` as in ``pair_jaccard``."""
        ids = self.table.ids
        sims = self.cache.lookup(ids[a], ids[b])
        if threshold <= 0:  # an exact value is asked for: a stored -1.0 is not one
            sims[sims < 0] = np.nan
            unknown = np.isnan(sims)
            sims[unknown] = self.ahead.lookup(ids[a[unknown]], ids[b[unknown]])
        todo = np.flatnonzero(np.isnan(sims))
        if len(todo):
            pairs = np.stack([a[todo], b[todo]], axis=1)
            parts = pair_components(pairs)  # a unit's text goes to one task
            # A generator: the workers start on the first batches while the texts of the next
            # are read (reading them all first kept the workers idle for 1.8 s at 1M).
            jobs = (
                (p, bounds, self._texts(pair_units(p)), threshold)
                for p, bounds in batches(pairs, parts, size=_BATCH_PAIRS)
            )
            found = list(self.executor.map(similarity_task, jobs, self.config))
            # Batches keep the components' order.
            sims[todo[np.concatenate(parts)]] = np.concatenate([f[0] for f in found])
            self.count += len(todo)
            ahead = np.concatenate([f[1] for f in found])
            if len(ahead):
                at = ahead[:, :2].astype(np.int64)
                self.ahead = _PairCache.of(
                    ids[at[:, 0]], ids[at[:, 1]], ahead[:, 2], self.cache.scale
                )
            self.count += sum(f[2] for f in found)  # intersected, not found among candidates
        self.asked_pairs.append((ids[a], ids[b], sims.copy()))
        return sims

    def asked(self, scale: int) -> _PairCache:
        """Every pair this run needed, with its similarity: the pairs state to store."""
        if not self.asked_pairs:
            return _PairCache(np.empty(0, np.int64), np.empty(0), scale)
        a, b, sims = (np.concatenate(parts) for parts in zip(*self.asked_pairs, strict=True))
        return _PairCache.of(a, b, sims, scale)


@dataclass
class _Stored:
    """A level's dedup state as loaded from the store."""

    valid: bool  # made with these settings
    blocks: int
    kept: UnitTable  # units unchanged since
    stale: UnitTable  # units removed or changed since
    removed: list[int]
    until: int  # log position of ``removed``
    scanned: int  # largest row id seen by the last run

    @classmethod
    def load(cls, store: Store, level: str, key: str, bands: int) -> _Stored:
        blocks = store.dedup_blocks("units", level)
        valid = bool(blocks) and all(c == key for c, _ in blocks)
        loaded = [UnitTable.from_bytes(v) for _, v in blocks] if valid else []
        old = UnitTable.concat([t for t, _ in loaded], bands)
        removed, until = store.dedup_removed(level)
        gone = np.isin(old.ids, np.array(removed, np.int64))
        kept, stale = (old.take(~gone), old.take(gone)) if gone.any() else (old, old.take(gone))
        return cls(
            valid, len(blocks), kept, stale, removed, until,
            max((s for _, s in loaded), default=0),
        )  # fmt: skip


def dedup_store(
    store: Store, level: str, config: DedupConfig, executor: Executor | None = None
) -> StoreRun:
    """Near-duplicate groups of a stored corpus's units, reusing the store's dedup state.

    Args:
        store: The :class:`~speechkit.store.Store` (its dedup state is updated, its marks
            are not).
        level: ``document``, ``speech`` or ``paragraph``.
        config: Settings.
        executor: Runs signing and verification; default: local processes when the level
            has many units (:func:`~speechkit.dedup.pipeline.default_executor`).

    Returns:
        The :class:`StoreRun`.
    """
    key = config_key(config)
    stored = _Stored.load(store, level, key, config.bands_rows[0])
    seen_rows = store.max_row_id(level)
    rows = store.rows_since(level, stored.scanned, stored.removed)
    units, order = _fresh_units(store, level, rows)
    if executor is None:
        with default_executor(len(stored.kept) + len(units), config) as own:
            return _update(store, level, config, own, stored, units, order, seen_rows)
    return _update(store, level, config, executor, stored, units, order, seen_rows)


def _update(
    store: Store,
    level: str,
    config: DedupConfig,
    executor: Executor,
    stored: _Stored,
    units: Sequence[Unit],
    order: Sequence[tuple[int, int, int, int, int]],
    seen_rows: int,
) -> StoreRun:
    """Sign the fresh units, reduce all, save the state (see :func:`dedup_store`)."""
    key, bands = config_key(config), config.bands_rows[0]
    signed, fresh = _sign(units, order, stored.stale, config, executor)
    table = UnitTable.concat([stored.kept, fresh], bands).in_corpus_order()
    # Stored similarities hold for units unchanged since: kept ones, and fresh rows whose id
    # and text equal a removed unit's (a re-ingested file's rows that got their old ids back).
    trusted = np.concatenate([stored.kept.ids, fresh.ids[_same_id_hash(fresh, stored.stale)]])
    scale = max(seen_rows, int(table.ids.max(initial=0))) + 1
    cache = _PairCache.load(store.dedup_blocks("pairs", level), _pairs_key(config), trusted, scale)
    texts = {row: u.text for (row, *_), u in zip(order, units, strict=True)}
    verifier = _Verifier(store, level, table, texts, cache, config, executor)
    clusters = _reduce(table, config, verifier)
    rewrite = bool(stored.removed) or not stored.valid or stored.blocks >= _MAX_BLOCKS
    if rewrite or len(fresh) or seen_rows > stored.scanned or verifier.count:
        # The new units as a block of their own; all units as one when some were removed.
        block = table if rewrite else fresh
        store.save_dedup(
            level, units=[(key, block.to_bytes(seen_rows))], append=not rewrite,
            pairs=[(_pairs_key(config), verifier.asked(scale).to_bytes())],
            removed_until=stored.until,
        )  # fmt: skip
    return StoreRun(table, clusters, signed, verifier.count)


def _id_mask(ids: np.ndarray, size: int) -> np.ndarray:
    """``mask[i]`` is whether row id ``i`` is in ``ids`` (a lookup instead of ``np.isin``)."""
    mask = np.zeros(max(size, int(ids.max(initial=0)) + 1), bool)
    mask[ids] = True
    return mask


def _same_id_hash(fresh: UnitTable, stale: UnitTable) -> np.ndarray:
    """For each fresh unit, whether a removed unit had the same row id and text hash."""
    old = dict(zip(stale.ids.tolist(), stale.hashes.tolist(), strict=True))
    return np.fromiter(
        (old.get(i) == h for i, h in zip(fresh.ids.tolist(), fresh.hashes.tolist(), strict=True)),
        dtype=bool, count=len(fresh),
    )  # fmt: skip


def _sign(
    units: Sequence[Unit],
    order: Sequence[tuple[int, int, int, int, int]],
    stale: UnitTable,
    config: DedupConfig,
    executor: Executor,
) -> tuple[int, UnitTable]:
    """The table of the fresh ``units``; those whose text a removed unit had reuse its signature."""
    bands = config.bands_rows[0]
    table = UnitTable.from_units(units, order, MapResult.concat([], bands))
    count = len(units)
    keys = np.empty((count, bands), np.uint64)
    digests = np.empty(count, np.uint64)
    lengths = np.empty(count, np.int64)
    known = dict(zip(stale.hashes.tolist(), range(len(stale)), strict=False))
    reuse = [(k, known[h]) for k, h in enumerate(table.hashes.tolist()) if h in known]
    if reuse:
        to, frm = (np.array(v, np.int64) for v in zip(*reuse, strict=True))
        keys[to], digests[to], lengths[to] = stale.keys[frm], stale.digests[frm], stale.lengths[frm]
    done = {k for k, _ in reuse}
    todo = [k for k in range(count) if k not in done]
    if todo:
        where = np.array(todo, np.int64)
        mapped = map_units([units[k].text for k in todo], config, executor=executor)
        keys[where], digests[where], lengths[where] = mapped.keys, mapped.digests, mapped.lengths
    return len(todo), replace(table, keys=keys, digests=digests, lengths=lengths)


def _reduce(table: UnitTable, config: DedupConfig, verifier: _Verifier) -> list[Cluster]:
    """The reduce stage of :func:`speechkit.dedup.pipeline.reduce_stage` over ``table``."""
    threshold = float(config.threshold)
    rep_of = exact_representatives(table.digests, table.lengths, config.min_chars)
    reps = np.flatnonzero(rep_of == np.arange(len(rep_of)))
    groups = []
    if len(reps) > 1:
        pairs = band_candidates(band_columns(table.keys, reps), reps)
        if len(pairs):
            sims = verifier.similarities(pairs[:, 0], pairs[:, 1], threshold)
            nodes = pair_units(pairs)
            position = np.empty(len(table), np.int64)  # a gather, not a binary search
            position[nodes] = np.arange(len(nodes))
            local = position[pairs]

            def to_rep(a: np.ndarray, b: np.ndarray) -> np.ndarray:
                return verifier.similarities(nodes[a], nodes[b], 0.0)

            groups = forest_groups(
                nodes, local, sims, table.lengths[nodes], threshold, config.keep, to_rep
            )
    return assemble(groups, rep_of)
