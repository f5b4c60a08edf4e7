"""What both SQL backends share: storing an article in one transaction and the merge
primitives, written once over dialect hooks (`SQLStore`). SQLite (`sqlite.py`) and
PostgreSQL/PostGIS (`postgres.py`) give the hooks; the interface is `base.Store`.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from strife.errors import StorageError
from strife.models import Article, Event
from strife.storage import reading
from strife.storage.base import (
    EventFilters,
    Member,
    MemberWindow,
    Store,
    failure_stage,
    now,
    outlet_name,
    record_hash,
    stored_event_id,
)
from strife.storage.rows import article_columns, claim_columns, event_columns, event_record_model


class SQLStore(Store):
    """The writing and merging both SQL backends share, over the tables of `migrations/`. SQL is
    written once, with `?` marks and the upsert syntax both SQLite and PostgreSQL accept; a
    backend supplies the dialect hooks: how to run SQL and begin a transaction, which errors are
    database errors and how to say them in one line, how a source name is matched, and
    `date_floor`. Nesting is handled here (`_atomic`): an article and the merging it causes are
    one transaction, and the outermost block names what failed."""

    supports_merging = True
    source_match = "name = ?"  # how `sources.name` is compared case-insensitively
    # Each backend sets this: `e.date_start >= ? - the longest span of any stored event` (? is a
    # date), implied by an overlap with a range starting then, and a lower bound the date index
    # can seek to. Its MAX() is read from the `events_span` index of migration 0005.
    date_floor: str
    # Each backend sets this: the distinct outlet names of the articles backing `events.id`,
    # joined by U+001F (NULL: none), as `events.publishers` holds them (migration 0008).
    outlets_sql: str

    # -- dialect hooks ------------------------------------------------------------------------------
    @abstractmethod
    def _execute(self, sql: str, args: Sequence[Any] = ()) -> None: ...

    @abstractmethod
    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _select(self, sql: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts; dates as ISO strings, JSON columns as text or as parsed values."""

    @abstractmethod
    def _tuples(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows as tuples (cheaper than dicts for thousands of rows); dates as ISO strings."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]:
        """One transaction (never nested: `_atomic` joins), rolled back on any exception."""

    database_errors: tuple[type[BaseException], ...] = ()
    _depth = 0  # how many `_atomic` blocks are open: more than 0 means inside a transaction

    def _problem(self, exc: BaseException) -> str:
        """A database error's text in one line."""
        return " ".join(str(exc).split()) or type(exc).__name__

    def _lock_writer(self) -> None:
        """Called first in every `transaction()`: a backend several processes write at once
        serialises merging here (SQLite's BEGIN IMMEDIATE already does)."""

    def _lock_article(self, article_id: str) -> None:
        """Called first in the transaction that stores an article."""

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        """Database errors as one StorageError line: the URL, `what` failed, the problem. Inside
        a transaction they go up as they are: the outermost block names what failed."""
        try:
            yield
        except self.database_errors as exc:
            if self._depth:
                raise
            raise StorageError(f"{self.url}: {what}: {self._problem(exc)}") from exc

    @contextmanager
    def _atomic(self, what: str, lock: Callable[[], None] | None = None) -> Iterator[None]:
        """One transaction, or the one already open (then it fails or commits as a whole)."""
        if self._depth:
            yield
            return
        with self._errors(what), self._transaction():
            self._depth += 1
            try:
                if lock is not None:
                    lock()
                yield
            finally:
                self._depth -= 1

    def transaction(self, what: str | None = None) -> AbstractContextManager[None]:
        return self._atomic(what or "cannot write", self._lock_writer)

    # -- storing an article -------------------------------------------------------------------------
    def ingest(self, article: Article) -> bool:
        article_id = article.ensure_id()
        record = article.to_record()
        digest = record_hash(record)
        what = f"{article.source or article_id}: cannot store the article (nothing of it was written)"
        with self._atomic(what, lambda: self._lock_article(article_id)):
            if self.article_hash(article_id) == digest:
                return False
            self._write_article(article, record, digest)
        return True

    def _write_article(self, article: Article, record: dict[str, Any], digest: str) -> None:
        """The article's row, and each event with its tags, link, claims and single member. The
        old version's rows go first (deleting the article cascades to all of them)."""
        article_id = record["article"]["id"]
        self._execute("DELETE FROM articles WHERE id = ?", (article_id,))
        source_id, outlet = self._source(outlet_name(article))
        columns = article_columns(record, digest, source_id)
        self._insert("articles", columns)
        # What `events()` adds to each record, copied into its row (migration 0008): every event
        # here is backed by this article alone. (Set with the row: an UPDATE afterwards rewrote
        # every new row and its index entries, +58 % ingest time on PostgreSQL.)
        stamp = {
            "publishers": outlet,
            "published": columns["published"],
            "ingested_at": columns["ingested_at"],
        }
        seen: set[str] = set()
        for event, event_record in zip(article.events, record["events"], strict=True):
            event_id = stored_event_id(article_id, event)
            if event_id in seen:
                raise StorageError(f"{article.source or article_id}: two events share the id {event_id!r}")
            seen.add(event_id)
            event_record = {**event_record, "id": event_id}
            member = Member(event_id, event_id, article_id, event_record)
            self._write_event_rows(event_id, article_id, event_record, event, [member], [event], stamp)

    def _source(self, outlet: str | None) -> tuple[int | None, str | None]:
        """The id and the stored name of the source `outlet` (added when new; the name as first
        stored, which a case-insensitive match may spell otherwise), or (None, None)."""
        if not outlet:
            return None, None
        self._execute("INSERT INTO sources (name) VALUES (?) ON CONFLICT DO NOTHING", (outlet,))
        found = self._select(f"SELECT id, name FROM sources WHERE {self.source_match}", (outlet,))
        return (int(found[0]["id"]), str(found[0]["name"])) if found else (None, None)

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        marks = ", ".join("?" for _ in row)
        self._execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", tuple(row.values()))

    def _write_event_rows(
        self,
        event_id: str,
        article_id: str,
        record: dict[str, Any],
        event: Event,
        members: Sequence[Member],
        reports: list[Event],
        stamp: dict[str, Any] | None = None,
    ) -> None:
        """An event's row (stored under its head report's `article_id`; `stamp`: its outlets and
        article dates when the caller knows them), tags, article links and, per member (its own
        Event in `reports`), its member row and its claims: the one sequence both `ingest` and
        `write_event` use."""
        tags = distinct_tags(event.tags)
        backers = list(dict.fromkeys(m.article_id for m in members))
        row = event_columns(event_id, article_id, event, record)
        # What a summary shows, in the row (migration 0007): the rows the two inserts below make.
        row["n_sources"], row["tag_list"] = len(backers), reading.TAG_SEPARATOR.join(sorted(tags)) or None
        row.update(stamp or {})  # else `_stamp` after the links (a merged event's outlets)
        self._insert("events", row)
        tag_sql = "INSERT INTO event_tags (event_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING"
        self._execute_many(tag_sql, [(event_id, t) for t in tags])
        self._execute_many(
            "INSERT INTO event_articles (event_id, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(event_id, a) for a in backers],
        )
        for position, (m, report) in enumerate(zip(members, reports, strict=True)):
            self._execute(
                "INSERT INTO event_members (member_id, event_id, article_id, position, record, vector, model) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET event_id = excluded.event_id, "
                "article_id = excluded.article_id, position = excluded.position, record = excluded.record, "
                "vector = excluded.vector, model = excluded.model",
                (m.member_id, event_id, m.article_id, position, json.dumps(m.record, ensure_ascii=False),
                 m.vector, m.model),
            )  # fmt: skip
            m.event_id = event_id
            claims = claim_columns(event_id, m.article_id, report)
            if claims:
                marks = ", ".join("?" for _ in claims[0])
                self._execute_many(
                    f"INSERT INTO claims ({', '.join(claims[0])}) VALUES ({marks})",
                    [tuple(c.values()) for c in claims],
                )

    def record_failure(self, source: str, error: BaseException | str, stage: str | None = None) -> None:
        if stage is None and isinstance(error, BaseException):
            stage = failure_stage(error)
        with self._errors(f"cannot record the failure of {source}"):
            self._execute(
                "INSERT INTO failures (input, stage, message, time) VALUES (?, ?, ?, ?)",
                (source, stage, str(error), now()),
            )

    # -- reading (strife.storage.reading: one filtered statement over the events rows) ------------
    def _full_events(self, filters: EventFilters, limit: int | None, offset: int) -> list[dict[str, Any]]:
        return reading.full_events(self, reading.event_filter(*filters), limit, offset)

    def _summaries(self, filters: EventFilters, limit: int | None, offset: int) -> list[dict[str, Any]]:
        return reading.summaries(self, reading.event_filter(*filters), limit, offset)

    def _lines(self, filters: EventFilters, limit: int | None, offset: int) -> Iterator[str]:
        return reading.event_lines(self, reading.event_filter(*filters), limit, offset)

    def event(self, event_id: str) -> dict[str, Any] | None:
        return reading.event_by_id(self, event_id)

    # -- the merge primitives (see Store) -------------------------------------------------------
    def article_hash(self, article_id: str) -> str | None:
        with self._errors("cannot read an article"):
            rows = self._select("SELECT record_hash FROM articles WHERE id = ?", (article_id,))
        return rows[0]["record_hash"] if rows else None

    def members(
        self,
        *,
        event_id: str | None = None,
        article_id: str | None = None,
        window: MemberWindow | None = None,
    ) -> list[Member]:
        columns = (
            "m.member_id, m.event_id, m.article_id, m.position, m.record, m.vector, m.model, a.published"
        )
        where, args = member_filters(event_id, article_id)
        if window is None:
            tables = (
                "event_members m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = m.article_id"
            )
            queries = [(f"SELECT {columns} FROM {tables}", where, args)]
        else:
            queries = self._window_queries(columns, window, where, args)
        rows = []
        with self._errors("cannot read event members"):
            for select, conditions, values in queries:
                rows += self._select(
                    select + (" WHERE " + " AND ".join(conditions) if conditions else ""), values
                )
        rows.sort(key=lambda r: (r["event_id"], r["position"], r["member_id"]))  # as ids sort in SQL
        return [
            Member(r["member_id"], r["event_id"], r["article_id"], _json(r["record"]), r["published"],
                   bytes(r["vector"]) if r["vector"] is not None else None, r["model"])
            for r in rows
        ]  # fmt: skip

    def _window_queries(
        self, columns: str, window: MemberWindow, where: list[str], args: list[Any]
    ) -> list[tuple[str, list[str], list[Any]]]:
        """The members of the events in `window`, as two queries each led by its own index (one
        query with an OR reads every event of the country): dated events by date range, their
        start bounded below by `date_floor` so `events_date` is read between two dates; undated
        ones by the publication date of the article (`articles_published`). CROSS JOIN fixes
        SQLite's join order (PostgreSQL plans it as a plain join)."""
        country, place = [], []
        if window.country:  # an expression, not the column: the date indexes lead, not country
            country, place = ["COALESCE(e.country, ?) = ?"], [window.country, window.country]
        dated = (
            f"SELECT {columns} FROM events e CROSS JOIN event_members m CROSS JOIN articles a",
            ["m.event_id = e.id", "a.id = m.article_id", self.date_floor, "e.date_start <= ?",
             "COALESCE(e.date_end, e.date_start) >= ?", *country, *where],
            [window.since, window.until, window.since, *place, *args],
        )  # fmt: skip
        undated = (
            f"SELECT {columns} FROM articles a CROSS JOIN event_members m CROSS JOIN events e",
            ["m.article_id = a.id", "e.id = m.event_id", "a.published BETWEEN ? AND ?",
             "e.date_start IS NULL", *country, *where],
            [window.since, window.undated_until, *place, *args],
        )  # fmt: skip
        return [dated, undated]

    def write_event(self, event_id: str, record: dict[str, Any], members: Sequence[Member]) -> None:
        if not members:
            raise StorageError(f"event {event_id!r}: an event needs at least one member")
        head = next((m for m in members if m.member_id == event_id), members[0])
        record = {**record, "id": event_id}
        event = Event.model_validate(event_record_model(record))
        reports = [Event.model_validate(event_record_model(m.record)) for m in members]
        with self._atomic(f"cannot write event {event_id}"):
            self._execute("DELETE FROM events WHERE id = ?", (event_id,))
            self._write_event_rows(event_id, head.article_id, record, event, members, reports)
            self._stamp("id = ?", event_id)

    def _stamp(self, which: str, key: str) -> None:
        """Copy into the rows of events `which` (one `?`: `key`) what `events()` adds to their
        records (migration 0008): their outlets, and the dates of the article each is stored
        under. Run after a merged event's links are written; one statement, so a pipelined
        writer does not wait for it."""
        self._execute(
            f"UPDATE events SET publishers = {self.outlets_sql}, "
            "published = (SELECT a.published FROM articles a WHERE a.id = events.article_id), "
            "ingested_at = (SELECT a.ingested_at FROM articles a WHERE a.id = events.article_id) "
            f"WHERE {which}",
            (key,),
        )

    def delete_event(self, event_id: str) -> None:
        with self._atomic(f"cannot delete event {event_id}"):
            self._execute("DELETE FROM event_members WHERE event_id = ?", (event_id,))
            self._execute("DELETE FROM events WHERE id = ?", (event_id,))

    def save_vectors(self, members: Sequence[Member]) -> None:
        with self._atomic("cannot save embeddings"):
            self._execute_many(
                "UPDATE event_members SET vector = ?, model = ? WHERE member_id = ?",
                [(m.vector, m.model, m.member_id) for m in members],
            )


def distinct_tags(tags: Sequence[str]) -> list[str]:
    """`tags` without repeats, compared without case as the key of `event_tags` compares them
    (the first spelling kept)."""
    first: dict[str, str] = {}
    for tag in tags:
        first.setdefault(tag.lower(), tag)
    return list(first.values())


def _json(value: Any) -> Any:
    """A JSON column's value: SQLite gives its text, psycopg the parsed value."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def member_filters(event_id: str | None, article_id: str | None) -> tuple[list[str], list[Any]]:
    """WHERE clauses of `members()` for one event or one article's events."""
    where: list[str] = []
    args: list[Any] = []
    if event_id is not None:
        where.append("m.event_id = ?")
        args.append(event_id)
    if article_id is not None:
        where.append("m.event_id IN (SELECT event_id FROM event_members WHERE article_id = ?)")
        args.append(article_id)
    return where, args
