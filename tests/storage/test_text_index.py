"""SQLite text search: whether the FTS5 index is asked (the probe) is decided once per phrase
while the data is unchanged, a common word is turned down by the cheap exact-phrase probe, and
the answers are the substring search's whether the index is used or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from strife.models import Location
from strife.storage import Store, dialect
from strife.storage.dialect import dialect_of
from strife.storage.search import EventFilter, where

MOSUL = Location(name="Mosul", country="Iraq", iso3="IRQ", lat=36.34, lon=43.13, geo_precision=1)


@pytest.fixture
def url(tmp_path: Path, article_factory, event_factory) -> str:
    """Three events that name Aleppo (two articles) and one that names Mosul."""
    url = f"sqlite:///{tmp_path / 'words.db'}"
    with Store(url) as store:
        store.ingest(article_factory("a1", events=[event_factory(1), event_factory(2)]))
        store.ingest(article_factory("a2", events=[event_factory(1)]))
        store.ingest(article_factory("m1", events=[event_factory(1, location=MOSUL)]))
    return url


def probes(conn, text: str) -> tuple[str, list[str]]:
    """(the WHERE clause for `text`, the MATCH statements run to build it)."""
    seen: list[str] = []
    conn.set_trace_callback(lambda sql: seen.append(sql) if "MATCH" in sql else None)
    try:
        clause, _ = where(EventFilter(text=text), dialect_of(conn))
    finally:
        conn.set_trace_callback(None)
    return clause, seen


def test_a_phrase_is_probed_once_while_the_data_is_unchanged(url, article_factory, event_factory):
    with Store(url) as store:
        conn = store.sql_connection()
        clause, seen = probes(conn, "Aleppo")
        assert "events_fts" in clause
        assert len(seen) == 2  # the exact phrase, then its prefix form
        clause, seen = probes(conn, "Aleppo")
        assert "events_fts" in clause and seen == []
        assert probes(conn, "Mosul")[1] != []  # another phrase has its own verdict
        store.ingest(article_factory("a3", events=[event_factory(1)]))  # this connection's write
        assert len(probes(conn, "Aleppo")[1]) == 2


def test_a_write_by_another_connection_renews_the_verdict(url, monkeypatch):
    monkeypatch.setattr(dialect, "FTS_MAX", 2)
    with Store(url) as reader:
        conn = reader.sql_connection()
        clause, seen = probes(conn, "aleppo")
        assert "events_fts" not in clause  # three matches: the index is not worth asking
        assert len(seen) == 1  # the exact phrase alone turned it down
        assert reader.search_events(EventFilter(text="aleppo"))[0] == 3
        with Store(url) as writer:
            writer.delete_article("a1")
        clause, seen = probes(conn, "aleppo")
        assert "events_fts" in clause and len(seen) == 2
        assert reader.search_events(EventFilter(text="aleppo"))[0] == 1


@pytest.mark.parametrize(
    "text", ["Aleppo", "alep", "Syrian Arab", "Syrian Ar", "mosul", "Arab Army", "x y z", "%"]
)
def test_answers_are_the_same_with_and_without_the_index(url, monkeypatch, text):
    flt = EventFilter(text=text)
    with Store(url) as store:
        with_index = store.search_events(flt)
        uses_index = "events_fts" in where(flt, dialect_of(store.sql_connection()))[0]
        assert uses_index == any(c.isalnum() for c in text)
    monkeypatch.setattr(dialect, "FTS_MAX", -1)  # no phrase is rare enough: substring test only
    with Store(url) as store:  # (a new connection: no verdict kept from the first)
        assert "events_fts" not in where(flt, dialect_of(store.sql_connection()))[0]
        assert store.search_events(flt) == with_index
    assert with_index[0] == {
        "Aleppo": 3,
        "alep": 3,
        "Syrian Arab": 4,
        "Syrian Ar": 4,
        "Arab Army": 4,
        "mosul": 1,
    }.get(text, 0)


def test_a_mid_word_text_is_found_by_the_substring_test_alone(url, monkeypatch):
    """The documented exception (`EventFilter.text`): "leppo" starts inside "Aleppo", so the
    word index does not find it, the substring test does."""
    flt = EventFilter(text="leppo")
    with Store(url) as store:
        assert "events_fts" in where(flt, dialect_of(store.sql_connection()))[0]
        assert store.search_events(flt)[0] == 0
    monkeypatch.setattr(dialect, "FTS_MAX", -1)
    with Store(url) as store:
        assert store.search_events(flt)[0] == 3
