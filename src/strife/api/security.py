"""Auth, limits and headers: the bearer token for writes, the body-size limit (413), a
per-client rate limit (429) and the security headers (a strict Content-Security-Policy: no
inline script, nothing from another origin) on every response.

The limits are plain ASGI middleware (cheaper than Starlette's BaseHTTPMiddleware and able to
count a chunked body as it streams in).
"""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import Request
from starlette.exceptions import HTTPException

from strife.api.errors import ApiError, error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def require_token(request: Request) -> None:
    """Dependency of every write endpoint: 403 when the server has no token (read-only), 401
    when the request's `Authorization: Bearer <token>` is missing or wrong."""
    expected: str = request.app.state.token
    if not expected:
        raise ApiError(403, "this server is read-only: start it with STRIFE_API_TOKEN set to allow writes")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    challenge = {"WWW-Authenticate": 'Bearer realm="strife"'}
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "missing bearer token (Authorization: Bearer <token>)", challenge)
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "wrong token", challenge)


async def _reply(send: Send, status: int, message: str, extra: list[tuple[bytes, bytes]]) -> None:
    body = error_body(status, message)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + extra})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


class RejectNul:
    """No id, name or filter holds a NUL character, and PostgreSQL refuses text with one: a
    path with NUL is an unknown path (404), a query with one a malformed request (400)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            if "\x00" in scope["path"]:
                await _reply(send, 404, "Not Found", [])
                return
            if b"%00" in scope.get("query_string", b""):
                await _reply(send, 400, "the query string holds a NUL character", [])
                return
        await self.app(scope, receive, send)


class BodyTooLarge(HTTPException):
    """Raised while the body is read; an HTTPException because FastAPI lets only those through
    its body parsing (anything else becomes a 400)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than {limit} bytes")


class BodyLimit:
    """Refuses bodies over `limit` bytes: at once when Content-Length says so, else (chunked
    uploads) as soon as the bytes read pass the limit."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.limit <= 0:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await _reply(send, 400, "Content-Length is not a number", [])
                return
            if size > self.limit:
                await _reply(send, 413, f"request body larger than {self.limit} bytes", [])
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)  # answered as 413 by the error handlers
            return message

        await self.app(scope, counted, send)


class RateLimit:
    """At most `per_minute` API requests per client address, as a token bucket (bursts up to
    the full minute's allowance, refilled evenly). 0 turns it off. Only /api/ is counted: the
    page's static files are not the expensive part."""

    def __init__(self, app: ASGIApp, per_minute: int) -> None:
        self.app = app
        self.per_minute = per_minute
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def allow(self, client: str, now: float | None = None) -> float:
        """0 when `client` may go on, else the seconds until it may."""
        now = time.monotonic() if now is None else now
        rate = self.per_minute / 60.0
        with self.lock:
            tokens, last = self.buckets.get(client, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - last) * rate)
            if tokens < 1:
                self.buckets[client] = (tokens, now)
                return (1 - tokens) / rate
            self.buckets[client] = (tokens - 1, now)
            if len(self.buckets) > 10_000:  # forget clients whose bucket is full again
                full = self.per_minute / rate
                self.buckets = {k: v for k, v in self.buckets.items() if now - v[1] < full}
        return 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.per_minute <= 0 or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("?", 0))[0]
        wait = self.allow(client)
        if wait > 0:
            retry = str(max(1, round(wait)))
            await _reply(send, 429, f"too many requests: at most {self.per_minute} a minute", [
                (b"retry-after", retry.encode())
            ])  # fmt: skip
            return
        await self.app(scope, receive, send)
