"""What sending texts to workers and digesting them costs: the figures quoted in
``speechkit/engine/textblock.py`` and ``speechkit/dedup/exact.py``.

    python benchmarks/transport.py [--docs 100000]

Prints, per chunk of 10,000 heavy-duplication paragraphs (``generate_dedup.generate_heavy``):
the client's CPU to pickle them as a list and as a :class:`~speechkit.engine.textblock.TextBlock`
(built and pickled), the worker's CPU to unpickle each, the pickled sizes; and the CPU per
million normalized units of a BLAKE2b digest against the XXH3 one the map stage uses.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import time
from collections.abc import Callable

import numpy as np
from generate_dedup import generate_heavy

from speechkit.dedup.exact import code_digests
from speechkit.dedup.normalize import normalize_codes
from speechkit.engine.textblock import TextBlock

CHUNK = 10_000


def cpu_ms(fn: Callable[[], object], repeat: int) -> float:
    """Mean CPU milliseconds of ``fn`` over ``repeat`` calls."""
    start = time.process_time()
    for _ in range(repeat):
        fn()
    return (time.process_time() - start) / repeat * 1000


def blake2b_digests(codes: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The digest the map stage used before XXH3 (64-bit BLAKE2b of the UTF-32 code points)."""
    data = memoryview(np.ascontiguousarray(codes, dtype="<u4").tobytes())
    found, pos = [], 0
    for end in (4 * np.cumsum(lengths)).tolist():
        digest = hashlib.blake2b(data[pos:end], digest_size=8).digest()
        found.append(int.from_bytes(digest, "little"))
        pos = end
    return np.array(found, dtype=np.uint64)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    args = parser.parse_args()
    docs, _ = generate_heavy(args.docs, seed=0)
    chunks = [docs[i : i + CHUNK] for i in range(0, len(docs), CHUNK)]
    repeat = len(chunks)
    it = iter(range(10**9))

    def nxt() -> list[str]:
        return chunks[next(it) % repeat]

    as_list = pickle.dumps(chunks[0], protocol=5)
    as_block = pickle.dumps(TextBlock(chunks[0]), protocol=5)
    print(f"{CHUNK:,} texts, {sum(map(len, chunks[0])):,} characters a chunk; load average "
          f"{os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"  list : pickle {cpu_ms(lambda: pickle.dumps(nxt(), protocol=5), repeat):5.1f} ms, "
          f"unpickle {cpu_ms(lambda: pickle.loads(as_list), repeat):5.1f} ms, "
          f"{len(as_list) / 1e6:.1f} MB")  # fmt: skip
    print(f"  block: build+pickle "
          f"{cpu_ms(lambda: pickle.dumps(TextBlock(nxt()), protocol=5), repeat):5.1f} ms, "
          f"unpickle {cpu_ms(lambda: pickle.loads(as_block), repeat):5.1f} ms, "
          f"{len(as_block) / 1e6:.1f} MB")  # fmt: skip
    normalized = [normalize_codes(c) for c in chunks]
    per_million = 1_000_000 / CHUNK / 1000  # ms a chunk -> s a million
    for name, digest in (("BLAKE2b", blake2b_digests), ("XXH3", code_digests)):
        k = iter(range(10**9))
        ms = cpu_ms(lambda d=digest, k=k: d(*normalized[next(k) % repeat]), repeat)  # type: ignore[misc]
        print(f"  digest {name:7}: {ms * per_million:.2f} CPU-s per 1M units")


if __name__ == "__main__":
    main()
