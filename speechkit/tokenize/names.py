"""Whether a token names a particular place or person: one test for drafting and phrase mining.

A folder of 范文 from many cities names their cities, districts, villages and officials; a
phrase with such a name (品质焦作) is one city's, not the genre's, and a draft sentence with
one names a place the profile does not give. jieba's POS tags alone do not tell: it tags
common words as names (城市 ns, 文明 nr, 印发 nz) and misses names (焦作 is ``n``).

:class:`NameTest` asks first that a token be **rare in the corpus**: in at most
``max(3, n_docs // 10)`` distinct speeches (a genre word recurs across cities, a city's name
stays in its own speeches). Then any one of these makes it a name (tables in
:mod:`speechkit.tokenize.resources`):

1. **tags + background IDF**: a person tag (nr/nrt/nrfg), 2–3 characters, IDF in general
   Chinese >= ``NAME_MIN_IDF`` (not 文明, 道德) and a surname first or unknown to jieba's
   dictionary (黄伟, 国昌); or a place tag ns of at most 5 characters with IDF >=
   ``PLACE_MIN_IDF`` (濮阳, 大连市; not 城市, 东西);
2. **dictionary**: jieba's dictionary lists the token with a place suffix
   (``PLACE_DICT_SUFFIXES``) and either tags it ns/nz (北京 -> 北京市, 广元 -> 广元市) or
   also lists its people, T+人 (焦作, tagged n -> 焦作市, 焦作人);
3. **place context**: the corpus writes it before 市/县/区/省/镇 and either jieba tags that
   whole word ns or the token is unknown to the dictionary or tagged as a name
   (大连市 -> 大连, 马村区 -> 马村);
4. **person context**: the corpus writes it before a title (同志, 书记, 市长 …), it has 2–3
   characters, a surname first, and is unknown to the dictionary or tagged nr (刘航同志).

Common words jieba tags as names (``GENERIC_NAMES``) and the caller's genre words are never
names. The test errs towards calling a rare token a name: a draft then drops a sentence it
could have kept and the phrase miner a phrase of one or two speeches, both cheap; a leaked
name is not.

Examples:
    >>> from speechkit.tokenize import make_tokenizer
    >>> test = NameTest(make_tokenizer("jieba"), {"焦作": 2, "城市": 15}, 20,
    ...                 text="学习山阳区经验，建设品质焦作。")
    >>> test("焦作"), test("城市"), test("品质")
    (True, False, False)
    >>> test.reason("焦作"), test.reason("山阳", "n")  # "n": its tag in the caller's text
    ('dictionary', 'place-context')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

from speechkit.tokenize.base import Tokenizer
from speechkit.tokenize.resources import (
    GENERIC_NAMES,
    NAME_MIN_IDF,
    PERSON_TAGS,
    PERSON_TITLES,
    PLACE_CONTEXT_SUFFIXES,
    PLACE_DICT_SUFFIXES,
    PLACE_MIN_IDF,
    PLACE_TAGS,
    SURNAMES,
)

__all__ = [
    "CONTEXT_FOLLOWERS",
    "NameTest",
    "jieba_dictionary",
    "jieba_idf",
    "name_contexts",
    "rare_limit",
]

_HAN = re.compile(r"[\u4e00-\u9fff]+")
#: The Han characters that end a string (the end of the text before a follower).
_HAN_TAIL = re.compile(r"[\u4e00-\u9fff]+$")

#: The words whose preceding characters the context rules (3, 4) look at.
CONTEXT_FOLLOWERS: tuple[str, ...] = PLACE_CONTEXT_SUFFIXES + PERSON_TITLES
#: The word of each ``word freq tag`` line of jieba's dictionary.
_FIRST_FIELD = re.compile(r"^[^ \n]+", re.MULTILINE)


def name_contexts(
    texts: Iterable[str], followers: Sequence[str] = CONTEXT_FOLLOWERS
) -> dict[str, set[str]]:
    """The 2–4 Han characters before each occurrence of each follower: what the context rules
    (3, 4) of :class:`NameTest` look up.

    Only Han strings are kept: a token the rules test is 2–4 Han characters, so the rest
    could never match. A set per text is the set of the texts joined (a string crossing the
    join is not all Han), so map tasks can gather them a shard at a time and the union of the
    shards' sets is the corpus's, without the corpus text in one string.

    Examples:
        >>> found = name_contexts(["学习大连市经验", "张伟书记"], ("市", "书记"))
        >>> sorted(found["市"]), sorted(found["书记"])
        (['习大连', '大连', '学习大连'], ['张伟'])
    """
    found: dict[str, set[str]] = {follower: set() for follower in followers}
    for text in texts:
        for follower in followers:
            start = text.find(follower)
            if start == -1:
                continue
            add = found[follower].add
            while start != -1:
                window = text[max(0, start - 4) : start]
                if not _HAN.fullmatch(window):  # most windows are all Han: no search then
                    tail = _HAN_TAIL.search(window)
                    window = tail.group() if tail is not None else ""
                for k in range(2, len(window) + 1):
                    add(window[-k:])
                start = text.find(follower, start + 1)
    return found


def rare_limit(n_docs: int) -> int:
    """Most speeches a name may occur in: ``max(3, n_docs // 10)``.

    Examples:
        >>> rare_limit(19), rare_limit(200)
        (3, 20)
    """
    return max(3, n_docs // 10)


@functools.cache
def jieba_dictionary() -> frozenset[str]:
    """Words of jieba's main dictionary (``jieba/dict.txt``, ~349 000; empty when unreadable)."""
    try:
        import jieba

        with jieba.get_dict_file() as fh:
            data = fh.read().decode("utf-8")
    except Exception:  # no dictionary: the rules that need it simply never fire
        return frozenset()
    return frozenset(_FIRST_FIELD.findall(data))


@functools.cache
def jieba_idf() -> dict[str, float]:
    """jieba's IDF table of general Chinese (``jieba/analyse/idf.txt``; empty when missing)."""
    try:
        import jieba

        path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
        text = path.read_text(encoding="utf-8")
    except Exception:  # no table: the IDF checks let every token through
        return {}
    idf: dict[str, float] = {}
    for line in text.splitlines():
        word, _, value = line.partition(" ")
        if value:
            idf[word] = float(value)
    return idf


class NameTest:
    """Decide whether a token is a particular place or person name (see module docstring).

    Args:
        tokenizer: Gives the POS tag of a token looked at alone (when the caller has none).
        doc_freq: Document frequency of tokens over distinct speeches (a repeated speech
            counted once); tokens missing count as 0.
        n_docs: Number of distinct speeches.
        text: The corpus text, searched for the place and person contexts (rules 3, 4);
            empty skips them (unless ``contexts`` are given).
        idf: Background IDF of general Chinese; default jieba's table (:func:`jieba_idf`).
        dictionary: Words of the general dictionary; default jieba's (:func:`jieba_dictionary`).
        exclude: Words that are never names (the genre's user-dictionary words).
        min_docs: Below this many speeches, rarity says nothing and no token is a name.
        contexts: What precedes each of :data:`CONTEXT_FOLLOWERS` in the corpus
            (:func:`name_contexts`, e.g. gathered shard by shard), instead of ``text``.

    Calls are cached per ``(token, tag)``.
    """

    def __init__(
        self,
        tokenizer: Tokenizer,
        doc_freq: Mapping[str, int],
        n_docs: int,
        *,
        text: str = "",
        idf: Mapping[str, float] | None = None,
        dictionary: Collection[str] | None = None,
        exclude: Iterable[str] = (),
        min_docs: int = 0,
        contexts: Mapping[str, Collection[str]] | None = None,
    ):
        self.tokenizer = tokenizer
        self.doc_freq = doc_freq
        self.text = text
        self.idf = idf if idf is not None else jieba_idf()
        self.dictionary = dictionary if dictionary is not None else jieba_dictionary()
        self.exclude = GENERIC_NAMES | frozenset(exclude)
        self.rare = rare_limit(n_docs)
        self.active = n_docs >= min_docs
        self._cache: dict[tuple[str, str | None], str | None] = {}
        self._preceding: dict[str, Collection[str]] = dict(contexts or {})
        self._has_contexts = bool(text) or contexts is not None

    def __call__(self, token: str, tag: str | None = None) -> bool:
        """Whether ``token`` is a name; ``tag`` is its POS tag in context (else tagged alone)."""
        return self.reason(token, tag) is not None

    def reason(self, token: str, tag: str | None = None) -> str | None:
        """Which rule makes ``token`` a name: ``"tag"``, ``"dictionary"``, ``"place-context"``,
        ``"person-context"``, or ``None`` when it is not one."""
        key = (token, tag)
        if key not in self._cache:
            self._cache[key] = self._test(token, tag)
        return self._cache[key]

    # -------------------------------------------------------------------- rules

    def _tag_of(self, word: str) -> str:
        pairs = self.tokenizer.pos(word)
        return pairs[0][1] if len(pairs) == 1 else ""

    def _followed_by(self, token: str, follower: str) -> bool:
        """Whether ``token + follower`` occurs in the corpus text (``len(token)`` 2–4).

        One pass per follower collects the 2–4 characters before each of its occurrences
        (:func:`name_contexts`; given as ``contexts``, none); a substring search per token
        instead took 1.1 s of a 2.0 s model build on the bundled corpus.
        """
        preceding = self._preceding.get(follower)
        if preceding is None:
            found = name_contexts([self.text], (follower,))[follower]
            preceding = self._preceding[follower] = frozenset(found)
        return token in preceding

    def _is_rare(self, token: str) -> bool:
        return self.doc_freq.get(token, 0) <= self.rare

    def _test(self, token: str, tag: str | None) -> str | None:
        if not self.active or len(token) < 2 or token in self.exclude:
            return None
        if not _HAN.fullmatch(token) or not self._is_rare(token):
            return None
        if tag is None:
            tag = self._tag_of(token)
        idf = self.idf.get(token, NAME_MIN_IDF)  # unknown to the table: rare in general
        known = token in self.dictionary
        if tag in PERSON_TAGS:
            if len(token) <= 3 and idf >= NAME_MIN_IDF and (token[0] in SURNAMES or not known):
                return "tag"
        elif tag == "ns" and len(token) <= 5 and idf >= PLACE_MIN_IDF:
            return "tag"
        with_suffix = any(token + s in self.dictionary for s in PLACE_DICT_SUFFIXES)
        if with_suffix and (tag in PLACE_TAGS or token + "人" in self.dictionary):
            return "dictionary"
        if not self._has_contexts or len(token) > 4:
            return None
        name_tagged = tag in PERSON_TAGS or tag in PLACE_TAGS
        for suffix in PLACE_CONTEXT_SUFFIXES:
            word = token + suffix
            if (
                self._followed_by(token, suffix)
                and self._is_rare(word)
                and (not known or name_tagged or self._tag_of(word) == "ns")
            ):
                return "place-context"
        person_like = token[0] in SURNAMES and (not known or tag in PERSON_TAGS)
        if (
            len(token) <= 3
            and person_like
            and any(self._followed_by(token, title) for title in PERSON_TITLES)
        ):
            return "person-context"
        return None
