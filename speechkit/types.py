"""Shared type aliases."""

from __future__ import annotations

import os
from typing import Literal, TypeAlias

PathLike: TypeAlias = str | os.PathLike[str]

#: Paragraph roles of a mobilization speech, in their usual order.
Role: TypeAlias = Literal["opening", "significance", "situation", "tasks", "safeguards", "closing"]
ROLES: tuple[Role, ...] = ("opening", "significance", "situation", "tasks", "safeguards", "closing")

#: Kinds of redacted-name placeholders (xx市, X同志, X万, **年).
PlaceholderKind: TypeAlias = Literal["place", "person", "number", "date", "other"]

DedupLevel: TypeAlias = Literal["document", "speech", "paragraph"]
