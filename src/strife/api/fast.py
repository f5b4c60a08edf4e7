"""The fast path of `GET /api/events`, the query the map page and its clients send most: the
same answer as the FastAPI route, without FastAPI's per-request machinery (dependency solving,
per-parameter validation, the route's exception layers), which cost about as much CPU as the
SQL of a filtered page (measured by `python -m strife.api.loadtest`).

It reads the query string, validates it with the route's own model (`EventsParams`) and
answers with the route's own function (`routes.events_response`) in a worker thread. Whatever
it is not sure of (a repeated parameter, a value the model refuses, a filter that contradicts
itself, any error while answering) it passes on untouched to the FastAPI route, which then
answers or gives the error in the one JSON shape: the fast path never answers an error itself.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import anyio.to_thread
from pydantic import ValidationError
from starlette.responses import Response

from strife.api.queries import EventsParams, Stores
from strife.api.routes import events_response
from strife.api.security import ASGIApp, Receive, Scope, Send

PATH = "/api/events"


def parse(query_string: bytes) -> EventsParams | None:
    """The validated parameters of a query string, or None when the route must judge it: a
    parameter given twice, or a value the model refuses. (Starlette reads the query string as
    latin-1 and keeps blank values; so does this.)"""
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    values = dict(pairs)
    if len(values) != len(pairs):
        return None
    try:
        return EventsParams.model_validate(values)
    except ValidationError:
        return None


class FastEvents:
    """ASGI layer in front of the router: answers `GET /api/events` itself when it can (see the
    module docstring), passes everything else on. Installed inside the security middleware, so
    its answers get the same headers, body limit and rate limit."""

    def __init__(self, app: ASGIApp, stores: Stores) -> None:
        self.app = app
        self.stores = stores

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] == PATH:
            params = parse(scope.get("query_string", b""))
            if params is not None:
                # In FastAPI's thread pool, as the route would run: a slow search then holds
                # a thread (SQLite lets go of the GIL while it reads), not the event loop.
                response = await anyio.to_thread.run_sync(self.answer, params)
                if response is not None:
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)

    def answer(self, params: EventsParams) -> Response | None:
        """The route's answer, or None when it raised (the route then answers the error)."""
        try:
            return events_response(self.stores.get(), params)
        except Exception:  # the route reproduces the error and answers it in the one shape
            return None
