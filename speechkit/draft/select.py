"""Choosing corpus material for a draft: by role, by TF-IDF relevance, with seeded variety.

Candidates for a slot are the corpus paragraphs of the slot's role, ranked by cosine similarity
(character-bigram TF-IDF) between the paragraph and the slot's query (the profile's priorities,
problems or the sub-point being written) plus a small seeded random jitter, so another seed
picks other, still relevant, wording. Each paragraph is used once per draft, each sentence
once, and no single corpus speech may supply more than ``max_chars_per_speech`` characters
(this keeps the originality share low).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from speechkit.draft import resources as res
from speechkit.draft.adapt import AdaptContext, adapt_sentence
from speechkit.draft.model import SourceRef
from speechkit.draft.model_cache import CorpusModel, Unit
from speechkit.types import Role

__all__ = ["Piece", "Selector"]

#: Weight of the random jitter relative to the cosine similarity (0–1).
JITTER = 0.12
#: Shingle length and overlap above which a sentence counts as a repeat of one already used
#: (scraped corpora repeat speeches with small edits, so exact matching is not enough).
SHINGLE = 8
MAX_OVERLAP = 0.4
#: Roles to borrow from when a role has too little usable material.
NEIGHBOURS: dict[str, tuple[Role, ...]] = {
    "opening": ("significance",),
    "significance": ("situation", "opening"),
    "situation": ("significance", "tasks"),
    "tasks": ("safeguards", "situation"),
    "safeguards": ("tasks",),
    "closing": ("safeguards",),
}


@dataclass(slots=True)
class Piece:
    """Adapted corpus wording: a sub-point lead (optional) and sentences, with their sources."""

    lead: str | None = None
    sentences: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return len(self.lead or "") + sum(len(s) for s in self.sentences)


class Selector:
    """Stateful picker for one draft (remembers what it used).

    Args:
        model: The corpus model.
        ctx: Adaptation context from the profile.
        seed: Random seed of the draft.
        max_chars_per_speech: Cap on characters taken from one corpus speech.
    """

    def __init__(
        self, model: CorpusModel, ctx: AdaptContext, *, seed: int, max_chars_per_speech: int
    ):
        self.model = model
        self.ctx = ctx
        self.rng = random.Random(seed)
        self.max_chars = max_chars_per_speech
        self.used_units: set[int] = set()
        self.used_sentences: set[str] = set()
        self.used_shingles: set[str] = set()
        self.speech_chars: Counter[int] = Counter()
        self._by_role: dict[str, list[int]] = {}
        for i, unit in enumerate(model.units):
            self._by_role.setdefault(unit.role, []).append(i)

    def _ranked(self, roles: Sequence[str], query: str, *, need_lead: bool) -> list[int]:
        sims = self.model.similarity(query)
        out: list[tuple[float, int]] = []
        for rank, role in enumerate(roles):
            for i in self._by_role.get(role, ()):
                if i in self.used_units:
                    continue
                unit = self.model.units[i]
                if need_lead and unit.lead is None:
                    continue
                # Own role first, neighbours after; jitter varies the wording with the seed.
                score = float(sims[i]) + JITTER * self.rng.random() - 0.5 * rank
                out.append((score, i))
        out.sort(key=lambda p: (-p[0], p[1]))
        return [i for _, i in out]

    @staticmethod
    def _shingles(text: str) -> set[str]:
        return {text[i : i + SHINGLE] for i in range(max(len(text) - SHINGLE + 1, 1))}

    def is_repeat(self, text: str) -> bool:
        """Whether ``text`` mostly repeats wording already in the draft."""
        if text in self.used_sentences:
            return True
        shingles = self._shingles(text)
        return len(shingles & self.used_shingles) > MAX_OVERLAP * len(shingles)

    def remember(self, text: str) -> None:
        """Mark ``text`` (template or corpus wording) as used."""
        self.used_sentences.add(text)
        self.used_shingles |= self._shingles(text)

    def _adapted(
        self, unit: Unit, query_vec: dict[int, float] | None = None, mood: str | None = None
    ) -> list[str]:
        """The unit's usable sentences, starting at the one most relevant to the query.

        ``mood``: ``"positive"`` leaves out sentences about problems, ``"negative"`` keeps
        only those.
        """
        kept = []
        for sentence, names in zip(unit.sentences, unit.names, strict=True):
            text = adapt_sentence(sentence, names, self.ctx)
            if text is None or self.is_repeat(text):
                continue
            if mood is not None and (res.PROBLEM_CUES.search(text) is not None) != (
                mood == "negative"
            ):
                continue
            kept.append(text)
        if query_vec is not None and len(kept) > 2:
            scores = [
                sum(w * query_vec.get(j, 0.0) for j, w in self.model.query_weights(t).items())
                for t in kept
            ]
            best = max(range(len(kept)), key=lambda j: (scores[j], -j))
            # A window from the best sentence on keeps the wording coherent and on topic.
            kept = kept[best:] + kept[:best] if best else kept
        return kept

    def _room(self, unit: Unit) -> int:
        return self.max_chars - self.speech_chars[unit.speech]

    def _take(self, i: int, piece: Piece, sentences: list[str], budget: int) -> int:
        unit = self.model.units[i]
        room = self._room(unit)
        taken = 0
        for sentence in sentences:
            if taken >= budget or taken + len(sentence) > room:
                break
            if taken and taken + len(sentence) > budget * 1.3:
                break
            if self.is_repeat(sentence):
                continue
            piece.sentences.append(sentence)
            self.remember(sentence)
            taken += len(sentence)
        if taken:
            self.used_units.add(i)
            self.speech_chars[unit.speech] += taken
            ref = SourceRef(source=unit.source, line=unit.line)
            if ref not in piece.sources:
                piece.sources.append(ref)
        return taken

    def sentences(
        self, role: Role, query: str, budget: int, *, max_units: int = 3, mood: str | None = None
    ) -> Piece:
        """Relevant adapted sentences of ``role`` adding up to about ``budget`` characters."""
        piece = Piece()
        if budget <= 0:
            return piece
        roles = (role, *NEIGHBOURS[role])
        query_vec = self.model.query_weights(query)
        for i in self._ranked(roles, query, need_lead=False):
            if piece.chars >= budget or len(piece.sources) >= max_units:
                break
            unit = self.model.units[i]
            if self._room(unit) < 30:
                continue
            adapted = self._adapted(unit, query_vec, mood)
            if adapted:
                self._take(i, piece, adapted, budget - piece.chars)
        return piece

    def points(self, role: Role, query: str, k: int, budget: int) -> list[Piece]:
        """``k`` corpus sub-points of ``role`` (lead + sentences), about ``budget`` chars in all."""
        pieces: list[Piece] = []
        per_point = max(budget // max(k, 1), 0)
        for i in self._ranked((role, *NEIGHBOURS[role]), query, need_lead=True):
            if len(pieces) >= k:
                break
            unit = self.model.units[i]
            assert unit.lead is not None
            lead = adapt_sentence(unit.lead, (), self.ctx)
            if lead is None or self.is_repeat(lead) or self._room(unit) < 60:
                continue
            lead = lead.rstrip("。！；，") + "。"
            piece = Piece(lead=lead)
            self.remember(lead)
            adapted = self._adapted(unit)
            self._take(i, piece, adapted, max(per_point - len(lead), 0))
            self.used_units.add(i)
            if not piece.sources:
                piece.sources.append(SourceRef(source=unit.source, line=unit.line))
            pieces.append(piece)
        return pieces

    def more(
        self, piece: Piece, role: Role, query: str, budget: int, *, mood: str | None = None
    ) -> int:
        """Append up to ``budget`` more characters of relevant sentences to ``piece``."""
        extra = self.sentences(role, query, budget, max_units=2, mood=mood)
        piece.sentences.extend(extra.sentences)
        for ref in extra.sources:
            if ref not in piece.sources:
                piece.sources.append(ref)
        return extra.chars
