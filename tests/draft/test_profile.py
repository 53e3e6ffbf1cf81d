"""Profile validation: every message names the key and the YAML line, in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.draft.example import EXAMPLE_PROFILE
from speechkit.errors import ProfileError
from speechkit.profile import load_profile, parse_profile

BASE = """city: 青岚市
campaign: 全国文明城市
meeting:
  type: 动员会
speaker:
  title: 市委书记
"""

BAD = [
    (
        BASE + "sections: 6\n",
        "p.yaml:7: sections: must be between 3 and 5 (got 6) / 第7行 sections 应为 3–5",
    ),
    (
        BASE + "sections: 2\n",
        "p.yaml:7: sections: must be between 3 and 5 (got 2) / 第7行 sections 应为 3–5",
    ),
    (
        BASE + "length: 500\n",
        "p.yaml:7: length: must be at least 1000 characters (got 500)"
        " / 第7行 length 应不少于 1000 字",
    ),
    (
        BASE.replace("动员会", "誓师会"),
        "p.yaml:4: meeting.type: unknown meeting type"
        " '誓师会'; valid types: 动员会 | 推进会 | 部署会 | 总结表彰会"
        " / 第4行 meeting.type 会议类型无效，应为 动员会 | 推进会 | 部署会 | 总结表彰会 之一",
    ),
    (
        BASE + "sectons: 4\n",
        "p.yaml:7: sectons: unknown key; did you mean 'sections'?"
        " / 第7行 sectons 未知的键，是否应为 sections？",
    ),
    (
        BASE + "achievements: 成功创建省级文明城市\n",
        "p.yaml:7: achievements: must be a list"
        " (one '- item' per line) (got '成功创建省级文明城市')"
        " / 第7行 achievements 应为列表（每行一个“- 条目”）",
    ),
    (
        BASE + "sections: three\n",
        "p.yaml:7: sections: must be a whole number (got 'three') / 第7行 sections 应为整数",
    ),
    (
        BASE.replace("city: 青岚市\n", ""),
        "p.yaml:1: city: required key is missing; add it / 第1行 city 缺少必填项，请补充",
    ),
    (
        BASE.replace("青岚市", "青岚"),
        "p.yaml:1: city: cannot infer the level from the name; add 'level: 市|区|县'"
        " / 第1行 city 无法从名称推断级别，请填写 level: 市|区|县",
    ),
    (
        BASE.replace("  title: 市委书记", "  titel: 市委书记"),
        "p.yaml:6: speaker.titel: unknown key; did you mean 'title'?"
        " / 第6行 speaker.titel 未知的键，是否应为 title？\n"
        "p.yaml:5: speaker.title: required key is missing; add it"
        " / 第5行 speaker.title 缺少必填项，请补充",
    ),
    (
        BASE + "meeting_date: 2027-01-01\n",
        "p.yaml:7: meeting_date: unknown key; did you mean 'meeting'?"
        " / 第7行 meeting_date 未知的键，是否应为 meeting？",
    ),
    (
        "city: 青岚市\n  campaign: [\n",
        "p.yaml:2: invalid YAML: mapping values are not allowed here;"
        " check indentation and 'key: value' syntax / 第2行 YAML 格式错误",
    ),
    (
        "- a\n- b\n",
        "p.yaml:1: profile must be a mapping of 'key: value' lines, not a list"
        " / 第1行 配置文件应为“键: 值”形式",
    ),
    (
        "",
        "p.yaml:1: profile is empty; run 'speechkit init-profile' for an example"
        " / 第1行 配置文件为空",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD, ids=[m.split(":")[2].strip() for _, m in BAD])
def test_bad_profiles_name_key_and_line(text: str, message: str) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(text, path="p.yaml")
    assert str(info.value) == message


def test_defaults_and_inference() -> None:
    p = parse_profile(BASE)
    assert (p.level, p.sections, p.length, p.seed) == ("市", 3, 4000, None)
    assert p.meeting.name == "青岚市创建全国文明城市动员大会"
    q = parse_profile(
        BASE.replace("全国文明城市", "巩固国家卫生城市成果").replace("动员会", "总结表彰会")
    )
    assert q.meeting.name == "青岚市巩固国家卫生城市成果总结表彰大会"
    r = parse_profile(BASE + "figures: {志愿者人数: 98000, 满意度: 91.5%}\n")
    assert r.figures == {"志愿者人数": "98000", "满意度": "91.5%"}


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="profile not found"):
        load_profile(tmp_path / "none.yaml")
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("city: 青岚市\n".encode("gbk"))
    with pytest.raises(ProfileError, match=r"gbk.yaml:1: not UTF-8 text"):
        load_profile(gbk)


def test_example_profile_is_valid() -> None:
    profile = parse_profile(EXAMPLE_PROFILE)
    assert profile.city == "青岚市" and profile.meeting.type == "动员会"
