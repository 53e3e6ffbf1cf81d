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
    r"去年|前年|今年以来|上半年|下半年|年初|年底|亿|万(?:元|人|名|户|平方米|余|多)|"
    r"[一二三四五六七八九十]+届[一二三四五六七八九十]+次"
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
#: A sentence that lists several matters inline (…问题：一是…); too specific for a generic filler.
INLINE_LIST = re.compile(r"[:：].{0,6}[一1１][是、.．）)]|[一二][是要].+[二三][是要]")
#: Sentence openings that need the sentence before them (是…, 而是…, 其中…).
DANGLING = re.compile(
    r"^(?:是|而是|也是|还是|就是|其中|对此|为此|因此|但是|但|而|并且|比如|例如|譬如)"
)

#: Words that address the staff of a bureau, school or other single unit (局领导, 各科室…). A
#: city/district/county speech is addressed to the whole jurisdiction, so corpus sentences
#: with these words are not reused in a speech of that level. Keyed by the profile's level.
_UNIT_AUDIENCE = (
    r"局领导|局党组|局党委|局机关|局班子|我局|本局|全局(?:干部|职工|党员|上下|同志)|"
    r"各科室|科室|股室|下属单位|直属单位负责人|机关党委|机关各支部|"
    r"我校|本校|全校|各班级|班主任|"
    r"我院|本院|全院|我公司|本公司|全公司"
)
AUDIENCE_MISMATCH: dict[str, re.Pattern[str]] = {
    level: re.compile(_UNIT_AUDIENCE) for level in ("市", "区", "县")
}

#: Openers the templates put before a priority to make a task phrase (see ``task()``); the
#: sub-point's topic, used to find relevant corpus sentences, is the priority without them.
TASK_OPENERS: tuple[str, ...] = ("突出抓好", "扎实推进", "着力抓好", "抓好")
TASK_OPENER = re.compile("^(?:" + "|".join(TASK_OPENERS) + ")")

#: Generic development of an achievement sub-point: (cue pattern on the achievement, sentences
#: that fit it). Past-tense, no figures, no names: they add meaning, never new facts. The first
#: rule whose cue matches wins; ``ACHIEVEMENT_GENERIC`` serves when none does.
ACHIEVEMENT_DEVELOPMENT: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(cue), sentences)
    for cue, sentences in (
        (
            r"停车|泊位|交通|道路|公交|出行|斑马线",
            (
                "群众出行更加便捷，停车难、通行难等烦心事有了明显缓解。",
                "城市交通秩序更加规范有序，群众出行的安全感和满意度不断提高。",
            ),
        ),
        (
            r"志愿",
            (
                "志愿服务已成为城市文明的亮丽名片，崇德向善、互帮互助的社会风尚日益浓厚。",
                "越来越多的市民从创建的旁观者变成了参与者、受益者。",
            ),
        ),
        (
            r"文明实践|实践站|实践所|实践中心|道德|好人|未成年人|家风",
            (
                "基层文明实践阵地更加坚实，群众在家门口就能参与丰富多彩的文明实践活动。",
                "文明新风吹进千家万户，群众精神文化生活更加充实。",
            ),
        ),
        (
            r"农贸|菜市场|集贸",
            ("群众的“菜篮子”更加干净、放心，购物环境明显改善。",),
        ),
        (
            r"垃圾|分类|公厕|保洁|卫生",
            (
                "城乡环境卫生面貌明显改观，群众对身边环境的满意度不断提高。",
                "脏乱差现象得到有效遏制，干净整洁的环境正在成为城市常态。",
            ),
        ),
        (
            r"绿化|公园|绿地|生态|河道|水系|口袋",
            ("城市生态环境持续改善，群众身边的绿色空间越来越多。",),
        ),
        (
            r"物业|小区|社区|楼道",
            (
                "社区治理水平不断提升，居民的获得感、幸福感明显增强。",
                "居民生活环境明显改善，小区管理更加规范有序。",
            ),
        ),
        (
            r"改造|整治|背街|小巷|立面|棚户|城中村|市容",
            (
                "一批群众反映强烈的环境难题得到解决，城市面貌焕然一新。",
                "街巷环境更加整洁有序，城市品质和群众生活质量同步提升。",
            ),
        ),
        (
            r"整改|测评|达标|问题",
            ("测评中发现的问题得到有效整改，创建工作的短板弱项逐步补齐。",),
        ),
        (
            r"宣传|知晓率|支持率|氛围|公益广告",
            ("创建工作的知晓率、支持率和参与率明显提高，人人参与创建的氛围日益浓厚。",),
        ),
    )
)
ACHIEVEMENT_GENERIC: tuple[str, ...] = (
    "这项工作直接惠及广大群众，得到了社会各界的普遍认可。",
    "群众看到了实实在在的变化，对创建工作的认同感和参与度明显提高。",
    "这些实事办到了群众心坎上，进一步坚定了我们做好创建工作的信心。",
    "这是广大干部群众真抓实干的结果，为下一步工作打下了坚实基础。",
)

#: Words of the genre too common to tell what a sub-point is about (部分小区物业管理缺位 is about
#: 小区物业管理, not 部分): left out when matching corpus sentences to a sub-point's lead.
_GENERIC_WORDS = re.findall(
    r"\S+",
    "部分 个别 工作 创建 文明 城市 城区 全面 明显 存在 进一步 有效 不断 深入 全市 全区 全县 "
    "各项 切实 大力 着力 水平 能力 力度",
)
GENERIC_WORDS = re.compile(
    "|".join(sorted({*TASK_VERBS, *TASK_OPENERS, *_GENERIC_WORDS}, key=len, reverse=True))
)
