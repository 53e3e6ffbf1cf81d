"""jieba, the reference tokenizer backend."""

from __future__ import annotations

import logging
from pathlib import Path

import jieba
import jieba.posseg

# jieba logs "Building prefix dict..." on every first use; keep the CLI quiet.
jieba.setLogLevel(logging.WARNING)


class JiebaTokenizer:
    """jieba with a private dictionary (a ``jieba.Tokenizer`` instance, not the global one).

    Args:
        user_dicts: Extra jieba user-dictionary files (``word [freq] [tag]`` per line).

    Examples:
        >>> tok = JiebaTokenizer()
        >>> tok.cut("创建全国文明城市")[:2]
        ['创建', '全国']
    """

    name = "jieba"

    def __init__(self, *, user_dicts: tuple[Path, ...] = ()):
        self._tok = jieba.Tokenizer()
        self._pos = jieba.posseg.POSTokenizer(self._tok)
        for path in user_dicts:
            self._tok.load_userdict(str(path))

    def cut(self, text: str) -> list[str]:
        return self._tok.lcut(text, HMM=True)

    def pos(self, text: str) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self._pos.lcut(text, HMM=True)]

    def add_word(self, word: str, *, freq: int | None = None, tag: str | None = None) -> None:
        self._tok.add_word(word, freq=freq, tag=tag)
        if tag is not None:
            self._pos.word_tag_tab[word] = tag
