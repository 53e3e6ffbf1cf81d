"""Where speechkit finds its bundled data, templates and corpus, and where it caches.

The design card keeps ``templates/`` and ``corpus/`` at the top level of a
checkout; a wheel carries them inside the package (see ``pyproject.toml``).
Both layouts are searched, the installed one first. Nothing here depends on
the current working directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from speechkit.errors import DataError

PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_DIR = PACKAGE_DIR.parent


def data_path(name: str) -> Path:
    """Path of a bundled data file in ``speechkit/data``.

    Raises:
        DataError: If the file is not bundled (a :class:`LookupError`).
    """
    path = PACKAGE_DIR / "data" / name
    if not path.is_file():
        raise DataError(
            f"bundled data file {name!r} not found in {path.parent}; reinstall speechkit"
        )
    return path


def _top_level(name: str) -> Path:
    for candidate in (PACKAGE_DIR / name, _CHECKOUT_DIR / name):
        if candidate.is_dir():
            return candidate
    raise DataError(f"bundled folder {name!r} not found; reinstall speechkit")


def templates_dir() -> Path:
    """Folder of the bundled Jinja templates."""
    return _top_level("templates")


def corpus_dir() -> Path:
    """Folder of the bundled default corpus."""
    return _top_level("corpus")


def cache_dir() -> Path:
    """Per-user cache folder (``$SPEECHKIT_CACHE``, else ``$XDG_CACHE_HOME/speechkit``)."""
    env = os.environ.get("SPEECHKIT_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "speechkit"
