"""Tokenizers: a small interface with jieba as the reference backend.

``make_tokenizer("auto")`` returns the fast rjieba backend (jieba-rs: same
dictionary and algorithm) when it is installed, else jieba. Every backend
loads the bundled domain dictionary ``speechkit/data/userdict.txt`` (genre
terms such as 全国文明城市, 创城, 测评体系, 背街小巷) plus the user's own files.
"""

from __future__ import annotations

from collections.abc import Iterable

from speechkit.errors import ParameterError
from speechkit.tokenize.base import Tokenizer
from speechkit.tokenize.userdict import UserWord, read_user_dict
from speechkit.types import PathLike

__all__ = ["BACKENDS", "Tokenizer", "UserWord", "make_tokenizer", "read_user_dict"]

BACKENDS = ("auto", "jieba", "rjieba")


def make_tokenizer(
    backend: str = "auto", *, user_dicts: Iterable[PathLike] = (), domain_dict: bool = True
) -> Tokenizer:
    """Create a tokenizer instance.

    Args:
        backend: ``"jieba"`` (reference), ``"rjieba"`` (fast; a dependency of speechkit)
            or ``"auto"`` (rjieba when installed, else jieba).
        user_dicts: Extra user-dictionary files (``word [freq] [tag]`` per line,
            ``#`` comments) added after the bundled domain dictionary.
        domain_dict: Load the bundled domain dictionary (default ``True``).

    Raises:
        ParameterError: Unknown backend, or ``"rjieba"`` requested but not installed.
        InputError: A user dictionary is missing or malformed.

    Examples:
        >>> make_tokenizer("jieba").cut("巩固创城成果")
        ['巩固', '创城', '成果']
    """
    if backend not in BACKENDS:
        raise ParameterError("tokenizer backend", backend, " | ".join(BACKENDS))
    user_dicts = tuple(user_dicts)
    from speechkit.tokenize.rjieba_backend import RjiebaTokenizer, rjieba_available

    if backend == "rjieba" or (backend == "auto" and rjieba_available()):
        if not rjieba_available():
            raise ParameterError(
                "tokenizer backend",
                backend,
                "auto | jieba (rjieba is not installed: pip install rjieba)",
            )
        return RjiebaTokenizer(user_dicts=user_dicts, domain_dict=domain_dict)
    from speechkit.tokenize.jieba_backend import JiebaTokenizer

    return JiebaTokenizer(user_dicts=user_dicts, domain_dict=domain_dict)
