"""Viterbi decoding of role sequences under a role-order prior."""

from __future__ import annotations

import numpy as np

from speechkit.structure.resources import ROLE_RANK
from speechkit.types import ROLES

__all__ = ["order_transitions", "start_scores", "viterbi"]


def order_transitions(
    *, stay: float = 0.5, swap: float = 0.15, forward: float = 0.35, backward: float = 0.005
) -> np.ndarray:
    """Log transition matrix encoding the usual role order.

    Staying in a role is most likely; moving forward (opening → significance/situation →
    tasks → safeguards → closing) is allowed; significance and situation may swap;
    moving back is rare, back to ``opening`` or out of ``closing`` rarer still.

    Returns:
        ``(6, 6)`` array of log-probabilities, rows = from, columns = to, in ``ROLES`` order.

    Examples:
        >>> t = order_transitions()
        >>> tasks, safeguards = ROLES.index("tasks"), ROLES.index("safeguards")
        >>> bool(t[tasks, safeguards] > t[safeguards, tasks])
        True
    """
    k = len(ROLES)
    m = np.zeros((k, k))
    for i, a in enumerate(ROLES):
        for j, b in enumerate(ROLES):
            ra, rb = ROLE_RANK[a], ROLE_RANK[b]
            if i == j:
                p = stay
            elif b == "opening":
                p = 1e-4
            elif a == "closing":
                p = 1e-3
            elif ra == rb:
                p = swap
            elif rb > ra:
                p = forward / (rb - ra)  # skipping roles is less likely than the next one
            else:
                p = backward
            m[i, j] = p
    m /= m.sum(axis=1, keepdims=True)
    return np.log(m)


def start_scores() -> np.ndarray:
    """Log-probabilities of the first paragraph's role (``ROLES`` order)."""
    p = np.array([0.5, 0.2, 0.15, 0.1, 0.03, 0.02])
    return np.log(p / p.sum())


def viterbi(emissions: np.ndarray, transitions: np.ndarray, start: np.ndarray) -> list[int]:
    """Most likely state sequence.

    Args:
        emissions: ``(n, k)`` log-scores of each state at each step.
        transitions: ``(k, k)`` log transition scores.
        start: ``(k,)`` log-scores of the first state.

    Returns:
        The ``n`` state indices.

    Examples:
        >>> import numpy as np
        >>> e = np.log(np.array([[0.99, 0.01], [0.4, 0.6], [0.1, 0.9]]))
        >>> t = np.log(np.array([[0.9, 0.1], [0.01, 0.99]]))
        >>> viterbi(e, t, np.log(np.array([0.5, 0.5])))
        [0, 1, 1]
    """
    n, k = emissions.shape
    if n == 0:
        return []
    score = start + emissions[0]
    back = np.zeros((n, k), dtype=int)
    for i in range(1, n):
        cand = score[:, None] + transitions  # (from, to)
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emissions[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]
