"""jieba, the reference tokenizer backend."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import jieba
import jieba.posseg

from speechkit.tokenize.base import BackendBase
from speechkit.types import PathLike

# jieba logs "Building prefix dict..." on every first use; keep the CLI quiet.
jieba.setLogLevel(logging.WARNING)

__all__ = ["JiebaTokenizer"]


class JiebaTokenizer(BackendBase):
    """jieba with a private dictionary (a ``jieba.Tokenizer`` instance, not the global one).

    Args:
        user_dicts: Extra user-dictionary files (``word [freq] [tag]`` per line).
        domain_dict: Load the bundled domain dictionary ``speechkit/data/userdict.txt``.

    Examples:
        >>> tok = JiebaTokenizer()
        >>> tok.cut("创建全国文明城市长效机制")
        ['创建', '全国文明城市', '长效机制']
    """

    name = "jieba"

    def __init__(self, *, user_dicts: Iterable[PathLike] = (), domain_dict: bool = True):
        self._tok = jieba.Tokenizer()
        self._pos = jieba.posseg.POSTokenizer(self._tok)
        self._load_words(user_dicts, domain_dict=domain_dict)

    def _cut(self, text: str) -> list[str]:
        return self._tok.lcut(text, HMM=True)

    def _tag(self, text: str) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self._pos.lcut(text, HMM=True)]

    def add_word(self, word: str, *, freq: int | None = None, tag: str | None = None) -> None:
        self._tok.add_word(word, freq=freq, tag=tag)
        if tag is not None:
            self._pos.word_tag_tab[word] = tag
