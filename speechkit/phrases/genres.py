"""Genres of the speeches, for the ranking's contrast between genres (``G`` in
:mod:`speechkit.phrases.scoring`).

A speech's genre is, in this order:

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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from speechkit.errors import InputError
from speechkit.model import Speech

__all__ = ["GenreRule", "Genres", "assign_genres", "genre_summary", "load_genre_rules"]


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


@dataclass(frozen=True, slots=True)
class Genres:
    """The genre of every speech.

    Attributes:
        names: Genre names, in order of first appearance.
        of: Index into ``names`` per speech.
        sizes: Speeches per genre.
    """

    names: tuple[str, ...]
    of: tuple[int, ...]
    sizes: tuple[int, ...]


def _genre(speech: Speech, rules: Sequence[GenreRule]) -> str:
    title = speech.title or ""
    for rule in rules:
        if rule.keyword in title:
            return rule.genre
    return PurePath(speech.source).parent.name or "."


def assign_genres(speeches: Sequence[Speech], rules: Sequence[GenreRule] = ()) -> Genres:
    """The genre of each speech (title rules first, then its folder).

    Examples:
        >>> from speechkit.model import Speech
        >>> speeches = [Speech("范文/创文/a.txt", 1, 1, "在创文动员会上的讲话"),
        ...             Speech("范文/安全/b.txt", 1, 1, None),
        ...             Speech("范文/c.txt", 1, 1, "在全市安全生产工作会议上的讲话")]
        >>> g = assign_genres(speeches, [GenreRule("安全", "安全生产")])
        >>> g.names, g.of, g.sizes
        (('创文', '安全'), (0, 1, 1), (1, 2))
    """
    labels = [_genre(s, rules) for s in speeches]
    names = tuple(dict.fromkeys(labels))
    index = {name: i for i, name in enumerate(names)}
    counts = Counter(labels)
    return Genres(names, tuple(index[x] for x in labels), tuple(counts[n] for n in names))


def genre_summary(genres: Genres) -> str:
    """One line naming the genres and their sizes.

    Examples:
        >>> genre_summary(Genres(("corpus", "safety"), (0, 1, 0), (2, 1)))
        'Genres contrasted: corpus (2 speeches), safety (1 speech).'
    """
    parts = [
        f"{name} ({size} speech{'es' if size != 1 else ''})"
        for name, size in zip(genres.names, genres.sizes, strict=True)
    ]
    return f"Genres contrasted: {', '.join(parts)}."
