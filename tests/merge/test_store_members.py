"""The store's merge primitives on both backends: members, write_event, delete_event; the 0002
migration on SQLite."""

from __future__ import annotations

import sqlite3

import pytest

from merge.helpers import article
from strife.errors import StorageError
from strife.storage import Store
from strife.storage.base import MemberWindow
from strife.storage.sqlite import migrations

TEXT = "A suicide bomber killed 12 people at a market in Mosul on Monday; 12 killed."


def test_ingest_stores_each_event_as_its_own_member(store):
    assert store.supports_merging
    store.ingest(article("a", TEXT, deaths=((12, None),)))
    (m,) = store.members(article_id="a")
    assert (m.member_id, m.event_id, m.article_id, m.published) == ("a-1", "a-1", "a", "2016-05-03")
    assert m.vector is None and m.record["sub_event_type"] == "Suicide bomb"
    assert store.article_hash("a") and store.article_hash("zz") is None


def test_window_finds_events_by_date_country_and_undated_by_publication(store):
    store.ingest(article("a", TEXT, day="2016-05-02"))
    store.ingest(article("b", TEXT, day=None, published="2016-05-05"))
    store.ingest(article("k", TEXT, place="Kabul"))
    store.ingest(article("old", TEXT, day="2016-01-02"))
    window = MemberWindow(since="2016-04-29", until="2016-05-05", undated_until="2016-05-12", country="Iraq")
    assert sorted(m.article_id for m in store.members(window=window)) == ["a", "b"]
    anywhere = MemberWindow(since="2016-04-29", until="2016-05-05", undated_until="2016-05-12")
    assert sorted(m.article_id for m in store.members(window=anywhere)) == ["a", "b", "k"]


def test_window_keeps_long_events_and_a_shared_event_whole(store):
    """The window query bounds start dates from below by the longest span stored: an event of a
    whole year overlapping the window is found, one that ended before it is not."""
    from strife.models import DateInfo

    year = article("y", TEXT)
    year.events[0].date = DateInfo(start="2016-01-01", end="2016-12-31", precision=3)
    ended = article("e", TEXT)
    ended.events[0].date = DateInfo(start="2015-01-01", end="2016-04-20", precision=3)
    for report in (year, ended, article("a", TEXT, day="2016-05-06")):
        store.ingest(report)
    window = MemberWindow(since="2016-04-29", until="2016-05-05", undated_until="2016-05-12")
    assert [m.article_id for m in store.members(window=window)] == ["y"]
    wider = MemberWindow(since="2016-04-20", until="2016-05-06", undated_until="2016-05-12")
    assert [m.member_id for m in store.members(window=wider)] == ["a-1", "e-1", "y-1"]


def test_write_event_moves_members_and_keeps_claims_per_article(store):
    store.ingest(article("a", TEXT, deaths=((12, None),)))
    store.ingest(article("b", TEXT, deaths=((12, "Police Forces"),)))
    a, b = store.members(article_id="a")[0], store.members(article_id="b")[0]
    b.vector, b.model = b"\x00\x00\x80?", "test"
    with store.transaction():
        store.write_event("a-1", {**a.record, "articles": ["a", "b"]}, [a, b])
        store.delete_event("b-1")
    assert [m.member_id for m in store.members(event_id="a-1")] == ["a-1", "b-1"]
    assert store.members(event_id="a-1")[1].vector == b"\x00\x00\x80?"
    assert [e["id"] for e in store.events()] == ["a-1"] and store.events()[0]["sources"] == 2
    assert sorted(c["article_id"] for c in store.claims("a-1")) == ["a", "b"]
    with pytest.raises(StorageError):
        store.write_event("x", a.record, [])


def test_a_failed_transaction_leaves_nothing_behind(store):
    store.ingest(article("a", TEXT))
    with pytest.raises(RuntimeError), store.transaction():
        store.delete_event("a-1")
        raise RuntimeError("killed")
    assert [e["id"] for e in store.events()] == ["a-1"]


def test_migration_2_makes_every_older_event_its_own_member(tmp_path):
    path = tmp_path / "v1.db"
    (v1,) = [sql for version, _, sql in migrations() if version == 1]
    conn = sqlite3.connect(path)
    conn.executescript(v1)
    conn.executescript(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);"
        "INSERT INTO schema_version VALUES (1, '0001_init.sql', 'then');"
        "INSERT INTO articles (id, text, record_hash, record, ingested_at) VALUES ('a', 't', 'h', '{}', 'then');"
        "INSERT INTO events (id, article_id, event_type, sub_event_type, record) "
        "VALUES ('a-1', 'a', 'Battles', 'Armed clash', '{\"id\": \"a-1\"}');"
    )
    conn.close()
    with Store(f"sqlite:///{path}") as store:
        assert store.schema_version() >= 2
        (m,) = store.members(event_id="a-1")
        assert (m.member_id, m.article_id, m.record) == ("a-1", "a", {"id": "a-1"})
