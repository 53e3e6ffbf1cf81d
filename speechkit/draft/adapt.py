"""Adapting corpus sentences to the profile: the one place a reused sentence is changed.

A corpus sentence is reused only when its claim label is ``generic``
(:mod:`speechkit.claims.analysis`: no past events, meetings, counts, years, programmes or local
problems of the city it came from) and everything it names is given by the profile: no place
or person name of the corpus (:attr:`CorpusModel.names`) the profile does not give, no person
placeholder (``X同志``), nothing that is not speech (English notes, markup) or that speaks for
another unit (我们街道, 作为老城区, 请县委放心) or addresses a unit the profile does not name
(积极承担…牵头部门责任, 作为…牵头部门，要…, 你们), no 提法 out of date at the meeting
(``data/dated_terms.yaml``) and nothing of another campaign (``data/campaigns.yaml``: a
卫生城市 sentence is never renamed into a 文明城市 speech). The rest is rewritten: place
placeholders (``xx市``) become the profile's city, 市/区/县 words follow the profile's level
(:func:`speechkit.levels.level_terms`), the campaign's own names follow the profile's
(全国文明城市 → 全国文明城区), and ordinals and connectives (一是, 同时，) are dropped because the
composer numbers sub-points itself.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from speechkit.claims.analysis import mask_idioms, strip_opener
from speechkit.claims.terms import campaigns, dated_terms
from speechkit.draft import resources as res
from speechkit.levels import level_terms
from speechkit.segment.placeholders import find_placeholders, left_marks
from speechkit.zh import FULL_SENTENCE_MARKS

if TYPE_CHECKING:
    from speechkit.profile import Profile

__all__ = ["AdaptContext", "adapt_sentence", "context_for", "level_terms"]


@dataclass(frozen=True, slots=True)
class AdaptContext:
    """What the profile allows a reused sentence to say.

    Attributes:
        city: The profile's city/district/county name.
        level: 市, 区 or 县.
        campaign: The profile's campaign (全国文明城市…).
        allowed_names: Names the profile itself mentions (they may stay).
        date: The meeting date (today when the profile gives none).
        given: Everything the profile says, for a unit a sentence addresses by name.
        meeting_type: The profile's meeting type (wording of a launch fits only some).
    """

    city: str
    level: str
    campaign: str
    allowed_names: frozenset[str] = frozenset()
    date: _dt.date = _dt.date(2027, 1, 1)
    given: str = ""
    meeting_type: str | None = None

    @property
    def families(self) -> frozenset[str]:
        """The campaign families of the profile's campaign."""
        return campaigns().families_of(self.campaign)

    @property
    def short(self) -> str | None:
        """Short campaign word (创卫 for 卫生 campaigns), ``None`` to keep the corpus's own."""
        if "卫生" in self.campaign:
            return "创卫"
        if "文明" in self.campaign:
            return None
        return "创建"


def context_for(profile: Profile, names: Iterable[str]) -> AdaptContext:
    """The adaptation context of a profile: one place builds it for drafts and alternatives.

    Args:
        profile: The validated profile.
        names: The corpus's place and person names; those the profile itself mentions may stay.
    """
    given = "\n".join(
        (
            profile.city,
            profile.province or "",
            *profile.achievements,
            *profile.problems,
            *profile.priorities,
            *profile.figures.values(),
        )
    )
    return AdaptContext(
        city=profile.city,
        level=profile.level_char,
        campaign=profile.campaign,
        allowed_names=frozenset(n for n in names if n in given),
        date=profile.meeting.date or _dt.date.today(),
        given="\n".join(
            (given, *profile.figures.keys(), profile.speaker.title, profile.meeting.name or "")
        ),
        meeting_type=profile.meeting.type,
    )


def _addressee_unnamed(sentence: str, given: str) -> bool:
    """Whether ``sentence`` addresses a particular unit that the profile does not name.

    A corpus sentence said to one department (积极承担…牵头部门责任) loses its addressee when it
    is reused: it reads as a sentence without a subject, and who leads is a fact only the
    profile could give. It may stay when its own subject names the unit and the profile names
    it too (市创建办要发挥牵头抓总作用, with 市创建办 in the profile); 你们 is never named.

    Examples:
        >>> _addressee_unnamed("积极承担创建牵头部门责任，形成工作合力。", "")
        True
        >>> _addressee_unnamed("市创建办要发挥牵头抓总作用。", "市创建办统筹推进")
        False
        >>> _addressee_unnamed("对交叉的工作，既要明确牵头部门，又要协调配合。", "")
        False
        >>> _addressee_unnamed("市创文办要切实担负起组织协调的责任。", "")
        True
        >>> _addressee_unnamed("市委要把创建任务列入督查内容。", "")
        False
        >>> _addressee_unnamed("各部门要主动协调配合。", "")
        False
    """
    subject = res.ADDRESSED_SUBJECT.match(sentence)
    if subject is not None and res.OFFICE_SUBJECT.match(subject.group(0)):
        return subject.group(0) not in given  # 市创文办要…: one office's duty
    cue = res.ADDRESSED_UNIT.search(sentence)
    if cue is None:
        return False
    if cue.group(0)[0] in "你贵":
        return True
    return subject is None or subject.group(0) not in given


def _campaign(text: str, ctx: AdaptContext) -> str | None:
    """The campaign's own names in the profile's form; ``None`` for another campaign's text.

    Examples:
        >>> ctx = AdaptContext(city="云溪区", level="区", campaign="全国文明城区")
        >>> _campaign("创建全国文明城市是民心工程，文明城市人人共建。", ctx)
        '创建全国文明城区是民心工程，文明城区人人共建。'
        >>> _campaign("要迎接国家卫生城市复审。", ctx) is None
        True
    """
    table = campaigns()
    if table.foreign(text, ctx.families):
        return None
    text = res.CAMPAIGNS.sub(ctx.campaign, text)
    # A bare 文明城市 / 卫生城市 names the campaign too: use the profile's, without 全国/国家.
    bare = re.sub(r"^(全国|国家)", "", ctx.campaign)
    if bare != ctx.campaign and re.fullmatch(r"(文明|卫生|园林)(城市|城区|县城)", bare):
        text = re.sub(r"(?<![国家全])(?:文明|卫生|园林)(?:城市|城区|县城)", bare, text)
    return text


def _outdated(text: str, day: _dt.date) -> bool:
    masked = mask_idioms(text)
    return any(t.pattern.search(masked) and not t.current_at(day) for t in dated_terms())


def _fill_placeholders(text: str, city: str) -> str | None:
    """Fill place placeholders from the profile; ``None`` when another kind is left.

    Only places can be filled: ``xx市委`` is the organ (the placeholder goes, the level
    rewrite does the rest), ``xx市`` the place (the profile's own). Persons, figures, dates
    and other places (xx社区, 在xx) are facts the profile does not give.

    Examples:
        >>> _fill_placeholders("在xx市委领导下，xx县面貌一新。", "云溪区")
        '在市委领导下，云溪区面貌一新。'
        >>> _fill_placeholders("X同志讲得很好。", "云溪区") is None
        True
    """
    out = text
    for ph in reversed(find_placeholders(text)):
        after = text[ph.end :]
        if ph.kind != "place":
            return None
        if res.PLACEHOLDER_ORGAN.match(after):
            out = out[: ph.start] + out[ph.end :]
        elif res.PLACEHOLDER_PLACE.match(after):
            out = out[: ph.start] + city + out[ph.end + 1 :]
        else:
            return None
    return out


def adapt_sentence(sentence: str, names: tuple[str, ...], ctx: AdaptContext) -> str | None:
    """Adapt one ``generic`` corpus sentence to the profile, or return ``None`` to drop it.

    The caller passes only sentences whose claim label is ``generic`` (the corpus model
    stores the label); this function applies what depends on the profile.

    Args:
        sentence: The corpus sentence.
        names: Place/person names the corpus model found in it.
        ctx: What the profile allows.

    Examples:
        >>> ctx = AdaptContext(city="云溪区", level="区", campaign="全国文明城区")
        >>> adapt_sentence("二是要在xx市委、市政府领导下，全市上下共创全国文明城市。", (), ctx)
        '要在区委、区政府领导下，全区上下共创全国文明城区。'
        >>> adapt_sentence("文明创建让xx市更美丽。", (), ctx)
        '文明创建让云溪区更美丽。'
        >>> adapt_sentence("创建卫生城市的过程，就是加强城市管理的过程。", (), ctx) is None
        True
        >>> adapt_sentence("X同志作了很好的讲话。", (), ctx) is None
        True
        >>> adapt_sentence("濮阳的经验值得学习。", ("濮阳",), ctx) is None
        True
        >>> adapt_sentence("各位局领导要根据责任分工，抓好落实。", (), ctx) is None
        True
        >>> adapt_sentence("The text is new，创建全国文明城市。", (), ctx) is None
        True
        >>> adapt_sentence("作为老城区，我们街道背街小巷多。", (), ctx) is None
        True
        >>> adapt_sentence("要深入开展“七五”普法宣传。", (), ctx) is None
        True
        >>> adapt_sentence("其四，所以，要真心做到务实为民。", (), ctx)
        '要真心做到务实为民。'
    """
    if any(name not in ctx.allowed_names for name in names):
        return None
    if res.NAMED_COMRADE.search(sentence):
        return None
    if res.AUDIENCE_MISMATCH[ctx.level].search(sentence):  # addressed to one bureau's staff
        return None
    if res.SELF_UNIT_MISMATCH[ctx.level].search(sentence):  # spoken for a street/township
        return None
    if _addressee_unnamed(sentence, ctx.given):  # said to one department: whose duty?
        return None
    if res.NOT_SPEECH.search(sentence) or res.JUNK.search(sentence):  # notes, markup, site text
        return None
    if _outdated(sentence, ctx.date):
        return None
    text = _fill_placeholders(strip_opener(sentence), ctx.city)
    # A last guard after filling: no placeholder or blank mark may stay (the check's own rule).
    if text is None or left_marks(text):
        return None
    campaign_text = _campaign(text, ctx)
    if campaign_text is None:
        return None
    if campaign_text != text and "最" in campaign_text:
        # 全国文明城市是…最高荣誉 is not true of 全国文明县城: a superlative stays with its title.
        return None
    text = level_terms(campaign_text, ctx.level).lstrip("，、；：。 ")
    if len(text) < 8 or len(text) > 220:
        return None
    if text[-1] not in FULL_SENTENCE_MARKS + "”":
        text = text.rstrip("；，、：") + "。"
    return text
