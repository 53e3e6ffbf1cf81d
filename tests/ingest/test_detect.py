"""Encoding detection from bytes (not extensions)."""

from __future__ import annotations

import codecs

import pytest

from speechkit.ingest.detect import NotTextError, detect_encoding

TEXT = "同志们：\n今天，我们召开全市创建全国文明城市动员大会。xx市要在2024年实现创建目标。\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb2312"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: NULs at odd offsets
        (TEXT.encode("utf-16-be"), "utf-16-be"),  # no BOM: NULs at even offsets
        (TEXT.encode("utf-32"), "utf-32"),
        (b"plain ascii\n", "utf-8"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb2312", "gb18030", "utf16-bom", "utf16le", "utf16be",
         "utf32", "ascii"],
)  # fmt: skip
def test_detects_encoding(data: bytes, expected: str) -> None:
    detection = detect_encoding(data)
    assert detection.encoding == expected
    assert data.decode(detection.encoding).lstrip("\ufeff") == data.decode(expected).lstrip(
        "\ufeff"
    )


def test_utf8_with_last_character_cut_stays_utf8() -> None:
    data = (TEXT * 20).encode("utf-8") + "城".encode()[:2]
    assert detect_encoding(data).encoding == "utf-8"


def test_utf8_with_a_few_broken_sequences_stays_utf8() -> None:
    good = (TEXT * 50).encode("utf-8")
    data = good[:1000] + b"\xff" + good[1000:3000] + b"\xfe" + good[3000:]
    assert detect_encoding(data).encoding == "utf-8"


def test_incomplete_sample_tolerates_cut_at_end() -> None:
    data = (TEXT * 20).encode("utf-8")[:-1]
    assert detect_encoding(data, complete=False).encoding == "utf-8"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\x00\x01\x02\x03\x04\x05\x06\x07" * 100,
        b"PK\x03\x04\x14\x00\x06\x00",
        bytes(range(1, 32)) * 20,
    ],
    ids=["pdf", "png", "nul-bytes", "zip", "control-bytes"],
)
def test_binary_is_not_text(data: bytes) -> None:
    with pytest.raises(NotTextError, match="binary"):
        detect_encoding(data)
