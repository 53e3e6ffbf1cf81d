"""A generated corpus of dated speeches with planted 提法 whose first and last years are known.

Speeches 2014–2025 (three a year; dated by a dateline, the title's year, or the file name),
two undated ones, filler sentences drawn with a seeded generator so no two speeches are
near duplicates. Planted (each in several contexts, so it is a free-standing phrase):

==================  ===========  =========  ===========================
phrase              first        last       per speech
==================  ===========  =========  ===========================
四个现代化          2014         2017       2
供给侧结构性改革    2016         2025       1 (2016), 2, 4 (2018), 2...
高质量发展          2018         2025       2
新质生产力          2024         2025       3
==================  ===========  =========  ===========================
"""

from __future__ import annotations

import random
from pathlib import Path

YEARS = range(2014, 2026)

PLANTED = {
    "四个现代化": (2014, 2017),
    "供给侧结构性改革": (2016, 2025),
    "高质量发展": (2018, 2025),
    "新质生产力": (2024, 2025),
}

_CONTEXTS = {
    "四个现代化": [
        "我们要为实现四个现代化而努力奋斗。",
        "四个现代化的宏伟目标鼓舞着全市干部群众。",
        "围绕四个现代化，各部门要拿出实际行动。",
    ],
    "供给侧结构性改革": [
        "要深入推进供给侧结构性改革，提高供给体系质量。",
        "供给侧结构性改革是当前经济工作的主线。",
        "各县区要把供给侧结构性改革的任务落到实处。",
    ],
    "高质量发展": [
        "坚定不移推动高质量发展，加快转变发展方式。",
        "高质量发展是全市各项工作的根本要求。",
        "以高质量发展为引领，统筹抓好稳增长各项工作。",
    ],
    "新质生产力": [
        "因地制宜发展新质生产力，培育壮大新兴产业。",
        "新质生产力是推动转型升级的关键力量。",
        "加快形成新质生产力，为全市发展注入新动能。",
    ],
}

_SUBJECTS = ["全市各级各部门", "各县区", "市直各单位", "广大党员干部", "各乡镇街道", "各开发区"]
_ACTIONS = [
    "要把思想和行动统一到市委的决策部署上来",
    "要切实担负起抓落实的政治责任",
    "要坚持问题导向，盯住短板弱项逐项攻坚",
    "要加强统筹协调，形成工作合力",
    "要强化督查考核，确保各项任务按时完成",
    "要坚持以人民为中心，多办顺民意、惠民生的实事",
    "要树立过紧日子的思想，把有限的资金用在刀刃上",
    "要抓好安全生产，坚决防范重大事故发生",
    "要优化营商环境，为企业排忧解难",
    "要加强基层组织建设，夯实基层基础",
]
_TOPICS = ["招商引资", "项目建设", "乡村振兴", "城市更新", "生态环境保护", "民生保障",
           "科技创新", "对外开放", "社会治理", "文化建设", "教育医疗", "交通基础设施"]  # fmt: skip
_TAILS = ["确保取得实效", "推动工作再上新台阶", "交出一份满意的答卷", "让群众有更多获得感",
          "为全年目标任务打下坚实基础", "以钉钉子精神抓好落实"]  # fmt: skip


def _filler(rng: random.Random) -> str:
    return (
        f"{rng.choice(_SUBJECTS)}{rng.choice(_ACTIONS)}，在{rng.choice(_TOPICS)}上"
        f"下功夫，{rng.choice(_TAILS)}。"
    )


def _planted(year: int) -> dict[str, int]:
    counts = {}
    for phrase, (first, last) in PLANTED.items():
        if first <= year <= last:
            counts[phrase] = 2
    if "供给侧结构性改革" in counts:
        counts["供给侧结构性改革"] = {2016: 1, 2018: 4}.get(year, 2)
    if "新质生产力" in counts:
        counts["新质生产力"] = 3
    return counts


def speech_text(year: int | None, k: int, rng: random.Random) -> tuple[str, str]:
    """``(file name, text)`` of the k-th speech of ``year`` (``None``: undated)."""
    sentences = [_filler(rng) for _ in range(10)]
    if year is not None:
        for phrase, n in _planted(year).items():
            for i in range(n):
                sentences.insert(rng.randrange(len(sentences) + 1), _CONTEXTS[phrase][i % 3])
    paragraphs = ["".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    topic = _TOPICS[(k * 5 + (year or 0)) % len(_TOPICS)]
    if year is None:
        return f"undated_{k}.txt", "\n".join(
            [f"在全市{topic}工作会议上的讲话", "同志们：", *paragraphs]
        )
    style = k % 3
    if style == 0:  # a dateline under the title
        head = [
            f"在全市{topic}工作会议上的讲话",
            f"（{year}年{k + 3}月{k + 10}日）",
            "市长  王建华",
        ]
        name = f"s{year % 100:02d}k{k}a.txt"  # no year in the name
    elif style == 1:  # the year in the title
        head = [f"在{year}年全市{topic}工作会议上的讲话"]
        name = f"s{year % 100:02d}k{k}b.txt"
    else:  # the year in the file name only
        head = [f"在全市{topic}推进会上的讲话"]
        name = f"{year}_{k}_会议讲话.txt"
    return name, "\n".join([*head, "同志们：", *paragraphs])


def write_dated_corpus(folder: Path, *, seed: int = 7) -> Path:
    """Write the corpus into ``folder`` (created) and return it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for year in YEARS:
        for k in range(3):
            name, text = speech_text(year, k, rng)
            (folder / name).write_text(text + "\n", encoding="utf-8")
    for k in range(2):
        name, text = speech_text(None, k, rng)
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder
