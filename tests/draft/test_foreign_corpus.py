"""Drafts from a small corpus of the user's own (not the bundled one), checked as properties.

The corpus: the held-out segmentation files (a GBK .txt, an .html page, a .docx of two speeches
and the folder's README.md — English notes among Chinese), the structure fixtures written for
the project (own_*.txt) and the synthetic compilations. Such a corpus is small and messy, so the
draft for each example profile (city, district, county) must still: contain no Latin text, no
word of another level (全区 in a city draft, 我们街道, 作为老城区, 县城 in a city…), no figure
the profile did not give (digits, 九成, 过半…), every fact of the profile, and either land within
±15 % of the length asked for or say it did not (``length_ok: false`` and a warning).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from speechkit.bank.build import CorpusModel, load_model
from speechkit.draft import draft, load_profile
from speechkit.draft.run import draft_from_file, length_warning

from .conftest import EXAMPLES
from .test_level import MISMATCH

DATA = Path(__file__).resolve().parent.parent / "data"
FOREIGN = [
    DATA / "segment" / "heldout",
    *sorted((DATA / "structure").glob("own_*.txt")),
    DATA / "segment" / "synthetic",
]
SEEDS = (None, 3)

# Written independently of speechkit.draft.resources.
LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]{6,}|[A-Za-z]+[\s.,:;/]+[A-Za-z]+|[|`]")
SELF_LOWER = {
    unit: re.compile(rf"我们?街道|我们?镇|全镇|我们?乡镇|本街道|作为(?:老|新|中心)?(?:{kinds})")
    for unit, kinds in (("市", "城区|街道|乡镇"), ("区", "街道|乡镇"), ("县", "城区|街道|乡镇"))
}
COUNTY_TOWN = re.compile(r"(?<!文明)(?<!卫生)县城")
FIGURE = re.compile(
    r"\d|[一二三四五六七八九十两][百千万亿]|百分之|(?<![一二三四五六七八九十])[一二三四五六七八九十]成(?![为了不])|"
    r"过半|半数|大多数的|调查显示"
)


@pytest.fixture(scope="module")
def foreign_model() -> CorpusModel:
    return load_model(FOREIGN, warn=lambda _message: None)  # its .json/.py files are skipped


def _adapted(profile, text: str) -> str:  # type: ignore[no-untyped-def]
    for fact in (*profile.achievements, *profile.problems, *profile.priorities):
        text = text.replace(fact, "")
    for value in profile.figures.values():
        text = text.replace(value, "")
    if profile.level_char == "市":  # a city's own lower units
        text = re.sub(r"各区县|各县区|各县（市、区）", "", text)
    return text


@pytest.mark.parametrize("seed", SEEDS, ids=[f"seed{s}" for s in SEEDS])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_draft_from_a_small_foreign_corpus(
    path: Path, seed: int | None, foreign_model: CorpusModel
) -> None:
    profile = load_profile(path)
    d = draft(profile, foreign_model, seed=seed)
    body = d.body_text
    adapted = _adapted(profile, body)
    near = lambda m: adapted[max(0, m.start() - 10) : m.end() + 10]  # noqa: E731
    assert not [near(m) for m in LATIN.finditer(adapted)]
    assert not [near(m) for m in SELF_LOWER[profile.level_char].finditer(adapted)]
    if profile.level_char != "县":
        assert not [near(m) for m in COUNTY_TOWN.finditer(adapted)]
    for other in "市区县":
        if other != profile.level_char:
            assert not [near(m) for m in MISMATCH[other].finditer(adapted)], other
    assert not [near(m) for m in FIGURE.finditer(adapted)]
    for fact in (*profile.achievements, *profile.problems, *profile.priorities):
        assert fact in body, fact
    for name, value in profile.figures.items():
        assert name in body and value in body, (name, value)
    chars, target = d.stats["chars"], profile.length
    within = abs(chars - target) <= 0.15 * target
    assert d.stats["length_ok"] is within
    assert (length_warning(d.stats) is None) is within


def test_a_short_draft_warns_through_the_callback() -> None:
    messages: list[str] = []
    d = draft_from_file(EXAMPLES[0], corpus=FOREIGN[:1], warn=messages.append)
    assert d.stats["length_ok"] is False
    ask = load_profile(EXAMPLES[0]).length
    assert f"the corpus gave only {d.stats['chars']} of the {ask} characters" in messages[-1]
    assert "--corpus" in messages[-1]
