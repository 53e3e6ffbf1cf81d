"""Recall per finding kind and false alarms of `speechkit check` on planted problems.

    python benchmarks/check_planted.py

Plants each hand-written case of tests/data/check/planted.yaml (written before the checker's
rules, see its header) into the drafts of the three example profiles and prints the table of
speechkit.check.evaluate.score_planted, then every missed case and false alarm.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from speechkit.bank.build import load_model
from speechkit.check.evaluate import score_planted
from speechkit.check.review import Paragraph, facts_from_profile
from speechkit.draft.compose import draft
from speechkit.profile import load_profile

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    cases = yaml.safe_load((ROOT / "tests/data/check/planted.yaml").read_text(encoding="utf-8"))
    model = load_model()
    drafts = {}
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        profile = load_profile(path)
        result = draft(profile, model)
        paragraphs = [
            Paragraph(p.text, heading=p.kind == "heading", lead=p.lead) for p in result.paragraphs
        ]
        drafts[path.stem] = (paragraphs, facts_from_profile(profile))
    start = time.perf_counter()
    score = score_planted(cases, drafts, model=model)
    print(score.table())
    print(f"({time.perf_counter() - start:.1f} s)")
    for kind, sentence in score.missed:
        print(f"missed {kind}: {sentence}")
    for kinds, sentence in score.false_alarms:
        print(f"false alarm ({kinds}): {sentence}")


if __name__ == "__main__":
    sys.exit(main())
