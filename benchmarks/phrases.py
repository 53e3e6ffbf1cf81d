"""Speed and memory of `speechkit phrases` next to jieba.analyse.extract_tags on the same text.

Builds a corpus of >= MB megabytes deterministically from the bundled corpus
(:func:`generate_phrases.build_corpus`: paragraphs of the cleaned seed speeches shuffled into
synthetic speeches of 30-60 paragraphs). Then, in the same run, it times

* speechkit's phrase miner (rjieba tokenizer; 1 process, then --workers processes for the
  counting stage),
* jieba.analyse.extract_tags(topK=50) on the concatenated text (single-word keywords),

and prints MB/s (wall clock), the CPU seconds of the main process and of the workers (the
main process mostly waits while the workers count, so on an idle machine the wall time is
about main + workers / N), the peak RSS of the main process and of the worker processes
(``resource.getrusage``; the main process's is a lifetime peak, so with ``--parallel-only`` it is
the parallel run's alone), with ``--uss`` the largest worker's own memory (USS, sampled: its RSS
also counts the pages it shares with the main process since the fork), and the top phrases of
each. The dictionaries are loaded before the clocks start (a warm-up run on 20 speeches), as
``jieba.initialize()`` is for extract_tags.
The machine's load average is printed too: on a shared machine wall-clock figures move with it.

Several sizes (``--mb 10 20 40``) run one after the other, each in a fresh process, so each
peak RSS is that size's own.

    python benchmarks/phrases.py                     # 20 MB
    python benchmarks/phrases.py --mb 5 --workers 2 --skip-jieba
    python benchmarks/phrases.py --mb 10 20 40 --skip-jieba --parallel-only
    python benchmarks/phrases.py --mb 10 40 --skip-jieba --parallel-only --files --uss
    python benchmarks/phrases.py --mb 10 40 --skip-jieba --parallel-only --files --tracemalloc

With ``--files`` the corpus is written as .txt files and the timed runs are
``run_phrases([folder])``, what ``speechkit phrases DIR`` does: the folder is read file by file
(the time includes reading it), each paragraph a string of its own as in a real corpus (the
synthetic speeches share the seeds' paragraph strings), and this process holds no speech
before the run.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from generate_phrases import build_corpus

from speechkit.model import Speech
from speechkit.phrases import PhraseConfig, extract_phrases, run_phrases


def peak_rss_mb(*, children: bool = False) -> float:
    """Peak resident set size so far, in MB (Linux reports KiB)."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


@contextlib.contextmanager
def worker_uss(interval: float = 0.25) -> Iterator[list[float]]:
    """Yields ``[peak]``: the largest USS (MB; pages no other process shares) of this
    process's children, sampled every ``interval`` seconds until the block ends.

    A forked worker's RSS counts every page it still shares with the main process (the
    dictionaries, and with ``--files`` the corpus), so it grows with whatever the main process
    held at the fork; its USS is what the worker itself added. Linux only (``/proc``).
    """
    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(interval):
            for pid in _children(os.getpid()):
                peak[0] = max(peak[0], _uss_kb(pid) / 1024)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        stop.set()
        sampler.join()


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found.update(int(c) for c in (task / "children").read_text().split())
    return found


def _uss_kb(pid: int) -> int:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:  # the worker ended between the listing and the read
        return 0
    fields = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
    return sum(int(fields.get(k, "0 kB").split()[0]) for k in ("Private_Clean", "Private_Dirty"))


def children_cpu() -> float:
    """CPU seconds of the finished worker processes so far (user + system)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def write_files(speeches: list[Speech], folder: str) -> None:
    """The speeches as .txt files, one a speech: ``speechkit phrases DIR`` reads them back,
    each paragraph then a string of its own, as in a real corpus (the synthetic speeches
    share the seeds' paragraph strings, so holding them costs little)."""
    for i, speech in enumerate(speeches):
        Path(folder, f"{i:05d}.txt").write_text(speech.text, "utf-8")


def run_size(args: argparse.Namespace, megabytes: float) -> None:
    speeches = build_corpus(megabytes, args.seed)
    # the size of the text joined for extract_tags, without joining it: held through the
    # speechkit runs, that text was in their main process's peak RSS (27 MB at 40 MB)
    mb = (sum(len(s.text.encode("utf-8")) for s in speeches) + len(speeches) - 1) / 1e6
    print(f"corpus: {len(speeches)} synthetic speeches, {mb:.1f} MB (seed {args.seed})")
    print(f"load average before: {load()}")
    # dictionaries, the background IDF table and imports loaded before the clocks start; the
    # repeated speech makes the duplicate grouping import its graph code (scipy) here too
    extract_phrases(speeches[:20] + speeches[:1], config=PhraseConfig(tokenizer="rjieba"))
    folder = tempfile.TemporaryDirectory(prefix="sk-phrases-")
    if args.files:
        # what the command does: it reads the folder (streamed, file by file), and this
        # process holds no speech beforehand; the timed run includes reading the files
        write_files(speeches, folder.name)
        print(f"written as {len(speeches)} .txt files (read back by the timed runs)")
        del speeches
    print(f"peak RSS after building the corpus and a warm-up: {peak_rss_mb():.0f} MB")
    for workers in [args.workers] if args.parallel_only else sorted({1, args.workers}):
        config = PhraseConfig(top_n=50, tokenizer="rjieba", workers=workers)
        if args.tracemalloc:
            # a first run on the same corpus loads every cache (dictionaries, the name test's
            # word lists), so the traced run shows what a run allocates, not what it loads
            run_phrases([folder.name], config=config) if args.files else extract_phrases(
                speeches, config=config
            )
            tracemalloc.start()
        t0, c0, k0 = time.perf_counter(), time.process_time(), children_cpu()
        with worker_uss() if args.uss else contextlib.nullcontext([0.0]) as uss:
            found = (
                run_phrases([folder.name], config=config).phrases
                if args.files
                else extract_phrases(speeches, config=config)
            )
        dt, cpu, kids = time.perf_counter() - t0, time.process_time() - c0, children_cpu() - k0
        print(
            f"speechkit phrases (rjieba, {workers} process{'es' if workers > 1 else ''}"
            f"{', from files' if args.files else ''}): "
            f"{dt:6.1f} s  {mb / dt:6.2f} MB/s  (CPU: main process {cpu:.1f} s, "
            f"workers {kids:.1f} s); "
            f"peak RSS main {peak_rss_mb():.0f} MB, workers {peak_rss_mb(children=True):.0f} MB"
            + (f" (a worker's own, USS: {uss[0]:.0f} MB)" if args.uss and workers > 1 else "")
        )
        if args.tracemalloc:
            traced = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            print(f"  main process, allocations of the run (tracemalloc): peak {traced:.1f} MB")
    print("  top 15:", " ".join(p.phrase for p in found[:15]))
    print("  multi-word (>= 6 characters) in top 50:", sum(len(p.phrase) >= 6 for p in found))

    if not args.skip_jieba:
        text = "\n".join(
            [Path(f).read_text("utf-8") for f in sorted(Path(folder.name).iterdir())]
            if args.files
            else [s.text for s in speeches]
        )
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
    print(f"load average after: {load()}")
    folder.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[20.0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-jieba", action="store_true", help="do not time extract_tags")
    parser.add_argument(
        "--parallel-only",
        action="store_true",
        help="only the --workers run (not the 1-process one first): the peak RSS of the main "
        "process is then that of the parallel run",
    )
    parser.add_argument(
        "--files",
        action="store_true",
        help="write the corpus as .txt files and time run_phrases on the folder, as the "
        "command reads it (file by file, each paragraph a string of its own)",
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also trace the main process's allocations during the run (Python objects and "
        "numpy arrays; after an untraced run that loads every cache); slows the run",
    )
    parser.add_argument(
        "--uss",
        action="store_true",
        help="also sample the largest worker's own memory (USS) from /proc; the sampling costs "
        "this process CPU, so leave it out of timing runs",
    )
    args = parser.parse_args()
    if len(args.mb) == 1:
        run_size(args, args.mb[0])
        return
    for size in args.mb:  # a fresh process per size: ru_maxrss is a lifetime peak
        command = [sys.executable, __file__, "--mb", str(size), "--seed", str(args.seed)]
        command += ["--workers", str(args.workers)]
        command += ["--skip-jieba"] if args.skip_jieba else []
        command += ["--parallel-only"] if args.parallel_only else []
        command += ["--files"] if args.files else []
        command += ["--uss"] if args.uss else []
        command += ["--tracemalloc"] if args.tracemalloc else []
        sys.stdout.flush()
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
