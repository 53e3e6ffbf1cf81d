# ruff: noqa: E501  (the annotated lines are data: long paragraphs of the speeches)
"""Write the second held-out set and its labels from hand annotations.

Same annotation scheme as ``../heldout/make_files.py``: each file is a list of
``(kind, text)`` lines annotated by hand while writing: ``J`` site junk
(boilerplate), ``T`` a speech title (starts a speech), ``S`` the first line of a
speech's own text (starts a speech when no ``T`` precedes it), ``P`` any other
speech line, ``""`` an empty line / empty paragraph. Line numbers in
``labels.json`` come from these annotations and the file layout (.txt/.md line,
line inside a .jsonl record's text, .docx paragraph index), never from
speechkit's output. A .jsonl record is labelled under ``"<file>#<record>"``
(0-based record index), because each record is its own document.
Run once: ``python make_files.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from annotation import write_labels  # tests/data/segment/annotation.py

HERE = Path(__file__).resolve().parent

# UTF-16 (LE, BOM) .txt from a 范文 site, CRLF: "第N篇" separators on their own
# line, "范文N：" title prefixes, numbered ads, a QR-code blurb. Paragraphs are
# separated by empty lines, no indentation.
UTF16_TXT = [
    ("J", "创建全国文明城市动员会讲话稿（精选3篇）-第一范文网"),
    ("J", "发布时间：2024年03月08日 | 作者：admin | 阅读量：1,206"),
    ("J", "1. 公务员遴选笔试一对一辅导，限时五折，咨询电话：400-800-xxxx"),
    ("J", "2. 机关材料写作训练营第12期火热招生中，点此报名>>"),
    ("J", "3. 开通本站年卡会员仅需99元，全站文档不限次数下载"),
    ("", ""),
    ("J", "第1篇"),
    ("", ""),
    ("T", "范文1：在全市创建全国文明城市动员会上的讲话"),
    ("", ""),
    ("S", "同志们："),
    ("", ""),
    (
        "P",
        "市委决定召开这次动员会，就是要把全市干部群众的思想和行动统一到争创全国文明城市这个目标上来。全国文明城市是含金量最高、综合性最强的城市品牌，争创这块牌子，既是城市发展的内在需要，也是全市人民的热切期盼。",
    ),
    ("", ""),
    (
        "P",
        "（1）要看清我们的家底。过去三年，我们建成口袋公园xx个，新增公共停车泊位x千个，注册志愿者占城区常住人口比例达到xx%。这些成绩来之不易，但对照测评体系，我们在背街小巷管理、公益广告设置、窗口单位服务等方面还有明显短板。",
    ),
    ("", ""),
    (
        "P",
        "（2）要盯紧测评的标尺。全国文明城市测评实行实地考察、问卷调查和材料审核相结合，任何一个点位、任何一个指标出了问题，都可能影响整体成绩。各单位要把测评细则逐条吃透，做到人人心中有标准、手中有清单。",
    ),
    ("", ""),
    (
        "P",
        "（3）要扛起应尽的责任。各县区、各部门主要负责同志是本辖区、本系统创建工作的第一责任人，要把创建任务细化到岗、落实到人，不能当甩手掌柜。",
    ),
    ("", ""),
    (
        "P",
        "同志们，创城是一场没有退路的攻坚战。希望大家拿出拼劲、闯劲和韧劲，以实际行动为全市创城作出贡献。",
    ),
    ("", ""),
    ("J", "第2篇"),
    ("", ""),
    ("T", "范文2：在xx区创建国家卫生城区工作推进会上的讲话"),
    ("", ""),
    (
        "S",
        "今天我们召开全区创卫工作推进会，目的是盘点前段工作、查找问题短板，对下步冲刺迎检作出具体安排。刚才，几个街道作了交流发言，区创卫办通报了暗访情况，我都赞成。",
    ),
    ("", ""),
    (
        "P",
        "从暗访情况看，全区创卫工作总体推进有序，但问题也很突出：部分小区垃圾分类设施破损后无人维修，个别农贸市场活禽宰杀区未做到完全隔离，部分餐饮店后厨防鼠设施缺失，城中村积存垃圾清运不及时。这些问题群众看得见、专家查得到，必须下决心解决。",
    ),
    ("", ""),
    (
        "P",
        "下步工作中，各街道要对照国家卫生城市标准，建立问题、任务、责任“三张清单”，实行销号管理。区卫健局要加强病媒生物防制技术指导，区市场监管局要牵头抓好“五小”行业整治，区城管局要确保主次干道和背街小巷保洁全覆盖。",
    ),
    ("", ""),
    (
        "P",
        "离国家暗访评估只剩下三个多月，留给我们的时间已经不多了。各单位务必绷紧思想之弦，确保创卫工作不留死角、不出纰漏。",
    ),
    ("", ""),
    ("J", "第3篇"),
    ("", ""),
    ("T", "范文3：xx市长在创建全国文明城市年度总结会上的讲话"),
    ("", ""),
    ("S", "各位领导，同志们，朋友们："),
    ("", ""),
    (
        "P",
        "刚才，我们表彰了年度创建全国文明城市工作先进集体和先进个人，在此，我代表市委、市政府向受到表彰的单位和同志表示热烈祝贺！向一年来辛勤奉献在创建一线的广大干部职工、志愿者和市民朋友们表示衷心感谢！",
    ),
    ("", ""),
    (
        "P",
        "回顾一年来的创建历程，我们有三点深刻体会：一是党委政府的坚强领导是根本保证；二是群众的广泛参与是力量源泉；三是常态长效的机制是关键所在。",
    ),
    ("", ""),
    (
        "P",
        "新的一年，我们要在巩固成果上下功夫，推动创建工作由阶段性突击向常态化治理转变，让文明真正成为这座城市的气质和底色。",
    ),
    ("", ""),
    ("P", "谢谢大家！"),
    ("", ""),
    ("J", "扫描下方二维码，关注“笔杆子范文”公众号，回复“创城”即可获取以上3篇完整word版。"),
    ("J", "[二维码]"),
    ("J", "长按识别二维码，免费领取500篇精选讲话稿模板"),
    ("J", "声明：本站所有文章均来自网络投稿，仅供学习交流，如有侵权请联系删除。"),
]

# .jsonl export: fields title/url/date/content; text in "content". Record 0 holds
# one speech (title only in the "title" field), record 1 holds two speeches.
JSONL = [
    {
        "title": "在全县创建国家卫生县城动员会上的讲话",
        "url": "https://www.example-wenmi.cn/jh/2023/0506/5521.html",
        "date": "2023-05-06",
        "content": [
            ("J", "来源：文秘资料网　2023-05-06　字号：大 中 小"),
            ("S", "同志们："),
            (
                "P",
                "　　县委、县政府决定，从今年起用两年时间，举全县之力创建国家卫生县城。今天召开动员会，就是要吹响集结号、按下快进键。",
            ),
            (
                "P",
                "　　创建国家卫生县城，不是为了争一块牌子，而是为了让群众喝上放心水、吃上放心菜、住上干净房。我们县城建成区面积不大，但基础设施历史欠账较多，老城区排水管网老化，公共厕所数量不足，集贸市场环境脏乱，群众对此意见不少。",
            ),
            (
                "P",
                "　　要坚持规划先行。县住建局要牵头编制县城环境卫生设施专项规划，合理布局垃圾收集点、公厕和污水处理设施。要坚持全民参与。通过设立曝光台、开展“卫生文明户”评比等形式，引导群众自觉养成良好卫生习惯。要坚持严格考核。县创卫指挥部每季度对各责任单位进行一次考核排名，排名末位的由县政府主要领导约谈。",
            ),
            (
                "P",
                "　　同志们，创卫工作只有进行时，没有完成时。希望大家以时不我待的精神状态投入到创卫工作中去，确保两年内顺利通过国家评审。",
            ),
            ("J", "（责任编辑：李文）"),
        ],
    },
    {
        "title": "创建文明城市讲话两篇",
        "url": "https://www.example-wenmi.cn/jh/2023/0611/5790.html",
        "date": "2023-06-11",
        "content": [
            (
                "J",
                "编者按：下面两篇讲话分别来自某市的创城部署会和某区的创城誓师会，供各位读者写作时参考。",
            ),
            ("", ""),
            ("T", "在全市创建全国文明城市工作部署会上的讲话"),
            ("S", "同志们："),
            (
                "P",
                "今年是我市创建全国文明城市的决战之年，省里已明确将我市列入年度测评城市名单。这次部署会的任务，就是把创建的目标、任务、责任再明确一遍，一项一项抓落实。",
            ),
            (
                "P",
                "第一，任务要分解到位。市创建指挥部已经把测评体系的xx项指标分解到xx个牵头单位，各单位要再细化到科室、到个人，形成一级抓一级、层层抓落实的工作格局。",
            ),
            (
                "P",
                "第二，整改要彻底到位。对照去年测评失分点，逐一制定整改方案，能立即整改的马上改，需要一段时间的限期改，确实难以解决的要拿出过渡措施。",
            ),
            (
                "P",
                "第三，督查要跟进到位。市委、市政府督查室要组织专班常态化巡查，每周通报一次，对连续两次排名靠后的单位，由市纪委监委启动问责程序。",
            ),
            ("P", "谢谢大家。"),
            ("", ""),
            ("T", "区委书记在创建全国文明城区誓师大会上的讲话"),
            ("S", "同志们、朋友们："),
            (
                "P",
                "今天，我们在这里隆重召开誓师大会，就是要进一步振奋精神、鼓舞干劲，向全国文明城区发起全面冲刺。",
            ),
            (
                "P",
                "创建文明城区，关键在人。全区党员干部要带头讲文明、树新风，主动到社区报到、到路口执勤、到点位服务，以实际行动带动广大群众参与创建。",
            ),
            (
                "P",
                "同志们，号角已经吹响，使命催人奋进。让我们以决战决胜的姿态，全力打好创建攻坚战，向全区人民交出一份满意答卷！",
            ),
            ("J", "（来源：xx区融媒体中心）"),
        ],
    },
]

# Markdown: page title, a table of contents with links, a "##" heading per speech,
# "###" headings inside speeches, thematic breaks, a footer note.
MD = [
    ("J", "# 创建文明城区讲话汇编（2篇）"),
    ("", ""),
    ("J", "> 整理：区委办公室综合科 · 更新于 2023-11-02"),
    ("", ""),
    ("J", "**目录**"),
    ("", ""),
    ("J", "- [在全区创建全国文明城区推进会上的讲话](#在全区创建全国文明城区推进会上的讲话)"),
    (
        "J",
        "- [在全区创建全国文明城区年度总结会上的讲话](#在全区创建全国文明城区年度总结会上的讲话)",
    ),
    ("", ""),
    ("J", "---"),
    ("", ""),
    ("T", "## 在全区创建全国文明城区推进会上的讲话"),
    ("", ""),
    ("S", "同志们："),
    ("", ""),
    (
        "P",
        "今天这个推进会，是在全区创建工作进入攻坚阶段召开的一次重要会议。会议的主要任务是：通报前阶段进展，剖析突出问题，动员全区上下以更加坚决的态度打好攻坚战。",
    ),
    ("", ""),
    ("P", "### 一、把握形势，增强攻坚的紧迫感"),
    ("", ""),
    (
        "P",
        "从上半年省文明办组织的模拟测评看，我区总成绩在全市排名第x位，比去年同期前进了两个位次，但公共场所秩序、社区志愿服务等x项指标得分率低于全市平均水平。形势逼人，不进则退。",
    ),
    ("", ""),
    ("P", "### 二、聚焦短板，提高攻坚的精准度"),
    ("", ""),
    (
        "P",
        "要把老旧小区作为攻坚的主战场，完善物业管理、加装楼道照明、规范非机动车停放；要把公共场所作为攻坚的突破口，在车站、广场、医院等人流密集区域增设文明引导员；要把未成年人思想道德建设作为攻坚的重要内容，办好乡村学校少年宫和“四点半课堂”。",
    ),
    ("", ""),
    ("P", "### 三、压实责任，形成攻坚的强合力"),
    ("", ""),
    (
        "P",
        "各街道、各部门要严格落实“包保责任制”，每个点位确定一名包保干部，每周至少巡查两次。区创建办要建立问题交办单制度，问题整改情况纳入年终考核。",
    ),
    ("", ""),
    (
        "P",
        "同志们，文明城区创建到了最吃劲的时候，越是这个时候越要咬紧牙关、一鼓作气。我相信，只要我们上下同心、真抓实干，就一定能够实现创建目标！",
    ),
    ("", ""),
    ("J", "---"),
    ("", ""),
    ("T", "## 在全区创建全国文明城区年度总结会上的讲话"),
    ("", ""),
    ("S", "各位同志："),
    ("", ""),
    (
        "P",
        "一年来，全区上下以创建全国文明城区为总抓手，攻坚克难、苦干实干，城区面貌焕然一新，市民文明素质明显提升，创建工作取得了显著成效。",
    ),
    ("", ""),
    (
        "P",
        "成绩的取得，得益于各级各部门的通力协作，更得益于广大市民群众的理解支持。但也要看到，创建成果还不够稳固，部分点位存在反弹现象，长效管理机制还需进一步完善。",
    ),
    ("", ""),
    (
        "P",
        "明年，我们要突出“巩固、提升、常态”三个关键词，把创建工作融入城市管理的日常，坚决防止“创建时一阵风、创建后老样子”。",
    ),
    ("", ""),
    ("J", "*本文仅供内部学习交流，转载请联系作者。*"),
    ("", ""),
    ("J", "[返回目录](#目录)"),
]

# .docx: a document-site ad, a cover page (title, 发言人, date, page break), the
# speech, an 附件 section with a table, an uploader line. ("TABLE", rows) is a
# table whose cells are junk paragraphs, in reading order.
DOCX = [
    ("J", "【笔杆子文库】本资料由会员上传，下载前请先登录。海量精品公文范文，尽在笔杆子文库！"),
    ("", ""),
    ("T", "在全县创建省级文明县城总结表彰大会上的讲话"),
    ("P", "发言人：县委书记　xxx"),
    ("P", "二〇二x年x月x日"),
    ("PAGEBREAK", ""),
    ("S", "同志们："),
    (
        "P",
        "经过全县上下三年的不懈努力，我县顺利通过省级文明县城测评验收，这是全县干部群众团结奋斗的结果。今天，我们召开总结表彰大会，既是为了总结经验、表彰先进，更是为了巩固成果、再启新程。",
    ),
    (
        "P",
        "三年来，我们坚持把创建文明县城作为推动县域高质量发展的重要抓手，累计投入资金x亿元，实施城市更新项目xx个，改造老旧小区xx个，新建城市书房x处，县城面貌发生了历史性变化。这些成绩的取得，离不开各级干部的辛勤付出，离不开广大群众的积极参与。",
    ),
    (
        "P",
        "我们也要清醒看到，创建成果还需要持续巩固。一些群众反映强烈的问题，比如县城停车难、夜市占道经营、建筑工地噪声扰民等，还没有从根本上解决。",
    ),
    (
        "P",
        "下一步，一要健全常态管理机制，把创建中形成的好做法固化为制度；二要持续提升市民素质，深化移风易俗，推动文明实践活动常态化；三要瞄准全国文明城市提名城市目标，提前谋划、压茬推进。",
    ),
    (
        "P",
        "同志们，荣誉属于过去，奋斗成就未来。让我们以这次表彰为新起点，乘势而上、久久为功，不断提升县城文明程度，努力建设更加美丽宜居的新xx！",
    ),
    ("", ""),
    ("J", "附件："),
    ("J", "1. xx县创建省级文明县城先进集体名单"),
    ("J", "2. xx县创建省级文明县城先进个人名单"),
    (
        "TABLE",
        [["序号", "先进集体"], ["1", "县委宣传部"], ["2", "县城市管理局"], ["3", "城关镇人民政府"]],
    ),
    ("", ""),
    ("J", "文档贡献者：wm2019　上传时间：2023-12-20　页数：5页　下载券：3"),
]


def docx_lines(entries: list) -> list[tuple[str, str]]:
    """The annotated .docx entries as the reader sees them: one line per paragraph."""
    lines: list[tuple[str, str]] = []
    for kind, text in entries:
        if kind == "TABLE":
            lines.extend(("J", cell) for row in text for cell in row)
        elif kind == "PAGEBREAK":
            lines.append(("", ""))
        else:
            lines.append((kind, text))
    return lines


def write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for kind, text in DOCX:
        if kind == "TABLE":
            table = document.add_table(rows=len(text), cols=len(text[0]))
            for r, row in enumerate(text):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif kind == "PAGEBREAK":
            document.add_page_break()
        else:
            document.add_paragraph(text)
    document.save(str(path))


def main() -> None:
    txt = "\r\n".join(text for _k, text in UTF16_TXT) + "\r\n"
    (HERE / "wenming_utf16.txt").write_bytes(txt.encode("utf-16"))  # LE with BOM
    records = []
    for rec in JSONL:
        content = "\n".join(text for _k, text in rec["content"])
        records.append(json.dumps({**rec, "content": content}, ensure_ascii=False))
    (HERE / "speeches.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (HERE / "wenming_chengqu.md").write_text("\n".join(t for _k, t in MD) + "\n", encoding="utf-8")
    write_docx(HERE / "cover_page.docx")

    annotated: dict[str, list[tuple[str, str]]] = {
        "wenming_utf16.txt": UTF16_TXT,
        **{f"speeches.jsonl#{i}": rec["content"] for i, rec in enumerate(JSONL)},
        "wenming_chengqu.md": MD,
        "cover_page.docx": docx_lines(DOCX),
    }
    write_labels(
        HERE,
        annotated,
        comment=(
            "Second held-out set (see README.md). starts: as in ../speech_starts.json; "
            "boilerplate: as in ../../clean/line_labels.json. Numbers are .txt/.md lines, "
            "lines inside a .jsonl record's text (key '<file>#<record>', 0-based record), "
            ".docx paragraph indexes (1-based, empty paragraphs and table cells counted)."
        ),
    )


if __name__ == "__main__":
    main()
