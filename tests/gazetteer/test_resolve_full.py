"""Reading names with the full gazetteer in one-case wire copy: parts of continents, Spanish
kind nouns before a name, English words that need real places around them (slow: full data)."""

from __future__ import annotations

import re

from strife.gazetteer import Gazetteer
from strife.gazetteer.resolve import resolve
from strife.models import Article, Span


def _geo(g: Gazetteer, text: str):
    a = Article(text=text)
    a.sentences = [
        Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()
    ]
    a.toponyms = g.find(text)
    return resolve(a, g)


def test_latin_or_central_america_is_no_country(full: Gazetteer) -> None:
    for text in (
        "THE GUERRILLAS ARE A NUISANCE TO PLANS IN LATIN AMERICA AND BOTH WERE MURDERED.",
        "Peace returned to South America and the talks went on.",
    ):
        assert not any(full.get(t.candidates[0]).iso2 == "US" for t in full.find(text)), text
    # the country under its own short name stays one
    assert [full.get(t.candidates[0]).iso2 for t in full.find("HE WAS DEPORTED TO AMERICA LAST YEAR.")] == [
        "US"
    ]


def test_a_spanish_kind_noun_before_a_name_is_no_city(full: Gazetteer) -> None:
    text = (
        "SAN SALVADOR, 12 NOV 89 -- GUERRILLAS ATTACKED HOUSES IN SAN MIGUEL. "
        "THE REBELS ALSO ATTACKED A HOUSE IN COLONIA MIRAMONTES LAST NIGHT."
    )
    assert "Köln" not in [r.place.name for r in _geo(full, text).resolved]


def test_english_words_need_the_names_of_places_around_them(full: Gazetteer) -> None:
    # "WAR" and "CONGRESS" are hamlets in the United States; a party's name ("AMERICAN POPULAR
    # REVOLUTIONARY ALLIANCE") and each other are no reason to read them as places
    text = (
        "LIMA, 8 MAY 89 -- THE PRESIDENT PAID HOMAGE IN CONGRESS TO A DEPUTY OF THE AMERICAN POPULAR "
        "REVOLUTIONARY ALLIANCE. WE ARE AT WAR AGAINST TERRORISM AND AT WAR AGAINST DRUG TRAFFICKING."
    )
    geo = _geo(full, text)
    assert {r.place.iso2 for r in geo.resolved} == {"PE"}
    assert geo.main is not None and geo.main.place.name == "Lima"


def test_a_dateline_names_its_city_however_small(full: Gazetteer) -> None:
    # capitals under a million: a lone word in one-case text needs the dateline to stand
    for text in (
        "TEGUCIGALPA, 3 APR 90 (EFE) -- SOLDIERS WERE KILLED.",
        "MANAGUA (NICARAGUA), 3 APR 90 -- NO NEWS.",
    ):
        found = full.find(text)
        assert found and found[0].start == 0 and full.get(found[0].candidates[0]).kind == "city", text
    # the same word elsewhere, with nothing that makes it a place, is not taken
    assert full.find("THE OFFICIALS SAID THAT TEGUCIGALPA HAD NOT ANSWERED THE NOTE OF THE MINISTRY.") == []


def test_a_datelines_city_stands_without_support_from_the_article(full: Gazetteer) -> None:
    text = (
        "CUCUTA, 13 OCT 89 (AFP) -- THE FAMILY OF THE BROTHER-IN-LAW OF VENEZUELAN PRESIDENT CARLOS "
        "ANDRES PEREZ SAID TODAY THAT THE PEOPLE WHO KIDNAPPED HIM ARE ASKING FOR $10 MILLION."
    )
    geo = _geo(full, text)
    assert [r.place.iso2 for r in geo.resolved] == ["CO"]
    assert geo.main is not None and geo.main.toponym.text == "CUCUTA"


def _read(g: Gazetteer, text: str, name: str) -> tuple[str, str | None]:
    found = [r.place for r in _geo(g, text).resolved if r.toponym.text == name]
    assert found, name
    return found[-1].name, found[-1].admin1


def test_a_provinces_own_name_is_the_province_not_a_town_known_by_it_for_short(full: Gazetteer) -> None:
    # "Puerto Santander" (in Norte de Santander, named in the article) is also called "Santander";
    # the name is the Santander department's own
    text = (
        "BOGOTA, 9 OCT 91 -- IN OCANA, NORTE DE SANTANDER, A JUDGE WAS SHOT. "
        "ON THE ROAD TO SAN GIL, ALSO IN SANTANDER, A BUS WAS BURNED."
    )
    assert _read(full, text, "SANTANDER") == ("Santander", "Santander")
    # "El Carmen de Chucuri" is called "Carmen" for short; the town named "El Carmen" in the
    # province the sentence names is that town
    text = (
        "BOGOTA, 9 OCT 91 -- TROOPS PATROLLED THE BORDER NEAR CUCUTA ALL WEEK. "
        "A BRIDGE WAS BLOWN UP OUTSIDE CARMEN, IN NORTHERN SANTANDER, ON TUESDAY."
    )
    assert _read(full, text, "CARMEN") == ("El Carmen", "Norte de Santander")
    # the long name is still read when the text gives it
    assert _read(full, "GUERRILLAS ATTACKED PUERTO SANTANDER, NORTE DE SANTANDER.", "PUERTO SANTANDER")[
        0
    ] == ("Puerto Santander")


def test_a_source_in_the_header_of_a_dateline_abroad_is_no_main_place(full: Gazetteer) -> None:
    # filed in Lima, quoting a Paris agency, about Guatemala: the scene is Guatemala City
    text = (
        "LIMA (PERU), 3 MAY 91 (PARIS AFP) -- THE UNION HAS VOICED ALARM AT THE FOREIGN ROLE "
        "IN THE GUATEMALAN WAR. ON MONDAY THE SUBURBS OF THE CAPITAL GUATEMALA CITY WERE SHELLED BY "
        "ARTILLERY. FOREIGN ADVISERS ARRIVED IN GUATEMALA ON 2 APRIL."
    )
    main = _geo(full, text).main
    assert main is not None and main.place.name == "Guatemala City"
    # a header may end with a plain dash, as a dateline may
    main = _geo(full, text.replace(") -- ", ") - ")).main
    assert main is not None and main.place.name == "Guatemala City"
