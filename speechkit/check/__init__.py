"""The reviewer (审稿): what an editor would mark in a draft, by paragraph and sentence.

:func:`speechkit.check.run.check_files` reads drafts (.docx, .txt, .md) and reviews each with
:func:`speechkit.check.review.review` against its profile and the corpus bank; the claim rules
it applies are those of :mod:`speechkit.claims`, which drafting uses too, so a draft checks
itself with the same reviewer (:mod:`speechkit.draft.compose`).
"""
