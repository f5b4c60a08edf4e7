"""The number of sources and the tags a summary shows live in the events row (migration 0007), and
so do the outlets and the article's dates every full event carries (0008): they must say what
`event_articles`, `event_tags`, `articles` and `sources` say, after merging, deleting and
re-ingesting an article, and after the migrations fill them in on a database written before."""

from __future__ import annotations

import pytest

from strife.storage import Store, postgres, reading, sqlite
from strife.storage.sql import distinct_tags


def _joined(store) -> dict[str, dict]:
    """What the rows of the events say, read through the tables they come from."""
    found: dict[str, dict] = {}
    for event_id, outlet in store._tuples(
        "SELECT ea.event_id, s.name FROM event_articles ea JOIN articles a ON a.id = ea.article_id "
        "LEFT JOIN sources s ON s.id = a.source_id"
    ):
        entry = found.setdefault(event_id, {"sources": 0, "publishers": set()})
        entry["sources"] += 1
        entry["publishers"] |= {outlet} if outlet else set()
    dates = store._tuples(
        "SELECT e.id, a.published, a.ingested_at FROM events e JOIN articles a ON a.id = e.article_id"
    )
    return {
        event_id: {**found.get(event_id, {"sources": 0, "publishers": set()}), "published": published,
                   "ingested_at": ingested_at}
        for event_id, published, ingested_at in dates
    }  # fmt: skip


def _stamps_consistent(store) -> list[dict]:
    """Every full event, its added keys checked against the tables they come from."""
    events = store.events()
    stamped = {
        e["id"]: {"sources": e["sources"], "publishers": set(e["publishers"]), "published": e["published"],
                  "ingested_at": e["ingested_at"]}
        for e in events
    }  # fmt: skip
    assert stamped == _joined(store)
    assert all(e["publishers"] == sorted(e["publishers"]) for e in events)
    return events


def _consistent(store) -> dict[str, dict]:
    """Every summary, checked against the full event it summarises, and both against the rows of
    the tables the events row copies: `event_tags`, `event_articles`, `articles`, `sources`."""
    summaries = {s["id"]: s for s in store.event_summaries()}
    events = _stamps_consistent(store)
    full = {e["id"]: reading.summary(e) for e in events}
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
    store.ingest(build_article("a2", [build_event(1, tags=["air_strike"])], publisher="Reuters"))
    store.ingest(build_article("a3", [build_event(1)], publisher="reuters"))
    assert _consistent(store)["a1-e1"]["tags"] == ["suicide_attack", "vbied"]

    _merge(store, "a1-e1", "a2-e1")
    _merge(store, "a1-e1", "a3-e1")
    assert _consistent(store)["a1-e1"]["sources"] == 3
    assert store.event("a1-e1")["publishers"] == ["Reuters", "SANA"]

    # Re-ingesting a changed a2 deletes its row first: the link to a1-1 goes with it.
    store.ingest(build_article("a2", [build_event(1, tags=[])], title="Corrected", publisher="Reuters"))
    merged = _consistent(store)
    assert merged["a1-e1"]["sources"] == 2 and merged["a2-e1"]["tags"] == []

    _merge(store, "a1-e1", "a2-e1")
    assert store.delete_article("a3")  # the link of the other Reuters article goes; Reuters stays
    assert store.event("a1-e1")["publishers"] == ["Reuters", "SANA"]
    assert store.delete_article("a2")
    assert _consistent(store)["a1-e1"]["sources"] == 1
    assert store.event("a1-e1")["publishers"] == ["SANA"]


@pytest.fixture
def old_strife(monkeypatch, backend):
    """Opening a store migrates it only to version 6, as the strife before 0007 and 0008 did."""
    module = sqlite if backend == "sqlite" else postgres
    known = module.migrations()
    monkeypatch.setattr(module, "migrations", lambda: [m for m in known if m[0] <= 6])
    return monkeypatch


def test_migration_fills_the_columns_of_stored_events(store_url, backend, old_strife):
    with Store(store_url) as old:
        assert old.schema_version() == 6
        rows = [
            "INSERT INTO sources (id, name) VALUES (1, 'Reuters'), (2, 'SANA')",
            "INSERT INTO articles (id, text, record_hash, record, ingested_at, published, source_id) "
            "VALUES ('a1', 't', 'h', '{}', '2020-01-01T00:00:00+00:00', '2019-12-31', 2), "
            "('a2', 't', 'h', '{}', '2020-01-02T00:00:00+00:00', NULL, 1)",
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
        stamped = {e["id"]: (e["publishers"], e["published"]) for e in store.events()}
        assert stamped == {"e1": (["Reuters", "SANA"], "2019-12-31"), "e2": (["Reuters"], None)}
        _stamps_consistent(store)
        store.delete_article("a2")  # the trigger counts the link of e1 down and lists its outlets
        assert {s["id"]: s["sources"] for s in store.event_summaries()} == {"e1": 1}
        assert store.event("e1")["publishers"] == ["SANA"]
