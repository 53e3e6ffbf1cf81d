"""Local-only guard for the workbench: Host and Origin checks and the session token.

- A request whose ``Host`` is not one of the server's own names is refused: a web page on
  another site cannot reach the workbench by pointing a DNS name at 127.0.0.1 (DNS rebinding).
- A request with an ``Origin`` other than the workbench's own is refused (browsers send it on
  every cross-site request and on every POST), so no other site can make the browser post.
- Requests that change the store (upload, ingest, cancel) also need the per-session token in
  ``X-Speechkit-Token``; the page gets it in its ``<meta>``, scripts from the console line.
- JSON endpoints accept only ``application/json`` bodies, which a cross-site form cannot send.
"""

from __future__ import annotations

import contextlib
import hmac
import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

__all__ = ["TOKEN_HEADER", "LocalOnly", "host_names"]

TOKEN_HEADER = "x-speechkit-token"
#: Paths whose POST changes the store or the upload folder.
_STATE_CHANGING = ("/api/upload", "/api/ingest", "/api/jobs/")
#: POST bodies that are not JSON.
_RAW_BODY = ("/api/upload",)

#: On every response: no MIME sniffing, no framing by other sites, no referrer leaving.
_HARDENING = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def host_names(host: str) -> set[str]:
    """The ``Host`` names the server answers to when bound to ``host``.

    Examples:
        >>> sorted(host_names("127.0.0.1"))
        ['127.0.0.1', '::1', 'localhost']
    """
    names = {"127.0.0.1", "localhost", "::1"}
    if host not in ("0.0.0.0", "::", ""):
        names.add(host.strip("[]").lower())
    else:  # every interface: the machine's own name and addresses
        import socket

        names.add(socket.gethostname().lower())
        with contextlib.suppress(OSError):
            names.update(str(a[4][0]) for a in socket.getaddrinfo(socket.gethostname(), None))
    return names


def _hostname(value: str) -> str:
    """``Host``/``Origin`` authority without the port.

    Examples:
        >>> _hostname("[::1]:8765"), _hostname("LocalHost:8765"), _hostname("evil.example")
        ('::1', 'localhost', 'evil.example')
    """
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class LocalOnly:
    """ASGI middleware refusing foreign ``Host``/``Origin`` and token-less state changes.

    Args:
        app: The wrapped ASGI app.
        hosts: Names from :func:`host_names`.
        token: The per-session token.
    """

    def __init__(self, app: ASGIApp, *, hosts: Iterable[str], token: str) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        problem = self._problem(scope, headers)
        if problem is not None:
            status, message = problem
            body = json.dumps({"errors": [{"key": "request", "message": message}]}).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [(b"content-type", b"application/json")],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return

        async def send_hardened(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HARDENING]
            await send(message)

        await self.app(scope, receive, send_hardened)

    def _problem(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = _hostname(headers.get("host", ""))
        if host not in self.hosts:
            return 403, (
                f"refused: Host {headers.get('host', '')!r} is not this workbench "
                "(open it at http://127.0.0.1:PORT)"
            )
        origin = headers.get("origin")
        if origin is not None:
            scheme, _, authority = origin.partition("://")
            if scheme not in ("http", "https") or _hostname(authority) not in self.hosts:
                return 403, f"refused: request from another site ({origin})"
        method = scope["method"]
        if method in ("GET", "HEAD", "OPTIONS"):
            return None
        path = scope["path"]
        if path.startswith(_STATE_CHANGING):
            given = headers.get(TOKEN_HEADER, "")
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                return 403, (
                    f"refused: missing or wrong {TOKEN_HEADER} header "
                    "(reload the page, or use the token the server printed)"
                )
        ctype = headers.get("content-type", "").split(";")[0].strip().lower()
        if not path.startswith(_RAW_BODY) and ctype != "application/json":
            return 415, "send the body as JSON (Content-Type: application/json)"
        return None
