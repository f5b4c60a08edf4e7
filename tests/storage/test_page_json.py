"""`pagejson.page_json`, the REST API's page of events in JSON: the same events, in the same
order and with the same keys as `Store.search_events`, on both backends, a merged event (several
backing articles and outlets) included."""

from __future__ import annotations

import orjson

from strife.models import DateInfo
from strife.storage.dialect import dialect_of
from strife.storage.pagejson import page_json
from strife.storage.search import EventFilter, page_keys, where


def test_a_page_in_json_is_the_search_page(store, article_factory, event_factory):
    store.ingest(
        article_factory(
            "a1",
            events=[
                event_factory(1),
                event_factory(
                    2, date=DateInfo(start="2016-05-01", end="2016-05-03", precision=1, text="last week")
                ),
            ],
        )
    )
    store.ingest(article_factory("a2", publisher="Reuters", events=[event_factory(3)]))
    store.ingest(article_factory("a3", publisher=None, events=[event_factory(4)]))
    first = min(e["id"] for e in store.events() if e["article_id"] == "a1")
    # a1's first event is also backed by a2 and a3, as the merger leaves it (the merged record:
    # the head's own).
    members = [m for a in ("a1", "a2", "a3") for m in store.members(article_id=a)]
    members = [next(m for m in members if m.event_id == first)] + [m for m in members if m.article_id != "a1"]
    others = [m.event_id for m in members[1:]]
    with store.transaction():
        store.write_event(first, members[0].record, members)
        for other in others:
            store.delete_event(other)
    conn = store.sql_connection()
    d = dialect_of(conn)
    for order in ("-date", "date", "-fatalities"):
        clause, args = where(EventFilter(country="Syria"), d)
        keys = page_keys(conn, d, clause, args, 10, 0, order)
        expected = store.search_events(EventFilter(country="Syria"), limit=10, order=order)[1]
        found = [orjson.loads(orjson.dumps(f)) for f in page_json(conn, d, keys)]
        assert found == expected
        assert [list(e) for e in found] == [list(e) for e in expected]  # the keys in the same order
    merged = next(e for e in found if e["id"] == first)
    assert merged["sources"] == 3 and merged["publishers"] == ["Reuters", "SANA"]
    assert merged["published"] == "2016-05-10" and merged["article_id"] == "a1"
    assert page_json(conn, d, []) == []
    assert page_keys(conn, d, clause, args, 10, 10, "-date") == []
