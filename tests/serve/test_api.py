"""The workbench's JSON API over HTTP (Starlette's test client): contracts, errors, guards."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from speechkit.cli import cli
from tests.serve.conftest import TOKEN

ROOT = Path(__file__).resolve().parents[2]
JSON = {"Content-Type": "application/json"}
AUTH = {**JSON, "X-Speechkit-Token": TOKEN}


def _profile_file_as_json(name: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "examples" / name).read_text(encoding="utf-8"))
    data["meeting"]["date"] = str(data["meeting"]["date"])
    return dict(data)


@pytest.fixture(scope="module")
def drafted(client: Any, example_profile: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/api/draft", json=example_profile)
    assert response.status_code == 200
    return dict(response.json())


# ---------------------------------------------------------------- pages


def test_pages_are_served_with_the_token_and_no_outside_resources(client: Any) -> None:
    for path in ("/", "/corpus"):
        response = client.get(path)
        assert response.status_code == 200
        html = response.text
        assert f'content="{TOKEN}"' in html
        assert "http://" not in html and "https://" not in html  # no CDN, no web fonts
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
    for name in ("app.css", "common.js", "draft.js", "corpus.js"):
        text = client.get(f"/static/{name}").text
        assert "http://" not in text and "https://" not in text and "@import" not in text


# ---------------------------------------------------------------- /api/draft


def test_draft_is_the_json_of_the_draft_command(client: Any) -> None:
    cli_json = CliRunner().invoke(
        cli, ["draft", str(ROOT / "examples" / "qinglan_city.yaml"), "--format", "json"]
    )
    assert cli_json.exit_code == 0, cli_json.output
    response = client.post("/api/draft", json=_profile_file_as_json("qinglan_city.yaml"))
    assert response.status_code == 200
    assert response.json() == json.loads(cli_json.stdout)


def test_invalid_profile_is_422_with_the_draft_commands_messages(
    client: Any, tmp_path: Path
) -> None:
    profile = _profile_file_as_json("qinglan_city.yaml")
    profile["sections"] = 6
    profile["meeting"]["type"] = "座谈会"
    response = client.post("/api/draft", json=profile)
    assert response.status_code == 422
    errors = {e["key"]: e["message"] for e in response.json()["errors"]}
    assert set(errors) == {"sections", "meeting.type"}
    # The same message `speechkit draft` prints for the YAML (after "file:line: key: ").
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    printed = CliRunner().invoke(cli, ["draft", str(bad)]).output
    for key, message in errors.items():
        en, zh = message.split(" / ")
        assert f" {key}: {en} / " in printed and zh in printed


def test_missing_keys_and_non_object_bodies(client: Any) -> None:
    got = client.post("/api/draft", json={"city": "青岚市"}).json()["errors"]
    assert {e["key"] for e in got} == {"campaign", "meeting", "speaker"}
    assert client.post("/api/draft", json=[1, 2]).status_code == 422
    broken = client.post("/api/draft", content=b"{not json", headers=JSON)
    assert broken.status_code == 400 and "not valid JSON" in broken.text


# ---------------------------------------------------------------- /api/alternatives


def test_alternatives_have_the_role_and_are_not_already_in_the_draft(
    client: Any, example_profile: dict[str, Any], drafted: dict[str, Any]
) -> None:
    index = next(
        i for i, p in enumerate(drafted["paragraphs"]) if p["lead"] and p["role"] == "tasks"
    )
    body = {"profile": example_profile, "draft": drafted, "index": index, "limit": 4}
    response = client.post("/api/alternatives", json=body)
    assert response.status_code == 200
    found = response.json()["alternatives"]
    assert 1 <= len(found) <= 4
    used = {(s["source"], s["line"]) for p in drafted["paragraphs"] for s in p["sources"]}
    number = drafted["paragraphs"][index]["lead"][:2]  # 一是… / 第一，…
    for alt in found:
        assert alt["role"] == "tasks"
        assert alt["sources"] and all((s["source"], s["line"]) not in used for s in alt["sources"])
        assert alt["text"] not in {p["text"] for p in drafted["paragraphs"]}
        if alt["lead"]:
            assert alt["text"].startswith(alt["lead"]) and alt["lead"].startswith(number)
        assert "xx" not in alt["text"].lower()
    assert len({a["text"] for a in found}) == len(found)


def test_alternatives_are_adapted_to_the_profile(
    client: Any, example_profile: dict[str, Any], drafted: dict[str, Any], workbench: Any
) -> None:
    # A district profile: corpus 全市/市委 wording must come back as 全区/区委.
    district = _profile_file_as_json("yunxi_district.yaml")
    draft = client.post("/api/draft", json=district).json()
    texts = []
    for i, p in enumerate(draft["paragraphs"]):
        if p["kind"] == "body" and p["role"] in ("tasks", "safeguards"):
            body = {"profile": district, "draft": draft, "index": i, "limit": 5}
            texts += [
                a["text"]
                for a in client.post("/api/alternatives", json=body).json()["alternatives"]
            ]
    assert texts
    joined = "".join(texts)
    assert "全市" not in joined and "市委" not in joined
    assert "全区" in joined or "区委" in joined


def test_alternatives_refuse_headings_and_bad_indexes(
    client: Any, example_profile: dict[str, Any], drafted: dict[str, Any]
) -> None:
    heading = next(i for i, p in enumerate(drafted["paragraphs"]) if p["kind"] == "heading")
    for index, key in ((heading, "index"), (999, "index"), ("3", "index")):
        body = {"profile": example_profile, "draft": drafted, "index": index}
        response = client.post("/api/alternatives", json=body)
        assert response.status_code == 422
        assert response.json()["errors"][0]["key"] == key


# ---------------------------------------------------------------- locked paragraphs


def test_locked_paragraphs_survive_a_new_seed(
    client: Any, example_profile: dict[str, Any], drafted: dict[str, Any]
) -> None:
    paragraphs = drafted["paragraphs"]
    chosen = [i for i, p in enumerate(paragraphs) if p["kind"] == "body" and p["sources"]][2:4]
    locked = [{"index": i, "text": paragraphs[i]["text"] + "（改）", "role": paragraphs[i]["role"]}
              for i in chosen]  # fmt: skip
    again = client.post("/api/draft", json={**example_profile, "seed": 8, "locked": locked}).json()
    texts = [p["text"] for p in again["paragraphs"]]
    for item in locked:
        assert item["text"] in texts
    assert [texts[i] for i in again["stats"]["locked"]] == [item["text"] for item in locked]
    fresh = client.post("/api/draft", json={**example_profile, "seed": 8}).json()
    assert texts != [p["text"] for p in fresh["paragraphs"]]
    bad = client.post("/api/draft", json={**example_profile, "locked": [{"index": -1}]})
    assert bad.status_code == 422 and bad.json()["errors"][0]["key"] == "locked[0].index"


# ---------------------------------------------------------------- /api/export


def test_export_writes_the_edited_draft(client: Any, drafted: dict[str, Any]) -> None:
    import docx

    edited = json.loads(json.dumps(drafted))
    body = next(p for p in edited["paragraphs"] if p["kind"] == "body" and p["lead"])
    body["text"] = "改写后的段落，写进公文。"
    body["lead"] = None
    response = client.post("/api/export?format=docx", json=edited)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="speech.docx"; filename*=UTF-8')
    assert "%E5%9C%A8" in disposition  # the title (在…上的讲话), percent-encoded
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "改写后的段落，写进公文。" in text
    for fmt in ("txt", "md"):
        got = client.post(f"/api/export?format={fmt}", json=edited)
        assert got.status_code == 200 and "改写后的段落，写进公文。" in got.content.decode("utf-8")


def test_export_refuses_bad_drafts_and_formats(client: Any, drafted: dict[str, Any]) -> None:
    response = client.post("/api/export?format=pdf", json=drafted)
    assert response.status_code == 422 and "docx | txt | md" in response.text
    broken = json.loads(json.dumps(drafted))
    broken["paragraphs"][3]["text"] = 7
    got = client.post("/api/export?format=docx", json=broken)
    assert got.status_code == 422
    assert got.json()["errors"][0]["key"] == "paragraphs[3].text"
    lead = json.loads(json.dumps(drafted))
    p = next(p for p in lead["paragraphs"] if p["lead"])
    p["text"] = "别的开头。" + p["text"]
    assert client.post("/api/export?format=docx", json=lead).status_code == 422


# ---------------------------------------------------------------- corpus


def test_search_gives_kwic_lines_with_source_and_line(client: Any, workbench: Any) -> None:
    response = client.get("/api/search", params={"q": "长效机制", "limit": 20})
    assert response.status_code == 200
    hits = response.json()["hits"]
    assert 0 < len(hits) <= 20
    for hit in hits:
        assert hit["keyword"] == "长效机制" and hit["location"] == f"{hit['source']}:{hit['line']}"
        passage = client.get("/api/passage", params={"source": hit["source"], "line": hit["line"]})
        shown = [p for p in passage.json()["paragraphs"] if p["hit"]]
        assert len(shown) == 1 and hit["left"] + "长效机制" + hit["right"] in shown[0]["text"]
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search", params={"q": "创建", "limit": 0}).status_code == 422


def test_passage_reads_the_store_never_the_file_system(client: Any) -> None:
    for source in ("../../../etc/passwd", "/etc/passwd", str(ROOT / "README.md")):
        response = client.get("/api/passage", params={"source": source, "line": 1})
        assert response.status_code == 404 and "not in the store" in response.text


def test_profile_yaml_round_trip_and_line_numbers(
    client: Any, example_profile: dict[str, Any]
) -> None:
    text = client.post("/api/profile/yaml", json=example_profile).text
    back = client.post("/api/profile/parse", json={"yaml": text, "name": "x.yaml"}).json()
    assert back == example_profile
    bad = (
        "city: 青岚市\ncampaign: 全国文明城市\nmeeting: {type: 动员会}\n"
        "speaker: {title: 书记}\nsections: 9\n"
    )
    got = client.post("/api/profile/parse", json={"yaml": bad, "name": "p.yaml"})
    assert got.status_code == 422
    assert got.json()["errors"] == [
        {
            "key": "sections",
            "message": "p.yaml:5: sections: must be between 3 and 5 (got 9)"
            " / 第5行 sections 应为 3–5",
        }
    ]


# ---------------------------------------------------------------- the local-only guard


@pytest.mark.parametrize(
    "headers",
    [
        {"Host": "evil.example"},
        {"Host": "evil.example:8765"},
        {"Host": "127.0.0.1.evil.example"},
        {"Origin": "http://evil.example"},
        {"Origin": "http://127.0.0.1.evil.example:8765"},
        {"Origin": "null"},
    ],
)
def test_foreign_host_or_origin_is_refused(
    client: Any, headers: dict[str, str], example_profile: dict[str, Any]
) -> None:
    assert client.get("/api/status", headers=headers).status_code == 403
    assert client.get("/", headers=headers).status_code == 403
    response = client.post("/api/draft", json=example_profile, headers=headers)
    assert response.status_code == 403 and response.json()["errors"][0]["key"] == "request"


def test_own_origin_and_localhost_are_accepted(client: Any) -> None:
    for headers in ({"Origin": "http://127.0.0.1:8765"}, {"Host": "localhost:8765"}):
        assert client.get("/api/status", headers=headers).status_code == 200


def test_state_changing_requests_need_the_token(client: Any, workbench: Any) -> None:
    before = workbench.counts()
    for path, body in (("/api/ingest", {"path": str(ROOT / "corpus")}), ("/api/jobs/x/cancel", {})):
        for headers in (JSON, {**JSON, "X-Speechkit-Token": "wrong"}):
            response = client.post(path, json=body, headers=headers)
            assert response.status_code == 403
            assert "missing or wrong x-speechkit-token header" in response.text
    response = client.post("/api/upload?batch=0a1b2c3d&name=a.txt", content=b"x")
    assert response.status_code == 403
    assert workbench.counts() == before


def test_json_endpoints_refuse_form_bodies(client: Any, example_profile: dict[str, Any]) -> None:
    # A cross-site <form> can only send these content types.
    for ctype in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data"):
        response = client.post(
            "/api/draft", content=json.dumps(example_profile), headers={"Content-Type": ctype}
        )
        assert response.status_code == 415


# ---------------------------------------------------------------- uploads


@pytest.mark.parametrize(
    "name",
    ["../escape.txt", "a/../../escape.txt", "/etc/escape.txt", "C:/escape.txt", "..\\escape.txt",
     "a//b.txt", "./a.txt", "a\x00.txt", ""],
)  # fmt: skip
def test_upload_names_cannot_leave_the_upload_folder(
    client: Any, workbench: Any, name: str
) -> None:
    response = client.post(
        "/api/upload", params={"batch": "0a1b2c3d", "name": name}, content=b"text", headers=AUTH
    )
    assert response.status_code == 400
    assert not (workbench.upload_dir.parent / "escape.txt").exists()
    assert not (workbench.upload_dir / "escape.txt").exists()


@pytest.mark.parametrize("batch", ["../../tmp", "/tmp", "ABCDEF12", "0a1b"])
def test_upload_batches_are_hex_ids(client: Any, batch: str) -> None:
    response = client.post(
        "/api/upload", params={"batch": batch, "name": "a.txt"}, content=b"x", headers=AUTH
    )
    assert response.status_code == 400 and "hex digits" in response.text


def test_upload_size_limit_leaves_nothing(
    client: Any, workbench: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbench, "max_upload_bytes", 1024)
    params = {"batch": "0b0b0b0b", "name": "big.txt"}
    response = client.post("/api/upload", params=params, content=b"x" * 5000, headers=AUTH)
    assert response.status_code == 413 and "upload limit" in response.text
    folder = workbench.upload_dir / "0b0b0b0b"
    assert not folder.exists() or list(folder.iterdir()) == []


def test_an_edited_heading_stays_a_heading(
    client: Any, example_profile: dict[str, Any], drafted: dict[str, Any]
) -> None:
    at = [i for i, p in enumerate(drafted["paragraphs"]) if p["kind"] == "heading"][1]
    role = drafted["paragraphs"][at]["role"]
    locked = [{"index": at, "text": "二、改过的标题", "role": role, "kind": "heading"}]
    again = client.post("/api/draft", json={**example_profile, "seed": 9, "locked": locked})
    paragraphs = again.json()["paragraphs"]
    (where,) = again.json()["stats"]["locked"]
    assert paragraphs[where]["text"] == "二、改过的标题"
    assert paragraphs[where]["kind"] == "heading" and paragraphs[where]["level"] == 1
    assert paragraphs[where]["role"] == role
    assert sum(p["kind"] == "heading" for p in paragraphs) == sum(
        p["kind"] == "heading" for p in drafted["paragraphs"]
    )


def test_passage_needs_a_line(client: Any) -> None:
    response = client.get("/api/passage", params={"source": "corpus/000_d7c0b4b5b75140e8.txt"})
    assert response.status_code == 422 and response.json()["errors"][0]["key"] == "line"
    broken = client.post("/api/draft", content=b'{"city": "\xff"}', headers=JSON)
    assert broken.status_code == 400 and "UTF-8" in broken.text
