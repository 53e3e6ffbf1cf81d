"""Text encoding detection from the bytes themselves, never from the file extension.

Order of the checks (first match wins):

1. byte-order marks (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. magic numbers of binary formats (PDF, ZIP, images, OLE .doc...): binary;
3. NUL bytes: UTF-16 without BOM when one byte order decodes strictly to
   text (ASCII letters, digits and newlines in UTF-16 carry a NUL byte);
   otherwise binary. Many control bytes: binary;
4. UTF-8 decoded strictly, tolerating a few broken sequences (a last character
   cut mid-byte, a damaged copy/paste), which the reader later replaces and reports;
5. GB18030 (a superset of GBK and GB2312) decoded strictly;
6. GB18030 with a few broken sequences (a damaged download, a byte lost in a copy), if at
   most 1 in 20 characters is broken and the rest is mostly GB2312 text (real GBK text is
   99 %+ GB2312 characters; high bytes of a binary file are not): the reader replaces and
   reports them by line, as for UTF-8;
7. charset-normalizer's best guess as the last resort.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

__all__ = ["SAMPLE_SIZE", "Detection", "NotTextError", "detect_encoding"]

#: Bytes of the sample examined (taken from the first non-ASCII byte on).
SAMPLE_SIZE = 64 * 1024

#: A sample counts as UTF-8 with at most this many broken sequences per 10,000 bytes
#: (at least 4, at most 1 in 20 multi-byte characters): a damaged paste, not another encoding.
_UTF8_TOLERANCE_PER_10K = 2
#: A sample counts as damaged GB18030 with at most 1 broken sequence per this many
#: non-ASCII characters (at least :data:`_GB_MIN_TOLERANCE`) ...
_GB_CHARS_PER_ERROR = 20
_GB_MIN_TOLERANCE = 8
#: ... and at least this share of its non-ASCII characters in GB2312 (common GBK text).
_GB2312_SHARE = 0.9

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive (.docx/.xlsx/.zip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (.doc/.xls/.ppt)"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"{\\rtf", "RTF document"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# Control bytes that never occur in text (tab, newlines, form feed and ESC are allowed).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


class NotTextError(ValueError):
    """The bytes are not text in any encoding speechkit reads; ``str()`` says why."""


@dataclass(frozen=True, slots=True)
class Detection:
    """Result of :func:`detect_encoding`.

    Attributes:
        encoding: Python codec name to decode the whole file with.
        reason: How it was found (``"bom"``, ``"nul-pattern"``, ``"utf-8"``,
            ``"gb18030"``, ``"charset-normalizer"``, ``"ascii"``).
    """

    encoding: str
    reason: str


def _count_errors(sample: bytes, encoding: str, *, final: bool, stop_after: int) -> int:
    """Number of undecodable sequences in ``sample``, counting stops past ``stop_after``."""
    errors = 0
    pos = 0
    while errors <= stop_after:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            decoder.decode(sample[pos:], final=final)
            break
        except UnicodeDecodeError as exc:
            errors += 1
            pos += max(exc.end, 1)
    return errors


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _damaged_gb18030(sample: bytes, *, complete: bool) -> bool:
    """Whether ``sample`` is GB18030/GBK text with a few broken sequences (see step 6)."""
    non_ascii = sum(1 for b in sample if b >= 0x80) // 2  # about one character per two bytes
    tolerance = max(_GB_MIN_TOLERANCE, non_ascii // _GB_CHARS_PER_ERROR)
    if _count_errors(sample, "gb18030", final=complete, stop_after=tolerance) > tolerance:
        return False
    decoder = codecs.getincrementaldecoder("gb18030")(errors="replace")
    chars = [c for c in decoder.decode(sample, final=complete) if c >= "\x80" and c != "\ufffd"]
    return bool(chars) and sum(map(_in_gb2312, chars)) >= _GB2312_SHARE * len(chars)


def _text_score(text: str) -> float:
    """Share of characters typical of Chinese/English text (CJK, ASCII, CJK punctuation)."""
    if not text:
        return 0.0
    good = sum(
        1
        for c in text
        if (" " <= c <= "~") or c in "\t\n\r\f" or "\u4e00" <= c <= "\u9fff"
        or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or "\u2000" <= c <= "\u206f"
        or "\u3400" <= c <= "\u4dbf" or "\u00a0" <= c <= "\u00ff"
    )  # fmt: skip
    return good / len(text)


def _utf16_by_nuls(sample: bytes, *, complete: bool) -> str | None:
    """``utf-16-le``/``utf-16-be`` if ``sample`` (which has NUL bytes) reads as UTF-16 text.

    ASCII characters in UTF-16 carry a NUL byte, on the odd side in little-endian
    files; CJK characters U+xx00 (一, 开) put one on the other side, so the parity
    only orders the tries: each byte order must decode strictly to text.
    """
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    order = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for encoding in order:
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=complete)
        except UnicodeDecodeError:
            continue
        if _text_score(text) >= 0.95:
            return encoding
    return None


def detect_encoding(sample: bytes, *, complete: bool = True) -> Detection:
    """Detect the text encoding of ``sample``.

    Args:
        sample: Leading bytes of the file (or its first non-ASCII region).
        complete: ``True`` when ``sample`` is the whole file; otherwise a sequence
            cut at the end of the sample is not counted as an error.

    Returns:
        The :class:`Detection`.

    Raises:
        NotTextError: If the bytes are binary or in no encoding speechkit can read.

    Examples:
        >>> detect_encoding("同志们：".encode("utf-8")).encoding
        'utf-8'
        >>> detect_encoding("同志们：".encode("gbk")).encoding
        'gb18030'
        >>> detect_encoding("同志们：\\n".encode("utf-16-le")).encoding
        'utf-16-le'
        >>> detect_encoding(codecs.BOM_UTF8 + "同志们".encode("utf-8")).encoding
        'utf-8-sig'
        >>> detect_encoding("同志们".encode("utf-8")[:-1]).encoding  # last character cut
        'utf-8'
        >>> detect_encoding("同志们：今天召开动员大会。".encode("gbk") + b"\\xff").reason
        'gb18030-damaged'
    """
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return Detection(encoding, "bom")
    for magic, kind in _MAGIC:
        if sample.startswith(magic):
            raise NotTextError(f"binary file ({kind})")
    if b"\x00" in sample:
        utf16 = _utf16_by_nuls(sample, complete=complete)
        if utf16 is not None:
            return Detection(utf16, "nul-pattern")
        raise NotTextError("binary file (contains NUL bytes)")
    if not sample:
        return Detection("utf-8", "ascii")
    controls = sum(1 for b in sample[:4096] if b in _CONTROL)
    if controls > max(2, len(sample[:4096]) // 100):
        raise NotTextError("binary file (control bytes)")
    if sample.isascii():
        return Detection("utf-8", "ascii")

    # A sequence cut at the very end (a truncated last character) is tolerated outright;
    # elsewhere a few broken sequences are, if rare among the multi-byte characters
    # (GBK read as UTF-8 breaks on nearly every character).
    if _count_errors(sample, "utf-8", final=False, stop_after=0) == 0:
        return Detection("utf-8", "utf-8")
    non_ascii_chars = (len(sample) - sum(1 for b in sample if b < 0x80)) // 3
    tolerance = min(max(4, len(sample) * _UTF8_TOLERANCE_PER_10K // 10_000), non_ascii_chars // 20)
    if _count_errors(sample, "utf-8", final=complete, stop_after=tolerance) <= tolerance:
        return Detection("utf-8", "utf-8")
    if _count_errors(sample, "gb18030", final=complete, stop_after=0) == 0:
        return Detection("gb18030", "gb18030")
    if _damaged_gb18030(sample, complete=complete):
        return Detection("gb18030", "gb18030-damaged")

    from charset_normalizer import from_bytes  # lazy: only needed for rare encodings

    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        raise NotTextError("unknown encoding or binary file")
    encoding = codecs.lookup(best.encoding).name
    return Detection(encoding, "charset-normalizer")
