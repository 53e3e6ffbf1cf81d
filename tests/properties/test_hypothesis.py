"""Property tests: whatever a user's files or profile hold, speechkit gives a result or a
:class:`~speechkit.errors.SpeechkitError` (a one-line ``Error:``), never another exception.

Readers get random bytes and random text in every supported encoding, damaged at random;
cleaners get random text; the profile parser gets random YAML values under every key.
Examples are derandomized, so a failure reproduces on every machine.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechkit.clean import normalize
from speechkit.clean.pipeline import clean_lines, clean_text
from speechkit.corpus import prepare
from speechkit.errors import SpeechkitError
from speechkit.ingest import read_documents
from speechkit.ingest.walk import reader_kind
from speechkit.model import Line
from speechkit.profile import Profile, parse_profile

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".csv", ".docx", ""]
# Text like the corpus: Chinese, ASCII, CJK punctuation, whitespace, and anything else.
SPEECHY = st.text(
    alphabet=st.one_of(
        st.sampled_from("同志们今天召开全市创建文明城市动员大会一二三、，。；：！？“”（）\n\r\t　"),
        st.characters(codec="utf-8"),
    ),
    max_size=400,
)


def _read(data: bytes, suffix: str) -> list:
    """Read ``data`` as a file with ``suffix`` through the real reader, then clean and segment."""
    warnings: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        kind = reader_kind(path)
        assert kind is not None
        docs = [prepare(doc) for doc in read_documents(path, path.name, kind, warn=warnings.append)]
    assert all(isinstance(w, str) and w for w in warnings)
    return docs


@PROPERTY
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_are_read_or_skipped_with_a_warning(data: bytes, suffix: str) -> None:
    with contextlib.suppress(SpeechkitError):
        _read(data, suffix)


@PROPERTY
@given(
    text=SPEECHY,
    encoding=st.sampled_from(ENCODINGS),
    flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=6),
    suffix=st.sampled_from([".txt", ".md", ".html", ""]),
)
def test_text_in_every_encoding_survives_damage(
    text: str, encoding: str, flips: list[tuple[int, int]], suffix: str
) -> None:
    try:
        data = bytearray(text.encode(encoding))
    except UnicodeEncodeError:  # GBK cannot hold every character
        data = bytearray(text.encode(encoding, errors="replace"))
    for position, value in flips:
        if data:
            data[position % len(data)] = value
    try:
        docs = _read(bytes(data), suffix)
    except SpeechkitError:
        return
    for doc in docs:
        codecs.lookup(doc.encoding)  # a real codec name
        for line in doc.lines:
            assert "\x00" not in line.text


@PROPERTY
@given(records=st.lists(st.dictionaries(st.sampled_from(["text", "title", "x"]), SPEECHY),
                        max_size=5))  # fmt: skip
def test_jsonl_and_csv_records(records: list[dict[str, str]]) -> None:
    import csv
    import io
    import json

    jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["text", "title", "x"])
    writer.writeheader()
    writer.writerows(records)
    for data, suffix in ((jsonl, ".jsonl"), (out.getvalue().encode("utf-8"), ".csv")):
        with contextlib.suppress(SpeechkitError):
            _read(data, suffix)


@PROPERTY
@given(text=SPEECHY)
def test_cleaners_are_total_str_to_str(text: str) -> None:
    for name in normalize.__all__:
        cleaner = getattr(normalize, name)
        assert isinstance(cleaner(text), str), name
    assert isinstance(clean_text(text), str)
    lines = [Line(i, t) for i, t in enumerate(text.split("\n"), start=1)]
    cleaned = clean_lines(lines)
    assert [line.number for line in cleaned] == sorted({line.number for line in cleaned})


KEYS = [
    "city", "level", "province", "campaign", "meeting", "speaker", "achievements", "problems",
    "priorities", "figures", "sections", "length", "seed", "type", "name", "date", "title",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    SPEECHY,
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(["青岚市", "云溪区", "动员会", "推进会", "市委书记", "全国文明城市"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), SPEECHY), inner, max_size=4),
    ),
    max_leaves=12,
)
BASE = {
    "city": "青岚市",
    "campaign": "全国文明城市",
    "meeting": {"type": "动员会", "date": "2027-04-10"},
    "speaker": {"title": "市委书记"},
}


def _parse(text: str) -> None:
    try:
        profile = parse_profile(text, path="p.yaml")
    except SpeechkitError as exc:
        assert str(exc).startswith("p.yaml:"), str(exc)
        return
    assert isinstance(profile, Profile)


@PROPERTY
@given(changes=st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=4))
def test_profile_with_random_values_validates_or_fails_cleanly(changes: dict) -> None:
    data = {**BASE, **changes}
    _parse(yaml.safe_dump(data, allow_unicode=True))


@PROPERTY
@given(
    meeting=st.dictionaries(st.sampled_from(["type", "name", "date", "x"]), VALUES, max_size=3),
    date=st.tuples(st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32)),
)
def test_profile_meeting_and_impossible_dates(meeting: dict, date: tuple[int, int, int]) -> None:
    data = {**BASE, "meeting": {**BASE["meeting"], **meeting}}
    text = yaml.safe_dump(data, allow_unicode=True)
    _parse(text)
    year, month, day = date
    _parse(text.replace("'2027-04-10'", f"{year:04d}-{month:02d}-{day:02d}"))


@PROPERTY
@given(text=st.text(max_size=300))
def test_any_text_as_a_profile(text: str) -> None:
    _parse(text)
