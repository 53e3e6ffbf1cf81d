"""The sentence bank of a corpus: what drafting reuses and what checking measures copying by.

:mod:`speechkit.bank.build` builds (and caches) the bank — every usable corpus paragraph with
its role, lead, sentences and their claim labels, and the TF-IDF for relevance;
:mod:`speechkit.bank.originality` indexes the corpus's 13-grams and tells the share of a text
copied from any one speech. Drafting (:mod:`speechkit.draft`) and the reviewer
(:mod:`speechkit.check`) both read it; it depends on neither.
"""

from speechkit.bank.build import MODEL_PARTS, BankParagraph, CorpusModel, build_bank, load_model
from speechkit.bank.originality import MAX_SHARE, GramIndex, shares

__all__ = [
    "MAX_SHARE",
    "MODEL_PARTS",
    "BankParagraph",
    "CorpusModel",
    "GramIndex",
    "build_bank",
    "load_model",
    "shares",
]
