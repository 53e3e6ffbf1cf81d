"""Read one file into raw :class:`~speechkit.model.Document` objects (before cleaning).

Text, HTML and .docx files give one document; .jsonl/.csv files give one
document per record. Problems that only affect this file (binary content,
empty file, bad .docx, missing column) are reported through ``warn`` and the
file is skipped; the run goes on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from speechkit.dates import filename_date, parse_date
from speechkit.errors import InputError
from speechkit.ingest.detect import NotTextError
from speechkit.ingest.docx import read_docx_lines
from speechkit.ingest.html import read_html_lines
from speechkit.ingest.markdown import markdown_lines
from speechkit.ingest.records import (
    gzip_jsonl_lines,
    iter_csv_records,
    iter_jsonl_records,
    parse_jsonl_lines,
)
from speechkit.ingest.text import CHUNK_SIZE, read_lines, sniff_encoding
from speechkit.ingest.walk import GZIP_JSONL
from speechkit.model import Document, Line

__all__ = ["MARKDOWN_SUFFIXES", "file_sha256", "read_documents", "record_rows", "split_record"]

#: Text files whose Markdown markup is removed (:mod:`speechkit.ingest.markdown`).
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of the file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK_SIZE):
            digest.update(chunk)
    return digest.hexdigest()


def split_record(text: str) -> list[Line]:
    r"""Lines of a record's text, numbered from 1 inside the record.

    Examples:
        >>> split_record("同志们：\r\n今天开会。")
        [Line(number=1, text='同志们：'), Line(number=2, text='今天开会。')]
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [Line(i, t) for i, t in enumerate(text.split("\n"), start=1)]


def _html_encoding(path: Path, detected: str, reason: str) -> str:
    """Prefer a ``<meta charset>`` declaration when the bytes alone were inconclusive."""
    if reason != "charset-normalizer":
        return detected
    with path.open("rb") as fh:
        match = _META_CHARSET.search(fh.read(4096))
    if match:
        import codecs

        try:
            return codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            pass
    return detected


def read_documents(
    path: Path,
    source: str,
    kind: str,
    *,
    text_field: str = "text",
    sha256: str | None = None,
    warn: Callable[[str], None],
    date_field: str | None = None,
) -> Iterator[Document]:
    """Raw documents of one file: ``raw_lines`` filled, not yet cleaned or segmented.

    Args:
        path: The file.
        source: Its name as shown to the user.
        kind: Reader from :func:`speechkit.ingest.walk.reader_kind`.
        text_field: Field holding the text in .jsonl/.csv records.
        sha256: The file's hash if already computed.
        warn: Receives one-line warnings naming the file (and line).
        date_field: Field holding each .jsonl/.csv record's date (``--date-field``).

    Yields:
        Documents; nothing (after a warning) if the file is skipped. ``date`` is the
        record's ``date_field``, else a date or year in the file name, else ``None``.

    Raises:
        InputError: A record's ``date_field`` holds something that is not a date.
    """
    try:
        if path.stat().st_size == 0:
            warn(f"{source}: empty file; skipped")
            return
        if kind == "docx":
            try:
                lines = read_docx_lines(path)
            except ValueError as exc:
                warn(f"{source}: {exc}; skipped (re-save it in Word as .docx)")
                return
            yield from _single(source, "docx", lines, sha256 or file_sha256(path), warn)
            return
        if kind == GZIP_JSONL:  # compressed: no encoding to sniff, JSON Lines is UTF-8
            yield from _records(
                path, source, kind, "utf-8", text_field=text_field, warn=warn,
                date_field=date_field,
            )  # fmt: skip
            return
        try:
            detection = sniff_encoding(path)
        except NotTextError as exc:
            warn(f"{source}: {exc}; skipped")
            return
        encoding = detection.encoding
        # No local name for the lines: the consumer may free them while we are suspended.
        if kind == "text":
            text_lines = read_lines(path, encoding, source=source, warn=warn)
            if path.suffix.lower() in MARKDOWN_SUFFIXES:
                text_lines = markdown_lines(text_lines)  # markup off, line numbers kept
            yield from _single(
                source,
                encoding,
                list(text_lines),
                sha256 or file_sha256(path),
                warn,
            )
        elif kind == "html":
            encoding = _html_encoding(path, encoding, detection.reason)
            yield from _single(
                source,
                encoding,
                list(read_html_lines(path, encoding, source=source, warn=warn)),
                sha256 or file_sha256(path),
                warn,
            )
        elif kind in ("jsonl", "csv"):
            yield from _records(
                path, source, kind, encoding, text_field=text_field, warn=warn,
                date_field=date_field,
            )  # fmt: skip
        else:  # pragma: no cover - walk only yields known kinds
            raise ValueError(f"unknown reader kind {kind!r}")
    except OSError as exc:
        warn(f"{source}: cannot read ({exc.strerror or exc}); skipped")


def _single(
    source: str, encoding: str, lines: list[Line], sha256: str, warn: Callable[[str], None]
) -> Iterator[Document]:
    if not any(line.text.strip() for line in lines):
        warn(f"{source}: no text (empty file); skipped")
        return
    doc = Document(source=source, record=None, encoding=encoding, raw_lines=lines, sha256=sha256)
    doc.date = filename_date(source)
    doc.date_source = "filename" if doc.date else None
    del lines
    yield doc


def record_rows(
    path: Path, source: str, kind: str, encoding: str, *, text_field: str,
    warn: Callable[[str], None], date_field: str | None = None,
) -> Iterator[tuple[int, int, str, str | None]]:  # fmt: skip
    """``(record_index, file_line, text, value of date_field)`` of a .jsonl, .jsonl.gz or
    .csv/.tsv file (``kind`` from :func:`~speechkit.ingest.walk.reader_kind`); the record
    readers of :mod:`speechkit.ingest.records`, chosen by kind. ``date_field`` may name any
    field: its value comes as text (``speechkit phrases --genre-field`` reads genres so).

    Raises:
        ValueError: A .csv file has no column ``text_field``.
    """
    if kind == "jsonl":
        return iter_jsonl_records(
            path, encoding, source=source, text_field=text_field, warn=warn, date_field=date_field
        )
    if kind == GZIP_JSONL:
        return parse_jsonl_lines(
            gzip_jsonl_lines(path, source=source, warn=warn),
            source=source, text_field=text_field, warn=warn, date_field=date_field,
        )  # fmt: skip
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    return iter_csv_records(
        path, encoding, source=source, text_field=text_field, warn=warn, delimiter=delimiter,
        date_field=date_field,
    )  # fmt: skip


def _records(
    path: Path, source: str, kind: str, encoding: str, *, text_field: str,
    warn: Callable[[str], None], date_field: str | None = None,
) -> Iterator[Document]:  # fmt: skip
    records = record_rows(
        path, source, kind, encoding, text_field=text_field, warn=warn, date_field=date_field
    )
    found = 0
    name_date = filename_date(source)
    try:
        for record, line, text, raw_date in records:
            if not text.strip():
                continue
            found += 1
            date, date_source = name_date, "filename" if name_date else None
            if date_field:  # the field the user named wins; a record without it is undated
                date = parse_date(raw_date) if raw_date is not None else None
                date_source = "field" if date else None
                if raw_date is not None and date is None:
                    raise InputError(
                        f"record {record}: {date_field} {raw_date!r} is not a date; "
                        "write it as 2023-05-06, 2023-05, 2023 or 2023年5月6日 "
                        "(or leave it empty for an undated record)",
                        path=source,
                        line=line,
                    )
            yield Document(
                source=source,
                record=record,
                encoding=encoding,
                raw_lines=split_record(text),
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                date=date,
                date_source=date_source,
            )
    except ValueError as exc:  # missing column
        warn(f"{source}: {exc}; skipped")
        return
    if not found:
        warn(f"{source}: no records with text in field {text_field!r}; skipped")
