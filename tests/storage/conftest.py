"""Storage fixtures: every test that takes `store_url` or `store` runs once on SQLite and once
on a throwaway PostgreSQL/PostGIS server (the shared fixtures of tests/stores.py), with small
hand-built articles and events.
"""

from __future__ import annotations

from typing import Any

import pytest

from stores import backend, pg_server, store, store_url  # noqa: F401
from strife.models import Actor, Article, Count, DateInfo, Event, Evidence, Fatalities, Location


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
