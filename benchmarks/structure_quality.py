"""Quality of paragraph roles on the hand-labelled seed paragraphs, and topic scores.

Prints macro-F1 over the six roles and over the coarse roles (opening;
significance+situation; tasks; safeguards; closing) for speechkit and for a
position-only baseline, on the speeches as segmented by the real pipeline
(``open_corpus`` of ``corpus/``, as in the structure tests), then the mean/min/max
over seeds 0–4, the figures without the cluster term, the test speeches
written in other wording (``tests/data/structure/own_*.txt``) and
every speech's topic score.

    python benchmarks/structure_quality.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from speechkit.corpus import open_corpus
from speechkit.structure import RoleConfig, assign_roles
from speechkit.structure.evaluate import evaluate, load_labels, position_baseline
from speechkit.tokenize import make_tokenizer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "structure"


def real_pipeline():
    return open_corpus([ROOT / "corpus"], warn=lambda _m: None).speeches()


def own_speeches():
    files = [DATA / "own_1.txt", DATA / "own_2.txt"]
    return open_corpus(files, warn=lambda _m: None).speeches()


def line(name, scores):
    print(
        f"  {name:<34} macro-F1 {scores.macro_f1:.3f}   "
        f"coarse macro-F1 {scores.coarse_macro_f1:.3f}   accuracy {scores.accuracy:.3f}   "
        f"({scores.n_found}/{scores.n_labels} labelled paragraphs found)"
    )


def main() -> None:
    tok = make_tokenizer()
    labels = load_labels(DATA / "roles.tsv")
    print(f"Hand labels: {len(labels)} paragraphs ({DATA / 'roles.tsv'})")
    for name, load in (("real pipeline (open_corpus)", real_pipeline),):
        print(f"\nSegmentation: {name}")
        speeches = load()
        result = assign_roles(speeches, seed=0, tokenizer=tok)
        line("speechkit, seed 0", evaluate(speeches, labels))
        line("position-only baseline", evaluate(speeches, labels, predict=position_baseline))
        runs = []
        for seed in range(5):
            sp = load()
            assign_roles(sp, seed=seed, tokenizer=tok)
            s = evaluate(sp, labels)
            runs.append((s.macro_f1, s.coarse_macro_f1))
        a = np.array(runs)
        print(
            f"  seeds 0-4: macro-F1 mean {a[:, 0].mean():.3f} "
            f"(min {a[:, 0].min():.3f}, max {a[:, 0].max():.3f}); "
            f"coarse mean {a[:, 1].mean():.3f} (min {a[:, 1].min():.3f}, max {a[:, 1].max():.3f})"
        )
        sp = load()
        assign_roles(sp, seed=0, tokenizer=tok, config=RoleConfig(cluster_weight=0.0))
        line("without the cluster term", evaluate(sp, labels))
        sp = load()
        assign_roles(sp, seed=0, tokenizer=tok, config=RoleConfig(section_weight=0.0))
        line("without heading sections", evaluate(sp, labels))

    own_labels = load_labels(DATA / "own_roles.tsv")
    own = own_speeches()
    print(f"\nOwn test speeches in other wording ({len(own_labels)} labelled paragraphs)")
    assign_roles(own, seed=0, tokenizer=tok)
    line("alone", evaluate(own, own_labels))
    line("position-only baseline", evaluate(own, own_labels, predict=position_baseline))
    own = own_speeches()
    mixed = real_pipeline() + own
    assign_roles(mixed, seed=0, tokenizer=tok)
    line("next to the seeds", evaluate(own, own_labels))

    print("\nTopic scores (real pipeline; threshold 0.4):")
    speeches = real_pipeline()
    result = assign_roles(speeches, seed=0, tokenizer=tok)
    for i, s in enumerate(speeches):
        flag = "on " if result.on_topic[i] else "OFF"
        first = s.title or s.paragraphs[0].text
        print(
            f"  {flag} {result.topic_score[i]:5.2f}  "
            f"{Path(s.source).name[:3]}:{s.first_line:<4} {first[:30]}"
        )
    print(f"  theme terms: {' '.join(result.theme_terms)}")


if __name__ == "__main__":
    main()
