"""The executor interface and :func:`make_executor` (see :mod:`speechkit.engine`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from speechkit.errors import ParameterError

__all__ = ["ENGINES", "Executor", "make_executor"]

ENGINES = ("local", "dask")


class Executor(Protocol):
    """Runs a stage function over shards; results in shard order."""

    workers: int
    #: Whether the workers run on this machine and can open its files by their paths here
    #: (a stage may then send a path instead of the data).
    local_files: bool

    def map(
        self, fn: Callable[..., Any], shards: Iterable[Any], *common: Any
    ) -> Iterator[Any]:
        """``fn(shard, *common)`` for each shard, yielded in shard order."""
        ...

    def close(self) -> None:
        """Stop what this executor started."""
        ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...


def make_executor(
    engine: str = "local", *, workers: int | None = None, scheduler: str | None = None
) -> Executor:
    """An executor for ``engine``.

    Args:
        engine: ``local`` (processes on this machine) or ``dask`` (a Dask cluster).
        workers: Worker processes; ``None``: all available cores (local, LocalCluster).
        scheduler: Address of a running Dask scheduler (``tcp://host:8786``); without it the
            ``dask`` engine starts a ``distributed.LocalCluster`` of ``workers`` processes.

    Raises:
        ParameterError: Unknown engine, a bad worker count, or ``scheduler`` without dask.
        EngineError: The dask extra is missing or the scheduler cannot be reached.

    Examples:
        >>> with make_executor("local", workers=1) as ex:
        ...     list(ex.map(abs, [-1, 2, -3]))
        [1, 2, 3]
    """
    if engine not in ENGINES:
        raise ParameterError("engine", engine, " | ".join(ENGINES))
    if workers is not None and (
        isinstance(workers, bool) or not isinstance(workers, int) or workers < 1
    ):
        raise ParameterError("workers", workers, "a positive integer")
    if engine == "local":
        if scheduler is not None:
            raise ParameterError(
                "scheduler", scheduler, "no scheduler with --engine local (add --engine dask)"
            )
        from speechkit.engine.local import LocalExecutor

        return LocalExecutor(workers=workers)
    from speechkit.engine.dask import DaskExecutor

    return DaskExecutor(scheduler=scheduler, workers=workers)
