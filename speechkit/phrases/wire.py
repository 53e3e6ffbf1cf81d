"""Shards of paragraphs sent to worker processes without leaving a UTF-8 copy of each text.

Pickling a ``str`` that is not ASCII stores its UTF-8 form *in the string object* for the
rest of its life (CPython caches what ``PyUnicode_AsUTF8AndSize`` returns, and pickle asks
for it). Every paragraph sent to a worker therefore kept a second copy of itself in this
process: 39 MB of a 40 MB corpus, the size of the corpus in UTF-8, held until the speeches
were freed. A :class:`TextShard` pickles its units with the texts encoded into fresh
``bytes`` instead (made for the message, freed after it), and is rebuilt as the same list on
the other side. In this process it is the list of units it wraps.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["TextShard"]


class TextShard(list[Any]):
    """A list of units (tuples of ints and texts) whose texts travel as UTF-8 ``bytes``.

    Examples:
        >>> import pickle
        >>> shard = TextShard([(0, "建立长效机制"), (1, "齐抓共管")])
        >>> pickle.loads(pickle.dumps(shard)) == shard
        True
        >>> type(pickle.loads(pickle.dumps(shard))).__name__
        'TextShard'
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, ([_encoded(unit) for unit in self],))


def _encoded(unit: Iterable[Any]) -> tuple[Any, ...]:
    # str.encode makes new bytes without caching them on the str (pickle's path caches)
    return tuple(f.encode("utf-8", "surrogatepass") if isinstance(f, str) else f for f in unit)


def _rebuild(units: list[tuple[Any, ...]]) -> TextShard:
    """The shard again: units hold ints and texts only, so every ``bytes`` is a text."""
    return TextShard(
        tuple(f.decode("utf-8", "surrogatepass") if isinstance(f, bytes) else f for f in unit)
        for unit in units
    )
