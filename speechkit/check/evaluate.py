"""Measuring the reviewer on planted problems: recall per kind and false alarms on controls.

A planted case is a sentence of one finding kind (or a clean control) written by hand. It is
put into a real draft as the first sentence after a section heading — where a seam sits when a
writer pastes 范文 together — and the draft is reviewed again. A case is found when a finding
of its kind lands on it; a control raises a false alarm when any finding lands on it.
``repeated`` is planted by copying one of the draft's own sentences into a later section.
Used by ``tests/check/test_planted.py`` and ``benchmarks/check_planted.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from speechkit.check.review import KINDS, Facts, Paragraph, review
from speechkit.zh import split_sentences

__all__ = ["PlantedScore", "plant", "score_planted"]


@dataclass(slots=True)
class PlantedScore:
    """Found and planted counts per kind, and the controls that drew a finding."""

    found: Counter[str] = field(default_factory=Counter)
    planted: Counter[str] = field(default_factory=Counter)
    false_alarms: list[tuple[str, str]] = field(default_factory=list)
    controls: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.planted[kind] if self.planted[kind] else 0.0

    def table(self) -> str:
        """The scores as a plain table."""
        rows = [f"{'kind':<18} found/planted  recall"]
        for kind in KINDS:
            if self.planted[kind]:
                rows.append(
                    f"{kind:<18} {self.found[kind]:>5}/{self.planted[kind]:<7}  "
                    f"{self.recall(kind):.2f}"
                )
        alarms = len(self.false_alarms)
        rows.append(f"{'controls':<18} {alarms:>5}/{self.controls:<7}  false alarms")
        return "\n".join(rows)


def plant(paragraphs: Sequence[Paragraph], sentence: str, *, section: int = 2) -> list[Paragraph]:
    """``paragraphs`` with ``sentence`` opening the first body paragraph of ``section``."""
    out = list(paragraphs)
    seen = 0
    for i, p in enumerate(out):
        if p.heading:
            seen += 1
        elif seen == section:
            out[i] = Paragraph(sentence + _strip_lead(p), heading=False, lead=None)
            return out
    raise ValueError(f"the draft has no body paragraph in section {section}")


def _strip_lead(p: Paragraph) -> str:
    # The planted sentence goes before the paragraph's own text; a sub-point lead (一是…)
    # after it would read as a list, so the paragraph keeps only its body.
    if p.lead and p.text.startswith(p.lead):
        return p.text[len(p.lead) :]
    return p.text


def _copy_plant(paragraphs: Sequence[Paragraph]) -> tuple[list[Paragraph], str]:
    body = [p for p in paragraphs if not p.heading and len(split_sentences(p.text)) > 1]
    source = max(split_sentences(body[0].text), key=len)
    section = 3 if sum(p.heading for p in paragraphs) >= 3 else 2
    return plant(paragraphs, source, section=section), source


def score_planted(
    cases: Mapping[str, Any],
    drafts: Mapping[str, tuple[Sequence[Paragraph], Facts]],
    *,
    model: Any = None,
) -> PlantedScore:
    """Plant every case into the draft of its profile, review, and count.

    Args:
        cases: ``{kind: [{"profile": name, "text": sentence}, ...], "controls": [...],
            "repeated": "copy"}`` (``tests/data/check/planted.yaml``).
        drafts: For each profile name, the draft's paragraphs and its facts.
        model: The corpus model (for corpus names).
    """
    score = PlantedScore()
    for kind, entries in cases.items():
        if kind == "repeated":
            for name, (paragraphs, facts) in drafts.items():
                planted, sentence = _copy_plant(paragraphs)
                score.planted[kind] += 1
                hits = _hits(review(planted, facts=facts, model=model), sentence)
                if kind in hits:
                    score.found[kind] += 1
                else:
                    score.missed.append((kind, f"{name}: {sentence}"))
            continue
        for entry in entries:
            paragraphs, facts = drafts[entry["profile"]]
            sentence = entry["text"]
            hits = _hits(review(plant(paragraphs, sentence), facts=facts, model=model), sentence)
            if kind == "controls":
                score.controls += 1
                if hits:
                    score.false_alarms.append((",".join(sorted(hits)), sentence))
                continue
            score.planted[kind] += 1
            if kind in hits:
                score.found[kind] += 1
            else:
                score.missed.append((kind, sentence))
    return score


def _hits(report: Any, sentence: str) -> set[str]:
    parts = set(split_sentences(sentence))
    return {f.kind for f in report.findings if f.sentence in parts}
