"""Golden cases of the claim analysis (tests/data/check/claims.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from speechkit.claims.analysis import classify, mask_idioms, strip_opener

CASES = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "data" / "check" / "claims.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_golden(case: dict[str, str]) -> None:
    claim = classify(case["text"])
    assert claim.label == case["expect"], claim.spans


def test_spans_are_substrings() -> None:
    for case in CASES:
        for span in classify(case["text"]).spans:
            assert case["text"][span.start : span.start + len(span.text)] == span.text


def test_user_idioms_are_not_claims() -> None:
    sentence = "要落实“五查五看”要求。"
    assert classify(sentence).label == "specific"
    assert classify(sentence, phrases=["五查五看"]).label == "generic"
    assert mask_idioms(sentence, ["五查五看"]) == "要落实“□□□□”要求。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一是要抓落实。", "要抓落实。"),
        ("其四，所以，要务实。", "要务实。"),
        ("要抓落实。", "要抓落实。"),
    ],
)
def test_strip_opener(text: str, expected: str) -> None:
    assert strip_opener(text) == expected
