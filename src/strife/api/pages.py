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
from strife.storage.dialect import dialect_of
from strife.storage.pagejson import page_json
from strife.storage.search import EventFilter, page_keys, where


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
    return total, page_json(conn, d, page_keys(conn, d, clause, args, limit, offset, order))
