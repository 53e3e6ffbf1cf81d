"""Key phrases of a corpus: candidates, statistics, ranking, examples.

The steps, each in its own module:

0. :mod:`~speechkit.phrases.shards`: the speeches are read once and their text written as
   shard files; every step below that reads text opens the shards (on the workers, or here
   one at a time);
1. :mod:`~speechkit.phrases.texts`: keep one speech of each group of duplicates;
2. :mod:`~speechkit.phrases.counting`: in shards of whole speeches (map/reduce, on the local
   or the Dask engine), tokenize every paragraph (rjieba when installed) and count the
   :mod:`~speechkit.phrases.candidates`: token n-grams (1–4 tokens, no stopword at either end,
   no break token inside), quoted slogans, parallel four-character phrases (a unit glued
   to the text around it only where it aligns with the tokenizer's word boundaries);
3. with ``genre``, the speeches of that genre are ranked and the others only contrasted
   (:mod:`~speechkit.phrases.genres`, ``G`` in :mod:`~speechkit.phrases.scoring`);
4. :mod:`~speechkit.phrases.scoring`: specificity, length, boundary freedom and cohesion; a
   shortlist by token statistics, then exact substring counts for the shortlist, the final
   score, and removal of sub-phrases covered by longer ones;
5. generic predicates out (深入开展, 紧紧围绕, 督查: :mod:`~speechkit.phrases.generic`);
   local names out: a phrase with a place or person name confined to a few speeches
   (南水北调绿化带征迁 is fine, 品质焦作 is not) is one city's, not the genre's;
6. parallel runs whose parts also occur outside them are replaced by their parts
   (:func:`split_parallel`); word-order variants merged (创建全国文明城市 / 全国文明城市创建);
   words common in general Chinese and spread evenly over every speech demoted
   (:func:`~speechkit.phrases.scoring.common_even_factor`); then a greedy ranking that damps
   phrases built on the words of better-ranked ones (the 文明城市 family);
7. examples with ``source:line`` for each phrase.

Phrases over time (``--by``, ``--trend``) are :mod:`speechkit.phrases.trends`.
"""

from __future__ import annotations

import collections
import gc
import math
import queue
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from speechkit.engine import ENGINES, Executor, LocalExecutor, available_cores, make_executor
from speechkit.errors import InputError, ParameterError
from speechkit.model import Speech
from speechkit.phrases.candidates import is_break_token, is_excluded
from speechkit.phrases.counting import (
    SHARD_CHARS,
    CountTable,
    ShardCounts,
    ShardSpec,
    count_task,
    worker_tokenizer,
)
from speechkit.phrases.generic import GenericTest
from speechkit.phrases.genres import GenreRule, Genres, assign_genres
from speechkit.phrases.resources import background_idf, load_stopwords
from speechkit.phrases.scoring import (
    background_idf_of,
    cohesion_factor,
    common_even_factor,
    diverse_order,
    drop_subsumed,
    evenness,
    freedom_factor,
    genre_factor,
    group_variants,
    length_factor,
    phrase_score,
    specificity,
)
from speechkit.phrases.shards import ShardRef, SpeechShards, opened
from speechkit.phrases.texts import TextIndex, distinct_members
from speechkit.tokenize import BACKENDS
from speechkit.tokenize.names import NameTest
from speechkit.tokenize.userdict import iter_user_words

__all__ = [
    "Example",
    "Phrase",
    "PhraseConfig",
    "count_distinct",
    "count_index",
    "extract_phrases",
    "find_examples",
    "rank_phrases",
    "shard_spec",
    "split_parallel",
    "text_index",
]

Kind = Literal["ngram", "slogan", "parallel"]

#: Local names are told apart by being confined to a few speeches: needs this many speeches
#: (with fewer, jieba's tags alone are not enough: 惠民 is a county, ns, and the slogan word
#: of 创建惠民).
MIN_DOCS_FOR_NAMES = 10
#: Below this many characters the local engine counts in this process: worker processes
#: cost more than they save.
MIN_PARALLEL_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class PhraseConfig:
    """Options of :func:`extract_phrases`.

    Attributes:
        top_n: Number of phrases returned (default 50).
        min_docs: A phrase must occur in at least this many distinct speeches (default 2).
        min_count: ... and at least this many times (default 2).
        max_tokens: Longest n-gram, in tokens (default 4).
        tokenizer: ``"auto"`` (rjieba when installed, else jieba), ``"jieba"`` or ``"rjieba"``.
        user_dicts: Extra tokenizer dictionaries (``word [freq] [tag]`` per line).
        stopwords: Extra stopword files (one word a line) added to the bundled list.
        coverage: Drop a phrase when a longer one covers this share of its occurrences (0.9).
        examples: Examples (``source:line`` + context) per phrase (default 3).
        context: Characters of context on each side of an example (default 15).
        workers: Processes of the counting stage (``0`` = one per core; default 1); with
            ``engine="dask"`` and no ``scheduler``, the LocalCluster's workers.
        engine: ``"local"`` (this machine) or ``"dask"`` (a Dask cluster, the ``dask`` extra).
        scheduler: Address of a running Dask scheduler (``engine="dask"`` only).
        shard_chars: Characters of text per counting task (whole speeches; default
            1,000,000): the unit of work of a worker, and of the memory it needs.
        genre: Rank the speeches of this genre only, promoting what sets them apart from
            the other genres of the corpus (``G``); ``None``: all speeches, no contrast.
        genre_rules: Title keyword rules of the speeches' genres
            (:mod:`speechkit.phrases.genres`; the folder of the file otherwise).
    """

    top_n: int = 50
    min_docs: int = 2
    min_count: int = 2
    max_tokens: int = 4
    tokenizer: str = "auto"
    user_dicts: tuple[Path, ...] = ()
    stopwords: tuple[Path, ...] = ()
    coverage: float = 0.9
    examples: int = 3
    context: int = 15
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    shard_chars: int = SHARD_CHARS
    genre: str | None = None
    genre_rules: tuple[GenreRule, ...] = ()

    def __post_init__(self) -> None:
        for name in ("top_n", "min_docs", "min_count", "max_tokens", "shard_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ParameterError(name, value, "an integer >= 1")
        if self.max_tokens > 8:
            raise ParameterError("max_tokens", self.max_tokens, "an integer from 1 to 8")
        if self.tokenizer not in BACKENDS:
            raise ParameterError("tokenizer", self.tokenizer, " | ".join(BACKENDS))
        if self.engine not in ENGINES:
            raise ParameterError("engine", self.engine, " | ".join(ENGINES))
        if self.scheduler is not None and self.engine != "dask":
            raise ParameterError(
                "scheduler", self.scheduler, "no scheduler with --engine local (add --engine dask)"
            )
        if not 0 < self.coverage <= 1:
            raise ParameterError("coverage", self.coverage, "a number in (0, 1]")
        if self.examples < 0 or self.context < 0 or self.workers < 0:
            raise ParameterError(
                "examples/context/workers",
                (self.examples, self.context, self.workers),
                "integers >= 0",
            )


@dataclass(frozen=True, slots=True)
class Example:
    """Where a phrase occurs: ``source:line`` and the text around it."""

    source: str
    line: int
    context: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "context": self.context}


@dataclass(frozen=True, slots=True)
class Phrase:
    """A key phrase with its statistics.

    Attributes:
        phrase: The phrase text.
        score: Ranking score (see :mod:`speechkit.phrases.scoring`).
        count: Occurrences in the distinct speeches (a repeated speech counted once).
        docs: Distinct speeches containing it.
        examples: Example occurrences, from different speeches first.
        kind: ``"ngram"`` (token n-gram), ``"slogan"`` (quoted) or ``"parallel"``.
        variants: The same words in another order (全国文明城市创建 for 创建全国文明城市),
            merged into this entry; ``count``/``docs`` are those of ``phrase`` itself.
    """

    phrase: str
    score: float
    count: int
    docs: int
    examples: tuple[Example, ...] = field(default=())
    kind: Kind = "ngram"
    variants: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: phrase, score (2 decimals), count, docs, examples, variants."""
        return {
            "phrase": self.phrase,
            "score": round(self.score, 2),
            "count": self.count,
            "docs": self.docs,
            "examples": [e.to_dict() for e in self.examples],
            "variants": list(self.variants),
        }


def split_parallel(
    shortlist: list[_Candidate],
    candidates: dict[str, _Candidate],
    *,
    keep: Callable[[_Candidate], bool],
) -> list[_Candidate]:
    """Replace each parallel run (a 、 or ， list) whose parts also occur outside it by its parts.

    A part occurs outside the run when its count as a candidate (token n-gram, or delimited
    unit) is larger than the run's count (times the part's repeats in the run): no extra
    pass over the text. The parts join the shortlist as the candidates they are, when they
    pass ``keep`` (names and generic predicates out, as for the shortlist) and are not
    listed yet.
    """
    listed = {c.phrase for c in shortlist}
    out: list[_Candidate] = []
    for c in shortlist:
        parts = [p for p in re.split("[、，]", c.phrase) if p]
        if c.kind != "parallel" or len(parts) < 2:
            out.append(c)
            continue
        units = [candidates.get(p) for p in parts]
        if not any(
            u is not None and u.token_count > c.token_count * c.phrase.count(u.phrase)
            for u in units
        ):
            out.append(c)  # a fixed run: 党政同责、一岗双责 always together
            continue
        for unit in units:
            if unit is not None and unit.phrase not in listed and keep(unit):
                listed.add(unit.phrase)
                out.append(unit)
    return out


@dataclass(slots=True)
class _Candidate:
    phrase: str
    content: tuple[str, ...]
    freedom: float
    cohesion: float
    kind: Kind
    token_count: int
    token_docs: int


def find_examples(
    index: TextIndex, phrase: str, offsets: Sequence[int], *, limit: int, width: int
) -> tuple[Example, ...]:
    """Up to ``limit`` examples of ``phrase`` in corpus order: from different files first,
    then from different speeches.

    ``offsets`` are all its occurrences, or the candidates of
    :class:`~speechkit.phrases.texts.Occurrences` (the same examples come out). The choice
    needs only the speeches of the offsets; the text around the chosen ones is read from
    their shards."""
    chosen: list[int] = []
    seen_sources: set[str] = set()
    seen_docs: set[int] = set()
    docs = index.docs_of(offsets)
    # three passes: one example per source file, then per speech, then any
    for key in ("source", "doc", None):
        for offset, doc in zip(offsets, docs, strict=True):
            if len(chosen) >= limit:
                break
            source = index.speeches[doc].source
            if offset in chosen:
                continue
            if key == "source" and source in seen_sources:
                continue
            if key == "doc" and doc in seen_docs:
                continue
            seen_sources.add(source)
            seen_docs.add(doc)
            chosen.append(offset)
    examples = []
    for offset in sorted(chosen):
        _, source, line = index.locate(offset)
        left, match, right = index.context(offset, len(phrase), width=width)
        start, _, text = index.paragraph(offset)
        rel = offset - start
        lead = "…" if rel - len(left) > 0 and text[rel - len(left) - 1] != "\n" else ""
        end = rel + len(match) + len(right)
        tail = "…" if end < len(text) and text[end] != "\n" else ""
        examples.append(Example(source, line, f"{lead}{left}{match}{right}{tail}"))
    return tuple(examples)


def extract_phrases(
    speeches: Iterable[Speech] | SpeechShards,
    *,
    config: PhraseConfig | None = None,
    genres: Genres | None = None,
) -> list[Phrase]:
    """Rank the recurring phrases of a corpus of speeches.

    Args:
        speeches: Speeches, e.g. ``open_corpus(paths).speeches()``, read once (an iterator
            will do: their text is written to shard files of a temporary folder, removed at
            the end), or the corpus's :class:`~speechkit.phrases.shards.SpeechShards`.
        config: Options (:class:`PhraseConfig`); defaults when ``None``.
        genres: The speeches' genres for ``config.genre`` when already assigned (with a
            ``--genre-field``, :func:`~speechkit.phrases.genres.read_genre_field`); default:
            :func:`~speechkit.phrases.genres.assign_genres` by ``config.genre_rules``.

    Returns:
        Up to ``config.top_n`` phrases, best first; ties broken by count, then text,
        so the order is deterministic.

    Raises:
        InputError: If there is no speech text at all.

    Examples:
        >>> from speechkit.model import Paragraph, Speech
        >>> texts = ["要建立健全长效机制，做到齐抓共管。", "完善长效机制，形成齐抓共管格局。"]
        >>> speeches = [Speech(f"{i}.txt", 1, 1, None, [Paragraph(t, 1, 1)])
        ...             for i, t in enumerate(texts)]
        >>> [p.phrase for p in extract_phrases(speeches, config=PhraseConfig(tokenizer="jieba"))]
        ['齐抓共管', '长效机制']
    """
    config = config or PhraseConfig()
    with opened(speeches, size=config.shard_chars) as shards:
        return _extract(shards, config, genres)


def _extract(shards: SpeechShards, config: PhraseConfig, genres: Genres | None) -> list[Phrase]:
    """:func:`extract_phrases` on the corpus's shards."""
    everyone = np.arange(len(shards))
    # one executor for the duplicate grouping and the counting: one set of worker processes
    with phrase_executor(config, shards.raw_chars) as executor:
        spec = shard_spec(config)
        if config.genre is None:
            distinct, table = count_distinct(shards, everyone, spec, config, executor=executor)
            return rank_phrases(
                _index_of(shards, distinct), config=config, executor=executor, table=table
            )
        if genres is None:
            genres = assign_genres(shards.speeches, config.genre_rules)
        if len(genres.of) != len(shards):
            raise ParameterError("genres", len(genres.of), f"one genre per speech ({len(shards)})")
        if config.genre not in genres.names:
            raise InputError(
                f"no speech of genre {config.genre!r}; the genres are "
                f"{', '.join(genres.names)} (a speech's folder, --genre-rules by title, or "
                "--genre-field)"
            )
        wanted = np.asarray(genres.of, np.int64) == genres.names.index(config.genre)
        rest = distinct_members(shards, everyone[~wanted], executor=executor)
        distinct, table = count_distinct(shards, everyone[wanted], spec, config, executor=executor)
        return rank_phrases(
            _index_of(shards, distinct),
            config=config,
            others=TextIndex(shards, rest) if len(rest) else None,
            executor=executor,
            table=table,
        )


def text_index(
    speeches: Sequence[Speech] | SpeechShards, *, executor: Executor | None = None
) -> TextIndex:
    """The :class:`TextIndex` of the distinct speeches (a repeated speech counted once).

    Args:
        speeches: The corpus's shards, or speeches (then kept as shards in memory).
        executor: Runs the duplicate grouping's map stage (default: in this process).

    Raises:
        InputError: If there is no speech text at all.
    """
    shards = speeches if isinstance(speeches, SpeechShards) else SpeechShards.in_memory(speeches)
    return _index_of(shards, distinct_members(shards, executor=executor))


def _index_of(shards: SpeechShards, distinct: np.ndarray) -> TextIndex:
    if not len(distinct):
        raise InputError("no speech text to analyse; check the paths (or --min-docs)")
    return TextIndex(shards, distinct)


def shard_spec(config: PhraseConfig) -> ShardSpec:
    """What every counting task of ``config`` needs: tokenizer, stopwords, longest n-gram.

    Raises:
        InputError: An extra stopword file cannot be read.
    """
    stopwords = load_stopwords()
    for path in config.stopwords:
        try:
            stopwords = stopwords | load_stopwords(str(path))
        except OSError as exc:
            raise InputError(f"cannot read stopword file ({exc.strerror})", path=path) from exc
    user_dicts = tuple(str(p) for p in config.user_dicts)
    return ShardSpec(config.tokenizer, user_dicts, stopwords, config.max_tokens)


def _started(task: int) -> int:
    """A task that does nothing: makes an executor start its workers (:func:`count_distinct`)."""
    return task


def count_distinct(
    shards: SpeechShards,
    members: np.ndarray,
    spec: ShardSpec,
    config: PhraseConfig,
    *,
    executor: Executor,
) -> tuple[np.ndarray, CountTable]:
    """The distinct speeches among ``members`` (:func:`distinct_members`: their numbers) and
    the counts of their text.

    The counting tasks are the corpus's shards (:class:`~speechkit.phrases.shards.ShardRef`:
    a worker opens its file), each with the speeches of it that are counted. With several
    workers the counting does not wait for the duplicate grouping: the workers count shards
    of every speech with text while this process groups (its reduce ran here anyway, and was
    a second of a 40 MB run with the workers idle; its map stage now runs here too, beside
    the workers, instead of before them). The shards are merged in corpus order once the
    groups are known. Shards sent from then on leave the repeats out; one sent before that
    holds a repeat is counted again without it, on the workers (those are the few counted
    while the grouping ran, so a corpus full of repeats is not counted twice). The counted
    speeches are those, in the same order, of counting the distinct speeches alone, so the
    table is the same (speeches are told apart by their index among the speeches with
    text; only how many a phrase occurs in is used).
    """
    if executor.workers == 1:
        distinct = distinct_members(shards, members, executor=executor)
        return distinct, count_index(TextIndex(shards, distinct), spec, executor=executor)
    nonempty = members[shards.has_text[members]] if len(members) else members
    Task = tuple[ShardRef, dict[int, int]]
    # (task, whether its repeats were already left out, counts or the thread's error)
    Result = tuple[Task | None, bool, ShardCounts | BaseException | None]
    # bounded: the thread holds at most this many results while the grouping runs
    results: queue.Queue[Result] = queue.Queue(maxsize=2 * executor.workers)
    stop = threading.Event()
    known = threading.Event()  # set once `repeats` holds the repeated speeches
    repeats: set[int] = set()

    def offer(item: Result) -> bool:
        """Queue ``item`` unless the caller has stopped (then it would never be taken)."""
        while not stop.is_set():
            try:
                results.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def count_all() -> None:
        """Counts every shard in a thread of this process (the tasks run on the workers)."""
        submitted: collections.deque[tuple[Task, bool]] = collections.deque()

        def planned() -> Iterator[Task]:
            # shards sent once the groups are known leave the repeats out: only those sent
            # before (a bounded number) may have to be counted again
            index = TextIndex(shards, nonempty)
            for ref, docs in index.tasks(executor):
                filtered = known.is_set()
                if filtered:
                    docs = {s: d for s, d in docs.items() if s not in repeats}
                    if not docs:
                        continue
                submitted.append(((ref, docs), filtered))
                yield ref, docs

        try:
            for part in executor.map(count_task, planned(), spec):
                task, filtered = submitted.popleft()
                if not offer((task, filtered, part)):
                    return
            offer((None, True, None))
        except BaseException as exc:  # not swallowed: the caller raises it
            offer((None, True, exc))

    # Start the workers from this thread before the counting thread runs: a local pool forks
    # them on its first task, and a fork from a second thread while this one works could copy
    # a lock it holds. Frozen while they fork, the objects of this process are left alone by
    # the workers' garbage collector, whose passes would otherwise copy every page they sit
    # on into each worker.
    gc.freeze()
    try:
        for _ in executor.map(_started, range(executor.workers)):
            pass
    finally:
        gc.unfreeze()
    thread = threading.Thread(target=count_all, name="phrases-count", daemon=True)
    thread.start()
    try:
        # the grouping in this process: on the workers its tasks would queue behind the
        # counting's, and this process would wait instead of grouping
        with LocalExecutor(workers=1) as here:
            distinct = distinct_members(shards, nonempty, executor=here)
        repeats.update(np.setdiff1d(nonempty, distinct).tolist())
        known.set()
        shards.drop_cache()  # the grouping's texts
        table = CountTable(spec.max_tokens, spec.stopwords)
        while True:
            task, filtered, part = results.get()
            if isinstance(part, BaseException):
                raise part
            if part is None or task is None:
                break
            ref, docs = task
            if not filtered and any(s in repeats for s in docs):
                rest = {s: d for s, d in docs.items() if s not in repeats}
                if not rest:
                    continue
                # counted again on the workers, beside the thread's tasks
                [part] = list(executor.map(count_task, [(ref, rest)], spec))
            table.add(part)
    finally:
        stop.set()
        thread.join()
    return distinct, table


def count_index(index: TextIndex, spec: ShardSpec, *, executor: Executor) -> CountTable:
    """The counting stage as map/reduce (:mod:`~.phrases.counting`) over ``index``'s shards
    (each task the shard and its speeches with text, opened by the worker)."""
    has_text = index.shards.has_text
    tasks = (
        (ref, kept)
        for ref, docs in index.tasks(executor)
        if (kept := {s: d for s, d in docs.items() if has_text[s]})
    )
    table = CountTable(spec.max_tokens, spec.stopwords)
    for part in executor.map(count_task, tasks, spec):
        table.add(part)
    return table


def phrase_executor(config: PhraseConfig, chars: int) -> Executor:
    """The executor of ``config``'s engine for a corpus of ``chars`` characters.

    The local engine with one worker, or a corpus under :data:`MIN_PARALLEL_CHARS`, runs in
    this process (starting processes costs more than it saves there). Local workers are forked
    after this process has loaded the tokenizer, so they do not load it again.
    """
    workers = config.workers or available_cores()
    if config.engine == "local":
        if chars < MIN_PARALLEL_CHARS:
            workers = 1
        worker_tokenizer(config.tokenizer, tuple(str(p) for p in config.user_dicts))
    return make_executor(
        config.engine,
        workers=None if config.engine == "dask" and config.workers == 0 else workers,
        scheduler=config.scheduler,
    )


def rank_phrases(
    index: TextIndex,
    *,
    config: PhraseConfig,
    limit: int | None = None,
    others: TextIndex | None = None,
    executor: Executor | None = None,
    table: CountTable | None = None,
) -> list[Phrase]:
    """:func:`extract_phrases` on a prepared :func:`text_index`.

    Args:
        index: The distinct speeches' text.
        config: Options.
        limit: Return up to this many phrases instead of ``config.top_n``; the first
            ``config.top_n`` are the same either way (the trends use a longer list).
        others: The other genres' speeches, when one genre is ranked against them
            (``G`` in :mod:`speechkit.phrases.scoring`).
        executor: Runs the counting stage (default: :func:`phrase_executor` of ``config``).
        table: The counts of ``index``'s text when already made (:func:`count_distinct`).
    """
    spec = shard_spec(config)
    stopwords = spec.stopwords
    # this process's tokenizer is the one in-process shards use (and forked workers inherit)
    tokenizer = worker_tokenizer(config.tokenizer, spec.user_dicts)
    if table is None:
        if executor is None:
            with phrase_executor(config, sum(index.doc_chars())) as own:
                table = count_index(index, spec, executor=own)
        else:
            table = count_index(index, spec, executor=executor)
    features = table.features(min_count=config.min_count, min_docs=config.min_docs)
    stream = table.stream_info()
    idf, median = background_idf()
    n_docs = index.n_docs
    vocab, is_stop, is_lead = stream.vocab, stream.is_stop, stream.is_lead
    token_docs = {
        vocab[int(f.tokens[row, 0])]: int(f.docs[row])
        for f in features
        if f.n == 1
        for row in range(len(f.count))
    }
    genre_words = frozenset(w.word for w in iter_user_words(config.user_dicts))
    # local names out (品质焦作): see speechkit.tokenize.names for the rules
    is_name = NameTest(
        tokenizer,
        token_docs,
        n_docs,
        contexts=table.contexts,  # gathered by the counting shards: no joined corpus text
        idf=idf,
        exclude=genre_words,
        min_docs=MIN_DOCS_FOR_NAMES,
    )

    # Stage 1: a shortlist by token statistics.
    candidates: dict[str, _Candidate] = {}
    for feats in features:
        for row in range(len(feats.count)):
            ids = feats.tokens[row]
            words = [vocab[t] for t in ids]
            phrase = "".join(words)
            if is_excluded(phrase):
                continue
            if feats.n > 1 and (len(words[0]) == 1 or len(words[-1]) == 1):
                continue  # 市创文 (after a placeholder xx市), 文明城市的: bound morphemes
            if any(is_lead[t] for t in ids[1:]):
                continue  # a numeral such as 四个 only leads a formula (四个全面)
            content = tuple(w for w, t in zip(words, ids, strict=True) if not is_stop[t])
            candidates[phrase] = _Candidate(
                phrase,
                content,
                freedom_factor(feats.left_entropy[row], feats.right_entropy[row]),
                cohesion_factor(float(feats.cohesion[row])),
                "ngram",
                int(feats.count[row]),
                int(feats.docs[row]),
            )
    delimited: list[tuple[Kind, tuple[Counter[str], Counter[str]]]] = [
        ("slogan", table.slogans),
        ("parallel", table.parallels),
    ]
    for kind, (counts, speech_counts) in delimited:
        for phrase, count in counts.items():
            if count < config.min_count or speech_counts[phrase] < config.min_docs:
                continue
            known = candidates.get(phrase)
            if known is not None:
                # delimited by the writer in enough speeches (创建为民 in 创建为民、创建惠民):
                # its boundaries and cohesion are given, not estimated from token statistics
                known.freedom = known.cohesion = 1.0
                known.kind = kind
                continue
            # content words only, no punctuation: the key of word-order variants
            content = tuple(
                w for w in tokenizer.cut(phrase) if w not in stopwords and not is_break_token(w)
            )
            candidates[phrase] = _Candidate(
                phrase, content, 1.0, 1.0, kind, count, speech_counts[phrase]
            )

    def estimate(c: _Candidate, count: int, docs: int, evenness: float = 0.0) -> float:
        idf_bg = background_idf_of(c.phrase, c.content, idf, median)
        spec = specificity(idf_bg, docs, n_docs)
        return phrase_score(
            count=count,
            docs=docs,
            specificity=spec,
            length=length_factor(c.phrase),
            freedom=c.freedom,
            cohesion=c.cohesion,
        ) * common_even_factor(idf_bg, evenness)

    first_scores = [(estimate(c, c.token_count, c.token_docs), c) for c in candidates.values()]
    ranked = sorted((s for s in first_scores if s[0] > 0), key=lambda s: (-s[0], s[1].phrase))
    is_generic = GenericTest(tokenizer, idf, genre_words)
    shortlist = [
        c
        for _, c in ranked[: max(4 * config.top_n, 200)]
        if not any(is_name(w) for w in c.content) and not is_generic(c.content)
    ]

    # Parallel phrases whose parts also occur on their own are listed as those parts
    # (社会公德、职业道德、家庭美德 -> 社会公德 / 职业道德 / 家庭美德); a fixed run whose parts
    # never occur without it stays whole.
    shortlist = split_parallel(
        shortlist,
        candidates,
        keep=lambda c: not any(is_name(w) for w in c.content) and not is_generic(c.content),
    )

    # Stage 2: exact substring statistics for the shortlist, sub-phrases, variants (counted
    # on the shards: counts, speeches and example candidates, not every offset; the speeches
    # of a phrase are a sorted array, DocCounts.docs, not a set).
    exact = index.occurrences(
        [c.phrase for c in shortlist], limit=config.examples, executor=executor
    )
    keep = drop_subsumed(
        [c.phrase for c in shortlist], [e.count for e in exact], coverage=config.coverage
    )
    rows = [
        (c, found)
        for c, found, kept in zip(shortlist, exact, keep, strict=True)
        if kept and len(found.per_doc) >= config.min_docs and found.count >= config.min_count
    ]
    rep = group_variants(
        [tuple(sorted(c.content)) or (c.phrase,) for c, _ in rows],
        [found.count for _, found in rows],
    )
    # a group is scored with its members' combined count and speeches
    group_count: dict[int, int] = {}
    group_docs: dict[int, np.ndarray] = {}
    variants: dict[int, list[str]] = {}
    for i, (c, found) in enumerate(rows):
        group_count[rep[i]] = group_count.get(rep[i], 0) + found.count
        docs = found.per_doc.docs
        group_docs[rep[i]] = np.union1d(group_docs[rep[i]], docs) if rep[i] in group_docs else docs
        if rep[i] != i:
            variants.setdefault(rep[i], []).append(c.phrase)
    chars = index.doc_chars()

    # the speeches of the other genres each row occurs in (counted on their shards)
    elsewhere = (
        [found.per_doc.docs for found in others.occurrences(
            [c.phrase for c, _ in rows], limit=0, executor=executor)]
        if others is not None
        else []
    )  # fmt: skip
    rows_of_group: dict[int, list[int]] = {}
    for i in range(len(rows)):
        rows_of_group.setdefault(rep[i], []).append(i)

    def contrast(i: int) -> float:
        """``G`` against the other genres (1 when no genre is ranked on its own)."""
        if others is None:
            return 1.0
        out = np.unique(np.concatenate([elsewhere[j] for j in rows_of_group[i]]))
        return genre_factor(len(group_docs[i]), n_docs, len(out), others.n_docs)

    heads = [
        (i, estimate(rows[i][0], group_count[i], len(group_docs[i]),
                     evenness(rows[i][1].per_doc.pairs(), chars)) * contrast(i))
        for i in sorted(group_count)
    ]  # fmt: skip
    heads = [(i, score) for i, score in heads if score > 0 and math.isfinite(score)]
    # deterministic input order for the greedy ranking: score, count, text
    heads.sort(key=lambda h: (-h[1], -rows[h[0]][1].count, rows[h[0]][0].phrase))
    order = diverse_order(
        [score for _, score in heads],
        [rows[i][0].phrase for i, _ in heads],
        [rows[i][0].content for i, _ in heads],
    )
    result = []
    for k, score in order[: config.top_n if limit is None else limit]:
        c, found = rows[heads[k][0]]
        result.append(
            Phrase(
                c.phrase,
                score,
                found.count,
                len(found.per_doc),
                find_examples(
                    index, c.phrase, found.candidates, limit=config.examples, width=config.context
                ),
                c.kind,
                tuple(sorted(variants.get(heads[k][0], ()), key=lambda v: (-len(v), v))),
            )
        )
    return result
