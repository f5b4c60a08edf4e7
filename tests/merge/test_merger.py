"""Incremental merging into a real store (SQLite and PostgreSQL, see tests/stores.py), and
undoing it; lexical similarity, so no model is loaded."""

from __future__ import annotations

import pytest

from merge.helpers import article
from strife.merge import LexicalEmbedder, Merger

MARKET = "A suicide bomber killed 12 people at a crowded market in Mosul on Monday, police said; 12 killed."
MARKET_2 = (
    "Fifteen people were killed when a suicide bomber blew himself up at a crowded Mosul market on Monday, "
    "a monitor said; 15 killed."
)
MARKET_3 = "Islamic State claimed the suicide bombing of a crowded market in Mosul that left 14 killed."
CLASH = (
    "Iraqi troops clashed with Islamic State fighters in western Mosul on Tuesday after a night of shelling."
)
KABUL = "A suicide bomber killed 12 people at a crowded market in Kabul on Monday, police said; 12 killed."


@pytest.fixture
def merger():
    return Merger(LexicalEmbedder())


def market(aid: str, text: str, n: int, source: str | None, **kw):
    return article(aid, text, deaths=((n, source),), **kw)


def test_reports_of_one_event_become_one_event_with_every_source(store, merger):
    assert merger.ingest(store, market("a", MARKET, 12, "Police Forces", publisher="Reuters"))
    assert store.members(event_id="a-1")[0].vector is None  # nothing to compare with: not embedded
    assert merger.ingest(store, market("b", MARKET_2, 15, "Monitor", publisher="AFP", day="2016-05-02"))
    assert merger.ingest(store, market("c", MARKET_3, 14, None, day=None, published="2016-05-03"))
    events = store.events()
    assert len(events) == 1
    event = events[0]
    assert event["id"] == "a-1" and event["sources"] == 3
    assert event["articles"] == ["a", "b", "c"] and event["publishers"] == ["AFP", "Reuters"]
    assert sorted(c["article_id"] for c in store.claims("a-1")) == ["a", "b", "c"]
    assert event["fatalities"]["low"] == 12 and event["fatalities"]["high"] == 15
    members = store.members(event_id="a-1")
    assert [m.member_id for m in members] == ["a-1", "b-1", "c-1"]
    assert all(m.vector and m.model == LexicalEmbedder.name for m in members)  # embedded once, stored


def test_other_events_stay_apart(store, merger):
    merger.ingest(store, market("a", MARKET, 12, None))
    merger.ingest(store, article("k", KABUL, place="Kabul"))
    merger.ingest(
        store, article("t", CLASH, day="2016-05-03", event_type="Battles", sub_event_type="Armed clash")
    )
    merger.ingest(store, market("late", MARKET, 12, None, day="2016-06-20", published="2016-06-21"))
    assert sorted(e["id"] for e in store.events()) == ["a-1", "k-1", "late-1", "t-1"]
    assert all(e["sources"] == 1 for e in store.events())
    vectors = {m.member_id: m.vector for e in store.events() for m in store.members(event_id=e["id"])}
    assert vectors["a-1"] and vectors["t-1"] and not vectors["k-1"]  # Kabul was never near anything


def test_two_events_of_one_article_never_join_one_event(store, merger):
    merger.ingest(store, market("a", MARKET, 12, None))
    two = market("b", MARKET_2, 15, None)
    second = two.events[0].model_copy(deep=True)
    second.id = "b-2"
    two.events.append(second)
    merger.ingest(store, two)
    assert sorted((e["id"], e["sources"]) for e in store.events()) == [("a-1", 2), ("b-2", 1)]


def test_ingest_is_idempotent_and_a_changed_article_replaces_its_contribution(store, merger):
    merger.ingest(store, market("a", MARKET, 12, None))
    merger.ingest(store, market("b", MARKET_2, 15, "Monitor"))
    assert not merger.ingest(store, market("b", MARKET_2, 15, "Monitor"))  # unchanged: nothing done
    assert not merger.ingest(store, market("a", MARKET, 12, None))
    assert [(e["id"], e["sources"]) for e in store.events()] == [("a-1", 2)]
    assert merger.ingest(store, market("b", MARKET_2.replace("15 killed", "16 killed"), 16, "Monitor"))
    (event,) = store.events()
    assert event["sources"] == 2 and event["fatalities"]["high"] == 16
    assert len(store.claims("a-1")) == 2


def test_unmerge_splits_an_article_back_out_and_reconciles_the_rest(store, merger):
    merger.ingest(store, market("a", MARKET, 12, None))
    merger.ingest(store, market("b", MARKET_2, 15, "Monitor"))
    merger.ingest(store, market("c", MARKET_3, 14, None))
    assert merger.detach(store, "b") == 1
    by_id = {e["id"]: e for e in store.events()}
    assert sorted(by_id) == ["a-1", "b-1"]
    assert by_id["a-1"]["sources"] == 2 and by_id["a-1"]["articles"] == ["a", "c"]
    assert by_id["a-1"]["fatalities"]["high"] == 14  # b's 15 left with it
    assert by_id["b-1"]["sources"] == 1 and "articles" not in by_id["b-1"]
    assert {c["article_id"] for c in store.claims("a-1")} == {"a", "c"}


def test_unmerging_the_founding_article_hands_the_event_to_the_next_report(store, merger):
    merger.ingest(store, market("a", MARKET, 12, None))
    merger.ingest(store, market("b", MARKET_2, 15, None))
    merger.ingest(store, market("c", MARKET_3, 14, None))
    merger.detach(store, "a", remove=True)
    (event,) = store.events()
    assert event["id"] == "b-1" and event["articles"] == ["b", "c"] and event["article_id"] == "b"
    merger.detach(store, "b", remove=True)
    merger.detach(store, "c", remove=True)
    assert store.events() == []  # an event backed only by the removed article disappears


def test_service_unmerge_needs_a_stored_article(store, merger):
    from strife import service
    from strife.errors import StorageError

    merger.ingest(store, market("a", MARKET, 12, None))
    merger.ingest(store, market("b", MARKET_2, 15, None))
    with pytest.raises(StorageError, match="no article"):
        service.unmerge("nope", store)
    assert service.unmerge("b", store, remove=True) == 1
    assert store.article("b") is None and [e["sources"] for e in store.events()] == [1]
