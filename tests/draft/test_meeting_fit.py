"""Drafting reuses launch wording (从今天起…) only at a meeting that launches the work.

The rule is :func:`speechkit.claims.analysis.fits_meeting`, shared with ``speechkit check``
(``tests/check/test_meeting_kind.py``). The corpus here is made up for the test.
"""

from __future__ import annotations

import pytest

from speechkit.bank.build import CorpusModel
from speechkit.draft.adapt import AdaptContext
from speechkit.draft.select import Selector
from speechkit.model import Paragraph

from .conftest import made_up_bank

_LAUNCH = "从今天起，全市宣传工作要全面升温，营造浓厚的创建氛围。"


@pytest.fixture(scope="module")
def model() -> CorpusModel:
    opening = "同志们：今天召开创建全国文明城市动员大会。"
    paragraphs = [
        Paragraph(text=opening, line=1, last_line=1, role="opening"),
        Paragraph(
            text=f"要加强宣传引导，凝聚创建合力。{_LAUNCH}要广泛开展志愿服务，营造浓厚的创建氛围。",
            line=2, last_line=2, role="safeguards",
        ),
    ]  # fmt: skip
    return made_up_bank(paragraphs)


@pytest.mark.parametrize(
    ("kind", "reused"),
    [("动员会", True), ("部署会", True), ("推进会", False), ("总结表彰会", False)],
)
def test_drafting_reuses_launch_wording_only_at_a_launch(
    model: CorpusModel, kind: str, reused: bool
) -> None:
    ctx = AdaptContext(city="北塘市", level="市", campaign="全国文明城市", meeting_type=kind)
    selector = Selector(model, ctx, seed=1, max_chars_per_speech=10_000)
    piece = selector.sentences("safeguards", "宣传引导 创建氛围", 400)
    assert (_LAUNCH in piece.sentences) is reused, piece.sentences
    assert "要加强宣传引导，凝聚创建合力。" in piece.sentences
