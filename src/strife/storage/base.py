"""The storage interface every backend implements, and the dialect-free parts they share.

A backend turns an `Article` into rows (`article_row`, `event_rows`, `claim_rows` below) and
stores them; it answers queries with plain dicts: an event is its `strife.article/1` record plus
`article_id`, `sources` (how many articles back it), `publishers`, `published` and
`ingested_at`. SQL dialect specifics (distance, upserts, migrations) stay in the backend.
"""

from __future__ import annotations

import hashlib
import json
import math
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any
from urllib.parse import urlparse

from strife.errors import InputError, StageError
from strife.models import Article, Event

EARTH_KM = 6371.0088


@dataclass(frozen=True)
class Near:
    """A circle on the ground: events within `km` kilometres of (`lat`, `lon`)."""

    lat: float
    lon: float
    km: float

    def __post_init__(self) -> None:
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            raise ValueError(f"near: ({self.lat}, {self.lon}) is not a latitude, longitude pair")
        if self.km < 0:
            raise ValueError(f"near: radius {self.km} km is negative")

    def box(self) -> tuple[float, float, float, float] | None:
        """(lat_min, lat_max, lon_min, lon_max) enclosing the circle, or None when the box
        would cross a pole or the antimeridian (then only the exact distance is used)."""
        dlat = math.degrees(self.km / EARTH_KM)
        lat_min, lat_max = self.lat - dlat, self.lat + dlat
        if lat_min <= -90 or lat_max >= 90:
            return None
        dlon = dlat / max(math.cos(math.radians(max(abs(lat_min), abs(lat_max)))), 1e-9)
        lon_min, lon_max = self.lon - dlon, self.lon + dlon
        if lon_min < -180 or lon_max > 180:
            return None
        return lat_min, lat_max, lon_min, lon_max


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def iso_date(value: str | date | None, what: str) -> str | None:
    """`value` as an ISO date string; ValueError naming `what` when it is not a date."""
    if value is None or isinstance(value, date):
        return value.isoformat() if value else None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def outlet_name(article: Article) -> str | None:
    """The outlet an article comes from: its publisher, else the host of its URL."""
    if article.publisher and article.publisher.strip():
        return article.publisher.strip()
    for candidate in (article.url, article.source):
        if candidate and "://" in candidate:
            host = urlparse(candidate).hostname
            if host:
                return host.removeprefix("www.")
    return None


def failure_stage(error: BaseException) -> str:
    """Where a failure happened: the stage for a StageError, else 'input' or 'store'."""
    if isinstance(error, StageError):
        return error.stage
    return "input" if isinstance(error, InputError) else "store"


def record_hash(record: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode("utf-8")).hexdigest()


def stored_event_id(article_id: str, event: Event) -> str:
    """Event ids must be unique across the store: the pipeline gives `<article id>-<n>`;
    anything else (hand-built articles) is prefixed with the article id."""
    return event.id if event.id.startswith(f"{article_id}-") else f"{article_id}-{event.id}"


def event_columns(event_id: str, article_id: str, event: Event, record: dict[str, Any]) -> dict[str, Any]:
    """The filterable columns of one event, copied out of its record."""
    loc, when, fat = event.location, event.date, event.fatalities
    return {
        "id": event_id,
        "article_id": article_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "background": int(event.background),
        "date_start": when.start,
        "date_end": when.end,
        "time_precision": when.precision,
        "location": loc.name,
        "admin1": loc.admin1,
        "country": loc.country,
        "iso3": loc.iso3,
        "lat": loc.lat,
        "lon": loc.lon,
        "geo_precision": loc.geo_precision,
        "actor1": event.actor1.name if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "fatalities_low": fat.low,
        "fatalities_best": fat.best,
        "fatalities_high": fat.high,
        "confidence": event.confidence,
        "record": json.dumps(record, ensure_ascii=False),
    }


def claim_columns(event_id: str, article_id: str, event: Event) -> list[dict[str, Any]]:
    return [
        {
            "event_id": event_id,
            "article_id": article_id,
            "kind": c.kind,
            "grp": c.group,
            "low": c.low,
            "high": c.high,
            "qualifier": c.qualifier,
            "source": c.source,
            "text": c.text,
            "start_offset": c.start,
            "end_offset": c.end,
        }
        for c in event.counts
    ]


class Store(ABC):
    """One database of articles, events and claims. Use as a context manager."""

    url: str

    @abstractmethod
    def ingest(self, article: Article) -> bool:
        """Store `article` and its events in one transaction. True when written, False when the
        same record was already stored. Re-ingesting an id replaces its events."""

    @abstractmethod
    def record_failure(self, source: str, error: BaseException | str, stage: str | None = None) -> None:
        """Remember that `source` could not be processed, and why."""

    @abstractmethod
    def events(
        self,
        country: str | None = None,
        event_type: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        near: tuple[float, float, float] | Near | None = None,
        limit: int | None = None,
        offset: int = 0,
        background: bool | None = None,
    ) -> list[dict[str, Any]]:
        """Events matching every filter given, by date. `country` matches the name or ISO3 code;
        `event_type` the event type, sub-event type or a tag; `since`/`until` keep events whose
        dates overlap the range; `near` is (lat, lon, km)."""

    @abstractmethod
    def event(self, event_id: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored `strife.article/1` record of an article."""

    @abstractmethod
    def articles(self) -> list[dict[str, Any]]:
        """A summary of every article: id, source, title, publisher, published, events."""

    @abstractmethod
    def claims(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """Every claim (one per Count), with its event's type, date and place."""

    @abstractmethod
    def failures(self) -> list[dict[str, Any]]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
