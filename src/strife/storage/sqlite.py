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
from pathlib import Path
from typing import Any

from strife.errors import StorageError
from strife.storage import schema
from strife.storage.base import (
    haversine_km,
    now,
)
from strife.storage.schema import check_schema_version
from strife.storage.sql import SQLStore


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every shipped SQLite migration, in order."""
    return schema.migrations("sqlite")


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
    outlets_sql = (
        "(SELECT group_concat(name, char(31)) FROM (SELECT DISTINCT s.name AS name FROM event_articles ea "
        "JOIN articles a ON a.id = ea.article_id JOIN sources s ON s.id = a.source_id "
        "WHERE ea.event_id = events.id AND s.name <> '' ORDER BY s.name))"
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

    def _tuples(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples, not sqlite3.Row
        try:
            return cursor.execute(sql, tuple(args)).fetchall()
        finally:
            cursor.close()

    # -- reading (events: `SQLStore` through strife.storage.reading) -------------------------------
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

    def optimize(self) -> None:
        # ANALYZE where SQLite judges the statistics stale (cheap when they are not)
        with self._errors("cannot optimise the database"):
            self.conn.execute("PRAGMA optimize")

    def close(self) -> None:
        self.conn.close()
