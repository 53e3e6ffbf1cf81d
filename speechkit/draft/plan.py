"""The section plan: which level-1 sections a speech has, in which order, with which priorities.

The meeting type gives the topics (:data:`EMPHASIS`); a topic the profile gives no facts for is
replaced; the corpus's mined role order orders them; the profile's priorities are shared out over
the task sections.
"""

from __future__ import annotations

from typing import Any

from speechkit.profile import Profile
from speechkit.types import Role

__all__ = ["EMPHASIS", "TASK_TOPICS", "TOPIC_ROLE", "plan_sections"]

#: Section topics by meeting type and section count; the order is fixed later by the mined outline.
EMPHASIS: dict[str, dict[int, tuple[str, ...]]] = {
    "动员会": {
        3: ("significance", "priorities", "safeguards"),
        4: ("significance", "problems", "priorities", "safeguards"),
        5: ("significance", "problems", "priorities", "participation", "safeguards"),
    },
    "推进会": {
        3: ("achievements", "priorities", "safeguards"),
        4: ("achievements", "problems", "priorities", "safeguards"),
        5: ("achievements", "problems", "priorities", "participation", "safeguards"),
    },
    "部署会": {
        3: ("significance", "priorities", "safeguards"),
        4: ("significance", "achievements", "priorities", "safeguards"),
        5: ("significance", "achievements", "priorities", "participation", "safeguards"),
    },
    "总结表彰会": {
        3: ("achievements", "consolidate", "safeguards"),
        4: ("achievements", "experience", "consolidate", "safeguards"),
        5: ("achievements", "experience", "problems", "consolidate", "safeguards"),
    },
}

TOPIC_ROLE: dict[str, Role] = {
    "significance": "significance",
    "achievements": "situation",
    "problems": "situation",
    "experience": "situation",
    "priorities": "tasks",
    "participation": "tasks",
    "consolidate": "tasks",
    "safeguards": "safeguards",
}

TASK_TOPICS = ("priorities", "participation", "consolidate")

def plan_sections(profile: Profile, role_order: tuple[str, ...]) -> list[dict[str, Any]]:
    """Topics of the level-1 sections, in the corpus's mined role order.

    Priorities are shared out over the task sections (the first gets the larger half).

    Examples:
        >>> from speechkit.profile import parse_profile
        >>> p = parse_profile("city: 云溪区\\ncampaign: 全国文明城区\\nmeeting: {type: 推进会}\\n"
        ...                   "speaker: {title: 区委书记}\\nsections: 4\\nachievements: [建成驿站]")
        >>> [s["topic"] for s in plan_sections(p, ("opening", "situation", "tasks", "safeguards"))]
        ['achievements', 'problems', 'priorities', 'safeguards']
    """
    topics = _grounded_topics(EMPHASIS[profile.meeting.type][profile.sections], profile)
    rank = {role: i for i, role in enumerate(role_order)}
    ordered = sorted(topics, key=lambda t: rank.get(TOPIC_ROLE[t], len(rank)))
    task_topics = [t for t in ordered if t in TASK_TOPICS]
    items = list(profile.priorities)
    share: dict[str, list[str]] = {t: [] for t in task_topics}
    if task_topics:
        first = -(-len(items) // len(task_topics))
        share[task_topics[0]] = items[:first]
        rest = items[first:]
        for j, t in enumerate(task_topics[1:]):
            k = -(-len(rest) // (len(task_topics) - 1 - j)) if rest else 0
            share[t], rest = rest[:k], rest[k:]
    return [{"topic": t, "role": TOPIC_ROLE[t], "focus": share.get(t, [])} for t in ordered]

def _grounded_topics(topics: tuple[str, ...], profile: Profile) -> tuple[str, ...]:
    """The topics with those the profile gives no facts for replaced.

    A section on achievements or experience says what was done; without achievements in the
    profile there is nothing true to say, so it becomes a section on why the work matters
    (or, when there is one already, on everyone's part in it).

    Examples:
        >>> from speechkit.profile import parse_profile
        >>> p = parse_profile("city: 北塘市\\ncampaign: 全国文明城市\\n"
        ...                   "meeting: {type: 总结表彰会}\\nspeaker: {title: 市长}\\nsections: 4")
        >>> _grounded_topics(EMPHASIS["总结表彰会"][4], p)
        ('significance', 'participation', 'consolidate', 'safeguards')
        >>> _grounded_topics(EMPHASIS["部署会"][5], p)
        ('significance', 'consolidate', 'priorities', 'participation', 'safeguards')
    """
    if profile.achievements:
        return topics
    spare = ["significance", "participation", "consolidate"]
    if profile.problems:
        spare.append("problems")
    out: list[str] = []
    for topic in topics:
        if topic in ("achievements", "experience"):
            topic = next((t for t in spare if t not in topics and t not in out), "")
        if topic:
            out.append(topic)  # with no topic left, the speech has one section fewer
    return tuple(out)
