"""Fixtures of the renderer tests."""

from __future__ import annotations

import pytest

from speechkit.model import Draft

from .drafts import make_draft


@pytest.fixture
def draft() -> Draft:
    return make_draft()
