"""Searches every SQL backend answers alike: filters, pages with totals, map points, counts.

The REST API needs more than `Store.events()` offers (a total, a bounding box, actors, tags,
fatalities, text search, counts by day) and must stay fast on 100,000 events, so these run in
SQL, not over `events()` results in Python. They use the table layout both backends share
(`migrations/*/0001_init.sql`) through the store's DB-API connection; the few dialect
differences (placeholder, case-insensitive equality, text search, distance) are in
`strife.storage.dialect`.
`Store` reaches them through default methods in `storage/base.py`, so every backend that exposes
`sql_connection()` gets them; a backend with another layout overrides those methods.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import orjson

from strife.errors import StorageError
from strife.models import SUB_EVENT_TYPES
from strife.storage.base import Near, iso_date
from strife.storage.dialect import ORDERS, Dialect, dialect_of
from strife.storage.rows import STAMP_COLUMNS, event_dict

if TYPE_CHECKING:
    from strife.storage.base import Store

_FATALITIES = "COALESCE(e.fatalities_best, e.fatalities_low, e.fatalities_high)"


@dataclass(frozen=True)
class EventFilter:
    """Every filter of an event search; those given must all hold.

    `event_type` matches the event type, the sub-event type or a tag (as `Store.events` and the
    CLI's --type do); `country` the country name or ISO3 code; `actor` actor1 or actor2 by
    canonical name; names compare case-insensitively. `since`/`until` keep events whose dates
    overlap the range. `bbox` is (min_lon, min_lat, max_lon, max_lat); min_lon > max_lon is a
    box across the antimeridian. `text` is a case-insensitive (ASCII) substring of the event
    record (its evidence sentences, place, actors, figures), with one known exception: a text
    whose first word starts inside a record's word ("leppo" of "Aleppo", "isis" of "crisis") is
    found by the substring test alone, but not through a full-text index, which holds words and
    is searched by word prefix. SQLite asks its index only for rare phrases (`dialect.FTS_MAX`),
    so such a mid-word text finds a record there when the phrase is common and not when it is
    rare; PostgreSQL always asks its index, so never. Texts starting at a word agree everywhere.
    (A word-start test in SQL that would make the two agree, a GLOB on SQLite, measured 14 ms a
    query instead of 1.3 on the load test's text searches.)"""

    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    tag: str | None = None
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    near: Near | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_fatalities: int | None = None
    text: str | None = None
    background: bool | None = None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where(flt: EventFilter, d: Dialect) -> tuple[str, list[Any]]:
    """The WHERE clause (or '') and its parameters for `flt` over `events e`."""
    parts: list[str] = []
    args: list[Any] = []
    m = d.mark
    tag_match = f"EXISTS (SELECT 1 FROM event_tags t WHERE t.event_id = e.id AND {d.same('t.tag')})"
    if flt.country:
        # No country's name has three letters, so a three-letter value is a code: one column to
        # search instead of two (the same answer, half the index reads).
        is_code = len(flt.country) == 3 and flt.country.isascii() and flt.country.isalpha()
        parts.append(d.same("e.iso3" if is_code else "e.country"))
        args.append(flt.country)
    if flt.admin1:
        parts.append(d.same("e.admin1"))
        args.append(flt.admin1)
    if flt.event_type:
        parts.append(_type_match(flt.event_type, d, tag_match))
        args.append(flt.event_type)
    if flt.sub_event_type:
        parts.append(d.same("e.sub_event_type"))
        args.append(flt.sub_event_type)
    if flt.tag:
        parts.append(tag_match)
        args.append(flt.tag)
    if flt.actor:
        parts.append(f"({d.same('e.actor1')} OR {d.same('e.actor2')})")
        args += [flt.actor, flt.actor]
    start, end = iso_date(flt.since, "since"), iso_date(flt.until, "until")
    if start is not None:
        parts.append(f"COALESCE(e.date_end, e.date_start) >= {m}")
        args.append(start)
    if end is not None:
        parts.append(f"e.date_start <= {m}")
        args.append(end)
        if start is not None:  # (with `until` no event without a start matches anyway)
            parts.append(d.overlap_floor())
            args.append(start)
    boxes: list[tuple[tuple[float, float], tuple[float, float]]] = []
    if flt.near is not None:
        box = flt.near.box()
        # A range test before the exact distance (an index serves the box: `Dialect.box`, below;
        # on PostgreSQL (date_start, lat, lon, ...) serves it with `until` too).
        if box:
            parts.append(f"e.lat BETWEEN {m} AND {m} AND e.lon BETWEEN {m} AND {m}")
            args += list(box)
        if box:
            boxes.append(((box[0], box[1]), (box[2], box[3])))
        sql, near_args = d.within(flt.near)
        parts.append(sql)
        args += near_args
    if flt.bbox is not None:
        parts.append(_bbox_sql(flt.bbox, m))
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        args += [min_lat, max_lat, min_lon, max_lon]
        if min_lon <= max_lon:
            boxes.append(((min_lat, max_lat), (min_lon, max_lon)))
    if boxes and (geo := d.box(*boxes[-1], (start, end))) is not None:
        parts.append(geo[0])
        args += geo[1]
    if flt.min_fatalities is not None:
        parts.append(f"{_FATALITIES} >= {m}")
        args.append(flt.min_fatalities)
    if flt.text:
        if (words := d.words(flt.text)) is not None:
            parts.append(words[0])
            args.append(words[1])
        parts.append(d.contains("e.record"))
        args.append(_like(flt.text))
    if flt.background is not None:
        parts.append(f"e.background = {m}")
        args.append(flt.background)
    return (" WHERE " + " AND ".join(parts) if parts else ""), args


def _type_match(value: str, d: Dialect, tag_match: str) -> str:
    """An event type, a sub-event type or a tag: the three vocabularies do not overlap, so the
    value says which column to test (one indexed test instead of an OR of three)."""
    folded = value.casefold()
    if folded in {t.casefold() for t in SUB_EVENT_TYPES}:
        return d.same("e.event_type")
    if folded in {s.casefold() for subs in SUB_EVENT_TYPES.values() for s in subs}:
        return d.same("e.sub_event_type")
    return tag_match


def _bbox_sql(bbox: tuple[float, float, float, float], m: str) -> str:
    lon = f"e.lon BETWEEN {m} AND {m}" if bbox[0] <= bbox[2] else f"(e.lon >= {m} OR e.lon <= {m})"
    return f"e.lat BETWEEN {m} AND {m} AND {lon}"


# -- running -------------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    """Dates and times as ISO strings, as the SQLite backend returns them."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _rows(conn: Any, sql: str, args: Sequence[Any]) -> list[dict[str, Any]]:
    cursor = conn.cursor()
    try:
        cursor.execute(sql, tuple(args))
        names = [c[0] for c in cursor.description]
        rows = cursor.fetchall()
        if rows and isinstance(rows[0], Mapping):  # a dict row factory (e.g. psycopg's dict_row)
            return [{n: _plain(row[n]) for n in names} for row in rows]
        return [{n: _plain(v) for n, v in zip(names, row, strict=True)} for row in rows]
    finally:
        cursor.close()


def _connection(store: Store) -> tuple[Any, Dialect]:
    conn = store.sql_connection()
    if conn is None:
        raise StorageError(f"{store.url}: this backend cannot search events")
    return conn, dialect_of(conn)


def _page(limit: int, offset: int, d: Dialect) -> tuple[str, list[int]]:
    if limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    return f" LIMIT {d.mark} OFFSET {d.mark}", [limit, offset]


def search_events(
    store: Store, flt: EventFilter, limit: int = 50, offset: int = 0, order: str = "-date"
) -> tuple[int, list[dict[str, Any]]]:
    """(how many events match, the page of them) as `Store.events()` dicts."""
    if order not in ORDERS:
        raise ValueError(f"order {order!r} is not one of {', '.join(ORDERS)}")
    conn, d = _connection(store)
    clause, args = where(flt, d)
    total = int(_rows(conn, "SELECT COUNT(*) AS n FROM events e" + clause, args)[0]["n"])
    if limit == 0 or offset >= total:
        return total, []
    return total, events_by_id(conn, d, page_ids(conn, d, clause, args, limit, offset, order))


def page_ids(
    conn: Any, d: Dialect, clause: str, args: list[Any], limit: int, offset: int, order: str
) -> list[str]:
    """The ids of one page of the events matching `clause`: an index walk that stops after the
    page (counting every match in the same statement made a page several times slower)."""
    return _page_column(conn, d, "e.id", clause, args, limit, offset, order)


def page_keys(
    conn: Any, d: Dialect, clause: str, args: list[Any], limit: int, offset: int, order: str
) -> list[Any]:
    """`page_ids`, as the keys `pagejson.page_json` reads: rowids on SQLite (the indexes that
    serve the filters hold them, and a page is then fetched by rowid instead of through the id
    index, 0.06 ms less a 50-event page), ids elsewhere."""
    return _page_column(
        conn, d, "e.rowid" if d.name == "sqlite" else "e.id", clause, args, limit, offset, order
    )


def _page_column(
    conn: Any, d: Dialect, column: str, clause: str, args: list[Any], limit: int, offset: int, order: str
) -> list[Any]:
    page, page_args = _page(limit, offset, d)
    sql = f"SELECT {column} AS k FROM events e{clause} ORDER BY {d.order(order)}{page}"
    return [r["k"] for r in _rows(conn, sql, args + page_args)]


def events_by_id(conn: Any, d: Dialect, ids: list[str]) -> list[dict[str, Any]]:
    """`Store.events()` dicts of the events `ids`, in that order (one statement over the events
    rows, which hold what `event_dict` adds since migration 0008)."""
    if not ids:
        return []
    marks = ", ".join(d.mark for _ in ids)
    rows = _rows(conn, f"SELECT e.record, {STAMP_COLUMNS} FROM events e WHERE e.id IN ({marks})", ids)
    found = {}
    for row in rows:
        record = row.pop("record")
        found[row["id"]] = event_dict(
            record if isinstance(record, dict) else orjson.loads(record), list(row.values())
        )
    return [found[i] for i in ids if i in found]


def event_points(
    store: Store, flt: EventFilter, limit: int = 5000
) -> tuple[int, list[tuple[str, float, float, str, int | None, str | None]]]:
    """(how many located events match, the deadliest `limit` of them as (id, lat, lon,
    event_type, fatalities, date))]: what a map needs, without the records."""
    conn, d = _connection(store)
    clause, args = where(flt, d)
    located = ("AND" if clause else " WHERE") + " e.lat IS NOT NULL AND e.lon IS NOT NULL"
    total = _rows(conn, f"SELECT COUNT(*) AS n FROM events e{clause} {located}", args)[0]["n"]
    page, page_args = _page(limit, 0, d)
    rows = _rows(
        conn,
        f"SELECT e.id, e.lat, e.lon, e.event_type, {_FATALITIES} AS f, e.date_start FROM events e"
        f"{clause} {located} ORDER BY {ORDERS['-fatalities']}{page}",
        args + page_args,
    )
    return total, [(r["id"], r["lat"], r["lon"], r["event_type"], r["f"], r["date_start"]) for r in rows]


def event_stats(store: Store, flt: EventFilter) -> dict[str, Any]:
    """Counts of the matching events: in all, by day (with fatalities), by type, by country."""
    conn, d = _connection(store)
    clause, args = where(flt, d)
    base = f"FROM events e{clause}"
    by_day = _rows(
        conn,
        f"SELECT e.date_start AS k, COUNT(*) AS n, SUM(COALESCE({_FATALITIES}, 0)) AS f {base} "
        "GROUP BY e.date_start ORDER BY e.date_start",
        args,
    )
    by_type = _rows(conn, f"SELECT e.event_type AS k, COUNT(*) AS n {base} GROUP BY e.event_type", args)
    by_country = _rows(conn, f"SELECT e.country AS k, COUNT(*) AS n {base} GROUP BY e.country", args)
    return {
        "total": sum(r["n"] for r in by_day),
        "by_day": [[r["k"], r["n"], int(r["f"] or 0)] for r in by_day if r["k"] is not None],
        "undated": sum(r["n"] for r in by_day if r["k"] is None),
        "by_type": sorted(([r["k"], r["n"]] for r in by_type), key=lambda kv: (-kv[1], kv[0])),
        "by_country": sorted(([r["k"], r["n"]] for r in by_country), key=lambda kv: (-kv[1], kv[0] or "")),
    }


def actor_counts(store: Store, flt: EventFilter, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Actors (actor1 or actor2) of the matching events with how many events each is in."""
    conn, d = _connection(store)
    clause, args = where(flt, d)
    page, page_args = _page(limit, offset, d)
    sql = (
        "SELECT name, COUNT(*) AS events FROM ("
        f"SELECT e.actor1 AS name FROM events e{clause} UNION ALL "
        f"SELECT e.actor2 AS name FROM events e{clause}) named "
        f"WHERE name IS NOT NULL GROUP BY name ORDER BY COUNT(*) DESC, name{page}"
    )
    return _rows(conn, sql, args + args + page_args)


def event_articles(store: Store, event_id: str) -> list[dict[str, Any]]:
    """The articles that back one event: id, source, title, publisher, published."""
    conn, d = _connection(store)
    return _rows(
        conn,
        "SELECT a.id, a.source, a.title, a.publisher, a.published FROM event_articles ea "
        f"JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = {d.mark} "
        "ORDER BY a.published NULLS LAST, a.id",
        [event_id],
    )


def article_page(
    store: Store, limit: int = 50, offset: int = 0, text: str | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """(how many articles match, a page of article summaries), newest first; `text` searches
    titles and sources."""
    conn, d = _connection(store)
    clause, args = "", []
    if text:
        clause = f" WHERE ({d.contains('a.title')} OR {d.contains('a.source')})"
        args = [_like(text), _like(text)]
    total = _rows(conn, "SELECT COUNT(*) AS n FROM articles a" + clause, args)[0]["n"]
    page, page_args = _page(limit, offset, d)
    rows = _rows(
        conn,
        "SELECT a.id, a.source, a.title, a.publisher, a.published, a.language, a.ingested_at, "
        "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events FROM articles a"
        f"{clause} ORDER BY a.published DESC NULLS LAST, a.id{page}",
        args + page_args,
    )
    return total, rows


def delete_article(store: Store, article_id: str) -> bool:
    """Delete one article with its events and claims (the schema cascades); False when absent."""
    conn, d = _connection(store)
    cursor = conn.cursor()
    try:
        cursor.execute(f"DELETE FROM articles WHERE id = {d.mark}", (article_id,))
        deleted = cursor.rowcount > 0
    finally:
        cursor.close()
    conn.commit()
    return deleted
