"""Fixtures of the structure tests: the seeds (own loader), labels, one tokenizer."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.tokenize import make_tokenizer

from .seedload import load_file, load_seeds

DATA = Path(__file__).resolve().parents[1] / "data" / "structure"


@pytest.fixture(scope="session")
def tokenizer():
    return make_tokenizer()


@pytest.fixture
def seed_speeches():
    return load_seeds()


@pytest.fixture
def own_speeches():
    return [
        s
        for name in ("own_1.txt", "own_2.txt")
        for s in load_file(DATA / name, source=str(DATA / name))
    ]
