"""Shared fixtures: the bundled corpus, and a private cache for the whole test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"

# tests/data holds fixtures and the scripts that generate them, not tests (--doctest-modules
# would otherwise import each make_files.py, and two of them share a module name).
collect_ignore_glob = ["data/*"]


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the default store and model cache out of the user's ~/.cache."""
    cache = tmp_path_factory.mktemp("speechkit-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("SPEECHKIT_CACHE", str(cache))
    yield cache
    mp.undo()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled default corpus (the five seed files)."""
    return CORPUS


@pytest.fixture(scope="session")
def seed_files(corpus_dir: Path) -> list[Path]:
    return sorted(corpus_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """tests/data: fixtures and golden cases."""
    return DATA
