"""A place name the writer adds, one the corpus never uses, is reported as well (大连).

The corpus's own names are known to the model; a hand-written draft may name any other city.
jieba's dictionary tells a place (大连市 and 大连人 are listed, 濮阳 is tagged ns), and the corpus
tells an ordinary word (jieba tags 宜居, 美德 and 满意度 ns too). The sentences are made up.
"""

from __future__ import annotations

import pytest

from speechkit.bank.build import CorpusModel
from speechkit.check.review import Facts, Paragraph, review


def _facts(text: str = "") -> Facts:
    import datetime

    return Facts("青岚市", "市", frozenset(), datetime.date(2027, 4, 10), text=text, given=True)


def _found(sentence: str, model: CorpusModel | None, facts: Facts | None = None) -> list[str]:
    report = review([Paragraph(sentence)], facts=facts or _facts(), model=model)
    return [f.span for f in report.findings if f.kind == "foreign_name"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("大连在这方面走在了前面，值得我们借鉴。", "大连"),
        ("要认真学习张家港的好做法。", "张家港"),
        ("绍兴的经验告诉我们，群众是创建的主体。", "绍兴"),
    ],
)
def test_a_place_the_corpus_never_names_is_reported(
    sentence: str, name: str, corpus_model: CorpusModel
) -> None:
    assert name not in corpus_model.word_idf  # the premise: not a word of the corpus
    assert _found(sentence, corpus_model) == [name]


def test_ordinary_words_jieba_tags_as_places_are_not(corpus_model: CorpusModel) -> None:
    sentence = "要建设宜居城市，弘扬传统美德，不断提高群众满意度，让城市更加美丽。"
    assert _found(sentence, corpus_model) == []


def test_the_profiles_own_place_may_be_named(corpus_model: CorpusModel) -> None:
    facts = _facts("青岚市 大连")  # a profile that gives the place (e.g. a twinned city)
    assert _found("大连在这方面走在了前面，值得我们借鉴。", corpus_model, facts) == []


def test_without_a_corpus_model_nothing_tells_ordinary_words_apart() -> None:
    assert _found("大连在这方面走在了前面，值得我们借鉴。", None) == []
