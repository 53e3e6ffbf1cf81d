"""Chinese text primitives every stage shares: sentence ends, numbering, numerals, campaign verbs.

One home for rules that several stages need, so that changing how a sentence ends (or how a
paragraph is numbered) touches one file. Where stages need slightly different rules, the
variants are named here side by side rather than unified, so that each caller keeps its
behaviour and the difference is visible:

- :data:`SENTENCE_MARKS` (。！？!?) end a sentence: drafting, checking, representative sentences;
  :data:`FULL_SENTENCE_MARKS` (。！？) alone where a rule has always read only these (the
  templates' split, the adapter's sentence end, check's heading line, segment's dateline/byline);
- :data:`CLAUSE_MARKS` add ；; — a paragraph's lead (structure); a run-in heading's end, a title
  with no sentence in it, a paragraph's last mark (segment); where an over-long line is cut
  (ingest);
- :data:`PROSE_END` adds only the full-width ；: a line with one is prose (clean).

Numbering: :data:`NUMERALS` is the one numeral set of markers; the heading detector that
records ``Paragraph.level``/``marker`` is :mod:`speechkit.segment.headings`.

Examples:
    >>> NUMBERING_MARKER.sub("", "（二）加强领导"), SUBPOINT_NUMBER.sub("", "第三，要落实")
    ('加强领导', '要落实')
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "CAMPAIGN_VERBS",
    "CJK_RUN",
    "CLAUSE_END",
    "CLAUSE_MARKS",
    "CN_DIGITS",
    "FULL_SENTENCE_MARKS",
    "HALF_TO_FULL",
    "NUMBERING_MARKER",
    "NUMERALS",
    "PROSE_END",
    "SENTENCE_MARKS",
    "SENTENCE_RUN",
    "SUBPOINT_NUMBER",
    "campaign_task",
    "cn_number",
    "end_with_period",
    "first_clause",
    "split_clauses",
    "split_sentences",
]

#: A run of CJK ideographs.
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
#: Chinese digits, 零 to 十.
CN_DIGITS = "零一二三四五六七八九十"
#: The numerals that number headings and sub-points (一、 （二） 第三， 四是).
NUMERALS = CN_DIGITS[1:]

#: Half-width punctuation and its full-width form, as Chinese text writes it.
HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}

# ------------------------------------------------------------------ sentence ends

#: The full-width marks that end a sentence: what cleaned Chinese text and drafts carry (the
#: cleaner makes a half-width mark next to Chinese full-width). Some rules look for these alone
#: (a draft's heading line, the note in a dateline, a byline).
FULL_SENTENCE_MARKS = "。！？"
#: Marks that end a sentence, full- and half-width. ；does not end a sentence: 一是…；二是…
#: is one sentence in the genre (drafting, checking, representative sentences).
SENTENCE_MARKS = FULL_SENTENCE_MARKS + "!?"
#: Marks that end a sentence or a clause: the sentence marks and the semicolons. A lead
#: sentence, a run-in heading and a cut of an over-long line end at the first of these.
CLAUSE_MARKS = SENTENCE_MARKS + "；;"

# A sentence ends after a sentence mark (and a closing quote or bracket right after it).
_CLOSERS = "”’」』）"
_SENTENCE_END = re.compile(
    rf"(?<=[{SENTENCE_MARKS}])(?![{_CLOSERS}])|(?<=[{SENTENCE_MARKS}][{_CLOSERS}])"
)
#: A run of text up to and including its sentence mark (a closing quote after the mark
#: starts the next run; :func:`split_sentences` keeps it with the sentence instead).
SENTENCE_RUN = re.compile(rf"[^{SENTENCE_MARKS}]+[{SENTENCE_MARKS}]?")
#: One mark of :data:`CLAUSE_MARKS`.
CLAUSE_END = re.compile(rf"[{CLAUSE_MARKS}]")
#: A mark only prose carries: a sentence mark or the full-width ；. The half-width ; is left
#: out because it also ends lines of code and markup (``var a=1;``) that page chrome carries.
PROSE_END = re.compile(rf"[{SENTENCE_MARKS}；]")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping the end punctuation.

    Examples:
        >>> split_sentences("一要抓落实。二要抓长效！“好。”最后")
        ['一要抓落实。', '二要抓长效！', '“好。”', '最后']
        >>> split_sentences("一是抓宣传；二是抓整治。")
        ['一是抓宣传；二是抓整治。']
    """
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


@functools.cache
def _split_after(marks: str) -> re.Pattern[str]:
    return re.compile(rf"(?<=[{re.escape(marks)}])")


def split_clauses(text: str, *, marks: str = CLAUSE_MARKS) -> list[str]:
    """Split ``text`` after every mark of ``marks``, keeping the marks (nothing is dropped).

    Args:
        text: The text.
        marks: Where to split: :data:`CLAUSE_MARKS`, or a caller's named variant.

    Examples:
        >>> split_clauses("一是抓宣传；二是抓整治。好")
        ['一是抓宣传；', '二是抓整治。', '好']
        >>> split_clauses("要抓落实!再抓长效。"), split_clauses("要抓落实!再抓长效。", marks="。；")
        (['要抓落实!', '再抓长效。', ''], ['要抓落实!再抓长效。', ''])
    """
    return _split_after(marks).split(text)


def first_clause(text: str) -> str:
    """``text`` up to and including its first sentence or clause mark (all of it if none).

    Examples:
        >>> first_clause("一是强化组织领导；成立领导小组。")
        '一是强化组织领导；'
        >>> first_clause("没有标点")
        '没有标点'
    """
    m = CLAUSE_END.search(text)
    return text[: m.end()] if m else text


def end_with_period(lead: str) -> str:
    """A sub-point lead as the draft writes it: ending in 。 (its own 。！；， replaced).

    Examples:
        >>> end_with_period("加强组织领导；"), end_with_period("加强组织领导")
        ('加强组织领导。', '加强组织领导。')
    """
    return lead.rstrip("。！；，") + "。"


# ------------------------------------------------------------------ campaign verbs

#: Verbs a campaign is named with (创建全国文明城市, 巩固国家卫生城市): a campaign name that starts
#: with one takes no 创建 before it, and in a title they follow the place (在青岚市创建…).
CAMPAIGN_VERBS = ("创建", "争创", "巩固", "迎接", "推进", "深化")


def campaign_task(campaign: str) -> str:
    """The campaign as a task: its name, with 创建 before it unless it starts with a verb.

    Examples:
        >>> campaign_task("全国文明城市"), campaign_task("巩固国家卫生城市成果")
        ('创建全国文明城市', '巩固国家卫生城市成果')
    """
    return campaign if campaign.startswith(CAMPAIGN_VERBS) else f"创建{campaign}"


# ------------------------------------------------------------------ genre words

#: Verbs that already open a task phrase (抓好…, 推进…); drafting prepends an opener to other
#: priorities.
TASK_VERBS: tuple[str, ...] = tuple(
    re.findall(
        r"\S+",
        "加强 推进 抓好 提升 深化 开展 强化 完善 实施 打造 整治 推动 建立 "
        "健全 持续 全面 扎实 聚焦 突出 做好 坚持 加快 优化 规范 巩固 落实 "
        "治理 改善 建设 创建 营造 培育 弘扬 加大 严格",
    )
)
#: Openers the templates put before a priority to make a task phrase (see ``task()``); the
#: sub-point's topic, used to find relevant corpus sentences, is the priority without them.
TASK_OPENERS: tuple[str, ...] = ("突出抓好", "扎实推进", "着力抓好", "抓好")
#: Words of the genre too common to tell what a sub-point is about: 部分小区物业管理缺位 is about
#: 小区物业管理, 扎实推进志愿服务常态化 about 志愿服务常态化. Drafting leaves them out when it
#: matches corpus sentences to a lead, the reviewer when it compares two leads' topics. The
#: task verbs and openers are among them.
GENRE_WORDS: tuple[str, ...] = (
    *TASK_VERBS,
    *TASK_OPENERS,
    *re.findall(
        r"\S+",
        "进一步 不断 个别 全区 全县 全市 切实 力度 各项 城区 城市 大力 存在 "
        "工作 文明 明显 有效 水平 深入 着力 能力 部分",
    ),
)
# Longest first (so 扎实推进 wins over 扎实), then by spelling: the same pattern every run.
GENRE_WORD = re.compile("|".join(sorted(set(GENRE_WORDS), key=lambda w: (-len(w), w))))


def topic_words(text: str) -> str:
    """``text`` with the genre's common words cut out (each replaced by ，).

    Examples:
        >>> topic_words("扎实推进志愿服务常态化")
        '，志愿服务常态化'
        >>> topic_words("部分小区物业管理缺位")
        '，小区物业管理缺位'
    """
    return GENRE_WORD.sub("，", text)


# ------------------------------------------------------------------ numbering markers

_N = NUMERALS
#: A numbering marker at the start of a corpus paragraph, with the spaces around it: 一、
#: （一） (一) 第一， 一是 一要 1. （1） 其一， 首先， 其次， 再次， 最后，. The sentence bank
#: strips it; on the bundled corpus and the held-out sets it matches the recorded
#: ``Paragraph.marker``.
NUMBERING_MARKER = re.compile(
    rf"^\s*(?:[{_N}]+、|（[{_N}]+）|\([{_N}]+\)|"
    rf"第[{_N}]+[，、,]|[{_N}][是要]|\d+[.．、]|（\d+）|"
    rf"其[{_N}][，、,]|首先，|其次，|再次，|最后，)\s*"
)
#: The sub-point numbering a draft writes (一是…, 第一，…): see ``draft.assemble.NUMBERING``.
SUBPOINT_NUMBER = re.compile(rf"^(?:[{_N}]+是|第[{_N}]+，)")


def cn_number(n: int) -> str:
    """``n`` (0–99) in Chinese digits, as in 第十二 or 二十一.

    Examples:
        >>> [cn_number(n) for n in (3, 10, 12, 20, 21)]
        ['三', '十', '十二', '二十', '二十一']
    """
    if n <= 10:
        return CN_DIGITS[n]
    return ("" if n < 20 else CN_DIGITS[n // 10]) + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
