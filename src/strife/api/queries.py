"""What the API asks the store, composed from `Store` methods, and the query parameters that
say it: filters, pages and the per-thread store every request uses.

Filters become one `EventFilter`, which the store turns into SQL (storage/search.py), so a
filtered page with its total stays fast on 100,000 events.
"""

from __future__ import annotations

import contextlib
import math
import threading
from datetime import date
from typing import Annotated, Any, Literal, cast

from fastapi import Depends, Query, Request
from pydantic import BaseModel, Field

from strife.api.errors import ApiError
from strife.errors import StorageError
from strife.storage import Near, Store
from strife.storage.base import Store as BaseStore
from strife.storage.search import EventFilter

MAX_PAGE = 1000
MAX_EXPORT = 10_000
MMAP_BYTES = 1 << 30


class Stores:
    """One open store per thread (SQLite connections belong to the thread that opened them;
    FastAPI runs plain `def` endpoints in a thread pool). All are closed by `close()`."""

    def __init__(self, url: str) -> None:
        text = url.strip()
        if text.startswith("sqlite://") and text.removeprefix("sqlite://") in ("", "/:memory:", ":memory:"):
            raise StorageError("the server needs a database file: an in-memory SQLite database is per thread")
        self.url = text
        self.local = threading.local()
        self.opened: list[BaseStore] = []
        self.lock = threading.Lock()
        Store(self.url).close()  # fail at start, not at the first request, when it cannot open

    def get(self) -> BaseStore:
        store = getattr(self.local, "store", None)
        if store is None:
            store = Store(self.url)
            tune_for_reading(store)
            self.local.store = store
            with self.lock:
                self.opened.append(store)
        return store

    def close(self) -> None:
        with self.lock:
            for store in self.opened:
                # A connection of another thread may refuse to close; the process ends anyway.
                with contextlib.suppress(Exception):
                    store.close()
            self.opened.clear()


class ThreadStore:
    """Stands for the store of whichever thread calls it. FastAPI may run a dependency and its
    endpoint in different threads of its pool, so the store is looked up at each call."""

    def __init__(self, stores: Stores) -> None:
        self._stores = stores

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stores.get(), name)


def tune_for_reading(db: BaseStore) -> None:
    """Let SQLite read the database file through a shared memory map: the server's connections
    then share one copy of the hot pages instead of each reading them through its own cache."""
    conn = db.sql_connection()
    if conn is not None and type(conn).__module__ == "sqlite3":
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")


async def store(request: Request) -> BaseStore:
    """Dependency: the store, as seen from the thread that uses it."""
    return cast(BaseStore, ThreadStore(request.app.state.stores))


StoreDep = Annotated[BaseStore, Depends(store)]


def _floats(value: str, count: int, what: str, example: str) -> list[float]:
    parts = value.split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) != count or not all(math.isfinite(n) for n in numbers):
        raise ApiError(400, f"{what}: expected {count} numbers separated by commas, e.g. {example}")
    return numbers


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'minlon,minlat,maxlon,maxlat' as a box; 400 when it is not one."""
    if value is None:
        return None
    min_lon, min_lat, max_lon, max_lat = _floats(value, 4, "bbox", "35.5,32.3,42.4,37.3")
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ApiError(400, "bbox: longitudes within ±180, latitudes within ±90, minlat ≤ maxlat")
    return min_lon, min_lat, max_lon, max_lat


def parse_near(value: str | None) -> Near | None:
    """'lat,lon,km' as a circle; 400 when it is not one."""
    if value is None:
        return None
    lat, lon, km = _floats(value, 3, "near", "36.2,37.15,25")
    try:
        return Near(lat, lon, km)
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None


class FilterParams(BaseModel):
    """The event filters of a request, validated in one pass (a query model: pydantic checks
    all of them at once, several times cheaper than one FastAPI parameter each)."""

    country: str | None = Field(None, description="Country name or ISO3 code.", max_length=200)
    admin1: str | None = Field(None, description="First-level region.", max_length=200)
    type: str | None = Field(
        None, description="Event type, sub-event type or tag (as the CLI's --type).", max_length=200
    )
    sub_type: str | None = Field(None, description="ACLED sub-event type.", max_length=200)
    tag: str | None = Field(None, description="Event tag, e.g. prison_break.", max_length=200)
    actor: str | None = Field(None, description="Canonical name of actor1 or actor2.", max_length=200)
    since: date | None = Field(None, description="Events on or after this day.")
    until: date | None = Field(None, description="Events on or before this day.")
    bbox: str | None = Field(None, description="minlon,minlat,maxlon,maxlat", max_length=100)
    near: str | None = Field(None, description="lat,lon,km", max_length=100)
    min_fatalities: int | None = Field(None, ge=0, le=10_000_000)
    q: str | None = Field(None, description="Words in the event's record.", max_length=200)
    background: bool | None = Field(None, description="Only (or no) recalled events.")


class EventsParams(FilterParams):
    """The query of `GET /api/events`: the filters, the page, its order and format. One model,
    so the route and its fast path (`strife.api.fast`) validate a request alike."""

    limit: int = Field(50, ge=0, le=MAX_EXPORT, description=f"≤ {MAX_PAGE} for json")
    offset: int = Field(0, ge=0, le=10**9)
    order: Literal["-date", "date", "-fatalities"] = "-date"
    format: Literal["json", "geojson", "csv"] = "json"


def to_filter(p: FilterParams) -> EventFilter:
    """The `EventFilter` of validated parameters; ApiError (400) when they contradict or a box
    or circle is malformed."""
    if p.since and p.until and p.since > p.until:
        raise ApiError(400, f"since ({p.since}) is after until ({p.until})")
    return EventFilter(
        country=p.country, admin1=p.admin1, event_type=p.type, sub_event_type=p.sub_type, tag=p.tag,
        actor=p.actor, since=p.since.isoformat() if p.since else None,
        until=p.until.isoformat() if p.until else None, near=parse_near(p.near), bbox=parse_bbox(p.bbox),
        min_fatalities=p.min_fatalities, text=p.q.strip() or None if p.q else None, background=p.background,
    )  # fmt: skip


async def event_filter(params: Annotated[FilterParams, Query()]) -> EventFilter:
    """Dependency: the event filters of a request."""
    return to_filter(params)


FilterDep = Annotated[EventFilter, Depends(event_filter)]


# -- compositions of store methods --------------------------------------------------------------
def event_detail(db: BaseStore, event_id: str) -> dict[str, Any]:
    """One event with its claims, the articles that back it, and its article's text: what the
    event panel shows. 404 when there is no such event."""
    event = db.event(event_id)
    if event is None:
        raise ApiError(404, f"no event {event_id!r}")
    record = db.article(event["article_id"]) or {}
    article = dict(record.get("article") or {})
    article["warnings"] = record.get("warnings", [])
    return {
        "event": event,
        "article": article,
        "sources": db.event_articles(event_id),
        "claims": db.claims(event_id),
    }


def article_detail(db: BaseStore, article_id: str) -> dict[str, Any]:
    record = db.article(article_id)
    if record is None:
        raise ApiError(404, f"no article {article_id!r}")
    return record
