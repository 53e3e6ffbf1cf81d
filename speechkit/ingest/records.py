"""One document per record of .jsonl/.ndjson and .csv/.tsv files.

The text lives in a field (``text_field``, default ``text``). Each record yields
``(record_index, file_line, text, date)``: the 0-based record index is the provenance
stored in :attr:`speechkit.model.Document.record`; lines inside the record are
numbered from 1 by the caller; ``date`` is the raw value of ``date_field`` (``None``
when no date field is asked for or the record lacks it).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from speechkit.ingest.text import _MARK, iter_chunks, iter_raw_lines

__all__ = ["gzip_jsonl_lines", "iter_csv_records", "iter_jsonl_records", "parse_jsonl_lines"]

# Speeches are long: lift the csv module's default 128 KiB field limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _lines(path: Path, encoding: str) -> Iterator[str]:
    """Complete decoded lines (over-long lines re-joined: a record must stay whole)."""
    carry: list[str] = []
    for part, complete in iter_raw_lines(iter_chunks(path, encoding)):
        if not complete:
            carry.append(part)
            continue
        if carry:
            carry.append(part)
            part = "".join(carry)
            carry = []
        yield part


def gzip_jsonl_lines(
    path: Path, *, source: str, warn: Callable[[str], None]
) -> Iterator[tuple[int, str]]:
    """``(file_line, text)`` of a gzip-compressed JSON Lines file (UTF-8, as JSON Lines requires).

    A damaged or truncated archive ends the file with a warning naming it and the last line
    read; the records before it are kept.
    """
    import gzip
    import zlib

    number = 0
    with gzip.open(path, "rb") as handle:
        try:
            for raw in handle:
                number += 1
                yield number, raw.decode("utf-8", errors="replace").rstrip("\r\n")
        except (OSError, EOFError, zlib.error) as exc:  # BadGzipFile is an OSError
            warn(
                f"{source}:{number + 1}: damaged gzip data ({exc}); the rest of the file is "
                f"skipped (records up to line {number} kept); check the archive with gzip -t"
            )


def _check_text(
    value: object, *, source: str, line: int, text_field: str, warn: Callable[[str], None]
) -> str | None:
    if value is None:
        warn(f"{source}:{line}: record has no field {text_field!r}; skipped (see --text-field)")
        return None
    if not isinstance(value, str):
        warn(f"{source}:{line}: field {text_field!r} is not text; skipped")
        return None
    if _MARK in value:
        warn(f"{source}:{line}: undecodable bytes replaced with U+FFFD")
        value = value.replace(_MARK, "\ufffd")
    return value


def _date_value(value: object) -> str | None:
    """A date field's value as text (JSON numbers such as 2016 too); ``None`` when empty."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None


def iter_jsonl_records(
    path: Path,
    encoding: str,
    *,
    source: str,
    text_field: str,
    warn: Callable[[str], None],
    date_field: str | None = None,
) -> Iterator[tuple[int, int, str, str | None]]:
    """``(record_index, file_line, text, date)`` for each JSON object line of ``path``.

    Blank lines are ignored; invalid JSON and records without ``text_field`` are
    skipped with a warning naming the file line.
    """
    return parse_jsonl_lines(
        enumerate(_lines(path, encoding), start=1),
        source=source,
        text_field=text_field,
        warn=warn,
        date_field=date_field,
    )


def parse_jsonl_lines(
    lines: Iterable[tuple[int, str]],
    *,
    source: str,
    text_field: str,
    warn: Callable[[str], None],
    stats: dict[str, int] | None = None,
    date_field: str | None = None,
) -> Iterator[tuple[int, int, str, str | None]]:
    """:func:`iter_jsonl_records` over ``(file_line, text)`` lines of a file or of a byte
    range of it (records are then numbered from 0 within the range). ``stats["records"]``
    receives the number of records (JSON objects, with or without text) once all are read.

    Examples:
        >>> lines = [(1, '{"text": "甲"}'), (2, "{oops"), (3, '{"text": "乙"}')]
        >>> list(parse_jsonl_lines(lines, source="a.jsonl", text_field="text", warn=print))
        a.jsonl:2: invalid JSON (Expecting property name enclosed in double quotes); skipped
        [(0, 1, '甲', None), (1, 3, '乙', None)]
    """
    record = 0
    for number, raw in lines:
        if not raw.strip():
            continue
        if number == 1:
            raw = raw.lstrip("\ufeff")
        if _MARK in raw:
            warn(f"{source}:{number}: undecodable bytes replaced with U+FFFD")
            raw = raw.replace(_MARK, "\ufffd")
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            warn(f"{source}:{number}: invalid JSON ({exc.msg}); skipped")
            continue
        if not isinstance(obj, dict):
            warn(f"{source}:{number}: not a JSON object; skipped")
            continue
        text = _check_text(
            obj.get(text_field), source=source, line=number, text_field=text_field, warn=warn
        )
        if text is not None:
            yield record, number, text, _date_value(obj.get(date_field)) if date_field else None
        record += 1
    if stats is not None:
        stats["records"] = record


def iter_csv_records(
    path: Path,
    encoding: str,
    *,
    source: str,
    text_field: str,
    warn: Callable[[str], None],
    delimiter: str = ",",
    date_field: str | None = None,
) -> Iterator[tuple[int, int, str, str | None]]:
    """``(record_index, file_line, text, date)`` for each row of a CSV/TSV file with a header.

    Raises:
        ValueError: If the header has no column ``text_field`` (message lists the columns).
            A missing ``date_field`` column is no error: every row is undated.
    """
    lines = (line + "\n" for line in _lines(path, encoding))
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    header = [h.lstrip("\ufeff").strip() for h in header]
    if text_field not in header:
        shown = ", ".join(repr(h) for h in header[:10])
        raise ValueError(f"no column {text_field!r} (columns: {shown}); pass --text-field NAME")
    column = header.index(text_field)
    date_column = header.index(date_field) if date_field in header else None
    record = 0
    end = reader.line_num
    for row in reader:
        line, end = end + 1, reader.line_num  # a quoted field may span several lines
        if not row or not any(cell.strip() for cell in row):
            continue
        value = row[column] if column < len(row) else None
        text = _check_text(value, source=source, line=line, text_field=text_field, warn=warn)
        if text is not None:
            date = (
                _date_value(row[date_column])
                if date_column is not None and date_column < len(row)
                else None
            )
            yield record, line, text, date
        record += 1
