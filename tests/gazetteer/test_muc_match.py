"""Matching strife locations against MUC-4 key locations."""

from __future__ import annotations

from strife.gazetteer import match_location, parse_key_location
from strife.models import Location

KEY = "EL SALVADOR: SAN SALVADOR (CITY): SAN MIGUELITO (NEIGHBORHOOD)"


def test_parse_string_and_json_forms() -> None:
    assert parse_key_location(KEY) == [
        (["EL SALVADOR"], None),
        (["SAN SALVADOR"], "CITY"),
        (["SAN MIGUELITO"], "NEIGHBORHOOD"),
    ]
    entries = [
        {"type": "simple_strings", "strings": ["GUATEMALA"]},
        {"type": "colon_clause", "strings_lhs": ["SANTO TOMAS"], "strings_rhs": ["FARM"]},
    ]
    assert parse_key_location(entries) == [(["GUATEMALA"], None), (["SANTO TOMAS"], "FARM")]


def test_city_level_match_is_country_right_place_not_most_specific() -> None:
    loc = Location(name="San Salvador", admin1="San Salvador", country="El Salvador", geo_precision=1)
    result = match_location(loc, KEY)
    assert result["country"] is True and result["place"] is False and result["level"] == 1
    assert result["key_place"] == "SAN MIGUELITO"


def test_most_specific_match() -> None:
    loc = Location(name="San Miguelito (San Salvador)", text="San Miguelito", country="El Salvador")
    assert match_location(loc, KEY)["place"] is True


def test_places_of_one_kind_side_by_side_are_each_the_most_specific() -> None:
    key = "PERU: ANCASH (DEPARTMENT): CHAVIN (TOWN): HUARI (TOWN)"
    assert match_location(Location(name="Chavin", country="Peru"), key)["place"] is True
    assert match_location(Location(name="Huari", country="Peru"), key)["place"] is True
    # a department is no sibling of a town: it stays a wider unit, not the incident's place
    assert match_location(Location(name="Ancash", country="Peru"), key)["place"] is False
    # a neighbourhood lies in its city: only the neighbourhood is the most specific place
    assert match_location(Location(name="San Salvador", country="El Salvador"), KEY)["place"] is False


def test_country_only_key_and_wrong_country() -> None:
    assert match_location(Location(country="Peru"), "PERU") == {
        "country": True, "place": None, "level": 0, "key_country": "PERU", "key_place": None,
    }  # fmt: skip
    assert (
        match_location(Location(name="Lima", country="Peru"), "COLOMBIA: BOGOTA (CITY)")["country"] is False
    )


def test_alternatives_and_spelling() -> None:
    loc = Location(name="Medellin", admin1="Antioquia", country="Colombia")
    assert match_location(loc, "COLOMBIA: MEDELLIN (CITY) / ENVIGADO (CITY)")["place"] is True
    assert match_location(loc, "COLOMBIA: ANTIOQUIA (DEPARTMENT)")["place"] is True
    assert match_location(Location(), "")["country"] is None


def test_an_entry_that_only_names_a_kind_belongs_to_the_level_before() -> None:
    entries = [
        {"type": "simple_strings", "strings": ["EL SALVADOR"]},
        {"type": "simple_strings", "strings": ["USULUTAN"]},
        {"type": "simple_strings", "strings": ["COUNTY"]},
        {"type": "simple_strings", "strings": ["DEPARTMENT"]},
    ]
    assert parse_key_location(entries) == [(["EL SALVADOR"], None), (["USULUTAN"], "COUNTY")]
    loc = Location(name="Usulutan", admin1="Usulutan", country="El Salvador")
    assert match_location(loc, entries)["place"] is True
    assert parse_key_location("EL SALVADOR: SAN SALVADOR: DEPARTMENT")[-1] == (["SAN SALVADOR"], "DEPARTMENT")


def test_names_match_as_gtt_mentions_and_no_looser() -> None:
    key = "EL SALVADOR: SAN SALVADOR (CITY)"
    assert match_location(Location(name="San Salvador", country="El Salvador"), key)["place"] is True
    # accents, case and punctuation aside, a part of a name is not the name
    assert match_location(Location(name="Salvador", country="El Salvador"), key)["place"] is False
    assert (
        match_location(Location(name="Zacatecóluca", country="El Salvador"), "EL SALVADOR: ZACATECOLUCA")[
            "place"
        ]
        is True
    )
    assert (
        match_location(Location(name="Usulutan", country="El Salvador"), "EL SALVADOR: USULATAN")["place"]
        is False
    )


def test_strifes_name_may_carry_the_keys_kind() -> None:
    key = "EL SALVADOR: SAN SALVADOR (CITY): ESCALON (NEIGHBORHOOD)"
    for name in ("Colonia Escalon", "Escalon neighborhood", "ESCALON"):
        assert match_location(Location(name=name, country="El Salvador"), key)["place"] is True
    # only the key's own kind is dropped: a department is not the city of the same name
    city = "EL SALVADOR: SAN MIGUEL (CITY)"
    assert (
        match_location(Location(name="San Miguel Department", country="El Salvador"), city)["place"] is False
    )
    assert match_location(Location(name="Colonia Escalon", country="El Salvador"), city)["place"] is False


def test_key_name_cut_at_a_period_by_the_conversion() -> None:
    entries = [
        {"type": "simple_strings", "strings": ["UNITED STATES"]},
        {"type": "simple_strings", "strings": ["WASHINGTON D"]},
    ]
    dc = Location(name="Washington", admin1="Washington, D.C.", country="United States")
    assert match_location(dc, entries)["place"] is True
    state = Location(name="Washington", admin1="Washington", country="United States")
    assert match_location(state, entries)["place"] is False
