"""Speed, memory and accuracy of near-duplicate detection on generated paragraphs.

Documents are paragraph-sized (~200 characters) from a Zipf-distributed vocabulary of Chinese
phrases (so unrelated documents share common n-grams as real ones do). Two modes:

* ``pairs``: 5 % of the documents are variants in small planted groups (characters
  substituted, a phrase inserted or dropped, punctuation changed, a place name prefixed).
  Truth: every planted pair whose exact Jaccard (normalized 3-shingles) is >= the threshold.
* ``heavy``: 30 % of the documents are noisy copies (1-5 % of characters replaced) in groups
  of 10 to 1,000. Truth: a uniform sample of ``--truth-sample`` planted pairs, kept when their
  exact Jaccard is >= the threshold (all pairs of 1,000-member groups are too many).

For each mode, speechkit on ``--n`` documents (default 1,000,000) and datasketch
``MinHashLSH`` (num_perm 128, insert and query every document) on the first ``--baseline-n``
(100,000) of them: docs/s, peak PSS of all processes (sampled), recall (truth pairs that end in
one group; datasketch: that are candidates) and precision (pairs inside a reported group that
are in one planted group, counted from the cluster x planted-group table). ``--dask`` also runs
the same documents on a 2-worker Dask LocalCluster and checks the output is identical.

Other measurements:

    python benchmarks/dedup.py --mode heavy --n 1000000 --dask
    python benchmarks/dedup.py --write-jsonl big.jsonl --n 10000000   # generate a file first
    python benchmarks/dedup.py --from-file big.jsonl    # `speechkit dedup FILE`: docs/s, peak RSS
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from generate_dedup import generate, generate_heavy

from speechkit.dedup.normalize import normalize
from speechkit.dedup.pipeline import DedupConfig, map_units, reduce_units
from speechkit.dedup.reduce import Cluster
from speechkit.dedup.shingle import shingle_set, shingles
from speechkit.dedup.verify import jaccard
from speechkit.engine import make_executor


def same_group_pairs(clusters: list[Cluster], labels: np.ndarray) -> tuple[int, int]:
    """Pairs inside reported groups, and those of them inside one planted group."""
    found = correct = 0
    for cluster in clusters:
        k = len(cluster.members)
        found += k * (k - 1) // 2
        planted = labels[cluster.members]
        _, counts = np.unique(planted[planted >= 0], return_counts=True)
        correct += int((counts * (counts - 1) // 2).sum())
    return found, correct


def cluster_ids(clusters: list[Cluster], n: int) -> np.ndarray:
    ids = np.full(n, -1, dtype=np.int64)
    for k, cluster in enumerate(clusters):
        ids[cluster.members] = k
    return ids


def truth_pairs(
    docs: list[str], labels: np.ndarray, threshold: float, *, sample: int | None, seed: int = 0
) -> np.ndarray:
    """Planted pairs with exact Jaccard >= threshold: all of them, or of a uniform sample."""
    groups: dict[int, list[int]] = {}
    for i in np.flatnonzero(labels >= 0).tolist():
        groups.setdefault(int(labels[i]), []).append(i)
    members = list(groups.values())
    if sample is None:
        candidates = [p for m in members for p in itertools.combinations(m, 2)]
    else:
        rng = np.random.default_rng(seed)
        weights = np.array([len(m) * (len(m) - 1) / 2 for m in members], dtype=float)
        picks = rng.choice(len(members), size=sample, p=weights / weights.sum())
        candidates = []
        for g in picks.tolist():
            i, j = rng.choice(len(members[g]), size=2, replace=False).tolist()
            a, b = members[g][i], members[g][j]
            candidates.append((min(a, b), max(a, b)))
        candidates = sorted(set(candidates))
    # No cache of the sets: 300,000 of them take 4 GB, which would stay in this process.
    def sets(i: int) -> set[int] | frozenset[str]:
        return shingle_set(normalize(docs[i]))

    kept = [(a, b) for a, b in candidates if jaccard(sets(a), sets(b)) >= threshold]
    return np.array(kept, dtype=np.int64).reshape(-1, 2)


#: The sampler of :class:`PeakRSS`, run as a process of its own: ``python -c SAMPLER PID SECONDS``
#: prints the peak PSS (bytes) of PID's process tree when its stdin closes.
_SAMPLER = """
import os, select, sys
import psutil
root, every = psutil.Process(int(sys.argv[1])), float(sys.argv[2])
def pss(proc):
    try:
        with open(f"/proc/{proc.pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return proc.memory_info().rss
    except psutil.Error:  # a worker that just ended
        return 0
def total():
    try:
        return sum(pss(p) for p in [root, *root.children(recursive=True)])
    except psutil.Error:  # the tree ended: keep the peak seen
        return 0
peak = total()
print(peak, flush=True)
while not select.select([sys.stdin], [], [], every)[0]:
    peak = max(peak, total())
print(peak, flush=True)
"""


class PeakRSS:
    """Peak memory of this process and all its descendants: proportional set size (PSS, from
    ``/proc/PID/smaps_rollup``) where the system reports it, else RSS, every 0.5 s.

    The sampling runs in a process of its own, every 0.5 s (about 5 ms a process and sample,
    1-3 % of a core). Sampled from a thread of the measured process (psutil's
    ``memory_full_info`` every 0.1 s, 7.7 ms a process and sample) it cost the 1M heavy run
    about 6 CPU-seconds, most of them in the process being timed (2026-12-01, idle machine:
    CPU 40.5 s in all processes with it, 33.0-34.1 s without it or sampled apart).
    """

    def __init__(self, pid: int | None = None) -> None:
        self._pid = pid or os.getpid()
        self.peak = self.start = 0
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> PeakRSS:
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _SAMPLER, str(self._pid), "0.5"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self._proc.stdout is not None and self._proc.stdin is not None
        self.start = self.peak = int(self._proc.stdout.readline())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        out, _ = self._proc.communicate("stop\n")
        self.peak = max(self.peak, int(out.split()[-1]))

    @property
    def mb(self) -> float:
        return self.peak / 2**20


def run_speechkit(
    docs: list[str], threshold: float, workers: int, engine: str = "local"
) -> tuple[list[Cluster], float, float]:
    """Map and reduce on ``workers`` processes; returns clusters, seconds, peak MB."""
    config = DedupConfig(threshold=threshold, workers=workers, keep="first")
    cpu_before = _cpu_seconds()
    with PeakRSS() as rss:
        start = time.perf_counter()
        with make_executor(engine, workers=workers) as executor:
            ready = time.perf_counter()
            mapped = map_units(docs, config, executor=executor)
            middle = time.perf_counter()
            clusters = reduce_units(docs, mapped, config, executor=executor)
        elapsed = time.perf_counter() - start
        cpu = _cpu_seconds() - cpu_before  # the workers ended; the sampler not yet
    cores = len(os.sched_getaffinity(0))
    # CPU seconds depend less on other users of a shared machine than wall time does.
    cpu_note = (
        f", CPU {cpu:.1f} s in all processes = {len(docs) / (cpu / cores):,.0f} docs/s on "
        f"{cores} idle cores at perfect parallelism"
        if engine == "local" and cpu > 0
        else ""
    )
    print(
        f"  ({engine}, n={len(docs):,}: start workers {ready - start:.1f} s, "
        f"map {middle - ready:.1f} s, reduce {elapsed - (middle - start):.1f} s{cpu_note}; "
        f"load average {os.getloadavg()[0]:.1f})"
    )
    return clusters, elapsed, rss.mb


def _cpu_seconds() -> float:
    """CPU time of this process and its ended children (the executor's workers, once closed)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_datasketch(docs: list[str], threshold: float) -> tuple[set[tuple[int, int]], float, float]:
    from datasketch import MinHash, MinHashLSH

    with PeakRSS() as rss:
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
        elapsed = time.perf_counter() - start
    return found, elapsed, rss.mb


def _recall(ids: np.ndarray, truth: np.ndarray) -> float:
    if not len(truth):
        return 1.0
    a, b = ids[truth[:, 0]], ids[truth[:, 1]]
    return float(((a >= 0) & (a == b)).mean())


def measure_mode(mode: str, args: argparse.Namespace) -> None:
    t = time.perf_counter()
    if mode == "heavy":
        docs, labels = generate_heavy(args.n, seed=args.seed)
    else:
        docs, labels = generate(args.n, seed=args.seed)
    mean_len = sum(map(len, docs)) / len(docs)
    groups = len(np.unique(labels[labels >= 0]))
    print(
        f"[{mode}] generated {len(docs):,} documents (mean {mean_len:.0f} chars, "
        f"{int((labels >= 0).sum()):,} in {groups:,} planted groups) in "
        f"{time.perf_counter() - t:.1f} s"
    )
    sample = args.truth_sample if mode == "heavy" else None
    truth = truth_pairs(docs, labels, args.threshold, sample=sample, seed=args.seed)
    what = f"of a sample of {sample:,} planted pairs" if sample else "planted pairs"
    print(f"[{mode}] truth: {len(truth):,} {what} with Jaccard >= {args.threshold}")
    gc.collect()

    import psutil

    before = psutil.Process().memory_info().rss / 2**20
    clusters, elapsed, peak = run_speechkit(docs, args.threshold, args.workers)
    found, correct = same_group_pairs(clusters, labels)
    ids = cluster_ids(clusters, len(docs))
    print(
        f"[{mode}] speechkit  n={len(docs):>9,}  {len(docs) / elapsed:>9,.0f} docs/s  "
        f"({elapsed:.1f} s)  recall {_recall(ids, truth):.4f}  "
        f"precision {correct / found if found else 1.0:.4f}  "
        f"peak PSS all processes {peak:,.0f} MB (before the run {before:,.0f} MB: the "
        "documents and this script)"
    )
    if args.dask:
        dask_clusters, dask_elapsed, dask_peak = run_speechkit(
            docs, args.threshold, args.workers, engine="dask"
        )
        print(
            f"[{mode}] dask       n={len(docs):>9,}  {len(docs) / dask_elapsed:>9,.0f} docs/s  "
            f"({dask_elapsed:.1f} s, {dask_elapsed / elapsed:.2f}x the local time)  "
            f"output identical to local: {dask_clusters == clusters}  "
            f"peak RSS {dask_peak:,.0f} MB"
        )
    del clusters, ids
    sub = min(args.baseline_n, len(docs))
    sub_docs, sub_labels = docs[:sub], labels[:sub]
    sub_truth = truth[truth[:, 1] < sub]
    del docs
    gc.collect()
    clusters, elapsed_sk, _ = run_speechkit(sub_docs, args.threshold, args.workers)
    found, correct = same_group_pairs(clusters, sub_labels)
    print(
        f"[{mode}] speechkit  n={sub:>9,}  {sub / elapsed_sk:>9,.0f} docs/s  "
        f"({elapsed_sk:.1f} s)  recall {_recall(cluster_ids(clusters, sub), sub_truth):.4f}  "
        f"precision {correct / found if found else 1.0:.4f}"
    )
    pairs, elapsed_ds, peak_ds = run_datasketch(sub_docs, args.threshold)
    planted = sum(1 for a, b in pairs if sub_labels[a] >= 0 and sub_labels[a] == sub_labels[b])
    truth_set = set(map(tuple, sub_truth.tolist()))
    recall_ds = len(truth_set & pairs) / len(truth_set) if truth_set else 1.0
    print(
        f"[{mode}] datasketch n={sub:>9,}  {sub / elapsed_ds:>9,.0f} docs/s  "
        f"({elapsed_ds:.1f} s)  recall {recall_ds:.4f}  "
        f"precision {planted / len(pairs) if pairs else 1.0:.4f} (LSH candidates, unverified)  "
        f"peak RSS {peak_ds:,.0f} MB"
    )
    print(
        f"[{mode}] throughput ratio (speechkit at n={args.n:,} / datasketch at n={sub:,}): "
        f"{(args.n / elapsed) / (sub / elapsed_ds):.1f}x"
    )


def write_jsonl(path: Path, n: int, seed: int, chunk: int = 1_000_000) -> None:
    """``n`` heavy-duplication documents as .jsonl, generated ``chunk`` at a time."""
    start = time.perf_counter()
    with path.open("w", encoding="utf-8") as handle:
        for k, lo in enumerate(range(0, n, chunk)):
            docs, _ = generate_heavy(min(chunk, n - lo), seed=seed + 1000 * k)
            handle.writelines(
                json.dumps({"id": lo + i, "text": d}, ensure_ascii=False) + "\n"
                for i, d in enumerate(docs)
            )
            del docs
            print(f"  {lo + min(chunk, n - lo):,} documents written", flush=True)
    size = path.stat().st_size / 2**20
    print(f"wrote {path} ({n:,} documents, {size:,.0f} MB) in {time.perf_counter() - start:.0f} s")


def from_file(path: Path, args: argparse.Namespace) -> None:
    """Time ``speechkit dedup FILE --level document`` (a new process) and sample its memory."""
    cli = Path(sys.executable).with_name("speechkit")
    cmd = [str(cli), "dedup", str(path), "--level", "document", "--format", args.format]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    lines = sum(1 for _ in path.open("rb"))
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE, text=True)
        with PeakRSS(proc.pid) as rss:
            _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {err}")
    print(
        f"{' '.join(cmd[1:])}: {lines:,} documents in {elapsed:.1f} s = "
        f"{lines / elapsed:,.0f} docs/s; peak PSS of all processes {rss.mb:,.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=["heavy", "pairs", "both"], default="both")
    parser.add_argument("--n", "--docs", type=int, default=1_000_000, help="documents to generate")
    parser.add_argument("--baseline-n", type=int, default=100_000, help="datasketch subset")
    parser.add_argument("--truth-sample", type=int, default=200_000)
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dask", action="store_true", help="also run on a Dask LocalCluster")
    parser.add_argument("--write-jsonl", type=Path, help="only generate a heavy .jsonl file")
    parser.add_argument("--from-file", type=Path, help="time `speechkit dedup` on this file")
    parser.add_argument("--format", default="csv", help="output format of --from-file")
    args = parser.parse_args()
    if args.write_jsonl:
        write_jsonl(args.write_jsonl, args.n, args.seed)
        return
    if args.from_file:
        from_file(args.from_file, args)
        return
    for mode in ("heavy", "pairs") if args.mode == "both" else (args.mode,):
        measure_mode(mode, args)


if __name__ == "__main__":
    main()
