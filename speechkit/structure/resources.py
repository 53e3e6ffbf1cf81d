"""Patterns and tables of the structure analysis (kept apart from the algorithms)."""

from __future__ import annotations

import re

from speechkit.types import ROLES, Role

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

_NUM = "一二三四五六七八九十"
#: Heading markers when the segmenter did not set ``Paragraph.level`` (level 1, 2, 3).
HEADING_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^\s*[{_NUM}]{{1,3}}\s*[、.．]")),
    (2, re.compile(rf"^\s*[（(][{_NUM}]{{1,3}}[）)]")),
    (2, re.compile(rf"^\s*[{_NUM}]{{1,3}}[是要][，、：,:]?")),
    (2, re.compile(rf"^\s*第[{_NUM}]{{1,3}}[，、,．.:：]")),
    (2, re.compile(r"^\s*(?:首先|其次|其三|其四|其五|再次)[，,]")),
    (3, re.compile(r"^\s*(?:\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)])")),
)

#: End of the lead (first) sentence of a paragraph.
SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
LEAD_MAX_CHARS = 60

#: Half-width punctuation mapped to full width before cue matching, so cues match
#: whether or not the text went through the ingest cleaner.
FULLWIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？"})

#: A token kept for TF-IDF: at least two characters, at least one CJK character.
TOKEN_KEEP = re.compile(r"^(?=.*[\u4e00-\u9fff]).{2,}$")

#: Start of a peroration: near the end of a speech these open the closing and end the
#: last section (so the last heading's role does not swallow the closing words).
CLOSING_START = re.compile(
    r"^\s*(?:同志们|各位领导|同志们、朋友们)[，,！!]|^\s*(?:总之|最后|总而言之)[，,]"
)
