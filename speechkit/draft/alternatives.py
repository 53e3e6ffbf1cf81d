"""Other corpus wording for one paragraph of a draft (换一段), and keeping paragraphs (锁定).

:func:`alternatives` ranks the corpus paragraphs of the same role as a draft paragraph by
TF-IDF similarity to it and adapts each to the profile with the adaptation the draft itself
uses (:func:`speechkit.draft.adapt.adapt_sentence`). :func:`apply_locked` puts paragraphs the
writer locked or edited back into a draft regenerated with another seed.
"""

from __future__ import annotations

from typing import Any

from speechkit.bank.build import BankParagraph, CorpusModel
from speechkit.draft.adapt import AdaptContext, adapt_sentence, context_for
from speechkit.draft.compose import count_chars
from speechkit.errors import DraftDataError, ParameterError
from speechkit.model import Draft, DraftParagraph, SourceRef
from speechkit.profile import Profile
from speechkit.zh import SUBPOINT_NUMBER, end_with_period

__all__ = ["alternatives", "apply_locked"]

#: Paragraph kinds that have corpus alternatives (headings and 同志们： do not).
_SWAPPABLE = ("body", "closing")
#: Shortest alternative worth showing (characters): a lone sentence fragment is not a paragraph.
_MIN_CHARS = 30


def _adapted(bank_para: BankParagraph, ctx: AdaptContext) -> tuple[str | None, list[str]]:
    # The draft's own rule: only generic corpus sentences and leads are reused.
    lead = (
        adapt_sentence(bank_para.lead, bank_para.lead_names, ctx)
        if bank_para.lead and bank_para.lead_claim == "generic"
        else None
    )
    sentences = [
        text
        for sentence, names, label in zip(
            bank_para.sentences, bank_para.names, bank_para.claims, strict=True
        )
        if label == "generic" and (text := adapt_sentence(sentence, names, ctx)) is not None
    ]
    return lead, sentences


def alternatives(
    profile: Profile, model: CorpusModel, draft: Draft, index: int, *, limit: int = 5
) -> list[dict[str, Any]]:
    """Ranked corpus wording of the same role for paragraph ``index`` of ``draft``.

    Corpus paragraphs already used in the draft are left out; each alternative is about as
    long as the paragraph it replaces. A sub-point keeps its number (一是…) and gets the corpus
    paragraph's own lead when it has one.

    Args:
        profile: The profile the draft was made from.
        model: The corpus model the draft was made from.
        draft: The draft (possibly edited).
        index: Index into ``draft.paragraphs``.
        limit: Most alternatives returned.

    Returns:
        ``[{"text", "role", "sources": [{"source", "line"}], "lead"}]``, best first.

    Raises:
        ParameterError: ``index`` out of range or naming a heading or salutation, or a bad limit.
    """
    n = len(draft.paragraphs)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < n:
        raise ParameterError("index", index, f"a paragraph index from 0 to {n - 1}")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ParameterError("limit", limit, "a whole number of at least 1")
    para = draft.paragraphs[index]
    if para.kind not in _SWAPPABLE or para.role is None:
        raise ParameterError(
            "index", index, "a body paragraph (headings and the salutation have no alternatives)"
        )
    used = {(s.source, s.line) for p in draft.paragraphs for s in p.sources}
    ctx = context_for(profile, model.names)
    # The composer's sub-point numbering (一是 / 第一，) at the start of a lead: an alternative
    # keeps the draft's number and takes the corpus lead after it.
    number_match = SUBPOINT_NUMBER.match(para.lead or "")
    number = number_match.group(0) if number_match else None
    target = max(count_chars(para.text), 60)
    sims = model.similarity(para.text + "".join(profile.priorities))
    ranked = sorted(
        (i for i, bank_para in enumerate(model.paragraphs) if bank_para.role == para.role),
        key=lambda i: (-float(sims[i]), i),
    )
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i in ranked:
        bank_para = model.paragraphs[i]
        if (bank_para.source, bank_para.line) in used:
            continue
        lead, sentences = _adapted(bank_para, ctx)
        body: list[str] = []
        for sentence in sentences:
            if body and count_chars("".join(body) + sentence) > 1.3 * target:
                break
            body.append(sentence)
        new_lead = None
        if number is not None and lead is not None:
            new_lead = number + end_with_period(lead)
        elif lead is not None:
            body.insert(0, lead)
        text = (new_lead or "") + "".join(body)
        if count_chars("".join(body)) < _MIN_CHARS or text in seen:
            continue
        seen.add(text)
        out.append(
            {
                "text": text,
                "role": bank_para.role,
                "lead": new_lead,
                "sources": [{"source": bank_para.source, "line": bank_para.line}],
            }
        )
        if len(out) >= limit:
            break
    return out


def _locked_items(locked: Any) -> list[dict[str, Any]]:
    if not isinstance(locked, list):
        raise DraftDataError("locked", 'must be a list of {"index": number, "text": text}')
    for j, item in enumerate(locked):
        index = item.get("index") if isinstance(item, dict) else None
        if not isinstance(index, int) or isinstance(index, bool) or index < 0:
            raise DraftDataError(f"locked[{j}].index", "is required, a whole number ≥ 0")
        if not isinstance(item.get("text"), str) or not item["text"].strip():
            raise DraftDataError(f"locked[{j}].text", "is required and must be non-empty text")
    return sorted(locked, key=lambda item: item["index"])


def apply_locked(draft: Draft, locked: Any) -> Draft:
    """Put locked or edited paragraphs back into a (regenerated) draft.

    Each item ``{"index", "text"}`` (optionally with ``role``, ``kind``, ``lead`` and
    ``sources`` from the draft it was locked in) replaces the paragraph at ``index`` when that
    is a body paragraph (a heading, for ``"kind": "heading"``) of the same role; otherwise the
    nearest free one of that kind and role, and when there is none it is inserted at
    ``index``. Another seed may plan other sub-points, so the index alone cannot be trusted.
    ``stats["chars"]`` is recounted and ``stats["locked"]`` lists where the locked
    paragraphs now are.

    Raises:
        DraftDataError: ``locked`` is not a list of ``{"index": number, "text": text}``.

    Examples:
        >>> d = Draft("讲话", [DraftParagraph("同志们：", role="opening", kind="salutation"),
        ...                    DraftParagraph("新的一段。", role="tasks")])
        >>> out = apply_locked(d, [{"index": 1, "text": "锁定的一段。"}])
        >>> [p.text for p in out.paragraphs], out.stats["locked"]
        (['同志们：', '锁定的一段。'], [1])
    """
    items = _locked_items(locked)
    paragraphs = list(draft.paragraphs)
    taken: set[int] = set()
    for item in items:
        role = item.get("role")
        index = item["index"]
        # An edited section heading goes to a heading, a body paragraph to a body paragraph.
        kinds = ("heading",) if item.get("kind") == "heading" else _SWAPPABLE
        candidates = sorted(
            (
                i
                for i, p in enumerate(paragraphs)
                if i not in taken and p.kind in kinds and (role is None or p.role == role)
            ),
            key=lambda i: (abs(i - index), i),
        )
        text = item["text"]
        lead = item.get("lead") if isinstance(item.get("lead"), str) else None
        sources = [
            SourceRef(str(s["source"]), int(s["line"]))
            for s in item.get("sources") or []
            if isinstance(s, dict) and "source" in s and isinstance(s.get("line"), int)
        ]
        if candidates:
            at = candidates[0]
            old = paragraphs[at]
            paragraphs[at] = DraftParagraph(
                text=text, role=old.role, level=old.level,
                heading=text if old.kind == "heading" else old.heading,
                lead=lead if lead and text.startswith(lead) else None, kind=old.kind,
                sources=sources,
            )  # fmt: skip
        else:
            at = min(index, len(paragraphs))
            before = paragraphs[at - 1] if at else None
            heading = "heading" in kinds
            paragraphs.insert(
                at,
                DraftParagraph(
                    text=text, role=role or (before.role if before else None),
                    heading=text if heading else (before.heading if before else None),
                    level=1 if heading else None, kind="heading" if heading else "body",
                    lead=lead if lead and text.startswith(lead) else None, sources=sources,
                ),
            )  # fmt: skip
            taken = {i + 1 if i >= at else i for i in taken}
        taken.add(at)
    stats = dict(draft.stats)
    stats["chars"] = count_chars("\n".join(p.text for p in paragraphs))
    stats["locked"] = sorted(taken)
    return Draft(
        title=draft.title,
        paragraphs=paragraphs,
        speaker=draft.speaker,
        date=draft.date,
        stats=stats,
    )
