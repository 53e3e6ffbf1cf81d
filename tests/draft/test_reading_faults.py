"""Three reading faults of a drafted 推进会 (benchmarks/profiles_read/r8, 2026-12-01), as rules.

1. A sentence under a sub-point qualifies by its own words: 加强食品生产经营监管 shares the
   bigram 经营 with 占道经营整治 but is about food safety.
2. A sentence that casts its addressee as a particular unit (积极承担…牵头部门责任, 作为…部门，
   你们…) is used only when the profile names that unit; the bank's sentence lost its subject.
3. A distinctive enumeration (社会公德、职业道德、家庭美德和个人品德) is said once a draft, not
   once a paragraph.

The cases are made up here (a small corpus of our own, sentences written for the test); the
drafts of every test profile and example are checked with this file's own patterns.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from speechkit.bank.build import CorpusModel
from speechkit.draft import draft, load_profile
from speechkit.draft.adapt import AdaptContext, adapt_sentence
from speechkit.draft.select import Selector
from speechkit.model import Draft, Paragraph
from speechkit.profile import Profile
from speechkit.zh import split_sentences

from .conftest import made_up_bank

READ_PROFILES = Path(__file__).resolve().parents[2] / "benchmarks" / "profiles_read"
_CTX = AdaptContext(city="北塘市", level="市", campaign="全国文明城市")

# ------------------------------------------------------------------ 1. a sentence's own topic

#: A made-up speech: task sub-points, two of them on other topics that share a bigram with the
#: leads developed below (经营 of 生产经营, 乱放 of 杂物乱放), and one with a lead's topic in other
#: words (占道).
_TASKS = [
    ("一是规范市场秩序。", "要加强农贸市场周边管理，规范摊位摆放，坚决纠正占道经营行为。"),
    ("二是加强食品监管。", "要健全食品安全监管机制，加强食品生产经营全过程监管，让群众放心。"),
    ("三是整治街面秩序。", "要严肃查处流动商贩摆摊设点等占道行为，让街面秩序井然有序。"),
    ("四是规范车辆停放。", "要科学施划停车泊位，坚决纠正机动车乱停乱放现象，让道路通行顺畅。"),
    ("五是美化楼道环境。", "要发动居民清理楼道堆物，严禁杂物乱放，让楼道干净整洁。"),
    ("六是加强组织领导。", "各级各部门要把创建工作摆上重要议事日程，主要负责同志亲自抓、负总责。"),
    ("七是强化宣传引导。", "要充分利用各类媒体广泛宣传创建知识，营造人人参与创建的浓厚氛围。"),
]  # fmt: skip


@pytest.fixture(scope="module")
def small_model() -> CorpusModel:
    opening = "同志们：今天召开创建全国文明城市推进会。"
    paragraphs = [Paragraph(text=opening, line=1, last_line=1, role="opening")]
    for k, (lead, body) in enumerate(_TASKS, start=2):
        paragraphs.append(
            Paragraph(
                text=lead + body, line=k, last_line=k, level=2, marker=lead[:2],
                role="tasks" if k < 7 else "safeguards",
            )
        )  # fmt: skip
    return made_up_bank(paragraphs)


def _develop(model: CorpusModel, lead: str, *, others: tuple[str, ...] = ()) -> list[str]:
    selector = Selector(model, _CTX, seed=1, max_chars_per_speech=10_000)
    return selector.develop("tasks", lead, 400, others=others, fallback=False).sentences


def test_a_sentence_sharing_only_a_generic_part_of_the_lead_is_not_on_its_topic(
    small_model: CorpusModel,
) -> None:
    got = _develop(small_model, "占道经营整治")
    assert not [s for s in got if "食品" in s], got  # 生产经营 is not 占道经营
    assert any("纠正占道经营" in s for s in got), got  # the lead's own word
    assert any("占道行为" in s for s in got), got  # its specific part (占道) in other words


def test_the_rule_is_not_keyed_to_one_topic(small_model: CorpusModel) -> None:
    # Another lead whose only content word is a problem cue: 杂物乱放 shares a bigram with it.
    got = _develop(small_model, "乱停乱放整治")
    assert got and all("乱停乱放" in s for s in got), got


# ------------------------------------------------------------------ 2. an addressee not given


@pytest.mark.parametrize(
    "sentence",
    [
        "积极承担文明创建牵头部门责任，充分发挥统筹协调的作用。",
        "要主动扛起牵头单位职责，把各项任务抓在手上。",
        "作为创建工作的牵头部门，要主动担当、靠前指挥。",
        "作为主要责任单位，必须把工作做细做实。",
        "你们要把群众的小事当成自己的大事来办。",
        "希望你们再接再厉，再创佳绩。",
        "市创建办要充分发挥牵头抓总、综合协调的作用。",
    ],
)
def test_a_sentence_addressed_to_a_unit_the_profile_does_not_name_is_dropped(
    sentence: str,
) -> None:
    assert adapt_sentence(sentence, (), _CTX) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "对部门交叉的工作，既要明确牵头部门，又要主动协调配合。",
        "要把督查结果作为考核部门和干部的重要依据。",
        "各部门要密切配合，形成齐抓共管的工作合力。",
        "发改、住建、环保等职能部门要完善基础设施，确保硬件达标。",
        "主要负责同志要对本单位、本部门的创建任务亲自抓、亲自督促。",
    ],
)
def test_sentences_that_only_speak_of_units_are_kept(sentence: str) -> None:
    assert adapt_sentence(sentence, (), _CTX) is not None


def test_a_unit_the_profile_names_may_be_addressed() -> None:
    sentence = "市创建办要充分发挥牵头抓总、综合协调的作用。"
    named = AdaptContext(
        city="北塘市", level="市", campaign="全国文明城市", given="市创建办统筹推进测评迎检"
    )
    assert adapt_sentence(sentence, (), named) == sentence


# ------------------------------------------------------------------ 3. an enumeration said twice


def test_an_enumeration_already_said_elsewhere_is_a_repeat(small_model: CorpusModel) -> None:
    selector = Selector(small_model, _CTX, seed=1, max_chars_per_speech=10_000)
    selector.remember("要大力弘扬爱国、敬业、诚信、友善的价值追求，引导群众崇德向善。")
    # The same four items in another order and other words around them: said again.
    assert selector.is_repeat("推进敬业、诚信、爱国和友善教育，深入开展文明餐桌活动。")
    # Two items in common are a phrase, not the list again.
    assert not selector.is_repeat("要把诚信、友善落实到窗口服务的每一个细节。")
    # Another list of the same length is another thing said.
    assert not selector.is_repeat("要加强道路、桥梁、管网、路灯等基础设施的日常维护。")


def _lists(sentence: str) -> list[frozenset[str]]:
    """The items of each 、-list of three or more in a sentence (this file's own reading: jieba
    cuts the neighbour words off the first and last items, 推进|社会公德, 个人品德|教育)."""
    import jieba

    out = []
    for clause in re.split(r"[，。；：！？]", sentence):
        pieces = clause.split("、")
        if len(pieces) < 2:
            continue
        joined = re.split(r"以及|和|及|与", pieces[-1], maxsplit=1)  # 家庭美德和个人品德
        if len(joined) == 2 and min(map(len, joined)) >= 2:
            pieces[-1:] = joined
        if len(pieces) < 3:
            continue
        first, last = jieba.lcut(pieces[0]), jieba.lcut(pieces[-1])
        out.append(frozenset([first[-1], *pieces[1:-1], last[0]]))
    return out


def test_no_draft_says_an_enumeration_twice(case: tuple[Profile, Draft]) -> None:
    _profile, d = case
    seen: list[tuple[frozenset[str], str]] = []
    for p in d.paragraphs:
        for sentence in split_sentences(p.text):
            lists = _lists(sentence)  # a sentence may name its own list twice (its source's)
            for items in lists:
                for earlier, where in seen:
                    assert len(items & earlier) < 3, (sentence, where)
            seen.extend((items, sentence) for items in lists)


#: This file's own pattern of a sentence that leans on an addressee: the lead unit's duty,
#: 作为…部门/单位 as identity, 你们.
_ADDRESSED = re.compile(
    r"牵头(?:部门|单位)(?:责任|职责)|牵头抓总|作为[^，。；]{0,12}(?:部门|单位)[，,]|你们"
)


def test_no_draft_addresses_a_unit_it_does_not_name(case: tuple[Profile, Draft]) -> None:
    _profile, d = case
    assert _ADDRESSED.search(d.body_text) is None, _ADDRESSED.search(d.body_text)


def test_the_read_progress_draft_has_none_of_the_three_faults(corpus_model: CorpusModel) -> None:
    # The profile whose reading found the faults (its draft is not the only oracle: see above).
    profile = load_profile(READ_PROFILES / "r8_city_civ_progress.yaml")
    d = draft(profile, corpus_model)
    assert _ADDRESSED.search(d.body_text) is None
    point = next(p for p in d.paragraphs if p.lead and "占道经营" in p.lead)
    assert "食品" not in point.text, point.text
    seen: list[frozenset[str]] = []
    for sentence in split_sentences(d.body_text):
        lists = _lists(sentence)
        for items in lists:
            assert all(len(items & earlier) < 3 for earlier in seen), sentence
        seen.extend(lists)


@pytest.mark.parametrize(
    ("sentence", "given", "dropped"),
    [
        # One office's duty (reading of qinglan and 09, 2026-12-01): the profile's to give.
        ("市创文办要切实担负起组织协调、指导督促的责任。", "", True),
        ("市创建领导小组要加强全面督查和专项督查，查进度、找差距。", "", True),
        ("县委宣传部要加强舆论引导，营造浓厚氛围。", "", True),
        ("市创文办要切实担负起组织协调、指导督促的责任。", "市创文办牵头", False),
        # The place's committee and government, or every unit, speak for any place.
        ("市委要把创建任务完成情况列入督查内容。", "", False),
        ("各部门要主动协调配合，决不允许推诿扯皮。", "", False),
    ],
)
def test_a_sentence_on_one_office_needs_the_profile_to_name_it(
    sentence: str, given: str, dropped: bool
) -> None:
    ctx = AdaptContext(city="北塘市", level="市", campaign="全国文明城市", given=given)
    assert (adapt_sentence(sentence, (), ctx) is None) is dropped
