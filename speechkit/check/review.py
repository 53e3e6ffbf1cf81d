"""The reviewer (审稿): every problem of a draft, by paragraph and sentence.

:func:`review` reads a draft as paragraphs and reports, for each sentence, what a careful
speechwriter would mark:

- ``unsupported_claim``: a specific claim (:mod:`speechkit.claims.analysis`) the facts of the
  speech (the profile, or what the title says) do not support;
- ``foreign_name``: a place or person name of the corpus that the facts do not give, or a place
  name the corpus never uses (written in by hand);
- ``placeholder``: xx, X市, **, 某某, 【】, ____ left in
  (:func:`speechkit.segment.placeholders.left_marks`);
- ``outdated``: a 提法 not current at the meeting date (``data/dated_terms.yaml``);
- ``dangling``: a sentence that leans on something the draft never said;
- ``wrong_campaign``: another campaign's name or work (``data/campaigns.yaml``);
- ``wrong_level``: a 市/区/县 word of another level (:func:`speechkit.levels.wrong_level`);
- ``repeated``: a sentence, a profile fact or a sub-point topic said twice, or a paragraph
  making one point twice in two 范文's words (:func:`speechkit.claims.restate.restatement`).

The draft stage runs the same review on its own output (:mod:`speechkit.draft.compose`).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from speechkit.claims import resources as res
from speechkit.claims.analysis import (
    LOCAL_DOCUMENT,
    Span,
    classify,
    default_tokenizer,
    fits_meeting,
    mask_idioms,
    strip_opener,
)
from speechkit.claims.restate import restatement
from speechkit.claims.terms import campaigns, dated_terms, not_names
from speechkit.levels import wrong_level
from speechkit.segment.placeholders import left_marks
from speechkit.tokenize.resources import PLACE_DICT_SUFFIXES
from speechkit.zh import CAMPAIGN_VERBS, CJK_RUN, NUMERALS, split_sentences, topic_words

if TYPE_CHECKING:
    from speechkit.bank.build import CorpusModel
    from speechkit.profile import Profile
    from speechkit.tokenize.base import Tokenizer

__all__ = [
    "FACT_TWICE",
    "KINDS",
    "Copied",
    "Facts",
    "Finding",
    "Paragraph",
    "Report",
    "facts_from_profile",
    "facts_from_title",
    "review",
]

#: Every finding kind, in the order the table lists them.
KINDS = (
    "unsupported_claim",
    "foreign_name",
    "placeholder",
    "outdated",
    "dangling",
    "wrong_campaign",
    "wrong_level",
    "repeated",
)
#: Reasons (claims.Span.why) that frame a fact rather than state one: the sentence is the
#: profile's when it states one of the profile's own items (近年来，我们完成了…[the item]).
_FRAMING = frozenset(
    {
        "a time the profile does not give",
        "a stage of the campaign the profile does not give",
        "a past event or state reached",
        "a past event or completed action",
        "a practice or event said to exist here",
        "a title, ranking or inspection result",
        "a local problem stated as fact",
        "a local situation or result stated as fact",
        "a count, ordinal or ranking",
        "a figure or date",
    }
)
#: The detail of a ``repeated`` finding for a profile item stated twice (the draft stage leaves
#: out the corpus sentence that stated it).
FACT_TWICE = "a profile fact said a second time"
#: Shingle length and overlap at which a sentence repeats an earlier one.
_SHINGLE = 6
_REPEAT_OVERLAP = 0.6
#: Bigram overlap at which two sub-point leads are on one topic.
_SAME_TOPIC = 0.5
#: A salutation paragraph (同志们：, 各位领导、同志们：).
_SALUTATION = re.compile(r"[\u4e00-\u9fff、，,]{2,20}[：:]")
#: Share copied from one corpus speech above which a draft is not clean (the draft limit).
MAX_COPIED = 0.35


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: where (1-based paragraph number, the sentence), what, and why.

    ``line`` is the source line of the paragraph when the draft was read from a file.
    """

    paragraph: int
    sentence: str
    kind: str
    span: str
    detail: str
    line: int | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "paragraph": self.paragraph,
            "sentence": self.sentence,
            "kind": self.kind,
            "span": self.span,
            "detail": self.detail,
        }
        if self.line is not None:
            out["line"] = self.line
        return out


@dataclass(frozen=True, slots=True)
class Copied:
    """The share of the draft's 13-grams found in one corpus speech (or its near-copies)."""

    source: str
    first_line: int
    last_line: int
    share: float
    copies: int = 1

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "first_line": self.first_line,
            "last_line": self.last_line,
            "share": self.share,
            "copies": self.copies,
        }


@dataclass(slots=True)
class Report:
    """What :func:`review` found in one draft."""

    source: str
    findings: list[Finding] = field(default_factory=list)
    copied: list[Copied] = field(default_factory=list)
    paragraphs: int = 0

    @property
    def clean(self) -> bool:
        """No finding and no corpus speech supplying more than :data:`MAX_COPIED`."""
        return not self.findings and all(c.share <= MAX_COPIED for c in self.copied)

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``speechkit check --format json`` (fields only ever added)."""
        return {
            "source": self.source,
            "clean": self.clean,
            "findings": [f.as_json() for f in self.findings],
            "copied": [c.as_json() for c in self.copied],
            "paragraphs": self.paragraphs,
        }


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph as the reviewer sees it: its text and whether it is a heading."""

    text: str
    heading: bool = False
    lead: str | None = None


@dataclass(frozen=True, slots=True)
class Facts:
    """What the speech may say: its place, level, campaign, date and the profile's items.

    Attributes:
        city: The place (青岚市), or None when unknown.
        level: 市, 区 or 县, or None when unknown (no level check).
        families: Campaign families of the speech (empty: no campaign check).
        date: The meeting date (outdated 提法 are judged at it).
        items: The profile's statements (achievements, problems, priorities, figures, the
            meeting); a sentence stating one of them is the profile's claim.
        text: Everything the facts say, for looking up single words (names, numbers).
        problems: The profile's problems (a problem stated as fact must be one of them).
        given: Whether the facts come from a profile (else from the draft's title).
        meeting_type: 动员会 | 推进会 | 部署会 | 总结表彰会, or None when unknown; wording that
            makes the meeting the launch (从今天起) fits only some (:func:`fits_meeting`).
    """

    city: str | None
    level: str | None
    families: frozenset[str]
    date: _dt.date
    items: tuple[str, ...] = ()
    text: str = ""
    problems: tuple[str, ...] = ()
    given: bool = False
    meeting_type: str | None = None


def _date_forms(day: _dt.date | None) -> list[str]:
    if day is None:
        return []
    return [f"{day.year}年{day.month}月{day.day}日", f"{day.year}年", f"{day.month}月{day.day}日"]


def facts_from_profile(profile: Profile, *, today: _dt.date | None = None) -> Facts:
    """The facts a profile gives."""
    figures = [f"{k}{v}" for k, v in profile.figures.items()]
    items = (
        *profile.achievements,
        *profile.problems,
        *profile.priorities,
        *profile.figures.values(),
        *figures,
        profile.meeting.name or "",
    )
    texts = (
        profile.city,
        profile.province or "",
        profile.campaign,
        profile.speaker.title,
        *profile.figures.keys(),
        *items,
        *_date_forms(profile.meeting.date),
    )
    return Facts(
        city=profile.city,
        level=profile.level_char,
        families=campaigns().families_of(profile.campaign),
        date=profile.meeting.date or today or _dt.date.today(),
        items=tuple(i for i in items if i),
        text="\n".join(t for t in texts if t),
        problems=tuple(profile.problems),
        given=True,
        meeting_type=profile.meeting.type,
    )


_TITLE_PLACE = re.compile(
    r"(?:在|关于)?([\u4e00-\u9fff]{2,8}?[市区县])"
    rf"(?=[\u4e00-\u9fff]{{0,4}}(?:{'|'.join(CAMPAIGN_VERBS)}|全国|国家|文明|卫生))"
)
_DATELINE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
#: The meeting type a title names (…总结表彰大会上的讲话), most telling word first: a 动员部署会
#: starts the work like a 动员会.
_TITLE_MEETING = (("表彰", "总结表彰会"), ("总结", "总结表彰会"), ("动员", "动员会"),
                  ("部署", "部署会"), ("推进", "推进会"))  # fmt: skip


def facts_from_title(title: str, dateline: str = "", *, today: _dt.date | None = None) -> Facts:
    """The facts a draft's own title and dateline give, for a draft checked without a profile.

    Examples:
        >>> f = facts_from_title("在青岚市创建全国文明城市动员大会上的讲话", "（2027年4月10日）")
        >>> f.city, f.level, sorted(f.families), f.date.isoformat(), f.meeting_type
        ('青岚市', '市', ['文明'], '2027-04-10', '动员会')
    """
    m = _TITLE_PLACE.search(title)
    city = m.group(1) if m else None
    d = _DATELINE.search(dateline or title)
    day = today or _dt.date.today()
    if d is not None:
        with contextlib.suppress(ValueError):  # an impossible dateline: judge at today
            day = _dt.date(int(d.group(1)), int(d.group(2)), int(d.group(3)))
    meeting = re.sub(r"^在|上的(?:讲话|发言|致辞|报告)$", "", title)
    return Facts(
        city=city,
        level=city[-1] if city else None,
        families=campaigns().families_of(title),
        date=day,
        items=(meeting,) if meeting else (),
        text="\n".join(t for t in (title, dateline) if t),
        given=False,
        meeting_type=next((kind for word, kind in _TITLE_MEETING if word in meeting), None),
    )


#: Who a local document belongs to, before its name (我市, 市委、市政府出台的).
_DOCUMENT_OWNER = re.compile(
    r"^(?:[我本全][市区县州镇乡]的?|[市区县][委政府、市区县]*(?:出台|制定|印发|下发|颁布|发布)的)"
)


def _document_name(span: str) -> str:
    """The name of a local document without its owner and title marks.

    Examples:
        >>> _document_name("我市乡村振兴战略实施方案")
        '乡村振兴战略实施方案'
        >>> _document_name("市委、市政府出台的《关于加强城市管理的实施意见》")
        '关于加强城市管理的实施意见'
    """
    return _DOCUMENT_OWNER.sub("", span).strip("《》“”\" ")


def _bigrams(text: str) -> set[str]:
    return {r[i : i + 2] for r in CJK_RUN.findall(text) for i in range(len(r) - 1)}


def _states(sentence: str, item: str, grams: set[str] | None = None) -> bool:
    """Whether ``sentence`` states the profile ``item`` (verbatim, or 3/4 of its bigrams).

    Examples:
        >>> _states("近年来，我们完成了老旧小区的改造提升。", "完成老旧小区改造提升")
        True
    """
    item = item.strip("。；;，, ")
    if not item:
        return False
    if item in sentence:
        return True
    wanted = _bigrams(item)
    have = grams if grams is not None else _bigrams(sentence)
    return len(wanted) >= 4 and len(wanted & have) >= 0.75 * len(wanted)


class _Reviewer:
    def __init__(
        self,
        paragraphs: Sequence[Paragraph],
        facts: Facts,
        model: CorpusModel | None,
        tokenizer: Tokenizer,
    ) -> None:
        self.paragraphs = paragraphs
        self.facts = facts
        self.model = model
        self.tokenizer = tokenizer
        self.findings: list[Finding] = []
        self.headings = sum(1 for p in paragraphs if p.heading)
        self.seen_shingles: list[set[str]] = []
        self.said_before = ""
        names = set(model.names) if model is not None else set()
        # 孟州市 in the corpus: 孟州 alone names it too.
        names |= {n[:-1] for n in names if len(n) >= 3 and n[-1] in "省市区县镇乡州"}
        self.corpus_names = frozenset(names)
        self.allowed_names = frozenset(n for n in names if n in facts.text)

    def add(self, number: int, sentence: str, kind: str, span: str, detail: str) -> None:
        if any(
            f.paragraph == number and f.sentence == sentence and f.kind == kind
            for f in self.findings
        ):
            return
        self.findings.append(Finding(number, sentence, kind, span, detail))

    # ---------------------------------------------------------------- per sentence

    def claims(self, number: int, sentence: str, first: bool, para: str) -> None:
        tokens = self.tokenizer.pos(sentence)
        # A sub-point's own numbering (第二，/二是) is the speech's structure, not a claim.
        claim = classify(strip_opener(sentence) if first else sentence, tokens)
        grams = _bigrams(sentence)
        states = [i for i in self.facts.items if _states(sentence, i, grams)]
        unsupported: list[Span] = []
        for span in claim.specific:
            bare = span.text.strip('“”"「」 ')
            if bare and bare in self.facts.text:
                continue
            if span.why == LOCAL_DOCUMENT and _document_name(bare) in self.facts.text:
                continue  # the profile gives the document (乡村振兴战略实施方案), under any owner
            if span.why == "a local problem stated as fact":
                if any(_states(sentence, p, grams) for p in self.facts.problems):
                    continue
            elif span.why in _FRAMING and states:
                continue
            if span.why == "a meeting the profile does not describe" and (
                states or self.facts.given
            ):
                continue  # 今天/这次会议 is the profile's own meeting
            if fits_meeting(span, self.facts.meeting_type):
                continue  # 从今天起 at the 动员会 that launches the work
            if self._announce_ok(sentence, span):
                continue
            unsupported.append(span)
        if unsupported:
            first_span = unsupported[0]
            why = "; ".join(dict.fromkeys(s.why for s in unsupported))
            detail = (
                f"{why} — the profile does not say so"
                if self.facts.given
                else (f"{why} — check that it is true of this place and meeting")
            )
            self.add(number, sentence, "unsupported_claim", first_span.text, detail)
        for span in claim.context:
            if self._context_ok(span, sentence, first, para):
                continue
            self.add(number, sentence, "dangling", span.text, span.why)
        self.names(number, sentence, tokens)

    def _announce_ok(self, sentence: str, span: Span) -> bool:
        # 下面我讲三点意见: fine when the speech has that many sections.
        m = re.search(r"讲([一二三四五六七八九十两])点", sentence)
        if m is None or not (span.text in sentence[: m.end()] or span.text in m.group(0) + "意见"):
            return False
        return "一两三四五六七八九十".find(m.group(1).replace("二", "两")) + 1 == self.headings

    def _context_ok(self, span: Span, sentence: str, first: bool, para: str) -> bool:
        if span.why == "points back to something said before":
            # Inside a paragraph, or at the start of one that follows a body paragraph,
            # 这/这些/但也要看到 has something before it; after a heading it has nothing.
            return not first or self.after_body
        if span.why == "announces what follows":
            if self._announce_ok(sentence, span):
                return True
            return sentence.rstrip().endswith(("：", ":")) and bool(
                re.search(r"[一1][是、.）)]", para[para.find(sentence) + len(sentence) :][:8])
            )
        if span.why == "a bare fragment (a sub-heading, not a sentence)":
            return first  # a short first sentence is the paragraph's lead
        if span.why == "refers to a list not given here":
            ref = re.sub(r"^(?:这|上述|以上|前述|前面的?)", "", span.text).strip('“”"')
            return bool(ref) and ref in self.said_before
        if span.why.endswith("with no other points"):
            return bool(res.ORDINAL.search(para.replace(sentence, "", 1)))
        return False

    def names(self, number: int, sentence: str, tokens: Sequence[tuple[str, str]]) -> None:
        names = self.corpus_names
        if not names:
            return
        for word, _tag in tokens:
            hit = (
                word
                if word in names
                else next(
                    (
                        word[i:j]
                        for i in range(len(word))
                        for j in range(i + 2, len(word) + 1)
                        if word[i:j] in names and (i, j) != (0, len(word))
                    ),
                    None,
                )
            )
            if hit is None or hit in self.allowed_names or hit in self.facts.text:
                continue
            self.add(
                number, sentence, "foreign_name", hit,
                "a place or person from the corpus that the profile does not give",
            )  # fmt: skip
        for word, _tag in tokens:
            if self._new_place(word):
                self.add(
                    number, sentence, "foreign_name", word,
                    "a place the profile does not give (not from the corpus)",
                )  # fmt: skip

    def _new_place(self, word: str) -> bool:
        """Whether ``word`` is a place name written into the draft, not taken from the corpus.

        大连在这方面走在了前面: a name the writer added. It is a place when jieba's dictionary
        lists it with a place suffix as a place (大连市, 张家港市 ``ns``; its entries for 大连
        and 张家港 themselves say ``d`` and ``nr``), the rule :class:`~speechkit.tokenize.names.
        NameTest` calls "dictionary". The corpus decides what is an ordinary word instead of
        rarity: only a word the corpus never uses can count (朝阳 of 朝阳产业 is a word of it
        when it is used), so nothing is reported without a model.
        """
        if self.model is None or len(word) < 2 or word in self.model.word_idf:
            return False
        if word in self.facts.text or word in self.allowed_names or word in not_names():
            return False
        return any(
            self.tokenizer.pos(word + suffix) == [(word + suffix, "ns")]
            for suffix in PLACE_DICT_SUFFIXES
        )

    def placeholders(self, number: int, sentence: str) -> None:
        marks = left_marks(sentence)
        if marks:
            self.add(number, sentence, "placeholder", marks[0][1], "a placeholder left to fill in")

    def outdated(self, number: int, sentence: str) -> None:
        masked = mask_idioms(sentence)
        for term in dated_terms():
            m = term.pattern.search(masked)
            if m is not None and not term.current_at(self.facts.date):
                self.add(
                    number, sentence, "outdated", sentence[m.start() : m.end()],
                    f"current {term.period()}, not at {self.facts.date.isoformat()}; "
                    f"use {term.current}",
                )  # fmt: skip

    def campaign(self, number: int, sentence: str) -> None:
        if not self.facts.families:
            return
        for _start, word, family in campaigns().foreign(sentence, self.facts.families):
            if word in self.facts.text:
                continue
            own = "/".join(sorted(self.facts.families))
            self.add(
                number, sentence, "wrong_campaign", word,
                f"{family} campaign wording in a {own} speech",
            )  # fmt: skip
            return

    def level(self, number: int, sentence: str) -> None:
        if self.facts.level is None:
            return
        hit = wrong_level(sentence, self.facts.level)
        if hit is not None and hit[1] not in self.facts.text:
            self.add(
                number, sentence, "wrong_level", hit[1],
                f"a level word that is not this {self.facts.level}'s own",
            )  # fmt: skip

    def repeats(self, number: int, sentence: str) -> None:
        core = "".join(CJK_RUN.findall(sentence))
        if len(core) < 10:
            return
        shingles = {core[i : i + _SHINGLE] for i in range(len(core) - _SHINGLE + 1)}
        for earlier in self.seen_shingles:
            if len(shingles & earlier) >= _REPEAT_OVERLAP * min(len(shingles), len(earlier)):
                self.add(
                    number, sentence, "repeated", sentence[:12],
                    "says again what an earlier sentence said",
                )  # fmt: skip
                break
        self.seen_shingles.append(shingles)

    def restated(self, number: int, sentences: Sequence[str], k: int) -> None:
        span = restatement(sentences[:k], sentences[k])
        if span is not None:
            self.add(
                number, sentences[k], "repeated", span,
                "says again what the paragraph just said (a second summing-up opener in a row,"
                " or a second judgement of the same subject)",
            )  # fmt: skip

    # ---------------------------------------------------------------- whole draft

    def facts_twice(self) -> None:
        numbered = [(i + 1, p.text) for i, p in enumerate(self.paragraphs)]
        for item in dict.fromkeys(self.facts.items):
            if len(item) < 4 or item == self.facts.city:
                continue
            longer = [o for o in self.facts.items if item in o and o != item]
            hits = [
                (n, s)
                for n, t in numbered
                for s in split_sentences(t)
                if item in s and not any(o in s for o in longer)
            ]
            if len(hits) > 1:
                n, s = hits[1]
                self.add(n, s, "repeated", item, FACT_TWICE)

    def topics_twice(self) -> None:
        leads: list[tuple[int, str, set[str]]] = []
        for i, p in enumerate(self.paragraphs):
            if p.heading:  # an achievement and the task that builds on it are two sections
                leads = []
            elif p.lead:
                topic = _bigrams(topic_words(p.lead))
                for n, lead, grams in leads:
                    small = min(len(grams), len(topic))
                    if small >= 2 and len(grams & topic) >= _SAME_TOPIC * small:
                        self.add(
                            i + 1, p.lead, "repeated", p.lead,
                            f"a sub-point on the same topic as paragraph {n} ({lead})",
                        )  # fmt: skip
                        break
                leads.append((i + 1, p.lead, topic))

    def numbering(self) -> None:
        """Sub-points of a section run 一, 二, 三…: a lone 一是 or a gap is a seam."""
        section: list[tuple[int, int, str, int]] = []

        def close() -> None:
            for k, (number, value, sentence, style) in enumerate(section):
                expected = k + 1
                lone = value == 1 and len(section) == 1
                if value != expected or lone or style != section[0][3]:
                    why = (
                        "一 with no 二 after it"
                        if len(section) == 1
                        else (f"sub-point {value} where {expected} was due")
                    )
                    self.add(number, sentence, "dangling", sentence[:3], why)
                    return

        for i, para in enumerate(self.paragraphs):
            if para.heading:
                close()
                section = []
                continue
            m = res.SUBPOINT.match(para.text)
            if m is not None:
                first = split_sentences(para.text)[0]
                style, digit = next((k, g) for k, g in enumerate(m.groups()) if g)
                section.append((i + 1, NUMERALS.index(digit) + 1, first, style))
        close()

    def run(self) -> list[Finding]:
        self.after_body = False
        for i, para in enumerate(self.paragraphs):
            number = i + 1
            sentences = split_sentences(para.text)
            salutation = i == 0 and _SALUTATION.fullmatch(para.text.strip()) is not None
            for k, sentence in enumerate(sentences):
                self.placeholders(number, sentence)
                self.outdated(number, sentence)
                self.campaign(number, sentence)
                self.level(number, sentence)
                if not para.heading and not salutation:
                    self.claims(number, sentence, k == 0, para.text)
                    self.repeats(number, sentence)
                    self.restated(number, sentences, k)
                self.said_before += sentence
            self.after_body = not para.heading and not salutation
        self.numbering()
        self.facts_twice()
        self.topics_twice()
        order = {k: i for i, k in enumerate(KINDS)}
        return sorted(self.findings, key=lambda f: (f.paragraph, order[f.kind]))


def copied_shares(model: CorpusModel, text: str, *, top: int = 10) -> list[Copied]:
    """The corpus speeches (near-copies counted as one) the draft's wording comes from."""
    from speechkit.bank.originality import shares

    out: list[Copied] = []
    for gid, share in list(shares(model.grams, text).items())[:top]:
        if share < 0.01:
            break
        source, first, last = model.speeches[gid]
        out.append(Copied(source, first, last, share, copies=model.group_sizes.get(gid, 1)))
    return out


def review(
    paragraphs: Sequence[Paragraph],
    *,
    facts: Facts,
    model: CorpusModel | None = None,
    source: str = "draft",
    tokenizer: Tokenizer | None = None,
) -> Report:
    """Review a draft.

    Args:
        paragraphs: The draft's paragraphs after the title block (salutation first).
        facts: What the speech may say (:func:`facts_from_profile` or
            :func:`facts_from_title`).
        model: The corpus model, for corpus names and the copied share; ``None`` skips both.
        source: The draft's name in the report.
        tokenizer: A tokenizer (default: :func:`~speechkit.claims.analysis.default_tokenizer`).

    Returns:
        The :class:`Report`; ``paragraph`` numbers count from 1 (the salutation).
    """
    reviewer = _Reviewer(paragraphs, facts, model, tokenizer or default_tokenizer())
    report = Report(source=source, findings=reviewer.run(), paragraphs=len(paragraphs))
    if model is not None:
        report.copied = copied_shares(model, "\n".join(p.text for p in paragraphs))
    return report
