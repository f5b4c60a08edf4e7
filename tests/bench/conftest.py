"""The storage benchmark's PostgreSQL test takes the shared throwaway server (tests/stores.py)."""

from stores import pg_server  # noqa: F401
