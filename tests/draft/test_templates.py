"""Templates: profile values stay data; user templates; errors name the template and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from speechkit.bank.build import CorpusModel
from speechkit.draft import draft, parse_profile
from speechkit.errors import TemplateError
from speechkit.paths import templates_dir

PROFILE = """city: 云溪区
campaign: 全国文明城区
meeting: {type: 推进会}
speaker: {title: 区委书记}
achievements: ["{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "{{ ''.__class__ }}"]
priorities: [背街小巷整治]
length: 2000
"""


def test_profile_values_are_never_evaluated(corpus_model: CorpusModel) -> None:
    d = draft(parse_profile(PROFILE), corpus_model)
    text = d.body_text
    assert "{{ 7*7 }}" in text and "49" not in text
    assert "{% for x in range(3) %}x{% endfor %}" in text
    assert "{{ ''.__class__ }}" in text and "<class" not in text


def _user_templates(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    shutil.copytree(templates_dir(), folder)
    return folder


def test_user_templates_are_used(tmp_path: Path, corpus_model: CorpusModel) -> None:
    folder = _user_templates(tmp_path)
    path = folder / "progress.j2"
    text = path.read_text(encoding="utf-8")
    text = text.replace("@salutation 同志们：", "@salutation 各位同事：")
    path.write_text(text, encoding="utf-8")
    d = draft(parse_profile(PROFILE), corpus_model, templates_dir=folder)
    assert d.paragraphs[0].text == "各位同事："


def test_undefined_variable_names_template_and_line(
    tmp_path: Path, corpus_model: CorpusModel
) -> None:
    folder = _user_templates(tmp_path)
    path = folder / "progress.j2"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "@p opening {{ mayor_name }}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        draft(parse_profile(PROFILE), corpus_model, templates_dir=folder)
    assert str(info.value).startswith(f"{path}:4: template error: 'mayor_name' is undefined")


def test_missing_template_file(tmp_path: Path, corpus_model: CorpusModel) -> None:
    folder = _user_templates(tmp_path)
    (folder / "progress.j2").unlink()
    with pytest.raises(TemplateError, match=r"progress.j2: template not found"):
        draft(parse_profile(PROFILE), corpus_model, templates_dir=folder)


def test_sandbox_blocks_unsafe_template_code(tmp_path: Path, corpus_model: CorpusModel) -> None:
    folder = _user_templates(tmp_path)
    path = folder / "progress.j2"
    path.write_text("@title {{ city.__class__.__mro__ }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"progress\.j2:1: template error"):
        draft(parse_profile(PROFILE), corpus_model, templates_dir=folder)


def test_else_is_said_only_when_the_corpus_has_nothing() -> None:
    from speechkit.draft.skeleton import parse_skeleton

    items = parse_skeleton(
        "@point safeguards 强化督查考核。§\n@expand safeguards 1\n@else 要严肃问责。\n", "t.j2"
    )
    assert [it.kind for it in items] == ["point"]
    assert items[0].otherwise == "要严肃问责。"
    assert items[0].fills  # the corpus is asked first


def test_else_without_a_point_names_template_and_line() -> None:
    from speechkit.draft.skeleton import parse_skeleton

    with pytest.raises(TemplateError, match=r"t.j2: output line 2: @else must follow"):
        parse_skeleton("@p opening 同志们。\n@else 要严肃问责。\n", "t.j2")
