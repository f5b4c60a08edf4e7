"""Storage fixtures: every test that takes `store_url` or `store` runs once on SQLite and once
on a throwaway PostgreSQL/PostGIS server (one server per session, a fresh database per test).

Without PostgreSQL or PostGIS binaries the postgres runs skip with the reason; CI sets
STRIFE_REQUIRE_POSTGRES=1 so that a missing server fails instead of skipping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

import pg
from strife.models import Actor, Article, Count, DateInfo, Event, Evidence, Fatalities, Location

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def build_event(n: int, **over: Any) -> Event:
    """An event with sensible defaults; `over` replaces any field."""
    fields: dict[str, Any] = {
        "id": f"e{n}",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date": DateInfo(start="2016-05-09", end="2016-05-09", precision=1, text="Monday"),
        "location": Location(name="Aleppo", country="Syria", iso3="SYR", lat=36.2021, lon=37.1343, geo_precision=1),
        "actor1": Actor(name="Syrian Arab Army", type="State forces"),
        "actor2": Actor(name="Civilians", type="Civilians"),
        "counts": [
            Count(kind="fatalities", group="Civilians", low=5, high=5, text="five people", start=0, end=11),
            Count(
                kind="fatalities", low=7, high=None, qualifier="more_than", source="SOHR",
                text="more than seven", start=12, end=27,
            ),
        ],
        "fatalities": Fatalities(low=5, best=5, high=7),
        "evidence": [Evidence(start=0, end=27, text="five people more than seven")],
    }  # fmt: skip
    fields.update(over)
    return Event(**fields)


def build_article(article_id: str = "art1", events: list[Event] | None = None, **over: Any) -> Article:
    fields: dict[str, Any] = {
        "id": article_id,
        "source": f"{article_id}.txt",
        "title": "Clashes in Aleppo",
        "publisher": "SANA",
        "published": "2016-05-10",
        "published_from": "metadata",
        "text": "five people more than seven were killed",
        "events": [build_event(1)] if events is None else events,
    }
    fields.update(over)
    return Article(**fields)


@pytest.fixture(scope="session")
def article_factory():
    return build_article


@pytest.fixture(scope="session")
def event_factory():
    return build_event


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pg.PgServer]:
    """A PostgreSQL/PostGIS server on 127.0.0.1 for the whole session, removed at the end."""
    reason = pg.missing()
    if reason:
        if os.environ.get("STRIFE_REQUIRE_POSTGRES"):
            pytest.fail(f"STRIFE_REQUIRE_POSTGRES is set but {reason}")
        pytest.skip(reason)
    server = pg.PgServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def store_url(backend, request, tmp_path) -> Iterator[str]:
    """The URL of a new, empty database on `backend`."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    server = request.getfixturevalue("pg_server")
    url = server.fresh_url()
    yield url
    server.drop(url)


@pytest.fixture
def store(store_url):
    from strife.storage import Store

    with Store(store_url) as opened:
        yield opened
