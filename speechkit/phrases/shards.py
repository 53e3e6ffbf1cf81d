"""The speeches' text written once as shard files, so that this process does not hold it.

``speechkit phrases`` reads its corpus once, speech by speech (file by file, or a batch of
stored documents at a time), and :class:`SpeechShards` writes the paragraphs of consecutive
speeches as shards of about :data:`~speechkit.phrases.counting.SHARD_CHARS` characters to a
temporary folder, keeping only what is small and per speech: the speech without its
paragraphs (source, record, title, date: what genres and periods are made of), whether it
has text, its length and where its text starts. Every pass that reads text (the duplicate
grouping, the counting, the exact counts of the shortlist, the genre contrast, the series
over periods, examples and keyword-in-context lines) opens the shards it needs: a worker
opens the file it is given (:class:`ShardRef`), this process one shard at a time. The
folder is removed when the run ends, also on an error (``with SpeechShards.written(...)``).

This is datatrove's habit (stages read and write shards) for one stage that reads the same
text several times: before, the speeches themselves were the largest thing that grew with
the corpus in this process (51 MB of a 40 MB corpus read from files).

Offsets: the miner's paragraphs (:func:`~speechkit.phrases.texts.paragraph_texts`) of every
speech are numbered as if joined into one text, one separator character between paragraphs
(:class:`~speechkit.phrases.texts.TextIndex`), in the order the speeches were read. An index
of a subset of the speeches (the distinct ones, one genre's) uses the same offsets: their
order and the positions inside a paragraph are all that is used.
"""

from __future__ import annotations

import bisect
import pickle
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from speechkit.engine import Executor
from speechkit.engine.textblock import TextShard
from speechkit.model import Speech

__all__ = ["Shard", "ShardRef", "SpeechShards", "blanked", "opened"]

#: The paragraph separator of the offsets (see :class:`~speechkit.phrases.texts.TextIndex`).
SEPARATOR = "\x1e"

#: Shards kept loaded in this process for the passes it runs itself (examples, keyword in
#: context, the duplicate grouping's texts): a few MB each.
CACHED_SHARDS = 2

# A shard's raw paragraphs: (speech, source line, paragraph text as read).
Raw = tuple[int, int, str]


def blanked(text: str) -> str:
    """A paragraph as the phrase miner reads it: :data:`SEPARATOR` blanked out."""
    return text.replace(SEPARATOR, " ")


class Shard:
    """The paragraphs of consecutive speeches, loaded (in a worker, or in this process).

    Attributes:
        speeches: The speech numbers of the shard, in order.
        sources: Source path of each of them.
        raw: Every paragraph ``(speech, line, text)`` as read (the duplicate grouping joins
            a speech's paragraphs as :attr:`Speech.text` does).
        offsets: Offset of each of the miner's paragraphs (those with text).
        units: The miner's paragraphs ``(speech, line, text)``, :data:`SEPARATOR` blanked out.
    """

    __slots__ = ("_texts", "offsets", "raw", "sources", "speeches", "units")

    def __init__(self, first_offset: int, sources: dict[int, str], raw: list[Raw]) -> None:
        self.sources = sources
        self.speeches = list(sources)
        self.raw = raw
        self.units: list[Raw] = []
        offsets: list[int] = []
        offset = first_offset
        for speech, line, text in raw:
            text = blanked(text)
            if text.strip():
                self.units.append((speech, line, text))
                offsets.append(offset)
                offset += len(text) + 1
        self.offsets = offsets
        self._texts: dict[int, str] | None = None

    def text(self, speech: int) -> str:
        """:attr:`Speech.text` of one of the shard's speeches (its paragraphs joined); the
        shard's texts are joined on the first call."""
        if self._texts is None:
            parts: dict[int, list[str]] = {s: [] for s in self.speeches}
            for number, _, text in self.raw:
                parts[number].append(text)
            self._texts = {s: "\n".join(p) for s, p in parts.items()}
        return self._texts[speech]

    def exact_units(self, docs: dict[int, int]) -> list[tuple[int, int, str, str]]:
        """``(offset, doc, source, text)`` of the paragraphs of the speeches in ``docs``
        (speech -> its number in an index): the units of the exact counts."""
        return [
            (offset, docs[speech], self.sources[speech], text)
            for offset, (speech, _, text) in zip(self.offsets, self.units, strict=True)
            if speech in docs
        ]

    def at(self, offset: int) -> tuple[int, int, str]:
        """``(start offset, line, text)`` of the miner's paragraph holding ``offset``."""
        i = bisect.bisect_right(self.offsets, offset) - 1
        _, line, text = self.units[i]
        return self.offsets[i], line, text


@dataclass(frozen=True, slots=True)
class ShardRef:
    """A shard as a task receives it: the path of its file when the workers see this
    machine's files, else its bytes (a Dask cluster elsewhere; a shard kept in memory).

    Attributes:
        path: The shard file.
        data: The pickled shard, when not ``path``.
    """

    path: str | None = None
    data: bytes | None = None

    def load(self) -> Shard:
        """The shard, read from its file or its bytes."""
        data = self.data
        if data is None:
            assert self.path is not None
            data = Path(self.path).read_bytes()
        first_offset, sources, raw = pickle.loads(data)
        return Shard(first_offset, sources, raw)


class SpeechShards:
    """The speeches read once: their text in shards (files, or bytes in memory), their
    metadata here.

    Use :meth:`written` (a temporary folder removed at the end) or :meth:`in_memory`.

    Attributes:
        speeches: Every speech read, in order, without its paragraphs (source, record,
            title, date, speaker: what genres and periods use).
        has_text: Whether each speech has a paragraph with text
            (:func:`~speechkit.phrases.texts.has_text`).
        starts: Offset of each speech's first paragraph (see the module docstring).
        chars: Characters of each speech's miner paragraphs (its share of a rate).
        lengths: ``len(speech.text)`` of each speech.
        raw_chars: Characters of every paragraph as read, all speeches.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.speeches: list[Speech] = []
        self._blobs: list[bytes] = []  # in memory: the pickled shards
        self._first: list[int] = []  # first speech of each shard
        self._cache: OrderedDict[int, Shard] = OrderedDict()
        self._lock = threading.Lock()  # the counting thread and this one may both load
        self.has_text = np.zeros(0, bool)
        self.starts = np.zeros(0, np.int64)
        self.chars = np.zeros(0, np.int64)
        self.lengths = np.zeros(0, np.int64)
        self.raw_chars = 0

    @classmethod
    @contextmanager
    def written(
        cls, speeches: Iterable[Speech], *, size: int, folder: Path | None = None
    ) -> Iterator[SpeechShards]:
        """Write ``speeches`` (consumed once) as shard files of about ``size`` characters to a
        new temporary folder (under ``folder``, default the system's), removed on exit."""
        where = Path(tempfile.mkdtemp(prefix="speechkit-phrases-", dir=folder))
        try:
            shards = cls(where)
            shards._write(speeches, size)
            yield shards
        finally:
            shutil.rmtree(where, ignore_errors=True)

    @classmethod
    def in_memory(cls, speeches: Iterable[Speech], *, size: int = 1_000_000) -> SpeechShards:
        """The shards of ``speeches`` kept as bytes in this process (small corpora, tests:
        nothing to remove)."""
        shards = cls(None)
        shards._write(speeches, size)
        return shards

    def _write(self, speeches: Iterable[Speech], size: int) -> None:
        has_text: list[bool] = []
        starts: list[int] = []
        chars: list[int] = []
        lengths: list[int] = []
        raw: list[Raw] = TextShard()  # its texts are pickled as one block
        sources: dict[int, str] = {}
        filled = 0
        offset = shard_offset = 0
        for number, speech in enumerate(speeches):
            if filled >= size:
                self._flush(shard_offset, sources, raw)
                raw, sources, filled, shard_offset = TextShard(), {}, 0, offset
            self.speeches.append(replace(speech, paragraphs=[]))
            sources[number] = speech.source
            starts.append(offset)
            own = 0
            for para in speech.paragraphs:
                raw.append((number, para.line, para.text))
                self.raw_chars += len(para.text)
                text = blanked(para.text)
                if text.strip():
                    own += len(text)
                    offset += len(text) + 1
            has_text.append(any(p.text.strip() for p in speech.paragraphs))
            chars.append(own)
            count = len(speech.paragraphs)
            lengths.append(sum(len(p.text) for p in speech.paragraphs) + max(count - 1, 0))
            filled += own
        if sources:
            self._flush(shard_offset, sources, raw)
        self.has_text = np.asarray(has_text, bool)
        self.starts = np.asarray(starts, np.int64)
        self.chars = np.asarray(chars, np.int64)
        self.lengths = np.asarray(lengths, np.int64)

    def _flush(self, first_offset: int, sources: dict[int, str], raw: list[Raw]) -> None:
        data = pickle.dumps((first_offset, sources, raw), protocol=pickle.HIGHEST_PROTOCOL)
        self._first.append(next(iter(sources)))
        if self.folder is None:
            self._blobs.append(data)
        else:
            (self.folder / f"{len(self._first) - 1:06d}.shard").write_bytes(data)

    def __len__(self) -> int:
        """Number of speeches read."""
        return len(self.speeches)

    @property
    def n_shards(self) -> int:
        """Number of shards."""
        return len(self._first)

    def shard_of(self, speech: int) -> int:
        """The shard holding ``speech``."""
        return bisect.bisect_right(self._first, speech) - 1

    def shard_speeches(self, shard: int) -> range:
        """The speeches of ``shard``."""
        stop = self._first[shard + 1] if shard + 1 < len(self._first) else len(self.speeches)
        return range(self._first[shard], stop)

    def ref(self, shard: int, executor: Executor | None = None) -> ShardRef:
        """``shard`` as a task of ``executor`` gets it: its path when the executor's workers
        see this machine's files (or it runs here), else its bytes."""
        if self.folder is None:
            return ShardRef(data=self._blobs[shard])
        path = self.folder / f"{shard:06d}.shard"
        if executor is None or executor.workers == 1 or executor.local_files:
            return ShardRef(path=str(path))
        return ShardRef(data=path.read_bytes())

    def load(self, shard: int) -> Shard:
        """``shard`` loaded in this process; the last :data:`CACHED_SHARDS` are kept."""
        with self._lock:
            found = self._cache.get(shard)
            if found is not None:
                self._cache.move_to_end(shard)
                return found
        loaded = self.ref(shard).load()
        with self._lock:
            self._cache[shard] = loaded
            while len(self._cache) > CACHED_SHARDS:
                self._cache.popitem(last=False)
        return loaded

    def drop_cache(self) -> None:
        """Forget the shards loaded in this process."""
        with self._lock:
            self._cache.clear()

    def text(self, speech: int) -> str:
        """:attr:`Speech.text` of ``speech``, from its shard."""
        return self.load(self.shard_of(speech)).text(speech)

    def groups(self, members: Sequence[int] | np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
        """``(shard, its speeches among members)`` for each shard holding one of
        ``members`` (sorted speech numbers), in order."""
        members = np.asarray(members, np.int64)
        if not len(members):
            return
        bounds = np.asarray([*self._first, len(self.speeches)], np.int64)
        cuts = np.searchsorted(members, bounds)
        for shard in range(len(self._first)):
            if cuts[shard + 1] > cuts[shard]:
                yield shard, members[cuts[shard] : cuts[shard + 1]]


@contextmanager
def opened(speeches: Iterable[Speech] | SpeechShards, *, size: int) -> Iterator[SpeechShards]:
    """``speeches`` as shards: unchanged when they are, else written to a temporary folder
    (:meth:`SpeechShards.written`; an iterator is consumed once)."""
    if isinstance(speeches, SpeechShards):
        yield speeches
        return
    with SpeechShards.written(speeches, size=size) as shards:
        yield shards
