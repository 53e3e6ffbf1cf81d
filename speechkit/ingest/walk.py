"""Expand user paths into the files to read: folders recursively, sorted, deterministic."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from speechkit.errors import InputError
from speechkit.types import PathLike

__all__ = ["GZIP_JSONL", "GZIP_SUFFIXES", "READERS", "check_paths", "iter_files", "reader_kind"]

#: File name suffix -> reader. Files without a suffix are tried as plain text.
READERS: dict[str, str] = {
    ".txt": "text", ".md": "text", ".markdown": "text", ".text": "text", "": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
}  # fmt: skip

#: Kind of a gzip-compressed JSON Lines file (read whole, as UTF-8: a compressed stream has
#: no line offsets to cut it at, and JSON Lines is UTF-8 by definition).
GZIP_JSONL = "jsonl.gz"
GZIP_SUFFIXES = (".jsonl.gz", ".ndjson.gz")

_HINTS = {
    ".gz": "only .jsonl.gz and .ndjson.gz are read; decompress other archives first",
    ".doc": "save it as .docx",
    ".wps": "save it as .docx",
    ".pdf": "convert it to .txt",
    ".json": "write one JSON object per line as .jsonl",
    ".xlsx": "save it as .csv",
    ".xls": "save it as .csv",
}


def reader_kind(path: Path) -> str | None:
    """The reader for ``path`` chosen by suffix (``text``, ``docx``, ``jsonl``...) or ``None``.

    The encoding is never taken from the suffix; it only picks the parser.

    Examples:
        >>> reader_kind(Path("a/讲话.TXT")), reader_kind(Path("b.docx")), reader_kind(Path("c.pdf"))
        ('text', 'docx', None)
        >>> reader_kind(Path("shard-00.jsonl.gz")), reader_kind(Path("backup.tar.gz"))
        ('jsonl.gz', None)
    """
    name = path.name.lower()
    if name.endswith(GZIP_SUFFIXES):
        return GZIP_JSONL
    return READERS.get(path.suffix.lower())


def check_paths(paths: Sequence[PathLike]) -> list[Path]:
    """Check that every path exists, before any work starts.

    Raises:
        InputError: Naming the first missing path.
    """
    checked = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError("no such file or folder; check the path", path=str(given))
        checked.append(path)
    return checked


def _skip_silently(name: str) -> bool:
    # Hidden files/folders (.git, .DS_Store) and Word lock files (~$讲话.docx).
    return name.startswith((".", "~$")) or name == "__pycache__"


def iter_files(
    paths: Sequence[PathLike],
    *,
    warn: Callable[[str], None],
    exclude: Iterable[PathLike] = (),
) -> Iterator[tuple[Path, str, str]]:
    """Yield ``(path, source, kind)`` for every readable-looking file under ``paths``.

    ``source`` is the path as the user gave it (relative stays relative), with
    the file's place inside a given folder appended in POSIX form. Folders are
    walked recursively in sorted order, so runs are deterministic. Files with an
    unsupported suffix are skipped with a warning; the same file given twice is
    read once.

    Files in ``exclude`` (e.g. the database being written, and its journal)
    are passed over silently.

    Raises:
        InputError: If a path does not exist.
    """
    seen: set[Path] = {Path(p).resolve() for p in exclude}
    for given, path in zip(paths, check_paths(paths), strict=True):
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _skip_silently(d))
                rel_root = Path(root).relative_to(path)
                for name in sorted(files):
                    if _skip_silently(name):
                        continue
                    file = Path(root) / name
                    source = (Path(given) / rel_root / name).as_posix()
                    yield from _accept(file, source, seen, warn)
        else:
            yield from _accept(path, str(given), seen, warn)


def _accept(
    file: Path, source: str, seen: set[Path], warn: Callable[[str], None]
) -> Iterator[tuple[Path, str, str]]:
    try:
        key = file.resolve()
    except OSError:
        key = file
    if key in seen:
        return
    seen.add(key)
    if not file.is_file():
        warn(f"{source}: not a regular file; skipped")
        return
    kind = reader_kind(file)
    if kind is None:
        suffix = file.suffix.lower()
        hint = _HINTS.get(suffix, "readable: .txt .md .docx .html .jsonl .jsonl.gz .csv")
        warn(f"{source}: unsupported file type {suffix!r}; skipped ({hint})")
        return
    yield file, source, kind
