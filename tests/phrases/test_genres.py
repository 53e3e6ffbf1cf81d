"""Genres: a record's field, a title rule or a speech's folder; one genre ranked against the
others (``G``)."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.corpus import open_corpus
from speechkit.errors import InputError
from speechkit.phrases import Phrase, PhraseConfig, extract_phrases, run_phrases
from speechkit.phrases.genres import assign_genres, load_genre_rules

CITY = [
    "同志们：今年要全面整治背街小巷，做到齐抓共管，让农贸市场干净整洁。",
    "同志们：背街小巷是城市的窗口，各部门要齐抓共管，规范农贸市场秩序。",
    "同志们：抓好背街小巷改造，坚持齐抓共管，农贸市场要达到标准。",
    "同志们：背街小巷整治还有短板，必须齐抓共管，农贸市场要常态管理。",
]
SAFETY = [
    "同志们：要扎实开展隐患排查治理，落实一岗双责，各方面齐抓共管。",
    "同志们：隐患排查治理不能走过场，一岗双责要落到实处，齐抓共管形成合力。",
    "同志们：深化隐患排查治理，压紧一岗双责，坚持齐抓共管。",
    "同志们：隐患排查治理要闭环，严格一岗双责，真正做到齐抓共管。",
]


@pytest.fixture()
def two_genres(tmp_path: Path) -> Path:
    for name, texts in (("创文", CITY), ("安全生产", SAFETY)):
        folder = tmp_path / name
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_shared_phrase_loses_half_its_score_against_the_other_genre(two_genres: Path) -> None:
    config = PhraseConfig(tokenizer="jieba", top_n=20)
    alone = extract_phrases(open_corpus([two_genres / "创文"]).speeches(), config=config)
    both = open_corpus([two_genres]).speeches()
    against = extract_phrases(both, config=PhraseConfig(tokenizer="jieba", top_n=20, genre="创文"))
    before = {p.phrase: p.score for p in alone}
    after = {p.phrase: p.score for p in against}
    assert {"背街小巷", "齐抓共管"} <= set(before) & set(after)
    # used in every speech of both genres: G = 1 − 0.5 · (4/4) / (4/4)
    assert after["齐抓共管"] == pytest.approx(before["齐抓共管"] / 2, rel=0.01)
    assert after["背街小巷"] == pytest.approx(before["背街小巷"], rel=0.01)  # this genre only
    assert "隐患排查治理" not in after  # the other genre's phrases are not ranked


def test_unknown_genre_names_the_genres(two_genres: Path) -> None:
    speeches = open_corpus([two_genres]).speeches()
    with pytest.raises(
        InputError, match="no speech of genre '民生'; the genres are 创文, 安全生产"
    ):
        extract_phrases(speeches, config=PhraseConfig(tokenizer="jieba", genre="民生"))


def test_title_rules_come_before_the_folder(tmp_path: Path) -> None:
    rules = tmp_path / "genres.tsv"
    rules.write_text("# genre, title keyword\n安全\t安全生产\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "在全市安全生产工作会议上的讲话\n\n同志们：要抓好隐患排查治理。\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("同志们：要抓好背街小巷整治。\n", encoding="utf-8")
    speeches = open_corpus([tmp_path / "a.txt", tmp_path / "b.txt"]).speeches()
    genres = assign_genres(speeches, load_genre_rules(rules))
    assert [genres.names[g] for g in genres.of] == ["安全", tmp_path.name]


def test_cli_genre_summary_and_errors(two_genres: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(
        cli, ["phrases", str(two_genres), "--genre", "安全生产", "--tokenizer", "jieba"]
    )
    assert ok.exit_code == 0, ok.output
    assert "Genres contrasted: 创文 (4 speeches), 安全生产 (4 speeches)." in ok.stderr
    assert "背街小巷" not in ok.stdout and "隐患排查治理" in ok.stdout
    bad = tmp_path / "bad.tsv"
    bad.write_text("安全 安全生产\n", encoding="utf-8")
    result = runner.invoke(
        cli, ["phrases", str(two_genres), "--genre", "安全", "--genre-rules", str(bad)]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {bad}: line 1: expected 'genre<TAB>title keyword', got '安全 安全生产'; "
        "separate the two with one tab\n"
    )
    usage = runner.invoke(cli, ["phrases", "--genre", "创文", "--by", "year"])
    assert usage.exit_code == 2 and "--genre ranks one genre" in usage.output


def _records_file(tmp_path: Path, kind: str, *, unlabelled: int = 0) -> Path:
    """CITY and SAFETY as records whose 类别 field names their genre; the first ``unlabelled``
    SAFETY records have no 类别."""
    rows = [(text, "创文") for text in CITY]
    rows += [(text, "" if i < unlabelled else "安全生产") for i, text in enumerate(SAFETY)]
    folder = tmp_path / "records" / "语料"  # beside, not in, the folders of two_genres
    folder.mkdir(parents=True)
    if kind == "jsonl":
        path = folder / "讲话.jsonl"
        lines = [
            json.dumps({"text": text, **({"类别": genre} if genre else {})}, ensure_ascii=False)
            for text, genre in rows
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path = folder / "讲话.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["类别", "text"])
            writer.writerows([genre, text] for text, genre in rows)
    return path


def _ranked(phrases: list[Phrase]) -> list[tuple[str, float, int, int]]:
    return [(p.phrase, p.score, p.count, p.docs) for p in phrases]


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_genre_field_ranks_as_folders_do(two_genres: Path, tmp_path: Path, kind: str) -> None:
    path = _records_file(tmp_path, kind)
    config = PhraseConfig(tokenizer="jieba", top_n=20, genre="创文")
    by_field = run_phrases([path], genre_field="类别", config=config)
    folders = [two_genres / "创文", two_genres / "安全生产"]
    by_folder = extract_phrases(open_corpus(folders).speeches(), config=config)
    assert _ranked(by_field.phrases) == _ranked(by_folder)
    assert by_field.notes == [
        "Genres contrasted: 创文 (4 speeches), 安全生产 (4 speeches). "
        "Genre from field 类别 for 8 of 8 speeches."
    ]


def test_records_without_the_field_fall_back_to_the_folder(tmp_path: Path) -> None:
    path = _records_file(tmp_path, "jsonl", unlabelled=2)
    (path.parent / "另一篇.txt").write_text(SAFETY[0], encoding="utf-8")  # no record at all
    config = PhraseConfig(tokenizer="jieba", top_n=20, genre="安全生产")
    run = run_phrases([path.parent], genre_field="类别", config=config)
    assert run.notes == [
        "Genres contrasted: 语料 (3 speeches), 创文 (4 speeches), 安全生产 (2 speeches). "
        "Genre from field 类别 for 6 of 9 speeches; 2 records without it and 1 speech not from "
        "a .jsonl/.csv record, by title rule or folder."
    ]
    with pytest.raises(InputError, match="the genres are 语料, 创文, 安全生产"):
        run_phrases([path.parent], genre_field="类别", config=replace(config, genre="民生"))


def test_cli_genre_field_with_a_store_and_its_errors(tmp_path: Path) -> None:
    path = _records_file(tmp_path, "jsonl")
    db = tmp_path / "s.db"
    runner = CliRunner()
    # the records' text under another field: the genres are found whatever --text-field was
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join(line.replace('"text"', '"正文"') for line in lines) + "\n", "utf-8")
    ingest = runner.invoke(cli, ["ingest", str(path), "--db", str(db), "--text-field", "正文"])
    assert ingest.exit_code == 0, ingest.output
    ok = runner.invoke(
        cli,
        ["phrases", "--db", str(db), "--genre-field", "类别", "--genre", "安全生产",
         "--tokenizer", "jieba", "--format", "json"],
    )  # fmt: skip
    assert ok.exit_code == 0, ok.output
    assert "隐患排查治理" in ok.stdout and "背街小巷" not in ok.stdout
    assert "Genre from field 类别 for 8 of 8 speeches." in ok.stderr
    # the file changed after ingest: its record numbers may no longer be the stored speeches'
    original = path.read_bytes()
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join([lines[1], lines[0], *lines[2:]]) + "\n", encoding="utf-8")
    moved = runner.invoke(
        cli,
        ["phrases", "--db", str(db), "--genre-field", "类别", "--genre", "安全生产",
         "--tokenizer", "jieba"],
    )  # fmt: skip
    assert moved.exit_code == 1
    assert moved.output.startswith(f"Error: {path}: changed since it was ingested")
    assert "speechkit ingest FILE --db STORE" in moved.output and "Traceback" not in moved.output
    path.write_bytes(original)

    long = "安全生产" * 11
    lines = path.read_text("utf-8").splitlines()
    lines[5] = json.dumps({"正文": SAFETY[1], "类别": long}, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = runner.invoke(
        cli,
        ["phrases", str(path), "--text-field", "正文", "--genre-field", "类别", "--genre", "创文"],
    )
    assert bad.exit_code == 1
    assert bad.output == (
        f"Error: {path}:6: record 5: 类别 '安全生产安全生产安全生产安全生产安全生产'… is no genre "
        "name (a genre is one line of at most 40 characters, like 安全生产); check --genre-field\n"
    )
    usage = runner.invoke(cli, ["phrases", str(path), "--genre-field", "类别"])
    assert usage.exit_code == 2 and "--genre-field gives genres for --genre" in usage.output
