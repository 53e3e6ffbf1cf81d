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

from speechkit.bank.build import CorpusModel
from speechkit.claims.analysis import classify
from speechkit.draft import draft, load_profile
from speechkit.draft.adapt import AdaptContext, adapt_sentence, level_terms

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
        rf"管(?:领导|干部|班子)|长(?![效期远久足大河江廊城沙春治安征])|情(?![况绪感怀节景形]))|"
        rf"各{level}(?![域间块片别城场民])"
    )


MISMATCH = {level: _mismatch(level) for level in "市区县"}


def _adapted_text(profile, d) -> str:  # type: ignore[no-untyped-def]
    text = d.body_text
    for fact in (*profile.achievements, *profile.problems, *profile.priorities):
        text = text.replace(fact, "")
    if profile.level_char == "市":  # a city's own lower units
        text = re.sub(r"各区县|各县区|各县（市、区）", "", text)
    return text


@pytest.mark.parametrize("seed", SEEDS, ids=[f"seed{s}" for s in SEEDS])
@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_no_word_of_another_level(path: Path, seed: int | None, corpus_model: CorpusModel) -> None:
    profile = load_profile(path)
    d = draft(profile, corpus_model, seed=seed)
    text = _adapted_text(profile, d)
    for other in "市区县":
        if other == profile.level_char:
            continue
        found = [text[max(0, m.start() - 8) : m.end() + 8] for m in MISMATCH[other].finditer(text)]
        assert not found, (profile.level_char, other, found)
    # The level words that are there are the profile's own (全县上下, 县委…).
    level = profile.level_char
    assert re.search(f"全{level}|{level}委|{level}政府", text)


@pytest.mark.parametrize(
    ("text", "level", "expected"),
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
        # a level's own situation (市情), not 城市情况 or 股市情绪
        ("从市情实际看，要立足县情", "区", "从区情实际看，要立足区情"),
        ("城市情况和股市情绪", "县", "城市情况和股市情绪"),
        # a note of the units meant goes with the term (the source's 各乡镇(街道))
        ("各乡镇（街道）、各部门（单位）要围绕", "区", "各街道（镇）、各部门（单位）要围绕"),
        ("各区县（市）要抓好落实", "县", "各乡镇要抓好落实"),
        # Bureaus follow the level; 市场监管 keeps its own 市.
        (
            "市城管局要牵头，市市场监管局要牵头，市教育局要牵头",
            "区",
            "区城管局要牵头，区市场监管局要牵头，区教育局要牵头",
        ),
        ("市城管局和市市场监管局", "县", "县城管局和县市场监管局"),
        # 县城 is a county's own town: a city says 城市, a district 城区.
        ("提升县城治理水平", "市", "提升城市治理水平"),
        ("提升县城治理水平", "区", "提升城区治理水平"),
        ("提升县城治理水平", "县", "提升县城治理水平"),
        ("全县城乡环境和国家卫生县城", "市", "全市城乡环境和国家卫生县城"),
    ],
)
def test_level_terms(text: str, level: str, expected: str) -> None:
    assert level_terms(text, level) == expected


@pytest.mark.parametrize("level", "市区县")
def test_mismatch_pattern_ignores_ordinary_words(level: str) -> None:
    ordinary = (
        "城市管理、市民素质、市场秩序、市容市貌、超市、社区委员会、小区里、省委、"
        "全国县级文明城市、健全市场"
    )
    assert MISMATCH[level].search(ordinary) is None


_CTX = {
    level: AdaptContext(city=f"青岚{level}", level=level, campaign="全国文明城市")
    for level in "市区县"
}


@pytest.mark.parametrize(
    ("sentence", "dropped_for"),
    [
        # The speaker speaks for a street, township or village: dropped at every level.
        ("作为老城区，我们街道背街小巷多、老旧小区多，创建任务十分繁重。", "市区县"),
        ("我们街道背街小巷多、老旧小区多，创建任务十分繁重。", "市区县"),
        ("全镇上下要迅速行动起来，扎实推进环境整治。", "市区县"),
        ("本乡镇要把创建工作摆上重要议事日程。", "市区县"),
        ("请县委、县政府放心，我们一定高质量完成任务。", "市区县"),
        # Identity as 城区 / 县城: only the profile's own kind may say it.
        ("作为老城区，我们背街小巷多、老旧小区多。", "市县"),
        ("作为县城，我们要带头抓好环境整治工作。", "市区"),
    ],
)
def test_sentences_of_another_unit_are_dropped(sentence: str, dropped_for: str) -> None:
    for level in "市区县":
        got = adapt_sentence(sentence, (), _CTX[level])
        assert (got is None) is (level in dropped_for), (level, got)


@pytest.mark.parametrize(
    "sentence",
    [
        "问卷调查显示，超过九成的群众支持创建工作。",
        "八成以上的市民对市容环境表示满意。",
        "过半的点位已经完成整改任务。",
        "半数以上的社区建立了志愿服务队伍。",
        "绝大多数群众对创建工作表示支持。",
        "距离年度测评只有一百天，时间非常紧迫。",
    ],
)
def test_shares_and_survey_figures_are_not_reused(sentence: str) -> None:
    # Figures are claims: the claim analysis keeps them out of the generic sentences that
    # drafts reuse (speechkit.claims.analysis), whatever the profile.
    assert classify(sentence).label != "generic"


@pytest.mark.parametrize(
    "sentence",
    [
        "要一成不变地坚持标准，决不降格以求。",
        "各单位要成为创建工作的排头兵。",
        "要把创建成果转化为群众看得见、摸得着的实惠。",
    ],
)
def test_ordinary_words_with_number_characters_stay(sentence: str) -> None:
    assert adapt_sentence(sentence, (), _CTX["市"]) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "generalize. The text is new （创建全国文明城市 / 省级文明城市）。",
        "| file | reader | style |，这些都是编者说明。",
        "editor notes are boilerplate，不是讲话内容。",
        "请参阅 README 和 speechkit 的说明。",
    ],
)
def test_latin_text_and_markup_are_dropped(sentence: str) -> None:
    assert adapt_sentence(sentence, (), _CTX["市"]) is None


def test_short_acronyms_stay() -> None:
    # APP is a short acronym, not English text (PM2.5, 5G carry digits: the figure rule's).
    sentence = "要用好APP、微信公众号等平台，扩大创建宣传覆盖面。"
    assert adapt_sentence(sentence, (), _CTX["市"]) == sentence
