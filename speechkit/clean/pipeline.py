"""Compose the cleaners: normalize each line, then drop boilerplate lines.

Modelled on textacy's ``preprocessing.make_pipeline`` (a chain of ``str -> str``
functions) and ftfy's ``TextFixerConfig`` (a frozen config with documented
defaults). Lines keep their original 1-based numbers; lines are never merged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, reduce

from speechkit.clean import normalize
from speechkit.clean.boilerplate import BoilerplateMatcher, classify_lines, load_patterns
from speechkit.errors import ParameterError
from speechkit.model import Line
from speechkit.types import PathLike

__all__ = ["CleanConfig", "clean_lines", "clean_text", "make_pipeline"]


@dataclass(frozen=True)
class CleanConfig:
    """Options of the cleaning pipeline.

    Attributes:
        remove_control_chars: Drop C0/C1 control characters. Default ``True``.
        remove_replacement_chars: Drop ``U+FFFD`` left by broken bytes. Default ``True``.
        normalize_whitespace: Full-width/no-break spaces, indentation, gaps between
            Chinese characters. Default ``True``.
        normalize_fullwidth_alnum: ``２０２０`` → ``2020``, ``ＧＤＰ`` → ``GDP``. Default ``True``.
        normalize_punctuation: Half-width ``, : ; ! ? ( )`` in Chinese text → full-width.
            Default ``True``.
        remove_boilerplate: Drop site junk lines. Default ``True``.
        boilerplate_files: Extra pattern files (one regex per line, ``#`` comments)
            added to the bundled ``speechkit/data/boilerplate.txt``. Default none.
        use_bundled_patterns: Use the bundled patterns. Default ``True``.
        context: Also drop short non-sentence lines enclosed by boilerplate
            (site names and slogans inside an ad block). Default ``True``.
        max_boilerplate_chars: Longer lines are never dropped by a pattern. Default 300.
        short_line_chars: Longest line that can be dropped by context. Default 30.
    """

    remove_control_chars: bool = True
    remove_replacement_chars: bool = True
    normalize_whitespace: bool = True
    normalize_fullwidth_alnum: bool = True
    normalize_punctuation: bool = True
    remove_boilerplate: bool = True
    boilerplate_files: tuple[PathLike, ...] = ()
    use_bundled_patterns: bool = True
    context: bool = True
    max_boilerplate_chars: int = 300
    short_line_chars: int = 30

    def __post_init__(self) -> None:
        if isinstance(self.boilerplate_files, str):
            raise ParameterError("boilerplate_files", self.boilerplate_files, "a tuple of paths")
        for name in ("max_boilerplate_chars", "short_line_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 0:
                raise ParameterError(name, value, "an integer >= 0")

    def matcher(self) -> BoilerplateMatcher:
        """The boilerplate matcher this config describes (built once per config)."""
        return _matcher_for(self)


@lru_cache(maxsize=16)
def _matcher_for(config: CleanConfig) -> BoilerplateMatcher:
    patterns = load_patterns(config.boilerplate_files, bundled=config.use_bundled_patterns)
    return BoilerplateMatcher(patterns, max_chars=config.max_boilerplate_chars)


DEFAULT_CONFIG = CleanConfig()


def make_pipeline(*funcs: Callable[[str], str]) -> Callable[[str], str]:
    """Chain ``str -> str`` functions, applied left to right.

    Examples:
        >>> fix = make_pipeline(normalize.normalize_whitespace, normalize.normalize_punctuation)
        >>> fix("\\u3000\\u3000同志们:")
        '同志们：'
    """
    return lambda text: reduce(lambda acc, f: f(acc), funcs, text)


def _line_cleaners(config: CleanConfig) -> list[Callable[[str], str]]:
    steps: list[Callable[[str], str]] = []
    if config.remove_control_chars:
        steps.append(normalize.remove_control_chars)
    if config.remove_replacement_chars:
        steps.append(normalize.remove_replacement_chars)
    if config.normalize_fullwidth_alnum:
        steps.append(normalize.normalize_fullwidth_alnum)
    if config.normalize_whitespace:
        steps.append(normalize.normalize_whitespace)
    if config.normalize_punctuation:
        steps.append(normalize.normalize_punctuation)
    return steps


def clean_text(text: str, *, config: CleanConfig | None = None) -> str:
    """Normalize one line of text (no boilerplate removal).

    Examples:
        >>> clean_text("\\u3000\\u3000今天,我们召开*县推进会。\\ufffd")
        '今天，我们召开*县推进会。'
    """
    return make_pipeline(*_line_cleaners(config or DEFAULT_CONFIG))(text)


def clean_lines(lines: Sequence[Line], *, config: CleanConfig | None = None) -> list[Line]:
    """Clean one document's lines: normalize text, drop empty and boilerplate lines.

    Args:
        lines: The document's decoded lines with 1-based numbers.
        config: Options; defaults to :class:`CleanConfig` ``()``.

    Returns:
        The kept lines with normalized text and their original numbers, in order.
        Lines are never merged or split.

    Examples:
        >>> out = clean_lines([Line(1, "以下是小编为大家整理的讲话稿，供大家参考。"), Line(2, ""),
        ...                    Line(3, "同志们:"), Line(4, "\\u3000\\u3000今天,我们召开会议。")])
        >>> [(x.number, x.text) for x in out]
        [(3, '同志们：'), (4, '今天，我们召开会议。')]
    """
    config = config or DEFAULT_CONFIG
    fix = make_pipeline(*_line_cleaners(config))
    texts = [fix(line.text) for line in lines]
    if config.remove_boilerplate:
        flags = classify_lines(
            texts,
            config.matcher(),
            context=config.context,
            short_chars=config.short_line_chars,
        )
    else:
        flags = [False] * len(texts)
    return [
        Line(line.number, text)
        for line, text, flag in zip(lines, texts, flags, strict=True)
        if text and not flag
    ]
