"""Streaming decoding of text files (.txt, .md): bytes -> numbered lines.

Files are read in 1 MiB chunks through an incremental decoder, so memory
does not grow with file size beyond the lines kept by the caller. Broken byte
sequences become U+FFFD and are reported with their line number; a line longer
than :data:`MAX_LINE_CHARS` (a 50 MB file without newlines) is cut into pieces at
sentence ends, each keeping the line's number, so later stages never see a
pathological single string.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from pathlib import Path

from speechkit.ingest.detect import SAMPLE_SIZE, Detection, detect_encoding
from speechkit.model import Line
from speechkit.zh import CLAUSE_END

__all__ = [
    "CHUNK_SIZE",
    "MAX_LINE_CHARS",
    "iter_chunks",
    "iter_raw_lines",
    "read_lines",
    "sniff_encoding",
]

#: Bytes read per step.
CHUNK_SIZE = 1 << 20
#: Longest line handed on in one piece (characters).
MAX_LINE_CHARS = 100_000
#: Broken-byte warnings listed one by one per file before they are summarised.
MAX_LINE_WARNINGS = 3

# Undecodable bytes are first decoded to NUL (never present in text files: a NUL
# makes the file binary or UTF-16, where it decodes away) so a cheap `in` test per
# line finds them; they are then shown as U+FFFD.
_MARK = "\x00"
_ERRORS = "speechkit-mark"


def _mark(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    return _MARK, exc.end


codecs.register_error(_ERRORS, _mark)


def sniff_encoding(path: Path) -> Detection:
    """Detect the encoding of the file at ``path`` from a bounded sample of its bytes.

    When the first :data:`~speechkit.ingest.detect.SAMPLE_SIZE` bytes are plain
    ASCII, the sample is taken from the first non-ASCII byte on, so a long ASCII
    header does not hide a GBK body.

    Raises:
        NotTextError: If the file is binary or in an unknown encoding.
        OSError: If the file cannot be read.
    """
    with path.open("rb") as fh:
        head = fh.read(SAMPLE_SIZE)
        if len(head) < SAMPLE_SIZE or not head.isascii():
            return detect_encoding(head, complete=len(head) < SAMPLE_SIZE)
        detection = detect_encoding(head, complete=False)  # binary checks on the real head
        while True:
            chunk = fh.read(CHUNK_SIZE)
            if not chunk:
                return detection  # all ASCII
            if not chunk.isascii():
                start = next(i for i, b in enumerate(chunk) if b >= 0x80)
                sample = chunk[start : start + SAMPLE_SIZE]
                if len(sample) < SAMPLE_SIZE:
                    sample += fh.read(SAMPLE_SIZE - len(sample))
                complete = len(sample) < SAMPLE_SIZE
                return detect_encoding(sample, complete=complete)


def iter_chunks(path: Path, encoding: str) -> Iterator[str]:
    """Decoded text of ``path`` in chunks; undecodable bytes become NUL markers."""
    decoder = codecs.getincrementaldecoder(encoding)(errors=_ERRORS)
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK_SIZE):
            text = decoder.decode(chunk)
            if text:
                yield text
        text = decoder.decode(b"", final=True)
        if text:
            yield text


def iter_raw_lines(chunks: Iterator[str]) -> Iterator[tuple[str, bool]]:
    r"""Split decoded chunks into lines at ``\n``, ``\r\n`` or ``\r`` (only those).

    Unlike :meth:`str.splitlines`, form feeds and U+2028 do not end a line, so line
    numbers agree with what editors show. Yields ``(text, complete)``: a line longer
    than :data:`MAX_LINE_CHARS` comes in several parts, all but the last with
    ``complete=False``, so memory stays flat on files without newlines.

    Examples:
        >>> list(iter_raw_lines(iter(["a\r", "\nb\rc", "\n"])))
        [('a', True), ('b', True), ('c', True)]
    """
    buf = ""
    pending_cr = False
    for chunk in chunks:
        if pending_cr and chunk.startswith("\n"):
            chunk = chunk[1:]
        pending_cr = chunk.endswith("\r")
        if "\r" in chunk:
            chunk = chunk.replace("\r\n", "\n").replace("\r", "\n")
        buf += chunk
        if "\n" not in chunk:
            if len(buf) > MAX_LINE_CHARS:
                yield buf, False
                buf = ""
            continue
        *lines, buf = buf.split("\n")
        for line in lines:
            yield line, True
    if buf:
        yield buf, True


def _cut(text: str) -> tuple[str, str]:
    """Cut ``text`` after the last sentence end within :data:`MAX_LINE_CHARS`.

    Examples:
        >>> _cut("短句。" * 3)[0] == "短句。" * 3  # short text is not cut
        True
    """
    window = text[:MAX_LINE_CHARS]
    cut = 0
    for match in CLAUSE_END.finditer(window, MAX_LINE_CHARS // 2):
        cut = match.end()
    if cut == 0:
        cut = min(len(text), MAX_LINE_CHARS)
    return text[:cut], text[cut:]


def read_lines(
    path: Path,
    encoding: str,
    *,
    source: str,
    warn: Callable[[str], None],
) -> Iterator[Line]:
    """Numbered lines of a text file, broken bytes replaced and reported.

    Args:
        path: File to read.
        encoding: Codec from :func:`sniff_encoding`.
        source: Name used in warnings (the path as the user gave it).
        warn: Receives one-line warnings (``source:line: ...``).

    Yields:
        :class:`~speechkit.model.Line` objects numbered from 1. Pieces of an
        over-long line share its number.
    """
    number = 1
    broken = 0
    last_broken = 0
    carry = ""  # unfinished over-long line
    warned_long = False
    for part, complete in iter_raw_lines(iter_chunks(path, encoding)):
        text = carry + part if carry else part
        carry = ""
        if number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        if _MARK in text:
            if last_broken != number:
                last_broken = number
                broken += 1
                if broken <= MAX_LINE_WARNINGS:
                    warn(
                        f"{source}:{number}: undecodable bytes replaced with U+FFFD "
                        f"(read as {encoding})"
                    )
            text = text.replace(_MARK, "\ufffd")
        if len(text) > MAX_LINE_CHARS:
            if not warned_long:
                warned_long = True
                warn(
                    f"{source}:{number}: line longer than {MAX_LINE_CHARS:,} characters; "
                    "split at sentence ends"
                )
            while len(text) > MAX_LINE_CHARS:
                piece, text = _cut(text)
                yield Line(number, piece)
        if complete:
            yield Line(number, text)
            number += 1
        else:
            carry = text
    if broken > MAX_LINE_WARNINGS:
        warn(f"{source}: undecodable bytes on {broken - MAX_LINE_WARNINGS} more lines")
