"""Random seeds: the one valid range, checked where a seed enters speechkit.

numpy's generators and scikit-learn's ``random_state`` take unsigned 32-bit seeds; a
negative or larger seed would otherwise fail deep inside them with a traceback.
"""

from __future__ import annotations

from speechkit.errors import ParameterError

__all__ = ["MAX_SEED", "check_seed"]

#: Largest seed accepted (seeds are unsigned 32-bit integers, 0 to 2**32 - 1).
MAX_SEED = 2**32 - 1


def check_seed(seed: object, *, name: str = "seed") -> int:
    """Return ``seed`` if it is a whole number in ``0..MAX_SEED``.

    Raises:
        ParameterError: Naming ``name``, the value and the valid range.

    Examples:
        >>> check_seed(7)
        7
        >>> try:
        ...     check_seed(-1)
        ... except ParameterError as exc:
        ...     print(exc)
        invalid seed -1: expected a whole number from 0 to 4294967295
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise ParameterError(name, seed, f"a whole number from 0 to {MAX_SEED}")
    return seed
