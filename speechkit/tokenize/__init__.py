"""Tokenizers: a small interface with jieba as the reference backend."""

from __future__ import annotations

from pathlib import Path

from speechkit.errors import ParameterError
from speechkit.tokenize.base import Tokenizer

__all__ = ["Tokenizer", "make_tokenizer"]

BACKENDS = ("auto", "jieba", "rjieba")


def make_tokenizer(backend: str = "auto", *, user_dicts: tuple[Path, ...] = ()) -> Tokenizer:
    """Create a tokenizer instance.

    Args:
        backend: ``"jieba"`` (reference), ``"rjieba"`` (fast, needs the ``fast`` extra)
            or ``"auto"`` (rjieba when installed, else jieba).
        user_dicts: Extra user-dictionary files added to the bundled domain dictionary.
    """
    if backend not in BACKENDS:
        raise ParameterError("tokenizer backend", backend, " | ".join(BACKENDS))
    from speechkit.tokenize.jieba_backend import JiebaTokenizer

    return JiebaTokenizer(user_dicts=user_dicts)
