"""Union-find (disjoint sets) to make near-duplicate groups transitive."""

from __future__ import annotations

__all__ = ["UnionFind"]


class UnionFind:
    """Disjoint sets over ``0..size-1`` with union by size and path halving.

    Examples:
        >>> uf = UnionFind(5)
        >>> uf.union(0, 1); uf.union(3, 1)
        >>> uf.find(3) == uf.find(0), uf.find(2) == uf.find(0)
        (True, False)
        >>> uf.groups()
        [[0, 1, 3]]
    """

    def __init__(self, size: int):
        self._parent = list(range(size))
        self._size = [1] * size
        self._touched: set[int] = set()  # elements of unions: groups() need not scan the rest

    def find(self, x: int) -> int:
        """Root of ``x``'s set."""
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        """Merge the sets of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self._size[ra] < self._size[rb]:
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._size[ra] += self._size[rb]
        self._touched.update((a, b))

    def groups(self, *, min_size: int = 2) -> list[list[int]]:
        """Sets with at least ``min_size`` members, each sorted, ordered by first member."""
        by_root: dict[int, list[int]] = {}
        candidates = sorted(self._touched) if min_size > 1 else range(len(self._parent))
        for x in candidates:
            root = self.find(x)
            if self._size[root] >= min_size:
                by_root.setdefault(root, []).append(x)
        return sorted(by_root.values(), key=lambda g: g[0])
