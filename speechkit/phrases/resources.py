"""Tables and regexes of the phrase miner: exclusions, slogans, parallel phrases, backgrounds.

Kept apart from the code so they can be read and extended in one place. Word
lists live in ``speechkit/data`` (``stopwords.txt``); users add their own
through :class:`speechkit.phrases.PhraseConfig`.
"""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path

from speechkit.paths import data_path
from speechkit.zh import CLAUSE_MARKS

__all__ = [
    "BACKGROUND_IDF",
    "BOILERPLATE_WORDS",
    "DATE_RE",
    "GENERIC_MAX_IDF",
    "HAN_RE",
    "HAN_RUN_RE",
    "INNER_BREAK_WORDS",
    "NUMBER_RE",
    "NUMERAL_LEAD_RE",
    "PARALLEL_RE",
    "PLACEHOLDER_RE",
    "PREDICATE_TAGS",
    "QUOTE_RE",
    "STOPWORDS_FILE",
    "WORD_RE",
    "background_idf",
    "load_stopwords",
]

#: Bundled stopword and function-word list (``speechkit/data/stopwords.txt``).
STOPWORDS_FILE = "stopwords.txt"

#: Web boilerplate of scraped 范文 sites: a phrase containing one of these is site junk,
#: never a 提法 of the genre (小编为大家整理, 如若转载请注明出处, 免费下载, 开通会员).
BOILERPLATE_WORDS: tuple[str, ...] = (
    "小编",
    "范文",
    "范本",
    "模板",
    "转载",
    "出处",
    "版权",
    "侵权",
    "下载",
    "上传",
    "会员",
    "预览",
    "全文",
    "点击",
    "浏览",
    "登录",
    "注册",
    "付费",
    "免费",
    "文档",
    "网站",
    "网友",
    "本站",
    "本文",
    "原文",
    "链接",
    "免责",
    "举报",
    "复制",
    "剽窃",
    "资料",
    "收藏",
    "投稿",
    "公众号",
    "二维码",
    "微信",
    "客服",
    "代笔",
    "文秘",
    "演讲稿",
    "讲话稿",
    "精选",
    "下文",
    "以下是",
)

#: Function words that may not occur anywhere in a phrase: a phrase with 的/了/是 inside
#: is a clause fragment (文明城市的荣誉), not a 提法. Others (以, 为, 和) may occur inside:
#: 以人民为中心, 物质文明和精神文明.
INNER_BREAK_WORDS: frozenset[str] = frozenset(
    ["的", "地", "得", "了", "着", "过", "是", "对", "在"]
)

#: jieba tags of predicate words: verbs, verbal nouns, adjectives, adverbs (and their
#: morphemes). A phrase made only of these says how to act (深入开展, 督查), see
#: :mod:`speechkit.phrases.generic`.
PREDICATE_TAGS: frozenset[str] = frozenset(
    ["v", "vd", "vi", "vn", "vg", "a", "ad", "ag", "d", "dg"]
)

#: A word is among the commonest of general Chinese below this IDF: the ~8 800 (3 %) most
#: frequent words of jieba's IDF table (深入 6.4, 开展 6.0, 贯彻 7.9; not 推诿 9.7, 为民 8.5).
GENERIC_MAX_IDF = 8.0

#: Local place and person names are told apart by :mod:`speechkit.tokenize.names`.

#: Redacted names: runs of x/X/×/* (``xx市``, ``X同志``, ``**年``), ○○, and 某 (某某同志).
PLACEHOLDER_RE = re.compile(r"[xX×*＊ｘＸ]+|[○〇]{2,}|某")

#: Numbers: Arabic or full-width digits, and Chinese numerals standing alone or
#: with a counter (三个, 第一, 百分之八十, 两年).
#: A numeral + 个 token that may lead a numbered political formula (四个|全面, 四个|现代化,
#: 两个|维护): a number otherwise breaks a phrase, but these may start one (never end it).
NUMERAL_LEAD_RE = re.compile(r"^[两二三四五六七八九十]个$")
NUMBER_RE = re.compile(
    r"[0-9０-９%％.．]"
    r"|^第?[零〇一二两三四五六七八九十百千万亿几]+[个次年月日号项条点批名位家种届期轮天周]?$"
    r"|百分之"
)

#: Dates and times: 2019年, 十二月, 3月5日, 上半年, 今年以来.
DATE_RE = re.compile(
    r"[0-9０-９零〇一二三四五六七八九十]+[年月日号时]"
    r"|[上下]半年|今年|去年|明年|前年|本月|上月|近期|年底|年初|年末"
)

#: Chinese characters (CJK unified ideographs, basic block and extension A).
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

#: A token that can be part of a phrase: letters, digits or Han characters only.
WORD_RE = re.compile(r"^\w+$")

#: Quoted slogans: “…” or 「…」 of 4–24 characters without sentence punctuation inside.
QUOTE_RE = re.compile(rf"[“「『]([^“”「」『』{CLAUSE_MARKS}：:\n]{{4,24}})[”」』]")

#: Parallel four-character phrases: four-Han-character units joined by 、, or whole
#: four-character clauses joined by ， (攻坚克难，真抓实干). The 、 run may be glued to the
#: text before its first unit (全区上下万众一心、众志成城) or after its last
#: (创建为民、创建惠民、创建利民的根本要求); such an end unit is kept only when it
#: aligns with the tokenizer's word boundaries (see
#: :func:`speechkit.phrases.candidates.parallel_phrases`).
PARALLEL_RE = re.compile(
    r"([\u4e00-\u9fff]{4}(?:、[\u4e00-\u9fff]{4})+)"
    r"|(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{4}(?:[，,][\u4e00-\u9fff]{4})+)(?![\u4e00-\u9fff])"
)

#: A run of Han characters: the block jieba segments on its own, so cutting it alone
#: gives the same words as cutting the whole paragraph.
HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")


@functools.cache
def load_stopwords(path: str | None = None) -> frozenset[str]:
    """Read a stopword file (one token a line, ``#`` comments); the bundled one by default.

    Examples:
        >>> sw = load_stopwords()
        >>> "我们" in sw and "长效机制" not in sw
        True
    """
    file = Path(path) if path is not None else data_path(STOPWORDS_FILE)
    words = set()
    for line in file.read_text(encoding="utf-8-sig").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return frozenset(words)


#: The general-Chinese background: jieba's bundled IDF table (``jieba/analyse/idf.txt``,
#: ~270 000 words, IDF from a large general corpus).
BACKGROUND_IDF = "jieba/analyse/idf.txt"


@functools.cache
def background_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median (jieba's own default for unknown words).

    Returns:
        ``(idf_by_word, median_idf)``.

    Raises:
        DataError: If jieba's ``idf.txt`` is missing from the installation.
    """
    import jieba

    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    if not path.is_file():
        from speechkit.errors import DataError

        raise DataError(f"jieba's IDF table {path} is missing; reinstall jieba")
    idf: dict[str, float] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, _, value = line.rstrip("\n").partition(" ")
            if value:
                idf[word] = float(value)
    values = sorted(idf.values())
    median = values[len(values) // 2] if values else math.log(1e6)
    return idf, median
