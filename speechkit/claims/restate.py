"""Restatement: a paragraph saying one thing twice, in two 范文's words.

Two hedging or summing-up openers in a row (应该说…。可以说…。) and a second judgement of a
subject the paragraph already judged (全国文明城市是含金量最高的城市品牌。…全国文明城市作为…也是
最具价值的金字招牌。) are one point made twice; TF-IDF cosine misses both, the words differ.
Drafting leaves such a sentence out (:mod:`speechkit.draft.select`) and ``speechkit check``
reports it in any draft (:mod:`speechkit.check.review`): one rule for both.
"""

from __future__ import annotations

from collections.abc import Sequence

from speechkit.claims import resources as res

__all__ = ["restatement", "restates"]


def _judged(sentence: str) -> str | None:
    """The subject a sentence passes judgement on (``X是…``, ``X作为…``), if it gives no order."""
    text = res.HEDGE_OPENER.sub("", sentence)
    m = res.EVALUATION.match(text)
    if m is None or res.ORDER.search(text, m.end()) is not None:
        return None
    return m.group(1)


def restatement(before: Sequence[str], sentence: str) -> str | None:
    """What in ``sentence`` says again what the paragraph's ``before`` just said, if anything.

    The second hedging opener (可以说), or the subject judged a second time. One subject names
    the other when either begins with it (全国文明城市, 全国文明城市和…先进城市).

    Examples:
        >>> restatement(["应该说，创建工作成效明显。"], "可以说，创建是一件大事。")
        '可以说'
        >>> restatement(["全国文明城市是最高荣誉。"], "全国文明城市作为标尺，也是招牌。")
        '全国文明城市'
        >>> restatement(["应该说，创建工作成效明显。", "要巩固成果。"], "可以说，创建是一件大事。")
    """
    if not before:
        return None
    opener = res.HEDGE_OPENER.match(sentence)
    if opener is not None and res.HEDGE_OPENER.match(before[-1]):
        return opener.group(0).rstrip("，,、")
    subject = _judged(sentence)
    if subject is None:
        return None
    for b in before:
        other = _judged(b)
        if other is not None and (subject.startswith(other) or other.startswith(subject)):
            return subject
    return None


def restates(before: Sequence[str], sentence: str) -> bool:
    """Whether ``sentence`` reads as saying again what the paragraph's ``before`` just said.

    Examples:
        >>> restates(["应该说，创建工作成效明显。"], "可以说，创建是一件大事。")
        True
        >>> restates(["应该说，创建工作成效明显。", "要巩固成果。"], "可以说，创建是一件大事。")
        False
        >>> a = "全国文明城市是含金量最高的城市品牌。"
        >>> restates([a], "全国文明城市作为重要标尺，也是最具价值的金字招牌。")
        True
        >>> restates([a], "全国卫生城市是最具价值的金字招牌。")
        False
        >>> restates([a], "全国文明城市是一块金字招牌，要倍加珍惜。")
        False
    """
    return restatement(before, sentence) is not None
