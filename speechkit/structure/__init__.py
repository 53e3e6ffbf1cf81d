"""Paragraph roles and the corpus outline of mobilization speeches.

``assign_roles`` labels every paragraph (opening · significance · situation · tasks ·
safeguards · closing) from a cue lexicon, heading sections, position and TF-IDF
clusters decoded with Viterbi; ``learn_structure`` also ranks representatives per
role and saves the roles and topic flags in the corpus store. ``run`` is the entry the
``speechkit structure`` command calls, ``output`` its JSON and table forms.
"""

from speechkit.structure.learn import RoleExample, StructureModel, learn_structure
from speechkit.structure.lexicon import Lexicon, load_lexicon
from speechkit.structure.outline import build_outline
from speechkit.structure.roles import RoleConfig, RoleResult, assign_roles

__all__ = [
    "Lexicon",
    "RoleConfig",
    "RoleExample",
    "RoleResult",
    "StructureModel",
    "assign_roles",
    "build_outline",
    "learn_structure",
    "load_lexicon",
]
