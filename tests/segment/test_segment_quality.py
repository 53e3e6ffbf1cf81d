"""Segmentation quality on hand labels: the seeds, synthetic and held-out compilations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from speechkit.corpus import open_corpus
from speechkit.segment.evaluate import evaluate_documents, evaluate_folder


def test_seed_speech_boundaries(corpus_dir: Path, data_dir: Path) -> None:
    starts = json.loads((data_dir / "segment" / "speech_starts.json").read_text("utf-8"))
    labels = json.loads((data_dir / "clean" / "line_labels.json").read_text("utf-8"))
    report = evaluate_folder(corpus_dir, starts, labels, tolerance=2)
    assert report.boundaries.expected == 24
    assert report.boundaries.recall >= 0.90
    assert report.boundaries.precision >= 0.90
    assert report.titles >= 0.9 * report.titles_expected


@pytest.mark.parametrize("name", ["compilation_a.txt", "compilation_b.txt", "compilation_c.txt"])
def test_synthetic_compilation_generalizes(data_dir: Path, name: str) -> None:
    """Compilations written for this test: other wording, other sites' junk, other layouts."""
    folder = data_dir / "segment" / "synthetic"
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    report = evaluate_folder(
        folder, {name: labels["starts"][name]}, {name: labels["boilerplate"][name]}
    )
    assert report.boundaries.recall >= 0.90
    assert report.boundaries.precision >= 0.90
    assert report.titles == report.titles_expected
    assert report.output.removed_rate >= 0.95
    assert report.output.kept_rate >= 0.98


@pytest.mark.parametrize("name", ["fanwen_gbk.txt", "page.html", "two_speeches.docx"])
def test_heldout_compilation_through_the_readers(data_dir: Path, name: str) -> None:
    """Held-out GBK .txt, .html and .docx compilations, read by the real readers.

    First run (before any rule change) missed these targets; see
    tests/data/segment/heldout/README.md for the before/after figures.
    """
    folder = data_dir / "segment" / "heldout"
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    corpus = open_corpus([folder / name], warn=lambda _m: None)
    report = evaluate_documents(
        corpus.documents, {name: labels["starts"][name]}, {name: labels["boilerplate"][name]}
    )
    assert report.boundaries.expected == len(labels["starts"][name])
    assert report.boundaries.recall >= 0.90
    assert report.boundaries.precision >= 0.90
    assert report.titles == report.titles_expected
    assert report.output.removed_rate >= 0.95
    assert report.output.kept_rate >= 0.98
