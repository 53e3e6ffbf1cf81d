"""Tables and regular expressions used by drafting (kept as data, in one place)."""

from __future__ import annotations

import re

# Task verbs and openers are genre words too (speechkit.zh.GENRE_WORDS): defined there, once.
from speechkit.zh import TASK_OPENERS as TASK_OPENERS
from speechkit.zh import TASK_VERBS as TASK_VERBS

#: Place and person names are found by :mod:`speechkit.tokenize.names` (tables in
#: :mod:`speechkit.tokenize.resources`), shared with the phrase miner.


#: Placeholders (xx市, X同志, X万, **年) are found by :mod:`speechkit.segment.placeholders`, which
#: also tells their kind, and so are the marks no draft may keep (``left_marks``: a lone 某 before
#: a title or unit, a single *, 【】…). One draft-specific pattern remains: 同志 after a real name
#: (刘航同志) is a name, not a placeholder. Generic uses (同志们, 领导同志, 负责同志) are fine.
NAMED_COMRADE = re.compile(
    r"(?<!负责)(?<!领导)(?<!党员)(?<!广大)(?<!优秀)(?<!干部)(?<!青年)(?<![女男老])同志(?!们)"
)
#: After a place placeholder: the organ of that place (xx市委, XX区政府) — only the placeholder
#: goes — or the place itself (xx市, 某县) — it becomes the profile's own place.
PLACEHOLDER_ORGAN = re.compile(r"[市区县](?:委|政府|人大|政协)")
PLACEHOLDER_PLACE = re.compile(r"[市区县](?![民场容委政])")
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
#: Words of problems and shortcomings (kept out of achievement paragraphs, into problem ones): the
#: genre's words for gaps (短板, 差距, 薄弱…) and for the typical disorders it lists (脏乱差,
#: 占道经营, 乱停乱放…). A problem sub-point takes corpus sentences with one of these cues that
#: also speak of the problem's own content words (see ``Selector.develop``).
PROBLEM_CUES = re.compile(
    r"问题|不足|短板|弱项|差距|不强|不够|不到位|薄弱|依然存在|仍然存在|还存在|亟待|有待|欠账|滞后|不高|不严|"
    r"不实|突出矛盾|顽疾|屡禁不止|时有发生|反弹|回潮|缺位|缺失|缺乏|欠缺|单一|不完善|不健全|不规范|不平衡|"
    r"脏乱差|脏、乱、差|占道经营|占路经营|乱停乱放|乱搭乱建|乱贴乱画|乱堆乱放|乱扔|乱倒|乱摆|不文明"
)
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
#: Campaign names in the corpus, rewritten to the profile's campaign.
CAMPAIGNS = re.compile(
    r"全国文明城市|全国文明城区|全国文明县城|国家卫生城市|国家卫生城区|国家卫生县城|国家园林城市"
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

#: A sentence that casts its addressee as a particular unit: the lead unit's duty (积极承担…牵头
#: 部门责任, 发挥牵头抓总作用), an identity (作为…牵头部门，要…) or 你们/贵单位. In its source the
#: sentence was said to one department; the profile does not say which one leads, so without a
#: subject the profile names, the sentence has none (see ``adapt._addressee_unnamed``). Words
#: that only speak of units (既要明确牵头部门, 作为考核部门和干部的依据, 本单位) are not cues.
ADDRESSED_UNIT = re.compile(
    r"你们|你(?:局|委|办|单位|部门)|贵(?:单位|部门|局)|"
    r"牵头(?:部门|单位)的?(?:责任|职责|作用)|牵头抓总|"
    r"作为[^，。；]{0,12}(?:部门|单位)(?=[，,]|要|必须|更要|一定|应)"
)
#: A sentence's own subject before its modal (市创建办要…), the unit it addresses by name.
ADDRESSED_SUBJECT = re.compile(r"^[^，。；：]{2,16}?(?=要|将|应|必须)")
#: A subject that is one office of the place (市创文办, 市创建领导小组, 市文明委, 组织部), not its
#: committee or government (市委, 市政府) or everyone (各部门): that office's duty is the profile's
#: to give.
OFFICE_SUBJECT = re.compile(
    r"^(?:[市区县](?!委$|政府$|委、)[\u4e00-\u9fff]{0,8}?|[\u4e00-\u9fff]{0,4}(?<![各全有相])"
    r"(?=组织部|宣传部))(?:办|领导小组|指挥部|文明委|组织部|宣传部|局)$"
)

TASK_OPENER = re.compile("^(?:" + "|".join(TASK_OPENERS) + ")")

#: Generic development of an achievement sub-point: (cue pattern on the achievement, sentences
#: that fit it). They say what the achievement means and what follows from it — evaluative or
#: normative, no completed action (了), no effect the profile does not state, no figures or
#: names (``tests/draft/test_resources.py`` runs the claim analysis over them). The first rule
#: whose cue matches wins; ``ACHIEVEMENT_GENERIC`` serves when none does.
ACHIEVEMENT_DEVELOPMENT: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(cue), sentences)
    for cue, sentences in (
        (
            # a title won or an inspection passed is an honour, not a piece of work done for
            # the people (这项工作直接惠及广大群众 after 首次入选全国文明城市 read wrong)
            r"入选|荣获|获评|称号|命名|成功创建|创成|通过[\u4e00-\u9fff]{0,12}(?:评估|验收|复审|复查|考核)",
            (
                "这份荣誉是对创建工作的充分肯定，更是继续前进的鞭策。",
                "荣誉既是肯定，更是责任，要以更高标准巩固提升。",
            ),
        ),
        (
            r"停车|泊位|交通|道路|公交|出行|斑马线",
            (
                "出行是否便捷、安全，是群众感受城市文明最直接的标尺。",
                "交通秩序连着千家万户，要把这项成果管好用好，让群众出行更顺心。",
            ),
        ),
        (
            r"志愿",
            (
                "志愿服务是城市文明的亮丽名片，要让崇德向善、互帮互助成为更多市民的自觉行动。",
                "要让更多群众从创建的旁观者变为参与者、受益者。",
            ),
        ),
        (
            r"文明实践|实践站|实践所|实践中心|道德|好人|未成年人|家风",
            (
                "文明实践阵地建在群众家门口，关键在于用起来、活起来。",
                "要让文明新风吹进千家万户，让群众精神文化生活更加充实。",
            ),
        ),
        (
            r"农贸|菜市场|集贸",
            ("农贸市场连着群众的“菜篮子”，干净、放心是群众最朴素的期盼。",),
        ),
        (
            r"垃圾|分类|公厕|保洁|卫生",
            (
                "环境卫生是城市的“脸面”，这项工作做得好不好，群众看得见、感受得到。",
                "干净整洁的环境要靠日常维护，一时见效不难，难在长期保持。",
            ),
        ),
        (
            r"绿化|公园|绿地|生态|河道|水系|口袋",
            ("群众身边的绿色空间，是城市宜居品质最直观的体现。",),
        ),
        (
            r"物业|小区|社区|楼道",
            (
                "社区是城市治理的基本单元，居民的获得感、幸福感首先来自身边。",
                "小区环境关系居民的日常生活，管理要规范有序、服务要贴心到位。",
            ),
        ),
        (
            r"改造|整治|背街|小巷|立面|棚户|城中村|市容",
            (
                "这些群众身边的环境难题，解决一个，群众的满意度就提高一分。",
                "街巷环境整洁有序，城市品质和群众生活质量才能同步提升。",
            ),
        ),
        (
            r"整改|测评|达标|问题",
            ("测评是对照标准查找差距的过程，每一项整改都要经得起群众检验。",),
        ),
        (
            r"宣传|知晓率|支持率|氛围|公益广告",
            ("创建工作的知晓率、支持率和参与率，是人人参与创建的基础。",),
        ),
    )
)
ACHIEVEMENT_GENERIC: tuple[str, ...] = (
    "这项工作直接惠及广大群众，是践行以人民为中心发展思想的具体体现。",
    "成绩来之不易，凝聚着广大干部群众的心血和汗水。",
    "这是广大干部群众真抓实干的结果，要倍加珍惜、巩固提升。",
    "实践证明，只要坚持为民惠民，创建工作就能赢得群众的支持。",
)

#: Generic development of a problem sub-point the corpus says nothing about: (cue pattern on the
#: problem, sentences that fit it). They say why such a problem matters and what it asks of
#: us — no new facts about the place (no 有的…不够…, which would state problems the profile does
#: not), no figures, no names. The rule with the most cue hits wins (乡镇卫生基础设施仍有短板 is
#: about facilities, not hygiene); ``PROBLEM_GENERIC`` serves when none matches.
PROBLEM_DEVELOPMENT: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(cue), sentences)
    for cue, sentences in (
        (
            r"物业|小区|楼道|住宅|楼院",
            (
                "小区是群众生活的基本单元，管理上的缺位直接影响群众的居住体验，也是测评中容易失分的地方。",
                "小区管理看似小事，却是群众最关心、最直接、最现实的利益问题。",
            ),
        ),
        (
            r"志愿|服务活动|形式",
            (
                "志愿服务要贴近群众需求，才能有吸引力、有生命力。",
                "志愿服务贵在常态、重在实效，不能停留在集中活动、短期突击上。",
            ),
        ),
        (
            r"结合部|城中村|背街|小巷|脏乱|卫生|垃圾|环境|死角",
            (
                "环境卫生最怕时好时坏，一旦松劲就容易反弹回潮。",
                "这些地方是环境整治中必须啃下的“硬骨头”，决不能让其成为城市文明的“盲区”。",
            ),
        ),
        (
            r"农贸|菜市场|集贸|摊|占道|经营",
            (
                "市场秩序关系群众日常生活，管理稍有松懈就容易出现反复。",
                "管理市场秩序，既要疏堵结合，又要建立长效机制。",
            ),
        ),
        (
            r"交通|出行|停车|车辆|斑马线|闯红灯",
            ("文明交通习惯的养成非一日之功，需要宣传引导和严格管理两手发力。",),
        ),
        (
            r"机制|长效|制度|常态",
            (
                "突击式、运动式的做法难以持久，必须靠常态长效的机制管根本、管长远。",
                "制度的生命力在于执行，必须严格执行、一抓到底，防止问题反弹。",
            ),
        ),
        (
            r"设施|基础|短板|欠账|配套",
            ("基础设施是城市运行的骨架，补短板要坚持规划引领、分步实施。",),
        ),
        (
            r"意识|素质|素养|习惯|市民|群众",
            ("市民文明素质的提升是一个潜移默化的过程，必须久久为功。",),
        ),
        (
            r"宣传|知晓|氛围|参与",
            ("群众是创建的主体，只有人人知晓、人人参与，创建工作才有坚实基础。",),
        ),
        (
            r"责任|落实|部门|合力|协调|推诿",
            ("创建工作涉及方方面面，任何一个环节责任不落实，都会影响整体成效。",),
        ),
    )
)
#: What a task sub-point says when the corpus has nothing on it: what such a task asks of
#: everyone, with no claim about the place (speaks of 创建, so it is on the campaign).
TASK_GENERIC: tuple[str, ...] = (
    "这是创建工作的一项重点任务，各责任单位要细化措施、明确时限，确保抓出实效。",
    "这项工作直接关系创建成效，要对照标准逐项抓好落实，做到不漏项、不失分。",
    "抓好这项工作，关键在于落实，要把责任压实到岗、到人，以创建的实际成效取信于民。",
)
PROBLEM_GENERIC: tuple[str, ...] = (
    "这个问题群众反映较多，直接影响创建成效，必须下大力气加以解决。",
    "这些问题看似细小，却直接关系群众的获得感和创建工作的成效，必须高度重视。",
    "我们要正视问题、不回避矛盾，拿出切实管用的办法抓好整改。",
)
