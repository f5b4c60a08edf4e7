"""The FastAPI application of `strife serve`: the REST API under /api, the web map at /, the
OpenAPI description at /openapi.json. A thin adapter over the store, the service layer and the
shared formatters, like the CLI.

    create_app("sqlite:///strife.db", token="...")   # token: STRIFE_API_TOKEN or settings api.token
"""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from starlette.responses import FileResponse
from starlette.staticfiles import StaticFiles

from strife import __version__
from strife.api import errors
from strife.api.fast import FastEvents
from strife.api.queries import Stores
from strife.api.security import BodyLimit, RateLimit, RejectNul, SecurityHeaders
from strife.settings import ApiSettings, get_settings

WEB = Path(__file__).resolve().parent.parent / "web"


def api_settings(token: str | None = None, **overrides: int) -> ApiSettings:
    """The API settings: packaged defaults < user file < STRIFE_API__* < STRIFE_API_TOKEN < arguments."""
    settings = get_settings().api.model_copy(update=overrides)
    chosen = token if token is not None else os.environ.get("STRIFE_API_TOKEN", settings.token)
    return settings.model_copy(update={"token": chosen.strip()})


def create_app(
    db: str | None = None,
    token: str | None = None,
    max_body_bytes: int | None = None,
    rate_limit_per_minute: int | None = None,
) -> FastAPI:
    """The app over the database at `db` (default: settings `db`). Raises StorageError when the
    database cannot be opened."""
    overrides = {
        k: v
        for k, v in (("max_body_bytes", max_body_bytes), ("rate_limit_per_minute", rate_limit_per_minute))
        if v is not None
    }
    settings = api_settings(token, **overrides)
    stores = Stores(db or get_settings().db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        settle_memory()
        yield
        stores.close()

    app = FastAPI(
        title="strife",
        version=__version__,
        summary="Sourced, geocoded conflict events from news text.",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: not offline, not under our CSP
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.token = settings.token
    errors.install(app)

    from strife.api import routes, writes

    app.include_router(routes.router)
    app.include_router(writes.router)
    app.mount("/static", StaticFiles(directory=WEB, check_dir=True), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8")

    # Added last = outermost: every answer, even a 413 or a 429, carries the security headers;
    # the fast path of /api/events is innermost, behind every limit.
    app.add_middleware(FastEvents, stores=stores)
    app.add_middleware(RejectNul)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(RateLimit, per_minute=settings.rate_limit_per_minute)
    app.add_middleware(SecurityHeaders)
    return app


def settle_memory() -> None:
    """Move what the server holds after start-up (modules, the app, its routes and models) out of
    the collector's sight: a full collection of a started server walks every such object (tens of
    milliseconds, measured), and it stalls every request in flight on that worker; with them
    frozen it walks only what requests left behind."""
    gc.collect()
    gc.freeze()


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory strife.api.app:app_from_env` (database from STRIFE_DB)."""
    return create_app()
