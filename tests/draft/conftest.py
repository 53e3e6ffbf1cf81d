"""Fixtures for drafting tests: the corpus model is built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.bank.build import CorpusModel, load_model

DRAFT_DATA = Path(__file__).resolve().parent.parent / "data" / "draft"
PROFILES = sorted((DRAFT_DATA / "profiles").glob("*.yaml"))
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.fixture(scope="session")
def corpus_model() -> CorpusModel:
    """The drafting model of the bundled corpus (cached in the session's private cache)."""
    return load_model()


@pytest.fixture(scope="session")
def corpus_names() -> list[str]:
    lines = (DRAFT_DATA / "corpus_names.txt").read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#")]
