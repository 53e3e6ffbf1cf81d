"""Quality figures of role assignment against hand labels: macro-F1, six and coarse roles.

Labels are a TSV file ``source<TAB>line<TAB>role`` (header line allowed) keyed by the
source file *name* and the 1-based line where a paragraph starts; see
``tests/data/structure/README.md``.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from speechkit.errors import InputError
from speechkit.model import Speech
from speechkit.structure.resources import COARSE
from speechkit.types import ROLES, PathLike, Role

__all__ = ["Scores", "evaluate", "load_labels", "macro_f1", "position_baseline"]


def load_labels(path: PathLike) -> dict[tuple[str, int], Role]:
    """Read a labels TSV into ``{(file name, line): role}``.

    Raises:
        InputError: On an unknown role or a malformed line (names file and line).
    """
    out: dict[tuple[str, int], Role] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for number, row in enumerate(csv.reader(fh, delimiter="\t"), start=1):
            if not row or row[0].startswith("#") or row[0] == "source":
                continue
            if len(row) < 3 or not row[1].isdigit():
                raise InputError("expected source<TAB>line<TAB>role", path=str(path), line=number)
            if row[2] not in ROLES:
                raise InputError(
                    f"unknown role {row[2]!r}; valid: {', '.join(ROLES)}",
                    path=str(path),
                    line=number,
                )
            out[(Path(row[0]).name, int(row[1]))] = row[2]  # type: ignore[assignment]
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str]) -> float:
    """Macro-averaged F1 over ``labels`` (a label absent from both sides is skipped).

    Examples:
        >>> macro_f1(["a", "a", "b"], ["a", "b", "b"], ["a", "b"])
        0.6666666666666666
    """
    scores = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        if tp + fp + fn == 0:
            continue
        scores.append(2 * tp / (2 * tp + fp + fn))
    return float(np.mean(scores)) if scores else 0.0


def position_baseline(speech: Speech) -> list[Role]:
    """Roles from position only: first paragraph opening, last closing, the rest by
    fixed shares of the speech (significance 25 %, situation 15 %, tasks 35 %, safeguards 25 %)."""
    n = len(speech.paragraphs)
    out: list[Role] = []
    for i in range(n):
        x = i / max(n - 1, 1)
        if i == 0:
            out.append("opening")
        elif i == n - 1 and n > 2:
            out.append("closing")
        elif x < 0.25:
            out.append("significance")
        elif x < 0.40:
            out.append("situation")
        elif x < 0.75:
            out.append("tasks")
        else:
            out.append("safeguards")
    return out


@dataclass(frozen=True, slots=True)
class Scores:
    """Macro-F1 figures on the labelled paragraphs found in the speeches."""

    n_labels: int
    n_found: int
    macro_f1: float
    coarse_macro_f1: float
    accuracy: float


def evaluate(
    speeches: Sequence[Speech],
    labels: dict[tuple[str, int], Role],
    *,
    predict: Callable[[Speech], Sequence[Role | None]] | None = None,
) -> Scores:
    """Score predicted roles (``Paragraph.role``, or ``predict(speech)``) against ``labels``.

    A labelled line the segmentation did not make a paragraph start counts as wrong.
    """
    pred_by_key: dict[tuple[str, int], Role | None] = {}
    for sp in speeches:
        roles = predict(sp) if predict else [p.role for p in sp.paragraphs]
        for p, r in zip(sp.paragraphs, roles, strict=True):
            pred_by_key[(Path(sp.source).name, p.line)] = r
    gold = list(labels.values())
    pred = [pred_by_key.get(k) or "none" for k in labels]
    coarse_gold = [COARSE[g] for g in gold]
    coarse_table: dict[str, str] = {str(k): v for k, v in COARSE.items()}
    coarse_pred = [coarse_table.get(p, "none") for p in pred]
    return Scores(
        n_labels=len(labels),
        n_found=sum(k in pred_by_key for k in labels),
        macro_f1=macro_f1(gold, pred, ROLES),
        coarse_macro_f1=macro_f1(coarse_gold, coarse_pred, sorted(set(COARSE.values()))),
        accuracy=float(np.mean([g == p for g, p in zip(gold, pred, strict=True)])) if gold else 0.0,
    )
