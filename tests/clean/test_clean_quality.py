"""Cleaning quality on the hand-labelled seeds (tests/data/clean/line_labels.json)."""

from __future__ import annotations

import json
from pathlib import Path

from speechkit.segment.evaluate import evaluate_folder


def test_seed_boilerplate_removed_and_speech_kept(corpus_dir: Path, data_dir: Path) -> None:
    starts = json.loads((data_dir / "segment" / "speech_starts.json").read_text("utf-8"))
    labels = json.loads((data_dir / "clean" / "line_labels.json").read_text("utf-8"))
    report = evaluate_folder(corpus_dir, starts, labels)
    assert report.cleaning.boilerplate >= 30  # the labels cover every seed file
    assert report.cleaning.removed_rate >= 0.95
    assert report.cleaning.kept_rate >= 0.98
    assert report.output.removed_rate >= 0.95
    assert report.output.kept_rate >= 0.98
