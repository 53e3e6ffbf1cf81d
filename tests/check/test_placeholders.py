"""Every placeholder or blank mark left in a draft is reported, and a draft drops every one.

Drafting and checking share one rule (``speechkit.segment.placeholders.left_marks``); these
sentences were written by hand, one per kind of mark, with the mark the writer would circle.
"""

from __future__ import annotations

import datetime as dt

import pytest

from speechkit.check.review import Paragraph, facts_from_title, review
from speechkit.draft.adapt import AdaptContext, adapt_sentence

# A sentence an adapter would otherwise keep, the mark a reader would circle.
SENTENCES = [
    ("要在XXX年底前完成背街小巷整治任务。", "XXX"),
    ("要按照某书记的要求，把整改责任落实到位。", "某"),
    ("要按照某主席的要求，把整改责任落实到位。", "某"),
    ("要把资金【 】万元用在群众最关心的地方。", "【 】"),
    ("要力争在____年前实现创建目标任务。", "____"),
    ("要确保PM2.5*浓度持续下降，空气质量不断改善。", "*"),
    ("要做好××工作，确保创建任务落到实处。", "××"),
]


@pytest.mark.parametrize(("sentence", "mark"), SENTENCES)
def test_check_reports_the_mark(sentence: str, mark: str) -> None:
    facts = facts_from_title("在青岚市创建全国文明城市动员大会上的讲话", today=dt.date(2027, 4, 10))
    report = review([Paragraph("同志们："), Paragraph(sentence)], facts=facts)
    found = [f for f in report.findings if f.kind == "placeholder"]
    assert [(f.paragraph, f.span) for f in found] == [(2, mark)]


@pytest.mark.parametrize(("sentence", "mark"), SENTENCES)
def test_draft_never_keeps_the_mark(sentence: str, mark: str) -> None:
    ctx = AdaptContext(city="青岚市", level="市", campaign="全国文明城市")
    assert adapt_sentence(sentence, (), ctx) is None
    # The same sentence without the mark is kept: the mark alone drops it.
    assert adapt_sentence(sentence.replace(mark, "三", 1), (), ctx) is not None
