"""The two backends answer alike: the same articles stored in SQLite and in PostgreSQL give
the same dicts, in the same order, for every query."""

from __future__ import annotations

import pytest

from strife.models import Actor, DateInfo, Location
from strife.storage import Store

pytestmark = pytest.mark.postgres

PLACES = [
    Location(name="Aleppo", country="Syria", iso3="SYR", lat=36.2021, lon=37.1343, geo_precision=1),
    Location(name="al-Raqqah", country="Syria", iso3="syr", lat=35.9594, lon=38.9981, geo_precision=2),
    Location(name="Mosul", country="Iraq", iso3="IRQ", lat=36.335, lon=43.1189, geo_precision=1),
    Location(name="Maiduguri", country="Nigeria", iso3="NGA", lat=11.8464, lon=13.1603, geo_precision=1),
    Location(name="Suva", country="Fiji", iso3="FJI", lat=-18.1416, lon=178.4419, geo_precision=1),
    Location(country="Yemen", iso3="YEM", geo_precision=3),
    Location(),
]
TYPES = [
    ("Battles", "Armed clash", []),
    ("Explosions/Remote violence", "Suicide bomb", ["suicide_attack", "Suicide_Attack", "vbied"]),
    ("Violence against civilians", "Attack", ["execution"]),
    ("Strategic developments", "Non-state actor overtakes territory", ["territorial_change", "prison_break"]),
]
DATES = [
    DateInfo(start="2016-05-09", end="2016-05-09", precision=1),
    DateInfo(start="2016-05-01", end="2016-05-31", precision=3),
    DateInfo(start="2015-03-10", end="2015-03-12", precision=2),
    DateInfo(start="May 2016", end=None, precision=3),  # not a date: stored, never filtered on
    DateInfo(),
]


def corpus(article_factory, event_factory):
    """Articles varied in every stored column (ids that sort differently by case and locale,
    publishers differing only in case, a URL host as outlet, no publisher, odd dates)."""
    ids = ["a1", "B2", "_c3", "a10", "Ä4", "b2"]
    publishers = ["SANA", "sana", None, "Reuters", "Enab Baladi", None]
    published = ["2016-05-10", "2016-05-10", "2015-03-11", None, "10 May 2016", "2016-06-01"]
    articles = []
    for n, article_id in enumerate(ids):
        events = []
        for k in range(1 + n % 3):
            i = n * 3 + k
            event_type, sub, tags = TYPES[i % len(TYPES)]
            events.append(
                event_factory(
                    k + 1, event_type=event_type, sub_event_type=sub, tags=tags,
                    location=PLACES[i % len(PLACES)], date=DATES[i % len(DATES)], background=i % 4 == 3,
                    actor1=Actor(name=f"Group {i % 2}", type="Rebel group"),
                )
            )  # fmt: skip
        articles.append(
            article_factory(
                article_id, events=events, publisher=publishers[n], published=published[n],
                url=f"https://www.example{n % 2}.org/{article_id}" if publishers[n] is None else None,
                title=f"Report {article_id} – ünïcode",
            )
        )  # fmt: skip
    return articles


QUERIES = [
    {},
    {"country": "syria"},
    {"country": "SYR"},
    {"country": "Yemen"},
    {"event_type": "SUICIDE_ATTACK"},
    {"event_type": "armed clash"},
    {"event_type": "Strategic developments"},
    {"since": "2016-05-09"},
    {"until": "2015-03-10"},
    {"since": "2015-03-11", "until": "2016-05-08"},
    {"near": (36.2, 37.16, 5)},
    {"near": (36.2, 37.16, 200)},
    {"near": (36.2, 40.0, 400)},
    {"near": (-18.0, 179.9, 200)},  # across the antimeridian
    {"near": (0, 0, 20_000)},  # the whole Earth
    {"near": (36.2021, 37.1343, 0)},
    {"background": True},
    {"background": False, "country": "Syria"},
    {"limit": 3},
    {"limit": 4, "offset": 2},
    {"offset": 5},
    {"limit": 0},
]


def without_times(rows, *keys):
    return [{k: v for k, v in row.items() if k not in keys} for row in rows]


@pytest.fixture(scope="module")
def both(tmp_path_factory, pg_server, article_factory, event_factory):
    """One SQLite and one PostgreSQL store holding the same articles (read only: shared)."""
    url = pg_server.fresh_url()
    with Store(f"sqlite:///{tmp_path_factory.mktemp('both') / 'x.db'}") as lite, Store(url) as post:
        for article in corpus(article_factory, event_factory):
            assert lite.ingest(article) is True
            assert post.ingest(article.model_copy(deep=True)) is True
        for store in (lite, post):
            store.record_failure("bad.html", "could not read", stage="input")
        yield lite, post
    pg_server.drop(url)


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_same_events(both, query):
    lite, post = both
    expected = without_times(lite.events(**query), "ingested_at")
    assert without_times(post.events(**query), "ingested_at") == expected
    if query.get("near"):  # the SQL answers what the distance says
        lat, lon, km = query["near"]
        kept = {e["id"] for e in expected}
        for event in lite.events():
            loc = event["location"]
            if loc["lat"] is not None:
                inside = _km(lat, lon, loc["lat"], loc["lon"]) <= km
                assert (event["id"] in kept) == inside


def _km(lat1, lon1, lat2, lon2):
    from strife.storage.base import haversine_km

    return haversine_km(lat1, lon1, lat2, lon2)


def test_same_articles_claims_and_failures(both):
    lite, post = both
    assert without_times(post.articles(), "ingested_at") == without_times(lite.articles(), "ingested_at")
    assert post.claims() == lite.claims()
    for event in lite.events():
        assert post.claims(event["id"]) == lite.claims(event["id"])
        assert without_times([post.event(event["id"])], "ingested_at") == without_times(
            [event], "ingested_at"
        )
    for summary in lite.articles():
        assert post.article(summary["id"]) == lite.article(summary["id"])
    assert without_times(post.failures(), "time") == without_times(lite.failures(), "time")
    assert post.schema_version() == lite.schema_version()


def test_shapes_and_types_match(both):
    lite, post = both
    row_l, row_p = lite.articles()[0], post.articles()[0]
    assert {k: type(v) for k, v in row_p.items()} == {k: type(v) for k, v in row_l.items()}
    assert row_p["ingested_at"].endswith("+00:00") and len(row_p["ingested_at"]) == len(row_l["ingested_at"])
    assert lite.event("b2-e1")["publishers"] == post.event("b2-e1")["publishers"] == ["example1.org"]
    # Outlets differing only in case are one source, named as first seen.
    assert lite.event("B2-e1")["publishers"] == post.event("B2-e1")["publishers"] == ["SANA"]
    odd = [e["id"] for e in post.events() if e["date"]["start"] == "May 2016"]
    assert odd and not set(odd) & {e["id"] for e in post.events(since="1900-01-01")}


def test_times_read_the_same_whatever_the_sessions_time_zone(pg_server, article_factory):
    """Sessions run in UTC (the test server's zone when the URL sets server options, as these
    URLs do), so a timestamp's text is sliced into SQLite's ISO string; a URL that sets another
    zone is parsed into the very same string (fractions of a second dropped)."""
    url = pg_server.fresh_url()
    at = "'2020-01-01 23:30:15.75-05:00'"

    def times(store):
        return [a["ingested_at"] for a in store.articles()] + [e["ingested_at"] for e in store.events()]

    try:
        with Store(url) as post:
            post.ingest(article_factory("tz"))
            for table in ("articles", "events"):
                post.sql_connection().execute(f"UPDATE {table} SET ingested_at = {at}")
            assert post.sql_connection().execute("SHOW TimeZone").fetchone()["TimeZone"] in ("UTC", "Etc/UTC")
            utc = times(post)
        with Store(url.replace("options=", "options=-cTimeZone%3DAmerica/Bogota%20")) as other:
            assert other.sql_connection().execute("SHOW TimeZone").fetchone()["TimeZone"] == "America/Bogota"
            assert times(other) == utc == ["2020-01-02T04:30:15+00:00"] * len(utc) and len(utc) > 1
    finally:
        pg_server.drop(url)
