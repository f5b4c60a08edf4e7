"""Opening stores: URLs, numbered migrations, schema versions, WAL."""

from __future__ import annotations

import sqlite3

import pytest

from strife.errors import StorageError
from strife.storage import Store
from strife.storage.sqlite import SQLiteStore, migrations


def test_migrations_are_numbered_from_one():
    versions = [v for v, _, _ in migrations()]
    assert versions[0] == 1
    assert versions == list(range(1, len(versions) + 1))


def test_fresh_database_is_migrated(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        assert store.schema_version() == len(migrations())
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {
            "articles",
            "events",
            "claims",
            "sources",
            "failures",
            "event_articles",
            "schema_version",
        } <= tables
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_applies_nothing_twice(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    Store(url).close()
    with Store(url) as store:
        rows = store.conn.execute("SELECT version FROM schema_version").fetchall()
        assert [r[0] for r in rows] == [v for v, _, _ in migrations()]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "x.db"
    Store(f"sqlite:///{path}").close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (999, '0999_future.sql', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="newer"):
        Store(f"sqlite:///{path}")


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match=r"not a strife database|cannot open"):
        Store(str(path))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://localhost/strife", "PostgreSQL"),
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
