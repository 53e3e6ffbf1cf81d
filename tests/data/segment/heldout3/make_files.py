# ruff: noqa: E501  (the annotated lines are data: long paragraphs of the speeches)
"""Write the third held-out set (bylines and datelines under titles) and its labels.

Same annotation scheme as ``../heldout/make_files.py`` (``J`` junk, ``T`` title, ``S`` first
line of a speech's own text, ``P`` speech line, ``""`` empty line), plus ``D`` a dateline and
``B`` a byline (职务 姓名, 姓名 职务): speech lines that belong to the speech under the title,
as its ``date`` and ``speaker``. ``EXPECT`` gives, per file and in speech order, the date
(ISO, partial when only the year or month is printed; ``None`` for a placeholder date) and the
speaker (office and name as printed, one space between them) written by hand while writing
the lines, never from speechkit's output. Run once: ``python make_files.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from annotation import write_labels  # tests/data/segment/annotation.py

HERE = Path(__file__).resolve().parent

# A 范文 site compilation, UTF-8: every speech printed with its byline and dateline in the
# orders and spellings seen on such sites.
UTF8_TXT = [
    ("J", "创建文明城市讲话稿范文（6篇）_领导讲话_公文写作网"),
    ("J", "时间：2024-02-18 10:12:05　来源：网友投稿　点击：3,512次"),
    ("", ""),
    ("T", "在全市创建全国文明城市动员大会上的讲话"),
    ("D", "（2023年5月6日）"),
    ("B", "市委书记  张建国"),
    ("", ""),
    ("S", "同志们："),
    (
        "P",
        "　　今天召开全市创建全国文明城市动员大会，就是要进一步统一思想、凝聚共识，动员全市上下以更高标准、更实举措打好创城攻坚战。刚才，市委副书记宣读了创建工作实施方案，三个县区和两个市直部门作了表态发言，我都同意。",
    ),
    (
        "P",
        "　　一、提高站位，把创城作为惠民工程来抓。创建全国文明城市不是为了争一块牌子，而是为了让群众生活得更舒心、更安心。背街小巷的路灯亮不亮，农贸市场的地面干不干净，公交站台有没有遮阳棚，这些都是群众天天看得见的事。",
    ),
    (
        "P",
        "　　二、盯住短板，把测评标准落到每一个点位。要对照测评体系逐项过筛子，建立问题清单、责任清单、整改清单，整改一个销号一个，绝不允许边改边犯、屡改屡犯。",
    ),
    (
        "P",
        "　　同志们，创城没有旁观者，人人都是参与者。让我们立即行动起来，以只争朝夕的劲头，确保创建工作取得决定性胜利！",
    ),
    ("", ""),
    ("T", "在全县国家卫生县城创建推进会上的讲话"),
    ("B", "县长　李明华"),
    ("D", "2022年9月16日"),
    ("S", "同志们："),
    (
        "P",
        "　　这次推进会是在创卫进入冲刺阶段召开的一次重要会议。前段时间，县创卫办组织了三轮暗访，发现的问题主要集中在城乡接合部、老旧小区和沿街门店，有的问题反复出现，说明长效管理还没有真正建立起来。",
    ),
    (
        "P",
        "　　下一步，各乡镇、各部门要坚持问题导向，对暗访反馈的问题建立台账，明确整改时限，县督查室每周通报一次进度。对整改不力、拖延应付的单位，要严肃追责问责。",
    ),
    (
        "P",
        "　　同志们，距离省级评估只有不到两个月时间，大家一定要绷紧弦、加满油，确保创卫工作一次通过验收。",
    ),
    ("", ""),
    ("T", "凝心聚力 攻坚克难 全力夺取创城工作全面胜利"),
    ("P", "——在全区创建全国文明城区誓师大会上的讲话"),
    ("B", "区委副书记、区长 王某某"),
    ("D", "二〇二一年三月十二日"),
    ("S", "同志们："),
    (
        "P",
        "　　今天，我们在这里举行创建全国文明城区誓师大会，吹响全区创城总攻的号角。三年来，全区累计投入资金十余亿元，改造老旧小区六十多个，新建口袋公园二十多处，城市面貌发生了明显变化。",
    ),
    (
        "P",
        "　　但也要清醒地看到，离测评要求还有差距：有的小区物业管理缺位，有的路段占道经营反弹，有的窗口单位服务态度生硬。这些问题不解决，创城就是一句空话。",
    ),
    (
        "P",
        "　　同志们，誓师就是出征，出征就要打赢。全区上下要以破釜沉舟的决心、背水一战的勇气，坚决打赢创城攻坚战！",
    ),
    ("", ""),
    ("T", "在全市爱国卫生运动推进会上的讲话"),
    ("B", "刘建军  副市长"),
    ("D", "（2020年4月8日）"),
    ("S", "各位领导、同志们："),
    (
        "P",
        "　　爱国卫生运动是我们党把群众路线运用于卫生防病工作的成功实践。当前正值春季传染病高发期，开展好爱国卫生运动，对于巩固防控成果、保障群众健康具有十分重要的意义。",
    ),
    (
        "P",
        "　　要聚焦重点场所，对农贸市场、城中村、建筑工地和学校周边开展全面清理，做到垃圾日产日清、病媒生物密度控制在国家标准以内。",
    ),
    ("P", "　　同志们，卫生环境关系千家万户，大家要把这项工作当作民心工程，抓实抓细抓到位。"),
    ("", ""),
    ("T", "XX县委书记在创建省级文明县城动员会上的讲话"),
    ("B", "XX县委书记 XXX"),
    ("D", "（20XX年X月X日）"),
    ("S", "同志们："),
    (
        "P",
        "　　创建省级文明县城，是县委、县政府作出的一项重大决策，是全县人民的共同心愿。各乡镇、各部门要把思想和行动统一到县委的决策部署上来，以创建促发展、以创建惠民生。",
    ),
    (
        "P",
        "　　要坚持全民参与，广泛开展志愿服务活动，让文明理念走进每个家庭、每个单位、每个村居，形成人人关心创建、人人支持创建、人人参与创建的良好氛围。",
    ),
    ("", ""),
    ("T", "在2019年全市城市管理工作会议上的讲话"),
    ("B", "副市长　陈晓东"),
    (
        "S",
        "今天，我们召开全市城市管理工作会议，主要任务是总结去年城市管理工作，安排部署今年重点任务。去年以来，全市城管系统紧紧围绕市委、市政府中心工作，城市环境持续改善。",
    ),
    (
        "P",
        "　　今年要重点抓好三件事：一是深化市容环境整治，二是推进垃圾分类扩面提质，三是加快智慧城管平台建设。各区要把任务分解到月、落实到人，确保年底见到实效。",
    ),
    ("P", "　　谢谢大家！"),
    ("", ""),
    ("J", "本文由网友投稿，仅供学习参考，如有侵权请联系删除。"),
    ("J", "上一篇：在全市安全生产工作会议上的讲话　下一篇：创卫工作表态发言"),
]

# Another site, GBK bytes: a byline with no dateline (the second case), a dateline
# with a note, and a speech printed with its name before the office and the date after.
GBK_TXT = [
    ("J", "您的位置：首页 > 讲话致辞 > 领导讲话"),
    ("J", "创卫工作调度会讲话两篇"),
    ("", ""),
    ("T", "在全市创建国家卫生城市工作调度会上的讲话"),
    ("B", "市长 赵文斌"),
    ("S", "同志们："),
    (
        "P",
        "　　今天的调度会，主要是听取各区和有关部门创卫工作进展情况，研究解决存在的突出问题。从刚才汇报的情况看，大家工作都很努力，但进展还不平衡，个别单位还存在等靠思想。",
    ),
    (
        "P",
        "　　各单位要对照任务清单，倒排工期、挂图作战，每周报送一次进度，市创卫办每半月组织一次调度，确保各项任务按时完成。",
    ),
    ("P", "　　同志们，创卫工作已经到了最吃劲的时候，希望大家再接再厉，确保如期实现创建目标。"),
    ("", ""),
    ("T", "在全市文明城市常态化创建工作会议上的讲话"),
    ("D", "（2024年1月19日，根据录音整理）"),
    ("B", "市委副书记　孙立"),
    ("S", "同志们："),
    (
        "P",
        "　　全国文明城市的牌子拿到手，不是创建工作的终点，而是新的起点。测评实行动态管理，复查不合格的要被通报批评甚至撤销称号，我们绝不能有松口气、歇歇脚的想法。",
    ),
    ("P", "　　要把创建工作融入日常管理，建立健全常态长效机制，做到标准不降、力度不减、队伍不散。"),
    (
        "P",
        "　　同志们，巩固创建成果是一场持久战，让我们以更加饱满的热情投入工作，不断提升城市文明程度！",
    ),
    ("", ""),
    ("J", "声明：本站内容来自网络，版权归原作者所有。"),
]

#: Per file, in speech order: (date, speaker) written by hand.
EXPECT = {
    "bylines_utf8.txt": [
        ("2023-05-06", "市委书记 张建国"),
        ("2022-09-16", "县长 李明华"),
        ("2021-03-12", "区委副书记、区长 王某某"),
        ("2020-04-08", "副市长 刘建军"),
        (None, "XX县委书记 XXX"),
        ("2019", "副市长 陈晓东"),
    ],
    "bylines_gbk.txt": [
        (None, "市长 赵文斌"),
        ("2024-01-19", "市委副书记 孙立"),
    ],
}


def main() -> None:
    (HERE / "bylines_utf8.txt").write_text(
        "\n".join(t for _k, t in UTF8_TXT) + "\n", encoding="utf-8"
    )
    (HERE / "bylines_gbk.txt").write_bytes(
        ("\r\n".join(t for _k, t in GBK_TXT) + "\r\n").encode("gbk")
    )
    annotated = {"bylines_utf8.txt": UTF8_TXT, "bylines_gbk.txt": GBK_TXT}
    write_labels(
        HERE,
        annotated,
        comment="Third held-out set: bylines and datelines (see README.md). 'meta' lists "
        "each speech's expected date and speaker in order.",
    )
    labels = json.loads((HERE / "labels.json").read_text("utf-8"))
    labels["meta"] = {
        name: [{"date": d, "speaker": s} for d, s in rows] for name, rows in EXPECT.items()
    }
    (HERE / "labels.json").write_text(
        json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
