"""Storage failures while merging, on both backends: a write refused mid-merge, a full disk, a lost
server. Each ends in one StorageError line naming the database, the article and the problem, and
the article is stored whole or not at all: its row, its events, their members and claims, and the
changes merging made to events of other articles."""

from __future__ import annotations

import threading
import time

import pytest

from merge.helpers import article
from merge.test_merger import MARKET, MARKET_2
from stores import fail_inserts, stop_failing
from strife.errors import StorageError
from strife.merge import LexicalEmbedder, Merger
from strife.storage import Store


def snapshot(store) -> tuple:
    arts = sorted((a["id"], a["title"]) for a in store.articles())
    events = [(e["id"], e["sources"], e["fatalities"]) for e in store.events()]
    claims = sorted((c["event_id"], c["article_id"], c["text"]) for c in store.claims())
    members = sorted(
        (m.member_id, m.event_id, m.vector is not None) for a in arts for m in store.members(article_id=a[0])
    )
    return arts, events, claims, members


def one_line(caught: pytest.ExceptionInfo[StorageError], store) -> str:
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{store.url}: ")
    return message


@pytest.fixture
def merger():
    return Merger(LexicalEmbedder())


def test_a_write_refused_mid_merge_leaves_nothing_of_the_article(store, backend, merger):
    merger.ingest(store, article("a", MARKET, deaths=((12, None),), publisher="Reuters"))
    before = snapshot(store)
    # The new report's own rows go in; the refusal comes when its claim moves into a's event.
    fail_inserts(store, backend, "claims", "NEW.article_id = 'b' AND NEW.event_id = 'a-1'")
    report = article("b", MARKET_2, deaths=((15, "Monitor"),), publisher="AFP")
    with pytest.raises(StorageError) as caught:
        merger.ingest(store, report)
    message = one_line(caught, store)
    assert "b: cannot store the article (nothing of it was written)" in message
    assert "disk is full" in message or "No space left on device" in message
    assert snapshot(store) == before
    assert store.article("b") is None and store.members(article_id="b") == []
    # The same store goes on once the fault is gone, and the report joins the event.
    stop_failing(store, backend, "claims")
    assert merger.ingest(store, report) is True
    assert [(e["id"], e["sources"]) for e in store.events()] == [("a-1", 2)]


def test_a_failed_unmerge_changes_nothing(store, backend, merger):
    merger.ingest(store, article("a", MARKET, deaths=((12, None),)))
    merger.ingest(store, article("b", MARKET_2, deaths=((15, "Monitor"),)))
    before = snapshot(store)
    fail_inserts(store, backend, "claims", "NEW.event_id = 'b-1'")  # b standing alone again
    with pytest.raises(StorageError, match="cannot take article b out of its events") as caught:
        merger.detach(store, "b")
    one_line(caught, store)
    assert snapshot(store) == before


def test_sqlite_full_disk_while_merging(tmp_path, merger):
    url = f"sqlite:///{tmp_path / 'small.db'}"
    with Store(url) as store:
        merger.ingest(store, article("a", MARKET, deaths=((12, None),)))
        before = snapshot(store)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # room for a row, not an article
        big = article("b", MARKET_2, deaths=((15, "Monitor"),))
        big.text += " More details followed." * 3000  # a long article; its event's evidence is the same
        with pytest.raises(StorageError, match=r"b: cannot store the article.*full") as caught:
            merger.ingest(store, big)
        one_line(caught, store)
        assert snapshot(store) == before
    with Store(url) as reopened:  # what is on disk, not what a connection caches
        assert snapshot(reopened) == before
        assert reopened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert merger.ingest(reopened, big) is True
        assert [e["sources"] for e in reopened.events()] == [2]


@pytest.mark.postgres
def test_lost_server_while_merging_is_one_line(pg_server, merger):
    url = pg_server.fresh_url()
    try:
        with Store(url) as store, Store(url) as killer:
            merger.ingest(store, article("a", MARKET, deaths=((12, None),)))
            killer.conn.execute("SELECT pg_terminate_backend(%s)", (store.conn.info.backend_pid,))
            with pytest.raises(StorageError, match="b: cannot store the article") as caught:
                merger.ingest(store, article("b", MARKET_2))
            one_line(caught, store)
            assert "pg_terminate_backend" not in str(caught.value)
            assert [e["id"] for e in killer.events()] == ["a-1"]
    finally:
        pg_server.drop(url)


@pytest.mark.postgres
def test_merges_from_two_connections_run_one_at_a_time(pg_server, merger):
    """PostgreSQL lets several processes write; merging takes a lock so that two reports of one
    event arriving at once cannot each found an event of its own."""
    url = pg_server.fresh_url()
    try:
        with Store(url) as first, Store(url) as second, Store(url) as watcher:
            merger.ingest(first, article("a", MARKET, deaths=((12, None),)))
            done: list[bool] = []
            with first.transaction():  # another process in the middle of a merge
                thread = threading.Thread(
                    target=lambda: done.append(merger.ingest(second, article("b", MARKET_2)))
                )
                thread.start()
                for _ in range(200):  # until the second writer waits for the lock (at most 10 s)
                    rows = watcher.conn.execute(
                        "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                    ).fetchone()
                    if rows["n"]:
                        break
                    time.sleep(0.05)
                assert rows["n"] == 1 and not done
            thread.join(timeout=30)
            assert done == [True]
            assert [(e["id"], e["sources"]) for e in watcher.events()] == [("a-1", 2)]
    finally:
        pg_server.drop(url)
