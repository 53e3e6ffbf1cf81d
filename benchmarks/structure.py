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
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from speechkit.corpus import open_corpus  # noqa: E402
from speechkit.structure import learn_structure  # noqa: E402
from speechkit.structure.run import structure_report  # noqa: E402

PLACES = ["南京市", "合肥市", "洛阳市", "xx市", "某某区", "苏州市", "黄山市", "襄阳市", "**县"]


def generate(folder: Path, megabytes: float, seed: int) -> int:
    """Write speeches of ~``megabytes`` MB into ``folder``; return bytes written."""
    rng = random.Random(seed)
    with open_corpus([ROOT / "corpus"], warn=lambda _m: None) as corpus:
        speeches = [s for s in corpus.speeches() if len(s.paragraphs) >= 6]
    target = int(megabytes * 1024 * 1024)
    written = 0
    n = 0
    while written < target:
        base = rng.choice(speeches)
        donor = rng.choice(speeches)
        paras = [p.text for p in base.paragraphs]
        # swap in one donor paragraph to vary the speeches
        k = rng.randrange(1, len(paras) - 1)
        paras[k] = rng.choice(donor.paragraphs).text
        place = rng.choice(PLACES)
        body = "\n\n".join(
            t.replace("xx", place[:2]).replace("X", str(rng.randint(2, 99))) for t in paras
        )
        text = f"在{place}创建全国文明城市推进会上的讲话\n\n{body}\n"
        data = text.encode("utf-8")
        (folder / f"s{n:06d}.txt").write_bytes(data)
        written += len(data)
        n += 1
    return written


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
    with open_corpus([ROOT / "corpus"], warn=lambda _m: None) as corpus:
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
        size = generate(folder, args.mb, args.seed)
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
