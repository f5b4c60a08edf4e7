"""The PostgreSQL/PostGIS backend, for a store several people or processes share.

`postgresql://user:password@host:port/database` (libpq URL; `postgres://` and `postgis://` are
taken as the same). Same tables, numbered migrations (`migrations/postgres/`), results and dict
shapes as the SQLite backend; events also carry a PostGIS `geography` point with a GiST index,
for GIS clients (`near` queries use the (lat, lon, ...) index and the same spherical distance as
SQLite: see `dialect.Dialect.within`). Dates are `date` columns, times `timestamptz`; both come
back as the same ISO strings SQLite gives.

One transaction per article, under an advisory lock on its id, so two processes ingesting the
same article cannot interleave; merging (`transaction()`) holds one more advisory lock, so merges
run one at a time as SQLite's single writer does. Any database error rolls the whole article back
and becomes one `StorageError` line. Messages name the URL with its password masked. The SQL of
writing and merging is shared with SQLite (`sql.SQLStore`); this module gives its hooks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import orjson

from strife.errors import StorageError
from strife.storage import schema
from strife.storage.base import now
from strife.storage.schema import check_schema_version
from strife.storage.sql import SQLStore

try:
    import psycopg
    from psycopg.adapt import Buffer, Loader
    from psycopg.rows import dict_row, tuple_row
    from psycopg.types.json import set_json_loads
    from psycopg.types.string import TextLoader
except ImportError:  # the SQLite backend works without it
    psycopg = None  # type: ignore[assignment]
    Loader = object  # type: ignore[assignment,misc]

# Advisory lock namespaces (first key of pg_advisory_lock(int, int)).
_MIGRATION_LOCK = 0x5757
_ARTICLE_LOCK = 0x5758
_MERGE_LOCK = 0x5759
_CONNECT_TIMEOUT = 10
#: The tables the migrations create (what `optimize` vacuums).
TABLES = (
    "articles",
    "sources",
    "events",
    "event_articles",
    "event_members",
    "event_tags",
    "claims",
    "failures",
)
#: Server settings of every session: times in UTC, so timestamps come as the text `_TimestampText`
#: slices into the ISO strings SQLite stores.
_SESSION = "-c TimeZone=UTC"


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every shipped PostgreSQL migration, in order."""
    return schema.migrations("postgres")


def masked(url: str) -> str:
    """`url` with its password replaced by ***, fit for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def one_line(exc: BaseException) -> str:
    """libpq messages span lines ("...failed: Connection refused\\n\\tIs the server running..."):
    one line for the CLI's one-line errors."""
    return " ".join(str(exc).split()) or type(exc).__name__


def _text(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL, which SQLite stores: U+FFFD takes its place in the
    columns (one character for one, so offsets hold); the JSON records keep it as \\u0000."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def _marks(sql: str) -> str:
    """The shared SQL's `?` marks as psycopg's `%s` (the shared SQL has no other ? or %)."""
    return sql.replace("?", "%s")


def _iso(value: Any) -> Any:
    """Dates and times as the ISO strings the SQLite backend stores; other values as they are."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


class _TimestampText(Loader):
    """A `timestamptz` as the ISO string in UTC, to the second, that the SQLite backend stores.
    Sessions run in UTC (`_SESSION`), so the server's text is "2026-11-22 10:41:00[.123]+00" and
    becomes that string by slicing; parsing it and formatting it again was a sixth of a
    2,000-event read. Any other text (a session set to another zone, a year past 9999) is parsed."""

    def load(self, data: Buffer) -> str:
        text = bytes(data).decode("ascii")
        if len(text) >= 22 and text.endswith("+00") and text[10] == " " and text[19] in ".+":
            return f"{text[:10]}T{text[11:19]}+00:00"
        try:
            return datetime.fromisoformat(text).astimezone(UTC).isoformat(timespec="seconds")
        except ValueError:  # infinity, or a year SQLite could not hold either: as the server says
            return text


def _load_as_text(conn: Any) -> bool:
    """Dates and times come back as the ISO strings of the SQLite backend when the session's
    DateStyle is ISO (the server's default): a `date`'s text is then that string ("2019-03-23"),
    taken as it is by psycopg's text loader (its C version: a Python loader per value was a
    sixth of the client's CPU in a profiled 1,000-row summary read, and a `date` object made and
    formatted again was a third of a 2,000-event read); a `timestamptz` is sliced
    (`_TimestampText`). Whether they do (otherwise `_iso` converts the values psycopg makes)."""
    style = conn.pgconn.parameter_status(b"DateStyle") or b""
    if not style.startswith(b"ISO"):
        return False
    conn.adapters.register_loader("date", TextLoader)
    conn.adapters.register_loader("timestamptz", _TimestampText)
    return True


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Dates and times as the ISO strings the SQLite backend stores."""
    for key, value in row.items():
        row[key] = _iso(value)
    return row


class PostgresStore(SQLStore):
    """Store in a PostgreSQL database with PostGIS (`postgresql://...`)."""

    def __init__(self, url: str) -> None:
        scheme, _, rest = url.partition("://")
        self._conninfo = f"postgresql://{rest}" if scheme.lower() in ("postgis", "postgres") else url
        self.url = masked(url)
        if psycopg is None:
            raise StorageError(
                f"{self.url}: PostgreSQL storage needs psycopg (pip install 'psycopg[binary]')"
            )
        options: dict[str, Any] = {"autocommit": True, "row_factory": dict_row, "application_name": "strife"}
        if "connect_timeout" not in url:
            options["connect_timeout"] = _CONNECT_TIMEOUT
        if "options" not in url:  # a URL's own server options are kept as they are
            options["options"] = _SESSION
        try:
            self.conn = psycopg.connect(self._conninfo, **options)
            # jsonb columns decoded by orjson: most of a large query's time (3-4x json's speed)
            set_json_loads(orjson.loads, self.conn)
            self._dates_as_text = _load_as_text(self.conn)
        except psycopg.Error as exc:
            raise StorageError(
                f"{self.url}: cannot connect to the PostgreSQL database: {self._problem(exc)}"
            ) from exc
        try:
            self._migrate()
        except BaseException:
            self.conn.close()
            raise

    def _problem(self, exc: BaseException) -> str:
        """The error's text in one line, the password never in it. A server error gives its
        primary message (and detail), not the CONTEXT lines of where it was raised."""
        diag = getattr(exc, "diag", None)
        primary = diag.message_primary if diag is not None else None
        if primary:
            detail = diag.message_detail  # type: ignore[union-attr]
            text = one_line(Exception(f"{primary} ({detail})" if detail else primary))
        else:
            text = one_line(exc)
        password = urlsplit(self._conninfo).password
        return text.replace(password, "***") if password else text

    # -- migrations ------------------------------------------------------------------------------
    def schema_version(self) -> int:
        with self._errors("cannot read the schema version"):
            row = self.conn.execute("SELECT MAX(version) AS v FROM schema_version").fetchone()
        return int(row["v"] or 0) if row else 0

    def _migrate(self) -> None:
        """Apply every migration newer than the database, each in its own transaction; a
        session lock keeps two processes opening a new database from migrating it twice. A
        database already current (nearly every open: each command and API worker opens the
        store) costs one read, without the lock and the DDL."""
        known = migrations()
        current = self._version_if_any()
        if current is not None and known and current >= known[-1][0]:
            check_schema_version(self.url, current, known)
            return
        with self._errors("not a usable strife database"):
            self.conn.execute("SELECT pg_advisory_lock(%s, 0)", (_MIGRATION_LOCK,))
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
            )
        try:
            current = self.schema_version()
            check_schema_version(self.url, current, known)
            for version, name, sql in known:
                if version > current:
                    self._apply(version, name, sql)
        finally:
            with self._errors("cannot release the migration lock"):
                self.conn.execute("SELECT pg_advisory_unlock(%s, 0)", (_MIGRATION_LOCK,))

    def _version_if_any(self) -> int | None:
        """The schema version, or None when there is no version table (yet) or it cannot be read
        here: then the locked path of `_migrate` makes it or says what is wrong."""
        try:
            row = self.conn.execute("SELECT MAX(version) AS v FROM schema_version").fetchone()
        except psycopg.Error:  # autocommit: a failed read leaves no aborted transaction behind
            return None
        return int(row["v"] or 0) if row else 0

    def _apply(self, version: int, name: str, sql: str) -> None:
        try:
            with self.conn.transaction():
                self.conn.execute(sql.encode("utf-8"))  # no parameters: several statements allowed
                self.conn.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, %s)",
                    (version, name, now()),
                )
        except psycopg.Error as exc:
            hint = ""
            if "postgis" in str(exc).lower():
                hint = " (PostGIS must be installed on the server and created by a superuser: CREATE EXTENSION postgis)"
            raise StorageError(f"{self.url}: migration {name} failed: {self._problem(exc)}{hint}") from exc

    # -- the hooks of the shared SQL (sql.SQLStore) --------------------------------------------------
    source_match = "lower(name) = lower(?)"  # the unique index is on lower(name)
    date_floor = "e.date_start >= CAST(? AS DATE) - GREATEST(COALESCE((SELECT MAX(date_end - date_start) FROM events), 0), 0)"
    outlets_sql = (
        "(SELECT string_agg(DISTINCT s.name, chr(31)) FROM event_articles ea JOIN articles a ON a.id = ea.article_id "
        "JOIN sources s ON s.id = a.source_id WHERE ea.event_id = events.id AND s.name <> '')"
    )

    database_errors = (psycopg.Error,) if psycopg is not None else ()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        # Pipeline mode: statements whose results nobody reads (every INSERT and DELETE of an
        # article) go out without waiting for the server; a read or the COMMIT syncs. An article
        # was ~26 round trips, most of its write time; now a few. An error still surfaces
        # inside this block (at the next sync at the latest), so the whole article rolls back.
        with self.conn.pipeline(), self.conn.transaction():
            yield

    def _lock_writer(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(%s, 0)", (_MERGE_LOCK,))

    def _lock_article(self, article_id: str) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_ARTICLE_LOCK, article_id))

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> None:
        self.conn.execute(_marks(sql), [_text(v) for v in args])

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:  # executemany syncs with the server even for no rows
            return
        with self.conn.cursor() as cur:
            cur.executemany(_marks(sql), [[_text(v) for v in row] for row in rows])

    def _select(self, sql: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [_plain(row) for row in self.conn.execute(_marks(sql), [_text(v) for v in args]).fetchall()]

    def _tuples(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.conn.cursor(row_factory=tuple_row) as cursor:
            rows = cursor.execute(_marks(sql), [_text(v) for v in args]).fetchall()
        if self._dates_as_text:
            return rows
        return [tuple(_iso(v) for v in row) for row in rows]

    # -- reading (events: `SQLStore` through strife.storage.reading) -------------------------------
    def _rows(self, sql: str, args: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        with self._errors("query failed"):
            return [_plain(row) for row in self.conn.execute(sql, args).fetchall()]

    def article(self, article_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT record FROM articles WHERE id = %s", (article_id,))
        return rows[0]["record"] if rows else None

    def articles(self) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT a.id, a.source, a.title, a.publisher, a.published, a.language, a.ingested_at, "
            "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events "
            "FROM articles a ORDER BY a.published IS NULL, a.published, a.id"
        )

    def claims(self, event_id: str | None = None) -> list[dict[str, Any]]:
        sql = (
            'SELECT c.event_id, c.article_id, c.kind, c.grp AS "group", c.low, c.high, c.qualifier, '
            'c.source, c.text, c.start_offset AS start, c.end_offset AS "end", e.event_type, '
            "e.sub_event_type, e.date_start AS date, e.location, e.country "
            "FROM claims c JOIN events e ON e.id = c.event_id"
        )
        args: tuple[str, ...] = ()
        if event_id is not None:
            sql += " WHERE c.event_id = %s"
            args = (event_id,)
        sql += " ORDER BY e.date_start IS NULL, e.date_start, c.event_id, c.start_offset, c.id"
        return self._rows(sql, args)

    def failures(self) -> list[dict[str, Any]]:
        return self._rows("SELECT id, input, stage, message, time FROM failures ORDER BY id")

    def optimize(self) -> None:
        # strife's tables only (a shared database may hold others). After 100,000 events the
        # server's autovacuum ran through the first queries a minute later (docs/benchmarks.md);
        # VACUUM skips the pages already all-visible, so a small run into a large store is cheap.
        with self._errors("cannot vacuum and analyse the tables"):
            self.conn.execute(f"VACUUM (ANALYZE) {', '.join(TABLES)}")

    def close(self) -> None:
        self.conn.close()
