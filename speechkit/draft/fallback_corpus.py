"""A small stand-in corpus reader and role guesser for drafting.

Drafting prefers :func:`speechkit.corpus.open_corpus` (ingest, cleaning, segmentation) and
:func:`speechkit.structure.learn` (paragraph roles). When those are not installed in this
build (or fail to import), :mod:`speechkit.draft.model_cache` falls back to this module:
plain-text reading, light cleaning, speech splitting at titles and salutations, and a
heading/lexicon/position role guess. It is deliberately simple and generic: no rule refers
to a particular file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from speechkit.model import Paragraph, Speech
from speechkit.types import PathLike, Role

__all__ = ["guess_roles", "read_speeches"]

_JUNK = re.compile(
    r"小编|预览|阅读已结束|转载|出处|会员|下载|免责|版权|QQ|qq|content_|订阅|举报|仅供|"
    r"作者[:：]|时间[:：]|通用\d+篇|范文|演讲稿|讲话稿是|浏览|点击|www\.|https?:"
)
_TITLE = re.compile(r"(讲话|讲话稿|发言|致辞|讲话提纲|讲话集合|讲话范文)[\s。]*$")
_SALUTATION = re.compile(
    r"^(各位领导|同志们|同志们、朋友们|同志们，朋友们)[，、]?.{0,12}[:：!！。]*$"
)
_HALF = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_HALF_RE = re.compile(r"(?<=[\u4e00-\u9fff”“、）])[,:;!?()]|[,:;!?()](?=[\u4e00-\u9fff“（])")
_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|"
    r"第[一二三四五六七八九十]+[，、,]|[一二三四五六七八九十]是|\d+[.．、])"
)
_LEVEL1 = re.compile(r"^\s*[一二三四五六七八九十]+、")

#: Cue words per role (a compact version of the structure lexicon).
CUES: dict[Role, tuple[str, ...]] = {
    "opening": ("今天", "召开", "这次会议", "刚才", "下面", "几点意见", "主要任务是", "会议的"),
    "significance": (
        "重要意义",
        "认识",
        "站位",
        "必然要求",
        "重大意义",
        "机遇",
        "必由之路",
        "民心工程",
    ),
    "situation": ("取得", "成效", "成绩", "问题", "不足", "短板", "差距", "回顾", "总结", "存在"),
    "tasks": ("重点", "任务", "整治", "提升", "抓好", "治理", "开展", "建设", "改造", "整改"),
    "safeguards": (
        "组织领导",
        "责任",
        "督查",
        "考核",
        "问责",
        "保障",
        "宣传",
        "长效机制",
        "经费",
        "领导小组",
    ),
    "closing": ("让我们", "谢谢", "使命光荣", "以更加", "努力奋斗", "共同努力"),
}


def _clean(line: str) -> str:
    line = line.replace("\u3000", " ").replace("\ufffd", "").strip()
    return _HALF_RE.sub(lambda m: _HALF[m.group()], line)


def read_speeches(paths: Sequence[PathLike]) -> list[Speech]:
    """Read plain-text files and split them into speeches with paragraphs (roles unset).

    Args:
        paths: Files or folders (``.txt``/``.md`` files are read, recursively).

    Returns:
        Speeches in file and line order, numbered from 1.
    """
    files: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in (".txt", ".md")))
        elif p.is_file():
            files.append(p)
    speeches: list[Speech] = []
    for file in files:
        source = f"{file.parent.name}/{file.name}"
        raw = file.read_bytes()
        text = raw.decode("utf-8", errors="replace")
        current: Speech | None = None
        title: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            line = _clean(line)
            if not line or _JUNK.search(line):
                continue
            is_title = len(line) <= 40 and _TITLE.search(line) is not None and "。" not in line
            is_salutation = _SALUTATION.match(line) is not None
            if is_title:
                title = line
                current = None
                continue
            if is_salutation and current is not None and len(current.paragraphs) > 2:
                current = None
            if current is None:
                current = Speech(source=source, first_line=number, last_line=number, title=title)
                speeches.append(current)
                title = None
            if is_salutation:
                continue
            marker = _MARKER.match(line)
            level = None
            heading = None
            if marker:
                level = 1 if _LEVEL1.match(line) else 2
                heading = re.split(r"(?<=[。！？])", line, maxsplit=1)[0]
            current.paragraphs.append(
                Paragraph(
                    text=line,
                    line=number,
                    last_line=number,
                    heading=heading,
                    level=level,
                    marker=marker.group().strip() if marker else None,
                )
            )
            current.last_line = number
    speeches = [s for s in speeches if len(s.paragraphs) >= 3]
    for i, speech in enumerate(speeches, start=1):
        speech.id = i
    return speeches


def _cue_role(text: str) -> Role | None:
    scores = {role: sum(text.count(cue) for cue in cues) for role, cues in CUES.items()}
    best = max(scores, key=lambda r: scores[r])
    return best if scores[best] > 0 else None


def guess_roles(speeches: Sequence[Speech]) -> None:
    """Fill ``Paragraph.role`` in place: heading cues pass to their section, else cue + position."""
    order: list[Role] = ["opening", "significance", "situation", "tasks", "safeguards", "closing"]
    for speech in speeches:
        n = len(speech.paragraphs)
        section_role: Role | None = None
        for i, para in enumerate(speech.paragraphs):
            pos = i / max(n - 1, 1)
            if para.level == 1:
                section_role = _cue_role(para.heading or para.text) or section_role or "tasks"
            if i == 0:
                para.role = "opening"
            elif i == n - 1 and (para.text.startswith("同志们") or "让我们" in para.text):
                para.role = "closing"
            elif section_role is not None:
                para.role = section_role
            else:
                cue = _cue_role(para.text[:60])
                if cue in (None, "opening") and pos > 0.15:
                    cue = order[min(5, 1 + int(pos * 4))]
                para.role = cue or "opening"
