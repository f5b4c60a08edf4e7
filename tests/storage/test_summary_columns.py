"""The number of sources and the tags a summary shows live in the events row (migration 0007):
they must say what `event_articles` and `event_tags` say, after merging, deleting and re-ingesting
an article, and after the migration fills them in on a database written before it."""

from __future__ import annotations

import pytest

from strife.storage import Store, postgres, reading, sqlite
from strife.storage.sql import distinct_tags


def _consistent(store) -> dict[str, dict]:
    """Every summary, checked against the full event it summarises (whose `sources` is counted
    from `event_articles` at read time) and its rows in `event_tags`."""
    summaries = {s["id"]: s for s in store.event_summaries()}
    full = {e["id"]: reading.summary(e) for e in store.events()}
    tagged: dict[str, list[str]] = {i: [] for i in summaries}
    for event_id, tag in store._tuples("SELECT event_id, tag FROM event_tags"):
        tagged[event_id].append(tag)
    assert {i: s["tags"] for i, s in summaries.items()} == {i: sorted(t) for i, t in tagged.items()}
    assert {i: {**s, "tags": []} for i, s in summaries.items()} == {
        i: {**e, "tags": []} for i, e in full.items()
    }
    return summaries


def _merge(store, head: str, other: str) -> None:
    """Make `other`'s event a member of `head`'s, as the merger does."""
    members = store.members(event_id=head) + store.members(event_id=other)
    with store.transaction():
        store.write_event(head, members[0].record, members)
        store.delete_event(other)


def test_distinct_tags_keeps_first_spelling():
    assert distinct_tags(["vbied", "Air_strike", "VBIED", "air_strike", "execution"]) == [
        "vbied",
        "Air_strike",
        "execution",
    ]


def test_sources_and_tags_follow_merges_and_deletes(store, article_factory, event_factory):
    build_article, build_event = article_factory, event_factory
    tags = ["vbied", "suicide_attack", "VBIED"]
    store.ingest(build_article("a1", [build_event(1, tags=tags)]))
    store.ingest(build_article("a2", [build_event(1, tags=["air_strike"])]))
    assert _consistent(store)["a1-e1"]["tags"] == ["suicide_attack", "vbied"]

    _merge(store, "a1-e1", "a2-e1")
    assert _consistent(store)["a1-e1"]["sources"] == 2

    # Re-ingesting a changed a2 deletes its row first: the link to a1-1 goes with it.
    store.ingest(build_article("a2", [build_event(1, tags=[])], title="Corrected"))
    merged = _consistent(store)
    assert merged["a1-e1"]["sources"] == 1 and merged["a2-e1"]["tags"] == []

    _merge(store, "a1-e1", "a2-e1")
    assert store.delete_article("a2")
    assert _consistent(store)["a1-e1"]["sources"] == 1


@pytest.fixture
def old_strife(monkeypatch, backend):
    """Opening a store migrates it only to version 6, as the strife before 0007 did."""
    module = sqlite if backend == "sqlite" else postgres
    known = module.migrations()
    monkeypatch.setattr(module, "migrations", lambda: [m for m in known if m[0] <= 6])
    return monkeypatch


def test_migration_fills_the_columns_of_stored_events(store_url, backend, old_strife):
    with Store(store_url) as old:
        assert old.schema_version() == 6
        rows = [
            "INSERT INTO articles (id, text, record_hash, record, ingested_at) "
            "VALUES ('a1', 't', 'h', '{}', '2020-01-01T00:00:00+00:00'), "
            "('a2', 't', 'h', '{}', '2020-01-01T00:00:00+00:00')",
            "INSERT INTO events (id, article_id, event_type, sub_event_type, record) "
            "VALUES ('e1', 'a1', 'Battles', 'Armed clash', '{}'), ('e2', 'a2', 'Battles', 'Armed clash', '{}')",
            "INSERT INTO event_articles (event_id, article_id) VALUES ('e1', 'a1'), ('e1', 'a2'), ('e2', 'a2')",
            "INSERT INTO event_tags (event_id, tag) VALUES ('e1', 'vbied'), ('e1', 'air_strike')",
        ]
        with old.transaction():
            for sql in rows:
                old._execute(sql)
    old_strife.undo()

    with Store(store_url) as store:
        assert store.schema_version() >= 7
        found = {s["id"]: (s["sources"], s["tags"]) for s in store.event_summaries()}
        assert found == {"e1": (2, ["air_strike", "vbied"]), "e2": (1, [])}
        store.delete_article("a2")  # the trigger of 0007 counts the link of e1 down
        assert {s["id"]: s["sources"] for s in store.event_summaries()} == {"e1": 1}
