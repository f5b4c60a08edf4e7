"""Stage `arguments`: victims a report names outside the words that tell the event
(`strife.detect.identified`; sentences written for the test with invented names, lower case as
MUC-4 prints its texts)."""

from __future__ import annotations

import pytest

from strife.models import Article

pytestmark = pytest.mark.slow


def person_victims(pipeline, text: str) -> set[str]:
    article = pipeline(Article(raw=text))
    return {m.text.lower() for e in article.events for m in e.victims if m.type == "PERSON"}


def test_they_are_after_a_sentence_about_the_dead_names_the_victims(pipeline):
    text = (
        "a grenade went off outside the post office in the port this morning. three people died in "
        "the blast. the police have now released who the three people killed were. they are "
        "rosalia maldonado perez, ernesto quintana lugo, and policeman aurelio vasquez mena."
    )
    assert {"rosalia maldonado perez", "ernesto quintana lugo", "aurelio vasquez mena"} <= person_victims(
        pipeline, text
    )


def test_the_harmed_person_a_later_sentence_identifies_is_a_victim(pipeline):
    text = (
        "about a dozen people were wounded when troops fired on the marchers. one of the people "
        "wounded was a dutch nurse. hospital staff identified the dutch nurse as tomas ellerbeck, 31."
    )
    assert "tomas ellerbeck" in person_victims(pipeline, text)


def test_a_victim_named_several_sentences_after_the_event_is_its_victim(pipeline):
    text = (
        "one person was killed and two others hurt tonight by a grenade at the bus stop. the "
        "injured were driven to the clinic. one of them is rosa quintanilla. the other person is "
        "marta elena vides. a passing driver took her to the clinic. she lives nearby. the other "
        "person is lucia ramos madrigal."
    )
    assert {"rosa quintanilla", "marta elena vides", "lucia ramos madrigal"} <= person_victims(pipeline, text)


def test_names_given_the_word_for_the_unnamed_victims_are_the_victims(pipeline):
    text = (
        "rebels today freed three chilean technicians who were kidnapped a month ago. technicians "
        "osvaldo carrasco lira, renato fuenzalida, and mario ibarra soto were handed over today "
        "near the border."
    )
    assert {"osvaldo carrasco lira", "renato fuenzalida", "mario ibarra soto"} <= person_victims(
        pipeline, text
    )


def test_a_title_is_no_part_of_a_victims_name_and_a_speaker_is_no_victim(pipeline):
    text = (
        "two officers were killed in an ambush today. the victims were identified as lieutenant "
        "anselmo quiroga and sergeant ezequiel pardo. police officer julio cortes said the "
        "attackers fled."
    )
    found = person_victims(pipeline, text)
    assert "anselmo quiroga" in found
    assert not any("lieutenant" in n or "cortes" in n for n in found)


def test_a_doer_bearing_the_victims_title_is_no_victim(pipeline):
    text = (
        "two officers were killed in an ambush today near the river. army officer julio cortes "
        "led the attack on the rebel camp."
    )
    assert not any("cortes" in n for n in person_victims(pipeline, text))
