"""Workbench support in speechkit.draft: profiles as data, drafts back from JSON, other corpus
wording for a paragraph (换一段) and locked paragraphs across seeds (锁定)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from speechkit.bank.build import CorpusModel
from speechkit.draft.alternatives import alternatives, apply_locked
from speechkit.draft.compose import count_chars, draft
from speechkit.draft.output import draft_from_json, draft_to_json
from speechkit.errors import DraftDataError, ParameterError, ProfileError, ProfileProblems
from speechkit.model import Draft, DraftParagraph
from speechkit.profile import load_profile, parse_profile, validate_profile_data
from tests.draft.conftest import EXAMPLES

BASE = "city: 青岚市\ncampaign: 全国文明城市\nmeeting: {type: 动员会}\nspeaker: {title: 市委书记}\n"


@pytest.mark.parametrize(
    "extra",
    ["sections: 6", "length: 10", "sectons: 4", "level: 省", "meeting: {type: 座谈会}",
     "achievements: 一条", "figures: [1, 2]", "seed: 七"],
)  # fmt: skip
def test_data_profiles_get_the_yaml_messages(extra: str) -> None:
    text = BASE + extra + "\n"
    if extra.startswith("meeting"):
        text = text.replace("meeting: {type: 动员会}\n", "")
    with pytest.raises(ProfileError) as from_yaml:
        parse_profile(text, path="p.yaml")
    with pytest.raises(ProfileProblems) as from_data:
        validate_profile_data(yaml.safe_load(text))
    printed = str(from_yaml.value).splitlines()
    assert len(printed) == len(from_data.value.problems)
    for line, (key, message) in zip(printed, from_data.value.problems, strict=True):
        en, zh = message.split(" / ")
        assert line.startswith("p.yaml:") and f": {key}: {en} / " in line and line.endswith(zh)


def test_a_valid_data_profile_equals_the_yaml_one() -> None:
    for path in EXAMPLES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert validate_profile_data(data) == load_profile(path)


@pytest.fixture(scope="module")
def example(corpus_model: CorpusModel) -> tuple[Any, Draft]:
    profile = load_profile(EXAMPLES[0])
    return profile, draft(profile, corpus_model)


def test_json_round_trip(example: tuple[Any, Draft]) -> None:
    _profile, result = example
    as_json = draft_to_json(result)
    assert draft_to_json(draft_from_json(as_json)) == as_json


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"title": None}, "title"),
        ({"paragraphs": []}, "paragraphs"),
        ({"paragraphs": [{"text": "x", "role": "ending"}]}, "paragraphs[0].role"),
        ({"paragraphs": [{"text": "x", "kind": "table"}]}, "paragraphs[0].kind"),
        ({"paragraphs": [{"text": "x", "level": 3}]}, "paragraphs[0].level"),
        ({"paragraphs": [{"text": "x", "lead": "y"}]}, "paragraphs[0].lead"),
        ({"paragraphs": [{"text": "x", "sources": [{"source": "a"}]}]}, "paragraphs[0].sources[0]"),
        ({"paragraphs": ["x"]}, "paragraphs[0]"),
        ({"stats": []}, "stats"),
        ({"speaker": 3}, "speaker"),
    ],
)
def test_bad_draft_json_names_the_key(change: dict[str, Any], key: str) -> None:
    base = {"title": "讲话", "paragraphs": [{"text": "同志们："}]}
    with pytest.raises(DraftDataError) as err:
        draft_from_json({**base, **change})
    assert err.value.key == key and str(err.value).startswith(f"draft JSON: {key}: ")


def test_alternatives_are_same_role_unused_and_adapted(
    example: tuple[Any, Draft], corpus_model: CorpusModel, corpus_names: list[str]
) -> None:
    profile, result = example
    given = " ".join([profile.city, profile.province or "", *profile.achievements,
                      *profile.problems, *profile.priorities])  # fmt: skip
    used = {(s.source, s.line) for p in result.paragraphs for s in p.sources}
    checked = 0
    for i, p in enumerate(result.paragraphs):
        if p.kind not in ("body", "closing"):
            continue
        found = alternatives(profile, corpus_model, result, i, limit=3)
        assert len(found) <= 3
        for alt in found:
            checked += 1
            assert alt["role"] == p.role
            ref = (alt["sources"][0]["source"], alt["sources"][0]["line"])
            assert ref not in used
            unit = next(u for u in corpus_model.paragraphs if (u.source, u.line) == ref)
            assert unit.role == p.role
            assert count_chars(alt["text"]) >= 30
            # No place or person of the corpus (listed by hand) survives the adaptation.
            assert [n for n in corpus_names if n in alt["text"] and n not in given] == []
            assert "xx" not in alt["text"].lower() and "某某" not in alt["text"]
    assert checked > 20


def test_alternatives_refuse_headings_and_salutations(
    example: tuple[Any, Draft], corpus_model: CorpusModel
) -> None:
    profile, result = example
    for i, p in enumerate(result.paragraphs):
        if p.kind in ("heading", "salutation"):
            with pytest.raises(ParameterError, match="a body paragraph"):
                alternatives(profile, corpus_model, result, i)
    with pytest.raises(ParameterError, match="limit"):
        alternatives(profile, corpus_model, result, 1, limit=0)


def _toy() -> Draft:
    return Draft(
        "讲话",
        [
            DraftParagraph("同志们：", role="opening", kind="salutation"),
            DraftParagraph("一、意义", role="significance", kind="heading", level=1),
            DraftParagraph("意义段。", role="significance"),
            DraftParagraph("二、任务", role="tasks", kind="heading", level=1),
            DraftParagraph("任务段一。", role="tasks"),
            DraftParagraph("任务段二。", role="tasks"),
        ],
        stats={"chars": 0},
    )


def test_locked_go_to_the_nearest_paragraph_of_their_role() -> None:
    out = apply_locked(_toy(), [{"index": 2, "text": "锁住的任务。", "role": "tasks"}])
    assert [p.text for p in out.paragraphs][4] == "锁住的任务。"
    assert out.stats["locked"] == [4]
    assert out.stats["chars"] == count_chars("".join(p.text for p in out.paragraphs))


def test_locked_without_a_place_are_inserted() -> None:
    out = apply_locked(_toy(), [{"index": 9, "text": "结尾。", "role": "closing"}])
    assert out.paragraphs[-1].text == "结尾。" and out.stats["locked"] == [6]
    assert out.paragraphs[-1].role == "closing"


def test_two_locks_never_take_one_place() -> None:
    locked = [
        {"index": 4, "text": "甲。", "role": "tasks"},
        {"index": 4, "text": "乙。", "role": "tasks"},
    ]
    out = apply_locked(_toy(), locked)
    assert [p.text for p in out.paragraphs][4:6] == ["甲。", "乙。"]
    assert out.stats["locked"] == [4, 5]


@pytest.mark.parametrize(
    "locked",
    [
        {"index": 1},
        [{"index": "1", "text": "x"}],
        [{"index": 1, "text": " "}],
        [3],
        [{"text": "x"}],
    ],
)
def test_bad_locked_items(locked: Any) -> None:
    with pytest.raises(DraftDataError, match="locked"):
        apply_locked(_toy(), locked)


def test_dates_as_text_or_as_dates() -> None:
    # JSON sends "2027-04-10"; yaml.safe_load gives a date: both are the same profile.
    data = yaml.safe_load(BASE.replace("{type: 动员会}", "{type: 推进会, date: 2027-04-10}"))
    as_text = {**data, "meeting": {"type": "推进会", "date": "2027-04-10"}}
    assert validate_profile_data(data) == validate_profile_data(as_text)
    assert str(validate_profile_data(as_text).meeting.date) == "2027-04-10"
