"""Key phrases of a corpus: the genre's recurring 提法, slogans and their contexts.

See :mod:`speechkit.phrases.scoring` for the scoring formula.
"""

from speechkit.phrases.kwic import KwicLine, format_kwic, kwic
from speechkit.phrases.output import phrases_to_json, render_run
from speechkit.phrases.pipeline import Example, Phrase, PhraseConfig, extract_phrases
from speechkit.phrases.run import PhrasesRun, run_phrases
from speechkit.phrases.trends import Series, TrendReport, phrase_trend, phrase_trends

__all__ = [
    "Example",
    "KwicLine",
    "Phrase",
    "PhraseConfig",
    "PhrasesRun",
    "Series",
    "TrendReport",
    "extract_phrases",
    "format_kwic",
    "kwic",
    "phrase_trend",
    "phrase_trends",
    "phrases_to_json",
    "render_run",
    "run_phrases",
]

