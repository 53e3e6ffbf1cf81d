"""The role cue lexicon is data users can extend."""

from __future__ import annotations

import pytest

from speechkit.errors import InputError
from speechkit.model import Paragraph, Speech
from speechkit.structure import assign_roles, load_lexicon
from speechkit.types import ROLES

SAFE = ROLES.index("safeguards")


def test_bundled_lexicon_has_every_role():
    lex = load_lexicon()
    assert all(len(lex.cues[r]) >= 10 for r in ROLES)


def test_half_width_punctuation_matches_full_width_cues():
    lex = load_lexicon()
    assert lex.score("同志们,让我们共同努力")[ROLES.index("closing")] > 0


def test_user_file_adds_and_reweights_cues(tmp_path):
    user = tmp_path / "cues.yaml"
    user.write_text("safeguards:\n  - {cue: 包保到户, weight: 5}\n  - 督查\n", encoding="utf-8")
    base = load_lexicon()
    lex = load_lexicon([user])
    assert base.score("实行包保到户")[SAFE] == 0
    assert lex.score("实行包保到户")[SAFE] == 5
    assert lex.score("督查")[SAFE] == 1.0  # the user's weight wins over the bundled 2.0
    assert len(lex.cues["tasks"]) == len(base.cues["tasks"])


def test_user_cues_change_the_roles(tmp_path, tokenizer):
    def speech():
        texts = ["同志们：", "今天召开会议，我讲几点意见。", "一是重要意义要讲清楚。",
                 "二是任务要抓好。", "三是包保到户，人人有份。", "四是重点任务要完成。",
                 "同志们，让我们共同努力！"]  # fmt: skip
        return Speech(
            "t.txt", 1, 7, None, [Paragraph(t, i + 1, i + 1) for i, t in enumerate(texts)], id=1
        )

    user = tmp_path / "cues.yaml"
    user.write_text("safeguards:\n  - {cue: 包保到户, weight: 8}\n", encoding="utf-8")
    plain = assign_roles([speech()], tokenizer=tokenizer).roles[0]
    extended = assign_roles([speech()], lexicon=load_lexicon([user]), tokenizer=tokenizer).roles[0]
    assert plain[4] != "safeguards"
    assert extended[4] == "safeguards"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- a\n- b\n", "role cue file must map role names to lists of cues"),
        ("ending:\n  - 谢谢\n", "unknown role 'ending'"),
        ("tasks:\n  - {cue: 抓好, weight: many}\n", "weight must be a number"),
        ("tasks:\n  - 3\n", "each cue must be a non-empty string"),
    ],
)
def test_malformed_user_file_names_the_file(tmp_path, content, message):
    user = tmp_path / "bad.yaml"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_lexicon([user])
    assert str(user) in str(info.value)


def test_missing_user_file(tmp_path):
    with pytest.raises(InputError, match="role cue file not found"):
        load_lexicon([tmp_path / "nope.yaml"])
