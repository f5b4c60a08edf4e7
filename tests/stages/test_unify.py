"""Stage `unify`: events of one article that are one real-world event merge (no model needed)."""

from __future__ import annotations

from itertools import pairwise

from strife.models import (
    Actor,
    Article,
    Count,
    DateInfo,
    Event,
    Evidence,
    Location,
    Mention,
    Span,
    TimeExpression,
)
from strife.stages.unify import clock_times, mergeable, unify

IS = Actor(name="Islamic State", type="Rebel group")
SDF = Actor(name="Syrian Democratic Forces", type="Rebel group")
IRAQ = Actor(name="Military Forces of Iraq", type="State forces")
TOWN = Location(name="Townsville", country="Syria", geonames_id=1, geo_precision=1)
OTHER = Location(name="Otherton", country="Iraq", geonames_id=2, geo_precision=1)


def event(
    id, sub="Armed clash", etype="Battles", day=None, place=None, a1=None, a2=None, tags=(), sents=(0,), **kw
):
    return Event(
        id=id,
        event_type=etype,
        sub_event_type=sub,
        tags=list(tags),
        date=DateInfo(start=day, end=day, precision=1 if day else None),
        location=place or Location(),
        actor1=a1,
        actor2=a2,
        sentences=list(sents),
        evidence=[Evidence(start=s * 10, end=s * 10 + 9, text="x" * 9) for s in sents],
        **kw,
    )


def test_same_place_and_day_merge_with_union_and_precedence():
    a = event(
        "e1",
        sub="Suicide bomb",
        etype="Explosions/Remote violence",
        day="2022-01-20",
        place=TOWN,
        a1=IS,
        tags=["suicide_attack"],
        sents=(3,),
    )
    b = event("e2", day="2022-01-20", place=TOWN, a1=IS, a2=SDF, tags=["prison_break"], sents=(1, 5))
    (merged,) = unify([a, b])
    assert merged.id == "e1"
    assert merged.sub_event_type == "Armed clash" and merged.event_type == "Battles"
    assert merged.tags == ["prison_break", "suicide_attack"]
    assert merged.actor2 == SDF
    assert merged.sentences == [3, 1, 5]
    assert [e.start for e in merged.evidence] == [10, 30, 50]


def test_different_places_or_days_stay_apart():
    a = event("e1", day="2022-01-20", place=TOWN, a1=IS)
    assert not mergeable(a, event("e2", day="2022-01-20", place=OTHER, a1=IS))
    assert not mergeable(a, event("e3", day="2022-01-21", place=TOWN, a1=IS))


def test_conflicting_initiators_stay_apart_but_swapped_sides_merge():
    a = event("e1", day="2022-01-20", place=TOWN, a1=IS, a2=SDF)
    assert not mergeable(a, event("e2", day="2022-01-20", place=TOWN, a1=IRAQ))
    assert mergeable(a, event("e3", day="2022-01-20", place=TOWN, a1=SDF, a2=IS))


def test_unknown_place_and_day_need_a_linking_tag_or_both_actors():
    a = event("e1", a1=IS, a2=SDF, tags=["prison_break"])
    assert mergeable(a, event("e2", tags=["prison_break"], sents=(7,)))
    assert mergeable(a, event("e3", a1=IS, a2=SDF, sents=(9,)))
    assert not mergeable(a, event("e4", a1=IS, a2=IRAQ, sents=(9,)))


def test_different_families_and_background_never_merge():
    a = event("e1", day="2022-01-20", place=TOWN, a1=IS)
    assert not mergeable(
        a, event("e2", sub="Peaceful protest", etype="Protests", day="2022-01-20", place=TOWN)
    )
    assert not mergeable(a, event("e3", day="2022-01-20", place=TOWN, a1=IS, background=True))


def test_counts_are_concatenated_and_fatalities_reconciled():
    c1 = Count(
        kind="fatalities",
        low=39,
        high=39,
        source="Syrian Observatory for Human Rights",
        text="39",
        start=0,
        end=2,
    )
    c2 = Count(kind="fatalities", low=200, high=200, source="Amaq", text="200", start=5, end=8)
    a = event("e1", day="2022-01-20", place=TOWN, a1=IS, counts=[c1])
    b = event("e2", day="2022-01-20", place=TOWN, a1=IS, counts=[c2])
    (merged,) = unify([a, b])
    assert merged.counts == [c1, c2]
    assert merged.fatalities.low == 39 and merged.fatalities.high == 200


def test_a_battle_and_violence_against_civilians_stay_apart():
    battle = event("e1", day="2022-01-20", place=TOWN, a1=IS, a2=SDF)
    execution = event(
        "e2", sub="Attack", etype="Violence against civilians", day="2022-01-20", place=TOWN, a1=IS
    )
    assert not mergeable(battle, execution)
    bomb = event("e3", sub="Suicide bomb", etype="Explosions/Remote violence", day="2022-01-20", place=TOWN)
    assert mergeable(battle, bomb) and mergeable(execution, bomb)


def _killing(id, victim, **kw):
    return event(
        id,
        sub="Attack",
        etype="Violence against civilians",
        day="2022-01-20",
        place=TOWN,
        a1=IS,
        victims=[Mention(text=victim, start=0, end=len(victim))],
        **kw,
    )


def test_violence_against_other_victims_is_another_event():
    assert not mergeable(_killing("e1", "nine captured fighters"), _killing("e2", "a Lebanese man"))
    assert mergeable(_killing("e1", "six passengers"), _killing("e2", "the passengers"))


def test_a_described_initiator_does_not_contradict_a_named_one():
    gunmen = Actor(name="Unidentified Armed Group", type="Political militia")
    a = event("e1", day="2022-01-20", place=TOWN, a1=IS)
    b = event("e2", day="2022-01-20", place=TOWN, a1=gunmen)
    assert not mergeable(a, b)  # without knowing which names are only descriptions
    assert mergeable(a, b, vague=lambda name: name.startswith("Unidentified"))


def test_a_prison_assault_told_over_two_days_is_one_event():
    a = event("e1", day="2022-01-20", a1=IS, tags=["prison_break"])
    b = event("e2", day="2022-01-21", a1=IS, tags=["prison_break"], sents=(8,))
    c = event("e3", day="2022-01-25", a1=IS, tags=["prison_break"], sents=(9,))
    assert mergeable(a, b)
    assert not mergeable(a, c)
    assert not mergeable(event("e4", day="2022-01-20", a1=IS), event("e5", day="2022-01-21", a1=IS))


def test_victims_counted_alike_are_the_same_people():
    # the head of "14 residents of Khatab" is "residents"; one figure under two names is one group
    assert mergeable(_killing("e1", "14 residents of the village"), _killing("e2", "the residents"))
    assert mergeable(_killing("e1", "six jesuits"), _killing("e2", "six priests"))
    assert mergeable(_killing("e1", "at least 11 children"), _killing("e2", "11 pupils"))
    assert not mergeable(_killing("e1", "six jesuits"), _killing("e2", "two women"))


GOV = Actor(name="Government of Syria", type="State forces")
ARMY = Actor(name="Military Forces of Syria", type="State forces")


def test_the_government_and_army_of_one_country_are_one_side():
    a = event(
        "e1", sub="Air/drone strike", etype="Explosions/Remote violence", day="2022-01-20", place=TOWN, a1=GOV
    )
    b = event(
        "e2",
        sub="Air/drone strike",
        etype="Explosions/Remote violence",
        day="2022-01-20",
        place=TOWN,
        a1=ARMY,
    )
    assert not mergeable(a, b)
    syria = {"Government of Syria": "state of SYR", "Military Forces of Syria": "state of SYR"}
    assert mergeable(a, b, side=lambda name: syria.get(name, name))
    assert not mergeable(a, event("e3", day="2022-01-20", place=TOWN, a1=IS), side=lambda n: syria.get(n, n))


def _shelling(id, victim, place=None, day="2022-01-20", sents=(0,)):
    return event(
        id,
        sub="Shelling/artillery/missile attack",
        etype="Explosions/Remote violence",
        day=day,
        place=place,
        victims=[Mention(text=victim, start=0, end=len(victim))],
        sents=sents,
    )


def test_the_same_figure_of_the_same_people_unites_places_of_one_country():
    district = Location(name="Oldquarter", country="Syria", geonames_id=3, geo_precision=1)
    assert mergeable(_shelling("e1", "two people", TOWN), _shelling("e2", "two people", district, sents=(6,)))
    assert not mergeable(_shelling("e1", "two people", TOWN), _shelling("e2", "five people", district))
    assert not mergeable(_shelling("e1", "two people", TOWN), _shelling("e2", "two people", OTHER))
    assert not mergeable(
        _shelling("e1", "two people", TOWN), _shelling("e2", "two people", district, day="2022-01-23")
    )
    # nowhere and no day known: the same people counted alike suffice
    assert mergeable(
        _shelling("e1", "five soldiers", day=None), _shelling("e2", "five soldiers", day=None, sents=(9,))
    )
    assert not mergeable(
        _shelling("e1", "several soldiers", day=None),
        _shelling("e2", "several soldiers", day=None, sents=(9,)),
    )


def test_two_far_apart_towns_each_losing_the_same_figure_are_two_events():
    """A daily report: two civilians killed in a town in the north and two in a town 300 km
    south, the same day, are two shellings; the town and a district 5 km off are one."""
    north = Location(name="Northtown", country="Syria", geonames_id=4, geo_precision=1, lat=36.2, lon=37.1)
    south = Location(name="Southtown", country="Syria", geonames_id=5, geo_precision=1, lat=33.5, lon=36.3)
    quarter = Location(
        name="Northquarter", country="Syria", geonames_id=6, geo_precision=1, lat=36.24, lon=37.13
    )
    far = (_shelling("e1", "two civilians", north), _shelling("e2", "two civilians", south, sents=(5,)))
    assert not mergeable(*far)
    assert len(unify(list(far))) == 2
    assert mergeable(
        _shelling("e1", "two civilians", north), _shelling("e2", "two civilians", quarter, sents=(5,))
    )


def test_attacks_on_different_targets_in_one_town_stay_apart_and_a_retelling_joins():
    hotel = Mention(text="the hilton hotel", start=0, end=16, type="Business")
    bank = Mention(text="a bank", start=20, end=26, type="Business")
    again = Mention(text="the hotel", start=40, end=49, type="Business")
    bomb = {"sub": "Remote explosive/landmine/IED", "etype": "Explosions/Remote violence", "place": TOWN}
    first = event("e1", targets=[hotel], sents=(1,), **bomb)
    other = event("e2", targets=[bank], sents=(2,), **bomb)
    retold = event("e3", targets=[again], sents=(5,), **bomb)
    toll = event("e4", sents=(6,), **bomb)  # "two people were killed in the blast": no target named
    assert not mergeable(first, other)
    assert [e.id for e in unify([first, other, retold, toll])] == ["e1", "e2"]
    assert first.sentences == [1, 5, 6]


def test_one_named_person_harmed_is_one_event_whichever_town_each_sentence_names():
    full = Mention(text="ricardo alfonso castellar", start=0, end=25, type="PERSON")
    part = Mention(text="castellar", start=40, end=49, type="PERSON")
    other = Mention(text="carlos julio torrado", start=60, end=80, type="PERSON")
    kw = {"sub": "Abduction/forced disappearance", "etype": "Violence against civilians"}
    lead = event("e1", place=TOWN, victims=[full], sents=(1,), **kw)
    retold = event("e2", place=OTHER, victims=[part], sents=(3,), **kw)
    assert mergeable(lead, retold)
    assert not mergeable(lead, event("e3", place=OTHER, victims=[other], sents=(6,), **kw))
    # named alike but on different days: a kidnapping and a murder weeks later stay apart
    later = event("e4", place=OTHER, day="2022-02-20", victims=[part], sents=(8,), **kw)
    assert not mergeable(event("e5", place=TOWN, day="2022-01-20", victims=[full], **kw), later)


def test_an_event_the_text_calls_another_never_joins_one_told_before():
    # "... a clash with our units." then "another clash occurred" at the same place and day
    first = event("e1", day="2020-01-01", place=TOWN, a1=IS, sents=(0,))
    second = event("e2", day="2020-01-01", place=TOWN, a1=IS, sents=(3,))
    assert len(unify([first.model_copy(), second.model_copy()])) == 1
    assert len(unify([first, second], apart=frozenset({"e2"}))) == 2
    # only the later one is held back: compared the other way round they still merge
    assert mergeable(second, first, apart=frozenset({"e2"}))


def test_one_blast_told_at_one_time_of_day_joins_whatever_place_each_names():
    # "at 1700 a bomb exploded inside a restaurant." / "a bomb exploded shortly before 1700 at
    # the X installations": one blast, two names of what it hit
    inside = Mention(text="a restaurant", start=0, end=12, type="Business")
    named = Mention(text="the x installations", start=40, end=59, type="Business")
    bomb = {"sub": "Remote explosive/landmine/IED", "etype": "Explosions/Remote violence", "place": TOWN}
    first = event("e1", targets=[inside], sents=(3,), **bomb)
    second = event("e2", targets=[named], sents=(4,), **bomb)
    assert not mergeable(first, second)
    assert mergeable(first, second, clocks={"e1": frozenset({"1700"}), "e2": frozenset({"1700"})})
    # another time of day, or another kind of event at that time, keeps them apart
    assert not mergeable(first, second, clocks={"e1": frozenset({"1700"}), "e2": frozenset({"2100"})})
    shot = event("e3", sub="Attack", etype="Violence against civilians", targets=[named], sents=(4,))
    assert not mergeable(first, shot, clocks={"e1": frozenset({"1700"}), "e3": frozenset({"1700"})})
    # "a second bomb exploded at 1700": the text says it is another one
    clocks = {"e1": frozenset({"1700"}), "e2": frozenset({"1700"})}
    assert len(unify([first, second], apart=frozenset({"e2"}), clocks=clocks)) == 2


def test_clock_times_are_read_from_each_event_main_sentence():
    text = "At 1700 today a bomb exploded. A bomb exploded shortly before 1700 hours. At 10:30 pm shots."
    ends = [0, 31, 74, len(text)]
    said = (("At 1700 today", "relday"), ("shortly before 1700 hours", "clock"), ("At 10:30 pm", "clock"))
    article = Article(
        text=text,
        sentences=[Span(start=s, end=e) for s, e in pairwise(ends)],
        time_expressions=[
            TimeExpression(text=m, start=text.index(m), end=text.index(m) + len(m), type=kind)
            for m, kind in said
        ],
        events=[event("e1", sents=(0,)), event("e2", sents=(1, 2)), event("e3", sents=(2,))],
    )
    assert clock_times(article) == {
        "e1": frozenset({"1700"}),
        "e2": frozenset({"1700"}),
        "e3": frozenset({"1030p"}),
    }
