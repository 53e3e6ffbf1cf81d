"""Claim analysis: is a sentence reusable as it stands, about a particular case, or leaning back?

Every corpus sentence gets one of three labels when the corpus model is built, and every
draft sentence gets the same analysis when it is checked:

- ``generic``: normative or evaluative (要…, 必须…, 创建文明城市是…的重要抓手); reusable verbatim.
- ``specific``: a claim about a particular place, time, body or event — past events and
  meetings, practices said to exist, counts, ordinals, years, rankings, quoted programme
  names, places and people, local problems stated as fact, a local plan or regulation named
  as in force (我市…实施方案, 《天津文明行为促进条例》), a place's development positioning
  (建成区域性幸福城市). Only the profile can make one.
- ``context``: it leans on what came before — 这/这些/上述 pointing back, 另一方面, a lone
  一是, a list reference such as 这“八个不”, 刚才…同志讲了.

The cues are jieba's part-of-speech tags (m numerals, ns/nr names, ul for the aspect particle
了) and the patterns of :mod:`speechkit.claims.resources`; set phrases with numbers or quotes
(两手抓, 门前三包) are listed in ``data/idioms.txt`` and are not claims.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from speechkit.claims import resources as res
from speechkit.claims.terms import idioms, not_names
from speechkit.zh import SENTENCE_MARKS

if TYPE_CHECKING:
    from speechkit.tokenize.base import Tokenizer

__all__ = [
    "LAUNCH_WORDING",
    "LOCAL_DOCUMENT",
    "POSITIONING",
    "Claim",
    "Label",
    "Span",
    "classify",
    "default_tokenizer",
    "fits_meeting",
    "mask_idioms",
    "strip_opener",
]

Label = Literal["generic", "specific", "context"]


@dataclass(frozen=True, slots=True)
class Span:
    """Why a sentence is specific or context-dependent: the words and the reason."""

    start: int
    text: str
    why: str
    kind: Literal["specific", "context"]


@dataclass(frozen=True, slots=True)
class Claim:
    """The label of a sentence and the spans that decided it."""

    label: Label
    spans: tuple[Span, ...] = ()

    @property
    def specific(self) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.kind == "specific")

    @property
    def context(self) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.kind == "context")


def strip_opener(sentence: str) -> str:
    """Drop ordinals and connectives a reused sentence need not keep (一是, 首先，, 同时，).

    Examples:
        >>> strip_opener("二是要在区委领导下抓落实。")
        '要在区委领导下抓落实。'
        >>> strip_opener("同时，要加强宣传。")
        '要加强宣传。'
    """
    text = sentence.strip()
    for _ in range(2):  # 其四，所以，…
        text = res.DROPPABLE_OPENER.sub("", text, count=1).lstrip("，、 ")
    return text


def mask_idioms(text: str, phrases: Iterable[str] | None = None) -> str:
    """``text`` with every set phrase blanked out (□), so its numerals and quotes are no cue.

    Examples:
        >>> mask_idioms("要坚持两手抓、两手硬。")
        '要坚持□□□、□□□。'
    """
    out = text
    for phrase in phrases if phrases is not None else idioms():
        if phrase in out:
            out = out.replace(phrase, "□" * len(phrase))
    return out


#: Why a sentence giving a place's development positioning (区域性幸福城市) is specific.
POSITIONING = "a development goal of a particular place"

#: Why a sentence naming a local document (plan, regulation, 实施方案) is specific.
LOCAL_DOCUMENT = "a local plan or document the profile does not give"


#: Why wording that makes the meeting the campaign's launch (从今天起, 动员令) is specific.
LAUNCH_WORDING = "wording of a meeting that launches the work (动员会, 部署会)"


def fits_meeting(span: Span, meeting_type: str | None) -> bool:
    """Whether a specific ``span`` is true of any meeting of ``meeting_type``.

    Launch wording (从今天起, 今天的会议就是动员令, 尽快投身到创建工作中来) is true of a 动员会 or
    部署会, which starts the work; said at a 推进会 or a 总结表彰会 it makes a meeting of the
    campaign's middle or end its start. One rule for drafting (which reuses such a sentence
    only where it fits) and for ``speechkit check``.

    Examples:
        >>> launch = Span(0, "从今天起", LAUNCH_WORDING, "specific")
        >>> fits_meeting(launch, "动员会"), fits_meeting(launch, "总结表彰会")
        (True, False)
        >>> fits_meeting(launch, None)
        False
    """
    return span.why == LAUNCH_WORDING and meeting_type in res.LAUNCH_MEETINGS


def _token_starts(sentence: str, tokens: Sequence[tuple[str, str]]) -> dict[int, tuple[str, str]]:
    """Each token by the offset where it starts in ``sentence``."""
    out: dict[int, tuple[str, str]] = {}
    offset = 0
    for word, tag in tokens:
        start = sentence.find(word, offset)
        if start >= 0:
            out[start] = (word, tag)
            offset = start + len(word)
    return out


def _spans_of(sentence: str, masked: str, tokens: Sequence[tuple[str, str]]) -> list[Span]:
    spans: list[Span] = []

    def add(start: int, text: str, why: str, kind: Literal["specific", "context"]) -> None:
        if not any(s.start == start and s.kind == kind for s in spans):
            spans.append(Span(start, text, why, kind))

    # --- context: what the sentence leans on
    for m in res.LIST_REF.finditer(masked):
        add(m.start(), sentence[m.start() : m.end()], "refers to a list not given here", "context")
        # The list's count and quotes are the reference itself, not a claim of their own.
        masked = masked[: m.start()] + "□" * (m.end() - m.start()) + masked[m.end() :]
    back = res.BACKREF_START.match(masked)
    if back is not None:
        add(0, back.group(0), "points back to something said before", "context")
    for m in res.SPEAKER_REF.finditer(masked):
        add(m.start(), m.group(0), "refers to what was said earlier at the meeting", "context")
    announce = res.ANNOUNCE.search(masked)
    if announce is not None:
        add(announce.start(), announce.group(0) or "：", "announces what follows", "context")
    if "另一方面" in masked and "一方面" not in masked.split("另一方面")[0]:
        i = masked.index("另一方面")
        add(i, "另一方面", "另一方面 with no first side", "context")
    elif "一方面" in masked and "另一方面" not in masked:
        i = masked.index("一方面")
        add(i, "一方面", "一方面 with no other side", "context")
    ordinals = [(o.start(), o.group(1)) for o in res.ORDINAL.finditer(masked)]
    if len(ordinals) == 1 or (ordinals and ordinals[0][1] != "一"):
        i, digit = ordinals[0]
        add(i, sentence[i : i + 2], f"{digit}{sentence[i + 1]} with no other points", "context")
    body = masked.rstrip(SENTENCE_MARKS)
    # A short comma-less verb phrase (增强城市规划的科学性。) is a sub-heading; 要… is a sentence.
    # So is a short run of noun phrases (科学管理，精细化管理。): jieba finds no verb in it, where
    # a couplet (荣誉属于过去，创建永无止境。) says something.
    nouns_only = all(tag.startswith("n") or tag in ("vn", "t") for _w, tag in tokens if tag != "x")
    if (
        len(body) <= 14
        and ("，" not in body or (nouns_only and all(len(c) <= 6 for c in body.split("，"))))
        and not masked.endswith("！")
        and not res.MODAL.match(masked)
    ):
        add(0, sentence, "a bare fragment (a sub-heading, not a sentence)", "context")

    # A sentence cut off in the source (…推进老城减量提质，新城。): its last clause is no clause.
    tail = re.split(r"[，,；;]", body)
    if len(tail) > 1 and len(tail[-1]) <= 2:
        cut = len(sentence) - len(tail[-1]) - 1
        add(cut, tail[-1], "a sentence cut off in the source", "context")

    # --- specific: claims about a particular case
    for pattern, why in (
        (res.TIME_DEIXIS, "a time the profile does not give"),
        (res.STAGE, "a stage of the campaign the profile does not give"),
        (res.MEETING_DEIXIS, "a meeting the profile does not describe"),
        (res.LAUNCH, LAUNCH_WORDING),
        (res.PAST_WORDS, "a past event or state reached"),
        (res.FIGURE, "a figure or date"),
        (res.COUNT, "a count, ordinal or ranking"),
        (res.ACHIEVED, "a title, ranking or inspection result"),
        (res.FREQUENCY, "a practice or event said to exist here"),
        (res.PROJECTS, "a named local programme"),
        (res.FACILITY, "a facility the profile does not name"),
        (res.LOCAL_DOCUMENT, LOCAL_DOCUMENT),
    ):
        for m in pattern.finditer(masked):
            text = sentence[m.start() : m.end()].rstrip("，,、 ")
            if text:
                add(m.start(), text, why, "specific")
    for m in res.POSITIONING.finditer(masked):
        add(m.start(1), sentence[m.start(1) : m.end(1)], POSITIONING, "specific")
    unframed = res.FACING.sub("", masked)
    modal = res.MODAL.search(unframed) is not None or res.IMPERATIVE.match(unframed) is not None
    if not modal:
        fp = res.FIRST_PERSON.match(masked)
        if fp is not None and res.PRACTICE.search(masked, fp.end()):
            add(0, fp.group(0), "a practice or event said to exist here", "specific")
        pm = res.PROBLEM.search(masked)
        if pm is not None:
            add(pm.start(), pm.group(0), "a local problem stated as fact", "specific")
    else:
        # 目前X市的公益广告还不够多，要加大力度: a problem stated as fact, then the instruction.
        start = 0
        for clause in re.split(r"(?<=[，,；;：:])", masked):
            framed = res.FACING.sub("", clause)
            if (
                res.MODAL.search(framed)
                or res.IMPERATIVE.match(framed)
                or res.TARGET.match(framed)
                or framed != clause
            ):
                break
            pm = next(
                (
                    m
                    for m in res.PROBLEM.finditer(clause)
                    if m.group(0) != "问题" and not res.ACTS_ON.search(clause, 0, m.start())
                ),
                None,
            )
            if pm is not None:
                add(start + pm.start(), pm.group(0), "a local problem stated as fact", "specific")
                break
            start += len(clause)
    # 从考核标准看，我县…条件具备、基础扎实 / 深化X，X取得新的成效: judged clause by clause, so an
    # instruction elsewhere in the sentence does not make the state a goal.
    start = 0
    for clause in re.split(r"(?<=[，,；;：:])", masked):
        framed = res.FACING.sub("", clause)
        if not (
            res.MODAL.search(framed) or res.IMPERATIVE.match(framed) or res.TARGET.match(framed)
        ):
            sm = res.LOCAL_STATE.search(clause)
            if sm is not None:
                add(
                    start + sm.start(),
                    sm.group(0),
                    "a local situation or result stated as fact",
                    "specific",
                )
        start += len(clause)
    for q in res.QUOTED.finditer(masked):
        inner = q.group(1)
        if "□" in inner:
            continue
        if res.NUMERAL.search(inner) or res.PROGRAMME_END.search(inner):
            add(q.start(), sentence[q.start() : q.end()], "a named local programme", "specific")
    # 《天津文明行为促进条例》: a document titled with a place is that place's own.
    places = _token_starts(sentence, tokens)
    for b in res.BOOK_TITLE.finditer(masked):
        word, tag = places.get(b.start(1), ("", ""))
        if tag in res.NAME_TAGS and word not in res.NATIONAL:
            add(b.start(), sentence[b.start() : b.end()], LOCAL_DOCUMENT, "specific")
    offset = 0
    prev_start = 0
    names = not_names()
    for k, (word, tag) in enumerate(tokens):
        start = sentence.find(word, offset)
        if start < 0:
            continue
        offset = start + len(word)
        if "□" in masked[start:offset]:
            prev_start = start
            continue
        after = tokens[k + 1][0] if k + 1 < len(tokens) else ""
        if (  # 开元广场, 沁泉湖公园: a named square, park or station is that place's own
            tag in res.LANDMARK_NAME_TAGS
            and len(word) >= 2
            and word not in names
            and res.LANDMARK.fullmatch(after)
            and sentence.startswith(after, offset)
        ):
            add(start, word + after, "a named place", "specific")
        if tag == "ul":  # the aspect particle 了: something happened (span: the verb + 了)
            add(
                prev_start,
                sentence[prev_start:offset],
                "a past event or completed action",
                "specific",
            )
        elif tag in res.NAME_TAGS and res.PLACE_NAME.fullmatch(word) and word not in names:
            # jieba tags common nouns (城市, 文明城市) ns too: only a name with a place
            # suffix counts here; the corpus's own names are matched by the checker.
            add(start, word, "a place", "specific")
        elif tag == "m" and len(word) >= 2 and res.COUNT_NUMERAL.search(word) and "几" not in word:
            add(start, word, "a count, ordinal or ranking", "specific")
        prev_start = start
    return sorted(spans, key=lambda s: (s.start, s.kind))


@functools.cache
def default_tokenizer() -> Tokenizer:
    """The tokenizer the checks use when the caller passes none, made once a process.

    Loading its dictionaries takes about 0.2 s: once, not once per draft or sentence.
    """
    from speechkit.tokenize import make_tokenizer

    return make_tokenizer()


def classify(
    sentence: str,
    tokens: Sequence[tuple[str, str]] | None = None,
    *,
    phrases: Iterable[str] | None = None,
) -> Claim:
    """The claim label of one sentence, with the spans that decided it.

    Args:
        sentence: One sentence (see :func:`speechkit.zh.split_sentences`).
        tokens: Its jieba ``(word, pos)`` tokens; tokenized here when ``None``.
        phrases: Set phrases that are not claims (default: ``data/idioms.txt``).

    Examples:
        >>> classify("要坚持两手抓、两手硬，推动创建工作常态长效。").label
        'generic'
        >>> c = classify("今年是创文工作第三年，关键看行动。")
        >>> c.label, [s.text for s in c.specific]
        ('specific', ['今年', '第三年'])
        >>> classify("前几天，我们召开了全市食品安全创建工作推动会。").label
        'specific'
        >>> c = classify("这“八个不”只要有一个“不”，就会影响测评成绩。")
        >>> c.label, c.context[0].text
        ('context', '这“八个不”')
        >>> classify("另一方面，要加强常态管理。").context[0].why
        'points back to something said before'
        >>> classify("创建文明城市是提升城市品质的重要抓手。").label
        'generic'
    """
    if tokens is None:
        tokens = default_tokenizer().pos(sentence)
    masked = mask_idioms(sentence, phrases)
    spans = _spans_of(sentence, masked, tokens)
    if any(s.kind == "specific" for s in spans):
        label: Label = "specific"
    elif spans:
        label = "context"
    else:
        label = "generic"
    return Claim(label, tuple(spans))
