"""The quality helpers: labels file, macro-F1, position baseline."""

from __future__ import annotations

import pytest

from speechkit.errors import InputError
from speechkit.model import Paragraph, Speech
from speechkit.structure.evaluate import evaluate, load_labels, macro_f1, position_baseline


def test_load_labels_and_errors(tmp_path):
    good = tmp_path / "l.tsv"
    good.write_text("source\tline\trole\ncorpus/a.txt\t3\ttasks\n", encoding="utf-8")
    assert load_labels(good) == {("a.txt", 3): "tasks"}
    bad = tmp_path / "bad.tsv"
    bad.write_text("a.txt\t3\tending\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv:1: unknown role 'ending'"):
        load_labels(bad)


def test_macro_f1_perfect_and_missing_paragraph():
    assert macro_f1(["a", "b"], ["a", "b"], ["a", "b"]) == 1.0
    speech = Speech("a.txt", 1, 2, None, [Paragraph("x", 1, 1, role="opening")])
    scores = evaluate([speech], {("a.txt", 1): "opening", ("a.txt", 9): "tasks"})
    assert scores.n_found == 1 and scores.accuracy == 0.5


def test_position_baseline_shape():
    speech = Speech("a.txt", 1, 10, None, [Paragraph(str(i), i, i) for i in range(10)])
    roles = position_baseline(speech)
    assert roles[0] == "opening" and roles[-1] == "closing" and len(roles) == 10
