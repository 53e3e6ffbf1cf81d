"""Patterns and tables of the structure analysis (kept apart from the algorithms)."""

from __future__ import annotations

import re

from speechkit.types import ROLES, Role
from speechkit.zh import HALF_TO_FULL

#: Order rank of each role: roles mostly run opening → significance/situation → tasks
#: → safeguards → closing. significance and situation share a rank (either may come first).
ROLE_RANK: dict[Role, int] = {
    "opening": 0,
    "significance": 1,
    "situation": 1,
    "tasks": 2,
    "safeguards": 3,
    "closing": 4,
}

#: Coarse roles used for the quality figures (significance and situation merged).
COARSE: dict[Role, str] = {
    "opening": "opening",
    "significance": "significance+situation",
    "situation": "significance+situation",
    "tasks": "tasks",
    "safeguards": "safeguards",
    "closing": "closing",
}

ROLE_INDEX: dict[Role, int] = {role: i for i, role in enumerate(ROLES)}

#: Longest lead (heading or first clause of a paragraph) kept.
LEAD_MAX_CHARS = 60

#: Half-width punctuation mapped to full width before cue matching, so cues match
#: whether or not the text went through the ingest cleaner (brackets are left as written, as
#: cue matching always has).
FULLWIDTH = str.maketrans({k: v for k, v in HALF_TO_FULL.items() if k not in "()"})

#: A token kept for TF-IDF: at least two characters, at least one CJK character.
TOKEN_KEEP = re.compile(r"^(?=.*[\u4e00-\u9fff]).{2,}$")

#: Start of a peroration: near the end of a speech these open the closing and end the
#: last section (so the last heading's role does not swallow the closing words).
CLOSING_START = re.compile(
    r"^\s*(?:同志们|各位领导|同志们、朋友们)[，,！!]|^\s*(?:总之|最后|总而言之)[，,]"
)
