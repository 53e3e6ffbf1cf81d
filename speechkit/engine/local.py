"""The local executor: the calling process, or a pool of processes on this machine."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

__all__ = ["LocalExecutor", "available_cores"]


def available_cores() -> int:
    """Cores this process may run on (the affinity mask on Linux)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class LocalExecutor:
    """Run stages in this process (``workers=1``) or on a process pool started on first use.

    At most ``2 * workers`` shards are in flight, so results wait for the caller in bounded
    number (a stage's results can be large: a shard's band keys).

    Args:
        workers: Processes; ``None``: all available cores.

    Examples:
        >>> with LocalExecutor(workers=1) as ex:
        ...     list(ex.map(pow, [2, 3], 2))
        [4, 9]
    """

    def __init__(self, *, workers: int | None = None) -> None:
        self.workers = workers or available_cores()
        self.local_files = True
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[..., Any], shards: Iterable[Any], *common: Any) -> Iterator[Any]:
        """``fn(shard, *common)`` for each shard, yielded in shard order."""
        if self.workers == 1:
            for shard in shards:
                yield fn(shard, *common)
            return
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        pending: list[Future[Any]] = []
        try:
            for shard in shards:
                pending.append(self._pool.submit(fn, shard, *common))
                if len(pending) >= 2 * self.workers:
                    yield pending.pop(0).result()
            while pending:
                yield pending.pop(0).result()
        finally:
            for future in pending:  # the caller stopped early (an error, Ctrl-C)
                future.cancel()

    def close(self) -> None:
        """Stop the pool's processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
