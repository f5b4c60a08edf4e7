"""Reading events out of both SQL backends: `Store.events()` (full records), `event_summaries()`
(what a table shows, from the indexed columns alone) and `event_lines()` (full records as JSON
text, written without decoding them).

Every read is one filtered, ordered statement over `events` (the WHERE clause is the REST API's,
`strife.storage.search.where`, so the same indexes serve both: the R*Tree on SQLite, the
(lat, lon, ...) b-tree on PostgreSQL; `statement` gives it for EXPLAIN). What a full record adds (its number of
sources, their outlets, its article's dates) and what a summary shows are in the events row
(migrations 0007 and 0008), so no read joins another table. Rows come as tuples, not dicts.

Why three shapes: decoding a stored record costs ~45 µs, most of a large query's time. A table
needs a dozen columns that are already copied out of the record (`rows.event_columns`), so
`event_summaries` never reads the record; JSON lines need the record as text, so `event_lines`
splices the extra keys into the stored text instead of decoding and encoding it again.
"""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import orjson

from strife.storage.base import Near, check_page
from strife.storage.dialect import ORDERS, Dialect, dialect_of
from strife.storage.rows import STAMP_COLUMNS, event_dict, stamp
from strife.storage.search import EventFilter, where

if TYPE_CHECKING:
    from strife.storage.sql import SQLStore

#: Between the tags of an event in one text column (the ASCII unit separator: no tag has it).
TAG_SEPARATOR = "\x1f"
#: The columns a summary is made of, in the order `_summary` reads them.
_SUMMARY_COLUMNS = (
    "e.id, e.article_id, e.event_type, e.sub_event_type, e.background, e.date_start, e.date_end, "
    "e.time_precision, e.location, e.admin1, e.country, e.iso3, e.lat, e.lon, e.geo_precision, "
    "e.actor1, e.actor2, e.fatalities_low, e.fatalities_best, e.fatalities_high, e.confidence"
)
#: A full event: the record, then what `event_dict` adds.
_FULL_COLUMNS = "{record}, " + STAMP_COLUMNS
_FULL_FROM = " FROM events e"
#: Where the columns of `_FULL_COLUMNS` end in a row (`_ordered` may add more).
_STAMPED = 1 + len(STAMP_COLUMNS.split(","))
#: The record as JSON text on both backends, decoded by `_record`: on PostgreSQL the server
#: writes jsonb out as text either way, and psycopg's jsonb loader wraps each value in Python
#: calls that its C text loader does not (a sixth of the decoding time of a 2,500-event read).
_RECORD_TEXT = "CAST(e.record AS TEXT)"


def event_filter(
    country: str | None = None,
    event_type: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    near: tuple[float, float, float] | Near | None = None,
    background: bool | None = None,
) -> EventFilter:
    """`Store.events()`'s filters as the search filter (same meaning: see `EventFilter`)."""
    circle = near if isinstance(near, Near) or near is None else Near(*near)
    return EventFilter(
        country=country,
        event_type=event_type,
        since=since.isoformat() if isinstance(since, date) else since,
        until=until.isoformat() if isinstance(until, date) else until,
        near=circle,
        background=background,
    )


def statement(
    store: SQLStore,
    columns: str,
    tables: str = " FROM events e",
    flt: EventFilter | None = None,
    limit: int | None = None,
    offset: int = 0,
    ordered: bool = True,
) -> tuple[str, list[Any]]:
    """(SQL, parameters) selecting `columns` of the events matching `flt`, in order unless not
    `ordered` (for `EXPLAIN`: the plan of what the reads run)."""
    d = _dialect(store)
    clause, args = where(flt or EventFilter(), d)
    sql = f"SELECT {columns}{tables}{clause}"
    if ordered:
        sql += f" ORDER BY {ORDERS['date']}"
    elif limit is not None or offset:
        raise ValueError("a page of events needs their order")
    if limit is not None or offset:
        check_page(limit, offset)
        if limit is not None:
            sql += f" LIMIT {d.mark}"
            args.append(limit)
        elif d.name == "sqlite":  # SQLite has no OFFSET without LIMIT
            sql += " LIMIT -1"
        sql += f" OFFSET {d.mark}"
        args.append(offset)
    return sql, args


def _dialect(store: SQLStore) -> Dialect:
    return dialect_of(store.sql_connection())


def _rows(store: SQLStore, sql: str, args: Sequence[Any]) -> list[tuple[Any, ...]]:
    with store._errors("query failed"):
        return store._tuples(sql, args)


def full_statement(store: SQLStore, flt: EventFilter, columns: str | None = None) -> tuple[str, Any]:
    """The statement `_ordered` runs for all the events of a filter: unordered, with the date
    and id it sorts by after `columns` (by default the full records'). The storage benchmark
    explains it (`strife.bench.storage.server_side`)."""
    if columns is None:
        columns = _FULL_COLUMNS.format(record=_RECORD_TEXT)
    return statement(store, f"{columns}, e.date_start, e.id", _FULL_FROM, flt, ordered=False)


def _ordered(
    store: SQLStore, columns: str, flt: EventFilter, limit: int | None, offset: int
) -> list[tuple[Any, ...]]:
    """The rows of `statement(store, columns, _FULL_FROM, flt, limit, offset)`, in its order
    (`ORDERS["date"]`), maybe followed by more columns. All the events of a filter come
    unordered, with their date and id after `columns`, and are sorted here: a database sorts
    whole rows, records included (a kilobyte and a half each). For the storage benchmark's
    query (4,200 events) SQLite's sorter was a fifth of its SQL time, and PostgreSQL's spilled
    7 MB to disk (past `work_mem`), half of the statement's; Python takes 1 ms. Ids order as
    they do in SQL (SQLite's BINARY collation, PostgreSQL's "C" of migration 0001: code points
    order as their UTF-8 bytes do), and so do dates written YYYY-MM-DD: other dates (a
    hand-edited row, a PostgreSQL date beyond year 9999) leave the sorting to the database, as
    does a page, which needs its order before the LIMIT."""
    if limit is not None or offset:
        return _rows(store, *statement(store, columns, _FULL_FROM, flt, limit, offset))
    rows = _rows(store, *full_statement(store, flt, columns))
    if not all(
        type(r[-1]) is str and (r[-2] is None or (type(r[-2]) is str and len(r[-2]) == 10)) for r in rows
    ):
        return _rows(store, *statement(store, columns, _FULL_FROM, flt))
    rows.sort(key=itemgetter(-1))  # by id, then (stable) by date, the undated last
    dated = [r for r in rows if r[-2] is not None]
    dated.sort(key=itemgetter(-2))
    return dated + [r for r in rows if r[-2] is None]


def _record(value: Any) -> dict[str, Any]:
    """A record column: JSON text (SQLite) or already decoded (psycopg, by orjson)."""
    return orjson.loads(value) if isinstance(value, str | bytes) else value


def full_events(
    store: SQLStore, flt: EventFilter, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """`Store.events()`: each matching event's record plus where it is stored and who backs it."""
    return _full(store, _ordered(store, _FULL_COLUMNS.format(record=_RECORD_TEXT), flt, limit, offset))


def event_by_id(store: SQLStore, event_id: str) -> dict[str, Any] | None:
    """`Store.event()`: one event as `full_events` gives it, or None."""
    mark = _dialect(store).mark
    sql = f"SELECT {_FULL_COLUMNS.format(record=_RECORD_TEXT)}{_FULL_FROM} WHERE e.id = {mark}"
    found = _full(store, _rows(store, sql, [event_id]))
    return found[0] if found else None


def _full(store: SQLStore, rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """The event dicts of rows of `_FULL_COLUMNS`. The cyclic garbage collector is paused while
    the records are decoded: each makes some thirty containers, all kept and none in a cycle,
    and the collector's passes over them on the way (one each 700 new containers) found nothing
    and were a fifth of the decoding time of 4,200 records."""
    with _collector_paused():
        return [event_dict(_record(r[0]), r[1:_STAMPED]) for r in rows]


_PAUSE = threading.Lock()
_pausing = [0, False]  # readers decoding now; whether the collector ran before the first paused it


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The collector off while any reader decodes, and on again after the last one if it was on
    before the first: the API reads in a thread pool, and a plain `isenabled`/`disable` pair
    per read could leave it off for good when two reads interleave."""
    with _PAUSE:
        if _pausing[0] == 0:
            _pausing[1] = gc.isenabled()
            gc.disable()
        _pausing[0] += 1
    try:
        yield
    finally:
        with _PAUSE:
            _pausing[0] -= 1
            if _pausing[0] == 0 and _pausing[1]:
                gc.enable()


def event_lines(
    store: SQLStore, flt: EventFilter, limit: int | None = None, offset: int = 0
) -> Iterator[str]:
    """`full_events` as JSON text, one event a string, equal to `json.dumps(event,
    ensure_ascii=False)`: the stored record text (written by `json.dumps` with the same settings,
    its id first) with the added keys spliced in before its closing brace. A record that does not
    start with its row's id (never written so by this code) is decoded and encoded instead."""
    for row in _ordered(store, _FULL_COLUMNS.format(record=_RECORD_TEXT), flt, limit, offset):
        yield _spliced(row[0], row[1:_STAMPED])


def _spliced(text: str, row: Sequence[Any]) -> str:
    if not (text.startswith('{"id": ' + json.dumps(row[0], ensure_ascii=False) + ",") and text.endswith("}")):
        return json.dumps(event_dict(json.loads(text), row), ensure_ascii=False)
    extra = stamp(row)
    del extra["id"]
    added = json.dumps(extra, ensure_ascii=False)  # '{"article_id": ..., "ingested_at": ...}'
    return f"{text[:-1]}, {added[1:]}"


def summaries(
    store: SQLStore, flt: EventFilter, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """`Store.event_summaries()`: the matching events as `summary` dicts, from the columns of
    `events` alone (no record is read; the number of sources and the tags are in the row since
    migration 0007: two subqueries a row were most of a large answer's time on PostgreSQL)."""
    columns = f"{_SUMMARY_COLUMNS}, e.n_sources, e.tag_list"
    rows = _rows(store, *statement(store, columns, " FROM events e", flt, limit, offset))
    return [_summary(r, sorted(r[22].split(TAG_SEPARATOR)) if r[22] else [], int(r[21])) for r in rows]


def _summary(r: tuple[Any, ...], tags: list[str], sources: int) -> dict[str, Any]:
    """A summary dict (see `summary`) from a row of `_SUMMARY_COLUMNS`."""
    return {
        "id": r[0],
        "article_id": r[1],
        "event_type": r[2],
        "sub_event_type": r[3],
        "tags": tags,
        "background": bool(r[4]),
        "date": {"start": r[5], "end": r[6], "precision": r[7]},
        "location": {"name": r[8], "admin1": r[9], "country": r[10], "iso3": r[11], "lat": r[12], "lon": r[13],
                     "geo_precision": r[14]},
        "actor1": {"name": r[15]} if r[15] is not None else None,
        "actor2": {"name": r[16]} if r[16] is not None else None,
        "fatalities": {"low": r[17], "best": r[18], "high": r[19]},
        "confidence": r[20],
        "sources": sources,
    }  # fmt: skip


def summary(event: dict[str, Any]) -> dict[str, Any]:
    """The summary of a full event dict (what `event_summaries` gives for it): id, article_id,
    types, tags (sorted), background, date, place, actor names, fatalities, confidence, sources."""
    when, loc, fat = event.get("date") or {}, event.get("location") or {}, event.get("fatalities") or {}
    actors = {k: {"name": event[k]["name"]} if event.get(k) else None for k in ("actor1", "actor2")}
    return {
        "id": event.get("id"),
        "article_id": event.get("article_id"),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "tags": sorted(event.get("tags") or []),
        "background": bool(event.get("background")),
        "date": {k: when.get(k) for k in ("start", "end", "precision")},
        "location": {
            k: loc.get(k) for k in ("name", "admin1", "country", "iso3", "lat", "lon", "geo_precision")
        },
        **actors,
        "fatalities": {k: fat.get(k) for k in ("low", "best", "high")},
        "confidence": event.get("confidence"),
        "sources": event.get("sources", 1),
    }
