"""Markdown input: markup removed line by line, line numbers kept, only for .md files."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.ingest import read_documents
from speechkit.ingest.markdown import markdown_lines, markdown_to_text
from speechkit.model import Line


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("# 讲话汇编", "讲话汇编"),
        ("## 在全区推进会上的讲话", "在全区推进会上的讲话"),
        ("### 一、把握形势 ###", "一、把握形势"),
        ("##一、无空格标题", "一、无空格标题"),
        ("> 整理：办公室", "整理：办公室"),
        ("> > 引文", "引文"),
        ("**目录**", "目录"),
        ("__重点__在落实", "重点在落实"),
        ("要*坚持*问题导向", "要坚持问题导向"),
        ("要_坚持_问题导向", "要坚持问题导向"),
        ("~~删除~~保留", "删除保留"),
        ("运行 `speechkit` 命令", "运行 speechkit 命令"),
        ('详见[通知](https://example.com/a "标题")。', "详见通知。"),
        ("详见[通知][1]。", "详见通知。"),
        ("[1]: https://example.com/a", ""),
        ("见图![示意图](a.png)", "见图"),
        ("- 第一项", "第一项"),
        ("* 第二项", "第二项"),
        ("+ [x] 已完成", "已完成"),
        ("1. 先进集体名单", "1. 先进集体名单"),  # ordered numbers are heading markers
        ("- [讲话一](#讲话一)", ""),
        ("[返回目录](#目录) | [返回顶部](#top)", ""),
        ("---", ""),
        ("* * *", ""),
        ("___", ""),
        ("=====", ""),
        ("| --- | :---: |", ""),
        ("| 序号 | 单位 |", "序号　单位"),
        ("换行<br/>之后", "换行之后"),
        ("<https://example.com>", "https://example.com"),
        (r"价格\*2 与 \[注\]", "价格*2 与 [注]"),
        # placeholders are not emphasis
        ("**年**月**日", "**年**月**日"),
        ("X同志、*副部长、***同志出席", "X同志、*副部长、***同志出席"),
        ("xx市、X万元", "xx市、X万元"),
        ("同志们：", "同志们："),
    ],
)
def test_markdown_to_text(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


def test_fenced_code_kept_verbatim_and_numbers_kept() -> None:
    src = ["## 标题", "```text", "## 原样", "```", "正文"]
    out = list(markdown_lines(Line(i, t) for i, t in enumerate(src, start=1)))
    assert [(x.number, x.text) for x in out] == [
        (1, "标题"), (2, ""), (3, "## 原样"), (4, ""), (5, "正文"),
    ]  # fmt: skip


def _read(path: Path) -> list[Line]:
    warnings: list[str] = []
    docs = list(read_documents(path, path.name, "text", warn=warnings.append))
    assert warnings == []
    return docs[0].raw_lines


def test_reader_strips_markdown_only_for_md(tmp_path: Path) -> None:
    text = "# 汇编\n\n## 在大会上的讲话\n\n同志们：\n\n### 一、**提高**认识\n"
    md = tmp_path / "a.md"
    txt = tmp_path / "a.txt"
    md.write_text(text, "utf-8")
    txt.write_text(text, "utf-8")
    md_lines = [(x.number, x.text) for x in _read(md) if x.text]
    assert md_lines == [(1, "汇编"), (3, "在大会上的讲话"), (5, "同志们："), (7, "一、提高认识")]
    assert [x.text for x in _read(txt) if x.text][-1] == "### 一、**提高**认识"


def test_markdown_speech_titles_and_headings(tmp_path: Path) -> None:
    from speechkit.corpus import open_corpus

    md = tmp_path / "speech.md"
    md.write_text(
        "## 在全县工作会议上的讲话\n\n同志们：\n\n### 一、提高认识\n\n要*切实*抓好落实。\n\n"
        "[返回目录](#目录)\n",
        "utf-8",
    )
    (speech,) = open_corpus([md]).speeches()
    assert speech.title == "在全县工作会议上的讲话"
    assert [(p.line, p.heading, p.text) for p in speech.paragraphs] == [
        (3, None, "同志们："),
        (5, "一、提高认识", "一、提高认识"),
        (7, None, "要切实抓好落实。"),
    ]
