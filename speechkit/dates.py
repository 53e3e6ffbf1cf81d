"""Chinese dates: parse them from datelines, titles, file names and record fields; periods.

A date is kept as an ISO string only as precise as the source gives it: ``"2023-05-06"``,
``"2023-05"`` or ``"2023"``. Placeholders (``20XX年X月X日``), impossible days
(``2023年2月30日``) and years outside 1900–2099 give ``None``: no date is better than
a wrong one. Segmentation (:mod:`speechkit.segment`) uses :func:`dateline_date` and
:func:`title_date`; ingestion :func:`parse_date` (``--date-field``) and
:func:`filename_date`; the phrase trends (:mod:`speechkit.phrases.trends`)
:func:`period_of` and :func:`periods_between`.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Period",
    "dateline_date",
    "filename_date",
    "parse_date",
    "parse_period",
    "period_of",
    "periods_between",
    "title_date",
]

_ZH_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_ZH = "〇○零Ｏ一二三四五六七八九"
_YEAR = rf"(?:\d{{4}}|[{_ZH}O]{{4}})"
_SMALL = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
#: ``2023年5月6日``, ``二〇二一年三月十二日``, ``2023年5月``, ``2023年``.
RE_ZH_DATE = re.compile(
    rf"(?P<y>{_YEAR})\s*年(?:\s*(?P<m>{_SMALL})\s*月(?:\s*(?P<d>{_SMALL})\s*[日号])?)?"
)
#: ``2023-05-06``, ``2023/5/6``, ``2023.05``, ``20230506``, optionally followed by a time.
RE_ISO_DATE = re.compile(
    r"^(?P<y>\d{4})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2}))?|(?P<m8>\d{2})(?P<d8>\d{2}))?"
    r"(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
#: A year in a file name, not part of a longer run of letters or digits (``2019年工作会议.txt``,
#: ``speech_2016.txt``; not the hex of ``000_d7c02019b5.txt``).
RE_NAME_YEAR = re.compile(
    r"(?<![0-9A-Za-z])(19\d\d|20\d\d)(?:[-_.]?(\d{2})(?:[-_.]?(\d{2}))?)?(?![0-9A-Za-z])"
)
#: ``在2020年…会议上``, ``2020年全市…工作会议上的讲话``: the year of the meeting in a title.
RE_TITLE_YEAR = re.compile(rf"(?P<y>{_YEAR})\s*(?:年度?|年)")


def _small_number(text: str) -> int:
    """``"12"`` → 12, ``"十二"`` → 12, ``"二十六"`` → 26, ``"三十一"`` → 31."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _ZH_DIGITS[text] if len(text) == 1 else -1
    tens, _, ones = text.partition("十")
    value = (_ZH_DIGITS.get(tens, -1) if tens else 1) * 10 + (
        _ZH_DIGITS.get(ones, -1) if ones else 0
    )
    return value if value > 0 else -1


def _year(text: str) -> int:
    return int(text) if text.isdigit() else int("".join(str(_ZH_DIGITS[c]) for c in text))


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """The ISO string of a (partial) date, or ``None`` when it is not a real date."""
    if not 1900 <= year <= 2099:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _from_match(m: re.Match[str]) -> str | None:
    month = _small_number(m.group("m")) if m.group("m") else None
    day = _small_number(m.group("d")) if m.group("d") else None
    return _iso(_year(m.group("y")), month, day)


def parse_date(text: str) -> str | None:
    """A date value as given in a record field or typed by a user, as ISO; ``None`` if none.

    Args:
        text: ``2023-05-06``, ``2023/5/6``, ``2023-05-06T09:30:00``, ``20230506``, ``2023-05``,
            ``2023``, ``2023年5月6日``, ``二〇二三年五月``, full-width digits too.

    Returns:
        ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"``; ``None`` for anything else
        (placeholders, impossible days, text that is not a date).

    Examples:
        >>> parse_date("2023-05-06"), parse_date("2023/5/6 09:30"), parse_date("20230506")
        ('2023-05-06', '2023-05-06', '2023-05-06')
        >>> parse_date("二〇二一年三月十二日"), parse_date("２０１９年"), parse_date("2016-7")
        ('2021-03-12', '2019', '2016-07')
        >>> parse_date("2023-02-30"), parse_date("20XX年X月X日"), parse_date("昨天")
        (None, None, None)
    """
    text = unicodedata.normalize("NFKC", text).strip()
    m = RE_ISO_DATE.match(text)
    if m:
        month = m.group("m") or m.group("m8")
        day = m.group("d") or m.group("d8")
        return _iso(int(m.group("y")), int(month) if month else None, int(day) if day else None)
    m = RE_ZH_DATE.fullmatch(text)
    return _from_match(m) if m else None


def dateline_date(text: str) -> str | None:
    """The date of a dateline printed under a title (``（2023年5月6日）``); ``None`` if none.

    Examples:
        >>> dateline_date("（2023年5月6日）"), dateline_date("二〇二一年三月十二日")
        ('2023-05-06', '2021-03-12')
        >>> dateline_date("（2024年1月19日，根据录音整理）"), dateline_date("（20XX年X月X日）")
        ('2024-01-19', None)
    """
    m = RE_ZH_DATE.search(unicodedata.normalize("NFKC", text))
    return _from_match(m) if m else None


def title_date(title: str) -> str | None:
    """The year of the meeting named in a title (``在2020年…会议上的讲话``); ``None`` if none.

    Only the year: a title's ``2020年`` names the meeting's year (``2020年度``, too).

    Examples:
        >>> title_date("在2020年全市创建全国文明城市推进会上的讲话")
        '2020'
        >>> title_date("在全市二〇一九年度工作总结大会上的讲话"), title_date("在全县大会上的讲话")
        ('2019', None)
    """
    m = RE_TITLE_YEAR.search(unicodedata.normalize("NFKC", title))
    return _iso(_year(m.group("y"))) if m else None


def filename_date(name: str) -> str | None:
    """A date or year in a file name (its last path part); ``None`` if none.

    Examples:
        >>> filename_date("范文/2019年城管工作会议讲话.txt"), filename_date("s_2016-07-01.txt")
        ('2019', '2016-07-01')
        >>> filename_date("000_d7c0b4b5b75140e8.txt"), filename_date("a2019.txt")
        (None, None)
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    m = RE_NAME_YEAR.search(base)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    full = _iso(year, int(month) if month else None, int(day) if day else None)
    return full if full is not None else _iso(year)


# -- periods -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    """How dates are grouped: by ``"year"``, ``"month"`` or spans of ``years`` years.

    Attributes:
        unit: ``"year"``, ``"month"`` or ``"years"``.
        years: Span length for ``"years"`` (spans start at years divisible by it: 2015–2019).
    """

    unit: str
    years: int = 1

    @property
    def label(self) -> str:
        """The option value it was parsed from (``year``, ``month``, ``5years``)."""
        return f"{self.years}years" if self.unit == "years" else self.unit


def parse_period(value: str) -> Period:
    """Parse ``--by``: ``year``, ``month`` or ``Nyears`` (N from 2 to 100).

    Raises:
        ValueError: For anything else (the message lists the valid values).

    Examples:
        >>> parse_period("year"), parse_period("5years").years
        (Period(unit='year', years=1), 5)
    """
    value = value.strip().lower()
    if value in ("year", "month"):
        return Period(value)
    m = re.fullmatch(r"(\d{1,3})\s*years?", value)
    if m and 2 <= int(m.group(1)) <= 100:
        return Period("years", int(m.group(1)))
    if m and int(m.group(1)) == 1:
        return Period("year")
    raise ValueError(f"{value!r} is not a period; use year, month or Nyears (e.g. 5years)")


def period_of(date: str | None, period: Period) -> str | None:
    """The period label of an ISO date; ``None`` when undated or too coarse (a year, by month).

    Examples:
        >>> period_of("2016-07-01", Period("year")), period_of("2016-07-01", Period("month"))
        ('2016', '2016-07')
        >>> period_of("2017", Period("years", 5)), period_of("2016", Period("month"))
        ('2015-2019', None)
    """
    if not date:
        return None
    year = int(date[:4])
    if period.unit == "year":
        return f"{year:04d}"
    if period.unit == "month":
        return date[:7] if len(date) >= 7 else None
    start = year - year % period.years
    return f"{start:04d}-{start + period.years - 1:04d}"


def periods_between(first: str, last: str, period: Period) -> list[str]:
    """Every period label from ``first`` to ``last`` (both labels of ``period``), in order.

    Examples:
        >>> periods_between("2015", "2017", Period("year"))
        ['2015', '2016', '2017']
        >>> periods_between("2019-11", "2020-02", Period("month"))
        ['2019-11', '2019-12', '2020-01', '2020-02']
        >>> periods_between("2010-2014", "2020-2024", Period("years", 5))
        ['2010-2014', '2015-2019', '2020-2024']
    """
    if period.unit == "month":
        y, m = int(first[:4]), int(first[5:7])
        out = []
        while f"{y:04d}-{m:02d}" <= last:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    step = period.years if period.unit == "years" else 1
    start, end = int(first[:4]), int(last[:4])
    return [period_of(f"{y:04d}", period) or "" for y in range(start, end + 1, step)]
