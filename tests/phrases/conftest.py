from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.model import Speech
from speechkit.phrases import Phrase, PhraseConfig, extract_phrases

from .rawcorpus import raw_speeches


@pytest.fixture(scope="session")
def seed_speeches() -> list[Speech]:
    """The bundled corpus through speechkit's ingest, cleaning and segmentation."""
    from speechkit.corpus import open_corpus

    with open_corpus() as corpus:
        return corpus.speeches()


@pytest.fixture(scope="session")
def raw_seed_speeches(seed_files: list[Path]) -> list[Speech]:
    """The seeds read raw: web junk, placeholders and repeats left in."""
    return raw_speeches(seed_files)


@pytest.fixture(scope="session")
def top100(seed_speeches: list[Speech]) -> list[Phrase]:
    return extract_phrases(seed_speeches, config=PhraseConfig(top_n=100))


@pytest.fixture(scope="session")
def raw_top100(raw_seed_speeches: list[Speech]) -> list[Phrase]:
    return extract_phrases(raw_seed_speeches, config=PhraseConfig(top_n=100))
