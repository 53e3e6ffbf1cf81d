"""Sub-points develop their own lead: the reading quality a speechwriter sees first.

- A task or problem sub-point led by a profile item is followed by corpus sentences that speak
  of that item (TF-IDF coverage of the lead above the floor), never by a sentence closer to
  another profile item; when the corpus has nothing on the item, at most a short generic
  sentence or two about the campaign.
- An achievement sub-point states the achievement and a fitting generic sentence, no corpus text.
- Sentences addressed to one bureau's or school's staff (各位局领导, 各科室…) never reach a
  city/district/county speech.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.draft import draft, load_profile, resources
from speechkit.draft.adapt import AdaptContext, adapt_sentence
from speechkit.draft.model import Draft, DraftParagraph
from speechkit.draft.bank import CorpusModel, split_sentences
from speechkit.draft.profile import Profile, parse_profile
from speechkit.draft.select import LEAD_FLOOR, coverage, lead_vector, same_topic

from .conftest import EXAMPLES, PROFILES

ALL = PROFILES + EXAMPLES
_drafts: dict[str, tuple[Profile, Draft]] = {}


@pytest.fixture(params=ALL, ids=[p.stem for p in ALL])
def case(request: pytest.FixtureRequest, corpus_model: CorpusModel) -> tuple[Profile, Draft]:
    path: Path = request.param
    if str(path) not in _drafts:
        profile = load_profile(path)
        _drafts[str(path)] = (profile, draft(profile, corpus_model))
    return _drafts[str(path)]


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


def _is_generic(sentence: str) -> bool:
    return any(cue in sentence for cue in resources.TOPIC_CUES)


_PROBLEM_GENERIC = {s for _, group in resources.PROBLEM_DEVELOPMENT for s in group} | set(
    resources.PROBLEM_GENERIC
)


def test_task_and_problem_points_develop_their_own_lead(
    case: tuple[Profile, Draft], corpus_model: CorpusModel
) -> None:
    profile, d = case
    items = (*profile.priorities, *profile.problems)
    points = _item_points(profile, d, items)
    assert len(points) >= len(profile.priorities)
    everything = (*profile.achievements, *profile.problems, *profile.priorities)
    for item, _para, body in points:
        lead = lead_vector(corpus_model, item)
        others = [
            v
            for v in (lead_vector(corpus_model, o) for o in everything)
            if v and not same_topic(v, lead)
        ]
        scores = [coverage(lead, corpus_model.query_weights(s)) for s in body]
        if body and max(scores) < LEAD_FLOOR:
            if item in profile.problems and item not in profile.priorities:
                # Nothing in the corpus on this problem: one sentence from the problem table.
                assert len(body) == 1 and body[0] in _PROBLEM_GENERIC, (item, body)
                continue
            # Nothing in the corpus on this item: a short generic word on the campaign only.
            assert len(body) <= 2 and all(map(_is_generic, body)), (item, body)
            continue
        for sentence, own in zip(body, scores, strict=True):
            assert own >= LEAD_FLOOR, (item, sentence, own)
            vec = corpus_model.query_weights(sentence)
            for other in others:
                # Not a sentence about another item of the profile glued onto this one.
                assert coverage(other, vec) < LEAD_FLOOR or coverage(other, vec) <= own, (
                    item,
                    sentence,
                )
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
    found = resources.AUDIENCE_MISMATCH[profile.unit].search(d.body_text)
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
@pytest.mark.parametrize("unit", ["市", "区", "县"])
def test_audience_mismatch_is_dropped(sentence: str, unit: str) -> None:
    ctx = AdaptContext(city="云溪" + unit, unit=unit, campaign="全国文明城市")
    assert adapt_sentence(sentence, (), ctx) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "创建工作关系发展全局，必须高度重视。",  # 全局 = the overall situation
        "要组织学校师生积极参与志愿服务。",
    ],
)
def test_audience_filter_keeps_ordinary_words(sentence: str) -> None:
    ctx = AdaptContext(city="云溪区", unit="区", campaign="全国文明城区")
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
