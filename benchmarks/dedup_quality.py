"""Precision and recall of near-duplicate detection on generated speech variants.

The variant set (tests/dedup/dedup_variants.py) is built from the distinct speeches of the
bundled corpus: each original plus variants with placeholders filled, a city swapped, a
paragraph dropped or reordered, punctuation changed, a title added, a year changed. Pairs from
the same original are positives; other speeches of the same campaign are the negatives.

    python benchmarks/dedup_quality.py                 # default threshold 0.8, n = 3
    python benchmarks/dedup_quality.py --sweep-n       # n = 2..9: how the shingle size was chosen
"""

from __future__ import annotations

import argparse

from speechkit.corpus import open_corpus
from speechkit.dedup import DedupConfig, find_duplicates
from speechkit.dedup.shingle import shingles
from speechkit.dedup.variants import distinct_speeches, make_variants, pair_scores
from speechkit.dedup.verify import jaccard


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--per-family", type=int, default=5, help="variants per speech")
    parser.add_argument("--seeds", type=int, default=5, help="variant sets (seeds 0..k-1)")
    parser.add_argument("--sweep-n", action="store_true", help="try shingle sizes 2..9")
    args = parser.parse_args()

    with open_corpus(warn=lambda _m: None) as corpus:
        speeches = distinct_speeches(corpus.speeches())
    sizes = range(2, 10) if args.sweep_n else [DedupConfig().n]
    print(
        f"{len(speeches)} distinct speeches, {args.per_family} variants each, "
        f"{args.seeds} seeds, threshold {args.threshold}"
    )
    for n in sizes:
        precision_sum = recall_sum = reachable_sum = 0.0
        for seed in range(args.seeds):
            variants = make_variants(speeches, per_family=args.per_family, seed=seed)
            config = DedupConfig(threshold=args.threshold, n=n)
            clusters = find_duplicates([v.text for v in variants], config=config)
            p, r = pair_scores(variants, [c.members for c in clusters])
            precision_sum += p
            recall_sum += r
            reachable_sum += _reachable_recall(variants, clusters, config)
        k = args.seeds
        print(
            f"n={n}: precision {precision_sum / k:.4f}  recall {recall_sum / k:.4f}  "
            f"recall of pairs with true Jaccard >= threshold {reachable_sum / k:.4f}  "
            f"({len(variants)} texts per set)"
        )


def _reachable_recall(variants, clusters, config) -> float:  # type: ignore[no-untyped-def]
    """Recall counting only same-family pairs whose exact Jaccard reaches the threshold."""
    group = {m: g for g, c in enumerate(clusters) for m in c.members}
    sets = [shingles(config.normalize(v.text), n=config.n) for v in variants]
    truth = [
        (a, b)
        for a in range(len(variants))
        for b in range(a + 1, len(variants))
        if variants[a].family == variants[b].family
        and jaccard(sets[a], sets[b]) >= config.threshold
    ]
    found = sum(1 for a, b in truth if a in group and group.get(b) == group[a])
    return found / len(truth) if truth else 1.0


if __name__ == "__main__":
    main()
