"""Find redacted names (placeholders) and judge their kind from the context.

Scraped 范文 replace names, places, figures and dates with ``xx``, ``XX``, ``X``,
``*``, ``**``, ``***``, ``某某``, ``○○`` or ``××``. The kind is read from the
neighbouring characters: ``xx市`` → place, ``X同志`` / ``*副部长`` → person,
``X万`` / ``x个`` → number, ``**年`` / ``X月X日`` → date, anything else → other.

:func:`left_marks` is the one rule of what a finished speech may not carry: these
placeholders and the other marks of a blank left to fill in. Drafting drops a sentence that
keeps one and checking reports every one (:mod:`speechkit.draft.adapt`,
:mod:`speechkit.check.review`).
"""

from __future__ import annotations

import re

from speechkit.model import Placeholder
from speechkit.types import PlaceholderKind

__all__ = ["find_placeholders", "left_marks", "placeholder_kind"]

# ASCII x/X runs must not touch Latin letters or digits (English words, 3x4),
# except the year form 20xx.
_RE_PLACEHOLDER = re.compile(
    r"(?:19|20)[xX]{2}(?=年)"
    r"|(?<![A-Za-z0-9./@_-])[xX]{1,4}(?![A-Za-z0-9./@_-])"
    r"|(?<![A-Za-z0-9*＊])[*＊]{1,4}(?![A-Za-z0-9*＊])"
    r"|(?<!\d)[×]{1,4}(?!\d)"
    r"|某某|[○〇□]{1,4}"
)

_PERSON_AFTER = re.compile(
    r"(?:副)?(?:总书记|书记|市长|县长|区长|省长|州长|盟长|旗长|镇长|乡长|村长|部长|主任|局长|厅长|处长|科长"
    r"|主席|委员|常委|秘书长|代表|同志|先生|女士|老师|教授|校长|院长|董事长|总经理|经理|组长|队长|所长|站长"
    r"|社长|行长|书记员)"
    r"|等同志|任(?:组长|副组长|主任|总指挥)"
)
_PLACE_AFTER = re.compile(
    r"(?:省|市|县|区|州|盟|旗|镇|乡|村|街道|社区|新区|园区|开发区|高新区|片区|小区|大道|大街|路|街|河|湖|山|港"
    r"|机场|地区|公园|广场|建成)"
)
_DATE_AFTER = re.compile(r"(?:年|月|日|号|时|点|季度|周年)")
_NUMBER_AFTER = re.compile(
    r"(?:万|亿|千|百|个|项|类|处|名|人|次|家|所|户|吨|元|米|平方|公里|亩|%|％|余|多|条|件|批|座|辆|台|套|块"
    r"|张|分|位|支|场|篇|期|倍|天|小时|届|大(?:板块|类|项|行动|工程)|批次|栋|间|份|起|例)"
)
_PLACE_BEFORE = re.compile(r"(?:莅临|来到|赴|在|到|全|我|本|古城)$")
_NUMBER_BEFORE = re.compile(r"(?:第|共|约|近|超过|达到|达|增长|下降|提高|累计|新增)$")


def placeholder_kind(text: str, start: int, end: int) -> PlaceholderKind:
    """Judge the kind of the placeholder ``text[start:end]`` from its neighbours.

    Args:
        text: The paragraph.
        start: Offset of the placeholder.
        end: Offset just after it.

    Returns:
        ``"place"``, ``"person"``, ``"number"``, ``"date"`` or ``"other"``.

    Examples:
        >>> placeholder_kind("xx市委书记", 0, 2)
        'place'
        >>> placeholder_kind("xx市长作了动员", 0, 2)
        'person'
        >>> placeholder_kind("X月X日", 2, 3)
        'date'
    """
    token = text[start:end]
    after = text[end : end + 6]
    before = text[max(0, start - 4) : start]
    if token[:2] in ("19", "20"):
        return "date"
    if _PERSON_AFTER.match(after):
        return "person"
    if _DATE_AFTER.match(after):
        return "date"
    if _NUMBER_AFTER.match(after) or _NUMBER_BEFORE.search(before):
        return "number"
    if _PLACE_AFTER.match(after) or _PLACE_BEFORE.search(before):
        return "place"
    return "other"


def find_placeholders(text: str) -> tuple[Placeholder, ...]:
    """Find the placeholders in one paragraph.

    Args:
        text: A cleaned paragraph.

    Returns:
        The placeholders in order, with character offsets and kinds.

    Examples:
        >>> found = find_placeholders("刚才，X同志在xx市召开会议，投入X万元，**年完成。")
        >>> [(p.text, p.kind) for p in found]
        [('X', 'person'), ('xx', 'place'), ('X', 'number'), ('**', 'date')]
        >>> find_placeholders("Excel 3x4 矩阵")
        ()
    """
    if not any(ch in text for ch in "xX*＊×某○〇□"):
        return ()
    return tuple(
        Placeholder(m.start(), m.end(), m.group(0), placeholder_kind(text, m.start(), m.end()))
        for m in _RE_PLACEHOLDER.finditer(text)
    )


#: Marks of a blank left to fill in that :func:`find_placeholders` does not flag in a source,
#: because there they may be ordinary text: x/X touching Latin letters or digits before a unit
#: (XXX年, Ｘ市), a single * or ＊, a lone 某 before a title or an administrative unit (某书记,
#: 某市 — not 某些, 某种, 某个), empty 【】 and runs of underscores (____年).
_LEFT_MARK = re.compile(
    r"[xX]{2,}|[xXＸ](?=[市区县省同月日年万个%项条])|[*＊]+|某某|"
    r"某(?=[省市区县州乡镇村]|同志|书记|市长|区长|县长|主任|部长|局长|主席|秘书长|镇长|乡长)|"
    r"【\s*】|[_＿]{2,}"
)


def left_marks(text: str) -> list[tuple[int, str]]:
    """Every placeholder or blank mark left in ``text``: ``(start, mark)``, in order.

    A finished speech may carry none: a draft never keeps a sentence with one, and
    ``speechkit check`` reports the first of each sentence.

    Examples:
        >>> left_marks("在XXX年，某书记和xx市的同志们")
        [(1, 'XXX'), (6, '某'), (10, 'xx')]
        >>> left_marks("完成____年任务，资金【 】万元，PM2.5*达标")
        [(2, '____'), (12, '【 】'), (23, '*')]
        >>> left_marks("某些地方的3x4矩阵和Excel表格")
        []
    """
    spans = {(p.start, text[p.start : p.end]) for p in find_placeholders(text)}
    spans.update((m.start(), m.group(0)) for m in _LEFT_MARK.finditer(text))
    return sorted(spans)
