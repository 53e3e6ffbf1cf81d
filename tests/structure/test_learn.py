"""The learned structure: representatives per role, saved in the store for drafting."""

from __future__ import annotations

import pytest

from speechkit.corpus import open_corpus
from speechkit.errors import ParameterError
from speechkit.structure import StructureModel, learn
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


def test_learn_saves_roles_topic_and_model(stored):
    model = learn(stored, seed=0)
    conn = stored.store.conn
    roles = conn.execute("SELECT role FROM paragraphs ORDER BY speech_id, seq").fetchall()
    assert roles and all(r[0] in ROLES for r in roles)
    topic = conn.execute("SELECT on_topic, topic_score FROM speeches").fetchall()
    assert all(t[0] in (0, 1) and t[1] is not None for t in topic)
    loaded = StructureModel.load(stored.store)
    assert loaded is not None
    assert loaded.to_json() == model.to_json()


def test_representatives(stored):
    model = learn(stored, seed=0, save=False)
    tasks = model.representatives("tasks", top_n=3)
    assert 1 <= len(tasks) <= 3 and all(ex.role == "tasks" for ex in tasks)
    assert [ex.score for ex in tasks] == sorted((ex.score for ex in tasks), reverse=True)
    closing = model.representatives("closing", unit="sentence", top_n=2)
    assert closing and all(len(ex.text) <= 120 for ex in closing)
    assert StructureModel.load(stored.store) is None  # save=False wrote nothing


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"role": "ending"}, "invalid role 'ending'"),
        ({"role": "tasks", "unit": "word"}, "invalid unit 'word'"),
        ({"role": "tasks", "top_n": 0}, "invalid top_n 0"),
    ],
)
def test_representatives_checks_arguments(stored, kwargs, message):
    model = learn(stored, seed=0, save=False)
    with pytest.raises(ParameterError, match=message):
        model.representatives(**kwargs)


def test_in_memory_corpus_is_not_saved():
    corpus = open_corpus([DATA / "own_1.txt"])
    model = learn(corpus, seed=0)
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
