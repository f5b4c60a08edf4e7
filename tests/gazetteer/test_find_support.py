"""Single words in one-case text stand as places only with support: "between", a name they are
joined to, or an apposition that calls them a place or says how far they lie."""

from __future__ import annotations

from strife.gazetteer import Gazetteer


def names(g: Gazetteer, text: str) -> list[str]:
    return [t.text for t in g.find(text)]


def test_between_is_locative(small: Gazetteer) -> None:
    assert names(small, "CLASHES WERE REPORTED ON THE ROAD BETWEEN RAQQA AND THE FRONT TODAY.") == ["RAQQA"]


def test_a_name_joined_to_a_situated_place(small: Gazetteer) -> None:
    text = "TROOPS WERE DEPLOYED IN AL-HASAKAH AND RAQQA AFTER THE ATTACKS, THE ARMY SAID."
    assert names(small, text) == ["AL-HASAKAH", "RAQQA"]
    # joined to a name that nothing places: no support
    assert names(small, "TALKS WITH AL-HASAKAH AND RAQQA ELDERS WERE HELD TODAY, THE ENVOY SAID.") == []


def test_apposition_calls_it_a_place(small: Gazetteer) -> None:
    assert names(small, "RAQQA, 160 KM EAST OF THE FRONT, IS QUIET AGAIN, RESIDENTS SAID.") == ["RAQQA"]
    text = "GUNMEN KILLED TWO OFFICIALS ON A ROAD LINKING RAQQA AND AL-HASAKAH, TWO TOWNS IN THE NORTH."
    assert names(small, text) == ["RAQQA", "AL-HASAKAH"]
    assert names(small, "RAQQA, THE FIGHTERS SAID, WOULD NOT FALL AGAIN THIS YEAR.") == []
