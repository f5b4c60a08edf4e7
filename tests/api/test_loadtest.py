"""The load-test script's pieces on a small scale: generated events are stored and every query
it sends is answered."""

from __future__ import annotations

from strife.api.loadtest import generate, query_paths
from strife.storage import Store
from strife.storage.search import EventFilter


def test_generated_events_are_stored_and_every_load_query_is_answered(tmp_path, make_client):
    url = f"sqlite:///{tmp_path / 'load.db'}"
    generate(url, 200, per_article=10)
    with Store(url) as store:
        total, _ = store.search_events(EventFilter(), limit=0)
    assert total == 200
    client = make_client(url, rate_limit_per_minute=0)
    paths = query_paths(40)
    assert len(set(paths)) > 30
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, (path, response.text)
        assert response.json()["total"] >= 0
