"""Speed of `speechkit phrases` next to jieba.analyse.extract_tags on the same text.

Builds a corpus of >= --mb MB (default 20) deterministically from the bundled
corpus: paragraphs of the cleaned seed speeches are shuffled (random.Random(seed))
into synthetic speeches of 30-60 paragraphs. Then, in the same run, it times

* speechkit's phrase miner (rjieba tokenizer; 1 process and --workers processes),
* jieba.analyse.extract_tags(topK=50) on the concatenated text (single-word keywords),

and prints MB/s (wall clock and per CPU second of the main process), the peak RSS of the
main process and of the tokenizer workers (``resource.getrusage``), and the top phrases of
each. The machine's load average is printed too: on a shared machine wall-clock figures
move with it.

    python benchmarks/phrases.py            # 20 MB
    python benchmarks/phrases.py --mb 5 --workers 2
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from speechkit.corpus import open_corpus
from speechkit.model import Paragraph, Speech
from speechkit.phrases import PhraseConfig, extract_phrases


def build_corpus(megabytes: float, seed: int) -> list[Speech]:
    with open_corpus() as corpus:
        paragraphs = [p.text for s in corpus.speeches() for p in s.paragraphs if len(p.text) > 20]
    rng = random.Random(seed)
    speeches: list[Speech] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        chosen = rng.sample(paragraphs, rng.randint(30, 60))
        paras = [Paragraph(t, i, i) for i, t in enumerate(chosen, start=1)]
        speeches.append(Speech(f"synthetic/{len(speeches):05d}.txt", 1, len(paras), None, paras))
        size += sum(len(t.encode("utf-8")) + 1 for t in chosen)
    return speeches


def peak_rss_mb(*, children: bool = False) -> float:
    """Peak resident set size so far, in MB (Linux reports KiB)."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-jieba", action="store_true", help="do not time extract_tags")
    args = parser.parse_args()

    speeches = build_corpus(args.mb, args.seed)
    text = "\n".join(s.text for s in speeches)
    mb = len(text.encode("utf-8")) / 1e6
    print(f"corpus: {len(speeches)} synthetic speeches, {mb:.1f} MB (seed {args.seed})")

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    base_rss = peak_rss_mb()
    print(f"peak RSS after building the corpus: {base_rss:.0f} MB")
    for workers in sorted({1, args.workers}):
        t0, c0 = time.perf_counter(), time.process_time()
        found = extract_phrases(
            speeches, config=PhraseConfig(top_n=50, tokenizer="rjieba", workers=workers)
        )
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"speechkit phrases (rjieba, {workers} process{'es' if workers > 1 else ''}): "
            f"{dt:6.1f} s  {mb / dt:6.2f} MB/s  (main process CPU {cpu:.1f} s); "
            f"peak RSS main {peak_rss_mb():.0f} MB, workers {peak_rss_mb(children=True):.0f} MB"
        )
    print("  top 15:", " ".join(p.phrase for p in found[:15]))
    print("  multi-word (>= 6 characters) in top 50:", sum(len(p.phrase) >= 6 for p in found))

    if not args.skip_jieba:
        import jieba
        import jieba.analyse

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()  # dictionary load not timed, as for speechkit's tokenizer above
        t0 = time.perf_counter()
        tags = jieba.analyse.extract_tags(text, topK=50)
        dt = time.perf_counter() - t0
        print(
            f"jieba.analyse.extract_tags (topK=50):  {dt:6.1f} s  {mb / dt:6.2f} MB/s; "
            f"peak RSS main {peak_rss_mb():.0f} MB"
        )
        print("  top 15:", " ".join(tags[:15]))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
