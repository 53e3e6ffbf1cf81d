"""The Dask executor: stages as ``distributed`` tasks on a LocalCluster or a running scheduler.

Each shard is one task (``client.submit(fn, shard, *common, pure=False)``); the shard object
(a path with a byte range, or a list of texts) and the ``common`` arguments travel to the
worker, the result travels back to the client. Paths in shards must therefore name files every
worker can read at the same path (a shared file system). At most ``4 * workers`` tasks are in
flight, so the client holds a bounded number of results.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from speechkit.errors import EngineError

__all__ = ["CONNECT_TIMEOUT", "DaskExecutor"]

#: Seconds to wait for an unreachable scheduler before giving up.
CONNECT_TIMEOUT = 8


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise EngineError(
            "--engine dask needs Dask: pip install 'speechkit[dask]' "
            "(installs dask[distributed])"
        ) from exc
    return distributed


class DaskExecutor:
    """Run stages on a Dask cluster.

    Args:
        scheduler: Address of a running scheduler (``tcp://10.0.0.5:8786``); ``None`` starts a
            ``distributed.LocalCluster`` of ``workers`` single-threaded processes.
        workers: Worker processes of the LocalCluster (``None``: all available cores); with a
            scheduler, the number of workers connected is read from it.

    Raises:
        EngineError: The dask extra is not installed, or the scheduler does not answer within
            :data:`CONNECT_TIMEOUT` seconds.
    """

    def __init__(self, *, scheduler: str | None = None, workers: int | None = None) -> None:
        distributed = _import_distributed()
        self._cluster: Any = None
        if scheduler is None:
            from speechkit.engine.local import available_cores

            count = workers or available_cores()
            self._cluster = distributed.LocalCluster(
                n_workers=count, threads_per_worker=1, processes=True,
                dashboard_address=None, host="127.0.0.1",
            )  # fmt: skip
            self.client = distributed.Client(self._cluster)
        else:
            try:
                self.client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                raise EngineError(
                    f"cannot reach the Dask scheduler at {scheduler} within "
                    f"{CONNECT_TIMEOUT} s ({type(exc).__name__}: {exc}); start it with "
                    "`dask scheduler` and check the address and port"
                ) from exc
            except Exception as exc:  # only the handshake is inside the try
                # Something else listens there: its bytes, read as Dask frames, raise
                # anything (a MemoryError for a 3 EiB "frame" was seen from a proxy).
                raise EngineError(
                    f"{scheduler} answered but is not a Dask scheduler "
                    f"({type(exc).__name__}); check the address and port of `dask scheduler`"
                ) from exc
        # A LocalCluster's workers share this machine; a cluster's may not see its files.
        self.local_files = self._cluster is not None
        info = self.client.scheduler_info()
        self.workers = max(1, len(info.get("workers", {})))

    def map(self, fn: Callable[..., Any], shards: Iterable[Any], *common: Any) -> Iterator[Any]:
        """``fn(shard, *common)`` for each shard as a Dask task, yielded in shard order."""
        pending: list[Any] = []
        limit = 4 * self.workers
        try:
            for shard in shards:
                with warnings.catch_warnings():
                    # A shard of texts (10,000 of them, ~6 MB) is meant to travel with its task.
                    warnings.filterwarnings("ignore", message="Sending large graph")
                    pending.append(self.client.submit(fn, shard, *common, pure=False))
                if len(pending) >= limit:
                    yield pending.pop(0).result()
            while pending:
                yield pending.pop(0).result()
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        """Disconnect; stop the LocalCluster if this executor started it."""
        with contextlib.suppress(OSError, RuntimeError):
            self.client.close()
        if self._cluster is not None:
            with contextlib.suppress(OSError, RuntimeError):
                self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
