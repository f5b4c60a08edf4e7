"""Matching actor names in text: aliases, letter case, acronym guards, spelling variants."""

from __future__ import annotations

import pytest

from actors.helpers import names, only


@pytest.mark.parametrize(
    "surface",
    [
        "Islamic State",
        "the Islamic State group",
        "IS",
        "ISIS",
        "Isis",
        "ISIL",
        "Daesh",
        "Da'esh",
        "Da’esh",
        "DAESH",
        "Islamic State of Iraq and the Levant",
        "Islamic State of Iraq and Syria",
        "so-called Islamic State",
    ],
)
def test_islamic_state_aliases(actors, surface):
    assert only(actors, f"Reports said {surface} attacked the town.") == "Islamic State"


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Syrian Democratic Forces", "Syrian Democratic Forces"),
        ("SDF", "Syrian Democratic Forces"),
        ("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights"),
        ("SOHR", "Syrian Observatory for Human Rights"),
        ("Amaq", "Amaq"),
        ("Amaq News Agency", "Amaq"),
        ("Aamaq", "Amaq"),
        ("al-Qaeda", "Al-Qaeda"),
        ("al Qaida", "Al-Qaeda"),
        ("Al-Qa'ida", "Al-Qaeda"),
        ("Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham"),
        ("Nusra Front", "Jabhat al-Nusra"),
        ("Hezbollah", "Hezbollah"),
        ("Hizballah", "Hezbollah"),
        ("Sendero Luminoso", "Shining Path"),
        ("FMLN", "Farabundo Marti National Liberation Front"),
        ("Farabundo Martí National Liberation Front", "Farabundo Marti National Liberation Front"),
        ("the Extraditables", "Medellin Cartel"),
        ("Ansar Allah", "Houthis"),
        ("Médecins Sans Frontières", "Medecins Sans Frontieres"),
    ],
)
def test_aliases_resolve_to_one_canonical_actor(actors, surface, name):
    assert only(actors, f"A statement by {surface} was read on the radio.") == name


def test_all_upper_text(actors):
    text = (
        "THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) SAID IT IS READY. THE ELN AND THE ARMY CLASHED."
    )
    assert names(actors, text) == [
        ("FARABUNDO MARTI NATIONAL LIBERATION FRONT", "Farabundo Marti National Liberation Front"),
        ("FMLN", "Farabundo Marti National Liberation Front"),
        ("ELN", "National Liberation Army"),
        ("ARMY", "Military Forces"),
    ]


def test_all_lower_text(actors):
    text = "the fmln said it is ready to talk. isis and the sdf clashed while the salvadoran army watched."
    assert names(actors, text) == [
        ("fmln", "Farabundo Marti National Liberation Front"),
        ("isis", "Islamic State"),
        ("sdf", "Syrian Democratic Forces"),
        ("salvadoran army", "Military Forces of El Salvador"),
    ]


def test_monocase_can_be_forced(actors):
    assert names(actors, "IS", monocase=True) == []
    assert names(actors, "IS", monocase=False) == [("IS", "Islamic State")]


@pytest.mark.parametrize(
    "text",
    [
        "WHAT IS THE PLAN FOR TODAY, HE ASKED",
        "This is where it is.",
        "The village is far from the arena where the WHO MADE IT show ran.",
        "Let them go in Jan and Feb.",
        "an anti-IS coalition was formed",
    ],
)
def test_acronyms_that_are_words_are_not_matched_as_words(actors, text):
    assert all(
        name != "Islamic State" and name != "World Health Organization" for _, name in names(actors, text)
    )
    assert ("Jan", "Jabhat al-Nusra") not in names(actors, text)
    assert ("Let", "Lashkar-e-Taiba") not in names(actors, text)
    assert ("far", "Rebel Armed Forces") not in names(actors, text)


def test_acronyms_in_capitals_are_matched(actors):
    assert names(actors, "IS claimed the attack, the WHO said, and LeT denied it.") == [
        ("IS", "Islamic State"),
        ("WHO", "World Health Organization"),
        ("LeT", "Lashkar-e-Taiba"),
    ]
    assert only(actors, "an anti-IS coalition was formed") == "Global Coalition Against Daesh"


def test_possessives(actors):
    assert names(actors, "Isis's fighters and the SDF’s commander") == [
        ("Isis's fighters", "Islamic State"),
        ("SDF’s commander", "Syrian Democratic Forces"),
    ]
    assert only(actors, "Syria's army advanced") == "Military Forces of Syria"
    assert only(actors, "Syrias army advanced") == "Military Forces of Syria"
    assert only(actors, "the United States' military said") == "Military Forces of the United States"


def test_names_across_line_breaks_and_spaces(actors):
    text = "A statement of the SYRIAN\nOBSERVATORY FOR  HUMAN RIGHTS said so."
    [(surface, name)] = names(actors, text)
    assert name == "Syrian Observatory for Human Rights"
    assert surface == "SYRIAN\nOBSERVATORY FOR  HUMAN RIGHTS"


def test_hyphen_and_space_variants(actors):
    for surface in ("al-Qaeda", "al Qaeda", "Al-Qaida", "al–Qaeda"):
        assert only(actors, f"{surface} is behind it.") == "Al-Qaeda"


def test_word_boundaries(actors):
    assert names(actors, "ISISland and SDFs and Hamasa") == []
    assert only(actors, "the IS-held town") == "Islamic State"


def test_group_absorbs_member_noun(actors):
    assert names(actors, "IS fighters and SDF troops and the PKK spokesman") == [
        ("IS fighters", "Islamic State"),
        ("SDF troops", "Syrian Democratic Forces"),
        ("PKK spokesman", "Kurdistan Workers' Party"),
    ]


def test_generic_joined_to_its_group(actors):
    assert names(actors, "militants from Islamic State and fighters of the FMLN") == [
        ("militants from Islamic State", "Islamic State"),
        ("fighters of the FMLN", "Farabundo Marti National Liberation Front"),
    ]


def test_news_agency_staff(actors):
    assert names(actors, "a source told SANA reporter that") == [("SANA reporter", "SANA")]


def test_mention_fields(actors):
    [m] = actors.find("The Syrian Democratic Forces said so.")
    assert (m.name, m.actor_type, m.country, m.known, m.type) == (
        "Syrian Democratic Forces",
        "Rebel group",
        "SYR",
        True,
        "armed_group",
    )
    [m] = actors.find("The Syrian Observatory said so.")
    assert (m.actor_type, m.type) == (None, "monitor")


def test_longest_match_wins(actors):
    assert only(actors, "the Free Syrian Army attacked") == "Free Syrian Army"
    assert only(actors, "the Islamic State of Iraq and the Levant attacked") == "Islamic State"
    assert only(actors, "Al-Qaeda in the Arabian Peninsula attacked") == "Al-Qaeda in the Arabian Peninsula"
