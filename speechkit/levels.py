"""市/区/县: rewriting the level words of a text to another level, and finding them.

Drafting rewrites reused corpus text to the profile's level (全市 → 全区, 市委 → 区委);
checking reports a level word that does not match the speech's own (:mod:`speechkit.check`).
Both use :func:`level_terms`, so the rule lives here once.
"""

from __future__ import annotations

import re

__all__ = ["SUBUNITS", "level_terms", "wrong_level"]

#: 市/区/县 words are rewritten to the profile's level (全市 → 全区, 市委 → 区委, 市管干部 →
#: 区管干部) wherever they name the level — in any context, not only before a known character —
#: and kept where the character belongs to an ordinary word. A character before it that makes
#: such a word (城市, 超市, 社区, 小区, 园区…):
_COMPOUND_BEFORE = {
    "市": "城超都夜股门集菜早花上黑楼坊省国",
    "区": "社城园片景校小街地山新老库矿湖发范护能牧灾林港厂营学禁误辖郊特战分验风商功游保市国",
    "县": "郡省州国",
}
# 全国县级文明城市 and 县级市 are names of a title and of a kind of city, not levels.
_LEVEL_CHAR = "(?:" + "|".join(f"(?<![{b}]){c}" for c, b in _COMPOUND_BEFORE.items()) + ")"
#: What follows a level character that names the level's organs, officials and offices, and its
#: own situation (市情, 县情: 从市情实际看 in a district speech is 区情).
_ORGAN_AFTER = (
    r"(?=委(?![托屈婉])|政府|创建(?:领导小组|指挥部|委员会)|领导小组|指挥部|人大|政协|纪委|监委|文明[委办]|创[建城文卫]办|爱卫[办会]|领导(?!力)|"
    r"直(?![接观线到])|级(?![别市])|属(?![于性])|情(?![况绪感怀节景形])|管(?=领导|干部|班子|单位|企业)|里(?![程外])|"
    r"长(?![效期远久足大河江廊城沙春治安征假篇度短处])|"
    r"(?:公安|住建|城管|交通|民政|财政|教育|卫健|卫生|生态环境|环保|综合执法|行政执法|城管执法|"
    r"市场监管|文旅|文广|商务|自然资源|水利|应急管理|农业农村|人社|发改|司法|统计)(?:分)?[局委])"
)
#: 全市/我市/本市 (not 健全市场, 完全区别, 自我, 本区域).
LEVEL_PREFIXED = re.compile(
    r"((?<![健完齐安保周成])全|(?<!自)我|本)[市区县](?!场|民(?!众)|容|貌|域|间|别|身)"
)
#: 市委, 市政府, 市长, 市里, 市级, 市直, 市管干部, 市城管局… (not 城市里, 社区委员会, 市场监管局).
LEVEL_ORGAN = re.compile(_LEVEL_CHAR + _ORGAN_AFTER)
#: Lower-level units for each level (各区县 in a city speech is 各街道（镇） in a district speech).
SUBUNITS = {"市": "各区县", "区": "各街道（镇）", "县": "各乡镇"}
#: A note of the units meant after a term (各乡镇（街道）, 各区县（市）): part of the term, so
#: rewriting the term does not leave it behind (各街道（镇）（街道） in a district speech).
_UNITS_NOTE = r"(?:（[市区县乡镇街道、]{1,6}）)?"
SUBUNIT_TERMS = re.compile(
    r"(?:各街道（镇）|各区市县|各县区|各区县|各县（市、区）|各县市区|各区（县、市）|各镇街|各街道|各乡镇|"
    r"各区(?![域间块片别])|各县(?![城域])|各市(?![场民]))" + _UNITS_NOTE
)
#: 市区 (a city's urban area) in a county speech is 城区.
URBAN_AREA = {"县": (re.compile(r"(?<![城都超])市区(?![委政])"), "城区")}

#: 县城 (the county town) said of a city or a district: its own urban area, 城市 / 城区. The
#: campaign titles (全国文明县城, 国家卫生县城…) and 县城乡 (县 + 城乡) are not it.
COUNTY_TOWN = re.compile(r"(?<!文明)(?<!卫生)(?<!园林)(?<![全各本我])县城(?!乡)")
COUNTY_TOWN_AS = {"市": "城市", "区": "城区"}


def level_terms(text: str, level: str) -> str:
    """Rewrite 市/区/县 words (全市, 市委, 市政府, 市管干部, 各区县…) to ``level``.

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
    text = LEVEL_PREFIXED.sub(lambda m: m.group(1) + level, text)
    text = LEVEL_ORGAN.sub(level, text)
    if level in COUNTY_TOWN_AS:  # a city's or district's urban area is not a 县城
        text = COUNTY_TOWN.sub(COUNTY_TOWN_AS[level], text)
    if level in URBAN_AREA:
        pattern, repl = URBAN_AREA[level]
        text = pattern.sub(repl, text)
    return SUBUNIT_TERMS.sub(SUBUNITS[level], text)


_WORD_END = re.compile(r"[\u4e00-\u9fff]{1,8}?(?=[，、。；：,.（(]|$|要|的|和|与|及|在|对|将|上下)")


#: Names of the lower units that are right for each level (各街道 and 各镇街 in a district
#: speech both mean its streets and towns); the rewrite normalizes them, which is no error.
OWN_SUBUNITS = {
    "市": re.compile(
        r"(?:各区市县|各县区|各区县|各县（市、区）|各县市区|各区（县、市）)" + _UNITS_NOTE
    ),
    "区": re.compile(r"(?:各街道（镇）|各街道|各镇街|各街镇)" + _UNITS_NOTE),
    "县": re.compile(r"(?:各乡镇|各镇)" + _UNITS_NOTE),
}


def wrong_level(text: str, level: str) -> tuple[int, str] | None:
    """The first level word of ``text`` that is not ``level``'s: ``(start, word)``, else None.

    Examples:
        >>> wrong_level("县直各部门要主动对接市创建领导小组。", "县")
        (10, '市创建领导小组')
        >>> wrong_level("全县上下要拧成一股绳。", "县") is None
        True
        >>> wrong_level("各街道要履行属地责任。", "区") is None
        True
        >>> level_terms(level_terms("各街道要履行属地责任。", "区"), "区")
        '各街道（镇）要履行属地责任。'

    """
    text = OWN_SUBUNITS[level].sub(SUBUNITS[level], text)
    fixed = level_terms(text, level)
    if fixed == text:
        return None
    i = next((k for k, (a, b) in enumerate(zip(text, fixed, strict=False)) if a != b), 0)
    # Widen to the word: back to the start of the level word, forward over the organ name.
    start = max(i - 1, 0) if i and text[i - 1] in "全我本各" else i
    m = _WORD_END.match(text, start)
    end = m.end() if m else start + 2
    return start, text[start:end]
