"""TF-IDF over jieba tokens, LSA and k-means clustering of paragraphs and headings."""

from __future__ import annotations

import math
import warnings
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from speechkit.errors import ParameterError
from speechkit.structure.resources import TOKEN_KEEP
from speechkit.tokenize.base import Tokenizer

__all__ = ["Clustering", "cluster_paragraphs", "default_n_clusters", "tfidf", "tokenize_texts"]

#: Above this many paragraphs MiniBatchKMeans replaces KMeans (same seed semantics).
MINIBATCH_ABOVE = 20_000
#: Dimensions of the LSA (truncated SVD) projection clustered by k-means.
LSA_DIMS = 100


def tokenize_texts(
    texts: Sequence[str], *, tokenizer: Tokenizer, stopwords: Collection[str] = ()
) -> list[list[str]]:
    """Content tokens of each text: words of two or more characters with a CJK character,
    not in ``stopwords``, so punctuation, digits and placeholders such as ``xx`` do not count.

    Examples:
        >>> class Split:
        ...     def cut(self, text): return text.split()
        >>> tokenize_texts(["我们 创建 xx 文明城市 ，"], tokenizer=Split(), stopwords={"我们"})
        [['创建', '文明城市']]
    """
    return [
        [t for t in tokenizer.cut(text) if TOKEN_KEEP.match(t) and t not in stopwords]
        for text in texts
    ]


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def tfidf(
    docs: Sequence[list[str]], *, max_features: int = 20_000, max_df: float = 0.5
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """L2-normalized TF-IDF rows of tokenized ``docs`` (sublinear tf) and the vocabulary.

    Args:
        docs: Token lists from :func:`tokenize_texts`.
        max_features: Vocabulary size limit.
        max_df: Drop terms in more than this share of docs (corpora of 20+ docs).
    """
    n = len(docs)
    vec = TfidfVectorizer(
        analyzer=_identity,
        sublinear_tf=True,
        min_df=2 if n >= 20 else 1,
        max_df=max_df if n >= 20 else 1.0,
        max_features=max_features,
    )
    try:
        matrix = vec.fit_transform(docs)
    except ValueError:  # empty vocabulary (e.g. texts without Chinese words)
        return sparse.csr_matrix((n, 0)), np.array([], dtype=object)
    return matrix.tocsr(), vec.get_feature_names_out()


def default_n_clusters(n: int) -> int:
    """Clusters for ``n`` paragraphs: ``sqrt(n / 2)`` kept within 6..60.

    Examples:
        >>> default_n_clusters(800), default_n_clusters(10), default_n_clusters(10**6)
        (20, 6, 60)
    """
    return max(6, min(60, round(math.sqrt(n / 2))))


@dataclass(frozen=True, slots=True)
class Clustering:
    """Result of :func:`cluster_paragraphs`.

    Attributes:
        labels: Cluster id of each row.
        centers: ``(k, vocab)`` cluster centres.
        top_terms: The ``top_n`` heaviest terms of each centre.
    """

    labels: np.ndarray
    centers: np.ndarray
    top_terms: list[list[str]]


def cluster_paragraphs(
    matrix: sparse.csr_matrix,
    vocabulary: np.ndarray,
    *,
    seed: int = 0,
    n_clusters: int | None = None,
    top_n: int = 8,
) -> Clustering:
    """Cluster TF-IDF rows with k-means (seeded; mini-batch for large corpora).

    Args:
        matrix: TF-IDF rows from :func:`tfidf`.
        vocabulary: Feature names of ``matrix``.
        seed: Random seed of the k-means initialisation.
        n_clusters: Number of clusters; ``None`` = :func:`default_n_clusters`.
        top_n: Terms kept per cluster.

    Raises:
        ParameterError: If ``n_clusters`` is below 1.
    """
    n = matrix.shape[0]
    k = default_n_clusters(n) if n_clusters is None else n_clusters
    if k < 1:
        raise ParameterError("n_clusters", n_clusters, "an integer >= 1")
    k = min(k, n)
    if n == 0 or matrix.shape[1] == 0:
        return Clustering(np.zeros(n, dtype=int), np.zeros((0, matrix.shape[1])), [])
    # LSA first: k-means straight on sparse TF-IDF put 336 of the seeds' 380 paragraphs
    # in one cluster and the rest in singletons; on 100 SVD dimensions clusters are balanced.
    dims = min(LSA_DIMS, matrix.shape[1] - 1, n - 1)
    # One BLAS/OpenMP thread: with more, floating-point sums run in another order and the
    # clusters (and so roles and drafts) changed with the thread count — the same corpus and
    # seed gave other roles under `OMP_NUM_THREADS=1` (seen when Dask set it in a test run).
    with threadpool_limits(limits=1):
        if dims >= 2:
            reduced = TruncatedSVD(n_components=dims, random_state=seed).fit_transform(matrix)
            reduced = normalize(reduced)
        else:
            reduced = matrix.toarray()
        if n > MINIBATCH_ABOVE:
            km = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=4096)
        else:
            km = KMeans(n_clusters=k, random_state=seed, n_init=4)
        with warnings.catch_warnings():
            # tiny corpora may have fewer distinct paragraphs than clusters: expected, harmless
            warnings.simplefilter("ignore", ConvergenceWarning)
            labels = km.fit_predict(reduced).astype(int)
    # centres and top terms in the TF-IDF space, as the mean of each cluster's rows
    counts = np.bincount(labels, minlength=k).astype(float)
    member = sparse.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(k, n))
    centers = np.asarray((member @ matrix).todense()) / np.maximum(counts, 1)[:, None]
    top = [[str(vocabulary[j]) for j in np.argsort(-c)[:top_n] if c[j] > 0] for c in centers]
    return Clustering(labels, centers, top)
