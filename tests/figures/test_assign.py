"""Which event a figure belongs to: hand-made events and counts, no language model."""

from __future__ import annotations

from strife.figures import event_for, fits
from strife.figures.assign import Toll
from strife.models import Actor, Count, Event, Mention


def ev(i, sentences, event_type="Battles", background=False, actors=(), trigger_at=None):
    trigger = Mention(text="t", start=trigger_at, end=trigger_at + 1) if trigger_at is not None else None
    actor1 = Actor(name=actors[0]) if actors else None
    actor2 = Actor(name=actors[1]) if len(actors) > 1 else None
    sub = {
        "Battles": "Armed clash",
        "Violence against civilians": "Attack",
        "Strategic developments": "Arrests",
        "Explosions/Remote violence": "Remote explosive/landmine/IED",
    }[event_type]
    return Event(
        id=str(i),
        event_type=event_type,
        sub_event_type=sub,
        sentences=list(sentences),
        background=background,
        actor1=actor1,
        actor2=actor2,
        trigger=trigger,
    )


def count(kind="fatalities", group=None, start=0):
    return Count(kind=kind, group=group, low=1, high=1, text="x", start=start, end=start + 1)


def test_the_event_of_the_figure_sentence():
    events = [ev(0, [0, 1]), ev(1, [2])]
    assert event_for(count(), 2, events).id == "1"
    assert event_for(count(), 1, events).id == "0"


def test_two_events_in_one_sentence_take_the_nearest_trigger():
    events = [ev(0, [3], trigger_at=10), ev(1, [3], trigger_at=80)]
    assert event_for(count(start=75), 3, events).id == "1"
    assert event_for(count(start=12), 3, events).id == "0"


def test_a_closing_claim_goes_to_the_nearest_preceding_fitting_event():
    events = [
        ev(0, [0], actors=("Islamic State", "Syrian Democratic Forces")),
        ev(1, [4], actors=("Taliban", "Military Forces of Afghanistan")),
        ev(2, [6], background=True, actors=("Islamic State",)),
    ]
    assert event_for(count(group="Syrian Democratic Forces"), 9, events).id == "0"
    assert event_for(count(group="Taliban"), 9, events).id == "1"
    assert event_for(count(group="Civilians"), 9, events).id == "1"


def test_no_fitting_event_falls_back_to_the_main_event():
    events = [ev(0, [2], background=True), ev(1, [3], actors=("A",)), ev(2, [5], actors=("B",))]
    assert event_for(count(group="Z"), 1, events).id == "1"
    assert event_for(count(), 1, []) is None


def test_kinds_fit_event_types():
    battle = ev(0, [0])
    arrests = ev(1, [0], event_type="Strategic developments")
    assert fits(count("fatalities"), battle) and not fits(count("fatalities"), arrests)
    assert fits(count("arrested"), arrests)


def test_a_toll_in_the_attack_told_before_goes_to_that_attack():
    # 'Gunmen attacked a convoy. Two policemen were killed in the confrontation.': the event read
    # from 'killed' (offset 60) is the toll itself; the figure goes to the attack
    events = [
        ev(0, [0], event_type="Violence against civilians", trigger_at=8),
        ev(1, [1], trigger_at=60),
    ]
    toll = Toll((60, 80))
    assert event_for(count(start=45), 1, events, toll).id == "0"
    assert event_for(count(start=45), 1, events).id == "1"  # no back reference: its own event


def test_a_toll_beside_a_deed_of_its_own_sentence_stays_there():
    # 'Gunmen attacked a bus (offset 50); two were killed in the attack (offset 70).'
    events = [ev(0, [0], trigger_at=8), ev(1, [1], trigger_at=50)]
    assert event_for(count(start=66), 1, events, Toll((70, 84))).id == "1"


def test_a_toll_with_no_fitting_event_before_keeps_its_own():
    events = [ev(0, [0], event_type="Strategic developments", trigger_at=8), ev(1, [1], trigger_at=60)]
    assert event_for(count(start=45), 1, events, Toll((60, 80))).id == "1"


def test_a_toll_in_the_explosion_goes_to_the_explosion_not_the_nearest_event():
    # 'A car bomb exploded (e0). ... Police who torture and murder (e1). Eight policemen were
    # killed in the explosion (offset 200).': the explosion told before, not the nearest event
    events = [
        ev(0, [0], event_type="Explosions/Remote violence", trigger_at=10),
        ev(1, [3], event_type="Violence against civilians", trigger_at=120),
        ev(2, [5], trigger_at=195),
    ]
    typed = Toll((195, 215), "Explosions/Remote violence")
    assert event_for(count(start=180), 5, events, typed).id == "0"
    assert event_for(count(start=180), 5, events, Toll((195, 215))).id == "1"  # 'in the attack'
    # no event of the named type told before: the nearest the toll fits
    assert event_for(count(start=180), 5, events, Toll((195, 215), "Battles")).id == "1"


def test_a_bare_toll_goes_to_the_incident_of_the_sentence_before_only():
    # 'Rebels shelled the barracks (e0). A sentry was wounded (offset 60, e1).'
    events = [ev(0, [0], trigger_at=8), ev(1, [1], trigger_at=60)]
    bare = Toll((60,), reach=1)
    assert event_for(count(start=45), 1, events, bare).id == "0"
    # told three sentences later, the toll is an incident of its own
    far = [ev(0, [0], trigger_at=8), ev(1, [3], trigger_at=160)]
    assert event_for(count(start=145), 3, far, Toll((160,), reach=1)).id == "1"


def _with_victim(event: Event, name: str) -> Event:
    event.victims = [Mention(text=name, start=0, end=len(name), type="PERSON")]
    return event


def test_a_figure_naming_an_earlier_events_victim_goes_to_that_event():
    # "X's murder ... two candidates were assassinated in 1987 ... an autopsy on X's body"
    murder = _with_victim(ev(0, [0], "Violence against civilians"), "Ana Maria Ruiz")
    older = ev(1, [4], "Violence against civilians")
    body = Count(kind="fatalities", low=1, high=1, text="Ruiz's body", start=900, end=911)
    assert event_for(body, 9, [murder, older]).id == "0"
    assert event_for(count(), 9, [murder, older]).id == "1"  # a figure naming no one: the nearest


def test_only_a_named_victim_is_involved():
    # victims that are not names ("civilians") do not pull every figure about civilians back
    plain = ev(0, [0], "Violence against civilians")
    plain.victims = [Mention(text="two farmers", start=0, end=11)]
    older = ev(1, [4], "Violence against civilians")
    farmers = Count(kind="fatalities", low=2, high=2, text="the farmers", start=900, end=911)
    assert event_for(farmers, 9, [plain, older]).id == "1"


def test_a_peaceful_protest_holds_no_dead_or_wounded():
    protest = Event(id="p", event_type="Protests", sub_event_type="Peaceful protest", sentences=[0])
    riot = Event(id="r", event_type="Protests", sub_event_type="Protest with intervention", sentences=[0])
    assert not fits(count(), protest)
    assert not fits(count(kind="injured"), protest)
    assert fits(count(kind="arrested"), protest)
    assert fits(count(), riot)


def test_a_figure_beside_only_a_deed_first_told_there_that_cannot_hold_it_goes_back():
    # "gunmen killed a mayor. ... Police arrested two men for the killing of the mayor."
    killing = ev(0, [0], "Violence against civilians")
    arrest = ev(1, [3], "Strategic developments", trigger_at=300)
    assert event_for(count(start=320), 3, [killing, arrest]).id == "0"
    assert event_for(count(kind="arrested", start=320), 3, [killing, arrest]).id == "1"


def test_a_figure_in_a_story_under_way_stays_with_it():
    # "a general strike began ... two people died during the strike": the strike's, told before
    clash = ev(0, [0], "Battles")
    strike = ev(1, [2, 3, 4], "Strategic developments", trigger_at=200)
    assert event_for(count(start=420), 4, [clash, strike]).id == "1"
