"""The corpus entry point every analysis uses: :func:`open_corpus`.

Reading (:mod:`speechkit.ingest`), cleaning (:mod:`speechkit.clean`),
segmentation (:mod:`speechkit.segment`) and storage (:mod:`speechkit.store`)
meet here:

- no paths, no db: the bundled corpus, from a default store in
  :func:`~speechkit.paths.cache_dir` built on first use (sources ``corpus/…``);
- paths and db: the paths are ingested into the database incrementally
  (unchanged files are skipped, changed files replaced), then the whole
  database is read;
- db only: the database is read;
- paths only: the files are read in memory, nothing is written.

Ingestion streams file by file (one document in memory at a time) and never
imports jieba.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from speechkit import __version__
from speechkit.clean.pipeline import clean_lines
from speechkit.errors import InputError, StoreError
from speechkit.ingest import file_sha256, iter_files, read_documents
from speechkit.model import Document, Speech
from speechkit.paths import PACKAGE_DIR, cache_dir, corpus_dir
from speechkit.segment import segment
from speechkit.store import Store
from speechkit.types import PathLike

__all__ = [
    "BUNDLED_PREFIX",
    "Corpus",
    "IngestReport",
    "IngestWarning",
    "bundled_store_path",
    "ingest",
    "ingest_paths",
    "iter_documents",
    "open_corpus",
    "prepare",
]

#: Sources of the bundled corpus are shown as ``corpus/<file>``.
BUNDLED_PREFIX = "corpus"

Warn = Callable[[str], None]


class IngestWarning(UserWarning):
    """A file or line was skipped or repaired while reading (the default ``warn``)."""


def _default_warn(message: str) -> None:
    warnings.warn(message, IngestWarning, stacklevel=3)


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did.

    Attributes:
        files: Files read (new or changed).
        unchanged: Files skipped because their hash is already stored.
        skipped: Files skipped with a warning (binary, empty, unsupported...).
        removed: Stored files no longer under a re-ingested folder; their rows were deleted.
        documents: Documents written (one per file, one per .jsonl/.csv record).
        speeches: Speeches written.
        paragraphs: Paragraphs written.
        bytes: Bytes of the files read.
        db: Database path, if any.
        date_field: The ``--date-field`` asked for, if any.
        records: .jsonl/.csv records read (with ``date_field``).
        undated: Of those, records without a value in ``date_field`` (undated).
    """

    files: int = 0
    unchanged: int = 0
    skipped: int = 0
    removed: int = 0
    documents: int = 0
    speeches: int = 0
    paragraphs: int = 0
    bytes: int = 0
    db: str | None = None
    date_field: str | None = None
    records: int = 0
    undated: int = 0

    def summary(self) -> str:
        """One line for people.

        Examples:
            >>> IngestReport(files=1, documents=1, speeches=2, paragraphs=9).summary()
            '1 file read (0 unchanged, 0 skipped): 1 document, 2 speeches, 9 paragraphs'
            >>> IngestReport(unchanged=3, removed=2, db="a.db").summary()
            '0 files read (3 unchanged, 0 skipped): 0 documents, 0 speeches, 0 paragraphs into a.db; 2 files removed'
            >>> report = IngestReport(files=1, documents=3, date_field="date", records=3, undated=1)
            >>> report.summary().split("; ")[1]
            '1 of 3 records without date (undated)'
        """  # noqa: E501
        where = f" into {self.db}" if self.db else ""
        # Said only when it happened, so the usual line stays as it always was.
        removed = f"; {_plural(self.removed, 'file')} removed" if self.removed else ""
        dates = (
            f"; {self.undated} of {self.records} records without {self.date_field} (undated)"
            if self.date_field and self.records
            else ""
        )
        return (
            f"{_plural(self.files, 'file')} read ({self.unchanged} unchanged, "
            f"{self.skipped} skipped): {_plural(self.documents, 'document')}, "
            f"{_plural(self.speeches, 'speech', 'speeches')}, "
            f"{_plural(self.paragraphs, 'paragraph')}{where}{removed}{dates}"
        )


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def prepare(doc: Document, *, keep_raw: bool = True) -> Document:
    """Clean and segment a raw document in place (``lines`` and ``speeches``); returns it.

    Args:
        doc: A document from :func:`speechkit.ingest.read_documents`.
        keep_raw: Keep ``raw_lines``; ``False`` frees them before segmentation
            (the store does not keep them), lowering peak memory on huge files.
    """
    doc.lines = clean_lines(doc.raw_lines)
    if not keep_raw:
        doc.raw_lines = []
    doc.speeches = segment(doc.lines, source=doc.source, record=doc.record)
    for speech in doc.speeches:
        # --date-field is the user's choice and wins; a file name's year only fills a gap
        if doc.date is not None and (doc.date_source == "field" or speech.date is None):
            speech.date, speech.date_source = doc.date, doc.date_source
    return doc


class Corpus:
    """Documents and their speeches, in memory or backed by a :class:`~speechkit.store.Store`.

    Attributes:
        store: The database, or ``None`` for an in-memory corpus.

    Speech ids run 1..n in a stable order: documents by source (and record),
    speeches by position. For a stored corpus, :meth:`speech_row_id` maps a
    speech id to its ``speeches.id`` row (its paragraphs are the rows of that
    speech ordered by ``seq``, i.e. list order).
    """

    def __init__(self, documents: Iterable[Document] = (), *, store: Store | None = None) -> None:
        self.store = store
        self._documents: list[Document] | None = None
        self._speech_rows: list[int] = []
        self._document_rows: list[int] = []
        if store is None:
            self._set(list(documents))

    def _set(self, documents: list[Document]) -> None:
        self._documents = documents
        next_id = 1
        for doc in documents:
            for speech in doc.speeches:
                speech.id = next_id
                next_id += 1

    def _load(self) -> list[Document]:
        if self._documents is None:
            assert self.store is not None
            documents: list[Document] = []
            for doc_id, doc, speech_rows in self.store.documents():
                documents.append(doc)
                self._document_rows.append(doc_id)
                self._speech_rows.extend(speech_rows)
            self._set(documents)
        assert self._documents is not None
        return self._documents

    @property
    def documents(self) -> list[Document]:
        """All documents (loaded from the store on first access)."""
        return self._load()

    def speeches(self) -> list[Speech]:
        """All speeches, ids 1..n in document order."""
        return [speech for doc in self._load() for speech in doc.speeches]

    def iter_speeches(self) -> Iterator[Speech]:
        """The speeches of :meth:`speeches`, in the same order, without keeping them: a
        stored corpus not loaded yet is read a batch of documents at a time (its speeches'
        ``id`` fields are then left ``None``)."""
        if self._documents is not None or self.store is None:
            yield from self.speeches()
            return
        for _, doc, _ in self.store.documents():
            yield from doc.speeches

    def speech_row_id(self, speech_id: int) -> int | None:
        """``speeches.id`` in the store of speech ``speech_id`` (``None`` for in-memory corpora)."""
        self._load()
        if not self._speech_rows or not 1 <= speech_id <= len(self._speech_rows):
            return None
        return self._speech_rows[speech_id - 1]

    def document_row_id(self, index: int) -> int | None:
        """``documents.id`` of ``documents[index]`` (``None`` for in-memory corpora)."""
        self._load()
        if not self._document_rows:
            return None
        return self._document_rows[index]

    def close(self) -> None:
        """Close the store, if any."""
        if self.store is not None:
            self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- ingestion -----------------------------------------------------------------


FileItem = tuple[Path, str, str]  # (path, source, reader kind)


def _progress_bar(files: Sequence[FileItem] | None, enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return None
    from tqdm import tqdm

    total = sum(p.stat().st_size for p, _, _ in files) if files is not None else None
    return tqdm(total=total, unit="B", unit_scale=True, desc="ingest", file=sys.stderr, leave=False)


def _nothing_readable(paths: Sequence[PathLike]) -> InputError:
    if len(paths) == 1:
        return InputError(
            "nothing readable (no non-empty .txt, .md, .docx, .html, .jsonl or .csv file); "
            "check the path",
            path=str(paths[0]),
        )
    shown = ", ".join(str(p) for p in paths[:5])
    return InputError(
        f"nothing readable in {shown}; give .txt, .md, .docx, .html, .jsonl or .csv files"
    )


def _resolved(path: PathLike) -> str:
    """The absolute, symlink-free form of ``path``: one key per file however it was named."""
    try:
        return str(Path(path).resolve())
    except OSError:  # a broken link loop: the absolute form is the best key there is
        return os.path.abspath(path)


def _is_under(path: str, folder: str) -> bool:
    """Whether the resolved ``path`` lies inside the resolved ``folder``.

    Examples:
        >>> _is_under("/a/b/c.txt", "/a/b"), _is_under("/a/bc.txt", "/a/b")
        (True, False)
    """
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def ingest(
    files: Iterable[FileItem],
    store: Store,
    *,
    text_field: str = "text",
    progress: bool = False,
    warn: Warn | None = None,
    folders: Sequence[PathLike] = (),
    date_field: str | None = None,
) -> IngestReport:
    """Read, clean, segment and store files, in one transaction.

    A file whose SHA-256 is already stored is skipped; a changed file's old rows are
    replaced. Files are told apart by their resolved path, so a file ingested once as
    ``范文/a.txt`` and once as ``/home/u/范文/a.txt`` is one set of rows (named as given
    last). Stored files that lie under one of ``folders`` but were not among ``files`` (deleted
    or moved away since) have their rows removed. Only one document is in memory at a time.

    Args:
        files: ``(path, source, kind)`` items, e.g. from :func:`speechkit.ingest.iter_files`.
        store: Target database.
        text_field: Field holding the text in .jsonl/.csv records.
        progress: Show a tqdm progress bar on stderr.
        warn: Receives one-line warnings; default: :class:`IngestWarning` via :mod:`warnings`.
        folders: Folders ``files`` is the whole content of (the folders the user named).
        date_field: Field holding the date of .jsonl/.csv records (``--date-field``).

    Returns:
        The :class:`IngestReport`.
    """
    warn = warn or _default_warn
    report = IngestReport(db=str(store.path), date_field=date_field)
    items = list(files) if progress else files  # listing only to size the bar
    bar = _progress_bar(items if progress else None, progress)  # type: ignore[arg-type]
    # Rows written before files.path existed have none: their source, resolved from here,
    # is the best guess (right when ingested from the same folder, as is usual).
    by_file: dict[str, list[str]] = {}
    for stored, resolved in store.stored_files():
        by_file.setdefault(resolved or _resolved(stored), []).append(stored)
    seen: set[str] = set()
    try:
        with store.transaction(), store.bulk_index():
            for path, source, kind in items:
                key = _resolved(path)
                seen.add(key)
                _one_name(store, by_file.get(key, []), source)
                size = path.stat().st_size
                sha = file_sha256(path)
                if date_field and kind in ("jsonl", "csv"):
                    sha += f":date={date_field}"  # another date field re-reads the file
                if store.file_sha256(source) == sha:
                    store.set_file_path(source, key)
                    report.unchanged += 1
                else:
                    store.delete_source(source)
                    added = encoding = None
                    for doc in read_documents(
                        path, source, kind, text_field=text_field, sha256=sha, warn=warn,
                        date_field=date_field,
                    ):  # fmt: skip
                        prepare(doc, keep_raw=False)
                        store.add_document(doc)
                        added = (added or 0) + 1
                        encoding = doc.encoding
                        report.documents += 1
                        if date_field and doc.record is not None:
                            report.records += 1
                            report.undated += doc.date_source != "field"
                        report.speeches += len(doc.speeches)
                        report.paragraphs += sum(len(s.paragraphs) for s in doc.speeches)
                    if added:
                        store.set_file(source, sha, encoding, size, path=key)
                        report.files += 1
                        report.bytes += size
                    else:
                        report.skipped += 1
                if bar is not None:
                    bar.update(size)
            roots = [_resolved(folder) for folder in folders]
            for key, sources in by_file.items():
                if key not in seen and any(_is_under(key, root) for root in roots):
                    for stored in sources:
                        store.delete_source(stored)
                    report.removed += 1
    finally:
        if bar is not None:
            bar.close()
    return report


def _one_name(store: Store, stored: list[str], source: str) -> None:
    """Keep one stored name for a file: rows under other names become ``source``'s."""
    others = [name for name in stored if name != source]
    if not others:
        return
    if source in stored:
        for name in others:
            store.delete_source(name)
        return
    keep, *extra = others
    for name in extra:
        store.delete_source(name)
    store.rename_source(keep, source)


def _user_files(paths: Sequence[PathLike], warn: Warn, db: PathLike) -> Iterator[FileItem]:
    # `speechkit ingest .` must not read its own database.
    exclude = [f"{db}{suffix}" for suffix in ("", "-journal", "-wal", "-shm")]
    return iter_files(paths, warn=warn, exclude=exclude)


def ingest_paths(
    paths: Sequence[PathLike],
    db: PathLike,
    *,
    text_field: str = "text",
    progress: bool = False,
    warn: Warn | None = None,
    date_field: str | None = None,
) -> IngestReport:
    """Ingest files and folders into the database ``db`` (the ``speechkit ingest`` command).

    Raises:
        InputError: A path is missing, or nothing readable was found.
        StoreError: The database cannot be created, opened or written. A database
            created by a failed run is removed.
    """
    warn = warn or _default_warn
    if not paths:
        raise InputError("no PATH given; name files or folders to ingest")
    files = list(_user_files(paths, warn, db))  # checks every path exists before touching the db
    store = Store(db)
    try:
        folders = [p for p in paths if Path(p).is_dir()]
        report = ingest(
            files, store, text_field=text_field, progress=progress, warn=warn,
            folders=folders, date_field=date_field,
        )  # fmt: skip
        if report.files + report.unchanged == 0:
            raise _nothing_readable(paths)
    except BaseException:
        store.discard()
        raise
    store.close()
    return report


# -- the bundled corpus ------------------------------------------------------------


def _bundled_files() -> list[FileItem]:
    root = corpus_dir()
    return [
        (path, f"{BUNDLED_PREFIX}/{Path(source).relative_to(root).as_posix()}", kind)
        for path, source, kind in iter_files([root], warn=lambda _m: None)
    ]


#: The parts of the package that shape the stored corpus.
PIPELINE_PARTS = (
    "ingest", "clean", "segment", "store", "data",
    "dates.py", "model.py", "corpus.py",  # date parsing and the stored shapes
)  # fmt: skip


def code_fingerprint(parts: Sequence[str] = PIPELINE_PARTS) -> str:
    """Hash of the speechkit version and of the package ``parts`` (folders or files) as they are.

    Anything built from the corpus and cached is keyed on this, so an edited rule, data file or
    module rebuilds it; no hand-bumped version number to forget.
    """
    digest = hashlib.sha256(__version__.encode())
    for sub in parts:
        target = PACKAGE_DIR / sub
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(file.relative_to(PACKAGE_DIR).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def bundled_store_path() -> Path:
    """Path of the default store of the bundled corpus, keyed by its files and the pipeline.

    A new speechkit version, an edited cleaning rule or a changed bundled file gives a
    new key, so a stale store is never used.
    """
    digest = hashlib.sha256(code_fingerprint().encode())
    for path, source, _kind in _bundled_files():
        digest.update(source.encode())
        digest.update(path.read_bytes())
    return cache_dir() / f"bundled-{digest.hexdigest()[:16]}.db"


def _open_bundled(*, progress: bool, warn: Warn) -> Store:
    target = bundled_store_path()
    if target.is_file():
        try:
            return Store(target, create=False)
        except StoreError:
            pass  # damaged cache: rebuild it
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        folder = target.parent
        tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=folder)) / target.name
    except OSError as exc:
        warn(
            f"{target.parent}: cache folder not writable ({exc.strerror}); using a temporary store"
        )
        tmp = Path(tempfile.mkdtemp(prefix="speechkit-")) / target.name
        target = tmp
    store = Store(tmp)
    try:
        ingest(_bundled_files(), store, progress=progress, warn=warn)
    except BaseException:
        store.discard()
        raise
    store.close()
    if tmp != target:
        try:
            tmp.replace(target)  # atomic: concurrent first uses each build, last rename wins
        finally:
            with contextlib.suppress(OSError):
                tmp.parent.rmdir()
    return Store(target, create=False)


# -- the entry point -------------------------------------------------------------------


def open_corpus(
    paths: Sequence[PathLike] = (),
    *,
    db: PathLike | None = None,
    text_field: str = "text",
    progress: bool = False,
    warn: Warn | None = None,
    date_field: str | None = None,
) -> Corpus:
    """Open a corpus: the bundled one, files in memory, or a database (ingesting paths into it).

    Args:
        paths: Files and folders. Empty: the bundled corpus (or ``db`` alone).
        db: SQLite database to ingest ``paths`` into and read from.
        text_field: Field holding the text in .jsonl/.csv records.
        progress: Show a progress bar on stderr while ingesting.
        warn: Receives one-line warnings (skipped files, repaired bytes);
            default: :class:`IngestWarning` through :mod:`warnings`.
        date_field: Field holding the date of .jsonl/.csv records (``--date-field``); a
            record without it is undated unless its text has a dateline.

    Returns:
        The :class:`Corpus`; close it (or use ``with``) when it has a store.

    Raises:
        InputError: A path is missing, or nothing readable was found.
        StoreError: ``db`` cannot be created, opened or written.

    Examples:
        >>> corpus = open_corpus()  # the bundled corpus
        >>> corpus.speeches()[0].source.startswith("corpus/")
        True
        >>> corpus.close()
    """
    warn = warn or _default_warn
    paths = list(paths)
    if not isinstance(text_field, str) or not text_field:
        from speechkit.errors import ParameterError

        raise ParameterError("text_field", text_field, "a non-empty field name")
    if not paths and db is None:
        return Corpus(store=_open_bundled(progress=progress, warn=warn))
    if db is not None:
        if paths:
            ingest_paths(
                paths, db, text_field=text_field, progress=progress, warn=warn,
                date_field=date_field,
            )  # fmt: skip
        return Corpus(store=Store(db, create=False))
    documents = list(
        iter_documents(
            paths, text_field=text_field, progress=progress, warn=warn, date_field=date_field
        )
    )
    # The order a store reads back in (source, record), so speech ids agree between modes
    # (iter_documents reads in it already; a file's records come in order).
    documents.sort(key=lambda d: (d.source, -1 if d.record is None else d.record))
    return Corpus(documents)


def iter_documents(
    paths: Sequence[PathLike],
    *,
    text_field: str = "text",
    progress: bool = False,
    warn: Warn | None = None,
    date_field: str | None = None,
) -> Iterator[Document]:
    """The documents of files and folders, read, cleaned and segmented one file at a time:
    what :func:`open_corpus` holds for ``paths`` without a db, streamed, in its order (files
    by source, a file's records in order).

    Args: as :func:`open_corpus`.

    Raises:
        InputError: A path is missing, or nothing readable was found (after the last file).
    """
    warn = warn or _default_warn
    files = sorted(iter_files(paths, warn=warn), key=lambda item: item[1])
    bar = _progress_bar(files, progress)
    found = False
    try:
        for path, source, kind in files:
            for doc in read_documents(
                path, source, kind, text_field=text_field, warn=warn, date_field=date_field
            ):
                found = True
                yield prepare(doc)
            if bar is not None:
                bar.update(path.stat().st_size)
    finally:
        if bar is not None:
            bar.close()
    if not found:
        raise _nothing_readable(paths)
