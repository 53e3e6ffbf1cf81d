"""Each selection decision draws from its own seeded stream (Selector.draw).

With one shared random stream, a candidate a rule removes shifts every later draw, and 12 of 23
drafts changed because three rules removed a few sentences. The corpus here is made up.
"""

from __future__ import annotations

import pytest

from speechkit.bank.build import CorpusModel
from speechkit.draft.adapt import AdaptContext
from speechkit.draft.select import Selector
from speechkit.model import Paragraph

from .conftest import made_up_bank

_CTX = AdaptContext(city="北塘市", level="市", campaign="全国文明城市")
_TOPICS = ["背街小巷", "农贸市场", "交通秩序", "志愿服务", "公益广告", "老旧小区", "窗口服务"]


@pytest.fixture(scope="module")
def model() -> CorpusModel:
    paragraphs = [Paragraph(text="同志们：今天召开创建全国文明城市动员大会。", line=1, last_line=1)]
    for k, topic in enumerate(_TOPICS, start=2):
        ordinal = "一二三四五六七"[k - 2]
        text = f"{ordinal}是抓好{topic}整治。要把{topic}整治抓细抓实，让群众看到变化。"
        paragraphs.append(
            Paragraph(text=text, line=k, last_line=k, level=2, marker=text[:2], role="tasks")
        )
    return made_up_bank(paragraphs)


def test_removing_a_candidate_keeps_the_order_of_the_others(model: CorpusModel) -> None:
    first = Selector(model, _CTX, seed=3, max_chars_per_speech=10_000)
    order = first._ranked(("tasks",), "整治", need_lead=True)
    assert len(order) == len(_TOPICS)
    for gone in order:
        again = Selector(model, _CTX, seed=3, max_chars_per_speech=10_000)
        again.used_paragraphs.add(gone)  # a rule took it out
        assert again._ranked(("tasks",), "整治", need_lead=True) == [i for i in order if i != gone]


def test_another_seed_or_decision_draws_otherwise(model: CorpusModel) -> None:
    a = Selector(model, _CTX, seed=3, max_chars_per_speech=10_000)
    b = Selector(model, _CTX, seed=4, max_chars_per_speech=10_000)
    draws = [a.draw("ranked:tasks", i) for i in range(8)]
    assert draws != [b.draw("ranked:tasks", i) for i in range(8)]
    assert draws != [a.draw("develop:tasks", i) for i in range(8)]
    assert all(0.0 <= d < 1.0 for d in draws)
    options = ["甲。", "乙。", "丙。", "丁。"]
    pick = a.choose("fallback:x", options)
    assert a.choose("fallback:x", [o for o in options if o != pick] + [pick]) == pick
    other = next(o for o in options if o != pick)
    assert a.choose("fallback:x", [o for o in options if o != other]) == pick
