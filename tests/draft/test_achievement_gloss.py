"""The sentence after an achievement fits what kind of achievement it is.

A title won or an inspection passed (首次入选全国文明城市, 通过…技术评估) is an honour: the generic
"这项工作直接惠及广大群众" after it read wrong in a 总结表彰大会 draft. Made-up profile items.
"""

from __future__ import annotations

import pytest

from speechkit.bank.build import CorpusModel
from speechkit.draft import draft
from speechkit.draft import resources as res
from speechkit.profile import Profile


def _gloss(item: str) -> tuple[str, ...]:
    return next(
        (s for cue, s in res.ACHIEVEMENT_DEVELOPMENT if cue.search(item)), res.ACHIEVEMENT_GENERIC
    )


@pytest.mark.parametrize(
    "item",
    [
        "首次入选全国文明城市",
        "以全省第一的成绩通过国家卫生县城技术评估",
        "荣获省级文明城市称号",
        "顺利通过国家园林城市复查",
    ],
)
def test_an_honour_gets_an_honours_gloss(item: str) -> None:
    options = _gloss(item)
    assert options != res.ACHIEVEMENT_GENERIC
    assert all("这项工作" not in s and "荣誉" in s for s in options)


@pytest.mark.parametrize(
    ("item", "word"),
    [
        ("改造农贸市场8个", "菜篮子"),
        ("新增公共停车泊位4200个", "出行"),
        ("完成背街小巷改造63条", "街巷"),
    ],
)
def test_work_done_keeps_its_own_gloss(item: str, word: str) -> None:
    assert any(word in s for s in _gloss(item))


def test_a_commendation_draft_does_not_call_a_title_work(corpus_model: CorpusModel) -> None:
    profile = Profile.model_validate(
        {
            "city": "南湖市",
            "campaign": "全国文明城市",
            "meeting": {"type": "总结表彰会", "date": "2027-12-10"},
            "speaker": {"title": "市委书记"},
            "achievements": ["首次入选全国文明城市", "建成新时代文明实践所96个"],
            "length": 3000,
        }
    )
    text = draft(profile, corpus_model).body_text
    after = text.split("首次入选全国文明城市。", 1)[1].split("。", 1)[0]
    assert "荣誉" in after, after
