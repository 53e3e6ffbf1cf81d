"""The data tables of the checks: idioms, non-names, dated 提法 and campaign families.

Each table is a file in ``speechkit/data`` (see its README): facts with their validity are
data users can read and extend, not code.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from speechkit.datafile import read_data_lines
from speechkit.errors import InputError
from speechkit.paths import data_path
from speechkit.types import PathLike

__all__ = [
    "CampaignFamily",
    "Campaigns",
    "DatedTerm",
    "campaigns",
    "dated_terms",
    "idioms",
    "not_names",
]


@lru_cache(maxsize=8)
def idioms(path: PathLike | None = None) -> tuple[str, ...]:
    """Set phrases that are not claims (``data/idioms.txt``), longest first.

    Examples:
        >>> "两手抓" in idioms() and "门前三包" in idioms()
        True
    """
    file = Path(path) if path is not None else data_path("idioms.txt")
    words = {text for _n, text in read_data_lines(file, what="idiom list")}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Words jieba may tag as places or persons that name nobody in particular."""
    file = data_path("not_names.txt")
    return frozenset(text for _n, text in read_data_lines(file, what="word list"))


def _yaml(path: Path, what: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {what} ({exc})", path=path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(f"{what} is not valid YAML; fix the file", path=path, line=line) from None


@dataclass(frozen=True, slots=True)
class DatedTerm:
    """An expression current from ``start`` to ``until`` (inclusive months; None = open)."""

    pattern: re.Pattern[str]
    start: tuple[int, int] | None
    until: tuple[int, int] | None
    current: str

    def current_at(self, day: _dt.date) -> bool:
        """Whether the expression is current on ``day``."""
        month = (day.year, day.month)
        if self.start is not None and month < self.start:
            return False
        return not (self.until is not None and month > self.until)

    def period(self) -> str:
        """The validity as text (``2016–2020``, ``until 2018-03``)."""

        def fmt(m: tuple[int, int] | None) -> str:
            return "" if m is None else (f"{m[0]}" if m[1] in (1, 12) else f"{m[0]}-{m[1]:02d}")

        if self.start is None:
            return f"until {fmt(self.until)}"
        return f"{fmt(self.start)}–{fmt(self.until)}" if self.until else f"since {fmt(self.start)}"


def _month(value: Any, *, end: bool, path: Path, index: int) -> tuple[int, int] | None:
    if value is None:
        return None
    text = str(value)
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", text)
    if m is None:
        raise InputError(
            f"entry {index + 1}: date {text!r} is not YYYY or YYYY-MM", path=path
        )
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    return int(m.group(1)), month


@lru_cache(maxsize=4)
def dated_terms(path: PathLike | None = None) -> tuple[DatedTerm, ...]:
    """The dated 提法 of ``data/dated_terms.yaml``.

    Raises:
        InputError: A malformed entry (names the file and entry).

    Examples:
        >>> import datetime
        >>> t = next(t for t in dated_terms() if t.pattern.search("七五普法"))
        >>> t.current_at(datetime.date(2018, 5, 1)), t.current_at(datetime.date(2027, 4, 10))
        (True, False)
    """
    file = Path(path) if path is not None else data_path("dated_terms.yaml")
    data = _yaml(file, "dated terms")
    if not isinstance(data, list):
        raise InputError("dated terms must be a list of entries with a pattern", path=file)
    out = []
    for i, entry in enumerate(data):
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
            raise InputError(f"entry {i + 1} needs a 'pattern' string", path=file)
        try:
            pattern = re.compile(entry["pattern"])
        except re.error as exc:
            raise InputError(f"entry {i + 1}: bad pattern ({exc})", path=file) from None
        out.append(
            DatedTerm(
                pattern=pattern,
                start=_month(entry.get("from"), end=False, path=file, index=i),
                until=_month(entry.get("until"), end=True, path=file, index=i),
                current=str(entry.get("current") or ""),
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class CampaignFamily:
    """One kind of campaign: its names and its characteristic work items."""

    name: str
    names: tuple[str, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Campaigns:
    """All campaign families and the joint campaign names (双创)."""

    families: tuple[CampaignFamily, ...]
    joint: tuple[tuple[str, frozenset[str]], ...]

    def families_of(self, campaign: str) -> frozenset[str]:
        """The families a profile's campaign names (empty when none is known).

        Examples:
            >>> sorted(campaigns().families_of("全国文明城市和国家卫生城市"))
            ['卫生', '文明']
            >>> sorted(campaigns().families_of("双创"))
            ['卫生', '文明']
        """
        found = {f.name for f in self.families if any(n in campaign for n in f.names)}
        for name, fams in self.joint:
            if name in campaign:
                found |= fams
        return frozenset(found)

    def foreign(self, text: str, own: frozenset[str]) -> list[tuple[int, str, str]]:
        """Names and terms of campaigns other than ``own`` in ``text``: ``(start, span, family)``.

        Examples:
            >>> campaigns().foreign("要坚持双创并重，迎接国家卫生城市复审。", frozenset({"文明"}))
            [(3, '双创', '双创'), (10, '国家卫生城市', '卫生')]
        """
        pattern, family_of = self._foreign_pattern(own)
        if pattern is None:
            return []
        return [(m.start(), m.group(0), family_of[m.group(0)]) for m in pattern.finditer(text)]

    @functools.lru_cache(maxsize=32)  # noqa: B019 - the tables live as long as the process
    def _foreign_pattern(
        self, own: frozenset[str]
    ) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        # One alternation, longest words first, so 国家卫生城市 wins over 卫生城市.
        family_of: dict[str, str] = {}
        for name, fams in self.joint:
            if not fams <= own:
                family_of.setdefault(name, name)
        for fam in self.families:
            if fam.name not in own:
                for word in (*fam.names, *fam.terms):
                    family_of.setdefault(word, fam.name)
        if not family_of:
            return None, family_of
        words = sorted(family_of, key=lambda w: (-len(w), w))
        return re.compile("|".join(map(re.escape, words))), family_of


@lru_cache(maxsize=1)
def campaigns() -> Campaigns:
    """The campaign families of ``data/campaigns.yaml``."""
    file = data_path("campaigns.yaml")
    data = _yaml(file, "campaign families")
    if not isinstance(data, dict) or not isinstance(data.get("families"), dict):
        raise InputError("campaign families need a 'families' mapping", path=file)
    families = tuple(
        CampaignFamily(
            name=str(name),
            names=tuple(str(n) for n in (body or {}).get("names", [])),
            terms=tuple(str(t) for t in (body or {}).get("terms", [])),
        )
        for name, body in data["families"].items()
    )
    joint = tuple(
        (str(j["name"]), frozenset(str(f) for f in j["families"])) for j in data.get("joint", [])
    )
    return Campaigns(families=families, joint=joint)
