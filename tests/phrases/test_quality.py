"""Properties of the ranking on the seeds (not exact scores): textacy test_textrank style."""

from __future__ import annotations

import re

import pytest

from speechkit.phrases import Phrase, PhraseConfig, extract_phrases
from speechkit.phrases.resources import background_idf
from speechkit.phrases.texts import TextIndex, distinct_speeches

# Site junk seen in the seeds, written out here independently of the library's tables.
JUNK = (
    "小编",
    "转载",
    "出处",
    "免责",
    "会员",
    "下载",
    "文秘",
    "资源网",
    "预览",
    "阅读",
    "版权",
    "点击",
    "老师",
    "声明",
    "文档",
    "删除",
    "content",
    "QQ",
    "剽窃",
    "网站",
)
PLACEHOLDER = re.compile(r"[xX×*＊]|某某")

# Terms a speechwriter lists for this genre (the examples and their kin).
GENRE = (
    "长效机制",
    "背街小巷",
    "全国文明城市测评体系",
    "齐抓共管",
    "社会主义核心价值观",
    "志愿服务",
    "测评体系",
    "市容环境",
    "公益广告",
    "文明单位",
    "城乡结合部",
    "真抓实干",
    "未成年人思想道德建设",
    "一票否决",
    "攻坚克难",
    "文明新风",
    "市容市貌",
    "窗口单位",
    "创文",
    "创卫",
    "创城",
    "文明创建",
    "精神文明建设",
    "交通秩序",
    "老旧小区",
    "推诿扯皮",
)


@pytest.fixture(params=["cleaned", "raw"])
def ranking(
    request: pytest.FixtureRequest, top100: list[Phrase], raw_top100: list[Phrase]
) -> list[Phrase]:
    return top100 if request.param == "cleaned" else raw_top100


def test_returns_100_phrases(ranking: list[Phrase]) -> None:
    assert len(ranking) == 100
    assert len({p.phrase for p in ranking}) == 100


def test_no_web_junk(ranking: list[Phrase]) -> None:
    junk = [p.phrase for p in ranking if any(j in p.phrase for j in JUNK)]
    assert junk == []


def test_no_placeholders_numbers_or_single_characters(ranking: list[Phrase]) -> None:
    bad = [
        p.phrase
        for p in ranking
        if PLACEHOLDER.search(p.phrase) or re.search(r"[0-9０-９]", p.phrase) or len(p.phrase) < 2
    ]
    assert bad == []


def test_at_most_a_handful_of_single_generic_words(ranking: list[Phrase]) -> None:
    idf, _ = background_idf()
    # generic: a common word of general Chinese (jieba IDF < 7.5: 创建, 文明, 城市, 工作…)
    generic = [p.phrase for p in ranking if p.phrase in idf and idf[p.phrase] < 7.5]
    assert len(generic) <= 5, generic


def test_dominated_by_genre_terms(ranking: list[Phrase]) -> None:
    names = {p.phrase for p in ranking}
    found = [t for t in GENRE if t in names]
    assert len(found) >= len(GENRE) * 2 // 3, sorted(set(GENRE) - names)
    assert {"背街小巷", "齐抓共管", "全国文明城市测评体系"} <= names


def test_multiword_phrases_are_returned(ranking: list[Phrase]) -> None:
    assert sum(len(p.phrase) >= 6 for p in ranking) >= 15


def test_no_subsumed_duplicates(ranking: list[Phrase]) -> None:
    for short in ranking:
        for longer in ranking:
            if short.phrase != longer.phrase and short.phrase in longer.phrase:
                covered = longer.count * longer.phrase.count(short.phrase)
                assert covered < 0.9 * short.count, (short.phrase, longer.phrase)


def test_counts_and_docs_match_a_direct_count(seed_speeches, top100: list[Phrase]) -> None:
    distinct = distinct_speeches(seed_speeches)
    for p in top100[:40]:
        per_speech = [sum(para.text.count(p.phrase) for para in s.paragraphs) for s in distinct]
        assert p.count == sum(per_speech), p.phrase
        assert p.docs == sum(1 for c in per_speech if c), p.phrase


def test_sorted_by_score_and_deterministic(seed_speeches, top100: list[Phrase]) -> None:
    scores = [p.score for p in top100]
    assert scores == sorted(scores, reverse=True)
    again = extract_phrases(seed_speeches, config=PhraseConfig(top_n=100))
    assert [(p.phrase, p.score, p.count) for p in again] == [
        (p.phrase, p.score, p.count) for p in top100
    ]


def test_jieba_backend_gives_nearly_the_same_ranking(seed_speeches, top100) -> None:
    ref = extract_phrases(seed_speeches, config=PhraseConfig(top_n=100, tokenizer="jieba"))
    overlap = {p.phrase for p in ref} & {p.phrase for p in top100}
    assert len(overlap) >= 90


def test_examples_point_at_the_phrase(seed_speeches, top100: list[Phrase]) -> None:
    lines: dict[tuple[str, int], str] = {}
    for s in distinct_speeches(seed_speeches):
        for para in s.paragraphs:
            for k, text in enumerate(para.text.split("\n")):
                lines[(s.source, para.line + k)] = text
    for p in top100[:30]:
        assert 1 <= len(p.examples) <= 3
        for e in p.examples:
            assert p.phrase in e.context
            assert p.phrase in lines[(e.source, e.line)]
            assert e.context.strip("…") in lines[(e.source, e.line)]


def test_repeated_speech_counts_once(seed_speeches) -> None:
    once = extract_phrases(seed_speeches, config=PhraseConfig(top_n=20))
    twice = extract_phrases(list(seed_speeches) * 2, config=PhraseConfig(top_n=20))
    assert [(p.phrase, p.count, p.docs) for p in once] == [
        (p.phrase, p.count, p.docs) for p in twice
    ]


def test_text_index_sizes(seed_speeches) -> None:
    index = TextIndex(distinct_speeches(seed_speeches))
    assert index.n_docs >= 15
