"""The learned structure of a corpus: :func:`learn_structure`, :class:`StructureModel`.

:func:`learn_structure` labels every paragraph's role, flags off-topic speeches, mines the
outline and ranks representative paragraphs and sentences per role. The roles and topic flags
are written into the corpus store (``paragraphs.role``, ``speeches.on_topic``/``topic_score``),
where reading the store back gives them to every later reader; the model itself is returned,
not stored. (Drafting labels roles again with the same function, from the same seed, so its
roles are these.)

Example::

    from speechkit.corpus import open_corpus
    from speechkit.structure import learn_structure

    with open_corpus() as corpus:
        model = learn_structure(corpus, seed=0)
    for ex in model.representatives("tasks", top_n=3):
        print(ex.source, ex.line, ex.text[:30])
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from speechkit.errors import ParameterError, StoreError
from speechkit.model import Paragraph, Speech
from speechkit.store import SpeechRoles
from speechkit.structure.lexicon import Lexicon, load_lexicon
from speechkit.structure.outline import build_outline
from speechkit.structure.roles import RoleConfig, RoleResult, assign_roles
from speechkit.types import ROLES, Role
from speechkit.zh import SENTENCE_RUN

if TYPE_CHECKING:
    from speechkit.corpus import Corpus

__all__ = ["RoleExample", "StructureModel", "learn_structure", "rank_representatives", "save_roles"]


@dataclass(frozen=True, slots=True)
class RoleExample:
    """A representative paragraph or sentence of a role.

    Attributes:
        role: Its role.
        text: The paragraph or sentence text.
        source: Source path of the speech.
        line: 1-based line of the paragraph in the source.
        speech_id: Speech id in the corpus (1..n).
        heading: Heading of the paragraph, if any.
        score: Ranking score (typicality × confidence), higher first.
        placeholder_kinds: Kinds of the placeholders in ``text`` (``place``, ``person``...).
    """

    role: Role
    text: str
    source: str
    line: int
    speech_id: int
    heading: str | None
    score: float
    placeholder_kinds: tuple[str, ...] = ()


@dataclass(slots=True)
class StructureModel:
    """What :func:`learn_structure` found: representatives per role, placeholder kinds, outline.

    Attributes:
        seed: Seed used.
        paragraphs: Per role, representative paragraphs, best first.
        sentences: Per role, representative sentences, best first.
        placeholder_kinds: Per role, how often each placeholder kind occurs.
        outline: The corpus outline (:func:`~speechkit.structure.outline.build_outline`).
        speeches: Per speech: ``id``, ``source``, ``first_line``, ``on_topic``,
            ``topic_score`` and ``roles`` (one per paragraph).
    """

    seed: int
    paragraphs: dict[str, list[RoleExample]] = field(default_factory=dict)
    sentences: dict[str, list[RoleExample]] = field(default_factory=dict)
    placeholder_kinds: dict[str, dict[str, int]] = field(default_factory=dict)
    outline: dict[str, Any] = field(default_factory=dict)
    speeches: list[dict[str, Any]] = field(default_factory=list)

    def representatives(
        self, role: Role, *, kind: Literal["paragraph", "sentence"] = "paragraph", top_n: int = 10
    ) -> list[RoleExample]:
        """The ``top_n`` most typical paragraphs (or sentences) of ``role``.

        Raises:
            ParameterError: Unknown role or kind, or ``top_n`` < 1.
        """
        if role not in ROLES:
            raise ParameterError("role", role, " | ".join(ROLES))
        if kind not in ("paragraph", "sentence"):
            raise ParameterError("kind", kind, "paragraph | sentence")
        if top_n < 1:
            raise ParameterError("top_n", top_n, "an integer >= 1")
        table = self.paragraphs if kind == "paragraph" else self.sentences
        return table.get(role, [])[:top_n]


def _kinds(p: Paragraph) -> tuple[str, ...]:
    return tuple(sorted({ph.kind for ph in p.placeholders}))


def rank_representatives(
    result: RoleResult, *, seed: int = 0, top_n: int = 30, lexicon: Lexicon | None = None
) -> StructureModel:
    """Rank representatives from a :class:`RoleResult` (on-topic speeches only).

    Paragraph score = cosine to the role's TF-IDF centroid × the role's emission
    probability; identical texts (verbatim repeats in compilations) are kept once.
    Sentence score = the paragraph score × (1 + the role's cue score of the sentence).
    """
    lex = lexicon or load_lexicon()
    matrix = result.matrix
    flat_roles = np.array([ROLES.index(r) for rs in result.roles for r in rs], dtype=int)
    conf = np.concatenate(result.confidence) if result.confidence else np.zeros(0)
    on_topic_rows = np.zeros(len(flat_roles), dtype=bool)
    for i, ok in enumerate(result.on_topic):
        on_topic_rows[result.offsets[i] : result.offsets[i + 1]] = bool(ok)
    refs = [(s, p) for s in result.speeches for p in s.paragraphs]
    paragraphs: dict[str, list[RoleExample]] = {}
    sentences: dict[str, list[RoleExample]] = {}
    kinds: dict[str, dict[str, int]] = {}
    for ri, role in enumerate(ROLES):
        rows = np.flatnonzero((flat_roles == ri) & on_topic_rows)
        counter: Counter[str] = Counter()
        for j in rows:
            counter.update(ph.kind for ph in refs[j][1].placeholders)
        kinds[role] = dict(sorted(counter.items()))
        if len(rows) == 0:
            paragraphs[role], sentences[role] = [], []
            continue
        sub = matrix[rows]
        centre = np.asarray(sub.mean(axis=0)).ravel()
        norm = np.linalg.norm(centre) or 1.0
        typical = np.asarray(sub @ centre).ravel() / norm if matrix.shape[1] else np.ones(len(rows))
        score = typical * conf[rows]
        seen: set[str] = set()
        para_out: list[RoleExample] = []
        sent_out: list[tuple[float, RoleExample]] = []
        for k in np.argsort(-score, kind="stable"):
            speech, p = refs[rows[k]]
            key = p.text.strip()
            if key in seen or len(key) < 8:
                continue
            seen.add(key)
            ex = RoleExample(role, p.text, speech.source, p.line, speech.id or 0, p.heading,
                             round(float(score[k]), 4), _kinds(p))  # fmt: skip
            if len(para_out) < top_n:
                para_out.append(ex)
            for sent in SENTENCE_RUN.findall(p.text):
                sent = sent.strip()
                if 10 <= len(sent) <= 120:
                    cue = float(lex.score(sent)[ri])
                    sent_kinds = tuple(
                        sorted({ph.kind for ph in p.placeholders if ph.text in sent})
                    )
                    sent_out.append((float(score[k]) * (1 + cue), RoleExample(
                        role, sent, speech.source, p.line, speech.id or 0, p.heading,
                        0.0, sent_kinds)))  # fmt: skip
            if len(para_out) >= top_n and len(sent_out) >= 20 * top_n:
                break
        paragraphs[role] = para_out
        sent_out.sort(key=lambda t: -t[0])
        uniq: list[RoleExample] = []
        sent_seen: set[str] = set()
        for sc, ex in sent_out:
            if ex.text not in sent_seen:
                sent_seen.add(ex.text)
                uniq.append(replace(ex, score=round(sc, 4)))
            if len(uniq) >= top_n:
                break
        sentences[role] = uniq
    speeches = [
        {
            "id": s.id,
            "source": s.source,
            "first_line": s.first_line,
            "on_topic": bool(result.on_topic[i]),
            "topic_score": round(float(result.topic_score[i]), 3),
            "roles": list(result.roles[i]),
        }
        for i, s in enumerate(result.speeches)
    ]
    return StructureModel(seed, paragraphs, sentences, kinds, build_outline(result), speeches)


def save_roles(corpus: Corpus, speeches: list[Speech], result: RoleResult) -> None:
    """Write roles and topic flags into the corpus store (``paragraphs.role``,
    ``speeches.on_topic``/``topic_score``), in one transaction; nothing without a store.

    Raises:
        StoreError: A speech has no row in the store.
    """
    store = corpus.store
    if store is None:
        return
    rows: list[SpeechRoles] = []
    for i, s in enumerate(speeches):
        row = corpus.speech_row_id(s.id) if s.id is not None else None
        if row is None:
            raise StoreError(f"speech {s.id} of {s.source} has no row in {store.path}; re-ingest")
        on_topic, score = bool(result.on_topic[i]), float(result.topic_score[i])
        rows.append(SpeechRoles(row, on_topic, score, result.roles[i]))
    store.set_roles(rows)


def learn_structure(
    corpus: Corpus,
    *,
    seed: int = 0,
    lexicon: Lexicon | None = None,
    config: RoleConfig | None = None,
    top_n: int = 30,
    save: bool = True,
) -> StructureModel:
    """Learn the structure of a corpus; save its roles in the corpus store when there is one.

    Args:
        corpus: A :class:`speechkit.corpus.Corpus` (from ``open_corpus``).
        seed: Seed of the clustering.
        lexicon: Role cue lexicon (default: bundled).
        config: Role model weights.
        top_n: Representatives kept per role.
        save: Write the roles and topic flags into ``corpus.store`` (:func:`save_roles`).

    Returns:
        The :class:`StructureModel`; paragraphs of ``corpus.speeches()`` get their ``role``.
    """
    speeches = corpus.speeches()
    result = assign_roles(speeches, seed=seed, lexicon=lexicon, config=config)
    model = rank_representatives(result, seed=seed, top_n=top_n, lexicon=lexicon)
    if save:
        save_roles(corpus, speeches, result)
    return model
