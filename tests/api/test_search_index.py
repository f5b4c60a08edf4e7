"""What migration 0005 and the fast /api/events page must not change: text search through the
full-text index (kept in step by triggers), date ranges bounded by the longest event, boxes
through the R*Tree, the JSON page equal to the store's own dicts, totals that follow writes."""

from __future__ import annotations

import orjson
import pytest

from api.helpers import ALEPPO, MOSUL, article, event
from strife.api import pages
from strife.models import DateInfo
from strife.storage import Store
from strife.storage.dialect import FTS_MAX
from strife.storage.search import EventFilter


def found(client, **params):
    response = client.get("/api/events", params={**params, "limit": 100})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["events"])
    return {e["id"] for e in body["events"]}


def test_text_search_follows_ingest_reingest_and_delete(store_url, make_client):
    client = make_client(store_url, token="")
    with Store(store_url) as store:
        store.ingest(article("t1", [event(1, "2016-05-09", ALEPPO, 5)], title="first"))
        assert found(client, q="islamic state") == {"t1-e1"}
        assert found(client, q="Syrian Arab") == {"t1-e1"}
        assert found(client, q="islamic st") == {"t1-e1"}  # the last word may be cut short
        assert found(client, q="Mosul") == set()
        # The same article again with another place: the index forgets the old record.
        store.ingest(article("t1", [event(1, "2016-05-09", MOSUL, 5)], title="second"))
        assert found(client, q="Mosul") == {"t1-e1"}
        assert found(client, q="Aleppo") == set()
        store.delete_article("t1")
        assert found(client, q="Mosul") == set()


@pytest.mark.parametrize("text", ['"', 'a"b', "*", "NEAR(", "%", "_", "-", "(x OR y)", "ﬁ"])
def test_text_search_takes_any_text(store_url, make_client, text):
    with Store(store_url) as store:
        store.ingest(article("t1", [event(1, "2016-05-09", ALEPPO, 5)]))
    client = make_client(store_url, token="")
    assert client.get("/api/events", params={"q": text}).status_code == 200


def test_text_search_with_a_common_word_skips_the_index_and_finds_the_same(tmp_path, make_client):
    url = f"sqlite:///{tmp_path / 'many.db'}"
    with Store(url) as store:
        for n in range(FTS_MAX // 10 + 1):  # more events name Aleppo than the index is asked for
            store.ingest(article(f"m{n}", [event(k, "2016-05-09", ALEPPO, 1) for k in range(11)]))
        store.ingest(article("z", [event(1, "2016-05-09", MOSUL, 1)]))
    client = make_client(url, token="")
    assert (
        client.get("/api/events", params={"q": "Aleppo", "limit": 0}).json()["total"]
        == (FTS_MAX // 10 + 1) * 11
    )
    assert found(client, q="mosul") == {"z-e1"}


def test_a_long_event_is_found_by_any_day_it_spans(store_url, make_client):
    long = DateInfo(start="2015-01-01", end="2016-12-31", precision=3)
    with Store(store_url) as store:
        store.ingest(article("t1", [event(1, "2016-05-09", ALEPPO, 5), event(2, "x", MOSUL, 1, date=long)]))
    client = make_client(store_url, token="")
    assert found(client, since="2016-06-01", until="2016-06-02") == {"t1-e2"}
    assert found(client, since="2016-05-09", until="2016-05-09") == {"t1-e1", "t1-e2"}
    assert found(client, since="2017-01-01", until="2017-02-01") == set()
    assert found(client, since="2016-06-01", until="2016-06-02", bbox="42,35,44,37") == {"t1-e2"}
    assert found(client, since="2016-06-01", until="2016-06-02", near="36.3,43.1,50") == {"t1-e2"}


def test_boxes_keep_undated_events_and_follow_moves(store_url, make_client):
    undated = event(2, "x", MOSUL, 1, date=DateInfo())
    with Store(store_url) as store:
        store.ingest(article("t1", [event(1, "2016-05-09", ALEPPO, 5), undated]))
        client = make_client(store_url, token="")
        assert found(client, bbox="42,35,44,37") == {"t1-e2"}
        assert found(client, bbox="42,35,44,37", since="2016-01-01", until="2016-12-31") == set()
        assert found(client, bbox="36,35,38,37", since="2016-05-09", until="2016-05-09") == {"t1-e1"}
        moved = event(1, "2016-05-09", {**ALEPPO, "lat": 36.3, "lon": 43.1}, 5)
        store.ingest(article("t1", [moved, event(2, "x", {}, 1, date=DateInfo())]))
        assert found(client, bbox="42,35,44,37") == {"t1-e1"}
        assert found(client, bbox="36,35,38,37") == set()


def test_the_json_page_is_the_stores_own_events(filled_url, make_client):
    client = make_client(filled_url, token="")
    for params in ({}, {"order": "date"}, {"order": "-fatalities", "offset": 1}, {"country": "SYR"}):
        body = client.get("/api/events", params=params).json()
        with Store(filled_url) as store:
            total, events = store.search_events(EventFilter(country=params.get("country")), limit=50,
                                                offset=params.get("offset", 0), order=params.get("order", "-date"))  # fmt: skip
        assert (body["total"], body["events"]) == (total, orjson.loads(orjson.dumps(events)))


def test_a_record_not_written_by_strife_is_parsed(tmp_path):
    url = f"sqlite:///{tmp_path / 'odd.db'}"
    with Store(url) as store:
        store.ingest(article("t1", [event(1, "2016-05-09", ALEPPO, 5)], publisher="Wire"))
        conn = store.sql_connection()
        record = orjson.loads(conn.execute("SELECT record FROM events").fetchone()[0])
        del record["id"]  # another writer's record: no id first, other spacing
        conn.execute("UPDATE events SET record = ?", (orjson.dumps(record).decode(),))
        total, page = pages.event_page(store, EventFilter(), 10, 0, "-date")
        _, expected = store.search_events(EventFilter())
        assert total == 1
        assert orjson.loads(orjson.dumps(page)) == expected
        assert expected[0]["id"] == "t1-e1" and expected[0]["publishers"] == ["Wire"]
        # The update trigger re-indexed the record.
        assert store.search_events(EventFilter(text="Syrian Arab Army"))[0] == 1


def test_totals_follow_writes_by_other_connections(tmp_path, make_client):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    with Store(url) as store:
        store.ingest(article("t1", [event(1, "2016-05-09", ALEPPO, 5)]))
    client = make_client(url, token="")
    assert client.get("/api/events", params={"country": "SYR"}).json()["total"] == 1
    with Store(url) as store:
        store.ingest(article("t2", [event(1, "2016-05-10", ALEPPO, 5)]))
    assert client.get("/api/events", params={"country": "SYR"}).json()["total"] == 2


def test_counts_see_the_connections_own_writes(tmp_path):
    url = f"sqlite:///{tmp_path / 'own.db'}"
    with Store(url) as store:
        store.ingest(article("t1", [event(1, "2016-05-09", ALEPPO, 5)]))
        assert pages.event_page(store, EventFilter(country="SYR"), 10, 0, "-date")[0] == 1
        store.ingest(article("t2", [event(1, "2016-05-10", ALEPPO, 5)]))
        assert pages.event_page(store, EventFilter(country="SYR"), 10, 0, "-date")[0] == 2
