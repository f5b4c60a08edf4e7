"""Opening stores on both backends: URLs, numbered migrations, schema versions, WAL, PostGIS."""

from __future__ import annotations

import pytest

import pg
from strife.errors import StorageError
from strife.storage import Store, schema
from strife.storage.postgres import masked
from strife.storage.sqlite import SQLiteStore

TABLES = {
    "articles",
    "events",
    "event_tags",
    "claims",
    "sources",
    "failures",
    "event_articles",
    "schema_version",
}


def table_names(store, backend):
    if backend == "sqlite":
        return {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    rows = store.conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    )
    return {r["table_name"] for r in rows}


@pytest.mark.parametrize("dialect", ["sqlite", "postgres"])
def test_migrations_are_numbered_from_one_and_match(dialect):
    versions = [v for v, _, _ in schema.migrations(dialect)]
    assert versions[0] == 1
    assert versions == list(range(1, len(versions) + 1))
    # The two backends move through the same schema versions.
    assert [n for _, n, _ in schema.migrations(dialect)] == [n for _, n, _ in schema.migrations("sqlite")]


def test_fresh_database_is_migrated(store, backend):
    assert store.schema_version() == len(schema.migrations(backend))
    assert table_names(store, backend) >= TABLES
    if backend == "sqlite":
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    else:
        column = store.conn.execute(
            "SELECT type FROM geography_columns WHERE f_table_schema = current_schema() "
            "AND f_table_name = 'events' AND f_geography_column = 'geog'"
        ).fetchone()
        assert column == {"type": "Point"}
        index = store.conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'events_geog'"
        ).fetchone()
        assert "USING gist (geog)" in index["indexdef"]


def test_reopening_applies_nothing_twice(store_url, backend):
    Store(store_url).close()
    with Store(store_url) as store:
        rows = store.conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [r[0] if backend == "sqlite" else r["version"] for r in rows] == [
            v for v, _, _ in schema.migrations(backend)
        ]


def test_newer_schema_is_refused(store_url):
    with Store(store_url) as store:
        store.conn.execute(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (999, '0999_future.sql', '2030-01-01')"
        )
    with pytest.raises(
        StorageError, match="schema version 999 is newer than this strife understands"
    ) as caught:
        Store(store_url)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(masked(store_url))


def test_foreign_schema_version_table_is_refused(store_url, backend):
    """A database holding another program's `schema_version` is not taken for a strife one."""
    if backend == "sqlite":
        import sqlite3

        conn = sqlite3.connect(store_url.removeprefix("sqlite:///"))
        conn.execute("CREATE TABLE schema_version (release TEXT)")
        conn.commit()
        conn.close()
    else:
        import psycopg

        with psycopg.connect(store_url, autocommit=True) as conn:
            conn.execute("CREATE TABLE schema_version (release TEXT)")
    with pytest.raises(StorageError, match="version") as caught:
        Store(store_url)
    assert "\n" not in str(caught.value)


def test_not_an_sqlite_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match=r"not a strife database|cannot open"):
        Store(str(path))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://localhost/x", "unknown database kind"),
        ("sqlite://relative.db", "three slashes"),
        ("", "empty"),
        ("sqlite:////no/such/folder/x.db", "does not exist"),
    ],
)
def test_bad_urls(url, message):
    with pytest.raises(StorageError, match=message):
        Store(url)


def test_url_forms(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store("sqlite:///rel.db") as rel, Store(f"sqlite:///{tmp_path}/abs.db") as absolute:
        assert isinstance(rel, SQLiteStore)
        assert (tmp_path / "rel.db").is_file() and (tmp_path / "abs.db").is_file()
        assert absolute.path == f"{tmp_path}/abs.db"
    with Store("plain.db"), Store("sqlite://") as memory:
        assert (tmp_path / "plain.db").is_file()
        assert memory.path == ":memory:"


@pytest.mark.postgres
@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgis"])
def test_postgres_url_forms(pg_server, scheme):
    from strife.storage.postgres import PostgresStore

    url = pg_server.fresh_url()
    try:
        with Store(url.replace("postgresql://", f"{scheme}://", 1)) as store:
            assert isinstance(store, PostgresStore)
            assert pg.PASSWORD not in store.url
            assert store.url.startswith(f"{scheme}://strife:***@127.0.0.1:")
    finally:
        pg_server.drop(url)
