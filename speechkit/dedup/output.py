"""Output of a dedup run: JSON contract, table, CSV, and the deduplicated corpus folder."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from speechkit.atomic import default_mode
from speechkit.dedup.reduce import Cluster
from speechkit.dedup.units import Unit
from speechkit.errors import OutputError
from speechkit.model import Document
from speechkit.types import PathLike

__all__ = [
    "DedupReport",
    "check_output_dir",
    "format_csv",
    "format_table",
    "to_json",
    "write_deduplicated",
]


@dataclass
class DedupReport:
    """Result of :func:`speechkit.dedup.dedup_corpus`.

    Attributes:
        level: ``document``, ``speech`` or ``paragraph``.
        threshold: Jaccard threshold used.
        keep: Representative policy.
        units: All units compared (a list), or in a streamed or store run only the clustered
            ones (a mapping by unit index).
        clusters: Groups of near-duplicates (indices into ``units``), representative first.
        marked: Rows marked ``duplicate_of`` in the store (``None`` without a store).
        written: Folder the deduplicated corpus was written to, if any.
        files_written: Number of files written there.
        min_chars: Units with a shorter normalized text were not compared.
        short: Number of such units (not counting units with no text left at all).
        unit_count: Number of units (``len(units)`` when ``units`` is the full list).
        signed: Units signed in this run in a store (the others' signatures were stored).
        verified: Pairs whose similarity this run computed in a store (the others' were
            stored).
    """

    level: str
    threshold: float
    keep: str
    units: list[Unit] | Mapping[int, Unit]
    clusters: list[Cluster]
    marked: int | None = None
    written: str | None = None
    files_written: int = 0
    min_chars: int = 0
    short: int = 0
    unit_count: int | None = None
    signed: int | None = None
    verified: int | None = None

    def __post_init__(self) -> None:
        if self.unit_count is None:
            self.unit_count = len(self.units)

    @property
    def duplicates(self) -> int:
        """Units that are not kept."""
        return sum(len(c.members) - 1 for c in self.clusters)

    def summary(self) -> str:
        """One line for people."""
        skipped = (
            f" ({self.short} shorter than {self.min_chars} characters, not compared)"
            if self.short
            else ""
        )
        text = (
            f"{self.unit_count} {self.level} units{skipped}, "
            f"{len(self.clusters)} groups of near-duplicates, "
            f"{self.duplicates} duplicates (threshold {self.threshold:g}, keep {self.keep})"
        )
        if self.marked is not None:
            text += f"; {self.marked} marked in the store"
        if self.written:
            text += f"; {self.files_written} files written to {self.written}"
        return text


def _member(unit: Unit, similarity: float) -> dict[str, Any]:
    return {
        "source": unit.source,
        "record": unit.record,
        "first_line": unit.first_line,
        "last_line": unit.last_line,
        "title": unit.title,
        "similarity": round(similarity, 4),
        "chars": unit.length,
    }


def to_json(report: DedupReport) -> dict[str, Any]:
    """The JSON contract: ``{"clusters": [{"similarity", "members": [...]}]}``.

    Members carry ``source``, ``record``, ``first_line``, ``last_line``, ``title`` and the added
    ``similarity`` (exact Jaccard to the kept first member) and ``chars``; clusters add
    ``pairs`` (verified pairs as member positions with their exact similarity). The top
    level adds ``level``, ``threshold``, ``min_chars``, ``keep`` and ``units``.
    """
    clusters = []
    for cluster in report.clusters:
        position = {u: k for k, u in enumerate(cluster.members)}
        clusters.append(
            {
                "similarity": round(cluster.similarity, 4),
                "members": [
                    _member(report.units[u], s)
                    for u, s in zip(cluster.members, cluster.to_representative, strict=True)
                ],
                "pairs": [[position[i], position[j], round(s, 4)] for i, j, s in cluster.pairs],
            }
        )
    return {
        "level": report.level,
        "threshold": report.threshold,
        "min_chars": report.min_chars,
        "keep": report.keep,
        "units": report.unit_count,
        "clusters": clusters,
    }


def _where(unit: Unit) -> str:
    record = f"#{unit.record}" if unit.record is not None else ""
    lines = (
        str(unit.first_line)
        if unit.first_line == unit.last_line
        else f"{unit.first_line}-{unit.last_line}"
    )
    return f"{unit.source}{record}:{lines}"


def _short(text: str | None, width: int = 30) -> str:
    if not text:
        return "(no title)"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(report: DedupReport, *, max_pairs: int = 20) -> str:
    """Groups for people: titles, ``source:lines``, similarity to the kept member, pairs."""
    out = []
    for g, cluster in enumerate(report.clusters, 1):
        out.append(
            f"group {g}: {len(cluster.members)} members, similarity >= {cluster.similarity:.2f}"
        )
        for k, (u, s) in enumerate(zip(cluster.members, cluster.to_representative, strict=True)):
            unit = report.units[u]
            mark = "keep" if k == 0 else f"{s:.2f}"
            out.append(f"  {k + 1:>3}. {mark:>4}  {_where(unit)}  {_short(unit.title)}")
        position = {u: k + 1 for k, u in enumerate(cluster.members)}
        pairs = [f"{position[i]}~{position[j]} {s:.2f}" for i, j, s in cluster.pairs[:max_pairs]]
        more = len(cluster.pairs) - max_pairs
        out.append("       pairs: " + ", ".join(pairs) + (f", … {more} more" if more > 0 else ""))
    out.append(report.summary())
    return "\n".join(out)


def format_csv(report: DedupReport) -> str:
    """One row per member of every group: a removed → kept mapping.

    Columns: ``group``, ``group_similarity``, ``kept``, ``source``, ``record``, ``first_line``,
    ``last_line``, ``title``, ``similarity`` (as before), then ``cluster`` (= ``group``),
    ``kept_source``, ``kept_record``, ``kept_first_line`` (the group's kept member) and
    ``similarity_to_kept`` (= ``similarity``: exact Jaccard to the kept member). ``kept`` is
    ``true`` or ``false``. To drop duplicates from a table of records, remove the rows whose
    ``(source, record)`` appears here with ``kept = false``.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "group", "group_similarity", "kept", "source", "record", "first_line", "last_line",
            "title", "similarity", "cluster", "kept_source", "kept_record", "kept_first_line",
            "similarity_to_kept",
        ]
    )  # fmt: skip
    for g, cluster in enumerate(report.clusters, 1):
        kept = report.units[cluster.representative]
        kept_record = "" if kept.record is None else kept.record
        for k, (u, s) in enumerate(zip(cluster.members, cluster.to_representative, strict=True)):
            unit = report.units[u]
            writer.writerow(
                [
                    g, f"{cluster.similarity:.4f}", "true" if k == 0 else "false", unit.source,
                    "" if unit.record is None else unit.record, unit.first_line, unit.last_line,
                    unit.title or "", f"{s:.4f}", g, kept.source, kept_record, kept.first_line,
                    f"{s:.4f}",
                ]
            )  # fmt: skip
    return buffer.getvalue()


def check_output_dir(path: PathLike, *, force: bool) -> Path:
    """Check up front that ``path`` can receive the deduplicated corpus.

    Raises:
        OutputError: ``path`` is a file, or a non-empty folder and ``force`` is false.
    """
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: exists and is not a folder; choose a folder for --write")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise OutputError(
            f"{target}: folder is not empty; choose a new folder or add --force to replace it"
        )
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{target}: folder {parent} does not exist; create it first")
    return target


def _relative_name(unit: Unit, doc: Document) -> PurePosixPath:
    parts = [
        p for p in PurePosixPath(Path(doc.source).as_posix()).parts if p not in ("/", "..", ".")
    ]
    parts = [p.replace(":", "_") for p in parts] or ["document"]
    name = PurePosixPath(*parts)
    stem = name.stem if name.suffix else name.name
    if doc.record is not None:
        stem = f"{stem}-{doc.record:05d}"
    return name.with_name(f"{stem}.txt")


def write_deduplicated(
    report: DedupReport, documents: Sequence[Document], path: PathLike, *, force: bool = False
) -> int:
    """Write the corpus without duplicates: every unit not in a group, and each group's kept one.

    One ``.txt`` file per source document (records of .jsonl/.csv as ``name-00012.txt``) under
    ``path``, keeping the relative folder layout of the sources. Speeches are written as their
    title line and paragraphs, separated by a blank line. The folder is built beside ``path``
    and renamed into place, so a failed run leaves nothing half-written; sources are only read.

    Returns:
        Number of files written.

    Raises:
        OutputError: ``path`` is not empty (without ``force``) or cannot be written.
    """
    target = check_output_dir(path, force=force)
    if not isinstance(report.units, list):
        raise TypeError("write_deduplicated needs the report of an in-memory run (all units)")
    dropped = {u for c in report.clusters for u in c.members[1:]}
    kept: dict[int, list[Unit]] = {}
    for k, unit in enumerate(report.units):
        if k not in dropped:
            kept.setdefault(unit.document, []).append(unit)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
        os.chmod(tmp, default_mode(0o777))  # mkdtemp makes it private (0700)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write in {parent} ({exc.strerror})") from exc
    try:
        used: set[PurePosixPath] = set()
        for d in sorted(kept):
            units = kept[d]
            name = _relative_name(units[0], documents[d])
            base, n = name, 2
            while name in used:
                name = base.with_name(f"{base.stem}-{n}.txt")
                n += 1
            used.add(name)
            file = tmp.joinpath(*name.parts)
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(_render(report.level, units, documents[d]), encoding="utf-8")
        _replace_dir(tmp, target)
    except OSError as exc:
        raise OutputError(
            f"{target}: cannot write ({exc.strerror}); choose a writable folder"
        ) from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return len(used)


def _render(level: str, units: list[Unit], doc: Document) -> str:
    if level == "document":
        return units[0].text + "\n"
    blocks: list[list[str]] = []
    current: int | None = None
    for unit in units:
        if unit.speech != current:
            current = unit.speech
            title = doc.speeches[unit.speech].title if unit.speech is not None else None
            blocks.append([title] if title else [])
        blocks[-1].append(unit.text)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def _replace_dir(tmp: Path, target: Path) -> None:
    """Rename the finished folder onto ``target`` (moving an old one aside first)."""
    old: Path | None = None
    if target.is_dir():
        if any(target.iterdir()):
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=tmp.parent))
            os.rmdir(old)
            os.replace(target, old)
        else:
            os.rmdir(target)
    os.replace(tmp, target)
    if old is not None:
        with contextlib.suppress(OSError):
            shutil.rmtree(old)
