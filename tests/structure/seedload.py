"""A small stand-alone loader of the seed files for the structure tests.

The structure engineer's tests must not depend on the ingest pipeline's progress,
so this reads the seeds with a few simple rules: one paragraph per non-empty line,
speeches split at titles (…讲话), salutations (同志们：) and after closing lines,
headings read from numbering markers. It is deliberately simple and test-only.
"""

from __future__ import annotations

import re
from pathlib import Path

from speechkit.model import Paragraph, Speech

SEEDS = Path(__file__).resolve().parents[2] / "corpus"

_JUNK = re.compile(
    r"预览阅读已结束|如若转载|content_\d+\(\)|免责声明|小编|请点击|时间[:：]\d|"
    r"付费|本站|违规举报|微信客服|回到顶部|相关范文推荐|@|联系老师|会员|仅供学习"
)
_TITLE = re.compile(r"^[^。！？]{4,60}(讲话|讲话稿|讲话范文|讲话集合)[^。！？]{0,20}$")
_SALUTE = re.compile(r"^(各位领导[，,、])?同志们([、,，]朋友们)?[:：!！。]*$")
_HEAD1 = re.compile(r"^[一二三四五六七八九十]{1,3}、")


def _heading(text: str) -> tuple[str | None, int | None, str | None]:
    m = _HEAD1.match(text)
    if not m:
        return None, None, None
    head = re.split(r"(?<=[。])", text, maxsplit=1)[0]
    return head[:60], 1, m.group(0)


def load_file(path: Path, *, source: str | None = None) -> list[Speech]:
    """Speeches of one seed-like text file."""
    source = source or f"corpus/{path.name}"
    lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
    speeches: list[Speech] = []
    current: Speech | None = None
    pending_title: tuple[int, str] | None = None
    closed = False

    def start(line: int, title: str | None) -> Speech:
        sp = Speech(source=source, first_line=line, last_line=line, title=title)
        speeches.append(sp)
        return sp

    for number, raw in enumerate(lines, start=1):
        text = raw.replace("\u3000", " ").replace("\ufffd", "").strip()
        if not text or _JUNK.search(text) or not re.search(r"[\u4e00-\u9fff]", text):
            continue
        if _TITLE.match(text):
            pending_title = (number, text)
            current = None
            continue
        if _SALUTE.match(text):
            if current is None or current.paragraphs or closed:
                line0 = pending_title[0] if pending_title else number
                current = start(line0, pending_title[1] if pending_title else None)
                pending_title = None
                closed = False
            current.paragraphs.append(Paragraph(text, number, number))
            current.last_line = number
            continue
        if closed and current is not None and text.startswith("谢谢"):
            current.paragraphs.append(Paragraph(text, number, number))
            current.last_line = number
            continue
        if current is None or closed:
            if current is None and pending_title is None and len(text) < 40:
                continue  # site chrome before any speech
            line0 = pending_title[0] if pending_title else number
            current = start(line0, pending_title[1] if pending_title else None)
            pending_title = None
            closed = False
        heading, level, marker = _heading(text)
        current.paragraphs.append(Paragraph(text, number, number, heading, level, marker))
        current.last_line = number
        if text.startswith("谢谢") or (text.startswith("同志们") and len(text) > 20):
            closed = True
    speeches = [s for s in speeches if s.paragraphs]
    for i, s in enumerate(speeches, start=1):
        s.id = i
    return speeches


def load_seeds(folder: Path = SEEDS) -> list[Speech]:
    """All speeches of the seed files, ids 1..n."""
    out: list[Speech] = []
    for path in sorted(folder.glob("*.txt")):
        out.extend(load_file(path))
    for i, s in enumerate(out, start=1):
        s.id = i
    return out
