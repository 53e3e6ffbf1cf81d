"""Drafting speed on the bundled corpus: warm draft, cold ``speechkit draft``, first build.

- warm: in one process, the corpus model already loaded; median of ``--repeat`` drafts of each
  example profile (``draft(profile, model, seed=…)``).
- cold: a new ``python -m speechkit draft examples/… -o out.docx`` process with the corpus model
  cache already built (imports, cache load, draft, .docx); median of ``--repeat`` runs.
- first build: the same command with an empty cache folder (ingest + structure + model build).

    python benchmarks/draft.py
    python benchmarks/draft.py --repeat 10
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _run_cli(profile: Path, out: Path, cache: Path) -> float:
    env = {**os.environ, "SPEECHKIT_CACHE": str(cache)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "speechkit", "draft", str(profile), "-o", str(out)],
        check=True, env=env, cwd=ROOT, capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=5, help="Runs per measurement (median shown)."
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        out = Path(tmp) / "讲话稿.docx"
        first = _run_cli(EXAMPLES[0], out, cache)
        cold = [_run_cli(EXAMPLES[0], out, cache) for _ in range(args.repeat)]

        os.environ["SPEECHKIT_CACHE"] = str(cache)  # read by load_model: import it after this
        from speechkit.draft import draft, load_model, load_profile

        start = time.perf_counter()
        model = load_model()
        load_s = time.perf_counter() - start
        n = len(model.paragraphs)
        print(f"sentence bank: {n} paragraphs from {len(model.speeches)} speeches "
              f"(roles from {model.roles_backend}); cache load {load_s * 1000:.0f} ms")  # fmt: skip
        for path in EXAMPLES:
            profile = load_profile(path)
            times = []
            for seed in range(args.repeat):
                start = time.perf_counter()
                d = draft(profile, model, seed=seed)
                times.append(time.perf_counter() - start)
            median = statistics.median(times) * 1000
            print(
                f"warm draft  {path.name:<24} median {median:6.0f} ms  "
                f"max {max(times) * 1000:6.0f} ms  "
                f"({d.stats['chars']} chars, target {profile.length})"
            )
    print(
        "cold `speechkit draft … -o 讲话稿.docx` (model cached): "
        f"median {statistics.median(cold):.2f} s, max {max(cold):.2f} s"
    )
    print(
        "first `speechkit draft` with an empty cache (ingest + structure + model build): "
        f"{first:.2f} s"
    )


if __name__ == "__main__":
    main()
