"""Small cases of candidates, scoring and KWIC."""

from __future__ import annotations

import pytest

from speechkit.errors import ParameterError
from speechkit.model import Paragraph, Speech
from speechkit.phrases import PhraseConfig, extract_phrases, kwic
from speechkit.phrases.candidates import (
    build_stream,
    count_ngrams,
    is_excluded,
    parallel_phrases,
)
from speechkit.phrases.generic import GenericTest
from speechkit.phrases.resources import background_idf, load_stopwords
from speechkit.phrases.scoring import drop_subsumed, ngram_features
from speechkit.tokenize import make_tokenizer
from speechkit.tokenize.userdict import iter_user_words


def genre_words() -> frozenset[str]:
    return frozenset(w.word for w in iter_user_words(()))


def _speech(source: str, *texts: str) -> Speech:
    return Speech(
        source, 1, len(texts), None, [Paragraph(t, i, i) for i, t in enumerate(texts, start=1)]
    )


@pytest.mark.parametrize(
    ("phrase", "excluded"),
    [
        ("长效机制", False),
        ("xx市", True),
        ("X同志", True),
        ("**年", True),
        ("2019年", True),
        ("三月", True),
        ("城", True),
        ("小编为大家整理", True),
        ("如若转载", True),
        ("content", True),
    ],
)
def test_exclusions(phrase: str, excluded: bool) -> None:
    assert is_excluded(phrase) is excluded


def test_ngram_counts_match_a_direct_count() -> None:
    docs = [(0, ["建立", "长效机制", "，", "建立", "长效机制"]), (1, ["建立", "长效机制"])]
    stream = build_stream(docs, stopwords=frozenset())
    levels = count_ngrams(stream, 3)
    feats = ngram_features(stream, levels, min_count=1, min_docs=1)
    bigrams = {
        tuple(stream.vocab[t] for t in row): int(c)
        for row, c in zip(feats[1].tokens, feats[1].count, strict=True)
    }
    assert bigrams == {("建立", "长效机制"): 3}  # never across "，" or paragraphs
    assert feats[1].docs.tolist() == [2]


def test_branching_entropy_flags_fragments() -> None:
    texts = [
        ["推进", "新时代", "文明实践"],
        ["深化", "新时代", "文明实践"],
        ["建设", "新时代", "文明实践"],
        ["推进", "新时代", "文明实践"],
    ]
    stream = build_stream(enumerate(texts), stopwords=frozenset())
    feats = ngram_features(stream, count_ngrams(stream, 2), min_count=2, min_docs=2)
    single = {
        stream.vocab[row[0]]: (hl, hr)
        for row, hl, hr in zip(
            feats[0].tokens, feats[0].left_entropy, feats[0].right_entropy, strict=True
        )
    }
    assert single["文明实践"][0] == 0.0  # always after 新时代: a fragment on its own
    assert single["新时代"][0] > 1.0


def test_subsumed_sub_phrase_is_dropped() -> None:
    assert drop_subsumed(["测评体系", "全国文明城市测评体系"], [10, 9]) == [False, True]
    assert drop_subsumed(["测评体系", "全国文明城市测评体系"], [20, 9]) == [True, True]


def test_stopwords_do_not_start_or_end_phrases() -> None:
    speeches = [
        _speech("a.txt", "我们要切实建立健全长效机制。", "进一步加强背街小巷整治。"),
        _speech("b.txt", "完善长效机制，切实改造背街小巷。"),
        _speech("c.txt", "我们要形成长效机制，我们要清理背街小巷。"),
    ]
    names = [p.phrase for p in extract_phrases(speeches, config=PhraseConfig(tokenizer="jieba"))]
    assert "长效机制" in names
    assert all(not n.startswith(("我们", "进一步", "切实")) for n in names)


def test_slogans_and_parallel_phrases() -> None:
    speeches = [
        _speech("a.txt", "坚持创建为民、创建惠民、创建靠民，营造“人人参与创城”的氛围。"),
        _speech("b.txt", "要创建为民、创建惠民、创建靠民，让“人人参与创城”深入人心。"),
    ]
    found = {p.phrase: p for p in extract_phrases(speeches, config=PhraseConfig(tokenizer="jieba"))}
    assert "创建为民、创建惠民、创建靠民" in found
    assert found["创建为民、创建惠民、创建靠民"].kind == "parallel"
    assert "人人参与创城" in found and found["人人参与创城"].count == 2


def test_min_docs_filters() -> None:
    speeches = [_speech("a.txt", "建立长效机制。建立长效机制。")]
    assert extract_phrases(speeches, config=PhraseConfig(tokenizer="jieba")) == []
    got = extract_phrases(speeches, config=PhraseConfig(tokenizer="jieba", min_docs=1))
    # 建立长效机制 covers every occurrence of 长效机制, so the longer phrase is kept
    assert [p.phrase for p in got] == ["建立长效机制"]


@pytest.mark.parametrize("name", ["top_n", "min_docs", "min_count", "max_tokens"])
def test_config_checks(name: str) -> None:
    with pytest.raises(ParameterError, match=f"invalid {name} 0: expected an integer >= 1"):
        PhraseConfig(**{name: 0})


def test_kwic_source_line_and_context() -> None:
    s = Speech("a.txt", 10, 12, None, [Paragraph("第一行\n要建立健全长效机制，巩固成果。", 10, 11)])
    (hit,) = kwic([s], "长效机制", width=6)
    assert (hit.source, hit.line, hit.left, hit.right) == (
        "a.txt",
        11,
        "要建立健全",
        "，巩固成果。",
    )


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # the first unit is glued to a word before it: 车辆 is one word, so 辆闯红灯 is no unit
        ("严肃查处车辆闯红灯、违章停车、随意调头，", ["违章停车", "随意调头"]),
        # glued to a whole word before it: kept
        ("全区上下万众一心、众志成城。", ["万众一心", "众志成城"]),
        # the last unit is glued to the text after it: kept before a function word only
        ("践行创建为民、创建惠民、创建利民的根本要求", ["创建为民", "创建惠民", "创建利民"]),
        ("提升市容市貌、改善环境质量。", ["市容市貌"]),
    ],
)
def test_parallel_units_align_with_words(text: str, members: list[str]) -> None:
    tokenizer = make_tokenizer("jieba")
    counts, _ = parallel_phrases([(0, text)], cut=tokenizer.cut, function_words=load_stopwords())
    assert sorted(p for p in counts if "、" not in p) == sorted(members)
    runs = [p for p in counts if "、" in p]
    assert runs == (["、".join(members)] if len(members) > 1 else [])


def test_parallel_units_without_tokenizer_drop_glued_ends() -> None:
    counts, _ = parallel_phrases([(0, "查处车辆闯红灯、违章停车、随意调头等")])
    assert sorted(counts) == ["违章停车"]


@pytest.mark.parametrize(
    ("content", "generic"),
    [
        (["深入开展"], True),  # one jieba word, split into 深入 + 开展 (v + v, both common)
        (["广泛", "开展"], True),
        (["紧紧围绕"], True),
        (["督查"], True),  # a single verb
        (["长效机制"], False),
        (["背街小巷"], False),
        (["齐抓共管"], False),  # a fixed formula, not two dictionary words
        (["推诿扯皮"], False),  # verbs, but not among the commonest words
        (["创建", "为民"], False),
        (["美好生活"], False),  # adjective + verbal noun: a noun phrase
        (["创城"], False),  # a word of the genre dictionary
    ],
)
def test_generic_predicates(content: list[str], generic: bool) -> None:
    test = GenericTest(make_tokenizer("jieba"), background_idf()[0], genre_words())
    assert test(content) is generic


def test_generic_predicates_are_not_phrases() -> None:
    speeches = [
        _speech("a.txt", "要深入开展背街小巷整治，建立长效机制。"),
        _speech("b.txt", "深入开展背街小巷整治，完善长效机制。"),
    ]
    names = [p.phrase for p in extract_phrases(speeches, config=PhraseConfig(tokenizer="jieba"))]
    assert "长效机制" in names and "深入开展" not in names
