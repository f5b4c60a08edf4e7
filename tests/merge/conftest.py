"""Merge tests that take `store` or `store_url` run on SQLite and on PostgreSQL/PostGIS alike."""

from stores import backend, pg_server, store, store_url  # noqa: F401
