"""The corpus-level outline: typical role sequence, role statistics, clusters.

Counts use the on-topic speeches with at least three paragraphs (fragments and foreign
documents would blur the pattern).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from speechkit.display import cut
from speechkit.structure.features import heading_level
from speechkit.structure.roles import RoleResult
from speechkit.types import ROLES, Role

__all__ = ["ORDINALS", "build_outline", "compress", "format_outline"]

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
MIN_PARAGRAPHS = 3


def compress(roles: list[Role]) -> list[Role]:
    """The role sequence with consecutive repeats merged.

    Examples:
        >>> compress(["opening", "tasks", "tasks", "closing"])
        ['opening', 'tasks', 'closing']
    """
    out: list[Role] = []
    for r in roles:
        if not out or out[-1] != r:
            out.append(r)
    return out


def _follows(seq: list[Role], typical: list[Role]) -> bool:
    """True when the typical roles appear in ``seq`` once each, in order."""
    return [r for r in seq if r in typical] == typical


def build_outline(result: RoleResult, *, top_n: int = 5) -> dict[str, Any]:
    """The corpus outline as a JSON-ready dict.

    Keys: ``speeches`` (counted), ``typical_sequence``, ``speeches_following`` (how many
    counted speeches run through the typical roles once each, in that order),
    ``most_common_sequence`` with its ``count``, ``roles`` (per role: ``speeches`` having
    it, ``usual_place`` — its usual ordinal among the body roles after the opening —,
    ``paragraphs`` and representative ``headings``), ``clusters`` (id, role, size,
    top_terms) and ``theme_terms``.
    """
    counted = [
        i for i, s in enumerate(result.speeches)
        if result.on_topic[i] and len(s.paragraphs) >= MIN_PARAGRAPHS
    ]  # fmt: skip
    seqs = {i: compress(result.roles[i]) for i in counted}
    n = len(counted)
    present: Counter[Role] = Counter(r for i in counted for r in set(seqs[i]))
    first_pos: dict[Role, list[float]] = {r: [] for r in ROLES}
    places: dict[Role, list[int]] = {r: [] for r in ROLES}
    for i in counted:
        roles = result.roles[i]
        m = max(len(roles) - 1, 1)
        body = [r for r in seqs[i] if r != "opening"]
        for r in set(roles):
            first_pos[r].append(roles.index(r) / m)
            if r != "opening":
                places[r].append(body.index(r))
    typical = sorted(
        (r for r in ROLES if n and present[r] >= n / 2),
        key=lambda r: (float(np.median(first_pos[r])), ROLES.index(r)),
    )
    following = sum(_follows(seqs[i], typical) for i in counted)
    common = Counter(tuple(seqs[i]) for i in counted).most_common(1)

    # representative headings: most frequent heading texts of the role, then by order
    heads: dict[Role, Counter[str]] = {r: Counter() for r in ROLES}
    para_counts: Counter[Role] = Counter()
    for i in counted:
        for p, r in zip(result.speeches[i].paragraphs, result.roles[i], strict=True):
            para_counts[r] += 1
            level = heading_level(p)
            if level in (1, 2) and p.heading:
                heads[r][p.heading.strip()] += 1
    roles_out = []
    for r in ROLES:
        place = int(np.median(places[r])) if places[r] else None
        roles_out.append(
            {
                "role": r,
                "speeches": present[r],
                "of": n,
                "usual_place": ORDINALS[min(place, 5)]
                if place is not None and r != "opening"
                else None,
                "paragraphs": para_counts[r],
                "headings": [h for h, _ in heads[r].most_common(top_n)],
            }
        )
    sizes = np.bincount(result.clustering.labels, minlength=len(result.clustering.top_terms))
    clusters = [
        {
            "id": c,
            "role": result.cluster_role(c),
            "role_share": round(float(result.cluster_roles[c].max()), 3),
            "size": int(sizes[c]),
            "top_terms": terms,
        }
        for c, terms in enumerate(result.clustering.top_terms)
    ]
    return {
        "speeches": n,
        "speeches_total": len(result.speeches),
        "typical_sequence": typical,
        "speeches_following": following,
        "most_common_sequence": list(common[0][0]) if common else [],
        "most_common_count": common[0][1] if common else 0,
        "roles": roles_out,
        "clusters": clusters,
        "theme_terms": result.theme_terms,
    }


def format_outline(report: dict[str, Any], *, width: int = 60) -> str:
    """Each speech as an outline (role blocks with their headings) and the corpus pattern.

    Args:
        report: A structure report with roles (``structure_report(..., roles=True)``).
        width: Display columns for headings.

    Examples:
        >>> report = {"speeches": [{"id": 1, "title": "讲话", "source": "a.txt",
        ...     "first_line": 1, "last_line": 3, "on_topic": True, "topic_score": 1.0,
        ...     "paragraphs": [
        ...         {"role": "opening", "heading": None, "level": None, "text": "同志们："},
        ...         {"role": "tasks", "heading": "一、抓好整治", "level": 1,
        ...          "text": "一、抓好整治"},
        ...         {"role": "tasks", "heading": None, "level": None, "text": "要整治。"}]}],
        ...     "outline": {"speeches": 1, "speeches_total": 1, "speeches_following": 1,
        ...         "typical_sequence": ["opening", "tasks"], "roles": [
        ...         {"role": "opening", "speeches": 1, "of": 1, "usual_place": None},
        ...         {"role": "tasks", "speeches": 1, "of": 1, "usual_place": "first"}],
        ...         "clusters": []}}
        >>> print(format_outline(report))
        1  讲话  a.txt:1-3  topic 1.00
             opening       同志们：  (1)
             tasks         一、抓好整治  (2)
        <BLANKLINE>
        Corpus pattern over 1 on-topic speeches of 1 (3+ paragraphs):
          opening → tasks: followed by 1/1
          opening: 1/1 speeches
          tasks: 1/1 speeches, usually first
    """
    lines: list[str] = []
    for s in report["speeches"]:
        flag = "" if s.get("on_topic", True) else "  OFF-TOPIC"
        score = s.get("topic_score")
        topic = f"  topic {score:.2f}" if score is not None else ""
        lines.append(
            f"{s['id']}  {cut(s.get('title') or '(untitled)', 40)}  "
            f"{s['source']}:{s['first_line']}-{s['last_line']}{topic}{flag}"
        )
        blocks: list[list[Any]] = []  # [role, label, count]
        for p in s["paragraphs"]:
            starts_section = p.get("level") == 1 and p.get("heading")
            if not blocks or blocks[-1][0] != p["role"] or starts_section:
                label = p.get("heading") if starts_section else (p.get("heading") or p["text"])
                blocks.append([p["role"], label, 0])
            blocks[-1][2] += 1
        for role, label, count in blocks:
            lines.append(f"     {role or '-':<12}  {cut(label, width)}  ({count})")
    o = report.get("outline")
    if o:
        lines.append("")
        lines.append(
            f"Corpus pattern over {o['speeches']} on-topic speeches of {o['speeches_total']}"
            f" ({MIN_PARAGRAPHS}+ paragraphs):"
        )
        seq = " → ".join(o["typical_sequence"]) or "(none)"
        lines.append(f"  {seq}: followed by {o['speeches_following']}/{o['speeches']}")
        for r in o["roles"]:
            place = f", usually {r['usual_place']}" if r.get("usual_place") else ""
            lines.append(f"  {r['role']}: {r['speeches']}/{r['of']} speeches{place}")
        if o.get("clusters"):
            lines.append("Clusters (role, size: top terms):")
            for c in o["clusters"]:
                lines.append(
                    f"  {c['id']:>2} {c['role']:<12} {c['size']:>5}: {' '.join(c['top_terms'])}"
                )
    return "\n".join(lines)
