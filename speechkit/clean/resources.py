"""Compiled regular expressions and translation tables used by the cleaners.

Kept in one place (textacy style) so that the cleaners stay small and the
patterns are compiled once at import time. Site boilerplate patterns are not
here: they are data in ``speechkit/data/boilerplate.txt`` (see
:mod:`speechkit.clean.boilerplate`).
"""

from __future__ import annotations

import re

from speechkit import zh
from speechkit.zh import NUMERALS, PROSE_END

#: Han ideographs plus CJK and full-width punctuation: the "Chinese context" that
#: makes a neighbouring half-width mark Chinese punctuation.
CJK_CHARS = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\u3000-\u303f"  # CJK symbols and punctuation （、。〈〉《》「」【】…）
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # full-width punctuation
    "\u2018\u2019\u201c\u201d\u2026\u2014"  # curly quotes, ellipsis, em dash
)
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
RE_HAN = re.compile(f"[{HAN}]")

#: Half-width punctuation mapped to its full-width form (:data:`speechkit.zh.HALF_TO_FULL`).
HALF_TO_FULL = zh.HALF_TO_FULL

#: Spans that punctuation normalization must not touch: URLs, e-mail addresses,
#: Windows paths, clock times (8:30), decimals and thousands (3.5, 1,000).
RE_PROTECTED = re.compile(
    r"(?:https?|ftp)://[^\s\u3000-\u303f\uff01-\uff65]+"
    r"|www\.[A-Za-z0-9.-]+[^\s\u3000-\u303f\uff01-\uff65]*"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[A-Za-z]:\\[^\s]*"
)
#: Every RE_PROTECTED match contains one of these (cheap test before the scan).
PROTECTED_KEYS = ("://", "www.", "@", ":\\")

#: One half-width mark with at most one character on each side.
RE_HALF_PUNCT = re.compile(r"[,:;!?]")
#: A half-width mark next to Chinese context: the marks that become full-width.
#: (The "3,000 / 8:30" exception needs no test here: no CJK_CHARS character is a
#: digit, so a mark between two digits never has a Chinese neighbour.) One pass
#: with look-arounds replaces a Python check per mark: normalize_punctuation
#: 0.45 s -> 0.1 s on the 5 MB benchmark corpus.
RE_HALF_PUNCT_CJK = re.compile(f"(?<=[{CJK_CHARS}])[,:;!?]|[,:;!?](?=[{CJK_CHARS}])")
#: Any character normalize_punctuation may change; lines without one are skipped.
RE_CONVERTIBLE = re.compile(r"[,:;!?()]")
RE_PAREN_PAIR = re.compile(r"\(([^()\n]{0,80})\)")
RE_LONE_OPEN = re.compile(rf"\((?=[{HAN}])")
RE_LONE_CLOSE = re.compile(rf"(?<=[{HAN}])\)")

#: Whitespace: ideographic space, NBSP and the Unicode space family; zero-width
#: characters and BOM; runs of spaces; spaces between two CJK characters.
RE_WIDE_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
RE_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
RE_MULTI_SPACE = re.compile(r" {2,}")
RE_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{CJK_CHARS}]) +(?=[{CJK_CHARS}])")

#: Any character normalize_whitespace may change besides stripping the ends.
RE_ANY_SPACE = re.compile("[ \u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\t]")

#: C0/C1 control characters except tab and newline.
RE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

#: Full-width ASCII letters and digits (Ａ-Ｚ, ａ-ｚ, ０-９) to half-width.
FULLWIDTH_ALNUM = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
}

RE_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")

#: A line with no letter, digit or Han character: stray punctuation (``。``, ``•``).
RE_HAS_CONTENT = re.compile(rf"[{HAN}A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")

#: Lines that look like structure of a speech (title, salutation, heading) are
#: never dropped as "boilerplate by context" — only an explicit pattern can drop them.
RE_STRUCTURAL = re.compile(
    r"^\s*(?:"
    rf"[{NUMERALS}]+、|[（(][{NUMERALS}\d]+[）)]|\d{{1,2}}[、.．]|第[{NUMERALS}]+[，、]"
    rf"|[{NUMERALS}]+[是要]"
    r")"
    r"|(?:讲话|讲话稿|发言|发言稿|致辞|报告|讲稿)\S{0,6}$"
    r"|(?:同志们|朋友们|同学们|各位领导|各位来宾|各位代表)[，、：！:!]?\s*$"
)

#: Sentence-final punctuation: a line carrying one is prose, not page chrome.
RE_SENTENCE_END = PROSE_END
