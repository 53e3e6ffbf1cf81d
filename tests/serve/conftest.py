"""Fixtures for the workbench: a store seeded with the bundled corpus, the app under an HTTP
test client, a live uvicorn server on a free port, and headless Debian Chromium."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx2")

from speechkit.serve.app import create_app
from speechkit.serve.workbench import Workbench

TOKEN = "test-token-0123456789"


def wait_for_jobs(workbench: Workbench, timeout: float = 120) -> None:
    """Wait until no ingest job of ``workbench`` is running."""
    deadline = time.monotonic() + timeout
    while any(j.state == "running" for j in workbench.jobs.values()):
        if time.monotonic() > deadline:
            raise TimeoutError("ingest did not finish")
        time.sleep(0.05)


def bundled_workbench(folder: Path) -> Workbench:
    """A workbench in ``folder`` whose store holds the bundled corpus, with its model built."""
    bench = Workbench(folder / "workbench.db", seed_bundled=True)
    bench.start()
    wait_for_jobs(bench)
    assert [j.state for j in bench.jobs.values()] == ["done"]
    bench.model()
    return bench


@pytest.fixture(scope="session")
def workbench(tmp_path_factory: pytest.TempPathFactory) -> Workbench:
    """The session's workbench on the bundled corpus (tests must not add files to it)."""
    return bundled_workbench(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="session")
def app(workbench: Workbench) -> Any:
    return create_app(workbench, token=TOKEN)


@pytest.fixture(scope="session")
def client(app: Any) -> Iterator[Any]:
    from starlette.testclient import TestClient

    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        yield c


@pytest.fixture(scope="session")
def example_profile() -> dict[str, Any]:
    from speechkit.serve.profiles import example_profile

    return example_profile()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run ``app`` under uvicorn on 127.0.0.1 and a free port; always shut it down."""
    uvicorn = pytest.importorskip("uvicorn")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(app: Any) -> Iterator[str]:
    """The session's app under uvicorn."""
    with serving(app) as url:
        yield url


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture(scope="session")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory, downloads: Path) -> Iterator[Any]:
    """Headless Debian Chromium through Debian's chromedriver (Selenium Manager never runs)."""
    webdriver = pytest.importorskip("selenium.webdriver")
    if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
        pytest.skip("Debian chromium and chromium-driver are not installed (see .ci/run)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1366,768",
        "--lang=zh-CN",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    # The driver path is given, so Selenium Manager has nothing to look up or download.
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        driver.execute_cdp_cmd(
            "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        driver.set_window_size(1366, 768)
        yield driver
    finally:
        driver.quit()
