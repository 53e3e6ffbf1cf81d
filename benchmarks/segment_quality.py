"""Measure cleaning and speech segmentation against the hand labels of the seeds.

Prints speech-boundary recall and precision (start within ±2 lines), title
attachment, % of boilerplate lines removed and % of speech lines kept, both
after cleaning and in the final output (paragraphs + titles).

    python benchmarks/segment_quality.py [--corpus DIR] [--labels DIR] [--tolerance N]

Labels: tests/data/segment/speech_starts.json and tests/data/clean/line_labels.json,
tests/data/segment/synthetic/labels.json, tests/data/segment/heldout/labels.json and
tests/data/segment/heldout2/labels.json (untuned on the first run; four general fixes
followed, so it is no longer held out: see its README)
(see tests/data/segment/README.md for how they were made). The held-out files are
read through the real readers (``open_corpus``), the others as UTF-8 text.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from speechkit.corpus import open_corpus
from speechkit.model import Document
from speechkit.segment.evaluate import QualityReport, evaluate_documents, evaluate_folder

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--labels", type=Path, default=ROOT / "tests" / "data")
    parser.add_argument("--tolerance", type=int, default=2)
    args = parser.parse_args()

    starts = json.loads((args.labels / "segment" / "speech_starts.json").read_text("utf-8"))
    boiler = json.loads((args.labels / "clean" / "line_labels.json").read_text("utf-8"))
    report(f"seeds ({args.corpus})", args.corpus, starts, boiler, args.tolerance)

    synthetic = args.labels / "segment" / "synthetic"
    labels = json.loads((synthetic / "labels.json").read_text("utf-8"))
    print()
    report(
        f"synthetic compilations ({synthetic})",
        synthetic,
        labels["starts"],
        labels["boilerplate"],
        args.tolerance,
    )

    heldout = args.labels / "segment" / "heldout"
    labels = json.loads((heldout / "labels.json").read_text("utf-8"))
    corpus = open_corpus([heldout / name for name in labels["starts"]], warn=print)
    print()
    show(
        f"held-out compilations, real readers (.txt GBK, .html, .docx) ({heldout})",
        evaluate_documents(
            corpus.documents, labels["starts"], labels["boilerplate"], tolerance=args.tolerance
        ),
        args.tolerance,
    )

    heldout2 = args.labels / "segment" / "heldout2"
    labels = json.loads((heldout2 / "labels.json").read_text("utf-8"))
    files = sorted({key.split("#")[0] for key in labels["starts"] if not key.startswith("_")})
    corpus = open_corpus([heldout2 / name for name in files], text_field="content", warn=print)
    print()
    show(
        f"held-out 2, after fixes, no longer held out (.txt UTF-16, .jsonl, .md, .docx) "
        f"({heldout2})",
        evaluate_documents(
            by_record(corpus.documents),
            labels["starts"],
            labels["boilerplate"],
            tolerance=args.tolerance,
        ),
        args.tolerance,
    )

    heldout3 = args.labels / "segment" / "heldout3"
    labels = json.loads((heldout3 / "labels.json").read_text("utf-8"))
    corpus = open_corpus([heldout3 / name for name in labels["starts"]], warn=print)
    print()
    show(
        f"held-out 3, bylines and datelines (.txt UTF-8, GBK) ({heldout3})",
        evaluate_documents(
            corpus.documents, labels["starts"], labels["boilerplate"], tolerance=args.tolerance
        ),
        args.tolerance,
    )
    show_meta(corpus.documents, labels["meta"])


def show_meta(documents: list[Document], meta: dict[str, list[dict]]) -> None:
    """Dates and speakers of the speeches against the hand labels, speech by speech in order."""
    dates = speakers = total = 0
    for doc in documents:
        expected = meta.get(Path(doc.source).name, [])
        total += len(expected)
        if len(doc.speeches) != len(expected):
            print(f"  {doc.source}: {len(doc.speeches)} speeches, {len(expected)} labelled")
            continue
        for speech, want in zip(doc.speeches, expected, strict=True):
            got = (getattr(speech, "date", None), getattr(speech, "speaker", None))
            dates += got[0] == want["date"]
            speakers += got[1] == want["speaker"]
            if got != (want["date"], want["speaker"]):
                print(f"  {doc.source}:{speech.first_line}: got {got}, expected {want}")
    print(f"dates right: {dates}/{total}, speakers right: {speakers}/{total}")


def by_record(documents: list[Document]) -> list[Document]:
    """Name .jsonl/.csv records ``file#record`` so each is scored against its own labels."""
    return [
        replace(doc, source=f"{doc.source}#{doc.record}") if doc.record is not None else doc
        for doc in documents
    ]


def report(heading: str, folder: Path, starts: dict, boiler: dict, tolerance: int) -> None:
    show(heading, evaluate_folder(folder, starts, boiler, tolerance=tolerance), tolerance)


def show(heading: str, r: QualityReport, tolerance: int) -> None:
    print(heading)
    for name, s in r.per_file.items():
        print(f"  {name}: expected {s.expected}, predicted {s.predicted}, matched {s.matched}")
    b = r.boundaries
    print(
        f"speech starts (±{tolerance} lines): recall {b.recall:.1%} ({b.matched}/{b.expected}), "
        f"precision {b.precision:.1%} ({b.matched}/{b.predicted})"
    )
    print(f"titles attached: {r.titles}/{r.titles_expected}")
    for label, s in (("after cleaning", r.cleaning), ("final output", r.output)):
        print(
            f"{label}: boilerplate removed {s.removed_rate:.1%} "
            f"({s.boilerplate_removed}/{s.boilerplate}), "
            f"speech lines kept {s.kept_rate:.1%} ({s.speech_kept}/{s.speech})"
        )


if __name__ == "__main__":
    main()
