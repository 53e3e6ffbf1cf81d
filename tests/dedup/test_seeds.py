"""Quality on the bundled seeds and on the generated variant set (speechkit/dedup/variants.py)."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

import pytest

from speechkit.corpus import open_corpus
from speechkit.dedup import DedupConfig, build_units, find_duplicates
from speechkit.dedup.normalize import normalize
from speechkit.dedup.shingle import shingles
from speechkit.dedup.variants import distinct_speeches, make_variants, pair_scores
from speechkit.dedup.verify import jaccard


@pytest.fixture(scope="module")
def documents():  # type: ignore[no-untyped-def]
    with open_corpus(warn=lambda _m: None) as corpus:
        return corpus.documents


def test_speech_level_finds_the_known_repeats_and_nothing_else(documents) -> None:  # type: ignore[no-untyped-def]
    units = build_units(documents, "speech")
    clusters = find_duplicates([u.text for u in units])
    groups = sorted((sorted(units[m].text for m in c.members) for c in clusters), key=len)
    assert [len(g) for g in groups] == [2, 3]
    sanitary, year_end = groups
    assert all(t.removeprefix("同志们：\n").startswith("临近年终") for t in year_end)
    assert all("创卫" in t and "十六届五中全会" in t for t in sanitary)


def test_paragraph_level_finds_every_verbatim_repeat(documents) -> None:  # type: ignore[no-untyped-def]
    # "Repeated paragraph": the same text twice or more with at least min_chars (20) normalized
    # characters. Shorter ones (同志们：, 同志们、朋友们！, headings) are left out by design and
    # must be in no group at all.
    config = DedupConfig()
    units = build_units(documents, "paragraph")
    clusters = find_duplicates([u.text for u in units], config=config)
    group_of = {m: g for g, c in enumerate(clusters) for m in c.members}
    copies: dict[str, list[int]] = defaultdict(list)
    for k, unit in enumerate(units):
        copies[unit.text.strip()].append(k)
    repeated = [ks for ks in copies.values() if len(ks) > 1]
    long = [ks for ks in repeated if len(normalize(units[ks[0]].text)) >= config.min_chars]
    short = [ks for ks in repeated if len(normalize(units[ks[0]].text)) < config.min_chars]
    assert long and short  # the seeds repeat whole speeches, and salutations everywhere
    for ks in long:
        assert ks[0] in group_of
        assert {group_of.get(k) for k in ks} == {group_of[ks[0]]}
    for k in group_of:
        assert len(normalize(units[k].text)) >= config.min_chars


def test_paragraphs_sharing_only_a_stock_sentence_stay_apart(documents) -> None:  # type: ignore[no-untyped-def]
    units = build_units(documents, "paragraph")
    clusters = find_duplicates([u.text for u in units])
    group_of = {m: g for g, c in enumerate(clusters) for m in c.members}
    sentences: dict[str, set[int]] = defaultdict(set)
    for k, unit in enumerate(units):
        for sentence in re.split(r"[。！？；]", unit.text):
            if len(normalize(sentence)) >= 12:
                sentences[normalize(sentence)].add(k)
    checked = 0
    for ks in sentences.values():
        for a, b in itertools.combinations(sorted(ks), 2):
            sa, sb = shingles(normalize(units[a].text)), shingles(normalize(units[b].text))
            if jaccard(sa, sb) < 0.5:  # share a sentence, otherwise different
                checked += 1
                assert a not in group_of or group_of.get(b) != group_of[a]
    assert checked > 0


def test_generated_variants_precision_and_recall(documents) -> None:  # type: ignore[no-untyped-def]
    speeches = distinct_speeches([s for d in documents for s in d.speeches])
    config = DedupConfig()
    precision, recall, reachable = [], [], []
    for seed in range(10):
        variants = make_variants(speeches, per_family=5, seed=seed)
        clusters = find_duplicates([v.text for v in variants], config=config)
        p, r = pair_scores(variants, [c.members for c in clusters])
        precision.append(p)
        recall.append(r)
        group = {m: g for g, c in enumerate(clusters) for m in c.members}
        sets = [shingles(normalize(v.text)) for v in variants]
        for a, b in itertools.combinations(range(len(variants)), 2):
            if variants[a].family == variants[b].family and jaccard(sets[a], sets[b]) >= 0.8:
                reachable.append(a in group and group.get(b) == group[a])
    assert sum(precision) / 10 >= 0.95
    assert sum(recall) / 10 >= 0.95
    assert all(reachable)  # every same-family pair with true Jaccard >= 0.8 is found
