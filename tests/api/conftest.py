"""Fixtures of the API tests: a database URL (SQLite, and PostgreSQL/PostGIS through the
throwaway server of tests/pg.py), a filled store, clients with and without a token."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from stores import backend, new_url, pg_server  # noqa: F401  (the shared store fixtures)
from strife import service
from strife.pipeline import Pipeline

TOKEN = "test-token-0123456789"


@pytest.fixture
def store_url(backend, request, tmp_path) -> str:  # noqa: F811
    """A new, empty database: an SQLite file, then a PostgreSQL database."""
    return new_url(backend, request, tmp_path, "api.db")


@pytest.fixture
def filled_url(store_url):
    from api.helpers import corpus
    from strife.storage import Store

    with Store(store_url) as store:
        for art in corpus():
            store.ingest(art)
    return store_url


@pytest.fixture
def make_client():
    """Build a TestClient for create_app(**kw); closed at the end of the test."""
    from strife.api import create_app

    clients = []

    def make(url, **kw):
        kw.setdefault("token", "")
        client = TestClient(create_app(url, **kw))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(filled_url, make_client):
    return make_client(filled_url)


@pytest.fixture
def writer(filled_url, make_client):
    return make_client(filled_url, token=TOKEN)


def killed_events(article):
    """One Armed clash per sentence with 'killed' in it (a stand-in for the model stages)."""
    from strife.models import Count, DateInfo, Event, Evidence, Location

    start = 0
    for sentence in article.text.split("."):
        at = sentence.find("killed")
        if at >= 0:
            begin = start + at
            article.events.append(
                Event(
                    id="x", event_type="Battles", sub_event_type="Armed clash",
                    date=DateInfo(start=article.published, precision=1),
                    location=Location(name="Aleppo", country="Syria", iso3="SYR", lat=36.2, lon=37.15),
                    counts=[Count(kind="fatalities", low=1, high=1, text="killed", start=begin, end=begin + 6)],
                    evidence=[Evidence(start=start, end=start + len(sentence), text="")],
                )
            )  # fmt: skip
        start += len(sentence) + 1
    return article


@pytest.fixture
def light_pipeline():
    """The real clean and finalize stages around `killed_events`: extraction with no model."""
    pipe = Pipeline(stages=["clean", "finalize"])
    pipe.stages[1:1] = [("killed", killed_events)]
    service.set_pipeline(pipe)
    yield pipe
    service.set_pipeline(None)
