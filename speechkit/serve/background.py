"""The workbench's long jobs in child processes: an ingest, and building the corpus model.

Reading, cleaning and segmenting, and building the model, are mostly Python: in the server's
process they would hold the interpreter lock and slow every draft while they run. In a child
process (``spawn``, the same on Windows and Linux) drafts keep their speed.

The ingest child writes the store in one transaction, reports progress, and is cancellable
without a trace: cancelling makes it raise :class:`JobCancelled` before the commit, so SQLite
rolls everything back, and a child killed with the server leaves an uncommitted transaction
that SQLite discards too. The model child only fills the on-disk model cache, which the
server then loads in milliseconds.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue as queue_module
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from speechkit.errors import SpeechkitError

__all__ = ["FileItem", "JobCancelled", "run_ingest_process", "warm_model_cache"]

FileItem = tuple[Path, str, str]  # (path, source, reader kind), as speechkit.ingest gives them


class JobCancelled(Exception):
    """Raised inside an ingest to roll its transaction back."""


def _watch(files: list[FileItem], cancel: Any, out: Any) -> Iterator[FileItem]:
    for item in files:
        if cancel.is_set():
            raise JobCancelled
        yield item
        out.put(("file", item[0].stat().st_size))
    if cancel.is_set():  # cancelled during the last file: still before the commit
        raise JobCancelled


def _child(db: str, files: list[FileItem], out: Any, cancel: Any) -> None:
    """The child process: one transaction; the outcome goes back as the last message."""
    from speechkit.corpus import ingest
    from speechkit.store import Store

    try:
        store = Store(db)
        try:
            report = ingest(_watch(files, cancel, out), store, warn=lambda m: out.put(("warn", m)))
        finally:
            store.close()
        out.put(("done", report.summary()))
    except JobCancelled:
        out.put(("cancelled", ""))
    except SpeechkitError as exc:
        out.put(("error", str(exc)))


def run_ingest_process(
    db: Path,
    files: list[FileItem],
    *,
    cancel: threading.Event,
    on_file: Callable[[int], None],
    on_warning: Callable[[str], None],
) -> tuple[str, str]:
    """Ingest ``files`` into ``db`` in a child process; wait for it.

    Args:
        db: The store.
        files: What to read.
        cancel: Set it to stop the ingest (nothing is written then).
        on_file: Called with the size of each file read.
        on_warning: Called with each warning (skipped files, repaired bytes).

    Returns:
        ``(state, message)``: ``done``, ``cancelled`` or ``error``, and the summary or error.
    """
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    stop = context.Event()
    child = context.Process(target=_child, args=(str(db), files, out, stop), daemon=True)
    child.start()
    outcome: tuple[str, str] | None = None
    while outcome is None:
        if cancel.is_set():
            stop.set()
        try:
            kind, value = out.get(timeout=0.2)
        except queue_module.Empty:
            if not child.is_alive() and out.empty():
                break
            continue
        if kind == "file":
            on_file(int(value))
        elif kind == "warn":
            on_warning(str(value))
        else:
            outcome = (str(kind), str(value))
    child.join()
    if outcome is None:  # the child died (its traceback went to the server console)
        return "error", f"the ingest process stopped (exit code {child.exitcode}); see the console"
    return outcome


def _model_child(db: str) -> None:
    from speechkit.bank.build import load_model

    # A failure is reported by the server's own load_model, which then builds and raises.
    with contextlib.suppress(SpeechkitError):
        load_model((), db=db, warn=lambda _m: None)


def warm_model_cache(db: Path) -> None:
    """Build the corpus model of ``db`` into the on-disk cache, in a child process; wait."""
    child = multiprocessing.get_context("spawn").Process(
        target=_model_child, args=(str(db),), daemon=True
    )
    child.start()
    child.join()
