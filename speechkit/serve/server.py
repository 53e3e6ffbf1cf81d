"""Starting the workbench: choose the store, check the address, run uvicorn, open the browser."""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path

from speechkit.errors import DependencyError
from speechkit.serve.workbench import Workbench, WorkbenchError
from speechkit.types import PathLike

__all__ = ["LOCAL_HOSTS", "check_port", "make_workbench", "run"]

#: Addresses only this computer can reach.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def make_workbench(db: PathLike | None = None, corpus: Sequence[PathLike] = ()) -> Workbench:
    """The workbench for ``--db`` / ``--corpus`` (neither: a store seeded with the bundled corpus).

    ``--corpus PATH`` is ingested into a store in the cache folder keyed by the paths, so the
    sources are never written to and a restart reuses the store.
    """
    from speechkit.paths import cache_dir

    if db is not None:
        return Workbench(db, seed_paths=corpus)
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if corpus:
        key = hashlib.sha256("\n".join(str(Path(p).resolve()) for p in corpus).encode())
        return Workbench(folder / f"serve-{key.hexdigest()[:16]}.db", seed_paths=corpus)
    return Workbench(folder / "workbench.db", seed_bundled=True)


def check_port(host: str, port: int) -> None:
    """Fail early, with a hint, when the port is taken.

    Raises:
        WorkbenchError: The address cannot be bound.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        if os.name != "nt":  # as uvicorn does; on Windows it would allow a taken port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise WorkbenchError(
                f"cannot listen on {host}:{port} ({exc.strerror}); "
                "choose another --port or stop the program using it"
            ) from None


def run(
    *,
    db: PathLike | None = None,
    corpus: Sequence[PathLike] = (),
    host: str = "127.0.0.1",
    port: int = 8765,
    open_browser: bool = True,
    echo: Callable[[str], None] = print,
) -> None:
    """Run ``speechkit serve`` until Ctrl+C.

    Raises:
        DependencyError: The ``serve`` extra is not installed.
        WorkbenchError: The port is taken.
        StoreError, InputError: The store or the ``--corpus`` paths cannot be used.
    """
    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        raise DependencyError(
            "speechkit serve needs the serve extra; install it with: pip install 'speechkit[serve]'"
        ) from None
    from speechkit.serve.app import create_app

    if host not in LOCAL_HOSTS:
        echo(
            f"Warning: listening on {host}: the corpus and the drafts become reachable from the "
            "network / 警告：其他电脑也能访问本机语料和讲话稿"
        )
    check_port(host, port)
    workbench = make_workbench(db, corpus)
    app = create_app(workbench, host=host)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"
    echo(f"speechkit workbench at {url} (store {workbench.db}); Ctrl+C stops it")
    echo(f"API token for scripts (header X-Speechkit-Token): {app.state.token}")
    workbench.start()
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")
