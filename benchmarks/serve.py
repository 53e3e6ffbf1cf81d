"""The workbench's responsiveness: a real ``speechkit serve`` process, timed over HTTP.

- start: from launching the process (empty cache: the bundled corpus is ingested and the
  corpus model built in the background) to the 起草 page being served, and to the model
  being ready;
- drafting once the model is ready: ``POST /api/draft`` (the example profile, new seeds),
  ``POST /api/alternatives`` and ``POST /api/export?format=docx``, median and max;
- concurrency: two "tabs" drafting in a loop, first alone for 5 s, then while an ingest of
  ``--copies`` copies of the bundled corpus runs (one writer, in its own process); draft and
  search latency during the ingest.

Needs the ``serve`` extra (``pip install 'speechkit[serve]'``); the HTTP calls use the
standard library.

    python benchmarks/serve.py
    python benchmarks/serve.py --repeat 20 --copies 8
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from speechkit.paths import corpus_dir

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"


def _timed(call: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


class _Response:
    def __init__(self, status_code: int, body: bytes) -> None:
        self.status_code = status_code
        self.body = body

    def json(self) -> Any:
        return json.loads(self.body)

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise RuntimeError(f"HTTP {self.status_code}: {self.body[:200]!r}")


class _Client:
    """The few calls the benchmark makes, over the standard library (no HTTP package needed).

    One connection a request: on 127.0.0.1 that costs well under a millisecond, far below the
    times measured.
    """

    def __init__(self, base_url: str, timeout: float) -> None:
        self.base_url = base_url
        self.timeout = timeout

    def __enter__(self) -> _Client:
        return self

    def __exit__(self, *_exc: object) -> None:
        return None

    def _send(self, method: str, path: str, body: Any, headers: dict[str, str]) -> _Response:
        data = None if body is None else json.dumps(body).encode()
        if data is not None:
            headers = {**headers, "Content-Type": "application/json"}
        request = urllib.request.Request(
            self.base_url + path, data=data, headers=headers, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return _Response(response.status, response.read())
        except urllib.error.HTTPError as err:
            return _Response(err.code, err.read())

    def get(self, path: str, params: dict[str, Any] | None = None) -> _Response:
        query = "?" + urllib.parse.urlencode(params) if params else ""
        return self._send("GET", path + query, None, {})

    def post(self, path: str, json: Any, headers: dict[str, str] | None = None) -> _Response:
        return self._send("POST", path, json, headers or {})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="Requests per measurement.")
    parser.add_argument(
        "--copies", type=int, default=4, help="Copies of the bundled corpus ingested at once."
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        env = {**os.environ, "SPEECHKIT_CACHE": str(Path(tmp) / "cache")}
        command = [sys.executable, "-m", "speechkit", "serve", "--no-browser", "--port", str(port)]
        launched = time.perf_counter()
        proc = subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        try:
            assert proc.stderr is not None
            token = ""
            for line in proc.stderr:
                if "X-Speechkit-Token" in line:
                    token = line.rsplit(" ", 1)[-1].strip()
                    break
            base = f"http://127.0.0.1:{port}"
            client = _Client(base_url=base, timeout=300)
            while True:
                try:
                    if client.get("/").status_code == 200:
                        break
                except OSError:  # not listening yet (URLError is an OSError)
                    time.sleep(0.02)
            page_s = time.perf_counter() - launched
            while client.get("/api/status").json()["model"] != "ready":
                time.sleep(0.05)
            model_s = time.perf_counter() - launched
            print(f"start (empty cache): page served after {page_s:.2f} s, "
                  f"corpus model ready after {model_s:.2f} s")  # fmt: skip

            profile = client.get("/api/profile/example").json()
            drafts, alts, exports = [], [], []
            for seed in range(args.repeat):
                took, response = _timed(
                    lambda s=seed: client.post("/api/draft", json={**profile, "seed": s})
                )
                response.raise_for_status()
                drafts.append(took)
                draft = response.json()
                index = next(i for i, p in enumerate(draft["paragraphs"]) if p["sources"])
                body = {"profile": profile, "draft": draft, "index": index, "limit": 5}
                took, response = _timed(lambda b=body: client.post("/api/alternatives", json=b))
                response.raise_for_status()
                alts.append(took)
                took, response = _timed(
                    lambda d=draft: client.post("/api/export?format=docx", json=d)
                )
                response.raise_for_status()
                exports.append(took)
            print(f"POST /api/draft ({args.repeat} seeds): {_ms(drafts)}")
            print(f"POST /api/alternatives: {_ms(alts)}")
            print(f"POST /api/export?format=docx: {_ms(exports)}")

            def two_tabs(stop: threading.Event) -> tuple[list[threading.Thread], list[float]]:
                """Two tabs drafting in a loop until ``stop`` is set; their draft times."""
                times: list[float] = []

                def tab(seed: int) -> None:
                    with _Client(base_url=base, timeout=300) as c:
                        while not stop.is_set():
                            took, response = _timed(
                                lambda: c.post("/api/draft", json={**profile, "seed": seed})
                            )
                            response.raise_for_status()
                            times.append(took)

                tabs = [threading.Thread(target=tab, args=(s,)) for s in (100, 200)]
                for t in tabs:
                    t.start()
                return tabs, times

            stop = threading.Event()
            tabs, alone = two_tabs(stop)
            time.sleep(5.0)
            stop.set()
            for t in tabs:
                t.join()
            print(f"two tabs drafting at once, no ingest: {len(alone)} drafts, {_ms(alone)}")

            folder = Path(tmp) / "more"
            for i in range(args.copies):
                shutil.copytree(corpus_dir(), folder / f"copy{i}")
            size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
            headers = {"X-Speechkit-Token": token}
            ingest_start = time.perf_counter()
            job = client.post("/api/ingest", json={"path": str(folder)}, headers=headers).json()
            searches: list[float] = []
            stop = threading.Event()
            tabs, during = two_tabs(stop)
            while True:
                took, response = _timed(
                    lambda: client.get("/api/search", params={"q": "长效机制", "limit": 20})
                )
                searches.append(took)
                state = client.get(f"/api/jobs/{job['id']}").json()
                if state["state"] != "running":
                    break
                time.sleep(0.2)
            stop.set()
            for t in tabs:
                t.join()
            ingest_s = time.perf_counter() - ingest_start
            print(f"ingest of {size / 1e6:.1f} MB ({state['files_done']} files, {state['state']}) "
                  f"took {ingest_s:.1f} s while two tabs drafted: {len(during)} drafts, "
                  f"{_ms(during)}; search during it {_ms(searches)}")  # fmt: skip
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
