"""Executors: run one stage function over many shards, on local processes or a Dask cluster.

A pipeline (e.g. :mod:`speechkit.dedup.sharded`) is a list of stages; each stage is a plain,
picklable, top-level function applied to every shard of its input. An executor runs one stage
at a time, so the same stages run unchanged on one core, on all local cores, or on a cluster
(the pattern of datatrove's ``LocalPipelineExecutor`` / ``RayPipelineExecutor``).

Interface (all executors):

``executor.map(fn, shards, *common) -> Iterator[result]``
    Calls ``fn(shard, *common)`` for every shard and yields the results **in shard order**
    (so output never depends on which worker finished first). ``common`` arguments are the
    same for every call (a configuration); a shard is anything picklable (a path and a byte
    range, a list of texts). Results are yielded as soon as they are ready in order, so the
    caller can spill them to disk one by one instead of holding them all.
``executor.workers``
    Number of worker processes (1 runs in the calling process).
``executor.local_files``
    Whether the workers run on this machine and open its files by their paths here (local
    processes, a LocalCluster): a stage may then send a path instead of the data.
``executor.close()`` / ``with executor:``
    Stop the workers the executor started (a LocalCluster, a process pool); an executor
    connected to an external scheduler only disconnects.

:func:`make_executor` builds one from the command-line options ``--engine local|dask``,
``--workers N`` and ``--scheduler ADDRESS``. A stage function raises
:class:`~speechkit.errors.SpeechkitError` subclasses for bad input; they reach the caller
unchanged on every engine.
"""

from speechkit.engine.base import ENGINES, Executor, make_executor
from speechkit.engine.local import LocalExecutor, available_cores

__all__ = ["ENGINES", "Executor", "LocalExecutor", "available_cores", "make_executor"]
