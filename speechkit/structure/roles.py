"""Paragraph roles: cue lexicon + heading sections + position + TF-IDF clusters, decoded by Viterbi.

The method, in two passes over the corpus:

1. Emission scores per paragraph and role combine (a) cue words found in the paragraph's
   lead (heading or first sentence, counted ``lead_weight`` times) and body
   (:mod:`~speechkit.structure.lexicon`), (b) the cues of the level-1 heading (一、…) of the
   section the paragraph belongs to plus the section's mean body cues — so a heading's role
   passes to its section, and (c) a position prior (Gaussian in relative position around
   each role's usual place; ``opening`` only before the first section heading, ``closing``
   only near the end). Viterbi with the role-order prior (:mod:`~speechkit.structure.viterbi`)
   decodes each speech.
2. The first pass is used to learn from the corpus itself: each TF-IDF cluster
   (:mod:`~speechkit.structure.cluster`) is named by its role distribution ``P(role | cluster)``
   and the position prior is re-estimated; both join the emissions and Viterbi runs again.
   Paragraphs without cue words thus take the role of similar paragraphs elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from speechkit.errors import ParameterError
from speechkit.model import Speech
from speechkit.seeds import check_seed
from speechkit.structure.cluster import Clustering, cluster_paragraphs, tfidf, tokenize_texts
from speechkit.structure.features import SpeechFeatures, speech_features
from speechkit.structure.lexicon import Lexicon, load_lexicon
from speechkit.structure.topic import DEFAULT_THRESHOLD, load_stopwords, topic_scores
from speechkit.structure.viterbi import order_transitions, start_scores, viterbi
from speechkit.tokenize.base import Tokenizer
from speechkit.types import ROLES, Role

__all__ = ["RoleConfig", "RoleResult", "assign_roles"]

_IO = ROLES.index("opening")
_IC = ROLES.index("closing")
_IPAIR = [ROLES.index("significance"), ROLES.index("situation")]


@dataclass(frozen=True, slots=True)
class RoleConfig:
    """Weights of the role model (defaults chosen on the seeds' labelled paragraphs).

    Attributes:
        lead_weight: How many times a cue in the lead counts against one in the body (3).
        cue_weight: Weight of the paragraph's own cue scores (1.0).
        section_weight: Weight of the section heading's cues, passed to its paragraphs (1.5).
        position_weight: Weight of the position prior (0.5).
        cluster_weight: Weight of ``log P(role | cluster)`` in the second pass, faded by
            the paragraph's own cue strength (0.7; see
            ``benchmarks/structure_quality.py`` for the figures with and without it).
        position_means: First-pass usual relative position of each role (``ROLES`` order).
        position_sigma: First-pass spread of the position prior (0.25).
        opening_max: ``opening`` is allowed only in the first ``max(3, opening_max * n)``
            paragraphs and before the first level-1 heading (0.2).
        closing_last: ``closing`` is allowed only in the last ``closing_last`` paragraphs (2).
        closing_start_weight: Bonus of ``closing`` for a paragraph among those that opens
            with ``同志们，``/``总之，`` — the usual start of a peroration (3.0).
        n_clusters: TF-IDF clusters; ``None`` = ``sqrt(paragraphs / 2)`` within 6..60.
        topic_threshold: Minimum ``topic_score`` of an on-topic speech (0.4).
    """

    lead_weight: float = 3.0
    cue_weight: float = 1.0
    section_weight: float = 1.5
    position_weight: float = 0.5
    cluster_weight: float = 0.7
    position_means: tuple[float, ...] = (0.0, 0.2, 0.3, 0.55, 0.8, 1.0)
    position_sigma: float = 0.25
    opening_max: float = 0.2
    closing_last: int = 2
    closing_start_weight: float = 3.0
    n_clusters: int | None = None
    topic_threshold: float = DEFAULT_THRESHOLD

    def __post_init__(self) -> None:
        for name in (
            "lead_weight",
            "cue_weight",
            "section_weight",
            "position_weight",
            "cluster_weight",
            "position_sigma",
            "opening_max",
        ):
            value = getattr(self, name)
            if not value >= 0:
                raise ParameterError(name, value, "a number >= 0")
        if len(self.position_means) != len(ROLES):
            raise ParameterError("position_means", self.position_means, f"{len(ROLES)} numbers")
        if self.closing_last < 1:
            raise ParameterError("closing_last", self.closing_last, "an integer >= 1")


@dataclass(slots=True)
class RoleResult:
    """Roles of every paragraph and what the model learned on the way.

    Attributes:
        speeches: The speeches (their paragraphs' ``role`` is set).
        roles: Role of each paragraph, per speech.
        confidence: Softmax probability of the chosen role's emission, per paragraph.
        offsets: Row of each speech's first paragraph in ``matrix`` (+ the end row).
        matrix: TF-IDF rows of all paragraphs.
        vocabulary: TF-IDF feature names.
        clustering: The k-means clustering of the rows.
        cluster_roles: Role distribution ``P(role | cluster)``, shape ``(k, 6)``.
        topic_score: Per speech, similarity to the corpus centre (1.0 = typical).
        on_topic: Per speech, ``topic_score >= config.topic_threshold``.
        theme_terms: The corpus theme words the topic score counts.
    """

    speeches: list[Speech]
    roles: list[list[Role]]
    confidence: list[np.ndarray]
    offsets: np.ndarray
    matrix: sparse.csr_matrix
    vocabulary: np.ndarray
    clustering: Clustering
    cluster_roles: np.ndarray
    topic_score: np.ndarray
    on_topic: np.ndarray
    theme_terms: list[str] = field(default_factory=list)
    features: list[SpeechFeatures] = field(repr=False, default_factory=list)

    def cluster_role(self, cluster: int) -> Role:
        """The role a cluster is named by (its most frequent role)."""
        return ROLES[int(self.cluster_roles[cluster].argmax())]


def _position(
    f: SpeechFeatures, means: np.ndarray, sigmas: np.ndarray, cfg: RoleConfig
) -> np.ndarray:
    n = len(f.relpos)
    pos = -((f.relpos[:, None] - means[None, :]) ** 2) / (2 * sigmas[None, :] ** 2)
    # opening only at the start and before the first section heading
    first_head = int(np.argmax(f.section_start)) if f.section_start.any() else n
    limit = min(first_head, max(3, round(cfg.opening_max * n)))
    pos[limit:, _IO] = -8.0
    pos[: max(0, n - cfg.closing_last), _IC] = -8.0
    return pos


def _emissions(f: SpeechFeatures, cfg: RoleConfig) -> np.ndarray:
    density = np.maximum(1.0, np.sqrt(f.chars / 100.0))[:, None]
    own = np.log1p(cfg.lead_weight * f.lead_cues + f.body_cues / density)
    section = np.zeros_like(own)
    for s in np.unique(f.section[f.section >= 0]):
        members = f.section == s
        d = density[members]
        mean_body = (f.body_cues[members] / d).mean(axis=0)
        sec = cfg.lead_weight * f.section_cues[members][0] + mean_body
        # significance and situation share a place in the order: the heading tells the
        # place, the paragraph's own words tell which of the two (half of it is pooled)
        pooled = sec[_IPAIR].sum() / 2
        sec[_IPAIR] = 0.5 * sec[_IPAIR] + 0.5 * pooled
        section[members] = np.log1p(sec)
    out = cfg.cue_weight * own + cfg.section_weight * section
    out[f.closing_start, _IC] += cfg.closing_start_weight
    return out


def _decode(
    emissions: np.ndarray, trans: np.ndarray, start: np.ndarray
) -> tuple[list[int], np.ndarray]:
    path = viterbi(emissions, trans, start)
    z = emissions - emissions.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    return path, p[np.arange(len(path)), path] if path else np.zeros(0)


def assign_roles(
    speeches: Sequence[Speech],
    *,
    seed: int = 0,
    lexicon: Lexicon | None = None,
    tokenizer: Tokenizer | None = None,
    config: RoleConfig | None = None,
) -> RoleResult:
    """Assign a role to every paragraph of ``speeches`` (sets ``Paragraph.role`` in place).

    Args:
        speeches: Speeches of one corpus (the corpus is what the clusters learn from).
        seed: Seed of the k-means initialisation; same input and seed give the same roles.
        lexicon: Role cue lexicon; default :func:`~speechkit.structure.lexicon.load_lexicon`.
        tokenizer: Tokenizer for TF-IDF; default ``make_tokenizer()``.
        config: Model weights; default :class:`RoleConfig`.

    Returns:
        A :class:`RoleResult`.
    """
    check_seed(seed)  # before any work: scikit-learn would fail deep inside with a traceback
    cfg = config or RoleConfig()
    lex = lexicon or load_lexicon()
    if tokenizer is None:
        from speechkit.tokenize import make_tokenizer

        tokenizer = make_tokenizer()
    speeches = list(speeches)
    feats = [speech_features(s, lex, closing_last=cfg.closing_last) for s in speeches]
    offsets = np.cumsum([0] + [len(s.paragraphs) for s in speeches])
    texts = [p.text for s in speeches for p in s.paragraphs]
    stopwords = load_stopwords()
    tokens = tokenize_texts(texts, tokenizer=tokenizer, stopwords=stopwords)
    matrix, vocab = tfidf(tokens)
    clustering = cluster_paragraphs(matrix, vocab, seed=seed, n_clusters=cfg.n_clusters)
    trans, start = order_transitions(), start_scores()
    base = [_emissions(f, cfg) for f in feats]

    # pass 1: cues, sections and a generic position prior
    means = np.array(cfg.position_means)
    sigmas = np.full(len(ROLES), cfg.position_sigma)
    paths = [
        _decode(b + cfg.position_weight * _position(f, means, sigmas, cfg), trans, start)[0]
        for b, f in zip(base, feats, strict=True)
    ]

    # learn from the corpus: cluster role distributions and role positions
    k = max(1, len(clustering.centers))
    counts = np.ones((k, len(ROLES)))  # add-one smoothing
    flat = np.array([r for path in paths for r in path], dtype=int)
    if len(flat):
        np.add.at(counts, (clustering.labels, flat), 1.0)
    cluster_roles = counts / counts.sum(axis=1, keepdims=True)
    relpos = np.concatenate([f.relpos for f in feats]) if feats else np.zeros(0)
    for r in range(len(ROLES)):
        sel = relpos[flat == r] if len(flat) else np.zeros(0)
        if len(sel) >= 5:
            means[r] = 0.5 * means[r] + 0.5 * sel.mean()
            sigmas[r] = max(0.1, min(0.4, 0.5 * sigmas[r] + 0.5 * sel.std()))

    # pass 2: add the cluster naming and the learned positions
    roles: list[list[Role]] = []
    confidence: list[np.ndarray] = []
    for i, (b, f) in enumerate(zip(base, feats, strict=True)):
        rows = clustering.labels[offsets[i] : offsets[i + 1]]
        em = b + cfg.position_weight * _position(f, means, sigmas, cfg)
        if len(rows):
            # clusters fill in where the paragraph's own cues are silent: the term fades
            # as the strongest own cue score grows
            gate = 1.0 / (1.0 + b.max(axis=1, keepdims=True))
            em = em + cfg.cluster_weight * gate * np.log(cluster_roles[rows])
        path, conf = _decode(em, trans, start)
        named = [ROLES[j] for j in path]
        for p, role in zip(speeches[i].paragraphs, named, strict=True):
            p.role = role
        roles.append(named)
        confidence.append(conf)

    # final cluster naming from the decoded roles
    counts = np.ones((k, len(ROLES)))
    flat = np.array([ROLES.index(r) for rs in roles for r in rs], dtype=int)
    if len(flat):
        np.add.at(counts, (clustering.labels, flat), 1.0)
    cluster_roles = counts / counts.sum(axis=1, keepdims=True)

    speech_tokens = [
        [t for para in tokens[offsets[i] : offsets[i + 1]] for t in para]
        for i in range(len(speeches))
    ]
    scores, flags, theme = topic_scores(
        speech_tokens, threshold=cfg.topic_threshold, stopwords=stopwords
    )
    return RoleResult(
        speeches=speeches,
        roles=roles,
        confidence=confidence,
        offsets=offsets,
        matrix=matrix,
        vocabulary=vocab,
        clustering=clustering,
        cluster_roles=cluster_roles,
        topic_score=scores,
        on_topic=flags,
        theme_terms=theme,
        features=feats,
    )
