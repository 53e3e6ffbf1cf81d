"""The template skeleton: the meeting type's Jinja template rendered to directive lines, parsed.

The template (``templates/*.j2``, in a sandbox with ``StrictUndefined``) writes the profile's own
facts; ``@expand``/``@points`` lines mark where corpus material goes (see ``templates/macros.j2``).
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from speechkit.draft import resources as res
from speechkit.draft.plan import TASK_TOPICS
from speechkit.draft.select import Piece
from speechkit.errors import TemplateError
from speechkit.paths import templates_dir as bundled_templates_dir
from speechkit.profile import Profile
from speechkit.types import ROLES, Role
from speechkit.zh import campaign_task, cn_number

__all__ = [
    "TEMPLATE_FILES",
    "Item",
    "clean_value",
    "leadership_phrase",
    "parse_skeleton",
    "render_skeleton",
]

#: Template file for each meeting type (ASCII names travel well across systems).
TEMPLATE_FILES = {
    "动员会": "mobilization.j2",
    "推进会": "progress.j2",
    "部署会": "deployment.j2",
    "总结表彰会": "commendation.j2",
}

def leadership_phrase(title: str, level: str) -> str:
    """What the speaker may say of who leads the work (the closing's 在…的坚强领导下).

    Examples:
        >>> leadership_phrase("市委书记", "市")
        '更加紧密地团结在以习近平同志为核心的党中央周围，'
        >>> leadership_phrase("区长", "区")
        '在区委的坚强领导下，'
        >>> leadership_phrase("副县长", "县")
        '在县委、县政府的坚强领导下，'
    """
    if "书记" in title and "副书记" not in title:  # the committee's own head
        return "更加紧密地团结在以习近平同志为核心的党中央周围，"
    if re.search(r"(?<!副)[市区县]长$", title):  # the government's own head
        return f"在{level}委的坚强领导下，"
    return f"在{level}委、{level}政府的坚强领导下，"


def _task_phrase(item: str, pick: Callable[[list[str]], str]) -> str:
    item = item.strip().rstrip("。；;，,")
    if item.startswith(res.TASK_VERBS):
        return item
    return pick(list(res.TASK_OPENERS)) + item

def clean_value(value: str) -> str:
    # One paragraph per directive line: a value may not break lines or the lead marker.
    return re.sub(r"\s*\n\s*", "", str(value)).replace("§", "").strip()

@functools.lru_cache(maxsize=8)
def _environment(folder: str) -> Any:
    """A sandboxed Jinja environment over ``folder``, made once a process.

    ``FileSystemLoader`` (not ``PackageLoader``): the design card keeps ``templates/`` at the
    top level of a checkout, and ``--templates DIR`` points at a user's own folder.
    StrictUndefined turns a misspelt variable into an error instead of an empty string. The
    loader re-reads a template whose file changed; compiled templates are reused across drafts
    and attempts (compiling took a third of a warm draft).
    """
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        loader=FileSystemLoader(folder),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        keep_trailing_newline=False,
    )


def _helpers(rng: random.Random) -> dict[str, Any]:
    """The seeded helpers templates call (pick, fresh, task, develop, cn), for one rendering."""

    def pick(options: list[str]) -> str:
        if not options:
            raise ValueError("pick() needs at least one option")
        return options[rng.randrange(len(options))]

    used: set[str] = set()

    def develop(item: str) -> str:
        # A fitting generic sentence after an achievement, never the same one twice a draft.
        options = next(
            (list(s) for cue, s in res.ACHIEVEMENT_DEVELOPMENT if cue.search(str(item))),
            list(res.ACHIEVEMENT_GENERIC),
        )
        fresh = (
            [o for o in options if o not in used]
            or [o for o in res.ACHIEVEMENT_GENERIC if o not in used]
            or list(res.ACHIEVEMENT_GENERIC)
        )
        choice = pick(fresh)
        used.add(choice)
        return choice

    chosen: set[str] = set()

    def fresh(options: list[str]) -> str:
        # Two task sections must not open with the same sentence.
        choice = pick([o for o in options if o not in chosen] or list(options))
        chosen.add(choice)
        return choice

    return {
        "cn": cn_number,
        "pick": pick,
        "fresh": fresh,
        "task": lambda item: _task_phrase(str(item), pick),
        "develop": develop,
    }


def _template_error(exc: BaseException, name: str, folder: Path) -> TemplateError:
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    if isinstance(exc, TemplateNotFound):
        return TemplateError(
            f"{folder / name}: template not found (needed: {exc.name}); "
            f"each meeting type needs its file in {folder}: {', '.join(TEMPLATE_FILES.values())}"
        )
    if isinstance(exc, TemplateSyntaxError):
        where = exc.filename or str(folder / (exc.name or name))
        return TemplateError(f"{where}:{exc.lineno}: template syntax error: {exc.message}")
    # Undefined variables and sandbox violations: find the template frame for its line.
    where, line = str(folder / name), None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".j2", ".jinja", ".jinja2", ".txt", ".html")):
            where, line = filename, tb.tb_lineno
        tb = tb.tb_next
    loc = f"{where}:{line}" if line is not None else where
    message = getattr(exc, "message", None) or str(exc)
    return TemplateError(
        f"{loc}: template error: {message}; "
        "check the variable names against 'speechkit init-profile'"
    )

def render_skeleton(
    profile: Profile, plan: list[dict[str, Any]], *, rng: random.Random, folder: Path | None = None
) -> tuple[str, str]:
    """Render the meeting type's template to directive lines.

    Returns:
        ``(template_path, rendered_text)``.

    Raises:
        TemplateError: Missing template, syntax error or undefined variable (file and line named).
    """
    from jinja2 import TemplateError as JinjaTemplateError

    folder = Path(folder) if folder is not None else bundled_templates_dir()
    if not folder.is_dir():
        raise TemplateError(f"{folder}: templates folder not found; check --templates")
    name = TEMPLATE_FILES[profile.meeting.type]
    topics = [s["topic"] for s in plan]
    problems_home = next(
        (
            t
            for t in ("problems", "significance", "achievements", "experience", *TASK_TOPICS)
            if t in topics
        ),
        topics[0],
    )
    level = profile.level_char
    context = {
        "city": clean_value(profile.city),
        # The templates' name for 市/区/县 (user templates use it too): kept as it is.
        "unit": level,
        "province": clean_value(profile.province or ""),
        "campaign": clean_value(profile.campaign),
        "campaign_task": clean_value(campaign_task(profile.campaign)),
        "meeting_name": clean_value(profile.meeting.name or ""),
        "meeting_type": profile.meeting.type,
        "speaker": clean_value(profile.speaker.title),
        "achievements": [clean_value(a) for a in profile.achievements],
        "problems": [clean_value(p) for p in profile.problems],
        "priorities": [clean_value(p) for p in profile.priorities],
        "figures": [
            {"name": clean_value(k), "value": clean_value(v)} for k, v in profile.figures.items()
        ],
        "n_sections": len(plan),
        "plan": [{**s, "focus": [clean_value(x) for x in s["focus"]]} for s in plan],
        "style": rng.randrange(3),
        "has_achievements_section": "achievements" in topics,
        "has_problems_section": "problems" in topics,
        "problems_home": problems_home,
        "goal": f"把{clean_value(profile.city)}建设得更加文明美好",
        "leadership": leadership_phrase(profile.speaker.title, level),
    }
    env = _environment(str(folder))
    try:
        template = env.get_template(name)
        # Helpers go in the render context ("with context" imports see them too), so the
        # cached environment carries no draft's state.
        return str(folder / name), template.render(**context, **_helpers(rng))
    except JinjaTemplateError as exc:
        raise _template_error(exc, name, folder) from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise _template_error(exc, name, folder) from None

@dataclass(slots=True)
class Item:
    kind: str  # title | salutation | p | h | point | closing | points
    role: Role | None
    text: str = ""
    lead: str | None = None
    fills: list[tuple[Piece, Role, float, str | None]] = field(
        default_factory=list
    )  # piece, role, weight, mood
    pieces: list[Piece] = field(default_factory=list)  # corpus sub-points (@points)
    k: int = 0
    otherwise: str = ""  # @else: said when no corpus sentence develops the sub-point

_DIRECTIVE = re.compile(r"^@(title|salutation|p|h|point|expand|else|points|closing)(?:\s+(.*))?$")

def parse_skeleton(rendered: str, template: str) -> list[Item]:
    items: list[Item] = []
    for number, raw in enumerate(rendered.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        m = _DIRECTIVE.match(line)
        if m is None:
            raise TemplateError(
                f"{template}: output line {number} is not a directive (@p, @h, @point…): "
                f"{line[:40]!r}"
            )
        kind, rest = m.group(1), (m.group(2) or "").strip()
        if kind in ("title", "salutation", "closing"):
            items.append(Item(kind=kind, role="closing" if kind == "closing" else None, text=rest))
            continue
        if kind == "else":
            if not items or items[-1].kind != "point":
                raise TemplateError(
                    f"{template}: output line {number}: @else must follow a @point's @expand"
                )
            items[-1].otherwise = rest
            continue
        role_name, _, body = rest.partition(" ")
        if role_name not in ROLES:
            raise TemplateError(f"{template}: output line {number}: unknown role {role_name!r}")
        role = cast(Role, role_name)
        if kind == "expand":
            if not items:
                raise TemplateError(
                    f"{template}: output line {number}: @expand before any paragraph"
                )
            weight, _, mood = (body or "1").partition(" ")
            if mood not in ("", "positive", "negative"):
                raise TemplateError(
                    f"{template}: output line {number}: mood must be positive or negative"
                )
            items[-1].fills.append((Piece(), role, float(weight), mood or None))
        elif kind == "points":
            items.append(Item(kind="points", role=role, k=int(body or 3)))
        elif kind == "point":
            lead, _, text = body.partition("§")
            items.append(Item(kind="point", role=role, lead=lead.strip(), text=text.strip()))
        else:
            items.append(Item(kind=kind, role=role, text=body))
    return items
