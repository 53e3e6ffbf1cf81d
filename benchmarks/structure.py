"""Speed of ``speechkit.structure`` (roles, clusters, topic, outline, representatives).

Prints seconds for the bundled corpus and for a generated corpus of ``--mb`` megabytes
(default 20). The generated corpus is deterministic (``--seed``): speeches assembled from
the bundled corpus's paragraphs in their role order, with numbers and place names varied
so that paragraphs are not verbatim copies, written as .txt files and read through the
real pipeline (``open_corpus``, in memory). Reading is timed apart from the analysis.

    python benchmarks/structure.py            # bundled + 20 MB
    python benchmarks/structure.py --mb 5
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from generate import speech_corpus

from speechkit.corpus import open_corpus
from speechkit.paths import corpus_dir
from speechkit.structure import learn_structure
from speechkit.structure.run import structure_report


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=20.0, help="size of the generated corpus")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    t0 = time.perf_counter()
    with open_corpus([corpus_dir()], warn=lambda _m: None) as corpus:
        t1 = time.perf_counter()
        report = structure_report(corpus, roles=True, seed=args.seed)
        t2 = time.perf_counter()
    n_par = sum(len(s["paragraphs"]) for s in report["speeches"])
    print(
        f"bundled corpus: {len(report['speeches'])} speeches, {n_par} paragraphs: "
        f"read {t1 - t0:.2f} s, structure (roles+topic+outline+model) {t2 - t1:.2f} s"
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = speech_corpus(folder, args.mb, args.seed)
        t0 = time.perf_counter()
        corpus = open_corpus([folder], warn=lambda _m: None)
        speeches = corpus.speeches()
        t1 = time.perf_counter()
        learn_structure(corpus, seed=args.seed)
        t2 = time.perf_counter()
    n_par = sum(len(s.paragraphs) for s in speeches)
    print(
        f"generated corpus: {size / 1e6:.1f} MB, {len(speeches)} speeches, {n_par} paragraphs: "
        f"read {t1 - t0:.1f} s, structure {t2 - t1:.1f} s "
        f"({size / 1e6 / (t2 - t1):.2f} MB/s), peak memory {peak_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
