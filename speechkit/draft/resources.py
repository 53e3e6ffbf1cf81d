"""Tables and regular expressions used by drafting (kept as data, in one place)."""

from __future__ import annotations

import re

#: Cue words of the city-campaign genre; the fallback topic filter needs ≥ 2 per 1000 chars.
TOPIC_CUES: tuple[str, ...] = (
    "文明",
    "创建",
    "创城",
    "创文",
    "创卫",
    "卫生城市",
    "城市管理",
    "市容",
)

#: Common words jieba tags ns/nr that never name a particular place or person.
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

#: Numbering marker at the start of a corpus paragraph (一、 （一） 第一， 一是 1. …).
MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|"
    r"第[一二三四五六七八九十]+[，、,]|[一二三四五六七八九十][是要]|\d+[.．、]|（\d+）|"
    r"首先，|其次，|再次，|最后，)\s*"
)
#: Ordinal words at the start of a sentence; stripped so reused sentences keep no stray numbering.
SENTENCE_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十][是要][，：:]?|第[一二三四五六七八九十]+[，、]|首先，|其次，|再次，|最后，|"
    r"（[一二三四五六七八九十\d]+）|\d+[.．、])"
)

#: Redacted names (placeholders) as they appear in scraped 范文.
PERSON_PLACEHOLDER = re.compile(
    r"(?:[xX×Ｘ*＊]{1,3}|某某?)(?:同志|书记|市长|区长|县长|主任|部长|副部长|局长|副市长|副区长|副县长|"
    r"常委|主席|先生|女士|秘书长|镇长|乡长)|[xX×Ｘ*＊]{1,3}[\u4e00-\u9fff]{0,2}(?:同志|书记)"
)
#: 同志 after a name (刘航同志) — generic uses (同志们, 领导同志, 负责同志) are fine.
NAMED_COMRADE = re.compile(
    r"(?<!负责)(?<!领导)(?<!党员)(?<!广大)(?<!优秀)(?<!干部)(?<!青年)(?<![女男老])同志(?!们)"
)
PLACE_PLACEHOLDER = re.compile(r"(?:[xX×Ｘ*＊]{1,3}|某)[市区县](?!委|政府|人大|政协)")
ANY_PLACEHOLDER = re.compile(r"[xX×Ｘ*＊]|某某|某[省市区县同]")
#: Figures and dates the profile does not give: Arabic digits, large Chinese numbers, percentages,
#: written-out years and months.
FIGURE_OR_DATE = re.compile(
    r"\d|[〇零一二三四五六七八九十]{4}年|[一二三四五六七八九十两百千]+(?:万|亿)|百分之|"
    r"[一二三四五六七八九十]+月[一二三四五六七八九十]*日?|[一二三四五六七八九十]{2,}个百分点|"
    r"去年|前年|今年以来|上半年|下半年|年初|年底|亿|万(?:元|人|名|户|平方米|余|多)"
)
#: Site boilerplate that survived cleaning inside a sentence (never reused).
JUNK = re.compile(
    r"资料|权属|版权|复制|剽窃|转载|下载|网站|文秘|资源网|小编|会员|原文|出处|免责|点击"
)
#: Claims of facts (titles won, rankings, inspections passed) only the profile may make.
FACT_CLAIM = re.compile(
    r"荣获|获得了?.{0,24}称号|被评为|被命名为|授予|通过.{0,12}(?:验收|评估|复审|考核)|排名|位列|"
    r"第[一二三四五六七八九十]名|首创首成"
)
#: Sentences that announce a list or lean on the sentence after them (以下几点, …体会到：).
ANNOUNCE = re.compile(
    r"以下|如下|主要有[一二三四五六七八九十]|[一二三四五六七八九十]个方面|[:：]$|^同志们"
)
#: Words of problems and shortcomings (kept out of achievement paragraphs, into problem ones).
PROBLEM_CUES = re.compile(
    r"问题|不足|短板|差距|不强|不够|不到位|薄弱|依然存在|亟待|有待|欠账|滞后|不高|不严|不实|突出矛盾|顽疾|屡禁不止"
)

#: Level words rewritten to the profile's level (市/区/县): pattern -> template ({u} = level char).
LEVEL_TERMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"全[市区县](?![场民委政容貌])", "全{u}"),
        (r"(?<![社城园片景校小街省地])[市区县]长(?![效期远])", "{u}长"),
        (r"(?<![城省地])[市区县]里(?=[已要也将还])", "{u}里"),
        (r"我[市区县]", "我{u}"),
        (r"本[市区县](?![民])", "本{u}"),
        (r"(?<![社城园片景校小街省地])[市区县]委(?=[、，。书常宣办主副领决部要和的])", "{u}委"),
        (
            r"(?<![城省地])[市区县](?=政府|人大|政协|纪委|监委|文明委|文明办|创建办|创城办|创文办|创卫办|"
            r"领导|直|级|属|委常委|爱卫办|城管局|委宣传部)",
            "{u}",
        ),
    )
)
#: Lower-level units for each level (各区县 in a city speech is 各街道（镇） in a district speech).
SUBUNITS = {"市": "各区县", "区": "各街道（镇）", "县": "各乡镇"}
SUBUNIT_TERMS = re.compile(
    r"各区市县|各县区|各区县|各县（市、区）|各县市区|各区（县、市）|各镇街|各街道|各乡镇"
)

#: Campaign names in the corpus, rewritten to the profile's campaign.
CAMPAIGNS = re.compile(
    r"全国文明城市|全国文明城区|全国文明县城|国家卫生城市|国家卫生城区|国家卫生县城|国家园林城市"
)
CAMPAIGN_SHORT = re.compile(r"(?<![共争])创(?:文|城|卫)(?![明市生])")

#: Verbs that already open a task phrase (抓好…, 推进…); other priorities get one prepended.
TASK_VERBS = (
    "加强",
    "推进",
    "抓好",
    "提升",
    "深化",
    "开展",
    "强化",
    "完善",
    "实施",
    "打造",
    "整治",
    "推动",
    "建立",
    "健全",
    "持续",
    "全面",
    "扎实",
    "聚焦",
    "突出",
    "做好",
    "坚持",
    "加快",
    "优化",
    "规范",
    "巩固",
    "落实",
    "治理",
    "改善",
    "建设",
    "创建",
    "营造",
    "培育",
    "弘扬",
    "加大",
    "严格",
)
#: Left-over placeholders and redaction marks no draft may contain.
FORBIDDEN = re.compile(r"[xX]{2}|X[市区县省同]|[*＊]|某某")
#: Sentence openings that need the sentence before them (是…, 而是…, 其中…).
DANGLING = re.compile(r"^(?:是|而是|也是|还是|就是|其中|对此|为此|因此|但是|但|而|并且)")
