"""The sentence bank reads the numbering segmentation recorded, not a second guess of its own."""

from __future__ import annotations

from speechkit.bank.build import build_bank
from speechkit.model import Paragraph, Speech


def _speech(paragraphs: list[Paragraph]) -> Speech:
    last = len(paragraphs)
    return Speech(source="s.txt", first_line=1, last_line=last, title="讲话", paragraphs=paragraphs)


def test_a_word_segmentation_did_not_call_a_marker_stays() -> None:
    # 首先，我代表… opens a sentence; segmentation recorded no marker, so the bank keeps 首先.
    first = Paragraph(
        text="首先，我代表市委向受到表彰的先进集体表示祝贺。要再接再厉，巩固创建成果。",
        line=1, last_line=1, role="opening",
    )
    numbered = Paragraph(
        text="一是加强组织领导。要落实责任，形成合力，确保各项任务落到实处。",
        line=2, last_line=2, level=2, marker="一是", role="safeguards",
    )  # fmt: skip
    bank = build_bank([_speech([first, numbered])])
    texts = {p.role: p for p in bank.paragraphs}
    assert texts["opening"].sentences[0].startswith("首先，")
    assert texts["safeguards"].lead == "加强组织领导。"
