"""User dictionaries: the bundled domain dictionary and users' own files.

Both backends read dictionaries through :func:`read_user_dict` and add the
entries one by one with ``add_word``, so jieba and rjieba see exactly the same
words (rjieba has no ``load_userdict``) and ``#`` comments work in both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from speechkit.datafile import read_data_lines
from speechkit.errors import InputError
from speechkit.paths import data_path
from speechkit.types import PathLike

__all__ = ["DOMAIN_DICT", "UserWord", "iter_user_words", "read_user_dict"]

#: File name of the bundled domain dictionary in ``speechkit/data``.
DOMAIN_DICT = "userdict.txt"


class UserWord(NamedTuple):
    """One dictionary entry: ``word [freq] [tag]``."""

    word: str
    freq: int | None
    tag: str | None


def read_user_dict(path: PathLike) -> list[UserWord]:
    """Parse a jieba-style user dictionary (``word [freq] [tag]`` per line, ``#`` comments).

    Args:
        path: The dictionary file (UTF-8).

    Returns:
        The entries in file order.

    Raises:
        InputError: If the file cannot be read or a line is malformed (names the line).

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "d.txt"
        >>> _ = p.write_text("# mine\\n背街小巷 l\\n创建为民 20 nz\\n", encoding="utf-8")
        >>> [tuple(w) for w in read_user_dict(p)]
        [('背街小巷', None, 'l'), ('创建为民', 20, 'nz')]
    """
    file = Path(path)  # InputError takes str | Path, not any os.PathLike
    words: list[UserWord] = []
    for number, line in read_data_lines(file, what="user dictionary"):
        fields = line.split()
        word, rest = fields[0], fields[1:]
        freq: int | None = None
        tag: str | None = None
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest:
            tag = rest.pop(0)
        if rest:
            raise InputError(f"expected 'word [freq] [tag]', got {line!r}", path=file, line=number)
        words.append(UserWord(word, freq, tag))
    return words


def iter_user_words(
    user_dicts: Iterable[PathLike] = (), *, domain_dict: bool = True
) -> Iterator[UserWord]:
    """Entries of the bundled domain dictionary (if ``domain_dict``) then of ``user_dicts``."""
    if domain_dict:
        yield from read_user_dict(data_path(DOMAIN_DICT))
    for path in user_dicts:
        yield from read_user_dict(path)
