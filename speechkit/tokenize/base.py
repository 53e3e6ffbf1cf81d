"""The tokenizer interface every backend implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


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
