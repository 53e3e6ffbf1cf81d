"""Restatement across neighbouring sentences (qinglan §一, 2026-12-01).

The honour was stated twice in one paragraph (含金量最高…的城市品牌 / 最具价值的“金字招牌”), with
应该说 and 可以说 opening two sentences in a row; their TF-IDF cosine (0.065) is far under the
same-paragraph restatement threshold, as the words differ. The sentences below are made up.
"""

from __future__ import annotations

import itertools
import re

import pytest

from speechkit.draft.select import restates
from speechkit.model import Draft
from speechkit.profile import Profile
from speechkit.zh import split_sentences


@pytest.mark.parametrize(
    ("before", "sentence"),
    [
        (["应该说，北塘的城市面貌变化很大。"], "可以说，创建工作是一场硬仗。"),
        (["事实上，群众最盼的是环境改善。"], "总的来说，创建要从小事做起。"),
        (["全国文明城市是含金量最高的品牌。"], "全国文明城市作为标尺，也是最具价值的金字招牌。"),
        (["应该说，国家卫生城市是金字招牌。"], "国家卫生城市是城市实力的集中体现。"),
        (["创建文明城市是民心工程。", "要广泛发动群众。"], "创建文明城市是一项系统工程。"),
    ],
)
def test_a_second_summing_up_or_judgement_restates(before: list[str], sentence: str) -> None:
    assert restates(before, sentence)


@pytest.mark.parametrize(
    ("before", "sentence"),
    [
        # A hedge after a plain sentence is one summing-up, not two.
        (["应该说，北塘的城市面貌变化很大。", "要巩固成果。"], "可以说，创建是一场硬仗。"),
        # Another subject is another judgement.
        (["全国文明城市是含金量最高的城市品牌。"], "志愿服务是城市文明的重要标志。"),
        # A judgement followed by an order says what to do about it.
        (["全国文明城市是含金量最高的城市品牌。"], "全国文明城市是一块金字招牌，要倍加珍惜。"),
        ([], "应该说，创建工作成效明显。"),
    ],
)
def test_other_neighbours_do_not(before: list[str], sentence: str) -> None:
    assert not restates(before, sentence)


#: This file's own list of hedge and summing-up openers.
_HEDGE = re.compile(r"^(?:应该说|可以说|总的来说|事实上|实际上|总之|总而言之|毫无疑问)[，,]")


def test_no_draft_opens_two_neighbouring_sentences_with_a_hedge(
    case: tuple[Profile, Draft],
) -> None:
    _profile, d = case
    for p in d.paragraphs:
        sentences = split_sentences(p.text)
        for a, b in itertools.pairwise(sentences):
            assert not (_HEDGE.match(a) and _HEDGE.match(b)), (a, b)
