"""The SQLite backend: one file, WAL journal (readers never block the one writer), numbered
migrations from `migrations/sqlite/`, one transaction per article.

Distance for `near` is a Python function registered on the connection (SQLite has no
trigonometry by default), after a bounding-box test that can use the (lat, lon) index.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from strife.errors import StorageError
from strife.storage import base
from strife.storage.base import (
    Near,
    check_page,
    check_schema_version,
    event_dict,
    haversine_km,
    iso_date,
    now,
)
from strife.storage.sql import SQLStore

_EVENT_SELECT = """
SELECT e.id, e.article_id, e.record, a.published, a.ingested_at,
       (SELECT COUNT(*) FROM event_articles ea WHERE ea.event_id = e.id) AS n_sources,
       (SELECT json_group_array(DISTINCT s.name) FROM event_articles ea
          JOIN articles aa ON aa.id = ea.article_id JOIN sources s ON s.id = aa.source_id
         WHERE ea.event_id = e.id) AS publishers
FROM events e JOIN articles a ON a.id = e.article_id
"""


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every shipped SQLite migration, in order."""
    return base.migrations("sqlite")


class SQLiteStore(SQLStore):
    """Store in one SQLite file (`sqlite:///path`), or in memory (`sqlite://`)."""

    def __init__(self, path: str | Path, url: str | None = None) -> None:
        self.path = str(path)
        self.url = url or f"sqlite:///{self.path}"
        memory = self.path == ":memory:"
        if not memory:
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StorageError(f"{self.url}: folder {parent} does not exist")
        try:
            # isolation_level=None: transactions are opened explicitly (see `_transaction`).
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not memory:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{self.url}: cannot open the database: {exc}") from exc
        self.conn.create_function("strife_km", 4, haversine_km, deterministic=True)
        self._migrate()

    # -- migrations ------------------------------------------------------------------------------
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        try:
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            current = self.schema_version()
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{self.url}: not a strife database ({exc})") from exc
        known = migrations()
        check_schema_version(self.url, current, known)
        for version, name, sql in known:
            if version <= current:
                continue
            # executescript runs the whole file; BEGIN/COMMIT make it and its schema_version row
            # one transaction, so a crash never leaves a migration applied but unrecorded.
            # (`name` matched [\w-]+.sql and `version` is an int: safe to write into the script.)
            record = f"INSERT INTO schema_version (version, name, applied_at) VALUES ({version}, '{name}', '{now()}');"
            try:
                self.conn.executescript(f"BEGIN;\n{sql}\n{record}\nCOMMIT;")
            except sqlite3.DatabaseError as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StorageError(f"{self.url}: migration {name} failed: {exc}") from exc

    # -- the hooks of the shared SQL (sql.SQLStore) --------------------------------------------------
    database_errors = (sqlite3.DatabaseError,)
    date_floor = (
        "e.date_start >= date(?, printf('-%d days', max(COALESCE("
        "(SELECT MAX(julianday(date_end) - julianday(date_start)) FROM events), 0), 0)))"
    )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE: take the write lock now, so a second writer waits (timeout) instead of
        # failing at its first write; this is what serialises merging across processes.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            # SQLite may already have rolled back on its own (a full disk, an I/O error).
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> None:
        self.conn.execute(sql, tuple(args))

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def _select(self, sql: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self.conn.execute(sql, tuple(args))]

    # -- reading ---------------------------------------------------------------------------------
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
        where, args = self._filters(country, event_type, since, until, near, background)
        sql = _EVENT_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY e.date_start IS NULL, e.date_start, e.id"
        if limit is not None or offset:
            check_page(limit, offset)
            sql += " LIMIT ? OFFSET ?"
            args += [-1 if limit is None else limit, offset]
        return [self._event_dict(row) for row in self.conn.execute(sql, args)]

    @staticmethod
    def _filters(
        country: str | None,
        event_type: str | None,
        since: str | date | None,
        until: str | date | None,
        near: tuple[float, float, float] | Near | None,
        background: bool | None,
    ) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if country:
            where.append("(e.country = ? OR e.iso3 = ?)")
            args += [country, country]
        if event_type:
            where.append(
                "(e.event_type = ? OR e.sub_event_type = ? OR "
                "EXISTS (SELECT 1 FROM event_tags t WHERE t.event_id = e.id AND t.tag = ?))"
            )
            args += [event_type] * 3
        if (start := iso_date(since, "since")) is not None:
            where.append("COALESCE(e.date_end, e.date_start) >= ?")
            args.append(start)
        if (end := iso_date(until, "until")) is not None:
            where.append("e.date_start <= ?")
            args.append(end)
        if near is not None:
            circle = near if isinstance(near, Near) else Near(*near)
            box = circle.box()
            if box:
                where.append("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?")
                args += list(box)
            where.append("e.lat IS NOT NULL AND strife_km(e.lat, e.lon, ?, ?) <= ?")
            args += [circle.lat, circle.lon, circle.km]
        if background is not None:
            where.append("e.background = ?")
            args.append(int(background))
        return where, args

    @staticmethod
    def _event_dict(row: sqlite3.Row) -> dict[str, Any]:
        # orjson: decoding the stored records is most of a large query's time (3-4x json's speed)
        return event_dict(orjson.loads(row["record"]), dict(row), orjson.loads(row["publishers"] or "[]"))

    def event(self, event_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(_EVENT_SELECT + " WHERE e.id = ?", (event_id,)).fetchone()
        return self._event_dict(row) if row else None

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return json.loads(row["record"]) if row else None

    def articles(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT a.id, a.source, a.title, a.publisher, a.published, a.language, a.ingested_at, "
            "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events "
            "FROM articles a ORDER BY a.published IS NULL, a.published, a.id"
        )
        return [dict(row) for row in rows]

    def claims(self, event_id: str | None = None) -> list[dict[str, Any]]:
        sql = (
            'SELECT c.event_id, c.article_id, c.kind, c.grp AS "group", c.low, c.high, c.qualifier, '
            'c.source, c.text, c.start_offset AS start, c.end_offset AS "end", e.event_type, '
            "e.sub_event_type, e.date_start AS date, e.location, e.country "
            "FROM claims c JOIN events e ON e.id = c.event_id"
        )
        args: tuple[str, ...] = ()
        if event_id is not None:
            sql += " WHERE c.event_id = ?"
            args = (event_id,)
        sql += " ORDER BY e.date_start IS NULL, e.date_start, c.event_id, c.start_offset, c.id"
        return [dict(row) for row in self.conn.execute(sql, args)]

    def failures(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT id, input, stage, message, time FROM failures ORDER BY id")
        return [dict(row) for row in rows]

    def close(self) -> None:
        self.conn.close()
