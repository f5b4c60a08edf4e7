"""Stage `place`: places told in the sentences around an event's own (a definite reference back,
"in the same area", the sentence after a placeless lede), and the output's admin-2 name."""

from __future__ import annotations

from stages.test_place import STAGE, draft  # the place tests' hand-built articles
from strife.gazetteer.geography import Resolved
from strife.gazetteer.places import Place
from strife.gazetteer.stated import statements
from strife.models import Article, Toponym
from strife.stages.place import location


def test_the_farm_refers_to_the_farm_named_before() -> None:
    a = STAGE(
        draft(
            'Gunmen surrounded the "Al Noor" farm near Mosul on Monday. '
            "The army said on Tuesday that a column of fighters attacked the farm at dawn.",
            "attacked",
        )
    )
    loc = a.events[0].location
    assert (loc.name, loc.admin1, loc.country) == ("Al Noor", "Nineveh", "Iraq")


def test_in_the_same_area_is_the_place_named_before() -> None:
    text = (
        "A bomb exploded at a checkpoint in Raqqa on Monday. The governor condemned it. "
        "Reporters saw the damage. Later, in the same area, gunmen shot two soldiers."
    )
    loc = STAGE(draft(text, "exploded", "shot")).events[1].location
    # read as the place named, not inferred from the article (which would be precision 2)
    assert (loc.name, loc.geo_precision) == ("Ar Raqqah", 1)
    # without the reference the article's main place still stands, one step less precise
    plain = STAGE(draft(text.replace("in the same area, ", ""), "exploded", "shot")).events[1].location
    assert (plain.name, plain.geo_precision) == ("Ar Raqqah", 2)


def test_the_next_sentence_says_where_a_placeless_lede_happened() -> None:
    text = (
        "Police said a deputy minister was seriously wounded this morning in Mosul. "
        "A second official was shot dead in Baghdad. "
        "A minister was seriously wounded this morning. "
        "Unidentified men fired at his car as he left his home in the Al Noor neighborhood of Baghdad."
    )
    loc = STAGE(draft(text, "shot", "wounded this morning.")).events[1].location
    assert (loc.name, loc.admin1) == ("Al Noor", "Baghdad")


def test_the_next_sentence_of_another_event_is_not_borrowed() -> None:
    text = (
        "Officials said a minister was wounded. Soldiers clashed with rebels in Mosul. "
        "In Baghdad, markets reopened. Baghdad police patrolled the streets."
    )
    d = draft(text, "wounded", "clashed")
    d.events[0].sub_event_type = "Attack"
    a = STAGE(d)
    # the article's main place (inferred, precision 2), not the place of the next sentence's clash
    assert (a.events[0].location.name, a.events[0].location.geo_precision) == ("Baghdad", 2)
    assert a.events[1].location.name == "Mosul"


def test_where_a_building_was_located_states_no_place_of_the_event() -> None:
    text = (
        "Two officials were murdered on Monday. A train derailed near Mosul, a town where an office was "
        "located. The attack was carried out in Raqqa."
    )
    a = draft(text, "murdered")
    assert statements(a, a.events[0]) == [2]


def test_admin2_is_the_units_own_name() -> None:
    a = Article(text="A bomb went off in Providencia.")
    t = Toponym(text="Providencia", start=19, end=30, candidates=[1])
    p = Place(1, "Providencia", -33.43, -70.61, "city", "Chile", "CL", "CHL", "Santiago Metropolitan",
              "Provincia de Santiago", 120_000, "GeoNames")  # fmt: skip
    loc = location(a, Resolved(t, p, 0, "explicit", 16), False)
    assert (loc.name, loc.admin2, loc.admin1) == ("Providencia", "Santiago", "Santiago Metropolitan")


def test_a_place_located_by_a_distance_is_the_one_told_of() -> None:
    text = (
        "Raqqa, 160 km east of Aleppo, is paralyzed by a strike. Since Friday there have been eight bombings."
    )
    loc = STAGE(draft(text, "bombings")).events[0].location
    assert loc.name == "Ar Raqqah"  # not "160 km east of Aleppo": Aleppo only says where Raqqa lies


def test_the_next_sentence_of_the_same_kind_of_event_says_where() -> None:
    # the second sentence tells the same clash in more detail: its place is the first one's too
    text = (
        "Officials reported that soldiers killed two farmers. "
        "The soldiers staged a clash in the Al Noor neighborhood of Mosul to cover the killing."
    )
    a = STAGE(draft(text, "killed", "staged"))
    assert (a.events[0].location.name, a.events[0].location.admin1) == ("Al Noor", "Nineveh")
    other = draft(text, "killed", "staged")
    other.events[1].sub_event_type = "Arrests"  # another kind of event: not borrowed
    assert STAGE(other).events[0].location.name != "Al Noor"


def test_where_troops_are_stationed_is_not_where_they_were_attacked() -> None:
    text = "Soldiers stationed in Mosul came under attack near Raqqa on Monday."
    loc = STAGE(draft(text, "attack")).events[0].location
    assert (loc.name, loc.geo_precision) == ("Ar Raqqah", 2)
