"""One JSON shape for every error the API returns: `{"error": {"status": N, "message": "..."}}`.

Malformed parameters, oversized bodies, wrong tokens and unknown ids are the client's fault
and get a 4xx with a message meant for people; only a bug gives a 500, and its details go to
the server log, not to the client.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from strife.errors import ConfigError, InputError, StorageError

log = logging.getLogger("strife.api")


class ApiError(Exception):
    """An error with the HTTP status to answer with."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def error_body(status: int, message: str) -> bytes:
    return json.dumps({"error": {"status": status, "message": message}}, ensure_ascii=False).encode()


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(error_body(status, message), status, headers=headers, media_type="application/json")


def _where(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p != "body" or len(loc) == 1]
    return ".".join(parts) or "request"


def validation_message(exc: RequestValidationError) -> str:
    """The first few validation problems in one line: 'query.limit: must be ≤ 1000; ...'."""
    problems = [f"{_where(tuple(e.get('loc', ())))}: {e.get('msg', 'invalid')}" for e in exc.errors()[:3]]
    return "; ".join(problems) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return error_response(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> Response:
        return error_response(422, validation_message(exc))

    @app.exception_handler(InputError)
    async def _input(_: Request, exc: InputError) -> Response:
        return error_response(422, str(exc))

    @app.exception_handler(ValueError)
    async def _value(_: Request, exc: ValueError) -> Response:
        return error_response(400, str(exc))

    @app.exception_handler(StorageError)
    async def _storage(_: Request, exc: StorageError) -> Response:
        log.error("storage error: %s", exc)
        return error_response(503, f"the database cannot answer: {exc}")

    @app.exception_handler(ConfigError)
    async def _config(_: Request, exc: ConfigError) -> Response:
        return error_response(500, f"server misconfigured: {exc}")

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error (logged on the server)")
