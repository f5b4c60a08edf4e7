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
