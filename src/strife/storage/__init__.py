"""Storage behind one interface: `Store(url)` returns the backend the URL names.

    sqlite:///relative/path.db   sqlite:////absolute/path.db   sqlite:// (in memory)

A plain file path is taken as an SQLite file. PostgreSQL/PostGIS will come behind the same
interface (`strife.storage.base.Store`); its URL is recognised and refused clearly until then.
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
        raise StorageError(f"{text}: PostgreSQL storage is not available in this version; use sqlite:///path")
    raise StorageError(f"{text}: unknown database kind {scheme!r}; use sqlite:///path/to/strife.db")
