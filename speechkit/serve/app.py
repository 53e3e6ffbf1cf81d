"""The workbench's HTTP routes (Starlette): two pages and the JSON API under ``/api/``.

Routes only parse the request and call one :class:`~speechkit.serve.workbench.Workbench`
method; errors become JSON ``{"errors": [{"key", "message"}]}`` with a fitting status.
Everything (HTML, CSS, JS) is served from the package: nothing comes from the internet.

API (extended, never changed):

- ``POST /api/draft`` profile JSON (+ ``locked``) → draft JSON; invalid profile → 422
- ``POST /api/alternatives`` ``{"profile", "draft", "index", "limit"}`` → ``{"alternatives"}``
- ``POST /api/export?format=docx|txt|md`` draft JSON → the file (``Content-Disposition``)
- ``GET /api/search?q=…&limit=20`` → ``{"query", "hits": [{"source", "line", …}]}``
- ``GET /api/passage?source=…&line=…`` → the stored paragraph with its neighbours
- ``GET /api/status``, ``GET /api/profile/example``, ``POST /api/profile/parse`` (YAML →
  profile JSON), ``POST /api/profile/yaml`` (profile JSON → YAML)
- ``POST /api/upload?batch=…&name=…`` (raw bytes), ``POST /api/ingest``,
  ``GET /api/jobs/ID``, ``POST /api/jobs/ID/cancel`` (these need the session token)
- ``GET /api/phrases``, ``GET /api/outline``, ``GET /api/duplicates``
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from speechkit.errors import (
    DraftDataError,
    ParameterError,
    ProfileError,
    ProfileProblems,
    SpeechkitError,
)
from speechkit.serve.security import LocalOnly, host_names
from speechkit.serve.uploads import UploadError
from speechkit.serve.workbench import EXPORT_FORMATS, Workbench, WorkbenchError

__all__ = ["create_app"]

STATIC_DIR = Path(__file__).resolve().parent / "static"


def _errors(status: int, items: list[tuple[str, str]]) -> Any:
    from starlette.responses import JSONResponse

    return JSONResponse(
        {"errors": [{"key": k, "message": m} for k, m in items]}, status_code=status
    )


def _error_response(exc: SpeechkitError) -> Any:
    """The JSON error for a library error: 422 for bad input, the error's own status else."""
    if isinstance(exc, ProfileProblems):
        return _errors(422, exc.problems)
    if isinstance(exc, DraftDataError):
        return _errors(422, [(exc.key, str(exc))])
    if isinstance(exc, ParameterError):
        return _errors(422, [(exc.name, str(exc))])
    if isinstance(exc, WorkbenchError | UploadError):
        return _errors(exc.status, [("request", str(exc))])
    if isinstance(exc, ProfileError):
        return _errors(422, [("profile", str(exc))])
    return _errors(400, [("request", str(exc))])


Handler = Callable[[Any], Awaitable[Any]]


def _api(handler: Handler) -> Handler:
    """Turn library errors and unreadable JSON into JSON error responses."""

    async def wrapped(request: Any) -> Any:
        try:
            return await handler(request)
        except SpeechkitError as exc:
            return _error_response(exc)
        except json.JSONDecodeError as exc:
            return _errors(400, [("body", f"not valid JSON ({exc.msg} at {exc.pos})")])
        except UnicodeDecodeError:
            return _errors(400, [("body", "not UTF-8 text; send the JSON as UTF-8")])

    return wrapped


async def _json(request: Any) -> Any:
    return json.loads(await request.body() or b"null")


def _int_param(
    request: Any, name: str, default: int | None, *, low: int = 1, high: int = 200
) -> int:
    """A whole-number query parameter in ``[low, high]``; ``default`` None makes it required."""
    raw = request.query_params.get(name)
    if raw is None and default is not None:
        return default
    if raw is None:
        raise ParameterError(name, raw, f"a whole number from {low} to {high}")
    try:
        value = int(raw)
    except ValueError:
        raise ParameterError(name, raw, f"a whole number from {low} to {high}") from None
    if not low <= value <= high:
        raise ParameterError(name, raw, f"a whole number from {low} to {high}")
    return value


def _page_context() -> dict[str, Any]:
    from speechkit.draft import resources as res
    from speechkit.profile import LEVELS, MEETING_TYPES

    return {
        "meeting_types": MEETING_TYPES,
        "levels": LEVELS,
        "campaigns": res.CAMPAIGNS.pattern.split("|"),
    }


def create_app(workbench: Workbench, *, host: str = "127.0.0.1", token: str | None = None) -> Any:
    """The ASGI app of the workbench, guarded by :class:`~speechkit.serve.security.LocalOnly`.

    Args:
        workbench: The state the routes call.
        host: The address the server binds (decides the accepted ``Host`` names).
        token: The per-session token (random when ``None``); ``app.state.token`` has it.
    """
    from jinja2 import Environment, PackageLoader, select_autoescape
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    token = token or secrets.token_urlsafe(24)
    # Autoescaped: nothing a user typed is ever markup in the page.
    pages = Environment(
        loader=PackageLoader("speechkit.serve", "pages"), autoescape=select_autoescape(["html"])
    )
    context = _page_context()

    def page(name: str) -> Handler:
        async def render(request: Any) -> Any:
            html = pages.get_template(name).render(token=token, active=name, **context)
            return HTMLResponse(html, headers={"Content-Security-Policy": _CSP})

        return render

    def threaded(method: Callable[..., Any]) -> Handler:
        """A JSON route whose body goes to ``method`` in a worker thread (drafting is CPU)."""

        @_api
        async def route(request: Any) -> Any:
            body = await _json(request)
            return JSONResponse(await run_in_threadpool(method, body))

        return route

    @_api
    async def export(request: Any) -> Any:
        fmt = request.query_params.get("format", "docx")
        body = await _json(request)
        data, name = await run_in_threadpool(workbench.export, body, fmt)
        ascii_name = f"speech.{fmt}"
        disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
        return Response(
            data,
            media_type=EXPORT_FORMATS.get(fmt, "application/octet-stream"),
            headers={"Content-Disposition": disposition},
        )

    @_api
    async def search(request: Any) -> Any:
        query = request.query_params.get("q", "").strip()
        if not query:
            raise ParameterError("q", query, "a word or phrase to search for")
        limit = _int_param(request, "limit", 20, high=500)
        width = _int_param(request, "width", 30, high=200)
        return JSONResponse(await run_in_threadpool(workbench.search, query, limit=limit,
                                                    width=width))  # fmt: skip

    @_api
    async def passage(request: Any) -> Any:
        source = request.query_params.get("source", "")
        line = _int_param(request, "line", None, low=1, high=10**9)
        return JSONResponse(await run_in_threadpool(workbench.passage, source, line))

    @_api
    async def status(request: Any) -> Any:
        return JSONResponse(await run_in_threadpool(workbench.status))

    @_api
    async def example(request: Any) -> Any:
        from speechkit.serve.profiles import example_profile

        return JSONResponse(example_profile())

    def parse_yaml(body: Any) -> Any:
        from speechkit.serve.profiles import profile_from_yaml

        return profile_from_yaml(body)

    @_api
    async def to_yaml(request: Any) -> Any:
        from speechkit.serve.profiles import profile_to_yaml

        text = profile_to_yaml(await _json(request))
        return PlainTextResponse(
            text,
            media_type="application/x-yaml; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="profile.yaml"'},
        )

    @_api
    async def upload(request: Any) -> Any:
        limit = workbench.max_upload_bytes
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise UploadError(
                f"{request.query_params.get('name')}: larger than the upload limit of "
                f"{limit // (1024 * 1024)} MB; add big folders by their local path instead",
                status=413,
            )
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            chunks.append(chunk)
            if size > limit:
                break  # write_upload refuses it and leaves nothing behind
        batch, name = request.query_params.get("batch"), request.query_params.get("name")
        return JSONResponse(
            await run_in_threadpool(workbench.save_upload, batch, name, chunks)  # type: ignore[arg-type]
        )

    @_api
    async def ingest(request: Any) -> Any:
        job = await run_in_threadpool(workbench.start_ingest, await _json(request))
        return JSONResponse(job.to_json(), status_code=202)

    @_api
    async def job(request: Any) -> Any:
        return JSONResponse(workbench.job(request.path_params["job_id"]).to_json())

    @_api
    async def cancel(request: Any) -> Any:
        return JSONResponse(workbench.cancel(request.path_params["job_id"]).to_json())

    def analysis(method: Callable[[], Any]) -> Handler:
        @_api
        async def route(request: Any) -> Any:
            return JSONResponse(await run_in_threadpool(method))

        return route

    routes = [
        Route("/", page("draft.html")),
        Route("/corpus", page("corpus.html")),
        Route("/api/status", status),
        Route("/api/draft", threaded(workbench.draft), methods=["POST"]),
        Route("/api/alternatives", threaded(workbench.alternatives), methods=["POST"]),
        Route("/api/check", threaded(workbench.check), methods=["POST"]),
        Route("/api/export", export, methods=["POST"]),
        Route("/api/search", search),
        Route("/api/passage", passage),
        Route("/api/profile/example", example),
        Route("/api/profile/parse", threaded(parse_yaml), methods=["POST"]),
        Route("/api/profile/yaml", to_yaml, methods=["POST"]),
        Route("/api/upload", upload, methods=["POST"]),
        Route("/api/ingest", ingest, methods=["POST"]),
        Route("/api/jobs/{job_id}", job),
        Route("/api/jobs/{job_id}/cancel", cancel, methods=["POST"]),
        Route("/api/phrases", analysis(workbench.phrases)),
        Route("/api/outline", analysis(workbench.outline)),
        Route("/api/duplicates", analysis(workbench.duplicates)),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.token = token
    app.state.workbench = workbench
    guarded = LocalOnly(app, hosts=host_names(host), token=token)
    guarded.state = app.state  # type: ignore[attr-defined]
    return guarded


#: Scripts and styles only from the workbench itself; no inline script, no other site.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
