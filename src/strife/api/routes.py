"""The read endpoints: events (json, geojson, csv), one event with its evidence, articles,
actors, counts, and map points. Each is a thin call to the store and the shared formatters
(`strife.formats`), as the CLI's `events` and `export` are."""

from __future__ import annotations

import io
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Path, Query
from starlette.responses import Response

from strife.api.pages import event_page
from strife.api.queries import (
    MAX_PAGE,
    EventsParams,
    FilterDep,
    StoreDep,
    article_detail,
    event_detail,
    to_filter,
)
from strife.formats import geojson, write_events
from strife.storage.base import Store as BaseStore
from strife.storage.search import ORDERS

router = APIRouter(prefix="/api")

Id = Annotated[str, Path(min_length=1, max_length=200)]
Offset = Annotated[int, Query(ge=0, le=10**9)]


class Json(Response):
    """JSON written by orjson (FastAPI's encoder is several times slower on a page of events)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


@router.get("/events", summary="Events, filtered and paged, newest first")
def list_events(db: StoreDep, params: Annotated[EventsParams, Query()]) -> Response:
    """`json`: {total, limit, offset, events}; `geojson`: a FeatureCollection (events with a
    place) with `total`; `csv`: the flat rows of `strife events -f csv`, the total in X-Total-Count."""
    return events_response(db, params)


def events_response(db: BaseStore, params: EventsParams) -> Response:
    """The answer to `GET /api/events` with `params`, from the route or its fast path
    (`strife.api.fast`). Raises ApiError on contradictory filters."""
    flt, offset, order = to_filter(params), params.offset, params.order
    limit = min(params.limit, MAX_PAGE) if params.format == "json" else params.limit
    assert order in ORDERS
    if params.format == "json":  # the page comes out of the store already in JSON
        total, page = event_page(db, flt, limit, offset, order)
        headers = {"X-Total-Count": str(total)}
        return Json({"total": total, "limit": limit, "offset": offset, "events": page}, headers=headers)
    total, events = db.search_events(flt, limit=limit, offset=offset, order=order)
    headers = {"X-Total-Count": str(total)}
    if params.format == "geojson":
        body = geojson(events) | {"total": total, "limit": limit, "offset": offset}
        return Json(body, headers=headers, media_type="application/geo+json")
    out = io.StringIO()
    write_events(events, "csv", out)
    return Response(out.getvalue(), headers=headers, media_type="text/csv; charset=utf-8")


@router.get("/points", summary="Map points of the filtered events (deadliest first)")
def list_points(
    db: StoreDep, flt: FilterDep, limit: Annotated[int, Query(ge=0, le=20_000)] = 5000
) -> Response:
    """{total, points: [[id, lat, lon, event_type, fatalities, date], ...]}: what the map draws,
    a bounded number at a time."""
    total, points = db.event_points(flt, limit=limit)
    return Json({"total": total, "points": points})


@router.get("/events/{event_id}", summary="One event with its claims, sources, evidence and article text")
def get_event(db: StoreDep, event_id: Id) -> Response:
    return Json(event_detail(db, event_id))


@router.get("/articles", summary="Article summaries, newest first")
def list_articles(
    db: StoreDep,
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE)] = 50,
    offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=200, description="Words of the title or source.")] = None,
) -> Response:
    total, articles = db.article_page(limit=limit, offset=offset, text=q.strip() if q else None)
    return Json({"total": total, "limit": limit, "offset": offset, "articles": articles})


@router.get("/articles/{article_id}", summary="One article's strife.article/1 record")
def get_article(db: StoreDep, article_id: Id) -> Response:
    return Json(article_detail(db, article_id))


@router.get("/actors", summary="Actors of the filtered events, most active first")
def list_actors(
    db: StoreDep,
    flt: FilterDep,
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE)] = 100,
    offset: Offset = 0,
) -> Response:
    return Json({"actors": db.actor_counts(flt, limit=limit, offset=offset)})


@router.get("/stats", summary="Counts of the filtered events by day, type and country")
def stats(db: StoreDep, flt: FilterDep) -> Response:
    """{total, undated, by_day: [[date, events, fatalities]], by_type: [[type, n]], by_country}."""
    return Json(db.event_stats(flt))
