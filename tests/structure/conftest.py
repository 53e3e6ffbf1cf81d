"""Fixtures of the structure tests: the seeds and own speeches through the real pipeline.

The speeches come from :func:`speechkit.corpus.open_corpus` (read, clean, segment),
each corpus built once per session; tests get fresh deep copies because role
assignment writes ``Paragraph.role`` in place.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from speechkit.corpus import open_corpus
from speechkit.model import Speech
from speechkit.tokenize import make_tokenizer

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus"
DATA = ROOT / "tests" / "data" / "structure"
OWN_FILES = (DATA / "own_1.txt", DATA / "own_2.txt")


@pytest.fixture(scope="session")
def tokenizer():
    return make_tokenizer()


@pytest.fixture(scope="session")
def _seed_corpus() -> list[Speech]:
    """The bundled seed files, read, cleaned and segmented once."""
    return open_corpus([SEEDS], warn=lambda _m: None).speeches()


@pytest.fixture(scope="session")
def _own_corpus() -> list[Speech]:
    return open_corpus(list(OWN_FILES), warn=lambda _m: None).speeches()


@pytest.fixture
def seed_speeches(_seed_corpus: list[Speech]) -> list[Speech]:
    """A fresh copy of the seed speeches (ids 1..n, sources ``…/000_….txt``)."""
    return copy.deepcopy(_seed_corpus)


@pytest.fixture
def fresh_seed_speeches(_seed_corpus: list[Speech]):
    """A factory of further independent copies (for determinism checks)."""
    return lambda: copy.deepcopy(_seed_corpus)


@pytest.fixture
def own_speeches(_own_corpus: list[Speech]) -> list[Speech]:
    return copy.deepcopy(_own_corpus)
