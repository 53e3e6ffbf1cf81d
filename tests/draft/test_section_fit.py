"""A sub-point fits its section, and a section has a sensible number of them.

Reading 09_city_civ_commend (2026-12-01): §五 加强组织领导 ended with 六是加强城市卫生管理 and
七是真心做到务实为民 (work tasks, not safeguards: their source speech had put them under its
safeguards), and §四 had eight sub-points, §五 seven. A corpus sub-point now goes under the
section whose role's corpus paragraphs it is closest to (:func:`speechkit.draft.select.fits_role`),
and a section has at most six. The corpus here is made up for the test.
"""

from __future__ import annotations

import pytest

from speechkit.bank.build import CorpusModel
from speechkit.draft.adapt import AdaptContext
from speechkit.draft.select import Selector, fits_role
from speechkit.model import Paragraph
from speechkit.zh import topic_words

from .conftest import made_up_bank

_CTX = AdaptContext(city="北塘市", level="市", campaign="全国文明城市", meeting_type="推进会")
_SAFEGUARDS = [
    (
        "强化组织领导，压实工作责任。",
        "各级党委政府要把创建工作摆上重要议事日程，主要领导亲自抓、负总责，形成一级抓一级、层层抓落实的工作格局。",
    ),
    (
        "强化督查考核，严格问责问效。",
        "要把创建任务纳入年度目标考核，定期督查通报，对工作不力、敷衍塞责的单位严肃追责问责。",
    ),
    (
        "强化经费保障，确保投入到位。",
        "各级财政要把创建经费列入预算，保障创建工作的资金投入，确保各项任务按期完成。",
    ),
    (
        "细化责任分工，落实到岗到人。",
        "各责任单位要细化责任分工，明确牵头领导和具体责任人，把责任落实到岗位、落实到人。",
    ),
]
_TASKS = [
    (
        "抓好市容环境整治。",
        "要清理背街小巷卫生死角，规范占道经营，整治乱贴乱画，让市容市貌整洁有序。",
    ),
    (
        "抓好农贸市场管理。",
        "要规范农贸市场摊位摆放，清理市场周边环境卫生，落实保洁制度，提升市场卫生水平。",
    ),
    (
        "抓好公共场所卫生。",
        "要强化公共场所卫生监督，完善公厕、垃圾箱等卫生设施，落实日常保洁和消毒制度。",
    ),
    (
        "抓好交通秩序整治。",
        "要规范车辆停放，整治闯红灯和乱停乱放，引导市民文明出行，让道路通行顺畅。",
    ),
]
#: A task its source speech put under its safeguards.
_MISPLACED = (
    "加强城市卫生管理。",
    "要把城市卫生管理纳入重要日程，强化公共场所卫生监督，完善环卫设施，清理卫生死角，提高城市卫生管理水平。",
)


def _paragraph(line: int, lead: str, body: str, role: str) -> Paragraph:
    return Paragraph(
        text=f"{'一二三四五六七八九'[line % 9]}是{lead}{body}", line=line, last_line=line, level=2,
        marker=f"{'一二三四五六七八九'[line % 9]}是", role=role,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.fixture(scope="module")
def model() -> CorpusModel:
    opening = "同志们：今天召开创建全国文明城市推进会。"
    paragraphs = [Paragraph(text=opening, line=1, last_line=1, role="opening")]
    line = 2
    for role, items in (("tasks", _TASKS), ("safeguards", [*_SAFEGUARDS, _MISPLACED])):
        for lead, body in items:
            paragraphs.append(_paragraph(line, lead, body, role))
            line += 1
    return made_up_bank(paragraphs)


def _index(model: CorpusModel, lead: str) -> int:
    return next(i for i, p in enumerate(model.paragraphs) if p.lead == lead)


def test_a_task_put_under_safeguards_fits_the_tasks(model: CorpusModel) -> None:
    i = _index(model, _MISPLACED[0])
    assert model.paragraphs[i].role == "safeguards"
    vec = model.query_weights(topic_words("".join(_MISPLACED)))
    assert not fits_role(model, vec, "safeguards", i)
    assert fits_role(model, vec, "tasks", i)


@pytest.mark.parametrize("lead", [lead for lead, _ in _SAFEGUARDS])
def test_the_safeguards_fit_their_own_section(model: CorpusModel, lead: str) -> None:
    i = _index(model, lead)
    para = model.paragraphs[i]
    vec = model.query_weights(topic_words(lead + "".join(para.sentences)))
    assert fits_role(model, vec, "safeguards", i)


def test_the_safeguards_section_leaves_the_task_out_and_the_tasks_take_it(
    model: CorpusModel,
) -> None:
    selector = Selector(model, _CTX, seed=1, max_chars_per_speech=10_000)
    safeguards = [p.lead for p in selector.points("safeguards", "组织领导 督查考核 保障", 6, 2000)]
    assert "加强城市卫生管理。" not in safeguards
    assert len(safeguards) >= 3, safeguards
    selector = Selector(model, _CTX, seed=1, max_chars_per_speech=10_000)
    tasks = [p.lead for p in selector.points("tasks", "城市卫生管理 公共场所卫生", 6, 3000)]
    assert "加强城市卫生管理。" in tasks, tasks
    assert not {"强化组织领导，压实工作责任。", "强化督查考核，严格问责问效。"} & set(tasks), tasks


def test_no_section_has_more_than_six_sub_points(case) -> None:  # type: ignore[no-untyped-def]
    _profile, d = case
    counts: list[int] = []
    for p in d.paragraphs:
        if p.level == 1:
            counts.append(0)
        elif p.level == 2 and counts:
            counts[-1] += 1
    assert counts and max(counts) <= 6, counts
