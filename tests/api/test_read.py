"""The read endpoints over a small filled store: filters, pages, formats, one event, counts."""

from __future__ import annotations

import csv
import io

import pytest


def ids(client, **params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    return body["total"], [e["id"] for e in body["events"]]


def test_events_page_has_total_and_newest_first(client):
    body = client.get("/api/events", params={"limit": 2}).json()
    assert body["total"] == 5
    assert [e["id"] for e in body["events"]] == ["a3-e1", "a2-e1"]
    assert body["events"][0]["publishers"] == ["Example News"]
    assert body["events"][0]["sources"] == 1
    assert ids(client, limit=2, offset=4) == (5, ["a1-e2"])
    assert ids(client, order="date", limit=1) == (5, ["a1-e2"])
    assert ids(client, order="-fatalities", limit=2) == (5, ["a2-e1", "a1-e1"])
    assert ids(client, limit=0) == (5, [])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "syr"}, {"a1-e1", "a1-e2"}),
        ({"country": "IRAQ"}, {"a2-e1", "a2-e2"}),
        ({"admin1": "nineveh"}, {"a2-e1", "a2-e2"}),
        ({"type": "Battles"}, {"a1-e1", "a2-e2", "a3-e1"}),
        ({"type": "prison_break"}, {"a2-e1"}),
        ({"sub_type": "air/drone strike"}, {"a1-e2"}),
        ({"tag": "EXECUTION"}, {"a2-e1"}),
        ({"actor": "civilians"}, {"a2-e1"}),
        ({"actor": "Fiji Police"}, {"a3-e1"}),
        ({"since": "2016-06-04", "until": "2016-12-31"}, {"a2-e2"}),  # a range that overlaps
        ({"until": "2016-05-05"}, {"a1-e2"}),
        ({"bbox": "36,30,44,37"}, {"a1-e1", "a1-e2", "a2-e1", "a2-e2"}),
        ({"bbox": "40,30,44,37"}, {"a2-e1", "a2-e2"}),
        ({"bbox": "170,-20,-170,-10"}, {"a3-e1"}),  # across the antimeridian
        ({"near": "36.2,37.15,25"}, {"a1-e1", "a1-e2"}),
        ({"near": "36.2,37.15,600"}, {"a1-e1", "a1-e2", "a2-e1", "a2-e2"}),
        ({"min_fatalities": 5}, {"a1-e1", "a2-e1"}),
        ({"q": "POLICEMAN"}, set()),  # the article text is not the event record
        ({"q": "fiji police"}, {"a3-e1"}),
        ({"q": "100%"}, set()),
        ({"background": True}, {"a1-e2"}),
        ({"country": "Syria", "type": "Battles", "min_fatalities": 1}, {"a1-e1"}),
    ],
)
def test_event_filters(client, params, expected):
    total, found = ids(client, **params, limit=100)
    assert set(found) == expected
    assert total == len(expected)


def test_geojson_and_csv_use_the_shared_formatters(client):
    response = client.get("/api/events", params={"format": "geojson", "country": "IRQ"})
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection" and body["total"] == 2
    feature = next(f for f in body["features"] if f["id"] == "a2-e1")
    assert feature["geometry"]["coordinates"] == [43.1189, 36.335]
    assert feature["properties"]["tags"] == "prison_break; execution"
    response = client.get("/api/events", params={"format": "csv", "limit": 3})
    assert response.headers["x-total-count"] == "5"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 3 and rows[0]["event_id"] == "a3-e1" and rows[0]["country"] == "Fiji"


def test_one_event_with_claims_sources_and_article_text(client):
    body = client.get("/api/events/a1-e1").json()
    assert body["event"]["id"] == "a1-e1" and body["event"]["fatalities"]["best"] == 5
    assert body["article"]["text"].startswith("Five people were killed.")
    assert body["article"]["id"] == "a1"
    assert [s["id"] for s in body["sources"]] == ["a1"]
    assert body["sources"][0]["source"] == "https://news.example.org/a1"
    [claim] = body["claims"]
    assert claim["source"] == "Syrian Observatory for Human Rights" and claim["low"] == 5
    evidence = body["event"]["evidence"][0]
    assert body["article"]["text"][evidence["start"] : evidence["end"]] == evidence["text"]


def test_articles_list_and_record(client):
    body = client.get("/api/articles").json()
    assert body["total"] == 3
    assert [a["id"] for a in body["articles"]] == ["a3", "a2", "a1"]
    assert body["articles"][1]["events"] == 2
    assert client.get("/api/articles", params={"q": "report a2"}).json()["total"] == 1
    record = client.get("/api/articles/a2").json()
    assert record["schema"] == "strife.article/1" and len(record["events"]) == 2


def test_actors_and_stats(client):
    actors = {a["name"]: a["events"] for a in client.get("/api/actors").json()["actors"]}
    assert actors == {
        "Islamic State": 3, "Syrian Arab Army": 3, "Civilians": 1, "Russia": 1, "Fiji Police": 1
    }  # fmt: skip
    syria = {a["name"] for a in client.get("/api/actors", params={"country": "SYR"}).json()["actors"]}
    assert syria == {"Islamic State", "Syrian Arab Army", "Russia"}
    stats = client.get("/api/stats").json()
    assert stats["total"] == 5 and stats["undated"] == 0
    assert ["2016-06-02", 1, 40] in stats["by_day"]
    assert stats["by_type"][0] == ["Battles", 3]
    assert dict(map(tuple, stats["by_country"])) == {"Syria": 2, "Iraq": 2, "Fiji": 1}
    assert client.get("/api/stats", params={"since": "2017-01-01"}).json()["by_day"] == [["2017-01-15", 1, 1]]


def test_points_are_compact_and_bounded(client):
    body = client.get("/api/points", params={"limit": 2}).json()
    assert body["total"] == 5
    assert body["points"] == [
        ["a2-e1", 36.335, 43.1189, "Violence against civilians", 40, "2016-06-02"],
        ["a1-e1", 36.2021, 37.1343, "Battles", 5, "2016-05-09"],
    ]


def test_openapi_describes_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/stats", "/api/actors"):
        assert path in paths
    assert "delete" in paths["/api/articles/{article_id}"]
