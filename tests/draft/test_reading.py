"""What a reader of the example drafts found (2026-12-01), kept as properties of every draft.

Each pattern here is written from the reading, independently of the rules in
``speechkit.claims.resources``: a paragraph that says the same honour twice in the words of two
范文, a facility the place may not have (地铁站), a problem of the corpus city stated as fact
before an instruction (目前X市…还不够多，要…), a campaign stage past mobilization (由攻坚期向
常态化转变), a dated 提法 (社会主义荣辱观), and a list of sub-points whose items read differently
(第五，要努力… among 第一，抓好…).
"""

from __future__ import annotations

import re

from speechkit.model import Draft
from speechkit.profile import Profile
from speechkit.zh import split_sentences

HONOUR = re.compile(r"最高荣誉|含金量最高|最具含金量|含金量很高")
FACILITY = re.compile(r"地铁|轻轨|机场|高铁|港口|码头")
PROBLEM_THEN_ORDER = re.compile(r"目前[^，。]{0,24}(?:还不够|不够多|不足|缺乏)[^。]*，[^。]*要")
STAGE = re.compile(r"攻坚期向常态|已达标的")
DATED = re.compile(r"荣辱观|八荣八耻")



def test_a_paragraph_says_the_honour_once(case: tuple[Profile, Draft]) -> None:
    _profile, d = case
    for p in d.paragraphs:
        hits = [s for s in split_sentences(p.text) if HONOUR.search(s)]
        assert len(hits) <= 1, hits


def test_no_fact_of_the_corpus_city(case: tuple[Profile, Draft]) -> None:
    profile, d = case
    said = " ".join(
        [*profile.achievements, *profile.problems, *profile.priorities]
        + [f"{k}{v}" for k, v in profile.figures.items()]
    )
    text = "\n".join(p.text for p in d.paragraphs)
    for pattern in (FACILITY, PROBLEM_THEN_ORDER, STAGE, DATED):
        for m in pattern.finditer(text):
            assert m.group(0) in said, m.group(0)


def test_sub_point_leads_read_alike(case: tuple[Profile, Draft]) -> None:
    _profile, d = case
    digits = "一二三四五六七八九十"
    ordinal = re.compile(rf"^(?:[{digits}]+是|第[{digits}]+[，、]|（[{digits}]+）)")
    leads = [ordinal.sub("", p.lead) for p in d.paragraphs if p.lead]
    assert leads
    assert not [lead for lead in leads if lead.startswith("要")], leads


def test_no_sub_point_is_a_bare_lead(case: tuple[Profile, Draft]) -> None:
    # 第二，强化督查考核，严格问责问效。 with nothing under it, among developed sub-points.
    _profile, d = case
    bare = [p.text for p in d.paragraphs if p.lead and p.text.strip() == p.lead.strip()]
    assert not bare, bare
