"""Cleaning: normalize text line by line and drop site boilerplate.

Each cleaner is a small ``str -> str`` function (:mod:`speechkit.clean.normalize`);
boilerplate patterns are data (``speechkit/data/boilerplate.txt``, extendable);
:func:`clean_lines` composes everything for one document.
"""

from speechkit.clean.boilerplate import BoilerplateMatcher, classify_lines, load_patterns
from speechkit.clean.normalize import (
    normalize_fullwidth_alnum,
    normalize_punctuation,
    normalize_whitespace,
    remove_control_chars,
    remove_replacement_chars,
)
from speechkit.clean.pipeline import CleanConfig, clean_lines, clean_text, make_pipeline

__all__ = [
    "BoilerplateMatcher",
    "CleanConfig",
    "classify_lines",
    "clean_lines",
    "clean_text",
    "load_patterns",
    "make_pipeline",
    "normalize_fullwidth_alnum",
    "normalize_punctuation",
    "normalize_whitespace",
    "remove_control_chars",
    "remove_replacement_chars",
]
