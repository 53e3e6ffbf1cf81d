"""Which corpus speeches are of the profile's campaign (select.campaign_speeches).

A speech belongs to the family it names most often; one that names no campaign is of none.
It used to count as the first family listed (文明), so a folder of 安全生产 speeches was all
"about" 创文, and every 隐患排查 sentence passed the drift filter as on topic. Made-up speeches.
"""

from __future__ import annotations

from speechkit.bank.build import build_bank
from speechkit.draft.select import campaign_speeches, campaign_topic
from speechkit.model import Paragraph, Speech


def _speech(source: str, *texts: str) -> Speech:
    paragraphs = [
        Paragraph(text=t, line=i + 1, last_line=i + 1, role="tasks") for i, t in enumerate(texts)
    ]
    return Speech(
        source=source, first_line=1, last_line=len(texts), title="讲话", paragraphs=paragraphs
    )


def _model():  # type: ignore[no-untyped-def]
    return build_bank(
        [
            _speech("a.txt", "要扎实推进创建全国文明城市工作，深入开展志愿服务活动。"),
            _speech("b.txt", "要全力创建国家卫生城市，抓好病媒生物防制工作。"),
            _speech("c.txt", "要全面开展隐患排查治理，坚决遏制重特大事故发生。"),
        ]
    )


def test_a_speech_is_of_the_family_it_names() -> None:
    model = _model()
    sources = [s[0] for s in model.speeches]
    civ = {sources[i] for i in campaign_speeches(model, frozenset({"文明"}))}
    health = {sources[i] for i in campaign_speeches(model, frozenset({"卫生"}))}
    assert civ == {"a.txt"}
    assert health == {"b.txt"}
    assert campaign_speeches(model, frozenset({"园林"})) == frozenset()


def test_no_speech_of_the_campaign_leaves_nothing_close_to_it() -> None:
    model = _model()
    topic = campaign_topic(model, frozenset({"园林"}))
    vec = model.query_weights("要全面开展隐患排查治理")
    assert topic.members == frozenset()
    assert topic.cosine(vec) == 0.0
    # a campaign no family names (unknown to campaigns.yaml): every paragraph stands in
    assert campaign_topic(model, frozenset()).cosine(vec) > 0
