"""Regular expressions of the claim analysis (:mod:`speechkit.claims.analysis`), kept in one place.

Each pattern is one cue of a sentence that says something about a particular place, time,
body or event (a *specific* claim) or that leans on the sentence before it (*context*).
Lists of set phrases that are not claims (两手抓, 门前三包) are data:
``speechkit/data/idioms.txt``.
"""

from __future__ import annotations

import re

from speechkit.zh import NUMERALS as _N

# ------------------------------------------------------------------ context (dangling) cues

#: Openings that point back at what came before (这…, 上述…, 另一方面…, 他们…).
BACKREF_START = re.compile(
    r"^(?:这(?!次会议|次大会|里要|里强调|里讲)|那些|那个|此(?![外前后次])|该(?=[项类些])|上述|以上|前述|"
    r"如前所述|另一方面|另外一方面|与此同时|而且|并且|但是|然而|可是|不过|于是|由此|据此|就此|"
    r"也就是说|换句话说|换言之|特别是|尤其是|其中|他们|她们|它们|他(?!人)|她|它|其(?![他实次中余])|"
    r"是(?![非否])|而是|也是|还是|就是|而|但|比如|例如|譬如|对此|为此|"
    # 在这样的背景下…: the background is what the source said just before
    r"在(?:这样|这种|此)的?(?:背景|形势|情况|情形|前提)下|"
    # a predicate whose subject was the sentence before (不仅有利于…；也有利于…)
    r"不仅(?:有利于|是|能够?|可以)|既(?:有利于|是)|有利于|更是|从而|进而|"
    # 其他部门单位要对标学习: the others are those of the unit the source had just praised
    r"其他|其它|其余)"
)
#: A reference to a list given elsewhere: 这“八个不”, 这三条, 上述五项.
LIST_REF = re.compile(
    r"(?:这|上述|以上|前述|前面的?)(?:[“\"][一二三四五六七八九十两几\d]+(?:个|条|项|大|种|点|方面)"
    r"[^，。；”\"]{0,6}[”\"]|[一二三四五六七八九十两几\d]+(?:个|条|项|大|种|点|方面))"
)
#: References to what other speakers said at the meeting, or to an earlier part of the speech.
SPEAKER_REF = re.compile(
    r"刚才|刚刚|方才|前面(?:我|已经)?(?:讲|说|提)|上面(?:讲|说|提)|(?:同志|领导)(?:的|所作的)?讲话(?:中|里)?(?:讲|提|说)"
)
#: Sentences that announce what follows (以下几点, …如下：, a closing colon).
ANNOUNCE = re.compile(
    r"以下|如下|下列|[:：]$|^下面[，,]?我|我(?:再)?强调几点|讲(?:几|[一二三四五六七八九十两])点|"
    # 我们创建…，有很多有利因素。: the factors it announces come next in the source only
    r"有(?:很多|许多|不少|诸多)有利(?:因素|条件)"
)
#: Openers a reused sentence may drop without changing what it says (ordinals, connectives).
DROPPABLE_OPENER = re.compile(
    rf"^(?:[{_N}][是要][，：:]?|第[{_N}]+[，、]|其[{_N}][，、]|"
    rf"首先[，,]|其次[，,]|再次[，,]|最后[，,]|（[{_N}\d]+）|\d+[.．、]|"
    r"(?:所以|因此|因而|同时|此外|另外|总之|总而言之)[，,])"
)
#: The numbering of a sub-point paragraph (一是…, 第一，…, （一）…); one group per style.
SUBPOINT = re.compile(
    rf"^(?:([{_N}])是|第([{_N}])[，、]|（([{_N}])）)"
)
#: Sub-point ordinals inside a sentence (一是…；二是…).
ORDINAL = re.compile(rf"(?<![统唯])([{_N}])[是要](?=[^，。；]{{2}})")

# ------------------------------------------------------------------ specific-claim cues

#: Time deixis: a time relative to when the corpus speech was given.
TIME_DEIXIS = re.compile(
    r"今年(?!以来)|今年以来|去年|前年|明年|上年|本年度|近年来|近几年|这几年|[几两三四五六七八九十多]年来|"
    r"前几天|前些天|前段时间|昨天|前天|近日|日前|近期|最近|上周|上个?月|本月|本周|年初|年底|年末|"
    r"上半年|下半年|今天(?=[，,]?(?:我们)?(?:召开|在这里|隆重|专门))|目前[，,]"
)
#: Where the campaign stands (冲刺, 收官, 迎检, 决战): a stage of another city's campaign.
STAGE = re.compile(
    r"冲刺|收官|迎检|决战决胜|最后阶段|关键时期|关键阶段|攻坚阶段|倒计时|大考|测评前|验收前|迎接(?:测评|验收|复审|检查)|"
    # a campaign past its first phase (由攻坚期向常态化转变; 已达标的指标): not at a 动员会
    r"攻坚期|巩固期|转入常态|已(?:经)?达标|已(?:经)?达到(?:标准|要求)|"
    # time running out before an inspection (利用有限的时间, 测评在即): a date the profile lacks
    r"有限的时间|时间(?:十分|非常)?紧迫|时日无多|(?:只|仅)剩(?:下)?[^，。；]{0,6}(?:天|月|时间)|"
    r"(?:测评|检查|验收|复审|暗访|考核|迎检)(?:工作)?(?:已经|即将)?(?:在即|临近|来临)|"
    # points to win at an inspection ahead (考核提分, 每分必争、一分不丢)
    r"提分|[每分]分必争|一分不丢|不丢一分"
)
#: Wording that makes this meeting the campaign's launch (从今天起, 今天的会议就是动员令, 吹响…号角,
#: 尽快投身到创建工作中来): a claim about the meeting, true only of a meeting that starts the work
#: (:data:`LAUNCH_MEETINGS`).
LAUNCH = re.compile(
    r"(?:从|自)?(?:今天|今日|即日|现在|此时此刻)(?:开始)?起|动员令|宣言书|集结号|冲锋号|号角|誓师|"
    r"(?:尽快|迅速|立即|马上)(?:行动起来[，,]?)?投身|(?:正式|全面)(?:拉开|启动|打响)|拉开[^，。；]{0,12}序幕"
)
#: Meeting types that start a campaign's work, where :data:`LAUNCH` wording is the profile's own.
LAUNCH_MEETINGS = frozenset({"动员会", "部署会"})
#: Facilities not every place has (地铁站, 机场, 港口): naming one says the place has it.
FACILITY = re.compile(r"地铁|轻轨|轨道交通|机场|高铁|港口|码头|海滨|海滩|沙滩|海岸线|游船")
#: This meeting (今天召开, 这次会议, 会上) — a fact only the profile gives.
MEETING_DEIXIS = re.compile(
    r"(?:这次|本次|此次|今天的?)(?:会议|大会)|会上|会议(?:上|期间)|今天(?:召开|在这里)|召开(?:这次|本次|此次)|"
    # congratulating those commended: only at a meeting that commends someone
    r"受到表彰的|受表彰的"
)
#: A place's situation or results stated as fact (条件具备、基础扎实; …取得新的成效): in a clause
#: with no instruction of its own, a claim only the profile can make.
LOCAL_STATE = re.compile(
    r"条件具备|基础扎实|基础较好|基础良好|基础雄厚|优势明显|势在必行|正当其时|"
    r"取得了?(?:新的|明显的?|显著的?|阶段性|积极的?|重大的?|突出的?|可喜的?)(?:成效|成绩|进展|成果)"
)
#: Words of a fact about the past or a state reached (已经, 先后, 累计, 首次…).
PAST_WORDS = re.compile(
    r"已经|(?<![而早])已(?![知经往成达])|曾经|曾(?!经)|先后|相继|陆续|累计|共计|总计|率先|首次|首个|第一个|一举"
)
#: Years, digits with units, percentages and written-out figures.
FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|年|个|条|座|家|所|项|次|人|名|户|公里|千米|米|平方米|亩|吨|辆|元|天|月|日|届|批|位)?|"
    r"[〇零一二三四五六七八九]{4}年|百分之[一二三四五六七八九十百]+|[一二三四五六七八九十两]+[万亿]|"
    r"[一二三四五六七八九十]+个百分点|[一二三四五六七八九十]+届[一二三四五六七八九十]+次|"
    r"(?<![一二三四五六七八九十])[一二三四五六七八九十几]成(?![为了不员果绩立就功效长本熟型品年])|"
    r"过半|半数|近半|(?:绝)?大(?:多数|部分)的?(?:群众|市民|居民|村民|受访|被调查|网民|家庭)|"
    r"翻(?:一|两|了一)?番|(?:问卷|抽样)?调查显示|数据显示|统计显示"
)
#: A count, ordinal or ranking in words (九场, 两块, 第三年, 第二名).
COUNT = re.compile(
    r"第[一二三四五六七八九十百\d]+(?:年|名|位|批|届|次|轮|个|家)|"
    r"[二三四五六七八九十两百千]+(?:个|场|块|项|条|座|所|家|名|位|批|支|件|大|类|张|次|轮|届|年|天|月)"
)
#: A place's development positioning as its goal (聚焦建成区域性幸福城市, 加快建设全省区域性增长极,
#: 建设改革创新先导区): each city has its own, set in its own plans; only the profile can give it.
#: Group 1 is the positioning; 示范区 alone is left out (国家生态文明建设示范区 is a campaign).
POSITIONING = re.compile(
    r"(?:建成|建设成?为?|打造成?为?|争当|定位为?)[^，。；！？、“”]{0,10}?"
    r"((?:全省|区域性?|省域|毗邻)[^，。；！？、“”]{0,12}?(?:中心城市|城市|中心|增长极|高地|枢纽|门户)"
    r"|[^，。；！？、“”]{2,12}?(?:增长极|先行区|先导区|桥头堡|中心城市))"
)
#: Particular projects named for speeding up (加快科技馆、大佛古镇等项目建设): another city's list.
PROJECTS = re.compile(r"(?:加快|推进|推动|抓好)[^。；！]{4,40}?等(?:重点)?(?:项目|工程)(?:建设)?")
#: How the name of a document ends: plans, programmes, opinions, measures, regulations.
DOCUMENT_END = (
    r"(?:实施方案|工作方案|行动方案|方案|总体规划|专项规划|规划纲要|规划|实施意见|指导意见|若干意见|意见|"
    r"管理办法|实施办法|办法|条例|行动计划|工作计划|计划|实施细则|细则|若干规定|规定|纲要)"
)
#: A document of this place named as in force (紧密结合我市乡村振兴战略实施方案, 按照市委、市政府
#: 出台的《…实施意见》): it says the place has that document, which only the profile can say. Not
#: after a verb of making it (制定我市…实施方案 is an instruction to write one).
LOCAL_DOCUMENT = re.compile(
    r"(?<!制定|出台|编制|起草|修订|研究|完善|修改|拟定)"
    r"(?:(?:我|本|全)[市区县州镇乡](?!上下|人民|各级|各地|各部门|广大)的?|"
    r"[市区县](?:委|政府)(?:、?[市区县](?:委|政府))?(?:出台|制定|印发|下发|颁布|发布)的)"
    # The name itself: no instruction or verb of acting on a document inside it (我市要按照规划).
    r"《?(?:(?!要|必须|应|按照|根据|依照|结合|纳入|制定|出台|编制|正在|已|是|和|与|把|将|对)"
    rf"[\u4e00-\u9fff“”\"（）]){{2,24}}?{DOCUMENT_END}》?"
)
#: A document by its title (《天津文明行为促进条例》): local when the title opens with a place.
BOOK_TITLE = re.compile(rf"《([^《》]{{2,40}}?{DOCUMENT_END})》")
#: Names that open a national document's title (《中国…》, 《全国…》), not a place's own.
NATIONAL = frozenset({"中国", "中华", "中华人民共和国", "全国", "国家", "中央"})
#: A schedule said to be kept (每月检查一次, 每季度通报一次).
FREQUENCY = re.compile(
    r"每(?:天|日|周|星期|旬|半月|半个月|月|季度?|半年|年)[^，。；]{0,8}?[一两二三四五六七八九十]+[次轮遍]"
)
#: Titles won, rankings and inspections passed (成功创建, 被评为, 排名…).
ACHIEVED = re.compile(
    r"荣获|获得了?.{0,24}称号|获评|被评为|被命名为|被授予|通过.{0,12}(?:验收|评估|复审|考核)|排名|位列|"
    r"首创首成|成功创建|创建成功|跻身|入选|摘得|夺得|(?:省级|市级|县级)(?:文明|卫生|园林)(?:城市|城区|县城)"
)
#: Modal words: a sentence with one says what should be done, not what is.
MODAL = re.compile(
    r"要|必须|务必|应当|应该|需要|一定|必将|将(?![来军])|决不|绝不|坚决|力争|确保|切实|努力|争取|希望|请|"
    r"不能|不得|不要|不可|不容|严禁|禁止|力求|着力|如何|怎样|怎么|能否|是否|只有|才能|才会|就会|就能|"
    r"必然|应|宜|须|让我们|号召|倡导|鼓励"
)
#: Openings of an instruction (持续开展…, 严厉打击…): normative like a modal, though without 要.
IMPERATIVE = re.compile(
    r"^(?:持续|严厉|加大|加强|加快|坚决|深入|全面|大力|积极|着力|针对|围绕|聚焦|突出|强化|推进|推动|"
    r"开展|完善|健全|建立|落实|抓好|做好|深化|提升|提高|坚持|规范|整治|治理|实施|组织|引导|鼓励|倡导|"
    r"广泛|进一步|不断|继续|认真|扎实|切实|严格|重点(?=[抓做推整治解查加突])|集中(?=[力开整治精])|定期|加紧|主动|及时|全力|统筹|优化|创新)"
)
#: A framing that states what follows as a fact to face (要清醒地看到，…还存在…): its 要 is no
#: instruction, so the problem it introduces is still stated as fact.
FACING = re.compile(
    r"(?:也|还|更)?(?:要|必须|应当|应该)?(?:清醒|清楚|深刻)?地?(?:认识到|看到)[，,：:]?"
)
#: Clauses that name what an instruction acts on (针对…问题，要…; 对发现的问题，要…) or suppose a
#: case (一个精神缺失的城市，…也不能…): a problem word there is no fact stated.
TARGET = re.compile(
    r"^(?:针对|对于|对|面对|围绕|聚焦|就|把|将|为|为了|从|以|通过|凡是|凡|如果|假如|若|一旦|即使|即便|"
    r"哪里|一个|一座|任何|发现|遇到|解决|整改|查找|梳理)"
)
#: Verbs that take a problem as their object (查找差距, 补齐短板, 解决…问题): the problem word after
#: one names work to do, not a fact.
ACTS_ON = re.compile(
    r"(?:查找|找准|找出|查摆|补齐|补足|补上|弥补|缩小|解决|整改|破解|正视|直面|发现|排查|聚焦|对照|针对)[^，。；]{0,8}$"
)
#: First-person subjects: a sentence opening with one and no modal states a fact about us.
FIRST_PERSON = re.compile(
    r"^(?:我们|我市|我区|我县|本市|本区|本县|全市|全区|全县|市里|区里|县里|[市区县](?:委|政府)|"
    r"[市区县]委、[市区县]政府|[市区县](?:委|政府)(?:、[市区县](?:人大|政府|政协))+|创建办|指挥部)"
)
#: Verbs of a practice or event said to exist or to have happened.
PRACTICE = re.compile(
    r"实行|实施|推行|建立|形成|探索|开展|组织|启动|投入|打造|成立|出台|制定|推出|召开|举办|确定|明确|"
    r"提出|部署|印发|建成|完成|实现|取得|坚持|落实|设立|开通|上线|评选|表彰|命名"
)
#: Words of problems and shortcomings: without a modal, a local problem stated as fact.
PROBLEM = re.compile(
    r"问题|不足|短板|弱项|差距|不强|不够|不到位|薄弱|依然存在|仍然存在|还存在|亟待|有待|欠账|滞后|不高|不严|"
    r"不实|突出矛盾|顽疾|屡禁不止|时有发生|反弹|回潮|缺位|缺失|缺乏|欠缺|不完善|不健全|不规范|不平衡|"
    r"不达标|需(?:要)?进一步(?:完善|加强|提高|提升|规范)|脏乱差|脏、乱、差|占道经营|占路经营|乱停乱放|乱搭乱建|乱贴乱画|乱堆乱放|乱扔|乱倒|乱摆|率低"
)
#: Quoted spans (“…”, 「…」, "…").
QUOTED = re.compile(r"[“\"「]([^“”\"「」]{1,30})[”\"」]")
#: Endings of the name of a local programme, platform, brand or project.
PROGRAMME_END = re.compile(
    r"(?:平台|工程|行动|计划|品牌|模式|活动|制度|机制|项目|中心|小程序|APP|App|码|网|号|站|榜|奖|杯|节|表|方案|清单|"
    r"工作法|体系|联盟|队|团|之家|驿站|书屋|课堂|讲堂|超市)$"
)
#: Numerals inside a quoted name (“五馆一场”, “三个一批”).
NUMERAL = re.compile(r"[二三四五六七八九十两百千万\d]|一(?=[场馆批区街村园带廊中线城网])")
#: A place name: two or more characters before a place suffix, not 全市/我区/本县/各乡镇.
PLACE_NAME = re.compile(r"(?![全我本各该])[\u4e00-\u9fff]{2,}(?<!城)[省市区县镇乡州盟旗]")
#: Numerals that make a jieba numeral token (m) a count (一些, 一场 and 几个 are not).
COUNT_NUMERAL = re.compile(r"[二三四五六七八九十两百千万亿\d]")
#: Part-of-speech tags (jieba) of places and persons.
NAME_TAGS = frozenset({"ns", "nr", "nrfg", "nrt"})
#: A landmark a proper name can head (开元 + 广场, 沁泉湖 + 公园): the name says where.
LANDMARK = re.compile(
    r"广场|公园|大道|大街|步行街|商业街|景区|体育馆|体育场|博物馆|图书馆|火车站|汽车站|高铁站|水库|大桥"
)
#: Tags of a landmark's name: places, persons and other proper nouns (开元 is ``nz``).
LANDMARK_NAME_TAGS = NAME_TAGS | {"nz"}

# ------------------------------------------------------------------ restatement cues

#: Openers that hedge or sum up what follows (应该说，可以说，事实上，): two sentences of a
#: paragraph in a row that open with one read as two 范文 each summing up the same point.
HEDGE_OPENER = re.compile(
    r"^(?:应该说|应当说|可以说|可以这样说|不妨说|总的来说|总的来看|总的看|总体来看|总体上看|总体而言|"
    r"事实上|实际上|客观地说|客观地讲|坦率地说|毫无疑问|不可否认|无可否认|说到底|归根结底|归根到底|"
    r"一句话|一言以蔽之|总之|总而言之|综上所述|由此可见|显而易见|众所周知|换句话说|换言之)[，,、]"
)
#: A judgement of a subject: ``<subject>是/作为…`` (全国文明城市是…含金量最高的城市品牌;
#: 全国文明城市作为…重要标尺，也是…最具价值的“金字招牌”). Group 1: the subject.
EVALUATION = re.compile(r"^([\u4e00-\u9fff“”、和]{4,24}?)(?:是|作为|堪称|被誉为)")
#: An order in a sentence (要倍加珍惜, 必须…): a judgement followed by one says what to do.
ORDER = re.compile(r"(?<![重主需只纲概提必])要(?![求素点件])|必须|务必|应当|一定")
