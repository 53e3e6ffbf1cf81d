"""Literal prefilter for regular expressions: cheap necessary conditions.

For a regex we derive a set of literal strings such that every match contains
at least one of them (the "required factors" of RE2 / Hyperscan prefilters).
A line containing none of them cannot match, so the full regex need not run.
Most boilerplate patterns carry literal keywords (``小编``, ``下载``, ``免责声明``):
one scan for those keywords rejects nearly every speech line, and only the few
lines that contain one are searched with the full combined pattern.

The analysis walks the parse tree of Python's own regex parser and is
conservative: anything it does not understand (case-insensitive flags,
backreferences, categories, wide classes, optional parts) yields no
requirement, never a wrong one. A pattern without a requirement is simply
always run.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

try:  # Python >= 3.11; the parser is private but stable, and failures fall back safely
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    _c = _p = None

__all__ = ["has_backreference", "literal_gate", "required_literals"]

#: Largest set of alternative strings kept while multiplying adjacent exact parts.
_MAX_ALTERNATIVES = 64
#: Largest character class expanded into single-character literals.
_MAX_CLASS = 8

_Strings = frozenset[str]


def _better(a: _Strings | None, b: _Strings | None) -> _Strings | None:
    """The more selective of two requirement sets (longer shortest string, then fewer)."""
    if a is None or not a or "" in a:
        return b if b and "" not in b else None
    if b is None or not b or "" in b:
        return a
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


def _item(op: Any, av: Any) -> tuple[_Strings | None, _Strings | None]:
    """(exact, required) of one parse-tree node.

    ``exact``: the node always consumes exactly one of these strings.
    ``required``: every text the node consumes contains one of these strings.
    """
    if op is _c.LITERAL:
        s = frozenset({chr(av)})
        return s, s
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero-width: consumes ""
        return frozenset({""}), None
    if op is _c.IN:
        items = list(av)
        if len(items) <= _MAX_CLASS and all(o is _c.LITERAL for o, _ in items):
            s = frozenset(chr(v) for _, v in items)
            return s, s
        return None, None
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & (_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_LOCALE):
            return None, None
        return _sequence(sub)
    if op is _c.BRANCH:
        results = [_sequence(sub) for sub in av[1]]
        exact: _Strings | None = None
        if all(e is not None for e, _ in results):
            exact = frozenset().union(*(e for e, _ in results if e is not None))
            if len(exact) > _MAX_ALTERNATIVES:
                exact = None
        if any(r is None for _, r in results):
            return exact, None
        return exact, frozenset().union(*(r for _, r in results if r is not None))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, sub = av
        if low == 0:
            return None, None
        exact_sub, required = _sequence(sub)
        if low == high == 1:
            return exact_sub, required
        return None, required
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av)
    return None, None  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, ...: no requirement


def _sequence(sub: Any) -> tuple[_Strings | None, _Strings | None]:
    """(exact, required) of a sequence of nodes: adjacent exact parts are multiplied."""
    best: _Strings | None = None
    run: _Strings | None = frozenset({""})
    whole_exact = True
    for op, av in sub:
        exact, required = _item(op, av)
        best = _better(best, required)
        if exact is None:
            best = _better(best, run)
            run = frozenset({""})
            whole_exact = False
            continue
        assert run is not None
        if len(run) * len(exact) > _MAX_ALTERNATIVES:
            best = _better(best, run)
            run = exact
            whole_exact = False
            continue
        run = frozenset(a + b for a, b in itertools.product(run, exact))
    best = _better(best, run)
    return (run if whole_exact else None), best


def _parse(pattern: str) -> object | None:
    if _p is None:
        return None
    try:
        return _p.parse(pattern)
    except Exception:  # any parser surprise means "no prefilter"
        return None


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one.

    Returns:
        The set, or ``None`` when no useful requirement can be proven (the
        pattern must then always be run).

    Examples:
        >>> sorted(required_literals("(付费|免费)下载"))
        ['付费下载', '免费下载']
        >>> sorted(required_literals(r"^作者\\s*[：:]"))
        ['作者']
        >>> required_literals(r"^\\s*\\d+$") is None
        True
    """
    parsed = _parse(pattern)
    if parsed is None:
        return None
    flags = parsed.state.flags  # type: ignore[attr-defined]
    if flags & (_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_LOCALE):
        return None
    try:
        _exact, required = _sequence(parsed)
    except Exception:  # never let the analysis fail a matcher: just no prefilter
        return None
    if not required or "" in required:
        return None
    return required


def has_backreference(pattern: str) -> bool:
    """Whether ``pattern`` uses a backreference (or fails to parse): such patterns
    change meaning when regrouped, so they are never split off.

    Examples:
        >>> has_backreference(r"(a)\\1"), has_backreference("a(b)c")
        (True, False)
    """
    parsed = _parse(pattern)
    if parsed is None:
        return True
    refs = {_c.GROUPREF, getattr(_c, "GROUPREF_EXISTS", None)}

    def walk(node: object) -> bool:
        if isinstance(node, (list, tuple)):
            return any(walk(x) for x in node)
        if isinstance(node, _p.SubPattern):
            return any(op in refs or walk(av) for op, av in node)
        return False

    return walk(parsed)


def literal_gate(literals: frozenset[str]) -> re.Pattern[str]:
    """One compiled alternation of ``literals`` (longest first), for a single scan.

    Examples:
        >>> literal_gate(frozenset({"小编", "下载"})).search("欢迎下载本文") is not None
        True
    """
    return re.compile("|".join(re.escape(s) for s in sorted(literals, key=lambda s: (-len(s), s))))
