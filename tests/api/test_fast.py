"""The fast path of GET /api/events answers exactly as the FastAPI route does, and leaves to the
route whatever it is not sure of; totals are shared by the threads of a process and still
follow every write."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from api.helpers import ALEPPO, article, event
from strife.api import fast, pages
from strife.api.queries import Stores
from strife.storage import Store
from strife.storage.search import EventFilter

QUERIES = [
    "",
    "limit=2",
    "limit=2&offset=4",
    "order=date&limit=1",
    "order=-fatalities&limit=2",
    "limit=0",
    "limit=5000",  # json pages stop at MAX_PAGE
    "country=syr&since=2016-01-01&until=2016-12-31",
    "type=Battles&min_fatalities=1",
    "bbox=170,-20,-170,-10",
    "near=36.2,37.15,600&order=date",
    "q=fiji+police",
    "q=100%25",
    "country=&q=",  # blank values are no filter, as the route reads them
    "background=true",
    "country=Syria&unknown=1",  # unknown parameters are ignored, as the route ignores them
    "format=geojson&limit=3",
    "format=csv&country=IRQ",
]
REFUSED = ["limit=abc", "country=SYR&country=IRQ", "q=" + "x" * 500]  # never answered by the fast path
FAILING = ["since=2017-01-01&until=2016-01-01", "bbox=1,2,3"]  # valid values, refused when answering


def answer(client, query):
    response = client.get("/api/events?" + query)
    headers = {k: v for k, v in response.headers.items() if k != "date"}
    return response.status_code, headers, response.content


@pytest.mark.parametrize("query", QUERIES + REFUSED + FAILING)
def test_the_fast_path_answers_as_the_route(client, monkeypatch, query):
    fast_answer = answer(client, query)
    monkeypatch.setattr(fast, "parse", lambda _: None)  # every request now goes to the route
    assert fast_answer == answer(client, query)


def test_what_it_is_not_sure_of_goes_to_the_route():
    assert fast.parse(b"country=SYR&limit=10") is not None
    assert fast.parse(b"country=Syria&since=2016-01-01") is not None
    for query in REFUSED:
        assert fast.parse(query.encode()) is None, query


def test_an_error_while_answering_is_the_routes_to_answer(client):
    response = client.get("/api/events?since=2017-01-01&until=2016-01-01")
    assert response.status_code == 400
    assert response.json() == {
        "error": {"status": 400, "message": "since (2017-01-01) is after until (2016-01-01)"}
    }
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


def test_the_fast_path_stays_behind_the_limits(filled_url, make_client):
    limited = make_client(filled_url, rate_limit_per_minute=2)
    codes = [limited.get("/api/events?limit=1").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert "content-security-policy" in limited.get("/api/events?limit=1").headers
    assert make_client(filled_url).get("/api/events?q=%00").status_code == 400


def test_totals_are_shared_by_threads_and_follow_writes(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    with Store(url) as writer:
        writer.ingest(article("t1", [event(1, "2016-05-09", ALEPPO, 5)]))
    stores = Stores(url)  # one connection per thread, as the server holds them

    def total() -> tuple[int, bool]:
        """(the total of a filter, whether this thread's connection counted it)"""
        conn = stores.get().sql_connection()
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        found = pages.event_page(stores.get(), EventFilter(country="SYR"), 10, 0, "-date")[0]
        conn.set_trace_callback(None)
        return found, any(s.startswith("SELECT COUNT(*) FROM events e") for s in statements)

    a, b = ThreadPoolExecutor(1), ThreadPoolExecutor(1)
    try:
        assert a.submit(total).result() == (1, True)
        assert b.submit(total).result() == (1, True)  # a thread's first look: a new generation
        assert a.submit(total).result() == (1, False)  # the total b counted
        with Store(url) as writer:
            writer.ingest(article("t2", [event(1, "2016-05-10", ALEPPO, 5)]))
        assert a.submit(total).result() == (2, True)
        assert b.submit(total).result() == (2, True)
        assert b.submit(total).result() == (2, False)
    finally:
        for pool in (a, b):
            pool.submit(lambda: stores.get().close()).result()
            pool.shutdown()
