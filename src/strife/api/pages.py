"""The JSON page of `GET /api/events`, made for many concurrent clients: the filters and the page
order of `strife.storage.search`, with two savings measured by `python -m strife.api.loadtest`:

- totals are cached per process while the database is unchanged (paging through one filter,
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
from strife.storage.dialect import Dialect, dialect_of
from strife.storage.search import EventFilter, events_by_id, page_ids, where

#: Events by id with what `event_dict` adds from the article row; the record as bytes (SQLite
#: hands a BLOB over without decoding it, and the bytes are what the page is made of).
_EVENT_ROWS = """SELECT e.id, CAST(e.record AS BLOB), e.article_id, a.published, a.ingested_at
FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id IN ({marks})"""
#: The articles backing each event with their outlet: counted and named in Python (one flat
#: statement measured faster than a correlated count and json_group_array per event).
_BACKING = """SELECT ea.event_id, s.name FROM event_articles ea JOIN articles aa ON aa.id = ea.article_id
LEFT JOIN sources s ON s.id = aa.source_id WHERE ea.event_id IN ({marks})"""


class Counts:
    """Totals of recent filters, shared by the threads of a process: the map, the list and the
    timeline ask about one filter from different threads of the pool, each with its own
    connection. A thread's connection tells whether the data changed since that thread last
    looked (SQLite's `PRAGMA data_version` counts commits by other connections, `total_changes`
    its own); a change seen by any thread, or a thread's first look, starts a new generation
    and empties the cache. Other backends count every time."""

    SIZE = 4096

    def __init__(self) -> None:
        self.local = threading.local()
        self.lock = threading.Lock()
        self.generation = 0
        self.cache: OrderedDict[tuple[str, tuple[Any, ...]], int] = OrderedDict()

    def current(self, conn: Any) -> int | None:
        """The generation of what `conn` sees now; None when it is not an SQLite connection."""
        if type(conn).__module__ != "sqlite3":
            return None
        version = int(conn.execute("PRAGMA data_version").fetchone()[0]), int(conn.total_changes)
        local = self.local
        with self.lock:
            if getattr(local, "conn", None) is not conn or local.version != version:
                local.conn, local.version = conn, version
                self.generation += 1
                self.cache.clear()
            return self.generation

    def count(self, conn: Any, clause: str, args: Sequence[Any]) -> int:
        """How many events match `clause`: from the cache, else counted (and kept)."""
        generation = self.current(conn)
        sql = "SELECT COUNT(*) FROM events e" + clause
        if generation is None:
            return _scalar(conn, sql, args)
        key = (clause, tuple(args))
        with self.lock:
            found = self.cache.get(key)
            if found is not None:
                self.cache.move_to_end(key)
                return found
        total = _scalar(conn, sql, args)
        with self.lock:
            if self.generation == generation:  # not counted before a change another thread saw
                self.cache[key] = total
                if len(self.cache) > self.SIZE:
                    self.cache.popitem(last=False)
        return total


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
    marks = ", ".join("?" * len(ids))
    backing: dict[str, tuple[list[int], set[str]]] = {i: ([0], set()) for i in ids}
    for event_id, name in conn.execute(_BACKING.replace("{marks}", marks), ids):
        count, names = backing[event_id]
        count[0] += 1
        if name:
            names.add(name)
    found = {}
    for event_id, record, article_id, published, ingested_at in conn.execute(
        _EVENT_ROWS.replace("{marks}", marks), ids
    ):
        count, names = backing[event_id]
        added = {"article_id": article_id, "sources": count[0], "publishers": sorted(names),
                 "published": published, "ingested_at": ingested_at}  # fmt: skip
        if record.startswith(b'{"id": ' + orjson.dumps(event_id) + b", ") and record.endswith(b"}"):
            found[event_id] = orjson.Fragment(record[:-1] + b", " + orjson.dumps(added)[1:])
        else:
            found[event_id] = orjson.Fragment(orjson.dumps(orjson.loads(record) | {"id": event_id} | added))
    return [found[i] for i in ids if i in found]
