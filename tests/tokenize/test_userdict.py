from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.errors import InputError, ParameterError
from speechkit.paths import data_path
from speechkit.tokenize import make_tokenizer, read_user_dict
from speechkit.tokenize.userdict import DOMAIN_DICT


def test_bundled_dictionary_parses_and_documents_itself() -> None:
    path = data_path(DOMAIN_DICT)
    words = {w.word for w in read_user_dict(path)}
    assert {
        "全国文明城市",
        "创城",
        "创文",
        "创卫",
        "测评体系",
        "新时代文明实践",
        "背街小巷",
    } <= words
    assert path.read_text(encoding="utf-8").startswith("#")


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_user_dictionary_extends_the_bundled_one(backend: str, tmp_path: Path) -> None:
    extra = tmp_path / "mine.txt"
    extra.write_text("# 本地提法\n创建为民 nz\n", encoding="utf-8")
    assert "创建为民" not in make_tokenizer(backend).cut("坚持创建为民")
    assert "创建为民" in make_tokenizer(backend, user_dicts=[extra]).cut("坚持创建为民")


def test_missing_user_dictionary_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=r"nope\.txt: user dictionary not found"):
        make_tokenizer("jieba", user_dicts=[missing])


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("长效机制 n\n背街 小巷 3 n\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.txt:2: expected 'word \[freq\] \[tag\]'"):
        read_user_dict(bad)


def test_unknown_backend() -> None:
    with pytest.raises(ParameterError, match="invalid tokenizer backend 'hanlp'"):
        make_tokenizer("hanlp")
