"""How each SQL backend says what the searches of `strife.storage.search` ask: the placeholder,
case-insensitive equality, page orders, text search (SQLite's FTS5 index of migration 0005, with
its verdict cache; PostgreSQL's tsvector) and distance (the R*Tree on SQLite, PostGIS
elsewhere). `dialect_of(conn)` picks the one for a DB-API connection.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from strife.errors import StorageError
from strife.storage.base import EARTH_KM, Near

#: Orders a search can ask for: newest first (default), oldest first, deadliest first.
#: (SQLite sorts NULLs last in a descending order on its own, and only the plain form walks the
#: date indexes backwards: see `Dialect.order`.)
ORDERS = {
    "-date": "e.date_start DESC NULLS LAST, e.id DESC",
    "date": "e.date_start ASC NULLS LAST, e.id ASC",
    "-fatalities": "COALESCE(e.fatalities_best, e.fatalities_low, e.fatalities_high) DESC NULLS LAST, e.id",
}
#: Text search asks the full-text index only when it matches at most this many events.
FTS_MAX = 2000


@dataclass(frozen=True)
class Dialect:
    name: str
    mark: str
    conn: Any = field(default=None, compare=False)  # for `words` to ask the index how many match

    def same(self, column: str) -> str:
        """Case-insensitive equality of `column` with one parameter."""
        if self.name == "sqlite":  # NOCASE columns keep their NOCASE index with this form
            return f"{column} = {self.mark} COLLATE NOCASE"
        return f"lower({column}) = lower({self.mark})"

    def contains(self, column: str) -> str:
        if self.name == "sqlite":  # SQLite's LIKE ignores ASCII case
            return f"{column} LIKE {self.mark} ESCAPE '\\'"
        return f"CAST({column} AS TEXT) ILIKE {self.mark} ESCAPE '\\'"

    def order(self, order: str) -> str:
        if self.name == "sqlite" and order == "-date":
            return "e.date_start DESC, e.id DESC"
        return ORDERS[order]

    def overlap_floor(self) -> str:
        """`e.date_start >= since - the longest span of any event` (one parameter: since): implied
        by the overlap test, and a lower bound a date index can seek to. The longest span is a
        MAX() over the `events_span` index of migration 0005."""
        if self.name == "sqlite":
            span = "SELECT MAX(julianday(date_end) - julianday(date_start)) FROM events"
            return f"e.date_start >= date({self.mark}, printf('-%d days', max(COALESCE(({span}), 0), 0)))"
        span = "SELECT MAX(date_end - date_start) FROM events"
        return f"e.date_start >= CAST({self.mark} AS DATE) - GREATEST(COALESCE(({span}), 0), 0)"

    def words(self, text: str) -> tuple[str, str] | None:
        """(SQL, parameter) keeping the events whose record holds every word of `text` (as a word
        prefix), answered by the full-text index of migration 0005; None when `text` has no word.
        It only narrows: the substring test decides."""
        if self.name == "sqlite":
            if not _WORD.search(text):
                return None
            # One FTS5 phrase, prefix on its last token: the words of a substring stand side by
            # side in the record, the last one possibly cut short.
            exact = '"' + text.replace('"', '""') + '"'
            # The index's matches are listed in full before the other filters apply: worth it for
            # rare words, far slower than testing the rows the other filters leave for common ones.
            if self.conn is not None and not _FTS_VERDICTS.worth(self.conn, exact):
                return None
            return f"e.rowid IN ({_FTS_SQL})", exact + "*"
        # PostgreSQL's parser keeps some tokens whole (numbers with dots, hosts), so only the
        # words made of letters are asked for: a looser net, never a missed record.
        letters = _LETTERS.findall(text)
        if not letters:
            return None
        query = " & ".join(f"{w.lower()}:*" for w in letters)
        return f"to_tsvector('simple', e.record::text) @@ to_tsquery('simple', {self.mark})", query

    def box(
        self, lats: tuple[float, float], lons: tuple[float, float], days: tuple[str | None, str | None]
    ) -> tuple[str, list[Any]] | None:
        """The events whose point lies in the box (lon_min <= lon_max): on SQLite, whose days may
        also overlap `days` (since, until), from the R*Tree of migration 0005; on PostgreSQL from
        the GiST index of points of migration 0009 (the days from the date indexes). It only
        narrows, the exact tests decide."""
        m = self.mark
        if self.name != "sqlite":
            sql = f"point(e.lon, e.lat) <@ box(point({m}, {m}), point({m}, {m}))"
            return sql, [lons[0], lats[0], lons[1], lats[1]]
        sql = f"min_lat <= {m} AND max_lat >= {m} AND min_lon <= {m} AND max_lon >= {m}"
        args: list[Any] = [lats[1], lats[0], lons[1], lons[0]]
        # An event without a start (an end) spans from -1e7 (to 1e7) days in the tree, and never
        # matches `until` (`since`): the strict bound leaves those out of the candidates, which
        # were mostly undated events in a busy place (each one a row read to be dropped).
        if days[1] is not None:
            sql += f" AND min_day <= {m} AND min_day > -1e7"
            args.append(_day(days[1]) + 1)
        if days[0] is not None:
            sql += f" AND max_day >= {m} AND max_day < 1e7"
            args.append(_day(days[0]) - 1)
        return f"e.rowid IN (SELECT id FROM events_geo WHERE {sql})", args

    def within(self, near: Near) -> tuple[str, list[Any]]:
        """The exact circle test: `base.haversine_km` from the event to the centre, on both
        backends (the same sphere, so both keep the same events at the edge of a circle).

        On PostgreSQL it is plain SQL, not PostGIS's ST_DWithin over the GiST index of `geog`:
        the first PostGIS call of a session loads the extension's library and plans through its
        catalog entries, which cost more than the index saves for one query from a new
        connection (what every `strife events` opens). Over the storage benchmark's 100,000
        events, a new connection each time, alternating: median 206 against 157 ms (both with
        other jobs on the machine), the box (`box`, a GiST index of built-in points) then serving
        the search. `geog` and its GiST index stay for GIS clients and the user's own SQL."""
        m = self.mark
        if self.name == "sqlite" and not sqlite_math():  # strife_km is on every SQLite connection
            return f"e.lat IS NOT NULL AND strife_km(e.lat, e.lon, {m}, {m}) <= {m}", [
                near.lat,
                near.lon,
                near.km,
            ]
        # haversine_km(e.lat, e.lon, lat, lon), term by term: the same C functions in the same
        # order, so each backend computes the very double Python does. The diameter is a
        # parameter: SQLite's own reading of a decimal literal is not always the nearest double.
        # (On SQLite with its math functions a tenth of a 4,000-event read's SQL time less than
        # calling `strife_km` back in Python for each candidate.)
        least = "min" if self.name == "sqlite" else "least"
        sql = (
            f"{m} * asin({least}(1.0, sqrt(power(sin((radians({m}) - radians(e.lat)) / 2), 2) "
            f"+ cos(radians(e.lat)) * cos(radians({m})) * power(sin(radians({m} - e.lon) / 2), 2)))) <= {m}"
        )
        return sql, [2 * EARTH_KM, near.lat, near.lat, near.lon, near.km]


@cache
def sqlite_math() -> bool:
    """Whether this process's SQLite has its math functions (SQLITE_ENABLE_MATH_FUNCTIONS, on
    in the builds of 3.35 and later that most Pythons ship; a compile-time choice, so one probe
    answers for every connection)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("SELECT asin(1.0), radians(1.0), power(sqrt(4.0), 2), sin(1.0), cos(1.0)")
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()
    return True


_FTS_SQL = "SELECT rowid FROM events_fts WHERE events_fts MATCH ?"


class _Verdicts:
    """Whether the full-text index narrows an FTS5 phrase enough (at most FTS_MAX matches), kept
    per thread for its SQLite connection while the data that connection sees is unchanged (its
    `PRAGMA data_version` counts other connections' commits, `total_changes` its own), as the
    API's `pages.Counts` does: each probe runs the phrase's MATCH, 1-4 ms for the prefix form of a
    common word over 100,000 events, and the words people search for recur. A stale verdict
    could only cost time, never change an answer: the index only narrows."""

    SIZE = 1024

    def __init__(self) -> None:
        self.local = threading.local()

    def worth(self, conn: Any, exact: str) -> bool:
        """Whether the phrase `exact`, with a prefix on its last token, matches at most FTS_MAX."""
        version = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
        local = self.local
        if (
            getattr(local, "conn", None) is not conn
            or local.version != version
            or len(local.found) >= self.SIZE
        ):
            local.conn, local.version, local.found = conn, version, {}
        verdict: bool | None = local.found.get(exact)
        if verdict is None:
            # The exact phrase first: its matches are a subset of the prefix form's, and its
            # MATCH stops at the LIMIT (the prefix form gathers every matching term's list first),
            # so a common word is turned down for a fraction of the prefix probe's cost.
            verdict = _matches(conn, exact) <= FTS_MAX and _matches(conn, exact + "*") <= FTS_MAX
            local.found[exact] = verdict
        return verdict


def _matches(conn: Any, phrase: str) -> int:
    """How many records the index matches for `phrase`, counted up to FTS_MAX + 1."""
    return int(
        conn.execute(f"SELECT COUNT(*) FROM ({_FTS_SQL} LIMIT {FTS_MAX + 1})", (phrase,)).fetchone()[0]
    )


_FTS_VERDICTS = _Verdicts()


def dialect_of(conn: Any) -> Dialect:
    module = type(conn).__module__.split(".")[0]
    if module == "sqlite3":
        return Dialect("sqlite", "?", conn)
    if module.startswith("psycopg"):
        return Dialect("postgresql", "%s")
    raise StorageError(f"searching is not supported on a {module} connection")


_WORD = re.compile(r"[^\W_]")
_LETTERS = re.compile(r"[^\W\d_]+")


def _day(value: str) -> int:
    """Days since 1970 (the R*Tree's date axis); one day's margin is added by the caller."""
    return (date.fromisoformat(value) - date(1970, 1, 1)).days
