"""Executors: local processes, a Dask LocalCluster, and a real ``dask scheduler`` with workers."""

from __future__ import annotations

import builtins
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from speechkit.cli import cli
from speechkit.engine import LocalExecutor, make_executor
from speechkit.errors import ParameterError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dedup"))
from corpus_gen import heavy_texts, write_jsonl

distributed = pytest.importorskip("distributed")


def _slow_square(x: int) -> int:
    time.sleep(0.02 * (5 - x % 5))  # later shards finish first
    return x * x


def test_local_results_in_shard_order() -> None:
    with LocalExecutor(workers=2) as ex:
        assert list(ex.map(_slow_square, range(10))) == [x * x for x in range(10)]


def test_bad_engine_arguments() -> None:
    with pytest.raises(ParameterError, match="engine"):
        make_executor("spark")
    with pytest.raises(ParameterError, match="scheduler"):
        make_executor("local", scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ParameterError, match="workers"):
        make_executor("local", workers=0)


def test_dask_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_import = builtins.__import__

    def no_distributed(name: str, *args: object, **kwargs: object) -> object:
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError("No module named 'distributed'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    path = write_jsonl(tmp_path / "d.jsonl", heavy_texts(n=30)[0])
    result = CliRunner().invoke(cli, ["dedup", str(path), "--engine", "dask"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: --engine dask needs Dask: pip install 'speechkit[dask]' "
        "(installs dask[distributed])\n"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_scheduler_fails_fast_naming_it(tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    path = write_jsonl(tmp_path / "d.jsonl", heavy_texts(n=30)[0])
    start = time.monotonic()
    args = ["dedup", str(path), "--engine", "dask", "--scheduler", address]
    result = CliRunner().invoke(cli, args)
    assert time.monotonic() - start < 10
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot reach the Dask scheduler at {address} within")
    assert "Traceback" not in result.output


def test_address_of_another_service_is_an_error(tmp_path: Path) -> None:
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    address = f"tcp://127.0.0.1:{server.getsockname()[1]}"

    stop = threading.Event()

    def answer_junk() -> None:  # e.g. a proxy or another program on the port
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n" + b"\xff" * 64)
            conn.close()

    thread = threading.Thread(target=answer_junk, daemon=True)
    thread.start()
    path = write_jsonl(tmp_path / "d.jsonl", heavy_texts(n=30)[0])
    start = time.monotonic()
    try:
        args = ["dedup", str(path), "--engine", "dask", "--scheduler", address]
        result = CliRunner().invoke(cli, args)
        elapsed = time.monotonic() - start
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()
    assert elapsed < 10
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"Error: {address}") or result.output.startswith(
        f"Error: cannot reach the Dask scheduler at {address}"
    )
    assert "Traceback" not in result.output


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shards")
    texts, _ = heavy_texts(seed=7, n=900)
    for k in range(3):  # input shards: three files
        write_jsonl(folder / f"part-{k}.jsonl", texts[k * 300 : (k + 1) * 300])
    return folder


def _json(args: list[str]) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["dedup", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


def test_local_cluster_output_identical_to_local(corpus: Path) -> None:
    local = _json([str(corpus), "--level", "document"])
    assert len(local["clusters"]) >= 6  # type: ignore[arg-type]
    dask = _json([str(corpus), "--level", "document", "--engine", "dask", "--workers", "2"])
    assert dask == local
    para = _json([str(corpus), "--level", "paragraph", "--engine", "dask", "--workers", "2"])
    assert para == _json([str(corpus), "--level", "paragraph"])


def test_local_cluster_on_a_store_identical_to_local(corpus: Path, tmp_path: Path) -> None:
    args = [str(corpus), "--level", "paragraph"]
    on_dask = _json([*args, "--db", str(tmp_path / "a.db"), "--engine", "dask", "--workers", "2"])
    assert on_dask == _json([*args, "--db", str(tmp_path / "b.db")]) == _json(args)


@pytest.fixture()
def dask_cluster() -> Iterator[str]:
    """A ``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1 (torn down after)."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = str(Path(sys.executable).with_name("dask"))
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    procs = [
        subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
             "--dashboard-address", ":0", "--no-show"], **quiet,
        )
    ]
    try:
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [dask, "worker", address, "--nworkers", "1", "--nthreads", "1",
                     "--no-dashboard", "--death-timeout", "60"], **quiet,
                )
            )
        # Connect with retries: a scheduler still starting under load (CI at load 3) once
        # closed the first connection and the 30 s handshake timed out.
        deadline = time.monotonic() + 90
        while True:
            try:
                client = distributed.Client(address, timeout=15)
                break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        try:
            client.wait_for_workers(2, timeout=60)
        finally:
            client.close()
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_real_scheduler_and_two_workers(corpus: Path, dask_cluster: str) -> None:
    remote = _json([str(corpus), "--level", "document", "--engine", "dask",
                    "--scheduler", dask_cluster])  # fmt: skip
    assert remote == _json([str(corpus), "--level", "document"])
