"""Every reader: text encodings, .docx, .html, .jsonl/.csv, and the files that get skipped."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from speechkit.ingest import iter_files, read_documents
from speechkit.ingest.text import MAX_LINE_CHARS
from speechkit.model import Document

LINES = [
    "同志们：",
    "今天，我们召开全市创建全国文明城市动员大会。",
    "一、提高政治站位",
    "谢谢大家！",
]
TEXT = "\n".join(LINES) + "\n"


def read(path: Path, *, text_field: str = "text") -> tuple[list[Document], list[str]]:
    warnings: list[str] = []
    docs = []
    for file, source, kind in iter_files([path], warn=warnings.append):
        docs.extend(read_documents(file, source, kind, text_field=text_field, warn=warnings.append))
    return docs, warnings


@pytest.mark.parametrize(
    ("encoding", "prefix", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("gbk", b"", "gb18030"),
        ("gb18030", b"", "gb18030"),
        ("utf-16", b"", "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".md", ""])
def test_text_encodings(
    tmp_path: Path, encoding: str, prefix: bytes, expected: str, suffix: str
) -> None:
    path = tmp_path / f"讲话{suffix}"
    path.write_bytes(prefix + TEXT.encode(encoding))
    (doc,), warnings = read(path)
    assert warnings == []
    assert doc.encoding == expected
    assert [line.text for line in doc.raw_lines] == LINES
    assert [line.number for line in doc.raw_lines] == [1, 2, 3, 4]
    assert doc.source == str(path)


def test_encoding_is_detected_not_taken_from_extension(tmp_path: Path) -> None:
    path = tmp_path / "gbk.md"
    path.write_bytes(TEXT.encode("gbk"))
    (doc,), _ = read(path)
    assert doc.encoding == "gb18030"


def test_crlf_and_cr_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("一\r\n二\r三\n四".encode())
    (doc,), _ = read(path)
    assert [(line.number, line.text) for line in doc.raw_lines] == [
        (1, "一"),
        (2, "二"),
        (3, "三"),
        (4, "四"),
    ]


def test_broken_bytes_are_replaced_and_reported_with_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    body = (TEXT * 30).encode("utf-8")
    # a damaged byte on line 3 and the last character cut in the middle
    first_two = "\n".join(LINES[:2]).encode() + b"\n"
    data = first_two + b"\xff" + body[len(first_two) :] + "城".encode()[:2]
    path.write_bytes(data)
    (doc,), warnings = read(path)
    assert doc.encoding == "utf-8"
    assert doc.raw_lines[2].text.startswith("\ufffd一、")
    assert doc.raw_lines[-1].text.endswith("\ufffd")
    last = doc.raw_lines[-1].number
    assert warnings == [
        f"{path}:3: undecodable bytes replaced with U+FFFD (read as utf-8)",
        f"{path}:{last}: undecodable bytes replaced with U+FFFD (read as utf-8)",
    ]


def test_many_broken_lines_are_summarised(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    good = ("正常的一行文字，用于测试。" * 4 + "\n").encode()
    path.write_bytes(good * 200 + b"".join(b"bad \xff line\n" for _ in range(6)))
    _, warnings = read(path)
    assert len(warnings) == 4
    assert warnings[0] == f"{path}:201: undecodable bytes replaced with U+FFFD (read as utf-8)"
    assert warnings[-1] == f"{path}: undecodable bytes on 3 more lines"


def test_docx_paragraph_index(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph(LINES[0])
    document.add_paragraph("")
    document.add_paragraph(LINES[1])
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "表格中的文字"
    path = tmp_path / "讲话.docx"
    document.save(str(path))
    (doc,), warnings = read(path)
    assert warnings == []
    assert doc.encoding == "docx"
    assert [(line.number, line.text) for line in doc.raw_lines] == [
        (1, LINES[0]), (2, ""), (3, LINES[1]), (4, "表格中的文字"),
    ]  # fmt: skip


def test_corrupt_docx_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    docs, warnings = read(path)
    assert docs == []
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path}: not a valid .docx file")
    assert warnings[0].endswith("skipped (re-save it in Word as .docx)")


HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>网站标题</title>
<style>p { color: red; }</style></head>
<body>
<script>var content_2 = "不可见";</script>
<div class="nav">首页 &gt; 范文</div>
<h1>在全市创建工作会上的讲话</h1>
<p>同志们：</p>
<p>今天，我们召开
全市大会。</p>
<noscript>请启用脚本</noscript>
<p>谢谢大家！<br>第二行</p>
</body></html>
"""


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_html_visible_text_with_source_lines(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML.replace("utf-8", encoding).encode(encoding))
    (doc,), warnings = read(path)
    assert warnings == []
    assert [(line.number, line.text) for line in doc.raw_lines] == [
        (6, "首页 > 范文"),
        (7, "在全市创建工作会上的讲话"),
        (8, "同志们："),
        (9, "今天，我们召开全市大会。"),
        (12, "谢谢大家！"),
        (12, "第二行"),
    ]
    text = "\n".join(line.text for line in doc.raw_lines)
    for hidden in ("color", "不可见", "请启用脚本", "网站标题"):
        assert hidden not in text


def test_jsonl_records_with_text_field(tmp_path: Path) -> None:
    path = tmp_path / "speeches.jsonl"
    rows = [
        {"body": "同志们：\n今天开会。", "id": 1},
        {"body": "第二篇。"},
        {"other": "no body"},
        {"body": "第四篇。"},
    ]
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\nnot json\n",
        encoding="utf-8",
    )
    docs, warnings = read(path, text_field="body")
    assert [(d.record, [line.text for line in d.raw_lines]) for d in docs] == [
        (0, ["同志们：", "今天开会。"]),
        (1, ["第二篇。"]),
        (3, ["第四篇。"]),
    ]
    assert {d.source for d in docs} == {str(path)}
    assert len({d.sha256 for d in docs}) == 3
    assert warnings == [
        f"{path}:3: record has no field 'body'; skipped (see --text-field)",
        f"{path}:6: invalid JSON (Expecting value); skipped",
    ]


def test_csv_records_with_text_field_gbk(tmp_path: Path) -> None:
    path = tmp_path / "speeches.csv"
    csv_text = 'title,content\n讲话一,"同志们：\n今天开会。"\n讲话二,第二篇。\n'
    path.write_bytes(csv_text.encode("gbk"))
    docs, warnings = read(path, text_field="content")
    assert warnings == []
    assert docs[0].encoding == "gb18030"
    assert [(d.record, [line.text for line in d.raw_lines]) for d in docs] == [
        (0, ["同志们：", "今天开会。"]),
        (1, ["第二篇。"]),
    ]


def test_csv_without_the_text_column_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("title,body\n讲话,内容\n", encoding="utf-8")
    docs, warnings = read(path)
    assert docs == []
    assert warnings == [
        f"{path}: no column 'text' (columns: 'title', 'body'); pass --text-field NAME; skipped"
    ]


def test_binary_file_is_skipped_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    docs, warnings = read(path)
    assert docs == []
    assert warnings == [f"{path}: binary file (PNG image); skipped"]


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_empty_file_is_skipped_with_warning(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    docs, warnings = read(path)
    assert docs == []
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path}: ")
    assert "empty file" in warnings[0]


def test_50mb_single_line_is_read_in_bounded_pieces(tmp_path: Path) -> None:
    unit = "各级各部门要提高政治站位，狠抓工作落实，确保创建工作取得实效。".encode()
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // (len(unit) * 1000) + 1):
            fh.write(unit * 1000)
    assert path.stat().st_size >= 50 * 1024 * 1024
    (doc,), warnings = read(path)
    assert warnings == [
        f"{path}:1: line longer than {MAX_LINE_CHARS:,} characters; split at sentence ends"
    ]
    assert {line.number for line in doc.raw_lines} == {1}
    assert max(len(line.text) for line in doc.raw_lines) <= MAX_LINE_CHARS
    assert all(line.text.endswith("。") for line in doc.raw_lines)
    assert sum(len(line.text.encode()) for line in doc.raw_lines) == path.stat().st_size
