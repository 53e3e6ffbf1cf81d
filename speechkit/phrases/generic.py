"""Generic predicates: phrases that say *how* to act (深入开展, 紧紧围绕), not *what* — not 提法.

A 提法 names something (长效机制, 背街小巷, 测评体系) or is a fixed four-character
formula (齐抓共管, 真抓实干). Official prose is also full of adverb + verb
combinations (广泛开展, 紧紧围绕, 切实增强) and bare verbs (督查, 凝聚) that occur in
every speech of every genre; their specificity against general Chinese is high only
because the background is not official prose. They are told apart by their parts:

- every part is a predicate word — jieba's dictionary tags it verb, verbal noun,
  adjective or adverb (:data:`~speechkit.phrases.resources.PREDICATE_TAGS`), except an
  adjective before a verbal noun, a noun phrase (美好生活) — and
- either the phrase is a single word, or every part is among the commonest words
  of general Chinese (IDF below :data:`~speechkit.phrases.resources.GENERIC_MAX_IDF`):
  推诿扯皮 (推诿 9.7, 扯皮 10.6) and 创建为民 (为民 8.5) stay, 深入开展 (6.4, 6.0) goes.

A token the dictionary lists whole (深入开展 is one jieba word, tagged ``i``) is
split into two dictionary words when it can be (深入 + 开展), because jieba's tags
of such entries are unreliable (广泛开展 ``nr``, 大力开展 ``nt``). Words of the genre
dictionaries are never generic.
"""

from __future__ import annotations

from collections.abc import Sequence

from speechkit.phrases.resources import GENERIC_MAX_IDF, PREDICATE_TAGS
from speechkit.tokenize import Tokenizer

__all__ = ["GenericTest", "sub_words"]


def sub_words(token: str, idf: dict[str, float]) -> list[str]:
    """``token`` as two dictionary words of two or more characters, else ``[token]``.

    The most balanced split whose halves are both in ``idf`` (a dictionary of general
    Chinese) is taken.

    Examples:
        >>> idf = {"深入": 6.4, "开展": 6.0, "长效": 9.7, "机制": 6.0}
        >>> sub_words("深入开展", idf), sub_words("齐抓共管", idf), sub_words("长效", idf)
        (['深入', '开展'], ['齐抓共管'], ['长效'])
    """
    if len(token) < 4:
        return [token]
    half = len(token) // 2
    for cut in sorted(range(2, len(token) - 1), key=lambda k: (abs(k - half), k)):
        if token[:cut] in idf and token[cut:] in idf:
            return [token[:cut], token[cut:]]
    return [token]


class GenericTest:
    """Whether a phrase (given as its content tokens) is a generic predicate.

    Examples:
        >>> from speechkit.tokenize import make_tokenizer
        >>> from speechkit.phrases.resources import background_idf
        >>> test = GenericTest(make_tokenizer("jieba"), background_idf()[0], frozenset())
        >>> [test(t) for t in (["深入开展"], ["督查"], ["长效机制"], ["推诿扯皮"], ["齐抓共管"])]
        [True, True, False, False, False]
    """

    def __init__(self, tokenizer: Tokenizer, idf: dict[str, float], genre_words: frozenset[str]):
        self.tokenizer, self.idf, self.genre_words = tokenizer, idf, genre_words
        self.cache: dict[str, tuple[str, bool]] = {}

    def _word(self, word: str) -> tuple[str, bool]:
        """``(predicate tag or "", is among the commonest words)``."""
        found = self.cache.get(word)
        if found is None:
            tags = self.tokenizer.pos(word)
            tag = tags[0][1] if len(tags) == 1 and word not in self.genre_words else ""
            found = self.cache[word] = (
                tag if tag in PREDICATE_TAGS else "",
                self.idf.get(word, 99.0) < GENERIC_MAX_IDF,
            )
        return found

    def __call__(self, content: Sequence[str]) -> bool:
        parts = [
            part
            for token in content
            for part in ([token] if token in self.genre_words else sub_words(token, self.idf))
        ]
        if not parts:
            return False
        flags = [self._word(p) for p in parts]
        if not all(tag for tag, _ in flags):
            return False
        if len(flags) > 1 and flags[-1][0] == "vn" and flags[-2][0] == "a":
            return False  # adjective + verbal noun is a noun phrase: 美好生活
        return len(parts) == 1 or all(common for _, common in flags)
