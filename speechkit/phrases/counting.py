"""Counting as map/reduce: per-shard n-gram tables merged into one (local or on Dask).

The corpus (paragraphs of the distinct speeches, with their speech index) is cut into
shards of whole speeches. The **map** stage (:func:`count_shard`, a picklable top-level
function run by an :mod:`speechkit.engine` executor) tokenizes one shard, maps its tokens
to integer ids of a shard vocabulary and counts, with numpy, every n-gram of 1 to
``max_tokens + 1`` tokens without a break token
(:func:`~speechkit.phrases.candidates.count_ngrams`), the speeches each of the first
``max_tokens`` lengths occurs in, the shard's quoted slogans and parallel phrases, and what
precedes the place suffixes and titles the local-name test looks for
(:func:`~speechkit.tokenize.names.name_contexts`).
The **reduce** stage (:class:`CountTable`) maps each shard's words to corpus ids (in
first-appearance order, as one pass over the whole corpus would) and merges the tables:
rows are token-id tuples, keyed per length by
``(index of the (n−1)-token prefix) · 2²⁴ + (id of the last token)`` and summed with
``np.unique``. Shards hold whole speeches, so document frequencies add up.

The ``n + 1``-token table is what the boundary entropies need: the right neighbours of an
n-gram are the last tokens of the ``n + 1``-grams it starts, the left neighbours the first
tokens of those it ends (a break token is never part of an n-gram, so it is, as before, a
distinct neighbour each time). So one table gives counts, neighbours, cohesion and document
frequency, and :func:`features` returns exactly what
:func:`~speechkit.phrases.scoring.ngram_features` computes on the whole token stream.

Memory: the reduce holds the merged table (one row per distinct n-gram, i.e. per candidate
before the frequency filters) and pending shard tables of at most as many rows (merged in
batches, so each row is sorted O(log shards) times); the token stream of the whole corpus
is never built.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from speechkit.engine.textblock import TextShard
from speechkit.errors import InputError
from speechkit.phrases.candidates import (
    TokenStream,
    count_ngrams,
    parallel_phrases,
    quoted_slogans,
    word_flags,
)
from speechkit.phrases.scoring import Features
from speechkit.phrases.shards import ShardRef
from speechkit.tokenize import make_tokenizer
from speechkit.tokenize.base import Tokenizer
from speechkit.tokenize.names import name_contexts

__all__ = [
    "SHARD_CHARS",
    "CountTable",
    "Delimited",
    "ShardCounts",
    "ShardSpec",
    "count_shard",
    "count_task",
    "features",
    "shards_of",
]

#: Characters per shard: large enough that numpy's per-call costs vanish, small enough that
#: a shard's token arrays stay a few tens of MB.
SHARD_CHARS = 1_000_000
#: Multiplier of the per-length keys: token ids must stay below it (16.7 million words).
KEY_BASE = 1 << 24

#: Quoted slogans or parallel phrases: occurrences and speeches of each. A shard's speeches
#: are its own, so speech counts add up over shards like n-gram document frequencies (sets of
#: speech ids grew with the corpus: 420,000 entries at 40 MB).
Delimited = tuple[Counter[str], Counter[str]]


@dataclass(frozen=True, slots=True)
class ShardSpec:
    """What every map task needs besides its shard (the ``common`` argument of the executor).

    Attributes:
        backend: Tokenizer backend (``auto``, ``jieba``, ``rjieba``).
        user_dicts: Tokenizer user dictionaries (paths every worker can read).
        stopwords: Words that may not start or end a phrase.
        max_tokens: Longest candidate n-gram.
    """

    backend: str
    user_dicts: tuple[str, ...]
    stopwords: frozenset[str]
    max_tokens: int


@dataclass(slots=True)
class ShardCounts:
    """The map stage's result for one shard (shard-local token ids).

    Attributes:
        vocab: The shard's words by local id (break tokens included).
        rows: Per length ``n`` (index ``n − 1``): ``(k, n)`` int32 token ids of the distinct
            n-grams, lengths 1 to ``max_tokens + 1``.
        counts: Occurrences of each row.
        docs: Speeches containing each row (lengths up to ``max_tokens``).
        n_tokens: Tokens that are not break tokens.
        slogans, parallels: Quoted slogans and parallel phrases (counts, speech counts).
        contexts: The Han characters before each place suffix and title
            (:func:`~speechkit.tokenize.names.name_contexts`).
    """

    vocab: list[str]
    rows: list[np.ndarray]
    counts: list[np.ndarray]
    docs: list[np.ndarray]
    n_tokens: int
    slogans: Delimited
    parallels: Delimited
    contexts: dict[str, set[str]] = field(default_factory=dict)


@functools.lru_cache(maxsize=2)
def worker_tokenizer(backend: str, user_dicts: tuple[str, ...]) -> Tokenizer:
    """The tokenizer of this process, loaded once per process (a worker runs many shards; a
    dictionary load costs ~0.5 s)."""
    return make_tokenizer(backend, user_dicts=tuple(Path(p) for p in user_dicts))


class _Vocab(dict[str, int]):
    """Word -> id, a new word getting the next id: ``map(vocab.__getitem__, words)`` runs in C
    (a ``setdefault`` list comprehension was a fifth of the run)."""

    def __missing__(self, word: str) -> int:
        self[word] = index = len(self)
        return index


def shard_stream(units: Sequence[tuple[int, list[str]]], stopwords: frozenset[str]) -> TokenStream:
    """The :class:`~speechkit.phrases.candidates.TokenStream` of tokenized ``(doc, tokens)``
    units; same arrays as :func:`~speechkit.phrases.candidates.build_stream`."""
    vocab = _Vocab()
    flat: list[str] = []
    lengths = np.fromiter((len(t) for _, t in units), dtype=np.int64, count=len(units))
    for _, tokens in units:
        flat.extend(tokens)
    token_ids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
    words = list(vocab)
    breaks, stops, leads = word_flags(words, stopwords)
    # each unit's tokens, then a -1: no n-gram spans two paragraphs
    ids = np.full(len(flat) + len(units), -1, dtype=np.int64)
    if len(flat):
        at = np.arange(len(flat)) + np.repeat(np.arange(len(units)), lengths)
        ids[at] = np.where(breaks[token_ids], -1, token_ids)
    unit_docs = np.fromiter((d for d, _ in units), dtype=np.int32, count=len(units))
    docs = np.repeat(unit_docs, lengths + 1)
    return TokenStream(words, ids, docs, stops, leads)


def _distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` by sorting a copy: NumPy 2's hash-based ``unique`` took ten times as
    long on a speech's n-gram ids (a fifth of a shard's counting).

    Examples:
        >>> _distinct(np.array([3, -1, 3, 0, -1])).tolist()
        [-1, 0, 3]
    """
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def count_shard(units: Sequence[tuple[int, str]], spec: ShardSpec) -> ShardCounts:
    """Map stage: tokenize and count one shard of ``(speech index, paragraph)`` units."""
    tokenizer = worker_tokenizer(spec.backend, spec.user_dicts)
    cut = tokenizer.cut
    stream = shard_stream([(doc, cut(text)) for doc, text in units], spec.stopwords)
    ids, docs = stream.ids, stream.docs
    rows: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    doc_counts: list[np.ndarray] = []
    # a shard's speeches are contiguous runs of positions: the distinct n-grams of each run
    # (small sorts) give the document frequency (one unique of (n-gram, doc) pairs took twice
    # as long)
    cuts = (np.flatnonzero(np.diff(docs)) + 1).tolist()
    runs = list(zip([0, *cuts], [*cuts, len(docs)], strict=True))
    for level in count_ngrams(stream, spec.max_tokens + 1):
        n = level.n
        # unigram counts run over the whole vocabulary: break tokens have none
        seen = np.flatnonzero(level.counts > 0)
        starts = level.first[seen]
        grams = np.zeros((len(seen), n), np.int32)
        for j in range(n):
            grams[:, j] = ids[starts + j]
        rows.append(grams)
        counts.append(level.counts[seen].astype(np.int64))
        if n <= spec.max_tokens:
            gram = level.gram
            per_doc = [_distinct(gram[a:b]) for a, b in runs]
            present = np.concatenate([np.zeros(0, np.int64), *per_doc])
            df = np.bincount(present[present >= 0], minlength=len(level.counts))
            doc_counts.append(df[seen])
    texts = list(units)
    return ShardCounts(
        stream.vocab,
        rows,
        counts,
        doc_counts,
        stream.n_tokens,
        _speech_counts(quoted_slogans(texts)),
        _speech_counts(parallel_phrases(texts, cut=cut, function_words=spec.stopwords)),
        name_contexts(text for _, text in units),
    )


def count_task(task: tuple[ShardRef, dict[int, int]], spec: ShardSpec) -> ShardCounts:
    """Map stage on a stored shard: :func:`count_shard` of the paragraphs of the task's
    speeches (speech number -> its index among the counted speeches); the worker opens the
    shard (:class:`~speechkit.phrases.shards.ShardRef`)."""
    ref, docs = task
    units = [(docs[speech], text) for speech, _, text in ref.load().units if speech in docs]
    return count_shard(units, spec)


def _speech_counts(found: tuple[Counter[str], dict[str, set[int]]]) -> Delimited:
    """Occurrences and the number of speeches of each phrase (the sets are the shard's)."""
    counts, docs = found
    return counts, Counter({phrase: len(ids) for phrase, ids in docs.items()})


def shards_of(
    units: Iterable[tuple[int, str]], *, size: int = SHARD_CHARS
) -> Iterator[list[tuple[int, str]]]:
    """Consecutive runs of whole speeches of about ``size`` characters each.

    Examples:
        >>> units = [(0, "甲" * 5), (0, "乙"), (1, "丙" * 5), (2, "丁")]
        >>> [[doc for doc, _ in s] for s in shards_of(units, size=5)]
        [[0, 0], [1], [2]]
    """
    # TextShard: sent to a worker, its texts leave no UTF-8 copy of themselves here
    shard: list[tuple[int, str]] = TextShard()
    filled = 0
    for doc, text in units:
        if filled >= size and shard and shard[-1][0] != doc:
            yield shard
            shard, filled = TextShard(), 0
        shard.append((doc, text))
        filled += len(text)
    if shard:
        yield shard


def _merge_delimited(into: Delimited, part: Delimited) -> None:
    into[0].update(part[0])
    into[1].update(part[1])


@dataclass(slots=True)
class _Level:
    """Merged rows of one length, sorted by key (corpus token ids)."""

    rows: np.ndarray
    counts: np.ndarray
    docs: np.ndarray
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))


@dataclass
class CountTable:
    """Reduce stage: the merged counts of all shards, added one shard at a time in order.

    Args:
        max_tokens: Longest candidate n-gram (the table keeps one length more).
        stopwords: As in :class:`ShardSpec`.
    """

    max_tokens: int
    stopwords: frozenset[str]
    vocab: dict[str, int] = field(default_factory=dict)
    n_tokens: int = 0
    slogans: Delimited = field(default_factory=lambda: (Counter(), Counter()))
    parallels: Delimited = field(default_factory=lambda: (Counter(), Counter()))
    #: What precedes each place suffix and title in the corpus (union of the shards').
    contexts: dict[str, set[str]] = field(default_factory=dict)
    _levels: list[_Level] = field(default_factory=list)
    _pending: list[list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        sizes = range(1, self.max_tokens + 2)
        self._levels = [
            _Level(np.zeros((0, n), np.int32), np.zeros(0, np.int64), np.zeros(0, np.int64))
            for n in sizes
        ]
        self._pending = [[] for _ in sizes]

    def add(self, part: ShardCounts) -> None:
        """Merge one shard's counts (shards must come in corpus order)."""
        vocab = self.vocab
        remap = np.fromiter(
            (vocab.setdefault(w, len(vocab)) for w in part.vocab), np.int32, len(part.vocab)
        )
        if len(vocab) >= KEY_BASE:
            raise InputError(f"more than {KEY_BASE - 1} distinct words; split the corpus")
        self.n_tokens += part.n_tokens
        for i, rows in enumerate(part.rows):
            docs = part.docs[i] if i < len(part.docs) else np.zeros(len(rows), np.int64)
            self._pending[i].append((remap[rows], part.counts[i], docs))
        _merge_delimited(self.slogans, part.slogans)
        _merge_delimited(self.parallels, part.parallels)
        for follower, preceding in part.contexts.items():
            self.contexts.setdefault(follower, set()).update(preceding)
        # merge once the pending rows outnumber the merged ones: every row is sorted
        # O(log shards) times, and what is held stays under twice the distinct n-grams
        if sum(len(p[0]) for p in self._pending[-1]) >= len(self._levels[-1].rows):
            self._merge()

    def _gids(self, rows: np.ndarray) -> np.ndarray:
        """Index of each row (token ids of one length) in the merged table of its length."""
        gid = np.searchsorted(self._levels[0].keys, rows[:, 0])
        for j in range(1, rows.shape[1]):
            level = self._levels[j]
            gid = np.searchsorted(level.keys, gid * KEY_BASE + rows[:, j])
        return gid

    def _merge(self) -> None:
        for i, level in enumerate(self._levels):
            pending = self._pending[i]
            if not pending:
                continue
            rows = np.concatenate([level.rows, *(p[0] for p in pending)])
            counts = np.concatenate([level.counts, *(p[1] for p in pending)])
            docs = np.concatenate([level.docs, *(p[2] for p in pending)])
            self._pending[i] = []
            if i == 0:
                keys = rows[:, 0].astype(np.int64)
            else:
                # the (n−1)-token prefixes were merged just before: look their ids up
                keys = self._gids(rows[:, :-1]) * KEY_BASE + rows[:, -1]
            uniq, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
            self._levels[i] = _Level(
                rows[first],
                np.bincount(inverse, weights=counts, minlength=len(uniq)).astype(np.int64),
                np.bincount(inverse, weights=docs, minlength=len(uniq)).astype(np.int64),
                uniq,
            )

    def stream_info(self) -> TokenStream:
        """Vocabulary and per-word flags in the shape of a token stream (no positions)."""
        self._merge()
        words = list(self.vocab)
        _, stops, leads = word_flags(words, self.stopwords)
        empty = np.zeros(0, np.int64)
        return TokenStream(words, empty, empty.astype(np.int32), stops, leads)

    def features(self, *, min_count: int, min_docs: int) -> list[Features]:
        """The candidates' features, as :func:`~speechkit.phrases.scoring.ngram_features`."""
        return features(self, min_count=min_count, min_docs=min_docs)


def _entropy(groups: np.ndarray, counts: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """``ln f − Σ c ln c / f`` per group: the entropy of its neighbours (counts ``c``)."""
    s = np.bincount(groups, weights=counts * np.log(counts), minlength=len(totals))
    f = totals.astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = np.log(f) - s / f
    return np.where(f > 0, h, 0.0)


def features(table: CountTable, *, min_count: int, min_docs: int) -> list[Features]:
    """Features of the n-grams that may be phrases (see
    :func:`~speechkit.phrases.scoring.ngram_features` for the rules)."""
    info = table.stream_info()
    is_stop, lead = info.is_stop, info.is_lead
    total = max(table.n_tokens, 1)
    levels = table._levels
    result: list[Features] = []
    for i in range(table.max_tokens):
        n = i + 1
        level = levels[i]
        if len(level.counts) == 0:
            continue
        rows = level.rows
        cand = (
            (level.counts >= min_count)
            & (level.docs >= min_docs)
            & (~is_stop[rows[:, 0]] | lead[rows[:, 0]])
            & ~is_stop[rows[:, -1]]
            & ~lead[rows[:, -1]]
        )
        sel = np.flatnonzero(cand)
        if len(sel) == 0:
            continue
        longer = levels[i + 1]
        c = longer.counts.astype(np.float64)
        right = _entropy(longer.keys // KEY_BASE, c, level.counts)
        left = _entropy(table._gids(longer.rows[:, 1:]), c, level.counts)
        f_ab = level.counts[sel].astype(np.float64)
        cohesion = np.full(len(sel), np.inf)
        picked = rows[sel]
        for k in range(1, n):
            f_a = levels[k - 1].counts[table._gids(picked[:, :k])]
            f_b = levels[n - k - 1].counts[table._gids(picked[:, k:])]
            cohesion = np.minimum(cohesion, np.log(f_ab * total / (f_a.astype(np.float64) * f_b)))
        result.append(
            Features(
                n,
                picked.astype(np.int64),
                level.counts[sel],
                level.docs[sel],
                left[sel],
                right[sel],
                cohesion,
            )
        )
    return result
