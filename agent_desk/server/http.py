"""Plain HTTP on the WebSocket port: the customer page and a health check."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from websockets.datastructures import Headers
from websockets.http11 import Request, Response

_STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/chat.js": ("chat.js", "text/javascript; charset=utf-8"),
    "/chat.css": ("chat.css", "text/css; charset=utf-8"),
}

_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:",
    "Cache-Control": "no-cache",
}


def _response(status: int, reason: str, body: bytes, content_type: str) -> Response:
    headers = Headers({"Content-Type": content_type, "Content-Length": str(len(body)), **_SECURITY_HEADERS})
    return Response(status, reason, headers, body)


def _static(name: str) -> bytes:
    return resources.files("agent_desk.server").joinpath("web", name).read_bytes()


class HttpRoutes:
    """Answers every request that is not a WebSocket upgrade to ``/ws``."""

    def __init__(self, health: Callable[[], dict[str, Any]]) -> None:
        self._health = health

    def __call__(self, request: Request) -> Response | None:
        path = request.path.split("?", 1)[0]
        if path == "/ws":
            return None
        if path == "/healthz":
            body = json.dumps(self._health(), ensure_ascii=False).encode()
            return _response(200, "OK", body, "application/json")
        if path in _STATIC:
            name, content_type = _STATIC[path]
            return _response(200, "OK", _static(name), content_type)
        return _response(404, "Not Found", b"not found\n", "text/plain; charset=utf-8")
