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

from strife.errors import StorageError
from strife.models import Article, Event
from strife.storage import base
from strife.storage.base import (
    Member,
    MemberWindow,
    Near,
    Store,
    article_columns,
    check_page,
    check_schema_version,
    claim_columns,
    event_columns,
    event_dict,
    event_record_model,
    failure_stage,
    haversine_km,
    iso_date,
    now,
    outlet_name,
    record_hash,
    stored_event_id,
)

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


class SQLiteStore(Store):
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
            try:
                # executescript runs the whole file; BEGIN/COMMIT make it one transaction.
                self.conn.executescript(f"BEGIN;\n{sql}\nCOMMIT;")
            except sqlite3.DatabaseError as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StorageError(f"{self.url}: migration {name} failed: {exc}") from exc
            self.conn.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, now()),
            )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.conn.in_transaction:  # inside `transaction()` (the merger): join it
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            # SQLite may already have rolled back on its own (a full disk, an I/O error).
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------------
    def ingest(self, article: Article) -> bool:
        article_id = article.ensure_id()
        record = article.to_record()
        digest = record_hash(record)
        try:
            old = self.conn.execute("SELECT record_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
            if old is not None and old["record_hash"] == digest:
                return False
            with self._transaction() as conn:
                self._write(conn, article, record, digest)
        except sqlite3.DatabaseError as exc:
            raise StorageError(
                f"{article.source or article_id}: cannot store the article (nothing of it was written): {exc}"
            ) from exc
        return True

    def _write(self, conn: sqlite3.Connection, article: Article, record: dict[str, Any], digest: str) -> None:
        article_id = record["article"]["id"]
        source_id = None
        outlet = outlet_name(article)
        if outlet:
            conn.execute("INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (outlet,))
            source_id = conn.execute("SELECT id FROM sources WHERE name = ?", (outlet,)).fetchone()[0]
        conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
        self._insert(conn, "articles", article_columns(record, digest, source_id), verb="INSERT OR REPLACE")
        seen: set[str] = set()
        for event, event_record in zip(article.events, record["events"], strict=True):
            event_id = stored_event_id(article_id, event)
            if event_id in seen:
                raise StorageError(f"{article.source or article_id}: two events share the id {event_id!r}")
            seen.add(event_id)
            event_record = {**event_record, "id": event_id}
            self._insert(conn, "events", event_columns(event_id, article_id, event, event_record))
            conn.executemany(
                "INSERT OR IGNORE INTO event_tags (event_id, tag) VALUES (?, ?)",
                [(event_id, tag) for tag in event.tags],
            )
            conn.execute(
                "INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)", (event_id, article_id)
            )
            for claim in claim_columns(event_id, article_id, event):
                self._insert(conn, "claims", claim)
            conn.execute(
                "INSERT OR REPLACE INTO event_members (member_id, event_id, article_id, position, record) "
                "VALUES (?, ?, ?, 0, ?)",
                (event_id, event_id, article_id, json.dumps(event_record, ensure_ascii=False)),
            )

    @staticmethod
    def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any], verb: str = "INSERT") -> None:
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        conn.execute(f"{verb} INTO {table} ({names}) VALUES ({marks})", tuple(row.values()))

    def record_failure(self, source: str, error: BaseException | str, stage: str | None = None) -> None:
        if stage is None and isinstance(error, BaseException):
            stage = failure_stage(error)
        try:
            self.conn.execute(
                "INSERT INTO failures (input, stage, message, time) VALUES (?, ?, ?, ?)",
                (source, stage, str(error), now()),
            )
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{self.url}: cannot record the failure of {source}: {exc}") from exc

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
        return event_dict(json.loads(row["record"]), dict(row), json.loads(row["publishers"] or "[]"))

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

    # -- merging across articles (see Store; used by strife.merge.Merger) --------------------------
    supports_merging = True

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self._transaction():
                yield
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{self.url}: {exc}") from exc

    def article_hash(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT record_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def members(
        self,
        *,
        event_id: str | None = None,
        article_id: str | None = None,
        window: MemberWindow | None = None,
    ) -> list[Member]:
        sql = (
            "SELECT m.member_id, m.event_id, m.article_id, m.record, m.vector, m.model, a.published "
            "FROM event_members m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = m.article_id"
        )
        where, args = _member_filters(event_id, article_id, window)
        sql += " WHERE " + " AND ".join(where) if where else ""
        rows = self.conn.execute(sql + " ORDER BY m.event_id, m.position, m.member_id", args)
        return [
            Member(r["member_id"], r["event_id"], r["article_id"], json.loads(r["record"]), r["published"],
                   r["vector"], r["model"])
            for r in rows
        ]  # fmt: skip

    def write_event(self, event_id: str, record: dict[str, Any], members: Sequence[Member]) -> None:
        if not members:
            raise StorageError(f"event {event_id!r}: an event needs at least one member")
        head = next((m for m in members if m.member_id == event_id), members[0])
        record = {**record, "id": event_id}
        event = Event.model_validate(event_record_model(record))
        with self._transaction() as conn:
            conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
            self._insert(conn, "events", event_columns(event_id, head.article_id, event, record))
            conn.executemany(
                "INSERT OR IGNORE INTO event_tags (event_id, tag) VALUES (?, ?)",
                [(event_id, t) for t in event.tags],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO event_articles (event_id, article_id) VALUES (?, ?)",
                [(event_id, m.article_id) for m in members],
            )
            for position, m in enumerate(members):
                conn.execute(
                    "INSERT OR REPLACE INTO event_members (member_id, event_id, article_id, position, record, "
                    "vector, model) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (m.member_id, event_id, m.article_id, position, json.dumps(m.record, ensure_ascii=False),
                     m.vector, m.model),
                )  # fmt: skip
                m.event_id = event_id
                member_event = Event.model_validate(event_record_model(m.record))
                for claim in claim_columns(event_id, m.article_id, member_event):
                    self._insert(conn, "claims", claim)

    def delete_event(self, event_id: str) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM event_members WHERE event_id = ?", (event_id,))
            conn.execute("DELETE FROM events WHERE id = ?", (event_id,))

    def save_vectors(self, members: Sequence[Member]) -> None:
        with self._transaction() as conn:
            conn.executemany(
                "UPDATE event_members SET vector = ?, model = ? WHERE member_id = ?",
                [(m.vector, m.model, m.member_id) for m in members],
            )


def _member_filters(
    event_id: str | None, article_id: str | None, window: MemberWindow | None
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if event_id is not None:
        where.append("m.event_id = ?")
        args.append(event_id)
    if article_id is not None:
        where.append("m.event_id IN (SELECT event_id FROM event_members WHERE article_id = ?)")
        args.append(article_id)
    if window is not None:
        where.append(
            "((e.date_start IS NOT NULL AND e.date_start <= ? AND COALESCE(e.date_end, e.date_start) >= ?) "
            "OR (e.date_start IS NULL AND a.published BETWEEN ? AND ?))"
        )
        args += [window.until, window.since, window.since, window.undated_until]
        if window.country:
            where.append("(e.country IS NULL OR e.country = ?)")
            args.append(window.country)
    return where, args
