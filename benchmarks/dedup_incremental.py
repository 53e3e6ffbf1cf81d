"""Incremental dedup in a store: add 1,000 documents to a deduplicated store of ``--n``.

Generates ``--n`` heavy-duplication documents (benchmarks/dedup.py) and ``--new`` more of the
same kind (copies of the same seed paragraphs among them), ingests the first into a store and
deduplicates it, ingests the new ones, then times ``dedup --db`` again (which signs only the new
units and verifies only the new pairs) and checks its JSON equals that of a run with the
stored state dropped.

    python benchmarks/dedup_incremental.py --n 1000000 --new 1000
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from generate_dedup import generate_heavy

from speechkit.corpus import ingest_paths
from speechkit.dedup import dedup_corpus, to_json


def _write(path: Path, docs: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps({"text": d}, ensure_ascii=False) + "\n" for d in docs)
    return path


def _timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{label}: {time.perf_counter() - start:.1f} s (load average {load})", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", "--docs", type=int, default=1_000_000)
    parser.add_argument("--new", type=int, default=1_000)
    parser.add_argument("--level", default="document")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep-dir", type=Path, help="folder for the files and the store")
    parser.add_argument("--no-check", action="store_true", help="skip the full-run comparison")
    args = parser.parse_args()
    folder = args.keep_dir or Path(tempfile.mkdtemp(prefix="speechkit-incr-"))
    folder.mkdir(parents=True, exist_ok=True)
    docs, _ = generate_heavy(args.n + args.new, seed=3)
    old = _write(folder / "old.jsonl", docs[: args.n])
    new = _write(folder / "new.jsonl", docs[args.n :])
    del docs
    db = folder / "store.db"
    quiet = lambda _m: None  # noqa: E731
    run = functools.partial(dedup_corpus, db=db, level=args.level, workers=args.workers, warn=quiet)
    _timed(f"ingest {args.n:,} documents", lambda: ingest_paths([old], db, warn=quiet))
    full = _timed("first dedup --db (signs every unit)", run)
    print(f"  {full.summary()}")
    _timed(f"ingest {args.new:,} new documents", lambda: ingest_paths([new], db, warn=quiet))
    update = _timed("dedup --db after the new documents", run)
    print(
        f"  signed {update.signed:,} of {update.unit_count:,} units, verified {update.verified:,}"
        f" pairs (the first run: {full.verified:,}); {update.summary()}"
    )
    _timed("  its JSON (what `--format json` writes)", lambda: json.dumps(to_json(update)))
    if args.no_check:
        return
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM dedup_blocks")  # the stored state: signatures, similarities
    again = _timed("same store, dedup state dropped", run)
    print(f"  identical to a run signing every unit: {to_json(again) == to_json(update)}")


if __name__ == "__main__":
    main()
