"""The ranking changes of issue 14: parallel phrases listed by their parts, numbered formulas
(四个现代化), administrative words spread over every speech demoted; and a quality guard
against the hand-written lists of tests/data/phrases (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.model import Paragraph, Speech
from speechkit.phrases import Phrase, PhraseConfig, extract_phrases
from speechkit.phrases.scoring import common_even_factor, evenness

LISTS = Path(__file__).resolve().parents[1] / "data" / "phrases"


def _speeches(*texts: str) -> list[Speech]:
    return [Speech(f"{i}.txt", 1, 1, None, [Paragraph(t, 1, 1)]) for i, t in enumerate(texts)]


def _names(texts: list[str], **options: object) -> list[str]:
    config = PhraseConfig(tokenizer="jieba", top_n=100, **options)  # type: ignore[arg-type]
    return [p.phrase for p in extract_phrases(_speeches(*texts), config=config)]


def test_parallel_parts_that_also_occur_alone_are_listed() -> None:
    texts = [
        "广泛开展社会公德、职业道德、家庭美德教育，提升市民素质。",
        "推进社会公德、职业道德、家庭美德建设，弘扬文明新风。",
        "要把社会公德建设摆在突出位置，做到家庭美德人人知晓，职业道德深入人心。",
    ]
    names = _names(texts)
    assert {"社会公德", "职业道德", "家庭美德"} <= set(names)
    assert "社会公德、职业道德、家庭美德" not in names


def test_fixed_parallel_run_stays_whole() -> None:
    texts = [
        "严格落实党政同责、一岗双责，压实安全责任。",
        "坚持党政同责、一岗双责，抓好隐患整改。",
        "必须党政同责、一岗双责，确保万无一失。",
    ]
    names = _names(texts)
    assert "党政同责、一岗双责" in names
    assert "党政同责" not in names and "一岗双责" not in names


def test_numbered_formula_is_a_phrase_but_a_numeral_never_ends_one() -> None:
    texts = [
        "为实现四个现代化而奋斗，扎实推动经济发展。",
        "四个现代化是全国人民的共同目标，必须一以贯之。",
        "围绕四个现代化，抓好各项工作，落实四个现代化的要求。",
    ]
    names = _names(texts)
    assert "四个现代化" in names
    assert not any(n.endswith("四个") or n == "四个" for n in names)


def test_evenness_and_the_common_even_factor() -> None:
    assert evenness([0, 1], [10, 10]) == 1.0
    assert evenness([0, 0, 0], [10, 10]) == 0.5
    # a genre term is never demoted; a common word used evenly everywhere is
    assert common_even_factor(12.0, 1.0) == 1.0
    assert common_even_factor(7.0, 1.0) == 0.0
    assert common_even_factor(7.0, 0.0) == 1.0


def _load(name: str) -> set[str]:
    lines = (LISTS / name).read_text("utf-8").splitlines()
    return {x.split("\t")[-1] for x in lines if x.strip() and not x.startswith("#")}


def _hits(ranking: list[Phrase], wanted: set[str], top: int) -> int:
    return sum(1 for p in ranking[:top] if {p.phrase, *p.variants} & wanted)


def test_seed_ranking_against_the_written_list(top100: list[Phrase]) -> None:
    """Regression guard at the measured figures (benchmarks/phrases_quality.py): before the
    change precision@50 0.70 and @100 0.46 (46 items); after 0.70 and 0.50."""
    wanted = _load("eval_seeds.txt")
    assert _hits(top100, wanted, 50) >= 35
    assert _hits(top100, wanted, 100) >= 50
    names = {p.phrase for p in top100}
    # the administrative names the issue found in the top 100
    assert not names & {"市委", "市政府", "社区", "合力", "高度重视"}
    assert "社会公德" in names  # a part of 社会公德、职业道德、家庭美德


@pytest.fixture(scope="module")
def safety_ranking() -> list[Phrase]:
    from speechkit.corpus import open_corpus

    speeches = open_corpus([LISTS / "safety"]).speeches()
    return extract_phrases(speeches, config=PhraseConfig(top_n=100))


def test_second_genre_against_its_list(safety_ranking: list[Phrase]) -> None:
    """The 安全生产 speeches written for the test: precision@50 0.58 after (0.56 before)."""
    wanted = _load("eval_safety.txt")
    assert _hits(safety_ranking, wanted, 50) >= 29
