"""Tables and regular expressions used by drafting (kept as data, in one place)."""

from __future__ import annotations

import re

#: Cue words of the city-campaign genre: a generic filler sentence must speak of the campaign.
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

#: Place and person names are found by :mod:`speechkit.tokenize.names` (tables in
#: :mod:`speechkit.tokenize.resources`), shared with the phrase miner.

#: Numbering marker at the start of a corpus paragraph (一、 （一） 第一， 一是 1. …).
MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|"
    r"第[一二三四五六七八九十]+[，、,]|[一二三四五六七八九十][是要]|\d+[.．、]|（\d+）|"
    r"其[一二三四五六七八九十][，、,]|首先，|其次，|再次，|最后，)\s*"
)
#: Ordinal words at the start of a sentence; stripped so reused sentences keep no stray numbering.
SENTENCE_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十][是要][，：:]?|第[一二三四五六七八九十]+[，、]|其[一二三四五六七八九十][，、]|"
    r"首先，|其次，|再次，|最后，|（[一二三四五六七八九十\d]+）|\d+[.．、])"
)
#: Connectives that tie a sentence to the one before it (所以，/ 同时，); a reused sentence loses
#: that context, so the connective is stripped.
LEADING_CONNECTIVE = re.compile(r"^(?:所以|因此|因而|为此|对此|同时|此外|另外|总之|总而言之)[，,]")

#: Placeholders (xx市, X同志, X万, **年) are found by :mod:`speechkit.segment.placeholders`, which
#: also tells their kind. Two draft-specific patterns remain, because segmentation deliberately
#: leaves them alone:
#: - a single 某 before a title or an administrative unit (某书记, 某市, 某县同志): segmentation
#:   does not flag a lone 某 since 某些/某种/某个 are ordinary words;
#: - 同志 after a real name (刘航同志): a name, not a placeholder. Generic uses (同志们, 领导同志,
#:   负责同志) are fine.
SINGLE_MOU = re.compile(
    r"某(?=[省市区县州乡镇村]|同志|书记|市长|区长|县长|主任|部长|局长|主席|秘书长|镇长|乡长)"
)
NAMED_COMRADE = re.compile(
    r"(?<!负责)(?<!领导)(?<!党员)(?<!广大)(?<!优秀)(?<!干部)(?<!青年)(?<![女男老])同志(?!们)"
)
#: After a place placeholder: the organ of that place (xx市委, XX区政府) — only the placeholder
#: goes — or the place itself (xx市, 某县) — it becomes the profile's own place.
PLACEHOLDER_ORGAN = re.compile(r"[市区县](?:委|政府|人大|政协)")
PLACEHOLDER_PLACE = re.compile(r"[市区县](?![民场容委政])")
#: Figures and dates the profile does not give: Arabic digits, large Chinese numbers, percentages,
#: written-out years and months.
FIGURE_OR_DATE = re.compile(
    r"\d|[〇零一二三四五六七八九十]{4}年|[一二三四五六七八九十两百千]+(?:万|亿)|百分之|"
    r"[一二三四五六七八九十两][百千]|"
    r"[一二三四五六七八九十]+月[一二三四五六七八九十]*日?|[一二三四五六七八九十]{2,}个百分点|"
    r"去年|前年|今年以来|上半年|下半年|年初|年底|亿|万(?:元|人|名|户|平方米|余|多)|"
    r"[一二三四五六七八九十]+届[一二三四五六七八九十]+次|"
    # Shares and survey results are figures too (超过九成的群众, 过半, 半数以上, 绝大多数市民).
    r"(?<![一二三四五六七八九十])[一二三四五六七八九十几]成(?![为了不员果绩立就功效长本熟型品年])|"
    r"过半|半数|近半|一半以上|(?:绝)?大(?:多数|部分)的?(?:群众|市民|居民|村民|受访|被调查|网民|家庭)|"
    r"翻(?:一|两|了一)?番|(?:问卷|抽样)?调查显示|数据显示|统计显示"
)
#: Text that is not speech: runs of Latin letters (two Latin words, or a word of six or more
#: letters, half- or full-width — English notes, code, file names; short acronyms like PM2.5,
#: APP, 5G stay) and markup (table pipes, backticks, braces, angle brackets, backslashes).
NOT_SPEECH = re.compile(
    r"[A-Za-zＡ-Ｚａ-ｚ]{6,}|[A-Za-zＡ-Ｚａ-ｚ]+[\s\-_'’.,:;/]+[A-Za-zＡ-Ｚａ-ｚ]+|[|｜`{}<>\\=]"
)
#: Site boilerplate that survived cleaning inside a sentence (never reused).
JUNK = re.compile(
    r"资料|权属|版权|复制|剽窃|转载|下载|网站|文秘|资源网|小编|会员|原文|出处|免责|点击"
)
#: Claims of facts (titles won, rankings, inspections passed) only the profile may make.
FACT_CLAIM = re.compile(
    r"荣获|获得了?.{0,24}称号|被评为|被命名为|授予|通过.{0,12}(?:验收|评估|复审|考核)|排名|位列|"
    r"第[一二三四五六七八九十]名|首创首成|成功创建|创建成功|跻身|"
    # A campaign of another tier (省级文明城市) is the corpus city's history, not the profile's.
    r"(?:省级|市级|县级)(?:文明|卫生|园林)(?:城市|城区|县城)"
)
#: Sentences that announce a list or lean on the sentence after them (以下几点, …体会到：).
ANNOUNCE = re.compile(
    r"以下|如下|主要有[一二三四五六七八九十]|[一二三四五六七八九十]个方面|[:：]$|^同志们|"
    # Another speech's own opening: the meeting it announces and the points it will make.
    r"^今天[，,]?.{0,30}召开|^(?:这次|本次|今天的?)(?:大会|会议).{0,30}(?:召开|任务|目的)|^下面[，,]?我|[几两三四五六七八九十]点(?:意见|要求|看法|体会)|我强调几点|"
    # The rest of an inline list whose 一是 was the sentence's start (…；二是…；三是…).
    r"[；;，,][二三四五六七八九十][是要]"
)
#: Words of problems and shortcomings (kept out of achievement paragraphs, into problem ones): the
#: genre's words for gaps (短板, 差距, 薄弱…) and for the typical disorders it lists (脏乱差,
#: 占道经营, 乱停乱放…). A problem sub-point takes corpus sentences with one of these cues that
#: also speak of the problem's own content words (see ``Selector.develop``).
PROBLEM_CUES = re.compile(
    r"问题|不足|短板|弱项|差距|不强|不够|不到位|薄弱|依然存在|仍然存在|还存在|亟待|有待|欠账|滞后|不高|不严|"
    r"不实|突出矛盾|顽疾|屡禁不止|时有发生|反弹|回潮|缺位|缺失|缺乏|欠缺|单一|不完善|不健全|不规范|不平衡|"
    r"脏乱差|脏、乱、差|占道经营|占路经营|乱停乱放|乱搭乱建|乱贴乱画|乱堆乱放|乱扔|乱倒|乱摆|不文明"
)
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
#: What follows a level character that names the level's organs, officials and offices.
_ORGAN_AFTER = (
    r"(?=委(?![托屈婉])|政府|人大|政协|纪委|监委|文明[委办]|创[建城文卫]办|爱卫[办会]|领导(?!力)|"
    r"直(?![接观线到])|级(?![别市])|属(?![于性])|管(?=领导|干部|班子|单位|企业)|里(?![程外])|"
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
SUBUNIT_TERMS = re.compile(
    r"各区市县|各县区|各区县|各县（市、区）|各县市区|各区（县、市）|各镇街|各街道|各乡镇|"
    r"各区(?![域间块片别])|各县(?![城域])|各市(?![场民])"
)
#: 市区 (a city's urban area) in a county speech is 城区.
URBAN_AREA = {"县": (re.compile(r"(?<![城都超])市区(?![委政])"), "城区")}

#: The speaker's own unit named as another kind of unit: 我们街道, 全镇, 本乡镇 in any speech of
#: these levels, and 作为老城区 / 作为县城 (identity) unless it is the profile's own kind; and a
#: subordinate's pledge. Such a sentence speaks for a different body; it is dropped, not rewritten.
_SELF_LOWER = (
    r"(?:(?<!自)我们?|(?<![健完齐安保周成])全|本)(?:街道|乡镇|镇(?![定静压痛守])|乡(?![土村愁亲情音])|"
    r"村(?![庄落民镇])|社区)|"
    # A subordinate's pledge to the leadership (请市委放心, 决不拖全县后腿): not the leader's voice.
    r"请.{0,12}放心|拖.{0,6}后腿"
)
_SELF_KIND = {"市": "城区|县城|街道|乡镇", "区": "县城|街道|乡镇", "县": "城区|街道|乡镇"}
SELF_UNIT_MISMATCH: dict[str, re.Pattern[str]] = {
    level: re.compile(
        _SELF_LOWER + rf"|作为(?:一个|一座)?(?:老|新|中心|主|核心)?(?:{kinds})(?![里内中的])"
    )
    for level, kinds in _SELF_KIND.items()
}
#: 县城 (the county town) said of a city or a district: its own urban area, 城市 / 城区. The
#: campaign titles (全国文明县城, 国家卫生县城…) and 县城乡 (县 + 城乡) are not it.
COUNTY_TOWN = re.compile(r"(?<!文明)(?<!卫生)(?<!园林)(?<![全各本我])县城(?!乡)")
COUNTY_TOWN_AS = {"市": "城市", "区": "城区"}

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
#: Left-over placeholders and redaction marks no draft may contain: a last guard after the
#: placeholder handling (it also catches marks segmentation reads as Latin text, e.g. XXX年).
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

#: Generic development of a problem sub-point the corpus says nothing about: (cue pattern on the
#: problem, sentences that fit it). Present tense, hedged (一些, 有的), no figures, no names: they
#: say what such a problem means, never new facts. The rule with the most cue hits wins (乡镇卫生
#: 基础设施仍有短板 is about facilities, not hygiene); ``PROBLEM_GENERIC`` serves when none matches.
PROBLEM_DEVELOPMENT: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(cue), sentences)
    for cue, sentences in (
        (
            r"物业|小区|楼道|住宅|楼院",
            (
                "一些小区管理主体缺失、服务跟不上，环境卫生和公共设施维护时常无人过问，群众意见较大。",
                "小区是群众生活的基本单元，管理上的缺位直接影响群众的居住体验，也是测评中容易失分的地方。",
            ),
        ),
        (
            r"志愿|服务活动|形式",
            (
                "有的志愿服务活动内容不够丰富、方式不够灵活，与群众的实际需求结合得还不够紧密。",
                "一些志愿服务还停留在集中活动、短期突击上，常态化、专业化水平不高，吸引力有待提升。",
            ),
        ),
        (
            r"结合部|城中村|背街|小巷|脏乱|卫生|垃圾|环境|死角",
            (
                "一些地方环境卫生时好时坏，脏乱差现象容易反弹回潮，离群众的期盼还有不小差距。",
                "这些地方往往基础条件较差、管理力量薄弱，是环境整治中必须啃下的“硬骨头”。",
            ),
        ),
        (
            r"农贸|菜市场|集贸|摊|占道|经营",
            (
                "一些地方占道经营、乱摆乱放现象时有发生，管理中还存在重突击、轻长效的问题。",
                "市场秩序关系群众日常生活，管理稍有松懈就容易出现反复。",
            ),
        ),
        (
            r"交通|出行|停车|车辆|斑马线|闯红灯",
            ("车辆乱停乱放、行人闯红灯等现象还时有发生，文明交通习惯还没有完全养成。",),
        ),
        (
            r"机制|长效|制度|常态",
            (
                "一些工作还习惯于突击式、运动式推进，常态长效的管理机制还没有真正建立起来。",
                "有的制度执行不严、落实不够，问题整改后容易反弹。",
            ),
        ),
        (
            r"设施|基础|短板|欠账|配套",
            ("基础设施欠账较多，一些地方配套不全、标准不高，与群众的美好生活需要相比还有差距。",),
        ),
        (
            r"意识|素质|素养|习惯|市民|群众",
            ("一些群众的文明意识和文明习惯还有待提高，不文明行为在一些场所时有发生。",),
        ),
        (
            r"宣传|知晓|氛围|参与",
            ("一些群众对创建工作的知晓率、参与率还不高，全民参与的氛围还不够浓厚。",),
        ),
        (
            r"责任|落实|部门|合力|协调|推诿",
            ("一些部门和单位责任落实不到位，存在等待观望、推诿扯皮现象，工作合力还没有完全形成。",),
        ),
    )
)
PROBLEM_GENERIC: tuple[str, ...] = (
    "这个问题群众反映较多，直接影响创建成效，必须下大力气加以解决。",
    "这些问题看似细小，却直接关系群众的获得感和创建工作的成效，必须高度重视。",
    "对此，我们要正视问题、不回避矛盾，拿出切实管用的办法抓好整改。",
)
