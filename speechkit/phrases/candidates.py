"""Phrase candidates: token n-grams, quoted slogans and parallel four-character phrases.

Token n-grams (1–4 tokens) are counted with integer arrays rather than Python
dicts of tuples: each n-gram gets a dense id from ``np.unique`` over
``(id of its (n-1)-gram prefix) * V + (id of its last token)``, so counting all
n-grams of a 20 MB corpus is a few sorts (a ``Counter`` of tuples was ~10x
slower in our measurements and dominated the run time).

A token is a *break* when no phrase may contain it (punctuation, whitespace,
Latin letters and digits, placeholders such as ``xx``/``X``/``*``, numbers and
dates, web boilerplate such as 小编/转载); a *stop* when a phrase may contain it
but not start or end with it (的, 我们, 进一步, 工作 — ``stopwords.txt``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from speechkit.phrases.resources import (
    BOILERPLATE_WORDS,
    DATE_RE,
    HAN_RE,
    HAN_RUN_RE,
    INNER_BREAK_WORDS,
    NUMBER_RE,
    NUMERAL_LEAD_RE,
    PARALLEL_RE,
    PLACEHOLDER_RE,
    QUOTE_RE,
)

__all__ = [
    "NgramLevel",
    "TokenStream",
    "build_stream",
    "count_ngrams",
    "is_break_token",
    "is_excluded",
    "parallel_phrases",
    "quoted_slogans",
    "word_flags",
]


#: One pass over a string for all of :data:`BOILERPLATE_WORDS` (``any(w in s ...)`` was a
#: fifth of the phrase miner's time).
_BOILERPLATE_RE = re.compile("|".join(map(re.escape, BOILERPLATE_WORDS)))


@functools.lru_cache(maxsize=1 << 18)
def is_break_token(token: str) -> bool:
    """Whether no phrase may contain ``token``.

    Examples:
        >>> tokens = ["长效机制", "，", "xx", "2019", "三个", "小编", "的", "和"]
        >>> [is_break_token(t) for t in tokens]
        [False, True, True, True, True, True, True, False]
    """
    if token in INNER_BREAK_WORDS:
        return True
    if not HAN_RE.search(token) or not token.isalnum():
        return True  # punctuation, whitespace, Latin, digits, placeholders like xx or *
    if PLACEHOLDER_RE.search(token) or NUMBER_RE.search(token) or DATE_RE.search(token):
        return True
    return _BOILERPLATE_RE.search(token) is not None


@functools.lru_cache(maxsize=1 << 18)
def is_excluded(phrase: str) -> bool:
    """Whether a phrase string is excluded outright (also for slogans and parallel phrases).

    Excluded: single characters, placeholders, numbers and dates, web boilerplate,
    anything with Latin letters or digits.

    Examples:
        >>> [is_excluded(p) for p in ["长效机制", "xx市", "2019年", "城", "如若转载请注明出处"]]
        [False, True, True, True, True]
    """
    han = HAN_RE.findall(phrase)
    if len(han) < 2:
        return True
    if any(c.isascii() and c.isalnum() for c in phrase):
        return True
    if PLACEHOLDER_RE.search(phrase) or DATE_RE.search(phrase):
        return True
    if NUMBER_RE.search(phrase) and NUMBER_RE.fullmatch(phrase):
        return True
    return _BOILERPLATE_RE.search(phrase) is not None


@dataclass(slots=True)
class TokenStream:
    """All tokens of a corpus as integer arrays.

    Attributes:
        vocab: Token strings by id.
        ids: Token id at each position; ``-1`` for a break token (see module docstring).
            Each text unit ends with a ``-1``, so no n-gram spans two paragraphs.
        docs: Index of the document (distinct speech) of each position.
        is_stop: Per token id: may not start or end a phrase.
        is_lead: Per token id: may only start a phrase of two or more tokens (四个 in
            四个全面, see :data:`~speechkit.phrases.resources.NUMERAL_LEAD_RE`).
    """

    vocab: list[str]
    ids: np.ndarray
    docs: np.ndarray
    is_stop: np.ndarray
    is_lead: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    @property
    def n_tokens(self) -> int:
        """Number of non-break tokens."""
        return int((self.ids >= 0).sum())


def word_flags(
    words: Sequence[str], stopwords: frozenset[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per word: ``(break, stop, lead)`` flags (see :class:`TokenStream`); a lead is no break
    (的 is a break token, :data:`~speechkit.phrases.resources.INNER_BREAK_WORDS`, and a stopword).

    Examples:
        >>> [f.tolist() for f in word_flags(["长效机制", "，", "四个", "的"], frozenset(["的"]))]
        [[False, True, False, True], [False, False, False, True], [False, False, True, False]]
    """
    count = len(words)
    leads = np.fromiter((NUMERAL_LEAD_RE.match(w) is not None for w in words), bool, count)
    breaks = np.fromiter((is_break_token(w) for w in words), bool, count) & ~leads
    stops = np.fromiter((w in stopwords for w in words), bool, count)
    return breaks, stops, leads


def build_stream(
    tokenized: Iterable[tuple[int, Sequence[str]]], *, stopwords: frozenset[str]
) -> TokenStream:
    """Turn ``(doc, tokens)`` pairs (one per paragraph) into a :class:`TokenStream`."""
    vocab: dict[str, int] = {}
    raw: list[int] = []
    docs: list[int] = []
    for doc, tokens in tokenized:
        before = len(raw)
        # vocab.setdefault with len(vocab): one dict lookup per token
        raw.extend([vocab.setdefault(t, len(vocab)) for t in tokens])
        raw.append(-1)
        docs.extend([doc] * (len(raw) - before))
    words = list(vocab)
    breaks, stops, leads = word_flags(words, stopwords)
    ids = np.asarray(raw, dtype=np.int64)
    if len(words):
        ids = np.where((ids >= 0) & ~breaks[np.maximum(ids, 0)], ids, -1)
    return TokenStream(words, ids, np.asarray(docs, dtype=np.int32), stops, leads)


@dataclass(slots=True)
class NgramLevel:
    """All n-grams of one length.

    Attributes:
        n: Length in tokens.
        gram: N-gram id starting at each position of the stream, ``-1`` if none
            (the window holds a break token or runs past the end).
        counts: Occurrences of each n-gram id.
        first: First position of each n-gram id.
    """

    n: int
    gram: np.ndarray
    counts: np.ndarray
    first: np.ndarray


def count_ngrams(stream: TokenStream, max_n: int) -> list[NgramLevel]:
    """Count every n-gram of 1..``max_n`` tokens without break tokens.

    Returns:
        ``levels[n - 1]`` for each length ``n``.
    """
    ids = stream.ids
    size = len(ids)
    vocab_size = max(len(stream.vocab), 1)
    levels: list[NgramLevel] = []
    valid = ids >= 0
    positions = np.flatnonzero(valid)
    counts = np.bincount(ids[valid], minlength=len(stream.vocab))
    first = np.full(len(stream.vocab), -1, dtype=np.int64)
    # reversed assignment leaves the smallest position per id
    first[ids[positions[::-1]]] = positions[::-1]
    levels.append(NgramLevel(1, ids.copy(), counts, first))
    for n in range(2, max_n + 1):
        prev = levels[-1].gram
        span = size - n + 1
        gram = np.full(size, -1, dtype=np.int64)
        if span <= 0:
            levels.append(NgramLevel(n, gram, np.zeros(0, np.int64), np.zeros(0, np.int64)))
            continue
        head, last = prev[:span], ids[n - 1 :]
        ok = (head >= 0) & (last >= 0)
        positions = np.flatnonzero(ok)
        keys = head[positions] * vocab_size + last[positions]
        _, index, inverse, counts = np.unique(
            keys, return_index=True, return_inverse=True, return_counts=True
        )
        gram[positions] = inverse
        levels.append(NgramLevel(n, gram, counts, positions[index]))
    return levels


def _count_in_units(
    units: Iterable[tuple[int, str]], find: Callable[[str], Iterable[str]]
) -> tuple[Counter[str], dict[str, set[int]]]:
    # Gathered first, then counted in C (Counter, dict.fromkeys of (phrase, doc) pairs) and
    # checked once per distinct phrase: a dict update per occurrence was a quarter of
    # parallel_phrases' time. Keys keep their first-appearance order, as before.
    found: list[str] = []
    owners: list[int] = []
    for doc, text in units:
        before = len(found)
        found.extend(find(text))
        owners.extend([doc] * (len(found) - before))
    counts = Counter(found)
    for phrase in [p for p in counts if is_excluded(p)]:
        del counts[phrase]
    docs: dict[str, set[int]] = {phrase: set() for phrase in counts}
    for phrase, doc in dict.fromkeys(zip(found, owners, strict=True)):
        if phrase in docs:
            docs[phrase].add(doc)
    return counts, docs


def quoted_slogans(units: Iterable[tuple[int, str]]) -> tuple[Counter[str], dict[str, set[int]]]:
    """Quoted slogans “…” with their counts and documents.

    Args:
        units: ``(doc, paragraph text)`` pairs.

    Examples:
        >>> units = [(0, "营造“人人参与创城”的氛围"), (1, "坚持“人人参与创城”")]
        >>> counts, docs = quoted_slogans(units)
        >>> counts["人人参与创城"], sorted(docs["人人参与创城"])
        (2, [0, 1])
    """
    return _count_in_units(
        units, lambda text: (m.group(1).strip() for m in QUOTE_RE.finditer(text))
    )


def _is_han(char: str) -> bool:
    """``HAN_RE.match(char)`` without the regex call (the same two blocks)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


class _Boundaries:
    """Word boundaries (character offsets) of the Han runs of a text, cut on demand.

    The run around a glued unit is found by scanning back from the unit to the first non-Han
    character (a clause is a few tens of characters): listing every run of the paragraph to
    look one up was a third of this class's time, which was a quarter of a counting shard's.
    """

    def __init__(self, cut: Callable[[str], Sequence[str]]):
        self.cut = cut
        self.cache: dict[str, tuple[dict[int, int], list[str]]] = {}

    def words(self, run: str) -> tuple[dict[int, int], list[str]]:
        """The tokens of a Han run and, by character offset, the index of the token starting
        there."""
        found = self.cache.get(run)
        if found is None:
            tokens = list(self.cut(run))
            starts, at = {}, 0
            for i, token in enumerate(tokens):
                starts[at] = i
                at += len(token)
            found = self.cache[run] = (starts, tokens)
        return found

    def _word_at(self, text: str, pos: int) -> tuple[int | None, list[str], bool]:
        """``(index of the token starting at pos or None, the tokens of the run of Han
        characters containing text[pos] (or ending just before it), pos ends the run)``."""
        begin = pos
        while begin > 0 and _is_han(text[begin - 1]):
            begin -= 1
        run = HAN_RUN_RE.match(text, begin)
        assert run is not None  # text[begin] is Han: the caller found a unit there
        starts, tokens = self.words(run.group())
        return starts.get(pos - begin), tokens, pos == run.end()

    def starts_word(self, text: str, pos: int) -> bool:
        """Whether a word starts at ``text[pos]`` (inside a run of Han characters) and the
        words from there to the end of the run are no function words (物质上|的充裕)."""
        i, tokens, at_end = self._word_at(text, pos)
        if at_end:
            return True  # nothing of the run follows
        return i is not None and not any(is_break_token(t) for t in tokens[i:])

    def ends_before_function_word(
        self, text: str, pos: int, function_words: frozenset[str]
    ) -> bool:
        """Whether a word ends at ``pos`` and the next word is a function word (的, 等)."""
        i, tokens, _ = self._word_at(text, pos)
        if i is None:
            return False
        following = tokens[i]
        return len(following) == 1 or following in function_words


def parallel_phrases(
    units: Iterable[tuple[int, str]],
    *,
    cut: Callable[[str], Sequence[str]] | None = None,
    function_words: frozenset[str] = frozenset(),
) -> tuple[Counter[str], dict[str, set[int]]]:
    """Parallel four-character phrases (``万众一心、众志成城``): the whole run and each member.

    A 、 run glued to the text around it keeps its first unit only when a word starts
    there (全区上下|万众一心, not 车|辆闯红灯 — 车辆 is one word), and its last unit only
    when a word ends there and a function word follows (创建利民|的, not 改善环境|质量).
    Without ``cut`` glued end units are dropped. A run needs two units left; each unit
    counts on its own.

    Args:
        units: ``(doc, paragraph text)`` pairs.
        cut: The tokenizer's ``cut``, to find word boundaries.
        function_words: Words after which a glued last unit may end (the stopwords).

    Examples:
        >>> from speechkit.tokenize import make_tokenizer
        >>> cut = make_tokenizer("jieba").cut
        >>> text = "全区上下万众一心、众志成城，攻坚克难，真抓实干。"
        >>> counts, _ = parallel_phrases([(0, text)], cut=cut)
        >>> sorted(counts)
        ['万众一心', '万众一心、众志成城', '众志成城', '攻坚克难', '攻坚克难，真抓实干', '真抓实干']
        >>> counts, _ = parallel_phrases([(0, "查处车辆闯红灯、违章停车、随意调头等行为")], cut=cut,
        ...                              function_words=frozenset(["等"]))
        >>> sorted(counts)
        ['违章停车', '违章停车、随意调头', '随意调头']
    """
    bounds = _Boundaries(cut) if cut is not None else None

    def find(text: str) -> Iterable[str]:
        for match in PARALLEL_RE.finditer(text):
            if match.group(2):
                run = match.group(2).replace(",", "，")
                yield run
                yield from run.split("，")
                continue
            start, end = match.span(1)
            members = match.group(1).split("、")
            glued_start = start > 0 and _is_han(text[start - 1])
            if glued_start and (bounds is None or not bounds.starts_word(text, start)):
                members = members[1:]
            glued_end = end < len(text) and _is_han(text[end])
            if glued_end and (
                bounds is None or not bounds.ends_before_function_word(text, end, function_words)
            ):
                members = members[:-1]
            if len(members) >= 2:
                yield "、".join(members)
            yield from members

    return _count_in_units(units, find)
