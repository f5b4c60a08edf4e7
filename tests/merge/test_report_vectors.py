"""Event vectors made where an article was extracted (a worker) and carried to the one writer:
the merger stores and compares them, merges exactly as when it embeds itself, and loads no model.
Lexical similarity throughout (`STRIFE_MERGE_EMBEDDER=lexical`), so no model is loaded."""

from __future__ import annotations

import pytest

from merge.helpers import article
from strife.merge import LexicalEmbedder, Merger
from strife.merge import similarity as sim
from strife.merge.similarity import ReportVectors, embed_reports, report_parts

MARKET = "A suicide bomber killed 12 people at a crowded market in Mosul on Monday, police said; 12 killed."
MARKET_2 = (
    "Fifteen people were killed when a suicide bomber blew himself up at a crowded Mosul market on Monday, "
    "a monitor said; 15 killed."
)
KABUL = "A suicide bomber killed 12 people at a crowded market in Kabul on Monday, police said; 12 killed."
CLASH = (
    "Iraqi troops clashed with Islamic State fighters in western Mosul on Tuesday after a night of shelling."
)


def articles():
    return [
        article("a", MARKET, deaths=((12, "Police Forces"),)),
        article("k", KABUL, place="Kabul"),
        article("b", MARKET_2, deaths=((15, "Monitor"),), day="2016-05-02"),
        article("t", CLASH, day="2016-05-03", event_type="Battles", sub_event_type="Armed clash"),
    ]


def stored(store) -> list[tuple[str, list[str], int | None]]:
    return [
        (e["id"], sorted(m.member_id for m in store.members(event_id=e["id"])), e["fatalities"]["high"])
        for e in store.events()
    ]


@pytest.fixture
def lexical_by_default(monkeypatch):
    monkeypatch.setenv("STRIFE_MERGE_EMBEDDER", "lexical")
    monkeypatch.setattr(sim, "_cache", {})  # nothing loaded yet in this process


def test_report_parts_are_what_the_stored_member_is_compared_by(store):
    a = article("a", "  A bomb went off in Mosul.  ")
    a.events[0].evidence.append(a.events[0].evidence[0].model_copy(update={"text": "Nine were hurt. "}))
    Merger(LexicalEmbedder()).ingest(store, a)
    assert (
        report_parts(a.events[0])
        == store.members(article_id="a")[0].parts()
        == ["A bomb went off in Mosul.", "Nine were hurt."]
    )


def test_embed_reports_gives_one_vector_per_event_in_one_call():
    calls = []

    class Counting(LexicalEmbedder):
        def embed(self, texts):
            calls.append(list(texts))
            return super().embed(texts)

    batch = articles()
    made = embed_reports(batch, Counting())
    assert len(calls) == 1 and len(calls[0]) == 4
    assert [sorted(m.vectors) for m in made] == [["a-1"], ["k-1"], ["b-1"], ["t-1"]]
    assert made[0].model == LexicalEmbedder.name
    assert made[0].vectors["a-1"] == LexicalEmbedder().embed([MARKET])[0]


def test_carried_vectors_merge_as_the_writer_would_and_load_nothing(
    store, backend, request, tmp_path, lexical_by_default
):
    from stores import new_url
    from strife.storage import Store

    carried = Merger()  # the process's default embedder, never loaded here
    for a, made in zip(articles(), embed_reports(articles(), LexicalEmbedder()), strict=True):
        assert carried.ingest(store, a, made)
    assert carried._lazy and sim._cache == {}  # every report came with its vector
    members = [m for e in store.events() for m in store.members(event_id=e["id"])]
    assert all(m.vector and m.model == LexicalEmbedder.name for m in members)  # stored for later articles

    with Store(new_url(backend, request, tmp_path, "own.db")) as own:
        itself = Merger(LexicalEmbedder())
        for a in articles():
            itself.ingest(own, a)
        assert stored(own) == stored(store)
    assert [e["id"] for e in store.events() if e["sources"] == 2] == ["a-1"]


def test_vectors_of_another_model_are_not_used(store, lexical_by_default):
    merger = Merger()
    foreign = ReportVectors("some-other-model", {"a-1": b"\x00" * 16})
    merger.ingest(store, article("a", MARKET), foreign)
    merger.ingest(store, article("b", MARKET_2))  # compared with a-1: both embedded here, lexically
    assert [m.model for m in store.members(event_id="a-1")] == [LexicalEmbedder.name] * 2
    assert not merger._lazy  # it had to load its embedder
