"""Places named with their kind that the gazetteer need not hold ("the Escalon neighborhood")."""

from __future__ import annotations

from strife.gazetteer.subplace import find_subplaces

STOP = frozenset({"the", "in", "of", "a", "an", "and", "at", "on", "to", "from", "which", "is", "was"})


def found(text: str) -> list[tuple[str, str]]:
    return [(s.name, s.kind) for s in find_subplaces(text, STOP)]


def test_name_before_its_kind_in_any_case() -> None:
    assert found("CLASHES IN LA ESMERALDA NEIGHBORHOOD IN SAN MIGUEL") == [("LA ESMERALDA", "neighborhood")]
    assert found("Shells hit the Salaheddine neighbourhood of Aleppo.") == [("Salaheddine", "neighbourhood")]
    assert found('THE REBELS ATTACKED THE "GENERAL ARCE" NEIGHBORHOOD') == [("GENERAL ARCE", "neighborhood")]
    assert found("FROM PRADOS DE VENECIA NEIGHBORHOOD") == [("PRADOS DE VENECIA", "neighborhood")]


def test_a_river_is_named_before_its_kind() -> None:
    assert found("A BOAT WAS FIRED ON ON THE BERMEJA RIVER, NEAR THE BORDER") == [("BERMEJA", "river")]
    assert found("Two bodies were found in the river near the town.") == []


def test_kind_before_its_name() -> None:
    assert found("They attacked the town of Tejutepeque in the north.") == [("Tejutepeque", "town")]
    assert found("IN CANTON EL JICARO, SAN MIGUEL") == [("EL JICARO", "canton")]
    assert found("The village of Kafr Nabl was shelled.") == [("Kafr Nabl", "village")]


def test_descriptions_are_no_names() -> None:
    assert found("They lived in a poor neighborhood of Lima.") == []
    assert found("Troops searched the nearby village and several neighboring hamlets.") == []
    assert found("A neighborhood of Lima") == []  # "of" after a neighbourhood names where it lies


def test_offsets_and_phrase() -> None:
    text = "Troops entered the Escalon neighborhood."
    (sub,) = find_subplaces(text, STOP)
    assert text[sub.start : sub.end] == "Escalon"
    assert text[sub.span[0] : sub.span[1]] == "Escalon neighborhood"


def test_odd_input() -> None:
    assert found("") == [] and found("neighborhood") == [] and found("!!! village of ...") == []


def test_institutions_keep_their_kind_in_their_name() -> None:
    assert found("AN AMBULANCE WAS ATTACKED NEAR THE NATIONAL UNIVERSITY.") == [
        ("NATIONAL UNIVERSITY", "university")
    ]
    assert found("The bomb attack on the Central American University (UCA)") == [
        ("Central American University", "university")
    ]
    assert found("HE WAS SHOT AT EL DORADO AIRPORT") == [("EL DORADO AIRPORT", "airport")]
    assert found("Troops raided the University of Antioquia campus.") == [
        ("University of Antioquia", "university")
    ]
    # no name, or no word that puts anything there
    assert found("Students attacked the university.") == []
    assert found("She studied at a university in Lima.") == []
    assert found("The National University said nothing.") == []


def test_a_date_is_no_name() -> None:
    assert found("IN THE 15 SEPTEMBER NEIGHBORHOOD") == []


def test_a_quoted_name_may_have_a_describing_word_before_its_kind() -> None:
    assert found('GUERRILLAS ATTACKED THE "SANTA ROSA" PRESIDENTIAL FARM') == [("SANTA ROSA", "farm")]


def test_places_introduced_by_what_they_are_called() -> None:
    assert found("A CHARGE WAS PLACED AT THE PLACE CALLED LA MOTOSA, NEAR AIPE") == [("LA MOTOSA", "place")]
    assert found("A bomb exploded in a heavily populated district in Medellin known as Las Americas.") == [
        ("Las Americas", "district")
    ]
    assert found("He is known as the butcher.") == []


def test_parts_of_a_city_named_district_or_sector() -> None:
    assert found("THE EMBASSY LOCATED IN ORRANTIA DISTRICT, NEAR SAN ISIDRO") == [("ORRANTIA", "district")]
    assert found("Shops burned in the business district and the commercial sector.") == []


def test_a_place_before_the_one_it_lies_in() -> None:
    assert found("A PYLON IN SAJANDI, LA FONDA CORREGIMIENTO.") == [
        ("SAJANDI", "locality"),
        ("LA FONDA", "corregimiento"),
    ]
    # only right after a locative word: "police, the Escalon neighborhood" names no place
    assert found("Police, the Escalon neighborhood") == [("Escalon", "neighborhood")]


def test_the_part_of_a_town_of_a_name() -> None:
    assert found("A BOMB EXPLODED IN THE SUBURB OF QUIRIGUA.") == [("QUIRIGUA", "suburb")]
    assert found('IN THE LUXURIOUS RESIDENTIAL AREA OF "MAQUILISHUAT," IN THE NORTH') == [
        ("MAQUILISHUAT", "residential area")
    ]
    # "a suburb of X" and "the X neighbourhood of Y" name the place it lies in
    assert found("a poor suburb of Lima") == []
    # with capitals a lower-case word ends the name
    assert found("It occurred in the neighbourhood of Salihiah ahead of the feast.") == [
        ("Salihiah", "neighbourhood")
    ]


def test_the_fast_name_kind_scan_finds_what_the_plain_scan_finds() -> None:
    """`_after_matches` only narrows where `_AFTER` is tried; its matches are the plain scan's,
    also where names run into a second kind noun, quotes, possessives and line breaks."""
    from strife.gazetteer.subplace import _AFTER, _after_matches

    pieces = [
        "LA ESMERALDA NEIGHBORHOOD",
        "the village farm",
        "Los Llanos village farm hacienda",
        "'Santa Ana' refugee camp",
        "A B C D E F village",
        "village's own farm",
        "Escalon\n\n  neighborhood",
        'the "General Arce" district.',
        "x1 y2 sector;",
        "municipality",
        " farmhouse villages",
        "Ñandú  ’Óscar   canton",
    ]
    texts = [" ".join(pieces), ", ".join(pieces), "".join(pieces), "\n".join(reversed(pieces))]
    texts += [a + " " + b for a in pieces for b in pieces]
    for text in texts:
        assert [m.span() for m in _after_matches(text)] == [m.span() for m in _AFTER.finditer(text)], text
        assert [m.group("name") for m in _after_matches(text)] == [
            m.group("name") for m in _AFTER.finditer(text)
        ]
