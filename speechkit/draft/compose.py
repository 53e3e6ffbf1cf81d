"""Composing a draft (the library entry of the draft stage): the steps in one direction.

1. Section plan (:mod:`speechkit.draft.plan`).
2. Template skeleton (:mod:`speechkit.draft.skeleton`): the profile's facts, directive lines.
3. Corpus material (:mod:`speechkit.draft.select` over the sentence bank,
   :mod:`speechkit.bank.build`, adapted by :mod:`speechkit.draft.adapt`) fills the
   ``@expand``/``@points`` slots, sized so the draft lands on ``profile.length``.
4. Assembly and numbering (:mod:`speechkit.draft.assemble`).
5. The check (:mod:`speechkit.check`): the draft reviews itself; corpus sentences it rejects are
   left out of the next composition, and a draft over the originality limit is recomposed with a
   tighter per-speech cap.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

from speechkit.bank.build import CorpusModel
from speechkit.bank.originality import MAX_SHARE
from speechkit.check.review import FACT_TWICE
from speechkit.check.run import check_draft
from speechkit.draft import resources as res
from speechkit.draft.adapt import context_for
from speechkit.draft.assemble import NUMBERING, assemble, date_cn
from speechkit.draft.plan import plan_sections
from speechkit.draft.select import LEAD_FLOOR, Piece, Selector
from speechkit.draft.skeleton import Item, parse_skeleton, render_skeleton
from speechkit.model import Draft
from speechkit.profile import Profile
from speechkit.types import PathLike
from speechkit.zh import FULL_SENTENCE_MARKS, split_clauses

__all__ = ["LENGTH_TOLERANCE", "count_chars", "draft", "problem_development"]

#: Compositions tried: each leaves out the corpus sentences the previous one's check rejected.
_ATTEMPTS = 6

#: Tolerance the composer aims inside (the requirement is ±15 %).
_AIM = 0.06

#: The length requirement: a draft outside ``length`` ±15 % has ``stats["length_ok"] = False``
#: (a small corpus cannot supply the material; the draft is never padded with repeated text).
LENGTH_TOLERANCE = 0.15

#: Rounds of corpus sub-points ``@points`` slots may add when the draft is short (one more per
#: 1000 characters of target above 4000), and their size.
_MAX_EXTRA_POINTS = 8

#: Most sub-points of a section: official speeches rarely have more than five or six, and past
#: that corpus sub-points only pad (a reading of six drafts found nine "tasks" of loosely
#: related 范文 in a section; 09_city_civ_commend had eight in one and seven in the next).
_MAX_SECTION_POINTS = 6

_EXTRA_POINT_CHARS = 400

#: Size a sub-point may grow to when the sections are full, and the relevance floor of the
#: sentences it grows with (:data:`speechkit.draft.select.LEAD_FLOOR`, as a profile's own
#: sub-point is developed).
_FULL_POINT_CHARS = 650
_GROW_FLOOR = LEAD_FLOOR

#: Most corpus characters added to a plain paragraph (not a sub-point), as a share of the target
#: length (220 of 4000): the genre's paragraphs run 150–300 characters; a section with few
#: slots (one achievement) would otherwise get one long paragraph of loosely related text. The
#: length is made up by extra corpus sub-points.
_PARAGRAPH_FILL_SHARE = 0.055


def count_chars(text: str) -> int:
    """Length as speechwriters count it: every character except whitespace.

    Examples:
        >>> count_chars("同志们：\\n 今天开会。")
        9
    """
    return sum(1 for ch in text if not ch.isspace())


def _fixed_chars(items: list[Item]) -> int:
    return sum(
        count_chars(it.text) + count_chars(it.lead or "") for it in items if it.kind != "title"
    )


def _query(item: Item, profile: Profile) -> str:
    base = f"{item.lead or ''}{item.text}"
    if item.role == "tasks":
        base += "".join(profile.priorities) + "".join(profile.problems)
    elif item.role == "situation":
        base += "".join(profile.achievements) + "".join(profile.problems)
    return base + profile.campaign


def _lead_topic(lead: str) -> str:
    """What a sub-point is about: its lead without the template's task opener.

    Examples:
        >>> _lead_topic("着力抓好城乡结合部环境治理。")
        '城乡结合部环境治理'
    """
    return res.TASK_OPENER.sub("", lead.strip()).rstrip("。；;，,！")


def _trim_tail(piece: Piece) -> None:
    # A short comma-less sentence is an inline sub-heading; it cannot end a paragraph.
    while piece.sentences and len(piece.sentences[-1]) <= 16 and "，" not in piece.sentences[-1]:
        piece.sentences.pop()


def _fill(items: list[Item], profile: Profile, selector: Selector, target: int) -> None:
    for it in items:  # corpus wording must not repeat what the template already says
        # The full-width marks the templates write (and ；, which ends a point).
        marks = FULL_SENTENCE_MARKS + "；"
        for sentence in split_clauses(f"{it.lead or ''}{it.text}", marks=marks):
            if len(sentence) >= 8:
                selector.remember(sentence)
    fixed = _fixed_chars(items)
    slots = [(it, i) for it in items for i in range(len(it.fills))]
    points = [it for it in items if it.kind == "points"]
    weight = sum(it.fills[i][2] for it, i in slots) + sum(1.5 * it.k for it in points)
    budget = max(target - fixed, 0)
    unit_budget = budget / weight if weight else 0
    for it in points:
        it.pieces = selector.points(
            it.role or "tasks", _query(it, profile), it.k, int(1.5 * it.k * unit_budget)
        )
    others = (*profile.achievements, *profile.problems, *profile.priorities)
    # Sub-points first, so each gets the corpus sentences that best develop its own lead.
    for it, i in sorted(slots, key=lambda s: s[0].kind != "point"):
        _piece, role, w, mood = it.fills[i]
        budget = int(w * unit_budget)
        if it.kind != "point":
            budget = min(budget, int(_PARAGRAPH_FILL_SHARE * target))
        if it.kind == "point" and it.lead:
            got = selector.develop(role, _lead_topic(it.lead), budget, others=others, mood=mood)
        else:
            got = selector.sentences(role, _query(it, profile), budget, mood=mood)
        it.fills[i] = (got, role, w, mood)
    # Second pass: a slot that found little leaves room; spread it over the others.
    for _ in range(3):
        total = _total(items)
        if total >= target * (1 - _AIM) or not slots:
            break
        deficit = target - total
        for it, i in slots:
            piece, role, w, mood = it.fills[i]
            lead = _lead_topic(it.lead) if it.kind == "point" and it.lead else None
            # A slot grows at most half again over its share: a sub-point stays on its lead,
            # and a paragraph does not swell into a page of loosely related text (a section
            # with one achievement has few slots to share the deficit). The extra corpus
            # sub-points below make up the rest.
            cap = int(1.5 * w * unit_budget)
            if it.kind != "point":
                cap = min(cap, int(_PARAGRAPH_FILL_SHARE * target))
            room = min(deficit // len(slots) + 1, cap - piece.chars)
            if room <= 0:
                continue
            selector.more(
                piece,
                role,
                _query(it, profile),
                room,
                mood=mood,
                lead=lead,
                others=others,
            )
    _develop_bare_points(items, selector)
    # Still short: the corpus has no more sentences on the profile's own points. Whole corpus
    # sub-points (a lead with its own paragraph, so the body develops the lead) fill the rest.
    extra_slots = [it for it in items if it.kind == "points"]
    # Sub-points a section already has (the template's own); a section never gets more than
    # _MAX_SECTION_POINTS: past that, corpus sub-points only pad (a reading of six drafts found
    # nine "tasks" of loosely related 范文 in a section).
    own_points: dict[int, int] = {}
    count = 0
    for it in items:
        if it.kind == "h":
            count = 0
        elif it.kind == "point":
            count += 1
        elif it.kind == "points":
            own_points[id(it)] = count
    leads = [it.lead for it in items if it.lead]
    leads += [p.lead for it in items for p in it.pieces if p.lead]
    for _ in range(max(_MAX_EXTRA_POINTS, target // 1000)):  # a long draft needs more
        added = False
        for it in extra_slots:
            deficit = int(target - _total(items))
            if deficit < 60:
                break
            if own_points[id(it)] + len(it.pieces) >= _MAX_SECTION_POINTS:
                continue
            extra = selector.points(
                it.role or "tasks",
                _query(it, profile),
                1,
                min(deficit, _EXTRA_POINT_CHARS),
                avoid=leads,
                need_body=True,
            )
            leads.extend(p.lead for p in extra if p.lead)
            it.pieces.extend(extra)
            added = added or bool(extra)
        if not added:
            break
    # Still short with the sections full: the shortest sub-points of the draft, the profile's
    # and the corpus's, grow with corpus sentences that develop their own lead as closely as
    # a profile's sub-point is developed (Selector.more at the usual floor), never with other
    # topics. Fuller sub-points, not more of them.
    grow: list[tuple[Piece, Item, str, str | None]] = [
        (piece, it, piece.lead, None) for it in extra_slots for piece in it.pieces if piece.lead
    ]
    grow += [
        (it.fills[0][0], it, it.lead, it.fills[0][3])
        for it in items
        if it.kind == "point" and it.lead and it.fills and it.fills[0][0].sentences
    ]

    def size(g: tuple[Piece, Item, str, str | None]) -> int:
        return g[0].chars + (len(g[2]) if g[0].lead is None else 0)  # with the lead

    for g in sorted(grow, key=size):
        deficit = int(target - _total(items))
        if deficit < 60:
            break
        room = min(deficit, _FULL_POINT_CHARS - size(g))
        piece, it, lead, mood = g
        if room > 60:
            selector.more(
                piece, it.role or "tasks", _query(it, profile), room, mood=mood,
                lead=_lead_topic(lead), floor=_GROW_FLOOR,
            )  # fmt: skip
    for it in items:
        for piece in [f[0] for f in it.fills] + it.pieces:
            _trim_tail(piece)
    # Too long: drop corpus sentences from the largest fills.
    while _total(items) > target * (1 + _AIM):
        pieces = [f[0] for it in items for f in it.fills if f[0].sentences]
        pieces += [p for it in items for p in it.pieces if p.sentences]
        if not pieces:
            break
        largest = max(pieces, key=lambda p: p.chars)
        largest.sentences.pop()
        _trim_tail(largest)


def problem_development(problem: str) -> tuple[str, ...]:
    """Generic sentences that fit a problem (the cue rule with the most hits, else generic).

    Examples:
        >>> problem_development("乡镇卫生基础设施仍有短板")[0][:8]
        '基础设施是城市运'
        >>> problem_development("深海潜水器维护保养") == res.PROBLEM_GENERIC
        True
    """
    hits = [(len(cue.findall(problem)), -i) for i, (cue, _) in enumerate(res.PROBLEM_DEVELOPMENT)]
    best, neg_index = max(hits)
    return res.PROBLEM_DEVELOPMENT[-neg_index][1] if best else res.PROBLEM_GENERIC


def _develop_bare_points(items: list[Item], selector: Selector) -> None:
    """A sub-point the corpus found nothing for gets one fitting sentence that claims nothing.

    A bare lead reads like a list, not a speech (第二，部分小区物业管理缺位。, or 第二，强化督查
    考核，严格问责问效。 among developed sub-points). A problem gets a hedged sentence on what
    such a problem means (:data:`~speechkit.draft.resources.PROBLEM_DEVELOPMENT`, no figures),
    since the corpus rarely describes a given problem; a template sub-point says its ``@else``.
    """
    for it in items:
        if it.kind != "point" or not it.fills:
            continue
        if any(piece.sentences for piece, _r, _w, _m in it.fills):
            continue
        choice = None
        if it.lead and all(mood == "negative" for _p, _r, _w, mood in it.fills):
            options = problem_development(_lead_topic(it.lead))
            fresh = [o for o in options if not selector.is_repeat(o)] or [
                o for o in res.PROBLEM_GENERIC if not selector.is_repeat(o)
            ]
            if fresh:
                choice = selector.choose(f"problem:{it.lead}", fresh)
        if choice is None and it.otherwise and not selector.is_repeat(it.otherwise):
            choice = it.otherwise
        if choice is not None:
            it.fills[0][0].sentences.append(choice)
            selector.remember(choice)


def _total(items: list[Item]) -> int:
    total = _fixed_chars(items)
    for it in items:
        total += sum(f[0].chars for f in it.fills)
        total += sum(p.chars for p in it.pieces)
    return total


def _corpus_sentences(items: list[Item]) -> set[str]:
    """Every adapted corpus sentence and lead a composed draft uses."""
    out: set[str] = set()
    for it in items:
        for piece in [f[0] for f in it.fills] + it.pieces:
            out.update(piece.sentences)
            if piece.lead:
                out.add(piece.lead)
    return out


def draft(
    profile: Profile,
    corpus_model: CorpusModel,
    *,
    seed: int | None = None,
    templates_dir: PathLike | None = None,
) -> Draft:
    """Compose a speech draft for ``profile`` from the corpus model.

    Args:
        profile: The validated city profile.
        corpus_model: From :func:`speechkit.bank.build.load_model`.
        seed: Random seed; defaults to ``profile.seed``, else 0. Same inputs and seed give the
            same draft; another seed gives other wording.
        templates_dir: Folder with the four meeting-type templates
            (default: the bundled ``templates/``).

    Returns:
        The :class:`~speechkit.model.Draft` with ``stats`` (chars, target, per-source shares).

    Raises:
        TemplateError: A template is missing or fails to render.
    """
    effective = seed if seed is not None else (profile.seed if profile.seed is not None else 0)
    target = profile.length
    plan = plan_sections(profile, corpus_model.role_order)
    ctx = context_for(profile, corpus_model.names)
    folder = Path(templates_dir) if templates_dir is not None else None
    cap = 0.22
    banned: set[str] = set()
    adapt_memo: dict[tuple[str, tuple[str, ...]], str | None] = {}
    result: Draft | None = None
    # One RNG stream per concern, derived from the seed, so attempts stay reproducible. The
    # skeleton depends on the profile and seed only: rendered once, parsed afresh each attempt
    # (filling mutates the items).
    base = int.from_bytes(hashlib.sha256(f"{effective}".encode()).digest()[:8], "little")
    template_path, rendered = render_skeleton(
        profile, plan, rng=random.Random(base), folder=folder
    )
    for _attempt in range(_ATTEMPTS):
        items = parse_skeleton(rendered, template_path)
        selector = Selector(
            corpus_model, ctx, seed=base + 1, max_chars_per_speech=int(cap * target),
            banned=banned, adapt_memo=adapt_memo,
        )  # fmt: skip
        _fill(items, profile, selector, target)
        numbering = NUMBERING[random.Random(base + 2).randrange(len(NUMBERING))]
        title, paragraphs = assemble(items, profile, numbering)
        text = "\n".join(p.text for p in paragraphs)
        # The draft checks itself with the reviewer any draft gets (speechkit check).
        report = check_draft(Draft(title=title, paragraphs=paragraphs), profile, corpus_model)
        top = max((c.share for c in report.copied), default=0.0)
        chars = count_chars(text)
        result = Draft(
            title=title,
            paragraphs=paragraphs,
            speaker=profile.speaker.title,
            date=date_cn(profile),
            findings=[f.as_json() for f in report.findings],
            stats={
                "chars": chars,
                "target_length": target,
                "length_ok": abs(chars - target) <= LENGTH_TOLERANCE * target,
                "max_share_one_source": round(top, 4),
                "shares": [c.as_json() for c in report.copied],
                "seed": effective,
                "sections": len(plan),
                "meeting_type": profile.meeting.type,
                "template": (
                    f"templates/{Path(template_path).name}" if folder is None else template_path
                ),
                "roles_from": corpus_model.roles_backend,
                "attempts": _attempt + 1,
            },
        )
        # A corpus sentence the check rejects is left out of the next attempt; text the
        # template wrote cannot be left out and stays reported (a template bug).
        corpus_text = _corpus_sentences(items)
        rejected = {cs for f in report.findings for cs in corpus_text if f.sentence.endswith(cs)}
        # A profile fact said twice is reported where it comes second, which may be the
        # template's own sub-point (二是扎实推进公益广告宣传。): the corpus sentence that said it
        # first, elsewhere, is the one to leave out.
        rejected |= {
            cs
            for f in report.findings
            if f.kind == "repeated" and f.detail == FACT_TWICE
            for cs in corpus_text
            if f.span in cs
        }
        if top <= MAX_SHARE and not rejected:
            break
        banned |= rejected
        if top > MAX_SHARE:
            cap *= 0.6
    assert result is not None
    return result
