"""Speed, memory and accuracy of near-duplicate detection on generated paragraphs.

Generates ``--n`` paragraph-sized documents (~200 characters; default 1,000,000) from a
Zipf-distributed vocabulary of Chinese phrases (so unrelated documents share common n-grams as
real ones do), plants near-duplicate groups (5% of the documents are variants: characters
substituted, a phrase inserted or dropped, punctuation changed, a place name prefixed), then
prints for speechkit and for datasketch ``MinHashLSH`` (num_perm 128, on a ``--baseline-n``
subset, default 100,000): docs/s, peak memory, recall and precision.

Truth: planted pairs whose exact Jaccard (on the same normalized 3-shingles) is >= the
threshold. speechkit's found pairs are all pairs within a reported group; any found pair
outside a planted group counts against precision.

    python benchmarks/dedup.py              # 1M documents (about two minutes)
    python benchmarks/dedup.py --n 100000
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from speechkit.dedup.normalize import normalize
from speechkit.dedup.pipeline import DedupConfig, map_units, reduce_units
from speechkit.dedup.shingle import shingles
from speechkit.dedup.verify import jaccard

PUNCT = "，。、；：！？“”"
PLACES = ["南京市", "xx市", "XX县", "**区", "苏州市", "合肥市", "某某区", "洛阳市"]


def _phrases(rng: np.random.Generator, count: int) -> list[str]:
    chars = np.array([chr(c) for c in range(0x4E00, 0x4E00 + 3500)])
    weights = 1.0 / np.arange(1, len(chars) + 1) ** 0.8
    weights /= weights.sum()
    lengths = rng.integers(2, 7, size=count)
    picks = rng.choice(len(chars), size=int(lengths.sum()), p=weights)
    out, pos = [], 0
    for length in lengths:
        out.append("".join(chars[picks[pos : pos + length]]))
        pos += length
    return out


def generate(n: int, *, seed: int = 0, dup_rate: float = 0.05) -> tuple[list[str], np.ndarray]:
    """``n`` documents and a group label per document (-1: not planted)."""
    rng = np.random.default_rng(seed)
    vocab = _phrases(rng, 20000) + list(PUNCT)
    zipf = 1.0 / np.arange(1, len(vocab) + 1) ** 1.0
    zipf /= zipf.sum()
    per_doc = 52  # ~200 characters with punctuation
    ids = rng.choice(len(vocab), size=(n, per_doc), p=zipf)
    vocab_arr = np.array(vocab, dtype=object)
    docs = ["".join(row) for row in vocab_arr[ids]]
    labels = np.full(n, -1, dtype=np.int64)
    # Plant groups: an original and 1-3 variants at random positions.
    n_variants = int(n * dup_rate)
    slots = rng.permutation(n)
    pos, group = 0, 0
    while pos + 1 < len(slots) and n_variants > 0:
        size = int(min(rng.integers(1, 4), n_variants))
        original = int(slots[pos])
        labels[original] = group
        for k in range(size):
            target = int(slots[pos + 1 + k])
            docs[target] = _variant(docs[original], rng, vocab)
            labels[target] = group
        pos += size + 1
        n_variants -= size
        group += 1
    return docs, labels


def generate_heavy(
    n: int, *, seed: int = 0, dup_share: float = 0.3, sizes: tuple[int, int] = (10, 1000),
    noise: tuple[float, float] = (0.01, 0.05),
) -> tuple[list[str], np.ndarray]:
    """Heavy duplication: ``dup_share`` of ``n`` documents are noisy copies of a few seeds.

    Groups of ``sizes`` documents (one seed document and its copies) are planted until the
    copies are ``dup_share`` of the corpus; each copy has a share of its characters, drawn
    uniformly from ``noise``, replaced by random characters.
    """
    docs, _ = generate(n, seed=seed, dup_rate=0.0)
    rng = np.random.default_rng(seed + 1)
    labels = np.full(n, -1, dtype=np.int64)
    slots = rng.permutation(n)
    pos, group, copies = 0, 0, 0
    target = int(n * dup_share)
    while copies < target and pos + 1 < n:
        size = int(min(rng.integers(sizes[0], sizes[1] + 1), target - copies + 1, n - pos))
        original = int(slots[pos])
        labels[original] = group
        base = docs[original]
        for target_slot in slots[pos + 1 : pos + size].tolist():
            chars = list(base)
            rate = rng.uniform(*noise)
            at = rng.choice(len(chars), size=max(1, round(rate * len(chars))), replace=False)
            new = rng.integers(0x4E00, 0x4E00 + 3500, len(at)).tolist()
            for k, c in zip(at.tolist(), new, strict=True):
                chars[k] = chr(c)
            docs[target_slot] = "".join(chars)
            labels[target_slot] = group
        copies += size - 1
        pos += size
        group += 1
    return docs, labels


def _variant(text: str, rng: np.random.Generator, vocab: list[str]) -> str:
    chars = list(text)
    for _ in range(int(rng.integers(0, 6))):  # substituted characters
        chars[int(rng.integers(len(chars)))] = chr(0x4E00 + int(rng.integers(3500)))
    if rng.random() < 0.3:  # a phrase inserted
        at = int(rng.integers(len(chars)))
        chars[at:at] = list(vocab[int(rng.integers(len(vocab)))])
    if rng.random() < 0.3:  # a phrase dropped
        at = int(rng.integers(len(chars) - 4))
        del chars[at : at + int(rng.integers(2, 5))]
    out = "".join(chars)
    if rng.random() < 0.5:  # punctuation changed
        out = out.replace("，", ",").replace("。", ". ")
    if rng.random() < 0.3:  # a place name prefixed
        out = PLACES[int(rng.integers(len(PLACES)))] + out
    return out


def truth_pairs(docs: list[str], labels: np.ndarray, threshold: float) -> set[tuple[int, int]]:
    """Planted pairs whose exact Jaccard reaches the threshold."""
    groups: dict[int, list[int]] = {}
    for i in np.flatnonzero(labels >= 0):
        groups.setdefault(int(labels[i]), []).append(int(i))
    out = set()
    for members in groups.values():
        sets = {i: shingles(normalize(docs[i])) for i in members}
        for i, j in itertools.combinations(members, 2):
            if jaccard(sets[i], sets[j]) >= threshold:
                out.add((i, j))
    return out


def score(found: set[tuple[int, int]], truth: set[tuple[int, int]], labels: np.ndarray):
    planted = {p for p in found if labels[p[0]] >= 0 and labels[p[0]] == labels[p[1]]}
    recall = len(found & truth) / len(truth) if truth else 1.0
    precision = len(planted) / len(found) if found else 1.0
    return recall, precision


def peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of the largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def run_speechkit(docs: list[str], threshold: float, workers: int | None) -> tuple[set, float]:
    config = DedupConfig(threshold=threshold, workers=workers, keep="first")
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers or len(os.sched_getaffinity(0))) as pool:
        mapped = map_units(docs, config, pool=pool)
        middle = time.perf_counter()
        clusters = reduce_units(docs, mapped, config, pool=pool)
    elapsed = time.perf_counter() - start
    print(
        f"  (n={len(docs):,}: map {middle - start:.1f} s, "
        f"reduce {elapsed - (middle - start):.1f} s)"
    )
    # Pairs in the same group: exact copies are compared once, through their representative.
    found = {
        (min(i, j), max(i, j)) for c in clusters for i, j in itertools.combinations(c.members, 2)
    }
    return found, elapsed


def run_datasketch(docs: list[str], threshold: float) -> tuple[set, float]:
    from datasketch import MinHash, MinHashLSH

    start = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    hashes = []
    for i, doc in enumerate(docs):
        m = MinHash(num_perm=128, seed=1)
        m.update_batch([s.encode("utf-8") for s in shingles(normalize(doc))])
        lsh.insert(i, m)
        hashes.append(m)
    found = set()
    for i, m in enumerate(hashes):
        for j in lsh.query(m):
            if j != i:
                found.add((min(i, j), max(i, j)))
    return found, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="documents to generate")
    parser.add_argument("--baseline-n", type=int, default=100_000, help="datasketch subset")
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--workers", type=int, default=None, help="map processes (all cores)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    t = time.perf_counter()
    docs, labels = generate(args.n, seed=args.seed)
    mean_len = sum(map(len, docs)) / len(docs)
    print(
        f"generated {len(docs):,} documents (mean {mean_len:.0f} chars, "
        f"{int((labels >= 0).sum()):,} in planted groups) in {time.perf_counter() - t:.1f} s"
    )
    truth = truth_pairs(docs, labels, args.threshold)
    print(f"truth: {len(truth):,} planted pairs with Jaccard >= {args.threshold}")
    gc.collect()
    before, _ = peak_mb()

    found, elapsed = run_speechkit(docs, args.threshold, args.workers)
    recall, precision = score(found, truth, labels)
    own, child = peak_mb()
    print(
        f"speechkit  n={len(docs):>9,}  {len(docs) / elapsed:>9,.0f} docs/s  ({elapsed:.1f} s)  "
        f"recall {recall:.4f}  precision {precision:.4f}  "
        f"peak RSS main {own:,.0f} MB (before run {before:,.0f}), largest worker {child:,.0f} MB"
    )

    sub = min(args.baseline_n, len(docs))
    sub_docs, sub_labels = docs[:sub], labels[:sub]
    sub_truth = {p for p in truth if p[1] < sub}
    found, elapsed_sk = run_speechkit(sub_docs, args.threshold, args.workers)
    r_sk, p_sk = score(found, sub_truth, sub_labels)
    print(
        f"speechkit  n={sub:>9,}  {sub / elapsed_sk:>9,.0f} docs/s  ({elapsed_sk:.1f} s)  "
        f"recall {r_sk:.4f}  precision {p_sk:.4f}"
    )
    del docs
    gc.collect()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    found, elapsed_ds = run_datasketch(sub_docs, args.threshold)
    r_ds, p_ds = score(found, sub_truth, sub_labels)
    print(
        f"datasketch n={sub:>9,}  {sub / elapsed_ds:>9,.0f} docs/s  ({elapsed_ds:.1f} s)  "
        f"recall {r_ds:.4f}  precision {p_ds:.4f} (LSH candidates, unverified)  "
        f"peak RSS {rss0:,.0f} MB (lifetime)"
    )
    print(
        f"throughput ratio (speechkit at n={args.n:,} / datasketch): "
        f"{(args.n / elapsed) / (sub / elapsed_ds):.1f}x"
    )


if __name__ == "__main__":
    main()
