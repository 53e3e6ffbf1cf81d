"""`run_phrases` (the library entry of the command) and `render_run` (its renderings)."""

from __future__ import annotations

import json

import pytest

from speechkit.errors import ParameterError
from speechkit.phrases import PhraseConfig, phrases_to_json, render_run, run_phrases


def test_ranking_run_and_its_renderings() -> None:
    run = run_phrases(config=PhraseConfig(top_n=5))
    assert run.mode == "ranking" and len(run.phrases) == 5 and not run.notes
    assert json.loads(render_run(run, "json")) == phrases_to_json(run.phrases)
    table = render_run(run, "table").splitlines()
    assert table[0].split()[:2] == ["#", "phrase"] and len(table) == 6
    assert render_run(run, "csv").splitlines()[0] == "phrase,score,count,docs,example"
    # one home per concern: the JSON shape lives with the other renderings
    assert phrases_to_json.__module__ == "speechkit.phrases.output"


def test_kwic_run_of_an_absent_phrase_says_so() -> None:
    run = run_phrases(kwic="不存在的提法")
    assert run.mode == "kwic" and render_run(run, "table") == ""
    assert run.notes == ["No occurrence of '不存在的提法'."]


@pytest.mark.parametrize(
    ("options", "name"),
    [({"engine": "spark"}, "engine"), ({"shard_chars": 0}, "shard_chars")],
)
def test_bad_config(options: dict[str, object], name: str) -> None:
    with pytest.raises(ParameterError, match=name):
        PhraseConfig(**options)  # type: ignore[arg-type]
