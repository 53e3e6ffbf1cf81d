"""Quality of the phrase ranking against hand-written lists of the genre's expressions.

Prints precision@50, precision@100 and recall@100 of `speechkit phrases` for

* the seeds (the bundled corpus) against ``tests/data/phrases/eval_seeds.txt``;
* a second genre written for the test (``tests/data/phrases/safety/``, eight 安全生产 speeches)
  against ``tests/data/phrases/eval_safety.txt``;
* both corpora together against both lists (the genres compete in one ranking).

A ranked phrase is a hit when it, or one of its merged word-order ``variants``, is a list
item. Recall is also given over the *reachable* items: those occurring in at least
``--min-docs`` distinct speeches (a phrase in fewer cannot be ranked at all). How the lists
were made: ``tests/data/phrases/README.md``.

    python benchmarks/phrases_quality.py [--top 100] [--show]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from speechkit.corpus import open_corpus
from speechkit.model import Speech
from speechkit.phrases import Phrase, PhraseConfig, extract_phrases
from speechkit.phrases.texts import distinct_speeches

ROOT = Path(__file__).resolve().parents[1]

DATA = ROOT / "tests" / "data" / "phrases"


def load_list(path: Path) -> list[str]:
    """The expressions of an evaluation list (``category<TAB>expression`` lines)."""
    items = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            items.append(line.split("\t")[-1].strip())
    return items


def reachable(items: list[str], speeches: list[Speech], min_docs: int) -> list[str]:
    """Items that occur in at least ``min_docs`` distinct speeches."""
    texts = [s.text for s in distinct_speeches(speeches)]
    return [t for t in items if sum(t in x for x in texts) >= min_docs]


def score(ranking: list[Phrase], items: list[str], reach: list[str], top: int) -> dict:
    wanted = set(items)

    def hit(p: Phrase) -> str | None:
        for form in (p.phrase, *p.variants):
            if form in wanted:
                return form
        return None

    hits = [hit(p) for p in ranking]
    found = {h for h in hits[:top] if h}
    return {
        "p@50": sum(1 for h in hits[:50] if h) / min(50, len(hits) or 1),
        "p@100": sum(1 for h in hits[:100] if h) / min(100, len(hits) or 1),
        "recall": len(found) / len(items),
        "recall_reachable": len(found & set(reach)) / (len(reach) or 1),
        "found": found,
        "hits": hits,
    }


def report(
    name: str,
    speeches: list[Speech],
    items: list[str],
    args: argparse.Namespace,
    *,
    genre: str | None = None,
) -> None:
    config = PhraseConfig(top_n=args.top, min_docs=args.min_docs, genre=genre)
    ranking = extract_phrases(speeches, config=config)
    if genre is not None:  # reachable within the ranked genre
        speeches = [s for s in speeches if Path(s.source).parent.name == genre]
    reach = reachable(items, speeches, args.min_docs)
    s = score(ranking, items, reach, args.top)
    print(
        f"{name}: {len(ranking)} phrases; precision@50 {s['p@50']:.2f}, "
        f"precision@100 {s['p@100']:.2f}, recall@{args.top} {s['recall']:.2f} "
        f"({len(s['found'])}/{len(items)}), of the {len(reach)} reachable "
        f"{s['recall_reachable']:.2f}"
    )
    if args.show:
        print("  ranked, * = on the list:")
        print(
            "  "
            + " ".join(
                f"{'*' if h else ''}{p.phrase}" for p, h in zip(ranking, s["hits"], strict=True)
            )
        )
        print("  reachable but missed:", " ".join(t for t in reach if t not in s["found"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--min-docs", type=int, default=2)
    parser.add_argument("--show", action="store_true", help="print the rankings and misses")
    args = parser.parse_args()
    seeds_list = load_list(DATA / "eval_seeds.txt")
    safety_list = load_list(DATA / "eval_safety.txt")
    with open_corpus() as corpus:
        seeds = corpus.speeches()
    safety = open_corpus([DATA / "safety"]).speeches()
    report("seeds (bundled corpus)", seeds, seeds_list, args)
    report("second genre (安全生产, 8 speeches)", safety, safety_list, args)
    report("both corpora, both lists", seeds + safety, seeds_list + safety_list, args)
    # one genre ranked against the other (--genre: G of speechkit.phrases.scoring)
    report("seeds against the second genre (--genre corpus)", seeds + safety, seeds_list, args,
           genre="corpus")  # fmt: skip
    report(
        "second genre against the seeds (--genre safety)",
        seeds + safety, safety_list, args, genre="safety",
    )  # fmt: skip


if __name__ == "__main__":
    main()
