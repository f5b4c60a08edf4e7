"""The store on both backends: idempotent ingest, failures, every query filter, lookups."""

from __future__ import annotations

import pytest

from strife.errors import InputError, StageError, StorageError
from strife.models import DateInfo, Location


def test_ingest_twice_stores_once(store, article_factory):
    article = article_factory()
    assert store.ingest(article) is True
    assert store.ingest(article_factory()) is False
    assert [e["id"] for e in store.events()] == ["art1-e1"]
    assert len(store.claims()) == 2
    assert len(store.articles()) == 1


def test_reingest_replaces_events(store, article_factory, event_factory):
    store.ingest(article_factory(events=[event_factory(1), event_factory(2)]))
    changed = article_factory(events=[event_factory(3, sub_event_type="Government regains territory")])
    assert store.ingest(changed) is True
    events = store.events()
    assert [e["id"] for e in events] == ["art1-e3"]
    assert events[0]["sub_event_type"] == "Government regains territory"
    assert {c["event_id"] for c in store.claims()} == {"art1-e3"}


def test_failed_article_leaves_previous_version(store, article_factory, event_factory):
    store.ingest(article_factory())
    clash = article_factory(events=[event_factory(1), event_factory(1)], title="changed")
    with pytest.raises(StorageError, match="share the id"):
        store.ingest(clash)
    assert store.article("art1")["article"]["title"] == "Clashes in Aleppo"
    assert len(store.events()) == 1


def test_event_record_and_extras(store, article_factory):
    article = article_factory()
    store.ingest(article)
    event = store.event("art1-e1")
    assert event["article_id"] == "art1"
    assert event["sources"] == 1
    assert event["publishers"] == ["SANA"]
    assert event["published"] == "2016-05-10"
    assert event["fatalities"] == {"low": 5, "best": 5, "high": 7}
    assert store.event("nope") is None


def test_article_round_trip(store, article_factory):
    article = article_factory()
    expected = article.to_record()
    store.ingest(article)
    stored = store.article("art1")
    assert stored["article"] == expected["article"]
    assert [e["id"] for e in stored["events"]] == ["e1"]  # the record as the pipeline gave it
    assert store.article("missing") is None


def test_pipeline_event_ids_kept(store, article_factory, event_factory):
    store.ingest(article_factory(events=[event_factory(1, id="art1-1")]))
    assert [e["id"] for e in store.events()] == ["art1-1"]


def test_claims_side_by_side(store, article_factory):
    store.ingest(article_factory())
    claims = store.claims("art1-e1")
    assert [(c["low"], c["high"], c["qualifier"], c["source"]) for c in claims] == [
        (5, 5, "exact", None),
        (7, None, "more_than", "SOHR"),
    ]
    assert claims[0]["group"] == "Civilians"
    assert claims[1]["text"] == "more than seven"
    assert store.claims("other") == []


def test_failures_recorded_with_stage(store):
    store.record_failure("a.txt", InputError("a.txt", "empty file"))
    store.record_failure("b.txt", StageError("place", "b.txt", KeyError("x")))
    store.record_failure("c.txt", "disk full", stage="store")
    rows = store.failures()
    assert [(r["input"], r["stage"]) for r in rows] == [
        ("a.txt", "input"),
        ("b.txt", "place"),
        ("c.txt", "store"),
    ]
    assert rows[0]["message"] == "a.txt: empty file"
    assert rows[0]["time"]


@pytest.fixture
def populated(store, article_factory, event_factory):
    damascus = Location(
        name="Damascus", country="Syria", iso3="SYR", lat=33.5102, lon=36.2913, geo_precision=1
    )
    nairobi = Location(name="Nairobi", country="Kenya", iso3="KEN", lat=-1.2833, lon=36.8167, geo_precision=1)
    store.ingest(article_factory("a1", events=[event_factory(1)]))  # Aleppo, 2016-05-09
    store.ingest(
        article_factory(
            "a2",
            events=[
                event_factory(
                    1, event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
                    tags=["suicide_attack"], location=damascus, date=DateInfo(start="2016-02-01", end="2016-02-03"),
                ),
                event_factory(2, location=nairobi, date=DateInfo(start="2013-09-21", end="2013-09-24"), background=True),
            ],
        )
    )  # fmt: skip
    store.ingest(article_factory("a3", events=[event_factory(1, location=Location(), date=DateInfo())]))
    return store


def ids(events):
    return [e["id"] for e in events]


def test_events_ordered_by_date_undated_last(populated):
    assert ids(populated.events()) == ["a2-e2", "a2-e1", "a1-e1", "a3-e1"]


def test_filter_country_by_name_or_iso3_any_case(populated):
    assert ids(populated.events(country="syria")) == ["a2-e1", "a1-e1"]
    assert ids(populated.events(country="KEN")) == ["a2-e2"]
    assert populated.events(country="France") == []


def test_filter_type_sub_type_or_tag(populated):
    assert ids(populated.events(event_type="explosions/remote violence")) == ["a2-e1"]
    assert ids(populated.events(event_type="Armed clash")) == ["a2-e2", "a1-e1", "a3-e1"]
    assert ids(populated.events(event_type="suicide_attack")) == ["a2-e1"]


def test_filter_date_range_overlaps(populated):
    assert ids(populated.events(since="2016-02-03")) == ["a2-e1", "a1-e1"]  # its range ends that day
    assert ids(populated.events(since="2016-02-04")) == ["a1-e1"]
    assert ids(populated.events(until="2013-09-21")) == ["a2-e2"]  # its range starts that day
    assert ids(populated.events(since="2013-09-22", until="2016-01-31")) == ["a2-e2"]
    with pytest.raises(ValueError, match="not a date"):
        populated.events(since="last week")


def test_filter_near(populated):
    # Aleppo to Damascus is about 310 km.
    assert ids(populated.events(near=(36.2, 37.16, 5))) == ["a1-e1"]
    assert ids(populated.events(near=(36.2, 37.16, 400))) == ["a2-e1", "a1-e1"]
    assert ids(populated.events(near=(35.0, 36.7, 10))) == []
    # Just inside the circle along a diagonal: the bounding box must not cut it off.
    assert ids(populated.events(near=(36.2021 + 0.06, 37.1343 + 0.075, 10))) == ["a1-e1"]
    with pytest.raises(ValueError):
        populated.events(near=(95, 0, 10))


@pytest.mark.parametrize("sqlite_math", [True, False], ids=["sql-math", "python-callback"])
def test_circle_edge_is_the_haversine_on_both_backends(
    store, article_factory, event_factory, backend, sqlite_math, monkeypatch
):
    """Events a hair inside and outside a circle, in four directions: both backends keep exactly
    those `haversine_km` puts within the radius (said in SQL; on a SQLite without its math
    functions, `haversine_km` called back)."""
    import math

    from strife.storage import dialect

    if not sqlite_math:  # PostgreSQL says the distance in SQL whatever SQLite can do
        monkeypatch.setattr(dialect, "sqlite_math", lambda: False)
    sql, _ = dialect.dialect_of(store.sql_connection()).within(dialect.Near(34.8, 38.9, 25.0))
    assert ("strife_km" in sql) is (backend == "sqlite" and not sqlite_math)

    from strife.storage.base import EARTH_KM, haversine_km

    lat, lon, km = 34.8, 38.9, 25.0
    dlat = math.degrees(km / EARTH_KM)
    dlon = dlat / math.cos(math.radians(lat))
    spots = []
    for step in (-1e-9, 1e-9, -1e-6, 1e-6):
        spots += [
            (lat + dlat + step, lon),
            (lat - dlat - step, lon),
            (lat, lon + dlon + step),
            (lat, lon - dlon - step),
        ]
    events = [
        event_factory(
            n, location=Location(name=f"p{n}", country="Syria", iso3="SYR", lat=a, lon=b, geo_precision=1)
        )
        for n, (a, b) in enumerate(spots)
    ]
    store.ingest(article_factory("edge", events=events))
    expected = {f"edge-e{n}" for n, (a, b) in enumerate(spots) if haversine_km(a, b, lat, lon) <= km}
    assert 0 < len(expected) < len(spots)
    assert set(ids(store.events(near=(lat, lon, km)))) == expected


def test_limit_offset_and_background(populated):
    assert ids(populated.events(limit=2)) == ["a2-e2", "a2-e1"]
    assert ids(populated.events(limit=2, offset=2)) == ["a1-e1", "a3-e1"]
    assert ids(populated.events(offset=3)) == ["a3-e1"]
    assert ids(populated.events(background=True)) == ["a2-e2"]
    assert "a2-e2" not in ids(populated.events(background=False))


def test_filters_combine(populated):
    assert ids(populated.events(country="Syria", since="2016-05-01", near=(36.2, 37.1, 30))) == ["a1-e1"]


def test_articles_summary(populated):
    summary = {a["id"]: a["events"] for a in populated.articles()}
    assert summary == {"a1": 1, "a2": 2, "a3": 1}


def _plan(store, backend, flt):
    """The query plan of the statement `events()` runs for `flt`, as one string."""
    from strife.storage import reading

    sql, args = reading.statement(store, "e.id", flt=flt)
    if backend == "sqlite":
        return " ".join(row[-1] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql, args))
    # Three rows never need an index: forbid sequential scans to see which ones the planner can use.
    store.conn.execute("SET enable_seqscan = off")
    return " ".join(row["QUERY PLAN"] for row in store.conn.execute("EXPLAIN " + sql, args))


def test_filters_use_indexes(populated, backend):
    from strife.storage.base import Near
    from strife.storage.search import EventFilter

    # a circle: the R*Tree (SQLite); the GiST index of points (PostgreSQL, see Dialect.box)
    near = _plan(populated, backend, EventFilter(near=Near(36.2, 37.16, 5), since="2015-01-01"))
    assert "events_geo" in near if backend == "sqlite" else "events_point" in near
    country = _plan(populated, backend, EventFilter(country="Syria"))
    assert "events_country" in country
