"""ACLED typing, precedence, tags and GTD attack types from features (no model needed)."""

from __future__ import annotations

import pytest

from strife.detect.tags import attack_type, tags
from strife.detect.typing import PRECEDENCE, Features, event_type, rank, sub_event_type
from strife.models import SUB_EVENT_TYPES, TAGS


def typed(families, cues=(), **kw):
    f = Features(families=list(families), cues=set(cues), **kw)
    sub = sub_event_type(f)
    return sub, tags(f, sub), attack_type(f, sub, tags(f, sub))


def test_precedence_lists_every_sub_event_type_once():
    assert sorted(PRECEDENCE) == sorted(s for subs in SUB_EVENT_TYPES.values() for s in subs)
    for etype, subs in SUB_EVENT_TYPES.items():
        for sub in subs:
            assert event_type(sub) == etype


@pytest.mark.parametrize(
    ("families", "cues", "kw", "expected"),
    [
        (["explosion"], {"suicide"}, {}, "Suicide bomb"),
        (["explosion"], {"ied"}, {}, "Remote explosive/landmine/IED"),
        (["attack"], {"air"}, {}, "Attack"),  # air words alone do not make an air strike
        (["air", "kill"], set(), {}, "Air/drone strike"),
        (["shelling", "kill"], set(), {}, "Shelling/artillery/missile attack"),
        (["grenade", "kill"], set(), {}, "Grenade"),
        (["kill"], {"chemical"}, {}, "Chemical weapon"),
        (["clash", "kill"], set(), {}, "Armed clash"),
        (["attack", "kill"], set(), {"target": "armed"}, "Armed clash"),
        (["attack", "kill"], set(), {"target": "civilian"}, "Attack"),
        (["execute"], set(), {}, "Attack"),
        (["abduct"], set(), {}, "Abduction/forced disappearance"),
        (["abduct"], set(), {"actor": "state"}, "Arrests"),
        (["sexual"], set(), {}, "Sexual violence"),
        (["territory"], set(), {"actor": "state"}, "Government regains territory"),
        (["territory"], set(), {"actor": "nonstate"}, "Non-state actor overtakes territory"),
        (["territory"], {"territory_nonviolent"}, {}, "Non-violent transfer of territory"),
        (["territory", "kill"], set(), {"attempted": True}, "Armed clash"),
        (["protest"], set(), {}, "Peaceful protest"),
        (["protest"], {"intervention"}, {}, "Protest with intervention"),
        (["protest"], {"lethal_force", "intervention"}, {}, "Excessive force against protesters"),
        (["riot"], {"lethal_force"}, {}, "Violent demonstration"),
        (["clash"], set(), {"actor_cues": {"mob"}}, "Mob violence"),
        (["arrest"], set(), {}, "Arrests"),
        (["weapons"], set(), {}, "Disrupted weapons use"),
        (["base"], set(), {}, "Headquarters or base established"),
        (["agreement"], set(), {}, "Agreement"),
        (["change"], set(), {}, "Change to group/activity"),
        (["property"], set(), {}, "Looting/property destruction"),
        (["escape"], set(), {}, "Other"),
    ],
)
def test_sub_event_types(families, cues, kw, expected):
    assert typed(families, cues, **kw)[0] == expected


def test_ground_battle_takes_precedence_over_its_air_support_which_stays_a_tag():
    sub, event_tags, _ = typed(["clash", "air"], {"air"})
    assert sub == "Armed clash"
    assert "air_strike" in event_tags


def test_remote_violence_named_by_the_main_trigger_wins_over_a_clash_in_passing():
    assert typed(["grenade", "clash"])[0] == "Grenade"


def test_rank_orders_by_acled_precedence():
    assert rank("Armed clash") < rank("Suicide bomb") < rank("Attack") < rank("Other")


def test_prison_assault_tags_and_gtd_hierarchy():
    sub, event_tags, gtd = typed(
        ["mutiny", "attack", "explosion", "abduct"], {"suicide", "vehicle_bomb", "hostage", "prison"}
    )
    assert {"prison_break", "suicide_attack", "vbied", "hostage_taking", "mutiny"} <= set(event_tags)
    assert sub == "Suicide bomb"  # no ground battle reported with it
    assert gtd == "Hostage Taking (Barricade Incident)"  # GTD: hostage taking before bombing
    assert event_tags == [t for t in TAGS if t in event_tags]


def test_attack_types():
    assert typed(["explosion"], {"ied"})[2] == "Bombing/Explosion"
    assert typed(["attack", "kill"], set(), target="civilian")[2] == "Armed Assault"
    assert typed(["kill"], {"assassination"})[2] == "Assassination"
    assert typed(["abduct"])[2] == "Hostage Taking (Kidnapping)"
    assert typed(["property"], {"arson"})[2] == "Facility/Infrastructure Attack"


def test_no_attack_type_for_state_actors_air_power_or_non_violent_events():
    assert typed(["attack", "kill"], actor="state")[2] is None
    assert typed(["air", "kill"])[2] is None
    assert typed(["protest"])[2] is None
    assert typed(["arrest"])[2] is None


def test_cue_tags_need_violence():
    assert "suicide_attack" not in typed(["protest"], {"suicide"})[1]
    assert "execution" in typed(["execute"])[1]
    assert "territorial_change" in typed(["territory"], actor="nonstate")[1]
    assert "strike_action" in typed(["protest"], {"strike_action"})[1]


def test_a_device_that_went_off_by_an_aircraft_is_no_air_strike():
    # "a cargo plane was destroyed when an incendiary bomb exploded at the airport": the aircraft
    # is what was hit; an explosion with only aircraft words and no device is still an air strike
    planted = typed(["explosion"], {"air", "ied"}, verbs={"explode"})
    assert planted[0] == "Remote explosive/landmine/IED"
    assert "ied" in planted[1] and "air_strike" not in planted[1]
    assert typed(["explosion"], {"air"}, verbs={"explode"})[0] == "Air/drone strike"
    assert typed(["explosion"], {"air", "ied"}, verbs={"drop"})[0] == "Air/drone strike"
    assert typed(["air", "explosion"], {"air", "ied"}, verbs={"explode"})[0] == "Air/drone strike"
