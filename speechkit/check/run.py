"""`speechkit check`: review draft files against a profile and a corpus (the library entry).

Exit status is a linter's: 0 clean, 1 problems found, 2 the check could not run
(:data:`EXIT_CLEAN`, :data:`EXIT_FINDINGS`, :data:`EXIT_ERROR`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from speechkit.check.read import read_draft
from speechkit.check.review import (
    Facts,
    Paragraph,
    Report,
    facts_from_profile,
    facts_from_title,
    review,
)
from speechkit.errors import ParameterError
from speechkit.types import PathLike

if TYPE_CHECKING:
    from speechkit.bank.build import CorpusModel
    from speechkit.model import Draft
    from speechkit.profile import Profile
    from speechkit.tokenize.base import Tokenizer

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "check_draft", "check_files"]

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def check_files(
    drafts: Sequence[PathLike],
    *,
    profile: PathLike | None = None,
    corpus: Sequence[PathLike] = (),
    db: PathLike | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[Report]:
    """Review each draft file.

    Args:
        drafts: Draft files (.docx, .txt, .md).
        profile: The YAML profile the draft was written for; without one, the place, level,
            campaign and date are read off the draft's title and dateline, and every specific
            claim is listed for the writer to verify.
        corpus: Corpus files or folders the draft may have been copied from (default: the
            bundled corpus).
        db: A store to read the corpus from instead.
        warn: Receives one-line warnings from reading the corpus.

    Raises:
        InputError, ProfileError, StoreError, ParameterError: The check cannot run; the message
            names the file (and line or key).
    """
    from speechkit.bank.build import load_model
    from speechkit.profile import load_profile

    if corpus and db is not None:
        raise ParameterError("corpus options", "--corpus and --db", "one of --corpus or --db")
    texts = [read_draft(path) for path in drafts]  # bad drafts first: the quickest fix
    given: Facts | None = facts_from_profile(load_profile(profile)) if profile else None
    model = load_model(list(corpus), db=db, warn=warn)
    reports = []
    for text in texts:
        facts = given or facts_from_title(text.title, text.dateline)
        report = review(text.paragraphs, facts=facts, model=model, source=text.source)
        report.findings = [replace(f, line=text.lines[f.paragraph - 1]) for f in report.findings]
        reports.append(report)
    return reports


def check_draft(
    draft: Draft,
    profile: Profile,
    model: CorpusModel,
    *,
    tokenizer: Tokenizer | None = None,
    source: str = "draft",
) -> Report:
    """Review a draft object (a composed or edited draft) against its profile.

    The draft stage checks its own output with this, and ``speechkit serve`` re-checks a draft
    after the writer edits or swaps a paragraph.
    """
    paragraphs = [
        Paragraph(p.text, heading=p.kind == "heading", lead=p.lead) for p in draft.paragraphs
    ]
    return review(
        paragraphs,
        facts=facts_from_profile(profile),
        model=model,
        tokenizer=tokenizer,
        source=source,
    )
