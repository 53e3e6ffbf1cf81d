"""A hand-built draft for the renderer tests: a realistic mobilization speech (~4 pages)."""

from __future__ import annotations

from speechkit.model import Draft, DraftParagraph, SourceRef

TITLE = "在青岚市创建全国文明城市动员大会上的讲话"

# (kind, level, role, lead, text)
_PARAGRAPHS: list[tuple[str, int | None, str | None, str | None, str]] = [
    ("salutation", None, "opening", None, "同志们："),
    (
        "body",
        None,
        "opening",
        None,
        "今天，市委、市政府召开全市创建全国文明城市动员大会，主要任务是深入贯彻落实中央和省委关于精神文明建设的"
        "决策部署，动员全市上下进一步统一思想、凝聚力量，全力以赴打好创建全国文明城市攻坚战。刚才，市委常委、"
        "宣传部长宣读了创建工作实施方案，各区县和市直部门作了表态发言，讲得都很好，我完全同意。下面，我讲三点意见。",
    ),
    ("heading", 1, "significance", None, "一、提高站位，充分认识创建全国文明城市的重大意义"),
    (
        "body",
        None,
        "significance",
        "一是创建全国文明城市是推动高质量发展的必然要求。",
        "一是创建全国文明城市是推动高质量发展的必然要求。全国文明城市是反映城市整体文明水平的综合性荣誉称号，"
        "是含金量最高、创建难度最大的城市品牌。开展创建工作，能够有效改善城市环境、提升城市品位、优化营商环境，"
        "为全市经济社会发展注入强劲动力。",
    ),
    (
        "body",
        None,
        "significance",
        "二是创建全国文明城市是增进民生福祉的有效途径。",
        "二是创建全国文明城市是增进民生福祉的有效途径。创建工作的出发点和落脚点是为了人民群众，"
        "背街小巷改造、农贸市场提升、公共厕所建设等一大批民生实事，都与群众生活息息相关。"
        "我们要把创建过程变成为民办实事、解难题的过程，让群众在创建中有更多获得感、幸福感、安全感。",
    ),
    (
        "body",
        None,
        "significance",
        "三是创建全国文明城市是提升城市文明程度的重要抓手。",
        "三是创建全国文明城市是提升城市文明程度的重要抓手。城市文明程度集中体现在市民素质上。"
        "通过创建，广泛开展社会主义核心价值观宣传教育，推动移风易俗，倡导文明新风，"
        "能够引导广大市民自觉养成文明习惯，形成崇德向善、见贤思齐的良好社会风尚。",
    ),
    ("heading", 1, "tasks", None, "二、突出重点，扎实推进创建工作各项任务落地见效"),
    (
        "body",
        None,
        "tasks",
        "一是聚焦城市环境整治。",
        "一是聚焦城市环境整治。以背街小巷、城乡结合部、农贸市场、建筑工地为重点，深入开展环境卫生集中整治，"
        "全面清理乱堆乱放、乱贴乱画、乱搭乱建，确保城市面貌明显改观。今年全市计划改造老旧小区126个，"
        "新建和改造公共厕所85座，实现主次干道保洁全覆盖。",
    ),
    (
        "body",
        None,
        "tasks",
        "二是聚焦市民素质提升。",
        "二是聚焦市民素质提升。深化文明单位、文明村镇、文明家庭、文明校园创建，常态化开展文明交通、文明餐桌、"
        "文明旅游等主题实践活动。充分发挥全市9.8万名注册志愿者作用，推动志愿服务制度化、常态化，"
        "让文明成为青岚最亮丽的城市名片。",
    ),
    (
        "body",
        None,
        "tasks",
        "三是聚焦公共服务优化。",
        "三是聚焦公共服务优化。加快完善城市功能配套，推进公共文化设施免费开放，"
        "提升政务服务、医疗卫生、公共交通等服务水平。针对群众反映强烈的停车难、如厕难、出行难等问题，"
        "逐项制定解决方案，明确责任单位和完成时限，做到件件有着落、事事有回音。",
    ),
    (
        "body",
        None,
        "tasks",
        "四是聚焦社会治理创新。",
        "四是聚焦社会治理创新。坚持和发展新时代“枫桥经验”，完善网格化管理体系，推动治理重心下移、力量下沉，"
        "着力提升基层治理能力。加强诚信体系建设，营造安全稳定的社会环境。",
    ),
    ("heading", 1, "safeguards", None, "三、强化保障，凝聚创建全国文明城市的强大合力"),
    (
        "body",
        None,
        "safeguards",
        "一要加强组织领导。",
        "一要加强组织领导。各级党委、政府要切实扛起创建主体责任，主要负责同志要亲自抓、负总责，"
        "分管负责同志要具体抓、抓具体，形成一级抓一级、层层抓落实的工作格局。",
    ),
    (
        "body",
        None,
        "safeguards",
        "二要强化督查考核。",
        "二要强化督查考核。市创建办要建立健全定期督查、暗访曝光、考核问责等制度，"
        "对工作推进不力、问题整改不到位的单位，严肃追责问责，确保各项任务落到实处。",
    ),
    (
        "body",
        None,
        "safeguards",
        "三要营造浓厚氛围。",
        "三要营造浓厚氛围。充分利用报刊、广播、电视和新媒体平台，广泛宣传创建工作的重要意义和进展成效，"
        "引导广大市民从我做起、从身边小事做起，人人参与创建、人人共享成果。",
    ),
    (
        "closing",
        None,
        "closing",
        None,
        "同志们，创建全国文明城市使命光荣、责任重大。让我们更加紧密地团结在以习近平同志为核心的党中央周围，"
        "以更加坚定的信心、更加务实的作风、更加有力的举措，全力以赴打赢创建全国文明城市攻坚战，"
        "为建设美丽幸福新青岚作出新的更大贡献！",
    ),
]


def make_draft(*, date: str | None = "2027-04-10", speaker: str | None = "市委书记") -> Draft:
    """A fresh Draft (mutable dataclasses: never share one between tests)."""
    paragraphs = []
    for line, (kind, level, role, lead, text) in enumerate(_PARAGRAPHS, start=1):
        heading = text if level == 1 else None
        sources = [SourceRef("corpus/004_demo.txt", line)] if kind == "body" else []
        paragraphs.append(
            DraftParagraph(
                text=text,
                role=role,
                heading=heading,
                level=level,  # type: ignore[arg-type]
                lead=lead,
                kind=kind,
                sources=sources,
            )
        )
    return Draft(
        title=TITLE,
        paragraphs=paragraphs,
        speaker=speaker,
        date=date,
        stats={"chars": sum(len(p.text) for p in paragraphs)},
    )
