"""Draft quality: what `speechkit check` finds in drafts of profiles no test was written against.

    python benchmarks/draft_quality.py [--profiles DIR] [--seeds 0 1 2] [--drafts DIR]

Drafts each profile of benchmarks/profiles/ (12 profiles written for this benchmark before the
grounded-drafts work was tuned: every meeting type, level and campaign, four with only the
required keys) on the bundled corpus, reviews each draft with speechkit.check, and prints per
draft its length against the target, the largest single-source share and the findings by kind;
then findings per 1,000 characters by kind over all drafts.

``--drafts DIR`` reviews existing draft JSON files instead (``DIR/<profile stem>.json``, as
written by ``speechkit draft P.yaml --format json``), e.g. drafts made by an older version.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from speechkit.bank.build import load_model
from speechkit.check.review import KINDS, Paragraph, facts_from_profile, review
from speechkit.draft.compose import count_chars, draft
from speechkit.draft.output import draft_to_json
from speechkit.profile import load_profile

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=Path, default=HERE / "profiles")
    parser.add_argument("--seeds", type=int, nargs="*", default=[None])
    parser.add_argument("--drafts", type=Path, help="review these draft JSON files instead")
    args = parser.parse_args()
    model = load_model()
    totals: Counter[str] = Counter()
    chars_total = 0
    worst_share = 0.0
    length_ok = 0
    n = 0
    print(
        f"{'profile':<28} {'seed':>4} {'chars':>6} {'target':>6} {'len%':>5} {'share':>6}  findings"
    )
    for path in sorted(args.profiles.glob("*.yaml")):
        profile = load_profile(path)
        for seed in args.seeds:
            if args.drafts is not None:
                data = json.loads((args.drafts / f"{path.stem}.json").read_text(encoding="utf-8"))
            else:
                data = draft_to_json(draft(profile, model, seed=seed))
            paragraphs = [
                Paragraph(p["text"], heading=p["kind"] == "heading", lead=p.get("lead"))
                for p in data["paragraphs"]
            ]
            report = review(paragraphs, facts=facts_from_profile(profile), model=model)
            chars = count_chars("\n".join(p.text for p in paragraphs))
            kinds = Counter(f.kind for f in report.findings)
            totals.update(kinds)
            chars_total += chars
            share = max((c.share for c in report.copied), default=0.0)
            worst_share = max(worst_share, share)
            change = chars / profile.length - 1
            length_ok += abs(change) <= 0.15
            n += 1
            listed = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none"
            print(
                f"{path.stem:<28} {seed if seed is not None else '-':>4} {chars:>6} "
                f"{profile.length:>6} {change:>+5.0%} {share:>6.1%}  {listed}"
            )
    print()
    print(
        f"{n} drafts, {chars_total} characters; length within ±15 %: {length_ok}/{n}; "
        f"largest single-source share {worst_share:.1%}"
    )
    print("findings per 1,000 characters:")
    for kind in KINDS:
        print(f"  {kind:<18} {1000 * totals[kind] / chars_total:6.2f}  ({totals[kind]})")
    print(
        f"  {'all':<18} {1000 * sum(totals.values()) / chars_total:6.2f}  ({sum(totals.values())})"
    )


if __name__ == "__main__":
    main()
