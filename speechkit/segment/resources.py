"""Compiled regular expressions and tables used by segmentation.

They accept both full-width and half-width punctuation so that segmentation
also works on text that was not normalized.
"""

from __future__ import annotations

import re

from speechkit.zh import CLAUSE_MARKS, FULL_SENTENCE_MARKS, NUMERALS

#: Numerals of a heading marker: the usual ones and the rarer forms (一百、, 〇, 两).
NUM_ZH = NUMERALS + "百零〇两"
_COMMA = "，,"
_COLON = "：:"
_BANG = "！!"
#: Punctuation that ends the heading part of a run-in heading.
HEADING_END = CLAUSE_MARKS

# --- headings ---------------------------------------------------------------
#: (regex, level, kind). Order matters: the first match wins.
HEADING_PATTERNS: tuple[tuple[re.Pattern[str], int, str], ...] = (
    (re.compile(rf"^[{NUM_ZH}]{{1,3}}、(?=[^、\s])"), 1, "zh_comma"),  # 一、
    (re.compile(rf"^[（(][{NUM_ZH}]{{1,3}}[）)][、．.]?"), 2, "zh_paren"),  # （一）
    (
        re.compile(rf"^第[{NUM_ZH}]{{1,3}}(?:[{_COMMA}、{_COLON}]|(?=是|要|部分|方面))"),
        2,
        "ordinal",
    ),  # 第一，
    (
        re.compile(rf"^[{NUM_ZH}]{{1,2}}(?:是|要|方面要)(?=[^\s{_COMMA}。的])"),
        2,
        "zh_shi",
    ),  # 一是 / 一要
    (re.compile(rf"^其[{NUM_ZH}]{{1,2}}[{_COMMA}、{_COLON}]"), 2, "qi"),  # 其一，
    # 首先， — but not the formulas 首先，我代表… / 最后，祝…
    (
        re.compile(
            rf"^(?:首先|其次|再次|再者|最后)[{_COMMA}{_COLON}]"
            r"(?!我代表|请允许|请|让我|向|祝|预祝|感谢|再次|衷心)"
        ),
        2,
        "sequence",
    ),
    (re.compile(r"^\d{1,2}(?:、|[.．](?!\d))"), 3, "arabic"),  # 1、 1.
    (re.compile(r"^[（(]\d{1,2}[）)][、．.]?"), 3, "arabic_paren"),  # （1）
    (re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"), 4, "circled"),  # ①
)

#: "其次 / 再次 / 最后" are headings only after a "首先" in the same speech.
SEQUENCE_OPENERS = ("首先",)

#: Where a heading that runs into the paragraph text ends: a quotation of a
#: leader, or the usual first words of the following sentence.
RE_RUN_IN = re.compile(
    r"(?:[*＊xX×○]{1,3}|习近平)?总书记(?:指出|强调|说|要求|在)"
    r"|习近平(?:同志)?(?:指出|强调|要求)"
    r"|(?:党的[十一二三四五六七八九]+大|党中央|中央|省委|市委|县委|区委)(?:明确)?(?:指出|强调|提出|要求)"
)

#: Longest heading kept whole when no sentence punctuation ends it.
HEADING_MAX_CHARS = 60

# --- speech boundaries ------------------------------------------------------
_ADDRESSEE = (
    r"(?:同志们|朋友们|同学们|老师们|代表们|来宾们|女士们|先生们|青年朋友们|战友们"
    r"|(?!(?:我|你|他|她|它|咱)们)[\u4e00-\u9fff]{1,5}们"
    r"|各位(?:领导|来宾|代表|委员|嘉宾|同事|同仁|老师|同学|企业家|朋友)"
    r"|(?:尊敬|亲爱)的[^，,。！!：:]{1,20})"
)
#: A salutation line: addressees only, ending with ：or ！ (or nothing).
RE_SALUTATION = re.compile(
    rf"^{_ADDRESSEE}(?:[、，,和及与\s]*{_ADDRESSEE}){{0,5}}\s*([{_COLON}{_BANG}{_COMMA}]?)\s*[。.]?\s*$"
)

_TALK = r"(?:讲话|发言|致辞|致词|讲稿|报告|动员令|党课)"
#: Words a speech title ends with, optionally followed by a site suffix.
RE_TITLE_END = re.compile(
    rf"{_TALK}(?:稿|提纲|范文|全文|材料|原文|要点|摘要)?"
    r"(?:[（(【\[][^）)】\]]{0,12}[）)】\]])?"
    r"(?:集合|汇编|合集|大全|精选|范文|范本|模板|\d+篇|[（(]?\d+[）)]?)?\s*$"
)
#: "在…会议上的讲话…" anywhere in a short line marks a title even with a suffix.
RE_TITLE_MEETING = re.compile(rf"(?:会|会议|仪式|典礼|论坛|活动|大会|开班式|座谈会)上的?{_TALK}")
#: Numbering that compilation sites put in front of each title ("篇一：", "【范文2】").
RE_TITLE_PREFIX = re.compile(
    rf"^(?:(?:篇|范文)[{NUM_ZH}\d]{{1,3}}|第[{NUM_ZH}\d]{{1,3}}篇|【(?:篇|范文)?[{NUM_ZH}\d]{{1,3}}篇?】)"
    r"\s*[：:、.．]?\s*"
)
#: A dateline printed under a speech title: "（2022年9月10日）", "（20xx年x月x日）".
_DATE_DIGIT = rf"[\d{NUM_ZH}xX×○*＊]"
RE_DATELINE = re.compile(
    rf"^[（(]?\s*{_DATE_DIGIT}{{2,4}}\s*年(?:\s*{_DATE_DIGIT}{{1,3}}\s*月)?"
    rf"(?:\s*{_DATE_DIGIT}{{1,3}}\s*日)?\s*[）)]?$"
    # a bracketed note after the date: （2024年1月19日，根据录音整理）
    rf"|^[（(]\s*{_DATE_DIGIT}{{2,4}}\s*年\s*{_DATE_DIGIT}{{1,3}}\s*月(?:\s*{_DATE_DIGIT}{{1,3}}\s*日)?"
    rf"\s*[，,、；;\s][^（）(){FULL_SENTENCE_MARKS}]{{1,20}}[）)]$"
)
#: A speaker line printed under a title or on a cover page: "发言人：县委书记　xxx".
#: Like a dateline it belongs to the speech and becomes its ``speaker`` (group ``who``).
RE_BYLINE = re.compile(
    r"^[（(]?\s*(?:发言人|讲话人|主讲人|报告人|致辞人|演讲人|主讲)\s*[：:]\s*"
    rf"(?P<who>[^{FULL_SENTENCE_MARKS}；;]{{1,40}}?)[）)]?\s*$"
)
#: Words an office (职务) ends with: 市委书记, 副市长, 区委副书记、区长, 宣传部部长.
_OFFICE_END = (
    r"(?:书记|省长|市长|州长|盟长|县长|区长|旗长|镇长|乡长|主任|部长|厅长|局长|处长|科长|主席"
    r"|秘书长|组长|校长|院长|所长|站长|会长|社长|行长|台长|董事长|总经理|检察长|政委|委员|常委)"
)
#: An office: organisation words, 副, 、 between two offices, then an office word (at most 24
#: characters; letters for placeholders such as XX县委书记).
_ORG = r"[\u4e00-\u9fffA-Za-z×*＊]{0,12}?"
_OFFICE = rf"(?:{_ORG}{_OFFICE_END}、)*{_ORG}{_OFFICE_END}"
#: Common surnames (the first character of a name in 姓名 职务 and 职务 姓名 bylines): the
#: byline is recognised only where it is printed (right under the title), but a name must
#: still look like one, so that 市委书记 alone is an office, not 市委 (name) + 书记 (office).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
#: A name: surname + one or two characters (王某某, 张建国), or a placeholder (XXX, ×××, 某某).
_NAME = rf"(?:[{SURNAMES}][\u4e00-\u9fff]{{1,2}}|[xX×*＊]{{2,4}}|某某|[xX×][某]{{1,2}})(?:同志)?"
#: A byline under a title: 职务 姓名 (``市委书记  张建国``, cleaned to ``市委书记张建国``),
#: 姓名 职务 (``刘建军  副市长``), or the office alone (``市委书记``).
RE_OFFICE_NAME = re.compile(rf"^(?P<office>{_OFFICE})\s*(?P<name>{_NAME})$")
RE_NAME_OFFICE = re.compile(rf"^(?P<name>{_NAME})\s*(?P<office>{_OFFICE})$")
RE_OFFICE_ONLY = re.compile(rf"^(?P<office>{_OFFICE})$")
#: A byline is short.
BYLINE_MAX_CHARS = 30
#: A subtitle printed under a main title: ``——在全区创建全国文明城区誓师大会上的讲话``.
RE_SUBTITLE = re.compile(r"^\s*(?:——|--|—|－－)\s*\S")
#: A line that starts an appendix ("附件：", "附件", "附件1：xx名单", "附：", "附录"):
#: it and everything after it up to the next speech start belong to no speech.
RE_APPENDIX = re.compile(
    rf"^[（(【\[]?\s*附(?:件|录|表)?\s*[\d{NUM_ZH}]{{0,3}}\s*[）)】\]]?\s*"
    rf"(?:[{_COLON}．.、]\s*[^{FULL_SENTENCE_MARKS}；;{_COLON}]{{0,40}})?\s*$"
)
#: Title lines are short and carry no sentence punctuation.
RE_TITLE_FORBIDDEN = re.compile(rf"[{CLAUSE_MARKS}，,：:]")
TITLE_MAX_CHARS = 60

#: A closing paragraph: thanks, or a final address to the audience.
RE_THANKS = re.compile(r"^(?:谢谢大家|谢谢各位|谢谢！|谢谢!|谢谢。|谢谢$)")
RE_CLOSING_ADDRESS = re.compile(rf"^(?:同志们|同志们、朋友们|同志们，朋友们)[{_COMMA}{_BANG}]")

#: The usual first words of a speech that has no salutation.
RE_OPENING = re.compile(
    r"^(?:今天|今天的会议|这次会议|本次会议|这次大会|刚才|根据|按照.{0,20}(?:部署|安排|要求)"
    r"|在.{0,20}(?:之际|前夕)|首先[，,]?我代表|受.{0,20}委托)"
)
