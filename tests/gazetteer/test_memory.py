"""The gazetteer's caches stay bounded over a long run (issue 4: resident memory <= 1 GB)."""

from __future__ import annotations

from gazetteer.helpers import small_gazetteer
from strife.gazetteer import index, normalize


def test_only_names_that_are_places_are_cached() -> None:
    g = small_gazetteer()  # its own caches, not the session fixture's
    text = "Rebels shelled the outskirts of al-Bab and Mosul, witnesses in the market said on Tuesday."
    assert [text[m.start : m.end] for m in g.find(text)] == ["al-Bab", "Mosul"]
    hits = g._parse_ids.cache_info().currsize
    assert hits == 2  # every n-gram of the text was looked up; only the two places were kept
    g.find(text.replace("Tuesday", "Wednesday morning near the old bridge"))
    assert g._parse_ids.cache_info().currsize == hits
    assert g.lookup("Al Bab")[0].id == 10
    assert g.lookup("Nowhereville") == []


def test_the_word_caches_have_bounds() -> None:
    for cached in (normalize.fold_word, normalize.skeleton_key, index._key):
        assert cached.cache_info().maxsize is not None and cached.cache_info().maxsize <= 65_536
    g = small_gazetteer()
    assert g._parse_ids.cache_info().maxsize == index.PARSED_IDS
    assert type(g)._place.cache_info().maxsize == index.PLACES
