"""Atomic file output: write to a temporary file beside the target, then rename.

A failing run never leaves a half-written file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from speechkit.errors import OutputError
from speechkit.types import PathLike


def default_mode(base: int = 0o666) -> int:
    """The mode ``open()``/``mkdir()`` would give: ``base`` less the process umask.

    ``mkstemp``/``mkdtemp`` create private (0600/0700) files; outputs get this mode instead.
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return base & ~mask


@contextlib.contextmanager
def atomic_path(path: PathLike) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; rename it onto ``path`` on success.

    Raises:
        OutputError: If the folder does not exist or is not writable.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
        >>> with atomic_path(target) as tmp:
        ...     _ = tmp.write_text("ok", encoding="utf-8")
        >>> target.read_text(encoding="utf-8")
        'ok'
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(
            f"{target}: folder {folder} does not exist; create it or choose another path"
        )
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"{target}: cannot write in {folder} ({exc.strerror}); choose a writable path"
        ) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, default_mode())
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(
            f"{target}: cannot write ({exc.strerror}); choose a writable path"
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


@contextlib.contextmanager
def atomic_open(path: PathLike, mode: str = "w", *, encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file for writing; it replaces ``path`` only if the block succeeds."""
    if "b" in mode:
        encoding = None
    with atomic_path(path) as tmp, open(tmp, mode, encoding=encoding) as fh:
        yield fh


def atomic_write_bytes(path: PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; returns the path.

    Raises:
        OutputError: Naming the file, if it cannot be written (nothing is left behind).
    """
    target = Path(path)
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)  # an OSError here becomes atomic_path's OutputError
    return target
