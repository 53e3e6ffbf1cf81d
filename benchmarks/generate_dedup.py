"""Generated paragraph-sized documents with planted near-duplicates, for the dedup benchmarks.

Documents are ~200 characters from a Zipf-distributed vocabulary of Chinese phrases (so
unrelated documents share common n-grams as real ones do):

* :func:`generate`: 5 % of the documents are variants in small planted groups (characters
  substituted, a phrase inserted or dropped, punctuation changed, a place name prefixed).
* :func:`generate_heavy`: 30 % are noisy copies (1-5 % of characters replaced) in groups of
  10 to 1,000.

Imported by benchmarks/dedup.py and benchmarks/dedup_incremental.py (a script run as
``python benchmarks/x.py`` has ``benchmarks/`` on ``sys.path``).
"""

from __future__ import annotations

import numpy as np

__all__ = ["generate", "generate_heavy"]

PUNCT = "，。、；：！？“”"
PLACES = ["南京市", "xx市", "XX县", "**区", "苏州市", "合肥市", "某某区", "洛阳市"]


def _phrases(rng: np.random.Generator, count: int) -> list[str]:
    chars = np.array([chr(c) for c in range(0x4E00, 0x4E00 + 3500)])
    weights = 1.0 / np.arange(1, len(chars) + 1) ** 0.8
    weights /= weights.sum()
    lengths = rng.integers(2, 7, size=count)
    picks = rng.choice(len(chars), size=int(lengths.sum()), p=weights)
    out, pos = [], 0
    for length in lengths:
        out.append("".join(chars[picks[pos : pos + length]]))
        pos += length
    return out


def generate(n: int, *, seed: int = 0, dup_rate: float = 0.05) -> tuple[list[str], np.ndarray]:
    """``n`` documents and a group label per document (-1: not planted)."""
    rng = np.random.default_rng(seed)
    vocab = _phrases(rng, 20000) + list(PUNCT)
    zipf = 1.0 / np.arange(1, len(vocab) + 1) ** 1.0
    zipf /= zipf.sum()
    per_doc = 52  # ~200 characters with punctuation
    ids = rng.choice(len(vocab), size=(n, per_doc), p=zipf)
    vocab_arr = np.array(vocab, dtype=object)
    docs = ["".join(row) for row in vocab_arr[ids]]
    labels = np.full(n, -1, dtype=np.int64)
    # Plant groups: an original and 1-3 variants at random positions.
    n_variants = int(n * dup_rate)
    slots = rng.permutation(n)
    pos, group = 0, 0
    while pos + 1 < len(slots) and n_variants > 0:
        size = min(int(rng.integers(1, 4)), n_variants)
        original = int(slots[pos])
        labels[original] = group
        for k in range(size):
            target = int(slots[pos + 1 + k])
            docs[target] = _variant(docs[original], rng, vocab)
            labels[target] = group
        pos += size + 1
        n_variants -= size
        group += 1
    return docs, labels


def generate_heavy(
    n: int, *, seed: int = 0, dup_share: float = 0.3, sizes: tuple[int, int] = (10, 1000),
    noise: tuple[float, float] = (0.01, 0.05),
) -> tuple[list[str], np.ndarray]:
    """Heavy duplication: ``dup_share`` of ``n`` documents are noisy copies of a few seeds.

    Groups of ``sizes`` documents (one seed document and its copies) are planted until the
    copies are ``dup_share`` of the corpus; each copy has a share of its characters, drawn
    uniformly from ``noise``, replaced by random characters.
    """
    docs, _ = generate(n, seed=seed, dup_rate=0.0)
    rng = np.random.default_rng(seed + 1)
    labels = np.full(n, -1, dtype=np.int64)
    slots = rng.permutation(n)
    pos, group, copies = 0, 0, 0
    target = int(n * dup_share)
    while copies < target and pos + 1 < n:
        size = min(int(rng.integers(sizes[0], sizes[1] + 1)), target - copies + 1, n - pos)
        original = int(slots[pos])
        labels[original] = group
        base = docs[original]
        for target_slot in slots[pos + 1 : pos + size].tolist():
            chars = list(base)
            rate = rng.uniform(*noise)
            at = rng.choice(len(chars), size=max(1, round(rate * len(chars))), replace=False)
            new = rng.integers(0x4E00, 0x4E00 + 3500, len(at)).tolist()
            for k, c in zip(at.tolist(), new, strict=True):
                chars[k] = chr(c)
            docs[target_slot] = "".join(chars)
            labels[target_slot] = group
        copies += size - 1
        pos += size
        group += 1
    return docs, labels


def _variant(text: str, rng: np.random.Generator, vocab: list[str]) -> str:
    chars = list(text)
    for _ in range(int(rng.integers(0, 6))):  # substituted characters
        chars[int(rng.integers(len(chars)))] = chr(0x4E00 + int(rng.integers(3500)))
    if rng.random() < 0.3:  # a phrase inserted
        at = int(rng.integers(len(chars)))
        chars[at:at] = list(vocab[int(rng.integers(len(vocab)))])
    if rng.random() < 0.3:  # a phrase dropped
        at = int(rng.integers(len(chars) - 4))
        del chars[at : at + int(rng.integers(2, 5))]
    out = "".join(chars)
    if rng.random() < 0.5:  # punctuation changed
        out = out.replace("，", ",").replace("。", ". ")
    if rng.random() < 0.3:  # a place name prefixed
        out = PLACES[int(rng.integers(len(PLACES)))] + out
    return out
