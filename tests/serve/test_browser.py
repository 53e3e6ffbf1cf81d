"""The workbench in a real browser (headless Debian Chromium): the speechwriter's whole loop.

Fill the form from the example, generate, swap a paragraph, lock one, regenerate (both stay),
edit one, download the .docx and read it back with python-docx, and a city named like markup
or template code shows as text and runs nothing. Screenshots of both pages at 1366×768 go to
``$SPEECHKIT_SCREENSHOTS`` (default: the test's temporary folder).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("selenium")

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

XSS_CITY = "<script>alert(1)</script>{{ 7*7 }}市"


def _state(driver: Any) -> dict[str, Any]:
    return dict(
        driver.execute_script("return JSON.parse(JSON.stringify(window.speechkitDraftState))")
    )


def _texts(driver: Any) -> list[str]:
    return [p["text"] for p in _state(driver)["draft"]["paragraphs"]]


def _wait(driver: Any, condition: Any, timeout: float = 30) -> Any:
    return WebDriverWait(driver, timeout).until(condition)


def _generate(driver: Any) -> None:
    before = driver.execute_script("return window.speechkitDraftState.draft")
    driver.find_element(By.ID, "generate").click()
    _wait(driver, lambda d: d.execute_script("return window.speechkitDraftState.draft") != before
          and d.find_element(By.ID, "generate").is_enabled())  # fmt: skip


def _example(driver: Any, url: str) -> Any:
    """Open the 起草 page and fill the form from the example profile (示例)."""
    driver.get(url + "/")
    driver.find_element(By.ID, "example").click()
    _wait(driver, lambda d: d.find_element(By.NAME, "city").get_attribute("value") == "青岚市")
    return driver


def _para(driver: Any, index: int) -> Any:
    return driver.find_element(By.CSS_SELECTOR, f'.para[data-index="{index}"]')


def _download(driver: Any, folder: Path, button: str) -> Path:
    for old in folder.iterdir():
        old.unlink()
    driver.find_element(By.CSS_SELECTOR, f'[data-export="{button}"]').click()
    got = _wait(driver, lambda d: [p for p in folder.glob(f"*.{button}")], timeout=30)
    path = got[0]
    size = -1
    while size != path.stat().st_size:  # Chromium renames the file when it is complete
        size = path.stat().st_size
        time.sleep(0.2)
    return path


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _no_alert(driver: Any) -> None:
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("SPEECHKIT_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_draft_swap_lock_regenerate_edit_download(
    browser: Any, live_server: str, downloads: Path, shots: Path
) -> None:
    driver = _example(browser, live_server)
    assert len(driver.find_elements(By.CSS_SELECTOR, '[data-list="priorities"] .item')) == 3
    _generate(driver)
    driver.save_screenshot(str(shots / "draft.png"))
    paragraphs = _state(driver)["draft"]["paragraphs"]
    body = [i for i, p in enumerate(paragraphs) if p["kind"] == "body" and p["sources"]]
    swap_at, lock_at, edit_at = body[1], body[3], body[5]

    # 换一段: the alternatives are shown, the first one taken.
    _para(driver, swap_at).find_element(By.CSS_SELECTOR, "button.swap").click()
    first = _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".alternatives li"))[0]
    taken = first.find_element(By.TAG_NAME, "p").text
    first.find_element(By.CSS_SELECTOR, "button.take").click()
    assert _texts(driver)[swap_at] == taken != paragraphs[swap_at]["text"]
    driver.save_screenshot(str(shots / "draft-swapped.png"))

    # 锁定, then 重新生成 with a new seed: the locked and the swapped paragraph stay.
    locked_text = paragraphs[lock_at]["text"]
    _para(driver, lock_at).find_element(By.CSS_SELECTOR, "button.lock").click()
    seed = _state(driver)["draft"]["stats"]["seed"]
    driver.find_element(By.ID, "regenerate").click()
    _wait(driver, lambda d: _state(d)["draft"]["stats"]["seed"] == seed + 1)
    after = _texts(driver)
    assert locked_text in after and taken in after
    assert after != [p["text"] for p in paragraphs]
    kept = driver.find_elements(By.CSS_SELECTOR, ".para.kept")
    assert len(kept) == 2

    # 编辑: the edit is checked again (speechkit check, through /api/check): its placeholder and
    # the claim the profile does not make are highlighted; the edit is what the .docx holds.
    edit_text = _texts(driver)[edit_at]
    _para(driver, edit_at).find_element(By.CSS_SELECTOR, "button.edit").click()
    area = _para(driver, edit_at).find_element(By.TAG_NAME, "textarea")
    area.clear()
    edited = "今年是创文工作第三年，在xx市试点的经验要总结推广。"
    area.send_keys(edited)
    _para(driver, edit_at).find_element(By.CSS_SELECTOR, "button.save").click()
    assert _texts(driver)[edit_at] == edited != edit_text

    def kinds(d: Any) -> set[str]:
        from selenium.common.exceptions import StaleElementReferenceException

        try:  # the page renders again when the check's answer arrives
            marks = _para(d, edit_at).find_elements(By.CSS_SELECTOR, "mark.finding")
            return {m.get_attribute("title").split(":")[0] for m in marks}
        except StaleElementReferenceException:
            return set()

    _wait(driver, lambda d: {"placeholder", "unsupported_claim"} <= kinds(d))
    marks = _para(driver, edit_at).find_elements(By.CSS_SELECTOR, "mark.finding")
    assert "xx" in [m.text for m in marks]
    text = _docx_text(_download(driver, downloads, "docx"))
    assert edited in text and locked_text in text and taken in text
    assert edit_text not in text
    md = _download(driver, downloads, "md").read_text(encoding="utf-8")
    assert edited in md


def test_errors_beside_the_field_and_sources_in_context(
    browser: Any, live_server: str, shots: Path
) -> None:
    driver = _example(browser, live_server)
    driver.find_element(By.NAME, "speaker.title").clear()
    length = driver.find_element(By.NAME, "length")
    length.clear()
    length.send_keys("800")
    driver.find_element(By.ID, "generate").click()
    box = _wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, '[data-err="length"]').text)
    assert box == "must be at least 1000 characters (got 800) / 应不少于 1000 字"
    speaker = driver.find_element(By.CSS_SELECTOR, '[data-err="speaker.title"]').text
    assert speaker == "required key is missing; add it / 缺少必填项，请补充"
    assert "invalid" in driver.find_element(By.NAME, "length").get_attribute("class")
    driver.save_screenshot(str(shots / "draft-errors.png"))
    length.clear()
    length.send_keys("4000")
    driver.find_element(By.NAME, "speaker.title").send_keys("市委书记")
    _generate(driver)
    assert driver.find_element(By.CSS_SELECTOR, '[data-err="length"]').text == ""
    chip = driver.find_element(By.CSS_SELECTOR, ".para .chip")
    source, line = chip.text.rsplit(":", 1)
    chip.click()
    dialog = _wait(driver, lambda d: d.find_element(By.ID, "passage"))
    _wait(driver, lambda d: dialog.get_attribute("open") is not None)
    hit = dialog.find_element(By.CSS_SELECTOR, "p.hit")
    assert hit.text.startswith(line)
    assert source in dialog.find_element(By.ID, "passage-title").text
    driver.save_screenshot(str(shots / "draft-source.png"))
    dialog.find_element(By.TAG_NAME, "button").click()


def test_load_a_yaml_profile_and_save_the_form_as_yaml(
    browser: Any, live_server: str, downloads: Path
) -> None:
    import yaml

    from speechkit.profile import load_profile

    example = Path(__file__).resolve().parents[2] / "examples" / "yunxi_district.yaml"
    driver = browser
    driver.get(live_server + "/")
    driver.find_element(By.ID, "load-yaml").send_keys(str(example))
    _wait(driver, lambda d: d.find_element(By.NAME, "city").get_attribute("value") == "云溪区")
    expected = load_profile(example)
    items = driver.find_elements(By.CSS_SELECTOR, '[data-list="priorities"] .item')
    assert [i.get_attribute("value") for i in items] == expected.priorities
    assert driver.find_element(By.NAME, "meeting.type").get_attribute("value") == "推进会"
    for old in downloads.iterdir():
        old.unlink()
    driver.find_element(By.ID, "save-yaml").click()
    saved = _wait(driver, lambda d: list(downloads.glob("*.yaml")))[0]
    time.sleep(0.3)
    assert saved.name == "云溪区.yaml"
    assert load_profile(saved) == expected
    assert yaml.safe_load(saved.read_text(encoding="utf-8"))["city"] == "云溪区"


def test_findings_in_the_draft_json_are_shown_in_place(browser: Any, live_server: str) -> None:
    # The shape the grounded-drafts issue adds: {"paragraph", "sentence", "kind", "span", "detail"}.
    driver = _example(browser, live_server)
    _generate(driver)
    paragraphs = _state(driver)["draft"]["paragraphs"]
    at = next(i for i, p in enumerate(paragraphs) if p["kind"] == "body" and p["sources"])
    span = paragraphs[at]["text"][4:10]
    finding = {"paragraph": at + 1, "sentence": "", "kind": "foreign_name", "span": span,
               "detail": "另一城市的名称"}  # fmt: skip
    driver.execute_script(
        "window.speechkitDraftState.draft.findings = [arguments[0]]; window.speechkitRender();",
        finding,
    )
    marks = driver.find_elements(By.CSS_SELECTOR, "mark.finding")
    assert [m.text for m in marks] == [span]
    assert marks[0].get_attribute("title") == "foreign_name: 另一城市的名称"
    note = _para(driver, at).find_element(By.CSS_SELECTOR, ".finding-note").text
    assert span in note and "另一城市的名称" in note


def test_markup_and_template_code_in_the_city_stay_text(
    browser: Any, live_server: str, downloads: Path
) -> None:
    driver = _example(browser, live_server)
    city = driver.find_element(By.NAME, "city")
    city.clear()
    city.send_keys(XSS_CITY)
    driver.find_element(By.NAME, "meeting.name").clear()
    _generate(driver)
    _no_alert(driver)
    title = driver.find_element(By.CSS_SELECTOR, ".paper .title").text
    assert title == f"在{XSS_CITY}创建全国文明城市动员大会上的讲话"
    assert driver.find_elements(By.CSS_SELECTOR, ".paper script") == []
    assert "49" not in title
    text = _docx_text(_download(driver, downloads, "docx"))
    assert XSS_CITY in text and "{{ 7*7 }}" in text


def test_corpus_page_search_and_phrases(browser: Any, live_server: str, shots: Path) -> None:
    driver = browser
    driver.get(live_server + "/corpus")
    _wait(driver, lambda d: "360 段" in d.find_element(By.ID, "counts").text)
    driver.find_element(By.ID, "q").send_keys("长效机制")
    driver.find_element(By.CSS_SELECTOR, "#search button").click()
    rows = _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#hits tr td.kw"))
    assert {r.text for r in rows} == {"长效机制"}
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(shots / "corpus.png"))
    for name in ("phrases", "outline"):
        driver.find_element(By.CSS_SELECTOR, f'[data-load="{name}"]').click()
    _wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#phrases tr")) == 30, 60)
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#outline tr"), 60)
    driver.execute_script("document.getElementById('phrases').scrollIntoView()")
    driver.save_screenshot(str(shots / "corpus-analysis.png"))


def test_corpus_page_uploads_files_and_shows_progress(
    browser: Any, tmp_path: Path, shots: Path
) -> None:
    from speechkit.serve.app import create_app
    from tests.serve.conftest import TOKEN, bundled_workbench, serving

    folder = tmp_path / "范文"
    folder.mkdir()
    for i in range(3):
        text = (
            f"在第{i}号市创建全国文明城市推进会上的讲话\n同志们：\n"
            "今天我们召开推进会，部署创建工作。要抓好背街小巷整治，做到常态长效。\n"
            "同志们，让我们共同努力，夺取创建工作的全面胜利！\n"
        )
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    bench = bundled_workbench(tmp_path)
    with serving(create_app(bench, token=TOKEN)) as url:
        driver = browser
        driver.get(url + "/corpus")
        _wait(driver, lambda d: "24 篇讲话" in d.find_element(By.ID, "counts").text)
        chooser = driver.find_element(By.ID, "files")
        chooser.send_keys("\n".join(str(p) for p in sorted(folder.iterdir())))
        assert driver.find_element(By.ID, "chosen").text == "已选 3 个文件"
        driver.find_element(By.ID, "upload").click()
        _wait(driver, lambda d: "27 篇讲话" in d.find_element(By.ID, "counts").text, 60)
        assert driver.find_element(By.ID, "job-text").text.startswith("入库完成 done: 3 files read")
        _wait(driver, lambda d: "27 篇" in d.find_element(By.ID, "status").text)
        assert driver.find_element(By.ID, "job-progress").get_attribute("value") == "1"
        driver.save_screenshot(str(shots / "corpus-upload.png"))
    hits = bench.search("背街小巷整治，做到常态长效")["hits"]
    assert {h["source"] for h in hits} == {f"上传/{i}.txt" for i in range(3)}
