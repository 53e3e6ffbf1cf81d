"""Tokenize many texts, optionally in several processes.

jieba runs at ~0.7 MB/s in one process; tokenization dominates corpus
analyses, so it can be spread over worker processes. With the ``fork`` start
method the workers inherit the parent's tokenizer (no second dictionary load);
elsewhere each worker builds its own.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from typing import Any

from speechkit.errors import ParameterError
from speechkit.tokenize import make_tokenizer
from speechkit.tokenize.base import Tokenizer

__all__ = ["cut_texts"]

_WORKER: Tokenizer | None = None

#: Below this many characters a process pool costs more than it saves.
MIN_PARALLEL_CHARS = 2_000_000


def _init_worker(backend: str, user_dicts: tuple[str, ...]) -> None:
    global _WORKER
    if _WORKER is None:
        _WORKER = make_tokenizer(backend, user_dicts=user_dicts)


def _cut_chunk(texts: list[str]) -> list[list[str]]:
    assert _WORKER is not None
    cut = _WORKER.cut
    return [cut(text) for text in texts]


def _chunks(texts: Sequence[str], parts: int) -> list[list[str]]:
    total = sum(len(t) for t in texts)
    size = max(total // parts, 1)
    chunks: list[list[str]] = [[]]
    filled = 0
    for text in texts:
        if filled >= size:
            chunks.append([])
            filled = 0
        chunks[-1].append(text)
        filled += len(text)
    return chunks


def cut_texts(
    texts: Sequence[str],
    *,
    tokenizer: Tokenizer,
    backend: str = "auto",
    user_dicts: Sequence[str] = (),
    workers: int = 1,
) -> list[list[str]]:
    """Tokenize ``texts`` in order.

    Args:
        texts: Texts to cut.
        tokenizer: The tokenizer used in this process (and inherited by forked workers).
        backend: Backend name, used to rebuild the tokenizer in spawned workers.
        user_dicts: User dictionaries, likewise.
        workers: Processes to use (``0`` = one per CPU). Small inputs stay in-process.

    Returns:
        One token list per text.

    Examples:
        >>> from speechkit.tokenize import make_tokenizer
        >>> cut_texts(["巩固创城成果"], tokenizer=make_tokenizer("jieba"))
        [['巩固', '创城', '成果']]
    """
    if workers < 0:
        raise ParameterError("workers", workers, "0 (one per CPU) or a positive integer")
    if workers == 0:
        workers = os.cpu_count() or 1
    if workers == 1 or sum(len(t) for t in texts) < MIN_PARALLEL_CHARS:
        cut = tokenizer.cut
        return [cut(text) for text in texts]
    global _WORKER
    methods = multiprocessing.get_all_start_methods()
    context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    previous, _WORKER = _WORKER, tokenizer if "fork" in methods else None
    try:
        with context.Pool(
            workers, initializer=_init_worker, initargs=(backend, tuple(map(str, user_dicts)))
        ) as pool:
            parts = pool.map(_cut_chunk, _chunks(texts, workers * 4))
    finally:
        _WORKER = previous
    return [tokens for part in parts for tokens in part]
