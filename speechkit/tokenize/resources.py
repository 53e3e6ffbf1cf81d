"""Tables of the local-name test (:mod:`speechkit.tokenize.names`), kept as data in one place.

The figures quoted are jieba's IDF table (``jieba/analyse/idf.txt``) and dictionary
(``jieba/dict.txt``).
"""

from __future__ import annotations

__all__ = [
    "GENERIC_NAMES",
    "NAME_MIN_IDF",
    "PERSON_TAGS",
    "PERSON_TITLES",
    "PLACE_CONTEXT_SUFFIXES",
    "PLACE_DICT_SUFFIXES",
    "PLACE_MIN_IDF",
    "PLACE_SUFFIXES",
    "PLACE_TAGS",
    "SURNAMES",
]

#: jieba tags of persons: nr (person), nrt (transliterated), nrfg (famous person).
PERSON_TAGS: frozenset[str] = frozenset(["nr", "nrt", "nrfg"])

#: jieba tags of places: ns (place), nz (other proper noun: 广元 is nz).
PLACE_TAGS: frozenset[str] = frozenset(["ns", "nz"])

#: jieba tags common words as persons too (文明 nr 6.66, 道德 nr 7.13); a person name is
#: rarer than these in general Chinese (黄伟 10.9, 李毅 11.6).
NAME_MIN_IDF = 7.25

#: jieba tags common words as places (城市 ns 4.99, 东西 4.8, 太阳 6.2); well-known places
#: are common too (北京 4.7, 天津 6.46, 河南省 6.6, 迪拜 6.6, 内蒙古 7.1), so an ns token
#: below this IDF is a name only when jieba's dictionary lists it with a place suffix
#: (北京市, 广东省). Tokens tagged nz (通讯, 印发, 蝶变) need that suffix entry whatever their IDF.
PLACE_MIN_IDF = 6.5

#: Suffixes of the dictionary rule: T names a place when the dictionary lists T+suffix
#: (焦作市, 广东省, 志丹县). Not 区: 中国区, 文明区, 江南区 are in the dictionary too.
PLACE_DICT_SUFFIXES: tuple[str, ...] = ("市", "县", "省")

#: Suffixes of the corpus-context rule: T is a place when the corpus writes T+suffix
#: (大连市 -> 大连, 山阳区 -> 山阳, 太峪镇 -> 太峪).
PLACE_CONTEXT_SUFFIXES: tuple[str, ...] = ("市", "县", "区", "省", "镇")

#: Titles that follow a person's name in speeches (张恩惠书记, 黄伟同志).
PERSON_TITLES: tuple[str, ...] = (
    "同志",
    "书记",
    "市长",
    "县长",
    "区长",
    "省长",
    "主任",
    "局长",
    "部长",
)

#: Common words jieba tags as names that never name a particular place or person.
GENERIC_NAMES: frozenset[str] = frozenset(
    [
        "中国",
        "中华",
        "全国",
        "国家",
        "城市",
        "文明",
        "文明城市",
        "习近平",
        "马克思",
        "毛泽东",
        "邓小平",
        "中华民族",
        "城乡",
        "社区",
        "城区",
        "市区",
        "新区",
        "老城区",
        "城中村",
        "镇区",
        "镇街",
        "镇村",
        "城镇",
        "乡镇",
        "山区",
        "各乡镇",
        "英雄",
    ]
)

#: Last characters of administrative place names.
PLACE_SUFFIXES = frozenset("省市区县州镇乡村旗")

#: Common Chinese surnames (first character of most person names).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
    "毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩"
    "明佘池查麻苑迟邝"
)
