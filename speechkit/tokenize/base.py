"""The tokenizer interface every backend implements."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Protocol, runtime_checkable

from speechkit.types import PathLike

__all__ = [
    "BackendBase",
    "Tokenizer",
    "compound_tag",
    "cut_around_compounds",
    "has_compound",
    "pos_around_compounds",
    "split_compounds",
]


@runtime_checkable
class Tokenizer(Protocol):
    """Word segmentation for Chinese text.

    Backends are instances, never module-level singletons: each carries its
    own dictionary and user words.
    """

    name: str

    def cut(self, text: str) -> list[str]:
        """Split ``text`` into tokens (no POS tags)."""
        ...

    def pos(self, text: str) -> list[tuple[str, str]]:
        """Split ``text`` into ``(token, pos_tag)`` pairs with jieba/ICTCLAS tags."""
        ...

    def add_word(self, word: str, *, freq: int | None = None, tag: str | None = None) -> None:
        """Add a word to this instance's dictionary."""
        ...


# Runs of letters/digits joined by - . _ / : % + # & (dates 2018-2020, 50-80, URLs,
# file names). jieba splits them at every joiner, jieba-rs keeps them whole; both
# backends take them out before segmenting so the two agree (they disagreed on
# 9 of the 414 bundled corpus lines before this, on 0 after).
_COMPOUND = re.compile(r"[A-Za-z0-9]+(?:[-._/:%+#&][A-Za-z0-9]+)+%?")


def split_compounds(text: str) -> list[tuple[str, bool]]:
    """Split ``text`` into ``(piece, is_compound)`` around number/latin compounds.

    Examples:
        >>> split_compounds("2018-2020年创城")
        [('2018-2020', True), ('年创城', False)]
        >>> split_compounds("创城")
        [('创城', False)]
    """
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for match in _COMPOUND.finditer(text):
        if match.start() > pos:
            pieces.append((text[pos : match.start()], False))
        pieces.append((match.group(), True))
        pos = match.end()
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces


def has_compound(text: str) -> bool:
    """Whether ``text`` contains a number/latin compound (fast path check)."""
    return _COMPOUND.search(text) is not None


def compound_tag(token: str) -> str:
    """POS tag of a compound: ``m`` (numeral) when it starts with a digit, else ``eng``."""
    return "m" if token[0].isdigit() else "eng"


def cut_around_compounds(text: str, cut: Callable[[str], list[str]]) -> list[str]:
    """Apply a backend's ``cut`` to the text between compounds; compounds stay whole."""
    if not has_compound(text):
        return cut(text)
    tokens: list[str] = []
    for piece, is_compound in split_compounds(text):
        if is_compound:
            tokens.append(piece)
        else:
            tokens.extend(cut(piece))
    return tokens


def pos_around_compounds(
    text: str, pos: Callable[[str], list[tuple[str, str]]]
) -> list[tuple[str, str]]:
    """Apply a backend's ``pos`` to the text between compounds; compounds stay whole."""
    if not has_compound(text):
        return pos(text)
    pairs: list[tuple[str, str]] = []
    for piece, is_compound in split_compounds(text):
        if is_compound:
            pairs.append((piece, compound_tag(piece)))
        else:
            pairs.extend(pos(piece))
    return pairs


class BackendBase:
    """Shared behaviour of the backends: compounds (2018-2020, URLs) stay whole.

    Subclasses implement ``_cut``, ``_tag`` and ``add_word``; the constructor adds the
    bundled domain dictionary and the user's dictionaries through ``add_word``.
    """

    name = "base"

    def _load_words(self, user_dicts: Iterable[PathLike], *, domain_dict: bool) -> None:
        from speechkit.tokenize.userdict import iter_user_words

        for entry in iter_user_words(user_dicts, domain_dict=domain_dict):
            self.add_word(entry.word, freq=entry.freq, tag=entry.tag)

    def cut(self, text: str) -> list[str]:
        return cut_around_compounds(text, self._cut)

    def pos(self, text: str) -> list[tuple[str, str]]:
        return pos_around_compounds(text, self._tag)

    def _cut(self, text: str) -> list[str]:
        raise NotImplementedError

    def _tag(self, text: str) -> list[tuple[str, str]]:
        raise NotImplementedError

    def add_word(self, word: str, *, freq: int | None = None, tag: str | None = None) -> None:
        raise NotImplementedError
