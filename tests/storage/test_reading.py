"""The three shapes a store answers an event query in (full records, table summaries, JSON
text) hold the same events in the same order with the same values, on both backends, for
every filter, page and a merged event backed by two outlets."""

from __future__ import annotations

import json

import pytest

from strife.merge.reconcile import reconcile
from strife.models import Actor, DateInfo, Location
from strife.storage import reading

FILTERS = [
    {},
    {"near": (36.2, 37.16, 400), "since": "2016-01-01"},
    {"country": "SYR", "event_type": "Armed clash"},
    {"event_type": "suicide_attack"},
    {"until": "2016-03-01", "background": False},
    {"limit": 2, "offset": 1},
    {"offset": 2},
]


@pytest.fixture
def stocked(store, article_factory, event_factory):
    damascus = Location(
        name="Dimashq — دمشق", country="Syria", iso3="SYR", lat=33.51, lon=36.29, geo_precision=2
    )
    store.ingest(article_factory("a1", events=[event_factory(1, tags=["execution", "air_strike"])]))
    store.ingest(
        article_factory(
            "a2", publisher="Enab Baladi",
            events=[
                event_factory(1, event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
                              tags=["suicide_attack"], location=damascus, actor2=None,
                              date=DateInfo(start="2016-02-01", end="2016-02-03", precision=2)),
                event_factory(2, background=True, actor1=Actor(name="Jaysh al-Islam", type="Rebel group")),
            ],
        )
    )  # fmt: skip
    store.ingest(
        article_factory("a3", publisher=None, events=[event_factory(1, location=Location(), date=DateInfo())])
    )
    # a2-e2 and a1-e1 (the same clash) merged into one event backed by both articles
    members = store.members(event_id="a1-e1") + store.members(event_id="a2-e2")
    with store.transaction():
        store.write_event("a1-e1", reconcile(members), members)
        store.delete_event("a2-e2")
    return store


@pytest.mark.parametrize("filters", FILTERS)
def test_shapes_agree(stocked, filters):
    full = stocked.events(**filters)
    assert full, "every filter here keeps some event"
    assert stocked.event_summaries(**filters) == [reading.summary(e) for e in full]
    assert list(stocked.event_lines(**filters)) == [json.dumps(e, ensure_ascii=False) for e in full]


def test_merged_event_counts_both_outlets(stocked):
    event = stocked.event("a1-e1")
    assert event["sources"] == 2
    assert event["publishers"] == ["Enab Baladi", "SANA"]
    (summary,) = [s for s in stocked.event_summaries() if s["id"] == "a1-e1"]
    assert summary["sources"] == 2
    assert summary["tags"] == ["air_strike", "execution"]  # sorted
    assert summary["actor1"] == {"name": "Syrian Arab Army"}


def test_summary_reads_columns_not_records(stocked, backend):
    # A record the columns disagree with shows the columns: summaries never read it.
    conn = stocked.sql_connection()
    mark = "?" if backend == "sqlite" else "%s"
    conn.execute(f"UPDATE events SET record = {mark} WHERE id = 'a3-e1'", ('{"id": "a3-e1"}',))
    (summary,) = [s for s in stocked.event_summaries() if s["id"] == "a3-e1"]
    assert summary["sub_event_type"] == "Armed clash"
    # ...and a record not starting with its id is encoded again rather than spliced
    (line,) = [line for line in stocked.event_lines() if '"a3-e1"' in line]
    assert json.loads(line)["article_id"] == "a3"


def test_empty_answer(stocked):
    assert stocked.events(country="France") == []
    assert stocked.event_summaries(country="France") == []
    assert list(stocked.event_lines(country="France")) == []


def test_unpaged_reads_keep_the_sql_order(store, article_factory, event_factory, backend):
    """All the events of a filter (sorted in Python on SQLite) come in the order a page of them
    (sorted in SQL) gives: by date, undated last, then by id as the BINARY collation orders
    text (capitals before small letters, code points beyond ASCII last)."""
    days = ["2016-05-09", None, "2016-01-02", "2016-05-09", None, "2016-01-02"]
    for name in ("b", "B", "a", "é", "A9", "a10"):
        events = [event_factory(n, date=DateInfo(start=d, end=d, precision=1 if d else None))
                  for n, d in enumerate(days)]  # fmt: skip
        store.ingest(article_factory(name, events=events))
    paged = [e["id"] for e in store.events(limit=1000)]
    assert [e["id"] for e in store.events()] == paged
    assert [json.loads(line)["id"] for line in store.event_lines()] == paged
    assert paged[0] == "A9-e2" and paged[-1] == "é-e4"
    dated = [e["date"]["start"] for e in store.events() if e["date"]["start"]]
    assert dated == sorted(dated) and len(dated) == 24
    # a date Python would not order as the database does: the database sorts
    odd = "x'00'" if backend == "sqlite" else "'10000-01-01'"
    store.sql_connection().execute(f"UPDATE events SET date_start = {odd} WHERE id = 'b-e0'")
    assert [e["id"] for e in store.events()] == [e["id"] for e in store.events(limit=1000)]
    assert [e["id"] for e in store.events()].index("b-e0") == 23


def test_reading_leaves_the_collector_as_it_was(stocked):
    import gc

    assert gc.isenabled()
    assert stocked.events()
    assert gc.isenabled()
    gc.disable()
    try:
        assert stocked.events()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reads_in_threads_leave_the_collector_on(stocked, store_url):
    """Reads that overlap in threads (as the API's do) leave the collector on when all end."""
    import gc
    from concurrent.futures import ThreadPoolExecutor

    from strife.storage import Store, reading

    def read(_: int) -> int:
        with Store(store_url) as own:  # a connection of the thread's own, as the API's
            return len(own.events())

    assert gc.isenabled()
    with ThreadPoolExecutor(6) as pool:
        counts = list(pool.map(read, range(60)))
    assert set(counts) == {len(stocked.events())} and counts[0] > 0
    assert gc.isenabled() and reading._pausing[0] == 0
