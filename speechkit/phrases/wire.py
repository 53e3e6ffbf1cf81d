"""Shards of paragraphs sent to worker processes without leaving a UTF-8 copy of each text.

Pickling a ``str`` that is not ASCII stores its UTF-8 form *in the string object* for the
rest of its life (CPython caches what ``PyUnicode_AsUTF8AndSize`` returns, and pickle asks
for it). Every paragraph sent to a worker therefore kept a second copy of itself in this
process: 39 MB of a 40 MB corpus, the size of the corpus in UTF-8, held until the speeches
were freed. A :class:`TextShard` pickles its units with the texts encoded into fresh
``bytes`` instead (made for the message, freed after it), and is rebuilt as the same list on
the other side (each field a ``str`` again). In this process it is the list of units it wraps.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

__all__ = ["TextShard"]


class TextShard(list[Any]):
    """A list of units (tuples of the same shape) whose texts travel as UTF-8 ``bytes``.

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
        # column by column: a column of texts travels as one UTF-8 blob and the texts' lengths
        # (one join and one encode in C: cheaper than pickling the strings one by one)
        columns: list[tuple[bool, Any, Any]] = []
        for column in zip(*self, strict=True):
            if all(isinstance(field, str) for field in column):
                blob = "".join(column).encode("utf-8", "surrogatepass")
                columns.append((True, blob, [len(field) for field in column]))
            else:
                columns.append((False, column, None))
        return (_rebuild, (columns,))


def _rebuild(columns: list[tuple[bool, Any, Any]]) -> TextShard:
    """The shard again, from :meth:`TextShard.__reduce__`'s columns."""
    rebuilt: list[Sequence[Any]] = []
    for is_text, data, lengths in columns:
        if not is_text:
            rebuilt.append(data)
            continue
        joined = data.decode("utf-8", "surrogatepass")
        ends = list(itertools.accumulate(lengths))
        rebuilt.append([joined[end - n : end] for end, n in zip(ends, lengths, strict=True)])
    return TextShard(zip(*rebuilt, strict=True))
