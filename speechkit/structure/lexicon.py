"""The role cue lexicon: cue words per role, kept as data users can extend.

The bundled lexicon is ``speechkit/data/role_cues.yaml``; user files of the same
shape are merged on top (a user cue is added, or re-weighted when it exists).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from speechkit.errors import InputError
from speechkit.paths import data_path
from speechkit.structure.resources import FULLWIDTH
from speechkit.types import ROLES, PathLike, Role

__all__ = ["Lexicon", "load_lexicon"]

BUNDLED = "role_cues.yaml"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Cue words per role with weights.

    Attributes:
        cues: For each role, ``(cue, weight)`` pairs.

    Examples:
        >>> lex = Lexicon({"tasks": (("攻坚战", 2.0),), "closing": (("谢谢大家", 4.0),)})
        >>> float(lex.score("打好市容环境攻坚战")[ROLES.index("tasks")])
        2.0
    """

    cues: Mapping[Role, tuple[tuple[str, float], ...]]

    def score(self, text: str) -> np.ndarray:
        """Summed weights of the cues found in ``text``, one value per role (``ROLES`` order)."""
        text = text.translate(FULLWIDTH)
        out = np.zeros(len(ROLES))
        for i, role in enumerate(ROLES):
            out[i] = sum(w for cue, w in self.cues.get(role, ()) if cue in text)
        return out

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon with ``other``'s cues added (``other`` wins on equal cues)."""
        cues: dict[Role, tuple[tuple[str, float], ...]] = {}
        for role in ROLES:
            table = dict(self.cues.get(role, ()))
            table.update(dict(other.cues.get(role, ())))
            cues[role] = tuple(table.items())
        return Lexicon(cues)

    def to_dict(self) -> dict[str, list[dict[str, float | str]]]:
        """JSON-ready form."""
        return {r: [{"cue": c, "weight": w} for c, w in self.cues.get(r, ())] for r in ROLES}


def _key_lines(text: str) -> dict[str, int]:
    """1-based line of each top-level key of a YAML mapping (empty when it is not one)."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 1 for key, _value in node.value}


def _parse(data: object, source: str, lines: Mapping[str, int] | None = None) -> Lexicon:
    lines = lines or {}
    if not isinstance(data, dict):
        raise InputError(
            f"role cue file must map role names to lists of cues (roles: {', '.join(ROLES)})",
            path=source,
        )
    cues: dict[Role, tuple[tuple[str, float], ...]] = {}
    for role, items in data.items():
        line = lines.get(str(role))
        if role not in ROLES:
            raise InputError(
                f"unknown role {role!r}; valid roles: {', '.join(ROLES)}", path=source, line=line
            )
        if items is not None and not isinstance(items, list):
            raise InputError(
                f"role {role}: must be a list of cues (one '- cue' per line), got {items!r}",
                path=source,
                line=line,
            )
        pairs: list[tuple[str, float]] = []
        for item in items or ():
            cue = item.get("cue") if isinstance(item, dict) else item
            if not isinstance(cue, str) or not cue.strip():
                raise InputError(
                    f"role {role}: each cue must be a non-empty string or "
                    f"{{cue: ..., weight: ...}}, got {item!r}",
                    path=source,
                    line=line,
                )
            weight: object = item.get("weight", 1.0) if isinstance(item, dict) else 1.0
            value = float("nan")
            # bool is an int to Python, but `weight: yes` is a slip, not a weight of 1.
            if isinstance(weight, int | float | str) and not isinstance(weight, bool):
                with contextlib.suppress(ValueError):
                    value = float(weight)
            if not np.isfinite(value):
                raise InputError(
                    f"cue {cue!r} of role {role}: weight must be a number, got {weight!r}",
                    path=source,
                    line=line,
                )
            pairs.append((cue.translate(FULLWIDTH), value))
        cues[role] = tuple(pairs)
    return Lexicon(cues)


def load_lexicon(extra: Iterable[PathLike] = ()) -> Lexicon:
    """The bundled role cue lexicon, extended by user files.

    Args:
        extra: YAML files shaped like ``speechkit/data/role_cues.yaml``.

    Returns:
        The merged lexicon.

    Raises:
        InputError: If a user file is missing or malformed (names the file).

    Examples:
        >>> lex = load_lexicon()
        >>> sorted(lex.cues) == sorted(ROLES)
        True
    """
    path = data_path(BUNDLED)
    lexicon = _parse(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
    for user in extra:
        p = Path(user)
        if not p.is_file():
            raise InputError("role cue file not found; check the path", path=p)
        try:
            text = p.read_text(encoding="utf-8")
            data = yaml.safe_load(text)
            lines = _key_lines(text)
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise InputError(
                f"not a readable UTF-8 YAML file ({exc.__class__.__name__})", path=p
            ) from None
        lexicon = lexicon.merged(_parse(data, str(p), lines))
    return lexicon
