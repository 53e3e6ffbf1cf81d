"""Fixtures for drafting tests: the corpus model is built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.bank.build import CorpusModel, build_bank, load_model
from speechkit.draft import draft
from speechkit.model import Draft, Paragraph, Speech
from speechkit.profile import Profile, load_profile

DRAFT_DATA = Path(__file__).resolve().parent.parent / "data" / "draft"
PROFILES = sorted((DRAFT_DATA / "profiles").glob("*.yaml"))
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
#: The test profiles and the README's examples: every property of drafts is checked on all.
ALL_PROFILES = PROFILES + EXAMPLES
_drafts: dict[str, tuple[Profile, Draft]] = {}


@pytest.fixture(scope="session")
def corpus_model() -> CorpusModel:
    """The drafting model of the bundled corpus (cached in the session's private cache)."""
    return load_model()


@pytest.fixture(scope="session")
def corpus_names() -> list[str]:
    lines = (DRAFT_DATA / "corpus_names.txt").read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#")]


@pytest.fixture(params=ALL_PROFILES, ids=[p.stem for p in ALL_PROFILES])
def case(request: pytest.FixtureRequest, corpus_model: CorpusModel) -> tuple[Profile, Draft]:
    """(profile, its draft) for each of :data:`ALL_PROFILES`, drafted once a session."""
    path: Path = request.param
    if str(path) not in _drafts:
        profile = load_profile(path)
        _drafts[str(path)] = (profile, draft(profile, corpus_model))
    return _drafts[str(path)]


def made_up_bank(paragraphs: list[Paragraph]) -> CorpusModel:
    """The drafting model of one made-up speech of ``paragraphs``, for small rule tests."""
    speech = Speech(
        source="made_up.txt", first_line=1, last_line=len(paragraphs), title="讲话",
        paragraphs=paragraphs,
    )  # fmt: skip
    return build_bank([speech])
