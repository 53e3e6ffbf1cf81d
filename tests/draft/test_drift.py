"""A corpus sub-point's body stays on its topic (reading of qinglan/yunxi/r8/10, 2026-12-01).

A corpus sub-point took its body from the whole source paragraph, across its inline 二是/三是
points and closing sentences: 加强城市卫生管理 ran into 节能减排 and 水源地, 真心做到务实为民 into
依法行政 and 治安防范. A sentence that neither covers the lead nor stays about as close to the
campaign's corpus (or to what the speech asks for) as the body's first sentence is left out, and
other sentences on the lead make up the length. The corpus here is made up for the test.
"""

from __future__ import annotations

import pytest

from speechkit.bank.build import CorpusModel
from speechkit.draft.adapt import AdaptContext
from speechkit.draft.select import DRIFT, LEAD_FLOOR, Piece, Selector, campaign_topic
from speechkit.model import Paragraph
from speechkit.zh import topic_words

from .conftest import made_up_bank

_CTX = AdaptContext(city="北塘市", level="市", campaign="全国文明城市")
_DRIFTING = (
    "要把城市管理工作纳入创建全国文明城市重要日程，创新管理方式，不断提升城市文明形象。",
    "强化节能减排源头治理，严格控制高耗能、高排放和产能过剩项目。",
    "要加强社会治安防控体系建设，严厉打击各类违法犯罪活动。",
    "要加强城市管理执法，规范市容秩序，让城市管理更加精细。",
)
#: The campaign's corpus: what its speeches speak of (市容, 环境, 交通, 志愿服务, 管理).
_OTHERS = [
    "要加强市容环境管理，清理背街小巷卫生死角，规范占道经营，让市容市貌整洁有序。",
    "要深入开展交通秩序整治，规范车辆停放，引导市民文明出行，让道路通行顺畅。",
    "要广泛开展志愿服务，组织志愿者清理小区环境卫生，劝导不文明行为。",
    "要加强农贸市场管理，规范摊位摆放，清理市场周边环境，提升市场管理水平。",
    "要加强小区物业管理，整治楼道堆物和乱搭乱建，改善居民生活环境。",
    "要完善公厕、垃圾箱、路灯等市政设施，加强日常管护，让设施经得起细查。",
    "要加强公益广告宣传，营造文明城市创建的浓厚氛围，提升市民文明素质。",
    "要加强城市管理队伍建设，推行网格化管理，及时发现和处置市容环境问题。",
]


@pytest.fixture(scope="module")
def model() -> CorpusModel:
    opening = "同志们：今天召开创建全国文明城市动员大会。"
    paragraphs = [Paragraph(text=opening, line=1, last_line=1, role="opening")]
    for k, text in enumerate(_OTHERS, start=2):
        paragraphs.append(Paragraph(text=text, line=k, last_line=k, role="significance"))
    lead = "五是加强城市精细化管理。"
    paragraphs.append(
        Paragraph(
            text=lead + "".join(_DRIFTING), line=20, last_line=20, level=2, marker="五是",
            role="tasks",
        )
    )  # fmt: skip
    return made_up_bank(paragraphs)


def test_sentences_that_drift_off_the_topic_are_left_out(model: CorpusModel) -> None:
    selector = Selector(model, _CTX, seed=1, max_chars_per_speech=10_000)
    source = len(model.paragraphs) - 1
    got = selector.on_topic_run(list(_DRIFTING), "加强城市精细化管理。", source=source)
    assert got[0] == _DRIFTING[0]  # the body's first sentence states its topic
    assert _DRIFTING[3] in got  # it covers the lead
    assert _DRIFTING[1] not in got and _DRIFTING[2] not in got, got  # 节能减排, 治安


def test_the_measure_is_the_campaign_corpus_not_a_word_list(model: CorpusModel) -> None:
    # The drifting sentences are far from the campaign's corpus, by TF-IDF cosine.
    campaign = campaign_topic(model, _CTX.families)
    source = len(model.paragraphs) - 1  # judged against the campaign's other paragraphs

    def near(sentence: str) -> float:
        return campaign.cosine(model.query_weights(topic_words(sentence)), source)

    for sentence in _DRIFTING[1:3]:
        assert near(sentence) < DRIFT * near(_DRIFTING[0])


def test_a_corpus_sub_point_is_written_without_its_drift(model: CorpusModel) -> None:
    selector = Selector(model, _CTX, seed=1, max_chars_per_speech=10_000)
    pieces = selector.points("tasks", "加强城市精细化管理", 1, 400)
    assert pieces and pieces[0].lead == "加强城市精细化管理。"
    body = "".join(pieces[0].sentences)
    assert "管理" in body and "节能减排" not in body and "治安" not in body, body


def test_a_body_on_one_topic_is_kept_whole(model: CorpusModel) -> None:
    selector = Selector(model, _CTX, seed=1, max_chars_per_speech=10_000)
    on_topic = [_DRIFTING[0], _DRIFTING[3]]
    assert selector.on_topic_run(on_topic, "加强城市精细化管理。") == on_topic



def test_a_sub_point_grown_from_other_paragraphs_keeps_to_what_it_began_with() -> None:
    """夯实创建本色 grew with 危难显本色，烈火炼真金 (reading of 09/10, 2026-12-01): a sentence
    found elsewhere for the lead's words must also stay near what the sub-point says."""
    opening = "同志们：今天召开创建全国文明城市动员大会。"
    paragraphs = [Paragraph(text=opening, line=1, last_line=1, role="opening")]
    for k, text in enumerate(_OTHERS, start=2):
        paragraphs.append(Paragraph(text=text, line=k, last_line=k, role="significance"))
    grown = (
        "危难显本色，烈火炼真金。",
        "要夯实创建本色，加强市容环境管理，清理背街小巷卫生死角，完善公厕、垃圾箱、路灯等市政设施。",
    )
    paragraphs.append(Paragraph(text="".join(grown), line=30, last_line=30, role="tasks"))
    model = made_up_bank(paragraphs)
    selector = Selector(model, _CTX, seed=1, max_chars_per_speech=10_000)
    piece = Piece(lead="攻重点，夯实创建本色。", sentences=["要整治交通秩序，规范车辆停放。"])
    selector.more(piece, "tasks", "市容环境 市政设施", 300, lead="夯实创建本色", floor=LEAD_FLOOR)
    assert grown[1] in piece.sentences, piece.sentences
    assert grown[0] not in piece.sentences
