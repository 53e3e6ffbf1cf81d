"""The ``speechkit draft`` entry: a profile file and a corpus to a :class:`~speechkit.model.Draft`.

Its output forms (JSON, a written .docx/.pdf/.md/.txt) are in :mod:`speechkit.draft.output`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from speechkit.errors import InputError
from speechkit.model import Draft
from speechkit.types import PathLike

if TYPE_CHECKING:
    from speechkit.bank.build import CorpusModel

__all__ = ["campaign_warning", "draft_from_file", "length_warning"]


def draft_from_file(
    profile_path: PathLike,
    *,
    corpus: Sequence[PathLike] = (),
    db: PathLike | None = None,
    seed: int | None = None,
    templates_dir: PathLike | None = None,
    use_cache: bool = True,
    warn: Callable[[str], None] | None = None,
) -> Draft:
    """Load a profile and the corpus model, and compose the draft.

    Args:
        profile_path: The YAML profile.
        corpus: Corpus files or folders (default: the bundled corpus).
        db: SQLite store to read the corpus from.
        seed: Overrides the profile's ``seed``.
        templates_dir: Folder of the user's own templates.
        use_cache: Use the on-disk corpus-model cache.
        warn: Receives one-line warnings.

    Raises:
        InputError: Both ``corpus`` and ``db`` are given (they are alternatives).
        ProfileError, TemplateError, InputError, StoreError: With a message naming file and line.
    """
    from speechkit.bank.build import load_model
    from speechkit.draft.compose import draft
    from speechkit.profile import load_profile

    if corpus and db is not None:
        # Both at once used to draft from `corpus` and silently ignore `db`.
        raise InputError(
            "--corpus and --db are alternatives: draft from files (--corpus PATH) or from a "
            "store (--db FILE); to use files kept in a store, run 'speechkit ingest PATH --db "
            "FILE' first, then draft with --db FILE"
        )
    profile = load_profile(profile_path)  # profile errors first: they are the user's quickest fix
    if templates_dir is not None and not Path(templates_dir).is_dir():
        from speechkit.errors import TemplateError

        raise TemplateError(f"{templates_dir}: templates folder not found; check --templates")
    model = load_model(corpus, db=db, use_cache=use_cache, warn=warn)
    result = draft(profile, model, seed=seed, templates_dir=templates_dir)
    if warn is not None:
        for message in (campaign_warning(profile.campaign, model), length_warning(result.stats)):
            if message is not None:
                warn(message)
    return result


def campaign_warning(campaign: str, model: CorpusModel) -> str | None:
    """The one-line warning for a corpus with no speech of the profile's campaign, else ``None``.

    A folder of 安全生产 speeches gives a 创文 draft its 隐患排查: the writer should know the
    corpus says nothing about the campaign. Campaigns ``campaigns.yaml`` does not know are
    not judged.
    """
    from speechkit.claims.terms import campaigns
    from speechkit.draft.select import campaign_topic

    families = campaigns().families_of(campaign)
    # the centroid drafting already made (cached): its paragraphs are the campaign's speeches'
    if not families or campaign_topic(model, families).members:
        return None
    return (
        f"no speech of the corpus is about {campaign} (none names it or its campaign more "
        "than another); the draft's corpus text comes from other campaigns' 范文 — add "
        f"speeches about {campaign} with --corpus"
    )


def length_warning(stats: dict[str, Any]) -> str | None:
    """The one-line warning for a draft outside the length requirement, else ``None``.

    Examples:
        >>> print(length_warning({"chars": 1550, "target_length": 4000, "length_ok": False}))
        the corpus gave only 1550 of the 4000 characters asked for (-61 %); add more 范文 with \
--corpus or lower length in the profile
        >>> length_warning({"chars": 4100, "target_length": 4000, "length_ok": True}) is None
        True
    """
    if stats.get("length_ok", True):
        return None
    chars, target = int(stats["chars"]), int(stats["target_length"])
    change = round(100 * (chars - target) / target)
    if chars < target:
        return (
            f"the corpus gave only {chars} of the {target} characters asked for ({change} %); "
            "add more 范文 with --corpus or lower length in the profile"
        )
    return f"the draft has {chars} characters, {target} asked for (+{change} %)"
