"""The JSON page of `GET /api/events`, made for many concurrent clients: the filters and the page
order of `strife.storage.search`, with two savings measured by `python -m strife.api.loadtest`:

- totals are cached per connection while the database is unchanged (paging through one filter,
  or the map, list and timeline asking about the same filter, count once);
- on SQLite the events come out as JSON without being parsed: each stored record is extended
  with what `Store.events()` adds (parsing and writing a kilobyte of record per event was most of
  a page's cost).

Other backends get the store's own dicts, written by orjson.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

import orjson

from strife.errors import StorageError
from strife.storage.base import Store
from strife.storage.search import Dialect, EventFilter, dialect_of, events_by_id, page_ids, where

#: An event's record with what `event_dict` adds, as SQLite stores and counts them: the
#: publishers as a JSON array sorted by code point (as Python sorts), read in one statement.
_EVENT_ROWS = """SELECT e.id, e.record, e.article_id, a.published, a.ingested_at,
 (SELECT COUNT(*) FROM event_articles ea WHERE ea.event_id = e.id) AS n,
 (SELECT json_group_array(name) FROM (SELECT DISTINCT s.name AS name FROM event_articles ea
   JOIN articles aa ON aa.id = ea.article_id JOIN sources s ON s.id = aa.source_id
   WHERE ea.event_id = e.id AND s.name <> '' ORDER BY s.name COLLATE BINARY)) AS publishers
FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id IN ({marks})"""


class Counts:
    """Totals of recent filters, one small cache per thread (each thread has its own connection).
    On SQLite `PRAGMA data_version` (commits by other connections) and the connection's own
    `total_changes` (its commits) say when the data changed; other backends count every time."""

    SIZE = 512

    def __init__(self) -> None:
        self.local = threading.local()

    @staticmethod
    def version(conn: Any) -> tuple[int, int] | None:
        if type(conn).__module__ != "sqlite3":
            return None
        return int(conn.execute("PRAGMA data_version").fetchone()[0]), int(conn.total_changes)

    def count(self, conn: Any, clause: str, args: Sequence[Any]) -> int:
        sql = "SELECT COUNT(*) FROM events e" + clause
        version = self.version(conn)
        if version is None:
            return _scalar(conn, sql, args)
        local = self.local
        if getattr(local, "cache", None) is None or local.conn is not conn or local.version != version:
            local.cache, local.conn, local.version = OrderedDict(), conn, version
        key = (sql, tuple(args))
        found = local.cache.get(key)
        if found is None:
            found = local.cache[key] = _scalar(conn, sql, args)
            if len(local.cache) > self.SIZE:
                local.cache.popitem(last=False)
        else:
            local.cache.move_to_end(key)
        return int(found)


COUNTS = Counts()


def _scalar(conn: Any, sql: str, args: Sequence[Any]) -> int:
    cursor = conn.cursor()
    try:
        cursor.execute(sql, tuple(args))
        row = cursor.fetchone()
    finally:
        cursor.close()
    return int(next(iter(row.values())) if isinstance(row, Mapping) else row[0])


def event_page(
    db: Store, flt: EventFilter, limit: int, offset: int, order: str
) -> tuple[int, list[orjson.Fragment]]:
    """(how many events match `flt`, the page of them in JSON): what `Store.search_events`
    answers, ready for orjson to write."""
    conn = db.sql_connection()
    if conn is None:
        raise StorageError(f"{db.url}: this backend cannot search events")
    d = dialect_of(conn)
    clause, args = where(flt, d)
    total = COUNTS.count(conn, clause, args)
    if limit == 0 or offset >= total:
        return total, []
    return total, events_json(conn, d, page_ids(conn, d, clause, args, limit, offset, order))


def events_json(conn: Any, d: Dialect, ids: list[str]) -> list[orjson.Fragment]:
    """`events_by_id(conn, d, ids)`, each event already in JSON. On SQLite a record that starts
    with its own id, as strife writes them, gets the five keys `event_dict` adds (no event record
    has them) appended before its closing brace; any other is parsed. (The same splice in SQL,
    by string concatenation, measured slower.)"""
    if d.name != "sqlite":
        return [orjson.Fragment(orjson.dumps(e)) for e in events_by_id(conn, d, ids)]
    if not ids:
        return []
    found = {}
    rows = conn.execute(_EVENT_ROWS.replace("{marks}", ", ".join("?" for _ in ids)), ids)
    for event_id, record, article_id, published, ingested_at, n, publishers in rows:
        added = {"article_id": article_id, "sources": n, "publishers": orjson.Fragment(publishers),
                 "published": published, "ingested_at": ingested_at}  # fmt: skip
        text = record.encode()
        if text.startswith(b'{"id": ' + orjson.dumps(event_id) + b", ") and text.endswith(b"}"):
            found[event_id] = orjson.Fragment(text[:-1] + b", " + orjson.dumps(added)[1:])
        else:
            found[event_id] = orjson.Fragment(orjson.dumps(orjson.loads(text) | {"id": event_id} | added))
    return [found[i] for i in ids if i in found]
