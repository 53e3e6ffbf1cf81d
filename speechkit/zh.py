"""Chinese text primitives every stage shares: sentence ends, numerals, CJK runs.

One home for rules that several stages need, so that changing how a sentence ends touches
one file (issue 11 asks the other stages to move here too; drafting and checking use it).
"""

from __future__ import annotations

import re

__all__ = ["CJK_RUN", "CN_DIGITS", "cn_number", "split_sentences"]

#: A run of CJK ideographs.
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
#: Chinese digits, 零 to 十.
CN_DIGITS = "零一二三四五六七八九十"

# A sentence ends after 。！？!? (and a closing quote or bracket right after them). ；does not
# end a sentence: 一是…；二是… is one sentence in the genre.
_SENTENCE_END = re.compile(r"(?<=[。！？!?])(?![”’」』）])|(?<=[。！？!?][”’」』）])")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping the end punctuation.

    Examples:
        >>> split_sentences("一要抓落实。二要抓长效！“好。”最后")
        ['一要抓落实。', '二要抓长效！', '“好。”', '最后']
    """
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def cn_number(n: int) -> str:
    """``n`` (0–99) in Chinese digits, as in 第十二 or 二十一.

    Examples:
        >>> [cn_number(n) for n in (3, 10, 12, 20, 21)]
        ['三', '十', '十二', '二十', '二十一']
    """
    if n <= 10:
        return CN_DIGITS[n]
    return ("" if n < 20 else CN_DIGITS[n // 10]) + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
