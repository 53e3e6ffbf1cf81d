"""Sub-points develop their own lead: the reading quality a speechwriter sees first.

- A task or problem sub-point led by a profile item is followed by corpus sentences that speak
  of that item (they share its topic words), never by a sentence closer to another profile
  item; when the corpus has nothing on the item, at most a short generic
  sentence or two about the campaign.
- An achievement sub-point states the achievement and a fitting generic sentence, no corpus text.
- Sentences addressed to one bureau's or school's staff (各位局领导, 各科室…) never reach a
  city/district/county speech.
"""

from __future__ import annotations

import functools
import re

import pytest

from speechkit.bank.build import CorpusModel
from speechkit.draft import draft, resources
from speechkit.draft.adapt import AdaptContext, adapt_sentence
from speechkit.model import Draft, DraftParagraph
from speechkit.profile import Profile, parse_profile
from speechkit.zh import split_sentences


def _item_points(
    profile: Profile, d: Draft, items: tuple[str, ...]
) -> list[tuple[str, DraftParagraph, list[str]]]:
    """(profile item, paragraph, body sentences) of the sub-points led by one of ``items``."""
    out = []
    for p in d.paragraphs:
        if p.lead is None:
            continue
        # The longest match: 公共场所文明引导不足 (a problem) also contains a priority.
        item = max((i for i in items if i in p.lead), key=len, default=None)
        if item is not None:
            out.append((item, p, split_sentences(p.text[len(p.lead) :])))
    return out


#: Cue words of the city-campaign genre: a generic fallback sentence speaks of the campaign.
_TOPIC_CUES = ("文明", "创建", "创城", "创文", "创卫", "卫生城市", "城市管理", "市容")


def _is_generic(sentence: str) -> bool:
    return any(cue in sentence for cue in _TOPIC_CUES)


_PROBLEM_GENERIC = {s for _, group in resources.PROBLEM_DEVELOPMENT for s in group} | set(
    resources.PROBLEM_GENERIC
)


#: Words of the genre that say nothing about a sub-point's topic (this test's own list, kept
#: apart from the composer's tables so that the test is not the composer judging itself).
_GENRE = ("工作", "创建", "文明", "城市", "城区", "管理", "建设", "提升", "加强", "推进", "部分",
          "问题", "不够", "全面", "常态", "着力", "抓好", "扎实", "突出", "治理")  # fmt: skip


@functools.cache
def _topic_words(text: str) -> frozenset[tuple[str, ...]]:
    """The item's words that are not the genre's general words, each with its parts (jieba's
    search mode: 城乡结合部 is also found as 城乡 or 结合部)."""
    import jieba

    words = [w for w in jieba.lcut(text) if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    return frozenset(
        tuple(
            p for p in jieba.lcut_for_search(w) if len(p) >= 2 and not any(g in p for g in _GENRE)
        )
        for w in words
        if not any(g == w for g in _GENRE)
    ) - {()}


def _shares(words: frozenset[tuple[str, ...]], sentence: str) -> int:
    """How many of the words the sentence has (a word counts once, in whole or in part)."""
    return sum(1 for parts in words if any(p in sentence for p in parts))


def test_task_and_problem_points_develop_their_own_lead(case: tuple[Profile, Draft]) -> None:
    """A point led by a profile item has body sentences with the item's topic words, none with
    more than one word more of another item's than of its own; or it is a short generic
    fallback. (jieba words, not the composer's TF-IDF: the test is not the composer's own
    oracle.)"""
    profile, d = case
    items = (*profile.priorities, *profile.problems)
    points = _item_points(profile, d, items)
    assert len(points) >= len(profile.priorities)
    everything = (*profile.achievements, *profile.problems, *profile.priorities)
    for item, _para, body in points:
        own = _topic_words(item)
        shared = [_shares(own, s) for s in body]
        if body and not any(shared):
            if item in profile.problems and item not in profile.priorities:
                # Nothing in the corpus on this problem: one sentence from the problem table.
                assert len(body) == 1 and body[0] in _PROBLEM_GENERIC, (item, body)
                continue
            # Nothing in the corpus on this item: a short generic word on the campaign only.
            assert len(body) <= 2 and all(map(_is_generic, body)), (item, body)
            continue
        for sentence, hits in zip(body, shared, strict=True):
            for other in everything:
                theirs_all = _topic_words(other)
                mine = {p for w in own for p in w}
                if other == item or mine & {p for w in theirs_all for p in w}:
                    continue  # the same topic (a problem and the priority that answers it)
                # Not a sentence about another item of the profile glued onto this one: it may
                # name one more of another item's words (a list of places) than of its own.
                assert _shares(theirs_all, sentence) <= hits + 1, (item, other, sentence)
    if profile.city == "云溪区":
        # The bundled corpus has material on every priority of the 云溪区 profiles.
        empty = [i for i, _, b in points if i in profile.priorities and not b]
        assert not empty


def test_achievement_points_state_the_fact_and_a_fitting_development(
    case: tuple[Profile, Draft],
) -> None:
    profile, d = case
    generic = set(resources.ACHIEVEMENT_GENERIC)
    for _, sentences in resources.ACHIEVEMENT_DEVELOPMENT:
        generic |= set(sentences)
    for item, para, body in _item_points(profile, d, profile.achievements):
        if para.role != "situation":
            continue  # an achievement may also be quoted elsewhere (e.g. the opening)
        assert para.lead.endswith(f"{item}。")
        assert len(body) == 1 and body[0] in generic, (item, body)
        assert not para.sources  # no unrelated corpus paragraph glued on
    bodies = [b[0] for _, p, b in _item_points(profile, d, profile.achievements) if b]
    assert len(bodies) == len(set(bodies))  # never the same sentence twice


def test_no_words_addressed_to_one_bureaus_staff(case: tuple[Profile, Draft]) -> None:
    profile, d = case
    found = resources.AUDIENCE_MISMATCH[profile.level_char].search(d.body_text)
    assert found is None, found


@pytest.mark.parametrize(
    "sentence",
    [
        "各位局领导要根据责任分工，迅速召集分管科室研究安排。",
        "机关党委要认真对照创建工作的各项指标要求，制定实施方案。",
        "各科室、下属单位要根据职能划分，加强配合协作。",
        "要把创建工作纳入全局干部职工年度目标考核。",
        "全校师生要积极参与文明校园创建。",
    ],
)
@pytest.mark.parametrize("level", ["市", "区", "县"])
def test_audience_mismatch_is_dropped(sentence: str, level: str) -> None:
    ctx = AdaptContext(city="云溪" + level, level=level, campaign="全国文明城市")
    assert adapt_sentence(sentence, (), ctx) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "创建工作关系发展全局，必须高度重视。",  # 全局 = the overall situation
        "要组织学校师生积极参与志愿服务。",
    ],
)
def test_audience_filter_keeps_ordinary_words(sentence: str) -> None:
    ctx = AdaptContext(city="云溪区", level="区", campaign="全国文明城区")
    assert adapt_sentence(sentence, (), ctx) is not None


def test_point_without_corpus_material_falls_back_to_generic(corpus_model: CorpusModel) -> None:
    profile = parse_profile(
        "city: 云溪区\ncampaign: 全国文明城区\nmeeting: {type: 部署会}\n"
        "speaker: {title: 区委书记}\npriorities: [深海潜水器维护保养, 老旧小区物业管理]\n"
        "length: 3000\nseed: 3\n"
    )
    d = draft(profile, corpus_model)
    ((_, _, body),) = _item_points(profile, d, ("深海潜水器维护保养",))
    assert len(body) <= 2 and all(map(_is_generic, body)), body
    ((_, _, body),) = _item_points(profile, d, ("老旧小区物业管理",))
    assert body and "小区" in "".join(body)
    assert abs(d.stats["chars"] - profile.length) <= 0.15 * profile.length
