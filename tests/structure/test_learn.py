"""The learned structure: representatives per role; roles and topic flags saved in the store."""

from __future__ import annotations

import pytest

from speechkit.corpus import open_corpus
from speechkit.errors import ParameterError
from speechkit.structure import learn_structure
from speechkit.structure.outline import build_outline, compress
from speechkit.structure.roles import assign_roles
from speechkit.types import ROLES

from .conftest import DATA


@pytest.fixture
def stored(tmp_path):
    db = tmp_path / "c.db"
    corpus = open_corpus([DATA / "own_1.txt", DATA / "own_2.txt"], db=db)
    yield corpus
    corpus.close()


def test_learn_saves_roles_and_topic(stored):
    model = learn_structure(stored, seed=0)
    conn = stored.store.conn
    roles = conn.execute("SELECT role FROM paragraphs ORDER BY speech_id, seq").fetchall()
    assert roles and all(r[0] in ROLES for r in roles)
    assert [r[0] for r in roles] == [r for s in model.speeches for r in s["roles"]]
    topic = conn.execute("SELECT on_topic, topic_score FROM speeches ORDER BY id").fetchall()
    assert all(t[0] in (0, 1) and t[1] is not None for t in topic)
    assert [bool(t[0]) for t in topic] == [s["on_topic"] for s in model.speeches]
    # Reading the store again gives every later reader the saved roles.
    with open_corpus(db=stored.store.path) as again:
        reread = [p.role for s in again.speeches() for p in s.paragraphs]
    assert reread == [r[0] for r in roles]


def test_representatives(stored):
    model = learn_structure(stored, seed=0, save=False)
    tasks = model.representatives("tasks", top_n=3)
    assert 1 <= len(tasks) <= 3 and all(ex.role == "tasks" for ex in tasks)
    assert [ex.score for ex in tasks] == sorted((ex.score for ex in tasks), reverse=True)
    closing = model.representatives("closing", kind="sentence", top_n=2)
    assert closing and all(len(ex.text) <= 120 for ex in closing)
    saved = stored.store.conn.execute("SELECT count(*) FROM paragraphs WHERE role IS NOT NULL")
    assert saved.fetchone()[0] == 0  # save=False wrote nothing


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"role": "ending"}, "invalid role 'ending'"),
        ({"role": "tasks", "kind": "word"}, "invalid kind 'word'"),
        ({"role": "tasks", "top_n": 0}, "invalid top_n 0"),
    ],
)
def test_representatives_checks_arguments(stored, kwargs, message):
    model = learn_structure(stored, seed=0, save=False)
    with pytest.raises(ParameterError, match=message):
        model.representatives(**kwargs)


def test_in_memory_corpus_is_not_saved():
    corpus = open_corpus([DATA / "own_1.txt"])
    model = learn_structure(corpus, seed=0)
    assert corpus.store is None and model.speeches[0]["roles"][-1] == "closing"


def test_outline_of_the_seeds(seed_speeches, tokenizer):
    result = assign_roles(seed_speeches, seed=0, tokenizer=tokenizer)
    outline = build_outline(result)
    assert outline["typical_sequence"][0] == "opening"
    assert outline["typical_sequence"].index("tasks") < outline["typical_sequence"].index(
        "safeguards"
    )
    assert 0 < outline["speeches_following"] <= outline["speeches"] < len(seed_speeches)
    roles = {r["role"]: r for r in outline["roles"]}
    assert roles["tasks"]["speeches"] >= 0.8 * outline["speeches"]
    assert roles["significance"]["usual_place"] == "first"
    assert all(c["role"] in ROLES and c["top_terms"] for c in outline["clusters"])
    assert sum(c["size"] for c in outline["clusters"]) == sum(
        len(s.paragraphs) for s in seed_speeches
    )


def test_compress():
    assert compress(["opening", "opening", "tasks", "closing", "closing"]) == [
        "opening",
        "tasks",
        "closing",
    ]
