"""Storage behind one interface: `Store(url)` returns the backend the URL names.

    sqlite:///relative/path.db   sqlite:////absolute/path.db   sqlite:// (in memory)
    postgresql://user:password@host:port/database   (also postgres://, postgis://)

A plain file path is taken as an SQLite file. Both backends implement `strife.storage.base.Store`
and give the same results; PostgreSQL needs psycopg and a server with PostGIS.
"""

from __future__ import annotations

from pathlib import Path

from strife.errors import StorageError
from strife.storage.base import Near
from strife.storage.base import Store as BaseStore

__all__ = ["BaseStore", "Near", "StorageError", "Store"]


def Store(url: str | Path) -> BaseStore:
    """Open (creating and migrating when needed) the store at `url`."""
    from strife.storage.sqlite import SQLiteStore

    text = str(url).strip()
    if not text:
        raise StorageError("empty database URL (use sqlite:///path/to/strife.db)")
    if "://" not in text:
        return SQLiteStore(text, url=f"sqlite:///{text}")
    scheme, _, rest = text.partition("://")
    scheme = scheme.lower()
    if scheme == "sqlite":
        if rest in ("", "/:memory:", ":memory:"):
            return SQLiteStore(":memory:", url=text)
        if not rest.startswith("/"):
            raise StorageError(f"{text}: an SQLite URL is sqlite:///path (three slashes)")
        return SQLiteStore(rest[1:], url=text)
    if scheme in ("postgres", "postgresql", "postgis"):
        from strife.storage.postgres import PostgresStore

        return PostgresStore(text)
    raise StorageError(
        f"{text}: unknown database kind {scheme!r}; use sqlite:///path/to/strife.db or postgresql://host/db"
    )
