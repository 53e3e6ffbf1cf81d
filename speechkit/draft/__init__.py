"""Drafting: a speech from a YAML city profile, the mined structure, Jinja templates and the corpus.

Heavy libraries (jieba, scikit-learn, jinja2) load only when a function needs them.

Examples:
    >>> from speechkit.draft import parse_profile
    >>> parse_profile("city: 松阳县\\ncampaign: 国家卫生县城\\nmeeting: {type: 部署会}\\n"
    ...               "speaker: {title: 县长}").level
    '县'
"""

from speechkit.bank.build import CorpusModel, build_bank, load_model
from speechkit.bank.originality import MAX_SHARE, shares
from speechkit.draft.compose import draft
from speechkit.draft.example import EXAMPLE_PROFILE, write_example_profile
from speechkit.draft.output import draft_to_json, write_draft
from speechkit.draft.plan import plan_sections
from speechkit.draft.run import draft_from_file
from speechkit.model import Draft, DraftParagraph, SourceRef
from speechkit.profile import MEETING_TYPES, Profile, load_profile, parse_profile

__all__ = [
    "EXAMPLE_PROFILE",
    "MAX_SHARE",
    "MEETING_TYPES",
    "CorpusModel",
    "Draft",
    "DraftParagraph",
    "Profile",
    "SourceRef",
    "build_bank",
    "draft",
    "draft_from_file",
    "draft_to_json",
    "load_model",
    "load_profile",
    "parse_profile",
    "plan_sections",
    "shares",
    "write_draft",
    "write_example_profile",
]
