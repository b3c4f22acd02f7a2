"""Cross-cutting HTTP concerns as small pure-ASGI middlewares (no per-route copies).

- ``ObservabilityMiddleware``: request id, one log line per request (never the text), Prometheus
  metrics, and a last-resort 500 that does not leak the exception message.
- ``SecurityHeadersMiddleware``: CSP and friends on every response; ``no-store`` on API answers.
- ``BodyLimitMiddleware``: 413 before (Content-Length) or while (chunked) reading an oversized body.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import APIError, body_too_large, error_body, log_unhandled
from .metrics import Metrics

log = logging.getLogger("tagger.service")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_MOUNTS = ("/docs/assets", "/static")

PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# Swagger UI sets inline style attributes, so its page needs 'unsafe-inline' for styles (not scripts).
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# Only when the Swagger UI bundle is not installed: FastAPI's stock page loads it from a CDN.
DOCS_CDN_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"

_COMMON_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


def route_label(scope: Scope, known: frozenset[str] = frozenset()) -> str:
    """The route template (``/v1/tag``), never an unknown raw path, so metrics stay low-cardinality.

    ``known`` holds the app's fixed paths, for requests answered before routing (a 413, say).
    """
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    raw = scope.get("path", "")
    if raw in known:
        return raw
    for mount in _MOUNTS:
        if raw.startswith(mount + "/"):
            return mount
    return "<unmatched>"


async def _send_json(send: Send, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]] | None = None) -> None:
    payload = json.dumps(body).encode("utf-8")
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()), *(headers or [])],
    })
    await send({"type": "http.response.body", "body": payload})


class ObservabilityMiddleware:
    def __init__(self, app: ASGIApp, *, metrics: Metrics, log_requests: bool = True,
                 known_paths: frozenset[str] = frozenset()):
        self.app = app
        self.metrics = metrics
        self.log_requests = log_requests
        self.known_paths = known_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope.get("headers") or ()).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex[:16]
        scope.setdefault("state", {})["request_id"] = request_id
        status = 500
        started = False
        bytes_out = 0
        t0 = time.perf_counter()
        self.metrics.in_progress.inc()

        async def send_wrapper(message: Message) -> None:
            nonlocal status, started, bytes_out
            if message["type"] == "http.response.start":
                started = True
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            elif message["type"] == "http.response.body":
                bytes_out += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception as exc:
            log_unhandled(exc, route_label(scope, self.known_paths), request_id)
            if not started:
                await _send_json(send_wrapper, 500, error_body(
                    "E500", f"the server failed on this request; it has been logged as request {request_id}"))
            status = 500
        finally:
            self.metrics.in_progress.dec()
            elapsed = time.perf_counter() - t0
            route = route_label(scope, self.known_paths)
            self.metrics.observe(scope["method"], route, status, elapsed)
            if self.log_requests:
                headers = dict(scope.get("headers") or ())
                bytes_in = headers.get(b"content-length", b"-").decode("latin-1")
                log.info("request %s %s %s -> %d in %.1f ms (body in %s B, out %d B)",
                         request_id, scope["method"], route, status, elapsed * 1000, bytes_in, bytes_out)


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, docs_csp: str = DOCS_CSP):
        self.app = app
        self.docs_csp = docs_csp

    def _policy(self, path: str) -> tuple[str, bool]:
        """(CSP, whether the response may be cached)."""
        if path == "/docs" or path.startswith("/docs/"):
            return self.docs_csp, path.startswith("/docs/assets/")
        if path.startswith("/v1/") or path == "/metrics" or path == "/openapi.json":
            return API_CSP, False
        return PAGE_CSP, path.startswith("/static/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp, cacheable = self._policy(scope.get("path", ""))
        extra = [*_COMMON_HEADERS, (b"content-security-policy", csp.encode())]
        if scope.get("scheme") == "https":
            extra.append((b"strict-transport-security", b"max-age=31536000"))

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                if not cacheable and not any(k.lower() == b"cache-control" for k, _ in headers):
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = [*headers, *extra]
            await send(message)

        await self.app(scope, receive, send_wrapper)


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, limit_for: Callable[[str], int]):
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"POST", "PUT", "PATCH"}:
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            err = body_too_large(limit)
            await _send_json(send, err.status, error_body(err.code, err.message))
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise body_too_large(limit)
            return message

        async def send_wrapper(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, send_wrapper)
        except APIError as err:
            if started or err.status != 413:
                raise
            await _send_json(send, err.status, error_body(err.code, err.message))
