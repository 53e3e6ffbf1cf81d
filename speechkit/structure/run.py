"""The ``speechkit structure`` entry: the structure report of an opened corpus.

Its JSON and table forms are in :mod:`speechkit.structure.output`, the role map in
:mod:`speechkit.render.role_map`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from speechkit.structure.output import speech_dict
from speechkit.types import PathLike

if TYPE_CHECKING:
    from speechkit.corpus import Corpus

__all__ = ["structure_report"]


def structure_report(
    corpus: Corpus,
    *,
    roles: bool = False,
    seed: int = 0,
    role_cues: Sequence[PathLike] = (),
) -> dict[str, Any]:
    """The structure report of a corpus (from :func:`speechkit.corpus.open_corpus`).

    Args:
        corpus: The corpus.
        roles: Also learn the structure (:func:`speechkit.structure.learn_structure`; the
            roles and topic flags are saved in the corpus store, when there is one): fill each
            paragraph's ``role``, add ``on_topic`` and ``topic_score`` per speech and the
            corpus ``outline``.
        seed: Seed of the role clustering.
        role_cues: User role-cue files added to the bundled lexicon.

    Returns:
        ``{"speeches": [...]}`` as described in :mod:`speechkit.structure.output` (plus
        ``"outline"``).

    Examples:
        >>> from speechkit.corpus import Corpus
        >>> from speechkit.model import Document, Paragraph, Speech
        >>> speech = Speech("a.txt", 1, 2, "讲话", [Paragraph("同志们：", 1, 1)])
        >>> doc = Document("a.txt", None, "utf-8", [], speeches=[speech])
        >>> report = structure_report(Corpus([doc]))
        >>> report["speeches"][0]["id"], report["speeches"][0]["paragraphs"][0]["role"]
        (1, None)
    """
    if not roles:
        return {"speeches": [speech_dict(s) for s in corpus.speeches()]}
    from speechkit.structure.learn import learn_structure
    from speechkit.structure.lexicon import load_lexicon

    model = learn_structure(corpus, seed=seed, lexicon=load_lexicon(role_cues))
    speeches = []
    for speech, info in zip(corpus.speeches(), model.speeches, strict=True):
        entry = speech_dict(speech)
        entry["on_topic"] = info["on_topic"]
        entry["topic_score"] = info["topic_score"]
        speeches.append(entry)
    return {"speeches": speeches, "outline": model.outline}
