"""A GBK/GB18030 file with a few bad bytes is read like a damaged UTF-8 one: bad bytes become
U+FFFD and are reported as file:line. Real binary files are still skipped.

The texts are real: the bundled seed speeches, encoded to GBK the way Windows editors save
them, then damaged at seeded random places (a stray byte inserted, or a lead byte overwritten).
"""

from __future__ import annotations

import gzip
import random
import sqlite3
import sys
import zipfile
from pathlib import Path

import pytest

from speechkit.ingest import iter_files, read_documents

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _seed_lines() -> list[str]:
    text = (CORPUS / "000_d7c0b4b5b75140e8.txt").read_text(encoding="utf-8")
    # GBK cannot hold every character (e.g. some full-width symbols); keep the lines it can
    lines = []
    for line in text.splitlines():
        try:
            line.encode("gbk")
        except UnicodeEncodeError:
            continue
        lines.append(line)
    return lines


def _damage(lines: list[str], bad: int, mode: str, *, seed: int) -> tuple[bytes, list[int]]:
    """GBK bytes of ``lines`` with ``bad`` bad bytes on distinct lines; returns the lines hit."""
    rng = random.Random(seed)
    candidates = [i for i, line in enumerate(lines) if sum(c > "\x7f" for c in line) >= 4]
    hit = sorted(rng.sample(candidates, bad))
    out = []
    for i, line in enumerate(lines):
        data = line.encode("gbk")
        if i in hit:
            # a character boundary inside the line, before a double-byte character
            starts, pos = [], 0
            for char in line:
                if char > "\x7f":
                    starts.append(pos)
                pos += len(char.encode("gbk"))
            at = rng.choice(starts)
            if mode == "insert":
                data = data[:at] + b"\xff" + data[at:]
            else:  # overwrite the lead byte: the character and maybe the next are lost
                data = data[:at] + b"\xff" + data[at + 1 :]
        out.append(data)
    return b"\r\n".join(out) + b"\r\n", [i + 1 for i in hit]


def _read(path: Path) -> tuple[list, list[str]]:
    warnings: list[str] = []
    docs = []
    for file, source, kind in iter_files([path], warn=warnings.append):
        docs.extend(read_documents(file, source, kind, warn=warnings.append))
    return docs, warnings


@pytest.mark.parametrize("mode", ["insert", "overwrite"])
@pytest.mark.parametrize("bad", [1, 5, 50])
def test_gbk_with_bad_bytes_is_read_and_each_bad_line_reported(
    tmp_path: Path, bad: int, mode: str
) -> None:
    lines = _seed_lines()
    data, hit = _damage(lines, bad, mode, seed=bad)
    path = tmp_path / "gbk_bad.txt"
    path.write_bytes(data)
    (doc,), warnings = _read(path)
    assert doc.encoding == "gb18030"
    assert len(doc.raw_lines) == len(lines)
    damaged = [line.number for line in doc.raw_lines if "\ufffd" in line.text]
    assert damaged == hit
    for line in doc.raw_lines:  # every other line is exactly the original
        if line.number not in hit:
            assert line.text == lines[line.number - 1]
        elif mode == "insert":  # the stray byte is the only thing replaced
            assert line.text.replace("\ufffd", "", 1) == lines[line.number - 1]
    expected = [
        f"{path}:{n}: undecodable bytes replaced with U+FFFD (read as gb18030)" for n in hit[:3]
    ]
    if bad > 3:
        expected.append(f"{path}: undecodable bytes on {bad - 3} more lines")
    assert warnings == expected


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("讲话.txt", "\n".join(_seed_lines()).encode("gbk"))


def _sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(line,) for line in _seed_lines()])
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(_zip, id="zip-of-gbk-text"),
        pytest.param(
            lambda p: p.write_bytes(gzip.compress("\n".join(_seed_lines()).encode("gbk"))),
            id="gzip-of-gbk-text",
        ),
        pytest.param(_sqlite, id="sqlite"),
        pytest.param(
            lambda p: p.write_bytes(Path(sys.executable).resolve().read_bytes()[:200_000]),
            id="executable",
        ),
        pytest.param(
            lambda p: p.write_bytes(random.Random(3).randbytes(100_000)), id="random-bytes"
        ),
    ],
)
def test_real_binary_files_are_still_skipped(tmp_path: Path, make) -> None:
    path = tmp_path / "not_text.txt"
    make(path)
    docs, warnings = _read(path)
    assert docs == []
    assert len(warnings) == 1 and warnings[0].startswith(f"{path}: binary file")
    assert warnings[0].endswith("; skipped")
