"""Blocking and the merge decision, on profiles of hand-built events (no model)."""

from __future__ import annotations

from merge.helpers import article
from strife.merge.blocking import block, date_relation, place_relation
from strife.merge.decide import decide
from strife.merge.profile import Profile, words

BOMBING = "A suicide bomber killed 12 people at a market in Mosul on Monday, police said."


def profile(**kw) -> Profile:
    a = article("x", BOMBING, **kw)
    return Profile.of(a.events[0].model_dump(mode="json"), a.published)


def test_places_same_near_area_apart_and_other_country():
    mosul = profile(place="Mosul")
    assert place_relation(mosul, profile(place="Mosul market")) == "same"
    assert place_relation(mosul, profile(place="Nineveh")) == "area"  # coarse, same admin1
    assert place_relation(mosul, profile(place="Tal Afar")) == "apart"  # about 60 km
    assert place_relation(mosul, profile(place="Kabul")) == "other country"
    assert place_relation(mosul, profile(place=None)) == "unknown"


def test_a_country_in_common_is_not_the_same_place():
    a, b = profile(place="Nineveh"), profile(place="Nineveh")
    assert place_relation(a, b) == "area"


def test_dates_within_the_window_and_undated_events_placed_before_publication():
    monday = profile(day="2016-05-02")
    assert date_relation(monday, profile(day="2016-05-02")) == "same"
    assert date_relation(monday, profile(day="2016-05-05")) == "window"
    assert date_relation(monday, profile(day="2016-05-09")) == "apart"
    undated = profile(day=None, published="2016-05-04")  # somewhere in the week before
    assert (undated.start.isoformat(), undated.end.isoformat()) == ("2016-04-27", "2016-05-04")
    assert date_relation(monday, undated) == "window"
    assert date_relation(monday, profile(day=None, published="2016-06-20")) == "apart"


def test_type_families_block_unrelated_kinds():
    bombing = profile()
    clash = profile(event_type="Battles", sub_event_type="Armed clash")
    protest = profile(event_type="Protests", sub_event_type="Peaceful protest")
    assert block(bombing, clash).ok  # outlets type one attack differently
    assert not block(bombing, protest).ok


def test_decision_merges_close_text_and_rejects_blocked_pairs():
    a, b = profile(), profile(day="2016-05-03", place="Mosul market")
    merged = decide(a, b, similarity=0.6, threshold=0.55)
    assert merged.merge and merged.score > 0.6
    assert any("place same" in r for r in merged.reasons)
    far = decide(a, profile(place="Kabul"), similarity=0.99, threshold=0.55)
    assert not far.merge and far.reasons[0].startswith("blocked")


def test_field_agreement_moves_the_score_both_ways():
    base = profile(actor1="Islamic State")
    same_actor = decide(base, profile(actor1="Islamic State"), 0.45, 0.55)
    other_actor = decide(base, profile(actor1="Taliban"), 0.45, 0.55)
    assert same_actor.score > other_actor.score
    assert same_actor.merge and not other_actor.merge
    close = decide(profile(deaths=((12, None),)), profile(deaths=((14, None),)), 0.5, 0.9)
    apart = decide(profile(deaths=((12, None),)), profile(deaths=((150, None),)), 0.5, 0.9)
    assert close.score > apart.score


def test_shared_victims_count_but_generic_words_do_not():
    assert words("six Jesuit priests") == {"jesuit", "priest"}
    assert words("two people") == set()
    text = "Gunmen killed six Jesuit priests in Mosul on Monday."
    a = Profile.of(article("a", text, victims=("six Jesuit priests",)).events[0].model_dump(mode="json"))
    b = Profile.of(article("b", text, victims=("the Jesuits",)).events[0].model_dump(mode="json"))
    assert any("victims/targets share" in r for r in decide(a, b, 0.5, 0.55).reasons)


def test_singulars():
    from strife.merge.profile import singular

    pairs = {"branches": "branch", "bodies": "body", "priests": "priest", "bus": "bus", "jesuits": "jesuit",
             "embassies": "embassy", "houses": "house", "campus": "campus", "gas": "gas"}  # fmt: skip
    assert {w: singular(w) for w in pairs} == pairs
