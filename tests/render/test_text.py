"""Plain-text and Markdown renderings of a draft."""

from __future__ import annotations

import pytest

from speechkit.errors import OutputError, ParameterError
from speechkit.model import Draft, DraftParagraph
from speechkit.render import to_markdown, to_text, write_text_output

from .drafts import TITLE, make_draft


def test_text_layout(draft):
    lines = to_text(draft).splitlines()
    assert lines[0].strip("\u3000") == TITLE and lines[0].startswith("\u3000\u3000\u3000\u3000")
    assert lines[1].strip("\u3000") == "（2027年4月10日）"
    assert lines[2].strip("\u3000") == "市委书记"
    assert lines[3] == ""
    body = lines[4:]
    assert body == [
        p.text if p.kind == "salutation" else "\u3000\u3000" + p.text for p in draft.paragraphs
    ]


def test_markdown_structure(draft):
    blocks = to_markdown(draft).rstrip("\n").split("\n\n")
    assert blocks[0] == f"# {TITLE}"
    headings = [b[3:] for b in blocks if b.startswith("## ")]
    assert headings == [p.text for p in draft.paragraphs if p.level == 1]
    for par in draft.paragraphs:
        if par.lead:
            lead = par.lead.rstrip("。")
            assert f"**{lead}**。{par.text[len(par.lead) :]}" in blocks
    assert len(blocks) == 3 + len(draft.paragraphs)


def test_markdown_escapes_corpus_symbols():
    draft = Draft(
        "**年工作", [DraftParagraph("# 不是标题，*副部长讲话。"), DraftParagraph("1. 不是列表")]
    )
    assert (
        to_markdown(draft) == "# \\*\\*年工作\n\n\\# 不是标题，\\*副部长讲话。\n\n1\\. 不是列表\n"
    )


def test_no_byline_without_date_and_speaker():
    draft = make_draft(date=None, speaker=None)
    assert to_text(draft).splitlines()[1] == ""
    assert to_markdown(draft).split("\n\n")[1] == "同志们："


@pytest.mark.parametrize(
    ("name", "render"), [("a.md", to_markdown), ("b.TXT", to_text), ("c.markdown", to_markdown)]
)
def test_write_by_extension(tmp_path, draft, name, render):
    path = write_text_output(draft, tmp_path / name)
    assert path.read_text(encoding="utf-8") == render(draft)
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_unknown_extension(tmp_path, draft):
    with pytest.raises(ParameterError, match=r"invalid output extension '\.docx'.*\.md"):
        write_text_output(draft, tmp_path / "a.docx")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target(tmp_path, draft):
    target = tmp_path / "讲话稿.md"
    target.mkdir()
    with pytest.raises(OutputError, match=r"讲话稿\.md"):
        write_text_output(draft, target)
    assert [p.name for p in tmp_path.iterdir()] == ["讲话稿.md"]
