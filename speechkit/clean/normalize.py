"""Small ``str -> str`` text cleaners. Each changes form, never wording.

They are composed by :mod:`speechkit.clean.pipeline`; every one is safe to run
on any single line of text and is idempotent.
"""

from __future__ import annotations

import re

from speechkit.clean import resources as res

__all__ = [
    "normalize_fullwidth_alnum",
    "normalize_punctuation",
    "normalize_whitespace",
    "remove_control_chars",
    "remove_replacement_chars",
]

_CJK = re.compile(f"[{res.CJK_CHARS}]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK.match(ch) is not None


def _convert_marks(text: str) -> str:
    """Convert , : ; ! ? ( ) in a text that contains no protected span."""

    def pair(m: re.Match[str]) -> str:
        inner = m.group(1)
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if res.RE_HAN.search(inner) or _is_cjk(before) or _is_cjk(after):
            return f"（{inner}）"
        return m.group(0)

    if "(" in text or ")" in text:
        text = res.RE_PAREN_PAIR.sub(pair, text)
        text = res.RE_LONE_OPEN.sub("（", text)
        text = res.RE_LONE_CLOSE.sub("）", text)
    return res.RE_HALF_PUNCT_CJK.sub(_full_mark, text)


def _full_mark(m: re.Match[str]) -> str:
    return res.HALF_TO_FULL[m.group()]


def normalize_punctuation(text: str) -> str:
    """Turn half-width ``, : ; ! ? ( )`` inside Chinese text into full-width marks.

    A mark is converted when a neighbouring character is Chinese (Han or CJK
    punctuation); a bracket pair when it encloses or touches Chinese text.
    URLs, e-mail addresses, numbers (``3,000``, ``8:30``, ``3.5``) and English
    are left alone.

    Examples:
        >>> normalize_punctuation("同志们:今天,我们召开会议(扩大)!")
        '同志们：今天，我们召开会议（扩大）！'
        >>> normalize_punctuation("投入3,000万元,时间8:30,增长3.5%")
        '投入3,000万元，时间8:30，增长3.5%'
        >>> normalize_punctuation("如若转载,请注明出处:https://www.example.com/a,b.html")
        '如若转载，请注明出处：https://www.example.com/a,b.html'
        >>> normalize_punctuation("Hello, world (v2): ok!")
        'Hello, world (v2): ok!'
    """
    if res.RE_CONVERTIBLE.search(text) is None:  # most lines: nothing to convert
        return text
    if not any(key in text for key in res.PROTECTED_KEYS):
        # RE_PROTECTED's e-mail branch rescans each run of \w (Han included) at every
        # position; skipping the scan when no span can start halves this function's time.
        return _convert_marks(text)
    out: list[str] = []
    pos = 0
    for m in res.RE_PROTECTED.finditer(text):
        out.append(_convert_marks(text[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_convert_marks(text[pos:]))
    return "".join(out)


def normalize_whitespace(text: str) -> str:
    """Normalize spaces: full-width and no-break spaces, indentation, gaps inside Chinese.

    Ideographic spaces (U+3000), NBSP, tabs and other Unicode spaces become
    ASCII spaces; zero-width characters and BOMs are removed; spaces between
    two Chinese characters are dropped (web pages pad Chinese text with them);
    other runs of spaces collapse to one; the line is stripped.

    Examples:
        >>> normalize_whitespace("\\u3000\\u3000今天，我们召开会议。 ")
        '今天，我们召开会议。'
        >>> normalize_whitespace("3月  26日召开\\u00a0会议")
        '3月 26日召开会议'
        >>> normalize_whitespace("QQ  群  12345  Word   file")
        'QQ 群 12345 Word file'
    """
    if res.RE_ANY_SPACE.search(text) is None:  # no inner space to fix: only strip
        return text.strip()
    text = res.RE_WIDE_SPACE.sub(" ", text)
    text = res.RE_ZERO_WIDTH.sub("", text)
    text = res.RE_SPACE_BETWEEN_CJK.sub("", text)
    text = res.RE_MULTI_SPACE.sub(" ", text)
    return text.strip()


def remove_replacement_chars(text: str) -> str:
    """Remove U+FFFD replacement characters left by undecodable bytes.

    A line cut inside a multi-byte character decodes with a trailing ``�``.

    Examples:
        >>> remove_replacement_chars("相关范文推\\ufffd")
        '相关范文推'
    """
    return text.replace("\ufffd", "")


def remove_control_chars(text: str) -> str:
    """Remove C0/C1 control characters (except tab and newline).

    Examples:
        >>> remove_control_chars("会议\\x00召开\\x1b")
        '会议召开'
    """
    return res.RE_CONTROL.sub("", text)


def normalize_fullwidth_alnum(text: str) -> str:
    """Turn full-width ASCII letters and digits into half-width ones (``２０２０`` → ``2020``).

    Full-width punctuation is kept: only letters and digits change.

    Examples:
        >>> normalize_fullwidth_alnum("２０２０年ＧＤＰ增长５％，")
        '2020年GDP增长5％，'
    """
    # str.translate with a dict costs ~14 us per line even when nothing changes.
    if res.RE_FULLWIDTH_ALNUM.search(text) is None:
        return text
    return text.translate(res.FULLWIDTH_ALNUM)
