"""Key phrases of a corpus: the genre's recurring 提法, slogans and their contexts.

See :mod:`speechkit.phrases.scoring` for the scoring formula.
"""

from speechkit.phrases.kwic import KwicLine, format_kwic, kwic
from speechkit.phrases.pipeline import Example, Phrase, PhraseConfig, extract_phrases
from speechkit.phrases.trends import Series, TrendReport, phrase_trend, phrase_trends

__all__ = [
    "Example",
    "KwicLine",
    "Phrase",
    "PhraseConfig",
    "Series",
    "TrendReport",
    "extract_phrases",
    "format_kwic",
    "kwic",
    "phrase_trend",
    "phrase_trends",
    "phrases_to_json",
]


def phrases_to_json(phrases: list[Phrase]) -> dict:
    """The JSON contract: ``{"phrases": [{"phrase", "score", "count", "docs", "examples"}]}``."""
    return {"phrases": [p.to_dict() for p in phrases]}
