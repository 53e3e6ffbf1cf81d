"""The ``speechkit serve`` command: options, the network warning, clear errors."""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from speechkit.cli import cli


@pytest.fixture()
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """uvicorn.run replaced by a recorder, so the command returns at once."""
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    return calls


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_local_by_default_and_a_warning_for_other_hosts(
    started: list[dict[str, Any]], tmp_path: Path
) -> None:
    port = str(_free_port())
    db = str(tmp_path / "w.db")
    local = CliRunner().invoke(cli, ["serve", "--db", db, "--port", port, "--no-browser"])
    assert local.exit_code == 0, local.output
    assert "Warning" not in local.output
    assert f"http://127.0.0.1:{port}/" in local.output and "X-Speechkit-Token" in local.output
    assert started[0]["host"] == "127.0.0.1" and started[0]["port"] == int(port)
    wide = CliRunner().invoke(
        cli, ["serve", "--db", db, "--host", "0.0.0.0", "--port", port, "--no-browser"]
    )
    assert wide.exit_code == 0, wide.output
    assert (
        "Warning: listening on 0.0.0.0: the corpus and the drafts become reachable" in wide.output
    )
    assert started[1]["host"] == "0.0.0.0"


def test_taken_port_is_a_clear_error(started: list[dict[str, Any]], tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["serve", "--db", str(tmp_path / "w.db"), "--port", str(port), "--no-browser"]
        )
    assert result.exit_code == 1 and started == []
    assert f"Error: cannot listen on 127.0.0.1:{port}" in result.output
    assert "choose another --port" in result.output and "Traceback" not in result.output


def test_db_and_corpus_together_and_bad_ports(tmp_path: Path) -> None:
    both = CliRunner().invoke(cli, ["serve", "--db", "x.db", "--corpus", str(tmp_path)])
    assert both.exit_code == 2 and "give --db FILE or --corpus PATH, not both" in both.output
    bad = CliRunner().invoke(cli, ["serve", "--port", "70000"])
    assert bad.exit_code == 2 and "--port" in bad.output
    missing = CliRunner().invoke(cli, ["serve", "--corpus", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_without_the_serve_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now fails
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "w.db"), "--no-browser"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: speechkit serve needs the serve extra; install it with: "
        "pip install 'speechkit[serve]'\n"
    )
    assert not (tmp_path / "w.db").exists()
