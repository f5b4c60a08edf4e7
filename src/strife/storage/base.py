"""The storage interface every backend implements, and the dialect-free parts they share.

A backend turns an `Article` into rows (`rows.py`) and stores them; it answers queries with plain
dicts: an event is its `strife.article/1` record plus `article_id`, `sources` (how many articles
back it), `publishers`, `published` and `ingested_at` (`events()`), or the part of it a table
shows (`event_summaries()`), or that dict as JSON text (`event_lines()`); `reading.py` reads all
three for both SQL backends. `sql.SQLStore` holds what both SQL backends share: storing an
article in one transaction and the merge primitives, over dialect hooks. Dialect specifics
(distance, date arithmetic, migrations (`schema.py`), transactions, error texts) stay in the
backend.
"""

from __future__ import annotations

import hashlib
import json
import math
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlparse

from strife.errors import InputError, StageError
from strife.models import Article, Event

if TYPE_CHECKING:
    from strife.storage.search import EventFilter

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


class EventFilters(NamedTuple):
    """The filters of `Store.events()` as given (checked and turned into SQL by
    `strife.storage.search`)."""

    country: str | None
    event_type: str | None
    since: str | date | None
    until: str | date | None
    near: tuple[float, float, float] | Near | None
    background: bool | None


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


def check_page(limit: int | None, offset: int) -> None:
    if (limit is not None and limit < 0) or offset < 0:
        raise ValueError("limit and offset must not be negative")


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


@dataclass
class Member:
    """One event as one article reported it (a contribution to a stored, possibly merged, event):
    its `strife.article/1` Event record, the article and its publication date, and the embedding
    of its evidence (`vector`, float32 bytes made by the embedder named `model`; None until made)."""

    member_id: str
    event_id: str
    article_id: str
    record: dict[str, Any]
    published: str | None = None
    vector: bytes | None = None
    model: str | None = None

    def parts(self) -> list[str]:
        """The words the event was read from: its evidence sentences."""
        texts = (str(e.get("text") or "").strip() for e in self.record.get("evidence") or [])
        return [t for t in texts if t]


@dataclass(frozen=True)
class MemberWindow:
    """Which stored events may be merged with a new report: dated events whose range overlaps
    [`since`, `until`]; undated ones whose article was published in [`since`, `undated_until`]
    (events with neither date are never candidates); in `country` or in no known country
    (None: any country)."""

    since: str
    until: str
    undated_until: str
    country: str | None = None


class Store(ABC):
    """One database of articles, events and claims. Use as a context manager."""

    url: str

    @abstractmethod
    def schema_version(self) -> int:
        """The number of the last migration applied to the database."""

    @abstractmethod
    def ingest(self, article: Article) -> bool:
        """Store `article` and its events in one transaction. True when written, False when the
        same record was already stored. Re-ingesting an id replaces its events."""

    @abstractmethod
    def record_failure(self, source: str, error: BaseException | str, stage: str | None = None) -> None:
        """Remember that `source` could not be processed, and why."""

    @abstractmethod
    def optimize(self) -> None:
        """After a run that wrote: bring the query planner's statistics up to date (and, on
        PostgreSQL, clear dead rows and mark pages all-visible) in the writer's own time, so the
        queries that follow neither plan on stale figures nor race the server's maintenance."""

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
        filters = EventFilters(country, event_type, since, until, near, background)
        return self._full_events(filters, limit, offset)

    def event_summaries(
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
        """The events `events()` gives, cut to what a table shows (`reading.summary`: id, types,
        tags, date, place, actor names, fatalities, sources), read from the row's columns
        without decoding the records."""
        filters = EventFilters(country, event_type, since, until, near, background)
        return self._summaries(filters, limit, offset)

    def event_lines(
        self,
        country: str | None = None,
        event_type: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        near: tuple[float, float, float] | Near | None = None,
        limit: int | None = None,
        offset: int = 0,
        background: bool | None = None,
    ) -> Iterator[str]:
        """The events `events()` gives, each as `json.dumps(event, ensure_ascii=False)` (JSON
        lines), the stored record text written out without decoding it."""
        filters = EventFilters(country, event_type, since, until, near, background)
        return self._lines(filters, limit, offset)

    # What a backend gives for the three reads above (the filters once checked by `search`).
    @abstractmethod
    def _full_events(self, filters: EventFilters, limit: int | None, offset: int) -> list[dict[str, Any]]: ...

    @abstractmethod
    def _summaries(self, filters: EventFilters, limit: int | None, offset: int) -> list[dict[str, Any]]: ...

    @abstractmethod
    def _lines(self, filters: EventFilters, limit: int | None, offset: int) -> Iterator[str]: ...

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

    # -- searches for the REST API: portable SQL in strife.storage.search over the shared table
    # layout; a backend with another layout overrides these. ---------------------------------------
    def sql_connection(self) -> Any | None:
        """The DB-API connection the shared searches run on (None: this backend cannot search)."""
        return getattr(self, "conn", None)

    def search_events(
        self, flt: EventFilter, limit: int = 50, offset: int = 0, order: str = "-date"
    ) -> tuple[int, list[dict[str, Any]]]:
        """(how many events match `flt`, one page of them as `events()` dicts)."""
        from strife.storage import search

        return search.search_events(self, flt, limit, offset, order)

    def event_points(self, flt: EventFilter, limit: int = 5000) -> tuple[int, list[tuple[Any, ...]]]:
        """(how many located events match, the deadliest `limit`: id, lat, lon, type, deaths, date)."""
        from strife.storage import search

        return search.event_points(self, flt, limit)

    def event_stats(self, flt: EventFilter) -> dict[str, Any]:
        """Counts of the matching events: total, by day, by type, by country."""
        from strife.storage import search

        return search.event_stats(self, flt)

    def actor_counts(self, flt: EventFilter, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Actors of the matching events, with how many events each is in."""
        from strife.storage import search

        return search.actor_counts(self, flt, limit, offset)

    def event_articles(self, event_id: str) -> list[dict[str, Any]]:
        """Summaries of the articles that back one event."""
        from strife.storage import search

        return search.event_articles(self, event_id)

    def article_page(
        self, limit: int = 50, offset: int = 0, text: str | None = None
    ) -> tuple[int, list[dict[str, Any]]]:
        """(how many articles match, one page of article summaries, newest first)."""
        from strife.storage import search

        return search.article_page(self, limit, offset, text)

    def delete_article(self, article_id: str) -> bool:
        """Delete an article with its events and claims; False when there is none."""
        from strife.storage import search

        return search.delete_article(self, article_id)

    # -- merging across articles (strife.merge) ------------------------------------------------
    # Every event is stored with its members (one per article that reports it; `ingest` writes
    # each new event as its own single member, without a vector). strife.merge.Merger moves
    # members between events with these primitives, all inside one `transaction()`. A backend
    # that does not implement them can store and query, but not merge (`supports_merging`).
    supports_merging: bool = False

    def _cannot_merge(self, method: str) -> NotImplementedError:
        return NotImplementedError(f"{type(self).__name__} cannot merge events yet (no {method}())")

    def transaction(self, what: str | None = None) -> AbstractContextManager[Any]:
        """Everything done inside is one transaction; nested uses join the outer one. A database
        error inside becomes one StorageError line: the URL, `what` failed, the problem."""
        raise self._cannot_merge("transaction")

    def article_hash(self, article_id: str) -> str | None:
        """The `record_hash` stored for an article, or None when it is not stored."""
        raise self._cannot_merge("article_hash")

    def members(
        self,
        *,
        event_id: str | None = None,
        article_id: str | None = None,
        window: MemberWindow | None = None,
    ) -> list[Member]:
        """The members of one event, of one article's events, or of the events in `window`;
        ordered by event, each event's head member (the one whose id the event has) first."""
        raise self._cannot_merge("members")

    def write_event(self, event_id: str, record: dict[str, Any], members: Sequence[Member]) -> None:
        """Store event `event_id` as `record` backed by `members` (in that order), replacing what was
        stored under that id: its row, tags, article links (`event_articles`), claims (every count of
        every member, with the member's article id) and member rows (moved here from any other
        event, with their vectors)."""
        raise self._cannot_merge("write_event")

    def delete_event(self, event_id: str) -> None:
        """Remove an event with its tags, links, claims and the member rows still pointing to it."""
        raise self._cannot_merge("delete_event")

    def save_vectors(self, members: Sequence[Member]) -> None:
        """Store the `vector` and `model` of each member (by `member_id`); nothing else changes."""
        raise self._cannot_merge("save_vectors")
