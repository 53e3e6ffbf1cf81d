"""Draft stability: how much of a draft changes when a rule removes a few corpus sentences.

    python benchmarks/draft_stability.py [--profiles DIR ...] [--remove 3]

For each profile, drafts it on the bundled corpus, then drafts it again with ``--remove`` of the
corpus sentences the first draft used left out (the longest ones, as a new rule would remove a
few sentences), and prints the share of the first draft's sentences the second draft keeps and
whether anything outside the removed sentences' own paragraphs changed. A selection that draws
from one shared random stream reshuffles every later pick when one candidate goes; one stream
per decision (speechkit.draft.select.Selector.draw) keeps the rest of the draft.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from speechkit.bank.build import load_model
from speechkit.draft import select
from speechkit.draft.compose import draft
from speechkit.profile import load_profile
from speechkit.zh import split_sentences

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--profiles", type=Path, nargs="*",
        default=[HERE / "profiles", HERE / "profiles_read", HERE.parent / "examples"],
    )  # fmt: skip
    parser.add_argument("--remove", type=int, default=3)
    args = parser.parse_args()
    model = load_model()
    original = select.adapt_sentence
    kept_total = 0.0
    changed = 0
    n = 0
    print(f"{'profile':<28} {'kept':>6}  paragraphs changed")  # kept: of the other sentences
    for folder in args.profiles:
        for path in sorted(folder.glob("*.yaml")):
            profile = load_profile(path)
            first = draft(profile, model)
            used = [s for p in first.paragraphs for s in split_sentences(p.text)]
            removed = set(sorted(used, key=lambda s: (-len(s), s))[: args.remove])

            def without(
                sentence: str, names: tuple[str, ...], ctx: object, removed: set[str] = removed
            ) -> str | None:
                out = original(sentence, names, ctx)  # type: ignore[arg-type]
                return None if out in removed else out

            select.adapt_sentence = without  # type: ignore[assignment]
            try:
                second = draft(profile, model)
            finally:
                select.adapt_sentence = original
            again = {s for p in second.paragraphs for s in split_sentences(p.text)}
            rest = [s for s in used if s not in removed]
            kept = sum(1 for s in rest if s in again) / max(len(rest), 1)
            pairs = zip(first.paragraphs, second.paragraphs, strict=False)
            paras = sum(1 for a, b in pairs if a.text != b.text)
            paras += abs(len(first.paragraphs) - len(second.paragraphs))
            kept_total += kept
            changed += paras
            n += 1
            print(f"{path.stem:<28} {kept:6.1%}  {paras}")
    print(f"\n{n} drafts: mean share of other sentences kept {kept_total / n:.1%}; "
          f"paragraphs changed {changed}")


if __name__ == "__main__":
    main()
