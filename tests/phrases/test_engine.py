"""`phrases --engine dask`: the counting stage on a Dask LocalCluster gives the local result."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.errors import ParameterError
from speechkit.model import Speech
from speechkit.phrases import PhraseConfig, extract_phrases

distributed = pytest.importorskip("distributed")


def test_local_cluster_ranking_identical_to_local(seed_speeches: list[Speech]) -> None:
    # small shards: the corpus is counted in many tasks, spread over two worker processes
    local = extract_phrases(seed_speeches, config=PhraseConfig(top_n=100, shard_chars=20_000))
    dask = extract_phrases(
        seed_speeches,
        config=PhraseConfig(top_n=100, shard_chars=20_000, engine="dask", workers=2),
    )
    assert len(local) == 100
    assert dask == local
    whole = extract_phrases(seed_speeches, config=PhraseConfig(top_n=100))
    assert whole == local  # one shard or many: the same ranking


def test_cli_engine_dask_same_json() -> None:
    runner = CliRunner()
    args = ["phrases", "--top", "20", "--format", "json"]
    local = runner.invoke(cli, args)
    dask = runner.invoke(cli, [*args, "--engine", "dask", "--workers", "2"])
    assert dask.exit_code == 0, dask.output
    assert json.loads(dask.stdout) == json.loads(local.stdout)


def test_dask_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` fails
    result = CliRunner().invoke(cli, ["phrases", "--engine", "dask"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: --engine dask needs Dask: pip install 'speechkit[dask]' "
        "(installs dask[distributed])\n"
    )


def test_scheduler_needs_the_dask_engine() -> None:
    with pytest.raises(ParameterError, match="scheduler"):
        PhraseConfig(scheduler="tcp://127.0.0.1:8786")
    result = CliRunner().invoke(cli, ["phrases", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "--engine dask" in result.output
