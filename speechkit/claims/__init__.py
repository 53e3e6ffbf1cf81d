"""What a sentence claims: the rules drafting and checking share.

A corpus sentence may enter a draft only when it claims nothing about a particular place,
meeting or past (:mod:`speechkit.claims.analysis`); the cue patterns are in
:mod:`speechkit.claims.resources`, and the data users extend — set phrases, words that name
nobody, dated 提法, campaign families — are read by :mod:`speechkit.claims.terms`. The sentence
bank labels the corpus with these rules (:mod:`speechkit.bank`), drafting adapts sentences by
them (:mod:`speechkit.draft`) and the reviewer reports by them (:mod:`speechkit.check`).
"""

from speechkit.claims.analysis import Claim, Label, Span, classify, mask_idioms, strip_opener

__all__ = ["Claim", "Label", "Span", "classify", "mask_idioms", "strip_opener"]
