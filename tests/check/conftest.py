"""Drafts of the example profiles, reviewed as `speechkit check` would see them."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.bank.build import CorpusModel, load_model
from speechkit.check.review import Facts, Paragraph, facts_from_profile
from speechkit.draft.compose import draft
from speechkit.profile import load_profile

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.fixture(scope="session")
def corpus_model() -> CorpusModel:
    return load_model()


@pytest.fixture(scope="session")
def example_drafts(corpus_model: CorpusModel) -> dict[str, tuple[list[Paragraph], Facts]]:
    out = {}
    for path in EXAMPLES:
        profile = load_profile(path)
        result = draft(profile, corpus_model)
        paragraphs = [
            Paragraph(p.text, heading=p.kind == "heading", lead=p.lead) for p in result.paragraphs
        ]
        out[path.stem] = (paragraphs, facts_from_profile(profile))
    return out
