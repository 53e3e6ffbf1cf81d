r"""Scoring phrase candidates with corpus statistics.

For a candidate phrase *p* in a corpus of *D* distinct speeches (a speech
repeated verbatim counts once) with *N* tokens::

    score(p) = log2(1 + docs) · log2(1 + count) · S(p)² · L(p) · B(p) · C(p) · A(p) · G(p)

- ``count``, ``docs``: occurrences of *p* in the distinct speeches and the number
  of distinct speeches containing it (the figures reported with each phrase).
- ``S`` specificity against general Chinese:
  ``min(5, max(0, idf_bg(p) + ln(docs / D) − ln 50))``, the log ratio of the share of
  speeches containing *p* here to the share of documents containing it in general
  Chinese (``e^−idf_bg``), minus ln 50: a phrase must be at least 50 times more
  common in these speeches than in general text to score at all, which removes 城市,
  工作, 我们. ``S`` enters squared so that specificity outweighs sheer frequency
  (创建, 文明 are frequent, not specific), and saturates at 5 (a lift of ~7400): past
  that, being rarer in general Chinese does not make a better 提法 — without the cap
  every word unknown to the background (scored at its median IDF) beat 长效机制.
  ``idf_bg`` is jieba's bundled IDF table (``jieba/analyse/idf.txt``); for a phrase
  not listed, the largest IDF of its content tokens (a phrase is at least as rare
  as its rarest word), with jieba's median IDF for unknown words, as ``jieba.analyse`` does.
- ``L`` length: ``log2(characters) / 2`` — 1 for four characters, the typical
  length of a 提法, 0.5 for two-character words.
- ``B`` boundary freedom: ``min(1, min(H_left, H_right) / ln 3)`` where ``H_left``
  and ``H_right`` are the entropies of the tokens just before and after *p*
  (each paragraph or punctuation boundary counts as a distinct neighbour). A
  fragment of a longer expression (文明实践 inside 新时代文明实践) has one
  dominant neighbour and a low entropy.
- ``C`` cohesion, for phrases of two or more tokens: ``min(1, PMI_min / ln 4)``
  with ``PMI_min = min over split points of ln(f(p)·N / (f(a)·f(b)))``; a phrase
  whose parts co-occur no more often than chance scores 0. Single tokens: 1.

- ``A`` common-and-even demotion (:func:`common_even_factor`): ``1 − k · e²`` with
  ``k = min(1, max(0, (10 − idf_bg) / 3))`` (how common the phrase is in general
  Chinese) and ``e = 1 − DP`` (:func:`evenness`: Gries's deviation of proportions
  over the speeches). An administrative name or general word that every speech uses
  in proportion to its length (市委, 市政府, 社区) loses up to all of its score; a
  phrase rare in general Chinese (idf_bg ≥ 10: 背街小巷) is never touched. Applied in
  the exact stage (the shortlist is by token statistics).
- ``G`` genre contrast (:func:`genre_factor`), only when one genre is ranked against the
  others of the corpus (``PhraseConfig.genre``, :mod:`speechkit.phrases.genres`):
  ``1 − 0.5 · min(1, r_out / r_in)``, ``r_in`` the share of the genre's speeches that
  contain *p*, ``r_out`` that of the other genres' speeches; otherwise 1. Applied in the
  exact stage. On the bundled evaluation neither ``A`` nor ``G`` separates the generic
  predicates 全力以赴, 坚定不移 (background IDF 9.4, 9.0; ``e`` 0.29, 0.39) from list items
  such as 长效机制 (9.0, 0.39): see the README's phrase-quality notes.

Quoted slogans and parallel four-character phrases are delimited by the writer,
so their ``B`` and ``C`` are 1 — also for a token n-gram that occurs as such a unit
in at least ``min_docs`` speeches (创建为民 in 创建为民、创建惠民). Generic predicates
— phrases whose parts are all verbs, adjectives or adverbs and, unless the phrase
is a single word, all among the ~8 800 commonest words of general Chinese (深入开展,
紧紧围绕, 督查; :mod:`speechkit.phrases.generic`) — score 0: they say how to act, not
what. A phrase is dropped when a longer phrase in the
list covers at least 90 % of its occurrences (测评体系 when it almost always
appears as 全国文明城市测评体系). A parallel run (社会公德、职业道德、家庭美德) whose parts
also occur outside it is replaced by its parts before that check; a run whose parts never
occur without it (党政同责、一岗双责) stays whole. A numeral + 个 token (四个) may lead a
phrase of two or more tokens (四个现代化) though numbers otherwise break phrases.

Word-order variants — phrases with the same content words (创建全国文明城市,
全国文明城市创建) — are merged into the most frequent surface form; the group is
scored with its members' combined count and speeches, while ``count`` and ``docs``
stay those of the surface form (the others are listed as ``variants``). Finally
the ranking is greedy (:func:`diverse_order`): each phrase's score is multiplied by
``R = 1 − 0.6 · r²``, where ``r`` is the largest share of its content characters
contained in a better-ranked phrase, so a family built on the same words
(全国文明城市, 文明城市 after 创建全国文明城市) does not fill the top of the list.
The reported score is ``score · R``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from speechkit.phrases.candidates import NgramLevel, TokenStream

__all__ = [
    "BOUNDARY_FULL",
    "COHESION_FULL",
    "GENRE_DAMPING",
    "MIN_LIFT",
    "REDUNDANCY_DAMPING",
    "SPECIFICITY_FULL",
    "Features",
    "background_idf_of",
    "cohesion_factor",
    "diverse_order",
    "drop_subsumed",
    "freedom_factor",
    "genre_factor",
    "group_variants",
    "length_factor",
    "ngram_features",
    "phrase_score",
    "redundancy",
    "specificity",
]

#: ``S`` starts above a lift of 50 (ln 50 nats) over general Chinese.
MIN_LIFT = math.log(50)
#: ``B`` is full at the entropy of three equally likely neighbours.
BOUNDARY_FULL = math.log(3)
#: ``C`` is full when the parts co-occur four times more often than chance.
COHESION_FULL = math.log(4)
#: ``S`` saturates here (nats above ``MIN_LIFT``): a lift of 50·e⁵ ≈ 7400 over general
#: Chinese is "clearly of the genre"; beyond it, rarer in general text is not better.
SPECIFICITY_FULL = 5.0
#: Background IDF from which a phrase counts as not common in general Chinese
#: (:func:`common_even_factor`).
COMMON_IDF = 10.0
#: ``G``: a phrase used as much in the other genres as in its own keeps ``1 − 0.5`` of its score.
GENRE_DAMPING = 0.5
#: ``R``: a phrase whose content words are all part of a better-ranked phrase keeps
#: ``1 − 0.6`` of its score (less damping for a partial overlap: the share enters squared).
REDUNDANCY_DAMPING = 0.6


@dataclass(slots=True)
class Features:
    """Statistics of the token n-gram candidates of one length (arrays aligned by candidate).

    Attributes:
        n: Length in tokens.
        tokens: ``(k, n)`` token ids.
        count: Occurrences as a token sequence.
        docs: Distinct documents containing it.
        left_entropy, right_entropy: Branching entropies (nats).
        cohesion: Minimum PMI over binary splits (nats); ``inf`` for single tokens.
    """

    n: int
    tokens: np.ndarray
    count: np.ndarray
    docs: np.ndarray
    left_entropy: np.ndarray
    right_entropy: np.ndarray
    cohesion: np.ndarray


def _grouped_entropy(gram: np.ndarray, neighbour: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Entropy of the neighbours of each gram id; a boundary (``neighbour < 0``) is a distinct
    neighbour each time, contributing ``(1/f) ln f``, i.e. nothing to the ``Σ c ln c`` term."""
    keep = neighbour >= 0
    base = int(neighbour.max(initial=0)) + 1
    uniq, pair_counts = np.unique(gram[keep] * base + neighbour[keep], return_counts=True)
    clog = pair_counts * np.log(pair_counts)
    s = np.bincount(uniq // base, weights=clog, minlength=len(counts))
    f = counts.astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = np.log(f) - s / f
    return np.where(f > 0, h, 0.0)


def ngram_features(
    stream: TokenStream, levels: Sequence[NgramLevel], *, min_count: int, min_docs: int
) -> list[Features]:
    """Features of the n-grams that may be phrases.

    A candidate has no stop token at either end, at least ``min_count``
    occurrences and occurs in at least ``min_docs`` documents.
    """
    ids, docs = stream.ids, stream.docs
    size = len(ids)
    total = max(stream.n_tokens, 1)
    n_docs = int(docs.max(initial=0)) + 1
    result: list[Features] = []
    for level in levels:
        n = level.n
        if len(level.counts) == 0:
            continue
        first = level.first
        lead = stream.is_lead if len(stream.is_lead) else np.zeros(len(stream.is_stop), bool)
        cand = (
            (level.counts >= min_count)
            & (~stream.is_stop[ids[first]] | lead[ids[first]])
            & ~stream.is_stop[ids[first + n - 1]]
            & ~lead[ids[first + n - 1]]
        )
        if not cand.any():
            continue
        gram = level.gram
        pos = np.flatnonzero((gram >= 0) & cand[np.maximum(gram, 0)])
        g = gram[pos]
        pairs = np.unique(g * n_docs + docs[pos])
        df = np.bincount(pairs // n_docs, minlength=len(level.counts))
        cand &= df >= min_docs
        sel = np.flatnonzero(cand)
        if len(sel) == 0:
            continue
        keep = cand[g]
        pos, g = pos[keep], g[keep]
        left = np.where(pos > 0, ids[np.maximum(pos - 1, 0)], -1)
        right = np.where(pos + n < size, ids[np.minimum(pos + n, size - 1)], -1)
        h_left = _grouped_entropy(g, left, level.counts)[sel]
        h_right = _grouped_entropy(g, right, level.counts)[sel]
        starts = first[sel]
        f_ab = level.counts[sel].astype(np.float64)
        cohesion = np.full(len(sel), np.inf)
        for k in range(1, n):
            f_a = levels[k - 1].counts[levels[k - 1].gram[starts]]
            f_b = levels[n - k - 1].counts[levels[n - k - 1].gram[starts + k]]
            pmi = np.log(f_ab * total / (f_a.astype(np.float64) * f_b))
            cohesion = np.minimum(cohesion, pmi)
        tokens = np.stack([ids[starts + j] for j in range(n)], axis=1)
        result.append(Features(n, tokens, level.counts[sel], df[sel], h_left, h_right, cohesion))
    return result


def background_idf_of(
    phrase: str, content_tokens: Sequence[str], idf: dict[str, float], median: float
) -> float:
    """Background IDF of a phrase: its own jieba IDF, else that of its rarest content token.

    Examples:
        >>> background_idf_of("创建为民", ["创建", "为民"], {"创建": 6.9, "为民": 8.5}, 11.9)
        8.5
        >>> background_idf_of("创城", ["创城"], {}, 11.9)
        11.9
    """
    if phrase in idf:
        return idf[phrase]
    # no content token (全面推进: two function words): nothing specific about it
    return max((idf.get(t, median) for t in content_tokens), default=0.0)


def specificity(idf_bg: float, docs: int, n_docs: int, *, full: float = SPECIFICITY_FULL) -> float:
    """``S = min(full, max(0, idf_bg + ln(docs / D) − ln 50))`` (squared in :func:`phrase_score`).

    Examples:
        >>> round(specificity(8.98, 8, 21), 2)  # 长效机制 in 8 of 21 speeches
        4.1
        >>> specificity(11.95, 8, 21)  # unknown to the background: saturated
        5.0
        >>> specificity(3.39, 30, 34)  # 我们: common in general Chinese
        0.0
    """
    if docs <= 0 or n_docs <= 0:
        return 0.0
    return min(full, max(0.0, idf_bg + math.log(docs / n_docs) - MIN_LIFT))


def evenness(docs: Sequence[int] | Mapping[int, int], chars: Sequence[int]) -> float:
    """``1 − DP``: how evenly occurrences spread over the speeches, by their length.

    DP is Gries's deviation of proportions, ``½ Σ_d |share of occurrences in d − share of
    text in d|``: 0 when every speech uses the phrase in proportion to its length, near 1
    when one short speech holds them all.

    Args:
        docs: The speech of each occurrence, or the occurrences in each speech.
        chars: Characters of each speech.

    Examples:
        >>> evenness([0, 1, 2, 3], [10, 10, 10, 10]), evenness([0, 0, 0, 0], [10, 10, 10, 10])
        (1.0, 0.25)
        >>> evenness({0: 4}, [10, 10, 10, 10])
        0.25
    """
    hits = Counter(docs) if not isinstance(docs, Mapping) else docs
    total, size = sum(hits.values()), sum(chars)
    if not total or not size:
        return 0.0
    dp = sum(abs(hits.get(d, 0) / total - n / size) for d, n in enumerate(chars)) / 2
    return 1.0 - dp


def common_even_factor(idf_bg: float, even: float) -> float:
    """``A = 1 − k · e²``: demotes words common in general Chinese that every speech uses.

    ``k = min(1, max(0, (COMMON_IDF − idf_bg) / 3))`` is how common the phrase is in
    general Chinese (1 at jieba IDF ≤ 7: 市委 7.5, 社区 7.7, 基础设施 7.3; 0 from
    ``COMMON_IDF`` = 10 up: 背街小巷, 齐抓共管) and ``e`` its :func:`evenness`. An
    administrative name or general word spread over all speeches (市委: k 0.83, e 0.69)
    keeps 60 % of its score; a genre term is untouched whatever its spread.

    Examples:
        >>> round(common_even_factor(7.5, 0.69), 2), common_even_factor(12.0, 0.9)
        (0.6, 1.0)
    """
    k = min(1.0, max(0.0, (COMMON_IDF - idf_bg) / 3))
    return 1.0 - k * even * even


def genre_factor(
    docs_in: int, n_in: int, docs_out: int, n_out: int, *, damping: float = GENRE_DAMPING
) -> float:
    """``G = 1 − λ · min(1, r_out / r_in)``: contrast of the ranked genre with the others.

    ``r_in = docs_in / n_in`` is the share of the ranked genre's speeches that contain the
    phrase, ``r_out = docs_out / n_out`` the share of the other genres' speeches; ``λ`` is
    :data:`GENRE_DAMPING`. A phrase of this genre only keeps its score; one used as much in
    every kind of speech (全力以赴, 坚定不移) loses ``λ`` of it. No other genre: ``G = 1``.

    Examples:
        >>> genre_factor(6, 21, 0, 8), genre_factor(6, 21, 3, 8), genre_factor(6, 21, 1, 8)
        (1.0, 0.5, 0.78125)
    """
    if n_out <= 0 or n_in <= 0 or docs_in <= 0:
        return 1.0
    return 1.0 - damping * min(1.0, (docs_out / n_out) / (docs_in / n_in))


def length_factor(phrase: str) -> float:
    """``L = log2(characters) / 2``.

    Examples:
        >>> length_factor("长效机制"), length_factor("创建")
        (1.0, 0.5)
    """
    return math.log2(max(len(phrase), 1)) / 2


def freedom_factor(left_entropy: float, right_entropy: float) -> float:
    """``B = min(1, min(H_left, H_right) / ln 3)``."""
    return min(1.0, max(0.0, min(left_entropy, right_entropy)) / BOUNDARY_FULL)


def cohesion_factor(pmi: float) -> float:
    """``C = min(1, PMI_min / ln 4)``; 1 for single tokens (``pmi = inf``)."""
    return min(1.0, max(0.0, pmi) / COHESION_FULL)


def phrase_score(
    *, count: int, docs: int, specificity: float, length: float, freedom: float, cohesion: float
) -> float:
    """``log2(1 + docs) · log2(1 + count) · S² · L · B · C``.

    Examples:
        >>> round(phrase_score(count=17, docs=9, specificity=3.0, length=1.0, freedom=1.0,
        ...                    cohesion=1.0), 2)
        124.67
    """
    return math.log2(1 + docs) * math.log2(1 + count) * specificity**2 * length * freedom * cohesion


def drop_subsumed(
    phrases: Sequence[str], counts: Sequence[int], *, coverage: float = 0.9
) -> list[bool]:
    """Mark the phrases to keep: a phrase is dropped when a longer phrase of the list
    contains it and accounts for at least ``coverage`` of its occurrences.

    Args:
        phrases: Phrase strings.
        counts: Their occurrence counts (substring counts in the same text).
        coverage: Share of occurrences a longer phrase must cover.

    Returns:
        ``keep`` flags aligned with ``phrases``.

    Examples:
        >>> drop_subsumed(["测评体系", "全国文明城市测评体系", "长效机制"], [10, 9, 17])
        [False, True, True]
    """
    keep = [True] * len(phrases)
    order = sorted(range(len(phrases)), key=lambda i: len(phrases[i]), reverse=True)
    for pos, i in enumerate(order):
        short, short_count = phrases[i], counts[i]
        if short_count <= 0:
            continue
        for j in order[:pos]:
            longer = phrases[j]
            if len(longer) > len(short) and short in longer:
                covered = counts[j] * longer.count(short)
                if covered >= coverage * short_count:
                    keep[i] = False
                    break
    return keep


def group_variants(keys: Sequence[Hashable], counts: Sequence[int]) -> list[int]:
    """The representative of each phrase among its variants (phrases with equal ``keys``).

    A variant says the same thing with its words in another order (创建全国文明城市,
    全国文明城市创建: the key is the sorted tuple of content words). The most frequent
    surface form represents the group (ties: the first).

    Returns:
        For each phrase, the index of its group's representative.

    Examples:
        >>> group_variants([("a", "b"), ("c",), ("a", "b")], [3, 5, 7])
        [2, 1, 2]
    """
    best: dict[Hashable, int] = {}
    for i, key in enumerate(keys):
        j = best.get(key)
        if j is None or counts[i] > counts[j]:
            best[key] = i
    return [best[key] for key in keys]


def redundancy(cores: Sequence[str], other: str) -> float:
    """Share of a phrase's content characters already said by ``other``: the summed length of
    its content words (``cores``) that occur in ``other``, over their total length.

    Examples:
        >>> redundancy(["文明城市"], "创建全国文明城市")
        1.0
        >>> redundancy(["全国文明城市", "测评体系"], "创建全国文明城市")
        0.6
        >>> redundancy(["背街小巷"], "创建全国文明城市")
        0.0
    """
    total = sum(len(c) for c in cores)
    if total == 0:
        return 0.0
    return sum(len(c) for c in cores if c in other) / total


def diverse_order(
    scores: Sequence[float],
    phrases: Sequence[str],
    cores: Sequence[Sequence[str]],
    *,
    damping: float = REDUNDANCY_DAMPING,
) -> list[tuple[int, float]]:
    """Greedy ranking that damps a family of phrases built on the same words.

    Repeatedly takes the phrase of highest *damped* score
    ``score · (1 − damping · max_q redundancy(p, q)²)`` over the phrases ``q`` already taken
    (maximal marginal relevance, Carbonell & Goldstein 1998). So 全国文明城市 after
    创建全国文明城市 keeps 40 % of its score, 全国文明城市测评体系 (60 % said before) 78 %,
    背街小巷 all of it. Damped scores
    only fall as phrases are taken, so the result is sorted by damped score.

    Returns:
        ``(index, damped score)`` for every phrase, best first; ties by index.

    Examples:
        >>> phrases = ["创建全国文明城市", "全国文明城市", "背街小巷"]
        >>> cores = [["创建", "全国文明城市"], ["全国文明城市"], ["背街小巷"]]
        >>> order = diverse_order([10.0, 9.0, 8.0], phrases, cores)
        >>> [(i, round(s, 1)) for i, s in order]
        [(0, 10.0), (2, 8.0), (1, 3.6)]
    """
    worst = [0.0] * len(scores)
    left = set(range(len(scores)))
    order: list[tuple[int, float]] = []
    while left:
        best = min(left, key=lambda i: (-scores[i] * (1 - damping * worst[i]), i))
        left.discard(best)
        order.append((best, scores[best] * (1 - damping * worst[best])))
        for i in left:
            if worst[i] < 1.0:
                worst[i] = max(worst[i], redundancy(cores[i], phrases[best]) ** 2)
    return order
