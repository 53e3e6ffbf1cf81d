"""The text the phrase miner reads: paragraphs of the distinct speeches, with provenance.

A speech pasted twice on a web page (or scraped from two sites) must not count
twice, so speeches are grouped first and only the first speech of each group is
read. Grouping reuses :func:`speechkit.dedup.pipeline.find_duplicates` (exact and
near duplicates: Jaccard similarity of character 5-gram shingles >= 0.8, placeholders
and numbers masked). Where that engine is unavailable, speeches are grouped by a hash
of their normalized text (exact duplicates up to punctuation and whitespace).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

import numpy as np

from speechkit.engine import Executor
from speechkit.model import Paragraph, Speech
from speechkit.phrases.shards import SEPARATOR, Shard, ShardRef, SpeechShards, blanked

__all__ = [
    "SEPARATOR",
    "DocCounts",
    "IndexedParagraph",
    "Occurrences",
    "ShardTexts",
    "SpeechTexts",
    "TextIndex",
    "distinct_members",
    "distinct_speeches",
    "find_in_texts",
    "has_text",
    "merge_occurrences",
    "occurrences_in",
    "paragraph_texts",
    "speech_key",
    "text_key",
]

#: Characters of speech text per map task of the duplicate grouping: its arrays stay a few
#: tens of MB whatever the corpus size.
CHUNK_CHARS = 1_000_000

# SEPARATOR (imported from speechkit.phrases.shards, where the offsets are made): the
# paragraph separator of the offsets of TextIndex (one character between paragraphs); a
# control character that never survives cleaning, blanked out of the paragraphs read
# (paragraph_texts) so no phrase contains it.


def speech_key(speech: Speech) -> str:
    """Hash of the normalized speech text: equal for verbatim repeats.

    Examples:
        >>> from speechkit.model import Paragraph, Speech
        >>> a = Speech("a.txt", 1, 1, None, [Paragraph("创建文明城市，建立长效机制。", 1, 1)])
        >>> b = Speech("b.txt", 9, 9, None, [Paragraph("创建文明城市 建立长效机制", 9, 9)])
        >>> speech_key(a) == speech_key(b)
        True
    """
    return text_key(speech.text)


def text_key(text: str) -> str:
    """:func:`speech_key` of a speech's text (:attr:`Speech.text`)."""
    try:
        from speechkit.dedup.normalize import normalize
    except ImportError:  # dedup not installed in a trimmed build: whitespace-insensitive hash
        normalized = "".join(text.split())
    else:
        normalized = normalize(text)
    return hashlib.blake2b(normalized.encode("utf-8"), digest_size=16).hexdigest()


class _LazyTexts(Sequence[str]):
    """Texts made only when asked for, one per item; subclasses say how (:meth:`_text`)."""

    _items: Sequence[Any]

    def _text(self, item: Any) -> str:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self._text(item) for item in self._items[index]]
        return self._text(self._items[index])


class SpeechTexts(_LazyTexts):
    """The texts of speeches (:attr:`Speech.text`), each joined when it is asked for.

    The duplicate grouping reads them a chunk at a time (and the candidates again to verify):
    a list of every speech's text was a copy of the corpus held through the grouping (27 MB
    of a 40 MB corpus).

    Examples:
        >>> from speechkit.model import Paragraph, Speech
        >>> texts = SpeechTexts([Speech("a.txt", 1, 2, None, [Paragraph("甲", 1, 1),
        ...                                                   Paragraph("乙", 2, 2)])])
        >>> len(texts), texts[0], texts[0:1], texts.length(0)
        (1, '甲\\n乙', ['甲\\n乙'], 3)
    """

    def __init__(self, speeches: Sequence[Speech]):
        self._items = speeches

    def _text(self, item: Speech) -> str:
        return item.text

    def length(self, index: int) -> int:
        """``len(self[index])`` without joining the text."""
        paragraphs = self._items[index].paragraphs
        return sum(len(p.text) for p in paragraphs) + max(len(paragraphs) - 1, 0)


class ShardTexts(_LazyTexts):
    """The texts of some speeches of :class:`~speechkit.phrases.shards.SpeechShards`, read
    from their shards when asked for (the last few shards stay loaded: the grouping reads
    them in order).

    Args:
        shards: The shards.
        speeches: Speech numbers, in order.
    """

    def __init__(self, shards: SpeechShards, speeches: np.ndarray):
        self._shards = shards
        self._items = speeches.tolist()

    def _text(self, item: int) -> str:
        return self._shards.text(item)

    def length(self, index: int) -> int:
        """``len(self[index])`` without reading the text."""
        return int(self._shards.lengths[self._items[index]])


def distinct_speeches(
    speeches: Sequence[Speech], *, near: bool = True, executor: Executor | None = None
) -> list[Speech]:
    """The first speech of each group of duplicates, in input order; empty speeches dropped.

    Args:
        speeches: Speeches in corpus order.
        near: Group near duplicates too (with :mod:`speechkit.dedup`); ``False``: exact only.
        executor: Runs the grouping's map stage (chunks of about :data:`CHUNK_CHARS`
            characters, at least two per worker); default: dedup's own, this process for
            fewer than 40,000 speeches.
    """
    nonempty = [s for s in speeches if has_text(s)]
    return [nonempty[i] for i in _distinct(SpeechTexts(nonempty), near=near, executor=executor)]


def distinct_members(
    shards: SpeechShards,
    members: Sequence[int] | np.ndarray | None = None,
    *,
    near: bool = True,
    executor: Executor | None = None,
) -> np.ndarray:
    """:func:`distinct_speeches` of speeches kept as shards: the speech numbers kept.

    Args:
        shards: The speeches' shards.
        members: The speeches to group (sorted speech numbers; default: all).
        near, executor: As for :func:`distinct_speeches`.
    """
    chosen = np.arange(len(shards)) if members is None else np.asarray(members, np.int64)
    nonempty = chosen[shards.has_text[chosen]] if len(chosen) else chosen
    kept = _distinct(ShardTexts(shards, nonempty), near=near, executor=executor)
    return nonempty[np.asarray(kept, np.int64)]


def _distinct(
    texts: SpeechTexts | ShardTexts, *, near: bool, executor: Executor | None
) -> list[int]:
    """Positions of the first text of each group of duplicates among ``texts`` (all with
    text), in order."""
    drop: set[int] = set()
    compared: list[bool] = []
    if near:
        try:
            from speechkit.dedup.pipeline import DedupConfig, map_reduce
        except ImportError:
            near = False
        else:
            # chunks of about CHUNK_CHARS characters (whole speeches hold far more text than
            # the 10,000 paragraphs dedup's chunks are sized for), two per worker at least
            chars = sum(texts.length(i) for i in range(len(texts))) or 1
            chunk = -(-len(texts) * CHUNK_CHARS // chars)
            if executor is not None:
                chunk = min(chunk, -(-len(texts) // (2 * executor.workers)))
            config = DedupConfig(keep="first", chunk_size=max(chunk, 1))
            # map_units joins each chunk's texts only when it sends the chunk (a TextBlock)
            mapped, clusters = map_reduce(texts, config=config, executor=executor)
            for cluster in clusters:
                drop.update(cluster.members[1:])
            # the grouping holds every exact repeat (equal normalized text) long enough to be
            # compared; only shorter speeches still need the hash below
            compared = (mapped.lengths >= config.min_chars).tolist()
    seen: set[str] = set()
    distinct: list[int] = []
    for i in range(len(texts)):
        if i in drop:
            continue
        if near and compared[i]:
            distinct.append(i)
            continue
        key = text_key(texts[i])
        if key not in seen:
            seen.add(key)
            distinct.append(i)
    return distinct


def paragraph_texts(speech: Speech) -> Iterator[tuple[Paragraph, str]]:
    """The paragraphs of a speech that hold text, with the text the phrase miner reads
    (:data:`SEPARATOR` blanked out): the units of :class:`TextIndex` and of the counting."""
    for para in speech.paragraphs:
        text = blanked(para.text)
        if text.strip():
            yield para, text


def has_text(speech: Speech) -> bool:
    """Whether :func:`distinct_speeches` keeps ``speech`` at all (a paragraph with text)."""
    return any(p.text.strip() for p in speech.paragraphs)


@dataclass(frozen=True, slots=True)
class IndexedParagraph:
    """One paragraph of a distinct speech.

    Attributes:
        doc: Index of the distinct speech (0-based) the paragraph belongs to.
        source: Source path of the speech.
        line: 1-based source line where the paragraph starts.
        text: Paragraph text.
    """

    doc: int
    source: str
    line: int
    text: str


def find_in_texts(texts: Sequence[tuple[int, str]], phrases: Sequence[str]) -> list[list[int]]:
    """Offsets of the non-overlapping occurrences of each phrase in ``(offset, text)`` pieces,
    as ``offset`` + position (one Aho-Corasick pass; a map task of :meth:`TextIndex.find_all`).

    Examples:
        >>> find_in_texts([(0, "创城创城城"), (10, "城城城")], ["创城", "城城"])
        [[0, 2], [3, 10]]
    """
    import ahocorasick

    found: list[list[int]] = [[] for _ in phrases]
    automaton = ahocorasick.Automaton()
    for i, phrase in enumerate(phrases):
        if phrase:
            automaton.add_word(phrase, i)
    if not len(automaton):
        return found
    automaton.make_automaton()
    for offset, text in texts:
        ends = [0] * len(phrases)  # end of the last occurrence kept: non-overlapping, as find
        for end, i in automaton.iter(text):
            start = end - len(phrases[i]) + 1
            if start >= ends[i]:
                found[i].append(offset + start)
                ends[i] = start + len(phrases[i])
    return found


class DocCounts(Mapping[int, int]):
    """Occurrences per speech (speech index -> count) as two sorted int32 arrays.

    The shortlist's phrases each keep one: a :class:`~collections.Counter` of them took about
    70 bytes a speech a phrase (5 MB at 40 MB, growing with the corpus); these take 8.

    Examples:
        >>> counts = DocCounts.of([3, 3, 7])
        >>> dict(counts), len(counts), 7 in counts, counts.get(5, 0)
        ({3: 2, 7: 1}, 2, True, 0)
        >>> dict(counts.merged(DocCounts.of([7, 9])))
        {3: 2, 7: 2, 9: 1}
    """

    __slots__ = ("counts", "docs")

    def __init__(self, docs: np.ndarray | None = None, counts: np.ndarray | None = None):
        self.docs = np.zeros(0, np.int32) if docs is None else docs.astype(np.int32)
        self.counts = np.zeros(0, np.int32) if counts is None else counts.astype(np.int32)

    @classmethod
    def of(cls, docs: Sequence[int]) -> DocCounts:
        """The counts of a list of speech indexes (one per occurrence)."""
        unique, counts = np.unique(np.asarray(docs, np.int64), return_counts=True)
        return cls(unique, counts)

    def merged(self, other: DocCounts) -> DocCounts:
        """The sum of two counts (a later shard's speeches usually all come after)."""
        docs = np.concatenate([self.docs, other.docs])
        counts = np.concatenate([self.counts, other.counts])
        if len(docs) > 1 and not bool((docs[1:] > docs[:-1]).all()):
            order = np.argsort(docs, kind="stable")
            docs, counts = docs[order], counts[order]
            unique, first = np.unique(docs, return_index=True)
            docs, counts = unique, np.add.reduceat(counts, first)
        return DocCounts(docs, counts)

    def pairs(self) -> dict[int, int]:
        """A dict of the counts (for one phrase at a time: it takes the Counter's room)."""
        return dict(zip(self.docs.tolist(), self.counts.tolist(), strict=True))

    def __getitem__(self, doc: int) -> int:
        i = int(np.searchsorted(self.docs, doc))
        if i < len(self.docs) and int(self.docs[i]) == doc:
            return int(self.counts[i])
        raise KeyError(doc)

    def __iter__(self) -> Iterator[int]:
        return iter(self.docs.tolist())

    def __len__(self) -> int:
        return len(self.docs)

    def __repr__(self) -> str:
        return f"DocCounts({self.pairs()})"


@dataclass(slots=True)
class Occurrences:
    """What the exact count of a phrase keeps: enough for its statistics and its examples.

    Attributes:
        count: Non-overlapping occurrences (as :meth:`TextIndex.find` finds them).
        per_doc: Occurrences in each distinct speech (index -> count; :class:`DocCounts`).
        candidates: Offsets, in text order, among which :func:`choose_examples` picks the
            same ``limit`` examples as among all the occurrences: the first occurrence of each
            of the first ``limit`` files, of the first ``2·limit`` speeches, and the first
            ``2·limit`` occurrences (at most ``5·limit`` offsets, whatever the corpus size).
    """

    count: int = 0
    per_doc: DocCounts = field(default_factory=DocCounts)
    candidates: list[int] = field(default_factory=list)


ExactUnit = tuple[int, int, str, str]  # (offset of the paragraph, speech, source, paragraph text)


def _candidates(
    offsets: Sequence[int],
    docs: Sequence[int],
    sources: Sequence[str],
    limit: int,
    *,
    source_quota: int,
) -> list[int]:
    """The example candidates among ``offsets`` (text order): the first occurrence of each of
    the first ``source_quota`` files and of the first ``2·limit`` speeches, and the first
    ``2·limit`` occurrences (see :class:`Occurrences`)."""
    keep: set[int] = set(offsets[: 2 * limit])
    seen_sources: set[str] = set()
    seen_docs: set[int] = set()
    for offset, doc, source in zip(offsets, docs, sources, strict=True):
        if len(seen_sources) >= source_quota and len(seen_docs) >= 2 * limit:
            break
        if source not in seen_sources and len(seen_sources) < source_quota:
            seen_sources.add(source)
            keep.add(offset)
        if doc not in seen_docs and len(seen_docs) < 2 * limit:
            seen_docs.add(doc)
            keep.add(offset)
    return sorted(keep)


def occurrences_in(
    units: Sequence[ExactUnit], phrases: Sequence[str], limit: int
) -> list[Occurrences]:
    """:class:`Occurrences` of each phrase in consecutive paragraphs (a map task of
    :meth:`TextIndex.occurrences`); a shard's offsets are dropped once summarised."""
    found = find_in_texts([(start, text) for start, _, _, text in units], phrases)
    starts = np.fromiter((u[0] for u in units), np.int64, len(units))
    result = []
    for offsets in found:
        at = (np.searchsorted(starts, np.asarray(offsets, np.int64), side="right") - 1).tolist()
        docs = [units[i][1] for i in at]
        sources = [units[i][2] for i in at]
        # 2·limit files: up to limit − 1 of them may have been seen in earlier shards
        chosen = _candidates(offsets, docs, sources, limit, source_quota=2 * limit)
        result.append(Occurrences(len(offsets), DocCounts.of(docs), chosen))
    return result


def merge_occurrences(
    into: Occurrences, part: Occurrences, *, limit: int, docs_of: Callable[[list[int]], list[int]],
    source_of: Callable[[int], str],
) -> None:  # fmt: skip
    """Add a later shard's :class:`Occurrences` of a phrase, keeping the candidates bounded.

    ``docs_of`` gives the speech (doc) of each offset, ``source_of`` the source of a doc."""
    into.count += part.count
    into.per_doc = into.per_doc.merged(part.per_doc)
    merged = into.candidates + part.candidates  # the later shard's offsets come after
    docs = docs_of(merged)
    into.candidates = _candidates(
        merged, docs, [source_of(d) for d in docs], limit, source_quota=limit
    )


ShardTask = tuple[ShardRef, dict[int, int]]  # a shard and its speeches in an index -> doc


def occurrences_task(task: ShardTask, phrases: Sequence[str], limit: int) -> list[Occurrences]:
    """:func:`occurrences_in` of one shard's paragraphs of an index (a map task of
    :meth:`TextIndex.occurrences`: the worker opens the shard)."""
    ref, docs = task
    return occurrences_in(ref.load().exact_units(docs), phrases, limit)


def find_task(task: ShardTask, phrases: Sequence[str]) -> list[list[int]]:
    """:func:`find_in_texts` of one shard's paragraphs of an index (a map task of
    :meth:`TextIndex.find_all`)."""
    ref, docs = task
    return find_in_texts([(o, text) for o, _, _, text in ref.load().exact_units(docs)], phrases)


class TextIndex:
    """Paragraphs of distinct speeches, addressed by offsets as if joined into one text.

    An offset is the paragraph's start (its text's length plus one, for a separator, added up
    over the paragraphs before it) plus the position in the paragraph. Neither the joined text
    nor the paragraphs are held: they are in the shards
    (:class:`~speechkit.phrases.shards.SpeechShards`), and every search reads them shard by
    shard, on the executor's workers or here. This index holds, per speech, its number, the
    speech without its paragraphs and where its text starts.

    Args:
        speeches: Speeches (kept as shards in memory), or the shards of a corpus.
        members: With shards, the speeches of the index (sorted speech numbers; default:
            all); the index's ``doc`` of a speech is its position among them.

    Examples:
        >>> from speechkit.model import Paragraph, Speech
        >>> paras = [Paragraph("建立长效机制", 1, 1), Paragraph("巩固长效机制", 3, 3)]
        >>> s = Speech("a.txt", 1, 3, None, paras)
        >>> index = TextIndex([s])
        >>> [index.locate(o)[1:] for o in index.find("长效机制")]
        [('a.txt', 1), ('a.txt', 3)]
    """

    def __init__(
        self,
        speeches: Sequence[Speech] | SpeechShards,
        members: Sequence[int] | np.ndarray | None = None,
    ):
        self.shards = (
            speeches if isinstance(speeches, SpeechShards) else SpeechShards.in_memory(speeches)
        )
        chosen = np.arange(len(self.shards)) if members is None else members
        self.members = np.asarray(chosen, np.int64)
        self.n_docs = len(self.members)
        #: The speeches without their paragraphs (source, record, title, date), by doc.
        self.speeches = [self.shards.speeches[m] for m in self.members.tolist()]
        self._starts = self.shards.starts[self.members]

    def _groups(self) -> Iterator[tuple[int, dict[int, int]]]:
        """Each shard of the index with its speeches' docs (speech number -> doc): a dict per
        shard, not one for the whole index (that grew by ~100 bytes a speech)."""
        for shard, speeches in self.shards.groups(self.members):
            docs = np.searchsorted(self.members, speeches)
            yield shard, dict(zip(speeches.tolist(), docs.tolist(), strict=True))

    def tasks(self, executor: Executor | None = None) -> Iterator[ShardTask]:
        """The index's shards as map tasks: each shard (a path, or its bytes when
        ``executor``'s workers do not see this machine's files) and its speeches' docs."""
        for shard, docs in self._groups():
            yield self.shards.ref(shard, executor), docs

    def _loaded(self) -> Iterator[tuple[Shard, dict[int, int]]]:
        """Each shard of the index, loaded here in turn, with its speeches' docs."""
        for shard, docs in self._groups():
            yield self.shards.load(shard), docs

    @property
    def paragraphs(self) -> Iterator[IndexedParagraph]:
        """Every paragraph, read shard by shard (for checks on small corpora)."""
        for shard, docs in self._loaded():
            for speech, line, text in shard.units:
                if speech in docs:
                    yield IndexedParagraph(docs[speech], shard.sources[speech], line, text)

    def find(self, phrase: str) -> Iterator[int]:
        """Offsets of the non-overlapping occurrences of ``phrase``, paragraph by paragraph
        (no occurrence spans two paragraphs), shard by shard in this process."""
        if not phrase:
            return
        step = len(phrase)
        for shard, docs in self._loaded():
            for start, _, _, text in shard.exact_units(docs):
                pos = text.find(phrase)
                while pos >= 0:
                    yield start + pos
                    pos = text.find(phrase, pos + step)

    def find_all(
        self, phrases: Sequence[str], *, executor: Executor | None = None
    ) -> list[list[int]]:
        """:meth:`find` for many phrases in one pass (an Aho-Corasick automaton), shard by
        shard (on the workers when ``executor`` has several).

        Examples:
            >>> from speechkit.model import Paragraph, Speech
            >>> index = TextIndex([Speech("a.txt", 1, 1, None, [Paragraph("创城创城城", 1, 1)])])
            >>> index.find_all(["创城", "城城", "城"]) == [list(index.find(p)) for p in
            ...                                          ["创城", "城城", "城"]]
            True
        """
        parts: Iterable[list[list[int]]] = (
            executor.map(find_task, self.tasks(executor), list(phrases))
            if executor is not None and executor.workers > 1
            else (find_task(task, phrases) for task in self.tasks())
        )
        found: list[list[int]] = [[] for _ in phrases]
        for part in parts:
            for offsets, more in zip(found, part, strict=True):
                offsets.extend(more)  # shards in text order: offsets stay sorted
        return found

    def occurrences(
        self, phrases: Sequence[str], *, limit: int, executor: Executor | None = None
    ) -> list[Occurrences]:
        """:class:`Occurrences` of each phrase: count, per-speech counts, example candidates.

        The shards are searched on the executor's workers when it has several (each opens its
        shard), else here one at a time; each sends back its counts and at most a few
        candidates per phrase, not every offset, so what this process holds does not grow
        with the number of occurrences.

        Examples:
            >>> from speechkit.model import Paragraph, Speech
            >>> index = TextIndex([Speech("a.txt", 1, 1, None, [Paragraph("创城创城城", 1, 1)])])
            >>> [(o.count, dict(o.per_doc), o.candidates) for o in index.occurrences(
            ...     ["创城", "城城"], limit=1)]
            [(2, {0: 2}, [0, 2]), (1, {0: 1}, [3])]
        """
        merged = [Occurrences() for _ in phrases]
        parts: Iterable[list[Occurrences]] = (
            executor.map(occurrences_task, self.tasks(executor), list(phrases), limit)
            if executor is not None and executor.workers > 1
            else (occurrences_task(task, phrases, limit) for task in self.tasks())
        )

        def source_of(doc: int) -> str:
            return self.speeches[doc].source

        for part in parts:
            for into, more in zip(merged, part, strict=True):
                merge_occurrences(
                    into, more, limit=limit, docs_of=self.docs_of, source_of=source_of
                )
        return merged

    def doc_chars(self) -> list[int]:
        """Characters of paragraph text per distinct speech (index = ``IndexedParagraph.doc``)."""
        return self.shards.chars[self.members].tolist()

    def doc_of(self, offset: int) -> int:
        """The distinct speech (doc) holding ``offset``."""
        # the last speech starting at or before it: a speech without text starts where the
        # next one does, and holds no offset
        return int(np.searchsorted(self._starts, offset, side="right")) - 1

    def docs_of(self, offsets: Sequence[int]) -> list[int]:
        """The distinct speech of each offset."""
        at = np.searchsorted(self._starts, np.asarray(offsets, dtype=np.int64), side="right")
        return (at - 1).tolist()

    def count(self, phrase: str) -> int:
        """Number of non-overlapping occurrences of ``phrase`` (``str.count`` per paragraph)."""
        if not phrase:
            return 0
        return sum(
            text.count(phrase)
            for shard, docs in self._loaded()
            for _, _, _, text in shard.exact_units(docs)
        )

    def paragraph(self, offset: int) -> tuple[int, int, str]:
        """``(start offset, source line, text)`` of the paragraph holding ``offset``, from its
        shard (loaded here; the last few stay loaded)."""
        speech = int(self.members[self.doc_of(offset)])
        return self.shards.load(self.shards.shard_of(speech)).at(offset)

    def locate(self, offset: int) -> tuple[int, str, int]:
        """``(doc, source, line)`` of an offset."""
        doc = self.doc_of(offset)
        start, line, text = self.paragraph(offset)
        return doc, self.speeches[doc].source, line + text.count("\n", 0, offset - start)

    def context(self, offset: int, length: int, *, width: int) -> tuple[str, str, str]:
        """``(left, match, right)`` around an occurrence, ``width`` characters each side,
        never crossing its paragraph or line."""
        start, _, text = self.paragraph(offset)
        rel = offset - start
        line_start = text.rfind("\n", 0, rel) + 1
        line_end = text.find("\n", rel + length)
        line_end = len(text) if line_end < 0 else line_end
        left = text[max(line_start, rel - width) : rel]
        right = text[rel + length : min(line_end, rel + length + width)]
        return left, text[rel : rel + length], right
