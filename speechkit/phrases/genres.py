"""Genres of the speeches, for the ranking's contrast between genres (``G`` in
:mod:`speechkit.phrases.scoring`).

A speech's genre is, in this order:

0. with ``--genre-field FIELD``, the value of that field of the .jsonl/.csv record the speech
   comes from (:func:`read_genre_field`; the source files are read again for it, so the field
   need not have been asked for at ingest, and ``--db`` works while the files are where they
   were ingested from); a record without the field, and a speech of another file, fall back
   to the rules below, and the summary says how many did;
1. the genre of the first rule of ``--genre-rules FILE`` whose keyword occurs in the speech's
   title (lines ``genre<TAB>keyword``, ``#`` comments: ``安全生产	安全``);
2. otherwise the name of the folder that holds its file (``corpus``, ``安全生产`` for
   ``范文/安全生产/1.txt``): sorting 范文 into one folder per genre is how a user says which
   speeches belong together (two folders of the same name are one genre).

The genres found are listed in the run's summary (:func:`genre_summary`), so a user sees what
the contrast was made against. With one genre the contrast has no effect.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from speechkit.errors import InputError
from speechkit.model import Speech

__all__ = [
    "MAX_GENRE_CHARS",
    "GenreRule",
    "Genres",
    "assign_genres",
    "genre_summary",
    "load_genre_rules",
    "read_genre_field",
]

#: Longest genre name a ``--genre-field`` value may be: a genre is a label (安全生产); a long
#: value means the field holds something else (a title, the text).
MAX_GENRE_CHARS = 40

#: Reader kinds of files with records (:func:`speechkit.ingest.walk.reader_kind`).
_RECORD_KINDS = frozenset({"jsonl", "jsonl.gz", "csv"})


@dataclass(frozen=True, slots=True)
class GenreRule:
    """A title keyword and the genre it gives."""

    genre: str
    keyword: str


def load_genre_rules(path: Path) -> tuple[GenreRule, ...]:
    """Rules of a ``genre<TAB>keyword`` file, in file order.

    Raises:
        InputError: The file cannot be read, or a line is not ``genre<TAB>keyword``.
    """
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the genre rules ({exc})", path=path) from exc
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 2 or not all(parts):
            raise InputError(
                f"line {number}: expected 'genre<TAB>title keyword', got {line!r}; "
                "separate the two with one tab",
                path=path,
            )
        rules.append(GenreRule(parts[0], parts[1]))
    return tuple(rules)


def read_genre_field(
    speeches: Sequence[Speech], field: str, *, ingested: Mapping[str, str | None] | None = None
) -> dict[tuple[str, int], str]:
    """The value of ``field`` of each .jsonl/.csv record the speeches come from.

    The files are read with ``field`` as their text field: the record readers number every
    record whatever its text (:mod:`speechkit.ingest.records`), so the numbers are those of the
    speeches whichever ``--text-field`` the corpus was read (or ingested) with.

    Args:
        speeches: Speeches; those of a record (``record`` set) name the file they were read from.
        field: The record field holding the genre (``--genre-field``).
        ingested: For speeches from a store, the SHA-256 each file had when it was ingested:
            a file whose bytes differ now is an error, since its record numbers may no longer
            be those of the stored speeches.

    Returns:
        ``(source, record index) -> genre``; records without the field, or with an empty or
        non-text value (a JSON number), are not in it.

    Raises:
        InputError: A source file cannot be read any more or changed since it was ingested,
            or a value is no genre name (longer
            than :data:`MAX_GENRE_CHARS` characters, or spanning several lines), naming the
            file, line and record.
    """
    from speechkit.ingest.detect import NotTextError
    from speechkit.ingest.read import file_sha256, record_rows
    from speechkit.ingest.text import sniff_encoding
    from speechkit.ingest.walk import GZIP_JSONL, reader_kind

    def ignore(message: str) -> None:
        """Bad lines were reported when the corpus was read; not twice."""

    values: dict[tuple[str, int], str] = {}
    for source in dict.fromkeys(s.source for s in speeches if s.record is not None):
        path = Path(source)
        kind = reader_kind(path)
        if kind not in _RECORD_KINDS:
            continue
        try:
            expected = (ingested or {}).get(source)
            if expected is not None and file_sha256(path) != expected:
                raise InputError(
                    "changed since it was ingested, so its records may no longer be the stored "
                    "speeches; ingest it again (speechkit ingest FILE --db STORE) before "
                    "--genre-field",
                    path=source,
                )
            encoding = "utf-8" if kind == GZIP_JSONL else sniff_encoding(path).encoding
            rows = record_rows(
                path, source, kind, encoding, text_field=field, warn=ignore, date_field=field
            )
            for record, line, _, value in rows:
                if value is None:
                    continue
                if len(value) > MAX_GENRE_CHARS or "\n" in value or "\t" in value:
                    raise InputError(
                        f"record {record}: {field} {value[:20]!r}… is no genre name (a genre is "
                        f"one line of at most {MAX_GENRE_CHARS} characters, like 安全生产); "
                        "check --genre-field",
                        path=source,
                        line=line,
                    )
                values[(source, record)] = value
        except (OSError, NotTextError) as exc:
            raise InputError(
                f"cannot read it again for --genre-field ({exc}); run from the folder the "
                "corpus was read from",
                path=source,
            ) from exc
        except ValueError:  # a .csv file without the column: none of its records has it
            continue
    return values


@dataclass(frozen=True, slots=True)
class Genres:
    """The genre of every speech.

    Attributes:
        names: Genre names, in order of first appearance.
        of: Index into ``names`` per speech.
        sizes: Speeches per genre.
        field: The ``--genre-field`` the genres were read from, if any.
        from_field: Speeches whose genre is their record's ``field`` value.
        records_without: Records of the speeches without a value in ``field`` (their
            speeches fall back to the title rules and folders).
        not_records: Speeches of files without records (.txt, .docx...), also by the rules.
    """

    names: tuple[str, ...]
    of: tuple[int, ...]
    sizes: tuple[int, ...]
    field: str | None = None
    from_field: int = 0
    records_without: int = 0
    not_records: int = 0


def _genre(speech: Speech, rules: Sequence[GenreRule]) -> str:
    title = speech.title or ""
    for rule in rules:
        if rule.keyword in title:
            return rule.genre
    return PurePath(speech.source).parent.name or "."


def assign_genres(
    speeches: Sequence[Speech],
    rules: Sequence[GenreRule] = (),
    *,
    field: str | None = None,
    field_values: Mapping[tuple[str, int], str] | None = None,
) -> Genres:
    """The genre of each speech (its record's ``field`` value, then title rules, then its
    folder).

    Args:
        speeches: The speeches.
        rules: Title keyword rules (:func:`load_genre_rules`).
        field: The ``--genre-field`` name (for the summary).
        field_values: ``(source, record) -> genre`` (:func:`read_genre_field`).

    Examples:
        >>> from speechkit.model import Speech
        >>> speeches = [Speech("范文/创文/a.txt", 1, 1, "在创文动员会上的讲话"),
        ...             Speech("范文/安全/b.txt", 1, 1, None),
        ...             Speech("范文/c.txt", 1, 1, "在全市安全生产工作会议上的讲话")]
        >>> g = assign_genres(speeches, [GenreRule("安全", "安全生产")])
        >>> g.names, g.of, g.sizes
        (('创文', '安全'), (0, 1, 1), (1, 2))
        >>> records = [Speech("r.jsonl", 1, 1, None, record=i) for i in range(3)]
        >>> g = assign_genres(records, field="类别", field_values={("r.jsonl", 0): "安全生产"})
        >>> g.names, g.of, g.from_field, g.records_without
        (('安全生产', '.'), (0, 1, 1), 1, 2)
    """
    values = field_values or {}
    labels: list[str] = []
    without: set[tuple[str, int]] = set()
    not_records = from_field = 0
    for speech in speeches:
        key = (speech.source, speech.record) if speech.record is not None else None
        value = values.get(key) if key is not None else None
        if value is not None:
            labels.append(value)
            from_field += 1
            continue
        labels.append(_genre(speech, rules))
        if key is None:
            not_records += 1
        else:
            without.add(key)
    names = tuple(dict.fromkeys(labels))
    index = {name: i for i, name in enumerate(names)}
    counts = Counter(labels)
    return Genres(
        names,
        tuple(index[x] for x in labels),
        tuple(counts[n] for n in names),
        field,
        from_field,
        len(without) if field is not None else 0,
        not_records if field is not None else 0,
    )


def genre_summary(genres: Genres) -> str:
    """One line naming the genres and their sizes (and, with ``--genre-field``, how many
    speeches took their genre from it).

    Examples:
        >>> genre_summary(Genres(("corpus", "safety"), (0, 1, 0), (2, 1)))
        'Genres contrasted: corpus (2 speeches), safety (1 speech).'
        >>> print(genre_summary(Genres(("a", "b"), (0, 1, 0), (2, 1), "类别", 2, 1, 0)))
        Genres contrasted: a (2 speeches), b (1 speech). Genre from field 类别 for 2 of 3 speeches; 1 record without it, by title rule or folder.
    """  # noqa: E501
    parts = [
        f"{name} ({size} speech{'es' if size != 1 else ''})"
        for name, size in zip(genres.names, genres.sizes, strict=True)
    ]
    line = f"Genres contrasted: {', '.join(parts)}."
    if genres.field is None:
        return line
    rest = []
    if genres.records_without:
        n = genres.records_without
        rest.append(f"{n} record{'s' if n != 1 else ''} without it")
    if genres.not_records:
        n = genres.not_records
        rest.append(f"{n} speech{'es' if n != 1 else ''} not from a .jsonl/.csv record")
    tail = f"; {' and '.join(rest)}, by title rule or folder" if rest else ""
    return (
        f"{line} Genre from field {genres.field} for {genres.from_field} of "
        f"{len(genres.of)} speeches{tail}."
    )
