"""The deaths and injuries a MUC-4 answer key gives, by the key's own conventions (no model).

A human target carries its numbers (`hum_tgt_number`) and its effects
(`hum_tgt_effect_of_incident`), linked by the target's strings. A target that suffered several
effects is listed once per effect, and its numbers follow the order of those effects, after the
size of the whole group when the key gives it.
"""

import math

from strife.eval.muc4_slots import key_figure


def clause(lhs, rhs):
    return {"type": "colon_clause", "strings_lhs": list(lhs), "strings_rhs": list(rhs)}


def simple(*strings):
    return {"type": "simple_strings", "strings": list(strings)}


def key(numbers, effects, total=None):
    out = {
        "hum_tgt_number": [clause([n], t) for n, t in numbers],
        "hum_tgt_effect_of_incident": [clause([e], t) for e, t in effects],
    }
    if total is not None:
        out["hum_tgt_total_number"] = [simple(total)]
    return out


def test_one_target_killed_and_injured_splits_by_effect_order():
    # "20 persons were killed and approximately 100 were injured"
    k = key([("20", ["PERSONS"]), ("~100", ["PERSONS"])], [("DEATH", ["PERSONS"]), ("INJURY", ["PERSONS"])])
    assert key_figure(k, "DEATH") == (20, 20)
    assert key_figure(k, "INJURY") == (100, 100)


def test_effect_order_decides_not_death_first():
    # "at least 16 died and another 30 were wounded", keyed INJURY first
    k = key([("30", ["MILITIA"]), ("16-", ["MILITIA"])], [("INJURY", ["MILITIA"]), ("DEATH", ["MILITIA"])])
    assert key_figure(k, "DEATH") == (16, math.inf)
    assert key_figure(k, "INJURY") == (30, 30)


def test_group_size_comes_before_the_effects_numbers():
    # a patrol of about 70: 9 killed, 3 wounded (one of them also named on its own)
    patrol = ["PEASANTS", "PATROL"]
    k = key(
        [("~70", patrol), ("9", patrol), ("3", patrol), ("1", ["17-YEAR-OLD"])],
        [("DEATH", patrol), ("INJURY", patrol), ("INJURY", ["17-YEAR-OLD"])],
        total="~70",
    )
    assert key_figure(k, "DEATH") == (9, 9)
    assert key_figure(k, "INJURY") == (4, 4)
    # one effect, two numbers: the bus carried 24 guards, at least 7 were killed
    bus = key([("24", ["GUARDS"]), ("7 -", ["GUARDS"])], [("DEATH", ["GUARDS"])])
    assert key_figure(bus, "DEATH") == (7, math.inf)


def test_one_number_for_two_effects_says_only_at_least_one():
    # the key gives 59 people both DEATH and INJURY: neither is 59 for sure, nor is the total
    k = key([("59", ["PEOPLE"])], [("DEATH", ["PEOPLE"]), ("INJURY", ["PEOPLE"])], total="59")
    assert key_figure(k, "DEATH") == (1, math.inf)
    assert key_figure(k, "INJURY") == (1, math.inf)
    both = {
        "hum_tgt_number": [clause(["3"], ["MEN"])],
        "hum_tgt_effect_of_incident": [clause(["INJURY", "DEATH"], ["MEN"])],
    }
    assert key_figure(both, "DEATH") == (1, math.inf)


def test_numbers_link_to_the_exact_target_first():
    # "one person killed, 86 others injured": the PERSON entry is not the OTHERS/PERSON entry
    k = key(
        [("1", ["PERSON"]), ("86", ["OTHERS", "PERSON"])],
        [("INJURY", ["OTHERS", "PERSON"]), ("DEATH", ["PERSON"])],
    )
    assert key_figure(k, "DEATH") == (1, 1)
    assert key_figure(k, "INJURY") == (86, 86)


def test_total_is_used_only_when_every_target_suffered_just_that_effect():
    two_dead = key([("1", ["A"]), ("1", ["B"])], [("DEATH", ["A"]), ("DEATH", ["B"])], total="2")
    assert key_figure(two_dead, "DEATH") == (2, 2)
    mixed = key([("1", ["A"]), ("4", ["B"])], [("DEATH", ["A"]), ("INJURY", ["B"])], total="5")
    assert key_figure(mixed, "DEATH") == (1, 1)
    assert key_figure(mixed, "INJURY") == (4, 4)


def test_other_effects_and_denials():
    # bodyguards: 2 injured, 1 not
    k = key(
        [("2", ["BODYGUARDS"]), ("1", ["BODYGUARDS"])],
        [("INJURY", ["BODYGUARDS"]), ("NO INJURY", ["BODYGUARDS"])],
    )
    assert key_figure(k, "INJURY") == (2, 2)
    assert key_figure(k, "DEATH") is None
    nobody = key([("1", ["MAYOR"])], [("NO INJURY OR DEATH", ["MAYOR"])])
    assert key_figure(nobody, "DEATH") == (0, 0) and key_figure(nobody, "INJURY") == (0, 0)
    unnumbered = key([], [("DEATH", ["PRIEST"])])
    assert key_figure(unnumbered, "DEATH") == (1, math.inf)


def test_an_optional_target_may_be_counted_or_not():
    persons, police = ["PERSONS"], ["POLICEMEN"]
    k = key([("20", persons), ("PLURAL", police)], [("DEATH", persons)])
    k["hum_tgt_effect_of_incident"].append(dict(clause(["DEATH"], police), optional=True))
    assert key_figure(k, "DEATH") == (20, math.inf)


def test_total_counts_targets_the_key_gives_no_effect():
    # seven children in the house, four of them the owner's, and only a niece was hurt: the
    # total of 7 counts every target, so it is not the number injured
    k = key(
        [("7", ["CHILDREN"]), ("4", ["OWNER'S CHILDREN"]), ("1", ["NIECE"])],
        [("INJURY", ["NIECE"])],
        total="7",
    )
    assert key_figure(k, "INJURY") == (1, 1)
    assert key_figure(k, "DEATH") is None
    # every numbered target hurt: the total is their figure
    all_hurt = key(
        [("3", ["GUARDS"]), ("1", ["DRIVER"])], [("INJURY", ["GUARDS"]), ("INJURY", ["DRIVER"])], "4"
    )
    assert key_figure(all_hurt, "INJURY") == (4, 4)


def test_a_named_member_of_a_numbered_group_is_counted_once():
    # "the murder of six priests and two women ... X, one of the priests killed": the key lists X
    # as a PRIEST beside PRIESTS numbered 6; X is one of the six
    k = key(
        [("1", ["JOSE PEREZ"]), ("6", ["PRIESTS"]), ("2", ["WOMEN"])],
        [("DEATH", ["WOMEN"]), ("DEATH", ["PRIESTS"]), ("DEATH", ["JOSE PEREZ"])],
    )
    k["hum_tgt_description"] = [clause(["PRIEST"], ["JOSE PEREZ"]), simple("PRIESTS"), simple("WOMEN")]
    assert key_figure(k, "DEATH") == (8, 8)
    # described otherwise ('RECTOR'), the key does not say they are one of the group: added
    k["hum_tgt_description"] = [clause(["RECTOR"], ["JOSE PEREZ"]), simple("PRIESTS"), simple("WOMEN")]
    assert key_figure(k, "DEATH") == (9, 9)
    # a policeman beside policemen who suffered another effect only is no member of them
    k = key(
        [("1", ["JUAN GOMEZ"]), ("3", ["POLICEMEN"])], [("DEATH", ["JUAN GOMEZ"]), ("INJURY", ["POLICEMEN"])]
    )
    k["hum_tgt_description"] = [clause(["POLICEMAN"], ["JUAN GOMEZ"]), simple("POLICEMEN")]
    assert key_figure(k, "DEATH") == (1, 1)
