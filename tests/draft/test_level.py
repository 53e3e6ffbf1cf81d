"""市/区/县 consistency: a draft speaks at the profile's level throughout.

Properties over every example and test profile and several seeds: adapted corpus text never
keeps a word of another level (a district draft has no 全市, 我市, 市委书记, 市管干部, 各县…; a
city draft no 全区, 区委, 县政府…), while ordinary words with the same characters (城市, 市民,
市场, 市容, 超市, 社区, 小区) and higher levels (省委) stay. Profile facts are data and may name
any level; they are left out of the check.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from speechkit.draft import draft, load_profile
from speechkit.draft.adapt import level_terms
from speechkit.draft.model_cache import CorpusModel

from .conftest import EXAMPLES, PROFILES

ALL = PROFILES + EXAMPLES
SEEDS = (None, 1, 2, 5)

# Written independently of speechkit.draft.resources: the level words a reader would object to.
# The level character must not end an ordinary word (城市, 超市, 社区, 小区, 园区, 全国县级…).
_NOT_AFTER = {
    "市": "城超都夜股门集菜早花上黑楼坊省国",
    "区": "社城园片景校小街地山新老库矿湖发范护能牧灾林港厂营学禁误辖郊特战分验风商功游保市国",
    "县": "郡省州国",
}


def _mismatch(level: str) -> re.Pattern[str]:
    c = f"(?<![{_NOT_AFTER[level]}]){level}"
    return re.compile(
        rf"(?<![健完齐安保周成])全{level}(?![场民容貌域间别])|(?<!自)我{level}|本{level}(?![民场域身])|"
        rf"{c}(?:委(?!托)|政府|人大|政协|里(?!程)|级(?![别市])|直(?!接)|属(?!于)|"
        rf"管(?:领导|干部|班子)|长(?![效期远久足大河江廊城沙春治安征]))|"
        rf"各{level}(?![域间块片别城场民])"
    )


MISMATCH = {level: _mismatch(level) for level in "市区县"}


def _adapted_text(profile, d) -> str:  # type: ignore[no-untyped-def]
    text = d.body_text
    for fact in (*profile.achievements, *profile.problems, *profile.priorities):
        text = text.replace(fact, "")
    if profile.unit == "市":  # a city's own lower units
        text = re.sub(r"各区县|各县区|各县（市、区）", "", text)
    return text


@pytest.mark.parametrize("seed", SEEDS, ids=[f"seed{s}" for s in SEEDS])
@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_no_word_of_another_level(path: Path, seed: int | None, corpus_model: CorpusModel) -> None:
    profile = load_profile(path)
    d = draft(profile, corpus_model, seed=seed)
    text = _adapted_text(profile, d)
    for other in "市区县":
        if other == profile.unit:
            continue
        found = [text[max(0, m.start() - 8) : m.end() + 8] for m in MISMATCH[other].finditer(text)]
        assert not found, (profile.unit, other, found)
    assert f"{profile.unit}委" in text


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("市委对市管领导班子严格考核", "区", "区委对区管领导班子严格考核"),
        ("县里已经成立领导小组，各区也要成立", "县", "县里已经成立领导小组，各乡镇也要成立"),
        ("市委书记、市长和市直单位", "县", "县委书记、县长和县直单位"),
        ("我区、本区和区里的区级领导", "市", "我市、本市和市里的市级领导"),
        ("区委、区政府和区文明办", "县", "县委、县政府和县文明办"),
        ("全县干部和县公安局", "区", "全区干部和区公安局"),
        # Ordinary words and higher levels stay.
        ("城市里的超市、市场和市容，市民满意", "区", "城市里的超市、市场和市容，市民满意"),
        ("社区委员会、小区里和园区长效管理", "市", "社区委员会、小区里和园区长效管理"),
        (
            "省委、省政府高度重视，健全市场监管局职能",
            "县",
            "省委、省政府高度重视，健全市场监管局职能",
        ),
        ("创建全国县级文明城市，它是县级市", "区", "创建全国县级文明城市，它是县级市"),
        ("市区道路", "县", "城区道路"),
    ],
)
def test_level_terms(text: str, unit: str, expected: str) -> None:
    assert level_terms(text, unit) == expected


@pytest.mark.parametrize("level", "市区县")
def test_mismatch_pattern_ignores_ordinary_words(level: str) -> None:
    ordinary = (
        "城市管理、市民素质、市场秩序、市容市貌、超市、社区委员会、小区里、省委、"
        "全国县级文明城市、健全市场"
    )
    assert MISMATCH[level].search(ordinary) is None
