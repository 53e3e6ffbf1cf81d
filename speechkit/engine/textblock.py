"""Many texts as one string: cheap to send to a worker, cheap to turn into code points.

A stage that sends texts to its workers pays for pickling them on the client, which is serial
while the workers wait. A list of 10,000 paragraph-sized Chinese texts (2.2M characters, 6.6 MB
pickled) takes 12.7 ms to pickle and 6.8 ms to unpickle, one object per text; the same texts
as a :class:`TextBlock` take 7.9 ms to build and pickle and 1.0 ms to unpickle, 4.5 MB
(``python benchmarks/transport.py``, idle machine). In the 1M heavy-duplication dedup run the
client's CPU in the map stage fell from 2.6-3.9 s to 1.5-1.7 s. CPython keeps such a string as
UCS-2, so its UTF-16 bytes are nearly a copy of its memory.

The block keeps the texts joined by :data:`SEP`, which is also the form
:func:`speechkit.dedup.normalize.normalize_codes` works on, so a worker normalizes a block
without joining the texts again.

Sending texts this way also leaves no copy behind: pickling a non-ASCII ``str`` makes CPython
cache its UTF-8 form on the string for the rest of its life, so every paragraph pickled one by one
kept a second copy of itself in the sending process (39 MB of a 40 MB corpus in
``speechkit phrases``). A block's one joined string is encoded and dropped. :class:`TextShard`
does the same for a list of records (tuples) whose text fields travel as blocks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import numpy as np

__all__ = ["SEP", "TextBlock", "TextShard"]

#: Ends every text of a block: a control character that texts practically never hold.
SEP = "\x1f"

# Lone surrogates (from undecodable bytes) travel unchanged.
_ERRORS = "surrogatepass"


class TextBlock(Sequence[str]):
    """An immutable sequence of texts stored as one string, each text followed by :data:`SEP`.

    Args:
        texts: The texts; any characters, :data:`SEP` included (then :attr:`separated` is
            false, and the texts are still returned exactly).

    Examples:
        >>> import pickle
        >>> block = TextBlock(["创建文明城市", "", "同志们："])
        >>> len(block), block[0], block[-1], list(block[1:])
        (3, '创建文明城市', '同志们：', ['', '同志们：'])
        >>> list(pickle.loads(pickle.dumps(block))) == list(block)
        True
        >>> TextBlock(["a\\x1fb"]).separated, TextBlock(["a\\x1fb"])[0] == "a\\x1fb"
        (False, True)
    """

    __slots__ = ("_ends", "_separated", "joined")

    joined: str
    _ends: np.ndarray
    _separated: bool | None

    def __init__(self, texts: Iterable[str]) -> None:
        items = texts if isinstance(texts, list | tuple) else list(texts)
        self.joined = SEP.join(items) + SEP if items else ""
        lengths = np.fromiter((len(t) for t in items), dtype=np.int64, count=len(items))
        self._ends = np.cumsum(lengths + 1) - 1  # position of each text's separator
        self._separated = None  # found when asked, on the worker (a scan of the string)

    @classmethod
    def _restore(cls, data: bytes, ends: np.ndarray) -> TextBlock:
        block = cls.__new__(cls)
        block.joined = data.decode("utf-16-le", _ERRORS)
        block._ends = ends
        block._separated = None
        return block

    def __reduce__(self) -> tuple[object, tuple[bytes, np.ndarray]]:
        return TextBlock._restore, (self.joined.encode("utf-16-le", _ERRORS), self._ends)

    @property
    def separated(self) -> bool:
        """Whether no text holds :data:`SEP`, so that it marks exactly the ends of the texts."""
        if self._separated is None:
            self._separated = self.joined.count(SEP) == len(self._ends)
        return self._separated

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        count = len(self._ends)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("TextBlock index out of range")
        start = int(self._ends[index - 1]) + 1 if index else 0
        return self.joined[start : int(self._ends[index])]

    def __iter__(self) -> Iterator[str]:
        start = 0
        for end in self._ends.tolist():
            yield self.joined[start:end]
            start = end + 1

    @property
    def lengths(self) -> np.ndarray:
        """Length of each text in code points (int64)."""
        return np.diff(self._ends, prepend=-1) - 1

    def __repr__(self) -> str:
        return f"TextBlock({len(self)} texts, {len(self.joined) - len(self)} characters)"


class TextShard(list[Any]):
    """A list of records (tuples of one shape) whose text columns travel as :class:`TextBlock`.

    In this process it is the list it holds; the other side gets an equal ``TextShard``.

    Examples:
        >>> import pickle
        >>> shard = TextShard([(0, "建立长效机制"), (1, "齐抓共管")])
        >>> pickle.loads(pickle.dumps(shard)) == shard
        True
        >>> type(pickle.loads(pickle.dumps(shard))).__name__
        'TextShard'
        >>> pickle.loads(pickle.dumps(TextShard()))
        []
    """

    def __reduce__(self) -> tuple[Any, ...]:
        columns: list[tuple[bool, Any]] = []
        for column in zip(*self, strict=True):
            if all(isinstance(field, str) for field in column):
                columns.append((True, TextBlock(column)))
            else:
                columns.append((False, column))
        return (_rebuild_shard, (columns,))


def _rebuild_shard(columns: list[tuple[bool, Any]]) -> TextShard:
    """The shard again, from :meth:`TextShard.__reduce__`'s columns."""
    rebuilt: list[Sequence[Any]] = [list(data) if is_text else data for is_text, data in columns]
    return TextShard(zip(*rebuilt, strict=True))
