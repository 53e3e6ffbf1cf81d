"""The YAML city profile: what a speechwriter tells speechkit about the city and the meeting.

The profile is validated with pydantic; every error names the key and the YAML line,
in English and Chinese (``profile.yaml:7: sections: must be between 3 and 5 (got 6) /
第7行 sections 应为 3–5``). Profile values are data: the composer hands them to the
templates as variables and never evaluates them as template code.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from speechkit.errors import ProfileError
from speechkit.seeds import MAX_SEED
from speechkit.types import PathLike
from speechkit.zh import campaign_task

__all__ = [
    "LEVELS",
    "MEETING_TYPES",
    "Meeting",
    "Profile",
    "Speaker",
    "load_profile",
    "parse_profile",
    "validate_profile_data",
]

#: Administrative levels a profile can name; they decide 全市/全区/全县 throughout the draft.
LEVELS: tuple[str, ...] = ("市", "区", "县")
#: Meeting types, each with its own template.
MEETING_TYPES: tuple[str, ...] = ("动员会", "推进会", "部署会", "总结表彰会")
#: How a derived meeting name ends for each meeting type.
_MEETING_SUFFIX = {
    "动员会": "动员大会",
    "推进会": "推进会",
    "部署会": "部署会",
    "总结表彰会": "总结表彰大会",
}

MeetingType = Literal["动员会", "推进会", "部署会", "总结表彰会"]
Level = Literal["市", "区", "县"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Meeting(_Strict):
    """The meeting the speech is given at.

    Attributes:
        type: 动员会 | 推进会 | 部署会 | 总结表彰会; picks the template.
        name: Full meeting name; derived from city, campaign and type when absent.
        date: Meeting date (``2027-04-10``), optional.
    """

    type: MeetingType
    name: str | None = Field(default=None, min_length=2)
    date: _dt.date | None = None


class Speaker(_Strict):
    """Who gives the speech.

    Attributes:
        title: The speaker's post (市委书记, 区长); it decides the voice of the draft.
    """

    title: str = Field(min_length=2)


class Profile(_Strict):
    """A validated city profile (see ``speechkit init-profile`` for an annotated example).

    Attributes:
        city: City, district or county name (青岚市, 云溪区, 松阳县). Required.
        level: 市 | 区 | 县; inferred from the last character of ``city`` when absent.
        province: Province name, optional.
        campaign: The campaign (全国文明城市, 全国文明城区, 国家卫生城市…). Required.
        meeting: Meeting type, name and date.
        speaker: The speaker's title.
        achievements: Achievements to mention (each appears in the draft).
        problems: Problems and shortcomings to mention.
        priorities: Focus areas of the tasks section.
        figures: Named numbers, e.g. ``{志愿者人数: 9.8万人}``.
        sections: Number of level-1 sections, 3–5 (default 3).
        length: Target length in Chinese characters, at least 1000 (default 4000).
        seed: Random seed for the wording; the command line ``--seed`` overrides it.
    """

    city: str = Field(min_length=2)
    level: Level | None = None
    province: str | None = None
    campaign: str = Field(min_length=2)
    meeting: Meeting
    speaker: Speaker
    achievements: list[str] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)
    priorities: list[str] = Field(default_factory=list)
    figures: dict[str, str] = Field(default_factory=dict)
    sections: int = Field(default=3, ge=3, le=5)
    length: int = Field(default=4000, ge=1000)
    seed: int | None = Field(default=None, ge=0, le=MAX_SEED)

    @field_validator("figures", mode="before")
    @classmethod
    def _numbers_as_text(cls, value: Any) -> Any:
        # ``志愿者人数: 98000`` is a number in YAML; the draft quotes it as written.
        if isinstance(value, dict):
            return {
                k: (str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v)
                for k, v in value.items()
            }
        return value

    @field_validator("achievements", "problems", "priorities")
    @classmethod
    def _no_empty_items(cls, value: list[str]) -> list[str]:
        return [item.strip().rstrip("。；;，,") for item in value if item.strip()]

    @model_validator(mode="after")
    def _infer(self) -> Profile:
        if self.level is None:
            suffix = self.city[-1]
            if suffix not in LEVELS:
                raise ValueError("level_unknown")
            object.__setattr__(self, "level", suffix)
        if self.meeting.name is None:
            campaign = self.campaign
            # A campaign name that starts with a verb (巩固…) takes no 创建.
            name = f"{self.city}{campaign_task(campaign)}{_MEETING_SUFFIX[self.meeting.type]}"
            object.__setattr__(self, "meeting", self.meeting.model_copy(update={"name": name}))
        return self

    @property
    def level_char(self) -> str:
        """The level character: 市, 区 or 县 (``level``, which validation always fills)."""
        return self.level or self.city[-1]


# ---------------------------------------------------------------------------- loading


class _BadDate(Exception):
    """A YAML timestamp such as ``2027-02-30`` that names no real day."""

    def __init__(self, value: str, line: int, reason: str):
        super().__init__(value)
        self.value, self.line, self.reason = value, line, reason


@functools.cache
def _loader() -> type:
    """A SafeLoader whose impossible dates raise :class:`_BadDate` with their line.

    PyYAML's SafeLoader turns ``2027-02-30`` into :class:`datetime.date` and lets
    the ``ValueError`` escape with no line; everything else is SafeLoader's own.
    """
    import yaml

    class Loader(yaml.SafeLoader):
        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError as exc:
                raise _BadDate(str(node.value), node.start_mark.line + 1, str(exc)) from None

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader


def _key_at(lines: dict[tuple[Any, ...], int], line: int) -> str:
    """Dotted key of the deepest node that starts on ``line`` (``profile`` if none)."""
    paths = [path for path, at in lines.items() if at == line and path]
    if not paths:
        return "profile"
    return ".".join(str(p) for p in max(paths, key=len))


# C0 and C1 controls except tab and line breaks, DEL, surrogates and the two non-characters
# XML 1.0 forbids: none belongs in a speech, and a .docx cannot hold them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _reject_control_characters(
    value: Any, path: tuple[Any, ...], where: Path, lines: _Lines
) -> None:
    """Raise :class:`ProfileError` at the first key or value holding a control character."""
    if isinstance(value, dict):
        for key, item in value.items():
            _reject_control_characters(key, (*path, key), where, lines)
            _reject_control_characters(item, (*path, key), where, lines)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _reject_control_characters(item, (*path, i), where, lines)
    elif isinstance(value, str) and (found := _CONTROL.search(value)):
        line = lines.of(path) or 1
        # The key itself may hold the character: show it escaped, not raw on the terminal.
        key = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", ".".join(map(str, path)))
        key = key or "profile"
        code = f"U+{ord(found.group()):04X}"
        raise ProfileError(
            f"{where}:{line}: {key}: contains the control character {code}; remove it"
            f" (often pasted from another program or written as an escape like \\x00)"
            f" / 第{line}行 {key} 含有控制字符 {code}，请删除"
        )


@dataclass(frozen=True, slots=True)
class _Lines:
    """Line number (1-based) of every key and list item, by its path in the document."""

    by_path: dict[tuple[Any, ...], int]

    def of(self, path: tuple[Any, ...]) -> int | None:
        # A missing key has no line: fall back to its nearest existing parent.
        while path:
            if path in self.by_path:
                return self.by_path[path]
            path = path[:-1]
        return self.by_path.get(())


def _node_lines(node: Any, path: tuple[Any, ...], out: dict[tuple[Any, ...], int]) -> None:
    import yaml

    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[(*path, key)] = key_node.start_mark.line + 1
            _node_lines(value_node, (*path, key), out)
            out[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _node_lines(item, (*path, i), out)


_FIELD_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {
    (): tuple(Profile.model_fields),
    ("meeting",): tuple(Meeting.model_fields),
    ("speaker",): tuple(Speaker.model_fields),
}

_TYPE_NAMES = {
    "string_type": ("a text", "文本"),
    "int_type": ("a whole number", "整数"),
    "int_parsing": ("a whole number", "整数"),
    "int_from_float": ("a whole number", "整数"),
    "list_type": ("a list (one '- item' per line)", "列表（每行一个“- 条目”）"),
    "dict_type": ("a mapping (key: value)", "映射（键: 值）"),
    "model_type": ("a mapping (key: value)", "映射（键: 值）"),
    "model_attributes_type": ("a mapping (key: value)", "映射（键: 值）"),
    "date_type": ("a date like 2027-04-10", "日期，如 2027-04-10"),
    "date_parsing": ("a date like 2027-04-10", "日期，如 2027-04-10"),
    "date_from_datetime_parsing": ("a date like 2027-04-10", "日期，如 2027-04-10"),
    "date_from_datetime_inexact": ("a date like 2027-04-10", "日期，如 2027-04-10"),
}


def _describe(error: ErrorDetails) -> tuple[str, str]:
    """English and Chinese text for one pydantic error."""
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "required key is missing; add it", "缺少必填项，请补充"
    if kind == "extra_forbidden":
        parent = tuple(str(p) for p in loc[:-1])
        valid = _FIELD_NAMES.get(parent, ())
        guess = difflib.get_close_matches(str(loc[-1]), valid, n=1, cutoff=0.5)
        hint_en = f"; did you mean '{guess[0]}'?" if guess else f"; valid keys: {', '.join(valid)}"
        hint_zh = f"，是否应为 {guess[0]}？" if guess else f"，可用的键：{'、'.join(valid)}"
        return f"unknown key{hint_en}", f"未知的键{hint_zh}"
    if kind == "literal_error":
        if loc == ("meeting", "type"):
            types = " | ".join(MEETING_TYPES)
            return (
                f"unknown meeting type {value!r}; valid types: {types}",
                f"会议类型无效，应为 {types} 之一",
            )
        if loc == ("level",):
            levels = " | ".join(LEVELS)
            return f"must be one of {levels} (got {value!r})", f"应为 {levels} 之一"
        return (
            f"must be one of {ctx.get('expected')} (got {value!r})",
            f"应为 {ctx.get('expected')} 之一",
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        if loc == ("sections",):
            return f"must be between 3 and 5 (got {value})", "应为 3–5"
        if loc == ("length",):
            return (
                f"must be at least 1000 characters (got {value})",
                "应不少于 1000 字",
            )
        bound = ctx.get("ge", ctx.get("le"))
        op = "at least" if kind == "greater_than_equal" else "at most"
        return (
            f"must be {op} {bound} (got {value})",
            f"应{'不小于' if op == 'at least' else '不大于'} {bound}",
        )
    if kind == "string_too_short":
        return "must not be empty", "不能为空"
    if kind in _TYPE_NAMES:
        en, zh = _TYPE_NAMES[kind]
        return f"must be {en} (got {value!r})", f"应为{zh}"
    if kind == "value_error" and "level_unknown" in str(error.get("msg", "")):
        return (
            "cannot infer the level from the name; add 'level: 市|区|县'",
            "无法从名称推断级别，请填写 level: 市|区|县",
        )
    return str(error.get("msg", kind)), "取值无效"


def _format_error(path: Path, exc: ValidationError, lines: _Lines) -> str:
    errors = exc.errors(include_url=False)
    located = []
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "value_error" and "level_unknown" in str(error.get("msg", "")):
            loc = ("city",)
        located.append((error["type"] == "missing", lines.of(loc) or 1, loc, error))
    # Errors at a key the user wrote come before missing keys, then in line order.
    located.sort(key=lambda item: item[:2])
    # Every problem on its own line, so one run shows all that needs fixing.
    messages = []
    for _, line, loc, error in located:
        key = ".".join(str(p) for p in loc) or "profile"
        en, zh = _describe(error)
        messages.append(f"{path}:{line}: {key}: {en} / 第{line}行 {key} {zh}")
    return "\n".join(messages)


def parse_profile(text: str, *, path: PathLike = "profile.yaml") -> Profile:
    """Validate the YAML text of a profile.

    Args:
        text: YAML document.
        path: Name used in error messages.

    Returns:
        The validated :class:`Profile`.

    Raises:
        ProfileError: Invalid YAML or an invalid value, naming the key and the line.

    Examples:
        >>> p = parse_profile("city: 云溪区\\ncampaign: 全国文明城区\\n"
        ...                   "meeting: {type: 推进会}\\nspeaker: {title: 区委书记}")
        >>> p.level, p.meeting.name
        ('区', '云溪区创建全国文明城区推进会')
        >>> try:
        ...     parse_profile("city: 云溪区\\nsectons: 4")
        ... except ProfileError as exc:
        ...     print(str(exc).split(" / ")[0])
        profile.yaml:2: sectons: unknown key; did you mean 'sections'?
    """
    import yaml

    where = Path(path)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.load(text, Loader=_loader())  # a SafeLoader subclass
    except _BadDate as exc:
        lines_by_path: dict[tuple[Any, ...], int] = {}
        if node is not None:
            _node_lines(node, (), lines_by_path)
        key = _key_at(lines_by_path, exc.line)
        raise ProfileError(
            f"{where}:{exc.line}: {key}: {exc.value!r} is not a real date ({exc.reason}); "
            f"write an existing date as YYYY-MM-DD, e.g. 2027-04-10"
            f" / 第{exc.line}行 {key} 日期不存在，应为 YYYY-MM-DD"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ProfileError(
            f"{where}:{line}: invalid YAML: {problem}; check indentation and 'key: value' syntax"
            f" / 第{line}行 YAML 格式错误"
        ) from exc
    if data is None:
        raise ProfileError(
            f"{where}:1: profile is empty; run 'speechkit init-profile' for an example"
            " / 第1行 配置文件为空"
        )
    if not isinstance(data, dict):
        raise ProfileError(
            f"{where}:1: profile must be a mapping of 'key: value' lines, "
            f"not a {type(data).__name__}"
            " / 第1行 配置文件应为“键: 值”形式"
        )
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _node_lines(node, (), lines)
    _reject_control_characters(data, (), where, _Lines(lines))
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(_format_error(where, exc, _Lines(lines))) from None


def load_profile(path: PathLike) -> Profile:
    """Read and validate a YAML profile file.

    Raises:
        ProfileError: Missing or unreadable file, invalid YAML or values.
    """
    where = Path(path)
    try:
        raw = where.read_bytes()
    except FileNotFoundError:
        raise ProfileError(
            f"{where}: profile not found; check the path or run 'speechkit init-profile {where}'"
            " / 找不到配置文件"
        ) from None
    except IsADirectoryError:
        raise ProfileError(
            f"{where}: is a folder, not a YAML profile / 这是文件夹，不是配置文件"
        ) from None
    except OSError as exc:
        raise ProfileError(f"{where}: cannot read ({exc.strerror}) / 无法读取") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ProfileError(
            f"{where}:{line}: not UTF-8 text; save the profile as UTF-8"
            f" / 第{line}行 不是 UTF-8 编码"
        ) from None
    return parse_profile(text, path=where)


# ---------------------------------------------------------------------------- data (JSON)


def validate_profile_data(data: Any) -> Profile:
    """Validate a profile given as data (the JSON body of ``speechkit serve``), not YAML.

    Same rules and messages as :func:`parse_profile`, but the problems come back structured,
    one ``(key, message)`` per problem, so a form can show each beside its field.

    Raises:
        ProfileProblems: With ``problems``, e.g. ``[("sections", "must be between 3 and 5
            (got 6) / 应为 3–5")]``.

    Examples:
        >>> validate_profile_data({"city": "云溪区", "campaign": "全国文明城区",
        ...     "meeting": {"type": "推进会"}, "speaker": {"title": "区委书记"}}).level
        '区'
        >>> from speechkit.errors import ProfileProblems
        >>> try:
        ...     validate_profile_data({"city": "云溪区", "sections": 6})
        ... except ProfileProblems as exc:
        ...     print(exc.problems[0])
        ('sections', 'must be between 3 and 5 (got 6) / 应为 3–5')
    """
    from speechkit.errors import ProfileProblems  # here, so this edit stays additive

    if not isinstance(data, dict):
        message = f"must be an object of keys and values, not {type(data).__name__}"
        raise ProfileProblems([("profile", f"{message} / 应为“键: 值”形式")])
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        located = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            if error["type"] == "value_error" and "level_unknown" in str(error.get("msg", "")):
                loc = ("city",)
            en, zh = _describe(error)
            located.append((error["type"] == "missing", ".".join(map(str, loc)) or "profile",
                            f"{en} / {zh}"))  # fmt: skip
        # As in the YAML messages: problems with what was written before missing keys.
        located.sort(key=lambda item: item[0])
        raise ProfileProblems([(key, message) for _, key, message in located]) from None
