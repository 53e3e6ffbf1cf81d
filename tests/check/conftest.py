"""Drafts of the example profiles, reviewed as `speechkit check` would see them."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.bank.build import CorpusModel, load_model
from speechkit.check.review import Facts, Paragraph, facts_from_profile
from speechkit.draft.compose import draft
from speechkit.profile import load_profile

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.fixture(scope="session")
def corpus_model() -> CorpusModel:
    return load_model()


@pytest.fixture(scope="session")
def example_drafts(corpus_model: CorpusModel) -> dict[str, tuple[list[Paragraph], Facts]]:
    out = {}
    for path in EXAMPLES:
        profile = load_profile(path)
        result = draft(profile, corpus_model)
        paragraphs = [
            Paragraph(p.text, heading=p.kind == "heading", lead=p.lead) for p in result.paragraphs
        ]
        out[path.stem] = (paragraphs, facts_from_profile(profile))
    return out


#: A city profile for the command-line cases of one made-up draft (local documents, positioning).
MADE_UP_PROFILE: dict[str, object] = {
    "city": "北塘市",
    "campaign": "全国文明城市",
    "meeting": {"type": "动员会", "date": "2027-03-01"},
    "speaker": {"title": "市委书记"},
    "priorities": ["背街小巷环境整治"],
    "length": 3000,
}


def check_findings(tmp_path: Path, profile: dict[str, object], text: str) -> list[dict[str, str]]:
    """The JSON findings of ``speechkit check`` on draft ``text`` with ``profile``."""
    import json

    import yaml
    from click.testing import CliRunner

    from speechkit.cli import cli

    (tmp_path / "p.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), "utf-8")
    (tmp_path / "稿.txt").write_text(text, "utf-8")
    args = ["check", str(tmp_path / "稿.txt"), "--profile", str(tmp_path / "p.yaml")]
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, str]] = json.loads(result.output)["findings"]
    return findings
