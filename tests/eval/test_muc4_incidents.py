"""MUC-4 incident types of strife events (`strife.eval.muc4_incidents`), on hand-built events."""

from strife.eval.muc4_incidents import incident_type
from strife.models import Actor, Event, Mention


def event(sub, etype="Violence against civilians", weapons=(), **kw):
    arms = [Mention(text=w, start=0, end=len(w), type=t) for w, t in weapons]
    return Event(id="e", event_type=etype, sub_event_type=sub, weapons=arms, **kw)


def test_explosives_fired_from_afar_make_an_attack():
    # rockets, mortars and artillery are fired: MUC-4 calls that an attack, not a bombing
    assert incident_type(event("Attack", weapons=[("rockets", "Explosives/Rocket")])) == "attack"
    assert incident_type(event("Attack", weapons=[("mortar rounds", "Explosives/Mortar")])) == "attack"
    assert incident_type(event("Attack", weapons=[("artillery", "Explosives/Projectile")])) == "attack"


def test_a_bomb_or_a_device_set_off_makes_a_bombing():
    assert incident_type(event("Attack", weapons=[("bomb", "Explosives/Projectile")])) == "bombing"
    assert (
        incident_type(event("Attack", weapons=[("dynamite", "Explosives/Unknown Explosive Type")]))
        == "bombing"
    )
    assert incident_type(event("Attack", weapons=[("car bomb", "Explosives/Vehicle")])) == "bombing"


def test_named_people_shot_in_a_clash_were_attacked():
    named = [Mention(text="roberto navas", start=0, end=13, type="PERSON")]
    described = [Mention(text="two soldiers", start=0, end=12, type=None)]
    assert incident_type(event("Armed clash", "Battles", victims=named)) == "attack"
    assert incident_type(event("Armed clash", "Battles", victims=described)) is None


def test_a_work_stoppage_is_forced_only_by_an_armed_group():
    strike = dict(tags=["strike_action"])
    assert incident_type(event("Peaceful protest", "Protests", **strike)) is None  # judges, drivers
    drivers = Actor(name="Protesters", type="Protesters")
    assert incident_type(event("Peaceful protest", "Protests", actor1=drivers, **strike)) is None
    rebels = Actor(name="Shining Path", type="Rebel group")
    assert (
        incident_type(event("Other", "Strategic developments", actor1=rebels, **strike))
        == "forced work stoppage"
    )


def test_violence_that_hit_only_the_state_forces_is_no_incident():
    # "rebels ambushed an army convoy, killing seven soldiers": an act of war, not terrorism
    army = Actor(name="Military Forces of Colombia", type="State forces")
    rebels = Actor(name="National Liberation Army", type="Rebel group")
    soldiers = [Mention(text="seven soldiers", start=0, end=14)]
    convoy = [Mention(text="military convoy", start=0, end=15, type="Military")]
    ambush = event("Attack", actor1=rebels, actor2=army, victims=soldiers, targets=convoy)
    assert incident_type(ambush) is None
    mine = event("Remote explosive/landmine/IED", "Explosions/Remote violence", actor1=rebels, actor2=army)
    assert incident_type(mine) is None
    # a civilian thing hit, or a person the text names, makes it one
    bus = Mention(text="bus", start=0, end=3, type="Transportation")
    assert incident_type(event("Attack", actor1=rebels, actor2=army, targets=[bus])) == "attack"
    mayor = Mention(text="jose garcia", start=0, end=11, type="PERSON")
    assert incident_type(event("Attack", actor1=rebels, actor2=army, victims=[mayor])) == "attack"
    # and so does the same ambush of civilians
    assert incident_type(event("Attack", actor1=rebels, victims=soldiers)) == "attack"
