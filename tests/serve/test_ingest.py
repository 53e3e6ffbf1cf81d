"""Adding 范文 through the workbench: uploads and local folders as jobs with progress, cancel
without a half-written store, and concurrent drafting while an ingest writes."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from speechkit.serve.background import JobCancelled
from speechkit.serve.workbench import Workbench
from tests.serve.conftest import TOKEN, bundled_workbench, serving, wait_for_jobs

AUTH = {"Content-Type": "application/json", "X-Speechkit-Token": TOKEN}
SPEECH = (
    "在{city}创建全国文明城市推进会上的讲话\n同志们：\n"
    "今天我们召开推进会，部署下一阶段创建工作。{city}的创建工作取得了阶段性成效。\n"
    "一、提高认识，增强创建的责任感\n创建全国文明城市是提升城市品质的重要抓手，各级各部门要切实增强责任感。\n"
    "二、突出重点，抓好创建各项任务\n要抓好背街小巷整治，抓好交通秩序治理，抓好志愿服务，做到常态长效。\n"
    "同志们，让我们共同努力，夺取创建工作的全面胜利！\n"
)


def _files(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(SPEECH.format(city=f"第{i}号市"), encoding="utf-8")
    return folder


@pytest.fixture()
def fresh(tmp_path: Path) -> Workbench:
    return Workbench(tmp_path / "fresh.db")


def _app_client(bench: Workbench) -> Any:
    from starlette.testclient import TestClient

    from speechkit.serve.app import create_app

    return TestClient(create_app(bench, token=TOKEN), base_url="http://127.0.0.1:8765")


def test_upload_then_ingest_adds_the_files_with_their_names(
    fresh: Workbench, example_profile: dict[str, Any]
) -> None:
    with _app_client(fresh) as client:
        empty = client.post("/api/draft", json=example_profile, headers=AUTH)
        assert empty.status_code == 409 and "add 范文 on the 语料 page" in empty.text
        for name in ("范文/一.txt", "范文/子/二.txt"):
            body = SPEECH.format(city="青岚市").encode("gb18030")  # GBK from the web, as usual
            got = client.post("/api/upload", params={"batch": "c0ffee00", "name": name},
                              content=body, headers=AUTH)  # fmt: skip
            assert got.status_code == 200 and got.json()["bytes"] == len(body)
        job = client.post("/api/ingest", json={"batch": "c0ffee00"}, headers=AUTH)
        assert job.status_code == 202 and job.json()["files_total"] == 2
        wait_for_jobs(fresh)
        done = client.get(f"/api/jobs/{job.json()['id']}").json()
        assert done["state"] == "done" and done["files_done"] == 2
        assert done["bytes_done"] == done["bytes_total"] > 0
        hits = client.get("/api/search", params={"q": "背街小巷"}).json()["hits"]
        assert {h["source"] for h in hits} == {"上传/范文/一.txt", "上传/范文/子/二.txt"}
    assert (fresh.upload_dir / "c0ffee00" / "范文" / "子" / "二.txt").is_file()


def test_local_folder_ingest_and_errors(fresh: Workbench, tmp_path: Path) -> None:
    folder = _files(tmp_path / "范文", 3)
    with _app_client(fresh) as client:
        missing = client.post("/api/ingest", json={"path": str(tmp_path / "nope")}, headers=AUTH)
        assert missing.status_code == 400 and "no such file or folder" in missing.text
        assert client.post("/api/ingest", json={"x": 1}, headers=AUTH).status_code == 400
        job = client.post("/api/ingest", json={"path": str(folder)}, headers=AUTH).json()
        wait_for_jobs(fresh)
        assert client.get(f"/api/jobs/{job['id']}").json()["state"] == "done"
        assert fresh.counts()["speeches"] == 3
        assert client.get("/api/jobs/feedbeef").status_code == 404
    assert sorted(p.name for p in folder.iterdir()) == ["000.txt", "001.txt", "002.txt"]


def test_cancelled_ingest_leaves_the_store_unchanged(fresh: Workbench, tmp_path: Path) -> None:
    folder = _files(tmp_path / "many", 30)
    before = fresh.counts()
    with fresh.writer:  # another writer holds the store: the job waits, then sees the cancel
        job = fresh.start_ingest({"path": str(folder)})
        with pytest.raises(Exception, match="already running"):
            fresh.start_ingest({"path": str(folder)})
        fresh.cancel(job.id)
    wait_for_jobs(fresh)
    assert job.state == "cancelled" and "unchanged" in job.message
    assert fresh.counts() == before


def test_cancel_after_some_files_rolls_back_what_they_wrote(
    fresh: Workbench, tmp_path: Path
) -> None:
    from speechkit.corpus import ingest
    from speechkit.store import Store

    files = fresh._files([_files(tmp_path / "some", 5)])

    def stop_after_three() -> Any:
        for i, item in enumerate(files):
            if i == 3:
                raise JobCancelled
            yield item

    store = Store(fresh.db)
    with pytest.raises(JobCancelled):
        ingest(stop_after_three(), store)
    assert store.counts() == {"documents": 0, "speeches": 0, "paragraphs": 0}
    store.close()


def test_two_drafts_and_an_ingest_at_once(example_profile: dict[str, Any], tmp_path: Path) -> None:
    import httpx2 as httpx

    from speechkit.serve.app import create_app

    folder = _files(tmp_path / "concurrent", 40)
    workbench = bundled_workbench(tmp_path)
    results: dict[str, Any] = {}

    def draft(name: str, seed: int) -> None:
        with httpx.Client(base_url=live_server, timeout=120) as c:
            results[name] = c.post("/api/draft", json={**example_profile, "seed": seed})

    with (
        serving(create_app(workbench, token=TOKEN)) as live_server,
        httpx.Client(base_url=live_server, timeout=120) as c,
    ):
        started = c.post("/api/ingest", json={"path": str(folder)}, headers=AUTH)
        assert started.status_code == 202
        threads = [threading.Thread(target=draft, args=(f"tab{i}", i)) for i in (1, 2)]
        for t in threads:
            t.start()
        search = c.get("/api/search", params={"q": "长效机制", "limit": 5})
        for t in threads:
            t.join()
        wait_for_jobs(workbench)
        job = c.get(f"/api/jobs/{started.json()['id']}").json()
    assert search.status_code == 200 and search.json()["hits"]
    assert [results[k].status_code for k in ("tab1", "tab2")] == [200, 200]
    assert results["tab1"].json()["paragraphs"] != results["tab2"].json()["paragraphs"]
    assert job["state"] == "done" and job["files_done"] == 40
    conn = sqlite3.connect(workbench.db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        conn.close()


def test_drafts_use_the_last_model_while_the_new_one_builds(
    example_profile: dict[str, Any], tmp_path: Path
) -> None:
    from speechkit.corpus import ingest
    from speechkit.store import Store

    bench = bundled_workbench(tmp_path)
    old = bench.model()
    with Store(bench.db) as store:  # new content, written behind the workbench's back
        ingest(bench._files([_files(tmp_path / "new", 2)]), store)
    done: list[dict[str, Any]] = []
    with bench._model_lock:  # a rebuild that takes long: drafting must not wait for it
        worker = threading.Thread(target=lambda: done.append(bench.draft(example_profile)))
        worker.start()
        worker.join(timeout=30)
        assert done and bench.status()["model"] == "building"
        assert bench.model() is old
    deadline = time.monotonic() + 60
    while bench.status()["model"] != "ready":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert bench.model().key != old.key


def test_drafting_while_the_first_corpus_is_added_says_so(
    example_profile: dict[str, Any], tmp_path: Path
) -> None:
    from speechkit.serve.workbench import WorkbenchError

    bench = Workbench(tmp_path / "seeded.db", seed_paths=[_files(tmp_path / "seed", 3)])
    with bench.writer:  # the start-up ingest waits: the store is still empty
        bench.start()
        with pytest.raises(WorkbenchError, match="still being added") as err:
            bench.draft(example_profile)
        assert err.value.status == 503
    wait_for_jobs(bench)
    assert bench.counts()["speeches"] == 3
    again = Workbench(tmp_path / "seeded.db", seed_bundled=True)
    assert again._seed_bundled is False  # not empty: the bundled corpus is not added
