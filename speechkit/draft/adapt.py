"""Adapting corpus sentences to the profile.

A corpus sentence is reused only if everything it names is given by the profile: sentences
with a person placeholder (``X同志``), a place or person name jieba tagged ns/nr in the corpus
(:attr:`CorpusModel.names`), a figure or a date (jieba's m/t tokens with digits, matched here
by :data:`~speechkit.draft.resources.FIGURE_OR_DATE`, shares such as 九成/过半 included) are
dropped, and so are sentences that are not speech (English notes, markup) or speak for another
unit (我们街道, 作为老城区, 请县委放心). The rest is rewritten: place placeholders (``xx市``)
become the profile's city, 市/区/县 words follow the profile's level (全区, 区委、区政府,
县城 → 城市/城区), campaign names become the profile's campaign, and stray ordinal words
(一是, 第二，) are removed because the composer numbers sub-points itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from speechkit.draft import resources as res
from speechkit.segment.placeholders import find_placeholders

__all__ = ["AdaptContext", "adapt_sentence", "level_terms"]


@dataclass(frozen=True, slots=True)
class AdaptContext:
    """What the profile allows a reused sentence to say.

    Attributes:
        city: The profile's city/district/county name.
        unit: 市, 区 or 县.
        campaign: The profile's campaign (全国文明城市…).
        allowed_names: Names the profile itself mentions (they may stay).
    """

    city: str
    unit: str
    campaign: str
    allowed_names: frozenset[str] = frozenset()

    @property
    def short(self) -> str | None:
        """Short campaign word (创卫 for 卫生 campaigns), ``None`` to keep the corpus's own."""
        if "卫生" in self.campaign:
            return "创卫"
        if "文明" in self.campaign:
            return None
        return "创建"


def level_terms(text: str, unit: str) -> str:
    """Rewrite 市/区/县 words (全市, 市委, 市政府, 市管干部, 各区县…) to ``unit``.

    Ordinary words with the same characters stay (城市, 市民, 市场, 市容, 超市, 社区, 小区),
    and so do higher levels (省委).

    Examples:
        >>> level_terms("全市上下要在市委、市政府领导下，督促各区县抓好市容整治。", "区")
        '全区上下要在区委、区政府领导下，督促各街道（镇）抓好市容整治。'
        >>> level_terms("社区委员会和全县干部", "市")
        '社区委员会和全市干部'
        >>> level_terms("市委对市管领导班子严格考核，各区也要跟进，超市和市场监管局照旧。", "县")
        '县委对县管领导班子严格考核，各乡镇也要跟进，超市和市场监管局照旧。'
        >>> level_terms("健全市场体系，小区里、园区内的区长效机制", "县")
        '健全市场体系，小区里、园区内的区长效机制'
        >>> level_terms("提升县城治理水平，全县城乡一起抓。", "市")
        '提升城市治理水平，全市城乡一起抓。'
        >>> level_terms("市城管局、市市场监管局要牵头。", "区")
        '区城管局、区市场监管局要牵头。'
    """
    text = res.LEVEL_PREFIXED.sub(lambda m: m.group(1) + unit, text)
    text = res.LEVEL_ORGAN.sub(unit, text)
    if unit in res.COUNTY_TOWN_AS:  # a city's or district's urban area is not a 县城
        text = res.COUNTY_TOWN.sub(res.COUNTY_TOWN_AS[unit], text)
    if unit in res.URBAN_AREA:
        pattern, repl = res.URBAN_AREA[unit]
        text = pattern.sub(repl, text)
    return res.SUBUNIT_TERMS.sub(res.SUBUNITS[unit], text)


def _campaign(text: str, ctx: AdaptContext) -> str:
    text = res.CAMPAIGNS.sub(ctx.campaign, text)
    # A bare 文明城市 / 卫生城市 names the campaign too: use the profile's, without 全国/国家.
    bare = re.sub(r"^(全国|国家)", "", ctx.campaign)
    if bare != ctx.campaign and re.fullmatch(r"(文明|卫生|园林)(城市|城区|县城)", bare):
        text = re.sub(r"(?<![国家全])(?:文明|卫生|园林)(?:城市|城区|县城)", bare, text)
    if ctx.short is not None:
        text = res.CAMPAIGN_SHORT.sub(ctx.short, text)
    elif "文明" in ctx.campaign:  # 创文/创城 stay; 创卫 is another campaign
        text = text.replace("创卫", "创建")
    return text


def _fill_placeholders(text: str, city: str) -> str | None:
    """Fill place placeholders from the profile; ``None`` when another kind is left.

    Only places can be filled: ``xx市委`` is the organ (the placeholder goes, the level
    rewrite does the rest), ``xx市`` the place (the profile's own). Persons, figures, dates
    and other places (xx社区, 在xx) are facts the profile does not give.

    Examples:
        >>> _fill_placeholders("在xx市委领导下，xx县面貌一新。", "云溪区")
        '在市委领导下，云溪区面貌一新。'
        >>> _fill_placeholders("X同志讲得很好。", "云溪区") is None
        True
    """
    out = text
    for ph in reversed(find_placeholders(text)):
        after = text[ph.end :]
        if ph.kind != "place":
            return None
        if res.PLACEHOLDER_ORGAN.match(after):
            out = out[: ph.start] + out[ph.end :]
        elif res.PLACEHOLDER_PLACE.match(after):
            out = out[: ph.start] + city + out[ph.end + 1 :]
        else:
            return None
    return out


def adapt_sentence(sentence: str, names: tuple[str, ...], ctx: AdaptContext) -> str | None:
    """Adapt one corpus sentence to the profile, or return ``None`` to drop it.

    Args:
        sentence: The corpus sentence.
        names: Place/person names the corpus model found in it.
        ctx: What the profile allows.

    Examples:
        >>> ctx = AdaptContext(city="云溪区", unit="区", campaign="全国文明城区")
        >>> adapt_sentence("二是要在xx市委、市政府领导下，全市上下共创全国文明城市。", (), ctx)
        '要在区委、区政府领导下，全区上下共创全国文明城区。'
        >>> adapt_sentence("文明创建让xx市更美丽。", (), ctx)
        '文明创建让云溪区更美丽。'
        >>> adapt_sentence("创建卫生城市的过程，就是加强城市管理的过程。", (), ctx)
        '创建文明城区的过程，就是加强城市管理的过程。'
        >>> adapt_sentence("是增强区域竞争力的重要途径。", (), ctx) is None
        True
        >>> adapt_sentence("X同志作了很好的讲话。", (), ctx) is None
        True
        >>> adapt_sentence("累计清理垃圾3万吨。", (), ctx) is None
        True
        >>> adapt_sentence("濮阳的经验值得学习。", ("濮阳",), ctx) is None
        True
        >>> adapt_sentence("各位局领导要根据责任分工，抓好落实。", (), ctx) is None
        True
        >>> adapt_sentence("The text is new，创建全国文明城市。", (), ctx) is None
        True
        >>> adapt_sentence("作为老城区，我们街道背街小巷多。", (), ctx) is None
        True
        >>> adapt_sentence("超过九成的群众支持创建工作。", (), ctx) is None
        True
        >>> adapt_sentence("其四，所以，要真心做到务实为民。", (), ctx)
        '要真心做到务实为民。'
    """
    if any(name not in ctx.allowed_names for name in names):
        return None
    if res.SINGLE_MOU.search(sentence) or res.NAMED_COMRADE.search(sentence):
        return None
    if res.AUDIENCE_MISMATCH[ctx.unit].search(sentence):  # addressed to one bureau's staff
        return None
    if res.SELF_UNIT_MISMATCH[ctx.unit].search(sentence):  # spoken for a street/township
        return None
    if res.NOT_SPEECH.search(sentence):  # English notes, code, markup
        return None
    if res.FIGURE_OR_DATE.search(sentence):
        return None
    if (
        res.FACT_CLAIM.search(sentence)
        or res.ANNOUNCE.search(sentence.strip())
        or res.JUNK.search(sentence)
    ):
        return None
    stripped = res.LEADING_CONNECTIVE.sub("", res.SENTENCE_ORDINAL.sub("", sentence.strip()))
    text = _fill_placeholders(stripped, ctx.city)
    if text is None or res.FORBIDDEN.search(text):
        return None
    text = level_terms(_campaign(text, ctx), ctx.unit)
    text = text.lstrip("，、；：。 ")
    if res.DANGLING.match(text):  # its subject was in the sentence before
        return None
    if len(text) < 8 or len(text) > 220:
        return None
    if text[-1] not in "。！？”":
        text = text.rstrip("；，、：") + "。"
    return text
