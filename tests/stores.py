"""Store fixtures shared by the test folders: every test that takes `store_url` or `store` runs
once on SQLite and once on a throwaway PostgreSQL/PostGIS server (tests/pg.py), a fresh database
(schema) per test.

Use them by importing the fixtures into a conftest.py or a test module:

    from stores import backend, pg_server, store, store_url  # noqa: F401

One server serves the whole test process however many folders import `pg_server` (pytest makes
one session fixture per importing module; they share the server here, and the last one to finish
stops it by its pid). Without PostgreSQL or PostGIS binaries the postgres runs skip with the
reason; CI sets STRIFE_REQUIRE_POSTGRES=1 so that a missing server fails instead of skipping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

import pg

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]

_shared: dict[str, Any] = {"server": None, "users": 0}


def acquire_server() -> pg.PgServer:
    """The process's throwaway server, started on first use."""
    if _shared["server"] is None:
        _shared["server"] = pg.PgServer().start()
    _shared["users"] += 1
    return _shared["server"]


def release_server() -> None:
    """One user fewer; the last stops the server."""
    _shared["users"] -= 1
    if _shared["users"] <= 0 and _shared["server"] is not None:
        server, _shared["server"] = _shared["server"], None
        server.stop()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pg.PgServer]:
    """A PostgreSQL/PostGIS server on 127.0.0.1, shared by the whole test process."""
    reason = pg.missing()
    if reason:
        if os.environ.get("STRIFE_REQUIRE_POSTGRES"):
            pytest.fail(f"STRIFE_REQUIRE_POSTGRES is set but {reason}")
        pytest.skip(reason)
    server = acquire_server()
    try:
        yield server
    finally:
        release_server()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return str(request.param)


def new_url(backend: str, request: pytest.FixtureRequest, tmp_path: Any, name: str = "test.db") -> str:
    """A new, empty database on `backend`: an SQLite file under `tmp_path`, or a fresh schema on
    the server (dropped when the test ends)."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / name}"
    server = request.getfixturevalue("pg_server")
    url = server.fresh_url()
    request.addfinalizer(lambda: server.drop(url))
    return str(url)


@pytest.fixture
def store_url(backend, request, tmp_path) -> str:
    """The URL of a new, empty database on `backend`."""
    return new_url(backend, request, tmp_path)


@pytest.fixture
def store(store_url):
    """An open store on a new, empty database (closed after the test)."""
    from strife.storage import Store

    with Store(store_url) as opened:
        yield opened


def fail_inserts(store: Any, backend: str, table: str, when: str) -> None:
    """Make the server refuse inserts into `table` whose NEW row matches `when` (SQL over NEW), as a
    full disk would: SQLite with 'database or disk is full', PostgreSQL with its disk_full error
    ('could not extend file: No space left on device')."""
    if backend == "sqlite":
        store.conn.execute(
            f"CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} WHEN {when} "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
        return
    store.conn.execute(
        f"CREATE FUNCTION fail_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; "
        "END $$"
    )
    store.conn.execute(
        f"CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} FOR EACH ROW WHEN ({when}) "
        f"EXECUTE FUNCTION fail_{table}()"
    )


def stop_failing(store: Any, backend: str, table: str) -> None:
    """Undo `fail_inserts`."""
    store.conn.execute(f"DROP TRIGGER fail_{table}" + ("" if backend == "sqlite" else f" ON {table}"))
