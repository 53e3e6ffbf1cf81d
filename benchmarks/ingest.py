"""Ingestion throughput and peak memory on a generated corpus of >= 50 MB.

The corpus is made from the bundled speeches' lines, shuffled and perturbed
(place names, numbers, some GBK and UTF-16 files, a few .jsonl files) with a
fixed seed, written file by file into a temporary folder. Each ingest runs in a
fresh child process so its peak resident memory (``ru_maxrss``) is its own.
Running two sizes shows whether memory stays flat as the corpus grows.

Usage::

    python benchmarks/ingest.py                 # 10 MB and 50 MB corpora
    python benchmarks/ingest.py --sizes 50 --seed 1

Prints per size: MB, files, seconds, MB/s, peak RSS, and where the time went.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from generate import line_corpus

_CHILD = """
import sys, time, resource
import speechkit.corpus as corpus
from speechkit.store import Store

spent = dict(read=0.0, clean=0.0, segment=0.0, store=0.0)

def timed(name, func):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
    return wrapper

def timed_iter(name, func):
    def wrapper(*args, **kwargs):
        items = iter(func(*args, **kwargs))
        while True:
            start = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                spent[name] += time.perf_counter() - start
                return
            spent[name] += time.perf_counter() - start
            yield item
    return wrapper

corpus.read_documents = timed_iter("read", corpus.read_documents)
corpus.file_sha256 = timed("read", corpus.file_sha256)
corpus.clean_lines = timed("clean", corpus.clean_lines)
corpus.segment = timed("segment", corpus.segment)
Store.add_document = timed("store", Store.add_document)
start, cpu_start = time.perf_counter(), time.process_time()
report = corpus.ingest_paths([{folder!r}], {db!r}, warn=lambda m: None)
elapsed = time.perf_counter() - start
cpu = time.process_time() - cpu_start
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
other = elapsed - sum(spent.values())
print(elapsed, peak_kb, report.files, report.speeches, report.paragraphs,
      spent["read"], spent["clean"], spent["segment"], spent["store"], other, cpu)
"""


def run(megabytes: int, *, seed: int) -> None:
    with tempfile.TemporaryDirectory(prefix="speechkit-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size, files = line_corpus(folder, megabytes, seed=seed)
        db = Path(tmp) / "bench.db"
        code = _CHILD.format(folder=str(folder), db=str(db))
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout.split()
        elapsed, peak_kb = float(out[0]), int(out[1])
        read_files, speeches, paragraphs = map(int, out[2:5])
        read, clean, segment, store, other, cpu = map(float, out[5:11])
        mb = size / 1024 / 1024
        db_mb = db.stat().st_size / 1024 / 1024
        print(
            f"{mb:6.1f} MB in {files} files ({read_files} read): {elapsed:6.1f} s, "
            f"{mb / elapsed:5.2f} MB/s ({mb / cpu:5.2f} MB/s of CPU time), "
            f"peak RSS {peak_kb / 1024:6.1f} MB, "
            f"{speeches} speeches, {paragraphs} paragraphs, db {db_mb:.0f} MB"
        )
        print(
            f"        time split: read+decode+hash {read:.1f} s, clean {clean:.1f} s, "
            f"segment {segment:.1f} s, store rows {store:.1f} s, "
            f"FTS index+commit+walk {other:.1f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,50", help="corpus sizes in MB, comma-separated")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    import sqlite3

    print(f"python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}")
    for size in (int(s) for s in args.sizes.split(",")):
        run(size, seed=args.seed)


if __name__ == "__main__":
    main()
