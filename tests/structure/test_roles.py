"""Role assignment: quality on the hand labels, order, heading propagation, determinism."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from speechkit.model import Paragraph, Speech
from speechkit.structure import RoleConfig, assign_roles
from speechkit.structure.evaluate import evaluate, load_labels, position_baseline
from speechkit.structure.resources import ROLE_RANK

from .conftest import DATA


def test_coarse_macro_f1_on_hand_labels(seed_speeches, tokenizer):
    labels = load_labels(DATA / "roles.tsv")
    assert len(labels) >= 80
    assign_roles(seed_speeches, seed=0, tokenizer=tokenizer)
    scores = evaluate(seed_speeches, labels)
    assert scores.n_found == scores.n_labels
    assert scores.coarse_macro_f1 >= 0.85
    baseline = evaluate(seed_speeches, labels, predict=position_baseline)
    assert scores.coarse_macro_f1 > baseline.coarse_macro_f1 + 0.15


def test_own_speeches_in_other_wording(own_speeches, tokenizer):
    """Two speeches written for the tests (other topics, other words): roles still right."""
    labels = load_labels(DATA / "own_roles.tsv")
    assign_roles(own_speeches, seed=0, tokenizer=tokenizer)
    scores = evaluate(own_speeches, labels)
    assert scores.n_found == scores.n_labels
    assert scores.coarse_macro_f1 >= 0.85


def test_own_speeches_next_to_the_seeds(seed_speeches, own_speeches, tokenizer):
    labels = load_labels(DATA / "own_roles.tsv")
    assign_roles(seed_speeches + own_speeches, seed=0, tokenizer=tokenizer)
    assert evaluate(own_speeches, labels).coarse_macro_f1 >= 0.85


def test_roles_follow_the_order(seed_speeches, own_speeches, tokenizer):
    result = assign_roles(seed_speeches + own_speeches, seed=0, tokenizer=tokenizer)
    monotone = 0
    for roles in result.roles:
        # opening only as a prefix, closing only as a suffix
        first_other = next((i for i, r in enumerate(roles) if r != "opening"), len(roles))
        assert "opening" not in roles[first_other:]
        if "closing" in roles:
            assert set(roles[roles.index("closing") :]) == {"closing"}
        ranks = [ROLE_RANK[r] for r in roles]
        monotone += all(b >= a for a, b in itertools.pairwise(ranks))
    assert monotone >= 0.9 * len(result.roles)


def test_section_heading_role_passes_to_its_paragraphs(tokenizer):
    """Paragraphs without any cue word take the role of the 一、… heading above them."""
    texts = [
        "同志们：",
        "今天召开会议，下面我讲三点意见。",
        "一、提高思想认识，充分认识这项工作的重要意义",
        "这件事关系到每一位居民的日常起居。",
        "二、突出重点任务，打好专项整治攻坚战",
        "街巷里的杂物要一处一处清走，路灯要一盏一盏修好。",
        "河道两岸的垃圾要按周清运。",
        "三、加强组织领导，强化督查考核",
        "街道和社区的同志要天天到现场看一看。",
        "同志们，让我们共同努力！",
    ]
    paras = [Paragraph(t, i + 1, i + 1) for i, t in enumerate(texts)]
    for p in paras:
        if p.text[:2] in ("一、", "二、", "三、"):
            p.heading, p.level, p.marker = p.text, 1, p.text[:2]
    speech = Speech("t.txt", 1, len(texts), None, paras, id=1)
    result = assign_roles([speech], seed=0, tokenizer=tokenizer)
    assert result.roles[0] == [
        "opening", "opening",
        "significance", "significance",
        "tasks", "tasks", "tasks",
        "safeguards", "safeguards",
        "closing",
    ]  # fmt: skip


def test_sections_of_the_seeds_share_their_heading_role(seed_speeches, tokenizer):
    assign_roles(seed_speeches, seed=0, tokenizer=tokenizer)
    same = total = 0
    for speech in seed_speeches:
        current = None
        for p in speech.paragraphs:
            if p.level == 1:
                current = p.role
            elif current is not None and p.role != "closing":
                total += 1
                same += p.role == current
    assert total > 50 and same / total >= 0.8


@pytest.mark.parametrize("seed", [0, 7])
def test_same_seed_same_roles(seed, seed_speeches, fresh_seed_speeches, tokenizer):
    a = assign_roles(seed_speeches, seed=seed, tokenizer=tokenizer)
    b = assign_roles(fresh_seed_speeches(), seed=seed, tokenizer=tokenizer)
    assert a.roles == b.roles
    assert np.array_equal(a.clustering.labels, b.clustering.labels)
    assert np.allclose(a.topic_score, b.topic_score)


def test_every_paragraph_gets_a_role(seed_speeches, tokenizer):
    assign_roles(seed_speeches, seed=0, tokenizer=tokenizer)
    assert all(p.role is not None for s in seed_speeches for p in s.paragraphs)


def test_tiny_and_empty_inputs(tokenizer):
    assert assign_roles([], tokenizer=tokenizer).roles == []
    one = Speech("a.txt", 1, 1, None, [Paragraph("同志们：", 1, 1)], id=1)
    assert assign_roles([one], tokenizer=tokenizer).roles == [["opening"]]


def test_config_is_checked():
    from speechkit.errors import ParameterError

    with pytest.raises(ParameterError, match="invalid section_weight -1"):
        RoleConfig(section_weight=-1)
